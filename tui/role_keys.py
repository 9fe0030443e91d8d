"""Keys that only some roles may use (issuing, correcting issued documents,
editing the catalogue): for a person whose role may not, the key bar shows
them disabled, F1 says who may, and pressing one says it in a notification
instead of doing nothing.

A screen lists its role-bound actions in ROLE_KEYS (action name → the role
rule of models.services.roles: "issue", "correct", "catalog"). For each such
binding a hidden twin on the same key runs ``refused(action)``: Textual tries
the bindings of a key in turn, and the real one is skipped while
``check_action`` says it is disabled."""
from __future__ import annotations

from textual.binding import Binding
from .words import WidgetWords as W


class RoleKeys:
    ROLE_KEYS: dict[str, str] = {}

    def __init_subclass__(cls, **kwargs):
        own = cls.__dict__.get("BINDINGS")
        if own is not None and cls.ROLE_KEYS:
            twins = [Binding(b.key, f"refused({b.action!r})", show=False, priority=b.priority)
                     for b in own if isinstance(b, Binding) and b.action in cls.ROLE_KEYS]
            cls.BINDINGS = [*own, *twins]
        super().__init_subclass__(**kwargs)

    def refused(self, action: str) -> str | None:
        """The Vietnamese refusal for ``action`` when the person working may not
        do it, else None. The answers are the app's (read in a worker at start-up
        and after a change of people or roles, ``load_roles``); until they arrive
        every key is usable, and the service itself still refuses what the role
        may not do."""
        rule = self.ROLE_KEYS.get(action)
        known = getattr(self.app, "role_refusals", None)
        if rule is None or not known or rule not in known:
            return None
        return known[rule][0]

    def refused_note(self, action: str) -> str:
        """What F1 adds to a key the person may not use."""
        if not self.refused(action):
            return ""
        return W.ROLE_REFUSED.format(who=self.app.role_refusals[self.ROLE_KEYS[action]][1])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "refused":
            return bool(parameters) and self.refused(str(parameters[0])) is not None
        if self.refused(action):
            return None                 # shown, but disabled
        return super().check_action(action, parameters)

    def action_refused(self, action: str) -> None:
        message = self.refused(action)
        if message:
            self.notify(message, severity="warning", timeout=8, markup=False)


def refusals(office) -> dict[str, tuple[str | None, str]]:
    """In a worker: for each role rule, (the refusal or None, who may)."""
    from models.services import roles

    return {rule: (roles.refusal(office, rule), roles.who_may(office, rule)) for rule in roles.ACTIONS}


def load_roles(app) -> None:
    """Read (again) what the person working may do; the keys follow when it arrives."""
    from . import work

    def known(result) -> None:
        app.role_refusals = result
        app.screen.refresh_bindings()

    work.run(app, refusals, app.office, done=known, group="role-keys")
