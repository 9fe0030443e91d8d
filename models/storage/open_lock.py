"""Who has the database open: every running instance holds a shared lock for
its lifetime, and a restore needs it exclusively.

SQLite: a lock file beside the database (``doithoai.sqlite3.lock``) locked with
the operating system's advisory locks — ``flock`` on Linux and macOS; on Windows,
where ``msvcrt`` only has exclusive byte locks, a shared holder locks one of
SLOTS bytes and an exclusive holder must lock them all. The operating system
drops the lock when a process ends, even when it is killed, so a crash never
leaves the database "open".

PostgreSQL: a session advisory lock, ``pg_advisory_lock_shared`` on the
connection, taken again whenever the connection is opened again.
"""
from __future__ import annotations

import os
from pathlib import Path

from models.core.compat import on_connect
from models.core.errors import DatabaseLocked, StorageError, os_reason
from models.core.words import DatabaseWords as W
from models.storage.files import make_private

PG_KEY = 0x446F6954  # "DoiT"
SLOTS = 64           # Windows: how many instances can hold the shared lock at once

IN_USE = (W.IN_USE)


def lock_path(database: os.PathLike | str) -> Path:
    return Path(str(database) + ".lock")


class FileLock:
    """A shared or exclusive advisory lock on a lock file; ``acquire`` returns False
    when it is held the other way by another instance."""

    def __init__(self, database: os.PathLike | str):
        self.path = lock_path(database)
        self.fd: int | None = None
        self.mode = ""

    def acquire(self, exclusive: bool = False) -> bool:
        if self.fd is not None:
            self.release()

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        make_private(self.path)
        ok = _lock_windows(fd, exclusive) if os.name == "nt" else _lock_posix(fd, exclusive)
        if not ok:
            os.close(fd)
            return False
        self.fd, self.mode = fd, "exclusive" if exclusive else "shared"
        return True

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            if os.name != "nt":
                import fcntl  # this platform only

                fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)       # also drops Windows byte locks
            self.fd, self.mode = None, ""


def _lock_posix(fd: int, exclusive: bool) -> bool:
    import fcntl  # this platform only

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _lock_windows(fd: int, exclusive: bool) -> bool:  # pragma: no cover - Windows only
    import msvcrt  # this platform only

    def lock(offset: int, length: int) -> bool:
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, length)
            return True
        except OSError:
            return False

    if exclusive:
        return lock(0, SLOTS)
    return any(lock(slot, 1) for slot in range(SLOTS))


# --- the lock this process holds for the open database ------------------------------

_held: FileLock | None = None


def hold_shared(database: os.PathLike | str) -> None:
    """Called when a SQLite database is opened: held until ``release_held``.
    Raises StorageError when a restore holds it exclusively."""
    global _held
    release_held()
    lock = FileLock(database)
    try:
        ok = lock.acquire(exclusive=False)
    except OSError:
        return      # a read-only folder: nobody can restore into it either
    if not ok:
        raise DatabaseLocked(W.RESTORING.format(database=database))
    _held = lock


def release_held() -> None:
    global _held
    if _held is not None:
        _held.release()
        _held = None


def exclusive(database: os.PathLike | str) -> FileLock:
    """The lock a restore holds while it swaps the files; StorageError while any
    instance (this process included) has the database open."""
    lock = FileLock(database)
    try:
        ok = lock.acquire(exclusive=True)
    except OSError as exc:
        raise StorageError(W.NOT_LOCKED.format(database=database, os_reason=os_reason(exc))) from exc
    if not ok:
        raise StorageError(IN_USE.format(path=database))
    return lock


def hold_shared_postgres(db) -> None:
    """Take the shared advisory lock on every new connection of ``db``."""
    def take(conn):
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock_shared(%s)", (PG_KEY,))
        conn.commit()

    on_connect(db, take)


def release_postgres(db) -> None:
    """Give the shared lock back before closing: the server drops a closed
    session's locks only when its backend process has ended, a moment later."""
    try:
        db.execute_sql("SELECT pg_advisory_unlock_shared(%s)", (PG_KEY,))
    except Exception:  # a broken connection: the server drops it anyway
        pass

