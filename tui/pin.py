"""The PIN asked before issuing or correcting on a shared SQLite PC
(models.services.roles: PIN_ACTIONS). ``ask_pin`` asks it when the service says
it is wanted (a dialog that shows no characters, checked before it closes) and
hands it on; ``with_pin`` runs the act with it, in the worker that does the act.
The dialog is the one PIN box of tui/widgets/pin.py, the token's PIN's too."""
from __future__ import annotations

from typing import Any, Callable

from . import work
from .widgets.pin import PinScreen


def ask_pin(node, office, action: str, then: Callable[[str | None], None]) -> None:
    """``then(pin)`` once the person working has given their PIN, or at once
    with None when none is asked. Esc in the dialog: ``then`` is not called."""
    from models.services import roles

    def wanted(person) -> None:
        if person is None:
            then(None)
            return

        def check(pin: str) -> None:      # in the dialog's worker: a wrong PIN keeps it open
            with roles.pin_given(office, pin):
                pass

        label = f"Mã PIN của {person.full_name} (không hiện khi gõ; Enter để xác nhận)"
        node.app.push_screen(PinScreen(f"{roles.ACTIONS[action].capitalize()}: cần mã PIN", label, check),
                             lambda pin: pin is not None and then(pin))

    work.run(node, roles.pin_wanted, office, action, done=wanted, group=f"pin-{action}")


def with_pin(office, pin: str | None, call: Callable[..., Any], *args, **kwargs) -> Any:
    """In a worker: ``call`` with the PIN given for it (nothing when ``pin`` is None)."""
    from models.services import roles

    with roles.pin_given(office, pin):
        return call(*args, **kwargs)

