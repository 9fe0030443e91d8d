"""Key → screen latency while a secretary types petitions into the live session.

    python bench/latency.py [--petitions 100000] [--typed 12] [--cases fsync,pg,plain] [--keep DIR]

The real app runs in a pseudo-terminal and pyte keeps its screen (the Terminal
of bench/board.py). The office holds ``--petitions`` petitions (built once with
bench/board.py's loader, kept for the next run) and a conference in session;
the app opens on it and the bench types ``--typed`` petitions key by key: name,
village (a letter), field (its number), content, disposition 4 and the answer,
Enter to record it, and the first letter of the next name at once after that
Enter. For every key it notes the time from writing the key to the pty until
the entry shows it.

Cases:
- fsync: SQLite with 10 ms added to every fsync and fdatasync (an LD_PRELOAD
  shim, bench/slow_fsync.c, compiled here with gcc), as on an old PC's disk;
- pg: PostgreSQL through a small local TCP proxy adding 1 ms to every message
  from the app to the server (one per round trip);
- plain: SQLite as it is (for comparison).

The app records its event-loop stalls (DOITHOAI_LOOP_LAG, tui/work.py): the
longest is reported with the key latencies. Targets (issue 15): key p95 ≤ 50 ms,
longest stall ≤ 30 ms.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import board  # the loader and the pty driver of bench/board.py

TODAY = board.TODAY
NAMES = ("Trần Thị Lựu", "Lê Đình Phúc", "Phạm Thị Nguyệt", "Hoàng Văn Ất", "Nguyễn Văn Dương")
CONTENTS = ("Rác thải tồn đọng ở bãi tập kết đầu thôn", "Đường liên thôn sạt lở, đề nghị sửa chữa",
            "Trạm y tế thiếu thuốc huyết áp", "Điểm trường mẫu giáo bị dột mái")
ANSWER = "Ghi nhận, giao bộ phận xem xét"
P95_TARGET, STALL_TARGET = 50.0, 30.0


# --- the office ---------------------------------------------------------------------------

def prepare(target: str, n: int) -> None:
    """``n`` petitions in one office (built once), then a conference in session
    today and nothing left of an earlier run's typing."""
    import models
    from models.domain.office import Setting
    from models.domain.conference import Conference
    from models.services import catalog
    from models.services import live_session as live

    if not built(target, n):
        board.emptied(target)
        t0 = time.perf_counter()
        board.build(target, n, n_offices=1)
        print(f"  tạo {n} kiến nghị: {time.perf_counter() - t0:.0f} s", flush=True)
    models.open_database(target)
    try:
        office = catalog.the_office()
        conf = Conference.get_or_none((Conference.office == office) & (Conference.date == TODAY))
        if conf is None:
            if not catalog.officials(office):
                catalog.add_official(office, "Nguyễn Văn An", position="Chủ tịch UBND xã")
            conf = Conference.create(office=office, date=TODAY, title="Hội nghị đối thoại tháng 11/2026",
                                     start_time="08:00", chair="Nguyễn Văn An - Chủ tịch UBND xã")
        live.start_session(conf)
        Setting.delete().where(Setting.key.startswith("session.resume:")).execute()
    finally:
        models.close_database()


def built(target: str, n: int) -> bool:
    """The office of ``n`` petitions is there (those typed by earlier runs, today, aside)."""
    import models
    from models.domain.petition import Petition

    try:
        models.open_database(target, create=False)
    except Exception:  # not there yet, or not a database: built afresh
        return False
    try:
        return Petition.select().where(Petition.received_on != TODAY).count() == n
    finally:
        models.close_database()


def field_keys(target: str) -> str:
    """The number of a field that is taken without Enter (no longer code starts with it)."""
    import models
    from models.services import catalog
    from models.services.typeahead import field_decided

    models.open_database(target)
    try:
        fields = [(f.code, f.name) for f in catalog.fields(catalog.the_office())]
    finally:
        models.close_database()
    return next(str(code) for code, _ in fields if field_decided(fields, str(code)))


# --- slow storage ---------------------------------------------------------------------------

def slow_fsync_library(folder: Path) -> Path:
    lib = folder / "slow_fsync.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(lib), str(ROOT / "bench" / "slow_fsync.c"), "-ldl"],
                   check=True)
    return lib


class SlowProxy:
    """127.0.0.1:port → the server, each chunk from the app to the server held
    ``delay`` seconds first (a query and its answer: one round trip)."""

    def __init__(self, server: tuple[str, int], delay: float = 0.001):
        self.server, self.delay = server, delay
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.server)
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._pump, args=(client, upstream, self.delay), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, 0.0), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket, delay: float) -> None:
        try:
            while data := src.recv(1 << 16):
                if delay:
                    time.sleep(delay)
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.sock.close()


@contextlib.contextmanager
def environment(**values):
    """os.environ with ``values`` while the app is started (board.Terminal copies it)."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update({k: v for k, v in values.items() if v is not None})
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# --- typing -----------------------------------------------------------------------------------

def entry_area(text: str) -> str:
    """The petition entry's lines (from "Ý kiến số" to the answerer), where every key shows."""
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if "Ý kiến số" in ln), None)
    return "" if start is None else "\n".join(lines[start:start + 11])


def entry_state(term) -> tuple[str, list]:
    """The entry's text and where its cursor (the reversed cell) is: a typed
    space moves only the cursor."""
    text = entry_area(term.text())
    cursor = [(y, x) for y, row in term.screen.buffer.items() for x, ch in row.items() if ch.reverse]
    return text, cursor


def type_petitions(term, typed: int, field: str) -> dict[str, list[float]]:
    """Type ``typed`` petitions; per kind of key, the milliseconds to the screen."""
    out: dict[str, list[float]] = {"chữ": [], "Enter, số": [], "chữ ngay sau Enter ghi ý kiến": []}

    def key(k: str, kind: str) -> None:
        before = entry_state(term)
        t0 = term.press(k)
        t1 = term.wait(lambda t: entry_state(term) != before)
        out[kind].append((t1 - t0) * 1000)

    import re

    number = int(re.search(r"Ý kiến số (\d+)", term.text()).group(1))   # earlier runs' petitions are there
    first = NAMES[0][0]
    key(first, "chữ")
    for i in range(typed):
        name = NAMES[i % len(NAMES)]
        for ch in name[1:]:
            key(" " if ch == " " else ch, "chữ")
        key("enter", "Enter, số")
        key("d", "chữ")                  # Đông Hải
        key("enter", "Enter, số")
        for ch in field:
            key(ch, "Enter, số")
        for ch in CONTENTS[i % len(CONTENTS)]:
            key(ch, "chữ")
        key("enter", "Enter, số")
        key("4", "Enter, số")
        for ch in ANSWER:
            key(ch, "chữ")
        nxt = NAMES[(i + 1) % len(NAMES)][0]
        before_number = f"Ý kiến số {number + i + 1}"
        t0 = term.press("enter")
        term.press(nxt)
        t1 = term.wait(lambda t: before_number in t and nxt in _name_line(t))
        out["chữ ngay sau Enter ghi ý kiến"].append((t1 - t0) * 1000)
    return out


def _name_line(text: str) -> str:
    return next((ln for ln in entry_area(text).splitlines() if "Người nêu" in ln), "")


def run_case(name: str, target: str, typed: int, field: str, env: dict) -> dict:
    lag = Path(tempfile.mkstemp(prefix="doithoai-lag-", suffix=".txt")[1])
    home = tempfile.mkdtemp(prefix="doithoai-latency-")
    with environment(DOITHOAI_LOOP_LAG=str(lag), DOITHOAI_HOME=home, DOITHOAI_WORKSTATION="bench", **env):
        term = board.Terminal(target)
    try:
        term.wait(lambda t: "Ý kiến số" in t and "Đang họp" in t, timeout=180)
        term.settle(0.3)
        started = time.perf_counter()
        lag.write_text("")                # stalls of the start-up are not the typing's
        keys = type_petitions(term, typed, field)
        seconds = time.perf_counter() - started
        time.sleep(1.5)                   # the last writes
        term.settle(0.3)
    finally:
        term.close()
    lines = lag.read_text().splitlines()
    stalls = [float(x) for x in lines if x and not x.startswith("#")]
    if os.environ.get("DOITHOAI_LOOP_LAG_STACKS"):
        Path(str(lag) + ".stacks").write_text("\n".join(lines))
        print(f"  các lần chặn và nơi đang chạy: {lag}.stacks")
    lag.unlink(missing_ok=True)
    return {"case": name, "keys": keys, "stalls": stalls, "seconds": seconds}


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else 0.0


def report(res: dict) -> bool:
    every = [v for vs in res["keys"].values() for v in vs]
    p95, worst = percentile(every, 95), max(res["stalls"], default=0.0)
    ok = p95 <= P95_TARGET and worst <= STALL_TARGET
    print(f"\n{res['case']}: {len(every)} phím trong {res['seconds']:.0f} s — "
          f"p50 {percentile(every, 50):.1f} ms · p95 {p95:.1f} ms · tối đa {max(every):.1f} ms · "
          f"vòng sự kiện bị chặn lâu nhất {worst:.1f} ms ({len(res['stalls'])} lần ≥ 2 ms) "
          f"→ {'ĐẠT' if ok else 'CHƯA ĐẠT'} (p95 ≤ {P95_TARGET:.0f} ms, chặn ≤ {STALL_TARGET:.0f} ms)")
    for kind, vs in res["keys"].items():
        if vs:
            print(f"  {kind:<32} {len(vs):>5} phím · p50 {percentile(vs, 50):6.1f} · p95 {percentile(vs, 95):6.1f}"
                  f" · tối đa {max(vs):6.1f} ms")
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--petitions", type=int, default=100_000)
    ap.add_argument("--typed", type=int, default=12, help="số ý kiến gõ trong mỗi lần đo")
    ap.add_argument("--cases", default="fsync,pg")
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "doithoai-bench"))
    ap.add_argument("--pg-server", default="postgresql://doithoai:doithoai@127.0.0.1:5432")
    ap.add_argument("--pg-name", default="doithoai_latency")
    args = ap.parse_args(argv)
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    all_ok = True
    for case in args.cases.split(","):
        if case in ("fsync", "plain"):
            target = str(keep / f"latency-{args.petitions}.sqlite3")
            prepare(target, args.petitions)
            env = {"LD_PRELOAD": str(slow_fsync_library(keep)), "SLOW_FSYNC_MS": "10"} if case == "fsync" else {}
            res = run_case("SQLite, fsync chậm thêm 10 ms" if case == "fsync" else "SQLite", target, args.typed,
                           field_keys(target), env)
        elif case == "pg":
            from urllib.parse import urlparse

            target = board.pg_target(args.pg_server, args.pg_name, args.petitions)
            prepare(target, args.petitions)
            field = field_keys(target)
            u = urlparse(target)
            proxy = SlowProxy((u.hostname, u.port or 5432))
            try:
                slow = target.replace(f"{u.hostname}:{u.port or 5432}", f"127.0.0.1:{proxy.port}")
                res = run_case("PostgreSQL, thêm 1 ms mỗi lượt hỏi-đáp", slow, args.typed, field, {})
            finally:
                proxy.close()
        else:
            ap.error(f"không biết trường hợp “{case}” (fsync, pg, plain)")
        all_ok &= report(res)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
