"""What may no longer change in place: issued documents and signed minutes.

Legal records of a public body are never silently changed. Once a document is
in the register (sổ văn bản đi) it is locked; once the minutes of a conference
are signed (Biên bản đã ký), what the minutes record — the conference's own
particulars, its attendance, agenda and invitees, and what each citizen said and
was answered — is locked too. The follow-up of a petition (unit, deadline,
written answer, status) goes on after signature and stays editable.

A correction is a new version (``documents.start_correction``, then issued):
the locked records stay as they are. ``amendment(reason)`` lets a change of a
locked record through, audited as "amend" with the reason, for the duration of
the block.
"""
from __future__ import annotations

import contextlib
import contextvars

import peewee as pw

from models.core.errors import Locked
from models.core.words import LockWords as W
from models.domain.conference import STATUSES, Conference

SIGNED = ("minutes_signed", "conclusions_issued", "report_sent")

# Conference fields that may still move after signature: the milestones that come later.
CONFERENCE_AFTER_SIGNATURE = frozenset({"status", "conclusions_published_on", "report_due_on",
                                        "report_sent_on"})
# What the minutes record about each petition; the rest is follow-up.
PETITION_RECORDED = frozenset({"conference", "seq", "citizen_name", "citizen_withheld", "channel",
                               "content", "answer_on_spot", "answered_by", "disposition",
                               "received_on"})
# Tables that belong wholly to the minutes of their conference.
MINUTES_PARTS = ("attendance", "agenda_item", "invitee", "conference_village")

MSG_DOCUMENT = (W.DOCUMENT_ISSUED)
MSG_MINUTES = (W.MINUTES_SIGNED)

_amendment: contextvars.ContextVar[str | None] = contextvars.ContextVar("amendment", default=None)


@contextlib.contextmanager
def amendment(reason: str):
    """Allow changes to locked records for one correction, with its reason."""
    token = _amendment.set(reason)
    try:
        yield
    finally:
        _amendment.reset(token)


_suspended: contextvars.ContextVar[bool] = contextvars.ContextVar("locks_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """Writing history that happened before, in order (the demo commune, an import
    of past records): a signed conference is recorded before its petitions."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def amendment_reason() -> str | None:
    return _amendment.get()


def is_signed(conference) -> bool:
    return conference is not None and conference.status in SIGNED


def _conference_of(model: type[pw.Model], values: dict):
    conf = values.get("conference")
    if conf is None or isinstance(conf, pw.Model):
        return conf

    return Conference.get_or_none(Conference.id == conf)


def _date(conference) -> str:
    d = conference.date
    return d.strftime("%d/%m/%Y") if hasattr(d, "strftime") else str(d)


def check(rec: pw.Model, changes: dict | None = None, *, action: str = "update") -> None:
    """Raise Locked if ``action`` on ``rec`` (with ``changes``) touches a locked record."""
    if _amendment.get() is not None or _suspended.get():
        return
    table = rec._meta.table_name
    changed = set(changes or {}) - {"row_version", "updated_at"}
    if table == "outgoing_document":
        if action != "create" and rec.locked and (action == "delete" or changed - {"locked"} or "locked" in changed):
            raise Locked(MSG_DOCUMENT.format(symbol=rec.symbol))
        return
    if getattr(rec, "is_frozen", False) and action != "create":
        raise Locked(W.ISSUED_NO_EDIT)
    if table == "conference":
        if action == "create" or not is_signed(rec):
            return
        if action == "delete":
            raise Locked(MSG_MINUTES.format(date=_date(rec), what=W.THIS_CONFERENCE), remedy="amend_minutes")

        new_status = (changes or {}).get("status")
        if new_status is not None and STATUSES.index(new_status) < STATUSES.index("minutes_signed"):
            raise Locked(MSG_MINUTES.format(date=_date(rec), what=W.STATUS_BEFORE_SIGNING), remedy="amend_minutes")
        locked = changed - CONFERENCE_AFTER_SIGNATURE
        if locked:
            raise Locked(MSG_MINUTES.format(date=_date(rec), what=W.MINUTES_CONTENT), remedy="amend_minutes")
        return
    conf = _conference_of(type(rec), {"conference": rec.__data__.get("conference")}) \
        if "conference" in rec._meta.fields else None
    if table == "petition":
        target = _conference_of(type(rec), changes) if changes and "conference" in changes else None
        for c in (conf, target):
            if not is_signed(c):
                continue
            if action in ("create", "delete") or changed & PETITION_RECORDED:
                raise Locked(MSG_MINUTES.format(date=_date(c), what=W.PETITIONS_RECORDED), remedy="amend_minutes")
        return
    if table in MINUTES_PARTS and is_signed(conf):
        raise Locked(MSG_MINUTES.format(date=_date(conf), what=W.ATTENDANCE_AGENDA), remedy="amend_minutes")
