"""An error nobody foresaw: a non-zero exit, a Vietnamese message naming a log
that exists, the traceback in that log and never on screen (no local variables)."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def run(code: str, home: Path):
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)


CRASH = ("from tui.launch import guarded\n"
         "def boom():\n"
         "    secret_phone = '0912345678'\n"
         "    raise RuntimeError('boom')\n"
         "guarded(boom)\n")


def test_an_unforeseen_error_names_a_log_that_exists(tmp_path):
    out = run(CRASH, tmp_path / "home")
    assert out.returncode == 70
    assert "Lỗi không mong đợi" in out.stderr and "Traceback" not in out.stderr
    log = tmp_path / "home" / "logs" / "loi.log"
    assert str(log) in out.stderr
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: boom" in text and "0912345678" not in text


def test_an_unwritable_log_folder_is_said_and_the_log_goes_elsewhere(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("not a folder")      # the logs folder cannot be made
    out = run(CRASH, home)
    assert out.returncode == 70 and "không ghi được nên ghi vào đây" in out.stderr
    named = out.stderr.split("được ghi vào ")[1].split(" (thư mục")[0]
    assert Path(named).is_file() and "RuntimeError: boom" in Path(named).read_text(encoding="utf-8")


def test_a_huge_record_number_is_a_vietnamese_error(tmp_path):
    env = dict(os.environ, DOITHOAI_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-m", "tui", "print", "ke-hoach", "99999999999999999999999"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "không phải số (ID)" in out.stderr
    assert "OverflowError" not in out.stderr + out.stdout and "Traceback" not in out.stderr


def test_the_app_never_shows_textuals_crash_screen(demo_office, tmp_path):
    from tui.app import UNEXPECTED_EXIT, DoiThoaiApp

    app = DoiThoaiApp(demo_office)

    async def inner():
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()

            def boom():
                secret_phone = "0912345678"  # noqa: F841 - a local Textual would have printed
                raise RuntimeError("boom")

            app.call_later(boom)
            await pilot.pause()

    with pytest.raises(RuntimeError):
        asyncio.run(inner())
    assert app.return_code == UNEXPECTED_EXIT
    assert not app._exit_renderables                   # Textual's traceback with locals
    assert "Lỗi không mong đợi" in app.exit_message and "loi.log" in app.exit_message
    log = Path(os.environ["DOITHOAI_HOME"]) / "logs" / "loi.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("english, vietnamese", [
    ("file is not a database", "không phải cơ sở dữ liệu"),
    ("attempt to write a readonly database", "chỉ cho đọc"),
    ("[Errno 30] Read-only file system", "chỉ cho đọc"),
    ("database is locked", "khóa"),
    ("disk I/O error", "lỗi đọc ghi ổ đĩa"),
    ("[Errno 28] No space left on device", "ổ đĩa đã đầy"),
    ("[Errno 13] Permission denied: 'x'", "không có quyền"),
])
def test_system_errors_are_said_in_vietnamese(english, vietnamese):
    from models.core.errors import os_reason

    assert vietnamese in os_reason(english)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the process list is read from /proc")
def test_a_password_in_db_leaves_the_process_list(tmp_path):
    env = dict(os.environ, DOITHOAI_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    code = ("import sys; from tui.launch import main\n"
            "sys.argv = ['doithoai', '--db', 'postgresql://u:bi-mat-123@127.0.0.1:1/x', 'locate']\n"
            "main()\n"
            "print(open('/proc/self/cmdline', 'rb').read())\n")
    out = subprocess.run([sys.executable, "-c", code, "--db", "postgresql://u:bi-mat-123@127.0.0.1:1/x"],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "bi-mat-123" not in out.stdout and "u:**********@127.0.0.1" in out.stdout
