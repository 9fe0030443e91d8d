"""Kill test for the editors and the session's two other forms (issue 21, item
5): the plan editor (F3), the document editor from F4 (T, G, B, K, C), F6 (V,
U) and F7 (M, then E), and the session's Ctrl+N (contacts) and Ctrl+D (correct
a petition). For each: open it with the keys a person presses, type at a
typist's pace, kill the app with SIGKILL at a random moment, read what was
kept straight from the database, start the app again and type one more
character: it must land after the kept text, in the same field (the editor
reopened where the person was). Then Esc and C drop the typing and the next
round begins.

    python bench/killtest_editors.py --kills 7 [--only plan,F4-T] [--seed 1] [--pg URL]

Prints per editor: kills, max and mean seconds of typing lost, reopened right.
Exit status 1 when more than 2 s were lost or an editor did not reopen."""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from killtest import REPO, TODAY, App, prepare

F3, F4, F6, F7 = b"\x1bOR", b"\x1bOS", b"\x1b[17~", b"\x1b[18~"
END, TAB, ESC = b"\x1b[F", b"\t", b"\x1b"
#: editor → (keys of the first round, keys of later rounds, where its typing is kept)
EDITORS = {
    "plan": ([F3, b"n", TAB, END], [F3, b"n", TAB, END], "typing"),
    "F4-T": ([F4, b"t", END], [F4, b"t", END], "typing"),
    "F4-G": ([F4, b"g", END], [F4, b"g", END], "typing"),
    "F4-B": ([F4, b"b", END], [F4, b"b", END], "typing"),
    "F4-K": ([F4, b"k", END], [F4, b"k", END], "typing"),
    "F4-C": ([F4, b"c", END], [F4, b"c", END], "typing"),
    "F6-V": ([F6, b"v", END], [F6, b"v", END], "typing"),
    "F6-U": ([F6, b"u", END], [F6, b"u", END], "typing"),
    "F7-M": ([F7, b"m", TAB, b"sai ngay", b"\x13", END], [F7, b"e", END], "typing"),
    "Ctrl+N": ([b"\x0e", TAB, END], [b"\x0e", TAB, END], "session"),
    "Ctrl+D": ([b"\x04", END], [b"\x04", END], "session"),
}
TEXT = "Kiem tra go phim lien tuc trong khi may bi tat dot ngot giua chung "
MAX_LOSS = 2.0


def kept(db, where: str) -> tuple[str | None, str]:
    """(the focused field the app kept, its text) for an editor ("typing") or a session form,
    read straight from the SQLite file or the PostgreSQL server."""
    sql = ("select value from setting where key like 'typing:%%'" if where == "typing"
           else "select value from setting where key like 'session.resume:%%'")
    if "://" in str(db):
        import psycopg2

        con = psycopg2.connect(str(db))
        try:
            with con.cursor() as cur:
                cur.execute(sql)
                raw = cur.fetchone()
        finally:
            con.close()
    else:
        con = sqlite3.connect(str(db), timeout=10)
        try:
            raw = con.execute(sql.replace("%%", "%")).fetchone()
        finally:
            con.close()
    value = json.loads(raw[0]) if raw and raw[0] else {}
    if where == "typing":
        values, at = value.get("values") or {}, value.get("where") or {}
    else:
        values = value.get("form") or {} if str(value.get("editing") or "") else {}
        at = values.get("_where") or {}
    field = at.get("focus")
    return field, str(values.get(field, "")) if field else ""


#: bytes a second an app at rest may still draw: the session's clock (a line a
#: second) and a focused text box's blinking cursor (≈ 2.4 kB/s for the tall
#: "Trích yếu" box of the document editor). A screen being drawn is ≥ 20 kB.
STILL_RATE = 5000


def quiet(app: App, seconds: float, timeout: float = 60.0) -> None:
    """Wait until the app has drawn its screen and then drawn next to nothing
    (a clock, a blinking cursor) for ``seconds``. (A limit of 1.5 kB/s took
    every blinking cursor for drawing: each wait ran to its 60 s timeout, and
    seven kills of F4-G took over 20 minutes, which looked like a hang.)"""
    end = time.time() + timeout
    while time.time() < end:
        before = app.bytes_read
        time.sleep(seconds)
        if before > 5000 and app.bytes_read - before < STILL_RATE * seconds:
            return
    print(f"    (the app kept drawing for {timeout:.0f} s; going on)", file=sys.stderr, flush=True)


class CountingApp(App):
    """killtest's app, counting the bytes it draws (to know when it is still)."""

    def __init__(self, db, env):
        self.bytes_read = 0
        super().__init__(db, env)

    def _drain(self):
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            self.bytes_read += len(data)


def lost_seconds(sent: list[tuple[float, str]], value: str, killed_at: float) -> tuple[float, str]:
    """Seconds of typing lost, and the part of TEXT the kept value holds (typed at
    the cursor: the end of a line, or of the field)."""
    typed = "".join(ch for _, ch in sent)
    for n in range(len(typed), -1, -1):
        if typed[:n] in value:
            return (killed_at - sent[n][0] if n < len(sent) else 0.0), typed[:n]
    return float("inf"), ""


def issue_notice(db: Path, conf_id: int, env: dict) -> None:
    """The conference's notice issued through the app's own pipeline, so that F7
    lists a document with a stored text (M makes its new version)."""
    import subprocess

    code = ("import sys, datetime as dt, models; from models.domain.office import Office; from tui import documents; "
            "models.open_database(sys.argv[1]); "
            "documents.issue(Office.get(), 'thong-bao', int(sys.argv[2]), on=dt.date(2026, 11, 22))")
    subprocess.run([sys.executable, "-c", code, str(db), str(conf_id)], env=env, cwd=REPO, check=True)


def fresh_pg(url: str) -> str:
    """An empty database ``url`` on the server (dropped and made again)."""
    import psycopg2

    server, _, name = url.rpartition("/")
    con = psycopg2.connect(server + "/postgres")
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    con.close()
    return url


def run(kills: int, seed: int, delay: float, only: list[str], pg: str | None = None) -> dict:
    rnd = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="killtest-editors-"))
    db = fresh_pg(pg) if pg else work / "office.sqlite3"
    env = dict(os.environ, DOITHOAI_HOME=str(work / "home"), DOITHOAI_TODAY=TODAY, TERM="xterm-256color",
               PYTHONPATH=str(REPO), DOITHOAI_WORKSTATION="killtest")
    conf_id = prepare(db, petitions=1)
    if any(name.startswith("F7") for name in only):
        issue_notice(db, conf_id, env)
    report = {}
    for name in only:
        first, later, where = EDITORS[name]
        losses, reopened, problems = [], 0, []
        for n in range(kills):
            app = CountingApp(db, env)
            quiet(app, 1.5)
            for keys in (first if n == 0 else later):
                app.send(keys)
                time.sleep(1.5)
            quiet(app, 1.0)
            sent = []
            kill_after = rnd.uniform(1.0, 5.0)
            start = time.time()
            for ch in TEXT:
                if time.time() - start > kill_after:
                    break
                app.send(ch.encode())
                sent.append((time.time(), ch))
                time.sleep(delay * rnd.uniform(0.5, 1.5))
            killed_at = time.time()
            app.kill()
            field, value = kept(db, where)
            loss, have = lost_seconds(sent, value, killed_at)
            if field is None:
                # nothing written yet: all the typing is lost, which is within the
                # limit only when the kill came within it of the first key
                loss = killed_at - sent[0][0] if sent else 0.0
                losses.append(loss)
                if loss > MAX_LOSS:
                    problems.append(f"kill {n + 1}: nothing kept {loss:.2f} s after the first key")
                else:
                    reopened += 1          # nothing to reopen: the app starts as it was
                app = CountingApp(db, env)
                quiet(app, 1.5)
                app.kill()
                continue
            losses.append(loss)
            # again: the editor must come back on the same field, the cursor after the kept text
            app = CountingApp(db, env)
            quiet(app, 1.5)
            time.sleep(1.0)
            app.send(b"#")
            time.sleep(2.5)
            field2, value2 = kept(db, where)
            if field2 == field and have + "#" in value2:
                reopened += 1
            else:
                problems.append(f"kill {n + 1}: reopened on {field2} with …{value2[-30:]!r}, "
                                f"expected {field} holding …{(have + '#')[-30:]!r}")
            app.send(ESC)
            time.sleep(1.0)
            app.send(b"c")                   # drop the typing: the next round starts from the stored text
            time.sleep(1.5)
            app.kill()
        report[name] = {"kills": len(losses), "max": max(losses, default=0.0),
                        "mean": sum(losses) / len(losses) if losses else 0.0, "reopened": reopened,
                        "problems": problems}
        r = report[name]
        print(f"{name:8} kills {r['kills']:2}  lost max {r['max']:.2f} s  mean {r['mean']:.2f} s  "
              f"reopened where it was {r['reopened']}/{kills}", flush=True)
        for p in problems:
            print("   ", p, flush=True)
    return report


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--delay", type=float, default=0.08, help="seconds between keys")
    ap.add_argument("--only", default=",".join(EDITORS))
    ap.add_argument("--pg", help="a PostgreSQL database to make afresh and run on, e.g. "
                                 "postgresql://doithoai:doithoai@127.0.0.1:5432/doithoai_killtest")
    args = ap.parse_args()
    report = run(args.kills, args.seed, args.delay, args.only.split(","), args.pg)
    bad = [n for n, r in report.items() if r["problems"] or r["max"] > MAX_LOSS]
    print(f"editors: {len(report)}; kills: {sum(r['kills'] for r in report.values())}; "
          f"max seconds lost: {max((r['max'] for r in report.values()), default=0):.2f}; "
          f"failing: {', '.join(bad) or 'none'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
