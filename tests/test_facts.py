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
    from models.domain import base
    from models.domain.conference import Conference
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
    # corrected in one place: both documents follow, a minutes draft already edited too
    from models.services import documents

    draft = documents.draft(xa, "bien-ban", conf.id).content
    documents.save_draft(xa, "bien-ban", conf.id, {"body": draft.body + "\nThư ký ghi thêm."})
    live_session.set_actual_times(conf, "8h05", "10:40")
    edited = documents.draft(xa, "bien-ban", conf.id).content.body
    assert "08 giờ 05" in edited and "hồi 10 giờ 40" in edited and "Thư ký ghi thêm." in edited
    conf = Conference.get_by_id(conf.id)
    assert conf.start_time == "08:00"
    minutes = compose.minutes(conf).body
    assert "Thời gian bắt đầu:** 08 giờ 05" in minutes and "kết thúc vào hồi 10 giờ 40" in minutes
    assert "Vào lúc 08 giờ 05" in compose.report(conf, TODAY).body
    with pytest.raises(Exception) as err:
        live_session.set_actual_times(conf, "10:00", "09:00")
    assert "trước giờ bắt đầu" in err.value.message


def test_f4_h_corrects_the_actual_times_and_refuses_a_conference_not_met(xa, monkeypatch):
    """F4 H, the one place the actual times are corrected, driven by keys: on a
    conference still only planned it refuses at once (no form; the schedule is not
    what happened), saying why and which key helps; after the session it opens with
    the recorded times, and Ctrl+S saves what was typed, the schedule untouched."""
    from textual.widgets import Input

    from models.domain import base
    from models.domain.conference import Conference
    from models.services import live_session, plans
    from snapshots.settle import settle
    from tui.app import DoiThoaiApp
    from tui.widgets.form import FormScreen

    plan = plans.new_from_template(xa, 2026)                   # F4 lists the plan's conferences
    planned = conference(xa, day="20/04/2026", plan=plan)
    held = conference(xa, day="15/03/2026", plan=plan)
    monkeypatch.setattr(base, "now", lambda: dt.datetime(2026, 3, 15, 12, 29))
    monkeypatch.setattr(live_session, "now", lambda: dt.datetime(2026, 3, 15, 12, 29))
    live_session.start_session(held)
    monkeypatch.setattr(live_session, "now", lambda: dt.datetime(2026, 3, 15, 12, 35))
    live_session.close_session(Conference.get_by_id(held.id))
    with pytest.raises(Exception) as err:
        live_session.set_actual_times(Conference.get_by_id(planned.id), "08:00", "10:00")
    assert "chưa họp" in err.value.message

    async def press_h(app, pilot, conf):
        table = app.screen.query_one("#conf-table")
        table.focus()
        table.move_cursor(row=table.row_index(str(conf.id)))
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)

    async def run():
        app = DoiThoaiApp(xa)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f4")
            await _wait(pilot, lambda: app.screen.__class__.__name__ == "ConferencesScreen"
                        and app.screen.query_one("#conf-table").row_count >= 2)
            await press_h(app, pilot, planned)
            refused = [n.message for n in app._notifications]
            form_on_planned = isinstance(app.screen, FormScreen)
            await press_h(app, pilot, held)
            assert isinstance(app.screen, FormScreen)
            start, end = app.screen.query(Input)
            shown = (start.value, end.value, app.focused is start, start.cursor_position)
            for _ in range(5):
                await pilot.press("backspace")
            await pilot.press(*"08:05", "enter")                 # Enter moves on to the end time
            await pilot.press(*["backspace"] * 5, *"10:40", "ctrl+s")
            await settle(pilot)
            return refused, form_on_planned, shown, [n.message for n in app._notifications], type(app.screen)

    refused, form_on_planned, shown, said, last = asyncio.run(run())
    assert not form_on_planned
    assert any("Hội nghị ngày 20/04/2026 chưa họp (trạng thái: Dự kiến)" in m and "F5" in m and "Ctrl+B" in m
               for m in refused), refused
    assert shown == ("12:29", "12:35", True, 5)                 # the recorded times, the cursor at the end
    assert any("Đã lưu giờ họp thực tế: 08:05 – 10:40." in m for m in said), said
    assert last.__name__ == "ConferencesScreen"
    held = Conference.get_by_id(held.id)
    assert (held.start_time, held.actual_start, held.actual_end) == ("08:00", "08:05", "10:40")
    assert Conference.get_by_id(planned.id).actual_start in ("", None)


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
    from models.domain.conference import BroadcastSlot
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


# --- 3, 4, 7. one count everywhere; a group once; every recorded petition accounted for -----------

HELD = dt.date(2026, 2, 10)


def every_state(office):
    """A held conference with every disposition and state (SPEC "Counting petitions"):
    on the spot; answered in writing on time and late; in progress; late, with a
    second citizen grouped with it; noted; forwarded, waiting and answered by the
    upper level; withdrawn. Returns (conference, {name: petition})."""
    from models.domain.office import Field, Unit, Village
    from models.services import board_actions as act
    from models.services import petition_edit as pe
    from models.services import records
    from models.services.petitions import record_petition

    conf = conference(office, day=f"{HELD:%d/%m/%Y}")
    unit = Unit.get((Unit.office == office) & (Unit.name == "Địa chính - Xây dựng"))
    police = Unit.select().where((Unit.office == office) & Unit.name.startswith("Công an")).get()
    land = Field.get((Field.office == office) & (Field.name == "Đất đai"))
    order = Field.get((Field.office == office) & (Field.name == "An ninh trật tự"))
    east = Village.get((Village.office == office) & (Village.name == "Đông Hải"))
    west = Village.get((Village.office == office) & (Village.name == "Trung Lương"))

    def add(name, content, disposition, **kw):
        kw.setdefault("village", east)
        kw.setdefault("field", land)
        return record_petition(office, conference=conf, citizen_name=name, content=content,
                               disposition=disposition, **kw)

    p = {
        "spot": add("Nguyễn Văn Một", "Hỏi về lịch thu gom rác", "on_spot",
                    answer_on_spot="Xã đã yêu cầu tăng chuyến thu gom", answered_by="Phạm Văn Hùng"),
        "on_time": add("Trần Thị Hai", "Cấp giấy chứng nhận quyền sử dụng đất chậm", "in_writing", unit=unit),
        "late_answer": add("Lê Văn Ba", "Đo đạc lại ranh giới thửa đất", "in_writing", unit=unit),
        "in_progress": add("Phạm Thị Bốn", "Đèn đường thôn Trung Lương hỏng", "in_writing", unit=police,
                           field=order, village=west, due_on=dt.date(2026, 3, 31)),
        "late": add("Hoàng Văn Năm", "Đường liên thôn xuống cấp", "in_writing", unit=unit),
        "member": add("Vũ Thị Sáu", "Đường liên thôn xuống cấp nặng", "in_writing", unit=unit, village=west),
        "noted": add("Đỗ Văn Bảy", "Mong xã tổ chức thêm lớp dạy nghề", "noted"),
        "waiting": add("Bùi Thị Tám", "Tranh chấp đất với xã bên", "forwarded",
                       forwarded_to="UBND tỉnh Quảng Ngãi"),
        "replied": add("Ngô Văn Chín", "Bồi thường giải phóng mặt bằng quốc lộ", "forwarded",
                       forwarded_to="Sở Xây dựng tỉnh Quảng Ngãi"),
        "withdrawn": add("Đinh Thị Mười", "Hỏi về chế độ người có công", "noted"),
    }
    due = p["on_time"].due_on
    act.record_answer(p["on_time"], "12/UBND-VP", f"{due - dt.timedelta(days=2):%d/%m/%Y}", "Đã cấp giấy",
                      today=TODAY)
    act.record_answer(p["late_answer"], "15/UBND-VP", f"{due + dt.timedelta(days=3):%d/%m/%Y}", "Đã đo đạc lại",
                      today=TODAY)
    pe.set_group(p["member"], p["late"])
    pe.record_upper_reply(p["replied"], "88/SXD-QH", "12/03/2026", "Sở đã có phương án bồi thường", today=TODAY)
    pe.withdraw(p["withdrawn"], "Công dân đã được giải đáp trước hội nghị", today=TODAY)
    conf = records.update(conf, {"status": "closed", "actual_start": "08:05", "actual_end": "10:50",
                                 "conclusions": "Giao các bộ phận trả lời đúng hạn."}, lock_check=False)
    from models.domain.petition import Petition

    return conf, {k: Petition.get_by_id(v.id) for k, v in p.items()}


#: the figures of every_state, by SPEC "Counting petitions"
EXPECTED = {"total": 9, "resolved": 3, "noted": 1, "forwarded_waiting": 1, "forwarded_replied": 1,
            "in_progress": 1, "late": 2, "answered": 2, "on_time": 1}


def test_one_count_in_the_report_text_table_chart_export_and_dashboard(xa, tmp_path):
    import openpyxl
    from printing_support import page_texts, runs, squash

    from models.services import board, compose, dashboard, export, statistics
    from models.core.words import COUNT_LABELS
    from tui.documents import render_pdf

    conf, _p = every_state(xa)
    s = statistics.compute(board.BoardQuery(xa.id, status="all", conference_id=conf.id, today=TODAY))
    assert {k: s.overall.count(k) for k in EXPECTED} == EXPECTED and s.withdrawn == 1
    o = s.overall
    assert o.total == o.resolved + o.noted + o.forwarded + o.in_progress + o.late

    # the report: its text, its four tables, its chart, read back from the PDF
    from models.core import clock
    from models.services.kinds import kind

    with clock.fixed(TODAY):
        content = compose.composed(kind("bao-cao"), conf)      # the document, as it is issued
    sentence = ("Tổng số 9 kiến nghị: đã giải quyết 3 (trong đó trả lời bằng văn bản 2, đúng hạn 1, tỷ lệ 50,0%); "
                "ghi nhận 1; chuyển cơ quan có thẩm quyền 2 (đang chờ trả lời 1, đã có trả lời 1; không tính vào "
                "số đã giải quyết); đang giải quyết 1; quá hạn chưa trả lời 2. Ngoài ra có 1 kiến nghị công dân "
                "đã rút (không tính vào các số trên).")
    assert sentence in content.body
    pdf = render_pdf(content)
    text = squash("".join(page_texts(pdf)))
    assert squash(sentence) in text
    total_row = squash("Tổng cộng 9 3 1 2 1 2")        # total, resolved, noted, forwarded, in progress, late
    assert text.count(total_row) == 3                   # by field, by unit, by village
    for key, label in COUNT_LABELS.items():             # table 4, by result
        assert squash(f"{label} {EXPECTED[key]}") in text
    assert "Đãchuyểncấptrên1" not in text
    chart = dict(content.extras["chart"]["series"])
    by_field = {r.label: r for r in s.by_field}
    assert chart["Tổng số"] == [by_field[lb].total for lb in content.extras["chart"]["labels"]]
    assert chart["Đã giải quyết"] == [by_field[lb].resolved for lb in content.extras["chart"]["labels"]]
    assert sum(chart["Đã giải quyết"]) == 3
    bar_labels = sorted(int(r.text) for r in runs(pdf) if round(r.size) == 8 and r.text.strip().isdigit())
    assert bar_labels == sorted(chart["Tổng số"] + chart["Đã giải quyết"])

    # the Excel export of the same conference
    q = board.BoardQuery(xa.id, status="all", conference_id=conf.id, today=TODAY)
    export.export_board(q, tmp_path / "hn.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "hn.xlsx")
    summary = dict(list(wb["Tổng hợp"].values)[1:])
    assert summary == {**{label: EXPECTED[k] for k, label in COUNT_LABELS.items()}, "Tổng cộng": 9}
    head, *rows = list(wb["Theo lĩnh vực"].values)
    total = dict(zip(head, rows[-1]))
    assert total["Tổng số"] == 9 and total["Đã giải quyết"] == 3 and total["Ghi nhận"] == 1
    assert total[COUNT_LABELS["forwarded_replied"]] == 1 and total["Quá hạn"] == 2
    assert total["Đã trả lời bằng văn bản"] == 2 and total["Tỷ lệ đúng hạn"] == "50,0%"
    results = {r[0]: r[1] for r in list(wb["Theo kết quả giải quyết"].values)[1:]}
    assert all(results[label] == EXPECTED[k] for k, label in COUNT_LABELS.items())

    # the dashboard shows the conference with the same figures
    d = dashboard.summary(xa, TODAY)
    assert d.next_conference.id == conf.id
    assert {k: d.figures.count(k) for k in EXPECTED} == EXPECTED and d.withdrawn == 1
    from tui.screens.dashboard import figures_line

    assert figures_line(d.figures, d.withdrawn) == (
        "Kiến nghị: tiếp nhận 9 — đã giải quyết 3, ghi nhận 1, chuyển cấp trên, chờ trả lời 1, "
        "chuyển cấp trên, đã có trả lời 1, đang giải quyết 1, quá hạn 2 (đã rút 1).")


def test_a_party_report_says_petitions_were_forwarded_only_when_some_were(sqlite_db, monkeypatch):
    from models.services import compose
    from models.services.petitions import record_petition

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    office = office_of("dang_uy_xa")
    conf = conference(office, day=f"{HELD:%d/%m/%Y}", chair="Phạm Văn Hùng - Bí thư Đảng ủy xã")
    record_petition(office, conference=conf, citizen_name="Đỗ Văn Bảy", content="Mong có thêm lớp dạy nghề",
                    disposition="noted")
    third = compose.report(conf, TODAY).body.split("III. ĐỀ XUẤT, KIẾN NGHỊ")[1]
    assert "chuyển" not in third.lower()
    record_petition(office, conference=conf, citizen_name="Bùi Thị Tám", content="Tranh chấp đất với xã bên",
                    disposition="forwarded", forwarded_to="UBND tỉnh Quảng Ngãi")
    third = compose.report(conf, TODAY).body.split("III. ĐỀ XUẤT, KIẾN NGHỊ")[1]
    assert "Còn 1 kiến nghị vượt thẩm quyền đã chuyển" in third


def test_a_group_is_listed_once_as_its_head_with_its_members_named(xa, tmp_path):
    import openpyxl

    from models.domain.office import Unit
    from models.services import board, compose, export

    conf, p = every_state(xa)
    notice = compose.conclusion(conf).body
    assert notice.count("Đường liên thôn xuống cấp") == 1          # the member's own row is gone
    assert "2 người cùng nội dung: Hoàng Văn Năm (Thôn Đông Hải), Vũ Thị Sáu (Thôn Trung Lương)" in notice
    minutes = compose.minutes(conf).body
    assert minutes.count("Đường liên thôn xuống cấp") == 1 and "Cùng nội dung" in minutes
    reminder = compose.reminder(Unit.get_by_id(p["late"].unit_id), TODAY).body
    assert reminder.count("Đường liên thôn xuống cấp") == 1 and "2 người cùng nội dung" in reminder
    q = board.BoardQuery(xa.id, status="all", conference_id=conf.id, today=TODAY)
    res = export.export_board(q, tmp_path / "hn.xlsx")
    head, *rows = list(openpyxl.load_workbook(tmp_path / "hn.xlsx")["Theo dõi"].values)
    lines = [dict(zip(head, r)) for r in rows]
    assert res.rows == len(lines) == 8                              # 9 petitions, one group of two
    road = [x for x in lines if x["Nội dung kiến nghị"].startswith("Đường liên thôn")]
    assert len(road) == 1 and road[0]["Người kiến nghị"] == "Hoàng Văn Năm"
    assert road[0]["Cùng nội dung"] == "1 người cùng nội dung: Vũ Thị Sáu (Trung Lương)"


def test_withdrawn_petitions_are_in_the_minutes_and_the_full_export(xa, tmp_path):
    import csv

    from models.services import board, compose, export

    conf, p = every_state(xa)
    minutes = compose.minutes(conf).body
    assert ("Đinh Thị Mười (Thôn Đông Hải): Hỏi về chế độ người có công (lý do rút: Công dân đã được giải đáp "
            "trước hội nghị)") in minutes
    path = tmp_path / "tat-ca.csv"
    q = board.BoardQuery(xa.id, status="recorded", conference_id=conf.id, today=TODAY)
    export.export_board(q, path)
    head, *rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    lines = {r[head.index("Người kiến nghị")]: dict(zip(head, r)) for r in rows}
    assert lines["Đinh Thị Mười"]["Lý do rút"] == "Công dân đã được giải đáp trước hội nghị"
    from models.core.words import STATUS

    assert lines["Đinh Thị Mười"][STATUS] == "Đã rút"
    assert lines["Bùi Thị Tám"]["Chuyển đến"] == "UBND tỉnh Quảng Ngãi"
    replied = lines["Ngô Văn Chín"]
    assert (replied["Số văn bản trả lời của cấp trên"], replied["Ngày trả lời của cấp trên"]) == (
        "88/SXD-QH", "12/03/2026")
    assert lines["Nguyễn Văn Một"]["Nội dung trả lời tại chỗ"] == "Xã đã yêu cầu tăng chuyến thu gom"
    # the default export (what still needs action) leaves the withdrawn one out
    export.export_board(q.with_(status="all"), path, replace=True)
    assert "Đinh Thị Mười" not in path.read_text(encoding="utf-8-sig")


# --- 5. a correction says what it corrects ------------------------------------------------------

def test_a_new_version_says_in_its_text_which_document_it_replaces(xa):
    from printing_support import page_texts, squash

    from models.services import documents, register_view
    from tui import documents as pipeline

    conf = conference(xa, day="30/03/2026")
    first = pipeline.issue(xa, "thong-bao", conf.id, on=dt.date(2026, 3, 16))
    documents.start_correction(first, mode="thay-the", reason="Đổi địa điểm họp")
    draft = documents.draft(xa, "thong-bao", conf.id)
    statement = (f"Thông báo này thay thế Thông báo số {first.symbol} ngày 16/03/2026 của Ủy ban nhân dân xã "
                 "Long Phụng về việc tổ chức hội nghị đối thoại")
    assert statement in draft.content.body                  # the clerk sees it in the editor
    body = draft.content.body.replace("Hội trường UBND xã", "Nhà văn hóa thôn Đông Hải")
    body = "\n".join(x for x in body.splitlines() if "thay thế" not in x)   # edited away by mistake
    documents.save_draft(xa, "thong-bao", conf.id, {"body": body})
    second = pipeline.issue(xa, "thong-bao", conf.id, on=dt.date(2026, 3, 18))
    text = squash("".join(page_texts(open(second.file_path, "rb").read())))
    assert squash(statement) in text                         # stated again at issue
    assert second.supersedes_id == first.id                 # the register links them
    assert ("Thay thế văn bản", first.symbol) in register_view.detail(second)
    assert ("Đã được thay thế bởi", second.symbol) in register_view.detail(first)


# --- 8. wording ---------------------------------------------------------------------------------

def test_wording_of_addressees_and_the_chair(xa, tmp_path):
    import io

    import docx
    from printing_support import page_texts

    from models.domain.office import Unit
    from models.services import compose
    from tui.documents import render_docx, render_pdf

    conf, p = every_state(xa)
    police = Unit.get_by_id(p["in_progress"].unit_id)
    assert compose.unit_addressee(police) == "Công an xã Long Phụng"
    unit = Unit.get_by_id(p["late"].unit_id)
    assert compose.unit_addressee(unit) == "Công chức Địa chính - Xây dựng xã Long Phụng"
    assert "do ông Phạm Văn Hùng, Chủ tịch UBND xã chủ trì" in compose.conclusion(conf).body
    # several addressees: "- …;" each, the last "- …." (Decree 30 App. I)
    from models.services.kinds import kind

    letter = compose.composed(kind("tra-loi"), p["late"])
    assert len(letter.addressees) == 2
    text = page_texts(render_pdf(letter))[0]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("- ")]
    said = [ln for ln in lines if "Hoàng Văn Năm" in ln or "Vũ Thị Sáu" in ln]
    assert said[0].endswith("Đông Hải;") and said[-1].endswith("Trung Lương.")
    paras = [x.text for x in docx.Document(io.BytesIO(render_docx(letter))).paragraphs]
    said = [x for x in paras if "Hoàng Văn Năm" in x or "Vũ Thị Sáu" in x]
    assert said[0].endswith("Đông Hải;") and said[-1].endswith("Trung Lương.")


# --- 6. a Party office gets a Party office's defaults ---------------------------------------------

def test_a_party_office_gets_party_defaults_and_rules_cite_the_law_or_its_own_plan(sqlite_db):
    from models.domain.office import Unit
    from models.domain.rules import office_rules
    from models.services import catalog, compose
    from models.services.usual_units import usual_unit, usual_units

    office = catalog.create_office(kind="dang_uy_xa", place_name="Đô Lương", parent_body="Đảng bộ tỉnh Nghệ An",
                                   signer_name="Trần Văn Bình")
    units = [u.name for u in Unit.select().where(Unit.office == office).order_by(Unit.id)]
    assert units[0] == "Văn phòng Đảng ủy" and "Ban Tuyên giáo Đảng ủy" in units
    assert "Ủy ban Kiểm tra Đảng ủy" in units and "Ban Tổ chức Đảng ủy" in units
    assert not any(n in units for n in ("Văn phòng HĐND và UBND", "Địa chính - Xây dựng", "Công an xã"))
    assert office.signer_authority.startswith("T/M ") and office.signer_position == "BÍ THƯ"
    assert {u.field.name: u.unit for u in usual_units(office)}["Đất đai"] == "Văn phòng Đảng ủy"
    assert usual_unit(office, "Giáo dục", units) == "Ban Tuyên giáo Đảng ủy"
    inspection = Unit.get((Unit.office == office) & (Unit.name == "Ủy ban Kiểm tra Đảng ủy"))
    assert compose.unit_addressee(inspection) == "Ủy ban Kiểm tra Đảng ủy xã Đô Lương"
    sources = {k: r.source for k, r in office_rules(office).items()}
    assert not any(other in s for s in sources.values() for other in ("Long Phụng", "Thanh Khê Tây"))
    assert "Đảng ủy xã Đô Lương" in sources["broadcast"] and "10/2022/QH15" in sources["broadcast"]
    assert "Đảng ủy xã Đô Lương" in sources["written_answer"] and "Đảng ủy xã Đô Lương" in sources["report"]
    # a state office keeps its own
    state = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    assert Unit.select().where((Unit.office == state) & (Unit.name == "Địa chính - Xây dựng")).exists()
    assert "Ủy ban nhân dân xã Kỳ Khang" in office_rules(state)["written_answer"].source


# --- 9. an imported plan gets a signer; what blocks issuing is told before the confirmation ----------

PLAN_WITHOUT_SIGNER = """ỦY BAN NHÂN DÂN
XÃ LONG PHỤNG
Số: 05/KH-UBND
KẾ HOẠCH
Tổ chức hội nghị đối thoại năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Lắng nghe ý kiến, kiến nghị của Nhân dân.
II. NỘI DUNG
1. Thời gian: tháng 6 năm 2025.
Nơi nhận:
- UBND huyện;
- Lưu: VT.
"""


def test_an_imported_plan_without_a_signer_takes_the_offices(xa, tmp_path):
    from models.domain.document_text import Signer
    from models.services import compose, plan_import

    path = tmp_path / "ke-hoach-2025.txt"
    path.write_text(PLAN_WITHOUT_SIGNER, encoding="utf-8")
    res = plan_import.import_plan(xa, path)
    plan = res.plan
    assert (plan.signer_authority, plan.signer_position, plan.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Hùng")
    assert compose.plan(plan).signers == (Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Hùng"),)
    assert any("người ký" in n for n in res.notes)


def test_every_kind_tells_what_blocks_issuing_before_it_is_asked(sqlite_db, monkeypatch):
    from models.domain.office import Office
    from models.core.errors import UserError
    from models.services import documents, plans

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    office = office_of("ubnd_xa")
    Office.update(signer_name="").where(Office.id == office.id).execute()
    office = Office.get_by_id(office.id)
    conf, p = every_state(office)
    plan = plans.new_from_template(office, 2026)
    refs = {"plan": plan.id, "conference": conf.id, "petition": p["late"].id, "unit": p["late"].unit_id}
    for k in documents.numbered_kinds():
        # the minutes are signed by the secretary and the chair, named in the conference
        want = "số người tham dự" if k.slug == "bien-ban" else "họ tên người ký"
        found = [b.message for b in documents.issue_blockers(office, k.slug, refs[k.target])]
        assert any(want in m for m in found), (k.slug, found)
        with pytest.raises(UserError, match=want):
            documents.check_issuable(office, k.slug, refs[k.target])


def test_the_plan_screen_says_what_is_missing_before_asking_the_date(sqlite_db, monkeypatch):
    from models.domain.office import Office
    from models.domain.plan import Plan
    from models.services import plans
    from tui.app import DoiThoaiApp
    from tui.widgets.confirm import ConfirmScreen

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    office = office_of("ubnd_xa")
    Office.update(signer_name="").where(Office.id == office.id).execute()
    office = Office.get_by_id(office.id)
    plan = plans.new_from_template(office, 2026)

    async def run():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("f3")
            await _wait(pilot, lambda: app.screen.__class__.__name__ == "PlansScreen"
                        and app.screen.query_one("PageTable").row_count > 0)
            screen = app.screen
            await pilot.press("b")
            await _wait(pilot, lambda: any("họ tên người ký" in str(n.message) for n in app._notifications))
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen                    # no date form, no confirmation
            assert not isinstance(app.screen, ConfirmScreen)

    asyncio.run(run())
    assert Plan.get_by_id(plan.id).status == "draft"


# --- 15. the demo shows every state ---------------------------------------------------------------

def test_the_demo_shows_every_state_a_real_office_meets(demo_office):
    from models.domain.document_text import DocumentText
    from models.domain.petition import Petition, PetitionEvent
    from models.domain.register import OutgoingDocument
    from models.services import compose
    from models.domain.conference import Conference

    groups = Petition.select().where(Petition.group_parent.is_null(False))
    assert groups.count() >= 1
    member = groups.get()
    assert member.content == member.group_parent.content
    withdrawn = Petition.get(Petition.status == "withdrawn")
    assert len(withdrawn.withdrawn_reason) > 10
    replied = Petition.get(Petition.status == "forwarded_replied")
    assert replied.upper_reply_number and replied.upper_reply_date and replied.forwarded_to
    assert Petition.select().where(Petition.status == "noted").count() >= 2
    reminded = PetitionEvent.get(PetitionEvent.action == "reminded")
    assert reminded.petition.status == "open" and reminded.petition.due_on < dt.date(2026, 11, 22)
    assert OutgoingDocument.select().where(OutgoingDocument.title == "Đôn đốc trả lời kiến nghị của Nhân dân").exists()
    second = OutgoingDocument.get(OutgoingDocument.supersedes.is_null(False))
    first = OutgoingDocument.get_by_id(second.supersedes_id)
    text = DocumentText.get(DocumentText.document == second)
    assert text.version == 2 and text.correction and text.reason
    assert f"Thông báo này đính chính Thông báo số {first.symbol} ngày" in text.parsed.body
    # and the documents show them
    conf = Conference.get_by_id(withdrawn.conference_id)
    assert f"lý do rút: {withdrawn.withdrawn_reason}" in compose.minutes(conf).body
    assert "Cùng nội dung" in compose.minutes(Conference.get_by_id(member.conference_id)).body
    assert "đã có trả lời 1" in compose.report(Conference.get_by_id(replied.conference_id),
                                                 dt.date(2026, 11, 22)).body


def test_an_imported_body_shows_no_markup_and_prints_its_siblings_alike(xa):
    from printing_support import SEEDS

    from models.services import plan_import
    from printing.outline import blocks

    for seed in sorted(SEEDS.glob("*.txt")):
        res = plan_import.import_plan(xa, seed)
        assert "**" not in res.plan.body, seed.name                 # what the editor (F3 E) shows
    res = plan_import.parse(["KẾ HOẠCH", "Đối thoại", "I. NỘI DUNG", "2. Chủ thể đối thoại",
                             "2.1. Tổ chức đối thoại: UBND xã;", "2.2. Chủ trì đối thoại: Chủ tịch UBND xã.",
                             "2.3. Thành phần tham gia đối thoại:", "- Các ban ngành."])
    assert "2.3. Thành phần tham gia đối thoại:" in res.body.splitlines()
    styles = {b.is_heading for b in blocks(res.body) if b.text.startswith(("2.1.", "2.2.", "2.3."))}
    assert styles == {False}                                        # one style for the three siblings
