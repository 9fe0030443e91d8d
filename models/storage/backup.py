"""Sao lưu và khôi phục: copies of the office's SQLite file.

Copies are made with SQLite's online backup API (``sqlite3.Connection.backup``),
which gives a consistent snapshot even while another window is writing. Each
copy is written under a temporary name, checked, then renamed, so a power cut
never leaves a half-written file that looks like a backup.

Automatic copies go to the backup folder (``doithoai locate``): one at start-up
at most once a day, and one after each live session is closed
(``backup_after_session``). Rotation keeps the newest copy of each of the last
``daily`` days and of each of the last ``weekly`` ISO weeks (config keys
``backup_daily`` and ``backup_weekly``) and every copy made today.

A restore never overwrites anything it has not first verified, and keeps the
database it replaces beside it under a dated name.

PostgreSQL: copies are the server's job (``pg_dump``); see POSTGRES_MESSAGE.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.core.errors import StorageError, os_reason
from models.core.paths import locations
from models.core.words import BackupWords as W
from models.storage import files, migrations, open_lock
from models.storage.config import is_url, read_config, sqlite_path
from models.storage.db import database, describe
from models.storage.seals import forget_heads

DEFAULT_DAILY = 7
DEFAULT_WEEKLY = 8
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<tag>[a-z]+))?\.sqlite3$")

POSTGRES_MESSAGE = (
    W.PG_NO_BACKUP)

log = logging.getLogger("doithoai.backup")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    tag: str = ""

    @property
    def label(self) -> str:
        return W.BACKUP_LABEL.format(path=self.path, made_at=self.made_at)


@dataclass(frozen=True)
class Verified:
    """What a checked backup contains."""

    path: Path
    schema_version: int
    office: str
    petitions: int


# --- which file ------------------------------------------------------------------

def backup_folder() -> Path:
    return locations().backups


def rotation_counts() -> tuple[int, int]:
    cfg = read_config()

    def count(key, default):
        try:
            return max(1, int(cfg.get(key, default)))
        except (TypeError, ValueError):
            return default

    return count("backup_daily", DEFAULT_DAILY), count("backup_weekly", DEFAULT_WEEKLY)


# --- making a copy ---------------------------------------------------------------

#: pages copied between two looks at ``cancel`` (4 MB at SQLite's default page size)
PAGES_PER_STEP = 1024


class Cancelled(StorageError):
    """The copy was stopped (the app is quitting); its temporary file is gone."""


def _copy(source: Path, dest: Path, *, replace: bool = False, checked: bool = True, cancel=None) -> None:
    """Online backup of ``source`` into ``dest`` through a temporary file (models.storage.files:
    synced, owner-only, checked before the rename, folder synced). ``cancel``
    (a threading.Event) stops the copy between two steps; the temporary file
    is then removed, as after any failure."""
    def stop_if_asked(_status, _remaining, _total) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled(W.STOPPED_QUITTING)

    def write(tmp: Path) -> None:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        try:
            out = sqlite3.connect(str(tmp))
            try:
                src.backup(out, pages=PAGES_PER_STEP, progress=stop_if_asked)
                stop_if_asked(0, 0, 0)
                out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                row = out.execute("PRAGMA quick_check").fetchone()
            finally:
                out.close()
        finally:
            src.close()
        if not row or row[0] != "ok":
            raise StorageError(W.COPY_BROKEN.format(result=row and row[0]))

    files.write_file(dest, "sqlite", write, replace=replace, protect=[source], checked=checked)


def _storage(exc: Exception, what: str) -> StorageError:
    return StorageError(W.FAILED_TO.format(what=what, os_reason=os_reason(exc)))


def make_backup(source: str | os.PathLike | None = None, dest: str | os.PathLike | None = None,
                *, tag: str = "", now: dt.datetime | None = None, replace: bool = False, cancel=None) -> Path:
    """Copy the SQLite database ``source`` to ``dest`` (a file or a folder, e.g. a
    USB stick; default: the backup folder) under a dated name. Returns the file.
    A named file is written only under models.storage.files' rule: never over the live
    database, another database or a file of another kind, and over an earlier
    backup only with ``replace``."""
    src = sqlite_path(source)
    if src is None:
        raise StorageError(POSTGRES_MESSAGE.format(target=describe(str(source))))
    if not src.is_file():
        raise StorageError(W.NO_SOURCE.format(src=src))
    now = now or dt.datetime.now()
    name = f"{src.stem}-{now.strftime(_STAMP)}{'-' + tag if tag else ''}{SUFFIX}"
    if dest is None:
        target = backup_folder() / name
    else:
        d = Path(dest)
        target = d / name if d.is_dir() or (not d.exists() and not d.suffix) else d
    if target.resolve() == src.resolve():
        raise StorageError(W.ONTO_ITSELF.format(target=target))
    # a database open in another window is never replaced under it (as restore
    # refuses): its lock is taken exclusively for the whole copy
    lock = None
    if target.is_file() and open_lock.lock_path(target).exists():   # every instance makes it
        lock = open_lock.FileLock(target)
        try:
            free = lock.acquire(exclusive=True)
        except OSError:
            free, lock = True, None     # a read-only folder: the copy fails there anyway
        if not free:
            raise StorageError(W.OPEN_ELSEWHERE.format(target=target))
    files.remove_stale_temps(target.parent)    # a copy killed earlier on this USB stick
    try:
        _copy(src, target, replace=replace, cancel=cancel)
    except Cancelled:
        raise
    except sqlite3.DatabaseError as exc:
        raise StorageError(W.NOT_BACKED_UP.format(src=src, os_reason=os_reason(exc))) from exc
    except OSError as exc:
        raise _storage(exc, W.WRITE_INTO.format(parent=target.parent)) from exc
    finally:
        if lock is not None:
            lock.release()
    return target


def backups(source: str | os.PathLike | None = None, folder: Path | None = None) -> list[BackupInfo]:
    """Automatic copies of ``source``'s database, newest first."""
    src = sqlite_path(source)
    folder = folder or backup_folder()
    if src is None or not folder.is_dir():
        return []
    out = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if not m or m.group("stem") != src.stem:
            continue
        try:
            made = dt.datetime.strptime(m.group("stamp"), _STAMP)
        except ValueError:
            continue
        out.append(BackupInfo(p, made, m.group("tag") or ""))
    return sorted(out, key=lambda b: (b.made_at, b.path.name), reverse=True)


def rotate(source: str | os.PathLike | None = None, *, today: dt.date | None = None,
           daily: int | None = None, weekly: int | None = None) -> list[Path]:
    """Delete automatic copies that the daily/weekly policy no longer keeps."""
    d_default, w_default = rotation_counts()
    daily, weekly = daily or d_default, weekly or w_default
    today = today or dt.date.today()
    items = backups(source)
    keep: set[Path] = {b.path for b in items if b.made_at.date() == today}
    days: dict[dt.date, BackupInfo] = {}
    weeks: dict[tuple[int, int], BackupInfo] = {}
    for b in items:  # newest first: the first seen of a day/week is its newest
        days.setdefault(b.made_at.date(), b)
        weeks.setdefault(tuple(b.made_at.isocalendar())[:2], b)
    keep |= {b.path for _, b in sorted(days.items(), reverse=True)[:daily]}
    keep |= {b.path for _, b in sorted(weeks.items(), reverse=True)[:weekly]}
    removed = []
    for b in items:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


def startup_backup(target: str | os.PathLike | None = None, *, now: dt.datetime | None = None,
                   cancel=None) -> Path | None:
    """The daily copy, made at most once a day; never raises (it runs beside the
    app and a failed copy must not stop the office's work: it is logged).
    Temporary files that killed copies left in the backup folder go first;
    ``cancel`` set (the app quits) stops this one and removes its own."""
    try:
        src = sqlite_path(target)
        if src is None or not src.is_file():
            return None
        files.remove_stale_temps(backup_folder())
        files.remove_stale_temps(src.parent)     # a restore's, a backup --ghi-de beside it
        now = now or dt.datetime.now()
        if any(b.made_at.date() == now.date() for b in backups(src)):
            return None
        path = make_backup(src, tag="ngay", now=now, cancel=cancel)
        rotate(src, today=now.date())
        return path
    except Exception as exc:  # logged, never shown as a traceback
        log.warning("Sao lưu tự động khi khởi động không thành công: %s", exc)
        return None


def backup_after_session(target: str | os.PathLike | None = None) -> Path | None:
    """Call after a live session is closed (from a thread worker). Copies the open
    SQLite database (or ``target``); returns the copy, or None on PostgreSQL or
    when the copy failed (logged: closing the session has already been saved)."""
    try:
        if target is None:
            obj = database.obj
            if obj is None or not hasattr(obj, "database") or is_url(str(obj.database)) \
                    or type(obj).__name__.startswith("Postgres"):
                return None
            target = obj.database
        src = sqlite_path(target)
        if src is None:
            return None
        path = make_backup(src, tag="phien")
        rotate(src)
        return path
    except Exception as exc:
        log.warning("Sao lưu sau phiên họp không thành công: %s", exc)
        return None


# --- checking and restoring --------------------------------------------------------

def verify(path: str | os.PathLike) -> Verified:
    """Check that ``path`` is a whole Đối thoại database: SQLite header, full
    integrity check, schema version this program understands, an office."""
    p = Path(path)
    if not p.is_file():
        raise StorageError(W.NO_FILE.format(path=p))
    with open(p, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StorageError(W.NOT_SQLITE.format(path=p))
    try:
        conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                raise StorageError(W.BROKEN.format(path=p, join='; '.join(rows[:3])))
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "schema_version" not in names or "office" not in names:
                raise StorageError(W.NOT_OURS.format(path=p))
            version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
            if version > migrations.CURRENT:
                raise StorageError(W.NEWER.format(path=p, version=version))
            office = conn.execute("SELECT name FROM office ORDER BY id LIMIT 1").fetchone()
            if not office:
                raise StorageError(W.NO_OFFICE.format(path=p))
            petitions = conn.execute("SELECT COUNT(*) FROM petition").fetchone()[0] \
                if "petition" in names else 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(W.UNREADABLE.format(path=p, os_reason=os_reason(exc))) from exc
    return Verified(p, version, office[0], petitions)


def _self_contained(path: Path) -> None:
    """Write the database's log into it and leave it in rollback-journal mode, so
    it is one file with no -wal beside it (nobody has it open: the restore holds
    its lock). A damaged file may refuse: its log is then moved aside with it."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        log.warning("Không gộp được nhật ký của cơ sở dữ liệu cũ trước khi khôi phục: %s", exc)


def _link_or_copy(path: Path, to: Path) -> None:
    """A second name for ``path`` (a copy on a file system without hard links)."""
    try:
        os.link(path, to)
    except OSError:
        shutil.copy2(path, to)
        files.make_private(to)
    files.sync_folder(to.parent)


def newest_good_backup(target: str | os.PathLike | None = None) -> BackupInfo | None:
    for b in backups(target):
        try:
            verify(b.path)
            return b
        except StorageError:
            continue
    return None


def advice(target: str | os.PathLike | None = None) -> str:
    """What to tell a user whose database cannot be opened: the newest good copy."""
    try:
        best = newest_good_backup(target)
    except Exception:  # advice must never fail itself
        best = None
    if best is None:
        return (W.NO_GOOD_BACKUP.format(backup_folder=backup_folder()))
    return (W.NEWEST_GOOD.format(label=best.label, path=best.path))


def restore(file: str | os.PathLike, target: str | os.PathLike | None = None,
            *, now: dt.datetime | None = None, step=None) -> tuple[Verified, Path | None]:
    """Replace the database ``target`` with the verified copy ``file``. The old
    database is kept beside it under a dated name, never deleted. Returns what
    was restored and where the replaced database now is.

    Safe at every step: a kill between any two leaves at ``target`` either the
    old database or the restored one, whole. The old one is first made one
    self-contained file (its log written into it, then journal_mode=DELETE), so
    no -wal of it can ever be replayed into the restored copy; a log found
    beside the target anyway (a damaged database, a restore killed by an
    earlier version) is moved aside with it before the copy takes the name.
    ``step(name)`` is called between the steps (tests stop the restore there)."""
    dest = sqlite_path(target)
    if dest is None:
        raise StorageError(POSTGRES_MESSAGE.format(target=describe(str(target))))
    info = verify(file)
    src = Path(file).resolve()
    if dest.exists() and src == dest.resolve():
        raise StorageError(W.SAME_AS_LIVE)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    step = step or (lambda name: None)
    aside = None
    try:
        files.make_folder(dest.parent)
    except OSError as exc:
        raise _storage(exc, W.RESTORE_INTO.format(dest=dest)) from exc
    # every open instance holds the lock shared: restoring under them would send
    # their next writes into the file moved aside
    lock = open_lock.exclusive(dest)
    staged = dest.with_name(dest.name + ".restore-tmp")
    kept = dest.with_name(f"{dest.stem}.truoc-khoi-phuc-{stamp}{dest.suffix}")
    try:
        _copy(src, staged, checked=False)           # one self-contained file (journal_mode=DELETE)
        step("copied")
        if dest.exists():
            _self_contained(dest)
            step("settled")
            _link_or_copy(dest, kept)               # the old one under its dated name; still at dest too
            aside = kept
            step("aside")
        for extra in ("-wal", "-shm"):              # a log left anyway goes with the old file, never stays
            side = Path(str(dest) + extra)
            if side.exists():
                os.replace(side, Path(str(kept) + extra))
        step("logs")
        os.replace(staged, dest)                     # one rename: old or restored, never between
        files.sync_folder(dest.parent)
        step("swapped")
    except OSError as exc:
        raise _storage(exc, W.RESTORE_INTO.format(dest=dest)) from exc
    finally:
        staged.unlink(missing_ok=True)
        lock.release()

    forget_heads(str(dest.resolve()))  # an older copy is shorter on purpose
    return info, aside
