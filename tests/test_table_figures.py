"""Figures in the report's tables (issue 22 item 12): counts right-aligned, so
units line up down a column; the STT column centred; the total row bold as a
whole, in the PDF and in the Word file alike."""
import datetime as dt
import io

import pytest
from printing_support import lines, make_session, runs


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from models.core import clock
    from models.services import documents

    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp("report"), mp, petitions=14)
    with clock.fixed(dt.date(2027, 2, 1)):
        content = documents.draft(office, "bao-cao", conf.id).content
    yield content
    mp.undo()


def test_pdf_counts_right_aligned_and_total_bold(report):
    from tui.documents import render_pdf

    pdf = render_pdf(report)
    found = runs(pdf)
    assert all("LiberationSerif" in r.font or "Times" in r.font for r in found)
    total_line = next(ln for ln in lines(pdf) if ln.text.startswith("Tổng cộng 14"))
    assert total_line.bold, total_line              # the figures too, not only "Tổng cộng"
    # "14" in the total row and a one-digit count above it in the same column end at
    # the same x: Times's digits are half an em wide, so the one digit starts 0.5 em further right
    on_line = sorted((r for r in found if r.page == total_line.page and abs(r.y - total_line.y) < 1
                      and r.text.strip().isdigit()),
                     key=lambda r: r.x)
    total = on_line[0]
    assert total.text.strip() == "14"
    above = [r for r in found if r.page == total.page and 0 < r.y - total.y < 200 and r.text.strip().isdigit()
             and len(r.text.strip()) == 1 and abs(r.x - total.x) < 10]
    assert above, "no one-digit count above the total"
    for r in above:
        assert r.x - total.x == pytest.approx(total.size / 2, abs=0.6)


def test_word_counts_right_aligned_and_total_bold(report):
    import docx as python_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from printing.docx import docx

    doc = python_docx.Document(io.BytesIO(docx(report)))
    tables = [t for t in doc.tables if t.rows[0].cells[0].text.strip() == "STT"]
    assert len(tables) >= 4
    for t in tables:
        total = t.rows[-1]
        assert total.cells[1].text.strip() == "Tổng cộng"
        for cell in total.cells:
            assert all(run.bold for p in cell.paragraphs for run in p.runs), cell.text
        for row in t.rows[1:]:
            assert row.cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER     # STT
            for cell in row.cells[2:]:
                assert cell.text.strip().isdigit()
                assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT, cell.text
            assert row.cells[1].paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)


def test_word_chart_is_a_picture_where_the_pdf_draws_it(report):
    """Issue 22 item 11: the report's chart in the Word file is a picture (it was a
    table of its figures), under the table of section II.1 as in the PDF, at the
    PDF's width, its bars in the PDF's greys."""
    import docx as python_docx
    from docx.oxml.ns import qn
    from PIL import Image

    from printing.docx import docx

    doc = python_docx.Document(io.BytesIO(docx(report)))
    assert len(doc.inline_shapes) == 1
    order = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:tbl"):
            order.append("table")
        elif el.tag == qn("w:p"):
            text = "".join(t.text or "" for t in el.iter(qn("w:t"))).strip()
            if el.findall(".//" + qn("w:drawing")):
                order.append("picture")
            elif text:                                          # not the spacer after a table
                order.append(text)
    at = order.index("picture")
    assert order[at - 1] == "table" and order.index("1. Theo lĩnh vực") == at - 2
    assert order[at + 1:].index("2. Theo đơn vị được giao") < 3
    shape = doc.inline_shapes[0]
    assert abs(shape.width.mm - 165) < 1                        # the PDF's text width
    blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    image = Image.open(io.BytesIO(blob)).convert("RGB")
    assert image.width >= 1200                                  # 200 dpi over 165 mm
    counts = {colour: n for n, colour in image.getcolors(maxcolors=1 << 20)}
    dark, light = counts.get((89, 89, 89), 0), counts.get((191, 191, 191), 0)
    assert dark > 2000 and light > 500                          # the two series' bars
    # no table of the chart's figures left behind
    heads = [[c.text.strip() for c in t.rows[0].cells] for t in doc.tables]
    assert ["Lĩnh vực", "Tổng số", "Đã giải quyết"] not in heads
