"""Golden references: every kind of document in both families, rendered from
fixed data, compared line by line with a stored reference of its text, face,
size, position and page (dates masked). Any change of layout or wording shows
up here as a diff to review; when the change is wanted, rewrite the references:

    DOITHOAI_GOLDEN_UPDATE=1 python -m pytest tests/test_golden.py

Positions depend on the font's metrics; the references were made with Liberation
Serif (Times New Roman's metric twin, which .ci/run installs). With another font
only the text, faces and sizes are compared."""
import pytest
from printing_support import golden_difference, make_session, render_all

from models.services import documents

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}


@pytest.fixture(scope="module", params=list(FAMILIES))
def rendered(request, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp(request.param), mp, FAMILIES[request.param])
    yield request.param, render_all(office, plan, conf)
    mp.undo()


@pytest.mark.parametrize("slug", list(documents.kinds()))
def test_golden_reference(rendered, slug):
    family, docs = rendered
    difference = golden_difference(f"{slug}-{family}", docs[slug])
    if difference:
        pytest.fail(f"{slug} ({family}) differs from its reference:\n{difference}")
