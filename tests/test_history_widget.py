"""The history widget shows who changed a petition, when, and what."""
from __future__ import annotations

import asyncio

from models.domain.petition import Petition
from models.services import petitions, records
from models.services.history import rows_for
from conftest import audit_user


def test_history_rows_in_vietnamese(office):
    p = petitions.record_petition(office, content="Xin sửa cầu")
    records.update(p, {"content": "Xin sửa cầu tràn thôn Đông"})
    rows = rows_for(Petition.get_by_id(p.id))
    assert [r.action for r in rows] == ["Sửa", "Tạo mới"]
    assert rows[0].changes == "Nội dung: Xin sửa cầu → Xin sửa cầu tràn thôn Đông"
    assert rows[0].user == audit_user("kiemthu")


def test_history_screen_from_the_keyboard(sqlite_db):
    from models.services import catalog
    from tui.app import DoiThoaiApp
    from tui.widgets.history import HistoryScreen, HistoryView

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    p = petitions.record_petition(office, content="Xin sửa cầu")
    records.update(p, {"answer_summary": "Đã sửa"})

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.push_screen(HistoryScreen(Petition.get_by_id(p.id), "Kiến nghị số 1"))
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#history-table")
            assert table.row_count == 2
            assert "Nội dung trả lời: — → Đã sửa" in str(table.get_row_at(0))
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HistoryScreen)
            assert HistoryView is not None

    asyncio.run(inner())
