"""The outgoing register on paper (sổ đăng ký văn bản đi) for one year.

Decree 30/2020/NĐ-CP, Appendix IV (the register of outgoing documents): a book
opened each year, one line a document in the order of its number, with the
columns below. The decree's own text could not be read where this was written;
the columns follow the form as the decree's appendix is commonly reproduced
(the same ten columns as the earlier Circular 07/2012/TT-BNV). Columns the app
cannot know (copies made, the day sent, the receiver's signature) are left for
the văn thư to fill by hand, as in a bound register.

A4 landscape, the page numbered from page 2 like any document.
"""
from __future__ import annotations

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.platypus import Paragraph, Spacer

import data
from models.core.words import PaperWords
from models.domain.document_text import Letterhead
from models.services.register_view import PrintedRegister

from . import layout
from .styles import MM, Styles

W = PaperWords


def form() -> dict:
    """The register's title and columns (heading, width in mm): data/print/register.json."""
    return data.load_json("print/register.json")


def register_pdf(st: Styles, lh: Letterhead, reg: PrintedRegister) -> bytes:
    """The year's register as a PDF: the office and the title, the span of dates
    and numbers, then one ruled line a document under a repeated header."""
    page = layout.landscape(st)
    spec = form()
    doc = layout.Document(title=W.REGISTER_FILE_TITLE.format(year=reg.year), author=lh.name)
    issuer = [layout.para(st, "header_parent", lh.parent_body)] if lh.parent_body else []
    issuer += [layout.para(st, "header_issuer", ln) for ln in lh.issuer]
    half = page.text_width * 0.35
    doc.add(layout._cell_table(st, [[issuer, []]], [half, page.text_width - half]))
    doc.add(Spacer(1, 6), layout.para(st, "kind_title", spec["title"]),
            layout.para(st, "subject", W.REGISTER_YEAR.format(year=reg.year)))
    if reg.lines:
        first, last = reg.first_last
        doc.add(layout.para(st, "centered_italic", W.REGISTER_SPAN.format(
            first_day=f"{reg.lines[0].issued_on:%d/%m/%Y}", last_day=f"{reg.lines[-1].issued_on:%d/%m/%Y}",
            first=first, last=last)))
    else:
        doc.add(layout.para(st, "centered_italic", W.REGISTER_EMPTY))
    doc.add(Spacer(1, 6))
    head = [Paragraph(layout.esc(h), st["register_head"]) for h, _ in spec["columns"]]
    rows = []
    for ln in reg.lines:
        cells = [ln.symbol, f"{ln.issued_on:%d/%m/%Y}", ln.kind_and_title, ln.signer, ln.recipients,
                 ln.kept_by, "", "", "", ln.note]
        rows.append([Paragraph("<br/>".join(layout.esc(part) for part in c.split("\n")),
                               st["register_center" if i in (0, 1, 5) else "register_cell"])
                     for i, c in enumerate(cells)])
    widths = [w * MM for _, w in spec["columns"]]
    widths = [w * page.text_width / sum(widths) for w in widths]
    doc.add(layout.grid_table(st, head, rows, widths, width=page.text_width))
    return layout.render(st, doc, page)
