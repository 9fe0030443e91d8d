"""Issue 22 item 3: a named guest recorded in F9 has a title of their own, as an
invitee has: "Bà …" typed before the name is kept apart from it (not part of the
name), shown back in F9 and printed in the minutes ("Khách mời: Bà Ngô Thị Hạnh, …")."""
from __future__ import annotations

import asyncio
import datetime as dt

from printing_support import page_texts, squash

GUESTS = "bà Ngô Thị Hạnh - Chủ tịch Hội Phụ nữ xã\nÔng Phan Văn Hùng\nLê Văn Cường - Đại biểu HĐND huyện"


def _guests(conf) -> list[tuple[str, str, str]]:
    from models.domain.conference import Attendance

    return [(a.title, a.name, a.position) for a in Attendance.select().where(
        (Attendance.conference == conf) & (Attendance.name != "")).order_by(Attendance.id)]


def _minutes(office, conf) -> str:
    from models.services import documents
    from tui.documents import render_pdf

    return squash(" ".join(page_texts(render_pdf(documents.draft(office, "bien-ban", conf.id).content))))


def test_a_guests_title_is_kept_apart_and_printed(db):
    """On both engines: the title typed before a guest's name is stored apart,
    F9's text shows it back, the minutes print it; a guest with none is named alone."""
    from models.demo import samples
    from models.services import live_session as live

    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    summary = live.set_attendance(conf, {"officials": "12", "citizens": "40"}, GUESTS)
    assert _guests(conf) == [("Bà", "Ngô Thị Hạnh", "Chủ tịch Hội Phụ nữ xã"), ("Ông", "Phan Văn Hùng", ""),
                             ("", "Lê Văn Cường", "Đại biểu HĐND huyện")]
    assert live.guests_text(summary) == GUESTS.replace("bà Ngô", "Bà Ngô")
    assert summary.total == 55
    text = _minutes(office, conf)
    assert squash("Khách mời: Bà Ngô Thị Hạnh, Chủ tịch Hội Phụ nữ xã; Ông Phan Văn Hùng; "
                  "Lê Văn Cường, Đại biểu HĐND huyện;") in text


def test_the_guest_title_migration_on_both_engines(db):
    """The column added to a table without it; a title typed before a guest's name
    moves into it; a lone word stays a name; run twice without harm."""
    from models.domain.conference import Attendance
    from models.demo import samples
    from models.storage.migrations import _v15_guest_title

    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    Attendance.delete().where(Attendance.conference == conf).execute()
    Attendance.create(conference=conf, group="guest", name="bà Ngô Thị Hạnh", position="Chủ tịch Hội Phụ nữ xã")
    Attendance.create(conference=conf, group="guest", name="Ông", position="")
    Attendance.create(conference=conf, group="citizens", count=40)
    db.execute_sql("ALTER TABLE attendance DROP COLUMN title")
    for _ in range(2):
        with db.atomic():
            _v15_guest_title(db)
    assert _guests(conf) == [("Bà", "Ngô Thị Hạnh", "Chủ tịch Hội Phụ nữ xã"), ("", "Ông", "")]


def test_f9_takes_a_guests_title_typed_before_the_name(demo_office, monkeypatch):
    """As a clerk in the session: F9, the counts, "bà Ngô Thị Hạnh - …" typed on
    the guests' line, Ctrl+S; the title is stored apart, F9 opened again shows
    "Bà Ngô Thị Hạnh - …", the minutes printed say it."""
    from test_live_session import TODAY, Keys, open_session
    from test_title_keys import _until

    from tui.app import DoiThoaiApp

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")
            keys = Keys(pilot)                                 # typed key by key
            await pilot.press("f9")
            await _until(pilot, lambda: app.screen is not screen, "F9 opens the attendance")
            for n in ("12", "8", "150"):
                await pilot.press("ctrl+u", *n, "tab")
            await pilot.press("ctrl+end")
            await keys.text("bà Ngô Thị Hạnh - Chủ tịch Hội Phụ nữ xã")
            await pilot.press("ctrl+s")
            await _until(pilot, lambda: app.screen is screen, "Ctrl+S saves")
            conf = screen.conf
            await _until(pilot, lambda: ("Bà", "Ngô Thị Hạnh", "Chủ tịch Hội Phụ nữ xã") in _guests(conf),
                         "the title kept apart")
            await pilot.press("f9")
            await _until(pilot, lambda: app.screen is not screen, "F9 again")
            from test_no_english import screen_text

            assert "Khách mời (mỗi dòng: Ông/Bà họ tên - chức vụ)" in screen_text(app)   # the form says how
            shown = app.screen.query_one("#f-guests").text
            assert shown.splitlines()[-1] == "Bà Ngô Thị Hạnh - Chủ tịch Hội Phụ nữ xã", shown
            await pilot.press("escape")
            return conf

    conf = asyncio.run(run())
    assert squash("Bà Ngô Thị Hạnh, Chủ tịch Hội Phụ nữ xã") in _minutes(demo_office, conf)
