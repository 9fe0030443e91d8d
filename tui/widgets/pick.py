"""Choose one item from a list (Enter), or cancel (Esc)."""
from __future__ import annotations

from .. import words
from ..plain import plain
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen):
    """Returns the chosen option's value, or None."""

    BINDINGS = [Binding("escape", "cancel", words.CANCEL, id="pick.cancel")]

    def __init__(self, title: str, options: list[tuple[str, object]]):
        super().__init__()
        self.pick_title = title
        self.values = [value for _, value in options]
        self.labels = [label for label, _ in options]

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.pick_title), classes="form-title")
            yield OptionList(*[Option(plain(label), id=str(i)) for i, label in enumerate(self.labels)], id="pick-list")
            yield Static(words.HINT_PICK, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#pick-list", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.values[int(event.option.id)])

    def action_cancel(self) -> None:
        self.dismiss(None)
