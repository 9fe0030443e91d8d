"""Lịch sử thay đổi: a table of who changed what and when, for any record.

A screen's detail view yields ``HistoryView()`` and calls ``show(record)``, or
pushes ``HistoryScreen(record)`` on a key such as "l". Loading runs in a thread
worker; the widget posts ``HistoryView.Loaded`` when the rows are shown."""
from __future__ import annotations

from .. import words
from ..plain import plain
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import work
from .keybar import KeyBar
from .page_table import PageTable
from ..words import HistoryWords as W


class HistoryView(Vertical):
    DEFAULT_CLASSES = "history-view"

    class Loaded(Message):
        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, classes="section-title")
        yield PageTable(id="history-table", zebra_stripes=True)
        yield Static("", id="history-empty")

    def on_mount(self) -> None:
        self.query_one(PageTable).add_columns(W.AT, W.WHO, W.ACTION, W.CHANGE, W.REASON, give_way=(4, 3))

    def show(self, record) -> None:
        """Load the trail of ``record`` (a model instance) in a worker."""
        self._load(record._meta.table_name, record.get_id())

    def _load(self, table: str, record_id: int) -> None:
        from models.services.history import history_rows

        work.run(self, history_rows, table, record_id, done=self._fill, group="history")

    def _fill(self, rows) -> None:
        table = self.query_one(PageTable)
        table.clear()
        self.rows = rows
        for r in rows:
            table.add_row(r.at, r.user, r.action, r.changes, r.reason)
        self.query_one("#history-empty", Static).update("" if rows else W.NONE)
        self.post_message(self.Loaded(len(rows)))


class HistoryScreen(ModalScreen):
    """The history of one record over the current screen; Esc closes it, U puts
    back what the chosen change replaced (a new change, kept in the history)."""

    BINDINGS = [Binding("escape", "dismiss", words.CLOSE, id="history.close"),
                Binding("u", "undo", W.UNDO, id="history.undo")]

    def __init__(self, record, title: str = "") -> None:
        super().__init__()
        self.record = record
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="history-dialog"):
            if self.heading:
                yield Static(plain(self.heading), classes="screen-title")
            yield HistoryView()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(HistoryView).show(self.record)
        self.query_one(PageTable).focus()

    def action_undo(self) -> None:
        from .confirm import ConfirmScreen

        view = self.query_one(HistoryView)
        table = self.query_one(PageTable)
        rows = getattr(view, "rows", [])
        if not rows or not 0 <= table.cursor_row < len(rows):
            return
        row = rows[table.cursor_row]

        def done(_rec):
            self.app.notify(W.UNDONE.format(at=row.at, changes=row.changes), timeout=8, markup=False)
            view.show(self.record)

        def failed(exc):
            from models.core.errors import UserError

            if isinstance(exc, UserError):
                self.app.notify(words.explain(exc), severity="warning", timeout=8, markup=False)
            else:
                self.app.report_unexpected(exc)

        def go(yes):
            if yes:
                from models.services.history import undo_change

                work.run(self, undo_change, row.entry_id, done=done, failed=failed, group="history-undo")

        self.app.push_screen(ConfirmScreen(W.UNDO_ASK.format(at=row.at, changes=row.changes)), go)
