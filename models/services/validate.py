"""Input checks shared by every service. Each raises ValidationError with a
Vietnamese message saying what is wrong and how to fix it."""
from __future__ import annotations

import datetime as dt
import re

from models.core.errors import ValidationError
from models.core.text import clean, clean_line, fold

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg]\s*(\d{0,2})\s*$", re.I)


def required(value, label: str, *, field: str | None = None, max_len: int = 500) -> str:
    text = clean_line(value)
    if not text:
        raise ValidationError(f"{label} không được để trống. Hãy nhập {label.lower()}.", field=field)
    if len(text) > max_len:
        raise ValidationError(f"{label} quá dài ({len(text)} ký tự, tối đa {max_len}). Hãy rút gọn.",
                              field=field)
    return text


def optional_line(value, *, max_len: int = 500, label: str = "Nội dung") -> str:
    text = clean_line(value)
    if len(text) > max_len:
        raise ValidationError(f"{label} quá dài ({len(text)} ký tự, tối đa {max_len}). Hãy rút gọn.")
    return text


def text(value) -> str:
    return clean(value).strip("\n")


def parse_date(value, label: str = "Ngày", *, field: str | None = None) -> dt.date:
    """Accepts 05/01/2026, 5-1-2026, 05.01.26 and 2026-01-05."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = clean_line(value)
    if not raw:
        raise ValidationError(f"{label} không được để trống. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026.",
                              field=field)
    m = _DATE.match(raw)
    if m:
        d, mth, y = (int(x) for x in m.groups())
        if y < 100:
            y += 2000
    else:
        m = _ISO.match(raw)
        if not m:
            raise ValidationError(f"{label} “{raw}” không đúng dạng. Nhập theo dạng ngày/tháng/năm, "
                                  "ví dụ 05/01/2026.", field=field)
        y, mth, d = (int(x) for x in m.groups())
    try:
        return dt.date(y, mth, d)
    except ValueError:
        raise ValidationError(f"{label} “{raw}” không có thật (tháng {mth} năm {y} không có ngày {d}). "
                              "Hãy kiểm tra lại ngày và tháng.", field=field) from None


def parse_time(value, label: str = "Giờ", *, field: str | None = None) -> str:
    """"8", "8h", "08:30", "14g15" → "08:00", "08:30", "14:15"."""
    raw = clean_line(value)
    m = _TIME.match(raw) if raw else None
    if not m:
        raise ValidationError(f"{label} “{raw}” không đúng dạng. Nhập giờ:phút, ví dụ 08:00 hoặc 14:30.",
                              field=field)
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if h > 23 or mi > 59:
        raise ValidationError(f"{label} “{raw}” không có thật. Giờ từ 0 đến 23, phút từ 0 đến 59.",
                              field=field)
    return f"{h:02d}:{mi:02d}"


def parse_int(value, label: str, *, minimum: int = 0, maximum: int = 1_000_000,
              field: str | None = None) -> int:
    raw = clean_line(value)
    try:
        n = int(raw)
    except ValueError:
        raise ValidationError(f"{label} phải là một số nguyên (đã nhập “{raw}”).", field=field) from None
    if n < minimum or n > maximum:
        raise ValidationError(f"{label} phải từ {minimum} đến {maximum} (đã nhập {n}).", field=field)
    return n


def pick_by_name(query, rows, label: str, *, attr: str = "name", field: str | None = None):
    """Find one row by name, ignoring case and diacritics; a unique prefix is enough."""
    raw = clean_line(query)
    key = fold(raw)
    rows = list(rows)
    exact = [r for r in rows if fold(getattr(r, attr)) == key]
    if len(exact) == 1:
        return exact[0]
    starts = [r for r in rows if fold(getattr(r, attr)).startswith(key)] if key else []
    if len(starts) == 1:
        return starts[0]
    names = ", ".join(getattr(r, attr) for r in rows[:12]) or "(danh mục trống)"
    if len(starts) > 1:
        raise ValidationError(f"“{raw}” khớp với nhiều {label.lower()}: "
                              f"{', '.join(getattr(r, attr) for r in starts[:8])}. Hãy gõ rõ hơn.",
                              field=field)
    raise ValidationError(f"Không có {label.lower()} “{raw}”. Các {label.lower()} hiện có: {names}. "
                          f"Hãy chọn một tên trong danh sách hoặc thêm mới ở Danh mục.", field=field)
