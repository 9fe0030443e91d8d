"""Tamper evidence: is the register (sổ văn bản đi), the audit trail, the
frozen text of every issued document, every petition with its history, and
every stored document file still as the app wrote them?

``verify_chain(office)`` walks both hash chains (models.domain.chain), compares each
register entry with what the audit trail recorded for it (so a changed entry is
reported with the field that changed), and hashes every stored PDF. Each
workstation also keeps the last chain heads it verified (``remember=True``), so
a chain cut short or rewritten from some point on is noticed there too.

Sealed records (``SEALED``): every write of a petition, of its history
(PetitionEvent) and of an issued document's text goes into the audit trail,
which is chained; so the trail holds each record's last values under the
chain's seal. A record whose stored values differ from them, one that is gone
without a recorded deletion, or one that the trail never saw, was changed
behind the app's back, and is reported by record and field. Records written
before the seals existed were sealed as they were found by the migration _v11_seals
(``seal_as_found``): a change made before that upgrade is not seen.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from models.core.words import IntegrityWords as W
from models.domain import chain
from models.domain.audit import AuditEntry
from models.domain.office import Office
from models.domain.register import OutgoingDocument
from models.services.history import ACTIONS
from models.services.register_view import FILE_CHANGED, FILE_MISSING, check_file
from models.storage.seals import read_witness, sealed_differences, short, witness_key, write_witness

#: register fields compared with the audit trail, and how people call them
REGISTER_FIELDS = W.REGISTER_FIELDS
_CHAINS = ((OutgoingDocument, W.REGISTER), (AuditEntry, W.AUDIT_TRAIL))
#: what an audit entry is about, as people say it
TABLES = W.TABLES


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)    # changed, removed or slipped in behind the app's back
    missing: list[str] = field(default_factory=list)     # issued files no longer on disk
    register_entries: int = 0
    audit_entries: int = 0
    files: int = 0
    sealed: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.missing

    def summary(self) -> str:
        counted = (W.COUNTED.format(register_entries=self.register_entries, audit_entries=self.audit_entries,
                                    sealed=self.sealed, files=self.files))
        if self.ok:
            return W.INTACT.format(counted=counted)
        found = []
        if self.problems:
            found.append(W.CHANGED_FOUND.format(problems=len(self.problems)))
        if self.missing:
            found.append(W.FILES_MISSING.format(missing=len(self.missing)))
        return f"{', '.join(found)} ({counted})"


def _name(model, rec) -> str:
    if model is OutgoingDocument:
        return W.REGISTER_ENTRY.format(symbol=rec.symbol, seq=rec.chain_seq or '?', id=rec.id)

    action = ACTIONS.get(rec.action, rec.action).lower()
    return (W.AUDIT_ENTRY.format(seq=rec.chain_seq or '?', id=rec.id, action=action,
                                 table=TABLES.get(rec.table, rec.table), record_id=rec.record_id, user=rec.user,
                                 at=rec.at))


def _walk(model, label: str, office: Office, report: Report) -> tuple[int, str]:
    """Check one chain; returns its head (position, hash)."""
    rows = list(model.select().where(model.office == office)
                .order_by(model.chain_seq.is_null(), model.chain_seq, model.id))
    if model is OutgoingDocument:
        report.register_entries = len(rows)
    else:
        report.audit_entries = len(rows)
    expected, previous, head = 1, "", (0, "")
    for rec in rows:
        if rec.chain_seq is None:
            report.problems.append(W.NOT_IN_CHAIN.format(label=label, name=_name(model, rec)))
            continue
        if rec.chain_seq < expected:
            report.problems.append(W.SAME_PLACE.format(label=label, name=_name(model, rec)))
            continue
        if rec.chain_seq > expected:
            gap = (W.ONE_ENTRY.format(expected=expected) if rec.chain_seq == expected + 1
                   else W.ENTRY_RANGE.format(expected=expected, last=rec.chain_seq - 1))
            report.problems.append(W.REMOVED_GAP.format(label=label, gap=gap))
            # the hash this entry was linked to went with the removed entry: its own
            # content cannot be checked, only the entries after it
        elif rec.chain_hash != chain.digest(previous, chain.content(rec)):
            report.problems.append(W.ENTRY_CHANGED.format(label=label, name=_name(model, rec))
                                   + (")." if rec.chain_seq == 1 else W.OR_PREVIOUS_RECOMPUTED))
        expected, previous, head = rec.chain_seq + 1, rec.chain_hash, (rec.chain_seq, rec.chain_hash)
    return head


def _as_recorded(entries) -> dict:
    """A register entry's fields as the audit trail recorded them."""
    values: dict = {}
    for e in entries:
        try:
            after = json.loads(e.after or "{}")
        except ValueError:
            continue
        values.update(after)
    return values


def _compare_register(office: Office, report: Report) -> None:
    audits: dict[int, list] = {}
    for e in (AuditEntry.select().where((AuditEntry.office == office) & (AuditEntry.table == "outgoing_document"))
              .order_by(AuditEntry.chain_seq, AuditEntry.id)):
        audits.setdefault(e.record_id, []).append(e)
    docs = {d.id: d for d in OutgoingDocument.select().where(OutgoingDocument.office == office)}
    for doc_id, entries in audits.items():
        if doc_id not in docs and not any(e.action == "delete" for e in entries):
            recorded = _as_recorded(entries)
            report.problems.append(W.REGISTER_REMOVED.format(symbol=recorded.get('symbol', doc_id), doc_id=doc_id))
    for doc in docs.values():
        entries = audits.get(doc.id)
        if not entries:
            report.problems.append(W.REGISTER_ADDED.format(name=_name(OutgoingDocument, doc)))
            continue
        recorded = _as_recorded(entries)
        for key, label in REGISTER_FIELDS.items():
            if key not in recorded:
                continue
            now = chain._plain(doc.__data__.get(key))
            was = recorded[key]
            if now != was and str(now) != str(was):
                report.problems.append(W.REGISTER_FIELD_CHANGED.format(name=_name(OutgoingDocument, doc),
                                                                       label=label, was=short(was), now=short(now)))


def _check_files(office: Office, report: Report) -> None:
    for doc in OutgoingDocument.select().where(OutgoingDocument.office == office).order_by(OutgoingDocument.id):
        if not doc.file_path:
            continue
        report.files += 1
        check = check_file(doc, chained=False)
        if check.state == FILE_CHANGED:
            report.problems.append(W.FILE_CHANGED.format(symbol=doc.symbol, actual=check.actual[:16],
                                                         expected=check.expected[:16], path=check.path))
        elif check.state == FILE_MISSING:
            report.missing.append(W.FILE_MISSING.format(symbol=doc.symbol, path=check.path))


# --- what this workstation saw last time ---------------------------------------------

def _check_witness(office: Office, heads: dict, report: Report) -> None:
    seen = read_witness().get(witness_key(office)) or {}
    for model, label in _CHAINS:
        old = seen.get(model._meta.table_name)
        if not (isinstance(old, list) and len(old) == 2 and old[0]):
            continue
        seq, digest = old
        row = (model.select(model.chain_hash).where((model.office == office) & (model.chain_seq == seq))
               .tuples().first())
        if row is None:
            report.problems.append(W.CHAIN_CUT.format(label=label, seq=seq, heads=heads[model][0]))
        elif row[0] != digest:
            report.problems.append(W.CHAIN_REWRITTEN.format(label=label, seq=seq))


def _remember_heads(office: Office, heads: dict) -> None:
    data = read_witness()
    data[witness_key(office)] = {m._meta.table_name: list(h) for m, h in heads.items()}
    write_witness(data)


def verify_chain(office: Office, *, files: bool = True, remember: bool = False) -> Report:
    """Everything that was changed, removed or slipped in behind the app's back."""
    report = Report()
    heads = {model: _walk(model, label, office, report) for model, label in _CHAINS}
    _compare_register(office, report)
    for table, found in sealed_differences(office).items():
        report.sealed += found.count
        report.problems += [d.said for d in found.differences]
    if files:
        _check_files(office, report)
    _check_witness(office, heads, report)
    if remember and report.ok:
        _remember_heads(office, heads)
    return report

