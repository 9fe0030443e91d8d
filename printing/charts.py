"""Charts drawn with reportlab.graphics (vector, embedded in the PDF)."""
from __future__ import annotations

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .styles import Styles

# Grey shades print well on the black-and-white office printer.
SERIES_COLOURS = (colors.Color(0.35, 0.35, 0.35), colors.Color(0.75, 0.75, 0.75))


def wrap_label(label: str, width: int, most: int = 3) -> str:
    """A category name on up to ``most`` lines of about ``width`` characters, whole
    words kept; only a name longer than that is cut, with an ellipsis."""
    lines, line = [], ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][:max(width - 1, 1)] + "…"
    return "\n".join(lines)


def bar_chart(st: Styles, title: str, labels: list[str], series: list[tuple[str, list[int]]],
              *, width: float | None = None, height: float = 220) -> Drawing:
    """Grouped vertical bars, one group per label, one bar per series."""
    width = width or st.page.text_width
    d = Drawing(width, height, initialFontName=st.font())
    chart = VerticalBarChart()
    per_group = (width - 50) / max(len(labels), 1)
    chars = max(int(per_group / 5.2), 6)          # about 5 pt a character at size 10
    names = [wrap_label(lb, chars) for lb in labels] or [""]
    lines_ = max(n.count("\n") + 1 for n in names)
    chart.x, chart.y = 36, 20 + 12 * lines_
    chart.width, chart.height = width - 50, height - 60 - 12 * lines_
    chart.data = [values for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.fontName = st.font()
    chart.categoryAxis.labels.fontSize = 10
    chart.categoryAxis.labels.leading = 12
    chart.valueAxis.labels.fontName = st.font()
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.valueMin = 0
    top = max([max(v) for _n, v in series if v] + [1])
    chart.valueAxis.valueMax = top + max(1, top // 5)
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = st.font()
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    for i, colour in enumerate(SERIES_COLOURS[:len(series)]):
        chart.bars[i].fillColor = colour
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 200, height - 8
    legend.fontName = st.font()
    legend.fontSize = 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = list(zip(SERIES_COLOURS, [n for n, _v in series]))
    d.add(legend)
    d.add(String(0, height - 14, title, fontName=st.font(bold=True), fontSize=11))
    return d


def of_content(st: Styles, chart: dict) -> Drawing:
    """The chart a document's content describes (``extras["chart"]``): the same
    drawing in the PDF and, as a picture, in the Word file."""
    return bar_chart(st, chart["title"], chart["labels"], [(name, values) for name, values in chart["series"]])
