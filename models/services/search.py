"""Search that ignores Vietnamese diacritics, on SQLite and PostgreSQL alike.

Each searchable record keeps a folded copy of its text (``search_text``, lower
case, no diacritics, đ → d), written on every save. The query is folded the same
way; a record matches when its folded text contains every word of the query as
a substring ("%" and "_" are letters like any other).

Petitions can number a million on a province's server, so their search goes
through an index built for substrings on each engine:

- SQLite: an FTS5 table ``petition_search`` with the trigram tokenizer over
  ``petition.search_text`` (external content, kept in step by triggers; see
  models/storage/migrations.py). A word of three characters or more is a phrase of
  trigrams; a shorter word cannot be looked up by trigrams and is tested with
  LIKE on the rows the other words (and the filters) left.
- PostgreSQL: a GIN index with ``gin_trgm_ops`` (extension pg_trgm) on
  ``petition.search_text``, which serves ``LIKE '%…%'`` as it is written. Without
  the extension the same SQL runs as a scan: slower, same rows.

Other models (the register, plans) are small and keep the plain LIKE."""
from __future__ import annotations

import peewee as pw

from models.core.text import fold
from models.storage.db import database
from models.domain.base import is_postgres
from models.storage.search_index import PETITION_FTS, TRIGRAM


def words(query: str) -> list[str]:
    """The folded words of a query, each to be found as a substring."""
    return [w for w in fold(query).split() if w]


def _like(model: type[pw.Model], word: str, indexed: bool = True):
    # Not indexed: an expression no index matches (the rows come from another).
    col = model.search_text if indexed else model.search_text.concat("")

    if not is_postgres():
        # peewee writes LIKE here (ASCII case-insensitive) and escapes % and _ itself
        return col.contains(word)
    # The stored text and the word are both folded to lower case, so a plain
    # LIKE finds what ILIKE would, at a third of its cost on the rows a search
    # reads (the trigram index serves both). peewee's own pattern, with its
    # escaping of %, _ and the escape character, under the plain operator.
    ilike = col.contains(word)
    return pw.Expression(ilike.lhs, pw.OP.LIKE, ilike.rhs)


def _fts_phrase(word: str) -> str:
    """One FTS5 phrase: the word as a string, inner quotes doubled."""
    return '"' + word.replace('"', '""') + '"'


def fts_match(query: str) -> str | None:
    """The FTS5 MATCH expression for the long words of ``query`` (None when
    every word is shorter than a trigram)."""
    long = [w for w in words(query) if len(w) >= TRIGRAM]
    return " AND ".join(_fts_phrase(w) for w in long) if long else None


def _uses_fts(model: type[pw.Model]) -> bool:
    return model._meta.table_name == "petition" and not is_postgres()


def matches(model: type[pw.Model], query: str, *, indexed: bool = True):
    """A peewee expression: ``model.search_text`` contains every word of ``query``.
    ``indexed`` False: test each row the other conditions select (when they
    select few, reading them beats collecting a common word's every match)."""
    ws = words(query)
    if not ws:
        return pw.SQL("1 = 1")
    conds = []
    if not indexed:
        conds = [_like(model, w, indexed=False) for w in ws]
    elif _uses_fts(model):
        expr = fts_match(query)
        if expr is not None:
            sub = pw.SQL(f"(SELECT rowid FROM {PETITION_FTS} WHERE {PETITION_FTS} MATCH ?)", (expr,))
            conds.append(model.id.in_(sub))
        conds += [_like(model, w) for w in ws if len(w) < TRIGRAM]
    else:
        conds = [_like(model, w) for w in ws]
    out = conds[0]
    for c in conds[1:]:
        out = out & c
    return out


def frequent(model: type[pw.Model], query: str, limit: int) -> bool:
    """Whether more than ``limit`` petitions match ``query`` in SQLite's search
    index (counted up to there). A query of words under three characters
    cannot use the index and counts as frequent."""
    expr = fts_match(query) if _uses_fts(model) else None
    if expr is None:
        return True
    found = database.execute_sql(
        f"SELECT COUNT(*) FROM (SELECT rowid FROM {PETITION_FTS} WHERE {PETITION_FTS} MATCH ? LIMIT ?)",
        (expr, limit + 1)).fetchone()[0]
    return found > limit
