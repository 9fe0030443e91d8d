"""Yes/no question as a modal."""
from __future__ import annotations

from .. import words
from ..plain import plain
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from ..words import WidgetWords as W


class ConfirmScreen(ModalScreen[bool]):
    # Enter is not "yes": issuing takes a number that cannot be given back, so
    # an Enter pressed once too often must not confirm it.
    BINDINGS = [Binding("c,y", "yes", W.AGREE, id="confirm.yes"),
                Binding("k,n,escape", "no", W.CONFIRM_NO, id="confirm.no")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.question))
            yield Static(words.HINT_CONFIRM, classes="hint")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
