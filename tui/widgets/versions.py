"""The versions of an issued document; Enter opens the chosen one (read-only)."""
from __future__ import annotations

from models.core.words import ISSUED_ON, STATUS, SYMBOL

from .. import words
from ..plain import plain
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from .page_table import PageTable
from ..words import WidgetWords as W


class VersionsScreen(ModalScreen):
    """Returns the id of the chosen version, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", words.CLOSE, id="versions.close")]

    def __init__(self, title: str, rows: list[tuple[int, tuple[str, ...]]]):
        super().__init__()
        self.versions_title, self.rows = title, rows

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.versions_title), classes="form-title")
            yield PageTable(id="versions-table")
            yield Static(words.HINT_VERSIONS, classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(PageTable)
        table.add_columns(W.VERSION, STATUS, SYMBOL, ISSUED_ON, W.CHANGE_REASON, give_way=(4,))
        for rid, cells in self.rows:
            table.add_row(*cells, key=str(rid))
        table.focus()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.dismiss(int(event.row_key))
