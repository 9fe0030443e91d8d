"""Cold start of `doithoai demo` to the painted dashboard, against a bare
Textual app with Header, DataTable and Footer.

Each run is a new Python process (cold interpreter, warm OS file cache,
bytecode compiled beforehand for both programs, as `pip install .` does). The
two programs alternate in one measuring process so that machine noise hits
both alike; each child prints the wall-clock time at which its screen had been
painted (after the first refresh; for Đối thoại, after the dashboard shows its
data), and the parent subtracts the time it started the child. Both run with
Textual's headless driver so no terminal is needed. Prints both medians and
the median of the per-pair ratios. Target: ratio <= 1.3.

    python bench/startup.py [--runs 15]
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


def one(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds to the painted screen, CPU seconds of the whole process).
    CPU time is the steadier figure on a shared machine: other load delays a
    process without making it do more work."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for line in out.stderr.splitlines():
        if line.startswith("READY "):
            return float(line.split()[1]) - start, cpu
    raise SystemExit(f"no READY line from {cmd}: {out.stderr[-800:]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="doithoai-bench-")
    env = dict(os.environ, DOITHOAI_HOME=home, DOITHOAI_BENCH_READY="1", PYTHONPATH=str(REPO))
    app_cmd = [sys.executable, "-m", "tui", "demo"]
    bare_cmd = [sys.executable, "-c", BARE]
    # Textual's modules were byte-compiled when pip installed them; ours are
    # compiled here so that both start from bytecode, as on an office PC after
    # `pip install .`. (Where PYTHONDONTWRITEBYTECODE is set, nothing else
    # would write ours and every run would compile them from source again.)
    for package in ("tui", "models", "printing"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    one(app_cmd, env)  # creates the demo database and the holiday cache (not measured)
    one(bare_cmd, env)
    apps, bares, ratios, cpu_ratios = [], [], [], []
    for i in range(args.runs):
        if i % 2:
            b, a = one(bare_cmd, env), one(app_cmd, env)
        else:
            a, b = one(app_cmd, env), one(bare_cmd, env)
        apps.append(a[0])
        bares.append(b[0])
        ratios.append(a[0] / b[0])
        cpu_ratios.append(a[1] / b[1])
    print(f"runs: {args.runs} pairs (alternating)")
    print(f"bare Textual app (Header, DataTable, Footer): median {statistics.median(bares) * 1000:.0f} ms")
    print(f"doithoai demo, dashboard painted with data:   median {statistics.median(apps) * 1000:.0f} ms")
    print(f"median ratio, wall clock to painted screen: {statistics.median(ratios):.2f} (target <= 1.3)")
    print(f"median ratio, CPU time of the process:      {statistics.median(cpu_ratios):.2f}")


if __name__ == "__main__":
    main()
