"""Issued documents and signed minutes are locked; corrections are new versions
with a reason; every step is in the audit trail."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from models.audit import AuditEntry, history
from conftest import audit_user
from models.conferences import Attendance, Conference
from models.errors import Locked, StaleEdit, ValidationError
from models.register import OutgoingDocument
from models.services import amend, numbering, petitions, records


def _conference(office, status="closed"):
    c = records.create(Conference, office=office, title="Hội nghị đối thoại", date=dt.date(2026, 3, 2),
                       venue="Nhà văn hóa thôn Đông", conclusions="Giao Địa chính trả lời trong 30 ngày.",
                       status=status)
    Attendance.create(conference=c, group="citizens", count=80)
    return c


def _sign(conf):
    records.update(conf, {"status": "minutes_signed", "minutes_signed_on": dt.date(2026, 3, 3)})
    return numbering.register(conf.office, "BB", title="Biên bản hội nghị đối thoại ngày 02/3/2026",
                              issued_on=dt.date(2026, 3, 3), ref_type="conference", ref_id=conf.id)


def test_issued_document_cannot_be_changed_and_a_new_version_keeps_the_old(office):
    doc = numbering.register(office, "TB", title="Thông báo kết luận hội nghị", issued_on=dt.date(2026, 3, 5))
    with pytest.raises(Locked, match="sổ văn bản đi"):
        records.update(doc, {"title": "Thông báo đã sửa"})
    with pytest.raises(Locked):
        records.update(doc, {"locked": False})
    with pytest.raises(Locked):
        records.delete(doc)
    assert OutgoingDocument.get_by_id(doc.id).title == "Thông báo kết luận hội nghị"
    with pytest.raises(ValidationError, match="Lý do"):
        amend.amend_document(doc, "   ")
    v2 = amend.amend_document(doc, "Sai ngày họp ở đoạn 2", title="Thông báo kết luận hội nghị (thay thế)")
    assert (v2.version, v2.supersedes_id, v2.reason) == (2, doc.id, "Sai ngày họp ở đoạn 2")
    assert v2.number == doc.number + 1 and v2.locked
    assert [d.id for d in amend.document_versions(doc)] == [doc.id, v2.id]
    assert [d.id for d in amend.document_versions(v2)] == [doc.id, v2.id]
    assert amend.is_superseded(doc) and not amend.is_superseded(v2)
    with pytest.raises(ValidationError, match="phiên bản mới hơn"):
        amend.amend_document(doc, "lần nữa")
    old = OutgoingDocument.get_by_id(doc.id)
    assert old.title == "Thông báo kết luận hội nghị" and old.row_version == 1
    entry = history(v2)[0]
    assert entry.action == "create" and entry.reason == "Sai ngày họp ở đoạn 2" and entry.user == audit_user("kiemthu")


def test_signed_minutes_lock_what_they_record(office):
    conf = _conference(office)
    p = petitions.record_petition(office, conference=conf, content="Đường thôn xuống cấp", citizen_name="Lê Văn Tư",
                                  disposition="noted")
    _sign(conf)
    for changes in ({"conclusions": "khác"}, {"venue": "khác"}, {"status": "closed"}, {"date": dt.date(2026, 3, 9)}):
        with pytest.raises(Locked, match="đã ký"):
            records.update(Conference.get_by_id(conf.id), changes)
    with pytest.raises(Locked):
        records.update(p, {"content": "nội dung khác"})
    with pytest.raises(Locked):
        petitions.record_petition(office, conference=conf, content="Thêm ý kiến sau khi ký")
    att = Attendance.get(Attendance.conference == conf)
    with pytest.raises(Locked):
        records.update(att, {"count": 81})
    with pytest.raises(Locked):
        records.create(Attendance, conference=conf, group="guest", name="Khách")
    with pytest.raises(Locked):
        records.delete(p)
    # what comes after signature still moves: follow-up and later milestones
    records.update(p, {"status": "closed", "answer_summary": "Đã sửa đường"})
    conf = Conference.get_by_id(conf.id)
    records.update(conf, {"status": "conclusions_issued", "conclusions_published_on": dt.date(2026, 3, 9)})
    assert Conference.get_by_id(conf.id).conclusions.startswith("Giao Địa chính")


def test_amend_signed_minutes_records_reason_and_new_register_version(office):
    conf = _conference(office)
    p = petitions.record_petition(office, conference=conf, content="Đường thôn xuống cấp", citizen_name="Lê Văn Tư")
    v1 = _sign(conf)
    att = Attendance.get(Attendance.conference == conf)
    reason = "Thư ký ghi nhầm số người dự và tên người phát biểu"
    v2 = amend.amend_minutes(conf, reason, changes={"conclusions": "Giao Địa chính trả lời trong 15 ngày."},
                             petitions={p.id: {"citizen_name": "Lê Văn Tứ"}},
                             attendance={att.id: {"count": 85}})
    assert (v2.kind, v2.version, v2.supersedes_id, v2.reason) == ("BB", 2, v1.id, reason)
    assert amend.minutes_document(conf).id == v2.id
    assert Conference.get_by_id(conf.id).conclusions.endswith("15 ngày.")
    assert Attendance.get_by_id(att.id).count == 85
    # still locked afterwards
    with pytest.raises(Locked):
        records.update(Conference.get_by_id(conf.id), {"conclusions": "x"})
    # the trail: who, when, before/after, why
    amended = list(AuditEntry.select().where(AuditEntry.action == "amend"))
    assert {e.table for e in amended} == {"conference", "petition", "attendance"}
    for e in amended:
        assert e.reason == reason and e.user == audit_user("kiemthu") and e.at is not None
    conf_entry = next(e for e in amended if e.table == "conference")
    assert json.loads(conf_entry.before) == {"conclusions": "Giao Địa chính trả lời trong 30 ngày."}
    assert json.loads(conf_entry.after) == {"conclusions": "Giao Địa chính trả lời trong 15 ngày."}
    assert history(v2)[0].reason == reason


def test_amend_refuses_unsigned_empty_and_stale(office):
    conf = _conference(office)
    with pytest.raises(ValidationError, match="chưa ký"):
        amend.amend_minutes(conf, "lý do", changes={"conclusions": "x"})
    _sign(conf)
    with pytest.raises(ValidationError, match="Chưa có nội dung"):
        amend.amend_minutes(conf, "lý do")
    seen = Conference.get_by_id(conf.id).row_version
    amend.amend_minutes(conf, "lần một", changes={"conclusions": "A"})
    with pytest.raises(StaleEdit):
        amend.amend_minutes(conf, "lần hai từ màn hình cũ", changes={"conclusions": "B"},
                            versions={("conference", conf.id): seen})
    assert Conference.get_by_id(conf.id).conclusions == "A"
    assert OutgoingDocument.select().where(OutgoingDocument.kind == "BB").count() == 2  # v1 + one amendment


def test_every_change_is_audited_with_user_and_before_after(office):
    from models.audit import set_user

    set_user("van_thu_1")
    try:
        conf = _conference(office)
        p = petitions.record_petition(office, conference=conf, content="Xin hỗ trợ giống lúa")
        records.update(p, {"answer_summary": "Đã hỗ trợ"})
    finally:
        set_user(None)
    trail = list(history(p))
    assert [e.action for e in trail] == ["create", "update"]
    assert all(e.user == audit_user("van_thu_1") for e in trail)
    assert json.loads(trail[1].before) == {"answer_summary": ""}
    assert json.loads(trail[1].after) == {"answer_summary": "Đã hỗ trợ"}


def test_user_name_from_config(office, monkeypatch):
    from models.audit import current_user
    from models.workspace import save_config

    monkeypatch.delenv("DOITHOAI_USER")
    save_config(user="thu_ky_xa")
    assert current_user() == audit_user("thu_ky_xa")


def test_service_write_paths_go_through_records():
    """Petitions, conferences, plans and the register are written only through
    records.* (which audits) — a direct .save()/.create() in a service would
    change a legal record without a trace."""
    import re
    from pathlib import Path

    audited = ("Petition", "Conference", "Plan", "OutgoingDocument", "Attendance", "AgendaItem")
    pattern = re.compile(r"\b(%s)\.(create|update|insert|delete|insert_many)\(" % "|".join(audited))
    offenders = []
    for path in sorted((Path(__file__).resolve().parents[1] / "models" / "services").glob("*.py")):
        if path.name == "records.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) or re.search(r"\b(p|plan|conf|conference|doc|petition)\.save\(", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, "write without audit:\n" + "\n".join(offenders)
