"""The command line at a terminal: no control character typed or stored reaches
the screen (escape sequences, bell, backspace, carriage return), a question is
answered in Vietnamese (c/k), and a write lock held by another program while a
command writes is said in Vietnamese instead of ending as an unforeseen error."""
from __future__ import annotations

import os
import pty
import re
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NASTY = "chuông\x07 lùi\x08 đầu dòng\r \x1b]0;tieu-de\x07 \x1b[31mđỏ\x1b[0m \x9b2J"


@pytest.fixture
def home(tmp_path):
    import datetime as dt

    import models
    from models.storage.db import close_database
    from models.demo import build_demo

    h = tmp_path / "home"
    os.environ["DOITHOAI_HOME"] = str(h)          # (the autouse fixture restores it)
    models.open_database(h / "data" / "doithoai.sqlite3")
    build_demo(today=dt.date(2026, 11, 22))
    close_database()
    return h


def env_for(home: Path) -> dict:
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), DOITHOAI_TODAY="2026-11-22",
               DOITHOAI_TEST_PRINTER="PDF")
    env.pop("DOITHOAI_DB", None)
    return env


def at_terminal(home, args, answer: str | None = None, cwd: Path = REPO) -> tuple[int, str]:
    """Run the real program on a pty (so nothing strips colours for us); type
    ``answer`` when it asks [c/K]."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execvpe(sys.executable, [sys.executable, "-m", "tui", *args], env_for(home))
    seen, answered = b"", False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if answer is not None and not answered and b"[c/K]" in seen:
            os.write(fd, answer.encode() + b"\r")
            answered = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def test_control_characters_never_reach_the_terminal(home, tmp_path):
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    for args in (["--co-quan", NASTY, "register"],
                 ["user", "use", NASTY],
                 ["office", "use", NASTY],
                 ["--db", str(tmp_path / NASTY), "locate"],
                 ["print", "ke-hoach", NASTY],
                 ["backup", str(out_dir / NASTY)]):
        code, screen = at_terminal(home, args, cwd=tmp_path)
        text = screen.replace("\r\n", "\n")            # the pty's own line ends
        assert "Traceback" not in text and code in (0, 1, 2, 3), (args, code, text)
        assert not CONTROL.search(text), (args, text)
        assert "chuông" in text, (args, text)         # the value is still shown, made harmless


def test_replace_is_asked_and_answered_in_vietnamese(home, tmp_path):
    out = tmp_path / "diem-danh.pdf"
    r = subprocess.run([sys.executable, "-m", "tui", "print", "diem-danh", "1", "-o", str(out)],
                       capture_output=True, text=True, env=env_for(home), cwd=REPO, timeout=120)
    assert r.returncode == 0, r.stderr
    inode = out.stat().st_ino
    code, screen = at_terminal(home, ["print", "diem-danh", "1", "-o", str(out)], "k")
    assert code != 0 and "Thay bằng tệp mới? [c/K]" in screen and "[y/N]" not in screen, screen
    assert out.stat().st_ino == inode
    code, screen = at_terminal(home, ["print", "diem-danh", "1", "-o", str(out)], "c")
    assert code == 0, screen
    assert out.stat().st_ino != inode


def test_a_write_lock_held_by_another_program_is_said_in_vietnamese(home):
    con = sqlite3.connect(home / "data" / "doithoai.sqlite3", timeout=0)
    con.execute("BEGIN EXCLUSIVE")
    try:
        r = subprocess.run([sys.executable, "-m", "tui", "petition", "--noi-dung", "Xin sửa cầu",
                            "--don-vi", "Địa chính"], capture_output=True, text=True, env=env_for(home),
                           cwd=REPO, timeout=120)
    finally:
        con.rollback()
        con.close()
    assert r.returncode == 3, r.stderr
    assert "Lỗi không mong đợi" not in r.stderr and "OperationalError" not in r.stderr
    assert "giữ khóa" in r.stderr and "không hỏng" in r.stderr and "khôi phục" not in r.stderr
    assert not (home / "logs" / "loi.log").exists()
    with sqlite3.connect(home / "data" / "doithoai.sqlite3") as c:
        assert c.execute("SELECT COUNT(*) FROM petition WHERE content = 'Xin sửa cầu'").fetchone()[0] == 0
