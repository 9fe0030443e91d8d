"""Fault injection: the database turns read-only, the disk fills up, another
program holds the lock, the server connection drops — mid-session. The user is
told in Vietnamese, the typing is kept, and once the database takes writes
again everything is saved, in order, once."""
from __future__ import annotations

import os
import sqlite3
import subprocess

import peewee as pw
import pytest

from models.core.errors import StaleEdit, ValidationError
from models.domain.petition import Petition, PetitionEvent
from models.services import catalog, petitions, records
from models.services.safe_write import (
    BUSY,
    DISCONNECTED,
    DISK_FULL,
    READ_ONLY,
    PendingWrites,
    storage_problem,
)

# long enough that every petition needs new pages: a capped file is then as full as a full disk
DETAIL = " Chi tiết: mặt đường bong tróc, ổ gà sâu, mùa mưa ngập nước." * 80


def session(office, pending: PendingWrites, start: int, count: int) -> list:
    """A secretary typing: each citizen's petition, then the content corrected three times."""
    outcomes = []
    for i in range(start, start + count):
        outcomes.append(pending.save(("new", i), petitions.record_petition, office,
                                     content=f"Ý kiến số {i}: đường thôn Đông xuống cấp{DETAIL}"))
    return outcomes


def edit_loop(pending: PendingWrites, pid: int, texts: list[str]) -> None:
    def save_content(value):
        p = Petition.get_by_id(pid)
        records.update(p, {"answer_on_spot": value})

    for t in texts:
        pending.save(("petition", pid, "answer_on_spot"), save_content, t)


def assert_all_saved(office, n: int, pid: int, last: str):
    rows = list(Petition.select().where(Petition.office == office).order_by(Petition.id))
    contents = [r.content for r in rows]
    expected = [f"Ý kiến số {i}: đường thôn Đông xuống cấp{DETAIL}" for i in range(n)]
    assert contents[1:] == expected          # nothing lost, nothing twice, in order
    assert PetitionEvent.select().count() == len(rows)
    assert Petition.get_by_id(pid).answer_on_spot == last


def run_fault(name, office, break_it, mend_it, expected_message):
    pending = PendingWrites()
    first = petitions.record_petition(office, content="Ý kiến mở đầu")
    assert all(o.saved for o in session(office, pending, 0, 10))
    break_it()
    kept = session(office, pending, 10, 10)
    edit_loop(pending, first.id, [f"Trả lời nháp {k}" for k in range(5)])
    assert not any(o.saved for o in kept)
    assert kept[-1].message == expected_message and pending.message == expected_message
    assert len(pending) == 11                 # 10 new petitions + one field (latest typing only)
    assert pending.retry().saved is False     # still broken: still kept
    mend_it()
    out = pending.retry()
    assert out.saved and len(pending) == 0 and pending.message == ""
    assert_all_saved(office, 20, first.id, "Trả lời nháp 4")
    assert pending.faults >= 11


@pytest.fixture
def sqlite_office(sqlite_db):
    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")


def test_database_turns_read_only_mid_session(sqlite_db, sqlite_office):
    # root ignores file modes, so the read-only state is SQLite's own switch, on
    # every connection (the app opens its connections again after a read-only
    # refusal): the same SQLITE_READONLY error a read-only medium gives
    # (tests/test_keeping_typing.py mounts a real read-only file system)
    def switch(on: int):
        sqlite_db._pragmas = [(k, v) for k, v in sqlite_db._pragmas if k != "query_only"] + [("query_only", on)]
        sqlite_db.execute_sql(f"PRAGMA query_only = {on}")

    run_fault("read_only", sqlite_office, lambda: switch(1), lambda: switch(0), READ_ONLY)


def test_disk_full_by_page_limit(sqlite_db, sqlite_office):
    def fill():
        """Cap the file's size, then use up every free byte of its pages."""
        pages = sqlite_db.execute_sql("PRAGMA page_count").fetchone()[0]
        sqlite_db.execute_sql(f"PRAGMA max_page_count = {pages + 20}")
        sqlite_db.execute_sql("CREATE TABLE fault_filler (b BLOB)")
        for size in (4000, 500, 50, 1):
            try:
                while True:
                    sqlite_db.execute_sql("INSERT INTO fault_filler VALUES (zeroblob(?))", (size,))
            except pw.OperationalError as exc:
                assert "full" in str(exc)

    run_fault("disk_full_pages", sqlite_office, fill,
              lambda: sqlite_db.execute_sql("PRAGMA max_page_count = 1073741823"), DISK_FULL)


@pytest.fixture
def tiny_disk(tmp_path):
    """A real 8 MiB filesystem (tmpfs), where mounting is allowed (root)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here; the page-limit test covers a full disk")
    yield mnt
    from models.storage.db import close_database

    close_database()
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_disk_really_full(tiny_disk):
    import models

    models.open_database(tiny_disk / "office.sqlite3")
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    filler = tiny_disk / "filler"

    def fill():
        free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
        with open(filler, "wb") as fh:
            try:
                fh.write(b"\0" * free)
            except OSError:
                pass

    run_fault("disk_full_tmpfs", office, fill, filler.unlink, DISK_FULL)


def test_another_program_holds_the_lock(sqlite_db, sqlite_office):
    sqlite_db.execute_sql("PRAGMA busy_timeout = 50")  # do not wait 10 s per write in a test
    holder = sqlite3.connect(sqlite_db.database, isolation_level=None)
    run_fault("locked", sqlite_office, lambda: holder.execute("BEGIN IMMEDIATE"),
              lambda: holder.execute("COMMIT"), BUSY)
    holder.close()


def test_server_connection_lost(pg_url):
    import psycopg2

    import models

    models.open_database(pg_url)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    db_target = pg_url

    from models.storage.db import database

    def kill():
        pid = database.obj.connection().info.backend_pid
        conn = psycopg2.connect(db_target)
        conn.autocommit = True
        conn.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
        conn.close()
        # keep the server refusing until mended: the next connection fails too
        database.obj.connect_params["host"] = "127.0.0.1"
        database.obj.connect_params["port"] = 1

    def mend():
        database.obj.connect_params["port"] = 5432

    pending = PendingWrites()
    first = petitions.record_petition(office, content="Ý kiến mở đầu")
    assert all(o.saved for o in session(office, pending, 0, 10))
    kill()
    kept = session(office, pending, 10, 10)
    assert not any(o.saved for o in kept) and pending.message == DISCONNECTED
    mend()
    assert pending.retry().saved
    assert_all_saved(office, 20, first.id, "")


def test_user_errors_are_not_kept(sqlite_db, sqlite_office):
    pending = PendingWrites()
    with pytest.raises(ValidationError):
        pending.save("x", petitions.record_petition, sqlite_office, content="   ")
    p = petitions.record_petition(sqlite_office, content="a")
    stale = Petition.get_by_id(p.id)
    records.update(p, {"content": "b"})
    with pytest.raises(StaleEdit):
        pending.save("y", records.update, stale, {"content": "c"})
    assert len(pending) == 0
    assert storage_problem(pw.IntegrityError("UNIQUE constraint failed")) is None
    assert storage_problem(OSError(28, "No space left on device")) == DISK_FULL
    assert storage_problem(sqlite3.OperationalError("database is locked")) == BUSY
