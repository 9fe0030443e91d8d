"""In lại: an issued plan reprints byte for byte (and a lost file comes back);
a notice rendered from a conference changed since issue is reported as
different, never passed off as the issued document. Both backends."""
import datetime as dt
from pathlib import Path

import pytest
from printing_support import SEEDS

from models.services import issuing, plan_import, plan_issue, records, reprint


@pytest.fixture
def issued_plan(office):
    plan = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2024.txt").plan
    records.update(plan, {"signer_position": office.signer_position or "CHỦ TỊCH"})
    return plan_issue.issue(plan).document


def test_reprint_of_an_issued_plan_is_identical(issued_plan):
    doc = issued_plan
    stored = Path(doc.file_path).read_bytes()
    assert reprint.regenerate(doc) == stored
    result = reprint.reprint(doc)
    assert result.identical and reprint.SAME in result.message and result.path == Path(doc.file_path)


def test_reprint_puts_back_a_lost_plan_file(issued_plan):
    doc = issued_plan
    Path(doc.file_path).unlink()
    result = reprint.reprint(doc)
    assert result.identical and "tạo lại" in result.message
    assert issuing.verify(doc)


def test_reprint_of_a_notice_after_the_conference_changed(office):
    from printing import samples
    from printing.kinds import KINDS

    conf = samples.conference(office, petitions=0)
    doc = issuing.issue(office, "TB", title="Thông báo tổ chức hội nghị", on=dt.date(2026, 11, 2),
                        ref_type="conference", ref_id=conf.id,
                        render=lambda d: KINDS["thong-bao"].render(conf, symbol=d.symbol, on=d.issued_on))
    assert reprint.reprint(doc).identical
    records.update(conf, {"venue": "Hội trường UBND xã (đổi địa điểm)"}, lock_check=False)
    result = reprint.reprint(doc)
    assert result.identical is False and "KHÁC" in result.message
    assert result.path != Path(doc.file_path) and result.path.is_file()
    assert issuing.verify(doc)       # the issued file is left as it was
