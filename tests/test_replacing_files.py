"""Replacing a file that is already there, and the system's own reasons said in
Vietnamese: each real situation (a PDF printed before, a file that is not a
database, a read-only file system, a locked database, a PostgreSQL server that
refuses the connection or the password) through the real command line."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner
from printing_support import make_session
from test_data_loss import LOCKER, db_of, run_cli, sha

from conftest import PG_URL, require_pg

ENGLISH = ("file is not a database", "Read-only", "read-only", "database is locked", "Connection refused",
           "connection refused", "password authentication", "Traceback", "Errno", "FATAL")


def said_in_vietnamese(out, *words):
    assert out.returncode != 0
    assert "Lỗi:" in out.stderr and "Lỗi không mong đợi" not in out.stderr
    for english in ENGLISH:
        assert english not in out.stderr + out.stdout
    for w in words:
        assert w in out.stderr, out.stderr


# --- a PDF printed before ---------------------------------------------------------------------

def test_print_over_an_earlier_pdf_refuses_unless_told(tmp_path, monkeypatch):
    from tui.cli import main
    from tui.click_vi import install

    _, plan, _ = make_session(tmp_path, monkeypatch)
    install()
    db = str(tmp_path / "t.sqlite3")
    pdf = tmp_path / "ke-hoach.pdf"

    def run(*extra):
        runner = CliRunner()
        with runner.isolation(input="") as (out, err, _):
            try:
                main(["print", "ke-hoach", str(plan.id), "-o", str(pdf), "--db", db, *extra])
                code = 0
            except SystemExit as exc:
                code = exc.code
        return code, err.getvalue().decode()

    assert run()[0] == 0 and pdf.read_bytes().startswith(b"%PDF")
    first = sha(pdf)
    os.utime(pdf, (1, 1))
    code, err = run()                       # no keyboard to ask: refused, naming the option
    assert code != 0 and "--ghi-de" in err and "Đã có" in err
    assert sha(pdf) == first and pdf.stat().st_mtime == 1
    code, err = run("--ghi-de")
    assert code == 0, err
    assert pdf.stat().st_mtime > 1 and pdf.read_bytes().startswith(b"%PDF")


def test_print_never_replaces_a_file_of_another_kind(tmp_path, monkeypatch):
    from tui.cli import main
    from tui.click_vi import install

    _, plan, _ = make_session(tmp_path, monkeypatch)
    install()
    word = tmp_path / "bao-cao.pdf"
    word.write_bytes(b"PK\x03\x04 a Word file named .pdf")
    runner = CliRunner()
    with runner.isolation(input="") as (out, err, _):
        with pytest.raises(SystemExit) as exit_:
            main(["print", "ke-hoach", str(plan.id), "-o", str(word), "--db", str(tmp_path / "t.sqlite3"),
                  "--ghi-de"])
    assert exit_.value.code != 0 and "Lỗi:" in err.getvalue().decode()
    assert word.read_bytes() == b"PK\x03\x04 a Word file named .pdf"


# --- the system's reasons ----------------------------------------------------------------------

@pytest.fixture
def home(tmp_path):
    home = tmp_path / "office"
    out = run_cli("init", "--ten", "Kỳ Khang", home=home)
    assert out.returncode == 0, out.stderr
    return home


def test_file_is_not_a_database(home, tmp_path):
    bad = tmp_path / "so-lieu.sqlite3"
    bad.write_bytes(os.urandom(8192))
    before = sha(bad)
    out = run_cli("--db", str(bad), "user", "list", home=home)
    said_in_vietnamese(out, "không phải là cơ sở dữ liệu")
    assert sha(bad) == before


def test_read_only_file_system(home, tmp_path):
    mnt = tmp_path / "usb"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a file system needs root (CI runs as root)")
    try:
        db = mnt / "doithoai.sqlite3"
        db.write_bytes(db_of(home).read_bytes())
        assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)]).returncode == 0
        out = run_cli("--db", str(db), "petition", "--noi-dung", "Đèn đường hỏng", "--don-vi", "Công an xã",
                      home=home)
        said_in_vietnamese(out, "chỉ cho đọc")
        out = run_cli("export", "--csv", "-o", str(mnt / "theo-doi.csv"), home=home)
        said_in_vietnamese(out, "chỉ cho đọc")
    finally:
        subprocess.run(["umount", str(mnt)])


def test_database_is_locked(home):
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db_of(home))], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        out = run_cli("petition", "--noi-dung", "Đèn đường hỏng", "--don-vi", "Công an xã", home=home,
                      timeout=180)
        said_in_vietnamese(out, "khóa")
        assert out.returncode == 3
    finally:
        locker.stdin.close()
        locker.wait(timeout=30)
    with sqlite3.connect(db_of(home)) as con:
        assert con.execute("SELECT COUNT(*) FROM petition").fetchone()[0] == 0


def test_postgresql_connection_refused(home):
    out = run_cli("--db", "postgresql://doithoai:doithoai@127.0.0.1:1/doithoai_test", "user", "list",
                  home=home)
    said_in_vietnamese(out, "không kết nối được máy chủ")


def test_postgresql_bad_password(home):
    require_pg()
    wrong = PG_URL.replace("doithoai:doithoai@", "doithoai:sai-mat-khau-9@")
    assert wrong != PG_URL
    out = run_cli("--db", wrong, "user", "list", home=home, env_extra={"PGPASSFILE": os.devnull})
    said_in_vietnamese(out, "sai tên người dùng hoặc mật khẩu")
    assert "sai-mat-khau-9" not in out.stderr + out.stdout


# --- F6 export over an earlier export (Pilot) -------------------------------------------------

def test_board_export_asks_before_replacing_an_earlier_export(demo_office, tmp_path, monkeypatch):
    from test_board_screen import TODAY, run, settle

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())

    async def export(app, pilot):
        from textual.widgets import Input

        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    async def body(app, pilot, screen):
        from tui.widgets.confirm import ConfirmScreen

        await export(app, pilot)
        (path,) = tmp_path.glob("theo-doi-*.xlsx")
        os.utime(path, (1, 1))
        first = sha(path)
        await export(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Đã có tệp" in " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.press("k")                 # no: the earlier export stays as it was
        await settle(app, pilot)
        assert app.screen is screen and sha(path) == first and path.stat().st_mtime == 1
        await export(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("c")                 # yes: replaced by the new export
        await settle(app, pilot)
        assert app.screen is screen and path.stat().st_mtime > 1
        assert list(tmp_path.glob("theo-doi-*.xlsx")) == [path]
        import openpyxl

        assert openpyxl.load_workbook(path)["Theo dõi"].max_row > 1

    run(demo_office, body)
