"""Issue 22 item 7's remaining wording, read back from the printed documents:
the village leaders named by the office's kind ("Cán bộ thôn" in a commune,
"Cán bộ tổ dân phố" in a ward), "công chức" before a commune's field of work in
a reminder, and a letter's symbol with one hyphen only ("UBND-VHXH", Decree
30/2020 App. I §II.3b)."""
import datetime as dt

import pytest
from printing_support import page_texts, squash


@pytest.fixture(params=["ubnd_xa", "ubnd_phuong", "dang_uy_xa"])
def session(request, tmp_path, monkeypatch):
    import models
    from models.demo import samples

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    office = samples.office(request.param)
    conf = samples.conference(office, petitions=6, date=dt.date(2026, 11, 15))
    return request.param, office, conf


def _text(office, slug, ref):
    from models.core import clock
    from models.services import documents
    from tui.documents import render_pdf

    with clock.fixed(dt.date(2027, 2, 1)):
        content = documents.draft(office, slug, ref).content
    return " ".join(page_texts(render_pdf(content))), content


def test_minutes_name_the_village_leaders_by_the_office_kind(session):
    kind, office, conf = session
    text, _ = _text(office, "bien-ban", conf.id)
    want = "Cán bộ tổ dân phố: 9 người" if kind == "ubnd_phuong" else "Cán bộ thôn: 9 người"
    assert squash(want) in squash(text)
    assert "thôn, tổ dân phố" not in text


def test_reminder_names_the_civil_servant(session):
    from models import Petition

    kind, office, conf = session
    late = Petition.select().where((Petition.status == "open") & Petition.due_on.is_null(False)).first()
    text, content = _text(office, "don-doc", late.unit_id)
    unit = late.unit.name
    if kind == "dang_uy_xa":
        assert squash(f"{unit} còn") in squash(text) and "công chức" not in content.body
    else:
        assert squash(f"công chức {unit} còn") in squash(text)
        assert squash(f"đề nghị công chức {unit} khẩn trương") in squash(text)


def test_letter_symbol_has_one_hyphen_between_office_and_unit(sqlite_db):
    from models.demo import samples
    from models.services import catalog, numbering

    office = samples.office("ubnd_xa")
    assert numbering.symbol(office, "CV", 5, unit_short="VH-XH") == "05/UBND-VHXH"
    assert numbering.symbol(office, "CV", 12, unit_short="VP") == "12/UBND-VP"
    vhxh = next(u for u in catalog.units(office) if u.name == "Văn hóa - Xã hội")
    assert numbering.symbol(office, "CV", 7, unit_short=vhxh.short_name) == "07/UBND-VHXH"


def test_archive_line_names_the_unit_as_the_symbol_does(sqlite_db):
    """An office whose catalogue still says "VH-XH" (made before this change)."""
    from models import Petition
    from models.demo import samples
    from models.services import documents, records

    office = samples.office("ubnd_xa")
    samples.conference(office, petitions=6, date=dt.date(2026, 11, 15))
    p = Petition.select().where(Petition.unit.is_null(False)).first()
    records.update(p.unit, {"short_name": "VH-XH"})
    content = documents.draft(office, "tra-loi", p.id).content
    assert content.recipients[-1] == "Lưu: VT, VHXH."
