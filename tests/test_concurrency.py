"""Two workstations edit the same petition at the same moment, in two real
processes: one save wins, the other is told and shown the newer data, and after
it re-applies its change nothing is lost. On a SQLite file (two app instances)
and on a PostgreSQL server (two workstations)."""
from __future__ import annotations

import multiprocessing as mp

from conftest import audit_user
from models.domain.audit import AuditEntry
from models.domain.petition import Petition
from models.services import integrity, petitions

ROUNDS = 25


def race(db_target, office):
    p = petitions.record_petition(office, content="Đề nghị sửa cầu tràn thôn Đông")
    from models.storage.db import close_database

    close_database()  # the test process steps aside; the two workstations work
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    from tests.two_editors import editor

    procs = [ctx.Process(target=editor, args=(db_target, p.id, name, ROUNDS, barrier, results))
             for name in ("may_1", "may_2")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=240)
    assert all(proc.exitcode == 0 for proc in procs), [proc.exitcode for proc in procs]
    told = dict(results.get(timeout=5) for _ in procs)
    from models.storage.db import open_database

    open_database(db_target)
    return Petition.get_by_id(p.id), told


def check(petition, told):
    lines = petition.answer_summary.split("\n")
    expected = {f"{n}-{r}" for n in ("may_1", "may_2") for r in range(ROUNDS)}
    assert sorted(lines) == sorted(expected)            # nothing lost, nothing twice
    assert sum(told.values()) == ROUNDS                 # exactly one stale edit refused per round
    assert petition.row_version == 1 + 2 * ROUNDS
    updates = AuditEntry.select().where((AuditEntry.table == "petition") & (AuditEntry.action == "update"))
    assert updates.count() == 2 * ROUNDS
    # the names the workstations gave; on PostgreSQL their (shared) login instead
    assert {e.user for e in updates} == {audit_user("may_1"), audit_user("may_2")}
    assert integrity.verify_chain(petition.office).ok     # one unbroken chain, whoever wrote first


def test_two_app_instances_on_one_sqlite_file(tmp_path):
    import models
    from models.services import catalog

    target = str(tmp_path / "office.sqlite3")
    models.open_database(target)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    check(*race(target, office))


def test_two_workstations_on_postgresql(pg_url):
    import models
    from models.services import catalog

    models.open_database(pg_url)
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    check(*race(pg_url, office))
