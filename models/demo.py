"""The demo office: an invented commune with a year of dialogue work.

Dates are placed relative to ``today`` so that the demo always shows late,
due-soon and on-track petitions and an upcoming conference."""
from __future__ import annotations

import datetime as dt
import random

import data

from . import clock
from .base import now
from .conferences import (
    AgendaItem,
    Attendance,
    BroadcastSlot,
    Conference,
    ConferenceVillage,
    Invitee,
)
from .db import database
from .deadlines import WorkCalendar
from .plans import PLAN_ISSUED
from .services import catalog, compose, documents, locks, numbering, petitions, plans, records


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
    spec = data.load_json("demo/commune.json")
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
        plan.place_date = dt.date(year, 1, 8)
        plan.chair = "Lê Văn Thành - Chủ tịch UBND xã"
        plan.secretary = "Võ Thị Thu Hà - Chánh Văn phòng HĐND và UBND xã"
        plan.venues = "\n".join(f"Nhà văn hóa thôn {v.name}" for v in villages[:3])
        plan.save()
        if render is not None:
            documents.issue(office, "ke-hoach", plan.id, on=plan.place_date, render=render)
        else:
            doc = numbering.register(office, "KH", title=plan.title, issued_on=plan.place_date,
                                     signer=office.signer_name, ref_type="plan", ref_id=plan.id)
            plan.status, plan.document = PLAN_ISSUED, doc
            plan.save()

        chair = "Lê Văn Thành - Chủ tịch UBND xã"
        secretary = "Võ Thị Thu Hà - Chánh Văn phòng HĐND và UBND xã"
        past1 = _workday_near(cal, today - dt.timedelta(days=75))
        past2 = _workday_near(cal, today - dt.timedelta(days=20))
        upcoming = _workday_near(cal, today + dt.timedelta(days=9))
        c1 = _conference(office, plan, past1, villages[0:2], chair, secretary, "conclusions_issued")
        c2 = _conference(office, plan, past2, villages[2:4], chair, secretary, "minutes_signed")
        c3 = _conference(office, plan, upcoming, villages[4:6], chair, secretary, "planned")
        c1.notice_published_on = cal.before(past1, 8)
        c1.invitations_sent_on = cal.before(past1, 4)
        c1.conclusions_published_on = cal.add(past1, 6)
        c1.minutes_signed_on = past1
        c1.save()
        c2.notice_published_on = cal.before(past2, 7)
        c2.invitations_sent_on = cal.before(past2, 3)
        c2.minutes_signed_on = past2 + dt.timedelta(days=1)
        c2.save()
        for c in (c1, c2):
            for i in range(3):
                day = c.date - dt.timedelta(days=5 - i)
                for slot in ("sáng", "chiều"):
                    for v in villages:
                        BroadcastSlot.create(conference=c, day=day, slot=slot, station=v.station,
                                             read_at=dt.datetime.combine(day, dt.time(6 if slot == "sáng" else 17)),
                                             read_by="Đài truyền thanh xã")
        for i in range(3):
            day = upcoming - dt.timedelta(days=7 - i)  # ends before the broadcast milestone
            for slot in ("sáng", "chiều"):
                for v in villages[4:6]:
                    BroadcastSlot.create(conference=c3, day=day, slot=slot, station=v.station)

        citizens = spec["citizens"]
        items = spec["petitions"]
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
                                       "extension_reason": "Cần thêm thời gian xác minh thực địa"})
                    petitions.add_event(p, "extended", p.extension_reason, user="demo")
        # answer letters go into the register in date order, as a clerk would
        for answered, p, item in sorted(to_answer, key=lambda t: (t[0], t[1].id)):
            records.update(p, {"answer_summary": item["answer"]})
            title = compose.answer_subject([p])      # the letter's own "V/v" line
            if render is not None:
                documents.issue(office, "tra-loi", p.id, on=answered, render=render)
                continue
            doc = numbering.register(office, "CV", title=title, issued_on=answered,
                                     signer=office.signer_name, ref_type="petition", ref_id=p.id,
                                     unit_short=p.unit.short_name)
            records.update(p, {"status": "answered", "answer_number": doc.symbol, "answer_date": answered})
            petitions.add_event(p, "answered", f"Văn bản {doc.symbol} ngày {answered:%d/%m/%Y}", user="demo")
        # two petitions received outside a conference
        for i in range(2):
            item = items[i]
            petitions.record_petition(
                office, content=item["content"], citizen_name=citizens[-1 - i], village=villages[i],
                field=fields[item["field"]], channel="outside", disposition="in_writing",
                unit=units[item["unit"]], received_on=today - dt.timedelta(days=4 + 6 * i), calendar=cal)
    return office


def _workday_near(cal: WorkCalendar, day: dt.date) -> dt.date:
    """Conferences are held on a working day, often a weekend in practice, but
    the demo keeps to working days so milestones read naturally."""
    return cal.next_working_day(day)


def _conference(office, plan, date, villages, chair, secretary, status) -> Conference:
    names = ", ".join(f"thôn {v.name}" for v in villages)
    c = Conference.create(
        office=office, plan=plan, date=date, start_time="08:00", end_time="11:00" if status != "planned" else "",
        title=f"Hội nghị đối thoại với Nhân dân {names}", venue=f"Nhà văn hóa thôn {villages[0].name}",
        chair=chair, secretary=secretary,
        topics="Đất đai\nMôi trường\nGiao thông - Thủy lợi\nAn ninh trật tự",
        invited_groups="Thường trực Đảng ủy\nThường trực HĐND xã\nỦy ban MTTQ Việt Nam xã\n"
                       "Bí thư Chi bộ, Trưởng thôn, Trưởng ban Công tác Mặt trận các thôn",
        status=status,
        conclusions=("Chủ tịch UBND xã ghi nhận các ý kiến; giao các bộ phận chuyên môn trả lời bằng văn bản "
                     "trong thời hạn 30 ngày; đề nghị Nhân dân tiếp tục phối hợp với chính quyền.")
        if status != "planned" else "")
    for v in villages:
        ConferenceVillage.create(conference=c, village=v)
    for name, pos in (("Thường trực Đảng ủy xã", ""), ("Thường trực HĐND xã", ""),
                      ("Ủy ban MTTQ Việt Nam xã", "")):
        Invitee.create(conference=c, name=name, position=pos, is_group=True)
    for v in villages:
        Invitee.create(conference=c, name=v.leader_name, position=f"Trưởng thôn {v.name}")
    agenda = [("Khai mạc, giới thiệu đại biểu", "Võ Thị Thu Hà", "08:00", 10),
              ("Báo cáo tình hình kinh tế - xã hội", "Lê Văn Thành", "08:10", 20),
              ("Nhân dân phát biểu ý kiến, kiến nghị", "", "08:30", 120),
              ("Kết luận của chủ trì", "Lê Văn Thành", "10:30", 20)]
    for i, (title, who, start, mins) in enumerate(agenda, start=1):
        AgendaItem.create(conference=c, seq=i, title=title, presenter=who, planned_start=start,
                          planned_minutes=mins)
    if status != "planned":
        for group, count in (("officials", 14), ("village_leaders", 9), ("citizens", 126)):
            Attendance.create(conference=c, group=group, count=count)
        Attendance.create(conference=c, group="guest", name="Trần Văn Nam",
                          position="Đại diện Thường trực HĐND xã")
    return c


__all__ = ["build_demo", "now"]
