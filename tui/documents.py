"""The document pipeline as screens and commands use it: the one place where the
domain (``models.services.documents``: facts, text, register, files) meets paper
(``printing``: PDF and .docx bytes). Nothing else turns a record into a file.

ReportLab and python-docx are imported inside the functions, so the app starts
without them; call these from workers."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.domain.document_text import Content
from models.domain.register import OutgoingDocument
from models.services import documents as svc
from models.services.issued_files import office_folder
from .words import WidgetWords as W


def render_pdf(content: Content) -> bytes:
    from printing.render import pdf

    return pdf(content)


def render_docx(content: Content) -> bytes:
    try:
        from printing.docx import docx
    except ImportError as exc:   # the Word writer (python-docx) not installed with this copy
        from models.core.errors import ValidationError

        raise ValidationError(W.WORD_MISSING.format(reason=exc.name or exc)) from exc
    return docx(content)


def preview(office, slug: str, ref_id: int) -> Path:
    """The draft (or the issued text, with its number) as a PDF to look at or print.
    Working papers (loudspeaker script, sign-in sheets, slips) are written the same way."""
    d = svc.draft(office, slug, ref_id)
    return svc.write_own(svc.draft_path(office, slug, ref_id), render_pdf(d.content))


def issue(office, slug: str, ref_id: int, on: dt.date | None = None) -> OutgoingDocument:
    """Number, date, store, freeze, and close what the document was for."""
    return svc.issue(office, slug, ref_id, on=on, render=render_pdf)


def reprint(doc: OutgoingDocument) -> svc.Reprint:
    """The issued file again; for a document signed digitally, the signed file
    (the last of its signatures), after checking its SHA-256."""
    from models.services import signing

    signed = signing.reprint_signed(doc)
    return signed if signed is not None else svc.reprint(doc, render_pdf)


def word(office, slug: str | None = None, ref_id: int | None = None, *,
         doc: OutgoingDocument | None = None) -> Path:
    """The same document as a .docx, for an office whose chair edits in Word: the
    issued text (with its number) beside the issued PDF, or the draft beside the
    draft PDF."""
    if doc is not None:
        path = svc.issued_path(doc, ".docx")
        return svc.write_own(path, render_docx(svc.issued_content(doc)))
    d = svc.draft(office, slug, ref_id)
    return svc.write_own(svc.draft_path(office, slug, ref_id, ".docx"), render_docx(d.content))


def register_pdf(office, year: int) -> tuple[Path, int]:
    """The year's outgoing register as a PDF in the office's documents folder
    (replaced by the next print), and how many entries it lists."""
    from models.services import compose, register_view
    from printing import styles
    from printing.register import register_pdf as build

    reg = register_view.printed_register(office, year)
    data = build(styles.get(), compose.letterhead(office), reg)
    path = office_folder(office.id) / "so-van-ban-di" / f"so-dang-ky-van-ban-di-{year}.pdf"
    return svc.write_own(path, data), len(reg.lines)


def write_to(path: Path, data: bytes, kind: str = "pdf", *, replace: bool = False) -> Path:
    """A copy where the user asked (``-o``), under models.storage.files' rule: never over
    the database, a device or a file of another kind; over an earlier PDF (or .docx)
    only with ``replace``."""
    from models.storage.files import write_file

    return write_file(Path(path), kind, data, replace=replace)
