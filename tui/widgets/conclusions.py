"""Kết luận của chủ trì: a text box saved as it is typed (same rule as the
session screen: within a second of a change, and when the box closes)."""
from __future__ import annotations

from ..plain import plain
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from .. import words
from .type_ahead import TypeAhead

SAVE_DELAY = 1.0


class ConclusionsScreen(TypeAhead, ModalScreen):
    # priority: the text box would otherwise take Esc for itself
    BINDINGS = [Binding("escape", "close", "Xong", id="conclusions.close", priority=True)]

    def __init__(self, conf):
        super().__init__()
        self.conf = conf
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        from models.conferences import Conference

        text = Conference.get_by_id(self.conf.id).conclusions
        with Vertical(id="form-box"):
            yield Static("Kết luận của chủ trì", classes="form-title")
            yield TextArea(text, id="conclusions-text", classes="conclusions-text")
            yield Static("Tự động lưu khi gõ · Esc: xong", classes="hint")
            yield Static("", id="conclusions-error", classes="error")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.focus_at_once(area)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)

    def save(self) -> None:
        from models.errors import UserError
        from models.services.live_session import set_conclusions

        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        try:
            self.conf = set_conclusions(self.conf, self.query_one(TextArea).text)
        except UserError as exc:
            self.query_one("#conclusions-error", Static).update(plain(words.explain(exc)))

    def action_close(self) -> None:
        self.save()
        # the caller gets the saved conference back: its copy is now one version behind
        self.dismiss(self.conf)
