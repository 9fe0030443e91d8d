"""A long upgrade of the database is told, in Vietnamese, while it runs
(issue 25 item 4): migration 16 builds an index over every petition, half a
minute on a province's million on this machine, before the first screen.
A real SQLite file of the previous schema is upgraded; the tellings must rise
from the instructions SQLite ran and end with the time it took."""
from __future__ import annotations

import io
import sqlite3

import models
from models.storage import migrations

INDEX = migrations.OFFICE_SEARCH_INDEX
PETITIONS = 5_000


def _file_of_version_15(path) -> None:
    """A database of the schema before migration 16, with PETITIONS petitions."""
    from models.services import catalog
    from models.domain.petition import Petition

    models.open_database(path)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    village = catalog.add_village(office, "Đông Hải")
    first = Petition.create(office=office, content="Kênh mương nội đồng bị bồi lấp", citizen_name="Nguyễn Văn Tứ",
                            village=village, disposition="noted", status="noted", received_on="2026-11-02",
                            search_text="kenh muong noi dong bi boi lap nguyen van tu")
    models.close_database()
    db = sqlite3.connect(path)
    cols = [c[1] for c in db.execute("PRAGMA table_info(petition)") if c[1] != "id"]
    row = db.execute(f"SELECT {', '.join(cols)} FROM petition WHERE id = ?", (first.id,)).fetchone()
    db.executemany(f"INSERT INTO petition ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                   [row] * (PETITIONS - 1))
    db.execute(f"DROP INDEX {INDEX}")
    db.execute("DELETE FROM schema_version WHERE version >= 16")
    db.commit()
    db.close()


def test_a_long_upgrade_is_told_as_it_goes(tmp_path, monkeypatch):
    path = tmp_path / "cu.sqlite3"
    _file_of_version_15(path)
    monkeypatch.setattr(migrations, "TELL_AFTER", 0.0)
    monkeypatch.setattr(migrations, "TELL_EVERY", 0.002)
    monkeypatch.setattr(migrations, "PROGRESS_STEP", 1)       # this small file: the same count, in finer steps
    told = []
    migrations.tell_progress_to(lambda version, done, seconds: told.append((version, done, seconds)))
    try:
        models.open_database(path, create=False)
    finally:
        migrations.tell_progress_to(None)
    try:
        assert INDEX in {r[0] for r in models.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    finally:
        models.close_database()
    sixteen = [done for version, done, _s in told if version == 16]
    assert sixteen[-1] == 1.0, told                      # the end is told once
    assert sixteen.count(1.0) == 1
    during = sixteen[:-1]
    assert during == sorted(during), during               # never goes back
    assert any(0 < d < migrations.ALL_READ for d in during), during     # a fraction, not just "working"
    assert max(during) >= 0.5, during                     # the count of instructions follows the petitions


def test_the_terminal_reads_it_in_vietnamese():
    from tui.upgrading import show_upgrades

    out = io.StringIO()
    show_upgrades(out)
    try:
        told = migrations._told[0]
        for done in (0.05, 0.07, 0.42, 0.995):
            told(16, done, 3.0)
        told(16, 1.0, 31.6)
    finally:
        migrations.tell_progress_to(None)
    lines = out.getvalue().splitlines()
    # not a terminal: what is happening once, a line each tenth (0.05 and 0.07 are one), then the end
    assert lines == [
        "Đang nâng cấp cơ sở dữ liệu cho phiên bản mới của chương trình. Việc này chỉ làm một lần; xin đừng đóng "
        "cửa sổ này.",
        "Phiên bản 16: xong 5 %, đã 3 giây.",
        "Phiên bản 16: xong 42 %, đã 3 giây.",
        "Phiên bản 16: đang kiểm tra và ghi lại, đã 3 giây.",
        "Đã nâng cấp xong cơ sở dữ liệu lên phiên bản 16 sau 32 giây.",
    ], lines
