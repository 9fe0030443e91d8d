"""Helpers for the printing tests: read a PDF back with pypdf (text with its
position, fonts, page size) and build a database with sample records."""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdf

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@dataclass
class Run:
    page: int           # 1-based
    x: float
    y: float
    text: str
    font: str
    size: float


def runs(pdf: bytes) -> list[Run]:
    """Every text run with its start position in page coordinates."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out: list[Run] = []
    for n, page in enumerate(reader.pages, start=1):
        def visit(text, cm, tm, font, size, n=n):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = (font or {}).get("/BaseFont", "") if font else ""
            out.append(Run(n, x, y, text, str(name), size * (tm[0] * cm[0] or 1)))
        page.extract_text(visitor_text=visit)
    return out


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in reader.pages]


def squash(text: str) -> str:
    """Text without any whitespace, NFC: compares layout output with input."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont name → embedded (has a font file), over all pages."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        res = page.get("/Resources") or {}
        for _key, ref in ((res.get("/Font") or {}).items()):
            f = ref.get_object()
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(f.get("/BaseFont"))] = embedded
    return found
