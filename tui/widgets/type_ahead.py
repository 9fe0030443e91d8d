"""Keys typed while a box is still opening belong in its first field.

Pressing F9 in a session and typing the count straight away is normal for a
fast secretary on a slow PC. Textual hands each key to whatever has focus
when the key arrives: before the box has focused its first field, that is the
box itself, which has no use for letters, so they were dropped (or, for a key
that opens the box as an ordinary binding, typed into the screen underneath).
A screen using this mixin focuses its field at once when it mounts, and sends
any printable key that reached the screen itself on to the focused field, in
the order typed."""
from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input


class TypeAhead:
    def focus_at_once(self, field: Widget) -> None:
        """Focus ``field`` now, not on the next turn of the event loop, so keys
        the app forwards from here on go straight to it."""
        self.set_focus(field)

    def on_key(self, event: events.Key) -> None:
        field = self.focused
        # An Input or TextArea stops the printable keys it receives; one that
        # reaches the screen was addressed to the screen before focus was set.
        if event.is_printable and (isinstance(field, Input) or is_text_area(field)):
            event.stop()
            event.prevent_default()
            field.post_message(events.Key(event.key, event.character))


def is_text_area(widget) -> bool:
    """True for Textual's TextArea (or a subclass), without importing it: a
    module that only asks need not pay for its import (0.2 s on an old PC)."""
    return any(c.__name__ == "TextArea" and c.__module__.startswith("textual.") for c in type(widget).__mro__)
