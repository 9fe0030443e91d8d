"""Phiên đối thoại: recording a conference as it happens.

Everything the secretary types is kept in the database as it is typed. A
petition being entered is a *draft* stored with the place on screen (Setting
"session.resume:<office>") until it is complete; completing it creates the
Petition and clears the draft in one transaction, so a kill between the two
can neither lose nor duplicate it. Drafts never reach the board or reports.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .. import clock
from ..base import now
from ..catalog import Field, Official, Setting, Unit, Village
from ..conferences import (
    ATTENDANCE_GROUPS,
    AgendaItem,
    Attendance,
    Conference,
    ConferenceVillage,
)
from ..db import database
from ..errors import ValidationError
from ..petitions import CHANNELS, DISPOSITIONS, Petition
from ..text import by_name, clean_line, fold, person_name
from . import records
from .validate import parse_int

LIVE_FROM = ("planned", "announced")
#: the channels offered in a session, in the order Ctrl+L cycles through them
SESSION_CHANNELS = ("spoken", "slip", "before")
#: disposition keys on the entry line
DISPOSITION_KEYS = {"1": "on_spot", "2": "in_writing", "3": "forwarded", "4": "noted"}

DRAFT_KEYS = ("citizen_name", "citizen_withheld", "village", "field", "channel", "content", "disposition",
              "unit", "forwarded_to", "answer_on_spot", "answered_by", "group_parent", "similar_to",
              "citizen_title", "citizen_address", "citizen_phone")
#: the citizen's contact details, typed in a small form (Ctrl+N), all optional
CONTACT_KEYS = ("citizen_title", "citizen_address", "citizen_phone")


def empty_draft(answered_by: str = "") -> dict:
    return {"citizen_name": "", "citizen_withheld": False, "village": "", "field": "", "channel": "spoken",
            "content": "", "disposition": "", "unit": "", "forwarded_to": "", "answer_on_spot": "",
            "answered_by": answered_by, "group_parent": None, "similar_to": None,
            "citizen_title": "", "citizen_address": "", "citizen_phone": ""}


# --- which conference ----------------------------------------------------------------

def pick_conference(office) -> Conference | None:
    """The conference in session; else today's; else the nearest one not yet held
    (upcoming first, then the most recent past one still planned)."""
    base = Conference.select().where(Conference.office == office)
    live = base.where(Conference.status == "in_session").order_by(Conference.date.desc()).first()
    if live:
        return live
    today = clock.today()
    todays = base.where((Conference.date == today) & Conference.status.in_(LIVE_FROM)).first()
    if todays:
        return todays
    upcoming = (base.where((Conference.date >= today) & Conference.status.in_(LIVE_FROM))
                .order_by(Conference.date).first())
    if upcoming:
        return upcoming
    return base.where(Conference.status.in_(LIVE_FROM)).order_by(Conference.date.desc()).first()


def conferences(office) -> list[Conference]:
    """Every conference, newest first, for the "choose another" list."""
    return list(Conference.select().where(Conference.office == office).order_by(Conference.date.desc()))


def start_session(conf: Conference) -> Conference:
    """Bắt đầu phiên: status → in_session; the start time becomes the actual one."""
    if conf.status == "in_session":
        return conf
    if conf.status not in LIVE_FROM:
        raise ValidationError(f"Hội nghị đang ở trạng thái “{conf.status_label}”, không bắt đầu lại được. "
                              "Hãy chọn hội nghị khác.", remedy="pick_conference")
    return records.update(conf, {"status": "in_session", "start_time": f"{now():%H:%M}"})


def start_warning(conf: Conference, today: dt.date | None = None) -> str:
    """Why starting the session now needs a confirmation ("" when it does not):
    before the conference's date, or more days after it than the office's rule."""
    from ..rules import office_rules

    if conf.status == "in_session":
        return ""
    today = today or clock.today()
    late = office_rules(conf.office)["session_late"].days
    if today < conf.date:
        return (f"Hôm nay là {today:%d/%m/%Y}, hội nghị này họp ngày {conf.date:%d/%m/%Y} "
                f"(còn {(conf.date - today).days} ngày). Bắt đầu phiên ghi hội nghị từ bây giờ?")
    if (today - conf.date).days > late:
        return (f"Hội nghị này họp ngày {conf.date:%d/%m/%Y}, đã qua {(today - conf.date).days} ngày "
                f"(quá {late} ngày theo quy định của văn phòng, mục Thời hạn ở Danh mục). "
                "Vẫn bắt đầu phiên để ghi lại hội nghị?")
    return ""


def close_session(conf: Conference) -> Conference:
    """Kết thúc phiên: the running agenda item ends, status → closed, end time now."""
    if conf.status != "in_session":
        raise ValidationError("Hội nghị chưa ở trạng thái đang họp nên không kết thúc được.")
    with database.atomic():
        at = now()
        for item in AgendaItem.select().where((AgendaItem.conference == conf) & AgendaItem.actual_start.is_null(False)
                                              & AgendaItem.actual_end.is_null()):
            records.update(item, {"actual_end": at})
        return records.update(conf, {"status": "closed", "end_time": f"{at:%H:%M}"})


def set_conclusions(conf: Conference, text: str) -> Conference:
    fresh = Conference.get_by_id(conf.id)
    if fresh.conclusions == text:
        return fresh
    return records.update(fresh, {"conclusions": text})


# --- attendance ------------------------------------------------------------------------

@dataclass
class AttendanceSummary:
    counts: dict = field(default_factory=dict)          # group → number
    guests: list = field(default_factory=list)          # (name, position)

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + len(self.guests)


def attendance(conf: Conference) -> AttendanceSummary:
    out = AttendanceSummary({g: 0 for g in ATTENDANCE_GROUPS})
    for row in Attendance.select().where(Attendance.conference == conf).order_by(Attendance.id):
        if row.name:
            out.guests.append((row.name, row.position))
        elif row.group in out.counts:
            out.counts[row.group] += row.count
    return out


def guests_text(summary: AttendanceSummary) -> str:
    return "\n".join(f"{n} - {p}" if p else n for n, p in summary.guests)


def set_attendance(conf: Conference, counts: dict, guests: str) -> AttendanceSummary:
    """Replace the counts by group and the named guests ("Tên - chức vụ", one a line)."""
    numbers = {g: parse_int(str(counts.get(g, "") or "0"), label, maximum=100_000)
               for g, label in ATTENDANCE_GROUPS.items()}
    people = []
    for line in (guests or "").splitlines():
        line = clean_line(line)
        if line:
            name, _, position = line.partition(" - ")
            people.append((clean_line(name), clean_line(position)))
    with database.atomic():
        for row in Attendance.select().where(Attendance.conference == conf):
            records.delete(row)
        for g, n in numbers.items():
            records.create(Attendance, conference=conf, group=g, count=n)
        for name, position in people:
            records.create(Attendance, conference=conf, group="guest", name=name, position=position)
    return attendance(conf)


# --- agenda ----------------------------------------------------------------------------

def agenda(conf: Conference) -> list[AgendaItem]:
    return list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))


def running_item(conf: Conference) -> AgendaItem | None:
    return next((i for i in agenda(conf) if i.actual_start and not i.actual_end), None)


def toggle_agenda(conf: Conference) -> AgendaItem | None:
    """Ends the running item, or starts the next one not yet started."""
    items = agenda(conf)
    running = next((i for i in items if i.actual_start and not i.actual_end), None)
    if running:
        return records.update(running, {"actual_end": now()})
    nxt = next((i for i in items if not i.actual_start), None)
    if nxt is None:
        raise ValidationError("Các mục trong chương trình đều đã diễn ra.")
    return records.update(nxt, {"actual_start": now()})


# --- the place to return to -------------------------------------------------------------

def workstation() -> str:
    """This workstation: host name and OS user (DOITHOAI_WORKSTATION overrides,
    e.g. two windows on one PC). Each keeps its own place and drafts."""
    import getpass
    import os
    import socket

    name = os.environ.get("DOITHOAI_WORKSTATION")
    if name:
        return name[:100]
    try:
        user = getpass.getuser()
    except Exception:  # no user name in this environment
        user = ""
    return f"{socket.gethostname()}/{user}"[:100]


def _key(office) -> str:
    return f"session.resume:{office.id}:{workstation()}"


def load_place(office) -> dict:
    row = Setting.get_or_none(Setting.key == _key(office))
    if row is None:
        # a place saved before places were kept per workstation
        row = Setting.get_or_none(Setting.key == f"session.resume:{office.id}")
    if row is None or not row.value:
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:  # a damaged value must not stop the app: start afresh
        return {}
    return value if isinstance(value, dict) else {}


def save_place(office, place: dict) -> None:
    """Upsert the place (conference, focused field, draft, queue). One short write;
    it is the unit of durability for text being typed."""
    value = json.dumps(place, ensure_ascii=False)
    n = Setting.update(value=value, updated_at=now()).where(Setting.key == _key(office)).execute()
    if n == 0:
        Setting.create(office=office, key=_key(office), value=value)


def resume_point(office) -> dict | None:
    """Where to reopen after a restart: a place whose conference is in session."""
    place = load_place(office)
    conf_id = place.get("conference")
    if conf_id and Conference.select().where((Conference.id == conf_id) & (Conference.office == office)
                                             & (Conference.status == "in_session")).exists():
        return place
    live = Conference.get_or_none((Conference.office == office) & (Conference.status == "in_session"))
    return {"conference": live.id} if live else None


# --- choices for type-ahead --------------------------------------------------------------

def rank(names: list[str], typed: str) -> list[str]:
    """Names whose folded form (or one of whose words) starts with the folded
    ``typed`` text, in the given order of preference."""
    key = fold(typed)
    if not key:
        return list(names)
    whole = [n for n in names if fold(n).startswith(key)]
    words = [n for n in names if n not in whole and any(w.startswith(key) for w in fold(n).split())]
    return whole + words


def village_names(office, conf: Conference | None) -> list[str]:
    """The conference's villages first (the speakers come from them), then the rest."""
    own = []
    if conf is not None:
        own = by_name(cv.village.name for cv in ConferenceVillage.select(ConferenceVillage, Village).join(Village)
                      .where(ConferenceVillage.conference == conf))
    rest = by_name(v.name for v in Village.select().where((Village.office == office) & (Village.active == True))  # noqa: E712
                   if v.name not in own)
    return own + rest


@lru_cache(maxsize=1)
def _usual_units() -> dict[str, str]:
    from data import load_json

    return {fold(k): fold(v) for k, v in load_json("catalog/fields.json").get("usual_units", {}).items()}


def usual_unit(field_name: str, units: list[str]) -> str:
    """The unit that usually answers this field (data/catalog/fields.json), if the office has it."""
    wanted = _usual_units().get(fold(field_name))
    return next((u for u in units if wanted and fold(u) == wanted), "")


def unit_names(office, field_name: str = "") -> list[str]:
    """Units: the field's usual unit first (the catalogue's mapping), then the
    ones that most often answered this field's petitions."""
    units = by_name(u.name for u in Unit.select().where((Unit.office == office) & (Unit.active == True)))  # noqa: E712
    if not field_name:
        return units
    used = Counter(u for (u,) in Petition.select(Unit.name).join(Unit).switch(Petition).join(Field)
                   .where((Petition.office == office) & (Field.name == field_name)).tuples())
    usual = usual_unit(field_name, units)
    return sorted(units, key=lambda n: (n != usual, -used.get(n, 0)))


def official_names(office) -> list[str]:
    return [o.full_name for o in Official.select().where((Official.office == office)
                                                         & (Official.active == True))  # noqa: E712
            .order_by(Official.id)]


def field_list(office) -> list[Field]:
    return list(Field.select().where((Field.office == office) & (Field.active == True))  # noqa: E712
                .order_by(Field.code))


def resolve_field(office, typed: str) -> Field | None:
    """A field by its number key or the beginning of its name."""
    typed = clean_line(typed)
    fields = field_list(office)
    if typed.isdigit():
        return next((f for f in fields if f.code == int(typed)), None)
    names = rank([f.name for f in fields], typed)
    return next((f for f in fields if names and f.name == names[0]), None)


def field_is_decided(office, typed: str) -> bool:
    """True when the digits typed name one field and no longer code starts with them
    (so "3" is taken at once, while "1" waits for a possible "10")."""
    if not typed.isdigit():
        return False
    codes = [str(f.code) for f in field_list(office)]
    return typed in codes and not any(c != typed and c.startswith(typed) for c in codes)


def chair_name(conf: Conference) -> str:
    return person_name(conf.chair)


# --- petitions -----------------------------------------------------------------------------

def session_petitions(conf: Conference) -> list[Petition]:
    return list(Petition.select().where(Petition.conference == conf).order_by(Petition.seq, Petition.id))


def _pick(model, office, name: str, label: str, choices: list[str]):
    if not clean_line(name):
        return None
    hits = rank(choices, name)
    if not hits:
        raise ValidationError(f"Không có {label} “{clean_line(name)}”. Hãy gõ vài chữ đầu của tên trong danh mục.",
                              field=label)
    attr = model.name
    return model.get((model.office == office) & (attr == hits[0]))


def commit_draft(office, conf: Conference, draft: dict, place: dict | None = None) -> Petition:
    """Record the petition in ``draft`` and, in the same transaction, store
    ``place`` (the screen's place with the draft cleared)."""
    from .petitions import record_petition

    disposition = draft.get("disposition") or ""
    if disposition not in DISPOSITIONS:
        raise ValidationError("Chọn hướng xử lý: 1 trả lời tại chỗ, 2 trả lời bằng văn bản, 3 chuyển cấp "
                              "có thẩm quyền, 4 ghi nhận.", field="disposition")
    channel = draft.get("channel") or "spoken"
    if channel not in CHANNELS:
        channel = "spoken"
    village = _pick(Village, office, draft.get("village", ""), "thôn", village_names(office, conf))
    field_ = resolve_field(office, draft.get("field", "")) if clean_line(draft.get("field", "")) else None
    if clean_line(draft.get("field", "")) and field_ is None:
        raise ValidationError(f"Không có lĩnh vực “{draft['field']}”. Gõ số của lĩnh vực.", field="field")
    unit = None
    if disposition == "in_writing":
        unit = _pick(Unit, office, draft.get("unit", ""), "đơn vị", unit_names(office))
    with database.atomic():
        p = record_petition(
            office, conference=conf, content=draft.get("content", ""),
            citizen_name=draft.get("citizen_name", ""), citizen_withheld=bool(draft.get("citizen_withheld")),
            village=village, field=field_, channel=channel,
            answer_on_spot=draft.get("answer_on_spot", ""),
            answered_by=draft.get("answered_by", "") if draft.get("answer_on_spot", "").strip() else "",
            disposition=disposition, unit=unit,
            forwarded_to=draft.get("forwarded_to", "") if disposition == "forwarded" else "",
            **{k: clean_line(draft.get(k, "")) for k in CONTACT_KEYS})
        links = {}
        ref = draft.get("similar_to")
        if ref and Petition.select().where((Petition.id == ref) & (Petition.office == office)).exists():
            links["similar_to"] = ref
        if links:
            records.update(p, links)
        head = draft.get("group_parent")
        if isinstance(head, int) and not isinstance(head, bool):
            from .petition_edit import set_group

            parent = Petition.get_or_none((Petition.id == head) & (Petition.office == office))
            if parent is not None:
                set_group(p, parent)
        if place is not None:
            save_place(office, place)
    if draft.get("citizen_withheld"):
        from ..db import scrub_log

        scrub_log()       # the name typed before Ctrl+Y may still be in the log
    return p


def similar_for_draft(office, conf: Conference, draft: dict, limit: int = 3):
    """Earlier petitions resembling the draft (same village and field, similar words)."""
    from .similar import similar_petitions

    try:
        village = _pick(Village, office, draft.get("village", ""), "thôn", village_names(office, conf))
    except ValidationError:
        return []
    field_ = resolve_field(office, draft.get("field", "")) if clean_line(draft.get("field", "")) else None
    return similar_petitions(office, village=village, field=field_, content=draft.get("content", ""),
                             limit=limit)


def group_candidates_for_draft(office, conf: Conference, draft: dict):
    """The petitions the one being typed may join (see petition_edit.group_candidates)."""
    from .petition_edit import group_candidates

    try:
        village = _pick(Village, office, draft.get("village", ""), "thôn", village_names(office, conf))
    except ValidationError:
        village = None
    field_ = resolve_field(office, draft.get("field", "")) if clean_line(draft.get("field", "")) else None
    return group_candidates(office, village=village, field=field_, content=draft.get("content", ""),
                            conference=conf)


def next_channel(channel: str) -> str:
    i = SESSION_CHANNELS.index(channel) if channel in SESSION_CHANNELS else -1
    return SESSION_CHANNELS[(i + 1) % len(SESSION_CHANNELS)]


def elapsed_text(start: dt.datetime | None, end: dt.datetime | None = None) -> str:
    if not start:
        return ""
    secs = int(((end or now()) - start).total_seconds())
    return f"{secs // 3600:d}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
