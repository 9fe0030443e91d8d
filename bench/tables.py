"""Key → screen of the tables F7 (documents) and F8 (catalog) with a few hundred rows.

    python bench/tables.py [--rows 300] [--keys 15] [--runs 2] [--size 120x36]

The demo commune is built in a temporary DOITHOAI_HOME with ``--rows`` more
documents in the register (F7 shows a page of 100) and ``--rows`` more villages
(F8's Thôn, tổ dân phố tab lists them all). The real app (``python -m tui demo``)
runs in a pseudo-terminal and pyte keeps its screen, colours included
(bench/board.py's Terminal). For each step the time is from writing the key to
the pty until the screen has changed as the step expects: the first page of F7
listed, the cursor on the next row (the highlight moved: only colours change),
a screenful further (Page Down), F8's village tab listed, and F7 and F8 again
(their rows written anew on each return). Between keys the bench
waits until the app has drawn nothing for 0.3 s, as a person reading would.
Each step is timed ``--keys`` times per run; the median and the worst are
printed with the load average, which matters on a shared machine: compare runs
taken in alternation with the same load.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import board  # the pty driver (Terminal) and load_average

KEYS = {"f7": "\x1b[18~", "f8": "\x1b[19~", "down": "\x1b[B", "right": "\x1b[C", "pagedown": "\x1b[6~"}


def prepare(home: Path, rows: int) -> None:
    """The demo's database in ``home`` with ``rows`` more documents and villages."""
    os.environ["DOITHOAI_HOME"] = str(home)
    import models
    from models.core.paths import locations
    from models.demo import build_demo
    from models.services import catalog, numbering
    from models.storage.db import open_database

    target = locations().demo_database
    target.parent.mkdir(parents=True, exist_ok=True)
    open_database(str(target))
    office = build_demo(today=board.TODAY)
    start = dt.date(2026, 1, 5)
    with models.database.atomic():
        for i in range(rows):
            numbering.register(office, "CV", title=f"Trả lời kiến nghị số {i + 1} của công dân thôn Đông Hòa "
                                                   f"về đường giao thông nội đồng",
                               issued_on=start + dt.timedelta(days=i % 300), signer="Lê Văn Thành",
                               unit_short="VP")
            catalog.add_village(office, f"Thôn Mới {i + 1:03d}", station=f"Cụm loa {i % 7 + 1}",
                                leader_name="Nguyễn Văn Bình")
    models.database.close()


def look(term) -> tuple:
    """The screen with its colours: a moved highlight changes only these."""
    return tuple((ch.data, ch.fg, ch.bg, ch.bold, ch.reverse)
                 for row in range(term.screen.lines) for ch in term.screen.buffer[row].values())


def run_once(home: Path, keys: int, cols: int, lines: int) -> dict[str, list[float]]:
    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(ROOT))
    term = board.Terminal(None, cols=cols, lines=lines, argv=[sys.executable, "-m", "tui", "demo"], env=env)
    out: dict[str, list[float]] = {}

    def step(name: str, key: str, test=lambda t: True) -> None:
        before = look(term)
        t0 = term.press(KEYS.get(key, key))
        t1 = term.wait(lambda t: look(term) != before and test(t), timeout=60)
        out.setdefault(name, []).append((t1 - t0) * 1000)
        term.settle()

    try:
        term.wait(lambda t: "Tổng quan" in t and "Quá hạn" in t, timeout=120)
        term.settle()
        step("F7: trang đầu hiện ra", "f7", lambda t: "đang xem 1–100" in t)
        for _ in range(keys):
            step("F7: ↓ (dòng sau)", "down")
        for _ in range(3):
            step("F7: Page Down", "pagedown")
        step("F8: mở", "f8", lambda t: "Danh mục" in t)
        for _ in range(3):
            term.press(KEYS["right"])
            term.settle()
        term.wait(lambda t: "Thôn Mới 001" in t, timeout=60)
        term.press("\t")            # from the tabs into the list
        term.settle()
        for _ in range(keys):
            step("F8 thôn: ↓ (dòng sau)", "down")
        for _ in range(3):
            step("F8 thôn: Page Down", "pagedown")
        for _ in range(3):            # back and forth: F7's page written again on each return
            step("F7 lại: trang hiện ra", "f7", lambda t: "đang xem 1–100" in t and "Thôn Mới" not in t)
            step("F8 lại: thôn hiện ra", "f8", lambda t: "Thôn Mới" in t and "đang xem" not in t)
    finally:
        term.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=300)
    ap.add_argument("--keys", type=int, default=15)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--size", default="120x36")
    args = ap.parse_args(argv)
    cols, lines = map(int, args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="doithoai-tables-") as tmp:
        home = Path(tmp)
        t0 = time.perf_counter()
        prepare(home, args.rows)
        print(f"demo + {args.rows} văn bản, {args.rows} thôn: {time.perf_counter() - t0:.0f} s", flush=True)
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, got in run_once(home, args.keys, cols, lines).items():
                times.setdefault(name, []).extend(got)
        print(f"{cols}×{lines}, tải (load average) {board.load_average()}")
        for name, got in times.items():
            print(f"  {name:<24} trung vị {statistics.median(got):6.1f} ms   chậm nhất {max(got):6.1f} ms"
                  f"   ({len(got)} lần)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
