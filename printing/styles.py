"""Page geometry and paragraph styles, read from ``data/print/styles.json``.

The numbers live in that file (with the rule each one follows), not in code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import data

from . import fonts

MM = 72.0 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header_split: float
    signature_gap: float
    page_number_size: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


class Styles:
    """Named ParagraphStyles in the chosen font family, plus the page."""

    def __init__(self, spec: dict, fontset: fonts.FontSet):
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # heavy: reportlab, only when the PDF styles are built (Word takes the sizes alone)
        from reportlab.lib.styles import ParagraphStyle  # heavy: reportlab, only when the PDF styles are built (Word takes the sizes alone)

        align = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
        p = spec["page"]
        m = p["margins_mm"]
        self.fonts = fontset
        self.page = Page(p["size_mm"][0] * MM, p["size_mm"][1] * MM, m["top"] * MM, m["bottom"] * MM,
                         m["left"] * MM, m["right"] * MM, p["header_split"],
                         p["signature_gap_mm"] * MM, p["page_number"]["size"])
        self._styles: dict[str, ParagraphStyle] = {}
        self._min_sizes: dict[str, float] = {}
        for name, s in spec["styles"].items():
            size = s["size"]
            self._min_sizes[name] = s.get("min_size", size)
            self._styles[name] = ParagraphStyle(
                name, fontName=fontset.name(s.get("bold", False), s.get("italic", False)),
                fontSize=size, leading=s.get("leading", size * 1.2),
                alignment=align[s.get("align", "left")],
                firstLineIndent=s.get("first_indent_mm", 0) * MM,
                spaceAfter=s.get("space_after", 0), spaceBefore=s.get("space_before", 0),
                keepWithNext=int(s.get("keep_with_next", False)))

    def __getitem__(self, name: str):
        return self._styles[name]

    def min_size(self, name: str) -> float:
        """The smallest size the rule allows for a header line set in a wider font."""
        return self._min_sizes[name]

    def font(self, bold: bool = False, italic: bool = False) -> str:
        return self.fonts.name(bold, italic)


def get(prefer_font: str | None = None) -> Styles:
    """Styles for the font the machine has (registered with ReportLab once).
    ``DOITHOAI_FONT=noto`` is read on every call so tests can switch."""
    return _styles((prefer_font or os.environ.get("DOITHOAI_FONT", "")).strip().lower())


@lru_cache(maxsize=4)
def _styles(prefer_font: str) -> Styles:
    return Styles(data.load_json("print/styles.json"), fonts.register(prefer_font))
