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

from models.services.live_session import set_conclusions

from .type_ahead import TypeAhead

SAVE_DELAY = 1.0


class ConclusionsScreen(TypeAhead, ModalScreen):
    # priority: the text box would otherwise take Esc for itself
    BINDINGS = [Binding("escape", "close", "Xong", id="conclusions.close", priority=True)]

    def __init__(self, conf):
        super().__init__()
        self.conf = conf            # the session screen's copy: kept current by every save
        self._latest = conf         # the writer's copy (read and written only in the writer)
        self._timer: Timer | None = None
        self._writes = None

    def compose(self) -> ComposeResult:
        text = self.conf.conclusions
        with Vertical(id="form-box"):
            yield Static("Kết luận của chủ trì", classes="form-title")
            yield TextArea(text, id="conclusions-text", classes="conclusions-text")
            yield Static("Tự động lưu khi gõ · Esc: xong", classes="hint")
            yield Static("", id="conclusions-error", classes="error")

    def on_mount(self) -> None:
        from ..work import Serial

        self._writes = Serial(self, "conclusions")
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.focus_at_once(area)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)

    def save(self, then=None) -> None:
        """Queued behind the earlier saves, off the event loop; ``then`` runs once written."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

        def saved(conf):
            self.conf = conf
            if then is not None:
                then()

        self._writes.submit(self._write, self.query_one(TextArea).text, done=saved, failed=self._refused)

    def _write(self, text: str):
        # in the writer, one save after another: each writes over the version the one before returned
        self._latest = set_conclusions(self._latest, text)
        return self._latest

    def _refused(self, exc) -> None:
        from models.errors import UserError

        if isinstance(exc, UserError):
            self.query_one("#conclusions-error", Static).update(plain(exc.message))
        else:
            self.app.report_unexpected(exc)

    def on_unmount(self) -> None:
        if self._writes is not None:
            self._writes.flush()        # the app quits with the box open: its last save first

    def action_close(self) -> None:
        # the caller gets the saved conference back: its copy is now one version behind
        self.save(then=lambda: self.dismiss(self.conf))
