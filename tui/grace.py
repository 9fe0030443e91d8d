"""A moment of grace after a box closes (issue 20).

A person typing into a form who does not notice that it closed (saved with
Ctrl+S, cancelled with Esc) goes on typing: "Đất đai" then reached the screen
underneath, where S, N, C are keys that open the broadcast schedule, a new
conference and the report editor. For GRACE seconds after a form, a question
or a list closes, the main screens drop printable keys instead of running the
letter keys bound to them. Measured on the event loop's clock when the key
arrives: no timer runs."""
from __future__ import annotations

import asyncio

#: seconds after a box closes during which letters run no screen key
GRACE = 0.4


def now() -> float:
    """The event loop's clock (a test may replace this function)."""
    try:
        return asyncio.get_running_loop().time()
    except RuntimeError:
        return 0.0


def closed(app) -> None:
    """A box over ``app``'s screen has just closed."""
    app._box_closed_at = now()


def in_grace(app) -> bool:
    at = getattr(app, "_box_closed_at", None)
    return at is not None and now() - at < GRACE


def swallow(app, event) -> bool:
    """True when ``event`` (a key that reached a main screen) is a letter, digit
    or sign typed during the grace after a box closed: it must run nothing."""
    key = event.key
    printable = event.is_printable or (key.startswith("shift+") and len(key) == 7)
    return printable and in_grace(app)


class GraceKeys:
    """A screen whose letter keys write or open a box: during the grace a
    printable key that reaches it runs nothing (and goes no further)."""

    def on_key(self, event) -> None:
        if swallow(self.app, event):
            event.stop()
            event.prevent_default()
