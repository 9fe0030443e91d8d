"""Nhật ký thay đổi: who changed what, when, before and after."""
from __future__ import annotations

import getpass
import hashlib
import json
import os

import peewee as pw

from . import chain
from .base import BaseModel, now
from .catalog import Office
from .words import WITHHELD

_user: str | None = None


def current_user() -> str:
    """Who is working. On PostgreSQL the database login (``session_user``): no
    option, variable or setting changes it. On a SQLite PC the person chosen on
    this workstation from the office's list of people, else ``--user``/set_user,
    ``DOITHOAI_USER``, "user" in the config file, or the OS account."""
    from .db import database, is_postgres

    if is_postgres():
        conn = database.obj.connection()
        if _session.get("conn") is not conn:
            _session.update(conn=conn, name=database.obj.execute_sql("SELECT session_user").fetchone()[0])
        return _session["name"]
    chosen = _chosen_person()
    if chosen:
        return chosen
    if _user:
        return _user
    env = os.environ.get("DOITHOAI_USER")
    if env:
        return env
    from .workspace import read_config

    configured = str(read_config().get("user") or "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows service accounts
        return "không rõ"


_session: dict = {}


def _chosen_person() -> str:
    """The full name of the person chosen on this workstation (roles.choose_person)."""
    from .db import opened_as
    from .workspace import read_config

    chosen = read_config().get("people")
    person_id = chosen.get(opened_as() or "") if isinstance(chosen, dict) else None
    if not isinstance(person_id, int):
        return ""
    from .catalog import Person

    row = Person.select(Person.full_name).where(Person.id == person_id).tuples().first()
    return row[0] if row else ""


def set_user(name: str | None) -> None:
    global _user
    _user = name or None


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
    chain_seq = pw.IntegerField(null=True)    # place in the office's chain (models.chain)
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


def record(action: str, rec: pw.Model, before: dict | None = None, *, office=None,
           reason: str = "") -> AuditEntry:
    after = snapshot(rec) if action != "delete" else {}
    if before is not None and action in ("update", "amend"):
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)} - {"row_version"}
        before = {k: before.get(k) for k in changed}
        after = {k: after.get(k) for k in changed}
    office_id = office if office is not None else getattr(rec, "office_id", None)
    if office_id is None and rec._meta.table_name == "office":
        office_id = rec.get_id()
    entry = AuditEntry(
        office=office_id, table=rec._meta.table_name, record_id=rec.get_id(), action=action,
        user=current_user(), at=now(),
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


def history(rec: pw.Model):
    return (AuditEntry.select()
            .where((AuditEntry.table == rec._meta.table_name) & (AuditEntry.record_id == rec.get_id()))
            .order_by(AuditEntry.at, AuditEntry.id))
