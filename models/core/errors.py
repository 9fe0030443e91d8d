"""Errors a user can act on. The message is Vietnamese and says how to fix it."""
from __future__ import annotations

import errno

from models.core.words import ErrorWords as W


class UserError(Exception):
    """Something the user can fix; ``str(err)`` is the Vietnamese message."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None, remedy: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        #: what helps, as a code (models.core.words.REMEDIES): the model says what is
        #: wrong, the screen or the command line says which key or command helps
        self.remedy = remedy

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(UserError):
    """Bad input in a form or on the command line."""


class NotFound(UserError):
    """A record named by the user does not exist."""


class StaleEdit(UserError):
    """Someone else saved the record after it was opened here."""

    def __init__(self, message: str, *, current=None, changed=(), who: str = ""):
        super().__init__(message)
        self.current = current
        #: who saved it, as the message names them
        self.who = who
        #: (field name, value the editor saw, value now stored) for each field
        #: the other person changed
        self.changed = list(changed)


class Locked(UserError):
    """An issued document or signed minutes cannot be changed in place."""


class StorageError(UserError):
    """The database cannot be opened, read or written."""

    exit_code = 3
    restorable = False     # True when putting a backup in its place is the cure


class DatabaseLocked(StorageError):
    """Another program or instance holds the database: wait or quit, never restore."""


class DatabaseTooNew(StorageError):
    """Made by a newer version of the software: update it; nothing is touched."""


class DatabaseDamaged(StorageError):
    """The file is damaged: the newest good backup may be put in its place."""

    restorable = True


class DatabaseMissing(StorageError):
    """No database (or an empty file) but good backups beside it: offer them
    instead of starting a new, empty office."""

    restorable = True


# --- what the operating system and the databases say, in Vietnamese ------------------

_REASONS = (
    (("no space left", "disk is full", "database or disk is full", "quota"),
     W.DISK_FULL),
    (("read-only file system", "readonly", "read-only", "read only"),
     W.READ_ONLY),
    (("permission denied", "access is denied", "operation not permitted"),
     W.NO_PERMISSION),
    (("database is locked", "database table is locked", "busy"),
     W.LOCKED_BY_OTHER),
    (("file is not a database", "not a database", "file is encrypted"), W.NOT_A_DATABASE),
    (("malformed",), W.CORRUPT),
    (("disk i/o error", "input/output error", "i/o error"), W.IO_ERROR),
    (("no such file or directory", "unable to open"), W.NOT_FOUND),
    (("is a directory",), W.IS_A_FOLDER),
    (("connection refused", "could not connect", "server closed the connection", "timeout expired",
      "could not translate host name"), W.NO_SERVER),
    (("password authentication failed", "authentication failed"), W.BAD_LOGIN),
)


def os_reason(exc: BaseException | str) -> str:
    """An error from the OS, SQLite or PostgreSQL said in Vietnamese (the original
    English words are not shown; they go to the log)."""
    code = getattr(exc, "errno", None)
    by_code = {errno.ENOSPC: 0, errno.EROFS: 1, errno.EACCES: 2, errno.EPERM: 2, errno.EIO: 6,
               errno.ENOENT: 7, errno.EISDIR: 8}
    if getattr(errno, "EDQUOT", None) is not None:
        by_code[errno.EDQUOT] = 0
    if code in by_code:
        return _REASONS[by_code[code]][1]
    text = str(exc).lower()
    for needles, reason in _REASONS:
        if any(n in text for n in needles):
            return reason
    return W.UNKNOWN
