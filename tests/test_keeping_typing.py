"""What the storage refuses is kept and saved once it can be (issue 21, item 7):
a database on a read-only file system saves without a restart once the file
system is writable again."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CRASHED_OFFICE = """
import os, sys, models
from models.services import catalog
models.open_database(sys.argv[1])
catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
os.kill(os.getpid(), 9)
"""


@pytest.fixture
def usb(tmp_path):
    """A small file system of its own, to be made read-only and writable again."""
    mnt = tmp_path / "usb"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a file system needs root (CI runs as root)")
    yield mnt
    import models

    models.close_database()
    subprocess.run(["umount", "-l", str(mnt)])


def test_a_read_only_database_saves_once_writable(usb):
    import models
    from models.catalog import Office, Setting
    from models.services import live_session as live
    from models.services.safe_write import READ_ONLY, PendingWrites

    db = usb / "doithoai.sqlite3"
    # an office left by a power cut (its -wal and -shm beside it), on a stick locked read-only
    out = subprocess.run([sys.executable, "-c", CRASHED_OFFICE, str(db)], env=dict(os.environ, PYTHONPATH=str(REPO)),
                         cwd=REPO)
    assert out.returncode == -signal.SIGKILL
    assert subprocess.run(["mount", "-o", "remount,ro", str(usb)]).returncode == 0
    models.open_database(db)
    office = Office.get()
    writer = ThreadPoolExecutor(1)            # the screen's writes run in a worker thread, as in the app
    pending = PendingWrites()
    place = {"conference": None, "draft": {"content": "Đường liên thôn sạt lở"}, "focus": "content"}
    kept = writer.submit(pending.save, "place", live.save_place, office, place).result()
    assert not kept.saved and kept.message == READ_ONLY
    assert subprocess.run(["mount", "-o", "remount,rw", str(usb)]).returncode == 0
    outcome = writer.submit(pending.retry).result()
    assert outcome.saved and len(pending) == 0
    writer.shutdown()
    assert live.load_place(office)["draft"]["content"] == "Đường liên thôn sạt lở"
    assert Setting.select().where(Setting.key.startswith("session.resume:")).count() == 1
