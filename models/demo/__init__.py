"""The demo office: an invented commune with a year of dialogue work.

Dates are placed relative to ``today`` so that the demo always shows late,
due-soon and on-track petitions and an upcoming conference. Every name and
sentence comes from ``data/demo/commune.json`` (``spec``); this module decides
only what happens to them, and when."""
from __future__ import annotations

import datetime as dt
import random

import data
from models.core import clock
from models.domain.base import now
from models.domain import conference as tables
from models.domain.conference import Conference
from models.domain.deadlines import WorkCalendar
from models.domain.document_text import ISSUED, SUPERSEDED, DocumentText
from models.domain.petition import Petition
from models.domain.plan import PLAN_ISSUED
from models.services import catalog, compose, documents, locks, numbering, petition_edit, petitions, plans, records
from models.storage.db import database

#: the demo commune's data: its names, texts and events
SPEC = "demo/commune.json"


def demo_data() -> dict:
    """The demo commune's names, texts and events (``data/demo/commune.json``)."""
    return data.load_json(SPEC)


def build_demo(today: dt.date | None = None, seed: int = 2026, *, render=None):
    """Fill an empty database with the demo office. Returns the office.

    With ``render`` (content → PDF bytes, given by the app) the issued plan and the
    answer letters go through the document pipeline into the demo's own documents
    folder with their SHA-256 in the register, as a real office's would (a second
    or two, once; tests leave it off)."""
    today = today or clock.today()
    with clock.fixed(today):
        return _build(today, seed, render)


def _build(today: dt.date, seed: int, render):
    rnd = random.Random(seed)
    spec = demo_data()
    cal = WorkCalendar()
    with database.atomic(), locks.suspended():
        o = spec["office"]
        office = catalog.create_office(kind=o["kind"], place_name=o["place_name"],
                                       parent_body=o["parent_body"], signer_name=o["signer_name"])
        office.address, office.phone = o["address"], o["phone"]
        office.save()
        villages = [catalog.add_village(office, v["name"], station=v["station"], leader_name=v["leader"])
                    for v in spec["villages"]]
        for person in spec["officials"]:
            catalog.add_official(office, person["name"], position=person["position"],
                                 unit=person.get("unit", ""))
        units = {u.name: u for u in catalog.units(office)}
        fields = {f.name: f for f in catalog.fields(office)}

        year = today.year
        plan = plans.new_from_template(office, year)
        p = spec["plan"]
        plan.place_date = dt.date(year, *p["month_day"])
        plan.chair = p["chair"]
        plan.secretary = p["secretary"]
        plan.venues = "\n".join(p["venue"].format(village=v.name) for v in villages[:3])
        plan.save()
        if render is not None:
            documents.issue(office, documents.record_kind("plan").slug, plan.id, on=plan.place_date, render=render)
        else:
            doc = numbering.register(office, "KH", title=plan.title, issued_on=plan.place_date,
                                     signer=office.signer_name, ref_type="plan", ref_id=plan.id)
            plan.status, plan.document = PLAN_ISSUED, doc
            plan.save()

        chair, secretary = p["chair"], p["secretary"]
        past1 = _workday_near(cal, today - dt.timedelta(days=75))
        past2 = _workday_near(cal, today - dt.timedelta(days=20))
        upcoming = _workday_near(cal, today + dt.timedelta(days=9))
        c1 = _conference(spec, office, plan, past1, villages[0:2], chair, secretary, "conclusions_issued")
        c2 = _conference(spec, office, plan, past2, villages[2:4], chair, secretary, "minutes_signed")
        c3 = _conference(spec, office, plan, upcoming, villages[4:6], chair, secretary, "planned")
        c1.notice_published_on = cal.before(past1, 8)
        c1.invitations_sent_on = cal.before(past1, 4)
        c1.conclusions_published_on = cal.add(past1, 6)
        c1.minutes_signed_on = past1
        c1.save()
        c2.notice_published_on = cal.before(past2, 7)
        c2.invitations_sent_on = cal.before(past2, 3)
        c2.minutes_signed_on = past2 + dt.timedelta(days=1)
        c2.save()
        broadcast = spec["broadcast"]
        for c in (c1, c2):
            for i in range(3):
                day = c.date - dt.timedelta(days=5 - i)
                for slot, hour in broadcast["slots"]:
                    for v in villages:
                        tables.BroadcastSlot.create(conference=c, day=day, slot=slot, station=v.station,
                                                    read_at=dt.datetime.combine(day, dt.time(hour)),
                                                    read_by=broadcast["read_by"])
        for i in range(3):
            day = upcoming - dt.timedelta(days=7 - i)  # ends before the broadcast milestone
            for slot, _hour in broadcast["slots"]:
                for v in villages[4:6]:
                    tables.BroadcastSlot.create(conference=c3, day=day, slot=slot, station=v.station)

        citizens = spec["citizens"]
        items = spec["petitions"]
        states = spec["states"]
        # conference 1 (75 days ago): deadline passed; most answered, some late
        plan1 = (["on_spot"] * 8 + ["in_writing_answered"] * 10 + ["in_writing_late"] * 6
                 + ["forwarded"] * 3 + ["noted"] * 3)
        # conference 2 (20 days ago): answers due in about 10 days
        plan2 = (["on_spot"] * 8 + ["in_writing_open"] * 11 + ["in_writing_soon"] * 3
                 + ["in_writing_answered"] * 4 + ["forwarded"] * 2 + ["noted"] * 2)
        to_answer = []
        for conf, kinds, vills in ((c1, plan1, villages[0:2]), (c2, plan2, villages[2:4])):
            rnd.shuffle(kinds)
            for seq, kind in enumerate(kinds, start=1):
                item = rnd.choice(items)
                disp = kind.split("_in")[0] if not kind.startswith("in_writing") else "in_writing"
                p = petitions.record_petition(
                    office, conference=conf, seq=seq, content=item["content"],
                    citizen_name=rnd.choice(citizens), citizen_withheld=rnd.random() < 0.08,
                    village=rnd.choice(vills), field=fields[item["field"]],
                    channel=rnd.choice(["spoken", "spoken", "spoken", "slip"]),
                    answer_on_spot=item["answer"] if disp in ("on_spot", "noted") else "",
                    answered_by=chair if disp == "on_spot" else "",
                    disposition=disp, unit=units[item["unit"]] if disp == "in_writing" else None,
                    forwarded_to=rnd.choice(spec["forward_to"]) if disp == "forwarded" else "",
                    calendar=cal)
                if kind == "in_writing_answered":
                    answered = min(p.received_on + dt.timedelta(days=rnd.randint(6, 27)),
                                   today - dt.timedelta(days=rnd.randint(1, 4)))
                    to_answer.append((answered, p, item))
                elif kind == "in_writing_soon":
                    records.update(p, {"due_on": cal.add(today, rnd.randint(1, 2), "working"),
                                       "extension_reason": states["extension_reason"]})
                    petitions.add_event(p, "extended", p.extension_reason, user="demo")
        _every_state(states, office, c1, c2, today, rnd, render, to_answer)
        # answer letters (and the reminder) go into the register in date order, as a clerk would
        for answered, p, item in sorted(to_answer, key=lambda t: (t[0], t[1].id)):
            if callable(item):
                item()
                continue
            records.update(p, {"answer_summary": item["answer"]})
            title = compose.answer_subject([p])      # the letter's own "V/v" line
            if render is not None:
                documents.issue(office, "tra-loi", p.id, on=answered, render=render)
                continue
            doc = numbering.register(office, "CV", title=title, issued_on=answered,
                                     signer=office.signer_name, ref_type="petition", ref_id=p.id,
                                     unit_short=p.unit.short_name)
            records.update(p, {"status": "answered", "answer_number": doc.symbol, "answer_date": answered})
            petitions.add_event(p, "answered", states["answered"].format(symbol=doc.symbol, date=f"{answered:%d/%m/%Y}"),
                                user="demo")
        # two petitions received outside a conference
        for i in range(2):
            item = items[i]
            petitions.record_petition(
                office, content=item["content"], citizen_name=citizens[-1 - i], village=villages[i],
                field=fields[item["field"]], channel="outside", disposition="in_writing",
                unit=units[item["unit"]], received_on=today - dt.timedelta(days=4 + 6 * i), calendar=cal)
    return office


def _every_state(states: dict, office, c1, c2, today: dt.date, rnd: random.Random, render, to_answer: list) -> None:
    """The states a real office meets, each shown once (issue 20, item 15): a
    notice corrected by a version 2 that says what it replaces; a group of
    same-issue petitions; a withdrawn petition with its reason; a forwarded
    petition with the upper level's reply; a late petition whose unit got a
    reminder (queued in ``to_answer`` to keep the register in date order)."""
    def of(conf, status, disposition=None):
        q = Petition.select().where((Petition.conference == conf) & (Petition.status == status))
        if disposition:
            q = q.where(Petition.disposition == disposition)
        return list(q.order_by(Petition.seq))

    _corrected_notice(states, office, c1, render)
    # two citizens raised the same issue and the chair answered them together
    head, member = of(c2, "closed", "on_spot")[:2]
    records.update(member, {"content": head.content, "field": head.field_id, "answer_on_spot": head.answer_on_spot,
                            "group_parent": head.id})
    petitions.add_event(member, "grouped", states["grouped"].format(head=head.id), user="demo")
    petition_edit.withdraw(of(c1, "noted")[0], states["withdrawn"], today=c1.date + dt.timedelta(days=2))
    replied = of(c1, "forwarded")[0]
    petition_edit.set_forwarding(replied, states["forwarded_number"], f"{c1.date + dt.timedelta(days=5):%d/%m/%Y}")
    petition_edit.record_upper_reply(Petition.get_by_id(replied.id), states["upper_reply_number"],
                                     f"{c1.date + dt.timedelta(days=40):%d/%m/%Y}",
                                     states["upper_reply"], today=today)
    answering = {p.id for _day, p, _item in to_answer}
    late = [p for p in of(c1, "open") if p.id not in answering]
    # the unit at the top of the board keeps a reminder still to write (a unit's
    # reminder, once issued, is changed only by a new version)
    first = min(late, key=lambda p: (p.due_on, p.id)) if late else None
    late = next((p for p in late if p.unit_id != first.unit_id), None)
    when = late.due_on + dt.timedelta(days=5) if late else today
    if when < today:
        to_answer.append((when, late, lambda: _reminder(states, office, late.unit, when, render)))


def _register_text(office, slug: str, ref_type: str, ref_id: int, content, on: dt.date, *,
                   previous=None, correction: str = "", reason: str = ""):
    """Without files (the tests' demo): the register entry and the issued text,
    as documents.issue writes them."""
    k = documents.kind(slug)
    doc = numbering.register(office, k.number_kind, title=content.subject, issued_on=on, signer=office.signer_name,
                             ref_type=ref_type, ref_id=ref_id, unit_short=content.extras.get("unit_short", ""),
                             supersedes=previous.document if previous else None,
                             reason=f"{correction.capitalize()}: {reason}" if previous else "")
    row = DocumentText.create(office=office, kind=slug, ref_type=ref_type, ref_id=ref_id,
                              version=previous.version + 1 if previous else 1, status=ISSUED,
                              content=content.numbered(doc.symbol, on).to_json(), document=doc,
                              replaces=previous, correction=correction, reason=reason)
    if previous is not None:
        records.update(previous, {"status": SUPERSEDED}, lock_check=False)
    return doc, row


def _corrected_notice(states: dict, office, conf, render) -> None:
    """The notice went out with the wrong start time; version 2 corrects it and
    says in its text which notice it corrects."""
    first_day = conf.notice_published_on
    second_day = first_day + dt.timedelta(days=1)
    right = documents.compose_content(office, "thong-bao", conf.id)
    wrong_time, right_time = states["notice_wrong_time"], states["notice_right_time"]
    wrong = right.with_edits({"body": right.body.replace(right_time, wrong_time)})
    reason = states["notice_correction"]
    if render is not None:
        # issued through the pipeline, which records the day the notice went out
        Conference.update(notice_published_on=None).where(Conference.id == conf.id).execute()
        documents.save_draft(office, "thong-bao", conf.id, {"body": wrong.body})
        first = documents.issue(office, "thong-bao", conf.id, on=first_day, render=render)
        documents.start_correction(first, mode="dinh-chinh", reason=reason)
        body = documents.draft(office, "thong-bao", conf.id).content.body.replace(wrong_time, right_time)
        documents.save_draft(office, "thong-bao", conf.id, {"body": body})
        documents.issue(office, "thong-bao", conf.id, on=second_day, render=render)
        return
    first, row = _register_text(office, "thong-bao", "conference", conf.id, wrong, first_day)
    corrected = compose.stating_replacement(right, first, documents.CORRECTIONS["dinh-chinh"])
    _register_text(office, "thong-bao", "conference", conf.id, corrected, second_day, previous=row,
                   correction=documents.CORRECTIONS["dinh-chinh"], reason=reason)


def _reminder(states: dict, office, unit, on: dt.date, render) -> None:
    """Công văn đôn đốc to a unit with late petitions, on the day it was sent."""
    with clock.fixed(on):
        if render is not None:
            documents.issue(office, "don-doc", unit.id, on=on, render=render)
            return
        content = documents.compose_content(office, "don-doc", unit.id)
        doc, _row = _register_text(office, "don-doc", "unit", unit.id, content, on)

    for pid in content.extras["petitions"]:
        petitions.add_event(Petition.get_by_id(pid), "reminded",
                            states["reminded"].format(symbol=doc.symbol, date=f"{on:%d/%m/%Y}"), user="demo")


def _workday_near(cal: WorkCalendar, day: dt.date) -> dt.date:
    """Conferences are held on a working day, often a weekend in practice, but
    the demo keeps to working days so milestones read naturally."""
    return cal.next_working_day(day)


def _conference(spec: dict, office, plan, date, villages, chair, secretary, status) -> Conference:
    say = spec["conference"]
    held = status != "planned"
    names = ", ".join(say["village"].format(village=v.name) for v in villages)
    c = Conference.create(
        office=office, plan=plan, date=date, start_time="08:00", end_time="11:00" if held else "",
        title=say["title"].format(villages=names), venue=say["venue"].format(village=villages[0].name),
        chair=chair, secretary=secretary, topics="\n".join(say["topics"]),
        invited_groups="\n".join(say["invited_groups"]), status=status,
        conclusions=say["conclusions"] if held else "")
    for v in villages:
        tables.ConferenceVillage.create(conference=c, village=v)
    for name in say["group_invitees"]:
        tables.Invitee.create(conference=c, name=name, position="", is_group=True)
    for v in villages:
        tables.Invitee.create(conference=c, name=v.leader_name, position=say["village_leader"].format(village=v.name))
    for i, (title, who, start, mins) in enumerate(say["agenda"], start=1):
        tables.AgendaItem.create(conference=c, seq=i, title=title, presenter=who, planned_start=start,
                                 planned_minutes=mins)
    if held:
        for group, count in say["attendance"]:
            tables.Attendance.create(conference=c, group=group, count=count)
        guest = say["guest"]
        tables.Attendance.create(conference=c, group="guest", name=guest["name"], position=guest["position"])
    return c


__all__ = ["build_demo", "now"]
