"""Issuing a plan: number from the register, PDF stored, SHA-256 recorded, text
frozen; a reprint gives the same bytes; a changed file fails verification."""
import datetime as dt

import pytest
from printing_support import make_session, page_texts

import models
from models.services import issuing, records


@pytest.fixture
def session(tmp_path, monkeypatch):
    return make_session(tmp_path, monkeypatch)


def test_issue_plan(session, tmp_path):
    office, plan, _conf = session
    doc = issuing.issue_plan(plan, on=dt.date(2024, 1, 5))
    assert doc.symbol == "01/KH-UBND" and doc.kind == "KH"
    plan = models.Plan.get_by_id(plan.id)
    assert plan.status == "issued" and plan.document_id == doc.id
    path = issuing.document_path(doc)
    assert str(path).startswith(str(tmp_path / "home" / "documents"))
    assert path.is_file() and doc.file_path == str(path)
    assert issuing.verify(doc)
    first = page_texts(path.read_bytes())[0]
    assert "Số: 01/KH-UBND" in first and "Kỳ Khang, ngày 05 tháng 01 năm 2024" in first
    assert issuing.reprint_plan(plan) == path.read_bytes()
    with pytest.raises(models.Locked):
        records.update(plan, {"title": "Sửa sau khi ban hành"})
    with pytest.raises(models.Locked):
        issuing.issue_plan(plan)


def test_second_document_takes_next_number_and_tamper_is_detected(session):
    office, plan, conf = session
    issuing.issue_plan(plan, on=dt.date(2024, 1, 5))
    from printing.kinds import KINDS

    doc = issuing.issue(office, "TB", title="Thông báo hội nghị", on=dt.date(2024, 1, 10),
                        render=lambda d: KINDS["thong-bao"].render(conf, symbol=d.symbol, on=d.issued_on))
    assert doc.symbol == "02/TB-UBND"
    path = issuing.document_path(doc)
    assert issuing.verify(doc)
    path.write_bytes(path.read_bytes() + b"\n%tampered")
    assert not issuing.verify(doc)


def test_failed_render_takes_no_number(session):
    office, _plan, _conf = session

    def boom(_doc):
        raise models.ValidationError("hỏng")

    with pytest.raises(models.ValidationError):
        issuing.issue(office, "TB", title="x", render=boom)
    assert models.OutgoingDocument.select().count() == 0
