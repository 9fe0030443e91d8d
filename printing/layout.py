"""Pieces every document shares: letterhead, number and date line, kind title,
signature blocks, recipients, tables, and the page template with page numbers.

Rules from Decree 30/2020/NĐ-CP Appendix I (state) and Hướng dẫn 36-HD/VPTW
(Party), summarised in FORMAT.md; the section of the rule is noted where it is
applied. Geometry and sizes come from ``data/print/styles.json``.
"""
from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field, replace

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import FrameBreak

from models.core.words import PaperWords
from models.domain.document_text import Letterhead, Signer  # the shapes every renderer takes

from . import compat
from .breaks import balanced_lines
from .styles import Styles
from .wording import (  # noqa: F401  (used by the renderers)
    addressee_items,
    date_line,
    day_month,
    kind_name,
    number_text,
    recipient_items,
    say,
    vv_line,
    written_date,
)



def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as ReportLab's paragraph markup needs them (what
    xml.sax.saxutils.escape does; that module brings in urllib.request, http,
    email and ssl, 50 ms of every `doithoai print`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


NATION, MOTTO, PARTY = PaperWords.NATION, PaperWords.MOTTO, PaperWords.PARTY
END_MARK = "./."
# Fixed creation date: reprinting an issued document gives the same bytes.
FIXED_DATE = "D:20000101000000+00'00'"


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def esc(text: str | None) -> str:
    """NFC text made safe for ReportLab's paragraph mini-markup."""
    return escape(nfc(text))


def lines(text: str | None) -> list[str]:
    return [ln.strip() for ln in nfc(text).splitlines() if ln.strip()]


# --- dates -----------------------------------------------------------------------

def short_date(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else "…/…/……"


# --- who issues ------------------------------------------------------------------

# --- small flowables -------------------------------------------------------------

class Rule(Flowable):
    """A short solid line, centred in the space it is given."""

    def __init__(self, width: float, thickness: float = 0.6, space: float = 2):
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.space = space

    def wrap(self, avail_w, avail_h):
        self._avail = avail_w
        return avail_w, self.space * 2 + self.thickness

    def draw(self):
        x = (self._avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.rule_width, self.space)


class DocumentStart(Flowable):
    """Marks where a new document starts in a merged PDF (one invitation per
    invitee): page numbers count again from its first page."""

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv._dt_first_page = self.canv.getPageNumber()


def para(st: Styles, style: str, text: str | None, *, markup: bool = False) -> Paragraph:
    """One paragraph; plain text is escaped unless ``markup`` says it is ReportLab markup."""
    return Paragraph(nfc(text) if markup else esc(text), st[style])


def paragraphs(st: Styles, style: str, text: str | None) -> list[Paragraph]:
    return [para(st, style, ln) for ln in lines(text)]


def with_end_mark(text: str) -> str:
    """The body ends with "./." (Decree 30 App. I §II.7, last line of the content)."""
    text = nfc(text).rstrip()
    if text.endswith(END_MARK):
        return text
    return text.rstrip(".;,: ") + END_MARK


def text_width(st: Styles, text: str, style: str) -> float:
    s = st[style]
    return stringWidth(nfc(text), s.fontName, s.fontSize)


TIGHTEST = 1.08   # letters set closer by up to 8 % of the line; a longer line wraps at the least size


def fit(st: Styles, style: str, text: str, width: float) -> Flowable:
    """A one-line header paragraph that never wraps in its column. With a font
    wider than Times (DejaVu Serif, Noto Serif) its size goes down, but never
    below the style's ``min_size`` (the least Decree 30 App. I allows, e.g. 12 pt
    for "CỘNG HÒA …"); if it still does not fit, the letters are set closer
    together instead (``OneLine``). Text far too long for one line (a typed
    name) wraps."""
    base = st[style]
    size = base.fontSize
    smallest = st.min_size(style)
    while size > smallest and text_width(st, text, style) * size / base.fontSize > width - 2:
        size -= 0.5
    if size != base.fontSize:
        base = ParagraphStyle(f"{style}-{size}", parent=base, fontSize=size,
                              leading=base.leading * size / base.fontSize)
    natural = text_width(st, text, style) * size / st[style].fontSize
    if width - 2 < natural <= (width - 2) * TIGHTEST:
        return OneLine(nfc(text), base, width - 2)
    if base is st[style]:
        return para(st, style, text)
    return Paragraph(esc(text), base)


def drawn_width(st: Styles, f: Flowable, text: str, style: str) -> float:
    """How wide ``text`` is drawn by ``f`` (a paragraph from ``fit`` or a ``OneLine``)."""
    if isinstance(f, OneLine):
        return f.line_width
    return text_width(st, text, style) * f.style.fontSize / st[style].fontSize


class OneLine(Flowable):
    """One centred line at its style's size, its letters set closer together so
    it fits ``width`` (a fallback font's header line, never a smaller size)."""

    def __init__(self, text: str, style, width: float):
        super().__init__()
        self.text, self.style = text, style
        natural = stringWidth(text, style.fontName, style.fontSize)
        self.char_space = (width - natural) / max(len(text) - 1, 1)
        self.line_width = natural + self.char_space * (len(text) - 1)

    def wrap(self, avail_w, avail_h):
        self._avail = avail_w
        return avail_w, self.style.leading

    def draw(self):
        t = self.canv.beginText()
        t.setFont(self.style.fontName, self.style.fontSize)
        t.setCharSpace(self.char_space)
        # the last letter's spacing falls outside the line, so it does not shift the centre
        t.setTextOrigin((self._avail - self.line_width) / 2, self.style.leading - self.style.fontSize)
        t.textOut(self.text)
        self.canv.drawText(t)


def _cell_table(st: Styles, rows, widths, style_cmds=()) -> Table:
    """A borderless layout table. Its cell font is the document's, or ReportLab
    would reference (and not embed) Helvetica."""
    t = Table(rows, colWidths=widths, splitInRow=1)   # a cell taller than a page still prints
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), st.font()),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                           *style_cmds]))
    return t


# --- header ----------------------------------------------------------------------

def header(st: Styles, lh: Letterhead, *, number: str | None, date: dt.date | None = None,
           year: int | None = None, show_date: bool = True, subject: str | None = None,
           month: int | None = None) -> Table:
    """The two-column header block (Decree 30 App. I §II.1-5; HD 36 §III).

    ``number`` is the whole "Số: …" text or None for forms without a number;
    ``show_date`` is False for minutes (Mẫu 1.9 has no place/date line);
    ``subject`` is the "V/v …" line of a công văn, printed under the number."""
    w = st.page.text_width
    left_w, right_w = w * st.page.header_split, w * (1 - st.page.header_split)
    left = []
    if lh.parent_body:
        left.append(fit(st, "header_parent", lh.parent_body, left_w))
    left += [fit(st, "header_issuer", ln, left_w) for ln in lh.issuer]
    if lh.party:
        left.append(para(st, "header_issuer", "*"))          # HD 36: a star under the issuer
    else:
        longest = max(text_width(st, ln, "header_issuer") for ln in lh.issuer)
        left.append(Rule(longest * 0.4, space=3))             # 1/3-1/2 of the issuer line
    if lh.party:
        party = fit(st, "header_nation", PARTY, right_w)
        right = [party, Rule(drawn_width(st, party, PARTY, "header_nation"), space=3)]
    else:
        motto = fit(st, "header_motto", MOTTO, right_w)
        right = [fit(st, "header_nation", NATION, right_w), motto,
                 Rule(min(drawn_width(st, motto, MOTTO, "header_motto"), right_w), space=3)]
    bottom_left = [para(st, "header_number", number)] if number else []
    if subject:
        bottom_left.append(balanced(st, "header_subject", subject, left_w))
    bottom_right = ([fit(st, "header_date", date_line(lh.place_name, date, year, month), right_w)]
                    if show_date else [])
    return _cell_table(st, [[left, right], [bottom_left, bottom_right]], [left_w, right_w],
                       [("TOPPADDING", (0, 1), (-1, 1), 4)])


def balanced(st: Styles, style: str, text: str, width: float) -> Paragraph:
    """A centred title or "V/v" line broken by ``breaks.balanced_lines``: lines of
    nearly equal length, at phrase boundaries, no name split, no word alone."""
    parts = balanced_lines(nfc(text), lambda s: text_width(st, s, style), width - 1)
    return Paragraph("<br/>".join(esc(p) for p in parts), st[style])


def title_block(st: Styles, kind_title: str, subject: str | None) -> list[Flowable]:
    """Kind in CAPS bold, subject bold under it, a short rule (Decree 30 App. I §II.5a)."""
    out: list[Flowable] = [para(st, "kind_title", kind_title.upper())]
    if subject:
        out += [balanced(st, "subject", ln, st.page.text_width) for ln in lines(subject)]
    out += [Spacer(1, 6), Rule(st.page.text_width * 0.25, space=2), Spacer(1, 8)]
    return out


def addressee(st: Styles, names: list[str]) -> Flowable:
    """"Kính gửi: …" of a công văn (Mẫu 1.5): one addressee on the line, several as a list."""
    names = [nfc(n) for n in names if n.strip()]
    if len(names) == 1:
        return para(st, "addressee", say("addressee", name=names[0]))
    items = "<br/>".join(esc(n) for n in addressee_items(names))
    return Paragraph(f"{esc(say('addressees'))}<br/>{items}", st["addressee"])


# --- signature and recipients ----------------------------------------------------

def signature_column(st: Styles, signer: Signer, note: str | None = None) -> list[Flowable]:
    """Authority and position CAPS bold, room for signature and seal, name bold
    (Decree 30 App. I §II.8; HD 36: "T/M", "K/T" with a slash)."""
    out: list[Flowable] = []
    if note:
        out.append(para(st, "sign_note", note))
    for ln in (signer.authority, signer.position):
        if ln.strip():
            out.append(para(st, "sign_authority", ln.upper()))
    out.append(Spacer(1, st.page.signature_gap))
    out.append(para(st, "sign_name", signer.name or " "))
    return out


def recipients_column(st: Styles, lh: Letterhead, recipients: list[str]) -> list[Flowable]:
    """"Nơi nhận:" bold italic 12, entries "- …;" 11, last "- Lưu: VT, …."
    (Decree 30 App. I §II.9). HD 36 underlines "Nơi nhận:"."""
    head = f"<u>{PaperWords.RECIPIENTS_HEAD}</u>" if lh.party else PaperWords.RECIPIENTS_HEAD
    out: list[Flowable] = [Paragraph(head, st["recipients_head"])]
    width = st.page.text_width * st.page.header_split
    out += [recipient_entry(st, "recipients_item", item, width) for item in recipient_items(recipients)]
    return out


def recipient_entry(st: Styles, style: str, item: str, width: float) -> Paragraph:
    """One entry of Nơi nhận, "- " hanging and the lines under it indented past
    the dash, broken as titles are (``breaks.balanced_lines``): never inside a
    name or a place ("Trưởng thôn / Bắc;"), never one word alone."""
    dash = text_width(st, "- ", style)
    parts = balanced_lines(nfc(item), lambda s: text_width(st, s, style), width - dash - 1)
    hanging = ParagraphStyle(f"{style}-hanging", parent=st[style], leftIndent=dash, firstLineIndent=-dash)
    return Paragraph("- " + "<br/>".join(esc(p) for p in parts), hanging)


def signature_block(st: Styles, lh: Letterhead, signer: Signer,
                    recipients: list[str] | None) -> list[Flowable]:
    """Recipients on the left, level with the signature on the right (the parts,
    for ``with_closing`` or ``KeepTogether`` to keep on one page)."""
    w = st.page.text_width
    left = recipients_column(st, lh, recipients) if recipients is not None else []
    table = _cell_table(st, [[left, signature_column(st, signer)]],
                        [w * st.page.header_split, w * (1 - st.page.header_split)])
    return [Spacer(1, 8), table]


def two_signatures(st: Styles, left: Signer, right: Signer) -> list[Flowable]:
    """Minutes (Mẫu 1.9): THƯ KÝ on the left, CHỦ TRÌ on the right (the parts)."""
    w = st.page.text_width
    table = _cell_table(st, [[signature_column(st, left), signature_column(st, right)]], [w / 2, w / 2])
    return [Spacer(1, 8), table]


# --- tables ----------------------------------------------------------------------

PAD = {"left": 3, "right": 3, "top": 2, "bottom": 3}   # a ruled table's cell padding, points


class GridTable(Table):
    """A ruled table whose rows are cut only when they must be. A row that fits
    on the next page goes there whole; a row taller than a page is cut where it
    stands (at least two lines of it on the page), each cell's paragraph split
    and the rest under the repeated header on the next page. The header row
    never stands at a page foot. (ReportLab's own cut inside a row left empty
    slivers under repeated headers.)"""

    cmds: list = []

    def split(self, availWidth, availHeight):
        heights = compat.lay_out_table(self, availWidth, availHeight)
        if len(heights) > 1 and availHeight < heights[0] + heights[1]:
            full = compat.frame_height(self, availHeight)
            room = availHeight - heights[0] - PAD["top"] - PAD["bottom"]
            if heights[0] + heights[1] <= full or room < 2 * 15:
                return []
            return self._cut_first_row(room)
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and len(compat.table_rows(parts[1])) == 2 and len(compat.table_rows(parts[0])) > 3:
            # the last row alone under the repeated header (a total row): one more goes with it
            parts = super().split(availWidth, sum(heights[:len(compat.table_rows(parts[0])) - 1]) - 0.5)
            if len(parts) == 2:
                parts.insert(1, FrameBreak())    # the rest on the next page, not in the row's room
        for t in parts:
            t.cmds = self.cmds
        return parts

    def _cut_first_row(self, room: float) -> list:
        head, row, *rest = compat.table_rows(self)
        top, bottom = [], []
        for width, cell in zip(compat.table_column_widths(self), row):
            inner = width - PAD["left"] - PAD["right"]
            if isinstance(cell, (list, tuple)) and len(cell) == 1:
                cell = cell[0]          # ReportLab keeps a flowable cell as a one-item tuple
            if isinstance(cell, Paragraph) and cell.wrap(inner, 1e9)[1] > room:
                parts = cell.split(inner, room)
                top.append(parts[0] if len(parts) == 2 else "")
                bottom.append(parts[1] if len(parts) == 2 else cell)
            else:
                top.append(cell)
                bottom.append("")
        return [self._like([head, top], after=0), self._like([head, bottom, *rest], before=0)]

    def _like(self, rows: list, before: float | None = None, after: float | None = None) -> "GridTable":
        t = GridTable(rows, colWidths=compat.table_column_widths(self), repeatRows=1,
                      spaceBefore=self.spaceBefore if before is None else before,
                      spaceAfter=self.spaceAfter if after is None else after)
        t.cmds = self.cmds
        t.setStyle(TableStyle(self.cmds))
        return t


def grid_table(st: Styles, head: list[str], rows: list[list], widths: list[float] | None = None,
               *, align: list[str] | None = None, total: bool = False, width: float | None = None) -> Table:
    """A ruled table with a bold, repeated header row. Cells may be text or flowables;
    ``align`` gives "l"/"c" per column; ``total`` makes the last row bold; ``width``
    is the room it has (the page's text width unless told)."""
    w = width or st.page.text_width
    widths = widths or [w / len(head)] * len(head)
    scale = w / sum(widths) if sum(widths) > w else 1
    widths = [x * scale for x in widths]
    align = align or ["l"] * len(head)

    def cell(value, col, bold=False):
        if isinstance(value, Flowable):
            return value
        style = "table_head" if bold else ("table_center" if align[col] == "c" else "table")
        return para(st, style, "" if value is None else str(value))

    body = [[cell(h, i, True) for i, h in enumerate(head)]]
    for r, row in enumerate(rows):
        is_total = total and r == len(rows) - 1
        body.append([cell(v, i, is_total) for i, v in enumerate(row)])
    t = GridTable(body, colWidths=widths, repeatRows=1, spaceBefore=4, spaceAfter=8)
    t.cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), st.font()),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD["left"]), ("RIGHTPADDING", (0, 0), (-1, -1), PAD["right"]),
        ("TOPPADDING", (0, 0), (-1, -1), PAD["top"]), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD["bottom"]),
    ]
    t.setStyle(TableStyle(t.cmds))
    return t


# --- the page and the file ---------------------------------------------------------

@dataclass
class Document:
    """A document being assembled: its flowables and the PDF metadata."""

    title: str
    author: str = ""
    story: list = field(default_factory=list)

    def add(self, *items) -> "Document":
        for item in items:
            if isinstance(item, (list, tuple)):
                self.story.extend(item)
            else:
                self.story.append(item)
        return self


def _page_number(st: Styles, pg):
    """Decree 30 App. I §II.12 (and HD 36): Arabic page number from page 2 on,
    centred in the top margin, regular, size 13-14. Drawn when the page ends so a
    document that starts on this page (merged invitations) counts from 1."""
    def draw(canv, _doc):
        first = getattr(canv, "_dt_first_page", 1)
        n = canv.getPageNumber() - first + 1
        if n < 2:
            return
        canv.saveState()
        canv.setFont(st.font(), pg.page_number_size)
        x = pg.left + pg.text_width / 2
        y = pg.height - pg.top / 2 - pg.page_number_size / 3
        canv.drawCentredString(x, y, str(n))
        canv.restoreState()
    return draw


def landscape(st: Styles):
    """The page turned sideways, same margins (a register's wide table)."""
    return replace(st.page, width=st.page.height, height=st.page.width)


def render(st: Styles, doc: Document, page=None) -> bytes:
    """Lay out ``doc`` on A4 pages (``page``: another geometry, e.g. ``landscape``)
    and return the PDF. Deterministic: ReportLab's invariant mode and a fixed
    creation date, so a reprint is byte-identical."""
    buf = io.BytesIO()
    pg = page or st.page
    template = BaseDocTemplate(
        buf, pagesize=(pg.width, pg.height), leftMargin=pg.left, rightMargin=pg.right,
        topMargin=pg.top, bottomMargin=pg.bottom, title=nfc(doc.title), author=nfc(doc.author),
        creator=say("creator"), subject=nfc(doc.title), invariant=1,
        initialFontName=st.font(), initialFontSize=st["body"].fontSize)
    frame = Frame(pg.left, pg.bottom, pg.text_width, pg.text_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=_page_number(st, pg))])
    template.keepTogetherClass = KeepStart
    old = rl_config.invariant
    rl_config.invariant = 1
    try:
        template.build(keep_headings(list(doc.story), pg.text_width))
    finally:
        rl_config.invariant = old
    return buf.getvalue()


def merge(parts: list[list]) -> list:
    """Several documents in one PDF: each starts on a new page and numbers its own pages."""
    story: list = []
    for i, part in enumerate(parts):
        if i:
            story.append(PageBreak())
        story.append(DocumentStart())
        story.extend(part)
    return story


def last_lines(p: Paragraph, width: float, n: int = 2) -> tuple[Paragraph | None, Paragraph]:
    """``p`` cut before its last ``n`` lines (at ``width``): the part that may stay
    on a page and the part kept with what follows. A paragraph of ``n + 1`` lines
    or fewer is not cut (a lone first line would stand at the page foot)."""
    p.wrap(width, 1e9)
    count = len(p.blPara.lines)
    if count <= n + 1:
        return None, p
    parts = p.split(width, (count - n) * p.style.leading + 0.5)
    if len(parts) != 2:
        return None, p
    parts[0].spaceAfter = 0          # on one page, the two parts read as one paragraph
    return parts[0], parts[1]


def with_closing(st: Styles, body: list, signature: list[Flowable]) -> list:
    """The signature block and Nơi nhận never stand alone on a page: they are kept
    together with the last lines of the body (the last two lines of its closing
    paragraph; a short closing paragraph whole, with a heading just above it).
    The rest of the body, tables included, flows as usual. One KeepTogether only:
    nested, ReportLab measures the inner one as infinitely tall and pushes the
    block to a page of its own."""
    tail: list = []
    if body and isinstance(body[-1], Paragraph):
        head, end = last_lines(body.pop(), st.page.text_width)
        if head is not None:
            body.append(head)
        tail = [end]
        while head is None and body and isinstance(body[-1], Paragraph) and body[-1].getKeepWithNext():
            tail.insert(0, body.pop())     # a heading goes with its only paragraph
    elif body:
        tail = [body.pop()]                # a table or a chart at the end: kept whole, as it was
    return [*body, KeepTogether([*tail, *signature])]


class KeepStart(KeepTogether):
    """What ReportLab groups for "keep with next" (a heading and what follows it):
    moved to the next page only when the heading and the *start* of what follows
    do not fit (two lines of a paragraph, a table's header and first row), rather
    than the whole of a long paragraph or table (which left half a page blank)."""

    def wrap(self, aW, aH):
        dims: list = []
        width, height = compat.wrap_kept(self, aW, dims)
        if dims:
            height += _start_height(compat.kept(self)[-1], dims[-1][1]) - dims[-1][1]
        compat.set_kept_size(self, height, dims[0][1] if dims else 0, (aW, aH))
        return width, 0xffffff


def _start_height(f: Flowable, full: float) -> float:
    """Height of the part of ``f`` a heading above it must not be parted from."""
    if isinstance(f, Paragraph) and getattr(f, "blPara", None) is not None:
        count = len(f.blPara.lines)
        return full if count <= 3 else 2 * f.style.leading
    heights = compat.row_heights(f)
    if isinstance(f, Table) and heights and len(heights) > 1:
        head = getattr(f, "repeatRows", 0) or 0
        head = head if isinstance(head, int) else max(head) + 1
        return sum(heights[:head]) + min(sum(heights[head:head + 2]), 50) if len(heights) > head else full
    return full


def keep_headings(story: list, width: float) -> list:
    """A heading (a paragraph kept with the next) and at least two lines of what
    follows it move to the next page together (``KeepStart``). ReportLab groups
    a heading with the next flowable only: a one-line bullet let the heading
    stand at the page foot over one line, and a heading before a block kept
    together (the closing, a chart) was not grouped at all. Such a block takes
    in the heading and its lines instead."""
    out: list = []
    i = 0
    while i < len(story):
        f = story[i]
        if not (isinstance(f, Paragraph) and f.getKeepWithNext()):
            out.append(f)
            i += 1
            continue
        group: list = []
        while i < len(story) and isinstance(story[i], Paragraph) and story[i].getKeepWithNext():
            group.append(story[i])
            i += 1
        count = 0
        while i < len(story) and count < 2 and not isinstance(story[i], KeepTogether) \
                and not (isinstance(story[i], Paragraph) and story[i].getKeepWithNext()):
            nxt = story[i]
            group.append(nxt)
            i += 1
            if isinstance(nxt, Paragraph):
                nxt.wrap(width, 1e9)
                count += len(nxt.blPara.lines)
            else:
                count = 2
        for g in group:
            if isinstance(g, Paragraph):
                g.keepWithNext = 0           # grouped here; ReportLab must not group again
        if count < 2 and i < len(story) and isinstance(story[i], KeepTogether):
            out.append(KeepTogether([*group, *compat.kept(story[i])], compat.kept_max_height(story[i])))
            i += 1
        else:
            out.append(KeepStart(group))
    return out


def recipients_block(st: Styles, lh: Letterhead, recipients: list[str]) -> Flowable:
    """Nơi nhận alone, in the left column (under the minutes' two signatures)."""
    w = st.page.text_width
    table = _cell_table(st, [[recipients_column(st, lh, recipients), []]],
                        [w * st.page.header_split, w * (1 - st.page.header_split)])
    return KeepTogether([Spacer(1, 8), table])


def official_document(st: Styles, lh: Letterhead, *, kind: str, subject: str, body: list,
                      signer: Signer | None, recipients: list[str] | None,
                      symbol: str | None = None, date: dt.date | None = None,
                      year: int | None = None, show_date: bool = True,
                      addressees: list[str] | None = None, closing: list | None = None,
                      kind_title: str = "", month: int | None = None) -> Document:
    """The common skeleton: header, kind title and subject (or "V/v" and "Kính gửi"
    for a công văn, Mẫu 1.5), body, signature with recipients."""
    letter = kind == "CV"
    name = kind_title or kind_name(kind)
    doc = Document(title=say("document_title", kind=name, subject=nfc(subject)), author=lh.name)
    doc.add(header(st, lh, number=number_text(lh, symbol, kind), date=date, year=year, month=month,
                   show_date=show_date, subject=vv_line(subject) if letter else None))
    if letter:
        doc.add(Spacer(1, 10))
        if addressees:
            doc.add(addressee(st, addressees))
    else:
        doc.add(title_block(st, name, subject))
    if signer is not None:
        doc.add(with_closing(st, body, signature_block(st, lh, signer, recipients)))
    else:
        doc.add(body)
    if closing:
        doc.add(closing)
    return doc
