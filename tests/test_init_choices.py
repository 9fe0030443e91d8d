"""`doithoai init` asks in Vietnamese, in today's order (xã, phường, Đảng ủy xã;
huyện last, marked as before 1/7/2025), and never shows a code; the codes are
still accepted as option values for scripts."""
import os
import re
import select
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import REPO

from tests.test_cli import run


def read_until(fd, text: str, seen: list[str], timeout: float = 60.0) -> str:
    """Read the terminal until ``text`` shows after what was read so far."""
    start = len("".join(seen))
    deadline = time.monotonic() + timeout
    while text not in "".join(seen)[start:]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no {text!r} within {timeout:.0f} s; the terminal shows: {''.join(seen)!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen.append(chunk.decode("utf-8", "replace"))
    return "".join(seen)


def test_init_asks_with_vietnamese_choices_in_todays_order(tmp_path):
    home = tmp_path / "office"
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO))
    env.pop("DOITHOAI_DB", None)
    main, child = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tui", "init"], stdin=child, stdout=child, stderr=child,
                            env=env, cwd=REPO, close_fds=True)
    os.close(child)
    seen: list[str] = []
    try:
        screen = read_until(main, "Gõ số", seen)
        menu = re.findall(r"^\s*(\d)\. (.+?)\s*$", screen, re.M)
        assert [label for _, label in menu] == ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường", "Đảng ủy xã",
                                                "Ủy ban nhân dân huyện (trước 1/7/2025)"]
        os.write(main, "3\n".encode())
        read_until(main, "Tên địa phương", seen)
        os.write(main, "Đô Lương\n".encode())
        read_until(main, "Cơ quan cấp trên", seen)
        os.write(main, "\n".encode())
        read_until(main, "Họ tên người ký", seen)
        os.write(main, "\n".encode())
        read_until(main, "Gõ số", seen)
        os.write(main, "2\n".encode())
        screen = read_until(main, "Đã tạo cơ quan", seen)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert "Đảng ủy xã Đô Lương" in screen
    for code in ("ubnd_xa", "ubnd_phuong", "ubnd_huyen", "dang_uy_xa", "per_year", "per_kind"):
        assert code not in screen
    with sqlite3.connect(home / "data" / "doithoai.sqlite3") as con:
        assert con.execute("SELECT kind, numbering FROM office").fetchall() == [("dang_uy_xa", "per_kind")]


@pytest.mark.parametrize("typed, kind", [("ubnd_phuong", "ubnd_phuong"), ("phường", "ubnd_phuong"),
                                         ("Đảng ủy xã", "dang_uy_xa"), ("huyen", "ubnd_huyen")])
def test_init_takes_words_or_codes_as_option_values(tmp_path, typed, kind):
    home = tmp_path / "office"
    r = run("init", "--ten", "Trung Lương", "--loai", typed, "--danh-so", "per_kind", home=home)
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(home / "data" / "doithoai.sqlite3") as con:
        assert con.execute("SELECT kind, numbering FROM office").fetchall() == [(kind, "per_kind")]


def test_init_refuses_an_unknown_kind_in_vietnamese(tmp_path):
    r = run("init", "--ten", "A", "--loai", "tinh", home=tmp_path / "h")
    assert r.returncode != 0
    assert "không có trong danh sách" in r.stderr and "Ủy ban nhân dân xã" in r.stderr
    assert "ubnd_xa" not in r.stderr and "Traceback" not in r.stderr
