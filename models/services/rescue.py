"""Tệp cứu hộ: what the database could not take when the app had to stop.

Writes the storage refused (a full disk, a lost server, a database file
removed or replaced while open) are kept in memory (safe_write.PendingWrites).
When the person quits anyway, or the database file has gone, they are written
here instead: a JSON file, owner-only, in the data folder's ``cuu-ho`` folder.
The next start of the app on that database offers to record them
(``waiting_here``, ``record``); a recorded file moves to ``cuu-ho/da-ghi``."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from models.core.paths import locations
from models.core.words import RescueWords as W
from models.domain.office import Office
from models.domain.conference import Conference
from models.services import live_session as live
from models.services import unsaved
from models.storage import files
from models.storage.db import database
from models.domain.base import opened_as


def folder() -> Path:
    return locations().data / "cuu-ho"


def items_of(pending) -> list[dict]:
    """The kept writes of ``pending`` (a PendingWrites) as plain data, in order."""
    out = []
    for item in pending.kept():
        func, args = item.func, item.args
        if func is live.save_place and len(args) >= 2:
            out.append({"kind": "place", "office": args[0].id, "place": args[1]})
        elif func is live.record_draft and len(args) >= 3:
            out.append({"kind": "petition", "office": args[0].id, "conference": args[1].id, "draft": args[2],
                        "place": args[3] if len(args) > 3 else None})
        elif func is unsaved.keep and len(args) >= 2:
            out.append({"kind": "typing", "office": args[0].id, "entry": args[1]})
        elif func is unsaved.forget:
            continue
        else:
            out.append({"kind": "other", "what": getattr(func, "__name__", "?")})
    return out


def describe(items: list[dict]) -> list[str]:
    """What would be lost, one line each, in Vietnamese."""
    lines = []
    for it in items:
        if it["kind"] == "petition":
            d = it.get("draft") or {}
            who = d.get("citizen_name") or W.NO_NAME
            lines.append(W.PETITION_OF.format(who=who, short=_short(d.get('content', ''))))
        elif it["kind"] == "place":
            d = (it.get("place") or {}).get("draft") or {}
            text = d.get("content") or d.get("citizen_name") or ""
            lines.append(W.PETITION_TYPING.format(short=_short(text)) if text else W.SESSION_PLACE)
            lines += [W.PETITION_REFUSED.format(short=_short((r.get("draft") or {}).get("content", "")))
                      for r in (it.get("place") or {}).get("refused") or [] if isinstance(r, dict)]
        elif it["kind"] == "typing":
            values = (it.get("entry") or {}).get("values") or {}
            text = next((v for v in values.values() if isinstance(v, str) and v.strip()), "")
            lines.append(W.EDITOR_TEXT.format(short=_short(text)))
        else:
            lines.append(W.OTHER_CHANGE)
    return lines


def _short(text: str, n: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def write(items: list[dict], database: str | None, path: Path | None = None) -> Path:
    """The rescue file (owner-only, written whole or not at all; ``path``: one
    written before, replaced with what is kept now); returns it."""
    now = dt.datetime.now()
    path = path or folder() / f"cuu-ho-{now:%Y%m%d-%H%M%S}-{os.getpid()}.json"
    body = {"made_at": now.isoformat(timespec="seconds"), "database": database,
            "workstation": live.workstation(), "items": items}
    files.make_folder(folder())
    return files.write_file(path, "json", json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"),
                            checked=False)


def rescue(pending, path: Path | None = None) -> Path | None:
    """What ``pending`` keeps, written to the rescue file (None when nothing is kept)."""
    items = items_of(pending)
    return write(items, opened_as(), path) if items else None


def waiting() -> list[Path]:
    """Rescue files not recorded yet, oldest first."""
    try:
        return sorted(p for p in folder().glob("cuu-ho-*.json") if p.is_file())
    except OSError:
        return []


def waiting_here() -> list[tuple[Path, list[str]]]:
    """Rescue files made for the database open now (or by a version that did not
    say which), each with what it keeps, described: what the app offers to record
    when it opens. A file of another database is left for that one."""
    here = opened_as()
    found = []
    for path in waiting():
        body = read(path)
        lines = describe(body["items"])
        if lines and body.get("database") in (None, here):
            found.append((path, lines))
    return found


def read(path: Path) -> dict:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"items": []}
    return body if isinstance(body, dict) and isinstance(body.get("items"), list) else {"items": []}


def record(path: Path) -> int:
    """Write what ``path`` keeps into the open database; the file then moves to
    ``da-ghi``. Returns how many items were recorded."""
    body = read(path)
    done = 0
    with database.atomic():
        for it in body["items"]:
            office = Office.get_or_none(Office.id == it.get("office"))
            if office is None:
                continue
            if it["kind"] == "place":
                live.save_place(office, it.get("place") or {})
            elif it["kind"] == "petition":
                conf = Conference.get_or_none(Conference.id == it.get("conference"))
                if conf is None or conf.office_id != office.id:
                    continue
                live.record_draft(office, conf, it.get("draft") or {}, it.get("place"))
            elif it["kind"] == "typing":
                unsaved.keep(office, it.get("entry") or {})
            else:
                continue
            done += 1
    aside = files.make_folder(folder() / "da-ghi")
    os.replace(path, aside / path.name)
    return done
