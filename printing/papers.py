"""Working papers of a conference, never numbered: the loudspeaker script with
its broadcast schedule and log sheet, the sign-in sheets per village, the
citizen's opinion slip and the satisfaction survey slip.

They read the conference as plain facts from the content's extras
(``models.services.compose.ConferenceFacts``); nothing here queries.
Loudspeaker wording (SPEC "Conference"): no slashes or abbreviations, dates and
times in words, a greeting and a closing, the body read twice (``spoken``)."""
from __future__ import annotations

import datetime as dt

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from models.domain.document_text import Content, Signer
from models.services.compose import ConferenceFacts

from . import layout, spoken
from .breaks import balanced_lines

SIGN_IN_ROWS = 25


def render(st, content: Content) -> bytes:
    facts = ConferenceFacts.from_dict(content.extras["conference"])
    return layout.render(st, LAYOUTS[content.kind](st, content, facts))


# --- loudspeaker ---------------------------------------------------------------------

def script_text(name: str, facts: ConferenceFacts) -> tuple[str, list[str], str]:
    """(greeting, body paragraphs, closing), all in spoken wording."""
    sp = spoken.speakable
    hour, minute = spoken.parse_clock(facts.start) if facts.start else (8, 0)
    greeting = f"Kính thưa toàn thể {sp(facts.audience)}!"
    body = [
        f"{sp(name)} trân trọng thông báo: vào lúc {spoken.time_words(hour, minute)}, "
        f"{spoken.date_words(facts.date, weekday=True)}, {sp(name)} tổ chức "
        f"{sp(facts.subject)[:1].lower()}{sp(facts.subject)[1:]}.",
        f"Địa điểm: {sp(facts.venue) or 'sẽ thông báo sau'}.",
    ]
    if facts.chairs:
        body.append("Chủ trì hội nghị: " + "; ".join(sp(c) for c in facts.chairs) + ".")
    if facts.topics:
        body.append("Nội dung đối thoại gồm: " + "; ".join(sp(t) for t in facts.topics) + ".")
    body.append("Bà con có ý kiến, kiến nghị có thể phát biểu trực tiếp tại hội nghị, hoặc ghi vào "
                "phiếu và gửi Ban tổ chức. Đề nghị bà con sắp xếp thời gian đến dự đông đủ và đúng giờ.")
    closing = (f"{sp(name)} trân trọng thông báo để toàn thể Nhân dân được biết và tham dự. "
               "Xin cảm ơn bà con đã chú ý lắng nghe.")
    return greeting, body, closing


def greeting_lines(st, greeting: str) -> Paragraph:
    """The greeting centred on its own, its lines broken as titles are
    (``breaks``): the places it names stay whole ("…Nhân dân / thôn Bắc, thôn
    Đông, thôn Tây!", never "…thôn / Tây!") and no word stands alone."""
    style = st["speech"]
    width = st.page.text_width - 1
    parts = balanced_lines(layout.nfc(greeting), lambda s: layout.text_width(st, s, "speech"), width)
    return Paragraph("<br/>".join(layout.esc(p) for p in parts),
                     ParagraphStyle("speech-greeting", parent=style, alignment=TA_CENTER,
                                    firstLineIndent=0))


def loudspeaker(st, content: Content, facts: ConferenceFacts) -> layout.Document:
    lh = content.letterhead
    greeting, body, closing = script_text(lh.name, facts)
    doc = layout.Document(title="Bài phát thanh thông báo hội nghị đối thoại", author=lh.name)
    doc.add(layout.header(st, lh, number=None, date=None, year=facts.date.year, show_date=False))
    doc.add(Spacer(1, 10), layout.para(st, "speech_title", "BÀI PHÁT THANH TRÊN LOA"),
            layout.para(st, "speech_note", "(Đọc chậm, rõ ràng. Phần thông báo đọc hai lần.)"),
            greeting_lines(st, greeting))
    for round_no in ("Lần thứ nhất", "Xin nhắc lại"):
        doc.add(layout.para(st, "speech_note", f"— {round_no} —"))
        doc.add([layout.para(st, "speech", p) for p in body])
    doc.add(layout.para(st, "speech", closing))
    rows = [(dt.date.fromisoformat(d), slot, station) for d, slot, station in content.extras.get("schedule", [])]
    doc.add(PageBreak(), layout.title_block(st, "Lịch phát thanh và sổ theo dõi",
                                            f"Thông báo hội nghị đối thoại ngày {layout.short_date(facts.date)}"))
    doc.add(layout.para(st, "body_plain", "Người phát thanh ghi giờ phát, ký tên sau mỗi lần đọc. "
                                          "Mỗi lần phát đọc trọn bài hai lượt."))
    w = st.page.text_width
    table_rows = [[i, f"{d:%d/%m/%Y}", slot.capitalize(), station, "", "", ""]
                  for i, (d, slot, station) in enumerate(rows, start=1)]
    doc.add(layout.grid_table(st, ["STT", "Ngày", "Buổi", "Trạm loa", "Giờ phát", "Người đọc, ký", "Đã phát"],
                              table_rows, [w * .07, w * .15, w * .1, w * .25, w * .12, w * .2, w * .11],
                              align=["c", "c", "c", "l", "c", "l", "c"]))
    doc.add(KeepTogether(layout.two_signatures(st, Signer("", "NGƯỜI PHÁT THANH", ""),
                                            Signer("", "XÁC NHẬN CỦA VĂN PHÒNG", ""))))
    return doc


# --- forms ---------------------------------------------------------------------------

def _form_head(st, content: Content, title: str, subject: str) -> list:
    return [layout.header(st, content.letterhead, number=None, show_date=False),
            *layout.title_block(st, title, subject)]


SIGN_IN_HEAD = ["STT", "Họ và tên", "Địa chỉ (xóm, tổ)", "Số điện thoại", "Ký tên"]


def _sign_in_table(st, rows: int, first: int = 1):
    w = st.page.text_width
    return layout.grid_table(st, SIGN_IN_HEAD, [[i, "", "", "", ""] for i in range(first, first + rows)],
                             [w * .08, w * .34, w * .22, w * .18, w * .18], align=["c", "l", "l", "l", "l"])


def rows_that_fit(st, head: list, at_least: int = SIGN_IN_ROWS) -> int:
    """As many sign-in rows as fill the page under the heading, and the next
    page too when one page holds fewer than ``at_least``: a sheet never ends
    with one or two rows alone on a new page."""
    w, h = st.page.text_width, st.page.text_height
    used = sum(f.wrap(w, h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
    one = _sign_in_table(st, 1)
    two = _sign_in_table(st, 2)
    header_h = one.wrap(w, h)[1] * 2 - two.wrap(w, h)[1]
    row_h = two.wrap(w, h)[1] - one.wrap(w, h)[1]
    spacing = one.getSpaceBefore() + one.getSpaceAfter()
    first = int((h - used - header_h - spacing) // row_h)
    if first >= at_least:
        return first
    return first + int((h - header_h - spacing) // row_h)


def attendance(st, content: Content, facts: ConferenceFacts) -> layout.Document:
    """Danh sách Nhân dân tham dự, one sheet per village (the whole commune when
    none), its rows filling whole pages."""
    groups = [label for label, _ in facts.villages] or [facts.locality or facts.office_name]
    parts = []
    for label in groups:
        part = _form_head(st, content, "Danh sách tham dự hội nghị", f"{facts.subject} – {label}")
        part.append(layout.para(st, "centered_italic", f"{facts.when}; tại {facts.venue or '……………'}"))
        part.append(_sign_in_table(st, rows_that_fit(st, part)))
        parts.append(part)
    return layout.Document(title="Danh sách tham dự hội nghị", author=content.letterhead.name,
                           story=layout.merge(parts))


def _dotted(st, label: str, count: int = 1) -> list:
    """A label followed by a dotted line that fills the text width exactly, and
    more dotted lines below it."""
    width = st.page.text_width
    dot = layout.text_width(st, ".", "form_line") or 3.5

    def dots_after(prefix: str) -> str:
        used = layout.text_width(st, prefix + " ", "form_line")
        return "." * max(int((width - used) / dot) - 1, 3)

    out = [layout.para(st, "form_line", f"{label} {dots_after(label)}")]
    out += [layout.para(st, "form_line", dots_after("")) for _ in range(count - 1)]
    return out


def opinion_slip(st, content: Content, facts: ConferenceFacts) -> layout.Document:
    """Phiếu ghi ý kiến, kiến nghị: a citizen writes a question and hands it up."""
    doc = layout.Document(title="Phiếu ghi ý kiến, kiến nghị", author=content.letterhead.name)
    doc.add(_form_head(st, content, "Phiếu ghi ý kiến, kiến nghị", facts.subject))
    doc.add(layout.para(st, "centered_italic", facts.when))
    doc.add(_dotted(st, "Họ và tên:"), _dotted(st, "Địa chỉ (thôn, xóm):"), _dotted(st, "Số điện thoại:"),
            _dotted(st, "Lĩnh vực (đất đai, môi trường, chính sách, …):"),
            _dotted(st, "Nội dung ý kiến, kiến nghị:", 8))
    doc.add(layout.para(st, "body_plain", "[  ] Đề nghị trả lời bằng văn bản      [  ] Không ghi tên khi đọc tại hội nghị"))
    doc.add(Spacer(1, 6), KeepTogether(layout.two_signatures(st, Signer(), Signer("", "NGƯỜI VIẾT PHIẾU", ""))))
    return doc


SURVEY_QUESTIONS = (
    "Việc thông báo thời gian, địa điểm hội nghị",
    "Cách tổ chức, điều hành hội nghị",
    "Thời gian dành cho Nhân dân phát biểu",
    "Nội dung trả lời, giải thích của lãnh đạo",
    "Tinh thần, thái độ tiếp thu của cán bộ",
)
SURVEY_CHOICES = ("Rất hài lòng", "Hài lòng", "Chưa hài lòng")


def survey_slip(st, content: Content, facts: ConferenceFacts) -> layout.Document:
    """Phiếu lấy ý kiến về mức độ hài lòng of the people who attended."""
    w = st.page.text_width
    doc = layout.Document(title="Phiếu lấy ý kiến Nhân dân", author=content.letterhead.name)
    doc.add(_form_head(st, content, "Phiếu lấy ý kiến",
                       f"Về mức độ hài lòng đối với {facts.subject[:1].lower()}{facts.subject[1:]}"))
    doc.add(layout.para(st, "body", "Xin ông (bà) đánh dấu X vào ô phù hợp. Phiếu không cần ghi tên."))
    doc.add(layout.grid_table(st, ["STT", "Nội dung", *SURVEY_CHOICES],
                              [[i, q, "", "", ""] for i, q in enumerate(SURVEY_QUESTIONS, start=1)],
                              [w * .08, w * .47, w * .15, w * .15, w * .15], align=["c", "l", "c", "c", "c"]))
    doc.add(_dotted(st, "Ý kiến khác (nếu có):", 4))
    return doc


#: a working paper's layout, by its kind in the registry (models.services.kinds: the kinds without a number)
LAYOUTS = {"loa": loudspeaker, "diem-danh": attendance, "phieu-y-kien": opinion_slip, "phieu-khao-sat": survey_slip}
