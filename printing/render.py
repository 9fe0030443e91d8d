"""Any document's content → A4 PDF bytes.

``pdf(content)`` is the one entry point: the content (``models.domain.document_text.Content``)
carries everything, so nothing here queries the database. The skeleton is
``layout.official_document`` (Decree 30/2020 App. III Mẫu 1.4, 1.5, 1.7, 1.9;
HD 36 for a Party office); a few kinds add their own parts: invitations repeat
for each invitee, the minutes have two signature columns, the report carries a
chart, and the working papers (loudspeaker script, sign-in sheets, slips) have
their own pages. Deterministic: the same content gives the same bytes."""
from __future__ import annotations

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.platypus import KeepTogether, Table

from models.core.errors import ValidationError
from models.core.words import PaperWords
from models.domain.document_text import Content
from models.services.compose import INVITEE

from . import layout, markup, papers, styles

PLACE = INVITEE   # where each invitation names its invitee (compose.invitations)


def pdf(content: Content) -> bytes:
    st = styles.get()
    if not content.number_kind:
        return papers.render(st, content)
    if "invitees" in content.extras:        # invitations: one copy per invitee
        return layout.render(st, _invitations(st, content))
    return layout.render(st, story(st, content))


def _body(st, content: Content, main: list | None = None) -> list:
    out = layout.paragraphs(st, "legal_basis", content.legal_bases)
    out += markup.flowables(st, content.body) if main is None else main
    chart = content.extras.get("chart")
    if chart and chart.get("labels"):
        out = _with_chart(st, out, content, chart)
    return out


def _with_chart(st, flowables: list, content: Content, chart: dict) -> list:
    """The chart goes under the table that follows its heading (report: by field)."""
    from . import charts  # heavy: reportlab.graphics, only for a report's chart

    drawing = KeepTogether(charts.of_content(st, chart))
    after = chart.get("after")
    seen_heading = False
    for i, f in enumerate(flowables):
        text = getattr(f, "text", "")
        if after and markup.plain(text).strip() == after:
            seen_heading = True
        elif seen_heading and isinstance(f, Table):
            return flowables[:i + 1] + [drawing] + flowables[i + 1:]
    return flowables + [drawing]


def story(st, content: Content, *, main: list | None = None) -> layout.Document:
    lh = content.letterhead
    two = len(content.signers) == 2
    body = _body(st, content, main)
    if two:
        left, right = content.signers
        body = layout.with_closing(st, body, layout.two_signatures(st, left, right))
        if content.recipients:
            body.append(layout.recipients_block(st, lh, list(content.recipients)))
    doc = layout.official_document(
        st, lh, kind=content.number_kind or "CV", kind_title=content.title, subject=content.subject,
        body=body, signer=None if two or not content.signers else content.signers[0],
        recipients=list(content.recipients) if not two else None, symbol=content.symbol, date=content.date,
        year=content.year, month=content.month, show_date=content.show_date, addressees=list(content.addressees) or None)
    return doc


def _invitations(st, content: Content) -> layout.Document:
    """Giấy mời (Mẫu 1.7): the same text once per invitee, each numbering its own pages."""
    invitees = content.extras.get("invitees") or []
    if not invitees:
        raise ValidationError(PaperWords.NO_INVITEES)
    before, _, after = content.body.partition(PLACE)
    parts = []
    for inv in invitees:
        label = inv["name"] if inv.get("is_group") or not inv.get("position") else f"{inv['name']}, {inv['position']}"
        main = markup.flowables(st, before) + [layout.para(st, "centered_bold", label)] + markup.flowables(st, after)
        parts.append(story(st, content, main=main).story)
    return layout.Document(title=layout.say("document_title", kind=layout.kind_name("GM"), subject=content.subject),
                           author=content.letterhead.name,
                           story=layout.merge(parts))
