"""Correcting, withdrawing, grouping and following up petitions (the services,
on SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import pytest

from models.core.errors import ValidationError

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def setup(office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    from models.services import catalog, petitions

    v1 = catalog.add_village(office, "Đông Hải")
    v2 = catalog.add_village(office, "Trung Lương")
    units = {u.name: u for u in catalog.units(office)}
    fields = {f.name: f for f in catalog.fields(office)}
    dc = next(u for n, u in units.items() if n.startswith("Địa chính"))

    def add(name, content, *, village=v1, field=fields["Đất đai"], disposition="in_writing"):
        return petitions.record_petition(office, content=content, citizen_name=name, village=village, field=field,
                                         disposition=disposition, unit=dc if disposition == "in_writing" else None,
                                         received_on=TODAY - dt.timedelta(days=10),
                                         forwarded_to="UBND tỉnh" if disposition == "forwarded" else "")

    return dict(office=office, add=add, v1=v1, v2=v2, fields=fields, dc=dc)


def _events(p):
    from models.domain.petition import PetitionEvent

    return [(e.action, e.detail, e.before, e.after) for e in
            PetitionEvent.select().where(PetitionEvent.petition == p).order_by(PetitionEvent.id)]


def test_edit_every_field_keeps_history(setup):
    from models.domain.petition import Petition
    from models.services import petition_edit as pe

    p = setup["add"]("Nguyễn Văn Ất", "Đề nghị cấp giấy chứng nhận đất")
    pe.edit(p, {"citizen_name": "Nguyễn Văn Ấn", "village": "trung luong", "field": "Môi trường",
                "content": "Ô nhiễm do chăn nuôi", "citizen_title": "Ông", "citizen_phone": "0912345678"})
    fresh = Petition.get_by_id(p.id)
    assert fresh.citizen_name == "Nguyễn Văn Ấn" and fresh.village_id == setup["v2"].id
    assert fresh.field.name == "Môi trường" and fresh.citizen_title == "Ông"
    action, detail, before, after = _events(p)[-1]
    assert action == "edited"
    assert "Người nêu: Nguyễn Văn Ất" in before and "Người nêu: Nguyễn Văn Ấn" in after
    assert "Thôn: Đông Hải" in before and "Thôn: Trung Lương" in after
    with pytest.raises(ValidationError):
        pe.edit(fresh, {"citizen_title": "Cụ"})
    with pytest.raises(ValidationError):
        pe.edit(fresh, {"content": "Ô nhiễm do chăn nuôi"})      # nothing changed
    # a new disposition moves the petition to its status
    pe.edit(fresh, {"disposition": "forwarded", "forwarded_to": "Sở Tài nguyên"})
    fresh = Petition.get_by_id(p.id)
    assert fresh.status == "forwarded" and fresh.due_on is None and fresh.followup_on is not None


def test_withdrawn_leaves_board_and_statistics_keeps_history(setup):
    from models.domain.petition import Petition
    from models.services import board, statistics
    from models.services import petition_edit as pe

    a = setup["add"]("A", "Đề nghị làm đường")
    setup["add"]("B", "Đề nghị sửa cống")
    q = board.BoardQuery(setup["office"].id, today=TODAY)
    assert board.page(q).total == 2
    pe.withdraw(a, "Công dân rút kiến nghị tại hội nghị")
    assert Petition.get_by_id(a.id).status == "withdrawn"
    assert [r.id for r in board.page(q).rows] != [a.id] and board.page(q).total == 1
    assert board.page(q.with_(status="all")).total == 1
    assert statistics.compute(q.with_(status="all")).overall.total == 1
    assert _events(a)[-1][0] == "withdrawn" and "rút" in _events(a)[-1][1]
    with pytest.raises(ValidationError):
        pe.withdraw(Petition.get_by_id(a.id), "again")
    with pytest.raises(ValidationError):
        pe.withdraw(setup["add"]("C", "x y"), "   ")


def test_group_actions_apply_to_every_member(setup):
    from models.domain.petition import Petition
    from models.services import board_actions as act
    from models.services import petition_edit as pe

    head = setup["add"]("A", "Đường ngõ xóm Đồng lầy lội")
    b = setup["add"]("B", "Đường ngõ xóm Đồng lầy lội mùa mưa")
    c = setup["add"]("C", "Ngõ xóm Đồng lầy lội")
    other = setup["add"]("D", "Cấp giấy chứng nhận", village=setup["v2"])
    pe.set_group(b, head)
    pe.set_group(c, b)                  # joining a member joins its head
    assert Petition.get_by_id(c.id).group_parent_id == head.id
    assert [m.id for m in pe.group_members(Petition.get_by_id(b.id))] == [head.id, b.id, c.id]
    assert len(pe.group_members(Petition.get_by_id(other.id))) == 1
    new_due = TODAY + dt.timedelta(days=45)
    pe.for_group(Petition.get_by_id(b.id), act.extend, new_due, "Chờ đo đạc", today=TODAY)
    pe.for_group(Petition.get_by_id(head.id), act.record_answer, "12/UBND", TODAY, "Sẽ làm trong quý I",
                 today=TODAY)
    for p in (head, b, c):
        fresh = Petition.get_by_id(p.id)
        assert fresh.status == "answered" and fresh.answer_summary == "Sẽ làm trong quý I"
        assert [e[0] for e in _events(p)][-2:] == ["extended", "answered"]
    assert Petition.get_by_id(other.id).status == "open"
    # leaving a group
    pe.set_group(Petition.get_by_id(c.id), None)
    assert [m.id for m in pe.group_members(Petition.get_by_id(head.id))] == [head.id, b.id]
    # withdrawing the head keeps the rest grouped under a new head
    pe.withdraw(Petition.get_by_id(head.id), "Ghi trùng")
    assert Petition.get_by_id(b.id).group_parent_id is None


def test_candidates_are_never_a_guess(setup):
    from models.services import petition_edit as pe

    first = setup["add"]("A", "Đường ngõ xóm Đồng lầy lội")
    setup["add"]("B", "Trạm y tế thiếu thuốc", village=setup["v2"], field=setup["fields"]["Y tế"]
                  if "Y tế" in setup["fields"] else setup["fields"]["Môi trường"])
    found = pe.group_candidates(setup["office"], village=setup["v1"], field=setup["fields"]["Đất đai"],
                                content="Ngõ xóm Đồng lầy lội quá")
    assert [p.id for p in found] == [first.id]
    none = pe.group_candidates(setup["office"], village=setup["v2"], field=setup["fields"]["Đất đai"],
                               content="Hỏi chế độ chính sách người có công")
    assert none == []


def test_forwarded_waits_on_board_until_reply_and_counts_apart(setup):
    from models.domain.petition import Petition
    from models.services import board, statistics
    from models.services import petition_edit as pe

    f = setup["add"]("A", "Tranh chấp đất với xã bên", disposition="forwarded")
    setup["add"]("B", "Đề nghị làm đường")
    q = board.BoardQuery(setup["office"].id, today=TODAY)
    waiting = q.with_(status="forwarded")
    assert [(r.id, r.status_label) for r in board.page(waiting).rows] == [(f.id, "Đã chuyển, chờ trả lời")]
    s = statistics.compute(q.with_(status="all")).overall
    assert (s.total, s.resolved, s.forwarded_waiting, s.in_progress) == (2, 0, 1, 1)
    pe.set_forwarding(f, "", "")                      # letter not known yet: allowed empty
    pe.set_forwarding(Petition.get_by_id(f.id), "45/UBND-VP", "15/11/2026", "15/12/2026")
    fresh = Petition.get_by_id(f.id)
    assert fresh.forward_number == "45/UBND-VP" and fresh.followup_on == dt.date(2026, 12, 15)
    with pytest.raises(ValidationError):
        pe.record_upper_reply(fresh, "9/STNMT", "30/12/2026", "Đã giải quyết")     # future
    pe.record_upper_reply(fresh, "9/STNMT", "20/11/2026", "Sở đã giải quyết")
    fresh = Petition.get_by_id(f.id)
    assert fresh.status == "forwarded_replied" and fresh.answer_date is None
    assert board.page(waiting).total == 0
    assert [r.status_label for r in board.page(q.with_(status="forwarded_replied")).rows] == [
        "Đã có trả lời của cấp trên"]
    s = statistics.compute(q.with_(status="all")).overall
    # the upper level answered: still forwarded, never resolved by the office (SPEC "Counting petitions")
    assert (s.total, s.resolved, s.forwarded_waiting, s.forwarded_replied, s.in_progress) == (2, 0, 0, 1, 1)
    assert _events(f)[-1][0] == "upper_reply"


def test_the_fields_usual_unit_is_the_default(setup):
    from models.services import live_session as live

    office = setup["office"]
    assert live.unit_names(office, "Đất đai")[0] == "Địa chính - Xây dựng"
    assert live.unit_names(office, "An ninh trật tự")[0] == "Công an xã"
    assert live.rank(live.unit_names(office), "dia chinh")[0] == "Địa chính - Xây dựng"   # no diacritics


def test_a_village_of_spaces_clears_it_and_moves_the_petition_nowhere(setup):
    """Spaces typed over the village (F6, the petition's form) read as the
    beginning of every name: the petition moved silently to the first village."""
    from models.domain.petition import Petition
    from models.services import petition_edit as pe

    p = setup["add"]("Lê Thị Cúc", "Đèn đường hỏng", village=setup["v2"])
    pe.edit(p, {"village": "   "})
    assert Petition.get_by_id(p.id).village_id is None
    assert "Thôn: Trung Lương" in _events(p)[-1][2]
