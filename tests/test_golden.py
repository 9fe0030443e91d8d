"""Golden references: every kind of document in both families, rendered from
fixed data, compared line by line with a stored reference of its text, face,
size, position and page (dates masked). Any change of layout or wording shows
up here as a diff to review; when the change is wanted, rewrite the references:

    DOITHOAI_GOLDEN_UPDATE=1 python -m pytest tests/test_golden.py

Positions depend on the font's metrics; the references were made with Liberation
Serif (Times New Roman's metric twin, which .ci/run installs). With another font
only the text, faces and sizes are compared."""
import json
import os
import re
from pathlib import Path

import pytest
from printing_support import make_session, render_all, runs

from models.services import documents
from printing import styles

REFS = Path(__file__).parent / "golden"
FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
DATES = [re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), re.compile(r"ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4}")]
METRIC_TWINS = ("LiberationSerif", "TimesNewRoman", "Tinos")


def _mask(text: str) -> str:
    for pattern in DATES:
        text = pattern.sub("‹ngày›", text)
    return text


def _face(font: str) -> str:
    bold, italic = "Bold" in font, "Italic" in font
    return ("b" if bold else "") + ("i" if italic else "")


def lines_of(pdf: bytes) -> list[list]:
    """[page, text, face, size, x, y] for every text run, dates masked."""
    return [[r.page, _mask(r.text.strip()), _face(r.font), round(r.size, 1), round(r.x), round(r.y)]
            for r in runs(pdf) if r.text.strip()]


@pytest.fixture(scope="module", params=list(FAMILIES))
def rendered(request, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp(request.param), mp, FAMILIES[request.param])
    yield request.param, render_all(office, plan, conf)
    mp.undo()


@pytest.mark.parametrize("slug", list(documents.kinds()))
def test_golden_reference(rendered, slug):
    family, docs = rendered
    got = lines_of(docs[slug])
    ref_file = REFS / f"{slug}-{family}.json"
    if os.environ.get("DOITHOAI_GOLDEN_UPDATE"):
        REFS.mkdir(exist_ok=True)
        ref_file.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
    assert ref_file.is_file(), f"no reference {ref_file.name}: run with DOITHOAI_GOLDEN_UPDATE=1 and review it"
    want = json.loads(ref_file.read_text(encoding="utf-8"))
    exact = any(t in styles.get().font() for t in METRIC_TWINS)
    if not exact:
        got, want = [g[:4] for g in got], [w[:4] for w in want]
    if got != want:
        import difflib

        diff = "\n".join(difflib.unified_diff([json.dumps(w, ensure_ascii=False) for w in want],
                                              [json.dumps(g, ensure_ascii=False) for g in got],
                                              "reference", "now", lineterm="", n=1))
        pytest.fail(f"{slug} ({family}) differs from its reference:\n{diff[:4000]}")
