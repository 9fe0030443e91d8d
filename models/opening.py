"""Opening the office's database: the entry the app and every command call.

The configured file (or URL), or the demo database filled with the demo commune on
first use; a lost database with backups beside it is not silently created anew; and
issued files a killed process left half-written are finished. It sits above
everything else in ``models`` because it needs the demo and the services."""
from __future__ import annotations

import logging
from pathlib import Path

from models.core.errors import DatabaseMissing, StorageError
from models.core.paths import locations, use_demo
from models.core.words import OpeningWords as W
from models.domain.office import Office
from models.services.issued_files import finish_pending
from models.storage.backup import advice, newest_good_backup
from models.storage.config import configured_target, sqlite_path
from models.storage.db import open_database


def _with_backup_advice(target: str, exc: StorageError) -> StorageError:
    """A damaged SQLite file: name the newest good backup and the exact command
    that restores it. The file itself is left as it is. A locked database or one
    of a newer schema is not damaged: no backup is offered for those."""
    path = sqlite_path(target)
    if not exc.restorable or path is None or not path.is_file():
        return exc
    return type(exc)(f"{exc.message}\n{advice(target)}")


def _missing_with_backups(target: str) -> None:
    """No database (or an empty file) where backups of it exist: that is a lost
    database, not a new office. Say so instead of creating an empty one."""
    path = sqlite_path(target)
    if path is None:
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError:
        return
    if size not in (None, 0):
        return
    best = newest_good_backup(target)
    if best is None:
        return
    state = W.MISSING if size is None else W.EMPTY_FILE
    raise DatabaseMissing(
        W.BACKUP_NEARBY.format(path=path, state=state, label=best.label))


def open_office_database(target: str | None = None, *, demo: bool = False, render=None,
                         new_office: bool = False, check_later: bool = False):
    """Open (creating if needed) the office's database, or the demo one, which is
    filled with the demo commune on first use. Returns the peewee database.
    A missing or empty database with good backups beside it is not created
    anew unless ``new_office`` (``doithoai init --moi``) says so. ``check_later``:
    models.storage.db.open_database's (the app checks a file the machine left
    open after its first screen)."""
    if demo:
        use_demo()
        target = target or str(locations().demo_database)
        Path(target).parent.mkdir(parents=True, exist_ok=True) if "://" not in target else None
        db = open_database(target, check_later=check_later)
        if Office.select().count() == 0:
            from models.demo import build_demo  # off the start-up path: only the demo's first start builds it (every service)

            build_demo(render=render)
        return _finish_writes(db)
    target = target or configured_target()
    if not new_office:
        _missing_with_backups(target)
    try:
        db = open_database(target, check_later=check_later)
    except StorageError as exc:
        raise _with_backup_advice(target, exc) from exc
    return _finish_writes(db)


def _finish_writes(db):
    """Issued files a killed process left under their hidden temporary names are
    finished or removed (models.services.issued_files); never in the way of a start."""
    try:
        for line in finish_pending():
            logging.getLogger("doithoai").warning(line)
    except Exception:  # a folder that cannot be read: the next start tries again
        logging.getLogger("doithoai").exception("finish_pending")
    return db
