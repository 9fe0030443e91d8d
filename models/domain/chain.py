"""Hash chains: the register of outgoing documents and the audit trail are
written as chains, one per office.

Each new entry gets the next position (``chain_seq``) of its office's chain and
``chain_hash`` = SHA-256 of the previous entry's hash followed by the entry's
own content in a canonical form (JSON, sorted keys). Changing an entry, taking
one out or slipping one in with plain SQL therefore breaks the chain at that
point, and ``models.services.integrity.verify_chain`` says where.

The chain has no secret: someone who rewrites every later hash as well is not
caught by the chain alone. The audit trail, the register's audit entries and
the last heads seen by each workstation (``integrity``) catch most of that.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import peewee as pw

#: fields that are not part of an entry's chained content
UNCHAINED = frozenset({"id", "created_at", "updated_at", "row_version", "search_text", "chain_hash"})
#: advisory lock classes on PostgreSQL (one chain per table and office)
_LOCK_CLASS = {"outgoing_document": 4701, "audit_entry": 4702}


def is_chained(model: type[pw.Model]) -> bool:
    return "chain_hash" in model._meta.fields and "chain_seq" in model._meta.fields


def _plain(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def content(rec: pw.Model) -> dict:
    """The entry's chained fields as stored (foreign keys as ids)."""
    return {name: _plain(rec.__data__.get(name)) for name in rec._meta.fields if name not in UNCHAINED}


def digest(previous: str, values: dict) -> str:
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous + "\n" + text).encode("utf-8")).hexdigest()


def _office_of(rec: pw.Model):
    return rec.__data__.get("office")


def _same_office(model, office_id):
    return model.office.is_null() if office_id is None else model.office == office_id


def _lock(model: type[pw.Model], office_id) -> None:
    """Serialise appends to one office's chain. SQLite transactions already take
    the write lock when they begin (models.storage.db.SQLITE_LOCK)."""
    db = model._meta.database
    if isinstance(db.obj if isinstance(db, pw.DatabaseProxy) else db, pw.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)",
                       (_LOCK_CLASS.get(model._meta.table_name, 4700), int(office_id or 0)))


def head(model: type[pw.Model], office_id):
    """(position, hash) of the last entry of the office's chain, or (0, "")."""
    row = (model.select(model.chain_seq, model.chain_hash)
           .where(_same_office(model, office_id) & model.chain_seq.is_null(False))
           .order_by(model.chain_seq.desc()).limit(1).tuples().first())
    return (row[0], row[1]) if row else (0, "")


def seal_new(rec: pw.Model) -> None:
    """Give an entry about to be inserted its place and hash. Call inside the
    transaction that inserts it."""
    model = type(rec)
    rec.normalise()
    _lock(model, _office_of(rec))
    seq, previous = head(model, _office_of(rec))
    rec.chain_seq = seq + 1
    rec.chain_hash = digest(previous, content(rec))


def seal_many(model: type[pw.Model], office_id, recs: list) -> None:
    """Append many new entries to one office's chain at once (a migration), in
    their order: the hashes are made here, the rows inserted in batches."""
    if not recs:
        return
    _lock(model, office_id)
    seq, previous = head(model, office_id)
    for rec in recs:
        rec.normalise()
        seq += 1
        rec.chain_seq = seq
        previous = rec.chain_hash = digest(previous, content(rec))
    fields = [f for f in model._meta.sorted_fields if f.name != "id"]
    rows = [{f: rec.__data__.get(f.name) for f in fields} for rec in recs]
    for start in range(0, len(rows), 200):
        model.insert_many(rows[start:start + 200]).execute()


def previous_hash(rec: pw.Model) -> str:
    model = type(rec)
    if not rec.chain_seq or rec.chain_seq <= 1:
        return ""
    row = (model.select(model.chain_hash)
           .where(_same_office(model, _office_of(rec)) & (model.chain_seq == rec.chain_seq - 1))
           .tuples().first())
    return row[0] if row else ""


def verifies(rec: pw.Model) -> bool:
    return bool(rec.chain_seq) and rec.chain_hash == digest(previous_hash(rec), content(rec))


def reseal(rec: pw.Model) -> None:
    """After the app itself changed a chained entry (the file and its SHA-256
    stored right after the number was taken): its new hash, and the links of the
    entries after it that still verify. An entry already broken is left broken,
    so a change made behind the app's back is never sealed over."""
    model = type(rec)
    _lock(model, _office_of(rec))
    new = digest(previous_hash(rec), content(rec))
    old = rec.chain_hash
    model.update(chain_hash=new).where(model.id == rec.id).execute()
    rec.chain_hash = new
    later = (model.select().where(_same_office(model, _office_of(rec)) & (model.chain_seq > rec.chain_seq))
             .order_by(model.chain_seq))
    for nxt in later:
        if nxt.chain_hash != digest(old, content(nxt)):
            break
        old, new = nxt.chain_hash, digest(new, content(nxt))
        model.update(chain_hash=new).where(model.id == nxt.id).execute()


def seal_existing(model: type[pw.Model]) -> int:
    """Chain the entries written before chains existed (a migration), in the
    order they were written, after each office's current head."""
    n = 0
    offices = {r[0] for r in model.select(model.office).where(model.chain_seq.is_null()).tuples()}
    for office_id in offices:
        seq, previous = head(model, office_id)
        for rec in (model.select().where(_same_office(model, office_id) & model.chain_seq.is_null())
                    .order_by(model.id)):
            seq += 1
            rec.chain_seq = seq
            previous = digest(previous, content(rec))
            model.update(chain_seq=seq, chain_hash=previous).where(model.id == rec.id).execute()
            n += 1
    return n
