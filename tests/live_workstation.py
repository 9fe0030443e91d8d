"""A workstation of a live session in its own process, for the two-workstation
test: in every round it types a petition (the draft kept in its place as it is
typed), records it, moves its place, and adds a line to the shared conclusions
at the same moment as the other workstation."""
from __future__ import annotations


def workstation(target: str, conf_id: int, name: str, rounds: int, barrier, results) -> None:
    import os

    os.environ["DOITHOAI_WORKSTATION"] = name
    os.environ["DOITHOAI_USER"] = name
    from models.domain.conference import Conference
    from models.storage.db import open_database
    from models.core.errors import StaleEdit
    from models.services import live_session as live

    open_database(target)
    conf = Conference.get_by_id(conf_id)
    office = conf.office
    told = 0
    for r in range(rounds):
        draft = live.empty_draft("Chủ trì") | {"citizen_name": f"Người {name} {r}", "village": "Đông",
                                               "field": "1", "disposition": "noted"}
        barrier.wait(timeout=60)
        for typed in ("Đề nghị", f"Đề nghị {name} số {r}"):       # the draft as it is typed
            live.save_place(office, {"conference": conf_id, "focus": "content",
                                     "draft": draft | {"content": typed}})
        live.commit_draft(office, conf, draft | {"content": f"Đề nghị {name} số {r}"},
                          place={"conference": conf_id, "focus": "citizen_name", "draft": {}})
        # the next one begins: this workstation's place moves on, half typed
        live.save_place(office, {"conference": conf_id, "focus": "village", "mount": r,
                                 "draft": live.empty_draft() | {"citizen_name": f"Người {name} {r + 1}"}})
        seen = Conference.get_by_id(conf_id).conclusions       # both open the conclusions …
        barrier.wait(timeout=60)                                 # … before either saves
        mine = (seen + "\n" if seen else "") + f"{name}: kết luận {r}"
        try:
            live.set_conclusions(conf, mine, seen=seen)
        except StaleEdit as exc:
            told += 1
            # shown the other text, the secretary merges (Ctrl+G) and it is saved over that text
            theirs = exc.current.conclusions
            live.set_conclusions(conf, live.merge_conclusions(seen, mine, theirs), seen=theirs)
    results.put((name, told))
