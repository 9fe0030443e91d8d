"""What the dashboard (Tổng quan) shows, as plain data."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import clock
from ..conferences import Conference
from ..deadlines import office_calendar
from ..register import OutgoingDocument
from . import followup
from .milestones import Milestone, conference_milestones


@dataclass
class Summary:
    office_name: str
    today: dt.date
    next_conference: Conference | None
    days_to_next: int | None
    milestones: list[Milestone] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)    # each up to followup.COUNT_CAP + 1
    recent_documents: list[OutgoingDocument] = field(default_factory=list)


def summary(office, today: dt.date | None = None) -> Summary:
    today = today or clock.today()
    cal = office_calendar(office)
    nxt = (Conference.select().where((Conference.office == office) & (Conference.date >= today)
                                     & (Conference.status.in_(("planned", "announced", "in_session"))))
           .order_by(Conference.date).first())
    milestones = conference_milestones(nxt, today, cal) if nxt else []
    docs = list(OutgoingDocument.select().where(OutgoingDocument.office == office)
                .order_by(OutgoingDocument.issued_on.desc(), OutgoingDocument.id.desc()).limit(8))
    return Summary(office.name, today, nxt, (nxt.date - today).days if nxt else None, milestones,
                   followup.counts(office, today, cal, cap=followup.COUNT_CAP), docs)
