"""One command-palette provider fed by the key bindings themselves, so every
action reachable by a key is also reachable from Ctrl+P, under the same name."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ActionsProvider(Provider):
    def _actions(self):
        app = self.app
        seen = set()
        screen = app.screen
        for node in [screen.focused, screen, app]:
            if node is None:
                continue
            for binding in getattr(node, "BINDINGS", []):
                b = binding if hasattr(binding, "action") else None
                if b is None or not b.description or b.action in seen:
                    continue
                seen.add(b.action)
                key = b.key.split(",")[0]
                yield f"{b.description} ({key})", partial(app.run_action, b.action, node)

    async def discover(self) -> Hits:
        for label, cb in self._actions():
            yield DiscoveryHit(label, cb)

    async def search(self, query: str) -> Hits:
        from models.text import fold

        matcher = self.matcher(query)
        q = fold(query)
        for label, cb in self._actions():
            score = matcher.match(label)
            if q and q in fold(label):
                score = max(score, 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(label), cb)
