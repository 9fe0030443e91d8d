"""Issue 22: Nơi nhận entries and the loudspeaker greeting break as titles do
(printing/breaks.py): never inside a person's or a place's name, never one word
alone on a line; a Nơi nhận entry hangs its lines under the text after "- ".
Read back from the PDF and from the Word file."""
import dataclasses
import datetime as dt
import io

import pytest
from printing_support import lines, recipient_entries

from models.domain.document_text import Content, Letterhead, Signer
from printing.render import pdf

LH = Letterhead("state", "UBND TỈNH HÀ TĨNH", ("ỦY BAN NHÂN DÂN", "XÃ KỲ KHANG"), "Kỳ Khang",
                "Ủy ban nhân dân xã Kỳ Khang")
RECIPIENTS = ("Thường trực Đảng ủy, HĐND xã (b/c)",
              "Ban Công tác Mặt trận, Trưởng thôn Hòa Bình Tây",
              "Ban Công tác Mặt trận, Trưởng thôn An Thượng",
              "Chủ tịch Ủy ban MTTQ Việt Nam xã Kỳ Khang",
              "Ông Nguyễn Văn Thượng, Trưởng thôn Đông Hải",
              "Lưu: VT.")
# what must stay on one line
NAMES = ("thôn Hòa Bình Tây", "thôn An Thượng", "Việt Nam", "xã Kỳ Khang", "Ông Nguyễn Văn Thượng",
         "thôn Đông Hải")


def _content(lh=LH) -> Content:
    return Content("thong-bao", lh, "TB", subject="Về việc tổ chức hội nghị đối thoại", title="Thông báo",
                   body="Ủy ban nhân dân xã thông báo tổ chức hội nghị đối thoại.", recipients=RECIPIENTS,
                   signers=(Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hồ Xuân Trính"),), year=2026,
                   date=dt.date(2026, 11, 2))


def _faults(entries: list[list[str]]) -> list[str]:
    faults = []
    for entry in entries:
        for i, line in enumerate(entry):
            if len(entry) > 1 and len(line.removeprefix("- ").split()) == 1:
                faults.append(f"one word alone: {entry}")
        joined = " ".join(entry)
        for name in NAMES:
            if name in joined and not any(name in line for line in entry):
                faults.append(f"“{name}” split: {entry}")
    return faults


@pytest.mark.parametrize("family", ["state", "party"])
def test_recipients_in_the_pdf_hang_and_keep_names_whole(family):
    lh = dataclasses.replace(LH, family=family)
    entries = recipient_entries(pdf(_content(lh)))
    texts = [[t for _x, t in e] for e in entries]
    assert [" ".join(e) for e in texts][:2] == ["- Thường trực Đảng ủy, HĐND xã (b/c);",
                                               "- Ban Công tác Mặt trận, Trưởng thôn Hòa Bình Tây;"]
    assert len(texts) == len(RECIPIENTS) and texts[-1] == ["- Lưu: VT."]
    assert any(len(e) > 1 for e in texts), "no entry wraps: the test sees nothing"
    assert not _faults(texts)
    for e in entries:
        for x, _t in e[1:]:
            assert x > e[0][0] + 3, f"no hanging indent under “- ”: {e}"


def test_recipients_in_the_word_file_break_where_the_pdf_does():
    from docx import Document

    from printing.docx import docx

    doc = Document(io.BytesIO(docx(_content())))
    paras = [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs
             if p.text.startswith("- ")]
    entries = [p.text.split("\n") for p in paras]
    assert len(entries) == len(RECIPIENTS) and any(len(e) > 1 for e in entries)
    assert not _faults(entries)
    ours = [[t for _x, t in e] for e in recipient_entries(pdf(_content()))]
    assert entries == ours
    for p in paras:
        assert p.paragraph_format.left_indent > 0 and p.paragraph_format.first_line_indent < 0


def test_the_loudspeaker_greeting_keeps_each_village_whole():
    from models.services.compose import ConferenceFacts

    villages = tuple((f"Thôn {v}", "") for v in ("An Thượng", "Hòa Bình Tây", "Đông Hải", "Bắc Sơn Thượng",
                                                  "Trung Phú", "Tân Lập"))
    facts = ConferenceFacts(1, dt.date(2026, 11, 15), "08:00", "", "Hội trường xã", "", ("Hồ Xuân Trính",),
                            "", villages, ("Đất đai",), (), "Ủy ban nhân dân xã Kỳ Khang", "xã Kỳ Khang", "")
    content = Content("loa", LH, "", extras={"conference": facts.to_dict(), "schedule": []})
    found = [ln.text for ln in lines(pdf(content)) if ln.page == 1]
    start = next(i for i, t in enumerate(found) if t.startswith("Kính thưa"))
    end = next(i for i, t in enumerate(found) if "Lần thứ nhất" in t)
    greeting = found[start:end]
    assert len(greeting) > 1, greeting
    assert all(len(t.split()) > 1 for t in greeting), greeting
    for v in ("thôn An Thượng", "thôn Hòa Bình Tây", "thôn Đông Hải", "thôn Bắc Sơn Thượng", "thôn Trung Phú",
              "thôn Tân Lập"):
        assert any(v in t for t in greeting), (v, greeting)


TABLE = ("Các kiến nghị giao trả lời bằng văn bản:\n"
         "| STT | Nội dung kiến nghị | Đơn vị thực hiện | Thời hạn |\n"
         "| 1 | Đường liên thôn bị xuống cấp, mùa mưa ngập sâu, đề nghị sửa chữa. | Địa chính - Xây dựng | 15/12/2026 |\n"
         "| 2 | Chế độ người có công chưa được giải quyết. | Ban Tổ chức Đảng ủy | 15/12/2026 |\n"
         "Đề nghị các đơn vị thực hiện.")


def test_a_short_table_cell_breaks_at_a_phrase_in_pdf_and_word():
    """A unit that wraps in its column reads "Địa chính - / Xây dựng" and "Ban Tổ
    chức / Đảng ủy" (the contact sheets showed "Địa chính - Xây / dựng" and "Ban Tổ
    chức Đảng / ủy"), in our PDF and in the Word file."""
    from docx import Document

    from printing.docx import docx
    from printing_support import runs

    content = dataclasses.replace(_content(), body=TABLE)
    found = [r.text.strip() for r in runs(pdf(content))]
    assert "Địa chính -" in found and "Xây dựng" in found, found
    assert "Ban Tổ chức" in found and "Đảng ủy" in found, found
    doc = Document(io.BytesIO(docx(content)))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "Địa chính -\nXây dựng" in cells and "Ban Tổ chức\nĐảng ủy" in cells, cells


def test_the_loudspeaker_text_keeps_names_and_places_whole():
    """Read aloud from the page, "…xã Kỳ / Khang" made the reader stop inside the
    commune's name: the script's running text never breaks inside a name or
    between a place's designator and its name."""
    from models.services.compose import ConferenceFacts

    facts = ConferenceFacts(1, dt.date(2026, 11, 15), "08:00", "", "Hội trường Ủy ban nhân dân xã Kỳ Khang", "",
                            ("Hồ Xuân Trính - Chủ tịch Ủy ban nhân dân xã", "Nguyễn Văn Tâm - Bí thư Đảng ủy xã"),
                            "", (("Thôn Đông", ""), ("Thôn Tây", "")), ("Đất đai",), (),
                            "Ủy ban nhân dân xã Kỳ Khang", "xã Kỳ Khang", "")
    content = Content("loa", LH, "", extras={"conference": facts.to_dict(), "schedule": []})
    found = [ln.text for ln in lines(pdf(content)) if "LỊCH PHÁT THANH" not in ln.text]
    text = " ".join(found)
    for name in ("xã Kỳ Khang", "Hồ Xuân Trính", "Nguyễn Văn Tâm", "thôn Đông", "thôn Tây"):
        assert text.count(name) and text.count(name) == sum(ln.count(name) for ln in found), (name, found)
