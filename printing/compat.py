"""ReportLab's private parts, in one place (issue 24 item 4, printing's door).

The layout leans on a few underscore names of ReportLab 4/5: a table's
computed row heights and cells (to cut a row where it stands), the frame's
available height, what ``KeepTogether`` holds and the sizes its ``split``
reads back, the list-wrapping helper, and the renderer's expansion of a
user node (a chart drawn into a picture). Nothing else in ``printing/``
names them; ``tests/test_printing_compat.py`` fails when ReportLab changes
one, and ``tests/test_framework_door.py`` when one is used outside this file."""
from __future__ import annotations

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.graphics.renderbase import _expandUserNode
from reportlab.platypus.flowables import KeepTogether, _listWrapOn

#: every private name used below, for the test that checks ReportLab still has them
TABLE_PRIVATE = ("_calc", "_rowHeights", "_cellvalues", "_colWidths", "_frame")
FRAME_PRIVATE = ("_aH",)
KEEP_PRIVATE = ("_content", "_maxHeight", "_H", "_H0", "_wrapInfo")


def lay_out_table(table, width: float, height: float) -> list[float]:
    """Compute ``table``'s rows for the space given and return their heights."""
    table._calc(width, height)
    return table._rowHeights


def row_heights(flowable) -> list[float] | None:
    """A table's row heights once it has been laid out (each None before; None for another flowable)."""
    return getattr(flowable, "_rowHeights", None)


def table_rows(table) -> list:
    """The cells of a table, row by row, as ReportLab keeps them."""
    return table._cellvalues


def table_column_widths(table) -> list:
    return table._colWidths


def frame_height(table, default: float) -> float:
    """The full height of the frame ``table`` is being placed in (``default`` outside a frame)."""
    return getattr(getattr(table, "_frame", None), "_aH", default)


def kept(group: KeepTogether) -> list:
    """What a ``KeepTogether`` holds."""
    return group._content


def kept_max_height(group: KeepTogether):
    return group._maxHeight


def wrap_kept(group: KeepTogether, width: float, dims: list) -> tuple[float, float]:
    """Wrap what ``group`` holds as ReportLab's own ``KeepTogether.wrap`` does,
    each flowable's (width, height) appended to ``dims``."""
    return _listWrapOn(group._content, width, group.canv, dims=dims)


def set_kept_size(group: KeepTogether, height: float, first: float, wrap_info: tuple) -> None:
    """Tell ``KeepTogether.split`` the height it weighs (``_H``), the first
    flowable's (``_H0``) and the space it was wrapped in."""
    group._H = height
    group._H0 = first
    group._wrapInfo = wrap_info


def expand_user_node(node):
    """A graphics node as the renderers draw it (a user node turned into shapes)."""
    return _expandUserNode(node, None)
