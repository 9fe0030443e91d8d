"""Backups, integrity on start-up and restore — through the real command line."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.storage import backup
from models.core.errors import StorageError

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args, home: Path, input: str | None = None):
    env = {k: v for k, v in os.environ.items() if k not in ("DOITHOAI_DB",)}
    env.update(DOITHOAI_HOME=str(home), DOITHOAI_USER="kiemthu", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=REPO, env=env, input=input or "",
                          capture_output=True, text=True, timeout=120)


def make_office_db(home: Path) -> Path:
    out = run_cli("init", "--ten", "Kỳ Khang", home=home)
    assert out.returncode == 0, out.stderr
    return home / "data" / "doithoai.sqlite3"


def corrupt(path: Path) -> None:
    """Scribble over the inside of every page after the first two, as a failing disk would."""
    data = bytearray(path.read_bytes())
    for off in range(4096 * 2, len(data), 4096):
        data[off + 100: off + 400] = bytes((i * 37 + 11) % 256 for i in range(300))
    path.write_bytes(bytes(data))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sqlite_office(sqlite_db):
    from models.services import catalog

    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")


def test_backup_is_a_verified_copy(office, db_target):
    if "://" in db_target:
        with pytest.raises(StorageError, match="pg_dump"):
            backup.make_backup(db_target)
        return
    path = backup.make_backup(db_target)
    info = backup.verify(path)
    assert info.office == office.name and info.schema_version >= 1
    assert not Path(str(path) + "-wal").exists()  # self-contained


def test_startup_backup_once_a_day_and_rotation(sqlite_db, sqlite_office):
    src = sqlite_db.database
    day0 = dt.datetime(2026, 1, 1, 8, 0)
    made = []
    for i in range(70):  # ten weeks of daily start-ups, twice a day
        for hour in (8, 14):
            p = backup.startup_backup(src, now=day0 + dt.timedelta(days=i, hours=hour - 8))
            if p:
                made.append(p)
    assert len(made) == 70  # once a day, not at the second start-up
    kept = backup.backups(src)
    days = {b.made_at.date() for b in kept}
    last = (day0 + dt.timedelta(days=69)).date()
    assert {last - dt.timedelta(days=i) for i in range(7)} <= days  # 7 daily
    weeks = {tuple(b.made_at.isocalendar())[:2] for b in kept}
    assert len(weeks) == 8  # 8 weekly
    assert len(kept) <= 7 + 8


def test_rotation_counts_come_from_config(sqlite_db, sqlite_office):
    from models.storage.settings import save_config

    save_config(backup_daily=2, backup_weekly=1)
    src = sqlite_db.database
    for i in range(10):
        backup.startup_backup(src, now=dt.datetime(2026, 3, 2, 9) + dt.timedelta(days=i))
    assert len(backup.backups(src)) == 2


def test_backup_after_session_copies_the_open_database(sqlite_db, sqlite_office):
    p = backup.backup_after_session()
    assert p is not None and backup.verify(p).office == sqlite_office.name
    assert p.name.endswith("-phien.sqlite3")


def test_backup_after_session_is_silent_on_postgres(db_target, office):
    if "://" in db_target:
        assert backup.backup_after_session() is None


def test_damaged_database_is_refused_at_startup_and_backup_offered(tmp_path):
    home = tmp_path / "h"
    dbfile = make_office_db(home)
    out = run_cli("backup", home=home)
    assert out.returncode == 0, out.stderr
    good = sorted((home / "backups").iterdir())[-1]
    corrupt(dbfile)
    before = sha(dbfile)
    # the real start-up path: `doithoai` with no sub-command opens the app
    out = run_cli(home=home)
    assert out.returncode == 3
    assert "Traceback" not in out.stderr + out.stdout
    assert "Tệp không bị sửa" in out.stderr or "không bị ghi đè" in out.stderr
    assert str(good) in out.stderr and "doithoai restore --newest" in out.stderr
    assert "sao lưu lúc" in out.stderr  # its date and time
    assert sha(dbfile) == before  # never overwritten
    # the daily backup must not have copied the damaged file
    assert len(list((home / "backups").iterdir())) == 1


def test_restore_newest_replaces_and_keeps_the_old_file(tmp_path):
    home = tmp_path / "h"
    dbfile = make_office_db(home)
    assert run_cli("backup", home=home).returncode == 0
    corrupt(dbfile)
    damaged = sha(dbfile)
    out = run_cli("restore", "--newest", home=home, input="y\n")
    assert out.returncode == 0, out.stderr
    assert "Đã khôi phục" in out.stdout
    aside = [p for p in dbfile.parent.iterdir() if "truoc-khoi-phuc" in p.name and p.suffix == ".sqlite3"]
    assert len(aside) == 1 and sha(aside[0]) == damaged
    assert run_cli("doctor", home=home).stdout.count("tốt") >= 1
    backup.verify(dbfile)


def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path):
    home = tmp_path / "h"
    dbfile = make_office_db(home)
    before = sha(dbfile)
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_text("hello")
    out = run_cli("restore", str(bad), "-y", home=home)
    assert out.returncode != 0 and "Không có gì bị thay đổi" in out.stderr
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).execute("CREATE TABLE x(a)").connection.commit()
    out = run_cli("restore", str(empty), "-y", home=home)
    assert out.returncode != 0 and "không phải cơ sở dữ liệu của Đối thoại" in out.stderr
    assert sha(dbfile) == before
    assert [p.name for p in dbfile.parent.iterdir() if "truoc" in p.name] == []


def test_restore_asks_before_replacing(tmp_path):
    home = tmp_path / "h"
    make_office_db(home)
    assert run_cli("backup", home=home).returncode == 0
    out = run_cli("restore", "--newest", home=home, input="n\n")
    assert out.returncode == 1 and "không có gì bị thay đổi" in out.stdout


def test_backup_to_a_folder_like_a_usb_stick(tmp_path):
    home = tmp_path / "h"
    make_office_db(home)
    usb = tmp_path / "usb"
    usb.mkdir()
    out = run_cli("backup", str(usb), home=home)
    assert out.returncode == 0, out.stderr
    files = list(usb.iterdir())
    assert len(files) == 1 and backup.verify(files[0]).office.endswith("Kỳ Khang")


def test_backup_command_on_postgres_says_it_is_the_servers_job(tmp_path, pg_url):
    out = run_cli("--db", pg_url, "backup", home=tmp_path / "h")
    assert out.returncode == 1 and "pg_dump" in out.stdout and "máy chủ" in out.stdout
