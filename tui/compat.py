"""Every place where we lean on a library's private parts, in one module, each
with a test (tests/test_compat.py) that fails loudly when the library changes.

Textual shows a few English words of its own: the command palette's "No matches
found" and the Ctrl+C hint "Press ctrl+q to quit the app". The palette's text
is not a setting, so the method that adds it is replaced here."""
from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

NO_MATCHES = "Không tìm thấy lệnh nào. Gõ ít chữ hơn, hoặc bấm F1 để xem các phím của màn hình này."
#: the private names this module relies on
PALETTE_PRIVATE = ("_start_no_matches_countdown", "_stop_no_matches_countdown", "_NO_MATCHES",
                   "_NO_MATCHES_COUNTDOWN", "_list_visible", "_no_matches_timer")


class Palette(CommandPalette):
    """Textual's command palette, speaking Vietnamese when nothing matches."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
