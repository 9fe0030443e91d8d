"""Urgency of a petition on the follow-up board (bảng theo dõi).

One definition, used by the board, the dashboard and the reports, so that
their counts agree: late (quá hạn), due within 3 working days (sắp đến hạn),
on track (trong hạn), done (đã xong)."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from ..deadlines import WorkCalendar
from ..petitions import Petition

DUE_SOON_WORKING_DAYS = 3
URGENCY_LABELS = {"late": "Quá hạn", "due_soon": "Sắp đến hạn", "on_track": "Trong hạn", "done": "Đã xong"}


def days_text(days_left: int | None, *, working: bool = False) -> str:
    """"còn 5 ngày", "trễ 3 ngày làm việc", "hôm nay"; empty when there is no deadline."""
    if days_left is None:
        return ""
    unit = " làm việc" if working else ""
    if days_left == 0:
        return "hôm nay"
    return f"còn {days_left} ngày{unit}" if days_left > 0 else f"trễ {-days_left} ngày{unit}"


def due_soon_limit(today: dt.date, cal: WorkCalendar) -> dt.date:
    """The last due date that still counts as "due within 3 working days"."""
    return cal.add(today, DUE_SOON_WORKING_DAYS, "working") if DUE_SOON_WORKING_DAYS else today


def urgency(status: str, due_on: dt.date | None, today: dt.date, soon_limit: dt.date) -> str:
    if status != "open":
        return "done"
    if due_on is None:
        return "on_track"
    if due_on < today:
        return "late"
    if due_on <= soon_limit:
        return "due_soon"
    return "on_track"


def urgency_expr(today: dt.date, soon_limit: dt.date):
    """The same classification as SQL conditions, keyed by urgency."""
    open_ = Petition.status == "open"
    return {
        "late": open_ & (Petition.due_on < today),
        "due_soon": open_ & (Petition.due_on >= today) & (Petition.due_on <= soon_limit),
        "on_track": open_ & ((Petition.due_on > soon_limit) | Petition.due_on.is_null()),
        "done": Petition.status != "open",
    }


def counts(office, today: dt.date, cal: WorkCalendar) -> dict[str, int]:
    limit = due_soon_limit(today, cal)
    out = {}
    for key, cond in urgency_expr(today, limit).items():
        out[key] = Petition.select(pw.fn.COUNT(Petition.id)).where((Petition.office == office) & cond).scalar()
    out["open"] = out["late"] + out["due_soon"] + out["on_track"]
    return out
