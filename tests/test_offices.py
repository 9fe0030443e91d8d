"""Several offices on one database, and tamper evidence of the register and the
audit trail (issue 14). Real SQLite files and the real PostgreSQL server."""
from __future__ import annotations

import datetime as dt

import pytest

import models
from models.core import clock
from models.core.errors import NotFound
from models.services import catalog, integrity, petitions
from tui.cli import main as cli_main

DAY = dt.date(2026, 3, 2)


def run_cli(args, capsys):
    """The real `doithoai` command in this process: (exit code, stdout, stderr)."""
    try:
        cli_main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    models.close_database()
    return code, out.out, out.err


def fake_pdf(content) -> bytes:
    """A stand-in renderer: the pipeline stores whatever bytes it is given."""
    return ("%PDF-1.4\n" + content.subject).encode("utf-8")


def issue_plan(office):
    from models.services import documents, plans

    from models.services import records

    with clock.fixed(DAY):
        plan = plans.new_from_template(office, 2026)
        if not plan.signer_name:
            records.update(plan, {"signer_name": "Nguyễn Văn An"})
        return documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)


def two_offices():
    a = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    b = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Hoa")
    return a, b


def a_petition(office, content):
    unit = catalog.units(office)[0]
    return petitions.record_petition(office, content=content, citizen_name="Trần Thị Bình",
                                     citizen_withheld=False, village=None, field=None, unit=unit,
                                     channel="outside", disposition="in_writing", received_on=DAY)


# --- offices ---------------------------------------------------------------------------

def test_the_office_is_the_one_chosen_not_the_lowest(db):
    a, b = two_offices()
    with pytest.raises(NotFound) as err:
        catalog.the_office()
    assert "chưa chọn" in err.value.message and "doithoai office use" in err.value.message
    catalog.remember_office(b)
    assert catalog.the_office().id == b.id
    catalog.choose_office(str(a.id))
    try:
        assert catalog.the_office().id == a.id
        catalog.choose_office("ky hoa")       # by name, without diacritics
        assert catalog.the_office().id == b.id
        catalog.choose_office("99")
        with pytest.raises(NotFound) as err:
            catalog.the_office()
        assert "Không có cơ quan “99”" in err.value.message and "Kỳ Khang" in err.value.message
    finally:
        catalog.choose_office(None)


def test_init_adds_a_second_office_and_the_workstation_chooses(tmp_path, capsys, monkeypatch):
    target = str(tmp_path / "chung.sqlite3")
    code, out, _ = run_cli(["--db", target, "init", "--ten", "Kỳ Khang"], capsys)
    assert code == 0 and "số 1" in out
    code, _, err = run_cli(["--db", target, "init", "--ten", "Kỳ Hoa"], capsys)
    assert code == 1 and "init --them" in err
    code, out, _ = run_cli(["--db", target, "init", "--them", "--ten", "Kỳ Hoa"], capsys)
    assert code == 0 and "số 2" in out
    code, _, err = run_cli(["--db", target, "init", "--them", "--ten", "Kỳ Hoa"], capsys)
    assert code == 2 and "đã có cơ quan" in err
    code, out, _ = run_cli(["--db", target, "office", "list"], capsys)
    assert "*    2  Ủy ban nhân dân xã Kỳ Hoa" in out
    code, out, _ = run_cli(["--db", target, "office", "use", "1"], capsys)
    assert code == 0 and "Kỳ Khang" in out
    code, out, _ = run_cli(["--db", target, "--co-quan", "2", "office", "list"], capsys)
    assert "*    2" in out and "     1" in out
    monkeypatch.setenv("DOITHOAI_OFFICE", "Kỳ Hoa")
    code, out, _ = run_cli(["--db", target, "office", "list"], capsys)
    assert "*    2" in out


def test_office_b_sees_nothing_of_office_a(tmp_path, capsys, monkeypatch):
    """Board, export, print-by-id and editing from office B never reach A's records."""
    from models.services import board, plans

    target = str(tmp_path / "chung.sqlite3")
    models.open_database(target)
    a, b = two_offices()
    secret = a_petition(a, "Đường thôn 3 ngập nước, số điện thoại 0912345678")
    plan_a = plans.new_from_template(a, 2026)
    a_petition(b, "Xin sửa cầu tràn")
    catalog.remember_office(b)
    q = board.BoardQuery(b.id, status="all", today=DAY)
    assert [r.id for r in board.page(q).rows] != [] and secret.id not in [r.id for r in board.page(q).rows]
    with pytest.raises(NotFound):
        board.petition(secret.id, b)
    with pytest.raises(NotFound):
        board.detail(secret.id, b)
    models.close_database()
    out_csv = tmp_path / "b.csv"
    code, out, err = run_cli(["--db", target, "export", "--csv", "-o", str(out_csv), "--tat-ca"], capsys)
    assert code == 0, err
    exported = out_csv.read_text(encoding="utf-8-sig")
    assert "Xin sửa cầu tràn" in exported and "0912345678" not in exported and "ngập nước" not in exported
    code, out, err = run_cli(["--db", target, "print", "tra-loi", str(secret.id),
                              "-o", str(tmp_path / "x.pdf")], capsys)
    assert code != 0 and "Không có" in err and not (tmp_path / "x.pdf").exists()
    code, out, err = run_cli(["--db", target, "print", "ke-hoach", str(plan_a.id),
                              "-o", str(tmp_path / "y.pdf")], capsys)
    assert code != 0 and "Không có" in err
    code, out, err = run_cli(["--db", target, "--co-quan", str(a.id), "print", "ke-hoach", str(plan_a.id),
                              "-o", str(tmp_path / "y.pdf")], capsys)
    assert code == 0, err


def test_the_demo_keeps_its_own_office(tmp_path, monkeypatch):
    from models.core.paths import use_demo

    models.open_database(tmp_path / "demo.sqlite3")
    a, b = two_offices()
    monkeypatch.setenv("DOITHOAI_OFFICE", str(b.id))
    use_demo()
    try:
        assert catalog.the_office().id == a.id
    finally:
        use_demo(False)


# --- tamper evidence ---------------------------------------------------------------------

def test_the_register_and_the_audit_trail_are_chained(db):
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    doc = issue_plan(office)
    second = issue_plan(office)
    assert (doc.chain_seq, second.chain_seq) == (1, 2) and len(doc.chain_hash) == 64
    report = integrity.verify_chain(office)
    assert report.ok, report.problems
    assert report.register_entries == 2 and report.files == 2 and report.audit_entries > 10
    seqs = [e.chain_seq for e in models.AuditEntry.select().where(models.AuditEntry.office == office)
            .order_by(models.AuditEntry.chain_seq)]
    assert seqs == list(range(1, len(seqs) + 1))


def _sql(statement, *params):
    db = models.database.obj
    db.execute_sql(statement.replace("?", "%s") if models.domain.base.is_postgres() else statement, params)


@pytest.mark.parametrize("change", ["title", "sha256", "audit", "delete-audit", "file", "delete-doc"])
def test_doctor_reports_what_was_changed_behind_the_apps_back(db_target, change, capsys, tmp_path):
    models.open_database(db_target)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    doc = issue_plan(office)
    later = issue_plan(office)
    code, out, _ = run_cli(["--db", db_target, "doctor"], capsys)
    assert "Sổ văn bản đi và nhật ký thay đổi: nguyên vẹn" in out, out
    models.open_database(db_target)
    if change == "title":
        _sql("UPDATE outgoing_document SET title = ? WHERE id = ?", "Kế hoạch đã bị đổi", doc.id)
        expect = ["trường “Trích yếu”", "Kế hoạch đã bị đổi", doc.symbol]
    elif change == "sha256":
        _sql("UPDATE outgoing_document SET sha256 = ? WHERE id = ?", "0" * 64, doc.id)
        expect = ["trường “Mã SHA-256”", "đã bị thay đổi sau khi ban hành"]
    elif change == "audit":
        entry = (models.AuditEntry.select().where(models.AuditEntry.office == office)
                 .order_by(models.AuditEntry.chain_seq).first())
        _sql("UPDATE audit_entry SET \"user\" = ? WHERE id = ?", "người khác", entry.id)
        expect = [f"mục nhật ký {entry.chain_seq}", "đã bị sửa ngoài ứng dụng"]
    elif change == "delete-audit":
        last = (models.AuditEntry.select().where(models.AuditEntry.office == office)
                .order_by(models.AuditEntry.chain_seq.desc()).first())
        _sql("DELETE FROM audit_entry WHERE id = ?", last.id)
        expect = ["các mục cuối đã bị xóa"]
    elif change == "file":
        from pathlib import Path

        Path(doc.file_path).write_bytes(b"%PDF-1.4 another")
        expect = [f"Tệp của văn bản {doc.symbol} đã bị thay đổi"]
    else:
        _sql("DELETE FROM plan WHERE document_id = ?", later.id)
        _sql("DELETE FROM document_text WHERE document_id = ?", later.id)
        _sql("DELETE FROM outgoing_document WHERE id = ?", later.id)
        expect = [f"văn bản {later.symbol}", "đã bị xóa khỏi sổ"]
    models.close_database()
    code, out, _ = run_cli(["--db", db_target, "doctor"], capsys)
    assert code != 0
    assert "PHÁT HIỆN" in out
    for text in expect:
        assert text in out, out
    if change == "sha256":
        from models.services import register_view

        models.open_database(db_target)
        check = register_view.check_file(models.OutgoingDocument.get_by_id(doc.id))
        assert check.state == register_view.FILE_TAMPERED and "bị sửa ngoài ứng dụng" in check.message


def test_an_old_database_gets_its_entries_chained(tmp_path):
    """The migration chains entries written before chains existed."""
    target = tmp_path / "cu.sqlite3"
    db = models.open_database(target)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    issue_plan(office)
    db.execute_sql("UPDATE outgoing_document SET chain_seq = NULL, chain_hash = ''")
    db.execute_sql("UPDATE audit_entry SET chain_seq = NULL, chain_hash = ''")
    from models.storage import migrations

    since = migrations.MIGRATIONS.index(migrations._v3_chains) + 1
    db.execute_sql("DELETE FROM schema_version WHERE version >= ?", (since,))
    models.close_database()
    models.open_database(target)
    assert integrity.verify_chain(office).ok
    rows = models.OutgoingDocument.select().count()
    assert rows == 1 and models.OutgoingDocument.get().chain_seq == 1


# --- users and roles ------------------------------------------------------------------------

def test_roles_follow_the_office_list_on_sqlite(sqlite_db, monkeypatch):
    from models.core.errors import Locked
    from models.services import documents, plans, roles

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
    catalog.add_village(office, "Thôn 1")            # no list of people yet: nothing restricted
    me = roles.os_login()
    chair = roles.add_person(office, "Nguyễn Văn An", "chu_tich", login=me)
    clerk = roles.add_person(office, "Lê Thị Văn Thư", "văn thư")
    assert roles.current_person(office).id == chair.id        # the OS account is the chair's
    roles.choose_person(office, clerk)                         # a shared PC: the clerk picks her name
    assert roles.current_person(office).id == clerk.id
    with pytest.raises(Locked) as err:
        catalog.add_village(office, "Thôn 2")
    assert "Chỉ Chủ tịch, Quản trị mới được sửa danh mục" in err.value.message
    assert "Lê Thị Văn Thư là Văn thư" in err.value.message
    with clock.fixed(DAY):
        plan = plans.new_from_template(office, 2026)
    with pytest.raises(Locked) as err:
        documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)
    assert "Chỉ Chủ tịch mới được ban hành văn bản" in err.value.message
    assert models.OutgoingDocument.select().count() == 0
    with pytest.raises(Locked):                                # she cannot give herself the right
        roles.allow(office, "issue", ["van_thu"])
    roles.choose_person(office, chair)
    assert roles.allow(office, "issue", ["van thu"]) == ("chu_tich", "van_thu")
    roles.set_pin(office, chair, "246810")                     # the office's first PIN
    with roles.pin_given(office, "246810"):
        doc = documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)
    entry = models.AuditEntry.select().where(models.AuditEntry.table == "outgoing_document").get()
    assert entry.user == "Nguyễn Văn An"                       # the chosen name, not DOITHOAI_USER
    roles.set_pin(office, clerk, "135790", authority="246810")  # the chair gives the clerk hers
    roles.choose_person(office, clerk)
    with roles.pin_given(office, "135790"):
        doc2 = issue_plan(office)                              # the office allowed clerks to issue
    assert doc2.number == 2
    roles.choose_person(office, chair)
    models.Person.update(role="pho_chu_tich").where(models.Person.id == chair.id).execute()
    with pytest.raises(Locked) as err, roles.pin_given(office, "246810"):
        documents.start_correction(doc, mode="dinh-chinh", reason="Sai ngày ở đoạn 2")
    assert "điều chỉnh, thay thế văn bản đã ban hành" in err.value.message


def test_user_commands(tmp_path, capsys, monkeypatch):
    from models.services import roles

    target = str(tmp_path / "xa.sqlite3")
    run_cli(["--db", target, "init", "--ten", "Kỳ Khang"], capsys)
    code, out, err = run_cli(["--db", target, "user", "add", "Nguyễn Văn An", "--vai-tro", "chu_tich",
                              "--dang-nhap", roles.os_login()], capsys)
    assert code == 0 and "Chủ tịch" in out, err
    code, out, err = run_cli(["--db", target, "user", "add", "Lê Văn Bình", "--vai-tro", "kế toán"], capsys)
    assert code == 2 and "Vai trò “kế toán” không có" in err
    code, out, _ = run_cli(["--db", target, "user", "add", "Lê Văn Bình", "--vai-tro", "thư ký"], capsys)
    assert code == 0
    code, out, _ = run_cli(["--db", target, "user", "allow", "catalog", "thu_ky"], capsys)
    assert code == 0 and "Chủ tịch, Thư ký" in out
    code, out, _ = run_cli(["--db", target, "user", "list"], capsys)
    assert "* " in out and "Nguyễn Văn An" in out and "Quyền catalog" in out
    code, out, _ = run_cli(["--db", target, "user", "role", "Lê Văn Bình", "pho_chu_tich"], capsys)
    assert code == 0 and "Phó Chủ tịch" in out


def test_on_postgresql_the_audit_takes_the_session_user(pg_url, monkeypatch):
    from models.storage.who import set_user

    models.open_database(pg_url)
    set_user("gia-mao")
    try:
        office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    finally:
        set_user(None)
    entry = models.AuditEntry.select().where(models.AuditEntry.table == "office").get()
    assert entry.user == "doithoai" and entry.office_id == office.id


def test_people_tab_in_the_catalogue(demo_office):
    """F8, the last tab: add a person from the keyboard; the list shows the role."""
    import asyncio

    from tui.app import DoiThoaiApp

    async def steps():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            from tui.screens.catalog import LISTS

            tab = 1 + [spec.tab for spec in LISTS].index("people")     # after the office's own tab
            await pilot.press("f8", *["right"] * tab, "a")
            for ch in "Phạm Thị Hoa":
                await pilot.press("space" if ch == " " else ch)
            await pilot.press("ctrl+s")
            await pilot.pause()
            table = app.screen.query_one("#table-people")
            return type(app.screen).__name__, [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]

    screen, rows = asyncio.run(steps())
    assert screen == "CatalogScreen"
    assert rows == [["Phạm Thị Hoa", "Văn thư", "—", "đang dùng"]]
    assert models.Person.get(models.Person.full_name == "Phạm Thị Hoa").role == "van_thu"


def test_the_chain_stays_one_line_when_two_workstations_write_at_once(db):
    """Two connections writing at the same time (threads, each with its own
    connection) never fork an office's chain."""
    import threading

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    unit = catalog.units(office)[0]
    start, errors = threading.Barrier(2), []

    def write(who):
        try:
            start.wait()
            for i in range(25):
                petitions.record_petition(office, content=f"{who} {i}", unit=unit)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            models.database.obj.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in ("máy 1", "máy 2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = integrity.verify_chain(office)
    assert report.ok, report.problems
    assert models.Petition.select().count() == 50 and report.audit_entries >= 50


def test_a_restored_backup_is_not_reported_as_tampering(tmp_path, capsys):
    from models.storage import backup

    target = str(tmp_path / "xa.sqlite3")
    models.open_database(target)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    issue_plan(office)
    models.close_database()
    copy = backup.make_backup(target, tmp_path / "sao-luu")
    models.open_database(target)
    issue_plan(office)
    models.close_database()
    code, out, _ = run_cli(["--db", target, "doctor"], capsys)
    assert "nguyên vẹn" in out                     # this workstation now knows the longer chain
    backup.restore(copy, target)
    code, out, _ = run_cli(["--db", target, "doctor"], capsys)
    assert "nguyên vẹn" in out and "đã bị xóa" not in out, out


def test_f7_check_says_the_register_entry_was_changed(sqlite_db, monkeypatch):
    """K on F7: a SHA-256 rewritten in the register together with the file is not
    "khớp" any more: the entry itself is reported as changed."""
    import asyncio
    from pathlib import Path

    from textual.widgets import Static

    from tui.widgets.page_table import PageTable

    from tui.app import DoiThoaiApp

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-03-20")
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    doc = issue_plan(office)
    forged = b"%PDF-1.4 forged"
    Path(doc.file_path).write_bytes(forged)
    from models.services.documents import sha256

    sqlite_db.execute_sql("UPDATE outgoing_document SET sha256 = ? WHERE id = ?", (sha256(forged), doc.id))

    from snapshots.settle import settle as settled

    async def scenario():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f7")
            await settled(pilot)
            screen = app.screen
            screen.query_one("#docs-table", PageTable).focus()
            await pilot.press("home", "k")
            await settled(pilot)
            table = screen.query_one("#docs-table", PageTable)
            return str(screen.query_one("#docs-info", Static).content), str(table.get_row(str(doc.id))[-1])

    info, mark = asyncio.run(scenario())
    assert "đã bị sửa ngoài ứng dụng" in info and "khớp với mã" not in info
    assert mark == "!"


def test_an_entry_taken_out_of_the_middle_is_named_and_nothing_else(db):
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    issue_plan(office)
    middle = (models.AuditEntry.select().where((models.AuditEntry.office == office)
                                               & (models.AuditEntry.table == "plan"))
              .order_by(models.AuditEntry.chain_seq).first())
    assert 1 < middle.chain_seq < models.AuditEntry.select().count()
    _sql("DELETE FROM audit_entry WHERE id = ?", middle.id)
    problems = integrity.verify_chain(office).problems
    assert problems == [f"Nhật ký thay đổi: thiếu mục {middle.chain_seq} — đã bị xóa ngoài ứng dụng."]
