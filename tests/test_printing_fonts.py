"""Font choice: a family with Vietnamese glyphs, the fallback chain, and the Noto
Serif faces cut from the variable font (forced with DOITHOAI_FONT=noto)."""
import pytest

from printing import fonts


def test_chosen_system_font_covers_vietnamese():
    fs = fonts.choose()
    assert all(p.is_file() for p in fs.files)
    assert all(fonts.covers_vietnamese(p) for p in fs.files)
    assert fs.family in fs.describe()


def test_font_without_vietnamese_is_skipped(tmp_path):
    """An old Liberation Serif (Debian fonts-liberation 1.07) lacks "ạ", "ộ" …;
    a folder holding only such a family yields nothing rather than broken text."""
    import shutil

    from fontTools.ttLib import TTFont

    src = fonts.choose().files[0]
    for name in ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                 "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"):
        f = TTFont(str(src))
        for table in f["cmap"].tables:
            for cp in [c for c in table.cmap if 0x1EA0 <= c <= 0x1EF9]:
                del table.cmap[cp]
        f.save(str(tmp_path / name))
    assert fonts.find_system_font([tmp_path]) is None
    shutil.rmtree(tmp_path)


@pytest.fixture(scope="module")
def noto(tmp_path_factory):
    return fonts.cut_noto(tmp_path_factory.mktemp("cache"))


def test_noto_faces_are_cut_static_and_cached(noto):
    from fontTools.ttLib import TTFont

    assert noto.family == "Noto Serif"
    for path in noto.files:
        font = TTFont(str(path))
        assert "fvar" not in font and "gvar" not in font        # static, embeddable
        assert fonts.covers_vietnamese(path)
    stamp = [p.stat().st_mtime_ns for p in noto.files]
    again = fonts.cut_noto(noto.files[0].parent.parent)
    assert [p.stat().st_mtime_ns for p in again.files] == stamp   # cut once


def test_documents_print_with_noto_when_forced(noto, tmp_path, monkeypatch):
    from printing_support import fonts as pdf_fonts
    from printing_support import make_session, page_texts, squash

    monkeypatch.setenv("DOITHOAI_FONT", "noto")
    monkeypatch.setattr(fonts, "noto_cache_dir", lambda: noto.files[0].parent.parent)
    office, plan, conf = make_session(tmp_path, monkeypatch)
    from printing_support import plan_pdf

    pdf = plan_pdf(plan)
    used = pdf_fonts(pdf)
    assert used and all("NotoSerif" in name for name in used) and all(used.values())
    assert squash(plan.title) in squash("".join(page_texts(pdf)))
    assert "Noto Serif" in fonts.font_report()
