"""A realistic recorded conference for previews, tests and the benchmark.

Builds records through the ordinary models; nothing here is printed by itself."""
from __future__ import annotations

import datetime as dt

import data
from models.domain import conference as tables
from models.domain.petition import Petition
from models.domain.plan import Plan
from models.services import catalog, records

#: the sample's names and texts
SAMPLES = "demo/samples.json"


def _say(block: str) -> dict:
    return data.load_json(SAMPLES)[block]


def office(kind: str = "ubnd_xa", place: str | None = None):
    say = _say("office")
    parent = say["parent_party"] if kind == "dang_uy_xa" else say["parent_state"]
    off = catalog.create_office(kind=kind, place_name=place or say["place"], parent_body=parent,
                                signer_name=say["signer_name"])
    for name in say["villages"]:
        catalog.add_village(off, name, station=say["station"].format(village=name))
    return off


def conference(off, *, petitions: int = 6, date: dt.date = dt.date(2026, 11, 15)) -> tables.Conference:
    say, said = _say("conference"), _say("petitions")
    plan = Plan.create(office=off, series="sample", year=date.year, **_say("plan"))
    conf = tables.Conference.create(
        office=off, plan=plan, date=date, start_time="08:00", end_time="10:45",
        **{k: say[k] for k in ("venue", "title", "chair", "secretary", "topics", "invited_groups", "conclusions",
                               "opening_report")})
    villages = catalog.villages(off)
    for v in villages:
        tables.ConferenceVillage.create(conference=conf, village=v)
    for name, pos, group in say["invitees"]:
        tables.Invitee.create(conference=conf, name=name, position=pos, is_group=group)
    for group, count in say["attendance"]:
        tables.Attendance.create(conference=conf, group=group, count=count)
    tables.Attendance.create(conference=conf, group="guest", **say["guest"])
    for i, (title, who) in enumerate(say["agenda"], start=1):
        tables.AgendaItem.create(conference=conf, seq=i, title=title, presenter=who)
    fields = catalog.fields(off)
    units = catalog.units(off)
    contents, names = said["contents"], said["names"]
    dispositions = ("on_spot", "in_writing", "in_writing", "forwarded", "noted", "in_writing")
    for i in range(petitions):
        disp = dispositions[i % len(dispositions)]
        answered = disp == "in_writing" and i % 4 == 1
        records.create(                  # through the audit trail, as the app records them (sealed)
            Petition, office=off, conference=conf, seq=i + 1, citizen_name=names[i % len(names)],
            citizen_withheld=(i % 7 == 6), village=villages[i % len(villages)],
            channel="slip" if i % 3 == 2 else "spoken", field=fields[i % len(fields)],
            content=contents[i % len(contents)],
            answer_on_spot=said["answer_on_spot"] if disp == "on_spot" else "",
            answered_by=said["answered_by"] if disp == "on_spot" else "", disposition=disp,
            unit=units[i % len(units)] if disp == "in_writing" else None,
            forwarded_to=said["forwarded_to"] if disp == "forwarded" else "",
            received_on=date, due_on=date + dt.timedelta(days=30) if disp == "in_writing" else None,
            status={"on_spot": "closed", "forwarded": "forwarded", "noted": "noted"}.get(
                disp, "answered" if answered else "open"),
            answer_date=date + dt.timedelta(days=20) if answered else None,
            answer_summary=said["answer_summary"] if answered else "")
    return conf
