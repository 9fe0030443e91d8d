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
from printing_support import make_session, runs, sample_contents

from models.documents import Content, Letterhead, Signer
from printing import markup, styles
from printing.render import pdf

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
SIZES = ("tiny", "typical", "huge")


@pytest.fixture(scope="module", params=list(FAMILIES))
def contents(request, tmp_path_factory):
    """The typical content of every numbered kind, composed from a recorded sample session."""
    mp = pytest.MonkeyPatch()
    office, plan, conf = make_session(tmp_path_factory.mktemp(request.param), mp, FAMILIES[request.param])
    yield sample_contents(office, plan, conf, numbered_only=True)
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
@pytest.mark.parametrize("slug", ["ke-hoach", "thong-bao", "giay-moi", "bien-ban", "ket-luan", "tra-loi",
                                  "don-doc", "bao-cao"])
def test_page_rules(contents, slug, size):
    content = sized(contents[slug], size)
    data = pdf(content)
    page = styles.get().page
    found = runs(data)
    pages = max(r.page for r in found)
    sig = _signature_texts(content)
    headings = [markup.plain(b.text) for b in markup.blocks(content.body)
                if b.kind == "roman" or (b.kind == "numbered" and b.is_heading)]
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
        if n < pages and on_page:
            last = min(on_page, key=lambda r: r.y)
            assert not any(h and last.text.strip() and h.startswith(last.text.strip()) for h in headings), \
                f"heading “{last.text.strip()}” is the last line of page {n} of {slug} ({size})"


# --- any text, any length --------------------------------------------------------------

LH = Letterhead("state", "UBND TỈNH HÀ TĨNH", ("ỦY BAN NHÂN DÂN", "XÃ KỲ KHANG"), "Kỳ Khang",
                "Ủy ban nhân dân xã Kỳ Khang")
TEXT = st_.text(st_.characters(blacklist_categories=("Cs",)), max_size=20000)
LINE = st_.text(st_.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


NUMBER_KINDS = {"ke-hoach": "KH", "thong-bao": "TB", "giay-moi": "GM", "bien-ban": "BB", "ket-luan": "TB",
                "tra-loi": "CV", "don-doc": "CV", "bao-cao": "BC", "loa": "", "diem-danh": "",
                "phieu-y-kien": "", "phieu-khao-sat": ""}


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
