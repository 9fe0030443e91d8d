"""Kết luận của chủ trì: a text box saved as it is typed (same rule as the
session screen: within a second of a change, and when the box closes).

The text is shared by every workstation of the session. Each save says which
stored text it was typed over; when another workstation saved a different
text meanwhile, nothing is overwritten: the other text is shown under this
one and the secretary chooses — merge the two (Ctrl+G), keep this one
(Ctrl+S) or take the other (Ctrl+R). Until then the typing is kept for this
workstation, so a kill loses nothing either."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from models.services.live_session import set_conclusions

from .. import words
from .type_ahead import TypeAhead
from ..compat import keys_in_order
from ..words import ConclusionsWords as W

keys_in_order(TextArea)   # an input method's ⌫ and letters in the order sent (tui/compat.py)

SAVE_DELAY = 1.0
HINT = W.AUTOSAVE_HINT
CLASH_HINT = W.CONFLICT_HINT


class ConclusionsScreen(TypeAhead, ModalScreen):
    # priority: the text box would otherwise take these keys for itself
    BINDINGS = [Binding("escape", "close", "Xong", id="conclusions.close", priority=True),
                Binding("ctrl+g", "merge", W.MERGE, id="conclusions.merge", priority=True),
                Binding("ctrl+s", "keep_mine", W.KEEP_MINE, id="conclusions.keep_mine", priority=True),
                Binding("ctrl+r", "take_theirs", W.TAKE_THEIRS, id="conclusions.take_theirs", priority=True)]

    def __init__(self, conf):
        super().__init__()
        self.conf = conf            # the session screen's copy: kept current by every save
        self._latest = conf         # the writer's copy (read and written only in the writer)
        self._timer: Timer | None = None
        #: the stored text this screen's typing is based on
        self.seen = conf.conclusions
        #: another workstation's text, while this one has not chosen what to do with it
        self.theirs: str | None = None
        self._kept = False      # this workstation's typing is kept aside (see _keep)
        self._writes = None

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(W.TITLE, classes="form-title")
            yield TextArea(self.conf.conclusions, id="conclusions-text", classes="conclusions-text")
            yield Static("", id="conclusions-other-title", classes="form-label")
            yield TextArea("", id="conclusions-other", classes="conclusions-text", read_only=True)
            yield Static(HINT, id="conclusions-hint", classes="hint")
            yield Static("", id="conclusions-error", classes="error")

    def on_mount(self) -> None:
        from models.services.live_session import unsaved_conclusions

        from ..work import Serial, run

        self._writes = Serial(self, "conclusions")
        self._show_clash(False)
        area = self.query_one("#conclusions-text", TextArea)
        area.move_cursor(area.document.end)
        self.focus_at_once(area)
        # a choice left open when the app stopped: its typing comes back
        run(self, unsaved_conclusions, self.conf, done=self._restore, group="conclusions-kept")

    def _restore(self, kept) -> None:
        if kept is None:
            return
        text, self.seen = kept
        self._kept = True
        area = self.query_one("#conclusions-text", TextArea)
        area.load_text(text)
        area.move_cursor(area.document.end)
        if text != self.seen:
            self.save()

    @property
    def mine(self) -> str:
        return self.query_one("#conclusions-text", TextArea).text

    @on(TextArea.Changed, "#conclusions-text")
    def _changed(self, event: TextArea.Changed) -> None:
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)

    def save(self, then=None) -> None:
        """Save what is typed over the text it was typed on, queued behind the
        earlier saves and off the event loop; ``then`` runs once it is written
        (not when another workstation's text came first: the choice is shown)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.mine
        if self.theirs is not None:          # waiting for a choice: only kept for this workstation
            self._keep(text)
            return
        base, self.seen = self.seen, text    # the next save is typed over this one

        def saved(conf):
            self.conf = conf
            if then is not None:
                then()

        self._writes.submit(self._write, text, base, done=saved, failed=self._refused)

    def _write(self, text: str, base: str):
        """In the writer, one save after another."""
        from models.core.errors import StaleEdit
        from models.services.live_session import keep_unsaved_conclusions

        from models.storage.db import database

        try:
            # the text and the end of any typing kept aside are one commit: nobody
            # sees the one without the other
            with database.atomic():
                self._latest = set_conclusions(self._latest, text, seen=base)
                if self._kept:
                    keep_unsaved_conclusions(self._latest, None)
        except StaleEdit as exc:
            exc.base = base
            raise
        self._kept = False
        return self._latest

    def _refused(self, exc) -> None:
        from models.core.errors import StaleEdit, UserError

        if isinstance(exc, StaleEdit):
            if self.theirs is None:
                self.seen = getattr(exc, "base", self.seen)
                self.theirs = exc.current.conclusions
                self._keep(self.mine)
                self._show_clash(True, W.THEIRS.format(who=exc.who, updated_at=exc.current.updated_at))
        elif isinstance(exc, UserError):
            self.say(words.explain(exc))
        else:
            self.app.report_unexpected(exc)

    def _keep(self, text: str) -> None:
        from models.services.live_session import keep_unsaved_conclusions

        self._kept = True
        self._writes.submit(keep_unsaved_conclusions, self.conf, text, self.seen, failed=self._refused)

    def _show_clash(self, on: bool, title: str = "") -> None:
        other = self.query_one("#conclusions-other", TextArea)
        other.display = on
        self.set_class(on, "clash")
        self.query_one("#conclusions-other-title", Static).display = on
        if on:
            other.load_text(self.theirs or "")
            self.query_one("#conclusions-other-title", Static).update(Text(title))
        self.query_one("#conclusions-hint", Static).update(CLASH_HINT if on else HINT)
        self.say(W.NOT_SAVED_OVER if on else "")

    def say(self, message: str) -> None:
        self.query_one("#conclusions-error", Static).update(Text(message))

    def _settle(self, text: str) -> None:
        """The choice is made: ``text`` is saved over the other workstation's text."""
        theirs, self.theirs = self.theirs, None
        self.seen = theirs
        area = self.query_one("#conclusions-text", TextArea)
        if area.text != text:
            area.load_text(text)
            area.move_cursor(area.document.end)
        self._show_clash(False)
        self.save(then=lambda: self.notify(W.SAVED, timeout=3))

    def action_merge(self) -> None:
        from models.services.live_session import merge_conclusions

        if self.theirs is not None:
            self._settle(merge_conclusions(self.seen, self.mine, self.theirs))

    def action_keep_mine(self) -> None:
        if self.theirs is not None:
            self._settle(self.mine)
        else:
            self.save()

    def action_take_theirs(self) -> None:
        if self.theirs is not None:
            self._settle(self.theirs)

    def on_unmount(self) -> None:
        if self._writes is not None:
            self._writes.flush()        # the app quits with the box open: its last save first

    def action_close(self) -> None:
        if self.theirs is None:
            # the caller gets the saved conference back, once it is written; if
            # another workstation's text came first, the choice is shown instead
            self.save(then=lambda: self.dismiss(self.conf))
            return
        from .confirm import ConfirmScreen

        def answer(yes):
            if yes:
                theirs, self.theirs = self.theirs, None
                self.seen = theirs
                self.query_one("#conclusions-text", TextArea).load_text(theirs)
                self._show_clash(False)
                self.save(then=lambda: self.dismiss(self.conf))

        self.app.push_screen(ConfirmScreen(
            W.TAKE_THEIRS_ASK), answer)
