"""The command line end to end, through the real entry point in a subprocess:
set-up, reports, and bad input (a Vietnamese message, a non-zero exit code,
nothing saved lost)."""
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager

import pytest
from conftest import REPO


def run(*args, home, input=None):
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO))
    env.pop("DOITHOAI_DB", None)
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, input=input, timeout=120)


@pytest.fixture
def home(tmp_path):
    h = tmp_path / "office"
    r = run("init", "--ten", "Kỳ Khang", "--loai", "ubnd_xa", "--cap-tren", "UBND tỉnh Hà Tĩnh", home=h)
    assert r.returncode == 0, r.stderr
    assert "Ủy ban nhân dân xã Kỳ Khang" in r.stdout
    return h


def office_db(home):
    return home / "data" / "doithoai.sqlite3"


def count(home, table):
    with sqlite3.connect(office_db(home)) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def assert_clean_error(r, *words):
    assert r.returncode != 0
    assert "Traceback" not in r.stderr + r.stdout
    assert r.stderr.startswith("Lỗi:") or "Lỗi:" in r.stderr
    for w in words:
        assert w in r.stderr


def test_locate_lists_every_folder(home):
    r = run("locate", home=home)
    assert r.returncode == 0
    for label in ("Cơ sở dữ liệu", "Cấu hình", "Nhật ký", "Sao lưu"):
        assert label in r.stdout
    assert str(office_db(home)) in r.stdout


def test_doctor_reports_database_and_folders(home):
    r = run("doctor", home=home)
    assert "Cơ sở dữ liệu" in r.stdout and "kiểm tra toàn vẹn: tốt" in r.stdout
    assert "Thông tin cơ quan: Ủy ban nhân dân xã Kỳ Khang" in r.stdout
    assert "Traceback" not in r.stderr


def test_petition_received_at_the_office_gets_a_working_day_deadline(home):
    r = run("petition", "--noi-dung", "Xin cấp lại sổ hộ nghèo", "--don-vi", "van hoa",
            "--ngay-nhan", "10/02/2026", home=home)
    assert r.returncode == 0, r.stderr
    assert "03/03/2026" in r.stdout  # 10 working days across Tết 2026


def test_impossible_date(home):
    before = count(home, "holiday_override")
    r = run("holiday", "31/02/2026", home=home)
    assert_clean_error(r, "31/02/2026", "không có thật")
    assert count(home, "holiday_override") == before


def test_empty_required_name(tmp_path):
    r = run("init", "--ten", "   ", home=tmp_path / "h")
    assert_clean_error(r, "không được để trống")


def test_unknown_village(home):
    before = count(home, "petition")
    r = run("petition", "--noi-dung", "Đường hỏng", "--don-vi", "Văn phòng", "--thon", "Thôn Ma",
            home=home)
    assert_clean_error(r, "Thôn Ma", "Hãy chọn")
    assert count(home, "petition") == before


def test_a_file_that_is_not_a_database(tmp_path, home):
    fake = tmp_path / "baocao.docx"
    fake.write_bytes(b"PK\x03\x04 not a database at all")
    r = run("--db", str(fake), "holiday", "01/01/2026", home=home)
    assert_clean_error(r, "không phải là cơ sở dữ liệu")
    assert fake.read_bytes() == b"PK\x03\x04 not a database at all"


@contextmanager
def read_only(folder):
    """Make ``folder`` read-only for real: a read-only bind mount when running as
    root (root ignores permission bits), permission bits otherwise."""
    if os.geteuid() == 0:
        mnt = folder.parent / (folder.name + "-ro")
        mnt.mkdir()
        subprocess.run(["mount", "--bind", str(folder), str(mnt)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(mnt)], check=True)
            yield mnt
        finally:
            subprocess.run(["umount", str(mnt)], check=True)
    else:
        os.chmod(folder, 0o555)
        try:
            yield folder
        finally:
            os.chmod(folder, 0o755)


def test_read_only_data_folder(tmp_path, home):
    saved = shutil.copytree(home, tmp_path / "copy")
    with read_only(saved) as ro:
        r = run("holiday", "02/01/2026", home=ro)
        assert_clean_error(r, "chỉ cho đọc")
        r = run("--db", str(ro / "data" / "moi.sqlite3"), "init", "--ten", "A", home=ro)
        assert_clean_error(r, "chỉ cho đọc")
    assert count(saved, "office") == 1


def test_postgresql_url_that_cannot_connect(home):
    r = run("--db", "postgresql://doithoai:sai@127.0.0.1:1/khong_co", "holiday", "01/01/2026", home=home)
    assert_clean_error(r, "Không kết nối được máy chủ", "127.0.0.1:1")
    assert "sai@" not in r.stderr  # the password is never echoed


def test_unknown_command_is_explained_in_vietnamese(home):
    r = run("in-bao-cao", home=home)
    assert r.returncode != 0 and "Không có lệnh" in r.stderr


def test_works_on_postgresql(pg_url, tmp_path):
    h = tmp_path / "pg"
    r = run("--db", pg_url, "init", "--ten", "Đô Lương", "--loai", "dang_uy_xa", home=h)
    assert r.returncode == 0, r.stderr
    r = run("--db", pg_url, "holiday", "10/10/2026", "--lam-bu", home=h)
    assert r.returncode == 0 and "10/10/2026" in r.stdout


def test_opening_the_app_without_options_honours_the_environment(tmp_path, home):
    """`doithoai` and `doithoai demo` skip click (start-up speed) but still read
    DOITHOAI_DB: a file that is not a database is refused, untouched."""
    fake = tmp_path / "khong-phai.sqlite3"
    fake.write_bytes(b"PK\x03\x04 not a database at all")
    for args in ([], ["demo"]):
        env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), DOITHOAI_DB=str(fake))
        r = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env,
                           cwd=REPO, timeout=120, stdin=subprocess.DEVNULL)
        assert_clean_error(r, "không phải là cơ sở dữ liệu")
        assert fake.read_bytes() == b"PK\x03\x04 not a database at all"


def test_options_still_go_through_the_full_command_line(home):
    r = run("--help", home=home)
    assert r.returncode == 0 and "Cách dùng:" in r.stdout and "demo" in r.stdout
    r = run("--db", home=home)
    assert r.returncode != 0 and "Lỗi:" in r.stderr and "Traceback" not in r.stderr


def test_petition_with_a_title_is_answered_by_it(home):
    """Issue 22 item 3: `--danh-xung Bà` is recorded, and the answer letter says
    "bà" wherever it speaks to her, in its V/v line too; a title not in the list
    is refused in Vietnamese."""
    r = run("petition", "--noi-dung", "Xin cấp lại sổ hộ nghèo", "--don-vi", "van hoa", "--cong-dan",
            "Đặng Thị Tư", "--danh-xung", "bà", "--ngay-nhan", "10/02/2026", home=home)
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(office_db(home)) as db:
        pid, title = db.execute("SELECT id, citizen_title FROM petition ORDER BY id DESC LIMIT 1").fetchone()
    assert title == "Bà"
    bad = run("petition", "--noi-dung", "x", "--don-vi", "van hoa", "--cong-dan", "A", "--danh-xung", "Cô",
              home=home)
    assert_clean_error(bad, "Cô", "Ông; Bà")
    import models
    from models import Petition
    from models.services import compose

    models.open_database(office_db(home))
    p = Petition.get_by_id(pid)
    p.answer_summary = "Hồ sơ của ông (bà) đã được chuyển Phòng Lao động."
    content = compose.answer_letter(p)
    assert "ông (bà)" not in content.body.lower() and "bà có ý kiến" in content.body
    assert "để bà được biết" in content.body and "Hồ sơ của bà" in content.body
    assert content.subject.endswith("của bà Đặng Thị Tư") and content.addressees[0].startswith("Bà Đặng Thị Tư")
