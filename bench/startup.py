"""Cold start of `doithoai demo` to the painted dashboard, against a bare
Textual app with Header, DataTable and Footer.

Each run is a new Python process (cold interpreter, warm OS file cache,
bytecode compiled beforehand for both programs, as `pip install .` does). The
two programs alternate in one measuring process so that machine noise hits
both alike; each child prints the wall-clock time at which its screen had been
painted (after the first refresh; for Đối thoại, after the dashboard shows its
data), and the parent subtracts the time it started the child. Both run with
Textual's headless driver so no terminal is needed. Prints both medians and
the median of the per-pair ratios, on the demo and on an office of 100,000
petitions (built once by bench/board.py's builder, kept with --keep), warm
(the database in the OS page cache) and cold (the database file dropped from
the page cache before each start with posix_fadvise(DONTNEED); Python's own
files stay cached for both programs). Targets: warm ratio <= 1.3, cold < 2.

    python bench/startup.py [--runs 15] [--size 100000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = r'''
import sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()
    def on_mount(self):
        t = self.query_one(DataTable)
        t.add_columns("Mốc", "Hạn", "Còn")
        t.add_row("Thông báo", "23/11/2026", "còn 1 ngày")
    def on_ready(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(f"READY {time.time():.6f}", file=sys.__stderr__, flush=True)
        self.exit()

Bare().run(headless=True)
'''


def drop_from_cache(path: Path) -> None:
    """Ask the kernel to forget the file's pages (and its -wal's), so that the
    next open reads them from the disk."""
    for p in (path, Path(str(path) + "-wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def one(cmd: list[str], env: dict, cold: Path | None = None) -> tuple[float, float]:
    """(wall seconds to the painted screen, CPU seconds of the whole process).
    CPU time is the steadier figure on a shared machine: other load delays a
    process without making it do more work."""
    import resource

    if cold is not None:
        drop_from_cache(cold)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for line in out.stderr.splitlines():
        if line.startswith("READY "):
            return float(line.split()[1]) - start, cpu
    raise SystemExit(f"no READY line from {cmd}: {out.stderr[-800:]}")


def pairs(app_cmd, bare_cmd, env, runs: int, cold: Path | None = None) -> dict:
    """``runs`` alternating pairs: medians of both and of the per-pair ratios."""
    apps, bares, ratios, cpu_ratios = [], [], [], []
    for i in range(runs):
        if i % 2:
            b, a = one(bare_cmd, env, cold), one(app_cmd, env, cold)
        else:
            a, b = one(app_cmd, env, cold), one(bare_cmd, env, cold)
        apps.append(a[0])
        bares.append(b[0])
        ratios.append(a[0] / b[0])
        cpu_ratios.append(a[1] / b[1])
    return {"bare": statistics.median(bares), "app": statistics.median(apps),
            "ratio": statistics.median(ratios), "cpu": statistics.median(cpu_ratios)}


def office_database(size: int, keep: Path) -> Path:
    """An office of ``size`` petitions (one office), built once."""
    sys.path.insert(0, str(REPO))
    from bench.board import build

    path = keep / f"office-{size}.sqlite3"
    if not path.exists():
        t0 = time.time()
        build(str(path), size, n_offices=1)
        print(f"built {path} ({size} petitions) in {time.time() - t0:.0f} s", flush=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--size", type=int, default=100_000, help="petitions of the large office (0: demo only)")
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "doithoai-bench"))
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="doithoai-bench-")
    env = dict(os.environ, DOITHOAI_HOME=home, DOITHOAI_BENCH_READY="1", PYTHONPATH=str(REPO),
               DOITHOAI_TODAY="2026-11-22")
    bare_cmd = [sys.executable, "-c", BARE]
    # Textual's modules were byte-compiled when pip installed them; ours are
    # compiled here so that both start from bytecode, as on an office PC after
    # `pip install .`. (Where PYTHONDONTWRITEBYTECODE is set, nothing else
    # would write ours and every run would compile them from source again.)
    for package in ("tui", "models", "printing"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    cases = [("demo", [sys.executable, "-m", "tui", "demo"], env, Path(home) / "data" / "demo.sqlite3")]
    if args.size:
        keep = Path(args.keep)
        keep.mkdir(parents=True, exist_ok=True)
        db = office_database(args.size, keep)
        cases.append((f"office of {args.size} petitions", [sys.executable, "-m", "tui"],
                      dict(env, DOITHOAI_DB=str(db)), db))
    print(f"runs: {args.runs} pairs (alternating) per line; wall clock to the painted dashboard "
          f"against a bare Textual app (Header, DataTable, Footer)")
    print(f"{'database':<30}{'cache':>6}{'bare ms':>9}{'app ms':>9}{'ratio':>7}{'cpu ratio':>11}")
    for label, app_cmd, case_env, db in cases:
        one(app_cmd, case_env)  # creates the demo database and the holiday cache (not measured)
        one(bare_cmd, case_env)
        if label != "demo":
            # the day's first start copies the database beside the app; a start
            # that exits at once would kill that copy and start it again every
            # time, so it is made here, as the first start of the day leaves it
            subprocess.run([sys.executable, "-c", "import sys; from models.backup import startup_backup; "
                            "sys.exit(startup_backup(sys.argv[1]) is None)", str(db)],
                           env=case_env, cwd=REPO, check=True)
        found = next((p for p in Path(home, "data").glob("*.sqlite3")), db) if label == "demo" else db
        for cache, cold in (("warm", None), ("cold", found)):
            r = pairs(app_cmd, bare_cmd, case_env, args.runs, cold)
            print(f"{label:<30}{cache:>6}{r['bare'] * 1000:>9.0f}{r['app'] * 1000:>9.0f}{r['ratio']:>7.2f}"
                  f"{r['cpu']:>11.2f}", flush=True)
    print("targets: warm ratio <= 1.3; cold ratio < 2")


if __name__ == "__main__":
    main()
