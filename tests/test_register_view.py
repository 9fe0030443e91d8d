"""Sổ văn bản đi as a list: filters, paging, search without diacritics, file
checks against the recorded SHA-256, reprints and versions — on both backends."""
import datetime as dt
from pathlib import Path

import pytest

import models
from models.services import numbering, register_view


def _entries(office):
    """Seven entries over two years and four kinds."""
    made = []
    for day, kind, title in ((dt.date(2025, 1, 8), "KH", "Kế hoạch tổ chức đối thoại năm 2025"),
                             (dt.date(2025, 3, 2), "TB", "Thông báo tổ chức hội nghị đối thoại"),
                             (dt.date(2025, 3, 3), "GM", "Giấy mời dự hội nghị"),
                             (dt.date(2026, 1, 6), "KH", "Kế hoạch tổ chức đối thoại năm 2026"),
                             (dt.date(2026, 2, 9), "CV", "Trả lời kiến nghị về đất đai của ông Nguyễn Văn Bình"),
                             (dt.date(2026, 2, 10), "CV", "Trả lời kiến nghị về đường giao thông"),
                             (dt.date(2026, 4, 1), "TB", "Thông báo kết luận hội nghị")):
        made.append(numbering.register(office, kind, title=title, issued_on=day, signer="Nguyễn Văn An"))
    return made


def test_page_filters_by_year_kind_and_text(office):
    _entries(office)
    every = register_view.page(office)
    assert every.total == 7 and [r.issued_on for r in every.rows] == sorted(
        (r.issued_on for r in every.rows), reverse=True)
    assert register_view.page(office, year=2025).total == 3
    only_cv = register_view.page(office, year=2026, kind="CV")
    assert [r.symbol for r in only_cv.rows] == ["03/UBND", "02/UBND"]
    found = register_view.page(office, text="dat dai nguyen")
    assert [r.title for r in found.rows] == ["Trả lời kiến nghị về đất đai của ông Nguyễn Văn Bình"]
    assert register_view.page(office, text="ĐẤT ĐAI").total == 1
    assert register_view.page(office, kind="BB").total == 0
    assert register_view.years(office) == [2026, 2025]
    assert register_view.kinds(office)[:3] == ["KH", "TB", "GM"]


def test_paging_in_sql(office):
    _entries(office)
    first = register_view.page(office, limit=3)
    second = register_view.page(office, offset=3, limit=3)
    last = register_view.page(office, offset=99, limit=3)   # past the end: the last page
    assert (first.total, first.pages, len(first.rows)) == (7, 3, 3)
    assert second.number == 2 and {r.id for r in first.rows}.isdisjoint(r.id for r in second.rows)
    assert last.number == 3 and len(last.rows) == 1


def _issue_fake(office):
    from correction_support import issue
    from models.demo import samples

    conf = samples.conference(office, petitions=0, date=dt.date(2026, 3, 10))
    return issue(office, "thong-bao", conf.id, dt.date(2026, 3, 1))


def test_check_file_states(office):
    doc = _issue_fake(office)
    assert register_view.check_file(doc).state == register_view.FILE_OK
    path = Path(doc.file_path)
    path.write_bytes(path.read_bytes() + b"x")
    changed = register_view.check_file(doc)
    assert changed.state == register_view.FILE_CHANGED and "đã bị thay đổi" in changed.message
    path.unlink()
    missing = register_view.check_file(doc)
    assert missing.state == register_view.FILE_MISSING and str(path) in missing.message
    entry = numbering.register(office, "CV", title="Chỉ ghi sổ")
    assert register_view.check_file(entry).state == register_view.FILE_NONE


def test_versions_after_a_correction(office, monkeypatch):
    from correction_support import correct

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-03-20")
    doc = _issue_fake(office)
    newer = correct(doc, "Sai giờ họp", {"subject": doc.title + " (điều chỉnh giờ)"}, on=dt.date(2026, 3, 2))
    rows = register_view.version_rows(doc)
    assert [r[0] for r in rows] == [doc.id, newer.id] and register_view.version_rows(newer) == rows
    assert rows[0][1][1] == "Đã được thay thế" and rows[1][1][1] == "Hiện hành"
    assert rows[1][1][4] == "Đính chính: Sai giờ họp"
    assert ("Đã được thay thế bởi", newer.symbol) in register_view.detail(doc)
    assert ("Thay thế văn bản", doc.symbol) in register_view.detail(newer)


def test_reprint_of_an_entry_without_source_is_explained(office):
    from tui.documents import reprint

    entry = numbering.register(office, "CV", title="Công văn cũ nhập tay")
    with pytest.raises(models.ValidationError, match="tệp đã lưu"):
        reprint(entry)


def test_get_refuses_another_office(office):
    from models.services import catalog

    doc = numbering.register(office, "KH", title="Kế hoạch")
    other = catalog.create_office(kind="ubnd_phuong", place_name="Bắc Hà", parent_body="", signer_name="X")
    assert register_view.get(office, doc.id).id == doc.id
    with pytest.raises(models.NotFound):
        register_view.get(other, doc.id)
