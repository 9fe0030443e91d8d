"""One command-palette provider fed by the key bindings themselves, so every
action reachable by a key is also reachable from Ctrl+P, under the same name.
A binding's ``tooltip`` holds the other words a person looks for it by ("ban
hành" finds the notice, the conclusion and the report on F4): shown after the
name and searched with it."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .bindings import active_bindings
from .widgets.keybar import key_name


class ActionsProvider(Provider):
    def _actions(self):
        # self.screen is the screen the palette was opened from (app.screen is
        # the palette itself while it is open)
        for node, b in active_bindings(self.screen, self.app):
            more = f" — {b.tooltip}" if b.tooltip else ""
            yield f"{b.description}{more} ({key_name(b.key)})", partial(self.app.run_action, b.action, node)

    async def discover(self) -> Hits:
        for label, cb in self._actions():
            yield DiscoveryHit(label, cb)

    async def search(self, query: str) -> Hits:
        from models.core.text import fold

        matcher = self.matcher(query)
        q = fold(query)
        for label, cb in self._actions():
            score = matcher.match(label)
            if q and q in fold(label):
                score = max(score, 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(label), cb)
