"""Plans as offices really send them (issue 22, items 13–16): a header table whose
number is still blank, Notepad's "Unicode" (UTF-16) text, text copied out of a PDF
(wrapped at any width, with page breaks inside sentences), broken Word files, a
plan without a signer, and lower-case "nhân dân". Built from the real seeds."""
import re
import zipfile

import pytest
from printing_support import SEEDS, hard_wrapped

import models
from models.core.errors import ValidationError
from models.domain.plan import Plan
from models.services import catalog, plan_import

XA_2024 = SEEDS / "plan-ubnd-xa-2024.txt"
PARTS = ("legal_bases", "preamble", "body", "closing", "recipients", "title")


@pytest.fixture
def office(tmp_path, monkeypatch):
    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Hồ Xuân Trính")


def seed_lines(seed) -> list[str]:
    return [ln.strip().strip("*") for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]


def parts(res) -> dict[str, str]:
    return {k: getattr(res, k) if isinstance(getattr(res, k), str) else "\n".join(getattr(res, k))
            for k in PARTS}


def plan_text(plan) -> str:
    return "\n".join([plan.title, plan.legal_bases, plan.preamble, plan.body, plan.closing, plan.recipients])


def word_plan(seed, target, *, issuer: list[str], motto: list[str], number: str) -> None:
    """The seed in Word: a header table (issuer over the number, motto over the
    place and date) as offices lay it out, then the plan's paragraphs."""
    import docx

    lines = seed_lines(seed)
    start = lines.index("KẾ HOẠCH")
    date = next(ln for ln in lines[:start] if ", ngày" in ln)
    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "\n".join(issuer)
    head.cell(0, 1).text = "\n".join(motto)
    head.cell(1, 0).text = number
    head.cell(1, 1).text = date
    for ln in lines[start:]:
        d.add_paragraph(ln)
    d.save(target)


# --- 13: the header table is the header -----------------------------------------------

STATE = (["UBND HUYỆN KỲ ANH", "ỦY BAN NHÂN DÂN XÃ KỲ KHANG"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
PARTY = (["ĐẢNG BỘ HUYỆN KỲ ANH", "ĐẢNG ỦY XÃ KỲ KHANG", "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"])


@pytest.mark.parametrize(("family", "number", "tail"), [
    (STATE, "Số:\t/KH-UBND", "/KH-UBND"),
    (STATE, "Số:            /KH-UBND", "/KH-UBND"),
    (STATE, "Số: ……/KH-UBND", "/KH-UBND"),
    (STATE, "Số: ......../KH-UBND", "/KH-UBND"),
    (STATE, "Số:\n/KH-UBND", "/KH-UBND"),
    (PARTY, "Số\t-KH/ĐU", "-KH/ĐU"),
    (PARTY, "Số       -KH/ĐU", "-KH/ĐU"),
], ids=["tab", "spaces", "ellipsis", "dots", "two-lines", "party-tab", "party-spaces"])
def test_blank_number_line_stays_in_the_header(office, tmp_path, family, number, tail):
    word_plan(XA_2024, tmp_path / "p.docx", issuer=family[0], motto=family[1], number=number)
    res = plan_import.import_plan(office, tmp_path / "p.docx")
    assert (res.number, res.symbol_tail) == ("", tail)
    assert res.plan.body.splitlines()[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert tail not in plan_text(res.plan) and "Số" not in res.plan.body.splitlines()[0]
    assert (res.place, res.month, res.year) == ("Kỳ Khang", 1, 2024)


def test_unknown_header_cell_line_is_dropped_with_a_note(office, tmp_path):
    word_plan(XA_2024, tmp_path / "p.docx", issuer=STATE[0], motto=STATE[1], number="Số: /KH-UBND\nDỰ THẢO")
    res = plan_import.import_plan(office, tmp_path / "p.docx")
    assert "DỰ THẢO" not in plan_text(res.plan)
    assert any("DỰ THẢO" in n for n in res.notes)


def test_blank_number_in_a_text_file_laid_out_with_a_tab(office, tmp_path):
    text = XA_2024.read_text(encoding="utf-8").replace("Số: /KH-UBND", "Số:\t\t/KH-UBND")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    res = plan_import.import_plan(office, tmp_path / "p.txt")
    assert (res.number, res.symbol_tail) == ("", "/KH-UBND")
    assert res.plan.body.splitlines()[0] == "I. MỤC ĐÍCH, YÊU CẦU"


# --- 14: UTF-16 read as text; a doubtful decoding refused ------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read(office, tmp_path, encoding):
    """Notepad's "Unicode" is UTF-16 LE with a BOM; without the BOM the NUL
    bytes in every other place give it away."""
    source = XA_2024.read_text(encoding="utf-8")
    (tmp_path / "u.txt").write_bytes(source.encode(encoding))
    got = plan_import.import_plan(office, tmp_path / "u.txt")
    want = plan_import.parse(source.splitlines())
    assert got.plan.title == "Tổ chức đối thoại giữa chính quyền với nhân dân năm 2024"
    assert parts(got) == parts(want)


def test_windows_1258_text_is_still_read(office, tmp_path):
    """Windows' Vietnamese code page writes a vowel's shape as one byte and its
    tone as a combining mark: read, and normalised to NFC on the way in."""
    import unicodedata

    source = XA_2024.read_text(encoding="utf-8")
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in source:
        parts = unicodedata.normalize("NFD", ch)
        shape = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(shape + "".join(c for c in parts if c in tones))
    (tmp_path / "w.txt").write_bytes("".join(out).encode("cp1258"))
    got = plan_import.import_plan(office, tmp_path / "w.txt")
    assert got.plan.title == "Tổ chức đối thoại giữa chính quyền với nhân dân năm 2024"
    assert got.plan.body == unicodedata.normalize("NFC", got.plan.body)
    assert "Thông qua đối thoại giúp chính quyền hiểu rõ tâm tư" in got.plan.body


@pytest.mark.parametrize("garble", ["utf8-read-as-latin1", "binary", "utf-16-odd-bytes"])
def test_doubtful_text_is_refused_not_imported(office, tmp_path, garble):
    source = XA_2024.read_text(encoding="utf-8")
    data = {"utf8-read-as-latin1": source.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
            "binary": bytes(range(256)) * 40,
            "utf-16-odd-bytes": source.encode("utf-16")[:-1] + b"\xd8"}[garble]
    (tmp_path / "g.txt").write_bytes(data)
    with pytest.raises(ValidationError) as err:
        plan_import.import_plan(office, tmp_path / "g.txt")
    assert "g.txt" in str(err.value) and "UTF-8" in str(err.value)
    assert not re.search(r"[A-Za-z]+Error|codec|decode", str(err.value))
    assert Plan.select().count() == 0


def test_symbol_bullets_are_not_doubtful(office, tmp_path):
    """Bullets pasted from Word as symbols ("●", "➢", the private-use ""), a
    few foreign letters in a name: still text, imported."""
    source = XA_2024.read_text(encoding="utf-8")
    marks = iter(["●", "➢", "\uf0b7", "▪"] * 100)
    text = re.sub(r"(?m)^- ", lambda m: next(marks) + " ", source).replace("Kỳ Khang", "Kỳ Khang (Müller, Straße)")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    res = plan_import.import_plan(office, tmp_path / "b.txt")
    assert res.plan.title == "Tổ chức đối thoại giữa chính quyền với nhân dân năm 2024"
    assert "➢" in res.plan.body


# --- 15: joined by the sentence, not by the line ----------------------------------------

def paragraphs(res, part: str) -> list[str]:
    value = getattr(res, part)
    return [value] if part == "title" else value if isinstance(value, list) else value.splitlines()


def reads_as(got: list[str], want: list[str]) -> bool:
    """``got`` holds the paragraphs of ``want``, in order, none cut; two of them
    may be one where the source itself broke a line inside a sentence."""
    i = 0
    for g in got:
        if i >= len(want):
            return False
        acc, k = want[i], i + 1
        while acc != g and k < len(want) and g.startswith(acc + " ") and not re.search(r"[.;:!?]$", want[k - 1]):
            acc, k = acc + " " + want[k], k + 1
        if acc != g:
            return False
        i = k
    return i == len(want)


def cut_start(para: str) -> bool:
    """Begins as only the rest of a sentence does: lower case, "- xã hội", "6 HĐND"."""
    dash = re.match(r"[-–]\s+(\S)", para)
    return para[:1].islower() or bool(dash and dash.group(1).islower()) or bool(re.match(r"\d+\s", para))


#: the copies that cannot read as their source: a bulleted item's line ends
#: with "." exactly where the wrap had to break, and the source's next paragraph
#: is an unmarked sentence ("- Cấp ủy, ban chỉ huy các thôn có liên quan." /
#: "Mời người đứng đầu cấp ủy…"; "…bức xúc." / "Chủ động phối hợp…"). An item
#: may hold several sentences ("- … cần giải quyết. Tập trung …", the same seed),
#: so nothing in the text tells the two apart; the sentence is joined to the item
#: it follows (nothing lost, read in order). Ending the item there instead
#: matched 183 of 225 copies.
UNKNOWABLE = {("plan-ubnd-xa-2024", w) for w in (46, 47, 48, 49, 67, 68, 84, 111, 112)}


def test_wrapped_at_any_width_reads_as_the_source():
    """Each seed copied out of a PDF at every width from 46 to 120 columns. None
    may show what the issue saw: a paragraph cut after ";" before a lower-case
    line, a wrapped "- xã hội" or "6 HĐND" made an item of its own. Every copy
    reads exactly as its source but the UNKNOWABLE ones. Copies that match (run
    with -s to see it): 42 of 225 on 3d813c4, 208 on 8cd9fd3, 216 now."""
    exact, cut, differ, cases = 0, [], [], 0
    for seed in sorted(SEEDS.glob("*.txt")):
        source = seed.read_text(encoding="utf-8")
        lines = {ln.strip() for ln in source.splitlines()}
        want = plan_import.parse(source.splitlines())
        for width in range(46, 121):
            cases += 1
            got = plan_import.parse(hard_wrapped(source, width).splitlines())
            parts_ = [p for p in PARTS if p != "recipients"]
            same = all(reads_as(paragraphs(got, p), paragraphs(want, p)) for p in parts_)
            exact += same
            if not same:
                differ.append((seed.stem, width))
            cut += [(seed.stem, width, para[:60]) for p in parts_ for para in paragraphs(got, p)
                    if para not in lines and cut_start(para)]
    print(f"\nhard-wrapped seeds that read as their source: {exact} of {cases}")
    assert cut == []
    assert set(differ) <= UNKNOWABLE, sorted(set(differ) - UNKNOWABLE)
    assert exact == cases - len(differ) >= cases - len(UNKNOWABLE), (exact, cases)


#: items long enough that their wrapped lines show the width a copy was wrapped at
FILLER = ["- Thông qua đối thoại giúp chính quyền hiểu rõ tâm tư, nguyện vọng chính đáng của Nhân dân để có "
          "những chủ trương, chính sách phù hợp với thực tế địa phương."] * 3


def _wrapped_copy(items: list[str], width: int, tail: str = "") -> plan_import.ImportResult:
    text = "\n".join(["KẾ HOẠCH", "Đối thoại năm 2022", "I. NỘI DUNG", *FILLER, *items]) + "\n" + tail
    return plan_import.parse(hard_wrapped(text, width).splitlines())


def test_wrapped_item_rules_of_the_seeds():
    """The three ways the seeds' wrapped copies read differently (all fail on
    8cd9fd3): an en dash between two abbreviations put first by the wrap
    ("… KTXH" / "– QPAN …") inside an item marked "-"; a ":" at the end of a full
    line inside an item, before the rest of its sentence ("…các lĩnh vực:" /
    "Đất đai, …"); an editor's trace the wrap cut before its time, which left the
    signer's name unread."""
    items = ["- Chủ tịch UBND phường báo cáo tóm tắt tình hình KTXH – QPAN trên địa bàn phường để Nhân dân "
             "được biết.", "- Công dân có ý kiến."]
    assert _wrapped_copy(items, 54).body.splitlines()[-2:] == items
    items = ["- Những tâm tư, tình cảm, nguyện vọng, ý kiến, kiến nghị của nhân dân; vấn đề bức xúc, nổi cộm "
             "được đông đảo nhân dân kiến nghị, yêu cầu cần giải quyết. Tập trung chủ yếu các lĩnh vực: Đất đai, "
             "vệ sinh, an toàn thực phẩm.", "- Hai."]
    assert _wrapped_copy(items, 61).body.splitlines()[-2:] == items
    trace = _wrapped_copy(["- Một."], 46, "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Thị Nhật Diệu\n"
                                         "haitt5-08/06/2022 10:33:27-haitt5-haitt5-haitt5\n")
    assert trace.signer_name == "Lê Thị Nhật Diệu" and "CHỦ TỊCH" not in trace.body
    assert any("haitt5-08/06/2022 10:33:27" in n for n in trace.notes)


def test_page_breaks_inside_sentences(office, tmp_path):
    """What a page break leaves in copied text: blank lines and the page number,
    often in the middle of a sentence (the next page going on in lower or upper case)."""
    source = XA_2024.read_text(encoding="utf-8")
    lines = hard_wrapped(source, 80).splitlines()
    out, page, breaks = [], 1, []
    for i, ln in enumerate(lines):
        out.append(ln)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if len(out) >= 40 * page and not re.search(r"[.;:]$", ln) and nxt[:1].isalpha():
            page += 1
            breaks.append((ln, nxt))
            out += ["", "", str(page), "", ""]
    assert len(breaks) >= 2 and any(b[:1].isupper() for _a, b in breaks) \
        and any(b[:1].islower() for _a, b in breaks)
    (tmp_path / "pdf.txt").write_text("\n".join(out), encoding="utf-8")
    res = plan_import.import_plan(office, tmp_path / "pdf.txt")
    assert parts(res) == parts(plan_import.parse(source.splitlines()))
    assert any("số trang" in n for n in res.notes)


# --- 16: broken Word files, no signer, "nhân dân" -----------------------------------------

def _truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _no_document_part(path):
    with zipfile.ZipFile(path) as z:
        kept = {n: z.read(n) for n in z.namelist() if n != "word/document.xml"}
    with zipfile.ZipFile(path, "w") as z:
        for n, b in kept.items():
            z.writestr(n, b)


def _bad_xml(path):
    with zipfile.ZipFile(path) as z:
        kept = {n: z.read(n) for n in z.namelist()}
    kept["word/document.xml"] = kept["word/document.xml"][:300]
    with zipfile.ZipFile(path, "w") as z:
        for n, b in kept.items():
            z.writestr(n, b)


@pytest.mark.parametrize("breakage", ["not-a-zip", "truncated", "no-document", "bad-xml", "doc-renamed"])
def test_broken_word_file_gets_a_vietnamese_message(office, tmp_path, breakage):
    path = tmp_path / "kế hoạch.docx"
    word_plan(XA_2024, path, issuer=STATE[0], motto=STATE[1], number="Số: /KH-UBND")
    if breakage == "not-a-zip":
        path.write_text("Kế hoạch", encoding="utf-8")
    elif breakage == "doc-renamed":            # an old .doc (OLE2) saved under a .docx name
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    else:
        {"truncated": _truncated, "no-document": _no_document_part, "bad-xml": _bad_xml}[breakage](path)
    with pytest.raises(ValidationError) as err:
        plan_import.import_plan(office, path)
    message = str(err.value)
    assert "kế hoạch.docx" in message and "Word" in message
    # nothing of the library's own words: no English, no path inside the package
    assert not re.search(r"\b(Package|not found|File|zip|xml|Error|line \d+|column)\b", message, re.I), message
    assert Plan.select().count() == 0


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_plan_without_signer_takes_the_offices(office, tmp_path, fmt):
    """The 2025 seed ends at Nơi nhận: no signer block."""
    seed = SEEDS / "plan-ubnd-xa-2025.txt"
    path = seed
    if fmt == "docx":
        import docx

        d = docx.Document()
        for ln in seed_lines(seed):
            d.add_paragraph(ln)
        path = tmp_path / "p.docx"
        d.save(path)
    res = plan_import.import_plan(office, path)
    p = res.plan
    assert (p.signer_authority, p.signer_position, p.signer_name) == (
        office.signer_authority, office.signer_position, "Hồ Xuân Trính")
    assert any("người ký của cơ quan" in n and "Hồ Xuân Trính" in n for n in res.notes)


def test_signer_without_a_name_takes_the_offices_name_for_the_same_position(office, tmp_path):
    text = XA_2024.read_text(encoding="utf-8").replace("Hồ Xuân Trính", "")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    res = plan_import.import_plan(office, tmp_path / "p.txt")
    assert (res.plan.signer_position, res.plan.signer_name) == ("CHỦ TỊCH", "Hồ Xuân Trính")
    assert any("Hồ Xuân Trính" in n for n in res.notes)


def test_lower_case_nhan_dan_offered_once_never_changed(office, tmp_path):
    """FORMAT.md: "Nhân dân" is capitalised. The 2024 seed writes "nhân dân" in
    lower case many times (and "ỦY BAN NHÂN DÂN", "Ủy ban nhân dân" rightly): one
    note with the count, the text as the office wrote it."""
    res = plan_import.import_plan(office, XA_2024)
    source = XA_2024.read_text(encoding="utf-8")
    lower = len(re.findall(r"(?<![Bb]an )(?<!đồng )\bnhân dân\b", source))
    assert lower >= 10
    notes = [n for n in res.notes if "nhân dân" in n]
    assert len(notes) == 1 and f"{lower} chỗ" in notes[0] and "Nhân dân" in notes[0]
    assert plan_text(res.plan).count("nhân dân") >= lower
    assert "với nhân dân năm 2024" in res.plan.title
    institutions = plan_import.parse(["KẾ HOẠCH", "Đối thoại với Nhân dân", "I. NỘI DUNG",
                                      "- Ủy ban nhân dân xã, Hội đồng nhân dân xã, Công an nhân dân;",
                                      "- Tòa án nhân dân huyện, Viện kiểm sát nhân dân, lực lượng vũ trang nhân dân."])
    assert not [n for n in institutions.notes if "nhân dân" in n]


def test_broken_word_file_on_the_command_line_says_only_vietnamese(tmp_path):
    """The real command in its own process: what reaches the terminal (the
    library's own words went there through logging's last resort)."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = dict(os.environ, DOITHOAI_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    env.pop("DOITHOAI_DB", None)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path, timeout=300)

    assert run("init", "--ten", "Kỳ Khang", "--loai", "ubnd_xa", "--cap-tren", "UBND tỉnh Hà Tĩnh").returncode == 0
    (tmp_path / "hong.docx").write_text("Kế hoạch", encoding="utf-8")
    out = run("import-plan", "hong.docx")
    said = out.stdout + out.stderr
    assert out.returncode != 0 and "Tệp “hong.docx” không phải tệp Word" in said
    assert not re.search(r"Package|not found|Error|Traceback", said), said
