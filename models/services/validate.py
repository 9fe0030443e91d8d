"""Input checks shared by every service. Each raises ValidationError with a
Vietnamese message saying what is wrong and how to fix it."""
from __future__ import annotations

import datetime as dt
import re

from models.core.errors import ValidationError
from models.core.text import clean, clean_line, fold
from models.core.words import ValidateWords as W

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg]\s*(\d{0,2})\s*$", re.I)


def required(value, label: str, *, field: str | None = None, max_len: int = 500) -> str:
    text = clean_line(value)
    if not text:
        raise ValidationError(W.REQUIRED.format(label=label, lower=label.lower()), field=field)
    if len(text) > max_len:
        raise ValidationError(W.TOO_LONG.format(label=label, length=len(text), max_len=max_len),
                              field=field)
    return text


def optional_line(value, *, max_len: int = 500, label: str = W.CONTENT) -> str:
    text = clean_line(value)
    if len(text) > max_len:
        raise ValidationError(W.TOO_LONG.format(label=label, length=len(text), max_len=max_len))
    return text


def text(value) -> str:
    return clean(value).strip("\n")


def parse_date(value, label: str = W.DATE, *, field: str | None = None) -> dt.date:
    """Accepts 05/01/2026, 5-1-2026, 05.01.26 and 2026-01-05."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = clean_line(value)
    if not raw:
        raise ValidationError(W.DATE_REQUIRED.format(label=label),
                              field=field)
    m = _DATE.match(raw)
    if m:
        d, mth, y = (int(x) for x in m.groups())
        if y < 100:
            y += 2000
    else:
        m = _ISO.match(raw)
        if not m:
            raise ValidationError(W.DATE_FORM.format(label=label, raw=raw), field=field)
        y, mth, d = (int(x) for x in m.groups())
    try:
        return dt.date(y, mth, d)
    except ValueError:
        raise ValidationError(W.DATE_UNREAL.format(label=label, raw=raw, month=mth, year=y, day=d), field=field) from None


def parse_time(value, label: str = W.TIME, *, field: str | None = None) -> str:
    """"8", "8h", "08:30", "14g15" → "08:00", "08:30", "14:15"."""
    raw = clean_line(value)
    m = _TIME.match(raw) if raw else None
    if not m:
        raise ValidationError(W.TIME_FORM.format(label=label, raw=raw),
                              field=field)
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if h > 23 or mi > 59:
        raise ValidationError(W.TIME_UNREAL.format(label=label, raw=raw),
                              field=field)
    return f"{h:02d}:{mi:02d}"


def parse_int(value, label: str, *, minimum: int = 0, maximum: int = 1_000_000,
              field: str | None = None) -> int:
    raw = clean_line(value)
    try:
        n = int(raw)
    except ValueError:
        raise ValidationError(W.NOT_INTEGER.format(label=label, raw=raw), field=field) from None
    if n < minimum or n > maximum:
        raise ValidationError(W.OUT_OF_RANGE.format(label=label, minimum=minimum, maximum=maximum, n=n), field=field)
    return n


def pick_by_name(query, rows, label: str, *, attr: str = "name", field: str | None = None):
    """Find one row by name, ignoring case and diacritics; a unique prefix is enough."""
    raw = clean_line(query)
    key = fold(raw)
    rows = list(rows)
    if not key:         # nothing typed: say what to type, not "no unit “”"
        names = ", ".join(getattr(r, attr) for r in rows[:5]) or W.EMPTY_LIST
        raise ValidationError(W.NAME_EMPTY.format(label=label, lower=label.lower(), names=names), field=field)
    exact = [r for r in rows if fold(getattr(r, attr)) == key]
    if len(exact) == 1:
        return exact[0]
    starts = [r for r in rows if fold(getattr(r, attr)).startswith(key)] if key else []
    if len(starts) == 1:
        return starts[0]
    names = ", ".join(getattr(r, attr) for r in rows[:12]) or W.EMPTY_LIST
    if len(starts) > 1:
        raise ValidationError(W.AMBIGUOUS.format(raw=raw, lower=label.lower(),
                                                 matches=', '.join(getattr(r, attr) for r in starts[:8])),
                              field=field)
    raise ValidationError(W.NO_SUCH.format(lower=label.lower(), raw=raw, names=names), field=field)
