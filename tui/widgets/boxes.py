"""Boxes and columns drawn as plain text lines.

The dashboard is read-only, so it does not need rich's Table and Panel, which
measure and lay out every cell on each paint and cost tens of milliseconds on
an old PC. These helpers lay out text for a known width: a table's fixed
columns keep their width and the others give way with an ellipsis."""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

GAP = "  "


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters, ending with "…" when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def fit(text: Text | str, width: int) -> Text:
    """``text`` cut with an ellipsis or padded with spaces to exactly ``width`` cells."""
    line = text.copy() if isinstance(text, Text) else Text(text)
    line.truncate(max(width, 0), overflow="ellipsis", pad=True)
    return line


def wrap(text: str, width: int, items: list[str] | None = None) -> list[str]:
    """Plain text broken between words into lines of at most ``width`` cells
    (or between ``items``, the text's parts, when given)."""
    lines, current = [], ""
    for word in text.split() if items is None else items:
        candidate = f"{current} {word}" if current else word
        if current and cell_len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines or [""]


def table(headers: list[str], rows: list[list[Text | str]], width: int, fixed: set[int] = frozenset(),
          shrink_first: tuple[int, ...] = (), header_style: str = "bold") -> list[Text]:
    """Rows laid out in columns within ``width`` cells. Columns listed in
    ``fixed`` (dates, counts) never shrink; those in ``shrink_first`` (the
    least important) give way first, down to 8 cells; then the others shrink,
    widest first."""
    ncols = len(headers)
    widths = [max([cell_len(headers[i])] + [cell_len(str(r[i])) for r in rows]) for i in range(ncols)]
    excess = sum(widths) + len(GAP) * (ncols - 1) - width
    flexible = [i for i in range(ncols) if i not in fixed]
    while excess > 0 and flexible:
        first = [i for i in shrink_first if widths[i] > 8]
        widest = max(first or flexible, key=lambda i: widths[i])
        if widths[widest] <= 4:
            break
        widths[widest] -= 1
        excess -= 1
    out = [Text(GAP).join(fit(h, w) for h, w in zip(headers, widths))]
    out[0].stylize(header_style)
    for row in rows:
        out.append(Text(GAP).join(fit(cell, w) for cell, w in zip(row, widths)))
    return [fit(line, width) for line in out]


def box(title: str, body: list[Text], width: int, style: str, height: int = 0) -> list[Text]:
    """A rounded box ``width`` cells wide around ``body``, with ``title`` in its
    top edge; at least ``height`` lines inside (blank lines added below)."""
    inner = max(width - 4, 1)
    head = fit(Text(title, style="bold"), max(width - 6, 1))
    head.rstrip()
    top = Text.assemble(("╭─ ", style), head, (" " + "─" * max(width - 5 - head.cell_len, 0) + "╮", style))
    lines = [top]
    for line in body + [Text("")] * max(height - len(body), 0):
        lines.append(Text.assemble(("│ ", style), fit(line, inner), (" │", style)))
    lines.append(Text("╰" + "─" * max(width - 2, 0) + "╯", style=style))
    return lines


def side_by_side(left: list[Text], right: list[Text], gap: int = 1) -> list[Text]:
    """Two blocks of equal height joined line by line."""
    return [Text.assemble(a, " " * gap, b) for a, b in zip(left, right)]
