"""Working papers of a conference, never numbered: the loudspeaker script with
its broadcast schedule and log sheet, the sign-in sheets per village, the
citizen's opinion slip and the satisfaction survey slip.

They read the conference as plain facts from the content's extras
(``models.services.compose.ConferenceFacts``); nothing here queries.
Loudspeaker wording (SPEC "Conference"): no slashes or abbreviations, dates and
times in words, a greeting and a closing, the body read twice (``spoken``)."""
from __future__ import annotations

import datetime as dt

import data

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from models.domain.document_text import Content, Signer
from models.services.compose import ConferenceFacts

from . import layout, spoken
from .breaks import balanced_lines, glue_names

SIGN_IN_ROWS = 25
#: the papers' wording, a block per paper
WORDING = "templates/giay-to.json"


def words(block: str) -> dict:
    """A paper's wording (``data/templates/giay-to.json``)."""
    return data.load_json(WORDING)[block]


def render(st, content: Content) -> bytes:
    facts = ConferenceFacts.from_dict(content.extras["conference"])
    return layout.render(st, LAYOUTS[content.kind](st, content, facts))


# --- loudspeaker ---------------------------------------------------------------------

def script_text(name: str, facts: ConferenceFacts) -> tuple[str, list[str], str]:
    """(greeting, body paragraphs, closing), all in spoken wording."""
    sp = spoken.speakable
    w = words("loudspeaker")
    hour, minute = spoken.parse_clock(facts.start) if facts.start else (8, 0)
    greeting = w["greeting"].format(audience=sp(facts.audience))
    body = [
        w["announce"].format(office=sp(name), time=spoken.time_words(hour, minute),
                             date=spoken.date_words(facts.date, weekday=True),
                             subject=f"{sp(facts.subject)[:1].lower()}{sp(facts.subject)[1:]}"),
        w["place"].format(venue=sp(facts.venue) or w["place_later"]),
    ]
    if facts.chairs:
        body.append(w["chairs"].format(chairs=w["list_separator"].join(sp(c) for c in facts.chairs)))
    if facts.topics:
        body.append(w["topics"].format(topics=w["list_separator"].join(sp(t) for t in facts.topics)))
    body.append(w["how_to_speak"])
    closing = w["closing"].format(office=sp(name))
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
    say = words("loudspeaker")
    greeting, body, closing = script_text(lh.name, facts)
    doc = layout.Document(title=say["title"], author=lh.name)
    doc.add(layout.header(st, lh, number=None, date=None, year=facts.date.year, show_date=False))
    doc.add(Spacer(1, 10), layout.para(st, "speech_title", say["heading"]),
            layout.para(st, "speech_note", say["reading_note"]),
            greeting_lines(st, greeting))
    for round_no in say["rounds"]:
        doc.add(layout.para(st, "speech_note", say["round_mark"].format(round=round_no)))
        doc.add([layout.para(st, "speech", glue_names(p)) for p in body])
    doc.add(layout.para(st, "speech", glue_names(closing)))
    rows = [(dt.date.fromisoformat(d), slot, station) for d, slot, station in content.extras.get("schedule", [])]
    doc.add(PageBreak(), layout.title_block(st, say["log_title"],
                                            say["log_subject"].format(date=layout.short_date(facts.date))))
    doc.add(layout.para(st, "body_plain", say["log_note"]))
    w = st.page.text_width
    table_rows = [[i, f"{d:%d/%m/%Y}", slot.capitalize(), station, "", "", ""]
                  for i, (d, slot, station) in enumerate(rows, start=1)]
    doc.add(layout.grid_table(st, say["log_columns"],
                              table_rows, [w * .07, w * .15, w * .1, w * .25, w * .12, w * .2, w * .11],
                              align=["c", "c", "c", "l", "c", "l", "c"]))
    doc.add(KeepTogether(layout.two_signatures(st, Signer("", say["reader_signs"], ""),
                                            Signer("", say["office_confirms"], ""))))
    return doc


# --- forms ---------------------------------------------------------------------------

def _form_head(st, content: Content, title: str, subject: str) -> list:
    return [layout.header(st, content.letterhead, number=None, show_date=False),
            *layout.title_block(st, title, subject)]


def _sign_in_table(st, rows: int, first: int = 1):
    w = st.page.text_width
    return layout.grid_table(st, words("attendance")["columns"], [[i, "", "", "", ""] for i in range(first, first + rows)],
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
    w = words("attendance")
    groups = [label for label, _ in facts.villages] or [facts.locality or facts.office_name]
    parts = []
    for label in groups:
        part = _form_head(st, content, w["title"], w["subject"].format(subject=facts.subject, village=label))
        part.append(layout.para(st, "centered_italic",
                                w["when_where"].format(when=facts.when, venue=facts.venue or w["venue_blank"])))
        part.append(_sign_in_table(st, rows_that_fit(st, part)))
        parts.append(part)
    return layout.Document(title=w["title"], author=content.letterhead.name,
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
    w = words("opinion_slip")
    doc = layout.Document(title=w["title"], author=content.letterhead.name)
    doc.add(_form_head(st, content, w["title"], facts.subject))
    doc.add(layout.para(st, "centered_italic", facts.when))
    doc.add(*(_dotted(st, line) for line in w["lines"]), _dotted(st, w["content"], 8))
    doc.add(layout.para(st, "body_plain", w["choices"]))
    doc.add(Spacer(1, 6), KeepTogether(layout.two_signatures(st, Signer(), Signer("", w["writer_signs"], ""))))
    return doc


def survey_slip(st, content: Content, facts: ConferenceFacts) -> layout.Document:
    """Phiếu lấy ý kiến về mức độ hài lòng of the people who attended."""
    w = st.page.text_width
    say = words("survey_slip")
    doc = layout.Document(title=say["title"], author=content.letterhead.name)
    doc.add(_form_head(st, content, say["heading"],
                       say["subject"].format(subject=f"{facts.subject[:1].lower()}{facts.subject[1:]}")))
    doc.add(layout.para(st, "body", say["how"]))
    doc.add(layout.grid_table(st, ["STT", say["content_column"], *say["choices"]],
                              [[i, q, "", "", ""] for i, q in enumerate(say["questions"], start=1)],
                              [w * .08, w * .47, w * .15, w * .15, w * .15], align=["c", "l", "c", "c", "c"]))
    doc.add(_dotted(st, say["other"], 4))
    return doc


#: a working paper's layout, by its kind in the registry (models.services.kinds: the kinds without a number)
LAYOUTS = {"loa": loudspeaker, "diem-danh": attendance, "phieu-y-kien": opinion_slip, "phieu-khao-sat": survey_slip}
