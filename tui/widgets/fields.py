"""The fields every form uses, with one rule for the keys (issue 20):

- the cursor enters a field at the END of its text, never with the text
  selected (the first letter typed must not replace what was there, and a
  topic typed into a list of topics goes after them, not before). The cursor
  is put there when the text is shown, not on each focus: coming back to a
  field (after a question box, Ctrl+L choosing a blank) keeps the cursor or
  the selection where it was;
- Ctrl+Home / Ctrl+End go to the start / end of a multi-line text;
- undo in a multi-line text goes back a word (or a pause) at a time, not one
  letter at a time, also when a Vietnamese input method types each accent as
  a Backspace and a new letter."""
from __future__ import annotations

from functools import cache

from textual.binding import Binding
from textual.widgets import Input
from ..words import WidgetWords as W

#: seconds of pause after which the next letter starts a new undo step
UNDO_PAUSE = 1.5


class FormInput(Input):
    """A single-line field: the cursor starts after the text, and focus selects nothing."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def on_mount(self) -> None:
        self.cursor_position = len(self.value)


@cache
def form_text_class():
    """The multi-line field's class, made when a form first has one: Textual's
    TextArea takes a fifth of a second to import on an old PC, and the board
    imports the forms before its first F6. Its keys run in the order sent
    (tui/compat.py)."""
    from textual.widgets import TextArea

    from ..compat import keys_in_order, word_undo

    keys_in_order(TextArea)

    class FormText(TextArea):
        """A multi-line field: the cursor starts at the end of the text;
        Ctrl+Home / Ctrl+End move to its start / end; undo goes a word at a time."""

        BINDINGS = [
            Binding("ctrl+home", "text_start", W.TEXT_START, show=False),
            Binding("ctrl+end", "text_end", W.TEXT_END, show=False),
            Binding("ctrl+shift+home", "text_start(True)", W.SELECT_TO_START, show=False),
            Binding("ctrl+shift+end", "text_end(True)", W.SELECT_TO_END, show=False),
        ]

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            word_undo(self, UNDO_PAUSE)

        def on_mount(self) -> None:
            self.move_cursor(self.document.end)

        def load_text(self, text: str) -> None:
            super().load_text(text)
            self.move_cursor(self.document.end)

        def action_text_start(self, select: bool = False) -> None:
            self.move_cursor((0, 0), select=select)

        def action_text_end(self, select: bool = False) -> None:
            self.move_cursor(self.document.end, select=select)

    return FormText
