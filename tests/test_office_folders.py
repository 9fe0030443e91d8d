"""Each office keeps its documents in a folder of its own, named by the office's
stable identity (Office.uid), so that no office's first document is blocked by
another office's file of the same name (issue 21, Security 2). The same on
PostgreSQL, where each login sees only its own office: test_pg_attacks.py."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import models
from models.storage.migrations import MIGRATIONS, _v10_office_uid
from models.core.paths import locations
from models.services import issued_files, register_view
from test_offices import issue_plan, two_offices


def test_two_offices_of_one_database_each_issue_their_first_document(sqlite_db):
    a, b = two_offices()
    doc_a, doc_b = issue_plan(a), issue_plan(b)
    assert doc_a.symbol == doc_b.symbol == "01/KH-UBND"
    path_a, path_b = Path(doc_a.file_path), Path(doc_b.file_path)
    assert path_a != path_b and path_a.name == path_b.name == "01-KH-UBND.pdf"
    assert path_a.parent.parent == issued_files.office_folder(a.id)
    assert path_b.parent.parent == issued_files.office_folder(b.id)
    assert {path_a.parent.parent.parent, path_b.parent.parent.parent} == {locations().documents}
    assert a.uid and b.uid and a.uid != b.uid


def test_two_databases_sharing_one_data_folder_never_share_files(tmp_path):
    """Two SQLite files used from one account (DOITHOAI_HOME): each has an office
    number 1 issuing 01/KH-UBND, and neither blocks the other."""
    paths = []
    for name in ("xa-mot.sqlite3", "xa-hai.sqlite3"):
        models.open_database(str(tmp_path / name))
        office, _ = two_offices()
        assert office.id == 1
        doc = issue_plan(office)
        assert doc.symbol == "01/KH-UBND"
        assert register_view.check_file(doc).state == register_view.FILE_OK
        paths.append(Path(doc.file_path))
        models.close_database()
    assert paths[0] != paths[1] and paths[0].read_bytes() and paths[1].read_bytes()


def test_an_office_from_before_keeps_its_files_and_gets_a_folder(tmp_path):
    """A database from before office identities: its documents were issued under
    the shared folder. The upgrade gives the office an identity; the register
    still finds the old files, and the next document goes to the office's folder."""
    target = tmp_path / "cu.sqlite3"
    models.open_database(str(target))
    office, _ = two_offices()
    old = issue_plan(office)
    models.close_database()
    # as an earlier version left it: no uid column, the file in the shared folder
    old_path = locations().documents / "2026" / "01-KH-UBND.pdf"
    old_path.parent.mkdir(parents=True, exist_ok=True)
    Path(old.file_path).rename(old_path)
    con = sqlite3.connect(target)
    with con:
        con.execute("ALTER TABLE office DROP COLUMN uid")
        con.execute("UPDATE outgoing_document SET file_path = ? WHERE id = ?", (str(old_path), old.id))
        con.execute("DELETE FROM schema_version WHERE version >= ?", (MIGRATIONS.index(_v10_office_uid) + 1,))
    con.close()

    models.open_database(str(target))
    office = models.Office.get_by_id(office.id)
    assert len(office.uid) == 32
    old = models.OutgoingDocument.get_by_id(old.id)
    assert register_view.check_file(old, chained=False).state == register_view.FILE_OK
    new = issue_plan(office)
    assert new.number == 2 and Path(new.file_path).parent.parent == issued_files.office_folder(office.id)
    assert old_path.is_file()
