"""The follow-up board's query, actions, statistics and exports, on SQLite and
PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from models.core.errors import StaleEdit, ValidationError

TODAY = dt.date(2026, 11, 23)   # a Monday


@pytest.fixture
def board_office(office):
    """An office with a few petitions in each state, dates relative to TODAY."""
    from models.services import catalog, petitions

    v1 = catalog.add_village(office, "Đông Hải")
    v2 = catalog.add_village(office, "Trung Lương")
    units = {u.name: u for u in catalog.units(office)}
    fields = {f.name: f for f in catalog.fields(office)}
    land, env = fields["Đất đai"], fields["Môi trường"]
    dc = next(u for n, u in units.items() if n.startswith("Địa chính"))
    vp = next(u for n, u in units.items() if n.startswith("Văn phòng"))

    def add(name, content, days_due, *, village=v1, field=land, unit=dc, disposition="in_writing",
            received=TODAY - dt.timedelta(days=40)):
        p = petitions.record_petition(office, content=content, citizen_name=name, village=village, field=field,
                                      disposition=disposition, unit=unit if disposition == "in_writing" else None,
                                      received_on=received,
                                      forwarded_to="UBND tỉnh" if disposition == "forwarded" else "")
        if days_due is not None:
            p.due_on = TODAY + dt.timedelta(days=days_due)
            p.save()
        return p

    add("Nguyễn Văn Ất", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", -5)
    add("Trần Thị Bình", "Ô nhiễm môi trường do cơ sở chăn nuôi", 1, field=env, unit=vp, village=v2)
    add("Lê Văn Cường", "Đường đất lầy lội mùa mưa", 20, village=v2)
    add("Phạm Thị Dung", "Hỏi về chế độ người có công", None, disposition="noted")
    add("Hoàng Văn Em", "Tranh chấp đất đai với hàng xóm", None, disposition="forwarded")
    return office


def _q(office, **kw):
    from models.services.board import BoardQuery

    return BoardQuery(office.id, today=TODAY, **kw)


def test_default_view_is_everything_that_waits_sorted_by_deadline(board_office):
    """Issue 20 item 14: the forwarded petition (waiting for the upper level)
    is in the default view, after every row with a deadline, on both engines."""
    from models.services import board

    pg = board.page(_q(board_office))
    assert pg.total == 4
    assert [r.citizen for r in pg.rows] == ["Nguyễn Văn Ất", "Trần Thị Bình", "Lê Văn Cường", "Hoàng Văn Em"]
    assert [r.urgency for r in pg.rows] == ["late", "due_soon", "on_track", "waiting"]
    assert pg.rows[0].days_text == "trễ 5 ngày"
    assert pg.rows[2].days_text == "còn 20 ngày"
    assert pg.counts == {"total": 4, "late": 1, "due_soon": 1, "on_track": 1, "done": 0, "waiting": 1}
    capped = board.page(_q(board_office), cap=board.COUNT_CAP).counts
    assert (capped["total"], capped["waiting"]) == (4, 1)
    # going down: the forwarded one still last (a row without a deadline comes after, either way)
    down = board.rows(_q(board_office, descending=True))
    assert [r.citizen for r in down] == ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn Ất", "Hoàng Văn Em"]


def test_filters_sort_and_paging(board_office):
    from models.services import board, catalog

    v2 = catalog.find_village(board_office, "Trung Lương")
    assert [r.citizen for r in board.rows(_q(board_office, village_id=v2.id))] == ["Trần Thị Bình", "Lê Văn Cường"]
    land = catalog.find_field(board_office, "Đất đai")
    assert board.counts(_q(board_office, field_id=land.id, status="all"))["total"] == 4
    assert [r.citizen for r in board.rows(_q(board_office, status="forwarded"))] == ["Hoàng Văn Em"]
    assert board.counts(_q(board_office, status="all"))["total"] == 5
    assert board.counts(_q(board_office, urgency="late"))["total"] == 1
    desc = board.rows(_q(board_office, sort="due", descending=True))
    assert desc[0].citizen == "Lê Văn Cường"
    names = [r.citizen for r in board.rows(_q(board_office, sort="citizen", status="all"))]
    assert names == sorted(names)
    pages = [board.rows(_q(board_office, status="all", page=i, page_size=2)) for i in range(3)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert len({r.id for p in pages for r in p}) == 5
    # a page past the end falls back to the last one
    assert board.page(_q(board_office, status="all", page=9, page_size=2)).page == 2
    assert board.counts(_q(board_office, received_from=TODAY, status="all"))["total"] == 0


def test_search_ignores_diacritics(board_office):
    from models.services import board

    # the field's name is searched too: "dat dai" finds every land petition
    found = board.rows(_q(board_office, search="dat dai", status="all"))
    assert len(found) == 4 and all(r.field == "Đất đai" for r in found)
    assert [r.citizen for r in board.rows(_q(board_office, search="tranh chap", status="all"))] == ["Hoàng Văn Em"]
    assert [r.citizen for r in board.rows(_q(board_office, search="NGUYEN"))] == ["Nguyễn Văn Ất"]
    assert [r.citizen for r in board.rows(_q(board_office, search="môi  TRƯỜNG"))] == ["Trần Thị Bình"]
    assert board.rows(_q(board_office, search="100%_")) == []


def test_board_and_dashboard_counts_agree(demo_office):
    from models.domain.deadlines import office_calendar
    from models.services import board, dashboard, followup

    today = dt.date(2026, 11, 22)
    dash = dashboard.summary(demo_office, today).counts
    everything = board.counts(board.BoardQuery(demo_office.id, status="all", today=today))
    for key in ("late", "due_soon", "on_track"):
        assert everything[key] == dash[key]
    # the board keeps the forwarded petitions (waiting for the upper level) apart from the done ones
    assert everything["waiting"] > 0 and everything["waiting"] == dash["waiting"]
    assert everything["done"] == dash["done"]
    action = board.counts(board.BoardQuery(demo_office.id, today=today))
    # the default view: what waits for anyone, the forwarded petitions included
    assert action["total"] == dash["open"] + dash["waiting"]
    assert dash["open"] == followup.counts(demo_office, today, office_calendar(demo_office))["open"]
    for key in ("late", "due_soon"):
        assert board.counts(board.BoardQuery(demo_office.id, urgency=key, today=today))["total"] == dash[key]


def _first(office, **kw):
    from models.services import board

    return board.petition(board.rows(_q(office, **kw))[0].id)


def test_actions_leave_history(board_office):
    from models.domain.petition import PetitionEvent
    from models.services import board
    from models.services import board_actions as act

    p = _first(board_office)
    act.assign(p, "văn phòng")
    assert p.unit.name.startswith("Văn phòng")
    act.extend(p, (TODAY + dt.timedelta(days=10)).strftime("%d/%m/%Y"), "Cần xác minh thực địa", today=TODAY)
    assert p.due_on == TODAY + dt.timedelta(days=10)
    act.record_answer(p, "12/UBND-VP", TODAY.strftime("%d/%m/%Y"), "Đã cấp giấy chứng nhận.", today=TODAY)
    assert p.status == "answered"
    act.close(p, today=TODAY)
    assert p.status == "closed" and p.closed_on == TODAY
    act.reopen(p, "Công dân chưa đồng ý", (TODAY + dt.timedelta(days=5)).isoformat(), today=TODAY)
    assert p.status == "open" and p.closed_on is None
    d = board.detail(p.id)
    assert [e.action for e in d.events] == ["created", "reassigned", "extended", "answered", "closed", "reopened"]
    assert d.events[2].detail == "Cần xác minh thực địa"
    assert len(d.audit) >= 6
    assert PetitionEvent.select().where(PetitionEvent.petition == p).count() == 6


def test_actions_validate_in_vietnamese(board_office):
    from models.services import board_actions as act

    p = _first(board_office)
    with pytest.raises(ValidationError, match="Lý do gia hạn"):
        act.extend(p, (TODAY + dt.timedelta(days=10)).isoformat(), "  ", today=TODAY)
    with pytest.raises(ValidationError, match="Hạn mới phải sau"):
        act.extend(p, TODAY.isoformat(), "x", today=TODAY)
    with pytest.raises(ValidationError, match="không có thật"):
        act.extend(p, "31/02/2027", "x", today=TODAY)
    with pytest.raises(ValidationError, match="chưa tới"):
        act.record_answer(p, "1/UBND", (TODAY + dt.timedelta(days=1)).isoformat(), "x", today=TODAY)
    with pytest.raises(ValidationError, match="tóm tắt"):
        act.record_answer(p, "1/UBND", TODAY.isoformat(), "", today=TODAY)
    with pytest.raises(ValidationError, match="ghi lý do"):
        act.close(p, today=TODAY)
    with pytest.raises(ValidationError, match="không cần mở lại"):
        act.reopen(p, "x", today=TODAY)
    with pytest.raises(ValidationError, match="đã được giao"):
        act.assign(p, p.unit.name)
    with pytest.raises(ValidationError, match="Không có đơn vị"):
        act.assign(p, "không tồn tại")
    act.close(p, "Công dân rút đơn", today=TODAY)
    with pytest.raises(ValidationError, match="mở lại"):
        act.assign(p, "văn phòng")


def test_stale_edit_is_refused(board_office):
    from models.services import board
    from models.services import board_actions as act

    p = _first(board_office)
    other = board.petition(p.id)
    act.extend(other, (TODAY + dt.timedelta(days=30)).isoformat(), "Máy khác gia hạn", today=TODAY)
    with pytest.raises(StaleEdit):
        act.record_answer(p, "5/UBND", TODAY.isoformat(), "Trả lời", expected_version=p.row_version, today=TODAY)
    assert board.petition(p.id).status == "open"


def test_statistics(board_office):
    from models.services import board_actions as act
    from models.services import statistics

    p = _first(board_office)
    act.record_answer(p, "12/UBND-VP", TODAY.isoformat(), "Trả lời", today=TODAY)   # 5 days after its due date
    p2 = _first(board_office)
    act.record_answer(p2, "13/UBND-VP", TODAY.isoformat(), "Trả lời", today=TODAY)  # before its due date
    s = statistics.compute(_q(board_office, status="all"))
    assert s.overall.total == 5
    assert s.overall.answered == 2 and s.overall.on_time == 1
    assert statistics.percent(s.overall.on_time_rate) == "50,0%"
    assert sum(r.total for r in s.by_field) == sum(r.total for r in s.by_unit) == 5
    assert sum(r.total for r in s.by_village) == sum(r.total for r in s.by_result) == 5
    land = next(r for r in s.by_field if r.label == "Đất đai")
    assert land.total == 4
    assert s.overall.late == 0 and s.overall.in_progress == 1


def test_xlsx_export_matches_the_board(board_office, tmp_path):
    import openpyxl

    from models.services import board, export

    q = _q(board_office, status="all")
    res = export.export_board(q, tmp_path / "bang.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "bang.xlsx")
    ws = wb["Theo dõi"]
    data = list(ws.values)
    assert data[0][0] == "Hạn trả lời" and "Điện thoại" in data[0]
    shown = [r for p in range(3) for r in board.rows(q.with_(page=p, page_size=2))]
    assert res.rows == len(data) - 1 == len(shown) == board.counts(q)["total"]
    name_col = data[0].index("Người kiến nghị")
    assert [row[name_col] for row in data[1:]] == [r.citizen for r in shown]
    dated = next(i for i, r in enumerate(shown) if r.due_on)
    assert isinstance(data[1 + dated][0], dt.datetime) and data[1 + dated][0].date() == shown[dated].due_on
    totals = dict(list(wb["Tổng hợp"].values)[1:])
    from models.services.statistics import compute
    from models.core.words import COUNT_LABELS

    overall = compute(q).overall
    assert totals == {**{label: overall.count(k) for k, label in COUNT_LABELS.items()}, "Tổng cộng": 5}
    by_field = list(wb["Theo lĩnh vực"].values)
    assert by_field[-1][0] == "Tổng cộng" and by_field[-1][1] == 5


def test_csv_export_without_contacts(board_office, tmp_path):
    import csv

    from models.services import board, export

    p = _first(board_office)
    p.citizen_address, p.citizen_phone = "Xóm 3, thôn Đông Hải", "0912345678"
    p.save()
    path = tmp_path / "bang.csv"
    export.export_board(_q(board_office), path, contacts=False)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert "Điện thoại" not in rows[0] and "Địa chỉ" not in rows[0]
    assert "0912345678" not in raw.decode("utf-8-sig") and "Nguyễn Văn Ất" in rows[1]
    export.export_board(_q(board_office), path, contacts=True, replace=True)
    text = path.read_text(encoding="utf-8-sig")
    assert "0912345678" in text and "Xóm 3" in text
    assert board.counts(_q(board_office))["total"] == len(text.strip().splitlines()) - 1


def test_export_refuses_unknown_format(board_office, tmp_path):
    from models.services import export

    with pytest.raises(ValidationError, match="xlsx"):
        export.export_board(_q(board_office), tmp_path / "bang.pdf")


def test_cli_export(demo_office, tmp_path):
    """doithoai export, end to end in a subprocess, on the demo database."""
    import os
    import subprocess
    import sys

    import openpyxl

    from models.storage.db import database

    target = database.obj.database
    env = {**os.environ, "DOITHOAI_TODAY": "2026-11-22"}
    cmd = [sys.executable, "-m", "tui", "--db", target, "export"]
    out = subprocess.run(cmd + ["-o", str(tmp_path / "a.xlsx")], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert "Đã xuất 26 dòng" in out.stdout
    assert "(26 kiến nghị: chuyển cấp trên, chờ trả lời 4; đang giải quyết 16; quá hạn 6)" in out.stdout
    assert openpyxl.load_workbook(tmp_path / "a.xlsx")["Theo dõi"].max_row == 27
    out = subprocess.run(cmd + ["--csv", "--no-contacts", "--tat-ca", "-o", str(tmp_path / "b.txt")],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "b.txt").read_text(encoding="utf-8-sig")
    # every petition recorded, the withdrawn one too, a group on its head's line
    from models.domain.petition import Petition

    lines = Petition.select().count() - Petition.select().where(Petition.group_parent.is_null(False)).count()
    assert len(text.strip().splitlines()) == 1 + lines and "Điện thoại" not in text
    assert "Lý do rút" in text.splitlines()[0] and "đã được Trưởng thôn giải đáp" in text
    out = subprocess.run(cmd + ["--thong-ke", "-o", str(tmp_path / "c.csv")], capture_output=True, text=True,
                         env=env)
    assert out.returncode == 0 and "Tỷ lệ đúng hạn" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    out = subprocess.run(cmd + ["--tu-ngay", "31/02/2026", "-o", str(tmp_path / "d.csv")], capture_output=True,
                         text=True, env=env)
    assert out.returncode == 2 and "không có thật" in out.stderr and "Traceback" not in out.stderr


def test_follow_up_goes_on_after_the_minutes_are_signed(demo_office):
    """The minutes lock what was said; the board still assigns, extends and answers."""
    from models.domain.conference import Conference
    from models.domain.petition import Petition
    from models.services import board_actions as act
    from models.services import catalog

    today = dt.date(2026, 11, 22)
    p = (Petition.select().join(Conference)
         .where((Conference.status == "conclusions_issued") & (Petition.status == "open")).first())
    other = next(u for u in catalog.units(demo_office) if u.id != p.unit_id)
    act.assign(p, other.id)
    act.extend(p, "30/12/2026", "Chờ ý kiến cấp trên", today=today)
    act.record_answer(p, "99/UBND", "20/11/2026", "Đã trả lời", today=today)
    assert Petition.get_by_id(p.id).status == "answered"


def test_extension_onto_a_sunday_moves_to_the_next_working_day(demo_office):
    import datetime as dt

    from models import Petition
    from models.services import board_actions

    p = Petition.select().where((Petition.status == "open") & Petition.due_on.is_null(False)).first()
    p = board_actions.extend(p, "29/11/2026", "Chờ ý kiến của huyện", today=dt.date(2026, 11, 22))
    assert p.due_on == dt.date(2026, 11, 30)
    assert "ngày nghỉ" in p.extension_reason
