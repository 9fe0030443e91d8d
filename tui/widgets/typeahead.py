"""Type-ahead over a ranked list of names, ignoring case and diacritics:
"dong" suggests "Đông Hải". The screen resolves Enter with the same ranking
(models.services.live_session.rank), so a fast typist who presses Enter before
the suggestion is drawn still gets the same name."""
from __future__ import annotations

from textual.suggester import Suggester

from models.services.live_session import rank


class RankedSuggester(Suggester):
    def __init__(self, names: list[str] | None = None):
        # No cache: the order of preference changes during a session.
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(names or [])

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        hits = rank(self.names, value)
        return hits[0] if hits else None
