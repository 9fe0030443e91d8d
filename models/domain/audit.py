"""Nhật ký thay đổi: who changed what, when, before and after."""
from __future__ import annotations

import hashlib
import json

import peewee as pw

from models.domain import chain
from models.domain.base import BaseModel, now
from models.domain.office import Office
from models.core.words import WITHHELD

class AuditEntry(BaseModel):
    office = pw.ForeignKeyField(Office, null=True, on_delete="CASCADE")
    table = pw.CharField()
    record_id = pw.IntegerField()
    action = pw.CharField()                   # create, update, delete, issue …
    user = pw.CharField()
    at = pw.DateTimeField()
    before = pw.TextField(default="")
    after = pw.TextField(default="")
    reason = pw.TextField(default="")         # why a locked record was corrected (amend)
    chain_seq = pw.IntegerField(null=True)    # place in the office's chain (models.domain.chain)
    chain_hash = pw.CharField(default="")     # SHA-256 of the previous hash and this entry

    class Meta:
        indexes = ((("table", "record_id"), False), (("office", "chain_seq"), True))


def snapshot(record: pw.Model) -> dict:
    out = {}
    for name in record._meta.fields:
        if name in ("created_at", "updated_at", "search_text", "chain_hash"):
            continue
        value = record.__data__.get(name)
        out[name] = value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
    if out.get("citizen_withheld") and out.get("citizen_name"):
        # an anonymous citizen's name (kept only if the office asks) never reaches the trail
        out["citizen_name"] = WITHHELD
    if out.get("pin_hash"):
        # a PIN's hash stays in its row; the trail shows only that it changed
        out["pin_hash"] = "mã PIN " + hashlib.sha256(out["pin_hash"].encode()).hexdigest()[:8]
    return out


def record(action: str, rec: pw.Model, before: dict | None = None, *, user: str, office=None,
           reason: str = "", related: dict | None = None) -> AuditEntry:
    """One entry in the office's chained trail; ``user`` is who is working
    (models.storage.who.current_user). ``related``: rows of other tables the
    same save replaced, kept in this entry as the record's own fields are
    (key → (before, after)), e.g. a conference's invitees."""
    after = snapshot(rec) if action != "delete" else {}
    if related:
        before = (before or {}) | {k: old for k, (old, new) in related.items()}
        after = after | {k: new for k, (old, new) in related.items()}
    if before is not None and action in ("update", "amend"):
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)} - {"row_version"}
        before = {k: before.get(k) for k in changed}
        after = {k: after.get(k) for k in changed}
    office_id = office if office is not None else getattr(rec, "office_id", None)
    if office_id is None and rec._meta.table_name == "office":
        office_id = rec.get_id()
    entry = AuditEntry(
        office=office_id, table=rec._meta.table_name, record_id=rec.get_id(), action=action,
        user=user, at=now(),
        before=json.dumps(before or {}, ensure_ascii=False, default=str),
        after=json.dumps(after, ensure_ascii=False, default=str), reason=reason)
    db = AuditEntry._meta.database
    if db.in_transaction():  # records.* always are: no savepoint needed
        chain.seal_new(entry)
        entry.save(force_insert=True)
        return entry
    with db.atomic():
        chain.seal_new(entry)
        entry.save(force_insert=True)
    return entry
