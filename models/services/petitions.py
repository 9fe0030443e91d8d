"""Ý kiến, kiến nghị: recording a petition and computing its deadline."""
from __future__ import annotations

import datetime as dt

from models.core import clock
from models.core.errors import ValidationError
from models.core.words import PetitionWords as W
from models.domain.audit import record
from models.domain.base import now
from models.domain.conference import Conference
from models.domain.deadlines import WorkCalendar, office_calendar
from models.domain.petition import CHANNELS, DISPOSITIONS, TITLES, Petition, PetitionEvent
from models.domain.rules import office_rules
from models.services import records
from models.services.privacy import stored_name
from models.services.validate import text
from models.domain.base import is_postgres
from models.storage.who import current_user

# disposition → status on the board
STATUS_FOR = {"on_spot": "closed", "in_writing": "open", "forwarded": "forwarded", "noted": "noted"}


def due_date(office, disposition: str, received_on: dt.date, *, channel: str = "spoken",
             calendar: WorkCalendar | None = None) -> dt.date | None:
    """The written-answer deadline: 30 days after a conference, 10 working days for
    a petition received outside one (rules table, editable per office)."""
    if disposition != "in_writing":
        return None
    rules = office_rules(office)
    rule = rules["outside_answer"] if channel == "outside" else rules["written_answer"]
    cal = calendar or office_calendar(office)
    return cal.add(received_on, rule.days, rule.unit)


def add_event(petition: Petition, action: str, detail: str = "", before: str = "", after: str = "",
              user: str | None = None) -> PetitionEvent:
    with PetitionEvent._meta.database.atomic():
        event = PetitionEvent.create(petition=petition, at=now(), user=user or current_user(), action=action,
                                     detail=text(detail), before=before, after=after)
        record("create", event, user=current_user(), office=petition.office_id)   # sealed in the office's chain (integrity)
    return event


def next_seq(conference) -> int:
    """The next petition's number in its session (0 outside a conference). Call
    inside the transaction that records it: two workstations recording at once
    get one number each — on PostgreSQL the conference's row is locked until
    the commit; SQLite's write lock is taken when the transaction begins."""
    if conference is None:
        return 0

    if is_postgres():
        list(Conference.select(Conference.id).where(Conference.id == conference.id).for_update())
    return Petition.select().where(Petition.conference == conference).count() + 1


def record_petition(office, *, content: str, conference=None, citizen_name: str = "",
                    citizen_withheld: bool = False, village=None, field=None, channel: str = "spoken",
                    answer_on_spot: str = "", answered_by: str = "", disposition: str = "noted",
                    unit=None, forwarded_to: str = "", received_on: dt.date | None = None,
                    citizen_title: str = "", citizen_address: str = "", citizen_phone: str = "",
                    due_on: dt.date | None = None, seq: int | None = None,
                    calendar: WorkCalendar | None = None) -> Petition:
    if channel not in CHANNELS:
        raise ValidationError(W.BAD_CHANNEL.format(channel=channel))
    if disposition not in DISPOSITIONS:
        raise ValidationError(W.BAD_DISPOSITION.format(disposition=disposition))
    if not text(content).strip():
        raise ValidationError(W.CONTENT_REQUIRED,
                              field="content")
    if disposition == "in_writing" and unit is None:
        raise ValidationError(W.UNIT_REQUIRED,
                              field="unit")
    if disposition == "forwarded" and not forwarded_to.strip():
        raise ValidationError(W.FORWARD_TO_REQUIRED, field="forwarded_to")

    citizen_name = stored_name(office, citizen_name, citizen_withheld)
    received_on = received_on or (conference.date if conference is not None else clock.today())
    if due_on is None:
        due_on = due_date(office, disposition, received_on, channel=channel, calendar=calendar)
    # one transaction: a write refused half-way (disk full) and replayed later must
    # not leave a petition without its history, nor record it twice
    with Petition._meta.database.atomic():
        if seq is None:
            seq = next_seq(conference)
        p = records.create(
            Petition, office=office, conference=conference, seq=seq, citizen_name=citizen_name,
            citizen_withheld=citizen_withheld, village=village, field=field, channel=channel,
            content=content, answer_on_spot=answer_on_spot, answered_by=answered_by,
            disposition=disposition, unit=unit, forwarded_to=forwarded_to, received_on=received_on,
            citizen_title=citizen_title if citizen_title in TITLES else "", citizen_address=citizen_address,
            citizen_phone=citizen_phone,
            due_on=due_on, status=STATUS_FOR[disposition],
            closed_on=received_on if disposition == "on_spot" else None,
            followup_on=received_on + dt.timedelta(days=30) if disposition == "forwarded" else None)
        add_event(p, "created", DISPOSITIONS[disposition])
    return p
