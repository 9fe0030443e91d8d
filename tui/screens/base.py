"""Base for the main screens: the office, a title bar, the footer, F1 help text."""
from __future__ import annotations

from textual import events, on
from textual.screen import Screen

from models.core.errors import UserError

from .. import words
from ..compat import styled_as_current, styled_on_mount
from ..grace import GraceKeys


class AnswersForms:
    """A screen mixin: Ctrl+S in a form this screen opened (tui/widgets/form.py
    posts FormScreen.Submitted, intent up) is answered by the screen's
    ``save_<form id>(event)``, which hands the values to a model service."""

    def on_form_screen_submitted(self, event) -> None:
        answer = getattr(self, f"save_{event.form.id}", None) if event.form.id else None
        if answer is not None:
            event.stop()
            answer(event)


class AppScreen(AnswersForms, GraceKeys, Screen):
    """A letter typed just after a box closed runs no key of the screen
    (tui/grace.py): the person was still typing into the box."""

    #: Vietnamese help shown by F1 for this screen
    HELP = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        styled_as_current(self)     # start-up: no second parse of the stylesheets (tui/compat.py)

    @on(events.Mount)
    def _styled_when_mounted(self) -> None:
        styled_on_mount(self)       # the first screen too: later screens need no parse of every stylesheet

    @property
    def office(self):
        return self.app.office

    def notify_error(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            self.notify(words.explain(exc), severity="error", timeout=8, markup=False)
        else:
            self.app.report_unexpected(exc)
