"""Every fact a document states is true (issue 20, "Facts"): the session's
times, the loudspeaker milestone, the counts, groups, withdrawn petitions,
corrections, a Party office's defaults and wording. On a real SQLite file."""
from __future__ import annotations

import asyncio
import datetime as dt

import pytest

TODAY = dt.date(2026, 3, 20)


LONG_PHUNG = {"place_name": "Long Phụng", "parent_body": "UBND tỉnh Quảng Ngãi", "signer_name": "Phạm Văn Hùng"}
STATIONS = {"Đông Hải": "Cụm loa Đông Hải", "Trung Lương": "Cụm loa Trung Lương"}


def office_of(kind: str):
    from models.services import catalog

    office = catalog.create_office(kind=kind, **LONG_PHUNG)
    for name, station in STATIONS.items():
        catalog.add_village(office, name, station=station)
    return office


@pytest.fixture
def xa(sqlite_db, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    return office_of("ubnd_xa")


def conference(office, day="15/03/2026", plan=None, **over):
    from models.services import conferences as svc

    values = {"title": "", "date": day, "start_time": "08:00", "venue": "Hội trường UBND xã",
              "villages": "Đông Hải, Trung Lương", "chair": "Phạm Văn Hùng - Chủ tịch UBND xã",
              "secretary": "Lê Thị Hoa - Công chức Văn phòng", "topics": "Đất đai", "invited_groups": "",
              "invitees": ""} | over
    return svc.create_conference(office, plan, values)


# --- 1. the schedule and what happened -------------------------------------------------------

def test_starting_the_session_keeps_the_schedule_and_documents_state_the_actual_times(xa, monkeypatch):
    from models import base
    from models.conferences import Conference
    from models.services import compose, live_session

    conf = conference(xa)
    monkeypatch.setattr(base, "now", lambda: dt.datetime(2026, 3, 15, 12, 29))
    monkeypatch.setattr(live_session, "now", lambda: dt.datetime(2026, 3, 15, 12, 29))
    live_session.start_session(conf)
    monkeypatch.setattr(live_session, "now", lambda: dt.datetime(2026, 3, 15, 12, 35))
    live_session.close_session(Conference.get_by_id(conf.id))
    conf = Conference.get_by_id(conf.id)
    assert (conf.start_time, conf.actual_start, conf.actual_end) == ("08:00", "12:29", "12:35")
    # the notice states the schedule; the minutes and the report what happened
    assert "08 giờ 00" in compose.notice(conf).body
    minutes = compose.minutes(conf).body
    assert "Thời gian bắt đầu:** 12 giờ 29" in minutes and "kết thúc vào hồi 12 giờ 35" in minutes
    assert "Vào lúc 12 giờ 29" in compose.report(conf, TODAY).body
    # corrected in one place: both documents follow
    live_session.set_actual_times(conf, "8h05", "10:40")
    conf = Conference.get_by_id(conf.id)
    assert conf.start_time == "08:00"
    minutes = compose.minutes(conf).body
    assert "Thời gian bắt đầu:** 08 giờ 05" in minutes and "kết thúc vào hồi 10 giờ 40" in minutes
    assert "Vào lúc 08 giờ 05" in compose.report(conf, TODAY).body
    with pytest.raises(Exception) as err:
        live_session.set_actual_times(conf, "10:00", "09:00")
    assert "trước giờ bắt đầu" in err.value.message


def test_without_a_recorded_session_the_documents_state_the_schedule(xa):
    from models.services import compose

    conf = conference(xa)
    assert "Thời gian bắt đầu:** 08 giờ 00" in compose.minutes(conf).body
    assert "Vào lúc 08 giờ 00" in compose.report(conf, TODAY).body


# --- 2. the loudspeaker milestone -------------------------------------------------------------

def test_loudspeaker_milestone_needs_every_village_station(xa):
    from models.services import conferences as svc
    from models.services.milestones import conference_milestones

    conf = conference(xa)
    slots = svc.plan_broadcasts(conf)
    assert {s.station for s in slots} == {"Cụm loa Đông Hải", "Cụm loa Trung Lương"}
    for s in slots:
        if s.station == "Cụm loa Đông Hải":
            svc.tick_reading(s, "Đài xã")

    def state():
        return {m.key: m for m in conference_milestones(conf, today=dt.date(2026, 3, 12))}["broadcast"]

    assert state().state != "done"          # Trung Lương was never read
    last = None
    for s in svc.broadcast_slots(conf):
        if s.station == "Cụm loa Trung Lương" and s.slot == "sáng":
            svc.tick_reading(s, "Đài xã")
            last = s.day
    assert state().state == "done" and state().done_on == last


def test_marking_a_reading_leaves_the_cursor_where_it_is(xa):
    from models.conferences import BroadcastSlot
    from models.services import conferences as svc
    from models.services import plans
    from tui.app import DoiThoaiApp

    conf = conference(xa, plan=plans.new_from_template(xa, 2026))
    svc.plan_broadcasts(conf)

    async def run():
        app = DoiThoaiApp(xa)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("f4")
            screen = await _wait(pilot, lambda: app.screen.__class__.__name__ == "ConferencesScreen"
                                 and app.screen.query_one("#conf-broadcasts").row_count > 0)
            table = app.screen.query_one("#conf-broadcasts")
            table.focus()
            await pilot.press("down")
            await pilot.pause()
            assert table.cursor_row == 1
            await pilot.press("o")
            await _wait(pilot, lambda: BroadcastSlot.select().where(BroadcastSlot.read_at.is_null(False)).count() == 1)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert screen
            return table.cursor_row

    assert asyncio.run(run()) == 1


async def _wait(pilot, cond, deadline: float = 30.0):
    import time

    end = time.monotonic() + deadline
    while time.monotonic() < end:
        await pilot.pause()
        if cond():
            return True
        await pilot.pause(0.05)
    raise AssertionError("the screen never reached the state waited for")
