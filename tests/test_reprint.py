"""In lại: an issued document reprints byte for byte from its frozen text (and a
lost file comes back), even after the records it was made from have changed.
Both backends."""
import datetime as dt
from pathlib import Path

import pytest
from printing_support import SEEDS

from models.services import documents, plan_import, records
from tui import documents as pipeline


@pytest.fixture
def issued_plan(office):
    plan = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2024.txt").plan
    records.update(plan, {"signer_position": office.signer_position or "CHỦ TỊCH"})
    return pipeline.issue(office, "ke-hoach", plan.id)


def test_reprint_of_an_issued_plan_is_identical(issued_plan):
    doc = issued_plan
    stored = Path(doc.file_path).read_bytes()
    assert pipeline.render_pdf(documents.issued_content(doc)) == stored
    result = pipeline.reprint(doc)
    assert result.identical and documents.SAME in result.message and result.path == Path(doc.file_path)


def test_reprint_puts_back_a_lost_plan_file(issued_plan):
    doc = issued_plan
    Path(doc.file_path).unlink()
    result = pipeline.reprint(doc)
    assert result.identical and "tạo lại" in result.message
    assert documents.verify(doc)


def test_reprint_of_a_notice_is_the_issued_one_after_the_conference_changed(office):
    from models.demo import samples

    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    doc = pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 2))
    assert pipeline.reprint(doc).identical
    conf = type(conf).get_by_id(conf.id)
    records.update(conf, {"venue": "Hội trường UBND xã (đổi địa điểm)"}, lock_check=False)
    result = pipeline.reprint(doc)
    assert result.identical and result.path == Path(doc.file_path)
    # the draft of a new version would follow the records; the issued text does not
    assert "đổi địa điểm" in documents.compose_content(office, "thong-bao", conf.id).body
    assert "đổi địa điểm" not in documents.issued_content(doc).body
