"""The Theo dõi screen driven by keys, as a clerk would (Pilot), on the demo
commune with today fixed at 2026-11-22."""
from __future__ import annotations

import asyncio
import datetime as dt
import unicodedata

import pytest

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    return demo_office


async def settle(app, pilot, delay: float = 0.0):
    if delay:
        await pilot.pause(delay)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_board(app, pilot):
    await pilot.press("f6")
    await settle(app, pilot)
    from tui.screens.board import BoardScreen

    assert isinstance(app.screen, BoardScreen)
    return app.screen


def run(office, body):
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            screen = await open_board(app, pilot)
            await body(app, pilot, screen)

    asyncio.run(inner())


def table(screen):
    from tui.widgets.page_table import PageTable

    return screen.query_one("#board-table", PageTable)


def title(screen) -> str:
    from textual.widgets import Static

    return str(screen.query_one("#board-title", Static).render())


def cell_texts(screen, key: str) -> list[str]:
    """The text F6 shows in the column of ``key`` (board_columns.COLUMNS)."""
    t = table(screen)
    column = screen.column_index(key)
    return [str(t.get_row_at(i)[column]) for i in range(t.row_count)]


def values(screen, key: str) -> list:
    """The rows' values of a column F6 may not show at this width."""
    return [getattr(screen.rows_by_id[pid], key) for pid in screen.row_ids]


async def type_text(pilot, text: str):
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def test_board_opens_with_the_dashboard_counts(demo):
    from models.services.dashboard import summary

    counts = summary(demo, TODAY).counts

    async def body(app, pilot, screen):
        # everything that waits: the office's open petitions and the forwarded ones (issue 20 item 14)
        assert table(screen).row_count == counts["open"] + counts["waiting"] == 26
        assert f"Quá hạn {counts['late']}" in title(screen)
        assert f"Sắp đến hạn {counts['due_soon']}" in title(screen)
        days = cell_texts(screen, "days_text")
        assert days[0].startswith("trễ") and any("LV" in d for d in days)

    run(demo, body)


def test_search_typed_without_and_with_diacritics(demo):
    async def body(app, pilot, screen):
        await pilot.press("slash")
        await type_text(pilot, "dat dai")
        await settle(app, pilot, 0.5)
        plain = table(screen).row_count
        assert 0 < plain < 26
        assert set(values(screen, "field")) == {"Đất đai"}
        await pilot.press("escape", "0")
        await settle(app, pilot)
        assert table(screen).row_count == 26
        await pilot.press("slash")
        await type_text(pilot, "đất đai")          # typed key by key with diacritics
        await settle(app, pilot, 0.5)
        assert table(screen).row_count == plain
        from textual.widgets import Input

        box = screen.query_one("#board-search", Input)
        box.value = unicodedata.normalize("NFD", "ĐẤT ĐAI")   # pasted, decomposed, upper case
        await settle(app, pilot, 0.5)
        assert table(screen).row_count == plain
        await pilot.press("enter")
        assert screen.focused is table(screen)

    run(demo, body)


def test_filter_form_sort_and_reverse(demo):
    from models.services import catalog

    unit = next(u for u in catalog.units(demo) if u.name.startswith("Công an"))

    async def body(app, pilot, screen):
        from textual.widgets import Select

        from tui.widgets.form import FormScreen

        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#f-unit", Select).value = unit.id
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert set(cell_texts(screen, "unit")) == {"Công an xã"}
        assert "Công an xã" in str(screen.query_one("#board-filters").render())
        # status "Tất cả" through the keyboard: open the list, go to the last option
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter", "end", "enter", "ctrl+s")
        await settle(app, pilot)
        assert screen.query_state.status == "all"
        assert table(screen).row_count > 4
        await pilot.press("0")
        await settle(app, pilot)
        assert table(screen).row_count == 26
        await pilot.press("s")                     # next sort: date received
        await settle(app, pilot)
        assert screen.query_state.sort == "received"
        await pilot.press("d")
        await settle(app, pilot)
        assert screen.query_state.descending
        assert values(screen, "conference")[0] == "Ngoài hội nghị"   # received 4 days ago, the newest

    run(demo, body)


def test_paging(demo):
    async def body(app, pilot, screen):
        screen.query_state = screen.query_state.with_(page_size=10)
        screen.load()
        await settle(app, pilot)
        assert table(screen).row_count == 10
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        assert table(screen).row_count == 6 and screen.page_data.page == 2
        await pilot.press("right_square_bracket")       # already the last page
        await settle(app, pilot)
        assert screen.page_data.page == 2
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert screen.page_data.page == 1 and table(screen).row_count == 10

    run(demo, body)


def select_row(screen, pid: int) -> None:
    table(screen).move_cursor(row=screen.row_ids.index(pid))


def _current(screen):
    from models.services import board

    return board.petition(screen.current().id)


def test_assign_extend_answer_close_reopen_by_keys(demo):
    from models.services import catalog

    office_unit = next(u for u in catalog.units(demo) if u.name.startswith("Tư pháp"))

    async def body(app, pilot, screen):
        from textual.widgets import Select

        first = _current(screen)
        pid = first.id
        new_unit = office_unit if first.unit_id != office_unit.id else catalog.units(demo)[0]
        # G: assign
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#f-unit", Select).value = new_unit.id
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        from models.services import board

        assert board.petition(pid).unit_id == new_unit.id
        select_row(screen, pid)
        # H: extend, typed key by key in Vietnamese
        await pilot.press("h")
        await pilot.pause()
        await type_text(pilot, "15/12/2026")
        await pilot.press("tab")
        await type_text(pilot, "Cần đo đạc lại thửa đất")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        p = board.petition(pid)
        assert p.due_on == dt.date(2026, 12, 15) and p.extension_reason == "Cần đo đạc lại thửa đất"
        select_row(screen, pid)              # the row moved (later deadline)
        # T: record the written answer
        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "45/UBND-TP")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Đã hướng dẫn thủ tục, hẹn ngày đo đạc.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        p = board.petition(pid)
        assert p.status == "answered" and p.answer_number == "45/UBND-TP" and p.answer_date == TODAY
        assert table(screen).row_count == 25            # it left the "needs action" view
        # the rest is done on the whole list
        screen.requery(status="all", page_size=100)   # every row on one page, whatever fits the screen
        await settle(app, pilot)
        select_row(screen, pid)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert board.petition(pid).status == "closed"
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")                   # no reason: refused inline, form stays
        await pilot.pause()
        assert "Lý do mở lại" in str(app.screen.query_one("#form-error").render())
        await type_text(pilot, "Công dân chưa đồng ý")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert board.petition(pid).status == "open"
        # Enter: the detail shows the history
        await pilot.press("enter")
        await pilot.pause()
        from tui.screens.board_detail import PetitionDetailScreen

        assert isinstance(app.screen, PetitionDetailScreen)
        text = str(app.screen.query_one("#petition-detail").render())
        for label in ("Giao lại đơn vị", "Gia hạn", "Cần đo đạc lại thửa đất", "Trả lời bằng văn bản",
                      "Đóng", "Mở lại", "Nhật ký thay đổi", "Hạn trả lời"):
            assert label in text
        await pilot.press("escape")
        assert app.screen is screen

    run(demo, body)


def test_stale_row_is_refused_with_a_message(demo):
    async def body(app, pilot, screen):
        from models.domain.petition import Petition
        from models.services import board_actions as act

        p = _current(screen)
        act.extend(p, "31/12/2026", "Máy khác gia hạn", today=TODAY)   # another workstation
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "rút đơn")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#form-error").render())
        assert "vừa được" in message and "chưa được lưu" in message and "Ctrl+S lần nữa" in message
        assert Petition.get_by_id(p.id).status != "closed"
        await pilot.press("ctrl+s")                     # the user has seen it and saves anyway
        await settle(app, pilot)
        stored = Petition.get_by_id(p.id)
        assert stored.status == "closed" and stored.due_on == dt.date(2026, 12, 31)  # the extension stays

    run(demo, body)


def test_export_from_the_board(demo, tmp_path):
    async def body(app, pilot, screen):
        from textual.widgets import Input

        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        files = list(tmp_path.glob("theo-doi-*.xlsx"))
        assert len(files) == 1
        import openpyxl

        ws = openpyxl.load_workbook(files[0])["Theo dõi"]
        assert ws.max_row - 1 == table(screen).row_count == 26

    run(demo, body)


def test_document_keys_open_the_editor_and_an_unanswered_letter_is_refused(demo):
    async def body(app, pilot, screen):
        from models.core.paths import locations
        from models.domain.register import OutgoingDocument
        from tui.screens.document_editor import DocumentEditor

        before = OutgoingDocument.select().count()
        await pilot.press("i")                # the answer letter, its answer still to be typed
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, DocumentEditor) and editor.slug == "tra-loi"
        assert "nội dung trả lời" in editor.draft.missing
        await pilot.press("ctrl+b")           # refused before any date or number is asked
        await settle(app, pilot)
        assert app.screen is editor and "nội dung trả lời" in str(editor.query_one("#form-error").render())
        assert OutgoingDocument.select().count() == before
        await pilot.press("escape")
        await settle(app, pilot)
        for key, slug, name in (("u", "don-doc", "don-doc-"), ("k", "ket-luan", "thong-bao-ket-luan-"),
                                ("b", "bao-cao", "bao-cao-hoi-nghi-")):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, DocumentEditor) and app.screen.slug == slug, key
            await pilot.press("ctrl+o")       # the draft as a PDF
            await settle(app, pilot)
            pdfs = list(locations().documents.glob(f"*/du-thao/{name}*.pdf"))
            assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF"), slug
            await pilot.press("escape")
            await settle(app, pilot)
            assert app.screen is screen
        assert OutgoingDocument.select().count() == before

    run(demo, body)
