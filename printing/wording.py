"""Wording of the header that PDF and Word share, without ReportLab: the number
line ("Số: 05/KH-UBND", "Số 05-KH/ĐU") and the place-date line (Decree 30/2020
App. I §II.3-4; Hướng dẫn 36-HD/VPTW). The words are in ``data/templates/the-thuc.json``."""
from __future__ import annotations

import datetime as dt
import unicodedata

import data
from models.core import clock

#: the format's fixed words
WORDING = "templates/the-thuc.json"


def say(key: str, **facts) -> str:
    """One of the format's fixed words (``data/templates/the-thuc.json``) with its facts."""
    return data.load_json(WORDING)[key].format(**facts)


def kind_name(kind: str) -> str:
    """The kind named in a document's title: "Kế hoạch", "Thông báo" … ("Công văn" for any other)."""
    names = data.load_json(WORDING)["kind_names"]
    return names.get(kind, names["CV"])
from models.core.words import PaperWords


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def day_month(day: int, month: int) -> tuple[str, str]:
    """Decree 30 App. I §II.4: a day below 10 and the months 1 and 2 take a leading zero."""
    return (f"{day:02d}" if day < 10 else str(day)), (f"{month:02d}" if month < 3 else str(month))


def written_date(d: dt.date | None, year: int | None = None, month: int | None = None) -> str:
    """"ngày 05 tháng 01 năm 2024"; a draft without a date keeps blanks to fill by hand
    (the month kept when it is known: "ngày      tháng 01 năm 2024")."""
    if d is None:
        blank = "\u00a0" * 5
        known = f" {month:02d} " if month else blank
        return say("date_blank", blank=blank, month=known, year=year or clock.today().year)
    day, month = day_month(d.day, d.month)
    return say("date", day=day, month=month, year=d.year)


def date_line(place: str, d: dt.date | None, year: int | None = None, month: int | None = None) -> str:
    return f"{nfc(place)}, {written_date(d, year, month)}"



def number_text(lh, symbol: str | None, kind: str) -> str:
    """"Số: 05/KH-UBND" (Decree 30 App. I §II.3) or "Số 05-KH/ĐU" (HD 36: no colon).
    A draft keeps the number blank with the symbol printed: "Số:      /KH-UBND"."""
    blank = "\u00a0" * 6    # kept by the layout, unlike ordinary spaces
    if lh.party:
        return (say("number_party", symbol=symbol) if symbol
                else say("number_party_draft", blank=blank, kind=kind, abbreviation=lh.abbreviation))
    if symbol:
        return say("number_state", symbol=symbol)
    return say("number_letter_draft" if kind == "CV" else "number_state_draft", blank=blank, kind=kind,
               abbreviation=lh.abbreviation)


def vv_line(subject: str) -> str:
    """The subject line of a công văn under its number: "V/v nâng bậc lương …",
    the summary starting in lower case after "V/v" (Decree 30/2020, App. I,
    the example of the công văn's trích yếu)."""
    subject = nfc(subject)
    return say("subject_line", subject=f"{subject[:1].lower()}{subject[1:]}")


def addressee_items(names: list[str]) -> list[str]:
    """Several addressees of "Kính gửi:" as a list: "- …;" each, the last "- …."
    (Decree 30/2020 App. I §II.8b: a semicolon after each name, a full stop after
    the last)."""
    names = [nfc(n).strip().rstrip(";.") for n in names if n.strip()]
    return [f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names)]


def recipient_items(recipients: list[str]) -> list[str]:
    """The entries of "Nơi nhận:" as printed after their "- ": a semicolon after
    each, a full stop after the last, "Lưu: VT." added when the office's own copy
    is not listed (Decree 30/2020 App. I §II.9)."""
    items = [nfc(r).strip().lstrip("-–• ").strip() for r in recipients if r.strip()]
    if not any(i.startswith(PaperWords.ARCHIVE) for i in items):
        items.append(PaperWords.DEFAULT_ARCHIVE)
    out = []
    for i, item in enumerate(items):
        if i == len(items) - 1:
            out.append(item.rstrip(";") if item.endswith(".") else item.rstrip(";.") + ".")
        else:
            out.append(item if item.endswith(";") else item.rstrip(".,") + ";")
    return out
