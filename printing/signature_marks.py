"""How a digital signature looks on an issued PDF: where its field goes and the
small page its appearance shows (Decree 30/2020 App. I; the numbers and the
rules with their source are in ``data/print/esign.json``).

- the signer's: in the space left for the signature, between the title line
  ("CHỦ TỊCH", "BÍ THƯ") and the printed name, centred over the name; the
  handwritten signature image (blue, transparent PNG), no text;
- the office's: the seal image (red, transparent PNG, real size) over about
  the left third of the signer's field, with the office's name and the signing
  time (ISO 8601, +07:00) in Times 10, black, upright;
- an electronic copy's: no image; the form of copy, the copying office and the
  time, top right of page 1.

The space is found by reading the issued PDF back (the title line and the
name as printed), so it works for every document kind and both families, and
for a file issued by an earlier release. The appearance itself is drawn with
ReportLab in the document's own font (a subset of an OpenType/TrueType font
with every Vietnamese letter, embedded), not with pyHanko's default font,
which has no Vietnamese glyphs."""
from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import data

from models.core.errors import ValidationError
from models.core.words import PaperWords
from models.services.signing import COPY, OFFICE, PERSON, Facts, Mark

from .styles import MM, get as get_styles
from .wording import say


def rules() -> dict:
    return data.load_json("print/esign.json")


@dataclass(frozen=True)
class Run:
    page: int
    x: float
    y: float
    text: str
    size: float


def runs(pdf: bytes, pages: list[int] | None = None, *, reader=None) -> list[Run]:
    """Every text run of the PDF (or of ``pages``) with its start position in
    page coordinates."""
    import pypdf  # heavy: pypdf, only when a signed PDF is read

    reader = reader or pypdf.PdfReader(io.BytesIO(pdf))
    out: list[Run] = []
    for n in (range(len(reader.pages)) if pages is None else pages):
        page = reader.pages[n]

        def visit(text, cm, tm, _font, size, n=n):
            text = unicodedata.normalize("NFC", text or "").strip()
            if text:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                out.append(Run(n, x, y, text, size * (tm[0] * cm[0] or 1)))
        page.extract_text(visitor_text=visit)
    return out


def page_size(pdf: bytes, page: int) -> tuple[float, float]:
    import pypdf  # heavy: pypdf, only when a signed PDF is read

    p = pypdf.PdfReader(io.BytesIO(pdf)).pages[page]
    return float(p.mediabox.width), float(p.mediabox.height)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # heavy: reportlab, only when a mark is drawn

    return stringWidth(text, get_styles().font(bold=True), size)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def signer_space(pdf: bytes, position: str, name: str) -> tuple[int, tuple[float, float, float, float]]:
    """The page and the rectangle between the title line and the printed name
    (the last place the name is printed under that title)."""
    import pypdf  # heavy: pypdf, only when a signed PDF is read

    spec = rules()["signer"]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names: list[Run] = []
    for n in reversed(range(len(reader.pages))):     # the signature block ends the document: read back to it
        found = runs(pdf, [n], reader=reader)
        names = [r for r in found if _same(r.text, name)] if name else []
        if names:
            break
    if not names:
        raise ValidationError(PaperWords.SIGNER_NOT_PRINTED.format(name=name))
    best = None
    for nm in names:
        titles = [r for r in found if r.page == nm.page and r.y > nm.y and (not position or _same(r.text, position))]
        if titles:
            title = min(titles, key=lambda r: (r.y - nm.y, abs(r.x - nm.x)))
            if best is None or (nm.page, -nm.y) >= (best[0].page, -best[0].y):
                best = (nm, title)
    if best is None:
        nm = names[-1]
        best = (nm, Run(nm.page, nm.x, nm.y + get_styles().page.signature_gap + nm.size * 1.2, "", nm.size))
    nm, title = best
    centre = nm.x + _width(nm.text, nm.size) / 2
    margin = spec["margin_mm"] * MM
    low = nm.y + nm.size * 0.8 + margin
    high = title.y - title.size * 0.3 - margin
    width = spec["width_mm"] * MM
    page_w, _ = page_size(pdf, nm.page)
    x0 = max(margin, centre - width / 2)
    x1 = min(page_w - margin, centre + width / 2)
    return nm.page, (round(x0, 2), round(low, 2), round(x1, 2), round(high, 2))


# --- the appearances, each a one-page PDF of its field's size ----------------------------------

def _canvas(w: float, h: float):
    from reportlab.pdfgen import canvas  # heavy: reportlab, only when a mark is drawn

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h), pageCompression=1)
    c.setTitle("")
    return buf, c


def _draw_image(c, png: bytes, x: float, y: float, w: float, h: float) -> None:
    from reportlab.lib.utils import ImageReader  # heavy: reportlab, only when a mark is drawn

    c.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h, mask="auto", preserveAspectRatio=True, anchor="c")


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit  # heavy: reportlab, only when a mark is drawn

    return simpleSplit(unicodedata.normalize("NFC", text), font, size, width)


def person_look(w: float, h: float, facts: Facts) -> bytes:
    buf, c = _canvas(w, h)
    if facts.image:
        _draw_image(c, facts.image, 0, 0, w, h)
    else:
        spec = rules()["signer"]
        st = get_styles()
        size = spec["fallback_size"]
        c.setFillColorRGB(0.05, 0.15, 0.65)
        c.setFont(st.font(italic=True), size)
        c.drawCentredString(w / 2, size / 2, unicodedata.normalize("NFC", facts.signer_name))
    c.showPage()
    c.save()
    return buf.getvalue()


def office_look(w: float, h: float, seal: float, top: float, facts: Facts) -> bytes:
    """The seal on the left of the field, the text on its right from ``top``
    down (the top of the signer's field: the text stays between the title line
    and the printed name)."""
    spec = rules()["office"]
    st = get_styles()
    buf, c = _canvas(w, h)
    if facts.image:
        _draw_image(c, facts.image, 0, 0, seal, h)
    size = spec["text_size"]
    font = st.font()
    text_x = seal + 1 * MM
    lines = _lines(facts.office_name, font, size, w - text_x) + [say("signed_at"), facts.when]
    return _text_and_close(buf, c, lines, font, size, text_x, top, right=False)


def _text_and_close(buf, c, lines: list[str], font: str, size: float, x: float, top: float, *, right: bool) -> bytes:
    """Black upright lines from ``top`` down (left-aligned at ``x``, or right-aligned
    to it), then the page is finished."""
    c.setFillColorRGB(0, 0, 0)
    c.setFont(font, size)
    y = top - size
    for ln in lines:
        (c.drawRightString if right else c.drawString)(x, y, ln)
        y -= size * 1.2
    c.showPage()
    c.save()
    return buf.getvalue()


def copy_lines(facts: Facts) -> list[str]:
    forms = rules()["copy"]["forms"]
    return [forms.get(facts.copy_form, facts.copy_form), facts.office_name, f"{say('signed_at')} {facts.when}"]


def copy_look(w: float, h: float, facts: Facts) -> bytes:
    spec = rules()["copy"]
    st = get_styles()
    buf, c = _canvas(w, h)
    size = spec["text_size"]
    font = st.font()
    lines = [part for ln in copy_lines(facts) for part in _lines(ln, font, size, w)]
    return _text_and_close(buf, c, lines, font, size, w, h, right=True)


def appearance(pdf: bytes, facts: Facts) -> Mark:
    """Where the signature's field goes, and what it shows."""
    if facts.role == COPY:
        spec = rules()["copy"]
        page_w, page_h = page_size(pdf, 0)
        st = get_styles()
        w, h = spec["box_mm"][0] * MM, spec["box_mm"][1] * MM
        x1 = page_w - st.page.right
        y1 = page_h - spec["margin_mm"] * MM
        box = (round(x1 - w, 2), round(y1 - h, 2), round(x1, 2), round(y1, 2))
        return Mark(0, box, copy_look(w, h, facts))
    page, signer = signer_space(pdf, facts.signer_position, facts.signer_name)
    if facts.role == PERSON:
        x0, y0, x1, y1 = signer
        return Mark(page, signer, person_look(x1 - x0, y1 - y0, facts))
    if facts.role != OFFICE:
        raise ValueError(facts.role)
    spec = rules()["office"]
    x0, y0, x1, y1 = facts.signer_box or signer
    seal = spec["seal_diameter_mm"] * MM
    seal_right = x0 + (x1 - x0) * spec["covers_left_of_signer"]
    cy = (y0 + y1) / 2
    page_w, _ = page_size(pdf, page)
    right = min(page_w - get_styles().page.right + 10 * MM, seal_right + 52 * MM)
    box = (round(seal_right - seal, 2), round(cy - seal / 2, 2), round(right, 2), round(cy + seal / 2, 2))
    return Mark(page, box, office_look(box[2] - box[0], box[3] - box[1], seal, y1 - box[1], facts))
