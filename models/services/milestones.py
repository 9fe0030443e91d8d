"""The legal milestones of a conference, computed from the rules."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.core import clock
from models.core.words import MILESTONE_STATES as STATE_LABELS  # re-exported
from models.domain.conference import BroadcastSlot, Conference
from models.domain.deadlines import WorkCalendar, office_calendar
from models.domain.rules import Rule, office_rules
from models.services.conferences import stations
from models.services.followup import due_soon_limit


@dataclass(frozen=True)
class Milestone:
    key: str
    label: str
    due: dt.date
    done_on: dt.date | None
    state: str              # done, late, due_soon, pending
    days_left: int
    rule: Rule

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def source(self) -> str:
        return self.rule.source


def _run_completed(days: list[dt.date], need: int) -> dt.date | None:
    """The day ``need`` consecutive days of ``days`` (sorted) were first reached."""
    run = 0
    prev = None
    for day in days:
        run = run + 1 if prev and (day - prev).days == 1 else 1
        prev = day
        if run >= need:
            return day
    return None


def _broadcast_done(conf: Conference, rule: Rule, due: dt.date) -> dt.date | None:
    """Done when every village station of the conference (services.conferences.
    stations) had readings ticked on ``consecutive_days`` consecutive days
    (Law 10/2022/QH15 Art. 13.3: the notice reaches every village). Returns the
    day the last station's run completed; None while any station lacks one."""
    read: dict[str, set[dt.date]] = {}
    for s in BroadcastSlot.select().where((BroadcastSlot.conference == conf) & BroadcastSlot.read_at.is_null(False)):
        read.setdefault(s.station, set()).add(s.day)
    need = max(rule.consecutive_days, 1)
    done = [_run_completed(sorted(read.get(station, ())), need) for station in stations(conf)]
    if not done or None in done:
        return None
    return max(done)


def conference_milestones(conf: Conference, today: dt.date | None = None,
                          calendar: WorkCalendar | None = None) -> list[Milestone]:
    today = today or clock.today()
    cal = calendar or office_calendar(conf.office)
    rules = office_rules(conf.office)
    done_dates = {
        "notice": conf.notice_published_on,
        "invitations": conf.invitations_sent_on,
        "conclusions": conf.conclusions_published_on,
        "report": conf.report_sent_on,
    }

    soon = due_soon_limit(today, cal)    # "due soon" means the same here as on the board
    out = []
    for key in ("notice", "broadcast", "invitations", "conclusions", "report"):
        rule = rules[key]
        if rule.direction == "before":
            due = cal.before(conf.date, rule.days, rule.unit)
        else:
            due = cal.add(conf.date, rule.days, rule.unit)
        if key == "report" and conf.report_due_on:
            due = conf.report_due_on
        if key == "broadcast":
            done = _broadcast_done(conf, rule, due)
        else:
            done = done_dates.get(key)
        left = (due - today).days
        if done:
            state = "done"
        elif left < 0:
            state = "late"
        elif due <= soon:
            state = "due_soon"
        else:
            state = "pending"
        out.append(Milestone(key, rule.label, due, done, state, left, rule))
    return out

