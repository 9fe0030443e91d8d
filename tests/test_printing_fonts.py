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
    assert "Noto Serif" in fonts.font_report()[0]


def test_vietnamese_coverage_is_remembered_until_the_file_changes(tmp_path, monkeypatch):
    """`doithoai print` reads each face's glyph table once; a font replaced by one
    without Vietnamese letters (another size and time) is read again and refused."""
    import os
    import shutil

    from fontTools.ttLib import TTFont

    src = fonts.choose().files[0]
    face = tmp_path / "face.ttf"
    shutil.copy(src, face)
    monkeypatch.setattr(fonts, "_coverage_cache", lambda: tmp_path / "cache" / "coverage.json")
    read = []
    real = fonts.covers_vietnamese
    monkeypatch.setattr(fonts, "covers_vietnamese", lambda p: read.append(p) or real(p))
    assert fonts.covers_vietnamese_cached([face]) and fonts.covers_vietnamese_cached([face])
    assert read == [face]                                     # the second answer came from the cache
    f = TTFont(str(face))
    for table in f["cmap"].tables:
        for cp in [c for c in table.cmap if 0x1EA0 <= c <= 0x1EF9]:
            del table.cmap[cp]
    f.save(str(face))
    os.utime(face, ns=(1, 1))
    assert not fonts.covers_vietnamese_cached([face])
    assert read == [face, face]


def test_web_address_pattern_compiled_on_first_use_matches_as_reportlab_wrote_it():
    """printing/_quick_import.py leaves ReportLab's wide case-folded pattern to its
    first use (checked in a new process, where printing imports ReportLab first);
    the pattern it stands for matches as the compiled one does."""
    import re
    import subprocess
    import sys

    from printing import layout
    from printing._quick_import import LazyPattern

    kind = subprocess.run([sys.executable, "-c", "from printing import layout; "
                           "import reportlab.platypus.paragraph as p; print(type(p.uri_pat).__name__)"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert kind == "LazyPattern"
    import reportlab.platypus.paragraph as paragraph

    pattern, flags = (paragraph.uri_pat._args if isinstance(paragraph.uri_pat, LazyPattern)
                      else (paragraph.uri_pat.pattern, paragraph.uri_pat.flags))
    lazy, real = LazyPattern(pattern, flags), re.compile(pattern, flags)
    for text in ("https://dichvucong.gov.vn/p/home", "http://xã.vn/kế-hoạch", "không phải địa chỉ", "a://b"):
        assert bool(lazy.match(text)) == bool(real.match(text))
    assert layout.escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"


def _header_lines(pdf: bytes) -> dict:
    """The header's runs on page 1 by their text: (size, left x, right x)."""
    from printing_support import runs

    out = {}
    for r in runs(pdf):
        if r.page == 1 and r.text.strip():
            out.setdefault(r.text.strip(), r)
    return out


@pytest.mark.parametrize("kind", ["ubnd_xa", "dang_uy_xa"])
def test_fallback_font_keeps_the_header_sizes(tmp_path, monkeypatch, kind):
    """Issue 22 item 8: with DejaVu Serif (wider than Times), "CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA VIỆT NAM" stays at 12-13 pt (it shrank to 11), on one line inside the
    right column; the motto and the date at 13-14 pt, the issuer at 12-13."""
    from printing_support import fonts as pdf_fonts
    from printing_support import make_session, plan_pdf

    from printing import layout, styles

    monkeypatch.setenv("DOITHOAI_FONT", "dejavu")
    office, plan, conf = make_session(tmp_path, monkeypatch, kind)
    pdf = plan_pdf(plan)
    assert all("DejaVuSerif" in name for name in pdf_fonts(pdf))
    st = styles.get()
    right_x0 = st.page.left + st.page.text_width * st.page.header_split
    found = _header_lines(pdf)
    top = layout.PARTY if kind == "dang_uy_xa" else layout.NATION
    assert top in found, sorted(found)
    nation = found[top]
    assert 12 <= round(nation.size, 1) <= 13
    assert nation.x >= right_x0 - 1
    wanted = {"Độc lập - Tự do - Hạnh phúc": 13} if kind == "ubnd_xa" else {}
    for text, least in wanted.items():
        assert text in found and round(found[text].size, 1) >= least
    date = next(r for t, r in found.items() if ", ngày" in t or ", tháng" in t)
    assert round(date.size, 1) >= 13
    for name in ("ỦY BAN NHÂN DÂN", "ĐẢNG ỦY XÃ"):
        hit = next((r for t, r in found.items() if t.startswith(name)), None)
        if hit:
            assert round(hit.size, 1) >= 12


def test_doctor_names_the_font_and_warns_about_a_fallback(tmp_path):
    """Issue 22 item 8: `doctor` says which font documents use, and warns when it
    is a fallback wider than Times New Roman."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    def doctor(font: str) -> str:
        env = dict(os.environ, DOITHOAI_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO), DOITHOAI_FONT=font)
        env.pop("DOITHOAI_DB", None)
        return subprocess.run([sys.executable, "-m", "tui", "doctor"], capture_output=True, text=True,
                              env=env, cwd=REPO, timeout=120).stdout

    usual = doctor("")
    assert fonts.choose("").times_metrics      # CI installs Liberation Serif
    assert f"Phông chữ: {fonts.choose('').family}" in usual and "[CHÚ Ý] Phông chữ" not in usual
    fallback = doctor("dejavu")
    assert "Phông chữ: DejaVu Serif" in fallback
    warning = next(ln for ln in fallback.splitlines() if ln.startswith("[CHÚ Ý] Phông chữ"))
    assert "phông dự phòng DejaVu Serif" in warning and "Times New Roman" in warning
