"""Issued documents and signed minutes are locked; corrections are new versions
with a reason; every step is in the audit trail."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from models.domain.audit import AuditEntry
from conftest import audit_user
from models.domain.conference import Attendance, Conference
from models.core.errors import Locked, StaleEdit, ValidationError
from models.domain.register import OutgoingDocument
from models.domain.document_text import SUPERSEDED, DocumentText
from models.services import amend, documents, locks, numbering, petitions, records

import correction_support as correction


def history(rec):
    """The change trail of one record, oldest first."""
    return (AuditEntry.select()
            .where((AuditEntry.table == rec._meta.table_name) & (AuditEntry.record_id == rec.get_id()))
            .order_by(AuditEntry.at, AuditEntry.id))


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


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-03-20")


def test_issued_document_cannot_be_changed_and_a_new_version_keeps_the_old(office, today):
    from models.demo import samples

    conf = samples.conference(office, petitions=0, date=dt.date(2026, 3, 12))
    doc = correction.issue(office, "thong-bao", conf.id, dt.date(2026, 3, 5))
    title = doc.title
    with pytest.raises(Locked, match="sổ văn bản đi"):
        records.update(doc, {"title": "Thông báo đã sửa"})
    with pytest.raises(Locked):
        records.update(doc, {"locked": False})
    with pytest.raises(Locked):
        records.delete(doc)
    with pytest.raises(Locked, match="phiên bản mới"):
        documents.save_draft(office, "thong-bao", conf.id, {"subject": "Thông báo đã sửa"})
    assert OutgoingDocument.get_by_id(doc.id).title == title
    with pytest.raises(ValidationError, match="lý do") as blank:
        documents.start_correction(doc, mode="dinh-chinh", reason="   ")
    assert blank.value.field == "reason"
    assert DocumentText.select().count() == 1                    # nothing started
    seen = OutgoingDocument.get_by_id(doc.id).row_version
    v2 = correction.correct(doc, "Sai ngày họp ở đoạn 2", {"subject": title + " (đính chính)"},
                            on=dt.date(2026, 3, 6))
    assert (v2.version, v2.supersedes_id, v2.reason) == (2, doc.id, "Đính chính: Sai ngày họp ở đoạn 2")
    assert v2.number == doc.number + 1 and v2.locked and v2.title == title + " (đính chính)"
    assert [d.id for d in amend.document_versions(doc)] == [doc.id, v2.id]
    assert [d.id for d in amend.document_versions(v2)] == [doc.id, v2.id]
    assert documents.latest_issued(office, "thong-bao", conf.id).id == v2.id
    with pytest.raises(Locked, match="phiên bản mới nhất"):      # only the newest is corrected
        documents.start_correction(doc, mode="thay-the", reason="lần nữa từ bản cũ")
    old = OutgoingDocument.get_by_id(doc.id)
    assert old.title == title and old.row_version == seen and documents.verify(old)
    assert documents.text_of(old).parsed.subject == title and documents.text_of(old).status == SUPERSEDED
    entry = history(v2)[0]
    assert entry.action == "create" and entry.user == audit_user("kiemthu")
    assert json.loads(entry.after)["reason"] == "Đính chính: Sai ngày họp ở đoạn 2"


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


def _signed_minutes(office):
    """A conference whose minutes were issued (02/3) and signed (03/3)."""
    from models.demo import samples

    conf = samples.conference(office, petitions=0, date=dt.date(2026, 3, 2))
    records.update(conf, {"status": "closed"})
    minutes = correction.issue(office, "bien-ban", conf.id, dt.date(2026, 3, 3))
    documents.mark_minutes_signed(Conference.get_by_id(conf.id), on=dt.date(2026, 3, 3))
    return Conference.get_by_id(conf.id), minutes


def test_signed_minutes_are_corrected_by_a_new_version_of_the_minutes(office, today):
    conf, v1 = _signed_minutes(office)
    att = Attendance.get((Attendance.conference == conf) & (Attendance.group == "citizens"))
    with pytest.raises(Locked, match="đã ký"):
        records.update(conf, {"conclusions": "Giao Địa chính trả lời trong 15 ngày."})
    with pytest.raises(Locked, match="phiên bản mới"):
        documents.save_draft(office, "bien-ban", conf.id, {"body": "sửa tại chỗ"})
    reason = "Thư ký ghi nhầm số người dự"
    body = documents.draft(office, "bien-ban", conf.id).content.body
    assert "140" in body
    v2 = correction.correct(v1, reason, {"body": body.replace("140", "145")}, on=dt.date(2026, 3, 4))
    assert (v2.kind, v2.version, v2.supersedes_id) == ("BB", 2, v1.id) and reason in v2.reason
    assert documents.latest_issued(office, "bien-ban", conf.id).id == v2.id
    assert "145" in documents.issued_content(v2).body
    # the old minutes are unchanged and readable; what the records say is not edited in place
    assert "140" in documents.issued_content(v1).body and documents.verify(v1)
    after = Conference.get_by_id(conf.id)
    assert after.status == "minutes_signed" and after.conclusions == conf.conclusions
    assert Attendance.get_by_id(att.id).count == 140
    with pytest.raises(Locked):
        records.update(after, {"conclusions": "x"})
    assert not AuditEntry.select().where(AuditEntry.action == "amend").exists()


def test_an_amendment_lets_locked_rows_change_and_audits_them_with_the_reason(office):
    """locks.amendment is the one door through the locks of signed minutes:
    each change in it is audited as "amend", with who, when, before/after, why."""
    conf = _conference(office)
    p = petitions.record_petition(office, conference=conf, content="Đường thôn xuống cấp", citizen_name="Lê Văn Tư")
    _sign(conf)
    att = Attendance.get(Attendance.conference == conf)
    reason = "Thư ký ghi nhầm số người dự và tên người phát biểu"
    with locks.amendment(reason):
        records.update(Conference.get_by_id(conf.id), {"conclusions": "Giao Địa chính trả lời trong 15 ngày."})
        records.update(p, {"citizen_name": "Lê Văn Tứ"})
        records.update(att, {"count": 85})
    assert Conference.get_by_id(conf.id).conclusions.endswith("15 ngày.")
    assert Attendance.get_by_id(att.id).count == 85
    # still locked afterwards
    with pytest.raises(Locked):
        records.update(Conference.get_by_id(conf.id), {"conclusions": "x"})
    amended = list(AuditEntry.select().where(AuditEntry.action == "amend"))
    assert {e.table for e in amended} == {"conference", "petition", "attendance"}
    for e in amended:
        assert e.reason == reason and e.user == audit_user("kiemthu") and e.at is not None
    conf_entry = next(e for e in amended if e.table == "conference")
    assert json.loads(conf_entry.before) == {"conclusions": "Giao Địa chính trả lời trong 30 ngày."}
    assert json.loads(conf_entry.after) == {"conclusions": "Giao Địa chính trả lời trong 15 ngày."}


def test_a_correction_refuses_no_change_a_second_draft_and_a_stale_edit(office, today):
    conf, v1 = _signed_minutes(office)
    with pytest.raises(ValidationError, match="đính chính hoặc thay thế"):
        documents.start_correction(v1, mode="sửa", reason="Sai số người dự")
    documents.start_correction(v1, mode="dinh-chinh", reason="Sai số người dự")
    with pytest.raises(ValidationError, match="chưa sửa gì"):
        documents.issue(office, "bien-ban", conf.id, on=dt.date(2026, 3, 4), render=correction.small_pdf)
    with pytest.raises(Locked, match="phiên bản 2 đang soạn"):
        documents.start_correction(v1, mode="thay-the", reason="Lần nữa từ màn hình khác")
    draft = documents.draft(office, "bien-ban", conf.id)
    seen = draft.text.row_version
    documents.save_draft(office, "bien-ban", conf.id, {"body": draft.content.body.replace("140", "145")},
                         expected_version=seen)
    with pytest.raises(StaleEdit):
        documents.save_draft(office, "bien-ban", conf.id, {"body": draft.content.body.replace("140", "150")},
                             expected_version=seen)
    assert "145" in documents.draft(office, "bien-ban", conf.id).content.body
    documents.issue(office, "bien-ban", conf.id, on=dt.date(2026, 3, 4), render=correction.small_pdf)
    assert OutgoingDocument.select().where(OutgoingDocument.kind == "BB").count() == 2  # v1 + one correction


def test_every_change_is_audited_with_user_and_before_after(office):
    from models.storage.who import set_user

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
    from models.storage.who import current_user
    from models.storage.settings import save_config

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
