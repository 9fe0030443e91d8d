"""Earlier petitions that resemble a new one (kiến nghị tương tự).

When a citizen raises an issue that was raised before, the secretary and the
chair want the earlier petition and its answer in front of them. "Resembles"
means: same office, same village, same field, and enough words in common.

The SQL prefilter (office + village + field, newest first, bounded) keeps the
word comparison to a few hundred rows even after years of records; the word
comparison itself runs in Python on the folded text so it behaves the same on
SQLite and PostgreSQL."""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.domain.petition import Petition
from models.core.text import fold

#: rows compared after the SQL prefilter (newest first)
PREFILTER_LIMIT = 400
#: share of the new petition's words that must appear in the earlier one
THRESHOLD = 0.34

# Words that every petition uses ("đề nghị xã …"): they would make everything
# look alike. Folded form.
STOPWORDS = frozenset("""
de nghi xa ubnd cua cho va cac co khong da duoc nguoi dan voi trong tai la mot nhung
nay den tu thi se con cung nhu ve do hon lai ra vao neu vi theo nam nhan the hay
""".split())

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> frozenset[str]:
    """The meaningful folded words of a text."""
    return frozenset(w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS)


def score(new: frozenset[str], old: frozenset[str]) -> float:
    """How much of the new petition the earlier one covers (0..1)."""
    if not new or not old:
        return 0.0
    return len(new & old) / len(new)


@dataclass(frozen=True)
class Match:
    petition: Petition
    score: float


def similar_petitions(office, *, village, field, content: str, exclude_ids=(), limit: int = 3,
                      threshold: float = THRESHOLD) -> list[Match]:
    """Earlier petitions of ``office`` in the same village and field whose words
    cover at least ``threshold`` of ``content``; best first."""
    if village is None or field is None:
        return []
    new = words(content)
    if len(new) < 2:
        return []
    q = (Petition.select()
         .where((Petition.office == office) & (Petition.village == village) & (Petition.field == field)
                & (Petition.content != ""))
         .order_by(Petition.received_on.desc(), Petition.id.desc())
         .limit(PREFILTER_LIMIT))
    if exclude_ids:
        q = q.where(Petition.id.not_in(list(exclude_ids)))
    found = []
    for p in q:
        s = score(new, words(p.content))
        if s >= threshold:
            found.append(Match(p, s))
    found.sort(key=lambda m: (-m.score, -m.petition.received_on.toordinal(), -m.petition.id))
    return found[:limit]
