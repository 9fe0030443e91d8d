"""Base for the main screens: the office, a title bar, the footer, F1 help text."""
from __future__ import annotations

from textual.screen import Screen

from models.core.errors import UserError

from .. import words
from ..grace import GraceKeys


class AppScreen(GraceKeys, Screen):
    """A letter typed just after a box closed runs no key of the screen
    (tui/grace.py): the person was still typing into the box."""

    #: Vietnamese help shown by F1 for this screen
    HELP = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A new screen is styled from the current stylesheet when it mounts.
        # Textual 8 still re-parses every stylesheet the first time each mode's
        # screen is made (a new screen's CSS counter starts "out of date"),
        # which costs a visible part of the start-up on an old PC. Mark it
        # current, but only once a screen has been styled at that count: the
        # first refresh is the one that sets the theme's variables ($text,
        # $foreground), without which text was drawn in the background's colour
        # (the dashboard's panels were blank in a real terminal). If Textual
        # renames the counter this does nothing.
        try:
            app = self.app
            if any(screen._css_update_count == app._css_update_count
                   for stack in app._screen_stacks.values() for screen in stack):
                self._css_update_count = app._css_update_count
        except Exception:  # no running app (a screen built in a test)
            pass

    @property
    def office(self):
        return self.app.office

    def notify_error(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.notify(words.explain(exc), severity="error", timeout=8, markup=False)
        else:
            self.app.report_unexpected(exc)
