"""A restore stopped at any step — killed, or failing as a crash would — leaves
at the database's place either the old database or the restored one, whole;
the old one's log is never replayed into the restored copy; nothing of the old
one is lost (issue 21, item 8)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.storage import backup

REPO = Path(__file__).resolve().parents[1]
STEPS = ("copied", "settled", "aside", "logs", "swapped")

CRASHED_WITH_LOG = """
import os, sys, models
models.open_database(sys.argv[1])
models.database.execute_sql("PRAGMA wal_autocheckpoint=0")
models.database.execute_sql("CREATE TABLE x_note (a)")
for i in range(40):
    models.database.execute_sql("INSERT INTO x_note VALUES (?)", (f"old row {i}",))
os.kill(os.getpid(), 9)
"""

KILLED_AT = """
import os, sys, datetime as dt
from models.storage import backup
def step(name):
    if name == sys.argv[3]:
        os.kill(os.getpid(), 9)
backup.restore(sys.argv[1], sys.argv[2], step=step, now=dt.datetime(2026, 11, 22, 8, 0, 0))
"""


def office_db(path: Path, name: str) -> None:
    import models
    from models.services import catalog

    models.open_database(path)
    catalog.create_office(kind="ubnd_xa", place_name=name, signer_name="Nguyễn Văn An")
    models.close_database()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The old database (Kỳ Khang, 40 rows only in its -wal: a power cut) and a
    backup of another office (Kỳ Hoa), made once and copied for each case."""
    base = tmp_path_factory.mktemp("restore-steps")
    old = base / "old" / "doithoai.sqlite3"
    old.parent.mkdir()
    office_db(old, "Kỳ Khang")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", CRASHED_WITH_LOG, str(old)], env=env, cwd=REPO)
    assert out.returncode == -signal.SIGKILL
    assert Path(str(old) + "-wal").stat().st_size > 0
    other = base / "other.sqlite3"
    office_db(other, "Kỳ Hoa")
    copy = backup.make_backup(other, base / "ky-hoa-backup.sqlite3")
    return old.parent, copy


def lay_out(made, tmp_path) -> tuple[Path, Path]:
    folder, copy = made
    data = tmp_path / "data"
    shutil.copytree(folder, data)
    for mark in data.glob("*.dang-mo-*"):
        mark.unlink()        # the crash's mark (it would only ask for the full check)
    return data / "doithoai.sqlite3", copy


def what_is_there(db: Path) -> str:
    """"old" (Kỳ Khang with its 40 rows) or "restored" (Kỳ Hoa without any of them); anything else fails."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        name = con.execute("SELECT name FROM office").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = con.execute("SELECT COUNT(*) FROM x_note").fetchone()[0] if "x_note" in tables else 0
    finally:
        con.close()
    if name.endswith("Kỳ Khang"):
        assert rows == 40, "the old database lost what its log held"
        return "old"
    assert name.endswith("Kỳ Hoa") and rows == 0, f"a mix: {name} with {rows} rows of the old log"
    return "restored"


def old_rows_kept(folder: Path) -> bool:
    for p in folder.glob("*.truoc-khoi-phuc-*.sqlite3"):
        con = sqlite3.connect(p)
        try:
            if con.execute("SELECT COUNT(*) FROM x_note").fetchone()[0] == 40:
                return True
        except sqlite3.DatabaseError:
            pass
        finally:
            con.close()
    return False


def finish_and_check(db: Path, copy: Path) -> None:
    backup.restore(copy, db, now=dt.datetime(2026, 11, 22, 9, 0, 0))
    assert what_is_there(db) == "restored"
    assert old_rows_kept(db.parent), "the old database is not kept beside it"
    assert not list(db.parent.glob("*.restore-tmp"))


@pytest.mark.parametrize("at", STEPS)
def test_a_restore_failing_at_each_step(made, tmp_path, at):
    db, copy = lay_out(made, tmp_path)

    def crash(name):
        if name == at:
            raise RuntimeError(f"stopped at {name}")

    with pytest.raises(RuntimeError):
        backup.restore(copy, db, step=crash, now=dt.datetime(2026, 11, 22, 8, 0, 0))
    assert what_is_there(db) == ("restored" if at == "swapped" else "old")
    finish_and_check(db, copy)


@pytest.mark.parametrize("at", STEPS)
def test_a_restore_killed_at_each_step(made, tmp_path, at):
    db, copy = lay_out(made, tmp_path)
    out = subprocess.run([sys.executable, "-c", KILLED_AT, str(copy), str(db), at],
                         env=dict(os.environ, PYTHONPATH=str(REPO)), cwd=REPO)
    assert out.returncode == -signal.SIGKILL
    assert what_is_there(db) == ("restored" if at == "swapped" else "old")
    finish_and_check(db, copy)


def test_a_log_left_by_an_earlier_restore_is_never_replayed(made, tmp_path):
    """As an earlier version left it when killed between its two renames: no
    database, its -wal still there. The restored copy does not take it in."""
    db, copy = lay_out(made, tmp_path)
    os.replace(db, db.with_name("doithoai.truoc-khoi-phuc-20261122-070000.sqlite3"))
    assert Path(str(db) + "-wal").stat().st_size > 0
    backup.restore(copy, db, now=dt.datetime(2026, 11, 22, 8, 0, 0))
    assert what_is_there(db) == "restored"
