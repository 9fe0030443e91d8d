"""After a crash the next start checks what the crash could have broken, not
the whole file (issue 25: a 1 GB office read whole, seconds, after every kill).

The real app in a pseudo-terminal, killed with SIGKILL once its dashboard is
drawn. Killed while the machine kept running, the next start reads no more of
the file than a start after Ctrl+Q (/proc/PID/io). Killed by a power cut (the
mark it left names an earlier boot of the machine), the next start draws its
dashboard first, then checks the whole file in a worker and says so on screen:
a sound file is told sound, and a file with a garbled page in the middle of a
table (what a lost write on a power cut leaves) is told damaged, at every
start until it is restored; a command-line open refuses it at once."""
from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from models.core.errors import DatabaseDamaged

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.board import Terminal  # the bench's pty driver, after the path

PADDING_MB = 24


@pytest.fixture
def big_office(tmp_path, monkeypatch):
    """An office padded to ~28 MB: blobs, and a table of small rows several pages deep."""
    import models
    from models.services import catalog
    from models.storage.backup import startup_backup

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    path = tmp_path / "office.sqlite3"
    models.open_database(path)
    catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
    models.close_database()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE x_rows (t TEXT)")
    con.executemany("INSERT INTO x_rows VALUES (?)", ((f"dòng {i} " * 12,) for i in range(20_000)))
    con.execute("CREATE TABLE x_pad (b BLOB)")
    for _ in range(PADDING_MB):
        con.execute("INSERT INTO x_pad VALUES (randomblob(1000000))")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    startup_backup(path)        # the day's copy made: no start of the test reads the file for it
    return path


def painted(term: Terminal) -> None:
    term.wait(lambda t: "Tổng quan" in t and "Quá hạn" in t, timeout=180)


def bytes_read(pid: int) -> int:
    """Bytes the process has read so far (read() and pread() of files, the database's pages too)."""
    for line in Path(f"/proc/{pid}/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar")


def start(db: Path, *, kill: bool, until=None) -> tuple[int, str]:
    """The app on ``db`` up to its drawn dashboard (and ``until`` the screen
    shows what it asks), still for a moment; (bytes read, screen). Then
    killed (SIGKILL: its mark stays) or quit with Ctrl+Q."""
    term = Terminal(str(db), env=dict(os.environ))
    try:
        painted(term)
        if until is not None:
            term.wait(until, timeout=180)
        term.settle(1.5)
        read, screen = bytes_read(term.pid), term.text()
        if kill:
            os.kill(term.pid, signal.SIGKILL)
        else:
            os.write(term.fd, b"\x11")                # Ctrl+Q
        end = time.monotonic() + 120
        while os.waitpid(term.pid, os.WNOHANG) == (0, 0):     # its last frames read, or it would wait on them
            assert time.monotonic() < end, "the app did not quit:\n" + term.text()
            term.settle(0.1)
        return read, screen
    finally:
        try:
            os.kill(term.pid, signal.SIGKILL)
        except OSError:
            pass
        os.close(term.fd)


def marks(db: Path) -> list[Path]:
    return list(db.parent.glob(db.name + ".dang-mo-*"))


def as_if_the_machine_stopped(db: Path) -> None:
    """The marks the killed app left name an earlier boot, as after a power cut."""
    from models.storage.db import _BOOT_AT

    for mark in marks(db):
        with open(mark, "r+b") as fh:
            fh.seek(_BOOT_AT)
            fh.write(b"00000000-0000-4000-8000-000000000000\n")
            fh.truncate()


def garble_a_page_in_the_middle(db: Path) -> None:
    """The last leaf of x_rows, which no cheap check visits, zeroed as a lost write leaves it."""
    con = sqlite3.connect(db)
    root, size = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'x_rows'").fetchone()[0], \
        con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * size)
        page = fh.read(size)
        assert page[0] == 5          # an interior page: its right-most child is a leaf in the middle of the file
        leaf = int.from_bytes(page[8:12], "big")
        fh.seek((leaf - 1) * size)
        fh.write(bytes(size))


def sound(text: str) -> bool:
    return "vẹn" in text          # "… tệp dữ liệu nguyên vẹn."


def damaged(text: str) -> bool:
    return "hỏng" in text         # "Tệp dữ liệu bị hỏng (…)"


def test_after_a_kill_the_start_reads_no_more_than_after_ctrl_q(big_office):
    size = big_office.stat().st_size
    after_quit, _ = start(big_office, kill=True)         # started after a clean close; killed
    assert marks(big_office)
    after_kill, screen = start(big_office, kill=True)
    assert after_kill - after_quit < size / 4, (after_kill, after_quit, size)
    assert not sound(screen) and not damaged(screen), screen
    assert len(marks(big_office)) == 1, "the kill's mark went once checked; this start's stays"
    # the measure sees a whole read: a power cut's check reads the file, after the first screen
    as_if_the_machine_stopped(big_office)
    after_power_cut, screen = start(big_office, kill=False, until=sound)
    assert after_power_cut - after_quit > size * 0.9, (after_power_cut, after_quit, size)
    assert not marks(big_office)


def test_after_a_power_cut_a_damaged_file_is_told_and_kept_for_the_next_start(big_office):
    import models

    start(big_office, kill=True)
    as_if_the_machine_stopped(big_office)
    garble_a_page_in_the_middle(big_office)
    _, screen = start(big_office, kill=False, until=damaged)
    assert "restore" in screen, screen            # the command that puts the newest good copy back
    assert marks(big_office), "the mark stays until the file is restored: the next start checks again"
    with pytest.raises(DatabaseDamaged):
        models.open_database(big_office)         # a command line checks at once
    models.close_database()
