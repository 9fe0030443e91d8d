"""The plan's light markup read as text, without ReportLab: each line classified
(section, numbered item, bullet, table row, paragraph), table rows split into
cells, and the inline **bold** / *italic* marks. ``printing.markup`` lays these
out with ReportLab and ``printing.docx`` with python-docx, from the same reading."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


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


def blocks(text: str) -> list[Block]:
    return [classify(ln) for ln in nfc(text).splitlines() if ln.strip()]


def table_cells(rows: list[str]) -> list[list[str]]:
    cells = [[c.strip() for c in r.strip()[1:-1].split("|")] for r in rows]
    width = max(len(r) for r in cells)
    return [r + [""] * (width - len(r)) for r in cells]


def numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[\d.,/%\s-]*", plain(cell)))


def column_widths(cells: list[list[str]], total: float, *, head, body, pad: float, least: float) -> list[float]:
    """Widths of a table's columns within ``total``, measured by ``head`` and
    ``body`` (text -> width, in the unit of ``total``). Columns that hold short
    things (numbers, dates, a name) get the width of their longest cell, so "STT"
    and "15/12/2026" never wrap; the columns of running text share what is left,
    in proportion to how much they hold, each at least ``least``."""
    natural = []
    for col in range(len(cells[0])):
        title = plain(cells[0][col])
        widest = max([body(plain(r[col])) for r in cells[1:] if col < len(r)] + [0])
        # a header of several words may wrap onto two lines
        head_words = max(head(w) for w in (title.split() or [""]))
        natural.append((max(widest, head_words) + pad, max(widest, head(title)) + pad))
    short_limit = total * 0.22
    short = [i for i, (need, _full) in enumerate(natural) if need <= short_limit]
    # whole header lines when the text columns still keep at least 28 % of the width
    use_full = sum(natural[i][1] for i in short) <= total * (0.72 if len(short) < len(natural) else 1)
    widths: list = [None] * len(natural)
    for i in short:
        widths[i] = natural[i][1] if use_full else natural[i][0]
    rest = [i for i, w in enumerate(widths) if w is None]
    left = total - sum(w for w in widths if w is not None)
    if rest:
        weight = sum(natural[i][0] for i in rest)
        for i in rest:
            widths[i] = max(left * natural[i][0] / weight, least)
    elif left > 0:
        # all columns short: spread the spare width over them
        widths = [w + left / len(widths) for w in widths]
    scale = total / sum(widths)
    return [w * scale for w in widths]
