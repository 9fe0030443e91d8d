"""Văn bản: what a document says, as plain data, and the stored text of each one.

Every document the office issues goes through one life (SPEC "Every document's
life"): drafted from the records → its text edited as the chair asks → issued
with a number and a date → frozen → corrected only as a new version.

``Content`` is everything a renderer needs, and nothing it has to look up: the
letterhead, the subject, the body in the plan's light markup, the addressees,
the recipients, the signers and a few kind-specific facts (``extras``). It is
built by ``models.services.documents`` from the records, kept as JSON in a
``DocumentText`` row when someone edits it, and frozen there when the document
is issued, so a reprint renders the very same text and gives the same bytes.
``printing`` turns a Content into PDF or .docx bytes; it never queries.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import FAMILY_PARTY, Office
from models.domain.register import OutgoingDocument
from models.core.text import clean, clean_line
from models.core.words import DocumentFieldWords as W

DRAFT = "draft"
ISSUED = "issued"
SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Letterhead:
    """The issuing office as the header prints it (Decree 30 App. I §II.1-2; HD 36)."""

    family: str
    parent_body: str                 # "UBND TỈNH HÀ TĨNH" (CAPS) or ""
    issuer: tuple[str, ...]          # ("ỦY BAN NHÂN DÂN", "XÃ KỲ KHANG")
    place_name: str                  # for the date line: "Kỳ Khang"
    name: str                        # for running text: "Ủy ban nhân dân xã Kỳ Khang"
    abbreviation: str = "UBND"       # in symbols: "05/KH-UBND"

    @property
    def party(self) -> bool:
        return self.family == FAMILY_PARTY

    @classmethod
    def of(cls, office: Office) -> "Letterhead":
        issuer = tuple(ln.strip().upper() for ln in (office.header_name or "").splitlines() if ln.strip())
        return cls(office.family, clean_line(office.parent_body).upper(),
                   issuer or (clean_line(office.name).upper(),), clean_line(office.place_name),
                   clean_line(office.name), clean_line(office.abbreviation))


@dataclass(frozen=True)
class Signer:
    authority: str = ""              # "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"
    position: str = ""               # "CHỦ TỊCH", "THƯ KÝ"
    name: str = ""

    @classmethod
    def of(cls, obj, fallback=None) -> "Signer":
        """From anything with signer_authority/position/name (a plan, an office)."""
        def pick(attr):
            return clean_line(getattr(obj, attr, "") or (getattr(fallback, attr, "") if fallback else ""))
        return cls(pick("signer_authority"), pick("signer_position"), pick("signer_name"))


@dataclass(frozen=True)
class Content:
    """One document, ready to render.

    ``body`` is light markup, one paragraph a line (``printing.markup``):
    "I. …" section heading, "1." / "2.1." numbered items, "- " and "+ " bullets,
    "| a | b |" table rows (the first row of a run is the header), "**…**" bold
    and "*…*" italic inside a line. ``signers`` has one signer (right column,
    level with Nơi nhận) or two (minutes: THƯ KÝ left, CHỦ TRÌ right).
    ``number_kind`` is the symbol kind (KH, TB, GM, BB, BC, CV) or "" for a
    working paper without a number; ``symbol`` and ``date`` are filled at issue."""

    kind: str                                    # slug: "ket-luan"
    letterhead: Letterhead
    number_kind: str = ""
    subject: str = ""                            # trích yếu
    title: str = ""                              # the kind title printed above the subject ("THÔNG BÁO")
    legal_bases: str = ""                        # "Căn cứ …;" one a line, italic
    body: str = ""
    addressees: tuple[str, ...] = ()             # "Kính gửi: …" (letters, invitations)
    recipients: tuple[str, ...] = ()             # Nơi nhận, the last one "Lưu: VT, …"
    signers: tuple[Signer, ...] = ()
    show_date: bool = True                       # minutes (Mẫu 1.9) have no place/date line
    symbol: str | None = None                    # "05/KH-UBND" once issued
    date: dt.date | None = None                  # the date on the document once issued
    year: int | None = None                      # the year a draft's blank date line shows
    month: int | None = None                     # the month a draft's date line shows (from an imported plan)
    extras: dict = field(default_factory=dict)   # kind-specific facts (invitees, chart series …)

    # --- editing -------------------------------------------------------------------

    #: the parts a person edits, in the editor's order, with their Vietnamese labels
    EDITABLE = (("subject", W.SUMMARY), ("addressees", W.ADDRESSEES),
                ("legal_bases", W.LEGAL_BASES), ("body", W.BODY),
                ("recipients", W.RECIPIENTS), ("signer", W.SIGNER))

    def with_edits(self, values: dict) -> "Content":
        """A copy with the edited parts replaced (lines for the list parts), NFC-clean."""
        changes: dict = {}
        for key in ("subject", "legal_bases", "body"):
            if key in values:
                changes[key] = clean(values[key] or "")
        for key in ("addressees", "recipients"):
            if key in values:
                changes[key] = tuple(clean_line(x) for x in str(values[key] or "").splitlines() if x.strip())
        if "signers" in values:
            changes["signers"] = tuple(values["signers"])
        return replace(self, **changes)

    def numbered(self, symbol: str, date: dt.date) -> "Content":
        return replace(self, symbol=symbol, date=date, year=date.year, month=None)

    # --- storage as JSON -----------------------------------------------------------

    def to_json(self) -> str:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        if data.get("month") is None:       # texts stored before the field existed stay byte-equal
            data.pop("month", None)
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Content":
        data = json.loads(text)
        data["letterhead"] = Letterhead(**{**data["letterhead"],
                                           "issuer": tuple(data["letterhead"]["issuer"])})
        data["signers"] = tuple(Signer(**s) for s in data.get("signers") or ())
        data["addressees"] = tuple(data.get("addressees") or ())
        data["recipients"] = tuple(data.get("recipients") or ())
        data["date"] = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


class DocumentText(BaseModel):
    """The text of one document of one record, as edited and as issued.

    A draft row exists only once someone has edited the generated text (until
    then the draft follows the records). Issuing freezes the row and links the
    register entry; a correction starts a new row with ``version`` + 1 that
    points back to the one it replaces."""

    office = pw.ForeignKeyField(Office, backref="document_texts", on_delete="CASCADE")
    kind = pw.CharField()                       # slug: "ket-luan"
    ref_type = pw.CharField()                   # conference, petition, unit, group …
    ref_id = pw.IntegerField()
    version = pw.IntegerField(default=1)
    status = pw.CharField(default=DRAFT)        # draft, issued, superseded
    content = pw.TextField(default="")          # Content.to_json()
    document = pw.ForeignKeyField(OutgoingDocument, null=True, backref="texts", on_delete="SET NULL")
    replaces = pw.ForeignKeyField("self", null=True, backref="replaced_by", on_delete="SET NULL")
    correction = pw.CharField(default="")       # "đính chính" / "thay thế"
    reason = pw.TextField(default="")
    signed_on = pw.DateField(null=True)         # minutes: the day the signed copy came back
    scan_path = pw.TextField(default="")        # the scanned signed copy, kept beside the issued file
    scan_sha256 = pw.CharField(default="")

    class Meta:
        indexes = ((("office", "kind", "ref_type", "ref_id", "version"), True),)

    @property
    def parsed(self) -> Content:
        return Content.from_json(self.content)
