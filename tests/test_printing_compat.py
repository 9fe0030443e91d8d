"""ReportLab's private names, reached only through printing/compat.py, are
still what the layout takes them for: these fail when a ReportLab release
renames or changes one (then printing/compat.py is the one file to mend)."""
from __future__ import annotations

import inspect

from printing import compat


def test_reportlab_still_has_every_private_name_the_door_uses():
    from reportlab.platypus import flowables, frames, tables

    table_source = inspect.getsource(tables.Table)
    frame_source = inspect.getsource(frames.Frame)
    keep_source = inspect.getsource(flowables.KeepTogether)
    for name in compat.TABLE_PRIVATE:
        assert name in table_source or name in frame_source, f"ReportLab's Table no longer has {name}"
    for name in compat.FRAME_PRIVATE:
        assert f"self.{name}" in frame_source, f"ReportLab's Frame no longer sets {name}"
    for name in compat.KEEP_PRIVATE:
        assert f"self.{name}" in keep_source, f"ReportLab's KeepTogether no longer uses {name}"
    # KeepTogether.split weighs what wrap left in _H and _H0 (what KeepStart sets instead)
    split_source = inspect.getsource(flowables.KeepTogether.split)
    assert "self._H" in split_source and "_H0" in split_source
    assert "dims" in inspect.signature(flowables._listWrapOn).parameters


def test_a_table_laid_out_through_the_door():
    from reportlab.platypus import Paragraph, Table
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
    rows = [["Số", "Nội dung"], ["1", Paragraph("một dòng", style)],
            ["2", Paragraph(" ".join(["dòng dài"] * 40), style)]]
    t = Table(rows, colWidths=[30, 120])
    assert compat.row_heights(t) == [None, None, None]     # not laid out yet
    heights = compat.lay_out_table(t, 150, 1000)
    assert len(heights) == 3 and heights[2] > heights[1] > 0
    assert compat.row_heights(t) == heights
    assert compat.table_rows(t)[0] == ["Số", "Nội dung"] and len(compat.table_rows(t)) == 3
    assert list(compat.table_column_widths(t)) == [30, 120]
    assert compat.frame_height(t, 123.0) == 123.0   # not in a frame


def test_a_frame_tells_a_table_its_height_and_keep_together_takes_our_sizes():
    import io

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, KeepTogether, Spacer, Table

    seen = []

    class Probe(Table):
        def split(self, w, h):
            seen.append(compat.frame_height(self, -1))
            return super().split(w, h)

    canvas = Canvas(io.BytesIO())
    frame = Frame(0, 0, 200, 300, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.add(Spacer(10, 250), canvas)
    table = Probe([["a"]] * 10, rowHeights=[20] * 10)              # 200 high, 50 left
    assert not frame.add(table, canvas)
    parts = frame.split(table, canvas)
    assert seen == [300] and len(parts) == 2             # the frame's whole height, not what is left

    group = KeepTogether([Spacer(10, 40), Spacer(10, 30)])
    group.canv = canvas
    dims: list = []
    width, height = compat.wrap_kept(group, 100, dims)
    assert height == 70 and [d[1] for d in dims] == [40, 30]
    assert compat.kept(group)[0].height == 40
    # ReportLab's split weighs the height we set, not its own: 45 fits in 60 and stays …
    compat.set_kept_size(group, 45, 40, (100, 60))
    assert group.split(100, 60) == compat.kept(group)
    # … 70 does not, and the group goes to the next frame (a frame break before it)
    compat.set_kept_size(group, 70, 40, (100, 60))
    first, *rest = group.split(100, 60)
    assert type(first).__name__.endswith("FrameBreak") and rest == compat.kept(group), first


def test_a_chart_node_expands_to_shapes():
    from reportlab.graphics import shapes
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    chart = VerticalBarChart()
    chart.data = [(1, 2, 3)]
    node = compat.expand_user_node(chart)
    assert isinstance(node, shapes.Group) and node.getContents()
