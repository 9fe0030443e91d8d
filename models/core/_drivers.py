"""Load the PostgreSQL driver only when a PostgreSQL database is opened.

peewee imports psycopg2 as soon as it is imported itself, which costs a tenth
of a second on an old PC for every start of the app, though almost every
office uses the SQLite file. We keep psycopg2 out of that first import and hand
it to peewee when a postgresql:// URL is actually opened. The names set here
are the ones peewee 3.17-4.x binds at import time when the driver is present;
if a later peewee changes them, ``enable_postgres`` says so plainly and the
PostgreSQL tests fail rather than anything going wrong silently."""
from __future__ import annotations

import sys

from models.core.errors import StorageError
from models.core.words import DatabaseWords as W

# PostgreSQL drivers wait until a postgresql:// URL is opened; the MySQL ones
# and pysqlite3 are never used, and refusing them here spares peewee's import a
# search of every folder on sys.path for each.
_DEFERRED = ("psycopg2", "psycopg", "psycopg2cffi", "pymysql", "MySQLdb", "pysqlite3", "mysql")


class _Defer:
    """An import finder (duck-typed: importlib.abc is itself slow to import)."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in _DEFERRED:
            raise ModuleNotFoundError(f"{name} deferred until PostgreSQL is used", name=name)
        return None


def import_peewee_without_postgres_driver() -> None:
    if "peewee" in sys.modules:
        return
    finder = _Defer()
    sys.meta_path.insert(0, finder)
    try:
        import peewee  # noqa: F401  # heavy: peewee, imported here once with its PostgreSQL drivers held back
    finally:
        sys.meta_path.remove(finder)


def enable_postgres() -> None:
    import peewee  # heavy: peewee, imported by then (import_peewee_without_postgres_driver)

    if getattr(peewee, "psycopg2", None) is not None:
        return
    import psycopg2  # heavy: psycopg2, only when a PostgreSQL database is opened
    import psycopg2.extensions  # heavy: psycopg2, only when a PostgreSQL database is opened
    import psycopg2.extras  # heavy: psycopg2, only when a PostgreSQL database is opened

    adapter = getattr(peewee, "Psycopg2Adapter", None)
    if adapter is None or not hasattr(peewee, "Json_pg2"):
        raise StorageError(W.PEEWEE_INCOMPATIBLE)
    psycopg2.extras.register_uuid()
    peewee.psycopg2 = psycopg2
    peewee.pg_extensions = psycopg2.extensions
    peewee.Json_pg2 = psycopg2.extras.Json
    adapter.txn_idle = psycopg2.extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = psycopg2.extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = psycopg2.extensions.TRANSACTION_STATUS_UNKNOWN
