"""The seed plans imported (as .txt, and as .docx built from them) and printed:
fields recognised, and the printed body equal to the seed's, whitespace aside."""
import re

import pytest
from printing_support import SEEDS, page_texts, squash

import models
from models.services import catalog, plan_import
from printing_support import plan_pdf

SEED_FILES = sorted(SEEDS.glob("*.txt"))

EXPECTED = {
    "plan-ubnd-phuong-2022.txt": dict(
        issuer="UBND phường Thanh Khê Tây", place="Thanh Khê Tây", year=2022, month=6, day=None,
        title_start="Tổ chức hội nghị đối thoại giữa Bí thư Đảng ủy", bases=2,
        recipients_last="Lưu: VT, VP.", authority="", position="CHỦ TỊCH", name="Lê Thị Nhật Diệu"),
    "plan-ubnd-xa-2024.txt": dict(
        issuer="UBND xã Kỳ Khang", place="Kỳ Khang", year=2024, month=1, day=None,
        title_start="Tổ chức đối thoại giữa chính quyền với nhân dân năm 2024", bases=2,
        recipients_last="Lưu: VP.", authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="Hồ Xuân Trính"),
    "plan-ubnd-xa-2025.txt": dict(
        issuer="Ủy ban nhân dân xã Long Phụng", place="", year=2025, month=None, day=None,
        title_start="Tổ chức Hội nghị đối thoại trực tiếp giữa Người đứng đầu", bases=2,
        # the file names no signer: the office's is taken (this office has no signer's name yet)
        recipients_last="Lưu: VT.", authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name=""),
}


@pytest.fixture
def office(tmp_path, monkeypatch):
    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")


def as_docx(seed, target):
    """The seed as a Word file: the number and date lines in a two-column header
    table (as offices lay them out), every other line a paragraph."""
    import docx

    lines = seed.read_text(encoding="utf-8").splitlines()
    d = docx.Document()
    number = next((ln for ln in lines if ln.strip().startswith("Số:")), None)
    date = next((ln for ln in lines if "ngày" in ln and "năm" in ln and ln.strip().count(",") == 1
                 and len(ln) < 60), None)
    if number and date:
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = number
        table.cell(0, 1).text = date
    for ln in lines:
        if ln not in (number, date):
            d.add_paragraph(ln)
    d.save(target)
    return target


def seed_body(seed) -> str:
    """Everything between the title and "Nơi nhận:" in the seed file."""
    text = seed.read_text(encoding="utf-8")
    res = plan_import.parse(text.splitlines())
    start = text.index(res.legal_bases[0].split()[0] + " " + res.legal_bases[0].split()[1]) \
        if res.legal_bases else 0
    return text[start:re.search(r"Nơi nhận", text).start()]


def printed_body(pdf: bytes, title: str) -> str:
    pages = page_texts(pdf)
    pages = [re.sub(r"\n\s*\d+\s*$", "", p) if i else p for i, p in enumerate(pages)]  # page numbers
    flat = squash("\n".join(pages))
    flat = flat[flat.index(squash(title)) + len(squash(title)):]
    return flat[:flat.index("Nơinhận:")]


def _strip_end(s: str) -> str:
    return re.sub(r"[./]+$", "", s)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_imported_and_printed(office, seed, fmt, tmp_path):
    path = seed if fmt == "txt" else as_docx(seed, tmp_path / (seed.stem + ".docx"))
    res = plan_import.import_plan(office, path)
    exp = EXPECTED[seed.name]
    plan = res.plan
    assert plan.status == "draft" and plan.office_id == office.id
    assert res.issuer == exp["issuer"]
    assert res.number == ""                                   # blank in every seed
    assert (res.place, res.year, res.month, res.day) == (exp["place"], exp["year"], exp["month"], exp["day"])
    assert plan.year == exp["year"]
    assert plan.title.startswith(exp["title_start"])
    assert len(plan.legal_bases.splitlines()) == exp["bases"]
    assert all(b.startswith(("Căn cứ", "Thực hiện")) for b in plan.legal_bases.splitlines())
    assert plan.recipients.splitlines()[-1] == exp["recipients_last"]
    assert (plan.signer_authority, plan.signer_position, plan.signer_name) == \
        (exp["authority"], exp["position"], exp["name"])
    assert plan.body.startswith("I. MỤC ĐÍCH, YÊU CẦU")
    assert plan.closing.startswith("Trên đây là")

    pdf = plan_pdf(plan)
    got = printed_body(pdf, plan.title)
    assert _strip_end(got) == _strip_end(squash(seed_body(seed)))



def test_word_processor_trailer_dropped_with_a_note(office):
    res = plan_import.import_plan(office, SEEDS / "plan-ubnd-phuong-2022.txt")
    assert "haitt5-08/06/2022" not in res.plan.body
    assert any("haitt5-08/06/2022" in n for n in res.notes)


def test_number_and_date_recognised_when_present(office, tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("ỦY BAN NHÂN DÂN\nXÃ KỲ KHANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/KH-UBND\n"
                 "Kỳ Khang, ngày 05 tháng 01 năm 2024\nKẾ HOẠCH\nĐối thoại năm 2024\n"
                 "Căn cứ Luật;\nI. MỤC ĐÍCH\n- Một.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
                 "KT. CHỦ TỊCH\nNguyễn Văn An\n", encoding="utf-8")
    res = plan_import.import_plan(office, f)
    assert res.issuer == "ỦY BAN NHÂN DÂN XÃ KỲ KHANG"
    assert res.number == "05/KH-UBND"
    assert str(res.plan.place_date) == "2024-01-05"
    assert res.plan.signer_name == "Nguyễn Văn An"


def test_unsupported_file_is_refused_in_vietnamese(office, tmp_path):
    f = tmp_path / "p.pdf"
    f.write_bytes(b"%PDF")
    with pytest.raises(models.ValidationError, match="chỉ nhận tệp .txt hoặc .docx"):
        plan_import.import_plan(office, f)
