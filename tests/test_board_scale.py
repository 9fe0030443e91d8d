"""Province scale: search through the substring indexes gives the same rows on
SQLite and PostgreSQL as the plain definition (every folded word a substring
of the folded text); keyset pages give the rows OFFSET pages gave; capped
counts stay right after inserts, edits and status changes; the migration that
adds the indexes runs on a database of the previous schema, and again without
harm."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

import models
from tests.conftest import PG_URL, require_pg

TODAY = dt.date(2026, 11, 23)

PEOPLE = [
    ("Nguyễn Văn Ất", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất đai", "Đông Hải"),
    ("NGUYỄN THỊ ĐÀO", "Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét", "Trung Lương"),
    ("Trần Đình Đức", "100% hộ dân đồng ý mở rộng đường", "Đông Hải"),
    ("Lê An", "Mã hồ sơ x_y chưa được trả", "Phú Ân"),
    ("Phạm Thị Dung", "Tỷ lệ 50%_ chưa đạt; hỏi \"ngoặc kép\" thế nào", "Trung Lương"),
    ("Hồ Văn Ơn", "Ở đây có ổ gà", "Phú Ân"),
    ("Đỗ Thị Ánh", "Đường đất lầy lội mùa mưa, xe không qua được", "Đông Hải"),
    ("", "Ý kiến về an ninh trật tự ở thôn", "Trung Lương"),
]

QUERIES = [
    "dat dai", "Đất đai", "ĐẤT", unicodedata.normalize("NFD", "đất đai"), "đ", "Đ", "d",
    "nguyen van", "NGUYỄN", "an", "ở", "o", "kênh mương", "kenh muong noi dong",
    "giay chung nhan quyen su dung dat dai", "100%", "%", "_", "x_y", "50%_", "x%y", '"ngoac',
    "duc dinh", "xyzxyz", "  ", "ổ gà", "uyen"]


def _load(target) -> dict[str, int]:
    """Open ``target`` and record the people's petitions; name → id."""
    from models.services import catalog, petitions

    models.open_database(target)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    villages = {}
    ids = {}
    for name, content, village in PEOPLE:
        if village not in villages:
            villages[village] = catalog.add_village(office, village)
        p = petitions.record_petition(office, content=content, citizen_name=name, village=villages[village],
                                      disposition="noted", received_on=TODAY)
        ids[content] = p.id
    return office, ids


def _found(office, query: str) -> list[str]:
    from models.domain.base import is_postgres
    from models.domain.petition import Petition
    from models.services import board
    from models.core.text import fold

    # the office (a small one: its rows are read) and the province view (the
    # search index: FTS5 on SQLite, pg_trgm on PostgreSQL) find the same rows
    found = []
    for scope in (office.id, None):
        q = board.BoardQuery(scope, status="all", search=query, today=TODAY, sort="citizen")
        ctx = board.context_for(q)
        if fold(query):
            assert ctx.search_indexed(q) == (scope is None and (
                is_postgres() or any(len(w) >= 3 for w in fold(query).split()))), (scope, query)
        found.append(sorted(Petition.get_by_id(r.id).content for r in board.rows(q, ctx)))
    assert found[0] == found[1], query
    return found[0]


def _expected(query: str) -> list[str]:
    """The definition, in Python: every folded word is in the folded text."""
    from models.domain.petition import Petition
    from models.core.text import fold

    words = fold(query).split()
    return sorted(p.content for p in Petition.select() if all(w in p.search_text for w in words))


def test_search_gives_the_same_rows_on_sqlite_and_postgresql(tmp_path):
    require_pg()
    results = {}
    for engine, target in (("sqlite", tmp_path / "office.sqlite3"), ("postgresql", PG_URL)):
        office, _ids = _load(target)
        results[engine] = {q: _found(office, q) for q in QUERIES}
        assert results[engine] == {q: _expected(q) for q in QUERIES}, engine
        models.close_database()
    assert results["sqlite"] == results["postgresql"]
    got = results["sqlite"]
    # the meaning, spelled out on a few of them
    assert got["dat dai"] == got["Đất đai"] == got[unicodedata.normalize("NFD", "đất đai")] \
        == ["Đề nghị cấp giấy chứng nhận quyền sử dụng đất đai"]
    assert len(got["NGUYỄN"]) == 2 and got["nguyen van"] == ["Đề nghị cấp giấy chứng nhận quyền sử dụng đất đai"]
    assert got["100%"] == ["100% hộ dân đồng ý mở rộng đường"]
    assert got["x_y"] == ["Mã hồ sơ x_y chưa được trả"] and got["x%y"] == []
    assert got["50%_"] == got['"ngoac'] == ["Tỷ lệ 50%_ chưa đạt; hỏi \"ngoặc kép\" thế nào"]
    assert len(got["%"]) == 2 and len(got["_"]) == 2
    assert got["ở"] == got["o"] and len(got["o"]) > 1
    assert got["xyzxyz"] == [] and len(got["  "]) == len(PEOPLE)


def test_search_index_follows_edits_and_deletes(db):
    from models.domain.petition import Petition
    from models.services import catalog, petitions

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    p = petitions.record_petition(office, content="Đường làng hư hỏng", citizen_name="Lê Văn Tám",
                                  disposition="noted", received_on=TODAY)
    assert [c for c in _found(office, "duong lang")] == ["Đường làng hư hỏng"]
    p.content = "Cống thoát nước bị tắc"
    p.save()
    assert _found(office, "duong lang") == [] and _found(office, "cong thoat") == ["Cống thoát nước bị tắc"]
    Petition.delete().where(Petition.id == p.id).execute()
    assert _found(office, "cong thoat") == []


@pytest.fixture
def many(office):
    """Twenty-three petitions: deadlines with ties and gaps, some without a
    deadline, some without a unit, in several states."""
    from models.domain.petition import Petition
    from models.services import catalog, petitions

    units = catalog.units(office)
    village = catalog.add_village(office, "Đông Hải")
    for i in range(23):
        p = petitions.record_petition(office, content=f"Kiến nghị số {i}", citizen_name=f"Người {i % 7}",
                                      village=village, disposition="noted", received_on=TODAY)
        Petition.update(due_on=None if i % 5 == 0 else TODAY + dt.timedelta(days=(i * 7) % 11 - 5),
                        unit=None if i % 4 == 0 else units[i % 3].id,
                        status=("open", "open", "answered")[i % 3]).where(Petition.id == p.id).execute()
    return office


@pytest.mark.parametrize("status", ["action", "all"])
def test_keyset_pages_are_the_offset_pages(many, status):
    from models.services import board

    for sort in board.SORTS:
        for descending in (False, True):
            q = board.BoardQuery(many.id, status=status, sort=sort, descending=descending, page_size=4,
                                 today=TODAY)
            total = board.counts(q)["total"]
            by_offset = [[r.id for r in board.rows(q.with_(page=n))] for n in range(-(-total // 4))]
            assert sum(map(len, by_offset)) == total
            forward, pg, cur = [], board.page(q), q
            while True:
                forward.append([r.id for r in pg.rows])
                nxt = pg.next_query(cur)
                if nxt is None:
                    break
                cur, pg = nxt, board.page(nxt)
            assert forward == by_offset, (sort, descending)
            backward = []
            while True:
                backward.append([r.id for r in pg.rows])
                prev = pg.previous_query(cur)
                if prev is None:
                    break
                cur, pg = prev, board.page(prev)
            assert backward[::-1] == by_offset, (sort, descending)


def test_capped_counts_follow_inserts_edits_and_status_changes(many):
    from models.domain.petition import Petition
    from models.services import board, board_actions, petitions

    q = board.BoardQuery(many.id, today=TODAY)
    exact = board.counts(q)
    capped = board.counts(q, cap=1000)
    assert {k: capped[k] for k in exact} == exact and not capped["capped"]
    small = board.counts(q, cap=3)
    assert small["capped"] and small["total"] > 3
    # a new open petition, then a deadline moved, then one closed
    p = petitions.record_petition(many, content="Mới", citizen_name="Mới", disposition="noted",
                                  received_on=TODAY)
    Petition.update(status="open", due_on=TODAY - dt.timedelta(days=2)).where(Petition.id == p.id).execute()
    after = board.counts(q, cap=1000)
    assert after["total"] == exact["total"] + 1 and after["late"] == exact["late"] + 1
    p = Petition.get_by_id(p.id)
    board_actions.extend(p, (TODAY + dt.timedelta(days=30)).strftime("%d/%m/%Y"), "Chờ khảo sát",
                         expected_version=p.row_version, today=TODAY)
    moved = board.counts(q, cap=1000)
    assert moved["late"] == exact["late"] and moved["on_track"] == exact["on_track"] + 1
    p = Petition.get_by_id(p.id)
    board_actions.close(p, "Đã giải quyết tại chỗ", expected_version=p.row_version, today=TODAY)
    assert {k: v for k, v in board.counts(q, cap=1000).items() if k in exact} == exact
    assert board.counts(q.with_(status="all"), cap=1000)["total"] == board.counts(q.with_(status="all"))["total"]
    searched = board.counts(q.with_(status="all", search="kien nghi"), cap=1000)
    assert searched["total"] == 23 and not searched["capped"]
    assert board.counts(q.with_(status="all", search="kien nghi"), cap=5)["capped"]


def _downgrade_to_previous_schema(db) -> None:
    """What a database made by the previous release looks like: no search
    index, the old wide index, none of the new board indexes, version 2."""
    import peewee as pw

    from models.storage.migrations import SchemaVersion
    from models.domain.petition import Petition
    from models.storage import search_index

    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(f"DROP INDEX IF EXISTS {search_index.PETITION_TRGM}")
    else:
        for suffix in ("ai", "ad", "au"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {search_index.PETITION_FTS}_{suffix}")
        db.execute_sql(f"DROP TABLE IF EXISTS {search_index.PETITION_FTS}")
    for idx in Petition._meta.indexes:
        db.execute_sql(f"DROP INDEX IF EXISTS petition_{'_'.join(f + ('_id' if f in ('office', 'unit', 'field', 'village') else '') for f in idx[0])}")
    db.execute_sql("CREATE INDEX petition_status_due_on_office_id_search_text "
                   "ON petition (status, due_on, office_id, search_text)")
    with db.bind_ctx([SchemaVersion]):
        SchemaVersion.delete().where(SchemaVersion.version > 2).execute()


def test_migration_on_a_previous_database_and_again(db_target):
    from models.storage import migrations
    from models.domain.petition import Petition

    office, _ids = _load(db_target)
    db = models.storage.db.database.obj
    _downgrade_to_previous_schema(db)
    before = {i.name for i in db.get_indexes("petition")}
    assert "petition_office_id_due_on" not in before
    models.close_database()
    db = models.open_database(db_target)           # the migration runs
    assert migrations.current_version(db) == migrations.CURRENT
    names = {i.name for i in db.get_indexes("petition")}
    assert "petition_status_due_on_office_id_search_text" not in names
    assert {"petition_office_id_due_on", "petition_unit_id_received_on"} <= names
    assert _found(office, "kenh muong") == ["Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét"]
    migrations._v3_search_index(db)                 # once more: nothing changes, nothing doubles
    assert {i.name for i in db.get_indexes("petition")} == names
    assert _found(office, "kenh muong") == ["Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét"]
    assert Petition.select().count() == len(PEOPLE)
    assert models.storage.search_index.index_problem(db) is None


def test_postgresql_without_pg_trgm_searches_slower_but_right(pg_url):
    from models.storage import search_index

    office, _ids = _load(pg_url)
    db = models.storage.db.database.obj
    with_index = {q: _found(office, q) for q in ("dat dai", "kenh muong", "100%")}
    db.execute_sql("DROP EXTENSION pg_trgm CASCADE")      # takes the GIN index with it
    assert search_index.index_problem(db) == search_index.EXTENSION_MISSING
    assert "CREATE EXTENSION pg_trgm" in search_index.EXTENSION_MISSING
    assert {q: _found(office, q) for q in with_index} == with_index
    assert search_index.ensure_index(db) is None                 # the database's owner may create it again
    assert search_index.index_problem(db) is None
    assert {q: _found(office, q) for q in with_index} == with_index


def test_postgresql_knows_how_common_a_searched_word_is_in_one_office(pg_url):
    """Migration 7: statistics of the expression an office's search filters
    with. With them the planner reads a page of a common word's matches from
    the (office_id, due_on, id) index in order and stops, instead of reading
    the office's every row and sorting."""
    from models.storage import migrations

    office, _ids = _load(pg_url)
    db = models.storage.db.database.obj
    if int(db.execute_sql("SHOW server_version_num").fetchone()[0]) < 140000:
        pytest.skip("PostgreSQL before 14 has no statistics on expressions")
    names = {r[0] for r in db.execute_sql("SELECT stxname FROM pg_statistic_ext").fetchall()}
    assert migrations.SEARCH_STATISTICS in names
    migrations._v7_search_statistics(db)            # once more: nothing doubles, nothing fails
    again = [r[0] for r in db.execute_sql("SELECT stxname FROM pg_statistic_ext").fetchall()]
    assert again.count(migrations.SEARCH_STATISTICS) == 1
    assert _found(office, "kenh muong") == ["Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét"]


def test_an_office_search_reads_the_folded_text_from_an_index(tmp_path):
    """SQLite: an office's search (its petitions are read, not the search
    index) finds its matches in the (office, status, due_on, search_text)
    index without reading the table, whose rows of one office lie spread over
    the whole file of a province (issue 25: the first search on a cold 1M file
    read 2,500 scattered pages, 1.2-1.5 s)."""
    from models.storage.db import database
    from models.storage.migrations import OFFICE_SEARCH_INDEX
    from models.services import board

    office, ids = _load(tmp_path / "office.sqlite3")
    q = board.BoardQuery(office.id, status="all", search="kenh muong", today=TODAY)
    ctx = board.context_for(q)
    assert not ctx.search_indexed(q)
    real, seen = database.obj.execute_sql, []

    def record(sql, params=None, *a, **k):
        seen.append((sql, params))
        return real(sql, params, *a, **k)

    database.obj.execute_sql = record
    try:
        found = board.page(q, ctx, cap=board.COUNT_CAP)
    finally:
        database.obj.execute_sql = real
    assert [r.id for r in found.rows] == [ids["Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét"]]
    matching = [(sql, params) for sql, params in seen if "LIKE" in sql and "LIMIT" in sql and "ORDER" not in sql]
    assert matching
    for sql, params in matching:
        plan = " ".join(row[-1] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert f"COVERING INDEX {OFFICE_SEARCH_INDEX}" in plan, plan
    models.close_database()
