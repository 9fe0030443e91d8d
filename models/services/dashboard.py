"""What the dashboard (Tổng quan) shows, as plain data."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.core import clock
from models.domain.conference import Conference
from models.domain.deadlines import office_calendar
from models.domain.register import OutgoingDocument
from models.services import followup, signing
from models.services.board import BoardQuery
from models.services.milestones import Milestone, conference_milestones
from models.services.statistics import compute

#: statuses of a conference held whose papers are not all issued yet
AFTER_SESSION = ("closed", "minutes_signed", "conclusions_issued")


@dataclass
class Summary:
    office_name: str
    today: dt.date
    next_conference: Conference | None
    days_to_next: int | None
    milestones: list[Milestone] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)    # each up to followup.COUNT_CAP + 1
    recent_documents: list[OutgoingDocument] = field(default_factory=list)
    #: earlier conferences whose papers are not finished (report not yet sent), newest first
    unfinished: list[Conference] = field(default_factory=list)
    #: the shown conference's petitions counted as its report counts them
    #: (statistics.compute, SPEC "Counting petitions"); None before any
    figures: object = None
    withdrawn: int = 0
    #: document id → the digital signature it waits for ("chờ người ký", "chờ cơ quan", "đã ký số")
    signature_waits: dict[int, str] = field(default_factory=dict)

    @property
    def next_is_past(self) -> bool:
        """The conference shown is one already held whose papers are being finished."""
        return self.next_conference is not None and self.days_to_next is not None and self.days_to_next < 0


def summary(office, today: dt.date | None = None) -> Summary:
    today = today or clock.today()
    cal = office_calendar(office)
    nxt = (Conference.select().where((Conference.office == office) & (Conference.date >= today)
                                     & (Conference.status.in_(("planned", "announced", "in_session"))))
           .order_by(Conference.date).first())
    # after a conference, its cycle goes on: minutes signed, conclusions, report
    unfinished = list(Conference.select().where((Conference.office == office) & (Conference.date <= today)
                                                & (Conference.status.in_(AFTER_SESSION)))
                      .order_by(Conference.date.desc()).limit(4))
    if nxt is None and unfinished:
        nxt = unfinished.pop(0)
    milestones = conference_milestones(nxt, today, cal) if nxt else []
    docs = list(OutgoingDocument.select().where(OutgoingDocument.office == office)
                .order_by(OutgoingDocument.issued_on.desc(), OutgoingDocument.id.desc()).limit(8))
    figures, withdrawn = conference_figures(nxt, today) if nxt else (None, 0)
    return Summary(office.name, today, nxt, (nxt.date - today).days if nxt else None, milestones,
                   followup.counts(office, today, cal, cap=followup.COUNT_CAP), docs, unfinished, figures, withdrawn,
                   signing.waits(docs))


def conference_figures(conf: Conference, today: dt.date):
    """(StatRow, withdrawn) of a conference's petitions, the report's own counts;
    (None, 0) when none was recorded."""
    s = compute(BoardQuery(conf.office_id, status="all", conference_id=conf.id, today=today))
    return (s.overall if s.overall.total else None), s.withdrawn
