"""Yes/no question as a modal."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("c,y,enter", "yes", "Đồng ý", id="confirm.yes"),
                Binding("k,n,escape", "no", "Không", id="confirm.no")]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(self.question)
            yield Static("C / Enter: đồng ý · K / Esc: không", classes="hint")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
