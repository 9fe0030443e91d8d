"""Every kind as a Word file, opened back with python-docx: header texts, body
paragraphs, signature block and Nơi nhận present; A4 with the Decree 30/2020
margins, Times New Roman, page numbers from page 2; drafts keep a blank number;
an issued document's .docx carries its number."""
import datetime as dt
import io

import docx
import pytest
from printing_support import make_session, sample_contents

from printing import markup
from printing.docx import docx as write_docx

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}


@pytest.fixture(scope="module", params=list(FAMILIES))
def contents(request, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp(request.param), mp, FAMILIES[request.param])
    yield request.param, sample_contents(office, plan, conf, numbered_only=True)
    mp.undo()


def _all_text(d) -> str:
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


@pytest.mark.parametrize("slug", ["ke-hoach", "thong-bao", "giay-moi", "bien-ban", "ket-luan", "tra-loi",
                                  "don-doc", "bao-cao"])
def test_every_kind_as_word(contents, slug):
    family, by_kind = contents
    content = by_kind[slug]
    d = docx.Document(io.BytesIO(write_docx(content)))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm),
            round(s.right_margin.mm)) == (20, 20, 30, 15)
    assert d.styles["Normal"].font.name == "Times New Roman"
    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml and "PAGE" not in s.first_page_header._element.xml
    text = _all_text(d)
    lh = content.letterhead
    for line in lh.issuer:
        assert line in text
    assert ("ĐẢNG CỘNG SẢN VIỆT NAM" if family == "party" else "Độc lập - Tự do - Hạnh phúc") in text
    blank = "Số\u00a0\u00a0" if family == "party" else "Số:\u00a0\u00a0"
    assert blank in text                                          # a draft: the number left blank
    assert content.number_kind in text or (content.number_kind == "CV" and family == "state")
    for block in markup.blocks(content.body):
        if block.kind != "table" and "{người được mời}" not in block.text:
            assert markup.plain(block.text) in text, block.text
    signer = content.signers[-1]
    assert signer.position.upper() in text and (not signer.name or signer.name in text)
    if content.recipients:
        assert "Nơi nhận:" in text and content.recipients[-1].rstrip(".") in text
    if content.show_date:
        assert lh.place_name in text


def test_an_issued_document_as_word_carries_its_number(contents):
    family, by_kind = contents
    content = by_kind["thong-bao"].numbered("05/TB-UBND" if family == "state" else "05-TB/ĐU",
                                            dt.date(2027, 1, 5))
    text = _all_text(docx.Document(io.BytesIO(write_docx(content))))
    assert ("Số: 05/TB-UBND" if family == "state" else "Số 05-TB/ĐU") in text
    assert "ngày 05 tháng 01 năm 2027" in text


def _grid_mm(table) -> list[float]:
    from docx.shared import Twips

    return [Twips(int(gc.get(docx.oxml.ns.qn("w:w")))).mm for gc in table._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))]


def test_word_tables_have_the_pdfs_proportions(contents):
    """LibreOffice lays a table out by its grid, Word by its cells: both are set.
    The header's right box is wide enough for the national title on one line
    (there is no inner padding), and a ruled table gives its text the width."""
    family, by_kind = contents
    d = docx.Document(io.BytesIO(write_docx(by_kind["ket-luan"])))
    header = _grid_mm(d.tables[0])
    assert abs(sum(header) - 165) < 0.5 and header[1] > header[0]
    assert "w:tblCellMar" in d.tables[0]._tbl.tblPr.xml
    ruled = next(t for t in d.tables if t.rows[0].cells[0].text == "STT")
    cols = _grid_mm(ruled)
    assert abs(sum(cols) - 165) < 0.5
    assert cols[0] < 20 and cols[1] == max(cols)       # "STT" narrow, the petition's text widest


@pytest.mark.parametrize("slug", ["thong-bao", "tra-loi", "ke-hoach"])
def test_header_rules_are_drawn_at_the_pdfs_length(contents, slug):
    """Issue 22 item 12: the header rules are drawn lines (a paragraph border,
    indented to the rule's length and centred in its column), as long as the
    PDF's: under the issuer 0.4 of its longest line, under the motto (or ĐẢNG
    CỘNG SẢN VIỆT NAM) its whole length; no typed "────" runs."""
    from docx.shared import Mm

    from printing import layout, styles

    content = contents[1][slug]
    d = docx.Document(io.BytesIO(write_docx(content)))
    assert "\u2500" not in _all_text(d)
    header = d.tables[0]
    st = styles.get()
    lh = content.letterhead
    want = [layout.text_width(st, layout.PARTY, "header_nation") if lh.party
            else layout.text_width(st, layout.MOTTO, "header_motto")]
    if not lh.party:
        want.insert(0, max(layout.text_width(st, ln, "header_issuer") for ln in lh.issuer) * 0.4)
    got = []
    for cell in header.rows[0].cells:
        for p in cell.paragraphs:
            if p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None:
                fmt = p.paragraph_format
                got.append((cell.width - fmt.left_indent - fmt.right_indent) / Mm(1))
    assert len(got) == len(want), got
    for g, w in zip(got, want):
        assert abs(g - w / (72 / 25.4)) < 1, (got, [x / (72 / 25.4) for x in want])
