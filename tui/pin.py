"""The PIN asked before issuing or correcting on a shared SQLite PC
(models.services.roles: PIN_ACTIONS). ``ask_pin`` asks it when the service says
it is wanted (a dialog that shows no characters, checked before it closes) and
hands it on; ``with_pin`` runs the act with it, in the worker that does the act."""
from __future__ import annotations

from typing import Any, Callable

from . import work
from .widgets.form import FormField, FormScreen


class PinScreen(FormScreen):
    """The PIN dialog: one hidden field, as tall as it."""

    DEFAULT_CSS = """
    PinScreen VerticalScroll { height: auto; }
    """
    ENTER_ANSWERS = True       # one hidden field: Enter gives the PIN

    def action_cancel(self) -> None:
        self.dismiss(None)          # nothing typed here is worth keeping

    def _refused(self, exc: BaseException) -> None:
        super()._refused(exc)
        # a wrong PIN is cleared, so the next try is typed whole (the typing
        # went after the hidden wrong one, and no dot shows which is which)
        from models.core.errors import UserError
        from textual.widgets import Input

        if isinstance(exc, UserError):
            field = self.query_one(Input)
            field.value = ""
            field.focus()


def ask_pin(node, office, action: str, then: Callable[[str | None], None]) -> None:
    """``then(pin)`` once the person working has given their PIN, or at once
    with None when none is asked. Esc in the dialog: ``then`` is not called."""
    from models.services import roles

    def wanted(person) -> None:
        if person is None:
            then(None)
            return

        def check(values):           # in the form's worker: a wrong PIN keeps the dialog open
            pin = values["pin"] or ""
            with roles.pin_given(office, pin):
                return pin

        fields = [FormField("pin", f"Mã PIN của {person.full_name} (không hiện khi gõ; Enter để xác nhận)",
                            "", kind="secret")]
        node.app.push_screen(PinScreen(f"{roles.ACTIONS[action].capitalize()}: cần mã PIN", fields, check),
                             lambda pin: pin is not None and then(pin))

    work.run(node, roles.pin_wanted, office, action, done=wanted, group=f"pin-{action}")


def with_pin(office, pin: str | None, call: Callable[..., Any], *args, **kwargs) -> Any:
    """In a worker: ``call`` with the PIN given for it (nothing when ``pin`` is None)."""
    from models.services import roles

    with roles.pin_given(office, pin):
        return call(*args, **kwargs)

