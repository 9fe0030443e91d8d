"""Hội nghị: schedule a conference of a plan, its villages and invitees, the
loudspeaker broadcast schedule and its log, and the dates documents went out."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.core import clock
from models.core.errors import Locked, ValidationError
from models.core.text import clean_line
from models.core.words import ConferenceWords as W
from models.domain.base import now
from models.domain.office import Office, person_line, split_title
from models.domain.conference import BroadcastSlot, Conference, ConferenceVillage, Invitee
from models.domain.deadlines import office_calendar
from models.domain.plan import Plan
from models.domain.rules import office_rules
from models.services import catalog, records
from models.services.validate import optional_line, parse_date, parse_int, parse_time, required, text

#: the fields a conference form edits, in form order
FORM_KEYS = ("title", "date", "start_time", "venue", "villages", "chair", "secretary", "topics",
             "invited_groups", "invitees")
SLOTS = ("sáng", "chiều")
DEFAULT_STATION = W.STATION_DEFAULT


def lines(value: str) -> list[str]:
    return [clean_line(x) for x in str(value or "").splitlines() if clean_line(x)]


def conferences(office: Office, plan: Plan | None = None) -> list[Conference]:
    q = Conference.select().where(Conference.office == office)
    if plan is not None:
        q = q.where(Conference.plan == plan)
    return list(q.order_by(Conference.date, Conference.start_time))


def villages_of(conf: Conference):
    return [link.village for link in conf.village_links.order_by(ConferenceVillage.id)]


def form_values(conf: Conference | None) -> dict:
    """What the form shows: plain strings, villages by name, invitees one a line."""
    if conf is None:
        return {k: "" for k in FORM_KEYS} | {"start_time": "08:00"}
    named = [i for i in conf.invitees.order_by(Invitee.id) if not i.is_group]
    return {
        "title": conf.title, "date": f"{conf.date:%d/%m/%Y}", "start_time": conf.start_time,
        "venue": conf.venue, "villages": ", ".join(v.name for v in villages_of(conf)),
        "chair": conf.chair, "secretary": conf.secretary, "topics": conf.topics,
        "invited_groups": conf.invited_groups,
        "invitees": "\n".join(invitee_line(i) for i in named),
    }


def invitee_line(i: Invitee) -> str:
    """An invitee as the form shows it, one a line: "Ông Đặng Văn Tứ - Trưởng thôn Đông"."""
    return person_line(i.title, i.name, i.position)


def invitee_lines(conf: Conference) -> list[str]:
    """The named invitees, one line each as the form shows them: how the
    conference's history keeps them (a change of a title or a name is a change
    of the conference, put back with U like its other fields)."""
    return [invitee_line(i) for i in conf.invitees.where(~Invitee.is_group).order_by(Invitee.id)]


def _people(values) -> list[tuple[str, str, str]]:
    """Lines of invitees → (title, name, position) each."""
    out = []
    for line in lines(values):
        name, _, position = line.partition(" - ")
        said, name = split_title(name)        # "Ông …", "Bà …": the title, kept apart
        out.append((said, required(name, W.INVITEE_NAME, field="invitees", max_len=120),
                    optional_line(position, max_len=200)))
    return out


def restore_invitees(conf: Conference, kept: list[str]) -> None:
    """Put back the named invitees as the history kept them (U on a line of the
    conference's history), after its groups (the invitations' order)."""
    if conf.status not in ("planned", "announced"):
        raise Locked(W.ALREADY_HELD)
    sync_groups(conf)
    _replace_people(conf, _people("\n".join(kept)))


def _parse(office: Office, values: dict) -> tuple[dict, list, list[tuple[str, str, str]]]:
    """Validate form values → (conference fields, villages, named invitees)."""
    date = parse_date(values.get("date"), W.DATE, field="date")
    start = parse_time(values.get("start_time") or "08:00", W.START_TIME, field="start_time")
    venue = required(values.get("venue"), W.VENUE, field="venue", max_len=200)
    names = [n.strip() for n in str(values.get("villages") or "").replace(";", ",").split(",") if n.strip()]
    if not names:
        raise ValidationError(W.VILLAGES_NEEDED,
                              field="villages")
    vills = []
    for n in names:
        v = catalog.find_village(office, n)
        if v not in vills:
            vills.append(v)
    chair = text(values.get("chair"))
    if not chair.strip():
        raise ValidationError(W.CHAIR_NEEDED, field="chair")
    title = optional_line(values.get("title"), max_len=300, label=W.TITLE)
    if not title:
        title = W.TITLE_PREFIX + ", ".join(v.label.lower()[:1] + v.label[1:] for v in vills)
    invitees = _people(values.get("invitees"))
    fields = dict(title=title, date=date, start_time=start, venue=venue, chair=chair,
                  secretary=optional_line(values.get("secretary"), max_len=200, label=W.SECRETARY),
                  topics=text(values.get("topics")), invited_groups=text(values.get("invited_groups")))
    return fields, vills, invitees


def _sync(conf: Conference, vills: list, invitees: list[tuple[str, str, str]]) -> None:
    """Villages and invitees follow the form: groups from "invited groups", people
    from "invitees"; replaced as a whole because the form shows them as a whole."""
    ConferenceVillage.delete().where(ConferenceVillage.conference == conf).execute()
    for v in vills:
        ConferenceVillage.create(conference=conf, village=v)
    sync_groups(conf)
    _replace_people(conf, invitees)


def rebuild_invitees(conf: Conference) -> None:
    """The invitees' rows made again after U put back the conference's "invited
    groups": the groups as it now says, then the same people."""
    people = _people("\n".join(invitee_lines(conf)))
    sync_groups(conf)
    _replace_people(conf, people)


def sync_groups(conf: Conference) -> None:
    """The invited groups' rows, one per line of the conference's "invited groups"."""
    Invitee.delete().where((Invitee.conference == conf) & Invitee.is_group).execute()
    for g in lines(conf.invited_groups):
        Invitee.create(conference=conf, name=g, is_group=True)


def _replace_people(conf: Conference, invitees: list[tuple[str, str, str]]) -> None:
    Invitee.delete().where((Invitee.conference == conf) & ~Invitee.is_group).execute()
    for title, name, position in invitees:
        Invitee.create(conference=conf, name=name, position=position, title=title)


def create_conference(office: Office, plan: Plan | None, values: dict) -> Conference:
    fields, vills, invitees = _parse(office, values)
    with Conference._meta.database.atomic():
        conf = records.create(Conference, office=office, plan=plan, **fields)
        _sync(conf, vills, invitees)
    return conf


def update_conference(conf: Conference, values: dict, *, expected_version: int | None = None) -> Conference:
    if conf.status not in ("planned", "announced"):
        raise Locked(W.ALREADY_HELD)
    fields, vills, invitees = _parse(conf.office, values)
    with Conference._meta.database.atomic():
        before, after = invitee_lines(conf), [person_line(*i) for i in invitees]
        records.update(conf, fields, expected_version=expected_version,
                       related={"invitees": (before, after)} if before != after else None)
        _sync(conf, vills, invitees)
    return conf


# --- documents that went out ---------------------------------------------------------

def ensure_not_issued(conf: Conference, field: str, label: str) -> None:
    """A number in the register cannot be taken back: issuing the same notice
    or invitations twice is refused, with the way to reprint or correct."""
    done = getattr(conf, field)
    if done:
        raise ValidationError(
            W.ALREADY_ISSUED.format(label=label, on=done), remedy="correct_document")


# --- loudspeaker broadcast -------------------------------------------------------------

def broadcast_slots(conf: Conference) -> list[BroadcastSlot]:
    order = {s: i for i, s in enumerate(SLOTS)}
    rows = list(conf.broadcasts)
    return sorted(rows, key=lambda s: (s.day, order.get(s.slot, 9), s.station))


def stations(conf: Conference) -> list[str]:
    out = []
    for v in villages_of(conf):
        st = v.station or DEFAULT_STATION
        if st not in out:
            out.append(st)
    return out or [DEFAULT_STATION]


def default_broadcasts(conf: Conference, *, days: int | None = None, last_day: dt.date | None = None
                       ) -> list[tuple[dt.date, str, str]]:
    """Lịch phát loa by the rule (one definition, used by the Hội nghị screen and
    the printed script): ``days`` consecutive days (at least the rule's number),
    morning and afternoon, at each village station, ending on the last day the
    rule allows (by default 3 days before the conference, counted as the
    milestone checklist counts: Civil Code Art. 145-148)."""
    rule = office_rules(conf.office)["broadcast"]
    need = max(rule.consecutive_days, 1)
    days = need if days is None else days
    if days < need:
        raise ValidationError(W.BROADCAST_DAYS.format(need=need, source=rule.source), field="days")
    last = last_day or office_calendar(conf.office).before(conf.date, rule.days, rule.unit)
    if last >= conf.date:
        raise ValidationError(W.LAST_BEFORE_CONFERENCE, field="last_day")
    return [(last - dt.timedelta(days=i), slot, station)
            for i in range(days - 1, -1, -1) for slot in SLOTS for station in stations(conf)]


def plan_broadcasts_as_typed(conf: Conference, values: dict):
    """``plan_broadcasts`` from the schedule form: the days and the last day as typed."""
    days = parse_int(values.get("days"), W.DAYS_LABEL, minimum=1, maximum=15, field="days")
    last = parse_date(values.get("last_day"), W.LAST_DAY_LABEL, field="last_day")
    return plan_broadcasts(conf, days=days, last_day=last)


def minutes_signing_as_typed(values: dict) -> dict:
    """The signed-minutes form's date and scan path, checked, as the arguments
    of ``documents.mark_minutes_signed``."""
    on = parse_date(values.get("date"), W.SIGNED_ON_LABEL, field="date")
    scan = str(values.get("scan") or "").strip().strip('"')
    return {"on": on, "scan": Path(scan).expanduser() if scan else None}


def plan_broadcasts(conf: Conference, *, days: int | None = None, last_day: dt.date | None = None
                    ) -> list[BroadcastSlot]:
    """Write the broadcast plan (``default_broadcasts``). Readings already ticked
    are kept; unticked slots are replaced."""
    wanted = default_broadcasts(conf, days=days, last_day=last_day)
    with BroadcastSlot._meta.database.atomic():
        BroadcastSlot.delete().where((BroadcastSlot.conference == conf)
                                     & BroadcastSlot.read_at.is_null()).execute()
        kept = {(s.day, s.slot, s.station) for s in conf.broadcasts}
        for key in wanted:
            if key not in kept:
                day, slot, station = key
                BroadcastSlot.create(conference=conf, day=day, slot=slot, station=station)
    return broadcast_slots(conf)


def tick_reading(slot: BroadcastSlot, by: str = "", at: dt.datetime | None = None) -> BroadcastSlot:
    """Người phát thanh đánh dấu đã đọc; ticking again clears a mistaken tick.
    A reading cannot be marked before its day: the log is the office's record
    that the notice was broadcast, so it must not run ahead of the calendar."""
    if slot.read_at:
        return records.update(slot, {"read_at": None, "read_by": ""})
    on = at.date() if at else clock.today()
    if slot.day > on:
        raise ValidationError(W.NOT_YET_DUE.format(day=slot.day, today=on), field="read_at")
    by = optional_line(by, max_len=120, label=W.READ_BY) or DEFAULT_STATION
    return records.update(slot, {"read_at": at or now(), "read_by": by})
