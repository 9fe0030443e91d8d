"""Keeping what was typed when the database cannot take it yet.

A full disk, a database file turned read-only (a USB stick pulled out, a
network share gone), another program holding the lock for too long, or a lost
connection to the PostgreSQL server must not lose a secretary's typing in the
middle of a session. ``PendingWrites.save`` runs a write; when the storage
refuses it, the write is kept in memory, in order, with a plain Vietnamese
message, and ``retry`` runs the kept writes again — the live screen calls it
when the user types or saves again, or from a timer that only runs while
something is pending (an idle app stays idle).

Only storage failures are kept. A validation error, a stale edit or a locked
record is the user's to see at once and is raised as usual.
"""
from __future__ import annotations

import errno
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

import peewee as pw

from models.core.words import StorageWords as W
from models.storage.db import DatabaseGone, database

log = logging.getLogger("doithoai.safe_write")

DISK_FULL = (W.DISK_FULL)
READ_ONLY = (W.READ_ONLY)
BUSY = (W.BUSY)
DISCONNECTED = (W.CONNECTION_LOST)
GONE = (W.DATABASE_GONE)
IO_ERROR = (W.IO_ERROR)


def storage_problem(exc: BaseException) -> str | None:
    """The Vietnamese message for a write the storage refused, or None when
    ``exc`` is not a storage failure (and must be handled as usual)."""
    if isinstance(exc, DatabaseGone):
        return GONE
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DISK_FULL
        if exc.errno in (errno.EROFS, errno.EACCES):
            return READ_ONLY
        return IO_ERROR if exc.errno == errno.EIO else None
    driver_error = type(exc).__module__.startswith(("sqlite3", "psycopg2"))
    if "Integrity" in type(exc).__name__ or not (isinstance(exc, (pw.DatabaseError, pw.InterfaceError))
                                                 or driver_error):
        return None
    text = str(exc).lower()
    if "full" in text or "no space" in text or "quota" in text:
        return DISK_FULL
    if "readonly" in text or "read-only" in text or "read only" in text:
        return READ_ONLY
    if "locked" in text or "busy" in text:
        return BUSY
    if ("closed" in text or "connect" in text or "terminat" in text or "server" in text
            or isinstance(exc, pw.InterfaceError)):
        return DISCONNECTED
    if "i/o" in text or "disk" in text:
        return IO_ERROR
    return None


@dataclass
class Pending:
    key: Hashable
    func: Callable[..., Any]
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    attempts: int = 0


@dataclass(frozen=True)
class Outcome:
    saved: bool
    message: str = ""          # Vietnamese, for notify(); "" when everything is saved
    pending: int = 0
    result: Any = None


class PendingWrites:
    """Writes kept in memory, in order, until the database takes them.

    ``key`` names what a write saves (e.g. ("petition", 12, "content")): a newer
    write with the same key replaces the kept one in its place, so only the latest
    typing of a field is replayed. Thread-safe: workers may call it."""

    def __init__(self) -> None:
        self._queue: OrderedDict[Hashable, Pending] = OrderedDict()
        self._lock = threading.RLock()
        self.message = ""
        self.faults = 0            # storage failures met (for the status line and tests)

    def __len__(self) -> int:
        return len(self._queue)

    @property
    def keys(self) -> list:
        return list(self._queue)

    def clear(self) -> None:
        """Forget every kept write (they went to the rescue file)."""
        with self._lock:
            self._queue.clear()
            self.message = ""

    def kept(self) -> list[Pending]:
        """The writes kept, in order (a copy: for the rescue file)."""
        with self._lock:
            return list(self._queue.values())

    def save(self, key: Hashable, func: Callable[..., Any], *args, **kwargs) -> Outcome:
        """Run ``func(*args, **kwargs)`` now, after anything still kept (order
        matters: a petition must exist before its answer is saved)."""
        with self._lock:
            if self._queue:
                self.retry()
            if self._queue:
                self._keep(Pending(key, func, args, kwargs))
                return Outcome(False, self.message, len(self._queue))
            try:
                result = func(*args, **kwargs)
            except Exception as exc:  # only storage failures are kept
                message = storage_problem(exc)
                if message is None:
                    raise
                self._failed(exc, message)
                self._keep(Pending(key, func, args, kwargs, attempts=1))
                return Outcome(False, message, len(self._queue))
            self.message = ""
            return Outcome(True, "", 0, result)

    def retry(self) -> Outcome:
        """Run the kept writes in order; stop at the first that still fails."""
        with self._lock:
            while self._queue:
                key, item = next(iter(self._queue.items()))
                try:
                    item.attempts += 1
                    item.func(*item.args, **item.kwargs)
                except Exception as exc:
                    message = storage_problem(exc)
                    if message is None:
                        # the database took it but refused the content (e.g. a stale edit):
                        # drop it from the queue and let the caller show the error (and,
                        # with ``exc.dropped_write``, keep what it held: a refused petition)
                        del self._queue[key]
                        exc.dropped_write = item
                        raise
                    self._failed(exc, message)
                    return Outcome(False, message, len(self._queue))
                del self._queue[key]
            self.message = ""
            return Outcome(True, "", 0)

    def _keep(self, item: Pending) -> None:
        self._queue[item.key] = item   # an existing key is replaced in place: it keeps its turn

    def _failed(self, exc: BaseException, message: str) -> None:
        self.faults += 1
        self.message = message
        # the text, not the error: a kept error holds its frames and their SQLite
        # statement, and SQLite keeps a connection with a live statement open
        log.warning("Chưa lưu được (%s): %s", type(exc).__name__, str(exc))
        _drop_broken_connection(message)


def _drop_broken_connection(message: str) -> None:
    """After a lost server connection the next attempt must open a new one; after
    a read-only or I/O refusal every thread's SQLite connection is opened again
    at its next use (a connection opened read-only stays so)."""
    if message in (READ_ONLY, IO_ERROR) and hasattr(database.obj, "reopen_everywhere"):
        database.obj.reopen_everywhere()
    if message is not DISCONNECTED:
        return

    try:
        if database.obj is not None:
            database.obj.close()
    except Exception:  # already broken
        pass
