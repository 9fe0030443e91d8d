"""Import an existing plan from a .txt or .docx file as a draft Plan.

Recognised, in the order offices write them (Decree 30/2020 App. I layout):
issuer lines and the national motto, "Số: 05/KH-UBND", the place and date line,
the kind title "KẾ HOẠCH" and the subject under it, legal bases ("Căn cứ …",
"Thực hiện …"), the preamble, the outlined body, the closing ("Trên đây là …"),
"Nơi nhận:" with its entries, the signer block (authority, position, name).

Real files are messy: tabs, stray spaces, a missing header, a blank number
("Số: /KH-UBND"), a date with blanks ("ngày tháng 01 năm 2024"), Markdown
asterisks. Whatever is not recognised stays in the body: nothing is dropped.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..catalog import Office
from ..errors import ValidationError
from ..plans import Plan
from ..text import clean, clean_line
from . import records

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


def read_lines(path: Path) -> list[str]:
    """Lines of a .txt (UTF-8, UTF-8 with BOM or Windows-1258/1252) or a .docx
    (paragraphs and table cells in document order)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_lines(path)
    if suffix != ".txt":
        raise ValidationError(f"Không nhập được tệp “{path.name}”: chỉ nhận tệp .txt hoặc .docx. "
                              "Với tệp .doc cũ, hãy mở bằng Word và lưu lại thành .docx.")
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            return raw.decode(enc).splitlines()
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"Không đọc được tệp “{path.name}” (bảng mã lạ). Hãy lưu lại tệp với bảng mã UTF-8.")


def _docx_lines(path: Path) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds for a bad file
        raise ValidationError(f"Không mở được tệp Word “{path.name}” ({exc}). "
                              "Hãy kiểm tra tệp có mở được bằng Word không.") from exc
    out: list[str] = []

    def walk(parent):
        for child in parent.iter_inner_content():
            if isinstance(child, Paragraph):
                out.extend(child.text.split("\n"))
            elif isinstance(child, Table):
                for row in child.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:        # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
    walk(document)
    return out


def _tidy(line: str) -> str:
    line = clean_line(line.replace("\t", " "))
    return line.strip("*").strip() if line.startswith("**") or line.endswith("**") else line


def parse(lines: list[str]) -> ImportResult:
    res = ImportResult()
    items = [_tidy(ln) for ln in lines]
    items = [ln for ln in items if ln]
    i, n = 0, len(items)
    leftovers: list[str] = []        # unrecognised lines before the body: kept at its start
    issuer_lines: list[str] = []

    # --- header: everything up to the kind title ---------------------------------
    while i < n and not KIND.match(items[i]):
        ln = items[i]
        if NATIONAL.match(ln) or RULE_LINE.match(ln):
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
        title = []
        while i < n and not BASIS.match(items[i]) and not ROMAN.match(items[i]) \
                and not ISSUER_IN_TEXT.match(items[i]) and len(title) < 3:
            title.append(items[i])
            i += 1
        res.title = " ".join(title)

    # --- legal bases and preamble ------------------------------------------------------
    while i < n and BASIS.match(items[i]):
        res.legal_bases.append(items[i])
        i += 1
    preamble = []
    while i < n and not ROMAN.match(items[i]) and not CLOSING.match(items[i]) \
            and not RECIPIENTS.match(items[i]):
        preamble.append(items[i])
        i += 1
    res.preamble = "\n".join(preamble)

    # --- body, closing ---------------------------------------------------------------
    body = list(leftovers)
    while i < n and not CLOSING.match(items[i]) and not RECIPIENTS.match(items[i]):
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
            while i < n and items[i].startswith(("-", "–", "•")):
                res.recipients.append(items[i].lstrip("-–• ").strip())
                i += 1
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
    res.body = "\n".join(body)

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
    if res.day and res.month and res.year:
        try:
            place_date = dt.date(res.year, res.month, res.day)
        except ValueError:
            res.notes.append("Ngày ghi trong tệp không có thật; để trống ngày ban hành.")
    res.plan = records.create(
        Plan, office=office, series=uuid.uuid4().hex, year=res.year or clock.today().year,
        title=res.title or path.stem, place_date=place_date, legal_bases="\n".join(res.legal_bases),
        preamble=res.preamble, body=clean(res.body), closing=res.closing,
        recipients="\n".join(res.recipients), signer_authority=res.signer_authority,
        signer_position=res.signer_position, signer_name=res.signer_name,
        source=f"import:{path.name}")
    return res
