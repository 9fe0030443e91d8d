"""Sổ văn bản đi as a list to look through: filters, paging and file checks.

The register of a province-sized database can hold many thousand entries, so
the screen asks for one page at a time (LIMIT/OFFSET in SQL) together with the
number of matching entries. Checking a file (reading it and hashing it) is done
for one document on request, never for every row of a page."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from models.core.errors import NotFound
from models.core.words import ISSUED_ON, SUMMARY, SYMBOL
from models.core.words import KIND_NAMES as OTHER_KIND_NAMES
from models.core.words import PaperWords
from models.core.words import RegisterWords as W
from models.domain import chain
from models.domain.office import Office
from models.domain.document_text import DocumentText
from models.domain.register import OutgoingDocument
from models.services.amend import document_versions
from models.services.documents import sha256, text_of
from models.services.kinds import number_names
from models.services.search import matches
from models.services.signing import signatures_of, summary
from models.storage.seals import text_seal_problem

PAGE_SIZE = 100


# file states, computed on demand (see check_file)
FILE_NONE = "none"          # nothing was stored at issue (entry only)
FILE_OK = "ok"              # present, same SHA-256 as recorded
FILE_MISSING = "missing"    # recorded, but not on disk any more
FILE_CHANGED = "changed"    # on disk, different SHA-256
FILE_TAMPERED = "tampered"  # the register entry itself was changed behind the app's back
FILE_MARKS = {FILE_OK: "✓", FILE_MISSING: "✗", FILE_CHANGED: "≠", FILE_NONE: "—", FILE_TAMPERED: "!"}


@dataclass(frozen=True)
class DocumentRow:
    id: int
    symbol: str
    issued_on: dt.date
    kind: str
    title: str
    signer: str
    version: int
    has_file: bool


@dataclass(frozen=True)
class Page:
    rows: list[DocumentRow]
    total: int          # entries matching the filters, on every page
    offset: int
    limit: int

    @property
    def number(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))


@dataclass(frozen=True)
class FileCheck:
    state: str
    path: str           # the recorded path (where the file is expected)
    expected: str       # SHA-256 recorded at issue
    actual: str         # SHA-256 of the file now ("" if missing)

    @property
    def message(self) -> str:
        if self.state == FILE_OK:
            return W.FILE_OK.format(expected=self.expected[:16], path=self.path)
        if self.state == FILE_MISSING:
            return W.FILE_MISSING.format(path=self.path)
        if self.state == FILE_CHANGED:
            return (W.FILE_CHANGED.format(actual=self.actual[:16], expected=self.expected[:16], path=self.path))
        if self.state == FILE_TAMPERED:
            return (W.ENTRY_CHANGED.format(path=self.path or '—'))
        return W.NO_FILE_KEPT


def kind_names() -> dict[str, str]:
    """Number kind → name: those the kind registry issues, then others a register may hold."""
    return {**number_names(), **{k: v for k, v in OTHER_KIND_NAMES.items() if k not in number_names()}}


def kind_label(kind: str) -> str:
    name = kind_names().get(kind)
    return f"{kind} – {name}" if name else kind


def _filtered(office: Office, year: int | None, kind: str | None, text: str):
    q = OutgoingDocument.select().where(OutgoingDocument.office == office)
    if year is not None:
        q = q.where(OutgoingDocument.year == year)
    if kind:
        q = q.where(OutgoingDocument.kind == kind)
    if text.strip():
        q = q.where(matches(OutgoingDocument, text))
    return q


def page(office: Office, *, year: int | None = None, kind: str | None = None, text: str = "",
         offset: int = 0, limit: int = PAGE_SIZE) -> Page:
    """One page of the register, newest first, and the number of matches."""
    q = _filtered(office, year, kind, text)
    total = q.count()
    offset = max(0, min(offset, (max(total - 1, 0) // limit) * limit))
    cols = (OutgoingDocument.id, OutgoingDocument.symbol, OutgoingDocument.issued_on, OutgoingDocument.kind,
            OutgoingDocument.title, OutgoingDocument.signer, OutgoingDocument.version,
            OutgoingDocument.file_path)
    rows = (q.select(*cols)
            .order_by(OutgoingDocument.issued_on.desc(), OutgoingDocument.year.desc(),
                      OutgoingDocument.number.desc(), OutgoingDocument.id.desc())
            .offset(offset).limit(limit).tuples())
    return Page([DocumentRow(i, s, d, k, t, sg, v, bool(f)) for i, s, d, k, t, sg, v, f in rows],
                total, offset, limit)


def years(office: Office) -> list[int]:
    """Years that have entries, newest first."""
    q = (OutgoingDocument.select(OutgoingDocument.year).where(OutgoingDocument.office == office)
         .distinct().order_by(OutgoingDocument.year.desc()).tuples())
    return [y for (y,) in q]


def kinds(office: Office) -> list[str]:
    """Kinds offered in the filter: the usual ones, then any other kind in use."""
    used = {k for (k,) in OutgoingDocument.select(OutgoingDocument.kind)
            .where(OutgoingDocument.office == office).distinct().tuples()}
    names = kind_names()
    return list(names) + sorted(used - set(names))


def get(office: Office, doc_id: int) -> OutgoingDocument:
    doc = OutgoingDocument.get_or_none((OutgoingDocument.id == doc_id) & (OutgoingDocument.office == office))
    if doc is None:
        raise NotFound(W.GONE)
    return doc


def check_file(doc: OutgoingDocument, *, chained: bool = True) -> FileCheck:
    """Read the stored file and compare its SHA-256 with the register; with
    ``chained``, first make sure the register entry itself is as issued."""
    if chained and doc.chain_seq is not None:
        if not chain.verifies(doc):   # the register entry is as it was issued
            return FileCheck(FILE_TAMPERED, doc.file_path, doc.sha256, "")
    if not doc.file_path or not doc.sha256:
        return FileCheck(FILE_NONE, doc.file_path, doc.sha256, "")
    path = Path(doc.file_path)
    if not path.is_file():
        return FileCheck(FILE_MISSING, str(path), doc.sha256, "")
    actual = sha256(path.read_bytes())
    return FileCheck(FILE_OK if actual == doc.sha256 else FILE_CHANGED, str(path), doc.sha256, actual)


def check_text(doc: OutgoingDocument) -> tuple[bool | None, str]:
    """The frozen text of ``doc`` against the seal made when it was issued (issue
    21): (True, …) it matches; (False, what changed) it was changed behind the
    app's back, so reprints and Word copies are refused; (None, "") no text was
    stored with it."""
    problem = text_seal_problem(doc)
    if problem:
        return False, W.TEXT_CHANGED.format(problem=problem)
    if DocumentText.get_or_none(DocumentText.document == doc) is None:
        return None, ""
    return True, W.TEXT_SEALED


def detail(doc: OutgoingDocument) -> list[tuple[str, str]]:
    """The entry's fields as (label, value) lines for the detail panel."""
    lines = [(SYMBOL, doc.symbol), (ISSUED_ON, f"{doc.issued_on:%d/%m/%Y}"),
             (W.KIND, kind_label(doc.kind)), (SUMMARY, doc.title), (W.SIGNER, doc.signer or "—"),
             (W.VERSION, str(doc.version))]
    if doc.supersedes_id:
        older = OutgoingDocument.get_or_none(OutgoingDocument.id == doc.supersedes_id)
        lines.append((W.SUPERSEDES, older.symbol if older else "—"))
    newer = (OutgoingDocument.select(OutgoingDocument.symbol).where(OutgoingDocument.supersedes == doc)
             .order_by(OutgoingDocument.version).first())
    if newer:
        lines.append((W.SUPERSEDED_BY, newer.symbol))
    if doc.reason:
        lines.append((W.CHANGE_REASON, doc.reason))
    if doc.ref_type:
        lines.append((W.ABOUT, W.REF.format(what=REF_LABELS.get(doc.ref_type, doc.ref_type), ref_id=doc.ref_id)))
    lines.append((W.PDF_FILE, doc.file_path or W.NOT_KEPT))
    if signatures_of(doc):
        lines.append((W.SIGNATURES, summary(doc).removeprefix(W.SIGNATURES_PREFIX)))
    if doc.sha256:
        lines.append(("SHA-256", doc.sha256))
    return lines


REF_LABELS = W.REF_LABELS


def version_rows(doc: OutgoingDocument) -> list[tuple[int, tuple[str, ...]]]:
    """Rows for the versions list: (id, (version, state, symbol, date, reason))."""
    versions = document_versions(doc)
    newest = versions[-1].id
    return [(v.id, (str(v.version), W.CURRENT if v.id == newest else W.SUPERSEDED, v.symbol,
                    f"{v.issued_on:%d/%m/%Y}", v.reason or "")) for v in versions]



# --- the register on paper (sổ đăng ký văn bản đi) -------------------------------------------

@dataclass(frozen=True)
class RegisterLine:
    """One entry as the printed register shows it (Decree 30/2020, Appendix IV)."""

    symbol: str
    issued_on: dt.date
    kind_and_title: str      # "Thông báo: Kết luận tại hội nghị …"
    signer: str
    recipients: str          # Nơi nhận văn bản, one a line ("- …"), without the "Lưu" line
    kept_by: str             # Đơn vị, người nhận bản lưu: what follows "Lưu:"
    note: str                # Ghi chú: the version, what it replaces or is replaced by, digital signatures


@dataclass(frozen=True)
class PrintedRegister:
    office_id: int
    year: int
    lines: list[RegisterLine]

    @property
    def first_last(self) -> tuple[str, str]:
        return (self.lines[0].symbol, self.lines[-1].symbol) if self.lines else ("", "")


def version_note(doc: OutgoingDocument) -> str:
    """Which version an issued document is, for a reprint and the printed register:
    "" for a first version never replaced; else "bản 2, thay thế số 02/TB-UBND"
    and/or "đã được thay thế bởi số 05/TB-UBND"."""
    parts = []
    if doc.version > 1:
        older = (OutgoingDocument.get_or_none(OutgoingDocument.id == doc.supersedes_id)
                 if doc.supersedes_id else None)
        parts.append(PaperWords.VERSION_NTH.format(version=doc.version)
                     + (PaperWords.REPLACES.format(symbol=older.symbol) if older else ""))
    newer = (OutgoingDocument.select(OutgoingDocument.symbol).where(OutgoingDocument.supersedes == doc)
             .order_by(OutgoingDocument.version).first())
    if newer:
        parts.append(PaperWords.REPLACED_BY.format(symbol=newer.symbol))
    return "; ".join(parts)


def printed_register(office: Office, year: int) -> PrintedRegister:
    """The year's entries in the order they were numbered, with what the register's
    columns need (the recipients and the archive line from the issued text)."""
    rows = (OutgoingDocument.select().where((OutgoingDocument.office == office) & (OutgoingDocument.year == year))
            .order_by(OutgoingDocument.issued_on, OutgoingDocument.number, OutgoingDocument.id))
    out = []
    for d in rows:
        row = text_of(d)
        recipients = list(row.parsed.recipients) if row is not None else []
        kept = [r for r in recipients if r.lstrip("-–• ").startswith(PaperWords.ARCHIVE)]
        sent = [r.lstrip("-–• ").rstrip(";.").strip() for r in recipients if r not in kept]
        kept_by = kept[0].lstrip("-–• ").partition(":")[2].strip().rstrip(".") if kept else ""
        note = [version_note(d)]
        if d.reason:
            note.append(PaperWords.REASON.format(reason=d.reason))
        if signatures_of(d):
            note.append(summary(d))
        name = kind_names().get(d.kind, d.kind)
        out.append(RegisterLine(d.symbol, d.issued_on, f"{name}: {d.title}" if d.title else name, d.signer,
                                "\n".join(f"- {x}" for x in sent if x), kept_by, "; ".join(x for x in note if x)))
    return PrintedRegister(office.id, year, out)
