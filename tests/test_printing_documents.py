"""Every document kind read back with pypdf: A4, inside the margins, fonts
embedded, Vietnamese text intact, header columns, page numbers from page 2,
and the state (Decree 30/2020) and Party (HD 36) variants."""
import re

import pytest
from printing_support import (
    A4,
    fonts,
    make_session,
    page_sizes,
    render_all,
    runs,
    squash,
)
from reportlab.pdfbase.pdfmetrics import stringWidth

from printing import styles
from models.services.documents import kinds

KINDS = list(kinds())

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}


@pytest.fixture(scope="module", params=list(FAMILIES))
def rendered(request, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp(request.param)
    office, plan, conf = make_session(tmp, mp, FAMILIES[request.param])
    docs = render_all(office, plan, conf)
    yield request.param, office, plan, conf, docs
    mp.undo()


def _width(run) -> float:
    """Natural width of a run in the registered face its BaseFont names."""
    st = styles.get()
    bold, italic = "Bold" in run.font, "Italic" in run.font
    return stringWidth(run.text.rstrip("\n"), st.font(bold, italic), run.size)


def test_every_kind_is_rendered(rendered):
    assert set(rendered[4]) == set(KINDS)


@pytest.mark.parametrize("slug", list(KINDS))
def test_a4_fonts_embedded_and_inside_margins(rendered, slug):
    pdf = rendered[4][slug]
    assert all(abs(w - A4[0]) < 0.5 and abs(h - A4[1]) < 0.5 for w, h in page_sizes(pdf))
    used = fonts(pdf)
    assert used and all(used.values()), used
    page = styles.get().page
    for r in runs(pdf):
        if r.y > page.height - page.top:            # the page number, in the top margin
            assert r.text.strip().isdigit() and r.page >= 2, r
            continue
        assert r.x >= page.left - 0.5, r
        # justified lines may tighten their spaces a little (negative word spacing)
        slack = 1.5 + 0.5 * r.text.strip().count(" ")
        assert r.x + _width(r) <= page.width - page.right + slack, r
        assert r.y >= page.bottom - 1, r


@pytest.mark.parametrize("slug", list(KINDS))
def test_page_numbers_only_from_page_two(rendered, slug):
    pdf = rendered[4][slug]
    page = styles.get().page
    numbers = {}
    for r in runs(pdf):
        if r.y > page.height - page.top:
            numbers[r.page] = int(r.text)
    pages = len(page_sizes(pdf))
    assert 1 not in numbers
    if slug in ("giay-moi", "diem-danh"):
        return          # merged: each invitation / sheet counts its own pages
    assert numbers == {p: p for p in range(2, pages + 1)}


def test_long_plan_has_numbered_pages(rendered):
    pdf = rendered[4]["ke-hoach"]
    assert len(page_sizes(pdf)) >= 3


def test_invitations_one_page_each_without_numbers(rendered):
    pdf = rendered[4]["giay-moi"]
    assert len(page_sizes(pdf)) == 3
    text = [squash(t) for t in __import__("printing_support").page_texts(pdf)]
    assert "NguyễnVănTâm" in text[0] and "LêThịMai" in text[1] and "Trưởngcácthôn" in text[2]


def test_header_strings_in_their_columns(rendered):
    family, office = rendered[0], rendered[1]
    page = styles.get().page
    split = page.left + page.text_width * page.header_split
    for slug, pdf in rendered[4].items():
        first = [r for r in runs(pdf) if r.page == 1]
        right = "ĐẢNG CỘNG SẢN VIỆT NAM" if family == "party" else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        nation = [r for r in first if r.text.strip() == right]
        assert nation and all(r.x >= split - 0.5 for r in nation), slug
        for line in office.header_name.splitlines():
            hits = [r for r in first if r.text.strip() == line]
            assert hits and all(r.x + _width(r) <= split + 0.5 for r in hits), (slug, line)


def test_vietnamese_text_extracted_equals_input(rendered):
    _family, office, plan, conf, docs = rendered
    from models import Petition

    minutes = squash("".join(__import__("printing_support").page_texts(docs["bien-ban"])))
    for p in Petition.select().where(Petition.conference == conf):
        assert squash(p.content) in minutes
    assert squash(conf.title) in minutes
    plan_text = squash("".join(__import__("printing_support").page_texts(docs["ke-hoach"])))
    assert squash(plan.title) in plan_text
    for basis in plan.legal_bases.splitlines():
        assert squash(basis) in plan_text


def test_legal_bases_are_italic(rendered):
    plan = rendered[2]
    first_basis = plan.legal_bases.splitlines()[0][:20]
    hits = [r for r in runs(rendered[4]["ke-hoach"]) if r.text.startswith(first_basis)]
    assert hits and all("Italic" in r.font for r in hits)


def test_state_and_party_variants(rendered):
    family, _office, _plan, _conf, docs = rendered
    import printing_support as ps

    first = ps.page_texts(docs["ke-hoach"])[0]
    last = ps.page_texts(docs["ke-hoach"])[-1]
    if family == "state":
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
        assert re.search(r"Số:\s*/KH-UBND", first)
        assert "TM. ỦY BAN NHÂN DÂN" in last and "CHỦ TỊCH" in last
        assert "ĐẢNG CỘNG SẢN" not in first
    else:
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "Độc lập" not in first
        assert re.search(r"Số\s+-KH/ĐU", first) and "Số:" not in first
        assert "ĐẢNG ỦY XÃ KỲ KHANG" in first and "*" in first
        assert "T/M BAN THƯỜNG VỤ" in last and "BÍ THƯ" in last
    assert "Nơi nhận:" in last


def test_minutes_have_no_date_line_and_two_signatures(rendered):
    import printing_support as ps

    pages = ps.page_texts(rendered[4]["bien-ban"])
    assert "ngày" not in pages[0].split("BIÊN BẢN")[0]     # Mẫu 1.9: no place/date in the header
    assert "THƯ KÝ" in pages[-1] and "CHỦ TRÌ" in pages[-1] and "./." in "".join(pages)


def test_letters_have_vv_and_kinh_gui(rendered):
    import printing_support as ps

    for slug in ("tra-loi", "don-doc"):
        text = ps.page_texts(rendered[4][slug])[0]
        assert "V/v" in text and "Kính gửi:" in text
        assert "CÔNG VĂN" not in text


def test_loudspeaker_script_is_spoken(rendered):
    import printing_support as ps

    pages = ps.page_texts(rendered[4]["loa"])
    script = re.sub(r"(?m)^\s*\d+\s*$", "", "\n".join(pages))      # page numbers
    script = " ".join(script.split())
    script = script.split("BÀI PHÁT THANH TRÊN LOA", 1)[1].split("LỊCH PHÁT THANH")[0]
    assert not re.search(r"\d|/|UBND|HĐND", script), script
    assert "tám giờ sáng" in script and "ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu" in script
    assert script.count("trân trọng thông báo: vào lúc") == 2          # read twice
    assert "Kính thưa" in script and "Xin cảm ơn" in script
    assert "LỊCH PHÁT THANH" in "".join(pages)


def test_report_has_tables_rate_and_chart(rendered):
    import printing_support as ps

    text = " ".join(" ".join(ps.page_texts(rendered[4]["bao-cao"])).split())
    for head in ("Theo lĩnh vực", "Theo đơn vị", "Theo thôn", "Theo kết quả giải quyết", "đúng hạn", "Biểu đồ"):
        assert head in text


def test_reprint_is_byte_identical(rendered):
    _family, office, plan, conf, docs = rendered
    import printing_support as ps

    assert ps.render(office, "ke-hoach", plan.id) == docs["ke-hoach"]
    assert ps.render(office, "bien-ban", conf.id) == docs["bien-ban"]
