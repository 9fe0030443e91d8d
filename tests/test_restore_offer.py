"""At a keyboard, a damaged database is never overwritten: the app offers the
newest good backup, restores it when the user says so, keeps the damaged file
aside and opens. Driven through a real pseudo-terminal."""
import os
import pty
import select
import subprocess
import sys
import time

from conftest import REPO


def run_cli(args, home):
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "tui", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def read_until(fd, needle: str, timeout: float = 60) -> str:
    seen = b""
    end = time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if needle.encode() in seen:
                return seen.decode("utf-8", "replace")
    raise AssertionError(f"{needle!r} not seen; screen had: {seen.decode('utf-8', 'replace')[-600:]}")


def test_damaged_database_offers_and_restores_the_newest_backup(tmp_path):
    home = tmp_path / "office"
    assert run_cli(["init", "--ten", "Kỳ Khang"], home).returncode == 0
    assert run_cli(["backup"], home).returncode == 0
    db = home / "data" / "doithoai.sqlite3"
    damaged = bytearray(db.read_bytes())
    damaged[100:4096] = b"\xff" * 3996
    db.write_bytes(bytes(damaged))

    master, slave = pty.openpty()
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), TERM="xterm-256color",
               COLUMNS="120", LINES="36")
    proc = subprocess.Popen([sys.executable, "-m", "tui"], stdin=slave, stdout=slave, stderr=slave,
                            env=env, cwd=REPO, close_fds=True)
    os.close(slave)
    try:
        screen = read_until(master, "[c/K]")
        assert "không bị sửa" in screen and "sao lưu" in screen
        os.write(master, b"c\r")
        read_until(master, "Kiến nghị cần xử lý")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    kept = list((home / "data").glob("doithoai.truoc-khoi-phuc-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)
    assert run_cli(["doctor"], home).stdout.count("kiểm tra toàn vẹn: tốt") == 1


def test_a_locked_database_offers_to_wait_and_opens_once_released(tmp_path):
    """Another program holds the lock: the app says so, never offers a restore,
    and opens when the user answers after the other program let go."""
    home = tmp_path / "office"
    assert run_cli(["init", "--ten", "Kỳ Khang"], home).returncode == 0
    assert run_cli(["backup"], home).returncode == 0
    db = home / "data" / "doithoai.sqlite3"
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout.readline().strip() == "locked"
    master, slave = pty.openpty()
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), TERM="xterm-256color",
               COLUMNS="120", LINES="36")
    proc = subprocess.Popen([sys.executable, "-m", "tui"], stdin=slave, stdout=slave, stderr=slave,
                            env=env, cwd=REPO, close_fds=True)
    os.close(slave)
    try:
        screen = read_until(master, "[c/K]")
        assert "chương trình khác" in screen and "Chờ" in screen and "Khôi phục" not in screen
        locker.stdin.close()
        locker.wait(timeout=30)
        os.write(master, b"c\r")
        read_until(master, "Kiến nghị cần xử lý")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
        if locker.poll() is None:
            locker.kill()
    assert not list((home / "data").glob("*truoc-khoi-phuc*"))


LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""
