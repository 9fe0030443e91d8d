"""The plan's light markup turned into paragraphs.

Offices write plans as numbered outlines (FORMAT.md, SPEC "Plan"):

    I. MỤC ĐÍCH, YÊU CẦU          section heading (Roman numeral), bold
    1. Mục đích                   numbered heading, bold when it is a short title
    2.1. Ở xã: …                  sub-heading, bold italic when short
    - …                           bullet
    + …                           sub-bullet
    | a | b |                     a table row (the first row is the header)
    **bold** and *italic*         inside any line

Anything else is an ordinary paragraph. Every paragraph keeps the first-line
indent of the body (Decree 30 App. I §II.7); bullets keep their "-"/"+" as
typed, as Vietnamese documents do, so the printed text equals the plan's text.
"""
from __future__ import annotations


from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.platypus import Flowable, Paragraph, Table

from .breaks import balanced_lines
from .layout import PAD, esc, grid_table, text_width
from .outline import (  # noqa: F401  (the reading is shared with the Word writer)
    SHORT_CELL,
    column_widths,
    BOLD,
    BULLET,
    HEADING_MAX,
    ITALIC,
    NUMBERED,
    ROMAN,
    TABLE_ROW,
    Block,
    blocks,
    cell_align,
    classify,
    titled,
    total_row,
    numeric,
    plain,
    table_cells,
)
from .styles import Styles

def inline(text: str) -> str:
    """A line made safe for ReportLab's paragraph markup, with **bold** and *italic*."""
    out = esc(text)
    out = BOLD.sub(r"<b>\1</b>", out)
    return ITALIC.sub(r"<i>\1</i>", out)


def _table(st: Styles, rows: list[str]) -> Flowable:

    cells = table_cells(rows)
    head = [plain(c) for c in cells[0]]
    widths = _widths(st, cells)
    body = []
    style = {"left": "table", "center": "table_center", "right": "table_right"}
    for r, row in enumerate(cells[1:], start=1):
        bold = total_row(row)
        body.append([Paragraph(f"<b>{esc(plain(c))}</b>" if bold and c.strip() else _cell_text(st, c, w),
                               st[style[cell_align(cells, r, i)]]) for i, (c, w) in enumerate(zip(row, widths))])
    return grid_table(st, head, body, widths=widths)


def _cell_text(st: Styles, cell: str, width: float) -> str:
    """A short cell that does not fit its column broken as titles are
    (``breaks``): "Địa chính - / Xây dựng", not "Địa chính - Xây / dựng"; "Ban
    Tổ chức / Đảng ủy", not one word alone under it."""
    text = plain(cell)
    inner = width - PAD["left"] - PAD["right"] - 1
    if cell != text or len(text.split()) > SHORT_CELL or text_width(st, text, "table") <= inner:
        return inline(cell)
    parts = balanced_lines(text, lambda t: text_width(st, t, "table"), inner)
    if any(text_width(st, p, "table") > inner for p in parts):
        return inline(cell)
    return "<br/>".join(esc(p) for p in parts)


def _widths(st: Styles, cells: list[list[str]]) -> list[float]:
    return column_widths(cells, st.page.text_width, head=lambda t: text_width(st, t, "table_head"),
                         body=lambda t: text_width(st, t, "table"), pad=8, least=40)


def flowables(st: Styles, text: str) -> list[Flowable]:
    out: list[Flowable] = []
    pending_rows: list[str] = []
    for b in blocks(text) + [Block("end", 0, "")]:
        if b.kind == "table":
            pending_rows.append(b.text)
            continue
        if pending_rows:
            out.append(_table(st, pending_rows))
            pending_rows = []
        if b.kind == "end":
            break
        if b.kind == "roman":
            out.append(Paragraph(inline(b.text), st["heading1"]))
        elif b.kind == "numbered" and b.is_heading:
            out.append(Paragraph(inline(b.text), st["heading2" if b.level == 1 else "heading3"]))
        elif b.kind == "numbered" and b.text.startswith("**"):
            out.append(Paragraph(inline(b.text), st["body"]))
        elif b.kind == "numbered":
            # a long numbered item: the number bold, the sentence regular
            num, _, rest = b.text.partition(" ")
            out.append(Paragraph(f"<b>{esc(num)}</b> {inline(rest)}", st["body"]))
        else:
            out.append(Paragraph(inline(b.text), st["body"]))
            if titled(b):
                out[-1].keepWithNext = 1     # a bold item title ("**4. Thành phần tham dự:**") heads its list
    for before, after in zip(out, out[1:]):
        if isinstance(after, Table) and isinstance(before, Paragraph):
            before.keepWithNext = 1      # the line that introduces a table stays with its first rows
    return out
