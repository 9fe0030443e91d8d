"""Kế hoạch (Decree 30/2020 App. III, Mẫu 1.4; HD 36 for a Party plan)."""
from __future__ import annotations

from models.plans import Plan

from .. import layout, markup, styles


def plan_story(st, plan: Plan) -> layout.Document:
    office = plan.office
    lh = layout.Letterhead.of(office)
    body = layout.paragraphs(st, "legal_basis", plan.legal_bases)
    text = "\n".join(x for x in (plan.preamble, plan.body) if x and x.strip())
    closing = plan.closing.strip()
    if closing:
        body += markup.flowables(st, text) + layout.paragraphs(st, "body", layout.with_end_mark(closing))
    else:
        body += markup.flowables(st, layout.with_end_mark(text))
    return layout.official_document(
        st, lh, kind="KH", subject=plan.title, body=body, signer=layout.Signer.of(plan, office),
        recipients=layout.lines(plan.recipients),
        symbol=plan.document.symbol if plan.document_id else None,
        date=plan.place_date, year=plan.year)


def plan_pdf(plan: Plan) -> bytes:
    st = styles.get()
    return layout.render(st, plan_story(st, plan))
