"""Mã PIN của token: typed without echo, returned once, never kept."""
from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .. import words
from ..plain import plain


class PinScreen(ModalScreen):
    """Returns the PIN typed (Enter), or None (Esc). The field shows dots."""

    BINDINGS = [Binding("escape", "cancel", words.CANCEL, id="pin.cancel")]

    def __init__(self, title: str):
        super().__init__()
        self.pin_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.pin_title), classes="form-title")
            yield Input(password=True, placeholder="Mã PIN của token", id="pin-input")
            yield Static(words.HINT_PIN, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#pin-input", Input).focus()

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        pin = event.value
        event.input.value = ""
        if pin:
            self.dismiss(pin)

    def action_cancel(self) -> None:
        self.query_one("#pin-input", Input).value = ""
        self.dismiss(None)
