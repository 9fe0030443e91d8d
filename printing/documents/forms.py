"""Blank forms for the conference: attendance sign-in sheet per village, the
citizen's opinion slip (phiếu ghi ý kiến) and the satisfaction survey slip
(phiếu lấy ý kiến). Forms carry the header without a number (they are not
registered documents)."""
from __future__ import annotations

from reportlab.platypus import Spacer

from models.conferences import Conference

from .. import layout, styles
from ..facts import conference_facts

SIGN_IN_ROWS = 30
DOTS = "." * 400


def _form_head(st, facts, title: str, subject: str) -> list:
    return [layout.header(st, facts.letterhead, number=None, show_date=False),
            *layout.title_block(st, title, subject)]


def attendance_pdf(conf: Conference, rows: int = SIGN_IN_ROWS) -> bytes:
    """Danh sách Nhân dân tham dự, one sheet per village (the whole commune when none)."""
    st = styles.get()
    facts = conference_facts(conf)
    w = st.page.text_width
    groups = [v.label for v in facts.villages] or [facts.conference.office.locality or facts.letterhead.name]
    parts = []
    for label in groups:
        part = _form_head(st, facts, "Danh sách tham dự hội nghị", f"{facts.subject} – {label}")
        part.append(layout.para(st, "centered_italic", f"{facts.when}; tại {facts.venue or '…'}"))
        part.append(layout.grid_table(
            st, ["STT", "Họ và tên", "Địa chỉ (xóm, tổ)", "Số điện thoại", "Ký tên"],
            [[i, "", "", "", ""] for i in range(1, rows + 1)],
            [w * .08, w * .34, w * .22, w * .18, w * .18], align=["c", "l", "l", "l", "l"]))
        parts.append(part)
    doc = layout.Document(title="Danh sách tham dự hội nghị", author=facts.letterhead.name,
                          story=layout.merge(parts))
    return layout.render(st, doc)


def _lines(st, label: str, count: int = 1) -> list:
    out = [layout.para(st, "form_line", f"{label} {'.' * 160}"[:170])]
    out += [layout.para(st, "form_line", "." * 170) for _ in range(count - 1)]
    return out


def opinion_slip_pdf(conf: Conference) -> bytes:
    """Phiếu ghi ý kiến, kiến nghị: a citizen writes a question and hands it up."""
    st = styles.get()
    facts = conference_facts(conf)
    doc = layout.Document(title="Phiếu ghi ý kiến, kiến nghị", author=facts.letterhead.name)
    doc.add(_form_head(st, facts, "Phiếu ghi ý kiến, kiến nghị", facts.subject))
    doc.add(layout.para(st, "centered_italic", facts.when))
    doc.add(_lines(st, "Họ và tên:"), _lines(st, "Địa chỉ (thôn, xóm):"), _lines(st, "Số điện thoại:"),
            _lines(st, "Lĩnh vực (đất đai, môi trường, chính sách, …):"),
            _lines(st, "Nội dung ý kiến, kiến nghị:", 12))
    doc.add(layout.para(st, "body_plain", "☐ Đề nghị trả lời bằng văn bản      ☐ Không ghi tên khi đọc tại hội nghị"
                        .replace("☐", "[  ]")))
    doc.add(Spacer(1, 6), layout.two_signatures(st, layout.Signer(), layout.Signer("", "NGƯỜI VIẾT PHIẾU", "")))
    return layout.render(st, doc)


SURVEY_QUESTIONS = (
    "Việc thông báo thời gian, địa điểm hội nghị",
    "Cách tổ chức, điều hành hội nghị",
    "Thời gian dành cho Nhân dân phát biểu",
    "Nội dung trả lời, giải thích của lãnh đạo",
    "Tinh thần, thái độ tiếp thu của cán bộ",
)
SURVEY_CHOICES = ("Rất hài lòng", "Hài lòng", "Chưa hài lòng")


def survey_slip_pdf(conf: Conference) -> bytes:
    """Phiếu lấy ý kiến về mức độ hài lòng of the people who attended."""
    st = styles.get()
    facts = conference_facts(conf)
    w = st.page.text_width
    doc = layout.Document(title="Phiếu lấy ý kiến Nhân dân", author=facts.letterhead.name)
    doc.add(_form_head(st, facts, "Phiếu lấy ý kiến", f"Về mức độ hài lòng đối với {facts.subject[:1].lower()}"
                                                      f"{facts.subject[1:]}"))
    doc.add(layout.para(st, "body", "Xin ông (bà) đánh dấu X vào ô phù hợp. Phiếu không cần ghi tên."))
    doc.add(layout.grid_table(st, ["STT", "Nội dung", *SURVEY_CHOICES],
                              [[i, q, "", "", ""] for i, q in enumerate(SURVEY_QUESTIONS, start=1)],
                              [w * .08, w * .47, w * .15, w * .15, w * .15], align=["c", "l", "c", "c", "c"]))
    doc.add(_lines(st, "Ý kiến khác (nếu có):", 6))
    return layout.render(st, doc)
