"""Phiên đối thoại: recording a conference as it happens.

Everything the secretary types is kept in the database as it is typed. A
petition being entered is a *draft* stored with the place on screen (Setting
"session.resume:<office>") until it is complete; completing it creates the
Petition and clears the draft in one transaction, so a kill between the two
can neither lose nor duplicate it. Drafts never reach the board or reports.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import socket
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from peewee import JOIN

from models.core import clock
from models.core.errors import StaleEdit, ValidationError
from models.core.paths import locations
from models.core.text import by_name, clean_line, person_name
from models.core.words import CONFERENCE_STATUSES
from models.core.words import LiveSessionWords as W
from models.domain.base import now
from models.domain.office import Field, Official, Setting, Unit, Village, person_line, split_title
from models.domain.conference import (
    ATTENDANCE_GROUPS,
    AgendaItem,
    Attendance,
    AttendanceSummary,
    Conference,
    ConferenceVillage,
    attendance,
)
from models.domain.document_text import DRAFT
from models.domain.petition import CHANNELS, DISPOSITIONS, Petition
from models.domain.rules import office_rules
from models.services import records
from models.services.typeahead import match_field, rank  # rank: the screens' type-ahead, re-exported
from models.storage.files import make_folder
from models.services.validate import parse_int, parse_time
from models.storage.db import database, scrub_log
from models.storage.open_lock import FileLock

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
    """Bắt đầu phiên: status → in_session; the clock is the actual start
    (the scheduled start time stays as it was announced)."""
    if conf.status == "in_session":
        return conf
    refusal = start_refusal(conf)
    if refusal:
        raise ValidationError(refusal, remedy="pick_conference")
    return records.update(conf, {"status": "in_session", "actual_start": f"{now():%H:%M}"})


def start_refusal(conf: Conference) -> str:
    """Why the session of ``conf`` cannot start at all ("" when it can): it was
    held already (closed, minutes signed, reported …). Said before any question."""
    if conf.status == "in_session" or conf.status in LIVE_FROM:
        return ""
    return (W.CANNOT_START.format(status_label=conf.status_label))


def start_warning(conf: Conference, today: dt.date | None = None) -> str:
    """Why starting the session now needs a confirmation ("" when it does not):
    before the conference's date, or more days after it than the office's rule."""
    if conf.status == "in_session":
        return ""
    today = today or clock.today()
    late = office_rules(conf.office)["session_late"].days
    if today < conf.date:
        return (W.TOO_EARLY.format(today=today, date=conf.date, days=(conf.date - today).days))
    if (today - conf.date).days > late:
        return (W.TOO_LATE.format(date=conf.date, days=(today - conf.date).days, late=late))
    return ""


def close_session(conf: Conference) -> Conference:
    """Kết thúc phiên: the running agenda item ends, status → closed, the actual end is now."""
    if conf.status != "in_session":
        raise ValidationError(W.NOT_IN_SESSION)
    with database.atomic():
        at = now()
        for item in AgendaItem.select().where((AgendaItem.conference == conf) & AgendaItem.actual_start.is_null(False)
                                              & AgendaItem.actual_end.is_null()):
            records.update(item, {"actual_end": at})
        return records.update(conf, {"status": "closed", "actual_end": f"{at:%H:%M}"})


#: a conference in these states has not met yet: it has no actual times
NOT_MET = ("planned", "announced")


def refuse_times_before_session(conf: Conference) -> Conference:
    """Refuse actual times for a conference that has not met yet (they would be
    stated by the minutes and the report as what happened); returns ``conf``."""
    if conf.status in NOT_MET:
        raise ValidationError(W.NOT_MET_YET.format(date=conf.date, status=CONFERENCE_STATUSES[conf.status]),
                              field="actual_start", remedy="start_session")
    return conf


def set_actual_times(conf: Conference, start: str, end: str = "") -> Conference:
    """The one place the times the minutes and the report state are corrected
    (a session started late on the computer, say): the actual start and end,
    "08:05" or "8h05"; an empty end leaves the end unrecorded. The schedule is
    not touched. Refused while the conference has not met."""
    refuse_times_before_session(conf)
    begin = parse_time(start, W.ACTUAL_START, field="actual_start")
    finish = parse_time(end, W.ACTUAL_END, field="actual_end") if clean_line(end) else ""
    if finish and finish < begin:
        raise ValidationError(W.END_BEFORE_START.format(finish=finish, begin=begin),
                              field="actual_end")
    from models.services import compose  # off the start-up path

    before = compose.conference_facts(conf)
    conf = records.update(conf, {"actual_start": begin, "actual_end": finish})
    _times_follow(conf, before, compose.conference_facts(conf))
    return conf


def _times_follow(conf: Conference, before, after) -> None:
    """A minutes or report draft already edited (not yet issued) states the new
    times too: the times are corrected here, not in each text."""
    from models.services import documents  # off the start-up path

    for slug in ("bien-ban", "bao-cao"):
        row = documents.latest_text(conf.office, slug, conf.id)
        if row is None or row.status != DRAFT:
            continue
        content = row.parsed
        body = (content.body.replace(before.held_when, after.held_when)
                .replace(W.AT_TIME.format(ended=before.ended), W.AT_TIME.format(ended=after.ended)))
        if body != content.body:
            records.update(row, {"content": replace(content, body=body).to_json()})


def set_conclusions(conf: Conference, text: str, seen: str | None = None) -> Conference:
    """Save the chair's conclusions. ``seen`` is the stored text this editor last
    saw (None: no check); when the stored text is no longer that, someone else
    saved meanwhile: StaleEdit (who, when, their text in ``current``) instead
    of overwriting it.
    A change of another field of the conference (its status, say) is not a clash."""
    for _ in range(5):
        fresh = Conference.get_by_id(conf.id)
        if fresh.conclusions == text:
            return fresh
        if seen is not None and fresh.conclusions != seen:
            raise records.stale_edit(Conference, Conference(**{**fresh.__data__, "conclusions": seen}), fresh)
        try:
            return records.update(fresh, {"conclusions": text})
        except StaleEdit:   # the row changed between the read and the write: look again
            continue
    raise StaleEdit(W.BUSY_ELSEWHERE)


def merge_conclusions(seen: str, mine: str, theirs: str) -> str:
    """Ghép: the other workstation's text with the lines this one added or
    rewrote since ``seen``, each put before the line it preceded here. Lines this
    one removed stay if the other kept them: a merge drops nothing typed."""
    base, ours, other = ([] if not t else t.split("\n") for t in (seen, mine, theirs))
    # where each line of the base is now in theirs (where it was, if they changed it);
    # at the same place their lines come first: they saved first
    before = {len(base): len(other)}
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, base, other, autojunk=False).get_opcodes():
        for i in range(i1, i2):
            before[i] = j1 + i - i1 if tag == "equal" else j1
    added: dict[int, list[str]] = {}
    for tag, _i1, i2, j1, j2 in SequenceMatcher(None, base, ours, autojunk=False).get_opcodes():
        if tag in ("insert", "replace"):
            added.setdefault(before[i2] - 1, []).extend(line for line in ours[j1:j2] if line not in other)
    result = list(added.get(-1, []))
    for j, line in enumerate(other):
        result += [line, *added.get(j, [])]
    return "\n".join(result)


# --- attendance ------------------------------------------------------------------------

def guests_text(summary: AttendanceSummary) -> str:
    """The named guests as F9's form shows them, one a line: "Bà Ngô Thị Hạnh - Chủ tịch …"."""
    return "\n".join(person_line(*guest) for guest in summary.guests)


def set_attendance(conf: Conference, counts: dict, guests: str) -> AttendanceSummary:
    """Replace the counts by group and the named guests ("Tên - chức vụ", one a line)."""
    numbers = {g: parse_int(str(counts.get(g, "") or "0"), label, maximum=100_000)
               for g, label in ATTENDANCE_GROUPS.items()}
    people = []
    for line in (guests or "").splitlines():
        line = clean_line(line)
        if line:
            name, _, position = line.partition(" - ")
            title, name = split_title(clean_line(name))     # "Ông …", "Bà …": the title, kept apart
            people.append((title, name, clean_line(position)))
    with database.atomic():
        for row in Attendance.select().where(Attendance.conference == conf):
            records.delete(row)
        for g, n in numbers.items():
            records.create(Attendance, conference=conf, group=g, count=n)
        for title, name, position in people:
            records.create(Attendance, conference=conf, group="guest", name=name, position=position, title=title)
    return attendance(conf)


# --- agenda ----------------------------------------------------------------------------

def agenda(conf: Conference) -> list[AgendaItem]:
    return list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))


def running_item(items: list[AgendaItem]) -> AgendaItem | None:
    """The agenda item started and not ended yet, if any."""
    return next((i for i in items if i.actual_start and not i.actual_end), None)


def toggle_agenda(conf: Conference) -> AgendaItem | None:
    """Ends the running item, or starts the next one not yet started."""
    items = agenda(conf)
    running = running_item(items)
    if running:
        return records.update(running, {"actual_end": now()})
    nxt = next((i for i in items if not i.actual_start), None)
    if nxt is None:
        raise ValidationError(W.AGENDA_DONE)
    return records.update(nxt, {"actual_start": now()})


# --- the place to return to -------------------------------------------------------------

def workstation() -> str:
    """This workstation: host name and OS user (DOITHOAI_WORKSTATION overrides,
    e.g. two windows on one PC). Each keeps its own place and drafts; a second
    window of the same workstation is "NAME#2" (``window_number``), so it never
    writes over the first one's draft."""
    name = os.environ.get("DOITHOAI_WORKSTATION")
    if not name:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in this environment
            user = ""
        name = f"{socket.gethostname()}/{user}"
    return _claimed(name[:96])


_claims: dict = {}    # (name, folder) → (the name this process holds, its lock)


def _claimed(name: str) -> str:
    """``name``, or ``name#2``… when another window of this machine holds it: each
    running window holds a lock on its name (dropped by the system when it ends,
    even killed), so the next start after a crash takes its own name back."""
    folder = locations().data / "cua-so"
    got = _claims.get((name, folder))
    if got is not None:
        return got[0]
    try:
        make_folder(folder)
        for n in range(1, 10):
            candidate = name if n == 1 else f"{name}#{n}"
            lock = FileLock(folder / hashlib.sha1(candidate.encode("utf-8")).hexdigest()[:20])
            if lock.acquire(exclusive=True):
                _claims[(name, folder)] = (candidate, lock)
                return candidate
    except OSError:
        pass        # a folder we cannot write: one name, as before
    _claims[(name, folder)] = (name, None)
    return name


def window_number() -> int:
    """1 for the first window of this workstation, 2 for a second one open at the same time…"""
    name = workstation()
    head, _, n = name.rpartition("#")
    return int(n) if head and n.isdigit() else 1


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
    _keep(office, _key(office), place)


def _keep(office, key: str, value) -> None:
    text = json.dumps(value, ensure_ascii=False)
    n = Setting.update(value=text, updated_at=now()).where(Setting.key == key).execute()
    if n == 0:
        Setting.create(office=office, key=key, value=text)


def _unsaved_key(conf: Conference) -> str:
    return f"session.conclusions:{conf.office_id}:{conf.id}:{workstation()}"


def keep_unsaved_conclusions(conf: Conference, text: str | None, seen: str = "") -> None:
    """While another workstation's conclusions wait for this one's choice, the
    text typed here is kept for this workstation only (None: nothing waits)."""
    if text is None:
        Setting.delete().where(Setting.key == _unsaved_key(conf)).execute()
    else:
        _keep(conf.office, _unsaved_key(conf), {"text": text, "seen": seen})


def unsaved_conclusions(conf: Conference) -> tuple[str, str] | None:
    """(text typed here, stored text it was typed over) kept by keep_unsaved_conclusions."""
    row = Setting.get_or_none(Setting.key == _unsaved_key(conf))
    try:
        value = json.loads(row.value) if row is not None else None
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    return str(value.get("text", "")), str(value.get("seen", ""))


def resume_point(office) -> dict | None:
    """Where to reopen after a restart: a place whose conference is in session, or
    one that keeps petitions refused after the next was begun (offered again)."""
    place = load_place(office)
    conf_id = place.get("conference")
    if place.get("refused"):
        return place
    if conf_id and Conference.select().where((Conference.id == conf_id) & (Conference.office == office)
                                             & (Conference.status == "in_session")).exists():
        return place
    live = Conference.get_or_none((Conference.office == office) & (Conference.status == "in_session"))
    return {"conference": live.id} if live else None


# --- choices for type-ahead --------------------------------------------------------------

def village_names(office, conf: Conference | None) -> list[str]:
    """The conference's villages first (the speakers come from them), then the rest."""
    own = []
    if conf is not None:
        own = by_name(cv.village.name for cv in ConferenceVillage.select(ConferenceVillage, Village).join(Village)
                      .where(ConferenceVillage.conference == conf))
    rest = by_name(v.name for v in Village.select().where((Village.office == office) & (Village.active == True))
                   if v.name not in own)
    return own + rest


def unit_names(office, field_name: str = "") -> list[str]:
    """Units: the field's usual unit first (the catalogue's, models/services/usual_units.py), then the
    ones that most often answered this field's petitions."""
    units = by_name(u.name for u in Unit.select().where((Unit.office == office) & (Unit.active == True)))
    if not field_name:
        return units
    used = Counter(u for (u,) in Petition.select(Unit.name).join(Unit).switch(Petition).join(Field)
                   .where((Petition.office == office) & (Field.name == field_name)).tuples())
    from models.services.usual_units import usual_unit  # off the start-up path

    usual = usual_unit(office, field_name, units)
    return sorted(units, key=lambda n: (n != usual, -used.get(n, 0)))


def official_names(office) -> list[str]:
    return [o.full_name for o in Official.select().where((Official.office == office)
                                                         & (Official.active == True))
            .order_by(Official.id)]


def field_list(office) -> list[Field]:
    return list(Field.select().where((Field.office == office) & (Field.active == True))
                .order_by(Field.code))


def resolve_field(office, typed: str) -> Field | None:
    """A field by its number key or the beginning of its name (as the entry reads it)."""
    fields = field_list(office)
    found = match_field([(f.code, f.name) for f in fields], typed)
    return next((f for f in fields if found and f.code == found[0]), None)


def chair_name(conf: Conference) -> str:
    return person_name(conf.chair)


# --- petitions -----------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionRow:
    """One recorded petition as the session's list shows it: plain values read
    in one query with its village, field and group head (no lazy query when
    drawn)."""
    id: int
    seq: int | None
    citizen: str
    village: str
    field: str
    content: str
    disposition: str
    status: str
    head_seq: int | None = None         # the petition it was grouped with
    head_here: bool = False             # ... in this conference
    head_received_on: dt.date | None = None


def with_title(p: Petition) -> str:
    """"Bà Lê Thị Năm": the citizen as the list shows them, with the title recorded
    (Ctrl+W); a withheld name stays withheld."""
    title = p.citizen_title if p.citizen_name and not p.citizen_withheld else ""
    return f"{title} {p.citizen_label}" if title else p.citizen_label


def session_rows(conf: Conference | int, only: int | None = None) -> list[SessionRow]:
    """The conference's petitions (or just petition ``only``), in order, in one query."""
    head = Petition.alias("head")
    query = (Petition.select(Petition, Village.name.alias("village_name"), Field.name.alias("field_name"),
                             head.id.alias("head_id"), head.seq.alias("head_seq"),
                             head.conference.alias("head_conference"), head.received_on.alias("head_received_on"))
             .join(Village, JOIN.LEFT_OUTER, on=(Petition.village == Village.id))
             .switch(Petition).join(Field, JOIN.LEFT_OUTER, on=(Petition.field == Field.id))
             .switch(Petition).join(head, JOIN.LEFT_OUTER, on=(Petition.group_parent == head.id))
             .where(Petition.id == only if only is not None else Petition.conference == conf)
             .order_by(Petition.seq, Petition.id).objects())
    conf_id = conf if isinstance(conf, int) else conf.id
    return [SessionRow(p.id, p.seq, with_title(p), p.village_name or "",
                       p.field_name or "", p.content, p.disposition, p.status,
                       head_seq=(p.head_seq or p.head_id) if p.group_parent_id else None,
                       head_here=p.group_parent_id is not None and p.head_conference == conf_id,
                       head_received_on=p.head_received_on)
            for p in query]


def _pick(model, office, name: str, label: str, choices: list[str]):
    if not clean_line(name):
        return None
    hits = rank(choices, name)
    if not hits:
        raise ValidationError(W.NO_SUCH.format(label=label, name=clean_line(name)),
                              field=label)
    attr = model.name
    return model.get((model.office == office) & (attr == hits[0]))


def contacts_from(values: dict) -> dict:
    """A citizen's title, address and phone as typed in the session's contacts
    form, cleaned for the draft (all optional)."""
    return {k: clean_line(values.get(k) or "") for k in CONTACT_KEYS}


def speaker_from(values: dict) -> dict:
    """A person asking to speak, as typed in the session's queue form (nothing
    is required: the queue is the screen's, the petition is judged when typed)."""
    return {"citizen_name": clean_line(values.get("citizen_name") or ""),
            "village": clean_line(values.get("village") or ""), "field": clean_line(values.get("field") or ""),
            "channel": "slip" if (values.get("slip") or "").strip() else "spoken"}


def check_draft(draft: dict) -> None:
    """The rules a petition typed in the session meets before it is recorded,
    in one place: the entry asks them when Enter would record it (and goes to
    the field named in the error), ``commit_draft`` again before it writes.
    What needs the catalogue (the village, the field, the unit by name) is
    checked by ``commit_draft`` alone."""
    if not clean_line(draft.get("content", "")):
        raise ValidationError(W.CONTENT_MISSING, field="content")
    if (draft.get("disposition") or "") not in DISPOSITIONS:
        raise ValidationError(W.PICK_DISPOSITION, field="disposition")
    if draft["disposition"] == "in_writing" and not clean_line(draft.get("unit", "")):
        raise ValidationError(W.UNIT_MISSING, field="unit")


def check_recording(conf: Conference | None) -> None:
    """A petition can be recorded in ``conf`` now (the session's screen asks
    before it hands a finished petition on)."""
    if conf is None:
        raise ValidationError(W.NO_CONFERENCE, remedy="new_conference")
    if conf.status != "in_session":
        raise ValidationError(W.NOT_STARTED, remedy="start_session")


def commit_draft(office, conf: Conference, draft: dict, place: dict | None = None) -> Petition:
    """Record the petition in ``draft`` (``check_draft``'s rules, then the
    catalogue's) and, in the same transaction, store ``place`` (the screen's
    place with the draft cleared)."""
    from models.services.petitions import record_petition  # off the start-up path

    check_draft(draft)
    disposition = draft["disposition"]
    channel = draft.get("channel") or "spoken"
    if channel not in CHANNELS:
        channel = "spoken"
    village = _pick(Village, office, draft.get("village", ""), W.VILLAGE, village_names(office, conf))
    field_ = resolve_field(office, draft.get("field", "")) if clean_line(draft.get("field", "")) else None
    if clean_line(draft.get("field", "")) and field_ is None:
        raise ValidationError(W.NO_SUCH_FIELD.format(field=draft['field']), field="field")
    unit = None
    if disposition == "in_writing":
        unit = _pick(Unit, office, draft.get("unit", ""), W.UNIT, unit_names(office))
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
            from models.services.petition_edit import set_group  # off the start-up path

            parent = Petition.get_or_none((Petition.id == head) & (Petition.office == office))
            if parent is not None:
                set_group(p, parent)
        if place is not None:
            save_place(office, place)
    if draft.get("citizen_withheld"):
        scrub_log()       # the name typed before Ctrl+Y may still be in the log
    return p


def record_draft(office, conf: Conference, draft: dict, place: dict | None = None,
                 similar_known: bool = True) -> SessionRow:
    """``commit_draft`` as the live screen calls it, off its event loop: when the
    screen has not looked up the "raised before" petition for this draft yet,
    it is looked up here first; returns the row as the session's list shows it."""
    if not similar_known:
        try:
            found = similar_for_draft(office, conf, draft)
        except ValidationError:
            found = []
        draft = dict(draft, similar_to=found[0].petition.id if found else None)
    p = commit_draft(office, conf, draft, place)
    return session_rows(conf, only=p.id)[0]


def similar_for_draft(office, conf: Conference, draft: dict, limit: int = 3):
    """Earlier petitions resembling the draft (same village and field, similar words)."""
    from models.services.similar import similar_petitions  # off the start-up path

    try:
        village = _pick(Village, office, draft.get("village", ""), W.VILLAGE, village_names(office, conf))
    except ValidationError:
        return []
    field_ = resolve_field(office, draft.get("field", "")) if clean_line(draft.get("field", "")) else None
    return similar_petitions(office, village=village, field=field_, content=draft.get("content", ""),
                             limit=limit)


def group_candidates_for_draft(office, conf: Conference, draft: dict):
    """The petitions the one being typed may join (see petition_edit.group_candidates)."""
    from models.services.petition_edit import group_candidates  # off the start-up path

    try:
        village = _pick(Village, office, draft.get("village", ""), W.VILLAGE, village_names(office, conf))
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
