"""Issuing: number from the register, PDF stored, SHA-256 recorded, text frozen;
a reprint gives the same bytes; a changed file fails verification; a failed
render takes no number."""
import datetime as dt

import pytest
from printing_support import make_session, page_texts

import models
from models.services import documents, records
from tui import documents as pipeline


@pytest.fixture
def session(tmp_path, monkeypatch):
    return make_session(tmp_path, monkeypatch)


def test_issue_plan(session, tmp_path):
    office, plan, _conf = session
    doc = pipeline.issue(office, "ke-hoach", plan.id, on=dt.date(2024, 1, 5))
    assert doc.symbol == "01/KH-UBND" and doc.kind == "KH"
    plan = models.Plan.get_by_id(plan.id)
    assert plan.status == "issued" and plan.document_id == doc.id
    path = documents.issued_path(doc)
    assert str(path).startswith(str(tmp_path / "home" / "documents"))
    assert path.is_file() and doc.file_path == str(path)
    assert documents.verify(doc)
    first = page_texts(path.read_bytes())[0]
    assert "Số: 01/KH-UBND" in first and "Kỳ Khang, ngày 05 tháng 01 năm 2024" in first
    assert pipeline.reprint(doc).identical
    with pytest.raises(models.Locked):
        records.update(plan, {"title": "Sửa sau khi ban hành"})
    with pytest.raises(models.Locked):
        pipeline.issue(office, "ke-hoach", plan.id, on=dt.date(2024, 1, 6))


def test_second_document_takes_next_number_and_tamper_is_detected(session):
    office, plan, conf = session
    pipeline.issue(office, "ke-hoach", plan.id, on=dt.date(2024, 1, 5))
    doc = pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2024, 1, 10))
    assert doc.symbol == "02/TB-UBND"
    path = documents.issued_path(doc)
    assert documents.verify(doc)
    path.write_bytes(path.read_bytes() + b"\n%tampered")
    assert not documents.verify(doc)


def test_failed_render_takes_no_number(session):
    office, _plan, conf = session

    def boom(_content):
        raise models.ValidationError("hỏng")

    with pytest.raises(models.ValidationError):
        documents.issue(office, "thong-bao", conf.id, on=dt.date(2024, 1, 10), render=boom)
    assert models.OutgoingDocument.select().count() == 0
    assert models.Conference.get_by_id(conf.id).notice_published_on is None
