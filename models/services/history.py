"""Lịch sử thay đổi: the audit trail of one record as plain rows for any screen."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import peewee as pw

from models.core.errors import ValidationError
from models.core.words import (
    CHANNELS,
    CONFERENCE_STATUSES,
    DISPOSITIONS,
    FIELD_LABELS,
    PETITION_STATUSES,
    SYSTEM_ACCOUNT,
    SYSTEM_LOGINS,
)
from models.core.words import HISTORY_ACTIONS as ACTIONS
from models.core.words import HistoryWords as W
from models.domain.audit import AuditEntry, snapshot
from models.domain.office import Person
from models.services import conferences, records
from models.services.petitions import add_event
from models.services.records import describe
from models.storage.migrations import all_models

#: fields that store a code, per table, and the words for it
CODES = {
    "petition": {"status": PETITION_STATUSES, "disposition": DISPOSITIONS, "channel": CHANNELS},
    "conference": {"status": CONFERENCE_STATUSES},
}


#: rows of other tables a record's history keeps as its own (records.update's
#: ``related``), per table: key → (their lines now, put them back)
RELATED = {
    "conference": {"invitees": (conferences.invitee_lines, conferences.restore_invitees)},
}
#: rows a record's own fields decide, made again when U puts a field back
FOLLOW = {"conference": conferences.rebuild_invitees}


@dataclass(frozen=True)
class HistoryRow:
    at: str
    user: str
    action: str
    changes: str
    reason: str
    entry_id: int = 0           # the audit entry (undo_change takes it)




def _model_for(table: str):
    return next((m for m in all_models() if m._meta.table_name == table), None)


def _record_name(record) -> str:
    for attr in ("label", "name", "full_name", "title", "symbol"):
        value = getattr(record, attr, None)
        if isinstance(value, str) and value.strip():
            return value
    return str(record.get_id())


def shown_value(table: str, key: str, value):
    """What a history line shows for a stored value: a catalogue row's name
    for its id ("Địa chính", not 4), the words for a code ("Đang xử lý", not
    "open"), the value itself otherwise."""
    if value in (None, ""):
        return value
    if isinstance(value, list):             # related rows, one line each (RELATED)
        return "; ".join(value)
    words = CODES.get(table, {}).get(key)
    if words is not None:
        return words.get(value, value)
    model = _model_for(table)
    field = model._meta.fields.get(key) if model is not None else None
    if isinstance(field, pw.ForeignKeyField) and isinstance(value, int):
        record = field.rel_model.get_or_none(field.rel_model._meta.primary_key == value)
        return _record_name(record) if record is not None else W.DELETED.format(id=value)
    return value


def user_label(user: str) -> str:
    """Who made a change, as a person reads it: the full name of the person
    whose login it is, "Quản trị máy" for the machine's administrator account
    ("root"), the name as recorded otherwise."""
    name = (user or "").strip()
    if name.lower() in SYSTEM_LOGINS:
        return SYSTEM_ACCOUNT
    if name:
        person = Person.get_or_none((Person.login == name) & (Person.full_name != ""))
        if person is not None:
            return person.full_name
    return name or W.UNKNOWN


def describe_changes(entry: AuditEntry) -> str:
    try:
        before = json.loads(entry.before or "{}")
        after = json.loads(entry.after or "{}")
    except ValueError:
        return ""
    if entry.action in ("create", "delete"):
        return ""
    for key in set(before) & set(after):
        before[key], after[key] = _lines_changed(before[key], after[key])
    return describe((key, shown_value(entry.table, key, before.get(key)), shown_value(entry.table, key, after.get(key)))
                    for key in sorted(set(before) | set(after)) if key not in ("row_version", "search_text"))


def _lines_changed(old, new):
    """Of two lists of lines (RELATED), only the lines that differ, so that a
    title typed before one invitee among ten is seen: "Lê Thị Hoa - … → Bà Lê
    Thị Hoa - …"; both whole when only their order changed. Other values as they are."""
    if not (isinstance(old, list) and isinstance(new, list)):
        return old, new
    gone, came = [x for x in old if x not in new], [x for x in new if x not in old]
    return (gone, came) if gone or came else (old, new)




def history_rows(table: str, record_id: int) -> list[HistoryRow]:
    """Newest first."""
    entries = (AuditEntry.select()
               .where((AuditEntry.table == table) & (AuditEntry.record_id == record_id))
               .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    entries = list(entries)
    who = {u: user_label(u) for u in {e.user for e in entries}}
    return [HistoryRow(f"{e.at:%d/%m/%Y %H:%M}", who[e.user], ACTIONS.get(e.action, e.action),
                       describe_changes(e), e.reason, e.id) for e in entries]


def rows_for(record: pw.Model) -> list[HistoryRow]:
    return history_rows(record._meta.table_name, record.get_id())


def undo_change(entry_id: int):
    """Put back the values one saved change replaced (a line of the history),
    as a new change of its own (the history keeps both). Refused when the
    record was changed again since in one of those fields, or is locked."""
    entry = AuditEntry.get_or_none(AuditEntry.id == entry_id)
    if entry is None or entry.action != "update":
        raise ValidationError(W.ONLY_EDITS)
    model = _model_for(entry.table)
    rec = model.get_or_none(model._meta.primary_key == entry.record_id) if model is not None else None
    if rec is None:
        raise ValidationError(W.GONE)
    before, after = json.loads(entry.before or "{}"), json.loads(entry.after or "{}")
    keys = [k for k in before if k in model._meta.fields and k not in ("row_version", "search_text")]
    related = {k: ways for k, ways in RELATED.get(entry.table, {}).items() if k in before}
    now = snapshot(rec) | {k: read(rec) for k, (read, _) in related.items()}
    later = [FIELD_LABELS.get(k, k) for k in [*keys, *related] if now.get(k) != after.get(k)]
    if later:
        raise ValidationError(W.CHANGED_SINCE + ", ".join(later)
                              + W.CHANGED_SINCE_TAIL)
    if not keys and not related:
        raise ValidationError(W.NOTHING_TO_UNDO)
    changes = {k: _stored(model._meta.fields[k], before[k]) for k in keys}
    with model._meta.database.atomic():
        rec = records.update(rec, changes, related={k: (now[k], before[k]) for k in related} or None)
        for k, (_, put_back) in related.items():
            put_back(rec, before[k])
        if entry.table in FOLLOW and not related:
            FOLLOW[entry.table](rec)
        if entry.table == "petition":       # the petition's own history (diễn biến) says it too
            back = describe((k, shown_value(entry.table, k, after.get(k)), shown_value(entry.table, k, before[k]))
                            for k in keys)
            add_event(rec, "edited", W.UNDONE.format(at=entry.at, changes=back))
    return rec


def _stored(field: pw.Field, value):
    """A value as the history keeps it (text for dates) back in the field's type."""
    if value is None or not isinstance(value, str):
        return value
    if isinstance(field, pw.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, pw.DateField):
        return dt.date.fromisoformat(value[:10])
    return value
