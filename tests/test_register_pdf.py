"""The outgoing register on paper (issue 22 item 9): `doithoai register --nam YYYY
--pdf -o FILE` prints the year's sổ đăng ký văn bản đi in the columns of Decree
30/2020 Appendix IV, one line a document in number order, with the version of a
corrected document and what replaced it; a reprint names the version too."""
import datetime as dt

import pytest
from click.testing import CliRunner
from printing_support import page_sizes, page_texts, squash

from printing.register import form
from tui.commands.printing import print_cmd, register_cmd


@pytest.fixture
def issued(tmp_path, sqlite_db):
    from models.demo import samples
    from models.services import documents
    from tui import documents as pipeline

    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=2, date=dt.date(2026, 11, 15))
    first = pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 2))
    invitation = pipeline.issue(office, "giay-moi", conf.id, on=dt.date(2026, 11, 3))
    documents.start_correction(first, mode="thay-the", reason="Đổi giờ họp")
    values = documents.editor_values(documents.draft(office, "thong-bao", conf.id).content)
    values["body"] = values["body"].replace("08 giờ 00", "14 giờ 00")
    documents.save_draft(office, "thong-bao", conf.id, values)
    second = pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 4))
    return office, conf, first, invitation, second, str(sqlite_db.database)


def test_register_pdf_of_a_year(issued, tmp_path):
    office, conf, first, invitation, second, db = issued
    out = tmp_path / "so-2026.pdf"
    r = CliRunner().invoke(register_cmd, ["--nam", "2026", "--pdf", "-o", str(out), "--db", db])
    assert r.exit_code == 0, r.output
    assert "năm 2026 (3 văn bản)" in r.output and str(out) in r.output
    pdf = out.read_bytes()
    assert all(w > h for w, h in page_sizes(pdf))                      # A4 landscape
    text = "".join(page_texts(pdf))
    flat = squash(text)
    assert squash("SỔ ĐĂNG KÝ VĂN BẢN ĐI") in flat and squash("Năm 2026") in flat
    assert squash("ỦY BAN NHÂN DÂN") in flat
    for heading, _ in form()["columns"]:
        assert squash(heading) in flat, heading
    # one line a document, in the order of the numbers
    table = flat[flat.index(squash("Ghi chú")):]
    where = [table.index(squash(f"{d.symbol}{d.issued_on:%d/%m/%Y}")) for d in (first, invitation, second)]
    assert where == sorted(where)
    assert squash(f"bản 2, thay thế số {first.symbol}") in flat
    assert squash(f"đã được thay thế bởi số {second.symbol}") in flat
    assert squash("Đổi giờ họp") in flat
    assert squash(f"Thông báo: {first.title}") in flat
    assert squash(f"Từ số {first.symbol} đến số {second.symbol}") in flat
    # Nơi nhận from the issued text, and "VT" as the keeper of the copy
    from models.services import documents

    sent = [r.lstrip("- ").rstrip(";.") for r in documents.issued_content(first).recipients
            if not r.lstrip("- ").startswith("Lưu")]
    assert sent and squash(sent[0]) in flat


def test_register_pdf_of_an_empty_year_and_the_default_place(issued):
    *_, db = issued
    r = CliRunner().invoke(register_cmd, ["--nam", "2025", "--pdf", "--db", db])
    assert r.exit_code == 0, r.output
    path = r.output.strip().rsplit(": ", 1)[1]
    assert path.endswith("so-dang-ky-van-ban-di-2025.pdf")
    from pathlib import Path

    assert "Chưa có văn bản nào" in "".join(page_texts(Path(path).read_bytes()))


def test_reprint_names_the_version(issued, tmp_path):
    office, conf, first, invitation, second, db = issued
    r = CliRunner().invoke(print_cmd, ["thong-bao", str(conf.id), "-o", str(tmp_path / "tb.pdf"), "--db", db])
    assert r.exit_code == 0, r.output
    assert f"bản đã ban hành số {second.symbol}, bản 2, thay thế số {first.symbol}" in r.output
