"""Urgency of a petition on the follow-up board (bảng theo dõi).

One definition, used by the board, the dashboard and the reports, so that
their counts agree: late (quá hạn), due within 3 working days (sắp đến hạn),
on track (trong hạn), done (đã xong)."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from models.domain.deadlines import WorkCalendar
from models.domain.petition import Petition
from models.core.words import URGENCY_LABELS  # re-exported
from models.core.words import FollowupWords as W

DUE_SOON_WORKING_DAYS = 3
#: counts shown on screen stop here ("hơn 10.000"): a count never reads more
#: index entries than this, whatever the database holds
COUNT_CAP = 10_000


def due_soon_text() -> str:
    """"Sắp đến hạn (3 ngày làm việc)": the rule's name with its number, for
    every screen that counts or explains it."""
    return W.DUE_SOON_RULE.format(due_soon=URGENCY_LABELS['due_soon'], days=DUE_SOON_WORKING_DAYS)


def days_text(days_left: int | None, *, working: bool = False) -> str:
    """"còn 5 ngày", "trễ 3 ngày làm việc", "hôm nay"; empty when there is no deadline."""
    if days_left is None:
        return ""
    unit = W.WORKING if working else ""
    if days_left == 0:
        return W.TODAY
    return W.DAYS_LEFT.format(days=days_left, unit=unit) if days_left > 0 else W.DAYS_LATE.format(days=-days_left, unit=unit)


def due_soon_limit(today: dt.date, cal: WorkCalendar) -> dt.date:
    """The last due date that still counts as "due within 3 working days"."""
    return cal.add(today, DUE_SOON_WORKING_DAYS, "working") if DUE_SOON_WORKING_DAYS else today


def urgency(status: str, due_on: dt.date | None, today: dt.date, soon_limit: dt.date) -> str:
    if status == "forwarded":
        return "waiting"
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
    """The same classification as SQL conditions, keyed by urgency. Forwarded
    petitions are apart ("waiting"): they wait for the upper level's reply, they
    are not done here."""
    open_ = Petition.status == "open"
    waiting = Petition.status == "forwarded"
    return {
        "late": open_ & (Petition.due_on < today),
        "due_soon": open_ & (Petition.due_on >= today) & (Petition.due_on <= soon_limit),
        "on_track": open_ & ((Petition.due_on > soon_limit) | Petition.due_on.is_null()),
        # a withdrawn petition is not done: it left the board and every count
        "done": Petition.status.not_in(("open", "withdrawn")) & ~waiting,
        "waiting": waiting,
    }


def capped_count(where, cap: int) -> int:
    """COUNT of at most ``cap`` + 1 rows: the database stops reading there, so
    the cost does not grow with the table (more than ``cap`` reads "hơn …")."""
    inner = Petition.select(pw.SQL("1")).where(where).limit(cap + 1)
    return int(Petition.select(pw.fn.COUNT(pw.SQL("*"))).from_(inner.alias("c")).scalar() or 0)


def counts(office, today: dt.date, cal: WorkCalendar, *, cap: int | None = None) -> dict[str, int]:
    """Petitions of ``office`` by urgency, plus "open". With ``cap`` each is
    counted up to ``cap`` + 1 only (the dashboard at start-up)."""
    limit = due_soon_limit(today, cal)
    out = {}
    for key, cond in urgency_expr(today, limit).items():
        where = (Petition.office == office) & cond
        out[key] = (capped_count(where, cap) if cap is not None
                    else Petition.select(pw.fn.COUNT(Petition.id)).where(where).scalar())
    out["open"] = out["late"] + out["due_soon"] + out["on_track"]
    return out


def figure(n: int, cap: int | None) -> str:
    """A count as shown: "1.234", or "hơn 10.000" past the cap."""
    if cap is not None and n > cap:
        return W.MORE_THAN + f"{cap:,}".replace(",", ".")
    return f"{n:,}".replace(",", ".")
