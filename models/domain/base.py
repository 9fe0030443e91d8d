"""Base model: NFC text on every save, timestamps, and a row version for
optimistic locking (a stale edit from another window or workstation is refused)."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from models.core.text import clean, clean_line, fold

#: every table's database: a proxy that models.storage.db points at SQLite or PostgreSQL
database = pw.DatabaseProxy()
#: what the open database is known by in the workstation's settings (no password)
_opened_as: str | None = None


def known_as(name: str | None) -> None:
    """Set by models.storage.db when it points ``database`` somewhere."""
    global _opened_as
    _opened_as = name


def opened_as() -> str | None:
    """The open database as the workstation's settings name it: the resolved
    SQLite path, or the PostgreSQL URL without its password."""
    return _opened_as


def is_postgres() -> bool:
    return isinstance(database.obj, pw.PostgresqlDatabase)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(pw.Model):
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(default=now)
    row_version = pw.IntegerField(default=1)

    class Meta:
        database = database
        legacy_table_names = False

    #: fields whose folded text goes into ``search_text`` (when the model has one)
    search_fields: tuple[str, ...] = ()

    def normalise(self) -> None:
        """NFC and clean every text field; refresh the search column."""
        for name, field in self._meta.fields.items():
            value = self.__data__.get(name)
            if value is None or not isinstance(value, str):
                continue
            if isinstance(field, pw.TextField):
                setattr(self, name, clean(value))
            elif isinstance(field, pw.CharField):
                setattr(self, name, clean_line(value))
        if "search_text" in self._meta.fields and self.search_fields:
            parts = []
            for name in self.search_fields:
                target = self
                for attr in name.split("."):
                    target = getattr(target, attr, None) if target is not None else None
                if target:
                    parts.append(str(target))
            self.search_text = fold(" ".join(parts))

    def save(self, *args, **kwargs):
        self.normalise()
        if self.get_id() is not None and not kwargs.get("force_insert"):
            self.updated_at = now()
        return super().save(*args, **kwargs)


class OfficeScoped(BaseModel):
    """A record that belongs to one office (several offices may share a server)."""

    # Declared in subclasses as ``office = pw.ForeignKeyField(Office, ...)``.
    pass
