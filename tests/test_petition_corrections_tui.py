"""Corrections, grouping and forwarded petitions driven by keys (Pilot) in the
live session and on the board, on the demo commune (today 2026-11-22)."""
from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from pilot_keys import until

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    return demo_office


async def settle(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str):
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def open_session(app, pilot):
    await pilot.press("f5")
    screen = app.screen
    for _ in range(300):
        if getattr(screen, "loaded", False):
            break
        await pilot.pause(0.02)
    assert screen.loaded
    if screen.conf.status != "in_session":
        await pilot.press("ctrl+b")
        await pilot.pause()
        from tui.widgets.confirm import ConfirmScreen

        if isinstance(app.screen, ConfirmScreen):   # the demo conference is 9 days ahead
            await pilot.press("c")
            await pilot.pause()
    return screen


async def record(pilot, name, village, field, content, disp, detail):
    await type_text(pilot, name)
    await pilot.press("enter")
    await type_text(pilot, village)
    await pilot.press("enter")
    await type_text(pilot, field)
    await type_text(pilot, content)
    await pilot.press("enter", disp)
    await type_text(pilot, detail)
    await pilot.press("enter")
    await pilot.pause()


def run(office, body):
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            await body(app, pilot)

    asyncio.run(inner())


def events_of(pid):
    from models.domain.petition import PetitionEvent

    return list(PetitionEvent.select().where(PetitionEvent.petition == pid).order_by(PetitionEvent.id))


def test_correct_in_the_session_and_on_the_board_history_shows_both(demo):
    from models.domain.petition import Petition

    state = {}

    async def body(app, pilot):
        screen = await open_session(app, pilot)
        conf = screen.conf
        await record(pilot, "Trần Văn Bốn", "b", "5", "Đường liên thôn sạt lở", "3", "Sở Xây dựng")
        await record(pilot, "Lê Thị Năm", "a", "7", "Trạm y tế thiếu thuốc", "4", "Ghi nhận")
        # petitions are written in the background: both are stored before they are looked up
        await until(pilot, lambda: Petition.select().where((Petition.conference == conf)
                                                           & (Petition.content == "Trạm y tế thiếu thuốc")).exists(),
                    "the second petition stored")
        first, second = Petition.select().where(Petition.conference == conf).order_by(Petition.seq)[-2:]
        state["pid"] = first.id
        # Ctrl+↑ selects the earlier row; Ctrl+D opens it; the content is corrected
        await pilot.press("ctrl+up", "ctrl+d")
        from tui.widgets.form import FormScreen

        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the correction form")

        assert isinstance(app.screen, FormScreen) and str(first.seq) in app.screen.form_title
        app.screen.query_one("#f-content").focus()
        await pilot.press("end")
        await type_text(pilot, " gây chia cắt")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        assert Petition.get_by_id(first.id).content == "Đường liên thôn sạt lở gây chia cắt"
        # the second one was recorded by mistake: withdrawn with a reason
        await pilot.press("ctrl+down", "ctrl+d")
        await until(pilot, lambda: app.screen.query_one("#f-withdraw"), "the second petition's form")
        app.screen.query_one("#f-withdraw").focus()
        await type_text(pilot, "Ghi nhầm, trùng ý kiến")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert Petition.get_by_id(second.id).status == "withdrawn"
        assert "Đã rút" in str(screen.query_one("#petitions").get_row(str(second.id))[-1])
        # on the board: Enter on the row, E, the phone and the title corrected
        await pilot.press("f6")
        await settle(app, pilot)
        board = app.screen
        board.requery(status="all", page_size=100)     # every row on one page, whatever fits the screen
        await settle(app, pilot)
        t = board.query_one("#board-table")
        # the board writes its rows in place: row_ids says which petition each line shows
        assert second.id not in board.row_ids
        t.move_cursor(row=board.row_ids.index(first.id))
        await pilot.press("enter")
        from tui.screens.board_detail import PetitionDetailScreen

        await until(pilot, lambda: isinstance(app.screen, PetitionDetailScreen), "the petition's detail")
        await pilot.press("e")
        await until(pilot, lambda: app.screen.query_one("#f-citizen_phone"), "the petition's form")
        await type_text(pilot, "Ông")
        app.screen.query_one("#f-citizen_phone").focus()
        await type_text(pilot, "0912 345 678")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PetitionDetailScreen)
        state["detail"] = str(app.screen.query_one("#petition-detail").render())
        await pilot.press("escape")
        await settle(app, pilot)

    run(demo, body)
    p = Petition.get_by_id(state["pid"])
    assert p.citizen_title == "Ông" and p.citizen_phone == "0912 345 678"
    edits = [e for e in events_of(p.id) if e.action == "edited"]
    assert len(edits) == 2
    assert "Đường liên thôn sạt lở" in edits[0].before and "gây chia cắt" in edits[0].after
    assert "Điện thoại" in edits[1].detail and "0912 345 678" in edits[1].after
    text = state["detail"]
    assert text.split("Nhật ký thay đổi")[0].count("Sửa:") == 2 and "gây chia cắt" in text and "Ông Trần Văn Bốn" in text


def test_ctrl_g_with_no_match_offers_none_and_groups_nothing(demo):
    from models.domain.petition import Petition

    async def body(app, pilot):
        screen = await open_session(app, pilot)
        # a field and words no earlier petition of this village shares
        await type_text(pilot, "Đỗ Văn Sáu")
        await pilot.press("enter")
        await type_text(pilot, "a")
        await pilot.press("enter")
        await type_text(pilot, "9")
        await type_text(pilot, "Xin hỗ trợ mua bình chữa cháy cho nhà văn hóa")
        await pilot.press("enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen is screen                        # no list: nothing to choose
        assert not screen.entry.draft.get("group_parent")
        await pilot.press("4", "enter")
        await pilot.pause()
        p = Petition.select().where(Petition.conference == screen.conf).order_by(Petition.id.desc()).first()
        assert p.content.startswith("Xin hỗ trợ mua bình") and p.group_parent_id is None
        assert not Petition.select().where(Petition.group_parent == p.id).exists()

    run(demo, body)


def session_day(office, monkeypatch):
    """Today becomes the day after the session's conference (answers cannot be dated before it)."""
    from models.services import live_session as live

    day = live.pick_conference(office).date + dt.timedelta(days=1)
    monkeypatch.setenv("DOITHOAI_TODAY", day.isoformat())
    return day


def test_a_group_of_three_is_extended_and_answered_together(demo, monkeypatch):
    from models.domain.petition import Petition

    session_day(demo, monkeypatch)
    ids = {}

    async def body(app, pilot):
        screen = await open_session(app, pilot)
        await record(pilot, "Người Một", "b", "5", "Đường ngõ xóm Cồn lầy lội mùa mưa", "2", "")
        first = Petition.select().where(Petition.conference == screen.conf).order_by(Petition.id.desc()).first()
        for name in ("Người Hai", "Người Ba"):
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, "b")
            await pilot.press("enter", "5")
            await type_text(pilot, "Ngõ xóm Cồn lầy lội")
            await pilot.press("enter", "ctrl+g")
            await pilot.pause()
            from tui.widgets.pick import PickScreen

            assert isinstance(app.screen, PickScreen)
            assert app.screen.values[0] == 0 and app.screen.values[1] == first.id   # same conference first
            await pilot.press("down", "enter")
            await pilot.pause()
            assert "gộp với số" in str(screen.entry.render())
            await pilot.press("2", "enter")
            await pilot.pause()
        rows = list(Petition.select().where(Petition.conference == screen.conf).order_by(Petition.id))[-3:]
        ids["all"] = [r.id for r in rows]
        assert [r.group_parent_id for r in rows] == [None, first.id, first.id]
        assert "gộp với số" in str(screen.query_one("#petitions").get_row(str(rows[2].id))[-1])
        # the board: H on one member extends all three, T on another answers all three
        await pilot.press("f6")
        await settle(app, pilot)
        board = app.screen
        t = board.query_one("#board-table")

        def select(pid):
            t.move_cursor(row=board.row_ids.index(pid))

        # one row for the group, with its count; N opens it into its members
        assert rows[0].id in board.row_ids and not {rows[1].id, rows[2].id} & set(board.row_ids)
        assert str(t.get_row_at(board.row_ids.index(rows[0].id))[board.column_index("citizen")]).endswith("+2")
        select(rows[0].id)
        await pilot.press("n")
        await settle(app, pilot)
        select(rows[1].id)
        await pilot.press("h")
        await pilot.pause()
        await type_text(pilot, "15/01/2027")
        await pilot.press("tab")
        await type_text(pilot, "Chờ khảo sát hiện trường")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        select(rows[2].id)
        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "88/UBND-ĐC")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Xã sẽ đổ bê tông trong quý I")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not set(ids["all"]) & set(board.row_ids)              # all three left the view

    run(demo, body)
    for pid in ids["all"]:
        p = Petition.get_by_id(pid)
        assert p.due_on == dt.date(2027, 1, 15) and p.status == "answered"
        assert p.answer_number == "88/UBND-ĐC" and p.answer_summary == "Xã sẽ đổ bê tông trong quý I"
        actions = [e.action for e in events_of(pid)]
        assert actions.count("extended") == 1 and actions.count("answered") == 1


def test_forwarded_petition_reply_recorded_from_the_board(demo):
    from models.domain.petition import Petition
    from models.services import petitions

    p = petitions.record_petition(demo, content="Tranh chấp ranh giới với xã bên", disposition="forwarded",
                                  forwarded_to="UBND tỉnh", received_on=TODAY - dt.timedelta(days=5))

    async def body(app, pilot):
        await pilot.press("f6")
        await settle(app, pilot)
        board = app.screen
        board.requery(status="forwarded")
        await settle(app, pilot)
        t = board.query_one("#board-table")
        assert p.id in board.row_ids
        t.move_cursor(row=board.row_ids.index(p.id))
        shown = t.get_row_at(board.row_ids.index(p.id))
        assert str(shown[board.column_index("status_label")]) == "Đã chuyển"
        assert str(shown[board.column_index("days_text")]) == "chờ cấp trên"
        await pilot.press("t")
        await pilot.pause()
        assert "cấp trên" in app.screen.form_title
        await type_text(pilot, "120/UBND-NC")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Tỉnh giao huyện giải quyết")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert p.id not in board.row_ids

    run(demo, body)
    fresh = Petition.get_by_id(p.id)
    assert fresh.status == "forwarded_replied" and fresh.upper_reply_summary == "Tỉnh giao huyện giải quyết"
    assert fresh.answer_date is None        # not counted as answered at this level


def test_an_anonymous_citizens_name_is_found_nowhere(demo, tmp_path):
    """The name is typed, then the citizen asks to stay anonymous (Ctrl+Y): it
    is in no file byte of the database, no search, export, PDF, audit entry or backup."""
    from models.storage import db as dbmod
    from models.domain.audit import AuditEntry
    from models.storage.backup import make_backup
    from models.storage.config import sqlite_path
    from models.domain.petition import Petition
    from models.services import board, export

    name = "Quách Thị Bảymươi"

    async def body(app, pilot):
        screen = await open_session(app, pilot)
        await type_text(pilot, name)
        await pilot.pause(1.5)              # saved as typed (the draft), then withheld
        await pilot.press("ctrl+y")
        assert screen.entry.draft["citizen_name"] == ""
        await type_text(pilot, "Xuân")      # refused while anonymous
        assert screen.entry.draft["citizen_name"] == ""
        await pilot.press("enter")
        await type_text(pilot, "a")
        await pilot.press("enter", "3")
        await type_text(pilot, "Bảo hiểm y tế cấp sai tên")
        await pilot.press("enter", "2", "enter")
        await settle(app, pilot)
        await pilot.press("ctrl+n")         # contacts of the next citizen, then nothing kept
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    run(demo, body)
    p = Petition.select().order_by(Petition.id.desc()).first()
    assert p.citizen_withheld and p.citizen_name == "" and p.content == "Bảo hiểm y tế cấp sai tên"
    needles = [name, "Bảymươi", "Baymuoi".lower(), "bảymươi"]
    q = board.BoardQuery(demo.id, status="all", search="bay muoi", today=TODAY)
    assert board.page(q).total == 0
    out = export.export_board(board.BoardQuery(demo.id, status="all", today=TODAY), tmp_path / "x.csv", "csv")
    audit = " ".join(a.before + a.after for a in AuditEntry.select())
    source = sqlite_path(dbmod.database.obj.database)
    backup = make_backup(source, dest=tmp_path / "backup.sqlite3")
    files = [source, backup, out.path]
    blobs = b"".join(open(f, "rb").read() for f in files)
    assert b"B\xe1\xba\xa3o hi\xe1\xbb\x83m y t\xe1\xba\xbf c\xe1\xba\xa5p sai" in blobs   # the content is there
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        blobs += wal.read_bytes()
    # the PDFs: the minutes, the conclusion notice and the answer letter, read back
    from models.core.text import fold
    from tests.printing_support import page_texts
    from tui.documents import preview

    pdfs = {slug: fold(" ".join(page_texts(preview(demo, slug, ref).read_bytes())))
            for slug, ref in (("bien-ban", p.conference_id), ("ket-luan", p.conference_id), ("tra-loi", p.id))}
    assert fold("Bảo hiểm y tế cấp sai tên") in pdfs["bien-ban"]          # the petition is there
    for needle in needles:
        assert all(fold(needle) not in text for text in pdfs.values()), needle
    for needle in needles:
        assert needle not in audit
        for form in ("NFC", "NFD"):
            import unicodedata

            raw = unicodedata.normalize(form, needle)
            assert raw.encode("utf-8") not in blobs, (needle, form)
            assert raw.encode("utf-16-le") not in blobs


def test_a_kept_anonymous_name_is_never_searchable_or_audited(office):
    from models.domain.audit import AuditEntry
    from models.services import board, petitions, privacy

    privacy.set_keep_withheld_names(office, True)
    p = petitions.record_petition(office, content="Xin cấp lại sổ hộ nghèo", citizen_name="Tạ Văn Kín",
                                  citizen_withheld=True)
    assert p.citizen_name == "Tạ Văn Kín" and p.citizen_label == "(giấu tên)"
    assert "kin" not in p.search_text.split()
    assert board.page(board.BoardQuery(office.id, status="all", search="ta van kin")).total == 0
    rows = list(board.iterate(board.BoardQuery(office.id, status="all")))
    assert [r.citizen for r in rows] == ["(giấu tên)"]
    assert not any("Kín" in a.before + a.after for a in AuditEntry.select())
    privacy.set_keep_withheld_names(office, False)
    p2 = petitions.record_petition(office, content="Khác", citizen_name="Tạ Văn Kín", citizen_withheld=True)
    assert p2.citizen_name == ""


def test_keys_start_date_first_village_caps_lock_and_ctrl_q(demo):
    from models.domain.conference import Conference

    async def body(app, pilot):
        await pilot.press("f5")
        screen = app.screen
        for _ in range(300):
            if screen.loaded:
                break
            await pilot.pause(0.02)
        conf = screen.conf
        assert conf.date > TODAY
        # before its date: a confirmation that says why; K keeps it planned
        await pilot.press("ctrl+b")
        await pilot.pause()
        from tui.widgets.confirm import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen) and f"{conf.date:%d/%m/%Y}" in app.screen.question
        await pilot.press("k")
        await pilot.pause()
        assert Conference.get_by_id(conf.id).status != "in_session"
        await pilot.press("ctrl+b", "c")
        await pilot.pause()
        assert Conference.get_by_id(conf.id).status == "in_session"
        # a first petition with no village is refused with a message
        await type_text(pilot, "Vũ Văn Bảy")
        await pilot.press("enter", "enter")
        assert screen.entry.current == "village" and "thôn" in screen.entry.error
        # Caps Lock / Shift: "G" on the board runs the "g" shortcut
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("G")
        await pilot.pause()
        from tui.widgets.form import FormScreen

        assert isinstance(app.screen, FormScreen) and "Giao đơn vị" in app.screen.form_title
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        assert "Gia hạn" in app.screen.form_title
        await type_text(pilot, "31/12/2026")
        # Ctrl+Q over unsaved typing asks; K stays
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "chưa lưu" in app.screen.question
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and app.screen.values()["due_on"] == "31/12/2026"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.return_code is not None          # the app is quitting

    run(demo, body)


@pytest.mark.parametrize("key,form,field,typed", [
    ("f9", "Điểm danh", "f-citizens", "137"),
    ("ctrl+o", "Đăng ký phát biểu", "f-citizen_name", "Đinh Văn Mười"),
])
def test_session_forms_are_saved_as_typed_per_workstation(demo, monkeypatch, key, form, field, typed):
    """Typing in F9 / Ctrl+O is in the database within the save delay; the
    app started again reopens the same form with it; another workstation's
    place is its own."""
    from models.services import live_session as live

    monkeypatch.setenv("DOITHOAI_WORKSTATION", "may-1")

    async def first(app, pilot):
        await open_session(app, pilot)
        await pilot.press(key)
        await pilot.pause()
        from tui.widgets.form import FormScreen

        assert isinstance(app.screen, FormScreen) and app.screen.form_title == form
        app.screen.query_one(f"#{field}").focus()
        if field == "f-citizens":
            await pilot.press("end", "backspace")     # the count shown is 0
        await type_text(pilot, typed)
        for _ in range(100):              # saved within SAVE_DELAY: wait for the condition
            if (live.load_place(demo).get("form") or {}).get(field[2:]) == typed:
                break
            await pilot.pause(0.05)
        assert live.load_place(demo)["form"][field[2:]] == typed
        # no clean close: the next app starts from what the database holds

    run(demo, first)
    monkeypatch.setenv("DOITHOAI_WORKSTATION", "may-2")
    assert live.load_place(demo).get("editing") is None          # the second workstation's own place
    live.save_place(demo, {"conference": live.load_place(demo).get("conference"), "focus": "village"})
    monkeypatch.setenv("DOITHOAI_WORKSTATION", "may-1")
    assert live.load_place(demo)["editing"] in ("attendance", "enqueue")

    async def again(app, pilot):
        await pilot.press("f5")
        for _ in range(300):
            if getattr(app.screen, "form_title", "") == form:
                break
            await pilot.pause(0.02)
        assert app.screen.form_title == form
        assert app.screen.values()[field[2:]] == typed

    run(demo, again)


def test_an_agenda_of_four_items_edited_then_run_with_the_clock(demo, monkeypatch):
    """Hội nghị (F4), C: the programme typed as four lines and an opening
    report; in the session, Ctrl+T runs the clock over the four items in order."""
    from models.domain.conference import AgendaItem, Conference
    from models.services import live_session as live

    conf = live.pick_conference(demo)
    monkeypatch.setenv("DOITHOAI_TODAY", conf.date.isoformat())      # the session starts on its day
    lines = ["Khai mạc | Chủ tịch UBND | 5", "Báo cáo | Phó Chủ tịch | 15",
             "Nhân dân phát biểu | | 90", "Kết luận | Chủ trì | 10"]

    async def body(app, pilot):
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        for _ in range(300):
            if screen.current_id() == conf.id:
                break
            await pilot.press("down")
            await settle(app, pilot)
        assert screen.current_id() == conf.id
        await pilot.press("a")
        from tui.widgets.form import FormScreen

        for _ in range(200):          # the programme is read in a worker, then the form opens
            await settle(app, pilot)
            if isinstance(app.screen, FormScreen) and app.screen.query("#f-agenda"):
                break
        assert isinstance(app.screen, FormScreen)
        area = app.screen.query_one("#f-agenda")
        assert "|" in area.text                                    # the programme it had, as lines
        area.focus()
        area.clear()
        for i, line in enumerate(lines):
            await type_text(pilot, line)
            if i < len(lines) - 1:
                await pilot.press("enter")
        app.screen.query_one("#f-opening_report").focus()
        await type_text(pilot, "Kính thưa các vị đại biểu")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        items = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
        assert [(a.title, a.planned_minutes) for a in items] == [
            ("Khai mạc", 5), ("Báo cáo", 15), ("Nhân dân phát biểu", 90), ("Kết luận", 10)]
        assert [a.planned_start for a in items] == ["08:00", "08:05", "08:20", "09:50"]
        assert Conference.get_by_id(conf.id).opening_report == "Kính thưa các vị đại biểu"
        session = await open_session(app, pilot)
        assert session.query_one("#agenda").row_count == 4
        for n in range(1, 5):
            await pilot.press("ctrl+t")                      # item n starts …
            await pilot.pause()
            assert f"mục {n}:" in str(session.query_one("#session-title").render())
            await pilot.press("ctrl+t")                      # … and ends
            await pilot.pause()
        done = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
        assert all(a.actual_start and a.actual_end for a in done)
        assert [a.seq for a in sorted(done, key=lambda a: (a.actual_start, a.seq))] == [1, 2, 3, 4]
        await pilot.press("ctrl+t")                          # nothing left: said, not raised
        await pilot.pause()

    run(demo, body)
