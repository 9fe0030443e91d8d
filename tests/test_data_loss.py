"""Nothing the office has is lost or written over: each case found by the attack
of issue 14, through the real command line on real SQLite files."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def run_cli(*args, home: Path, input: str = "", env_extra: dict | None = None, timeout: int = 120):
    env = {k: v for k, v in os.environ.items() if k != "DOITHOAI_DB"}
    env.update(DOITHOAI_HOME=str(home), DOITHOAI_USER="kiemthu", PYTHONPATH=str(REPO), **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=REPO, env=env, input=input,
                          capture_output=True, text=True, timeout=timeout)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "office"
    out = run_cli("init", "--ten", "Kỳ Khang", home=home)
    assert out.returncode == 0, out.stderr
    return home


def db_of(home: Path) -> Path:
    return home / "data" / "doithoai.sqlite3"


def petitions_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT content FROM petition ORDER BY id")]
    finally:
        conn.close()


def add_petition(home: Path, text: str):
    return run_cli("petition", "--noi-dung", text, "--don-vi", "Địa chính - Xây dựng", home=home)


# --- another instance has the database open ----------------------------------------------

HOLDER = """
import sys
from models.opening import open_office_database
open_office_database()
print("open", flush=True)
for line in sys.stdin:
    from models.services import catalog, petitions
    office = catalog.the_office()
    petitions.record_petition(office, content=line.strip(), citizen_name="", citizen_withheld=True,
                              village=None, field=None, unit=catalog.find_unit(office, "Địa chính - Xây dựng"),
                              channel="outside", disposition="in_writing", received_on=__import__("datetime").date(2026, 11, 20))
    print("saved", flush=True)
"""


def start_holder(home: Path) -> subprocess.Popen:
    env = dict(os.environ, DOITHOAI_HOME=str(home), DOITHOAI_USER="kiemthu", PYTHONPATH=str(REPO))
    env.pop("DOITHOAI_DB", None)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER], cwd=REPO, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open", proc.stderr.read()
    return proc


def test_restore_refuses_while_another_instance_has_the_database_open(home):
    assert run_cli("backup", home=home).returncode == 0
    holder = start_holder(home)
    try:
        out = run_cli("restore", "--newest", "--yes", home=home)
        assert out.returncode != 0
        assert "đang được mở" in out.stderr and "Không có gì bị thay đổi" in out.stderr
        assert not list((home / "data").glob("*truoc-khoi-phuc*"))
        # the open instance still writes into the live file
        holder.stdin.write("Đường thôn Đông Hải hỏng\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "saved"
        assert "Đường thôn Đông Hải hỏng" in petitions_in(db_of(home))
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    out = run_cli("restore", "--newest", "--yes", home=home)
    assert out.returncode == 0, out.stderr
    assert len(list((home / "data").glob("*truoc-khoi-phuc*.sqlite3"))) == 1


# --- locked by another program, newer schema: not damaged --------------------------------

LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("CREATE TABLE IF NOT EXISTS x_other_program (a)")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_database_locked_by_another_program_is_not_called_damaged(home):
    db = db_of(home)
    assert run_cli("backup", home=home).returncode == 0
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        out = run_cli(home=home, timeout=180)          # the app, as the office opens it (no keyboard)
        assert out.returncode == 3
        assert "khóa" in out.stderr and "chương trình khác" in out.stderr
        assert "restore" not in out.stderr and "hỏng" not in out.stderr.replace("không hỏng", "")
        assert not list((home / "data").glob("*truoc-khoi-phuc*"))
    finally:
        locker.stdin.close()
        locker.wait(timeout=30)


def test_a_database_of_a_newer_schema_is_left_alone(home):
    db = db_of(home)
    assert run_cli("backup", home=home).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    conn.commit()
    conn.close()
    before = sha(db)
    out = run_cli(home=home)
    assert out.returncode == 3
    assert "cập nhật phần mềm" in out.stderr and "restore" not in out.stderr
    assert sha(db) == before and not list((home / "data").glob("*truoc-khoi-phuc*"))


# --- destinations that are not ours ---------------------------------------------------------

def test_backup_never_replaces_a_word_file(home, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    word = usb / "bao-cao.docx"
    word.write_bytes(b"PK\x03\x04 a Word file of the office")
    out = run_cli("backup", str(word), home=home)
    assert out.returncode != 0 and "bao-cao.docx" in out.stderr
    assert word.read_bytes() == b"PK\x03\x04 a Word file of the office"


def test_export_and_print_never_write_over_the_live_database(home):
    db = db_of(home)
    before = sha(db)
    out = run_cli("export", "--csv", "-o", str(db), home=home)
    assert out.returncode != 0 and "cơ sở dữ liệu" in out.stderr
    out = run_cli("print", "loa", "1", "-o", str(db), home=home)
    assert out.returncode != 0
    assert sha(db) == before
    assert run_cli("doctor", home=home).stdout.count("kiểm tra toàn vẹn: tốt") == 1


def test_another_database_a_device_and_a_pipe_are_refused(home, tmp_path):
    other = tmp_path / "other.csv"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    before = sha(other)
    out = run_cli("export", "--csv", "-o", str(other), "--ghi-de", home=home)
    assert out.returncode != 0 and "SQLite" in out.stderr and sha(other) == before
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    out = run_cli("export", "--csv", "-o", str(fifo), "--ghi-de", home=home)
    assert out.returncode != 0 and "không phải tệp thông thường" in out.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    out = run_cli("backup", "/dev/full", "--ghi-de", home=home)
    assert out.returncode != 0 and "không phải tệp thông thường" in out.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_an_earlier_export_is_replaced_only_when_asked(home, tmp_path):
    path = tmp_path / "theo-doi.csv"
    assert add_petition(home, "=HYPERLINK(\"http://x\")").returncode == 0
    first = run_cli("export", "--csv", "-o", str(path), home=home)
    assert first.returncode == 0, first.stderr
    earlier = path.read_bytes()
    again = run_cli("export", "--csv", "--tat-ca", "-o", str(path), home=home)
    assert again.returncode != 0 and "--ghi-de" in again.stderr and path.read_bytes() == earlier
    forced = run_cli("export", "--csv", "--tat-ca", "-o", str(path), "--ghi-de", home=home)
    assert forced.returncode == 0, forced.stderr


# --- a lost database is not a new office -----------------------------------------------------

@pytest.mark.parametrize("how", ["missing", "empty"])
def test_missing_or_empty_database_with_backups_is_not_a_new_office(home, how):
    db = db_of(home)
    assert add_petition(home, "Xin sửa cầu tràn").returncode == 0
    assert run_cli("backup", home=home).returncode == 0
    if how == "missing":
        db.unlink()
    else:
        db.write_bytes(b"")
    for p in (Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    out = add_petition(home, "Kiến nghị mới")
    assert out.returncode != 0
    assert "bản sao lưu" in out.stderr and "doithoai restore --newest" in out.stderr
    assert (not db.exists()) if how == "missing" else db.stat().st_size == 0
    app = run_cli(home=home)
    assert app.returncode != 0 and "doithoai restore --newest" in app.stderr
    assert run_cli("init", "--ten", "Kỳ Khang", home=home).returncode != 0
    assert run_cli("restore", "--newest", "--yes", home=home).returncode == 0
    assert petitions_in(db) == ["Xin sửa cầu tràn"]


def test_init_moi_starts_a_new_office_when_asked(home):
    db = db_of(home)
    assert run_cli("backup", home=home).returncode == 0
    db.unlink()
    out = run_cli("init", "--ten", "Kỳ Hoa", "--moi", home=home)
    assert out.returncode == 0, out.stderr
    assert "Kỳ Hoa" in out.stdout


# --- durable and private ------------------------------------------------------------------

def test_writes_sync_the_file_and_its_folder(tmp_path, monkeypatch):
    from models.storage import files

    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    files.write_file(tmp_path / "a.pdf", "pdf", b"%PDF-1.4 test")
    assert synced == [False, True]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
def test_files_and_folders_are_private(home, tmp_path):
    assert run_cli("backup", home=home).returncode == 0
    assert run_cli("export", "-o", str(home / "documents" / "x.xlsx"), home=home).returncode == 0
    from models.core.paths import locations  # noqa: F401 - the same layout as the CLI used

    env = dict(DOITHOAI_HOME=str(home))
    code = "import models.storage.settings as w; w.save_config(backup_daily=3)"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**os.environ, **env, "PYTHONPATH": str(REPO)},
                   check=True)
    checked = 0
    for path in (p for folder in ("data", "backups", "logs", "documents", "config")
                 for p in [home / folder, *(home / folder).rglob("*")] if p.exists()):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        checked += 1
    assert checked >= 8
    assert (home / "config" / "config.json").is_file() and list((home / "backups").iterdir())


def test_the_lock_is_released_when_an_instance_is_killed(home):
    holder = start_holder(home)
    holder.kill()
    holder.wait()          # the kernel has dropped the lock when wait() returns
    assert run_cli("backup", home=home).returncode == 0
    out = run_cli("restore", "--newest", "--yes", home=home)
    assert out.returncode == 0, out.stderr


def postgres_in_use(conn) -> bool:
    """True when another session holds the app's shared lock."""
    from models.storage.open_lock import PG_KEY

    with conn.cursor() as cur:
        cur.execute("SELECT pg_try_advisory_lock(%s)", (PG_KEY,))
        got = cur.fetchone()[0]
        if got:
            cur.execute("SELECT pg_advisory_unlock(%s)", (PG_KEY,))
    return not got


def test_every_postgres_instance_holds_the_shared_lock(pg_url):
    import psycopg2

    from models import open_database
    from models.storage.db import close_database

    other = psycopg2.connect(pg_url)
    try:
        assert not postgres_in_use(other)
        open_database(pg_url)
        assert postgres_in_use(other)
        close_database()
        assert not postgres_in_use(other)
    finally:
        other.close()
