"""Helpers for tests of corrections: issue a conference document with a small
stand-in PDF, and correct an issued one the way the editor does (a new version
with a reason, its text edited, then issued)."""
from __future__ import annotations

import datetime as dt


def small_pdf(content) -> bytes:
    """A stand-in for printing's renderer: different bytes for each number."""
    return f"%PDF-1.4 {content.symbol}".encode()


def issue(office, slug: str, ref_id: int, on: dt.date):
    from models.services import documents

    return documents.issue(office, slug, ref_id, on=on, render=small_pdf)


def correct(doc, reason: str, values: dict, *, on: dt.date, mode: str = "dinh-chinh"):
    """A correction of ``doc`` with ``values`` edited, issued on ``on``."""
    from models.services import documents

    documents.start_correction(doc, mode=mode, reason=reason)
    slug = documents.slug_of(doc)
    documents.save_draft(doc.office, slug, doc.ref_id, values)
    return issue(doc.office, slug, doc.ref_id, on)
