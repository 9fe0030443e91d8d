"""Seals: the values of petitions, their history and issued texts as the chained
audit trail recorded them, compared with what the tables hold now; and what this
workstation saw of the chains last time (the witness file). Read by the tamper check
(models.services.integrity) and written by the migration that sealed older rows."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import peewee as pw

from models.core.paths import locations
from models.core.words import FIELD_LABELS, WITHHELD
from models.core.words import IntegrityWords as W
from models.domain import chain
from models.domain.audit import AuditEntry, snapshot
from models.domain.base import now, opened_as
from models.domain.office import Office
from models.domain.document_text import DRAFT, Content, DocumentText
from models.domain.petition import Petition, PetitionEvent
from models.domain.register import OutgoingDocument
from models.storage.who import current_user

#: register fields compared with the audit trail, and how people call them

def short(value, limit: int = 60) -> str:
    text = "—" if value in (None, "") else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- sealed records: petitions, their history, issued texts ----------------------------------

#: the records sealed through the audit trail, how people call them, and a few words to name one by
SEALED = {
    "petition": (Petition, W.PETITION, "content"),
    "petition_event": (PetitionEvent, W.PETITION_EVENT, "detail"),
    "document_text": (DocumentText, W.ISSUED_TEXT, "kind"),
}
#: bookkeeping that changes without a recorded write
_UNSEALED = frozenset({"id", "row_version", "created_at", "updated_at", "search_text"})
SEAL = "seal"     # audit action of the migration _v11_seals: a record's values as found, or its absence


@dataclass(frozen=True)
class Difference:
    table: str
    record_id: int
    field: str        # "" when the whole record is gone or new
    said: str


@dataclass
class Sealed:
    count: int = 0
    differences: list[Difference] = field(default_factory=list)


def _rows(table: str, office: Office) -> dict:
    model = SEALED[table][0]
    if model is PetitionEvent:
        query = PetitionEvent.select().join(Petition).where(Petition.office == office)
    elif model is DocumentText:
        query = DocumentText.select().where((DocumentText.office == office) & (DocumentText.status != DRAFT))
    else:
        query = model.select().where(model.office == office)
    return {r.id: r for r in query}


def _recorded(table: str, office: Office, ids=None) -> dict:
    """record id → (values as last recorded, gone?) from the office's trail."""
    query = AuditEntry.select(AuditEntry.record_id, AuditEntry.action, AuditEntry.after).where(
        (AuditEntry.office == office) & (AuditEntry.table == table))
    if ids is not None:
        query = query.where(AuditEntry.record_id.in_(list(ids)))
    out: dict[int, tuple[dict, bool]] = {}
    for record_id, action, after in query.order_by(AuditEntry.chain_seq, AuditEntry.id).tuples():
        try:
            values = json.loads(after or "{}")
        except ValueError:
            values = {}
        old, _gone = out.get(record_id, ({}, False))
        if action == "delete" or (action == SEAL and not values):
            out[record_id] = (old, True)
        elif action in ("create", SEAL):
            out[record_id] = (dict(values), False)
        else:
            out[record_id] = ({**old, **values}, False)
    return out


def _same(now, was) -> bool:
    if now == was:
        return True
    plain = chain._plain(now)
    return plain == was or str(now) == str(was) or (plain in (None, "") and was in (None, ""))


def _link_removed(model, key: str, was) -> bool:
    """A link cleared by the database because the linked record was removed (ON DELETE SET NULL)."""
    f = model._meta.fields.get(key)
    return (isinstance(f, pw.ForeignKeyField) and was is not None
            and f.rel_model.get_or_none(f.rel_model._meta.primary_key == was) is None)


def _label(table: str, record_id: int, values: dict) -> str:
    model, name, hint = SEALED[table]
    words = short(values.get(hint), 40) if values.get(hint) not in (None, "") else ""
    if table == "document_text" and values.get("document"):
        doc = OutgoingDocument.get_or_none(OutgoingDocument.id == values["document"])
        words = W.DOCUMENT.format(symbol=doc.symbol) if doc else words
    if table == "petition_event" and values.get("petition"):
        words = W.OF_PETITION.format(petition=values['petition'], words=words)
    return W.RECORD_NUMBER.format(name=name.lower(), record_id=record_id) + (f" ({words})" if words else "")


#: fields of the sealed records that the catalogue of field names (FIELD_LABELS) does not name
SEALED_LABELS = W.SEALED_LABELS
#: the parts of a document's text, as the editor and the printed page call them
TEXT_PARTS = {**{k: v for k, v in Content.EDITABLE}, "signers": W.SIGNERS, "title": W.TITLE,
              "symbol": W.SYMBOL, "date": W.DATE, "letterhead": W.LETTERHEAD,
              "extras": W.EXTRAS, "number_kind": W.NUMBER_KIND}


def _text_change(was, now) -> tuple[str, str, str]:
    """Which part of a frozen text changed, and the words around the first change."""
    try:
        old, new = json.loads(was or "{}"), json.loads(now or "{}")
    except (TypeError, ValueError):
        return W.CONTENT, str(was), str(now)
    for part in sorted(set(old) | set(new)):
        a, b = old.get(part), new.get(part)
        if a == b:
            continue
        a = a if isinstance(a, str) else json.dumps(a, ensure_ascii=False)
        b = b if isinstance(b, str) else json.dumps(b, ensure_ascii=False)
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        start = max(0, at - 15)
        lead = "…" if start else ""
        return TEXT_PARTS.get(part, part), lead + a[start:at + 30], lead + b[start:at + 30]
    return W.CONTENT, "", ""


def _differences(table: str, rows: dict, recorded: dict) -> list[Difference]:
    model, name, _hint = SEALED[table]
    out: list[Difference] = []
    for record_id, row in rows.items():
        values, gone = recorded.get(record_id, ({}, False))
        if not values:
            out.append(Difference(table, record_id, "", W.SEALED_ADDED.format(name=name,
                                                                              label=_label(table, record_id, row.__data__))))
            continue
        for key, was in values.items():
            if key in _UNSEALED or key not in model._meta.fields:
                continue
            now = row.__data__.get(key)
            if _same(now, was) or (key == "citizen_name" and was == WITHHELD) or (
                    now is None and _link_removed(model, key, was)):
                continue
            label = SEALED_LABELS.get(key) or FIELD_LABELS.get(key, key)
            shown_was, shown_now = was, chain._plain(now)
            if table == "document_text" and key == "content":
                label, shown_was, shown_now = _text_change(was, now)
            out.append(Difference(table, record_id, key, W.SEALED_CHANGED.format(name=name,
                                                                                 label=_label(table, record_id, values),
                                                                                 field=label, was=short(shown_was),
                                                                                 now=short(shown_now))))
    for record_id, (values, gone) in recorded.items():
        if record_id in rows or gone:
            continue
        if table == "document_text" and values.get("status", DRAFT) == DRAFT:
            continue      # a draft is not sealed (it is thrown away when the edits are)
        out.append(Difference(table, record_id, "", W.SEALED_REMOVED.format(name=name,
                                                                            label=_label(table, record_id, values))))
    return out


def sealed_differences(office: Office) -> dict[str, Sealed]:
    """Every sealed record of the office compared with its last recorded values."""
    out: dict[str, Sealed] = {}
    deleted_petitions: set = set()
    for table in SEALED:
        rows = _rows(table, office)
        recorded = _recorded(table, office)
        if table == "petition":
            deleted_petitions = {rid for rid, (_v, gone) in recorded.items() if gone}
        diffs = _differences(table, rows, recorded)
        if table == "petition_event":   # a petition the app deleted takes its history with it
            diffs = [d for d in diffs if d.record_id in rows
                     or recorded[d.record_id][0].get("petition") not in deleted_petitions]
        out[table] = Sealed(len(rows), diffs)
    return out


def seal_as_found(office: Office) -> int:
    """Migration _v11_seals: every sealed record whose values the trail does not hold (written
    before the seals, or by a bulk import) is sealed as it is now, and a record the
    trail knows but the database no longer has is sealed as gone. Returns how many
    seals were written. Whatever was changed before this ran cannot be seen."""
    entries = []
    user, at = current_user(), now()
    for table, found in sealed_differences(office).items():
        rows = _rows(table, office) if found.differences else {}
        for record_id in dict.fromkeys(d.record_id for d in found.differences):
            row = rows.get(record_id)
            entries.append(AuditEntry(
                office=office.id, table=table, record_id=record_id, action=SEAL, user=user, at=at,
                before="{}", after=json.dumps(snapshot(row) if row is not None else {}, ensure_ascii=False,
                                              default=str),
                reason=W.SEAL_REASON))
    chain.seal_many(AuditEntry, office.id, entries)
    return len(entries)


def text_seal_problem(doc: OutgoingDocument) -> str | None:
    """Why the frozen text of an issued document can no longer be trusted, or None:
    its stored text differs from the one the chained trail sealed, a trail entry of
    it was changed, or the register entry itself was."""
    if doc.chain_seq is not None and not chain.verifies(doc):
        return (W.REGISTER_ENTRY_CHANGED.format(symbol=doc.symbol))
    row = DocumentText.get_or_none(DocumentText.document == doc)
    if row is None:
        return None
    entries = list(AuditEntry.select().where((AuditEntry.table == "document_text")
                                             & (AuditEntry.record_id == row.id)
                                             & (AuditEntry.office == row.office_id)))
    if any(e.chain_seq is None or not chain.verifies(e) for e in entries):
        return W.TEXT_TRAIL_CHANGED
    recorded = _recorded("document_text", row.office, [row.id])
    diffs = _differences("document_text", {row.id: row}, recorded)
    if diffs:
        fields = ", ".join(dict.fromkeys(FIELD_WORDS.get(d.field, d.field) for d in diffs if d.field)) or W.RECORD
        return W.TEXT_DIFFERS.format(fields=fields)
    return None


#: document_text fields as a refusal names them
FIELD_WORDS = W.FIELD_WORDS


# --- what this workstation saw last time ---------------------------------------------

def _witness_file():
    return locations().config / "chuoi-da-kiem-tra.json"


def witness_key(office: Office) -> str:
    return f"{opened_as()}#{office.id}"


def read_witness() -> dict:
    path = _witness_file()
    try:
        value = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def write_witness(data: dict) -> None:
    path = _witness_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only config folder only loses this second line of evidence


def forget_heads(database: str) -> None:
    """After a restore from a backup the chains are older on purpose: what this
    workstation saw of that database is forgotten."""
    data = read_witness()
    kept = {k: v for k, v in data.items() if not k.startswith(f"{database}#")}
    if kept != data:
        write_witness(kept)
