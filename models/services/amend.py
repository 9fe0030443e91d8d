"""Corrections after issue or signature: a new register version with its reason.

Nothing issued is changed in place. Correcting signed minutes (điều chỉnh biên
bản) applies the corrected values inside a ``locks.amendment`` — every change is
audited as "amend" with the reason — and issues a new version of the minutes in
the register of outgoing documents that supersedes the previous one, which
stays readable.
"""
from __future__ import annotations

import datetime as dt

from ..conferences import Attendance, Conference
from ..errors import ValidationError
from ..petitions import Petition
from ..register import OutgoingDocument
from . import locks, numbering, records, roles
from .validate import required

MINUTES_KIND = "BB"
MINUTES_REFS = ("conference", "minutes")


def document_versions(doc: OutgoingDocument) -> list[OutgoingDocument]:
    """Every version of the document ``doc`` belongs to, oldest first."""
    root = doc
    seen = {root.id}
    while root.supersedes_id is not None and root.supersedes_id not in seen:
        root = OutgoingDocument.get_by_id(root.supersedes_id)
        seen.add(root.id)
    out, frontier = [root], [root.id]
    while frontier:
        children = list(OutgoingDocument.select().where(OutgoingDocument.supersedes.in_(frontier))
                        .order_by(OutgoingDocument.version, OutgoingDocument.id))
        out += children
        frontier = [c.id for c in children]
    return out


def latest_version(doc: OutgoingDocument) -> OutgoingDocument:
    return document_versions(doc)[-1]


def is_superseded(doc: OutgoingDocument) -> bool:
    return OutgoingDocument.select().where(OutgoingDocument.supersedes == doc).exists()


def _reason(reason: str) -> str:
    return required(reason, "Lý do điều chỉnh", field="reason", max_len=2000)


def amend_document(doc: OutgoingDocument, reason: str, *, title: str | None = None,
                   signer: str | None = None, issued_on: dt.date | None = None) -> OutgoingDocument:
    """A new version of an issued document (it takes the next number); the old
    one stays in the register, unchanged."""
    roles.require(doc.office, "correct")
    reason = _reason(reason)
    current = latest_version(doc)
    if current.id != doc.id:
        raise ValidationError(f"Văn bản {doc.symbol} đã có phiên bản mới hơn ({current.symbol}). "
                              "Hãy điều chỉnh phiên bản mới nhất.")
    with OutgoingDocument._meta.database.atomic(), locks.amendment(reason):
        return numbering.register(
            doc.office, doc.kind, title=title if title is not None else doc.title,
            issued_on=issued_on, signer=signer if signer is not None else doc.signer,
            ref_type=doc.ref_type, ref_id=doc.ref_id, supersedes=doc, reason=reason)


def minutes_document(conference: Conference) -> OutgoingDocument | None:
    """The newest register entry of the conference's minutes, if it was registered."""
    rows = (OutgoingDocument.select()
            .where((OutgoingDocument.kind == MINUTES_KIND) & (OutgoingDocument.ref_type.in_(MINUTES_REFS))
                   & (OutgoingDocument.ref_id == conference.id))
            .order_by(OutgoingDocument.version.desc(), OutgoingDocument.id.desc()))
    return rows.first()


def amend_minutes(conference: Conference, reason: str, *, changes: dict | None = None,
                  petitions: dict[int, dict] | None = None, attendance: dict[int, dict] | None = None,
                  versions: dict | None = None, signer: str = "") -> OutgoingDocument:
    """Correct signed minutes. ``changes`` are conference fields, ``petitions``
    and ``attendance`` map a row id to its changed fields; ``versions`` may give
    the row_version the user saw for ("conference", id), ("petition", id) …, so a
    correction made on an old screen is refused (StaleEdit) like any edit.
    Returns the new register entry of the minutes."""
    roles.require(conference.office, "correct")
    reason = _reason(reason)
    if not locks.is_signed(conference):
        raise ValidationError("Biên bản của hội nghị này chưa ký: hãy sửa trực tiếp, không cần điều chỉnh.")
    if not (changes or petitions or attendance):
        raise ValidationError("Chưa có nội dung nào được điều chỉnh.")
    versions = versions or {}
    db = Conference._meta.database
    with db.atomic(), locks.amendment(reason):
        conf = Conference.get_by_id(conference.id)
        if changes:
            records.update(conf, dict(changes), expected_version=versions.get(("conference", conf.id)))
        for model, rows, label in ((Petition, petitions, "petition"), (Attendance, attendance, "attendance")):
            for rid, vals in (rows or {}).items():
                rec = model.get_or_none(model.id == rid)
                if rec is None or rec.conference_id != conf.id:
                    raise ValidationError(f"Dòng {rid} không thuộc biên bản hội nghị này.")
                records.update(rec, dict(vals), expected_version=versions.get((label, rid)))
        old = minutes_document(conf)
        title = old.title if old else f"Biên bản hội nghị đối thoại ngày {conf.date:%d/%m/%Y}"
        doc = numbering.register(conf.office, MINUTES_KIND, title=title, signer=signer or (old.signer if old else ""),
                                 ref_type="conference", ref_id=conf.id, supersedes=old, reason=reason)
    conference.__data__.update(Conference.get_by_id(conference.id).__data__)
    return doc
