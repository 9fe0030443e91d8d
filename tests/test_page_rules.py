"""Page rules for every numbered kind in both families, at three sizes: no page
holds only the signature block and Nơi nhận, no heading is the last line of a
page, all text inside the Decree 30 margins, body text 13-14 pt; and any text of
any length, in any field, still gives a valid PDF (hypothesis)."""
import dataclasses
import datetime as dt
import io

import pypdf
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st_
from printing_support import (
    MM,
    golden_difference,
    lines,
    lonely_totals,
    make_session,
    runs,
    sample_contents,
    split_signatures,
    stranded_headings,
)

from models.domain.document_text import Content, Letterhead, Signer
from models.services.kinds import kinds, numbered_kinds
from printing import styles
from printing.render import pdf

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
SIZES = ("tiny", "typical", "huge")


@pytest.fixture(scope="module", params=list(FAMILIES))
def contents(request, tmp_path_factory):
    """The typical content of every numbered kind, composed from a recorded sample session."""
    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp(request.param), mp, FAMILIES[request.param])
    from models.services import documents

    out = sample_contents(office, plan, conf, numbered_only=True)
    out["plan"] = documents.compose_content(office, "ke-hoach", plan.id)   # the imported plan, headings and all
    yield out
    mp.undo()


def sized(content: Content, size: str) -> Content:
    lines = [ln for ln in content.body.splitlines() if ln.strip()]
    if size == "tiny":
        return dataclasses.replace(content, body="\n".join(lines[-1:]), legal_bases="")
    if size == "huge":
        return dataclasses.replace(content, body="\n".join(lines[:-1] * 6 + lines[-1:]))
    return content


def _signature_texts(content: Content) -> set[str]:
    out = {"Nơi nhận:"}
    for s in content.signers:
        out |= {s.authority.upper(), s.position.upper(), s.name}
    for r in content.recipients:
        out.add(r.strip())
    return {t for t in out if t}


def _is_signature(text: str, sig: set[str]) -> bool:
    t = text.strip()
    return t.startswith("- ") or any(t and (t in s or s in t) for s in sig)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("slug", [k.slug for k in numbered_kinds()] + ["plan"])
def test_page_rules(contents, slug, size):
    content = sized(contents[slug], size)
    data = pdf(content)
    page = styles.get().page
    found = runs(data)
    pages = max(r.page for r in found)
    sig = _signature_texts(content)
    body_sizes = set()
    for r in found:
        if r.y > page.height - page.top:                 # the page number, in the top margin
            assert r.text.strip().isdigit(), r
            continue
        assert page.left - 0.5 <= r.x <= page.width - page.right, r
        assert r.y >= page.bottom - 1, r
        if r.size >= 12.5:
            body_sizes.add(round(r.size))
    assert body_sizes and max(body_sizes) <= 14 and 14 in body_sizes | {13}
    name = content.signers[-1].name
    for n in range(1, pages + 1):
        on_page = [r for r in found if r.page == n and r.y <= page.height - page.top]
        if any(r.text.strip() == name for r in on_page) and content.kind != "giay-moi":
            others = [r for r in on_page if not _is_signature(r.text, sig)]
            assert others, f"page {n} of {slug} ({size}) holds only the signature block"
    assert not stranded_headings(data), f"{slug} ({size}): {stranded_headings(data)}"
    assert not split_signatures(data, content.signers), f"{slug} ({size}): {split_signatures(data, content.signers)}"
    assert not lonely_totals(data), f"{slug} ({size}): {lonely_totals(data)}"


def _pushed_down(content: Content, k: int) -> Content:
    """``content`` with ``k`` one-line paragraphs before its body: every place a
    page can end, tried in turn."""
    return dataclasses.replace(content, body="\n".join(["Nội dung thêm vào để đẩy văn bản xuống."] * k
                                                       + [content.body]))


@pytest.mark.parametrize("slug", ["plan"])
def test_no_heading_at_a_page_foot_wherever_the_page_ends(contents, slug):
    """Issue 22 item 4: a numbered heading keeps with at least two lines of its
    text (the Party plan had "2. Chủ thể đối thoại" over one line at a page foot:
    ReportLab kept a heading with the next flowable only, a one-line bullet)."""
    faults = []
    for k in range(20, 28):
        data = pdf(_pushed_down(contents[slug], k))
        faults += [f"+{k}: {f}" for f in stranded_headings(data) + split_signatures(data, contents[slug].signers)]
    assert not faults, faults


@pytest.mark.parametrize("slug,first", [("thong-bao", 0), ("tra-loi", 12)])
def test_only_the_last_lines_go_over_with_the_signature(contents, slug, first):
    """Issue 22 item 6: when the signature does not fit, the last two lines of the
    body go over with it, not the last item and the whole closing (75-83 mm of
    page 1 were left blank). The blank at the foot of page 1 stays under the
    height of the signature block (Nơi nhận beside it) and two lines."""
    from printing import layout

    st, content = styles.get(), contents[slug]
    block = layout.signature_block(st, content.letterhead, content.signers[-1], list(content.recipients))
    most = (sum(f.wrap(st.page.text_width, 1e9)[1] for f in block) + 2 * st["body"].leading
            + st["body"].spaceAfter) / MM
    gaps = []
    for k in range(first, first + 14, 2):
        found = lines(pdf(_pushed_down(content, k)))
        if max(ln.page for ln in found) > 1:
            gaps.append(round((min(ln.y for ln in found if ln.page == 1) - st.page.bottom) / MM))
    assert gaps and max(gaps) < most, (gaps, round(most))


# --- the conclusion notice at any number of petitions -----------------------------------

LONG = ("Đề nghị xem xét nâng cấp tuyến đường liên thôn Đông Hải, mùa mưa ngập sâu, học sinh đi lại khó khăn, "
        * 40)[:3000]


@pytest.fixture(scope="module", params=[(f, n, long) for f in FAMILIES
                                        for n, long in ((1, False), (19, False), (129, False), (19, True))],
                ids=lambda p: f"{p[0]}-{p[1]}{'-long' if p[2] else ''}")
def conclusion(request, tmp_path_factory):
    """The conclusion notice of a conference with 1, 19 or 129 petitions, or 19
    with one of 3,000 characters, in either family: (name, content, PDF)."""
    from models import Petition
    from models.services import documents

    family, count, long = request.param
    mp = pytest.MonkeyPatch()
    office, _plan, conf = make_session(tmp_path_factory.mktemp("kl"), mp, FAMILIES[family], petitions=count)
    if long:
        p = (Petition.select().where(Petition.disposition.in_(("in_writing", "forwarded")))
             .order_by(Petition.id).first())
        p.content = LONG
        p.save()
    content = documents.draft(office, "ket-luan", conf.id).content
    yield f"ket-luan-{count}{'-long' if long else ''}-{family}", content, pdf(content)
    mp.undo()


def test_conclusion_matches_its_golden_reference(conclusion):
    """Issue 22 item 4: the conclusion notice at 1, 19 and 129 rows and with a
    3,000-character petition, in both families, line by line as reviewed
    (tests/golden/ket-luan-N-FAMILY.json; DOITHOAI_GOLDEN_UPDATE=1 rewrites them)."""
    name, _content, data = conclusion
    difference = golden_difference(name, data)
    assert not difference, f"{name} differs from its reference:\n{difference}"


def test_conclusion_table_flows_from_page_one(conclusion):
    """Issue 22 items 1-2: the table of petitions starts on page 1 under its lead
    line and flows; its header repeats on each page and never ends a page; no
    date, number or "STT" is broken; only the last lines go with the signature."""
    import re

    _name, content, data = conclusion
    found = lines(data)
    pages = max(ln.page for ln in found)
    assert not stranded_headings(data) and not split_signatures(data, content.signers)
    table_rows = [ln for ln in found if re.match(r"^\d+ ", ln.text)]
    if "| STT |" not in content.body:
        return
    assert table_rows and table_rows[0].page == 1, "the table does not start on page 1"
    if pages > 1:
        low = min(ln.y for ln in found if ln.page == 1)
        assert (low - styles.get().page.bottom) / MM < 30, f"page 1 ends {(low - 40) / MM:.0f} mm above its foot"
    for n in range(1, pages + 1):
        on_page = [ln for ln in found if ln.page == n]
        assert not on_page[-1].text.startswith("STT"), f"the table header ends page {n}"
        if n > 1 and any(r.page == n for r in table_rows):
            assert on_page[0].text.startswith("STT"), f"page {n} holds rows without the header"
    sig = _signature_texts(content)
    last = [r for r in runs(data) if r.page == pages and r.y <= styles.get().page.height - styles.get().page.top]
    assert [r for r in last if not _is_signature(r.text, sig)], f"page {pages} holds only the signature block"
    for ln in found:
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{1,3}$", ln.text), f"a date broken: {ln.text}"
        assert not re.match(r"^ST\b", ln.text) and ln.text != "T", f"“STT” broken: {ln.text}"


def test_long_petition_leaves_the_other_columns_their_width():
    """Issue 22 item 2: a 3,000-character petition takes the rest of the width;
    STT, the unit and the date keep what they need."""
    from printing import layout, markup

    st = styles.get()
    rows = ["| STT | Nội dung kiến nghị | Đơn vị thực hiện | Thời hạn |",
            f"| 1 | {LONG} | Văn hóa - Xã hội | 15/12/2026 |",
            "| 2 | Đường liên thôn bị xuống cấp. | Địa chính - Xây dựng | 15/12/2026 |"]
    widths = markup._widths(st, markup.table_cells(rows))
    need = lambda text, style="table": layout.text_width(st, text, style) + 6
    assert abs(sum(widths) - st.page.text_width) < 1
    assert widths[0] >= need("STT", "table_head") and widths[3] >= need("15/12/2026")
    assert widths[2] >= need("Văn hóa - Xã hội") * 0.55 and widths[2] >= need("Xây dựng")
    assert widths[1] > 0.4 * st.page.text_width


# --- any text, any length --------------------------------------------------------------

LH = Letterhead("state", "UBND TỈNH HÀ TĨNH", ("ỦY BAN NHÂN DÂN", "XÃ KỲ KHANG"), "Kỳ Khang",
                "Ủy ban nhân dân xã Kỳ Khang")
TEXT = st_.text(st_.characters(blacklist_categories=("Cs",)), max_size=20000)
LINE = st_.text(st_.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


NUMBER_KINDS = {k.slug: k.number_kind for k in kinds().values()}     # the registry's: every kind


def _facts(text: str, line: str) -> dict:
    from models.services.compose import ConferenceFacts

    return ConferenceFacts(1, dt.date(2026, 11, 15), "08:00", "", line, line, (line, text[:500]), line,
                           ((line, line), ("Thôn " + line[:50], "")), (text[:2000],), (line,), line, line,
                           line).to_dict()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(kind="ket-luan", body="| STT | Nội dung |\n| 1 | " + "Đề nghị xem xét " * 1250 + " |", subject="x" * 300,
         addressee="", recipient="r" * 300, name="Nguyễn Văn A", parent="UBND TỈNH " * 300, party=False)
@example(kind="diem-danh", body="đ" * 20000, subject="Thôn " * 60, addressee="", recipient="", name="",
         parent="", party=True)
@given(kind=st_.sampled_from(list(NUMBER_KINDS)), body=TEXT, subject=LINE, addressee=LINE, recipient=LINE,
       name=LINE, parent=st_.text(max_size=3000), party=st_.booleans())
def test_any_text_in_any_field_gives_a_valid_pdf(kind, body, subject, addressee, recipient, name, parent, party):
    lh = dataclasses.replace(LH, parent_body=parent, family="party" if party else "state")
    signers = ((Signer("", "THƯ KÝ", name), Signer("", "CHỦ TRÌ", name)) if kind == "bien-ban"
               else (Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name),))
    extras = {"conference": _facts(body, subject), "schedule": [["2026-11-10", "sáng", name]],
              "invitees": [{"name": name or "x", "position": subject, "is_group": False}],
              "chart": {"title": subject, "labels": [name, subject], "series": [["Tổng số", [1, 2]]],
                        "after": ""}}
    content = Content(kind, lh, NUMBER_KINDS[kind], subject=subject, title="THÔNG BÁO",
                      body=body + "\n{người được mời}\n" + body[:100], addressees=(addressee,),
                      recipients=(recipient, "Lưu: VT."), signers=signers, year=2026,
                      symbol="05/TB-UBND" if NUMBER_KINDS[kind] else None, date=dt.date(2026, 1, 5),
                      extras=extras)
    data = pdf(content)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1 and data.startswith(b"%PDF")
