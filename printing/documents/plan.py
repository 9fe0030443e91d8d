"""Kế hoạch (Decree 30/2020 App. III, Mẫu 1.4; HD 36 for a Party plan)."""
from __future__ import annotations

from models.plans import Plan

from .. import layout, markup, styles


def plan_story(st, plan: Plan) -> layout.Document:
    office = plan.office
    lh = layout.Letterhead.of(office)
    symbol = plan.document.symbol if plan.document_id else None
    doc = layout.Document(title=f"Kế hoạch {layout.nfc(plan.title)}", author=lh.name)
    doc.add(layout.header(st, lh, number=layout.number_text(lh, symbol, "KH"),
                          date=plan.place_date, year=plan.year),
            layout.title_block(st, "Kế hoạch", plan.title),
            layout.paragraphs(st, "legal_basis", plan.legal_bases))
    body = "\n".join(x for x in (plan.preamble, plan.body) if x and x.strip())
    closing = plan.closing.strip()
    if closing:
        doc.add(markup.flowables(st, body), layout.paragraphs(st, "body", layout.with_end_mark(closing)))
    else:
        doc.add(markup.flowables(st, layout.with_end_mark(body)))
    doc.add(layout.signature_block(st, lh, layout.Signer.of(plan, office), layout.lines(plan.recipients)))
    return doc


def plan_pdf(plan: Plan) -> bytes:
    st = styles.get()
    return layout.render(st, plan_story(st, plan))
