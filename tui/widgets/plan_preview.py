"""The plan as its printed page is laid out, drawn with Rich: header in two
columns, kind title and subject, legal bases in italic, the body outline
(I., 1., 2.1., -, +) indented by level, the recipients beside the signer.

The body is classified by ``printing.markup`` and the header words come from
``printing.layout``, so the screen and the PDF read the plan the same way.
Those modules load ReportLab: call ``render_plan`` from a worker, never at
start-up."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text


def _column(rows: list[tuple[str, str]]) -> Text:
    out = Text(justify="center")
    for i, (line, style) in enumerate(rows):
        if i:
            out.append("\n")
        out.append(line, style=style)
    return out


def _two_columns(left: Text, right: Text) -> Table:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=2)
    grid.add_column(ratio=3)
    grid.add_row(left, right)
    return grid


def render_plan(plan) -> Group:
    from printing import layout, markup

    office = plan.office
    lh = layout.Letterhead.of(office)
    symbol = plan.document.symbol if plan.document_id else None
    left = ([(lh.parent_body, "")] if lh.parent_body else []) + [(x, "bold") for x in lh.issuer]
    left += [("*" if lh.party else "───", ""), (layout.number_text(lh, symbol, "KH"), "")]
    if lh.party:
        right = [(layout.PARTY, "bold underline"), ("", "")]
    else:
        right = [(layout.NATION, "bold"),
                 (layout.MOTTO, "bold underline")]
    right += [("", ""), (layout.date_line(lh.place_name, plan.place_date, plan.year,
                                                       None if plan.place_date else plan.place_month), "italic")]
    parts = [_two_columns(_column(left), _column(right)), Text(""),
             Text("KẾ HOẠCH", style="bold", justify="center"),
             Text(plan.title, style="bold", justify="center"), Text("───", justify="center"), Text("")]
    for basis in layout.lines(plan.legal_bases):
        parts.append(Text("  " + basis, style="italic"))
    if plan.preamble.strip():
        parts.append(Text("  " + plan.preamble.strip()))
    for b in markup.blocks(plan.body):
        if b.kind == "roman":
            parts.append(Text(b.text, style="bold"))
        elif b.kind == "numbered":
            style = ("bold" if b.level == 1 else "bold italic") if b.is_heading else ""
            parts.append(Text("  " * b.level + b.text, style=style))
        elif b.kind == "bullet":
            parts.append(Text("  " * (b.level + 1) + b.text))
        else:
            parts.append(Text("  " + b.text))
    if plan.closing.strip():
        parts.append(Text("  " + layout.with_end_mark(plan.closing.strip())))
    recipients = [("Nơi nhận:", "bold italic underline" if lh.party else "bold italic")]
    recipients += [("- " + r.lstrip("-–• "), "") for r in layout.lines(plan.recipients)]
    signer = layout.Signer.of(plan, office)
    sign = [(x.upper(), "bold") for x in (signer.authority, signer.position) if x.strip()]
    sign += [("", ""), ("(đã ký)" if symbol else "(ký, đóng dấu)", "dim"), ("", ""), (signer.name, "bold")]
    rec = Text()
    for i, (line, style) in enumerate(recipients):
        rec.append(("\n" if i else "") + line, style=style)
    parts += [Text(""), _two_columns(rec, _column(sign))]
    return Group(*parts)
