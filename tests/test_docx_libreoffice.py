"""Word files as LibreOffice lays them out (issue 22, item 10): every kind in
both families, and a few pushed down so their signature block or a heading
falls at a page foot, written as .docx, converted to PDF by LibreOffice in one
call, and the converted PDF checked by the page rules ours pass: no signature
block split across pages, no heading left at a page foot with fewer than two
lines of its text, no table's total row alone under its repeated header, and
Nơi nhận's entries broken as in our PDF (no name split, "- " hanging). Skipped when ``soffice`` is not installed, except in CI
(CI=true), where .ci/run installs it."""
import dataclasses
import os
import shutil
import subprocess

import pytest
from printing_support import (
    lines,
    lonely_totals,
    make_session,
    recipient_entries,
    sample_contents,
    split_signatures,
    stranded_headings,
)

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
# (kind, lines put before the body): where LibreOffice split the minutes' signatures
# and left the report's and the notice's headings at a page foot before "keep with next";
# the report's total row fell alone under the repeated header (at +0 and +5)
PUSHED = [("bien-ban", 3), ("bien-ban", 6), ("bao-cao", 5), ("bao-cao", 15), ("thong-bao", 12)]
# Nơi nhận entries that wrap in the left column (test_recipient_breaks has the same)
LONG_RECIPIENTS = ("Ban Công tác Mặt trận, Trưởng thôn Hòa Bình Tây", "Chủ tịch Ủy ban MTTQ Việt Nam xã Kỳ Khang",
                   "Ông Nguyễn Văn Thượng, Trưởng thôn Đông Hải", "Lưu: VT.")


def _soffice() -> str:
    found = shutil.which("soffice")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice is missing: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """name → (converted PDF bytes, content), for every file, converted at once."""
    from models.services import documents
    from printing.docx import docx

    soffice = _soffice()
    out = tmp_path_factory.mktemp("lo")
    contents = {}
    for family, kind in FAMILIES.items():
        mp = pytest.MonkeyPatch()
        office, plan, conf = make_session(out / family, mp, kind)
        found = sample_contents(office, plan, conf, numbered_only=True)   # working papers are PDF only
        found["plan"] = documents.compose_content(office, "ke-hoach", plan.id)
        for slug, content in found.items():
            contents[f"{slug}-{family}"] = content
        for slug, k in PUSHED:
            c = found[slug]
            contents[f"{slug}+{k}-{family}"] = dataclasses.replace(
                c, body="\n".join(["Nội dung thêm vào để đẩy văn bản xuống."] * k + [c.body]))
        contents[f"recipients-{family}"] = dataclasses.replace(found["thong-bao"], recipients=LONG_RECIPIENTS)
        mp.undo()
    docs = out / "docx"
    docs.mkdir()
    for name, content in contents.items():
        (docs / f"{name}.docx").write_bytes(docx(content))
    pdfs = out / "pdf"
    # a private profile: no clash with another soffice, no first-start dialogs kept around
    subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pdfs), *sorted(str(p) for p in docs.iterdir())],
                   check=True, capture_output=True, timeout=900)
    return {name: ((pdfs / f"{name}.pdf").read_bytes(), content) for name, content in contents.items()}


def test_every_kind_converted(converted):
    from models.services.kinds import numbered_kinds

    assert len(converted) == 2 * (len(numbered_kinds()) + 1 + len(PUSHED) + 1)


def _only_signature(data: bytes, content) -> list[str]:
    """The last page holds nothing but the signature block and Nơi nhận (or
    Nơi nhận alone: the minutes' list went over without the signatures)."""
    found = lines(data)
    sig = {"Nơi nhận:", "Lưu: VT."} | {t.upper() for s in content.signers for t in (s.authority, s.position) if t} \
        | {s.name for s in content.signers if s.name} | {r.strip() for r in content.recipients}
    last = max(ln.page for ln in found)
    rest = [ln for ln in found if ln.page == last and not ln.text.startswith("- ")
            and not any(part.strip() in sig for part in ln.text.replace("  ", "|").split("|"))
            and not all(w in " ".join(sig) for w in ln.text.split())]
    return [] if rest or last == 1 or content.kind == "giay-moi" or not content.number_kind else \
        [f"page {last} holds only the signature block or Nơi nhận"]


def test_converted_word_files_keep_the_page_rules(converted):
    faults = []
    for name, (data, content) in sorted(converted.items()):
        faults += [f"{name}: {f}" for f in split_signatures(data, content.signers) + stranded_headings(data)
                   + _only_signature(data, content) + lonely_totals(data)]
    assert not faults, "\n".join(faults)


def test_converted_recipients_hang_and_keep_names_whole(converted):
    """LibreOffice keeps the line breaks of Nơi nhận the PDF chose, and hangs
    the lines under the text after "- "."""
    for family in ("state", "party"):
        data, _content = converted[f"recipients-{family}"]
        entries = recipient_entries(data)
        texts = [" / ".join(t for _x, t in e) for e in entries]
        assert "- Ban Công tác Mặt trận, / Trưởng thôn Hòa Bình Tây;" in texts, texts
        assert "- Ông Nguyễn Văn Thượng, / Trưởng thôn Đông Hải;" in texts, texts
        for e in entries:
            for x, _t in e[1:]:
                assert x > e[0][0] + 3, f"no hanging indent under “- ”: {e}"
