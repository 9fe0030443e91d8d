"""Base for the main screens: the office, a title bar, the footer, F1 help text."""
from __future__ import annotations

from textual.screen import Screen

from models.errors import UserError


class AppScreen(Screen):
    #: Vietnamese help shown by F1 for this screen
    HELP = ""

    @property
    def office(self):
        return self.app.office

    def notify_error(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.notify(exc.message, severity="error", timeout=8)
        else:
            self.app.report_unexpected(exc)
