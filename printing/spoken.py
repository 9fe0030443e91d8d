"""Wording for reading aloud on the village loudspeaker (pure Python, no ReportLab).

A broadcaster reads what is printed: no slashes, no abbreviations, no digits.
Numbers, dates and times become Vietnamese words ("ngày mười lăm tháng mười một
năm hai nghìn không trăm hai mươi sáu", "tám giờ sáng"); abbreviations are
expanded from ``data/print/abbreviations.json`` (an office can add its own).

Reading conventions (Northern standard, as in radio announcements): 1 after a
ten is "mốt", 5 after a ten is "lăm", 4 after a ten is "tư", a zero tens digit
inside a hundred is "linh", and days 1-10 of a month take "mùng". The words
themselves are in ``data/templates/loi-doc.json``.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import data

#: the words numbers, dates and times are read with
SAY = data.load_json("templates/loi-doc.json")
DIGITS = tuple(SAY["digits"])
GROUPS = tuple(SAY["groups"])
WEEKDAYS = tuple(SAY["weekdays"])
HOUR, MINUTE, DAY = SAY["hour"], SAY["minute"], SAY["day"]


def _tens(n: int, full: bool) -> list[str]:
    """Words for 0-99; ``full`` when higher digits precede (so 5 → "linh năm")."""
    t, u = divmod(n, 10)
    if t == 0:
        if u == 0:
            return []
        return ([SAY["zero_tens"]] if full else []) + [DIGITS[u]]
    out = [SAY["ten"]] if t == 1 else [DIGITS[t], SAY["tens"]]
    if u == 1 and t > 1:
        out.append(SAY["one_after_ten"])
    elif u == 5:
        out.append(SAY["five_after_ten"])
    elif u == 4 and t > 1:
        out.append(SAY["four_after_ten"])
    elif u:
        out.append(DIGITS[u])
    return out


def _hundreds(n: int, full: bool) -> list[str]:
    h, rest = divmod(n, 100)
    if not full and h == 0:
        return _tens(rest, False)
    out = [DIGITS[h], SAY["hundred"]]
    return out + _tens(rest, True)


def number_words(n: int) -> str:
    """12 → "mười hai", 105 → "một trăm linh năm", 2026 → "hai nghìn không trăm hai mươi sáu"."""
    if n < 0:
        return f"{SAY['negative']} {number_words(-n)}"
    if n == 0:
        return DIGITS[0]
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    top = len(groups) - 1
    for i in range(top, -1, -1):
        g = groups[i]
        if g == 0:      # an empty group is not read: 1 000 500 → "một triệu năm trăm"
            continue
        words += _hundreds(g, full=i != top)
        if i:
            words.append(GROUPS[i] if i < 4 else GROUPS[3])
    return " ".join(words)


def day_words(day: int) -> str:
    return (f"{SAY['early_day']} " if day <= 10 else "") + number_words(day)


def month_words(month: int) -> str:
    return SAY["fourth_month"] if month == 4 else number_words(month)


def date_words(d: dt.date, *, weekday: bool = False) -> str:
    """"ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu"."""
    text = SAY["date"].format(day=day_words(d.day), month=month_words(d.month), year=number_words(d.year))
    return SAY["weekday_date"].format(weekday=WEEKDAYS[d.weekday()], date=text) if weekday else text


def period(hour: int) -> str:
    """The part of the day a 24-hour clock hour is read with."""
    return next((word for until, word in SAY["periods"] if hour < until), SAY["periods"][-1][1])


def time_words(hour: int, minute: int = 0) -> str:
    """8:00 → "tám giờ sáng", 14:30 → "hai giờ ba mươi phút chiều"."""
    h12 = hour if hour <= 12 else hour - 12
    h12 = 12 if h12 == 0 else h12
    text = f"{number_words(h12)} {HOUR}"
    if minute:
        text += f" {number_words(minute)} {MINUTE}"
    return f"{text} {period(hour)}"


def parse_clock(value: str) -> tuple[int, int]:
    m = re.match(rf"^\s*(\d{{1,2}})\s*(?:[:hg]|{HOUR})\s*(\d{{0,2}})", value or "", re.I)
    if not m:
        raise ValueError(f"not a time: {value!r}")
    return int(m.group(1)), int(m.group(2) or 0)


def load_abbreviations() -> dict[str, str]:
    return dict(data.load_json("print/abbreviations.json")["abbreviations"])


_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_DAY_MONTH = re.compile(rf"\b({DAY})\s+(\d{{1,2}})\s*/\s*(\d{{1,2}})\b", re.I)
_TIME = re.compile(rf"\b(\d{{1,2}})\s*(?:{HOUR}|h|g|:)\s*(\d{{2}})?(?:\s*{MINUTE})?(?!\d)", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*")


def _expand(text: str, table: dict[str, str]) -> str:
    # longest first so "UBMTTQVN" wins over "MTTQ"
    for short in sorted(table, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", table[short], text)      # \w: Đ and đ too
    return text


def speakable(text: str, abbreviations: dict[str, str] | None = None) -> str:
    """Free text made fit to read aloud: abbreviations expanded, dates, times and
    numbers in words, no slashes left."""
    table = load_abbreviations() if abbreviations is None else abbreviations
    text = unicodedata.normalize("NFC", text or "")
    text = _expand(text, table)

    def full_date(m):
        try:
            return date_words(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            return m.group(0)

    text = _DATE.sub(full_date, text)
    text = re.sub(rf"\b{DAY}\s+{DAY}\b", DAY, text)
    text = _DAY_MONTH.sub(lambda m: SAY["day_month"].format(day_word=m.group(1), day=day_words(int(m.group(2))),
                                                            month=month_words(int(m.group(3)))), text)
    text = _TIME.sub(lambda m: time_words(int(m.group(1)), int(m.group(2) or 0))
                     if int(m.group(1)) < 24 and int(m.group(2) or 0) < 60 else m.group(0), text)
    text = _NUMBER.sub(lambda m: number_words(int(re.sub(r"[.,]", "", m.group(0)))), text)
    text = text.replace("/", " ")
    text = re.sub(r"[ \t]+", " ", text)
    return unicodedata.normalize("NFC", text.strip())
