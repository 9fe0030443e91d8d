"""Kill test for the live session: type a session into the real app through a
pseudo-terminal, kill the app with SIGKILL at random moments, restart it, carry
on typing from where the app says it was, and check that nothing committed is
lost and that at most about SAVE_DELAY seconds of typing are lost per kill.

    python bench/killtest.py --kills 20 [--petitions 30] [--seed 1]

Prints: kills, petitions committed, max and mean seconds of typing lost.
Exit status 1 when a committed petition is missing or wrong."""
from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import random
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TODAY = "2026-11-22"
# name, village letters, field keys, content, disposition key, detail
ROWS = [
    ("Nguyễn Văn Dương", "b", "1", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm Đồng", "2", ""),
    ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng ở bãi tập kết đầu thôn, đề nghị tăng chuyến thu gom", "1",
     "Xã đã yêu cầu đơn vị thu gom tăng lên hai chuyến mỗi tuần"),
    ("", "", "5", "Đường liên thôn đoạn qua cầu bị sạt lở, đề nghị sửa chữa trước mùa mưa", "3",
     "Sở Xây dựng tỉnh Quảng Trị"),
    ("Lê Đình Phúc", "b", "6", "Thanh niên tụ tập đua xe ban đêm trên đường ven sông", "4",
     "Ghi nhận, giao Công an xã tăng cường tuần tra"),
    ("Phạm Thị Nguyệt", "a", "7", "Trạm y tế xã thiếu thuốc điều trị huyết áp cho người cao tuổi", "2", "v"),
    ("Hoàng Văn Ất", "", "8", "Điểm trường mẫu giáo bị dột mái, đề nghị sửa trước năm học", "1",
     "Đã giao trường mầm non lập dự toán sửa chữa trong hè"),
]
STAGES = ("citizen_name", "village", "field", "content", "disposition", "detail")
#: seconds: a petition whose last Enter was typed this long before a kill must be in the database
COMMITTED_AFTER = 2.0


def script(n: int):
    out = []
    for i in range(n):
        name, village, field, content, disp, detail = ROWS[i % len(ROWS)]
        out.append((name, village, field, f"{content} (ý kiến {i + 1})", disp, detail))
    return out


def keys_of(row):
    """(bytes, stage, index in stage) for one petition."""
    name, village, field, content, disp, detail = row
    keys = []
    for stage, text in enumerate((name, village, field, content, disp, detail)):
        for j, ch in enumerate(text):
            keys.append((ch.encode(), stage, j))
        if stage == 2 and field == "1":
            keys.append((b"\r", stage, len(text)))
        elif stage != 4 and stage != 2:
            keys.append((b"\r", stage, len(text)))
    return keys


def prepare(db: Path, petitions: int = 0) -> int:
    """The demo office with its conference in session (and ``petitions`` recorded in it)."""
    os.environ["DOITHOAI_TODAY"] = TODAY
    import models
    from models.demo import build_demo
    from models.services import live_session as live

    models.open_database(db)
    office = build_demo(dt.date.fromisoformat(TODAY))
    conf = live.pick_conference(office)
    live.start_session(conf)
    for i in range(petitions):
        live.record_draft(office, conf, dict(live.empty_draft(), citizen_name="Nguyễn Văn Dương", content=ROWS[i][3],
                                             disposition="noted", answer_on_spot="Ghi nhận"))
    models.storage.db.close_database()
    return conf.id


class App:
    """The app in a pseudo-terminal of 120×36."""

    def __init__(self, db: Path, env: dict):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        self.master = master
        self.proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db)], cwd=REPO, env=env,
                                     stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self):
        while True:
            try:
                if not os.read(self.master, 65536):
                    break
            except OSError:
                break

    def send(self, data: bytes) -> bool:
        if self.proc.poll() is not None:
            return False
        try:
            os.write(self.master, data)
            return True
        except OSError:
            return False

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        os.close(self.master)


def read_state(db: Path, conf_id: int):
    """Committed petitions and the saved place, read straight from the file."""
    import sqlite3

    con = sqlite3.connect(str(db), timeout=10)
    try:
        rows = con.execute("select p.seq, p.citizen_name, v.name, f.code, p.content, p.disposition, "
                           "p.answer_on_spot, p.forwarded_to, u.name from petition p "
                           "left join village v on v.id = p.village_id left join field f on f.id = p.field_id "
                           "left join unit u on u.id = p.unit_id where p.conference_id = ? order by p.seq",
                           (conf_id,)).fetchall()
        raw = con.execute("select value from setting where key like 'session.resume:%'").fetchone()
    finally:
        con.close()
    return rows, json.loads(raw[0]) if raw and raw[0] else {}


def position(place: dict, row) -> tuple[int, int]:
    """(stage, characters) the app had saved for the petition being typed."""
    focus = place.get("focus") or "citizen_name"
    stage = STAGES.index(focus) if focus in STAGES else 5
    draft = place.get("draft") or {}
    key = {0: "citizen_name", 1: "village", 2: "field", 3: "content"}.get(stage)
    if stage == 5:
        key = {"1": "answer_on_spot", "4": "answer_on_spot", "3": "forwarded_to", "2": "unit"}[row[4]]
    saved = str(draft.get(key, "")) if key else ""
    return stage, len(saved)


def wait_ready(db: Path, conf_id: int, before: int, timeout: float = 30.0) -> dict:
    end = time.time() + timeout
    while time.time() < end:
        try:
            _, place = read_state(db, conf_id)
        except Exception:
            place = {}
        if int(place.get("mount", 0)) > before:
            time.sleep(0.3)     # focus is restored right after the mount is saved
            return place
        time.sleep(0.1)
    raise SystemExit("the app did not open the session screen in time")


def run(kills: int, petitions: int, seed: int, typing_delay: float, quiet: bool = False,
        kill_window: tuple[float, float] = (1.0, 6.0)) -> dict:
    """Type the script, killing the app ``kills`` times at random moments.
    ``typing_delay`` is the mean pause between keys; one key in ten starts a
    burst of 3–8 keys sent without any pause. Each kill comes a random number
    of seconds (within ``kill_window``) after the app is back."""
    rnd = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="killtest-"))
    db = work / "office.sqlite3"
    env = dict(os.environ, DOITHOAI_HOME=str(work / "home"), DOITHOAI_TODAY=TODAY, TERM="xterm-256color",
               PYTHONPATH=str(REPO))
    conf_id = prepare(db)
    rows = script(petitions)
    losses, done_kills, mount, missing, restarts = [], 0, 0, [], []
    finished_at: dict[int, float] = {}      # petition → time its last key was sent
    while True:
        started = time.time()
        app = App(db, env)
        place = wait_ready(db, conf_id, mount)
        restarts.append(time.time() - started)
        mount = int(place.get("mount", 0))
        committed, _ = read_state(db, conf_id)
        p = len(committed)
        if p >= len(rows):
            app.kill()
            break
        stage, chars = position(place, rows[p])
        kill_at = time.time() + rnd.uniform(*kill_window) if done_kills < kills else None
        sent = []       # (time, petition, stage, index)
        first = True
        killed = False
        burst = 0
        for i in range(p, len(rows)):
            keys = keys_of(rows[i])
            for n, (data, st, j) in enumerate(keys):
                if first and (st < stage or (st == stage and j < chars and data != b"\r")):
                    continue
                first = False
                if kill_at and time.time() >= kill_at:
                    killed = True
                    break
                if not app.send(data):
                    raise SystemExit("the app stopped by itself")
                sent.append((time.time(), i, st, j))
                if n == len(keys) - 1:
                    finished_at[i] = time.time()
                if burst:
                    burst -= 1
                elif rnd.random() < 0.1:
                    burst = rnd.randint(3, 8)
                else:
                    time.sleep(rnd.uniform(0.5, 1.5) * typing_delay)
            if killed:
                break
        if not killed:
            time.sleep(2.5)
            app.kill()
            break
        t_kill = time.time()
        app.kill()
        done_kills += 1
        committed, place = read_state(db, conf_id)
        n = len(committed)
        due = [i for i, t in finished_at.items() if t < t_kill - COMMITTED_AFTER and i >= n]
        if due:
            missing.append(f"kill {done_kills}: petitions {[i + 1 for i in due]} typed > "
                           f"{COMMITTED_AFTER:.0f} s before the kill are not in the database")
        st, ch = position(place, rows[n]) if n < len(rows) else (0, 0)
        lost = [t for t, i, s, j in sent if i > n or (i == n and (s > st or (s == st and j >= ch)))]
        losses.append(t_kill - min(lost) if lost else 0.0)
        if not quiet:
            print(f"kill {done_kills}: {n} petitions committed, lost {losses[-1]:.2f} s of typing", flush=True)
    committed, _ = read_state(db, conf_id)
    wrong = missing + check(committed, rows)
    return {"kills": done_kills, "petitions": len(committed), "expected": len(rows), "wrong": wrong,
            "correct": len(committed) - len({w.split(":")[0] for w in wrong if w.startswith("petition")}),
            "max_lost": max(losses, default=0.0), "mean_lost": sum(losses) / len(losses) if losses else 0.0,
            "mean_restart": sum(restarts) / len(restarts), "folder": str(work)}


def check(committed, rows) -> list[str]:
    villages = {"b": "Bình Minh", "a": "An Thượng"}
    problems = []
    last_village = None
    for (seq, name, village, code, content, disp, answer, forwarded, unit), row in zip(committed, rows):
        want_village = villages.get(row[1], last_village)
        last_village = want_village
        want = (row[0], want_village, int(row[2]), row[3], {"1": "on_spot", "2": "in_writing", "3": "forwarded",
                                                             "4": "noted"}[row[4]])
        got = (name, village, code, content, disp)
        if got != want:
            problems.append(f"petition {seq}: {got} != {want}")
        if row[4] in "14" and answer != row[5]:
            problems.append(f"petition {seq}: answer {answer!r}")
        if row[4] == "3" and forwarded != row[5]:
            problems.append(f"petition {seq}: forwarded {forwarded!r}")
        if row[4] == "2" and not unit:
            problems.append(f"petition {seq}: no unit")
    if len(committed) != len(rows):
        problems.append(f"{len(committed)} petitions committed, {len(rows)} typed")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--petitions", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--delay", type=float, default=0.04, help="seconds between keys (0.04 = a fast typist)")
    args = ap.parse_args()
    r = run(args.kills, args.petitions, args.seed, args.delay)
    print(f"kills: {r['kills']}")
    print(f"petitions expected: {r['expected']}, committed: {r['petitions']}, correct: {r['correct']}")
    print(f"mean seconds from start to the session screen: {r['mean_restart']:.2f}")
    print(f"max seconds of typing lost: {r['max_lost']:.2f}")
    print(f"mean seconds of typing lost: {r['mean_lost']:.2f}")
    for line in r["wrong"]:
        print("WRONG:", line)
    sys.exit(1 if r["wrong"] else 0)


if __name__ == "__main__":
    main()
