"""Closing the session (F12) builds the Biên bản from what was recorded; read
back from the PDF, it holds every petition, the conclusions and the attendance.
The petitions that need follow-up are open with their unit and deadline."""
from __future__ import annotations

import asyncio

from models.domain.petition import Petition
from tests.printing_support import page_texts, squash
from tests.test_live_session import TODAY, Keys, open_session, record

ROWS = [
    ("Nguyễn Văn Dương", "b", "1", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", "2", ""),
    ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng ở bãi tập kết", "1", "Xã đã yêu cầu tăng chuyến thu gom"),
    ("", "", "5", "Đường liên thôn sạt lở", "3", "Sở Xây dựng tỉnh Quảng Trị"),
    ("Lê Đình Phúc", "b", "6", "Thanh niên đua xe ban đêm", "4", "Giao Công an xã tuần tra"),
]
CONCLUSIONS = "Giao các bộ phận trả lời đúng hạn"


def test_closing_builds_the_minutes_from_the_recorded_data(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.core.paths import locations
    from tui.app import DoiThoaiApp
    from tui.screens.session import SessionScreen

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            keys = Keys(pilot)
            keys.paste = True
            for row in ROWS:
                await record(keys, row)
            # attendance from the keyboard: officials, village leaders, citizens, one guest
            await pilot.press("f9")
            await pilot.pause()
            for n in ("12", "8", "150"):
                await pilot.press("ctrl+u", *n, "tab")
            await keys.text("Hồ Văn Khách - Đại biểu HĐND huyện")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("f10")
            await pilot.pause()
            await keys.text(CONCLUSIONS)
            await pilot.press("escape", "ctrl+e")    # F12's twin, for terminals that keep F12
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            return screen.conf.id

    conf_id = asyncio.run(run())
    built = list(locations().documents.glob("*/du-thao/bien-ban-hoi-nghi-*.pdf"))
    assert len(built) == 1, "the minutes were not built"
    text = squash(" ".join(page_texts(built[0].read_bytes())))
    rows = list(Petition.select().where(Petition.conference == conf_id).order_by(Petition.seq))
    assert len(rows) == len(ROWS)
    for p in rows:
        assert squash(p.citizen_label) in text
        assert squash(p.village.name) in text
        assert squash(p.content) in text
    assert squash("Giao Địa chính") in text or squash(rows[0].unit.name) in text
    assert squash(rows[1].answer_on_spot) in text
    assert squash("Sở Xây dựng tỉnh Quảng Trị") in text
    assert squash(CONCLUSIONS) in text
    for line in ("Cán bộ, công chức: 12", "Cán bộ thôn: 8", "Nhân dân: 150", "Hồ Văn Khách"):
        assert squash(line) in text, line
    assert squash("Tổng số người tham dự: 171") in text
    # follow-up: the petition to be answered in writing is open, with its unit and deadline
    follow = [p for p in rows if p.status == "open"]
    assert [p.seq for p in follow] == [1]
    assert follow[0].unit is not None and follow[0].due_on is not None
    # and the closed session was copied aside
    from models.storage.backup import backups
    from models.storage.db import database

    assert [b.tag for b in backups(database.obj.database)] == ["phien"]
