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

import re
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from .layout import esc, grid_table, nfc
from .styles import Styles

ROMAN = re.compile(r"^(?P<num>[IVXL]+)\.\s*(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-+–•])\s*(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\|.*\|$")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def inline(text: str) -> str:
    """A line made safe for ReportLab's paragraph markup, with **bold** and *italic*."""
    out = esc(text)
    out = BOLD.sub(r"<b>\1</b>", out)
    return ITALIC.sub(r"<i>\1</i>", out)


def plain(text: str) -> str:
    """The line without the inline marks (for measuring, searching, .docx runs)."""
    return ITALIC.sub(r"\1", BOLD.sub(r"\1", nfc(text)))

# a numbered line is a heading when it is short and does not read as a sentence
HEADING_MAX = 110


@dataclass(frozen=True)
class Block:
    """One line of the body, classified."""

    kind: str        # roman, numbered, bullet, table, text
    level: int       # 1 for "1.", 2 for "2.1." …
    text: str        # the whole line as typed (cleaned of outer spaces)
    is_heading: bool = False


def classify(line: str) -> Block:
    line = nfc(line).strip()
    if TABLE_ROW.match(line):
        return Block("table", 0, line)
    if m := ROMAN.match(line):
        return Block("roman", 0, line, True)
    if m := NUMBERED.match(line):
        level = m.group("num").count(".") + 1
        rest = m.group("text").rstrip()
        heading = len(rest) <= HEADING_MAX and not rest.endswith((";", ".", ","))
        return Block("numbered", level, line, heading)
    if BULLET.match(line):
        return Block("bullet", 1 if line[0] != "+" else 2, line)
    return Block("text", 0, line)


def blocks(text: str) -> list[Block]:
    return [classify(ln) for ln in nfc(text).splitlines() if ln.strip()]


def table_cells(rows: list[str]) -> list[list[str]]:
    cells = [[c.strip() for c in r.strip()[1:-1].split("|")] for r in rows]
    width = max(len(r) for r in cells)
    return [r + [""] * (width - len(r)) for r in cells]


def _table(st: Styles, rows: list[str]) -> Flowable:

    cells = table_cells(rows)
    head = [plain(c) for c in cells[0]]
    body = []
    for row in cells[1:]:
        body.append([Paragraph(inline(c), st["table_center" if _numeric(c) else "table"]) for c in row])
    return grid_table(st, head, body, widths=_widths(st, cells))


def _numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[\d.,/%\s-]*", plain(cell)))


def _widths(st: Styles, cells: list[list[str]]) -> list[float]:
    """Columns that hold short things (numbers, dates, a name) get the width of
    their longest cell, so "STT" and "15/12/2026" never wrap; the columns of
    running text share what is left, in proportion to how much they hold."""
    from .layout import text_width

    total = st.page.text_width
    pad = 8
    natural = []
    for col in range(len(cells[0])):
        head = text_width(st, plain(cells[0][col]), "table_head")
        widest = max([text_width(st, plain(r[col]), "table") for r in cells[1:]] + [0])
        # a header of several words may wrap onto two lines
        head_words = max(text_width(st, w, "table_head") for w in (plain(cells[0][col]).split() or [""]))
        natural.append((max(widest, head_words) + pad, max(widest, head) + pad))
    short_limit = total * 0.22
    short = [i for i, (need, _full) in enumerate(natural) if need <= short_limit]
    # whole header lines when the text columns still keep at least 28 % of the width
    use_full = sum(natural[i][1] for i in short) <= total * (0.72 if len(short) < len(natural) else 1)
    widths = [None] * len(natural)
    for i in short:
        widths[i] = natural[i][1] if use_full else natural[i][0]
    rest = [i for i, w in enumerate(widths) if w is None]
    left = total - sum(w for w in widths if w is not None)
    if rest:
        weight = sum(natural[i][0] for i in rest)
        for i in rest:
            widths[i] = max(left * natural[i][0] / weight, 40)
    elif left > 0:
        # all columns short: spread the spare width over them
        widths = [w + left / len(widths) for w in widths]
    scale = total / sum(widths)
    return [w * scale for w in widths]


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
    return out
