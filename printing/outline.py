"""The plan's light markup read as text, without ReportLab: each line classified
(section, numbered item, bullet, table row, paragraph), table rows split into
cells, and the inline **bold** / *italic* marks. ``printing.markup`` lays these
out with ReportLab and ``printing.docx`` with python-docx, from the same reading."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from models.core.words import PaperWords


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


ROMAN = re.compile(r"^(?P<num>[IVXL]+)\.\s*(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<text>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-+–•])\s*(?P<text>.*)$")
TABLE_ROW = re.compile(r"^\|.*\|$")
#: inline marks; ``SPANS`` splits a line into its marked and unmarked parts
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
SPANS = re.compile(f"({BOLD.pattern.replace('(.+?)', '.+?')}|{ITALIC.pattern.replace('(.+?)', '.+?')})")


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


def titled(b: Block) -> bool:
    """A whole bold numbered line ("**4. Thành phần tham dự:**"): the title of the
    list under it, kept with it like a heading."""
    return b.text.startswith("**") and b.text.endswith("**") and bool(NUMBERED.match(plain(b.text)))


def blocks(text: str) -> list[Block]:
    return same_style_siblings([classify(ln) for ln in nfc(text).splitlines() if ln.strip()])


#: a sibling group prints as headings only when none of its items is longer
SIBLING_HEADING_MAX = 100


def same_style_siblings(found: list[Block]) -> list[Block]:
    """Siblings (2.1, 2.2, 2.3 under one parent) print in one style: headings
    when most of them read as headings (and none is long), body text otherwise.
    The text stays as typed, with no markup to force a style: an imported plan
    shows its own words in the editor."""
    groups: dict[tuple, list[int]] = {}
    parent = -1
    for i, b in enumerate(found):
        if b.kind == "roman":
            parent = i
        elif b.kind == "numbered":
            num = NUMBERED.match(b.text).group("num")
            groups.setdefault((parent, b.level, tuple(num.split(".")[:-1])), []).append(i)
    out = list(found)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        heads = [found[i].is_heading for i in idx]
        as_heading = (sum(heads) * 2 >= len(heads)
                      and all(len(NUMBERED.match(found[i].text).group("text")) <= SIBLING_HEADING_MAX for i in idx))
        for i in idx:
            out[i] = replace(found[i], is_heading=as_heading)
    return out


def table_cells(rows: list[str]) -> list[list[str]]:
    cells = [[c.strip() for c in r.strip()[1:-1].split("|")] for r in rows]
    width = max(len(r) for r in cells)
    return [r + [""] * (width - len(r)) for r in cells]


def numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[\d.,/%\s-]*", plain(cell)))


def cell_align(cells: list[list[str]], r: int, c: int) -> str:
    """How a cell of a light-markup table is aligned, in the PDF and the Word file:
    the header row and the STT column centred, a figure (a count, a rate) right,
    so units line up down the column, a date centred, text left."""
    text = plain(cells[r][c]).strip()
    if r == 0 or plain(cells[0][c]).strip().upper() == "STT":
        return "center"
    if re.fullmatch(r"-?[\d.,]+\s*%?", text):
        return "right"
    return "center" if numeric(text) and text else "left"


#: a cell of this many words or fewer is broken as a title when it wraps (a unit,
#: a place, a date); a longer one (a petition's text) wraps as a paragraph
SHORT_CELL = 12


def total_row(row: list[str]) -> bool:
    """A total row ("Tổng cộng", "Cộng", "Tổng số" in its first filled cell): set in bold."""
    first = next((plain(c).strip().lower() for c in row if plain(c).strip()), "")
    return first.startswith(PaperWords.TOTAL_ROW)


def column_widths(cells: list[list[str]], total: float, *, head, body, pad: float, least: float) -> list[float]:
    """Widths of a table's columns within ``total``, measured by ``head`` and
    ``body`` (text -> width, in the unit of ``total``). Each column needs at
    least its longest word (a date, a number or "STT" never breaks) and would
    like its longest cell on one line. Columns that hold short things get their
    whole width; the columns of running text share what is left, the narrower
    ones getting all they would like before the widest takes the rest (so one
    long petition does not squeeze the unit or the date column)."""
    natural, words = [], []
    for col in range(len(cells[0])):
        title = plain(cells[0][col])
        texts = [plain(r[col]) for r in cells[1:] if col < len(r)]
        widest = max([body(t) for t in texts] + [0])
        head_words = max(head(w) for w in (title.split() or [""]))
        longest_word = max([body(w) for t in texts for w in t.split()] + [0])
        # a header of several words may wrap onto two lines
        natural.append((max(widest, head_words) + pad, max(widest, head(title)) + pad))
        words.append(max(longest_word, head_words) + pad)
    short_limit = total * 0.22
    short = [i for i, (need, _full) in enumerate(natural) if need <= short_limit]
    # whole header lines when the text columns still keep at least 28 % of the width
    use_full = sum(natural[i][1] for i in short) <= total * (0.72 if len(short) < len(natural) else 1)
    widths: list = [None] * len(natural)
    for i in short:
        widths[i] = natural[i][1] if use_full else natural[i][0]
    rest = [i for i, w in enumerate(widths) if w is None]
    left = total - sum(w for w in widths if w is not None)
    # the text columns share ``left`` fairly: one that needs less than an equal
    # share gets what it needs, and the others share the remainder again
    cap = total * 0.25 if len(rest) > 1 else total   # a narrower text column may wrap past a quarter
    while rest:
        share = left / len(rest)
        fits = [i for i in rest if min(natural[i][0], max(cap, words[i])) <= share]
        if not fits:
            for i in rest:
                widths[i] = max(share, least, words[i])
            break
        for i in fits:
            widths[i] = min(natural[i][0], max(cap, words[i]))
            left -= widths[i]
        rest = [i for i in rest if i not in fits]
    if not rest and sum(widths) < total:
        # spare width: to the widest column (the running text) or spread over all
        spare = total - sum(widths)
        text_cols = [i for i in range(len(widths)) if i not in short]
        if text_cols:
            widths[max(text_cols, key=lambda i: natural[i][0])] += spare
        else:
            widths = [w + spare / len(widths) for w in widths]
    over = sum(widths) - total
    if over > 0:
        # too wide (many columns, long words): take it from what exceeds each column's longest word
        slack = [max(w - words[i], 0) for i, w in enumerate(widths)]
        if sum(slack) >= over:
            widths = [w - over * slack[i] / sum(slack) for i, w in enumerate(widths)]
        else:
            widths = [w * total / sum(widths) for w in widths]
    return widths
