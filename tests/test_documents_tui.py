"""The Văn bản screen driven by keys, as a clerk uses it: filter the register by
year and kind, search typed without diacritics (and pasted in NFD form), check
a good and a tampered file, reprint an issued plan identically, see versions
after a correction, see the history, open a file on a machine with no display."""
from __future__ import annotations

import asyncio
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from printing_support import SEEDS
from textual import events

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def register(sqlite_db, monkeypatch):
    """An office with a real issued plan, two fake PDFs and letter entries over two years."""
    from models.domain.register import OutgoingDocument
    from models.services import catalog, numbering, plan_import, records
    from models.services import documents as docs
    from tui import documents as pipeline

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                   signer_name="Nguyễn Văn An")
    for day, title in ((dt.date(2025, 5, 4), "Trả lời kiến nghị về đường giao thông thôn Đông Hải"),
                       (dt.date(2025, 6, 9), "Trả lời kiến nghị về bảo hiểm y tế")):
        numbering.register(office, "CV", title=title, issued_on=day, signer="Nguyễn Văn An")
    plan = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2024.txt").plan
    records.update(plan, {"signer_position": "CHỦ TỊCH"})
    plan_doc = pipeline.issue(office, "ke-hoach", plan.id)
    fake = {}
    for kind, title in (("TB", "Thông báo tổ chức hội nghị đối thoại"), ("GM", "Giấy mời dự hội nghị")):
        # a register entry with a small stored file and its SHA-256, as issuing leaves them
        doc = numbering.register(office, kind, title=title, issued_on=dt.date(2026, 3, 10), signer="Nguyễn Văn An")
        raw = f"%PDF-1.4 {doc.symbol}".encode()
        path = docs.issued_path(doc)
        docs.write_new(path, raw)
        records.update(doc, {"file_path": str(path), "sha256": docs.sha256(raw)}, lock_check=False)
        fake[kind] = OutgoingDocument.get_by_id(doc.id)
    numbering.register(office, "CV", title="Trả lời kiến nghị về đất đai của bà Nguyễn Thị Hoa",
                       issued_on=dt.date(2026, 3, 12), signer="Nguyễn Văn An")
    return office, plan_doc, fake


async def settle(pilot) -> None:
    from snapshots.settle import settle as settled

    await settled(pilot)


async def open_documents(pilot):
    await pilot.press("f7")
    await settle(pilot)
    return pilot.app.screen


def symbols(screen) -> list[str]:
    from tui.widgets.page_table import PageTable

    table = screen.query_one("#docs-table", PageTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def select(pilot, screen, doc_id: int) -> None:
    from tui.widgets.page_table import PageTable

    table = screen.query_one("#docs-table", PageTable)
    table.focus()
    await pilot.press("home")
    for _ in range(table.row_index(str(doc_id))):
        await pilot.press("down")
    await settle(pilot)


def info(screen) -> str:
    from textual.widgets import Static

    return str(screen.query_one("#docs-info", Static).content)


def file_mark(screen, doc_id: int) -> str:
    from tui.widgets.page_table import PageTable

    table = screen.query_one("#docs-table", PageTable)
    return str(table.get_row(str(doc_id))[-1])


def run(office, scenario):
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await scenario(pilot, await open_documents(pilot))

    asyncio.run(inner())


def test_filter_by_year_kind_and_search(register):
    office, _plan_doc, _fake = register

    async def scenario(pilot, screen):
        assert symbols(screen) == ["01/KH-UBND", "04/UBND", "03/GM-UBND", "02/TB-UBND"]  # this year, newest first
        await pilot.press("left_square_bracket")                  # the year before
        await settle(pilot)
        assert symbols(screen) == ["02/UBND", "01/UBND"]
        await pilot.press("right_square_bracket", "right_square_bracket")   # 2026, then every year
        await settle(pilot)
        assert len(symbols(screen)) == 6 and "Tất cả các năm" in str(screen.query_one("#docs-year").content)
        await pilot.press("l", "enter", "G", "enter")               # kind: GM – Giấy mời
        await settle(pilot)
        assert symbols(screen) == ["03/GM-UBND"]
        screen.query_one("#docs-kind").clear()
        await settle(pilot)
        await pilot.press("slash")
        for ch in "dat dai":                                        # typed without diacritics
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.5)                                      # the search waits for typing to pause
        await settle(pilot)
        assert symbols(screen) == ["04/UBND"]
        search = screen.query_one("#docs-search")
        search.value = ""
        search.post_message(events.Paste(unicodedata.normalize("NFD", "đường giao thông")))
        await pilot.press("enter")
        await settle(pilot)
        assert symbols(screen) == ["01/UBND"]

    run(office, scenario)


def test_the_first_paint_of_the_list_has_its_column_widths(register, monkeypatch):
    """F7's slip (issue 24 item 3): the list was sometimes drawn with its columns at
    the width of their headings ("20/0" for a date). DataTable measured new rows on
    its next Idle, and a paint before that cached lines at the headings' widths under
    the same update count, so they stayed. The line drawn right after the rows are
    written, before anything else runs, has the widths now."""
    import re

    from tui.screens.documents import DocumentsScreen

    office, _plan_doc, _fake = register
    drawn = []
    show_page = DocumentsScreen._show_page

    def show_and_draw(self, page, select_id):
        show_page(self, page, select_id)
        drawn.append("".join(s.text for s in self.query_one("#docs-table").render_line(1)))

    monkeypatch.setattr(DocumentsScreen, "_show_page", show_and_draw)

    async def scenario(pilot, screen):
        assert drawn and all(re.match(r" 01/KH-UBND +\d\d/\d\d/\d{4}  +KH  ", line) for line in drawn), drawn
        assert "".join(s.text for s in screen.query_one("#docs-table").render_line(1)) == drawn[-1]

    run(office, scenario)


def test_check_a_good_a_tampered_and_a_missing_file(register):
    office, _plan_doc, fake = register
    doc = fake["TB"]

    async def scenario(pilot, screen):
        await select(pilot, screen, doc.id)
        assert file_mark(screen, doc.id) == "?"
        await pilot.press("k")
        await settle(pilot)
        assert "khớp" in info(screen) and file_mark(screen, doc.id) == "✓"
        path = Path(doc.file_path)
        path.write_bytes(path.read_bytes() + b" sua")
        await pilot.press("k")
        await settle(pilot)
        assert "đã bị thay đổi" in info(screen) and file_mark(screen, doc.id) == "≠"
        path.unlink()
        await pilot.press("k")
        await settle(pilot)
        assert "Không tìm thấy tệp" in info(screen) and path.name in info(screen)
        assert file_mark(screen, doc.id) == "✗"

    run(office, scenario)


def test_reprint_of_the_issued_plan_is_identical(register):
    office, plan_doc, _fake = register

    async def scenario(pilot, screen):
        await select(pilot, screen, plan_doc.id)
        await pilot.press("r")
        await settle(pilot)
        assert "giống hệt bản đã ban hành" in info(screen) and file_mark(screen, plan_doc.id) == "✓"

    run(office, scenario)


def test_reprint_and_word_of_a_text_changed_behind_the_apps_back_are_refused(register):
    """Issue 21 item 3: R and W on F7 never print a frozen text that no longer matches its seal."""
    import models

    office, plan_doc, _fake = register
    models.database.obj.execute_sql("UPDATE document_text SET content = REPLACE(content, 'nhân dân', 'nhân viên') "
                                    "WHERE document_id = ?", (plan_doc.id,))

    async def scenario(pilot, screen):
        await select(pilot, screen, plan_doc.id)
        for key in ("r", "w"):
            await pilot.press(key)
            await settle(pilot)
            told = info(screen) + " ".join(n.message for n in pilot.app._notifications)
            assert f"Không in lại văn bản {plan_doc.symbol}" in told and "niêm phong" in told, (key, told)
            assert "giống hệt" not in told and "Đã ghi tệp Word" not in told

    run(office, scenario)


def test_versions_after_a_correction_and_history(register):
    from correction_support import correct, issue
    from models.demo import samples
    from tui.widgets.history import HistoryScreen
    from tui.widgets.versions import VersionsScreen

    office, _plan_doc, _fake = register
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 3, 25))
    first = issue(office, "giay-moi", conf.id, dt.date(2026, 3, 12))
    newer = correct(first, "Đổi giờ họp", {"subject": first.title + " (đổi giờ)"}, on=dt.date(2026, 3, 13))

    async def scenario(pilot, screen):
        await select(pilot, screen, newer.id)
        assert "Đổi giờ họp" in str(screen.query_one("#docs-detail").content)
        await pilot.press("v")
        await settle(pilot)
        versions = pilot.app.screen
        assert isinstance(versions, VersionsScreen) and versions.query_one("PageTable").row_count == 2
        await pilot.press("home", "enter")                           # the first version
        await settle(pilot)
        assert pilot.app.screen is screen and screen.current_id() == first.id
        assert f"Đã được thay thế bởi: {newer.symbol}" in str(screen.query_one("#docs-detail").content)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HistoryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen

    run(office, scenario)


def test_open_without_a_display_shows_the_path(register):
    office, plan_doc, _fake = register

    async def scenario(pilot, screen):
        await select(pilot, screen, plan_doc.id)
        await pilot.press("o")
        await settle(pilot)
        assert "không có màn hình đồ họa" in info(screen) and plan_doc.file_path in info(screen)
        await select(pilot, screen, next(r.id for r in screen.shown.rows if r.symbol == "04/UBND"))
        await pilot.press("enter")
        await settle(pilot)
        assert "không lưu tệp PDF" in info(screen)

    run(office, scenario)


def test_editor_correction_and_word_keys_on_documents_without_a_stored_text(register):
    """E, M and W on entries issued before texts were stored (and on the plan):
    each says in Vietnamese what can be done instead; nothing new enters the register."""
    from models.domain.register import OutgoingDocument
    from tui.screens.documents import DocumentsScreen
    from tui.widgets.form import FormScreen

    office, plan_doc, fake = register
    before = OutgoingDocument.select().count()

    def said(pilot) -> str:
        return " ".join(n.message for n in pilot.app._notifications)

    async def scenario(pilot, screen):
        await select(pilot, screen, fake["TB"].id)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DocumentsScreen) and "chỉ mở được tệp PDF" in said(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert "không có nội dung lưu trong sổ" in said(pilot)
        await pilot.press("m")                         # a correction needs the stored text
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("tab", *"Sai giờ họp", "ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is form and "không tạo phiên bản mới" in str(form.query_one("#form-error").render())
        await pilot.press("escape", "c")
        await settle(pilot)
        for _ in range(10):                            # the plan is the newest, on top
            if screen.current_id() == plan_doc.id:
                break
            await pilot.press("up")
        await pilot.press("e")
        await settle(pilot)
        assert "màn hình Kế hoạch (F3)" in said(pilot)

    run(office, scenario)
    assert OutgoingDocument.select().count() == before


def test_register_printed_for_the_year_on_screen_and_a_reprint_names_its_version(register):
    """Issue 22 item 9: I prints the sổ đăng ký văn bản đi of the year shown (A4
    landscape, every entry of that year); with every year shown it asks for one.
    R on a corrected document says which version it is."""
    from correction_support import correct, issue
    from models.demo import samples
    from printing_support import page_sizes, page_texts, squash

    office, plan_doc, fake = register
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 3, 25))
    first = issue(office, "giay-moi", conf.id, dt.date(2026, 3, 13))
    newer = correct(first, "Đổi giờ họp", {"subject": first.title + " (đổi giờ)"}, on=dt.date(2026, 3, 14))

    async def scenario(pilot, screen):
        await pilot.press("i")
        await settle(pilot)
        shown = info(screen)
        assert "Đã tạo sổ đăng ký văn bản đi năm 2026 (6 văn bản)" in shown, shown
        pdf = Path(shown.rsplit(": ", 1)[1].strip()).read_bytes()
        assert all(w > h for w, h in page_sizes(pdf))
        flat = squash("".join(page_texts(pdf)))
        for doc in (plan_doc, fake["TB"], fake["GM"], first, newer):
            assert squash(doc.symbol) in flat
        assert squash("Trả lời kiến nghị về bảo hiểm y tế") not in flat         # 2025's entry
        await select(pilot, screen, newer.id)
        await pilot.press("r")
        await settle(pilot)
        assert info(screen).startswith(f"{newer.symbol} (bản 2, thay thế số {first.symbol})"), info(screen)
        await pilot.press("right_square_bracket")                    # every year
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert any("chọn một năm" in str(n.message) for n in pilot.app._notifications)

    run(office, scenario)
