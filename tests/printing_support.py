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


def make_session(tmp_path, monkeypatch, kind: str = "ubnd_xa", petitions: int = 6):
    """A database in ``tmp_path`` with an office, a long draft plan and a recorded
    conference; returns (office, plan, conference)."""
    import datetime as dt

    import models
    from models.services import plan_import
    from models.demo import samples

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    office = samples.office(kind)
    conf = samples.conference(office, petitions=petitions)
    res = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2024.txt")
    plan = res.plan
    plan.place_date = dt.date(2024, 1, 5)
    plan.signer_authority, plan.signer_position = office.signer_authority, office.signer_position
    plan.save()
    return office, plan, conf


def render(office, slug: str, ref_id: int) -> bytes:
    """One document's draft (or issued text), through the app's own pipeline."""
    from models.services import documents
    from tui.documents import render_pdf

    return render_pdf(documents.draft(office, slug, ref_id).content)


def plan_pdf(plan) -> bytes:
    from models.services import documents
    from tui.documents import render_pdf

    return render_pdf(documents.compose_content(plan.office, "ke-hoach", plan.id))


def sample_contents(office, plan, conf, *, numbered_only: bool = False) -> dict:
    """The content of every document kind (or every numbered one), composed from
    the sample session as of a day when its deadlines have passed (so the
    reminder has late petitions to list)."""
    import datetime as dt

    from models import Petition
    from models.core import clock
    from models.services import documents

    answered = Petition.select().where(Petition.answer_summary != "").order_by(Petition.id).first()
    late = (Petition.select().where((Petition.status == "open") & Petition.due_on.is_null(False))
            .order_by(Petition.id).first())
    kinds = documents.numbered_kinds() if numbered_only else list(documents.kinds().values())
    out = {}
    with clock.fixed(dt.date(2027, 2, 1)):
        for kind in kinds:
            ref = {"plan": plan.id, "petition": answered.id, "unit": late.unit_id}.get(kind.target, conf.id)
            out[kind.slug] = documents.draft(office, kind.slug, ref).content
    return out


def render_all(office, plan, conf) -> dict[str, bytes]:
    """Every document kind, rendered from the sample session."""
    from tui.documents import render_pdf

    return {slug: render_pdf(content) for slug, content in sample_contents(office, plan, conf).items()}


# --- imported plans: the words of the source against the words printed --------------

def folded_words(text: str) -> list[str]:
    """Words of ``text`` for comparing a source with a printed PDF: NFC, lower
    case, punctuation and the light markup's asterisks left out."""
    text = unicodedata.normalize("NFC", text).lower().replace("*", " ")
    return re.findall(r"\w+", text)


def word_coverage(source: str, printed: str) -> float:
    """Share of the source's words found, in order, in the printed text."""
    import difflib

    src, got = folded_words(source), folded_words(printed)
    matcher = difflib.SequenceMatcher(None, src, got, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / max(len(src), 1)


def hard_wrapped(text: str, width: int = 80) -> str:
    """``text`` as copied out of a PDF: every paragraph wrapped at ``width``
    columns, the blank lines between paragraphs dropped."""
    import textwrap

    out = []
    for line in text.splitlines():
        if line.strip():
            out += textwrap.wrap(line.strip(), width=width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(out) + "\n"


# --- page rules read from the printed PDF alone (ours or LibreOffice's) --------------

HEADING_LINE = re.compile(r"^(?:[IVXL]+\.|\d+(?:\.\d+)*\.?)\s+\S")


@dataclass
class Line:
    page: int
    y: float
    text: str
    bold: bool          # every run of the line is bold


def lines(pdf: bytes) -> list[Line]:
    """The text lines of each page, top to bottom, without the page number in
    the top margin: runs on one baseline joined."""
    found = runs(pdf)
    top = A4[1] - 20 * MM
    rows: dict[tuple[int, int], list[Run]] = {}
    for r in found:
        if r.y > top:
            continue
        rows.setdefault((r.page, round(r.y / 2)), []).append(r)
    out = []
    for (page, _), rs in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        rs.sort(key=lambda r: r.x)
        text = unicodedata.normalize("NFC", " ".join(r.text.strip() for r in rs)).strip()
        out.append(Line(page, rs[0].y, text, all("Bold" in r.font for r in rs)))
    return out


def stranded_headings(pdf: bytes, least: int = 2) -> list[str]:
    """Headings (a whole bold line numbered "I.", "1.", "2.1.") followed on their
    page by fewer than ``least`` lines when the page ends there and the next page
    goes on with their text: what a chair sees as a heading left at a page foot."""
    found = lines(pdf)
    pages = max((ln.page for ln in found), default=0)
    faults = []
    for n in range(1, pages):
        on_page = [ln for ln in found if ln.page == n]
        nxt = [ln for ln in found if ln.page == n + 1]
        for i, ln in enumerate(on_page):
            if not (ln.bold and HEADING_LINE.match(ln.text)):
                continue
            j = i + 1
            while j < len(on_page) and on_page[j].bold and not HEADING_LINE.match(on_page[j].text) \
                    and j - i < 3:
                j += 1              # the heading's own second line
            after = len(on_page) - j
            goes_on = nxt and not (nxt[0].bold and HEADING_LINE.match(nxt[0].text))
            if after < least and goes_on:
                faults.append(f"“{ln.text}” with {after} line(s) under it at the foot of page {n}")
    return faults


def split_signatures(pdf: bytes, signers) -> list[str]:
    """A signer's position and name on different pages (the block split)."""
    found = lines(pdf)
    faults = []
    for s in signers:
        if not (s.name.strip() and s.position.strip()):
            continue
        # the name printed bold on its own line (beside Nơi nhận's last entry in a converted file)
        name = [ln.page for ln in found if s.name.strip() in ln.text and (ln.bold or ln.text.strip() == s.name.strip()
                                                                         or ln.text.startswith("- "))]
        pos = [ln.page for ln in found if s.position.upper().strip() in ln.text]
        for p in name:
            if not any(q == p for q in pos):
                faults.append(f"“{s.position}” and “{s.name}” on different pages (name on page {p})")
    return faults


def recipient_entries(pdf: bytes, column: float = 0.45) -> list[list[tuple[float, str]]]:
    """Nơi nhận as printed: each entry ("- …") as its lines (x of the line's
    start, text), read from the left column of the page that holds "Nơi nhận:",
    under it. Runs on one baseline are joined (a converted Word file may cut a
    line into several runs)."""
    found = runs(pdf)
    head = next(r for r in found if r.text.strip().startswith("Nơi nhận"))
    edge = head.x + column * (A4[0] - 50 * MM)
    rows: dict[int, list[Run]] = {}
    for r in found:
        if r.page == head.page and r.y < head.y - 1 and r.x < edge:
            rows.setdefault(round(r.y), []).append(r)
    entries: list[list[tuple[float, str]]] = []
    for _y, rs in sorted(rows.items(), key=lambda kv: -kv[0]):
        rs.sort(key=lambda r: r.x)
        text = unicodedata.normalize("NFC", " ".join(r.text.strip() for r in rs if r.text.strip()))
        text = re.sub(r"\s+", " ", text).strip()
        if text.startswith("-") or not entries:
            entries.append([])
        entries[-1].append((rs[0].x, text))
    return entries


def lonely_totals(pdf: bytes) -> list[str]:
    """A table's total row ("Tổng cộng …") with no row of figures above it on
    its page: alone under the repeated header, or at the top of a page."""
    found = lines(pdf)
    faults = []
    for i, ln in enumerate(found):
        if not ln.text.startswith(("Tổng cộng", "Cộng")):
            continue
        j = i - 1
        while j >= 0 and found[j].page == ln.page and not re.match(r"^(STT|\d+ )", found[j].text):
            j -= 1
        if j < 0 or found[j].page != ln.page or found[j].text.startswith("STT"):
            faults.append(f"“{ln.text}” alone at the top of page {ln.page}")
    return faults


# --- golden references (tests/golden, see tests/test_golden.py) -----------------------------

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_DATES = [re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), re.compile(r"ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4}")]
METRIC_TWINS = ("LiberationSerif", "TimesNewRoman", "Tinos")


def _mask(text: str) -> str:
    for pattern in GOLDEN_DATES:
        text = pattern.sub("‹ngày›", text)
    return text


def _face(font: str) -> str:
    return ("b" if "Bold" in font else "") + ("i" if "Italic" in font else "")


def golden_lines(pdf: bytes) -> list[list]:
    """[page, text, face, size, x, y] for every text run, dates masked."""
    return [[r.page, _mask(r.text.strip()), _face(r.font), round(r.size, 1), round(r.x), round(r.y)]
            for r in runs(pdf) if r.text.strip()]


def golden_difference(name: str, pdf: bytes) -> str | None:
    """How ``pdf`` differs from the reference ``tests/golden/NAME.json`` (None when
    it does not). Positions are compared only with a Times metric twin (the
    references were made with Liberation Serif), else text, face and size. With
    DOITHOAI_GOLDEN_UPDATE=1 the reference is rewritten first, to be reviewed."""
    import difflib
    import json
    import os

    from printing import styles

    got = golden_lines(pdf)
    ref_file = GOLDEN / f"{name}.json"
    if os.environ.get("DOITHOAI_GOLDEN_UPDATE"):
        GOLDEN.mkdir(exist_ok=True)
        ref_file.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
    if not ref_file.is_file():
        return f"no reference {ref_file.name}: run with DOITHOAI_GOLDEN_UPDATE=1 and review it"
    want = json.loads(ref_file.read_text(encoding="utf-8"))
    if not any(t in styles.get().font() for t in METRIC_TWINS):
        got, want = [g[:4] for g in got], [w[:4] for w in want]
    if got == want:
        return None
    diff = "\n".join(difflib.unified_diff([json.dumps(w, ensure_ascii=False) for w in want],
                                          [json.dumps(g, ensure_ascii=False) for g in got],
                                          "reference", "now", lineterm="", n=1))
    return diff[:4000]
