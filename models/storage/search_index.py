"""The petition search index, on each engine (what models.services.search reads).

SQLite: an FTS5 table with the trigram tokenizer over ``petition.search_text``,
kept in step by triggers. PostgreSQL: a GIN index with ``gin_trgm_ops`` (extension
pg_trgm). Created by the schema's migration (models.storage.migrations) and by an
administrator after installing pg_trgm; the search itself works without them, slower."""
from __future__ import annotations

import peewee as pw
from models.core.words import SearchWords as W

#: the FTS5 table over petition.search_text (SQLite only)
PETITION_FTS = "petition_search"
#: the trigram index on petition.search_text (PostgreSQL only)
PETITION_TRGM = "petition_search_trgm"
#: a trigram index needs words of at least this many characters
TRIGRAM = 3

EXTENSION_MISSING = (
    W.NO_TRGM)



def _sqlite_has_fts(db: pw.Database) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (PETITION_FTS,)).fetchone())


def create_sqlite_index(db: pw.Database) -> None:
    """The FTS5 table, its triggers, and its content (idempotent)."""
    fresh = not _sqlite_has_fts(db)
    db.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {PETITION_FTS} USING fts5("
        f"search_text, content='petition', content_rowid='id', tokenize='trigram')")
    t = PETITION_FTS
    db.execute_sql(
        f"CREATE TRIGGER IF NOT EXISTS {t}_ai AFTER INSERT ON petition BEGIN "
        f"INSERT INTO {t}(rowid, search_text) VALUES (new.id, new.search_text); END")
    db.execute_sql(
        f"CREATE TRIGGER IF NOT EXISTS {t}_ad AFTER DELETE ON petition BEGIN "
        f"INSERT INTO {t}({t}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END")
    db.execute_sql(
        f"CREATE TRIGGER IF NOT EXISTS {t}_au AFTER UPDATE OF search_text ON petition "
        f"WHEN old.search_text IS NOT new.search_text BEGIN "
        f"INSERT INTO {t}({t}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {t}(rowid, search_text) VALUES (new.id, new.search_text); END")
    if fresh:
        db.execute_sql(f"INSERT INTO {t}({t}) VALUES ('rebuild')")


def pg_has_trigram(db: pw.Database) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone())


def pg_has_index(db: pw.Database) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM pg_indexes WHERE indexname = %s", (PETITION_TRGM,)).fetchone())


def create_pg_index(db: pw.Database) -> str | None:
    """The pg_trgm extension (when this user may create it: it is a trusted
    extension since PostgreSQL 13, so the database's owner can) and the GIN
    index. Returns None when the index is there, else the Vietnamese message
    saying what an administrator must do; the app works without it, slower."""
    if not pg_has_trigram(db):
        try:
            with db.atomic():   # a savepoint: a refusal must not spoil the migration
                db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except pw.DatabaseError:
            return EXTENSION_MISSING
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {PETITION_TRGM} ON petition USING gin (search_text gin_trgm_ops)")
    return None


def ensure_index(db: pw.Database) -> str | None:
    """Create the petition search index for this engine if it is missing (the
    migration's step, and an administrator's after installing pg_trgm)."""
    if isinstance(db, pw.PostgresqlDatabase):
        return create_pg_index(db)
    create_sqlite_index(db)
    return None


def index_problem(db: pw.Database) -> str | None:
    """None when petition search has its index, else what is missing (Vietnamese)."""
    if isinstance(db, pw.PostgresqlDatabase):
        return None if pg_has_index(db) else EXTENSION_MISSING
    return None if _sqlite_has_fts(db) else W.NO_INDEX
