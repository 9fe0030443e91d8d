"""A ReportLab drawing (the report's chart) as a PNG picture, for the Word file.

The PDF embeds the chart as vector graphics; Word needs a picture (issue 22 item
11: the chart where the PDF has it, as a picture). ReportLab's own bitmap
renderer needs pycairo, which an office PC does not have, so the few shapes a
chart is made of (rectangles, lines, polygons, text) are drawn here with Pillow
(a dependency of ReportLab), in the same TrueType font the PDF uses. The drawing
stays defined once (printing/charts.py); only the painting differs.
"""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from ._quick_import import import_paragraph

import_paragraph()  # before ReportLab: see printing/_quick_import.py

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics

from . import compat

Affine = tuple[float, float, float, float, float, float]
IDENTITY: Affine = (1, 0, 0, 1, 0, 0)


def _mul(a: Affine, b: Affine) -> Affine:
    """The transform ``b`` applied first, then ``a`` (PDF matrix order)."""
    a0, a1, a2, a3, a4, a5 = a
    b0, b1, b2, b3, b4, b5 = b
    return (a0 * b0 + a2 * b1, a1 * b0 + a3 * b1, a0 * b2 + a2 * b3, a1 * b2 + a3 * b3,
            a0 * b4 + a2 * b5 + a4, a1 * b4 + a3 * b5 + a5)


def _rgb(colour) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    return tuple(max(0, min(255, round(v * 255))) for v in (colour.red, colour.green, colour.blue))


class _Painter:
    def __init__(self, drawing: shapes.Drawing, dpi: int):
        self.scale = dpi / 72
        self.height = drawing.height
        self.image = Image.new("RGB", (round(drawing.width * self.scale), round(drawing.height * self.scale)),
                               "white")
        self.draw = ImageDraw.Draw(self.image)
        self.fonts: dict[tuple[str, int], object] = {}

    def point(self, m: Affine, x: float, y: float) -> tuple[float, float]:
        px, py = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
        return px * self.scale, (self.height - py) * self.scale

    def font(self, name: str, size: float):
        key = (name, round(size * self.scale))
        if key not in self.fonts:
            self.fonts[key] = ImageFont.truetype(pdfmetrics.getFont(name).face.filename, key[1])
        return self.fonts[key]

    def node(self, node, m: Affine) -> None:
        node = compat.expand_user_node(node)
        if node is None:
            return
        if isinstance(node, shapes.Group):
            inner = _mul(m, tuple(node.transform)) if getattr(node, "transform", None) else m
            for child in node.getContents():
                self.node(child, inner)
        elif isinstance(node, shapes.Rect):
            corners = [self.point(m, x, y) for x, y in ((node.x, node.y), (node.x + node.width, node.y),
                                                       (node.x + node.width, node.y + node.height),
                                                       (node.x, node.y + node.height))]
            self.polygon(corners, node.fillColor, node.strokeColor, node.strokeWidth)
        elif isinstance(node, shapes.Line):
            self.lines([self.point(m, node.x1, node.y1), self.point(m, node.x2, node.y2)],
                       node.strokeColor, node.strokeWidth)
        elif isinstance(node, shapes.Polygon):
            pts = node.points
            self.polygon([self.point(m, pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)],
                         node.fillColor, node.strokeColor, node.strokeWidth)
        elif isinstance(node, shapes.PolyLine):
            pts = node.points
            self.lines([self.point(m, pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)],
                       node.strokeColor, node.strokeWidth)
        elif isinstance(node, shapes.String):
            self.text(node, m)

    def polygon(self, pts, fill, stroke, width) -> None:
        if _rgb(fill) is not None:
            self.draw.polygon(pts, fill=_rgb(fill))
        if _rgb(stroke) is not None and width:
            self.lines(pts + pts[:1], stroke, width)

    def lines(self, pts, stroke, width) -> None:
        if _rgb(stroke) is None or not width:
            return
        self.draw.line(pts, fill=_rgb(stroke), width=max(1, round(width * self.scale)))

    def text(self, s: shapes.String, m: Affine) -> None:
        if not s.text or _rgb(s.fillColor) is None:
            return
        size = s.fontSize * (m[0] ** 2 + m[1] ** 2) ** 0.5
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(s.textAnchor, "ls")
        self.draw.text(self.point(m, s.x, s.y), s.text, fill=_rgb(s.fillColor),
                       font=self.font(s.fontName, size), anchor=anchor)


def png(drawing: shapes.Drawing, dpi: int = 200) -> bytes:
    """``drawing`` painted on a white ground at ``dpi``, as PNG bytes."""
    painter = _Painter(drawing, dpi)
    painter.node(drawing, IDENTITY)
    out = io.BytesIO()
    painter.image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
