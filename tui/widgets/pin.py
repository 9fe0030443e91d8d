"""The one PIN dialog: the office PIN asked before issuing or correcting
(tui/pin.py) and a signing token's PIN (F7 S) are the same box.

One hidden field, Enter answers, Esc cancels. With ``check`` (run in a worker:
the office PIN checked against its hash) a wrong PIN keeps the box open with
the reason and an empty field, so the next try is typed whole (no dot shows
which is which). Without it (the token's PIN, checked by the token itself) the
text typed is handed on as it is.

Never kept: this is not a form. Nothing typed here goes to the drafts, the
typing kept across a crash (tui/typing_kept.py), the history or the Ctrl+Q
question; the field is emptied as the box answers or closes."""
from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .. import words
from ..plain import plain


class PinScreen(ModalScreen):
    """Returns the PIN typed (Enter; after ``check`` passed), or None (Esc)."""

    BINDINGS = [Binding("escape", "cancel", words.CANCEL, id="pin.cancel")]

    def __init__(self, title: str, label: str = "", check: Callable[[str], object] | None = None,
                 placeholder: str = "Mã PIN của token"):
        super().__init__()
        self.pin_title = title
        self.pin_label = label
        #: called with the PIN in a worker; a UserError it raises is told here
        self.check = check
        self.placeholder = "" if check is not None else placeholder
        self._checking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.pin_title), classes="form-title")
            if self.pin_label:
                yield Label(plain(self.pin_label), classes="form-label")
            yield Input(password=True, placeholder=self.placeholder, id="pin-input")
            yield Static("", id="form-error", classes="error")
            yield Static(words.HINT_PIN, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#pin-input", Input).focus()

    def has_unsaved(self) -> bool:
        """Ctrl+Q never asks to keep a PIN."""
        return False

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        pin = event.value
        if not pin or self._checking:
            return
        if self.check is None:
            self._answer(pin)
            return
        from .. import work

        self._checking = True
        work.run(self, self.check, pin, done=lambda _: self._answer(pin), failed=self._refused, group="pin-check")

    def _answer(self, pin: str) -> None:
        self._checking = False
        self.query_one("#pin-input", Input).value = ""
        self.dismiss(pin)

    def _refused(self, exc: BaseException) -> None:
        from models.core.errors import UserError

        self._checking = False
        field = self.query_one("#pin-input", Input)
        field.value = ""
        field.focus()
        if isinstance(exc, UserError):
            self.query_one("#form-error", Static).update(Text(words.explain(exc)))
            return
        self.app.report_unexpected(exc)
        self.query_one("#form-error", Static).update(Text(words.PIN_NOT_CHECKED))

    def action_cancel(self) -> None:
        self.query_one("#pin-input", Input).value = ""
        self.dismiss(None)
