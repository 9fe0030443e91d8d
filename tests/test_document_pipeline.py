"""The life of every document through the one pipeline: every numbered kind, in
both format families, issues with the right symbol, refuses a bad date, never
overwrites a file, reprints byte-identical; issuing closes what it was for;
corrections are new versions; the command line fails clearly on bad input; the
demo never touches the office's numbers or files."""
import datetime as dt
from pathlib import Path

import pytest
from printing_support import page_texts, squash

import models
from models.services import numbering
from models.core import clock
from models.services import documents, issued_files
from tui import documents as pipeline

TODAY = dt.date(2026, 12, 10)
CONF_DAY = dt.date(2026, 11, 15)
FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
# the symbol each kind gets as the n-th document of the year, by family
SYMBOLS = {
    "state": {"ke-hoach": "{n}/KH-UBND", "thong-bao": "{n}/TB-UBND", "giay-moi": "{n}/GM-UBND",
              "bien-ban": "{n}/BB-UBND", "ket-luan": "{n}/TB-UBND", "bao-cao": "{n}/BC-UBND",
              "tra-loi": "{n}/UBND-{unit}", "don-doc": "{n}/UBND-VP"},
    "party": {"ke-hoach": "{n}-KH/ĐU", "thong-bao": "{n}-TB/ĐU", "giay-moi": "{n}-GM/ĐU",
              "bien-ban": "{n}-BB/ĐU", "ket-luan": "{n}-TB/ĐU", "bao-cao": "{n}-BC/ĐU",
              "tra-loi": "{n}-CV/ĐU", "don-doc": "{n}-CV/ĐU"},
}
ORDER = ["ke-hoach", "thong-bao", "giay-moi", "bien-ban", "ket-luan", "tra-loi", "don-doc", "bao-cao"]


@pytest.fixture(autouse=True)
def fixed_today():
    with clock.fixed(TODAY):
        yield


def _cycle_records(family: str):
    """An office with a plan ready to issue, a recorded conference, a petition to
    answer and a late one for the reminder."""
    from models import Petition
    from models.services import records
    from models.demo import samples

    office = samples.office(FAMILIES[family], place="Kỳ Khang" if family == "state" else "Đô Lương")
    conf = samples.conference(office, date=CONF_DAY)
    plan = conf.plan
    records.update(plan, {"title": "Tổ chức hội nghị đối thoại năm 2026", "recipients": "Lưu: VT.",
                          "signer_position": office.signer_position})
    to_answer = Petition.get((Petition.office == office) & (Petition.disposition == "in_writing")
                             & (Petition.answer_summary == ""))
    records.update(to_answer, {"answer_summary": "Xã đã kiểm tra và sẽ sửa chữa trong tháng 12/2026."},
                   lock_check=False)
    late = Petition.get((Petition.office == office) & (Petition.id != to_answer.id)
                        & Petition.unit.is_null(False))
    records.update(late, {"status": "open", "due_on": dt.date(2026, 11, 30)}, lock_check=False)
    refs = {"ke-hoach": plan.id, "tra-loi": to_answer.id, "don-doc": late.unit_id}
    return office, conf, refs


def _ref(conf, refs, slug):
    return refs.get(slug, conf.id)


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_numbered_kind_issues_in_order_with_its_symbol_and_reprints_identically(sqlite_db, family):
    office, conf, refs = _cycle_records(family)
    assert {k.slug for k in documents.numbered_kinds()} == set(ORDER)
    issued = []
    for n, slug in enumerate(ORDER, start=1):
        on = dt.date(2026, 11, 1) if slug in ("ke-hoach", "thong-bao", "giay-moi") else TODAY
        doc = pipeline.issue(office, slug, _ref(conf, refs, slug), on=on)
        # the unit as a công văn's symbol writes it: one word, one hyphen in the symbol (issue 22 item 7)
        unit = numbering.unit_abbreviation(models.Petition.get_by_id(refs["tra-loi"]).unit.short_name)
        assert doc.symbol == SYMBOLS[family][slug].format(n=f"{n:02d}", unit=unit), slug
        assert doc.issued_on == on and Path(doc.file_path).is_file() and documents.verify(doc)
        first_page = page_texts(Path(doc.file_path).read_bytes())[0]
        number_line = f"Số {doc.symbol}" if family == "party" else f"Số: {doc.symbol}"
        assert number_line in first_page, (slug, first_page[:300])
        issued.append(doc)
    for doc in issued:
        stored = Path(doc.file_path).read_bytes()
        result = pipeline.reprint(doc)
        assert result.identical and result.path.read_bytes() == stored
    numbers = [d.number for d in models.OutgoingDocument.select().order_by(models.OutgoingDocument.number)]
    assert numbers == list(range(1, len(ORDER) + 1))


def test_issuing_closes_what_the_document_was_for(sqlite_db):
    from models.services.milestones import conference_milestones

    office, conf, refs = _cycle_records("state")
    pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 1))
    assert models.Conference.get_by_id(conf.id).status == "announced"
    pipeline.issue(office, "bien-ban", conf.id)
    with pytest.raises(models.ValidationError, match="Ngày ký"):
        documents.mark_minutes_signed(models.Conference.get_by_id(conf.id), on=dt.date(2026, 12, 31))
    scan = Path(sqlite_db.database).parent / "bien-ban-da-ky.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned signed minutes")
    c = documents.mark_minutes_signed(models.Conference.get_by_id(conf.id), on=TODAY, scan=scan)
    assert c.status == "minutes_signed" and c.minutes_signed_on == TODAY
    row = documents.text_of(documents.latest_issued(office, "bien-ban", conf.id))
    assert Path(row.scan_path).read_bytes() == scan.read_bytes() and row.scan_sha256 == documents.sha256(
        scan.read_bytes())
    pipeline.issue(office, "ket-luan", conf.id)
    states = {m.key: m.state for m in conference_milestones(models.Conference.get_by_id(conf.id), TODAY)}
    assert states["conclusions"] == "done" and states["notice"] == "done"
    assert models.Conference.get_by_id(conf.id).status == "conclusions_issued"
    letter = pipeline.issue(office, "tra-loi", refs["tra-loi"])
    p = models.Petition.get_by_id(refs["tra-loi"])
    assert (p.status, p.answer_number, p.answer_date) == ("answered", letter.symbol, TODAY)
    assert "sửa chữa trong tháng 12/2026" in p.answer_summary
    pipeline.issue(office, "bao-cao", conf.id)
    c = models.Conference.get_by_id(conf.id)
    states = {m.key: m.state for m in conference_milestones(c, TODAY)}
    assert c.status == "report_sent" and c.report_sent_on == TODAY and states["report"] == "done"


def test_a_bad_date_is_refused_with_the_reason_and_takes_no_number(sqlite_db):
    office, conf, refs = _cycle_records("state")
    with pytest.raises(models.ValidationError, match="chưa đến"):
        pipeline.issue(office, "thong-bao", conf.id, on=TODAY + dt.timedelta(days=1))
    pipeline.issue(office, "ke-hoach", refs["ke-hoach"], on=dt.date(2026, 11, 5))
    with pytest.raises(models.ValidationError, match="01/KH-UBND"):
        pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 4))
    with pytest.raises(models.ValidationError, match="trước ngày họp"):
        pipeline.issue(office, "bien-ban", conf.id, on=dt.date(2026, 11, 10))
    assert models.OutgoingDocument.select().count() == 1


def test_an_existing_file_is_never_overwritten_nor_blocks_the_number(sqlite_db):
    """A file under the name of the next number is not in the register (the number
    was free): it is kept aside, never overwritten, and the issue takes its number
    (issue 21: a failed issue of an older version must not block a number forever)."""
    office, conf, _refs = _cycle_records("state")
    target = issued_files.office_folder(office.id) / "2026" / "01-TB-UBND.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"someone else's file")
    doc = pipeline.issue(office, "thong-bao", conf.id)
    assert doc.symbol == "01/TB-UBND" and Path(doc.file_path) == target and documents.verify(doc)
    assert (target.parent / "khong-trong-so" / target.name).read_bytes() == b"someone else's file"


def test_edited_text_is_what_is_issued_and_then_frozen(sqlite_db):
    office, conf, _refs = _cycle_records("state")
    d = documents.draft(office, "bien-ban", conf.id)
    assert not d.edited and "Kết luận của chủ trì" in d.content.body
    body = d.content.body + "\nChủ trì đề nghị ghi thêm ý kiến của ông Trưởng thôn Đông về đường liên thôn."
    documents.save_draft(office, "bien-ban", conf.id, {"body": body, "signer_name": "Trần Thị Lan"})
    assert documents.draft(office, "bien-ban", conf.id).edited
    doc = pipeline.issue(office, "bien-ban", conf.id)
    text = squash("".join(page_texts(Path(doc.file_path).read_bytes())))
    assert squash("ông Trưởng thôn Đông về đường liên thôn") in text
    with pytest.raises(models.Locked, match="phiên bản mới"):
        documents.save_draft(office, "bien-ban", conf.id, {"body": "khác"})


def test_missing_facts_are_asked_for_before_issue(sqlite_db):
    from models.services import records

    office, conf, _refs = _cycle_records("state")
    records.update(models.Conference.get_by_id(conf.id), {"conclusions": "", "end_time": ""}, lock_check=False)
    with pytest.raises(models.ValidationError, match="kết luận của chủ trì"):
        pipeline.issue(office, "bien-ban", conf.id)
    assert models.OutgoingDocument.select().count() == 0


def test_a_correction_is_a_new_version_with_its_reason_and_the_old_one_stays(sqlite_db):
    from models.services import register_view

    office, conf, _refs = _cycle_records("party")
    first = pipeline.issue(office, "thong-bao", conf.id, on=dt.date(2026, 11, 1))
    with pytest.raises(models.ValidationError, match="lý do"):
        documents.start_correction(first, mode="dinh-chinh", reason="")
    documents.start_correction(first, mode="dinh-chinh", reason="Sửa giờ họp cho đúng")
    body = documents.draft(office, "thong-bao", conf.id).content.body.replace("08 giờ 00", "07 giờ 30")
    documents.save_draft(office, "thong-bao", conf.id, {"body": body})
    second = pipeline.issue(office, "thong-bao", conf.id)
    assert second.version == 2 and second.supersedes_id == first.id and "Sửa giờ họp" in second.reason
    assert "07 giờ 30" in "".join(page_texts(Path(second.file_path).read_bytes()))
    assert "08 giờ 00" in "".join(page_texts(Path(first.file_path).read_bytes()))
    assert documents.verify(first) and documents.verify(second)
    rows = register_view.version_rows(second)
    assert [r[0] for r in rows] == [first.id, second.id]


def test_a_letter_answers_a_whole_group(sqlite_db):
    from models import Petition
    from models.services import records

    office, conf, refs = _cycle_records("state")
    root = Petition.get_by_id(refs["tra-loi"])
    others = list(Petition.select().where((Petition.office == office) & (Petition.id != root.id))
                  .order_by(Petition.id).limit(2))
    for p in others:
        records.update(p, {"group_parent": root.id, "status": "open"}, lock_check=False)
    content = documents.draft(office, "tra-loi", root.id).content
    assert len(content.addressees) == 3 and "các ông (bà)" in content.body
    doc = pipeline.issue(office, "tra-loi", root.id)
    for p in [root, *others]:
        p = Petition.get_by_id(p.id)
        assert p.answer_number == doc.symbol and p.status == "answered"
    assert doc.title.startswith("Trả lời kiến nghị của 3 công dân")


def test_answer_letters_are_told_apart_in_the_register_without_a_withheld_name(sqlite_db):
    """Each letter's "V/v" line (its title in the register) says whom it answers,
    except a citizen who asked for the name to be withheld."""
    from models import Petition
    from models.services import records

    office, conf, refs = _cycle_records("state")
    named = Petition.get_by_id(refs["tra-loi"])
    records.update(named, {"citizen_name": "Trần Thị Bình", "citizen_title": "Bà", "citizen_withheld": False},
                   lock_check=False)
    hidden = Petition.get((Petition.office == office) & (Petition.id != named.id))
    records.update(hidden, {"citizen_name": "", "citizen_withheld": True, "status": "open",
                            "answer_summary": "Đã sửa xong."}, lock_check=False)
    first = pipeline.issue(office, "tra-loi", named.id)
    second = pipeline.issue(office, "tra-loi", hidden.id)
    assert first.title == "Trả lời kiến nghị của bà Trần Thị Bình"
    assert second.title.startswith("Trả lời kiến nghị của công dân") and first.title != second.title
    assert squash("V/v trả lời kiến nghị của bà Trần Thị Bình") in squash(page_texts(Path(first.file_path).read_bytes())[0])


def test_demo_and_office_keep_their_own_numbers_and_files(tmp_path, monkeypatch):
    from models.core import paths
    from models.services import catalog, plans, records
    from models.opening import open_office_database

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    try:
        open_office_database(None, demo=True, render=pipeline.render_pdf)
        demo_files = sorted(p.name for p in paths.locations().documents.rglob("*.pdf"))
        assert "01-KH-UBND.pdf" in demo_files
        models.close_database()
    finally:
        paths.use_demo(False)
    open_office_database(str(tmp_path / "office.sqlite3"))
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                   signer_name="Nguyễn Văn An")
    plan = plans.new_from_template(office, 2026)
    records.update(plan, {"signer_position": "CHỦ TỊCH"})
    doc = pipeline.issue(office, "ke-hoach", plan.id)
    assert doc.symbol == "01/KH-UBND"
    assert Path(doc.file_path).parent.parent == issued_files.office_folder(office.id)
    assert Path(doc.file_path).parent.parent.parent == paths.locations().documents
    assert "demo" not in Path(doc.file_path).parts


# --- command line ---------------------------------------------------------------------------

class Run:
    def __init__(self, proc):
        self.exit_code, self.output = proc.returncode, proc.stdout + proc.stderr


def _cli(*args):
    """The real command, in its own process, with today fixed."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = dict(os.environ, DOITHOAI_TODAY=TODAY.isoformat(), PYTHONPATH=str(REPO))
    env.pop("DOITHOAI_DB", None)
    return Run(subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env,
                              cwd=REPO, timeout=180))


@pytest.mark.parametrize("command", ["issue", "print"])
def test_command_line_fails_clearly_on_bad_input(sqlite_db, command, monkeypatch):
    from models.services import catalog

    office, conf, _refs = _cycle_records("state")
    other = catalog.create_office(kind="ubnd_phuong", place_name="Bắc Hà", parent_body="", signer_name="X")
    from models.demo import samples

    foreign = samples.conference(other, petitions=0, date=CONF_DAY)
    db = str(sqlite_db.database)
    monkeypatch.setenv("DOITHOAI_OFFICE", str(office.id))    # this workstation works for the first office
    cases = [(["khong-co", "1"], "KIND"), (["thong-bao", "99999"], "Không có hội nghị"),
             (["thong-bao", str(foreign.id)], "Không có hội nghị"),
             (["thong-bao", "99999999999999999999999"], "không phải số"),
             (["thong-bao", "abc"], "không phải số")]
    for args, said in cases:
        r = _cli(command, *args, "--db", db)
        assert r.exit_code != 0, (args, r.output)
        assert said in r.output, (args, r.output)
        assert "Traceback" not in r.output
    assert models.OutgoingDocument.select().count() == 0


def test_command_line_issues_prints_and_lists_the_register(sqlite_db):
    office, conf, _refs = _cycle_records("state")
    db = str(sqlite_db.database)
    r = _cli("issue", "thong-bao", str(conf.id), "--ngay", "01/11/2026", "--db", db)
    assert r.exit_code == 0 and "01/TB-UBND" in r.output and "01/11/2026" in r.output, r.output
    r = _cli("issue", "thong-bao", str(conf.id), "--db", db)
    assert r.exit_code != 0 and "đã ban hành" in r.output
    r = _cli("issue", "bien-ban", str(conf.id), "--ngay", "31/12/2026", "--db", db)
    assert r.exit_code != 0 and "chưa đến" in r.output
    out = Path(sqlite_db.database).parent / "ban-in.pdf"
    r = _cli("print", "thong-bao", str(conf.id), "-o", str(out), "--db", db)
    assert r.exit_code == 0 and "01/TB-UBND" in r.output, r.output
    doc = models.OutgoingDocument.get()
    assert out.read_bytes() == Path(doc.file_path).read_bytes()
    r = _cli("print", "bien-ban", str(conf.id), "--db", db)
    assert r.exit_code == 0 and "dự thảo" in r.output
    r = _cli("register", "--db", db)
    assert r.exit_code == 0 and "01/TB-UBND" in r.output and "✓" in r.output, r.output
    Path(doc.file_path).write_bytes(b"changed")
    r = _cli("register", "--nam", "2026", "--db", db)
    assert r.exit_code == 3 and "≠" in r.output


def test_an_edited_file_comes_back_as_the_plans_next_draft(sqlite_db, tmp_path):
    from printing_support import SEEDS

    from models.services import plan_import, plans, records

    office, _conf, _refs = _cycle_records("state")
    plan = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2024.txt").plan
    records.update(plan, {"signer_position": "CHỦ TỊCH"})
    first = pipeline.issue(office, "ke-hoach", plan.id, on=dt.date(2026, 11, 1))
    edited = tmp_path / "ke-hoach-da-sua.txt"
    text = (SEEDS / "plan-ubnd-xa-2024.txt").read_text(encoding="utf-8")
    edited.write_text(text.replace("MỤC ĐÍCH", "MỤC ĐÍCH CHUNG", 1), encoding="utf-8")
    before = models.Plan.select().count()
    nxt = plans.import_next_draft(models.Plan.get_by_id(plan.id), edited, "Chủ tịch sửa trên Word")
    assert (nxt.version, nxt.status, nxt.series) == (2, "draft", plan.series)
    assert "MỤC ĐÍCH CHUNG" in nxt.body and nxt.change_reason == "Chủ tịch sửa trên Word"
    assert models.Plan.select().count() == before + 1          # the temporary import is not kept
    second = pipeline.issue(office, "ke-hoach", nxt.id)
    assert second.supersedes_id == first.id and models.Plan.get_by_id(plan.id).status == "superseded"


def test_the_plan_editors_fields_flow_into_the_printed_plan(sqlite_db):
    from models.services import catalog, plans

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                   signer_name="Nguyễn Văn An")
    plan = plans.new_from_template(office, 2026)
    plans.update_plan(plan, {"participants": "Đại diện Hội Nông dân xã\nĐại diện Đoàn Thanh niên xã",
                             "venues": "Nhà văn hóa thôn Đông Hải", "budget_source": ""})
    plan = models.Plan.get_by_id(plan.id)
    with pytest.raises(models.ValidationError, match="kinh phí"):
        pipeline.issue(office, "ke-hoach", plan.id)
    plans.update_plan(plan, {"budget_source": "Ngân sách xã năm 2026"})
    doc = pipeline.issue(office, "ke-hoach", plan.id)
    text = squash("".join(page_texts(Path(doc.file_path).read_bytes())))
    for words in ("- Đại diện Hội Nông dân xã;", "- Đại diện Đoàn Thanh niên xã;",
                  "Địa điểm: Nhà văn hóa thôn Đông Hải.", "Kinh phí: Ngân sách xã năm 2026.",
                  "Chương trình hội nghị", "Thư ký: Công chức Văn phòng - Thống kê xã Kỳ Khang"):
        assert squash(words) in text, words
    assert "{" not in text and "cần điền" not in text


def test_recipients_and_archive_line_follow_the_offices_wording(sqlite_db):
    from models.services import wording

    office, conf, _refs = _cycle_records("party")
    content = documents.compose_content(office, "thong-bao", conf.id)
    assert content.recipients[-1] == "Lưu Văn phòng Đảng ủy." and "Đài truyền thanh xã" in content.recipients
    assert not any("cấp trên" in r for r in content.recipients)
    wording.set_value(office, "archive", "Lưu: Văn phòng Đảng ủy xã Đô Lương")
    wording.set_value(office, "broadcast", "Đài truyền thanh xã Đô Lương")
    content = documents.compose_content(office, "thong-bao", conf.id)
    assert content.recipients[-1] == "Lưu: Văn phòng Đảng ủy xã Đô Lương."
    assert "Đài truyền thanh xã Đô Lương" in content.recipients
    wording.set_value(office, "archive", "")              # back to the default
    assert documents.compose_content(office, "thong-bao", conf.id).recipients[-1] == "Lưu Văn phòng Đảng ủy."
    report = documents.compose_content(office, "bao-cao", conf.id)
    assert report.recipients[0] == "Đảng bộ tỉnh Hà Tĩnh (b/c)"
    with pytest.raises(models.ValidationError, match="dài quá"):
        wording.set_value(office, "informed", "x" * 5000)


def test_office_profile_fields_have_limits_that_print(sqlite_db):
    from models.services import catalog

    office, _conf, _refs = _cycle_records("state")
    with pytest.raises(models.ValidationError, match="Cơ quan cấp trên quá dài"):
        catalog.update_office(office, {"parent_body": "UBND TỈNH HÀ TĨNH " * 200})
    catalog.update_office(models.Office.get_by_id(office.id), {"parent_body": "UBND TỈNH NGHỆ AN"})
    assert models.Office.get_by_id(office.id).parent_body == "UBND TỈNH NGHỆ AN"
