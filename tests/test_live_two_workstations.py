"""Two workstations (two real processes, each with its own workstation id) in
one live session, on a SQLite file and on a PostgreSQL server: they type and
record petitions, move their place and add to the conclusions at the same
moments; neither loses the other's petitions, place, draft or conclusions."""
from __future__ import annotations

import multiprocessing as mp

from models.domain.conference import Conference
from models.domain.petition import Petition

ROUNDS = 12
NAMES = ("may-1", "may-2")


def session_of(office):
    from models.services import catalog, live_session as live
    from models.services.conferences import create_conference

    catalog.add_village(office, "Đông Hải")
    conf = create_conference(office, None, {"title": "", "date": "15/03/2026",
                                            "start_time": "8h", "venue": "Nhà văn hóa thôn Đông Hải",
                                            "villages": "Đông Hải", "chair": "Nguyễn Văn An - Chủ tịch UBND xã",
                                            "secretary": "", "topics": "", "invited_groups": "", "invitees": ""})
    return live.start_session(conf)


def race(target, office, monkeypatch):
    from models.storage.db import close_database, open_database
    from models.services import live_session as live
    from tests.live_workstation import workstation

    conf = session_of(office)
    close_database()       # the test process steps aside; the two workstations work
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=workstation, args=(target, conf.id, name, ROUNDS, barrier, results))
             for name in NAMES]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=240)
    assert [proc.exitcode for proc in procs] == [0, 0]
    told = dict(results.get(timeout=5) for _ in procs)
    open_database(target)

    petitions = list(Petition.select().where(Petition.conference == conf.id))
    assert sorted(p.content for p in petitions) == sorted(f"Đề nghị {n} số {r}" for n in NAMES
                                                          for r in range(ROUNDS))
    assert sorted(p.seq for p in petitions) == list(range(1, 2 * ROUNDS + 1))   # one number each
    for name in NAMES:                    # each workstation finds its own place and half-typed draft
        monkeypatch.setenv("DOITHOAI_WORKSTATION", name)
        place = live.load_place(office)
        assert place["focus"] == "village" and place["mount"] == ROUNDS - 1
        assert place["draft"]["citizen_name"] == f"Người {name} {ROUNDS}"
    lines = Conference.get_by_id(conf.id).conclusions.split("\n")
    assert sorted(lines) == sorted(f"{n}: kết luận {r}" for n in NAMES for r in range(ROUNDS))
    assert sum(told.values()) >= 1        # they did clash, and the later one was told


def test_two_workstations_on_one_sqlite_file(tmp_path, monkeypatch):
    import models
    from models.services import catalog

    target = str(tmp_path / "office.sqlite3")
    models.open_database(target)
    race(target, catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang"), monkeypatch)


def test_two_workstations_on_postgresql(pg_url, monkeypatch):
    import models
    from models.services import catalog

    models.open_database(pg_url)
    race(pg_url, catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang"), monkeypatch)
