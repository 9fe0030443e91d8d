"""A whole cycle of documents on a fresh office, from the keyboard, after the
demo has been opened in the same home (issue 11, "Must show").

Plan issued as 01 → conference → notice and invitations issued (a date to come
refused, Enter does not confirm) → live session with petitions → minutes
edited, issued (BB), marked signed → conclusion notice issued (its milestone
closes) → two answer letters written and issued from the board (the petitions
get their written answers) → a reminder issued → the report issued ("Đã gửi
báo cáo") → the notice corrected as version 2 with a reason. The register then
lists every document with its number, in order and without gaps, the edited
sentence is in the minutes PDF, and F7's check (K) verifies every file."""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import time

from tests.printing_support import page_texts, squash
from tests.test_live_session import Keys, open_session, record

DAY0 = dt.date(2026, 11, 2)          # plan, conference, notice, invitations
CONF_DAY = dt.date(2026, 11, 12)     # the conference (a Thursday)
AFTER = dt.date(2026, 11, 13)        # minutes, conclusions, answer letters
PETITIONS = [
    ("Nguyễn Văn Dương", "b", "1", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm Đồng", "2", ""),
    ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng ở bãi tập kết đầu thôn", "1",
     "Xã đã yêu cầu đơn vị thu gom tăng chuyến"),
    ("Phạm Thị Nguyệt", "a", "7", "Trạm y tế thiếu thuốc huyết áp", "2", "v"),
    ("Hoàng Văn Ất", "b", "3", "Cống thoát nước ở ngõ 4 bị tắc lâu ngày", "2", ""),
]
CONCLUSIONS = "Giao các bộ phận chuyên môn trả lời bằng văn bản đúng hạn"
EDITED = "Ông Hồ Văn Khách đề nghị ghi thêm: thôn An Thượng xin lắp thêm đèn chiếu sáng ngõ xóm."
ANSWERS = ["Ủy ban nhân dân xã đã lập hồ sơ cấp giấy chứng nhận cho các hộ xóm Đồng, dự kiến trao trong tháng 12.",
           "Trạm y tế xã đã được cấp bổ sung thuốc điều trị tăng huyết áp từ ngày 20/11/2026."]
REASON = "Bổ sung địa điểm dự phòng khi trời mưa"
ADDED = "Nếu trời mưa, hội nghị tổ chức tại Hội trường Ủy ban nhân dân xã Kỳ Khang."
TIMEOUT = float(os.environ.get("DOITHOAI_TEST_STEP_TIMEOUT", "90"))   # seconds for any one step; the machine may be very busy


async def until(pilot, ready, what: str) -> None:
    """Let the app work until ``ready()`` holds; fail with ``what`` after TIMEOUT."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            if ready():
                return
        except Exception:   # a widget still being built, a row not there yet
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {what} — {_state(pilot.app)}")
        await pilot.pause(0.05)


def _state(app) -> str:
    """What the screen says, for a failure message."""
    said = []
    for box in app.screen.query(".error"):
        said.append(str(box.render()))
    notes = [n.message for n in list(app._notifications)[-3:]]
    return f"screen {type(app.screen).__name__}, says {said}, notifications {notes}"


async def move_to(pilot, where, target, key: str = "down") -> None:
    """Press ``key`` until ``where()`` is ``target`` (a list row), a bounded number of times."""
    for _ in range(60):
        if where() == target:
            return
        await pilot.press(key)
        await pilot.pause()
    raise AssertionError(f"row {target} not reached with {key}")


async def paste(pilot, text: str) -> None:
    from textual import events

    pilot.app.focused.post_message(events.Paste(text))
    await pilot.pause()


def test_whole_document_cycle_on_a_fresh_office(tmp_path, monkeypatch):
    import tui.documents as pipeline
    from models.storage.db import close_database
    from models.core.paths import locations, use_demo
    from models.opening import open_office_database

    monkeypatch.setenv("DOITHOAI_TODAY", DAY0.isoformat())
    open_office_database(demo=True, render=pipeline.render_pdf)     # the demo issues its own 01/KH-UBND …
    demo_docs = sorted(p.name for p in locations().documents.rglob("*.pdf"))
    close_database()
    use_demo(False)
    try:
        _cycle(monkeypatch, demo_docs)
    finally:
        use_demo(False)


def _fresh_office():
    from models.services import catalog
    from models.opening import open_office_database

    open_office_database()
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                   signer_name="Nguyễn Văn An")
    for name in ("Bình Minh", "An Thượng"):
        catalog.add_village(office, name)
    return office


def _cycle(monkeypatch, demo_docs):
    from models.domain.conference import Conference
    from models.domain.document_text import DocumentText
    from models.core.paths import locations
    from models.domain.petition import Petition
    from models.domain.plan import Plan
    from models.domain.register import OutgoingDocument
    from models.services import documents as docs
    from models.services import register_view
    from models.services.milestones import conference_milestones
    from tui.app import DoiThoaiApp
    from tui.screens.board import BoardScreen
    from tui.screens.conferences import ConferencesScreen
    from tui.screens.document_editor import DocumentEditor, SmallForm
    from tui.screens.documents import DocumentsScreen
    from tui.screens.plans import PlansScreen
    from tui.widgets.confirm import ConfirmScreen
    from tui.widgets.form import FormScreen

    assert demo_docs, "the demo did not write its documents"
    office = _fresh_office()
    assert not list(locations().documents.rglob("*.pdf")), "the office shares the demo's documents folder"

    def today(day: dt.date) -> None:
        monkeypatch.setenv("DOITHOAI_TODAY", day.isoformat())

    def conf() -> Conference:
        return Conference.get(Conference.office == office)

    async def run():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            def on_top(cls):
                """``cls`` is the screen on top (a one-field dialog counts as a form)."""
                return lambda: type(app.screen) in ({cls, SmallForm} if cls is FormScreen else {cls})


            async def issue_in_editor(slug: str, ref_id: int, *, enter_first: bool = False):
                """Ctrl+B in the open editor, the date as offered (today), C to confirm."""
                editor = app.screen
                assert isinstance(editor, DocumentEditor) and editor.slug == slug, app.screen
                await pilot.press("ctrl+b")
                await until(pilot, on_top(FormScreen), f"the date dialog of {slug}")
                await pilot.press("ctrl+s")
                await until(pilot, on_top(ConfirmScreen), f"the confirmation of {slug}")
                if enter_first:
                    await pilot.press("enter")     # an Enter too many must not take a number
                    await pilot.pause()
                    assert isinstance(app.screen, ConfirmScreen)
                    assert docs.latest_issued(office, slug, ref_id) is None
                await pilot.press("c")
                await until(pilot, lambda: app.screen is editor and editor.draft.frozen, f"{slug} issued")
                doc = editor.draft.issued
                assert doc.symbol in str(editor.query_one("#form-error").render())
                return doc

            async def open_from(key: str, slug: str):
                await pilot.press(key)
                await until(pilot, lambda: isinstance(app.screen, DocumentEditor) and app.screen.slug == slug,
                            f"the editor of {slug}")
                return app.screen

            async def close_editor(under):
                await pilot.press("escape")
                await until(pilot, on_top(under), "back from the editor")

            # --- 1. the plan, issued as 01 ------------------------------------------------
            await pilot.press("f3")
            await until(pilot, on_top(PlansScreen), "Kế hoạch")
            await pilot.press("n")
            await until(pilot, on_top(FormScreen), "the plan's editor")
            await pilot.press("ctrl+s")
            await until(pilot, on_top(PlansScreen), "the plan saved")
            await until(pilot, lambda: app.screen.current_id() is not None, "the plan in the list")
            await pilot.press("b")
            await until(pilot, on_top(FormScreen), "the plan's issue date")
            await pilot.press("ctrl+s")                  # today, as offered
            await until(pilot, on_top(ConfirmScreen), "confirm the plan")
            await pilot.press("c")
            await until(pilot, lambda: Plan.get(Plan.office == office).status == "issued", "the plan issued")
            plan = Plan.get(Plan.office == office)
            assert plan.document.symbol == "01/KH-UBND"

            # --- 2. a conference ------------------------------------------------------------
            await pilot.press("f4")
            await until(pilot, on_top(ConferencesScreen), "Hội nghị")
            await pilot.press("n")
            await until(pilot, on_top(FormScreen), "the conference form")
            await pilot.press("tab")                                      # title: made from the villages
            await paste(pilot, f"{CONF_DAY:%d/%m/%Y}")
            await pilot.press("tab", "tab")                               # start time as offered
            await paste(pilot, "Nhà văn hóa thôn Bình Minh")
            await pilot.press("tab")
            await paste(pilot, "Bình Minh, An Thượng")
            await pilot.press("tab")
            await paste(pilot, "Nguyễn Văn An - Chủ tịch UBND xã")
            await pilot.press("tab")
            await paste(pilot, "Lê Thị Hoa")
            await pilot.press("tab")
            await paste(pilot, "Đất đai, xây dựng\nMôi trường")
            await pilot.press("tab")
            await paste(pilot, "Nhân dân thôn Bình Minh\nNhân dân thôn An Thượng")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: on_top(ConferencesScreen)() and app.screen.current_id() is not None,
                        "the conference in the list")
            cid = conf().id

            # --- 3. notice and invitations ----------------------------------------------------
            await open_from("t", "thong-bao")
            notice = await issue_in_editor("thong-bao", cid, enter_first=True)
            await close_editor(ConferencesScreen)
            editor = await open_from("g", "giay-moi")
            await pilot.press("ctrl+b")
            await until(pilot, on_top(FormScreen), "the date dialog")
            await pilot.press("end", "ctrl+u")
            await paste(pilot, f"{DAY0 + dt.timedelta(days=1):%d/%m/%Y}")   # tomorrow: refused
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "chưa đến" in str(app.screen.query_one("#form-error").render()),
                        "a date to come refused")
            assert isinstance(app.screen, FormScreen)
            await pilot.press("end", "ctrl+u")
            await paste(pilot, f"{DAY0:%d/%m/%Y}")
            await pilot.press("ctrl+s")
            await until(pilot, on_top(ConfirmScreen), "confirm the invitations")
            await pilot.press("c")
            await until(pilot, lambda: app.screen is editor and editor.draft.frozen, "invitations issued")
            await close_editor(ConferencesScreen)
            assert conf().status == "announced"

            # --- 4. the live session ------------------------------------------------------------
            today(CONF_DAY)
            await open_session(pilot)
            await pilot.press("ctrl+b")
            keys = Keys(pilot)
            keys.paste = True
            for row in PETITIONS:
                await record(keys, row)
            await until(pilot, lambda: Petition.select().where(Petition.conference == cid).count() == len(PETITIONS),
                        "the petitions saved")
            await pilot.press("f9")
            await until(pilot, on_top(FormScreen), "attendance")
            for n in ("12", "8", "150"):
                await pilot.press("ctrl+u", *n, "tab")
            await paste(pilot, "Hồ Văn Khách - Đại biểu HĐND huyện")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: type(app.screen).__name__ == "SessionScreen", "attendance saved")
            await pilot.press("f10")
            await until(pilot, lambda: type(app.screen).__name__ == "ConclusionsScreen", "conclusions")
            await paste(pilot, CONCLUSIONS)
            await pilot.press("escape")
            await until(pilot, lambda: type(app.screen).__name__ == "SessionScreen", "conclusions saved")
            await pilot.press("ctrl+e")
            await until(pilot, on_top(ConfirmScreen), "confirm closing")
            await pilot.press("c")
            await until(pilot, lambda: conf().status == "closed", "the session closed")
            await app.workers.wait_for_complete()

            # --- 5. minutes edited, issued, signed; the conclusion notice -----------------------
            today(AFTER)
            await pilot.press("f4")
            await until(pilot, lambda: on_top(ConferencesScreen)() and app.screen.current_id() == cid,
                        "Hội nghị again")
            editor = await open_from("b", "bien-ban")
            assert editor.draft.missing == [], editor.draft.missing
            await pilot.press("tab", "tab", "tab")                       # subject → … → body
            assert app.focused.id == "f-body"
            # to the start of the closing paragraph ("Hội nghị kết thúc …", two rows on screen)
            await pilot.press(*["pagedown"] * 8, "end", "up", "home")
            await paste(pilot, EDITED)
            await pilot.press("enter", "ctrl+s")
            await until(pilot, lambda: editor.draft.edited, "the minutes saved")
            minutes = await issue_in_editor("bien-ban", cid)
            assert "BB" in minutes.symbol
            await close_editor(ConferencesScreen)
            await pilot.press("y")
            await until(pilot, on_top(FormScreen), "minutes signed form")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: conf().status == "minutes_signed", "minutes signed")
            await until(pilot, on_top(ConferencesScreen), "back on Hội nghị")

            await open_from("k", "ket-luan")
            conclusion = await issue_in_editor("ket-luan", cid)
            await close_editor(ConferencesScreen)
            assert conf().status == "conclusions_issued"
            done = {m.key: m.state for m in conference_milestones(conf())}
            assert done["conclusions"] == "done", done
            await pilot.press("f2")                                  # the dashboard follows the cycle
            await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen"
                        and app.screen.query_one("DashboardView").data.next_conference.id == cid
                        and app.screen.query_one("DashboardView").data.next_conference.status
                        == "conclusions_issued", "the dashboard on the held conference")
            shown = {m.key: m.state for m in app.screen.query_one("DashboardView").data.milestones}
            assert shown["conclusions"] == "done" and shown["report"] != "done", shown

            # --- 6. two answer letters from the board ---------------------------------------------
            await pilot.press("f6")
            await until(pilot, lambda: on_top(BoardScreen)() and app.screen.page_data is not None
                        and app.screen.rows_by_id, "Theo dõi")
            letters = []
            waiting = [p.id for p in Petition.select().where((Petition.conference == cid)
                                                             & (Petition.disposition == "in_writing"))
                       .order_by(Petition.seq)]
            assert len(waiting) == 3
            for pid, answer in zip(waiting[:2], ANSWERS):
                board = app.screen
                await until(pilot, lambda: pid in board.rows_by_id, "the petition on the board")
                await move_to(pilot, lambda: board.current().id, pid)
                editor = await open_from("v", "tra-loi")
                assert "nội dung trả lời" in editor.draft.missing
                await pilot.press("ctrl+l")                          # selects "[cần điền: nội dung trả lời]"
                await paste(pilot, answer)
                letters.append(await issue_in_editor("tra-loi", pid))
                await close_editor(BoardScreen)
                await until(pilot, lambda: board.page_data is not None, "the board again")

            # --- 7. a reminder to the unit of the third one, once it is late ------------------------
            third = Petition.get_by_id(waiting[2])
            today(third.due_on + dt.timedelta(days=1))
            assert third.due_on.year == 2026
            await pilot.press("r")
            board = app.screen
            await until(pilot, lambda: waiting[2] in board.rows_by_id, "the late petition on the board")
            await move_to(pilot, lambda: board.current().id, waiting[2])
            await open_from("u", "don-doc")
            reminder = await issue_in_editor("don-doc", third.unit_id)
            await close_editor(BoardScreen)

            # --- 8. the report --------------------------------------------------------------------
            await pilot.press("f4")
            await until(pilot, lambda: on_top(ConferencesScreen)() and app.screen.current_id() == cid,
                        "Hội nghị for the report")
            await open_from("c", "bao-cao")
            await pilot.press("ctrl+b")
            await until(pilot, on_top(FormScreen), "the report's date dialog")
            await pilot.press("end", "ctrl+u")
            await paste(pilot, f"{CONF_DAY - dt.timedelta(days=1):%d/%m/%Y}")  # before the last number's date
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "trước ngày" in str(app.screen.query_one("#form-error").render()),
                        "a date before the previous number refused")
            await pilot.press("escape")                                # leave the dialog, what was typed too
            await until(pilot, on_top(ConfirmScreen), "leave the date dialog?")
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, DocumentEditor), "back in the report's editor")
            report = await issue_in_editor("bao-cao", cid)
            await close_editor(ConferencesScreen)
            await until(pilot, lambda: "Đã gửi báo cáo" in str(app.screen.query_one("#conf-detail").render()),
                        "the status shown")

            # --- 9. the notice corrected as version 2 (F7, M) -----------------------------------------
            await pilot.press("f7")
            await until(pilot, lambda: on_top(DocumentsScreen)() and app.screen.current_id() is not None, "Văn bản")
            register = app.screen
            await move_to(pilot, register.current_id, notice.id)
            await pilot.press("m")
            await until(pilot, on_top(FormScreen), "the correction form")
            await pilot.press("tab")
            await paste(pilot, REASON)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, DocumentEditor) and app.screen.draft.is_correction,
                        "the editor on version 2")
            editor_v2 = app.screen
            assert editor_v2.draft.text.version == 2
            await pilot.press("ctrl+b")                         # nothing corrected yet: refused
            await until(pilot, lambda: "chưa sửa gì" in str(editor_v2.query_one("#form-error").render()),
                        "an unchanged version refused")
            assert app.focused.id == "f-body"                   # the body, at its start
            await paste(pilot, ADDED)
            await pilot.press("enter")
            notice_v2 = await issue_in_editor("thong-bao", cid)
            await close_editor(DocumentsScreen)

            # --- 10. F7's check of every file ------------------------------------------------------
            await until(pilot, lambda: register.shown is not None and register.shown.total == 10, "ten documents")
            table = register.query_one("#docs-table")
            await move_to(pilot, lambda: table.cursor_row, 0, "up")
            for row in range(table.row_count):
                doc_id = register.current_id()
                await pilot.press("k")
                await until(pilot, lambda: register.file_marks.get(doc_id) is not None, f"the check of row {row}")
                if row < table.row_count - 1:
                    await pilot.press("down")
            marks = dict(register.file_marks)
            return (dict(notice=notice, minutes=minutes, conclusion=conclusion, letters=letters,
                         reminder=reminder, report=report, notice_v2=notice_v2), marks)

    issued, marks = asyncio.run(run())

    # the register: every document with its number, in order, no gaps
    rows = sorted(OutgoingDocument.select().where(OutgoingDocument.office == office),
                  key=lambda d: (d.year, d.number))
    assert [d.number for d in rows] == list(range(1, 11)), [d.symbol for d in rows]
    assert [d.kind for d in rows] == ["KH", "TB", "GM", "BB", "TB", "CV", "CV", "CV", "BC", "TB"]
    assert [d.issued_on for d in rows] == sorted(d.issued_on for d in rows)
    assert rows[0].symbol == "01/KH-UBND"
    page = register_view.page(office, year=2026)
    assert page.total == 10 and {r.symbol for r in page.rows} == {d.symbol for d in rows}
    assert set(marks.values()) == {"✓"} and set(marks) == {d.id for d in rows}, marks

    # the minutes PDF holds the sentence typed in the editor
    minutes = issued["minutes"]
    text = squash(" ".join(page_texts(open(minutes.file_path, "rb").read())))
    assert squash(EDITED) in text
    assert text.index(squash(EDITED)) < text.index(squash("Hội nghị kết thúc vào hồi")), "inserted mid-sentence"

    # the petitions answered by letter carry its number, date and summary
    for pid, letter, answer in zip([p.id for p in Petition.select().where(Petition.disposition == "in_writing")
                                    .order_by(Petition.seq)][:2], issued["letters"], ANSWERS):
        p = Petition.get_by_id(pid)
        assert p.answer_number == letter.symbol and p.answer_date == letter.issued_on
        assert answer in p.answer_summary and p.status == "answered"

    # the conference went all the way; the notice has a second version that names the first
    c = Conference.get(Conference.office == office)
    assert c.status == "report_sent" and c.minutes_signed_on == AFTER
    v2 = issued["notice_v2"]
    assert v2.version == 2 and v2.supersedes_id == issued["notice"].id and REASON in v2.reason
    old, new = (squash(" ".join(page_texts(open(d.file_path, "rb").read()))) for d in (issued["notice"], v2))
    assert squash(ADDED) in new and squash(ADDED) not in old
    texts = {t.version: t.status for t in DocumentText.select().where(DocumentText.kind == "thong-bao")}
    assert texts == {1: "superseded", 2: "issued"}
    # no unforeseen error on the way (each would be in loi.log)
    log = locations().logs / "loi.log"
    assert not log.exists() or not log.read_text(encoding="utf-8").strip(), log.read_text(encoding="utf-8")
    # the demo's files are where they were, and none of the office's went among them
    assert not any(str(locations().data / "demo") in (d.file_path or "") for d in rows)
