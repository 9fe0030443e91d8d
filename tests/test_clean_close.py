"""A clean quit is told from a crash by the app's own mark, not by the -wal;
backups never leave a readable or a stale temporary copy, and never replace a
database open in another window (issue 21, items 9, 12, 13)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.storage import backup
from models.storage import files
from models.core.errors import StorageError

REPO = Path(__file__).resolve().parents[1]

OPEN_AND_WAIT = """
import sys, models
models.open_database(sys.argv[1])
models.database.execute_sql("PRAGMA wal_autocheckpoint=0")
models.database.execute_sql("CREATE TABLE IF NOT EXISTS x_note (a)")
models.database.execute_sql("INSERT INTO x_note VALUES ('written, not checkpointed')")
print("open", flush=True)
line = sys.stdin.readline()
if line.strip() == "kill":
    import os, signal
    os.kill(os.getpid(), signal.SIGKILL)
"""


def child(db: Path):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    p = subprocess.Popen([sys.executable, "-c", OPEN_AND_WAIT, str(db)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)
    assert p.stdout.readline().strip() == "open"
    return p


@pytest.fixture
def office_file(tmp_path):
    import models
    from models.services import catalog

    path = tmp_path / "office.sqlite3"
    models.open_database(path)
    catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
    models.close_database()
    return path


def checks_made(monkeypatch) -> list:
    from models.storage import db as dbmod

    seen = []
    real = dbmod.startup_check

    def spy(db, unclean=False):
        seen.append(unclean)
        return real(db, unclean)

    monkeypatch.setattr(dbmod, "startup_check", spy)
    return seen


def test_a_crash_is_known_by_its_mark_and_checked_once(office_file, monkeypatch):
    import models

    p = child(office_file)
    p.stdin.write("kill\n")
    p.stdin.flush()
    assert p.wait(timeout=60) == -signal.SIGKILL
    assert list(office_file.parent.glob("*.dang-mo-*"))
    seen = checks_made(monkeypatch)
    # the machine kept running: the kill left nothing SQLite's log does not make whole
    models.open_database(office_file)
    assert seen == [False]
    assert models.database.execute_sql("SELECT a FROM x_note").fetchone()[0] == "written, not checkpointed"
    models.close_database()
    assert not list(office_file.parent.glob("*.dang-mo-*"))   # checked: the mark goes
    # a mark from an earlier boot of the machine (a power cut): the whole file, once
    p = child(office_file)
    p.stdin.write("kill\n")
    p.stdin.flush()
    assert p.wait(timeout=60) == -signal.SIGKILL
    from models.storage.db import _BOOT_AT

    for mark in office_file.parent.glob("*.dang-mo-*"):
        with open(mark, "r+b") as fh:
            fh.seek(_BOOT_AT)
            fh.write(b"another boot\n")
    models.open_database(office_file)
    models.close_database()
    models.open_database(office_file)
    models.close_database()
    assert seen == [False, True, False]
    # another program that ends normally leaves neither a mark nor a log
    p = child(office_file)
    p.stdin.write("quit\n")
    p.stdin.close()
    assert p.wait(timeout=60) == 0
    wal = Path(str(office_file) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not list(office_file.parent.glob("*.dang-mo-*"))


def test_another_window_writing_is_not_a_crash(office_file, monkeypatch):
    import models

    p = child(office_file)       # open, its -wal not empty
    try:
        assert Path(str(office_file) + "-wal").stat().st_size > 0
        seen = checks_made(monkeypatch)
        models.open_database(office_file)
        models.close_database()
        assert seen == [False]
    finally:
        p.stdin.close()
        p.wait(timeout=60)


def test_ctrl_q_closes_the_database_cleanly(office_file, tmp_path, monkeypatch):
    """The real app in a pseudo-terminal: Ctrl+Q, then no -wal and no mark."""
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from startup_after_quit import quit_with_ctrl_q

    env = dict(os.environ, PYTHONPATH=str(REPO), DOITHOAI_HOME=str(tmp_path / "home"))
    assert quit_with_ctrl_q(office_file, env) == 0
    wal = Path(str(office_file) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not list(office_file.parent.glob("*.dang-mo-*"))


# --- backups' temporary files -------------------------------------------------------------

class Probe:
    """Stands for the app's quit event: looks at the temporary copy at each step,
    and asks the copy to stop at the third."""

    def __init__(self, folder: Path):
        self.folder, self.modes, self.calls = folder, [], 0

    def is_set(self) -> bool:
        self.calls += 1
        self.modes += [p.stat().st_mode & 0o777 for p in self.folder.glob(".*.tmp")]
        return self.calls >= 3


def test_a_backup_is_private_from_its_first_byte_and_a_stopped_one_leaves_nothing(office_file, monkeypatch,
                                                                                  tmp_path):
    import models

    models.open_database(office_file)
    models.database.execute_sql("CREATE TABLE x_pad (b BLOB)")
    for _ in range(40):
        models.database.execute_sql("INSERT INTO x_pad VALUES (randomblob(100000))")
    models.close_database()
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 16)
    old = os.umask(0o022)
    usb = tmp_path / "usb"
    usb.mkdir()
    try:
        probe = Probe(usb)
        with pytest.raises(backup.Cancelled):
            backup.make_backup(office_file, usb, cancel=probe)
        assert probe.modes and set(probe.modes) == {0o600}
        assert list(usb.iterdir()) == []
        path = backup.make_backup(office_file, usb)
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_quitting_stops_the_days_first_backup(office_file, monkeypatch):
    from tui import launch

    import models

    models.open_database(office_file)
    models.database.execute_sql("CREATE TABLE x_pad (b BLOB)")
    for _ in range(60):
        models.database.execute_sql("INSERT INTO x_pad VALUES (randomblob(100000))")
    models.close_database()
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)      # a slow copy: still running at the quit
    launch.start_daily_backup(str(office_file))
    folder = backup.backup_folder()
    end = time.time() + 60
    while not list(folder.glob(".*.tmp")) and time.time() < end:
        time.sleep(0.01)
    launch.stop_daily_backup()
    assert not list(folder.glob(".*.tmp"))
    assert not list(folder.glob("*.sqlite3"))


def test_temporary_copies_left_by_a_kill_are_removed_at_start(office_file):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folder = backup.backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / f".office-20261120-080000-ngay.sqlite3.{dead.pid}.tmp"
    stale.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh = folder / f".office-20261120-090000-ngay.sqlite3.{dead.pid}.tmp"   # maybe another machine's, writing
    fresh.write_bytes(b"SQLite format 3\x00")
    mine = office_file.parent / f".office.sqlite3.{dead.pid}.tmp"
    mine.write_bytes(b"SQLite format 3\x00")
    os.utime(mine, (time.time() - 3600, time.time() - 3600))
    assert backup.startup_backup(office_file) is not None
    assert not stale.exists() and not mine.exists()
    assert fresh.exists()
    usb = office_file.parent / "usb"                    # a backup to a stick where one was killed
    usb.mkdir()
    left = usb / f".doithoai-20261120-080000.sqlite3.{dead.pid}.tmp"
    left.write_bytes(b"SQLite format 3\x00")
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    backup.make_backup(office_file, usb)
    assert not left.exists()


# --- a backup over a database open in another window -----------------------------------------

def run_cli(*args, home: Path):
    env = {k: v for k, v in os.environ.items() if k != "DOITHOAI_DB"}
    env.update(DOITHOAI_HOME=str(home), DOITHOAI_USER="kiemthu", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=REPO, env=env, input="",
                          capture_output=True, text=True, timeout=120)


def test_backup_never_replaces_a_database_open_in_another_window(office_file, tmp_path):
    import models
    from models.services import catalog

    other = tmp_path / "xa-khac.sqlite3"
    models.open_database(other)
    catalog.create_office(kind="ubnd_xa", place_name="Kỳ Hoa", signer_name="Trần Văn B")
    models.close_database()
    # closed, but a database an office works in: the question names it so
    out = run_cli("--db", str(office_file), "backup", str(other), home=tmp_path / "home")
    assert out.returncode != 0
    assert "cơ sở dữ liệu Đối thoại đang làm việc" in out.stderr and "bản sao cơ sở dữ liệu" not in out.stderr
    p = child(other)             # open in another window
    try:
        before = other.read_bytes()
        for extra in ((), ("--ghi-de",)):
            out = run_cli("--db", str(office_file), "backup", str(other), *extra, home=tmp_path / "home")
            assert out.returncode != 0 and "đang được mở ở một cửa sổ Đối thoại khác" in out.stderr, out.stderr
        assert other.read_bytes() == before
        with pytest.raises(StorageError, match="cửa sổ Đối thoại khác"):
            backup.make_backup(office_file, other, replace=True)
    finally:
        p.stdin.close()
        p.wait(timeout=60)
    con = sqlite3.connect(other)
    assert con.execute("SELECT name FROM office").fetchone()[0].endswith("Kỳ Hoa")
    con.close()
    # closed: now the person may replace it, having said so
    out = run_cli("--db", str(office_file), "backup", str(other), "--ghi-de", home=tmp_path / "home")
    assert out.returncode == 0, out.stderr
    assert files.kind_of(other) == "sqlite"
