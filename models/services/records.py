"""Saving with optimistic locking and the audit trail.

Every edit carries the ``row_version`` the user saw. The UPDATE only applies if
the row still has that version; otherwise someone else saved first, and the
user is told who saved and what they changed, instead of silently overwriting
it. Saving over the newer version is a second, deliberate step
(``overwrite_confirmed``)."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar

import peewee as pw

from models.domain import audit
from models.domain import chain
from models.domain.base import now
from models.core.compat import forget_changes
from models.core.errors import Locked, NotFound, StaleEdit
from models.core.words import FIELD_LABELS
from models.services import locks
from models.storage.who import current_user
from models.core.words import RecordWords as W
from models.storage.db import denied_message, is_denied

#: (table, id, version): the user has seen this newer version and chose to save over it
_confirmed: ContextVar[tuple[str, int, int] | None] = ContextVar("confirmed_overwrite", default=None)
_BOOKKEEPING = ("row_version", "updated_at", "search_text")


@contextmanager
def overwrite_confirmed(current: pw.Model):
    """Within this block, an update of ``current``'s record expects the version
    ``current`` has (the one shown to the user after a StaleEdit), not the one
    the caller first read. A save by a third person in between is still refused."""
    token = _confirmed.set((current._meta.table_name, current.get_id(), current.row_version))
    try:
        yield
    finally:
        _confirmed.reset(token)


def stale_edit(model, rec: pw.Model, fresh: pw.Model) -> StaleEdit:
    """What to tell the user: who saved, when, and which fields they changed."""
    changed = [(key, rec.__data__.get(key), value) for key, value in fresh.__data__.items()
               if key not in _BOOKKEEPING and key in rec.__data__ and rec.__data__.get(key) != value]
    last = (audit.AuditEntry.select(audit.AuditEntry.user)
            .where((audit.AuditEntry.table == model._meta.table_name)
                   & (audit.AuditEntry.record_id == fresh.get_id()))
            .order_by(audit.AuditEntry.at.desc(), audit.AuditEntry.id.desc()).first())
    who = f"{last.user} " if last and last.user else W.SOMEONE_ELSE
    what = describe(((k, _shown(model, k, old), _shown(model, k, new)) for k, old, new in changed), 40)
    return StaleEdit(W.SAVED_BY_OTHER.format(who=who, updated_at=fresh.updated_at)
                     + (f" ({what})" if what else "") + W.NOT_SAVED,
                     current=fresh, changed=changed, who=who.strip())


def _shown(model, key: str, raw):
    """A stored value as people know it: a linked record by its name."""
    field = model._meta.fields.get(key)
    if isinstance(field, pw.ForeignKeyField) and raw is not None:
        linked = field.rel_model.get_or_none(field.rel_model._meta.primary_key == raw)
        return getattr(linked, "name", None) or raw
    return raw


def _action(plain: str) -> str:
    """"amend" instead of create/update/delete while a correction of a locked record runs."""
    return "amend" if locks.amendment_reason() is not None else plain


@contextmanager
def _refused_by_the_server():
    """PostgreSQL's row-level security or rights refused a write (another office's
    row, the append-only audit trail): a message, not a crash."""
    try:
        yield
    except pw.ProgrammingError as exc:
        if not is_denied(exc):
            raise
        raise Locked(denied_message()) from exc


def create(model: type[pw.Model], **values) -> pw.Model:
    rec = model(**values)
    locks.check(rec, values, action="create")
    with _refused_by_the_server(), model._meta.database.atomic():
        if chain.is_chained(model):
            chain.seal_new(rec)
        rec.save(force_insert=True)
        audit.record("create", rec, user=current_user(), reason=locks.amendment_reason() or "")
    return rec


def update(rec: pw.Model, changes: dict, *, expected_version: int | None = None,
           lock_check: bool = True, related: dict | None = None) -> pw.Model:
    """Apply ``changes`` to ``rec`` if nobody saved it since ``expected_version``.
    ``related`` (key → (before, after)): rows of other tables the caller replaces
    in the same transaction, written into the same audit entry so that the
    record's history shows them and U can put them back (history.RELATED)."""
    model = type(rec)
    if lock_check:
        locks.check(rec, changes)
    seen = rec.row_version if expected_version is None else expected_version
    confirmed = _confirmed.get()
    if confirmed and confirmed[:2] == (model._meta.table_name, rec.get_id()):
        seen = confirmed[2]
    with _refused_by_the_server(), model._meta.database.atomic():
        fresh = model.get_or_none(model._meta.primary_key == rec.get_id())
        if fresh is None:
            raise NotFound(W.GONE)
        if fresh.row_version != seen:
            raise stale_edit(model, rec, fresh)
        if lock_check:  # the stored record decides, not the caller's possibly old copy
            locks.check(fresh, changes)
        before = audit.snapshot(fresh)
        sealed = chain.is_chained(model) and chain.verifies(fresh)
        for key, value in changes.items():
            setattr(fresh, key, value)
        fresh.normalise()
        fresh.updated_at = now()
        data = {model._meta.fields[k]: fresh.__data__.get(k) for k in
                set(changes) | ({"search_text"} if "search_text" in model._meta.fields else set())}
        data[model.updated_at] = fresh.updated_at
        data[model.row_version] = seen + 1
        n = (model.update(data)
             .where((model._meta.primary_key == rec.get_id()) & (model.row_version == seen))
             .execute())
        if n != 1:  # lost a race between the read and the write
            raise stale_edit(model, rec, model.get_by_id(rec.get_id()))
        fresh.row_version = seen + 1
        audit.record(_action("update"), fresh, before, user=current_user(), reason=locks.amendment_reason() or "",
                     related=related)
        if sealed:
            chain.reseal(fresh)
    # keep the caller's object current
    rec.__data__.update(fresh.__data__)
    forget_changes(rec)
    return rec


def delete(rec: pw.Model) -> None:
    locks.check(rec, action="delete")
    with _refused_by_the_server(), type(rec)._meta.database.atomic():
        before = audit.snapshot(rec)
        audit.record("delete", rec, before, user=current_user(), reason=locks.amendment_reason() or "")
        rec.delete_instance()


# --- a change said in words (the history and the stale-edit message) ---

def short_value(value, limit: int = 60) -> str:
    if isinstance(value, dt.datetime):
        value = f"{value:%d/%m/%Y %H:%M}"
    elif isinstance(value, dt.date):
        value = f"{value:%d/%m/%Y}"
    elif isinstance(value, bool):
        value = W.YES if value else W.NO
    text = "—" if value in (None, "") else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _around_the_change(old: str, new: str, limit: int) -> tuple[str, str]:
    """Two long texts that differ past ``limit``: each cut to a window that starts a
    little before the first character where they differ, so the change is seen."""
    at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, at - limit // 3)
    start = old.rfind(" ", 0, start) + 1 if start else 0     # from the start of a word
    lead = "…" if start else ""

    def cut(text: str) -> str:
        part = lead + text[start:]
        return part if len(part) <= limit else part[: limit - 1] + "…"
    return cut(old), cut(new)


def describe(changes, limit: int = 60) -> str:
    """"Hạn trả lời: 08/10/2026 → 31/12/2026; …" for (field, before, after) triples.
    A long text changed near its end shows the words around the change, not its
    common beginning twice."""
    out = []
    for key, old, new in changes:
        was, now = short_value(old, 10 * limit), short_value(new, 10 * limit)
        if (len(was) > limit or len(now) > limit) and isinstance(old, str) and isinstance(new, str):
            was, now = _around_the_change(" ".join(old.split()), " ".join(new.split()), limit)
        else:
            was, now = short_value(old, limit), short_value(new, limit)
        out.append(f"{FIELD_LABELS.get(key, key)}: {was} → {now}")
    return "; ".join(out)
