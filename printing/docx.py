"""Any document's content → a Word (.docx) file in the same official format as
the PDF, for offices whose chair edits in Word (python-docx; ReportLab only measures
the header rules with the PDF's font metrics).

Decree 30/2020/NĐ-CP App. I (state) and Hướng dẫn 36-HD/VPTW (Party), as in
FORMAT.md: A4 with the margins of ``data/print/styles.json``, Times New Roman,
a two-column header table, the kind title and subject, the body in the plan's
light markup (headings, bullets, tables, **bold**, *italic*), the signature
block beside Nơi nhận, page numbers from page 2 centred at the top."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.pdfbase.pdfmetrics import stringWidth

import data
from models.core.errors import ValidationError
from models.core.words import PaperWords
from models.domain.document_text import Content
from models.services.compose import INVITEE

from . import outline as markup
from models.core.compat import docx_element

from . import styles
from .breaks import balanced_lines
from .outline import column_widths
from .wording import addressee_items, date_line, number_text, recipient_items, say, vv_line

FONT = "Times New Roman"
NATION, MOTTO, PARTY = PaperWords.NATION, PaperWords.MOTTO, PaperWords.PARTY


def _spec() -> dict:
    return data.load_json("print/styles.json")


def docx(content: Content) -> bytes:
    """The Word file of a numbered document. A working paper (loudspeaker script,
    sign-in sheet, slips) has its own page layout and is printed as a PDF only:
    its Word file was an empty page under a "Số -CV/ĐU" line."""
    if not content.number_kind:
        raise ValidationError(PaperWords.NO_WORD_FOR_PAPERS)
    doc = Document()
    spec = _spec()
    _page(doc, spec)
    invitees = content.extras.get("invitees")       # invitations: one copy per invitee
    if invitees:
        for i, inv in enumerate(invitees):
            if i:
                doc.add_page_break()
            label = inv["name"] if inv.get("is_group") or not inv.get("position") else f"{inv['name']}, {inv['position']}"
            before, _, after = content.body.partition(INVITEE)
            _one(doc, content, spec, before, label, after)
    else:
        _one(doc, content, spec, content.body)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _one(doc, content: Content, spec: dict, body: str, invitee: str | None = None, after: str = "") -> None:
    lh = content.letterhead
    letter = content.number_kind == "CV"
    _header(doc, content)
    if letter:
        if content.addressees:
            names = [a for a in content.addressees if a.strip()]
            if len(names) == 1:
                _para(doc, say("addressee", name=names[0]), size=14, align="center", before=6, after=6)
            else:
                _para(doc, say("addressees"), size=14, align="center", before=6)
                for n in addressee_items(names):
                    _para(doc, n, size=14, align="center")
    else:
        _para(doc, (content.title or "").upper(), size=14, bold=True, align="center", before=14)
        for ln in [x for x in content.subject.splitlines() if x.strip()]:
            _para(doc, _balanced(ln, 14, True, _text_width()), size=14, bold=True, align="center")
        _rule(doc, 0.25)
    for ln in [x for x in content.legal_bases.splitlines() if x.strip()]:
        _para(doc, ln, size=14, italic=True, align="justify", indent=True, after=6)
    chart = content.extras.get("chart")
    chart = chart if chart and chart.get("labels") else None
    _body(doc, body, chart)
    if invitee is not None:
        _para(doc, invitee, size=14, bold=True, align="center", after=6)
        _body(doc, after)
    _signatures(doc, content, lh)


def _chart(doc, chart: dict) -> None:
    """The report's chart as a picture, where the PDF draws it: the PDF's own
    drawing (printing/charts.py, its title inside), painted at 200 dpi and set
    at the PDF's width (issue 22 item 11)."""
    from . import charts, picture  # heavy: reportlab.graphics and Pillow, only for a report's chart

    drawing = charts.of_content(styles.get(), chart)
    p = doc.add_paragraph()
    p.alignment = 1
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(6), Pt(6)
    p.add_run().add_picture(io.BytesIO(picture.png(drawing)), width=Pt(drawing.width))


def _page(doc, spec: dict) -> None:
    p = spec["page"]
    m = p["margins_mm"]
    s = doc.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(p["size_mm"][0]), Mm(p["size_mm"][1])
    s.top_margin, s.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    s.left_margin, s.right_margin = Mm(m["left"]), Mm(m["right"])
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(_qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)
    # Decree 30 App. I §II.12: page numbers from page 2, centred in the top margin
    s.different_first_page_header_footer = True
    header = s.header.paragraphs[0]
    header.alignment = 1
    _field(header, "PAGE", size=p["page_number"]["size"])


def _qn(name: str):
    return qn(name)


def _el(name: str):
    return OxmlElement(name)


def _field(paragraph, code: str, size: float) -> None:
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run.font.name = FONT
        if kind:
            char = _el("w:fldChar")
            char.set(_qn("w:fldCharType"), kind)
            docx_element(run).append(char)
        elif text.strip() == code:
            instr = _el("w:instrText")
            instr.set(_qn("xml:space"), "preserve")
            instr.text = text
            docx_element(run).append(instr)
        else:
            run.text = text


def _runs(paragraph, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    for part in markup.SPANS.split(text):
        if not part:
            continue
        b, i, t = bold, italic, part
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            b, t = True, part[2:-2]
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            i, t = True, part[1:-1]
        run = paragraph.add_run(t)
        run.bold, run.italic = b, i
        run.font.size = Pt(size)
        run.font.name = FONT


def _para(container, text: str, *, size: float = 14, bold: bool = False, italic: bool = False,
          align: str = "left", indent: bool = False, before: float = 0, after: float = 0, underline=False):
    p = container.add_paragraph()
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Mm(12.7)
    _runs(p, text, size, bold, italic)
    if underline:
        for r in p.runs:
            r.underline = True
    return p


def _rule(container, fraction: float) -> None:
    """The short rule under the title and subject: a quarter of the text width, as on the PDF."""
    _drawn_rule(container, _text_width(), _text_width() * fraction, after=6)


def _drawn_rule(container, width_mm: float, length_mm: float, *, after: float = 0, paragraph=None):
    """A solid line ``length_mm`` long, centred in ``width_mm``: an empty paragraph
    with a bottom border, indented from both sides (Word and LibreOffice draw it
    the same; typed "────" runs had the font's length, not the rule's)."""
    p = paragraph if paragraph is not None else container.add_paragraph()
    p.alignment = 1
    fmt = p.paragraph_format
    side = max((width_mm - length_mm) / 2, 0)
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    fmt.line_spacing = Pt(4)
    run = p.add_run("")
    run.font.size = Pt(2)
    borders = _el("w:pBdr")
    bottom = _el("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(_qn(key), value)
    borders.append(bottom)
    docx_element(p).get_or_add_pPr().append(borders)
    return p


def _balanced(text: str, size: float, bold: bool, width_mm: float) -> str:
    """A title or "V/v" line with the PDF's line breaks (printing/breaks.py), as
    line breaks inside one paragraph; measured with the PDF's font, Times New
    Roman's metrics, less Word's cell padding."""
    font = styles.get().font(bold=bold)
    width = width_mm * 72 / 25.4 - 12
    return "\n".join(balanced_lines(text, lambda t: stringWidth(t, font, size), width))


def header_rules_mm(lh) -> tuple[float, float]:
    """The lengths of the header's two rules, measured as the PDF measures them
    (Decree 30 App. I §II.1-2: under the issuer a third to a half of its line,
    under the motto its whole length; HD 36: under ĐẢNG CỘNG SẢN VIỆT NAM)."""
    st = styles.get()
    bold = st.font(bold=True)
    mm = 72 / 25.4
    issuer = max((stringWidth(ln, bold, 13) for ln in lh.issuer), default=0) * 0.4 / mm
    right = (stringWidth(PARTY, bold, 13) if lh.party else stringWidth(MOTTO, bold, 14)) / mm
    return issuer, right


def _body(doc, text: str, chart: dict | None = None) -> None:
    """The body in the light markup. A heading keeps with the next paragraph
    (and with the one after when that one is a single short line), the line
    introducing a table with the table, as the PDF keeps them. A chart goes
    under the table that follows its heading (``chart["after"]``), as in the
    PDF, or at the end of the body."""
    rows: list[str] = []
    blocks = markup.blocks(text) + [markup.Block("end", 0, "")]
    keep_next = False
    after_heading = False
    for i, b in enumerate(blocks):
        if b.kind == "table":
            rows.append(b.text)
            continue
        if rows:
            _table(doc, markup.table_cells(rows))
            rows = []
            if chart and after_heading:
                _chart(doc, chart)
                chart = None
        if b.kind == "end":
            if chart:
                _chart(doc, chart)
            break
        if chart and markup.plain(b.text).strip() == chart.get("after"):
            after_heading = True
        heading = b.kind == "roman" or (b.kind == "numbered" and b.is_heading and not b.text.startswith("**"))
        italic = b.kind == "numbered" and b.is_heading and b.level > 1
        p = _para(doc, b.text, size=14, bold=heading, italic=italic, align="justify", indent=True, after=6)
        p.paragraph_format.widow_control = True
        titled = markup.titled(b)
        if heading or titled or (i + 1 < len(blocks) and blocks[i + 1].kind == "table"):
            p.paragraph_format.keep_with_next = True     # a heading, or the line that introduces a table
        elif keep_next and len(b.text) < 80:
            p.paragraph_format.keep_with_next = True     # a heading's one-line first item: two lines go with it
        keep_next = heading or titled


def _table(doc, cells: list[list[str]]) -> None:
    width = max(len(r) for r in cells)
    t = doc.add_table(rows=0, cols=width)
    t.style = "Table Grid"
    em = 13 * 25.4 / 72               # 13 pt in mm; Times averages about half an em a letter, bold capitals more

    def measure(text: str, share: float) -> float:
        return len(text) * share * em

    cols = column_widths([r + [""] * (width - len(r)) for r in cells], _text_width(),
                         head=lambda t_: measure(t_, 0.7), body=lambda t_: measure(t_, 0.5), pad=5, least=14)
    cells = [r + [""] * (width - len(r)) for r in cells]
    font = styles.get().font()
    for r, row in enumerate(cells):
        out = t.add_row().cells
        bold = r == 0 or markup.total_row(row)
        for c in range(width):
            value = markup.plain(row[c])
            p = out[c].paragraphs[0]
            if not bold:
                value = _cell_lines(value, font, cols[c])
            _runs(p, value, 13, bold=bold)
            p.alignment = {"left": 0, "center": 1, "right": 2}[markup.cell_align(cells, r, c)]
            p.paragraph_format.space_after = Pt(0)
    _fixed_columns(t, cols, padding=True)
    # the header never ends a page; a total row never stands alone under the repeated
    # header: the row before it keeps with it (LibreOffice and Word honour "keep with
    # next" on a row's paragraphs)
    kept = {0} | ({len(cells) - 2} if len(cells) > 2 and markup.total_row(cells[-1]) else set())
    for r, row in enumerate(t.rows):
        _no_split(row)
        if r in kept:
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
    # the header row repeats on every page
    tr_pr = docx_element(t.rows[0]).get_or_add_trPr()
    head = _el("w:tblHeader")
    head.set(_qn("w:val"), "true")
    tr_pr.append(head)
    _para(doc, "", size=6)


def _cell_lines(text: str, font: str, width_mm: float) -> str:
    """A short cell broken where the PDF breaks it (``markup._cell_text``):
    "Địa chính - / Xây dựng", never one word alone; measured at 13 pt less
    Word's cell margins (0.19 cm a side)."""
    width = width_mm * 72 / 25.4 - 2 * 5.4 - 1
    measure = lambda t: stringWidth(t, font, 13)
    if len(text.split()) > markup.SHORT_CELL or measure(text) <= width:
        return text
    parts = balanced_lines(text, measure, width)
    return text if any(measure(p) > width for p in parts) else "\n".join(parts)


def _header(doc, content: Content) -> None:

    lh = content.letterhead
    t = doc.add_table(rows=2, cols=2)
    split = _spec()["page"]["header_split"]
    _fixed_columns(t, [_text_width() * split, _text_width() * (1 - split)])
    left, right = t.rows[0].cells
    left.paragraphs[0].text = ""
    first = True

    def add(cell, text, **kw):
        nonlocal first
        if cell is left and first:
            p = cell.paragraphs[0]
            first = False
            p.alignment = 1
            _runs(p, text, kw.get("size", 13), kw.get("bold", False), kw.get("italic", False))
            return p
        p = cell.add_paragraph() if cell.paragraphs[0].text or cell is left else cell.paragraphs[0]
        p.alignment = 1
        _runs(p, text, kw.get("size", 13), kw.get("bold", False), kw.get("italic", False))
        return p

    if lh.parent_body:
        add(left, lh.parent_body, size=13)
    for ln in lh.issuer:
        add(left, ln, size=13, bold=True)
    issuer_rule, right_rule = header_rules_mm(lh)
    left_w, right_w = _text_width() * split, _text_width() * (1 - split)
    if lh.party:
        add(left, "*", size=13)
        add(right, PARTY, size=13, bold=True)
    else:
        _drawn_rule(left, left_w, issuer_rule)
        add(right, NATION, size=13, bold=True)
        add(right, MOTTO, size=14, bold=True)
    _drawn_rule(right, right_w, min(right_rule, right_w))
    bl, br = t.rows[1].cells
    number = number_text(lh, content.symbol, content.number_kind or "CV")
    p = bl.paragraphs[0]
    p.alignment = 1
    p.paragraph_format.space_before = Pt(6)      # the issuer's rule stands clear of "Số:", as in the PDF
    _runs(p, number, 13)
    if content.number_kind == "CV" and content.subject:
        q = bl.add_paragraph()
        q.alignment = 1
        _runs(q, _balanced(vv_line(content.subject), 12, False, left_w), 12)
    if content.show_date:
        p = br.paragraphs[0]
        p.alignment = 1
        p.paragraph_format.space_before = Pt(6)
        _runs(p, date_line(lh.place_name, content.date, content.year, getattr(content, "month", None)), 14,
              italic=True)


def _text_width() -> float:
    """Millimetres between the margins, from the page spec."""
    p = _spec()["page"]
    return p["size_mm"][0] - p["margins_mm"]["left"] - p["margins_mm"]["right"]


def _fixed_columns(table, widths_mm: list[float], *, padding: bool = False) -> None:
    """Columns of exactly these widths (Word reads the cells' widths, LibreOffice
    the table grid, so both are set); layout tables have no inner padding at the
    sides, so the national title fits on one line at 13 pt, as on the PDF."""
    table.autofit = False
    tbl_pr = docx_element(table).tblPr
    layout = _el("w:tblLayout")
    layout.set(_qn("w:type"), "fixed")
    tbl_pr.append(layout)
    if not padding:
        margins = _el("w:tblCellMar")
        for side in ("left", "right"):
            m = _el(f"w:{side}")
            m.set(_qn("w:w"), "0")
            m.set(_qn("w:type"), "dxa")
            margins.append(m)
        tbl_pr.append(margins)
    for gc, w in zip(docx_element(table).tblGrid.findall(_qn("w:gridCol")), widths_mm):
        gc.set(_qn("w:w"), str(int(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)


def _no_split(row) -> None:
    """The row is never cut across two pages ("don't split row")."""
    tr_pr = docx_element(row).get_or_add_trPr()
    cant = _el("w:cantSplit")
    cant.set(_qn("w:val"), "true")
    tr_pr.append(cant)


def _keep_closing(doc) -> None:
    """The last lines of the body stay with the signature block ("keep with
    next" on the closing paragraph and anything after it; widow control lets
    the rest of a long closing paragraph stay on the page before)."""
    for p in reversed(doc.paragraphs):
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.widow_control = True
        if p.text.strip():
            break


def _signatures(doc, content: Content, lh) -> None:
    signers = list(content.signers)
    recipients = [r for r in content.recipients if r.strip()]
    _keep_closing(doc)
    if len(signers) == 2:
        # Nơi nhận in a second row of the signatures' table, the first row kept with
        # it: LibreOffice let a list after the table go over to a page of its own
        t = doc.add_table(rows=2 if recipients else 1, cols=2)
        _fixed_columns(t, [_text_width() / 2, _text_width() / 2])
        for row in t.rows:
            _no_split(row)
        for cell, s in zip(t.rows[0].cells, signers):
            _sign(cell, s)
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
        if recipients:
            left = t.rows[1].cells[0]
            _recipients(left, lh, recipients, _text_width() * 0.45)
            left.paragraphs[0].paragraph_format.space_before = Pt(8)
        return
    t = doc.add_table(rows=1, cols=2)
    _no_split(t.rows[0])
    _fixed_columns(t, [_text_width() * 0.45, _text_width() * 0.55])
    left, right = t.rows[0].cells
    if recipients:
        _recipients(left, lh, recipients, _text_width() * 0.45)
    if signers:
        _sign(right, signers[0])
    left.paragraphs[0].paragraph_format.space_before = Pt(8)


def _sign(cell, signer) -> None:
    first = True
    for ln in (signer.authority, signer.position):
        if ln.strip():
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = 1
            _runs(p, ln.upper(), 14, bold=True)
    for _ in range(4):
        cell.add_paragraph()
    p = cell.add_paragraph()
    p.alignment = 1
    _runs(p, signer.name or " ", 14, bold=True)


def _recipients(container, lh, recipients: list[str], width_mm: float) -> None:
    """Nơi nhận as the PDF sets it: each entry's lines broken where the PDF breaks
    them (``layout.recipient_entry``), "- " hanging over the lines under it."""
    is_cell = hasattr(container, "paragraphs") and not hasattr(container, "add_page_break")
    head = container.paragraphs[0] if is_cell and not container.paragraphs[0].text else container.add_paragraph()
    _runs(head, PaperWords.RECIPIENTS_HEAD, 12, bold=True, italic=True)
    if lh.party:
        for r in head.runs:
            r.underline = True
    font = styles.get().font()
    dash = stringWidth("- ", font, 11)
    width = width_mm * 72 / 25.4 - dash - 1      # the layout table has no cell padding
    for item in recipient_items(recipients):
        p = container.add_paragraph()
        p.paragraph_format.left_indent = Pt(dash)
        p.paragraph_format.first_line_indent = Pt(-dash)
        _runs(p, "- " + "\n".join(balanced_lines(item, lambda t: stringWidth(t, font, 11), width)), 11)
