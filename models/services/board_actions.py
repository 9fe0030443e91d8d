"""What the follow-up board does to a petition: assign or reassign a unit,
extend the deadline with a reason, record the written answer, close, reopen.

Each action checks its input (Vietnamese messages that say how to fix it),
saves with optimistic locking (records.update: a stale edit from another
workstation is refused) and writes a PetitionEvent in the same transaction, so
the history shown in the detail view never misses a change."""
from __future__ import annotations

import datetime as dt

from models.core import clock
from models.core.errors import ValidationError
from models.core.text import by_name
from models.core.words import (
    EVENT_LABELS,  # noqa: F401 (re-exported)
    UNIT,
)
from models.core.words import BoardActionWords as W
from models.core.words import PaperWords
from models.domain.office import Unit
from models.domain.deadlines import office_calendar
from models.domain.petition import STATUSES, TITLES, Petition, next_title
from models.services import records
from models.services.board import petition
from models.services.petition_edit import for_group, group_members, record_upper_reply
from models.services.petitions import add_event, due_date
from models.services.validate import optional_line, parse_date, pick_by_name, required, text


def _dmy(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _require_open(p: Petition, doing: str) -> None:
    if p.status != "open":
        raise ValidationError(W.NOT_NOW.format(status=STATUSES.get(p.status, p.status), doing=doing), remedy="reopen")


def _save(p: Petition, changes: dict, expected_version: int | None, action: str, detail: str,
          before: str = "", after: str = "") -> Petition:
    with Petition._meta.database.atomic():
        records.update(p, changes, expected_version=expected_version)
        p.__rel__.clear()  # the cached unit object would still be the old one
        add_event(p, action, detail, before=before, after=after)
    return p


def _unit(p: Petition, unit) -> Unit:
    if isinstance(unit, Unit):
        return unit
    if isinstance(unit, int):
        found = Unit.get_or_none((Unit.id == unit) & (Unit.office == p.office_id))
        if found is None:
            raise ValidationError(W.UNIT_GONE, field="unit")
        return found
    if not str(unit or "").strip():
        raise ValidationError(W.PICK_UNIT, field="unit")
    units = by_name(Unit.select().where((Unit.office == p.office_id) & Unit.active))
    return pick_by_name(unit, units, UNIT, field="unit")


def assign(p: Petition, unit, *, expected_version: int | None = None) -> Petition:
    """Giao (or giao lại) the petition to a unit. A petition that had no
    written-answer deadline gets the default one (rules table)."""
    _require_open(p, W.ASSIGNING)
    new = _unit(p, unit)
    old = p.unit if p.unit_id else None
    if old is not None and old.id == new.id:
        raise ValidationError(W.ALREADY_ASSIGNED.format(name=new.name), field="unit")
    # the disposition stays as the minutes recorded it (locked once signed):
    # only the follow-up (unit, deadline) changes here
    changes: dict = {"unit": new.id}
    if p.due_on is None:
        changes["due_on"] = due_date(p.office, "in_writing", p.received_on, channel=p.channel)
    action = "reassigned" if old is not None else "assigned"
    return _save(p, changes, expected_version, action, new.name, before=old.name if old else "", after=new.name)


def extend(p: Petition, new_due, reason: str, *, expected_version: int | None = None,
           today: dt.date | None = None) -> Petition:
    """Gia hạn: a later deadline, with the reason written down."""
    _require_open(p, W.EXTENDING)
    day = parse_date(new_due, W.NEW_DUE, field="due_on")
    floor = max(p.due_on or dt.date.min, today or clock.today())
    if day <= floor:
        raise ValidationError(W.NEW_DUE_TOO_EARLY.format(floor=_dmy(floor)), field="due_on")
    why = required(reason, W.EXTENSION_REASON, field="reason", max_len=1000)
    # Civil Code 2015, Art. 148.5: a time limit ending on a rest day or a
    # holiday ends on the next working day; the history says it was moved.

    working = office_calendar(p.office).next_working_day(day)
    if working != day:
        why = W.MOVED_OFF_HOLIDAY.format(why=why, day=_dmy(day), working=_dmy(working))
        day = working
    return _save(p, {"due_on": day, "extension_reason": why}, expected_version, "extended", why,
                 before=_dmy(p.due_on), after=_dmy(day))


def set_title(p: Petition, title: str, *, expected_version: int | None = None) -> Petition:
    """Danh xưng of the citizen ("Ông", "Bà" or none), used in every letter to
    them (issue 22 item 3); recorded in the petition's history."""
    if title not in TITLES:
        raise ValidationError(PaperWords.TITLE_ONLY)
    if p.citizen_withheld:
        raise ValidationError(PaperWords.TITLE_WITHHELD)
    before = p.citizen_title or "—"
    return _save(p, {"citizen_title": title}, expected_version, "edited",
                 PaperWords.TITLE_SET.format(title=title or PaperWords.NO_TITLE), before=before, after=title or "—")


def next_title_for(p: Petition, *, expected_version: int | None = None) -> Petition:
    """One press of the title key (Ctrl+W, O) on a petition already recorded:
    Ông → Bà → none, saved as ``set_title`` saves it (history, audit, undo)."""
    return set_title(p, next_title(p.citizen_title), expected_version=expected_version)


def record_answer(p: Petition, number: str, on, summary: str, *, expected_version: int | None = None,
                  today: dt.date | None = None) -> Petition:
    """Ghi trả lời gửi bằng cách khác: an answer not made as this office's own
    letter (the unit's letter, a meeting, a phone call): the number of that
    letter when there is one, the date and a summary. The office's own answer
    letter records all this when it is issued (models.services.documents.issue)."""
    _require_open(p, W.ANSWERING)
    num = optional_line(number, max_len=60, label=W.ANSWER_SYMBOL)
    day = parse_date(on, W.ANSWER_DATE, field="answer_date")
    if day > (today or clock.today()):
        raise ValidationError(W.ANSWER_DATE_FUTURE.format(day=_dmy(day)),
                              field="answer_date")
    if day < p.received_on:
        raise ValidationError(W.ANSWER_BEFORE_RECEIVED.format(day=_dmy(day), received=_dmy(p.received_on)), field="answer_date")
    gist = text(summary).strip()
    if not gist:
        raise ValidationError(W.ANSWER_SUMMARY_NEEDED,
                              field="answer_summary")
    return _save(p, {"status": "answered", "answer_number": num, "answer_date": day, "answer_summary": gist},
                 expected_version, "answered",
                 W.ANSWER_LETTER.format(num=num, day=_dmy(day)) if num else W.ANSWERED_DIRECTLY.format(day=_dmy(day)),
                 after=gist)


def close(p: Petition, note: str = "", *, expected_version: int | None = None,
          today: dt.date | None = None) -> Petition:
    """Đóng: nothing more to do. A petition still open without an answer can
    only be closed with a note saying why."""
    if p.status == "closed":
        raise ValidationError(W.ALREADY_CLOSED)
    why = optional_line(note, max_len=1000, label=W.NOTE)
    if p.status == "open" and not why:
        raise ValidationError(W.CLOSE_WHY, field="note")
    day = today or clock.today()
    return _save(p, {"status": "closed", "closed_on": day}, expected_version, "closed",
                 why or W.DONE, before=STATUSES.get(p.status, p.status), after=STATUSES["closed"])


def reopen(p: Petition, reason: str, new_due=None, *, expected_version: int | None = None,
           today: dt.date | None = None) -> Petition:
    """Mở lại: back on the board (the answer did not settle it), with a reason
    and, if the old deadline has passed, usually a new one."""
    if p.status == "open":
        raise ValidationError(W.NOT_CLOSED)
    why = required(reason, W.REOPEN_REASON, field="reason", max_len=1000)
    changes: dict = {"status": "open", "closed_on": None}
    if str(new_due or "").strip():
        day = parse_date(new_due, W.NEW_DUE, field="due_on")
        if day < (today or clock.today()):
            raise ValidationError(W.NEW_DUE_PAST, field="due_on")
        changes["due_on"] = day
    return _save(p, changes, expected_version, "reopened", why, before=STATUSES.get(p.status, p.status),
                 after=_dmy(changes.get("due_on", p.due_on)))


#: F6's forms of a row (tui/screens/board.py): the action → (what it does to one
#: petition, the form's fields in the order it takes them, whether the whole group
#: of same-content petitions follows). Reopening is of the one petition chosen.
FOLLOW_UPS = {
    "assign": (assign, ("unit",), True),
    "extend": (extend, ("due_on", "reason"), True),
    "answer": (record_answer, ("answer_number", "answer_date", "answer_summary"), True),
    "upper_reply": (record_upper_reply, ("answer_number", "answer_date", "answer_summary"), True),
    "close": (close, ("note",), True),
    "reopen": (reopen, ("reason", "due_on"), False),
}


def follow_up(office, pid: int, action: str, values: dict, *,
              expected_version: int | None = None) -> tuple[list[Petition], int]:
    """One of F6's forms of a row saved: ``action`` of FOLLOW_UPS on petition
    ``pid`` of ``office`` (and its group), with the form's ``values``; the
    petitions changed and the size of the group."""
    do, keys, whole_group = FOLLOW_UPS[action]
    p = petition(pid, office)
    args = [values.get(k) for k in keys]
    if whole_group:
        done = for_group(p, do, *args, expected_version=expected_version)
    else:
        done = [do(p, *args, expected_version=expected_version)]
    return done, len(group_members(p))
