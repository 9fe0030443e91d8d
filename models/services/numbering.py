"""Document numbers from the register of outgoing documents (sổ văn bản đi).

Decree 30/2020, Art. 15 and Appendix I: numbers run from 01 each calendar year;
a number below 10 gets a leading zero; the symbol is "05/KH-UBND" (kind and
issuer) for documents with a kind, "12/UBND-VP" (issuer and drafting unit) for a
công văn. Hướng dẫn 36-HD/VPTW: "05-KH/ĐU", and "12-CV/ĐU" for a letter.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from models.core import clock
from models.domain.office import FAMILY_PARTY, NUMBERING_PER_KIND, Office
from models.core.errors import ValidationError
from models.domain.register import OutgoingDocument
from models.services import records
from models.core.words import NumberingWords as W

LETTER = "CV"


def symbol(office: Office, kind: str, number: int, *, unit_short: str = "") -> str:
    num = f"{number:02d}"
    if office.family == FAMILY_PARTY:
        return f"{num}-{kind}/{office.abbreviation}"
    if kind == LETTER:
        unit = unit_abbreviation(unit_short)
        return f"{num}/{office.abbreviation}" + (f"-{unit}" if unit else "")
    return f"{num}/{kind}-{office.abbreviation}"


def unit_abbreviation(short: str) -> str:
    """The drafting unit's abbreviation as one word, "VHXH" for "VH-XH": in a
    công văn's symbol only one hyphen stands, between the office's abbreviation
    and the unit's ("12/UBND-VHXH", Decree 30/2020 App. I §II.3b and its
    example "…/UBND-VP"); the "Lưu" line names the unit the same way."""
    return "".join(ch for ch in (short or "") if ch.isalnum())


def _sequence(office: Office, kind: str) -> str:
    return kind if office.numbering == NUMBERING_PER_KIND else "*"


def next_number(office: Office, kind: str, year: int) -> int:
    seq = _sequence(office, kind)
    top = (OutgoingDocument.select(pw.fn.MAX(OutgoingDocument.number))
           .where((OutgoingDocument.office == office) & (OutgoingDocument.year == year)
                  & (OutgoingDocument.sequence == seq)).scalar())
    return (top or 0) + 1


def register(office: Office, kind: str, *, title: str, issued_on: dt.date | None = None,
             signer: str = "", ref_type: str = "", ref_id: int | None = None,
             unit_short: str = "", supersedes: OutgoingDocument | None = None,
             reason: str = "") -> OutgoingDocument:
    """Take the next number and write the register entry, in one transaction.
    A unique index on (office, year, sequence, number) settles a race between
    two workstations: the loser retries with the next number."""
    issued_on = issued_on or clock.today()
    if not title.strip():
        raise ValidationError(W.TITLE_REQUIRED)
    db = OutgoingDocument._meta.database
    for _attempt in range(5):
        try:
            with db.atomic():
                n = next_number(office, kind, issued_on.year)
                return records.create(
                    OutgoingDocument, office=office, year=issued_on.year, kind=kind,
                    sequence=_sequence(office, kind), number=n,
                    symbol=symbol(office, kind, n, unit_short=unit_short), issued_on=issued_on,
                    title=title, signer=signer, ref_type=ref_type, ref_id=ref_id,
                    version=(supersedes.version + 1) if supersedes else 1,
                    supersedes=supersedes, reason=reason)
        except pw.IntegrityError:
            continue
    raise ValidationError(W.NUMBER_RACE)
