"""Key → screen while typing a live session, on an office of 100,000 petitions,
with a slow disk (10 ms added to every fsync) and with a slow network to
PostgreSQL (1 ms added to every round trip).

    python bench/latency.py [--engines sqlite,postgresql] [--petitions 100000]
                            [--typed 10] [--gap 0.12] [--keep DIR]

The real app runs in a pseudo-terminal whose screen pyte keeps (bench/board.py's
Terminal). The bench types petitions as the secretary would (bench/killtest.py's
script: name, village, field, content, disposition, detail, each ended by its
key), one key every ``--gap`` seconds, and for every key measures the time from
writing it to the terminal until the screen changed. "after Enter" are the keys
typed right after a petition was committed, when a save is most likely to be in
the way. The app watches its own event loop (tui/loopwatch.py, switched on by
DOITHOAI_LOOP_WATCH) and the bench reports the longest stall.

The slow disk is bench/slowsync.c, built here with gcc and loaded with
LD_PRELOAD; the slow network is a small TCP proxy in this process that holds
every packet from the app for 1 ms before passing it to the server.

Targets (issue 15): key → screen p95 ≤ 50 ms and no event-loop stall over 30 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
for p in (ROOT, BENCH):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

TODAY = "2026-11-22"
STAGE_NAMES = ("họ tên", "thôn", "lĩnh vực", "nội dung", "hình thức", "chi tiết")


# --- the office: the demo and 100,000 petitions of earlier years -------------------------

def fill(target: str, n: int) -> int:
    """The demo office on ``target`` with ``n`` more petitions received in earlier
    years, and its next conference's session started; returns the conference id."""
    os.environ["DOITHOAI_TODAY"] = TODAY
    import models
    from models.demo import build_demo
    from models.petitions import Petition
    from models.services import live_session as live

    models.open_database(target)
    office = build_demo(dt.date.fromisoformat(TODAY))
    template = [r for r in Petition.select().where(Petition.office == office).dicts()]
    db = Petition._meta.database
    start = dt.date(2021, 1, 4)
    rows = []
    for i in range(n):
        r = dict(template[i % len(template)])
        r.pop("id")
        r.update(conference=None, seq=0, received_on=start + dt.timedelta(days=i % 1800),
                 content=f"{r['content']} (năm trước, số {i + 1})", group_parent=None)
        rows.append(r)
        if len(rows) == 2000:
            with db.atomic():
                Petition.insert_many(rows).execute()
            rows = []
    if rows:
        with db.atomic():
            Petition.insert_many(rows).execute()
    conf = live.pick_conference(office)
    live.start_session(conf)
    models.close_database()
    return conf.id


def sqlite_office(keep: Path, n: int) -> Path:
    """A fresh copy of the prepared SQLite office (built once and kept)."""
    ready = keep / f"latency-{n}.sqlite3"
    if not ready.exists():
        t0 = time.perf_counter()
        part = keep / f"latency-{n}.building.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(part) + suffix).unlink(missing_ok=True)
        fill(str(part), n)
        os.replace(part, ready)
        print(f"tạo văn phòng SQLite {n} kiến nghị: {time.perf_counter() - t0:.0f} s", flush=True)
    work = Path(tempfile.mkdtemp(prefix="latency-"))
    shutil.copy(ready, work / "office.sqlite3")
    return work / "office.sqlite3"


def pg_office(server: str, n: int) -> str:
    import psycopg2

    name = "doithoai_latency"
    conn = psycopg2.connect(f"{server}/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if cur.fetchone():
            cur.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    t0 = time.perf_counter()
    fill(f"{server}/{name}", n)
    print(f"tạo văn phòng PostgreSQL {n} kiến nghị: {time.perf_counter() - t0:.0f} s", flush=True)
    return f"{server}/{name}"


# --- the slow parts -----------------------------------------------------------------------

def slowsync(keep: Path) -> Path:
    lib = keep / "slowsync.so"
    src = BENCH / "slowsync.c"
    if not lib.exists() or lib.stat().st_mtime < src.stat().st_mtime:
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(lib), str(src), "-ldl"], check=True)
    return lib


class SlowProxy:
    """127.0.0.1:<port> → the PostgreSQL server, each packet from the app held
    ``delay`` seconds (so every round trip costs that much more)."""

    def __init__(self, host: str, port: int, delay: float = 0.001):
        self.upstream = (host, port)
        self.delay = delay
        self.loop = asyncio.new_event_loop()
        self.port = 0
        started = threading.Event()
        threading.Thread(target=self._run, args=(started,), daemon=True).start()
        started.wait(10)

    def _run(self, started: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)

        async def pipe(reader, writer, delay):
            try:
                while data := await reader.read(65536):
                    if delay:
                        await asyncio.sleep(delay)
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                writer.close()

        async def serve(cr, cw):
            try:
                sr, sw = await asyncio.open_connection(*self.upstream)
            except OSError:
                cw.close()
                return
            await asyncio.gather(pipe(cr, sw, self.delay), pipe(sr, cw, 0))

        async def main():
            server = await asyncio.start_server(serve, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            started.set()
            async with server:
                await server.serve_forever()

        self.loop.run_until_complete(main())


# --- typing ------------------------------------------------------------------------------

def type_session(target: str, env_extra: dict, typed: int, gap: float, watch: Path) -> dict:
    from board import Terminal
    from killtest import ROWS, keys_of, script

    saved = dict(os.environ)
    os.environ.update(env_extra, DOITHOAI_LOOP_WATCH=str(watch), DOITHOAI_TODAY=TODAY,
                      DOITHOAI_HOME=tempfile.mkdtemp(prefix="latency-home-"))
    try:
        term = Terminal(target)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    keys, after_enter, silent = [], [], 0
    by_stage: dict[str, list[float]] = {}
    try:
        first_name = ROWS[0][0]
        term.wait(lambda t: "Người nêu" in t or "Họ tên" in t or "ý kiến" in t.lower(), timeout=180)
        term.settle(1.0)
        watch.write_text("")            # stalls of start-up are not typing
        for row in script(typed):
            for n, (data, stage, _j) in enumerate(keys_of(row)):
                # colours count: Textual draws its own cursor, so a space typed at the end
                # of a line shows only as the highlighted cell moving
                look = lambda: screen_state(term.screen)  # noqa: E731
                before = look()
                t0 = time.perf_counter()
                os.write(term.fd, data)
                try:
                    t1 = term.wait(lambda _t, b=before: look() != b, timeout=3.0)
                except TimeoutError:
                    silent += 1          # a key that changes nothing visible (rare)
                    continue
                ms = (t1 - t0) * 1000
                keys.append(ms)
                by_stage.setdefault(STAGE_NAMES[stage], []).append(ms)
                if n == 0 and data != b"\r":
                    after_enter.append(ms)
                rest = gap - (time.perf_counter() - t0)
                if rest > 0:
                    term.settle(rest) if rest > 0.05 else time.sleep(rest)
        term.settle(1.0)
        assert first_name
    finally:
        term.close()
    stalls = [float(line.split()[1]) for line in watch.read_text().splitlines() if line.strip()]
    return {"keys": keys, "after_enter": after_enter, "silent": silent, "stalls": stalls, "by_stage": by_stage}


def screen_state(screen) -> tuple:
    """Every cell's character and colours (not only the text)."""
    return tuple(tuple((c.data, c.fg, c.bg, c.reverse) for c in (line[x] for x in range(screen.columns)))
                 for line in (screen.buffer[y] for y in range(screen.lines)))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def report(name: str, r: dict) -> None:
    k, a, s = r["keys"], r["after_enter"], r["stalls"]
    print(f"\n{name}")
    print(f"  phím → màn hình ({len(k)} phím): trung vị {statistics.median(k):.0f} ms · p95 {pct(k, .95):.0f} ms · "
          f"lâu nhất {max(k):.0f} ms   (mục tiêu p95 ≤ 50 ms)")
    if a:
        print(f"  phím ngay sau Enter ({len(a)}): trung vị {statistics.median(a):.0f} ms · lâu nhất {max(a):.0f} ms")
    print(f"  vòng sự kiện bị chặn: lâu nhất {max(s, default=0):.0f} ms · {sum(1 for x in s if x > 30)} lần quá 30 ms"
          f"   (mục tiêu ≤ 30 ms)")
    print("  theo ô: " + " · ".join(f"{st} p95 {pct(v, .95):.0f} ms" for st, v in r["by_stage"].items()))
    if r["silent"]:
        print(f"  {r['silent']} phím không làm đổi màn hình trong 3 s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--petitions", type=int, default=100_000)
    ap.add_argument("--typed", type=int, default=10, help="số kiến nghị gõ trong mỗi lần đo")
    ap.add_argument("--gap", type=float, default=0.12, help="giây giữa hai phím")
    ap.add_argument("--fsync-ms", type=int, default=10)
    ap.add_argument("--rtt-ms", type=float, default=1.0)
    ap.add_argument("--pg-server", default="postgresql://doithoai:doithoai@127.0.0.1:5432")
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "doithoai-bench"))
    args = ap.parse_args(argv)
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    print(f"máy: {os.cpu_count()} lõi, tải {os.getloadavg()[0]:.1f} lúc bắt đầu", flush=True)
    for engine in args.engines.split(","):
        watch = keep / f"loopwatch-{engine}.txt"
        if engine == "sqlite":
            target = str(sqlite_office(keep, args.petitions))
            env = {"LD_PRELOAD": str(slowsync(keep)), "SLOWSYNC_MS": str(args.fsync_ms)}
            label = f"SQLite, {args.petitions} kiến nghị, mỗi fsync chậm thêm {args.fsync_ms} ms"
        else:
            from urllib.parse import urlsplit

            direct = pg_office(args.pg_server, args.petitions)
            u = urlsplit(direct)
            proxy = SlowProxy(u.hostname, u.port or 5432, args.rtt_ms / 1000)
            target = direct.replace(f"{u.hostname}:{u.port or 5432}", f"127.0.0.1:{proxy.port}")
            env = {}
            label = f"PostgreSQL, {args.petitions} kiến nghị, mỗi lượt gửi chậm thêm {args.rtt_ms:g} ms"
        r = type_session(target, env, args.typed, args.gap, watch)
        report(label, r)
    print(f"\ntải máy lúc kết thúc {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
