"""Import an existing plan from a .txt or .docx file as a draft Plan.

Recognised, in the order offices write them (Decree 30/2020 App. I layout):
issuer lines and the national motto, "Số: 05/KH-UBND", the place and date line,
the kind title "KẾ HOẠCH" and the subject under it, legal bases ("Căn cứ …",
"Thực hiện …"), the preamble, the outlined body, the closing ("Trên đây là …"),
"Nơi nhận:" with its entries, the signer block (authority, position, name).

Real files are messy: tabs, stray spaces, a missing header, a blank number
("Số: /KH-UBND"), a date with blanks ("ngày tháng 01 năm 2024": the month is
kept), Markdown asterisks, lines hard-wrapped by a copy out of a PDF (joined
back into paragraphs), Word's list numbering and bullets (written out as the
"-", "+", "1.", "a)" an office would type), the header and the signer in
tables. Typed rules, the "*" under a Party body's name, page numbers and
word-processor trailers are dropped, each with a note; whatever else is not
recognised stays in the body, except in the header table, which is the header.

Text files come as UTF-8, UTF-16 (Notepad's "Unicode") or Windows-1258/1252;
text whose decoding is doubtful (an old TCVN3/VNI font encoding, mojibake, not
text at all) is refused rather than imported as garbage.
"""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from models.core import clock
from models.core.compat import docx_element
from models.core.errors import ValidationError
from models.core.text import clean, clean_line, fold
from models.core.words import PlanImportWords as W
from models.domain.office import Office
from models.domain.plan import Plan
from models.services import records

log = logging.getLogger("doithoai.plan_import")

NATIONAL = re.compile(r"^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                      r"ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$", re.I)
RULE_LINE = re.compile(r"^[-_=*.\s]{3,}$")
#: "Số: 05/KH-UBND", and a number still blank: "Số:    /KH-UBND", "Số: ……/KH-UBND", "Số     -KH/ĐU"
NUMBER = re.compile(r"^Số\s*:?[\s.…_]*(?P<num>\d*)[\s.…_]*(?P<sym>[-/]\s*\S*)?\s*$", re.I)
#: the symbol alone, when the blank number left it on a line (or a cell) of its own
SYMBOL = re.compile(r"^[-/]\s*[A-ZĐ][A-ZĐ0-9]*(?:[-/][A-ZĐ0-9&.]+)+$")
DATE_LINE = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*"
                       r"năm\s*(?P<y>\d{4})\s*$", re.I)
KIND = re.compile(r"^KẾ\s+HOẠCH$")
BASIS = re.compile(r"^(Căn cứ|Thực hiện)\b", re.I)
ROMAN = re.compile(r"^[IVX]+\.\s*\S")
CLOSING = re.compile(r"^Trên đây là\b", re.I)
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*$", re.I)
AUTHORITY = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.|T/M|K/T|T/L)\s*\S", re.I)
ISSUER_IN_TEXT = re.compile(r"^((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ)\s+"
                            r"(?:xã|phường|thị trấn|huyện|quận)\s+[^\s,]+(?:\s+[A-ZĐÂĂÊÔƠƯ][^\s,]*)*)")
ISSUER_HEADER = re.compile(r"^(UBND|ỦY BAN|UỶ BAN|ĐẢNG|HĐND|XÃ|PHƯỜNG|HUYỆN|THỊ TRẤN|QUẬN)\b")


@dataclass
class ImportResult:
    """What was recognised; ``plan`` is the saved draft."""

    plan: Plan | None = None
    issuer: str = ""
    number: str = ""            # "05/KH-UBND"; "" when blank in the file
    symbol_tail: str = ""       # "/KH-UBND" as printed after a blank number
    place: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    title: str = ""
    legal_bases: list[str] = field(default_factory=list)
    preamble: str = ""
    body: str = ""
    closing: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    notes: list[str] = field(default_factory=list)   # what the user should check


@dataclass
class Line:
    """One line as read: its text, a blank line before it, and what Word says
    about it (centred; the last line of a table cell; inside a table)."""

    text: str
    gap: bool = False
    centred: bool | None = None
    cell_end: bool = False
    in_table: bool = False


def read_lines(path: Path) -> list[Line]:
    """Lines of a .txt (UTF-8, UTF-16, Windows-1258/1252) or a .docx (paragraphs
    and table cells in document order, Word's list numbers and bullets written
    out as typed)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_lines(path)
    if suffix != ".txt":
        raise ValidationError(W.ONLY_TXT_DOCX.format(name=path.name))
    return _as_lines(decode_text(path.read_bytes(), path.name).splitlines())


# --- text files: which encoding, and whether the result is text at all -----------------

def decode_text(raw: bytes, name: str) -> str:
    """The text of a .txt file. UTF-16 is told by its BOM or, without one, by the
    NUL bytes every other place (Vietnamese text is mostly ASCII letters and
    spaces); otherwise UTF-8, then the Windows code pages. A decoding that gives
    anything but Vietnamese text is refused, never imported as garbage."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        tries: tuple[str, ...] = ("utf-16",)
    elif utf16 := _utf16_without_bom(raw):
        tries = (utf16,)
    else:
        tries = ("utf-8-sig", "cp1258", "cp1252")
    for encoding in tries:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_vietnamese(text):
            return text
        break
    raise ValidationError(W.UNKNOWN_ENCODING.format(name=name))


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.2 and nul_even < 0.02:
        return "utf-16-le"
    if nul_even > 0.2 and nul_odd < 0.02:
        return "utf-16-be"
    return None


_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + mark)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
) | frozenset("đĐ“”‘’–—…•·°§«»×≤≥±€№√→\u00a0\ufeff")


def _reads_as_vietnamese(text: str) -> bool:
    """No letters outside the Vietnamese alphabet but a stray few: TCVN3 read
    as Windows-1258 ("Kõ ho¹ch"), UTF-8 read as Windows-1252 ("Ká»³") or a
    binary file are full of them. Symbols (Word's "●", "➢", "" bullets) are
    not letters and do not count."""
    text = unicodedata.normalize("NFC", text)
    odd = letters = 0
    for ch in text:
        if ch.isascii():
            if not (ch.isprintable() or ch in "\t\n\r\f\v\x1a"):
                return False            # NUL and other controls: not a text file, or not this encoding
            letters += ch.isalpha()
        elif ch in _VIETNAMESE:
            letters += 1
        elif (unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) in ("Cc", "Cn", "Cs")
              or "\u0080" <= ch <= "\u02ff" or ch == "\ufffd"):
            odd += 1
    return odd <= max(5, letters // 100)


def _as_lines(texts: list[str]) -> list[Line]:
    out: list[Line] = []
    gap = False
    for t in texts:
        if not t.strip():
            gap = True
            continue
        out.append(Line(t, gap))
        gap = False
    return out


# --- Word files ------------------------------------------------------------------------

def _docx_lines(path: Path) -> list[Line]:
    import docx  # heavy: loaded when used, not at start-up

    try:
        document = docx.Document(str(path))
        return _WordReader(document).lines()
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken file
        log.info("plan import: %s unreadable as .docx: %r", path, exc)  # for support; the person gets the words below
        raise ValidationError(_broken_word_file(path)) from None


def _broken_word_file(path: Path) -> str:
    """Why a .docx cannot be read, in the office's words, with what to do."""
    with open(path, "rb") as f:
        head = f.read(8)
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":      # the old binary Word format
        return W.OLD_DOC.format(name=path.name)
    if not zipfile.is_zipfile(path):
        return W.NOT_WORD.format(name=path.name)
    return W.BROKEN_WORD.format(name=path.name)


class _WordReader:
    """Paragraphs and table cells in document order; a blank paragraph or the
    end of a table is a gap before the next line."""

    def __init__(self, document):
        self.document = document
        self.lists = _WordLists(document)
        self.out: list[Line] = []
        self.gap = False

    def lines(self) -> list[Line]:
        self._walk(self.document, in_cell=False)
        return self.out

    def _walk(self, parent, in_cell: bool) -> None:
        from docx.table import Table  # heavy: loaded when used, not at start-up
        from docx.text.paragraph import Paragraph  # heavy: loaded when used, not at start-up

        start = len(self.out)
        for child in parent.iter_inner_content():
            if isinstance(child, Paragraph):
                self._paragraph(child, in_cell)
            elif isinstance(child, Table):
                for row in child.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(docx_element(cell)) in seen:        # merged cells repeat
                            continue
                        seen.add(id(docx_element(cell)))
                        self._walk(cell, True)
                self.gap = True
        if in_cell and len(self.out) > start:
            self.out[-1].cell_end = True

    def _paragraph(self, paragraph, in_cell: bool) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # heavy: loaded when used, not at start-up

        text = paragraph.text
        if not text.strip():
            self.gap = True
            return
        text = self.lists.label(paragraph) + text
        align = paragraph.paragraph_format.alignment
        if align is None and paragraph.style is not None:
            align = paragraph.style.paragraph_format.alignment
        centred = align == WD_ALIGN_PARAGRAPH.CENTER
        for part in text.split("\n"):
            if part.strip():
                self.out.append(Line(part, self.gap, centred, in_table=in_cell))
                self.gap = False


class _WordLists:
    """Word's list formatting (w:numPr and the numbering definitions) written
    out as the characters an office would have typed: "-", "+", "1.", "a)"."""

    FORMATS = {"decimal": str, "lowerLetter": lambda n: "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26],
               "upperLetter": lambda n: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26],
               "lowerRoman": lambda n: _roman(n).lower(), "upperRoman": lambda n: _roman(n),
               "decimalZero": lambda n: f"{n:02d}"}

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.abstract_of: dict[str, str] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        q = _w
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in numbering.findall(q("abstractNum")):
            lv = {}
            for lvl in a.findall(q("lvl")):
                fmt = lvl.find(q("numFmt"))
                text = lvl.find(q("lvlText"))
                start = lvl.find(q("start"))
                lv[int(lvl.get(q("ilvl")))] = (fmt.get(q("val")) if fmt is not None else "decimal",
                                               text.get(q("val")) if text is not None else "",
                                               int(start.get(q("val"))) if start is not None else 1)
            abstract[a.get(q("abstractNumId"))] = lv
        for num in numbering.findall(q("num")):
            ref = num.find(q("abstractNumId"))
            if ref is None:
                continue
            num_id = num.get(q("numId"))
            for ilvl, spec in abstract.get(ref.get(q("val")), {}).items():
                self.levels[(num_id, ilvl)] = spec
            for over in num.findall(q("lvlOverride")):
                so = over.find(q("startOverride"))
                if so is not None:
                    ilvl = int(over.get(q("ilvl")))
                    fmt, text, _start = self.levels.get((num_id, ilvl), ("decimal", "", 1))
                    self.levels[(num_id, ilvl)] = (fmt, text, int(so.get(q("val"))))

    def _num_pr(self, paragraph):
        ppr = docx_element(paragraph).pPr
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        style = paragraph.style
        while num_pr is None and style is not None:
            sppr = style.element.find(_w("pPr"))
            num_pr = sppr.find(_w("numPr")) if sppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id = num_pr.find(_w("numId"))
        ilvl = num_pr.find(_w("ilvl"))
        if num_id is None or num_id.get(_w("val")) == "0":
            return None
        return num_id.get(_w("val")), int(ilvl.get(_w("val"))) if ilvl is not None else 0

    def label(self, paragraph) -> str:
        """The list mark of ``paragraph`` followed by a space, or ""."""
        found = self._num_pr(paragraph)
        if not found or found not in self.levels:
            return ""
        num_id, ilvl = found
        fmt, text, _start = self.levels[found]
        if fmt == "bullet" or fmt == "none":
            if fmt == "none" or not text.strip():
                return ""
            mark = text.strip()
            if mark not in ("-", "+", "–"):
                mark = "-" if ilvl == 0 else "+"
            return ("-" if mark == "–" else mark) + " "
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, self.levels[found][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]

        def value(m):
            lvl = int(m.group(1)) - 1
            spec = self.levels.get((num_id, lvl), ("decimal", "", 1))
            n = counts.get(lvl, spec[2])
            return self.FORMATS.get(spec[0], str)(n)
        return re.sub(r"%(\d)", value, text) + " "


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _tidy(line: str) -> str:
    line = clean_line(line.replace("\t", " "))
    return line.strip("*").strip() if line.startswith("**") or line.endswith("**") else line


# --- what is dropped, with a note -------------------------------------------------

TRAILER = re.compile(r"^\S+-\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\b")
#: the same trace wrapped before its time ("haitt5-08/06/2022" / "10:33:27-haitt5-…")
TRAILER_HEAD = re.compile(r"^\S+-\d{1,2}/\d{1,2}/\d{4}$")
TRAILER_TAIL = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?\b")
STAR = re.compile(r"^\*+$")
#: what a page break leaves in text copied out of a PDF: "2", "- 2 -", "Trang 2/5"
PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?$", re.I)


def _dropped(text: str) -> str | None:
    """Why ``text`` is not part of the plan (a note), or None when it is."""
    if STAR.match(text):
        return W.PARTY_STAR
    if RULE_LINE.match(text) or re.fullmatch(r"[_=]+|-{2,}|\.{3,}", text):
        return W.TYPED_RULE.format(text=text[:12])
    if TRAILER.match(text):
        return W.TRAILER.format(text=text[:60])
    if PAGE_NUMBER.match(text):
        return W.PAGE_NUMBER
    return None


def _split_tabs(line: Line) -> list[Line]:
    """A header or signer line laid out with tabs ("Số: 05/KH-UBND<tab>Kỳ Khang,
    ngày …") holds two things: each part becomes its own line. A number line
    whose blank number is a tab or a run of spaces ("Số:<tab>/KH-UBND") is one."""
    if NUMBER.match(clean_line(line.text.replace("\t", " "))):
        return [line]
    parts = [p.strip() for p in re.split(r"\t+|\s{6,}", line.text) if p.strip()]
    if len(parts) < 2:
        return [line]
    known = (NUMBER, DATE_LINE, NATIONAL, RECIPIENTS, KIND)
    if any(any(k.match(clean_line(p)) for k in known) or (p.isupper() and len(p.split()) <= 8) for p in parts):
        return [Line(p, line.gap if i == 0 else False, line.centred, line.cell_end and i == len(parts) - 1,
                     line.in_table) for i, p in enumerate(parts)]
    return [line]


def _readable_lines(raw: list[Line], dropped: list[str]) -> list[Line]:
    """The lines tidied and split at their tabs; what is not part of the plan
    left out, its reason added to ``dropped``."""
    out: list[Line] = []
    for ln in raw:
        for part in _split_tabs(ln):
            text = _tidy(part.text)
            if not text:
                continue
            if out and TRAILER_HEAD.match(out[-1].text) and TRAILER_TAIL.match(text):
                text = f"{out.pop().text} {text}"       # an editor's trace the wrap cut in two
            why = _dropped(text)
            if why:
                dropped.append(why)
                continue
            out.append(Line(text, part.gap, part.centred, part.cell_end, part.in_table))
    return out


# --- reflow: joined by the sentence, not by the line ----------------------------------

SENTENCE_END = re.compile(r"([.;:!?…]|\./\.|[.!?][”\")])$")
LIST_START = re.compile(r"^([-+–•]\s|\d+(\.\d+)*\.?\s|[a-zđ]\)\s|[IVXL]+\.\s)")
#: a hyphen or a figure that a wrap put at the start of a line: "- xã hội", "6 HĐND", "30 ngày"
WRAPPED_START = re.compile(r"^([-–]\s+[a-zđà-ỹ]|\d+\s)")
#: the mark of an item of a list ("- ", "+ ", "– ", "• ")
BULLET = re.compile(r"^([-+–•])\s")


def _structural(text: str) -> bool:
    """A line that starts something of its own: never the continuation of the line before."""
    return bool(LIST_START.match(text) or ROMAN.match(text) or (BASIS.match(text) and text[:1].isupper())
                or CLOSING.match(text)
                or RECIPIENTS.match(text) or KIND.match(text) or NATIONAL.match(text) or NUMBER.match(text)
                or DATE_LINE.match(text) or AUTHORITY.match(text) or text.startswith("|")
                or (text.isupper() and len(text) > 2))


def _wrap_width(texts: list[str]) -> int | None:
    """The width a hard-wrapped file was wrapped at, or None when its lines are
    whole paragraphs (a long line here and there, the rest of any length)."""
    lengths = sorted(len(t) for t in texts)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 130:
        return None
    near = sum(1 for n in lengths if width - 18 <= n <= width + 2)
    return width if near >= len(lengths) * 0.25 else None


def _joins(prev: str, cur: Line, nxt: Line, width: int | None) -> bool:
    """Whether ``nxt`` goes on the paragraph ``cur`` whose last line as read is
    ``prev``. A line that did not end its sentence goes on into a lower-case
    line, across blank lines too (a page break copied out of a PDF). In a
    wrapped file a full line (the next word would not have fitted) goes on
    whatever the next begins with, even after ";" or "." and into a "- " or a
    figure the wrap put first; not after a numbered heading, nor a sentence
    before a blank line."""
    a, b = prev, nxt.text
    if (cur.text.isupper() and len(cur.text) > 2) or cur.cell_end:
        return False
    ends = bool(SENTENCE_END.search(a))
    if nxt.gap and ends:
        return False
    full = _wrapped(a, b, width)
    if _structural(b):
        return full and not ends and bool(WRAPPED_START.match(b) or _other_dash(cur.text, b))
    if b[:1].islower():
        return not ends or (full and not _ends_paragraph(cur.text, a, b))
    return full and not _ends_paragraph(cur.text, a, b)


def _other_dash(par: str, b: str) -> bool:
    """``b`` starts with a dash other than the one that marks the item ``par``
    ("- … tình hình KTXH" / "– QPAN …"): a list keeps one mark, so this dash
    joins two words of the item's sentence and a wrap put it first."""
    own, here = BULLET.match(par), BULLET.match(b)
    return bool(own and here and own.group(1) in "-–" and here.group(1) in "-–" and own.group(1) != here.group(1))


def _ends_paragraph(par: str, a: str, b: str) -> bool:
    """After a full line: still the end of the paragraph ``par`` (last line ``a``)
    when it is a numbered heading (no punctuation), a legal basis or a line
    introducing what follows (":") that has ended, or the next opens the
    preamble ("UBND xã … xây dựng kế hoạch …"). An item of a list that reaches
    a ":" goes on ("- … Tập trung các lĩnh vực:" / "Đất đai, …"): the items it
    would introduce carry marks of their own ("+ ", "a) ")."""
    heading = NUMBERED.match(par)
    if heading and not re.search(r"[,;:.!?]", heading.group("text")):
        return True
    if not SENTENCE_END.search(a) or b[:1].islower():
        return False
    introduces = a.endswith(":") and not b.startswith(("\"", "“")) and not BULLET.match(par)
    return introduces or bool(BASIS.match(par) or ISSUER_IN_TEXT.match(b))


def _wrapped(a: str, b: str, width: int | None) -> bool:
    """In a file wrapped at ``width``: the first word of ``b`` would not have fitted after ``a``."""
    return width is not None and len(a) + 1 + len(b.split()[0]) > width - 2


def reflow(lines: list[Line], width: int | None) -> list[Line]:
    """Hard-wrapped lines joined back into paragraphs (``width``: see _wrap_width)."""
    out: list[Line] = []
    last = ""                       # the last line as read of out[-1]
    for ln in lines:
        if out and _joins(last, out[-1], ln, width):
            prev = out[-1]
            out[-1] = Line(f"{prev.text} {ln.text}", prev.gap, prev.centred, ln.cell_end, prev.in_table)
        else:
            out.append(ln)
        last = ln.text
    return out


# --- numbered items: one style per sibling group ---------------------------------------

NUMBERED = re.compile(r"^(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<text>\S.*)$")


def _is_heading(rest: str) -> bool:
    return len(rest) <= 110 and not rest.rstrip().endswith((";", ".", ","))


def consistent_numbering(body: list[str]) -> tuple[list[str], int]:
    """How many numbered items print in their sibling group's style rather than
    their own (printing.outline.same_style_siblings decides it when printing):
    the note tells the person. The lines stay as typed, without markup, so the
    editor shows the plan's own words."""
    groups: dict[tuple, list[int]] = {}
    parent: list = [0]
    for i, ln in enumerate(body):
        if ROMAN.match(ln):
            parent = [i]
            continue
        m = NUMBERED.match(ln)
        if not m:
            continue
        depth = m.group("num").count(".")
        key = (parent[0], depth, tuple(m.group("num").split(".")[:-1]))
        groups.setdefault(key, []).append(i)
    changed = 0
    for idx in groups.values():
        if len(idx) < 2:
            continue
        heads = [_is_heading(NUMBERED.match(body[i]).group("text")) for i in idx]
        as_heading = sum(heads) * 2 >= len(heads) and all(len(NUMBERED.match(body[i]).group("text")) <= 100
                                                          for i in idx)
        changed += sum(1 for h in heads if h != as_heading)
    return list(body), changed


def parse(lines: list[Line] | list[str]) -> ImportResult:
    """What a plan's lines say, part by part, in the order offices write them."""
    res = ImportResult()
    raw = lines if all(isinstance(ln, Line) for ln in lines) else _as_lines([str(x) for x in lines])
    dropped: list[str] = []
    items = _readable_lines(raw, dropped)
    width = _wrap_width([ln.text for ln in items])
    i, leftovers, issuer_lines = _read_header(items, res, dropped)
    if i >= len(items):             # no kind title at all: read the whole file as body
        i, leftovers = 0, []
    else:
        i = _read_title(items, i + 1, res, width)
    rest = reflow(items[i:], width)
    texts = [ln.text for ln in rest]
    i = _read_opening(texts, 0, res)
    body, i = _read_body(texts, i, res)
    tail = _read_tail(texts, rest, i, res)
    if tail:
        res.notes.append(W.TAIL_KEPT.format(lines="; ".join(tail[:3])))
    body, marked = consistent_numbering(leftovers + body + tail)
    if marked:
        res.notes.append(W.NUMBERING_ALIGNED.format(count=marked))
    res.body = "\n".join(body)
    for why in dict.fromkeys(dropped):
        count = dropped.count(why)
        res.notes.append((W.DROPPED_LINES if count > 1 else W.DROPPED).format(why=why, count=count))
    res.issuer = _issuer(issuer_lines, [res.preamble, *body[:3], res.closing])
    if res.year is None:
        m = re.search(r"năm\s+(\d{4})", res.title)
        res.year = int(m.group(1)) if m else None
    if not res.title:
        res.notes.append(W.NO_TITLE)
    if note := _lower_case_people(res):
        res.notes.append(note)
    if note := _front_committee(res):
        res.notes.append(note)
    return res


def _read_header(items: list[Line], res: ImportResult, dropped: list[str]) -> tuple[int, list[str], list[str]]:
    """Everything up to the kind title "KẾ HOẠCH": the number and its symbol, the
    place and date, the issuer. Returns the title's index, the lines not
    recognised (kept at the body's start; in a Word header table they are the
    header's and dropped) and the issuer's lines."""
    leftovers: list[str] = []
    issuer_lines: list[str] = []
    i = 0
    while i < len(items) and not KIND.match(items[i].text):
        ln = items[i].text
        if NATIONAL.match(ln):
            pass
        elif m := NUMBER.match(ln):
            res.number = (m.group("num") + (m.group("sym") or "").replace(" ", "")) if m.group("num") else ""
            res.symbol_tail = (m.group("sym") or "").replace(" ", "")
        elif SYMBOL.match(ln) and not res.number:
            res.symbol_tail = ln.replace(" ", "")
        elif m := DATE_LINE.match(ln):
            res.place = m.group("place").strip()
            res.day = int(m.group("d")) if m.group("d") else None
            res.month = int(m.group("m")) if m.group("m") else None
            res.year = int(m.group("y"))
        elif ISSUER_HEADER.match(ln) and ln == ln.upper():
            issuer_lines.append(ln)
        elif items[i].in_table:
            dropped.append(W.HEADER_TABLE_LINE.format(text=ln[:60]))
        else:
            leftovers.append(ln)
        i += 1
    return i, leftovers, issuer_lines


def _read_opening(items: list[str], i: int, res: ImportResult) -> int:
    """Legal bases ("Căn cứ …", "Thực hiện …"), then the preamble up to the first section."""
    while i < len(items) and BASIS.match(items[i]):
        res.legal_bases.append(items[i])
        i += 1
    preamble = []
    while i < len(items) and not (ROMAN.match(items[i]) or CLOSING.match(items[i]) or RECIPIENTS.match(items[i])
                                  or NUMBERED.match(items[i])):
        preamble.append(items[i])
        i += 1
    res.preamble = "\n".join(preamble)
    return i


def _read_body(items: list[str], i: int, res: ImportResult) -> tuple[list[str], int]:
    """The outlined body up to the closing ("Trên đây là …"), Nơi nhận or the
    signer; then the closing up to Nơi nhận or the signer."""
    body = []
    while i < len(items) and not CLOSING.match(items[i]) and not RECIPIENTS.match(items[i]) \
            and not (_signer_start(items, i) and _tail_from(items, i)):
        body.append(items[i])
        i += 1
    closing = []
    while i < len(items) and not RECIPIENTS.match(items[i]) and not _signer_start(items, i):
        closing.append(items[i])
        i += 1
    res.closing = "\n".join(closing)
    return body, i


def _read_tail(items: list[str], lines: list[Line], i: int, res: ImportResult) -> list[str]:
    """Nơi nhận with its entries and the signer block, in either order; returns
    the lines recognised as neither."""
    tail: list[str] = []
    while i < len(items):
        if RECIPIENTS.match(items[i]):
            i = _read_recipients(items, lines, i + 1, res)
        elif not res.signer_name and _signer_start(items, i):
            i = _read_signer(items, i, res)
        else:
            tail.append(items[i])
            i += 1
    return tail


def _read_recipients(items: list[str], lines: list[Line], i: int, res: ImportResult) -> int:
    """The entries under "Nơi nhận:": "- …" lines, or short lines ending in ";"
    or "." before the signer; a table cell's end ends them."""
    while i < len(items) and (items[i].startswith(("-", "–", "•", "+")) or
                              (not _signer_start(items, i) and items[i].endswith((";", ".")) and
                               len(items[i]) < 120)):
        res.recipients.append(items[i].lstrip("-–•+ ").strip())
        i += 1
        if lines[i - 1].cell_end:
            break
    return i


def _issuer(header_lines: list[str], opening: list[str]) -> str:
    """The issuer from the header's capitals, or else from the opening words of
    the preamble, the body or the closing ("UBND xã Kỳ Khang xây dựng …")."""
    if header_lines:
        return " ".join(header_lines)
    for ln in opening:
        if m := ISSUER_IN_TEXT.match(ln or ""):
            return m.group(1).strip()
    return ""


#: "nhân dân" written in lower case where it means the people; "Ủy ban nhân dân",
#: "Hội đồng nhân dân", "Tòa án nhân dân", "Công an nhân dân" … rightly keep it
LOWER_PEOPLE = re.compile(r"(?<!\w)nhân dân(?!\w)(?! tệ)")
OF_AN_INSTITUTION = re.compile(r"(ban|đồng|án|sát|an|đội|trang|quân)\s+$", re.I)


def _lower_case_people(res: ImportResult) -> str | None:
    """FORMAT.md: "Nhân dân" is capitalised. Offered for correction once, as a
    note with the count and the first place; the text stays as written."""
    found = []
    for part in [res.title, *res.legal_bases, res.preamble, res.body, res.closing]:
        found += [(part, m.start()) for m in LOWER_PEOPLE.finditer(part)
                  if not OF_AN_INSTITUTION.search(part[max(0, m.start() - 12):m.start()])]
    if not found:
        return None
    part, at = found[0]
    where = part[max(0, at - 40):at + 20].split(" ", 1)[-1] if at > 40 else part[:at + 20]
    return W.LOWER_PEOPLE.format(count=len(found), where=where)


#: the Front's village committee with a lower-case "công tác" (its own spelling is
#: "Ban Công tác Mặt trận": mattran.org.vn, the Front Central Committee's site)
FRONT_LOWER = re.compile(r"(?<!\w)[Bb]an công tác Mặt trận")


def _front_committee(res: ImportResult) -> str | None:
    """Offered for correction once, as a note with the count and the first place;
    the text stays as written (as for "nhân dân")."""
    parts = [res.title, *res.legal_bases, res.preamble, res.body, res.closing]
    found = [(part, m.start()) for part in parts for m in FRONT_LOWER.finditer(part)]
    if not found:
        return None
    part, at = found[0]
    return W.FRONT_LOWER.format(count=len(found), where=part[at:at + 40].rsplit(" ", 1)[0])


def _read_title(items: list[Line], i: int, res: ImportResult, width: int | None) -> int:
    """The subject under "KẾ HOẠCH": its lines up to the first body paragraph,
    four at most, or up to a line ending in "." or ":"."""
    title: list[str] = []
    first = items[i] if i < len(items) else None
    while i < len(items) and len(title) < 4 and not _title_ended(title, items[i], first, width):
        t = items[i].text
        title.append(t)
        i += 1
        if re.search(r"[.:]$", t) and not t.endswith("..."):
            break
    res.title = " ".join(title)
    return i


def _title_ended(title: list[str], ln: Line, first: Line, width: int | None) -> bool:
    """Whether the title ends before ``ln``: at a legal basis, a section, the
    issuer's opening sentence, a line after a blank, a line Word does not centre
    when the title is centred, a new sentence. A line of a wrapped file goes on
    after a full one ("… kỳ họp thứ" / "6 HĐND …", "… và Chủ tịch" / "UBND phường …")."""
    t = ln.text
    if (BASIS.match(t) and t[:1].isupper()) or ROMAN.match(t):
        return True
    if not title:
        return bool(ISSUER_IN_TEXT.match(t) or _structural(t))
    if not SENTENCE_END.search(title[-1]) and _wrapped(title[-1], t, width):
        return _structural(t) and not WRAPPED_START.match(t)
    return bool(ISSUER_IN_TEXT.match(t) or _structural(t) or ln.gap or (first.centred and not ln.centred)
                or (t[:1].isupper() and SENTENCE_END.search(title[-1])))


def _tail_from(items: list[str], i: int) -> bool:
    """From ``i`` on, only the signer, Nơi nhận and their lines (a closing
    sentence missing): the body ends here."""
    return any(RECIPIENTS.match(x) for x in items[i:]) or i + 3 >= len(items)


def _signer_start(items: list[str], i: int) -> bool:
    """An authority line (TM., KT., T/M …) or a position in capitals followed by a name."""
    ln = items[i]
    if AUTHORITY.match(ln) and ln.upper() == ln:
        return True
    nxt = items[i + 1] if i + 1 < len(items) else ""
    return (ln.isupper() and 1 <= len(ln.split()) <= 5 and not ROMAN.match(ln)
            and bool(nxt) and _looks_like_name(nxt))


def _looks_like_name(ln: str) -> bool:
    words = ln.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _read_signer(items: list[str], i: int, res: ImportResult) -> int:
    caps = []
    while i < len(items) and items[i].isupper() and not _looks_like_name(items[i]):
        caps.append(items[i])
        i += 1
    if len(caps) >= 2 or (caps and AUTHORITY.match(caps[0])):
        res.signer_authority, res.signer_position = caps[0], " ".join(caps[1:])
    elif caps:
        res.signer_position = caps[0]
    if i < len(items) and _looks_like_name(items[i]):
        res.signer_name = items[i]
        i += 1
    return i


def _signer_fallback(office: Office, res: ImportResult) -> None:
    """A plan that names no signer takes the office's (as a plan from the
    template has), shown in the form and printed, instead of an empty block
    found missing only at issue; a signer's position without a name takes the
    office's signer's name when the position is the office's signer's."""
    if not (res.signer_position or res.signer_name):
        res.signer_authority, res.signer_position, res.signer_name = (
            office.signer_authority, office.signer_position, office.signer_name)
        res.notes.append(W.OFFICE_SIGNER.format(
            signer=" ".join(x for x in (office.signer_position, office.signer_name) if x)))
    elif not res.signer_name and office.signer_name and fold(res.signer_position) == fold(office.signer_position):
        res.signer_name = office.signer_name
        res.notes.append(W.OFFICE_SIGNER_NAME.format(position=res.signer_position.lower(), name=office.signer_name))


def import_plan(office: Office, path: str | Path) -> ImportResult:
    """Read ``path`` and save a draft Plan of ``office``; returns what was recognised."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(W.NOT_FOUND.format(path=path))
    res = parse(read_lines(path))
    if not (res.title or res.body.strip()):
        raise ValidationError(W.NOTHING_READ.format(name=path.name))
    place_date = None
    if res.month and not res.day:
        res.notes.append(W.DAY_BLANK.format(month=res.month, year=res.year))
    if res.day and res.month and res.year:
        try:
            place_date = dt.date(res.year, res.month, res.day)
        except ValueError:
            res.notes.append(W.DATE_NOT_REAL)
    _signer_fallback(office, res)
    res.plan = records.create(
        Plan, office=office, series=uuid.uuid4().hex, year=res.year or clock.today().year,
        title=res.title or path.stem, place_date=place_date,
        place_month=res.month if place_date is None and res.year else None, legal_bases="\n".join(res.legal_bases),
        preamble=res.preamble, body=clean(res.body), closing=res.closing,
        recipients="\n".join(res.recipients), signer_authority=res.signer_authority,
        signer_position=res.signer_position, signer_name=res.signer_name,
        source=f"import:{path.name}")
    return res
