"""A workstation in its own process, for the concurrency tests: it adds its own
line to a petition's note in every round, at the same moment as the other one."""
from __future__ import annotations


def editor(target: str, petition_id: int, name: str, rounds: int, barrier, results) -> None:
    import os

    os.environ["DOITHOAI_USER"] = name
    from models.storage.db import open_database
    from models.core.errors import StaleEdit
    from models.domain.petition import Petition
    from models.services import records

    open_database(target)
    told = 0
    for r in range(rounds):
        barrier.wait(timeout=60)
        p = Petition.get_by_id(petition_id)          # both open the record …
        barrier.wait(timeout=60)                     # … before either saves
        line = f"{name}-{r}"
        try:
            records.update(p, {"answer_summary": (p.answer_summary + "\n" + line).strip()})
        except StaleEdit as exc:
            told += 1
            # the user is shown the newer data and types the change again on top of it
            fresh = exc.current
            records.update(fresh, {"answer_summary": (fresh.answer_summary + "\n" + line).strip()})
    results.put((name, told))
