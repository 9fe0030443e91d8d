"""The editors' typing kept as it is typed (models/services/unsaved.py), as the
live session keeps its entry: a change starts a one-shot timer, and SAVE_DELAY
later the editor's values, field and cursor are written, off the event loop
and in order (tui.work.Serial); a write the storage refuses is kept in memory
and tried again (models/services/safe_write.py). Saving or leaving the editor
removes the entry; a kill leaves it, and the next start opens the editor again
with it."""
from __future__ import annotations

from textual.timer import Timer

from models.services import unsaved
from models.services.safe_write import PendingWrites

from . import work
from .words import WidgetWords as W

#: seconds between a change and its write while the person keeps typing
SAVE_DELAY = 1.0
RETRY_DELAY, RETRY_MOST = 2.0, 30.0
REOPENED = (W.REOPENED_UNSAVED)


class TypingKeeper:
    """One per app; follows the editor open on top (``watch``)."""

    def __init__(self, app) -> None:
        self.app = app
        self.pending = PendingWrites()
        self.writes: work.Serial | None = None
        self._timer: Timer | None = None
        self._retry: Timer | None = None
        self._retry_wait = RETRY_DELAY
        self._entry: dict | None = None
        self._stored = False           # an entry may be in storage (removed when done)

    def watch(self, form, editor: str, record: list) -> None:
        """Keep what is typed in ``form`` (a FormScreen) as ``editor`` of ``record``."""
        def changed(values: dict) -> None:
            where = values.pop("_where", None)
            if not form.has_unsaved():          # back to what is stored: nothing to keep
                if self._stored or self._entry is not None:
                    self.done()
                return
            self._entry = {"editor": editor, "record": list(record), "values": values, "where": where}
            if self._timer is None:
                self._timer = self.app.set_timer(SAVE_DELAY, self.save_now)

        form.changed_callback = changed
        self._stored = True       # an entry of an earlier run may be there: removed when done

    def save_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._entry is None:
            return
        entry, self._entry = self._entry, None
        self._stored = True
        self._write(unsaved.keep, self.app.office, entry)

    def done(self) -> None:
        """The editor saved, or was left: its entry goes."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._entry = None
        if self._stored:
            self._stored = False
            self._write(unsaved.forget, self.app.office)

    def flush(self) -> None:
        """The app quits: the last second's typing and every queued write reach storage."""
        self.save_now()
        if self.writes is not None:
            self.writes.flush()

    def _write(self, func, *args) -> None:
        if self.writes is None:
            self.writes = work.Serial(self.app, "typing-kept")
        # one key: a newer write of the entry replaces a kept older one
        self.writes.submit(self.pending.save, "typing", func, *args, done=self._after)

    def _after(self, outcome) -> None:
        if outcome.saved:
            self._retry_wait = RETRY_DELAY
            return
        self.app.notify(outcome.message, severity="warning", timeout=8)
        if self._retry is None:       # only while something is kept: an idle app stays idle
            self._retry = self.app.set_timer(self._retry_wait, self._try_again)
            self._retry_wait = min(self._retry_wait * 2, RETRY_MOST)

    def _try_again(self) -> None:
        self._retry = None
        self.writes.submit(self.pending.retry, done=self._after)


def resumed_values(values: dict, entry: dict | None) -> dict:
    """The editor's values with the kept typing over them."""
    if not entry:
        return values
    typed = entry.get("values") or {}
    return {k: (typed[k] if k in typed and isinstance(typed[k], str) else v) for k, v in values.items()}
