"""Kill test for the live session's forms: attendance (F9), speaker
registration (Ctrl+O) and the chair's conclusions (Ctrl+K). Types into the
form through a pseudo-terminal, kills the app with SIGKILL at a random moment,
starts it again and checks that it reopens the same form holding what was
typed up to at most about two seconds before the kill; then carries on typing
where the reopened form is.

    python bench/killtest_forms.py --kills 21 [--seed 1]

Prints kills per form and the max/mean seconds of typing lost.
Exit status 1 when a form did not reopen or more than 2 s were lost."""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from killtest import TODAY, App, prepare, wait_ready

#: form → (key sequence that opens it, what the place calls it, where its typing is kept, text typed)
FORMS = {
    "attendance": (b"\x1b[20~", "attendance", "officials",
                   "1234567890123456789012345678901234567890"),
    "enqueue": (b"\x0f", "enqueue", "citizen_name",
                "Nguyen Van Muoi Hai thon Binh Minh xom Dong dang ky phat bieu"),
    "conclusions": (b"\x0b", "conclusions", None,
                    "Giao cac bo phan tra loi dung han cac kien nghi cua nhan dan trong thang"),
}
MAX_LOSS = 2.0


def saved(db: Path, conf_id: int, form: str) -> tuple[str | None, str]:
    """(the form the place says is open, the text kept for it)."""
    con = sqlite3.connect(str(db), timeout=10)
    try:
        raw = con.execute("select value from setting where key like 'session.resume:%'").fetchone()
        conclusions = con.execute("select conclusions from conference where id = ?", (conf_id,)).fetchone()[0]
    finally:
        con.close()
    place = json.loads(raw[0]) if raw and raw[0] else {}
    _, name, field, _ = FORMS[form]
    if field is None:
        return place.get("editing"), conclusions or ""
    return place.get("editing"), str((place.get("form") or {}).get(field, ""))


def run(kills: int, seed: int, delay: float) -> dict:
    rnd = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="killtest-forms-"))
    db = work / "office.sqlite3"
    import os

    env = dict(os.environ, DOITHOAI_HOME=str(work / "home"), DOITHOAI_TODAY=TODAY, TERM="xterm-256color",
               PYTHONPATH=str(Path(__file__).resolve().parents[1]), DOITHOAI_WORKSTATION="killtest")
    conf_id = prepare(db)
    losses: dict[str, list[float]] = {f: [] for f in FORMS}
    failures = []
    mount = 0
    order = [list(FORMS)[i % len(FORMS)] for i in range(kills)]
    for n, form in enumerate(order):
        opener, name, field, text = FORMS[form]
        app = App(db, env)
        place = wait_ready(db, conf_id, mount)
        mount = int(place.get("mount", 0))
        editing, have = saved(db, conf_id, form)
        if editing != name:
            app.send(opener)
            time.sleep(0.8)
            if form == "attendance":
                app.send(b"\x7f" * 3)            # the count shown (0) goes; typing starts afresh
                time.sleep(0.5)
        editing, have = saved(db, conf_id, form)
        base = have if editing == name else ""
        remaining = text if not base.endswith(text[:1]) else text
        kill_after = rnd.uniform(1.0, 5.0)
        sent_at = []
        start = time.time()
        for ch in remaining:
            if time.time() - start > kill_after:
                break
            app.send(ch.encode())
            sent_at.append(time.time())
            time.sleep(delay * rnd.uniform(0.5, 1.5))
        killed_at = time.time()
        app.kill()
        editing, have = saved(db, conf_id, form)
        typed = base + remaining[:len(sent_at)]
        if editing != name:
            failures.append(f"kill {n + 1}: the place does not say the {form} form was open ({editing})")
            continue
        if not typed.startswith(have):
            failures.append(f"kill {n + 1}: {form} kept “{have}”, typed “{typed}”")
            continue
        lost = len(typed) - len(have)
        loss = killed_at - sent_at[-lost] if lost and sent_at else 0.0
        losses[form].append(loss)
        # the next round must reopen this form: check it, then close it with Esc when done
        app = App(db, env)
        place = wait_ready(db, conf_id, mount)
        mount = int(place.get("mount", 0))
        time.sleep(0.8)
        editing, kept = saved(db, conf_id, form)
        if editing != name or kept != have:
            failures.append(f"kill {n + 1}: reopened as {editing} with “{kept}”, expected {name} with “{have}”")
        app.send(b"\x1b")                       # Esc: close the form (conclusions: saved; forms: asks)
        time.sleep(0.5)
        app.send(b"c")                           # confirm discarding in the forms' "bỏ?" question
        time.sleep(1.5)
        app.kill()
    return {"kills": sum(len(v) for v in losses.values()),
            "per_form": {f: len(v) for f, v in losses.items()},
            "max_loss": max((x for v in losses.values() for x in v), default=0.0),
            "mean_loss": (sum(x for v in losses.values() for x in v)
                          / max(1, sum(len(v) for v in losses.values()))),
            "failures": failures}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=21)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--delay", type=float, default=0.12, help="mean seconds between keys")
    a = ap.parse_args()
    out = run(a.kills, a.seed, a.delay)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 1 if out["failures"] or out["max_loss"] > MAX_LOSS else 0


if __name__ == "__main__":
    raise SystemExit(main())
