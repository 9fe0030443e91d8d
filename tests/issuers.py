"""Workstations in their own processes for the issuing fault tests
(tests/test_issue_faults.py): several issue the same document at the same
moment; or one issues and is killed at a chosen step."""
from __future__ import annotations

import os


def issuer(target: str, office_id: int, name: str, rounds: list, barrier, results) -> None:
    """In each round where this workstation takes part, issue the round's
    notice at the same moment as the others; report what the person was told."""
    os.environ["DOITHOAI_USER"] = name
    import datetime as dt

    from models.domain.office import Office
    from models.storage.db import open_database
    from models.core.errors import UserError
    from tui.documents import issue

    open_database(target)
    office = Office.get_by_id(office_id)
    for r, (conf_id, who) in enumerate(rounds):
        if name not in who:
            continue
        barrier[len(who)].wait(timeout=120)
        try:
            doc = issue(office, "thong-bao", conf_id, on=dt.date(2024, 1, 10))
            results.put((r, name, "ok", doc.symbol))
        except UserError as exc:
            results.put((r, name, "told", exc.message))
        except Exception as exc:  # the test shows what reached the person
            results.put((r, name, "crash", f"{type(exc).__name__}: {exc}"))


#: what a step of the issue path is, for the kill test: a call into the file
#: system or the database that the issue makes
STEP_CALLS = ("open", "fsync", "replace", "rename", "link", "unlink")


def issue_with_steps(target: str, office_id: int, conf_id: int, kill_at: int | None) -> int:
    """Issue the notice, counting each step (a file-system call or a database
    statement or commit); with ``kill_at``, the process dies (SIGKILL, no
    clean-up of any kind) just before that step. Returns the number of steps."""
    import datetime as dt
    import signal

    import peewee as pw

    from models.domain.office import Office
    from models.storage.db import open_database
    from tui.documents import issue

    open_database(target)
    office = Office.get_by_id(office_id)
    count = [0]

    def step():
        count[0] += 1
        if kill_at is not None and count[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def counted(fn):
        def inner(*a, **kw):
            step()
            return fn(*a, **kw)
        return inner

    for name in STEP_CALLS:
        setattr(os, name, counted(getattr(os, name)))
    pw.Database.execute_sql = counted(pw.Database.execute_sql)
    pw.Database.commit = counted(pw.Database.commit)
    issue(office, "thong-bao", conf_id, on=dt.date(2024, 1, 10))
    return count[0]
