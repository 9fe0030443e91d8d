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
tables. Typed rules, the "*" under a Party body's name and word-processor
trailers are dropped, each with a note; whatever else is not recognised stays
in the body.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from models.core import clock
from models.domain.catalog import Office
from models.core.compat import docx_element
from models.core.errors import ValidationError
from models.domain.plans import Plan
from models.core.text import clean, clean_line
from models.services import records

NATIONAL = re.compile(r"^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                      r"ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$", re.I)
RULE_LINE = re.compile(r"^[-_=*.\s]{3,}$")
NUMBER = re.compile(r"^Số\s*:?\s*(?P<num>\d*)\s*(?P<sym>[-/]\s*\S*)?\s*$", re.I)
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
    about it (centred; the last line of a table cell)."""

    text: str
    gap: bool = False
    centred: bool | None = None
    cell_end: bool = False


def read_lines(path: Path) -> list[Line]:
    """Lines of a .txt (UTF-8, UTF-8 with BOM or Windows-1258/1252) or a .docx
    (paragraphs and table cells in document order, Word's list numbers and
    bullets written out as typed)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_lines(path)
    if suffix != ".txt":
        raise ValidationError(f"Không nhập được tệp “{path.name}”: chỉ nhận tệp .txt hoặc .docx. "
                              "Với tệp .doc cũ, hãy mở bằng Word và lưu lại thành .docx.")
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            return _as_lines(raw.decode(enc).splitlines())
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"Không đọc được tệp “{path.name}” (bảng mã lạ). Hãy lưu lại tệp với bảng mã UTF-8.")


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


def _docx_lines(path: Path) -> list[Line]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds for a bad file
        raise ValidationError(f"Không mở được tệp Word “{path.name}” ({exc}). "
                              "Hãy kiểm tra tệp có mở được bằng Word không.") from exc
    lists = _WordLists(document)
    out: list[Line] = []

    def walk(parent, in_cell=False):
        start = len(out)
        for child in parent.iter_inner_content():
            if isinstance(child, Paragraph):
                text = child.text
                if not text.strip():
                    pending_gap[0] = True
                    continue
                text = lists.label(child) + text
                align = child.paragraph_format.alignment
                if align is None and child.style is not None:
                    align = child.style.paragraph_format.alignment
                centred = align == WD_ALIGN_PARAGRAPH.CENTER
                for part in text.split("\n"):
                    if part.strip():
                        out.append(Line(part, pending_gap[0], centred))
                        pending_gap[0] = False
            elif isinstance(child, Table):
                for row in child.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(docx_element(cell)) in seen:        # merged cells repeat
                            continue
                        seen.add(id(docx_element(cell)))
                        walk(cell, True)
                pending_gap[0] = True
        if in_cell and len(out) > start:
            out[-1].cell_end = True

    pending_gap = [False]
    walk(document)
    return out


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
STAR = re.compile(r"^\*+$")
MOTTO_ONLY = re.compile(r"^(Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                        r"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$", re.I)


def _dropped(text: str) -> str | None:
    """Why ``text`` is not part of the plan (a note), or None when it is."""
    if STAR.match(text):
        return "dấu “*” dưới tên cơ quan Đảng (thể thức, bản in tự có)"
    if RULE_LINE.match(text) or re.fullmatch(r"[_=]+|-{2,}|\.{3,}", text):
        return f"dòng kẻ gõ tay “{text[:12]}”"
    if TRAILER.match(text):
        return f"dòng ghi vết của trình soạn thảo “{text[:60]}”"
    return None


def _split_tabs(line: Line) -> list[Line]:
    """A header or signer line laid out with tabs ("Số: 05/KH-UBND<tab>Kỳ Khang,
    ngày …") holds two things: each part becomes its own line."""
    parts = [p.strip() for p in re.split(r"\t+|\s{6,}", line.text) if p.strip()]
    if len(parts) < 2:
        return [line]
    known = (NUMBER, DATE_LINE, NATIONAL, RECIPIENTS, KIND)
    if any(any(k.match(clean_line(p)) for k in known) or (p.isupper() and len(p.split()) <= 8) for p in parts):
        return [Line(p, line.gap if i == 0 else False, line.centred, line.cell_end and i == len(parts) - 1)
                for i, p in enumerate(parts)]
    return [line]


# --- reflow ------------------------------------------------------------------------

SENTENCE_END = re.compile(r"([.;:!?…]|\./\.|[.!?][”\")])$")
LIST_START = re.compile(r"^([-+–•]\s|\d+(\.\d+)*\.?\s|[a-zđ]\)\s|[IVXL]+\.\s)")


def _structural(text: str) -> bool:
    """A line that starts something of its own: never the continuation of the line before."""
    return bool(LIST_START.match(text) or ROMAN.match(text) or BASIS.match(text) or CLOSING.match(text)
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


def _joins(cur: Line, nxt: Line, width: int | None) -> bool:
    a, b = cur.text, nxt.text
    if _structural(b) or (a.isupper() and len(a) > 2) or cur.cell_end:
        return False
    ends = bool(SENTENCE_END.search(a))
    if b[:1].islower():
        return not ends or a.endswith(",")
    if width is None or nxt.gap:
        return False
    first = b.split()[0]
    if len(a) + 1 + len(first) <= width - 2:     # the word would have fitted: the paragraph ended
        return False
    return not ends or a.endswith(",")


def reflow(lines: list[Line]) -> list[Line]:
    """Hard-wrapped lines joined back into paragraphs."""
    width = _wrap_width([ln.text for ln in lines])
    out: list[Line] = []
    for ln in lines:
        if out and _joins(out[-1], ln, width):
            prev = out[-1]
            out[-1] = Line(f"{prev.text} {ln.text}", prev.gap, prev.centred, ln.cell_end)
        else:
            out.append(ln)
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
    res = ImportResult()
    raw = lines if all(isinstance(ln, Line) for ln in lines) else _as_lines([str(x) for x in lines])
    items_l: list[Line] = []
    dropped: list[str] = []
    for ln in raw:
        for part in _split_tabs(ln):
            text = _tidy(part.text)
            if not text:
                continue
            why = _dropped(text)
            if why:
                dropped.append(why)
                continue
            items_l.append(Line(text, part.gap, part.centred, part.cell_end))
    i, n = 0, len(items_l)
    leftovers: list[str] = []        # unrecognised lines before the body: kept at its start
    issuer_lines: list[str] = []

    # --- header: everything up to the kind title ---------------------------------
    while i < n and not KIND.match(items_l[i].text):
        ln = items_l[i].text
        if NATIONAL.match(ln):
            pass
        elif m := NUMBER.match(ln):
            res.number = (m.group("num") + (m.group("sym") or "").replace(" ", "")) if m.group("num") else ""
            res.symbol_tail = (m.group("sym") or "").replace(" ", "")
        elif m := DATE_LINE.match(ln):
            res.place = m.group("place").strip()
            res.day = int(m.group("d")) if m.group("d") else None
            res.month = int(m.group("m")) if m.group("m") else None
            res.year = int(m.group("y"))
        elif ISSUER_HEADER.match(ln) and ln == ln.upper():
            issuer_lines.append(ln)
        else:
            leftovers.append(ln)
        i += 1
    if i >= n:              # no kind title at all: read the whole file as body
        i = 0
        leftovers = []
    else:
        i += 1
        i = _read_title(items_l, i, res)

    rest = reflow(items_l[i:])
    items = [ln.text for ln in rest]
    i, n = 0, len(items)

    # --- legal bases and preamble ------------------------------------------------------
    while i < n and BASIS.match(items[i]):
        res.legal_bases.append(items[i])
        i += 1
    preamble = []
    while i < n and not ROMAN.match(items[i]) and not CLOSING.match(items[i]) \
            and not RECIPIENTS.match(items[i]) and not NUMBERED.match(items[i]):
        preamble.append(items[i])
        i += 1
    res.preamble = "\n".join(preamble)

    # --- body, closing ---------------------------------------------------------------
    body = list(leftovers)
    while i < n and not CLOSING.match(items[i]) and not RECIPIENTS.match(items[i]) \
            and not (_signer_start(items, i) and _tail_from(items, i)):
        body.append(items[i])
        i += 1
    closing = []
    while i < n and not RECIPIENTS.match(items[i]) and not _signer_start(items, i):
        closing.append(items[i])
        i += 1
    res.closing = "\n".join(closing)

    # --- recipients and signer (either order) -------------------------------------------
    tail: list[str] = []
    while i < n:
        ln = items[i]
        if RECIPIENTS.match(ln):
            i += 1
            while i < n and (items[i].startswith(("-", "–", "•", "+")) or
                             (not _signer_start(items, i) and items[i].endswith((";", ".")) and
                              len(items[i]) < 120)):
                res.recipients.append(items[i].lstrip("-–•+ ").strip())
                last = rest[i].cell_end
                i += 1
                if last:
                    break
            continue
        if not res.signer_name and _signer_start(items, i):
            i = _read_signer(items, i, res)
            continue
        tail.append(ln)
        i += 1
    if tail:
        body += tail
        res.notes.append("Một số dòng cuối tệp không nhận ra được, đã để lại cuối phần nội dung: "
                         + "; ".join(tail[:3]))
    body, marked = consistent_numbering(body)
    if marked:
        res.notes.append(f"Đã thống nhất kiểu chữ của {marked} mục đánh số để các mục cùng cấp in giống nhau "
                         "(tiêu đề hoặc đoạn văn).")
    res.body = "\n".join(body)
    for why in dict.fromkeys(dropped):
        count = dropped.count(why)
        res.notes.append(f"Đã bỏ {why}" + (f" ({count} dòng)." if count > 1 else "."))

    # --- the issuer -------------------------------------------------------------------
    if issuer_lines:
        res.issuer = " ".join(issuer_lines)
    else:
        for ln in [res.preamble, *body[:3], res.closing]:
            if m := ISSUER_IN_TEXT.match(ln or ""):
                res.issuer = m.group(1).strip()
                break
    if res.year is None:
        m = re.search(r"năm\s+(\d{4})", res.title)
        res.year = int(m.group(1)) if m else None
    if not res.title:
        res.notes.append("Không thấy tiêu đề “KẾ HOẠCH” và trích yếu; hãy nhập trích yếu.")
    return res


def _read_title(items: list[Line], i: int, res: ImportResult) -> int:
    """The subject under "KẾ HOẠCH": its lines up to the first body paragraph (a
    legal basis, a section, the issuer's opening sentence, a line after a blank,
    a line Word does not centre when the title is centred, a sentence)."""
    title: list[str] = []
    first = items[i] if i < len(items) else None
    while i < len(items) and len(title) < 4:
        ln = items[i]
        t = ln.text
        if BASIS.match(t) or ROMAN.match(t) or ISSUER_IN_TEXT.match(t) or _structural(t):
            break
        if title and (ln.gap or (first.centred and not ln.centred)):
            break
        if title and t[:1].isupper() and SENTENCE_END.search(title[-1]):
            break
        title.append(t)
        i += 1
        if re.search(r"[.:]$", t) and not t.endswith("..."):
            break
    res.title = " ".join(title)
    return i


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


def import_plan(office: Office, path: str | Path) -> ImportResult:
    """Read ``path`` and save a draft Plan of ``office``; returns what was recognised."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"Không tìm thấy tệp “{path}”. Hãy kiểm tra đường dẫn.")
    res = parse(read_lines(path))
    if not (res.title or res.body.strip()):
        raise ValidationError(f"Tệp “{path.name}” không có nội dung kế hoạch nào đọc được.")
    place_date = None
    if res.month and not res.day:
        res.notes.append(f"Ngày ban hành để trống trong tệp (tháng {res.month:02d} năm {res.year}); giữ tháng, "
                         "ngày sẽ ghi khi ban hành.")
    if res.day and res.month and res.year:
        try:
            place_date = dt.date(res.year, res.month, res.day)
        except ValueError:
            res.notes.append("Ngày ghi trong tệp không có thật; để trống ngày ban hành.")
    if not (res.signer_position or res.signer_name):
        # the plan names no signer: the office's, as a new plan from the template
        # has, shown in the form and printed, instead of an empty block found
        # missing only at issue
        res.signer_authority, res.signer_position, res.signer_name = (
            office.signer_authority, office.signer_position, office.signer_name)
        res.notes.append("Tệp không ghi người ký: lấy người ký của cơ quan ("
                         + " ".join(x for x in (office.signer_position, office.signer_name) if x) + ").")
    res.plan = records.create(
        Plan, office=office, series=uuid.uuid4().hex, year=res.year or clock.today().year,
        title=res.title or path.stem, place_date=place_date,
        place_month=res.month if place_date is None and res.year else None, legal_bases="\n".join(res.legal_bases),
        preamble=res.preamble, body=clean(res.body), closing=res.closing,
        recipients="\n".join(res.recipients), signer_authority=res.signer_authority,
        signer_position=res.signer_position, signer_name=res.signer_name,
        source=f"import:{path.name}")
    return res
