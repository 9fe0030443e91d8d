"""Errors a user can act on. The message is Vietnamese and says how to fix it."""
from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; ``str(err)`` is the Vietnamese message."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None, remedy: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        #: what helps, as a code (models.words.REMEDIES): the model says what is
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
