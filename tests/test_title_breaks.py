"""Titles and "V/v" lines break where an office would break them (issue 22 item 5):
lines of nearly equal length, at a phrase boundary, never one word alone on the
last line, never inside a place's or a person's name, nor between "thôn", "xã",
"ông (bà)" and the name after it. Read back from the printed PDFs."""
import datetime as dt

import pytest
from printing_support import lines, squash

PLACE = "Hòa Bình Tây"
VILLAGE = "An Thượng"
CITIZEN = "Nguyễn Thị Thanh Hương"
TITLES = [
    f"Hội nghị đối thoại giữa Chủ tịch UBND xã {PLACE} với Nhân dân thôn {VILLAGE}",
    f"Hội nghị đối thoại của Chủ tịch Ủy ban nhân dân xã {PLACE} với Nhân dân thôn Đông Hải và thôn {VILLAGE}",
    f"Hội nghị đối thoại với Nhân dân các thôn Đông, Tây, Bắc và thôn {VILLAGE} xã {PLACE}",
]
NAMES = [PLACE, VILLAGE, CITIZEN, f"thôn {VILLAGE}", f"xã {PLACE}", "Chủ tịch UBND", "Đông Hải"]


@pytest.fixture(scope="module", params=["ubnd_xa", "dang_uy_xa"])
def office(request, tmp_path_factory):
    import models
    from models.demo import samples

    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp(request.param)
    mp.setenv("DOITHOAI_HOME", str(tmp / "home"))
    models.open_database(tmp / "t.sqlite3")
    off = samples.office(request.param, place=PLACE)
    yield off
    mp.undo()


def _title_lines(pdf: bytes, text: str) -> list[str]:
    """The printed lines of page 1 that together read ``text``."""
    found = [ln.text for ln in lines(pdf) if ln.page == 1]
    want = squash(text)
    for i in range(len(found)):
        got = ""
        for j in range(i, min(i + 6, len(found))):
            got += squash(found[j])
            if got == want:
                return found[i:j + 1]
            if not want.startswith(got):
                break
    raise AssertionError(f"“{text}” not found as whole lines in {found}")


def _check(broken: list[str]) -> None:
    if len(broken) > 1:
        assert len(broken[-1].split()) >= 2, f"one word alone: {broken}"
    for name in NAMES:
        joined = " ".join(broken)
        if name in joined:
            assert any(name in ln for ln in broken), f"“{name}” split: {broken}"
    for a, b in zip(broken, broken[1:]):
        assert a.split()[-1].lower() not in ("thôn", "xã", "ông", "bà", "(bà)"), broken


@pytest.mark.parametrize("title", TITLES)
def test_titles_keep_names_whole_and_no_word_alone(office, title):
    from models import Conference
    from models.demo import samples
    from models.services import documents
    from tui.documents import render_pdf

    conf = samples.conference(office, petitions=2, date=dt.date(2026, 11, 15))
    Conference.update(title=title).where(Conference.id == conf.id).execute()
    for slug in ("thong-bao", "giay-moi", "bien-ban", "ket-luan", "phieu-y-kien"):
        content = documents.draft(office, slug, conf.id).content
        printed = _title_lines(render_pdf(content), content.subject)
        _check(printed)
        if slug == "ket-luan":
            assert _word_lines(content, content.subject) == printed    # the Word file breaks as the PDF


def _word_lines(content, text: str) -> list[str]:
    """The lines of the Word file's paragraph that holds ``text`` (its line breaks)."""
    import io

    import docx as python_docx

    from printing.docx import docx

    doc = python_docx.Document(io.BytesIO(docx(content)))
    paras = list(doc.paragraphs) + [p for t in doc.tables for row in t.rows for c in row.cells
                                    for p in c.paragraphs]
    hit = next(p for p in paras if squash(p.text) == squash(text))
    return hit.text.split("\n")


def test_letter_subject_keeps_the_citizens_name_whole(office):
    from models import Petition
    from models.demo import samples
    from models.services import documents, records
    from printing.wording import vv_line
    from tui.documents import render_pdf

    conf = samples.conference(office, petitions=2, date=dt.date(2026, 11, 15))
    pet = Petition.select().where(Petition.conference == conf).order_by(Petition.id).first()
    records.update(pet, {"citizen_name": CITIZEN})
    content = documents.draft(office, "tra-loi", pet.id).content
    broken = _title_lines(render_pdf(content), vv_line(content.subject))
    assert len(broken) >= 2
    assert _word_lines(content, vv_line(content.subject)) == broken
    _check(broken)
    widths = [len(ln) for ln in broken]
    assert min(widths) >= 0.5 * max(widths), broken          # balanced, not a long line and a stub


def test_balanced_lines_alone():
    """The rule on plain text with a fixed-width measure (one unit a character)."""
    from printing.breaks import balanced_lines

    text = "Kết luận tại hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân các thôn Đông, Tây, Bắc"
    got = balanced_lines(text, len, 70)
    assert len(got) == 2 and " ".join(got) == text
    assert got[1].startswith("với") and abs(len(got[0]) - len(got[1])) < 30
    assert balanced_lines("V/v trả lời kiến nghị của ông (bà) Trần Thị Bình", len, 30) == [
        "V/v trả lời kiến nghị", "của ông (bà) Trần Thị Bình"]
    assert balanced_lines("ngắn", len, 30) == ["ngắn"]
    assert balanced_lines("", len, 30) == []
