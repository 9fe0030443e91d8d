"""The database: created unconfigured, opened later on SQLite or PostgreSQL.

SQLite is the default (one file in the user data folder). A URL such as
``postgresql://user:pass@host/db`` selects PostgreSQL; nothing else changes.
"""
from __future__ import annotations

import atexit
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import peewee as pw

from models.core._drivers import enable_postgres
from models.core.compat import current_connection
from models.core.errors import DatabaseDamaged, DatabaseLocked, StorageError, os_reason
from models.core.words import DatabaseWords as W
from models.domain.base import database, is_postgres, known_as
from models.storage import migrations, open_lock
from models.storage.config import is_url
from models.storage.files import make_folder
from models.storage.open_lock import FileLock, hold_shared_postgres, release_held, release_postgres

# SQLite pragmas: WAL lets a reader and a writer work at once; synchronous=FULL
# makes every commit durable across a power cut; a busy timeout waits for another
# instance instead of failing with "database is locked".
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10000,
    # deleted or overwritten text is zeroed in the file (an anonymous
    # citizen's name typed before they asked to stay anonymous)
    "secure_delete": 1,
}
# Every SQLite transaction takes the write lock when it begins. A deferred
# transaction that reads (the row version) and then writes fails at once with
# "database is locked" when another process committed in between, because WAL
# cannot upgrade a stale read snapshot; with IMMEDIATE it waits its turn
# (busy_timeout) and then reads the other process's committed row.
SQLITE_LOCK = "IMMEDIATE"


_connections_lock = threading.Lock()


class DatabaseGone(pw.OperationalError):
    """The database file was removed or replaced by another file while open:
    nothing more is written (safe_write keeps it, and the rescue file takes it)."""


#: statements that write: the file is looked at (one stat) before each
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "CREATE", "DROP", "ALTER")


class OfficeSqliteDatabase(pw.SqliteDatabase):
    """SQLite as the office uses it.

    On "database or disk is full" (and some I/O errors) SQLite rolls the whole
    transaction back by itself; peewee's own rollback (of the transaction, or to
    a savepoint of a nested ``atomic``) then fails with "cannot rollback - no
    transaction is active" / "no such savepoint", which would hide the real
    cause from the user (and from safe_write, which keeps the typing and says
    the disk is full). That second error is dropped so the first one is raised."""

    _GONE = ("no transaction is active", "no such savepoint")

    #: bumped when the storage refused a write as read-only (or an I/O error):
    #: every thread's connection made before is opened again at its next use,
    #: because SQLite opens a file it could not write read-only for good, and a
    #: worker thread keeps its connection (a USB stick unlocked, a share
    #: writable again, must not need a restart)
    _generation = 0

    #: (device, inode) of the file when it was opened; None until open_database has checked it
    _identity = None

    def same_file(self) -> bool:
        """The file at our path is still the one opened (not removed, not replaced)."""
        if self._identity is None:
            return True
        try:
            st = os.stat(self.database)
        except FileNotFoundError:
            return False
        except OSError:
            return True      # cannot tell (a share gone for a moment): SQLite says the rest
        return (st.st_dev, st.st_ino) == self._identity

    def _gone(self) -> DatabaseGone:
        return DatabaseGone(f"the database file {self.database} was removed or replaced")

    def execute_sql(self, sql, params=None):
        if self._identity is not None and sql.lstrip()[:7].upper().startswith(_WRITES) and not self.same_file():
            raise self._gone()
        return self._execute_sql(sql, params)

    def _connect(self):
        # a new connection to a path whose file has gone would make a new empty
        # database there, or open another one put in its place
        if not self.same_file():
            raise self._gone()
        conn = super()._connect()
        with _connections_lock:
            self.__dict__.setdefault("_every_connection", []).append(conn)
            self.__dict__.setdefault("_made_in", {})[id(conn)] = self._generation
        return conn

    def reopen_everywhere(self) -> None:
        """Every connection is opened again: the idle ones are closed now (SQLite
        shares one view of the -shm among a process's connections, so a single
        read-only one left open keeps the new ones read-only too); a thread
        whose connection was in a transaction reopens at its next use."""
        with _connections_lock:
            self._generation += 1
            conns = list(self.__dict__.get("_every_connection", []))
        for conn in conns:
            try:
                if not conn.in_transaction:
                    conn.close()
            except Exception:  # closed already, or in use right now: it reopens later
                pass

    def cursor(self, *args, **kwargs):
        conn = current_connection(self)
        if conn is not None and self.__dict__.get("_made_in", {}).get(id(conn)) != self._generation \
                and not self.in_transaction():
            self.close()
        return super().cursor(*args, **kwargs)

    def close_cleanly(self) -> None:
        """A clean quit: the log written into the database and emptied
        (wal_checkpoint(TRUNCATE)), then every connection of every thread
        closed, so SQLite removes the -wal and -shm and the next start has
        nothing to check."""
        try:
            if not self.is_closed():
                self.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (pw.DatabaseError, sqlite3.DatabaseError):
            pass        # a busy reader: SQLite checkpoints when the last connection closes
        try:
            if not self.is_closed():
                self.close()
        except (pw.DatabaseError, sqlite3.DatabaseError):
            pass
        with _connections_lock:
            others, self.__dict__["_every_connection"] = self.__dict__.get("_every_connection", []), []
        for conn in others:      # the worker threads' own connections
            try:
                conn.close()
            except Exception:  # a connection in use elsewhere; the exit closes it
                pass

    def _rolled_back_already(self, exc: Exception) -> bool:
        return any(text in str(exc) for text in self._GONE)

    def rollback(self):
        try:
            super().rollback()
        except pw.OperationalError as exc:
            if not self._rolled_back_already(exc):
                raise

    def _execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except pw.OperationalError as exc:
            if sql.startswith("ROLLBACK") and self._rolled_back_already(exc):
                return None
            raise


def describe(target: str | os.PathLike) -> str:
    """A target for messages, without a password."""
    if not is_url(target):
        return str(target)
    u = urlparse(str(target))
    host = u.hostname or "localhost"
    port = f":{u.port}" if u.port else ""
    user = f"{u.username}@" if u.username else ""
    return f"{u.scheme}://{user}{host}{port}{u.path}"


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise StorageError(W.IS_FOLDER.format(path=path))
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise DatabaseDamaged(
                W.NOT_SQLITE.format(path=path))
    else:
        folder = path.parent
        try:
            make_folder(folder)
        except OSError as exc:
            raise StorageError(W.NO_DATA_FOLDER.format(folder=folder, os_reason=os_reason(exc))) from exc
        if not os.access(folder, os.W_OK):
            raise StorageError(W.DATA_FOLDER_READ_ONLY.format(folder=folder))


def make_database(target: str | os.PathLike) -> pw.Database:
    """A peewee database for a file path or a URL, not yet connected."""
    if is_url(target):
        url = str(target)
        scheme = urlparse(url).scheme
        if scheme in ("sqlite",):
            # as playhouse.db_url reads it: sqlite:///name.db is relative, sqlite:////abs is absolute
            return OfficeSqliteDatabase(urlparse(url).path[1:] or ":memory:", pragmas=SQLITE_PRAGMAS,
                                        timeout=10, lock_type=SQLITE_LOCK)
        if scheme not in ("postgres", "postgresql", "postgresext"):
            raise StorageError(W.UNSUPPORTED_URL.format(describe=describe(url)))

        enable_postgres()
        from playhouse.db_url import connect  # heavy: loaded when used, not at start-up

        db = connect(url)
        hold_shared_postgres(db)
        return db
    path = Path(target)
    _check_sqlite_file(path)
    # check_same_thread=False: each connection is still used by its own thread
    # only, but the clean close at exit closes them all from the main thread
    return OfficeSqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10, lock_type=SQLITE_LOCK,
                                check_same_thread=False)


def _sqlite_file(db: pw.Database) -> Path | None:
    name = getattr(db, "database", None)
    if not isinstance(db, pw.SqliteDatabase) or not name or name == ":memory:":
        return None
    return Path(name)


#: a file up to this size is checked whole at every open (a few milliseconds);
#: a larger one only after the machine stopped with it open, by `doithoai doctor` and by backups
FULL_CHECK_BYTES = 8 * 1024 * 1024

#: where a mark keeps the boot it was made in: after the bytes a Windows lock may hold (open_lock.SLOTS)
_BOOT_AT = 64


def boot_id() -> str:
    """This run of the machine, the same until it starts again (after a power
    cut, a system crash or a shutdown); '' where it cannot be told. Linux:
    the kernel's boot_id. Windows: the minute it started (now less the
    milliseconds since boot), compared with a margin by ``same_boot``."""
    if sys.platform.startswith("linux"):
        try:
            return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        except OSError:
            return ""
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes  # this platform only

        try:
            ticks = ctypes.windll.kernel32.GetTickCount64
            ticks.restype = ctypes.c_ulonglong
            return f"t{int(time.time() - ticks() / 1000)}"
        except (AttributeError, OSError):
            return ""
    return ""


def same_boot(a: str, b: str) -> bool:
    """Whether two ``boot_id`` values name the same run of the machine ('' never does)."""
    if not a or not b:
        return False
    if a.startswith("t") and b.startswith("t"):     # Windows: the clock may have been set since
        try:
            return abs(int(a[1:]) - int(b[1:])) <= 120
        except ValueError:
            return False
    return a == b


def marker_path(path: Path, pid: int | None = None) -> Path:
    """This process's mark that it has ``path`` open (removed by a clean close)."""
    return Path(f"{path}.dang-mo-{os.getpid() if pid is None else pid}")


def _read_boot(fd: int) -> str:
    try:
        os.lseek(fd, _BOOT_AT, os.SEEK_SET)
        return os.read(fd, 200).decode("ascii", "replace").strip()
    except OSError:
        return ""


def _stale_markers(path: Path) -> dict[Path, str]:
    """Marks left by programs that had ``path`` open and ended without closing
    it (a crash, a kill, a power cut), each with the boot it was made in. A
    running instance holds its mark locked, so a mark nobody holds is a dead
    one's; the file's own -wal says nothing (another window may be writing to
    it right now)."""
    stale = {}
    for mark in path.parent.glob(path.name + ".dang-mo-*"):
        probe = FileLock(path)
        probe.path = mark
        try:
            if probe.acquire(exclusive=True):
                stale[mark] = _read_boot(probe.fd)
        except OSError:
            continue
        finally:
            probe.release()
    return stale


def only_the_process_died(stale: dict[Path, str]) -> bool:
    """Every program that left a mark ended while the machine kept running (it
    was killed, or crashed, or its window was closed): the operating system
    still wrote every page it had been given, and SQLite's write-ahead log,
    whose frames carry checksums, makes each transaction whole or absent on
    the next open (sqlite.org/atomiccommit.html, sqlite.org/howtocorrupt.html:
    a file is damaged by a crash only when the machine itself stops before the
    disk has what it was told was written). Then nothing the crash did needs
    more than the check of every open. After a power cut or a system crash
    (another boot), or where the boot cannot be told, the whole file is checked."""
    now = boot_id()
    return bool(stale) and all(same_boot(made, now) for made in stale.values())


_marker = None     # (the lock held on this process's mark, its path)


def _hold_marker(path: Path) -> None:
    """Mark ``path`` open by this process until ``close_database`` (a clean
    close), with the boot it is made in (``only_the_process_died``)."""
    global _marker
    _drop_marker()
    lock = FileLock(path)
    lock.path = marker_path(path)
    try:
        if lock.acquire(exclusive=False):
            _marker = (lock, lock.path)
            os.lseek(lock.fd, _BOOT_AT, os.SEEK_SET)
            os.write(lock.fd, boot_id().encode("ascii", "replace") + b"\n")
    except OSError:
        pass        # a read-only folder: no mark, and no check after a crash either


def _drop_marker() -> None:
    global _marker
    if _marker is None:
        return
    lock, mark = _marker
    _marker = None
    try:
        mark.unlink(missing_ok=True)
    except OSError:
        pass
    lock.release()


def whole_check(db: pw.SqliteDatabase) -> str | None:
    """SQLite's quick_check over every page of the file: None when fine, else SQLite's words."""
    try:
        row = db.execute_sql("PRAGMA quick_check(1)").fetchone()
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:   # too damaged to be walked
        return str(exc)
    if not row or row[0] == "ok":
        return None
    # its first finding, short: SQLite lists every page it could not reach, one a line
    lines = [ln for ln in str(row[0]).splitlines() if ln.strip() and not ln.startswith("***")]
    first = lines[0] if lines else str(row[0])
    return first if len(first) <= 160 else first[:159] + "…"


def startup_check(db: pw.SqliteDatabase, unclean: bool = False) -> str | None:
    """The check made at every open, whose cost does not grow with the file:
    the header was read before connecting; here the schema is read and the
    first page of every table and index is visited. A small file, or one left
    open when the machine stopped (``unclean``), gets SQLite's whole
    quick_check. None when fine, else SQLite's words for the damage."""
    size = db.execute_sql("PRAGMA page_count").fetchone()[0] * db.execute_sql("PRAGMA page_size").fetchone()[0]
    if unclean or size <= FULL_CHECK_BYTES:
        return whole_check(db)
    objects = db.execute_sql("SELECT type, name, tbl_name FROM sqlite_master "
                             "WHERE type IN ('table', 'index') AND sql IS NOT NULL").fetchall()
    try:
        for kind, name, table in objects:
            if kind == "table" and not name.startswith("sqlite_"):
                db.execute_sql(f'SELECT 1 FROM "{name}" LIMIT 1').fetchall()
            elif kind == "index":
                cols = db.execute_sql(f'PRAGMA index_info("{name}")').fetchall()
                if cols and cols[0][2]:
                    db.execute_sql(f'SELECT 1 FROM "{table}" INDEXED BY "{name}" '
                                   f'WHERE "{cols[0][2]}" IS NOT NULL LIMIT 1').fetchall()
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        return str(exc)
    return None


#: marks of a machine that stopped with the file open, whose whole check the
#: app makes after its first screen (``check_after_start``); empty when none waits
_waiting: list[Path] = []


def check_waiting() -> bool:
    """A whole check of the file is still owed (the app makes it after its first screen)."""
    return bool(_waiting)


def check_after_start() -> str | None:
    """The whole check owed after the machine stopped with the file open, made
    in a worker once the first screen is drawn: None when the file is sound
    (then the marks that asked for it go), else SQLite's words for the damage
    (the marks stay, so every start asks again until the file is restored)."""
    global _waiting
    problem = whole_check(database.obj)
    if problem is None:
        for mark in _waiting:
            mark.unlink(missing_ok=True)
        _waiting = []
    return problem


def open_database(target: str | os.PathLike, *, create: bool = True, check_later: bool = False) -> pw.Database:
    """Point the models at ``target``, connect, and bring the schema up to date.

    A file left open when the machine stopped is checked whole before it is
    used, or, with ``check_later`` (the app, which shows its first screen
    first and tells the person), by ``check_after_start``."""
    global _waiting
    db = make_database(target)
    path = _sqlite_file(db)
    stale: dict[Path, str] = {}
    later = False
    _waiting = []
    try:
        if path is not None:
            # created before SQLite creates the database, so a brand-new file is private too
            _create_private(path)
            open_lock.hold_shared(path)
            stale = _stale_markers(path)
            _hold_marker(path)
        db.connect(reuse_if_open=True)
        if isinstance(db, pw.SqliteDatabase):
            # Fails fast on a damaged or foreign file instead of later, mid-edit.
            whole = bool(stale) and not only_the_process_died(stale)
            later = whole and check_later and path.stat().st_size > FULL_CHECK_BYTES
            problem = startup_check(db, whole and not later)
            if problem:
                raise DatabaseDamaged(
                    W.CORRUPT.format(problem=problem))
    except StorageError:
        _give_up(db)
        raise
    except (pw.OperationalError, pw.DatabaseError, sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # a damaged schema page can reach Python as undecodable text, not as an SQLite error
        _give_up(db)
        raise _storage_error(target, exc) from exc
    if later:
        _waiting = list(stale)          # gone once check_after_start finds the file sound
    else:
        for mark in stale:      # checked: the crash they tell of is behind us
            mark.unlink(missing_ok=True)
    if path is not None and isinstance(db, OfficeSqliteDatabase):
        st = os.stat(path)
        db._identity = (st.st_dev, st.st_ino)
    database.initialize(db)
    _close_at_exit()
    known_as(describe(target) if is_url(target) else str(Path(target).resolve()))
    try:
        migrations.upgrade(db, create=create)
    except StorageError:
        _give_up(db)
        raise
    except pw.ProgrammingError as exc:
        _give_up(db)
        if not is_denied(exc):
            raise
        raise StorageError(
            W.NO_UPGRADE_RIGHT.format(login=urlparse(str(target)).username or '')) from exc
    except (pw.OperationalError, pw.DatabaseError, sqlite3.DatabaseError) as exc:
        _give_up(db)
        raise _storage_error(target, exc) from exc
    return db


def _create_private(path: Path) -> None:
    if path.exists():
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        pass        # SQLite says why when it tries


def _give_up(db: pw.Database) -> None:
    try:
        if not db.is_closed():
            db.close()
    finally:
        _drop_marker()
        release_held()


_exit_hook = False


def _close_at_exit() -> None:
    """A program that ends normally (Ctrl+Q, a command line that finished) closes
    the database cleanly; only a crash leaves its mark behind."""
    global _exit_hook
    if not _exit_hook:
        atexit.register(close_database)
        _exit_hook = True


def is_denied(exc: Exception) -> bool:
    """PostgreSQL refused because of the login's rights or a row-level security policy."""
    text = str(exc)
    return "permission denied" in text or "row-level security" in text or "must be owner" in text


def denied_message() -> str:
    return (W.NOT_ALLOWED)


def close_database() -> None:
    obj = database.obj
    if isinstance(obj, OfficeSqliteDatabase):
        obj.close_cleanly()
    elif obj is not None and not obj.is_closed():
        if isinstance(obj, pw.PostgresqlDatabase):
            release_postgres(obj)
        obj.close()
    _drop_marker()
    release_held()


def _storage_error(target, exc: Exception) -> StorageError:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, UnicodeDecodeError):
        text = "malformed"
    if is_url(target):
        return StorageError(
            W.NO_CONNECTION.format(describe=describe(target), os_reason=os_reason(text)))

    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return StorageError(
            W.NOT_WRITABLE.format(target=target))
    if "locked" in lowered or "busy" in lowered:
        return DatabaseLocked(locked_message(target))
    if "disk i/o" in lowered or "no space" in lowered or "full" in lowered:
        return StorageError(W.NOT_READABLE.format(target=target, os_reason=os_reason(text)))
    return DatabaseDamaged(
        W.NOT_A_DATABASE.format(target=target, os_reason=os_reason(text)))


def locked_message(target) -> str:
    """Who holds the database: another window of Đối thoại, or another program."""
    who = W.OTHER_PROGRAM
    probe = FileLock(target)
    try:
        if not probe.acquire(exclusive=True):
            who = W.OTHER_WINDOW
    except OSError:
        pass
    finally:
        probe.release()
    return (W.LOCKED.format(target=target, who=who))


def scrub_log() -> None:
    """Write SQLite's log (WAL) into the database and empty it, so text that
    was overwritten (secure_delete) leaves no copy in the -wal file. Best
    effort: a busy reader only delays it to the next automatic checkpoint."""
    if is_postgres():
        return
    try:
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except pw.OperationalError:
        pass
