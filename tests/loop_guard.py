"""Records the SQL statements run on the event loop's thread while the real app
is driven by Pilot (tests/test_event_loop_queries.py and the statement counts).

The hook wraps ``execute_sql`` of the app's open peewee database (every query,
insert, update, BEGIN and pragma peewee issues goes through it); the wrapper
notes the statement when it runs on the thread that runs the asyncio loop, with
the first stack frame under ``tui/`` (the handler that asked for it)."""
from __future__ import annotations

import os
import threading
import traceback
from dataclasses import dataclass, field

TUI = os.sep + "tui" + os.sep


@dataclass
class Statement:
    sql: str
    where: str          # "tui/screens/x.py:123 in handler" (first frame under tui/)
    stack: list[str]


@dataclass
class LoopGuard:
    loop_thread: int = field(default_factory=threading.get_ident)
    recording: bool = False
    seen: list[Statement] = field(default_factory=list)
    total: int = 0              # statements on any thread while recording
    _db: object = None

    def install(self) -> "LoopGuard":
        from models.storage.db import database

        db = database.obj
        original = type(db).execute_sql
        guard = self

        def execute_sql(sql, params=None, *args, **kwargs):
            if guard.recording:
                guard.total += 1
                if threading.get_ident() == guard.loop_thread:
                    guard.note(sql)
            return original(db, sql, params, *args, **kwargs)

        db.execute_sql = execute_sql
        self._db = db
        return self

    def uninstall(self) -> None:
        if self._db is not None:
            self._db.__dict__.pop("execute_sql", None)
            self._db = None

    def note(self, sql: str) -> None:
        frames = traceback.extract_stack()[:-2]
        ours = [f for f in frames if TUI in f.filename]
        where = "(no frame under tui/)"
        if ours:
            f = ours[-1]
            where = f"{f.filename[f.filename.rindex(TUI) + 1:]}:{f.lineno} in {f.name}"
        self.seen.append(Statement(sql.split("\n")[0][:160], where,
                                   [f"{f.filename}:{f.lineno} {f.name}" for f in ours]))

    def report(self) -> str:
        by_place: dict[str, list[str]] = {}
        for s in self.seen:
            by_place.setdefault(s.where, []).append(s.sql)
        lines = [f"{len(self.seen)} statements ran on the event loop, from {len(by_place)} places:"]
        for where, sqls in sorted(by_place.items()):
            lines.append(f"  {where}: {len(sqls)} × e.g. {sqls[0][:110]}")
        return "\n".join(lines)
