"""Search that ignores Vietnamese diacritics, on SQLite and PostgreSQL alike.

Each searchable record keeps a folded copy of its text (``search_text``, lower
case, no diacritics, đ → d), written on every save. The query is folded the same
way and matched with LIKE, which both databases run without extensions."""
from __future__ import annotations

import peewee as pw

from ..text import fold


def matches(model: type[pw.Model], query: str):
    """A peewee expression: ``model.search_text`` contains every word of ``query``."""
    words = [w for w in fold(query).split() if w]
    expr = None
    for w in words:
        term = model.search_text.contains(w)  # peewee escapes % and _ itself
        expr = term if expr is None else (expr & term)
    return expr if expr is not None else pw.SQL("1 = 1")


def search(query_set, model: type[pw.Model], text: str):
    return query_set.where(matches(model, text))
