"""Plain facts about a conference, gathered once for the documents that cite it
(notice, loudspeaker script, invitations, minutes, conclusions, report)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.catalog import Village
from models.conferences import Conference, ConferenceVillage

from .layout import Letterhead, day_month, lines, nfc

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def clock_text(value: str) -> str:
    """"08:00" → "08 giờ 00"; anything else is kept as typed."""
    hh, _, mm = (value or "").partition(":")
    if hh.isdigit() and (mm.isdigit() or not mm):
        return f"{int(hh):02d} giờ {int(mm or 0):02d}"
    return nfc(value)


def long_date(d: dt.date) -> str:
    """"thứ Tư, ngày 15 tháng 6 năm 2022" (leading zeros by Decree 30 App. I §II.4)."""
    day, month = day_month(d.day, d.month)
    return f"{WEEKDAYS[d.weekday()]}, ngày {day} tháng {month} năm {d.year}"


@dataclass(frozen=True)
class ConferenceFacts:
    conference: Conference
    letterhead: Letterhead
    date: dt.date
    start: str                      # "08:00"
    end: str
    venue: str
    title: str
    chairs: tuple[str, ...]
    secretary: str
    villages: tuple[Village, ...]
    topics: tuple[str, ...]
    invited_groups: tuple[str, ...]

    @property
    def when(self) -> str:
        """"08 giờ 00, thứ Tư, ngày 15 tháng 6 năm 2022"."""
        return f"{clock_text(self.start)}, {long_date(self.date)}"

    @property
    def village_names(self) -> str:
        return ", ".join(v.label for v in self.villages)

    @property
    def audience(self) -> str:
        """Whom the conference addresses: the villages, or the whole commune."""
        lh = self.letterhead
        if self.villages:
            return f"Nhân dân {self.village_names}"
        return f"Nhân dân trên địa bàn {self.conference.office.locality or lh.name}"

    @property
    def subject(self) -> str:
        return self.title or f"Hội nghị đối thoại giữa người đứng đầu chính quyền với {self.audience}"


def conference_facts(conf: Conference) -> ConferenceFacts:
    villages = tuple(link.village for link in ConferenceVillage.select(ConferenceVillage, Village)
                     .join(Village).where(ConferenceVillage.conference == conf).order_by(Village.name))
    return ConferenceFacts(
        conference=conf, letterhead=Letterhead.of(conf.office), date=conf.date,
        start=conf.start_time or "", end=conf.end_time or "", venue=nfc(conf.venue),
        title=nfc(conf.title), chairs=tuple(lines(conf.chair)), secretary=nfc(conf.secretary),
        villages=villages, topics=tuple(lines(conf.topics)),
        invited_groups=tuple(lines(conf.invited_groups)))


def plan_reference(conf: Conference) -> str | None:
    """"Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2024 của …" when the plan is issued."""
    plan = conf.plan
    if plan is None or not plan.document_id:
        return None
    d = plan.document
    return (f"Thực hiện Kế hoạch số {d.symbol} ngày {d.issued_on:%d/%m/%Y} của "
            f"{nfc(conf.office.name)} về {nfc(plan.title)[:1].lower()}{nfc(plan.title)[1:]},")
