"""Cold start of `doithoai demo` to the painted dashboard, against a bare
Textual app with Header, DataTable and Footer.

--pty (what a person sees): each program runs in a real pseudo-terminal of
120×36 and the time counted is from starting it to the moment the bytes of its
painted screen have arrived (the dashboard's text with its data read back from
the terminal by pyte, bench/board.py's Terminal; the bare app's table row). Cases:
the demo (data/demo/doithoai-demo.sqlite3 in the user data folder), an office
of 100,000 petitions and a province file of 1,000,000 (100 offices, the
workstation's office chosen), on SQLite and on PostgreSQL (--engines). "cold"
drops the database's files from the OS page cache before each start
(posix_fadvise DONTNEED on the SQLite file and its -wal, or on the PostgreSQL
database's own relation files; PostgreSQL's shared buffers stay as they are).
Targets in a pty: warm ratio <= 1.3, cold <= 1.5. Prints the load average.

    python bench/startup.py --pty [--runs 7] [--engines sqlite,postgresql] [--keep DIR]

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


def drop_from_cache(path) -> None:
    """Ask the kernel to forget the file's pages (and its -wal's), so that the
    next open reads them from the disk. A PostgreSQL URL: the database's own
    relation files (readable by root, who runs the bench)."""
    if "://" in str(path):
        for p in pg_files(str(path)):
            try:
                fd = os.open(p, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
        return
    path = Path(path)
    for p in (path, Path(str(path) + "-wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


_PG_FILES: dict[str, list[str]] = {}


def pg_files(url: str) -> list[str]:
    """The files of a PostgreSQL database on this machine (its data folder's base/OID)."""
    if url not in _PG_FILES:
        import psycopg2

        import glob

        conn = psycopg2.connect(url)
        with conn.cursor() as cur:
            cur.execute("SELECT oid FROM pg_database WHERE datname = current_database()")
            oid = cur.fetchone()[0]
        conn.close()
        # the data folder (reading data_directory needs a superuser): PGDATA, or Debian's place
        tops = [os.environ["PGDATA"]] if os.environ.get("PGDATA") else glob.glob("/var/lib/postgresql/*/main")
        folders = [Path(t) / "base" / str(oid) for t in tops]
        _PG_FILES[url] = [str(p) for f in folders if f.is_dir() for p in f.iterdir()]
        if not _PG_FILES[url]:
            print(f"(không tìm thấy tệp của cơ sở dữ liệu {url.rsplit('/', 1)[-1]}: “lạnh” = ấm)", flush=True)
    return _PG_FILES[url]


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


BARE_PTY = BARE.replace("    def on_ready(self):\n        self.call_after_refresh(self.done)\n"
                        "    def done(self):\n        print(f\"READY {time.time():.6f}\", file=sys.__stderr__, flush=True)\n"
                        "        self.exit()\n", "").replace("Bare().run(headless=True)", "Bare().run()")


def painted_in_pty(cmd: list[str], env: dict, ready, cold=None) -> float:
    """Seconds from starting ``cmd`` in a 120×36 pty to its painted screen."""
    from bench.board import Terminal

    if cold is not None:
        drop_from_cache(cold)
    term = Terminal(None, argv=cmd, env=env)
    try:
        return term.wait(ready, timeout=180) - term.started
    finally:
        term.close()


def app_ready(text: str) -> bool:
    return "Tổng quan" in text and "Quá hạn" in text and "Hội nghị" in text


def bare_ready(text: str) -> bool:
    return "23/11/2026" in text and "còn 1 ngày" in text


def pty_main(args) -> None:
    """The --pty bench (see the module's docstring)."""
    sys.path.insert(0, str(REPO))
    from bench import board

    home = tempfile.mkdtemp(prefix="doithoai-bench-")
    env = dict(os.environ, DOITHOAI_HOME=home, PYTHONPATH=str(REPO), DOITHOAI_TODAY="2026-11-22")
    env.pop("DOITHOAI_BENCH_READY", None)
    for package in ("tui", "models", "printing", "data"):
        compileall.compile_dir(str(REPO / package), quiet=1)
    bare = [sys.executable, "-c", BARE_PTY]
    app = [sys.executable, "-m", "tui"]
    ns = argparse.Namespace(keep=args.keep, pg_server=args.pg_server, pg_prefix=args.pg_prefix)
    Path(args.keep).mkdir(parents=True, exist_ok=True)
    cases = [("demo", "sqlite", app + ["demo"], env, Path(home) / "data" / "demo" / "doithoai-demo.sqlite3")]
    for engine in args.engines.split(","):
        if engine == "sqlite":
            office = str(office_database(100_000, Path(args.keep)))
        else:
            office = board.pg_target(args.pg_server, args.pg_prefix + "_office", 100_000)
            if not board.built(office, 100_000):
                board.emptied(office)
                board.build(office, 100_000, n_offices=1)
        province = board.prepare(engine, 1_000_000, ns) if args.province else None
        cases.append(("100.000 (1 cơ quan)", engine, app, dict(env, DOITHOAI_DB=office), office))
        if province:
            cases.append(("1.000.000 (100 cơ quan)", engine, app,
                          dict(env, DOITHOAI_DB=province, DOITHOAI_OFFICE="1"), province))
    print(f"--pty: {args.runs} alternated pairs per line; a 120×36 pseudo-terminal; from start to the "
          f"painted screen, against a bare Textual app (Header, DataTable, Footer)")
    print(f"{'database':<26}{'engine':>11}{'cache':>6}{'bare ms':>9}{'app ms':>9}{'ratio':>7}{'target':>7}"
          f"  load")
    ok = True
    for label, engine, cmd, case_env, db in cases:
        painted_in_pty(cmd, case_env, app_ready)      # the demo's database, the day's backup, bytecode
        painted_in_pty(bare, case_env, bare_ready)
        if label != "demo" and "://" not in str(db):
            subprocess.run([sys.executable, "-c", "import sys; from models.storage.backup import startup_backup; "
                            "sys.exit(startup_backup(sys.argv[1]) is None)", str(db)],
                           env=case_env, cwd=REPO, check=False)
        for cache, cold, target in (("warm", None, 1.3), ("cold", db, 1.5)):
            apps, bares, ratios = [], [], []
            for i in range(args.runs):
                order = [(cmd, app_ready, apps), (bare, bare_ready, bares)]
                for c, ready, out in (order if i % 2 == 0 else order[::-1]):
                    out.append(painted_in_pty(c, case_env, ready, cold))
                ratios.append(apps[-1] / bares[-1])
            r = statistics.median(ratios)
            ok &= r <= target
            print(f"{label:<26}{engine:>11}{cache:>6}{statistics.median(bares) * 1000:>9.0f}"
                  f"{statistics.median(apps) * 1000:>9.0f}{r:>7.2f}{target:>7.1f}  {loadavg()}"
                  + ("" if r <= target else "  !"), flush=True)
    print("ĐẠT" if ok else "CHƯA ĐẠT", "(mục tiêu trong pty: ấm ≤ 1,3 lần, lạnh ≤ 1,5 lần ứng dụng Textual trống)")


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
    ap.add_argument("--pty", action="store_true", help="in a real pseudo-terminal, to the painted screen")
    ap.add_argument("--engines", default="sqlite,postgresql", help="--pty: sqlite,postgresql")
    ap.add_argument("--no-province", dest="province", action="store_false", help="--pty: without the 1M file")
    ap.add_argument("--pg-server", default="postgresql://doithoai:doithoai@127.0.0.1:5432")
    ap.add_argument("--pg-prefix", default="doithoai_bench")
    args = ap.parse_args()
    if args.pty:
        return pty_main(args)
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
            subprocess.run([sys.executable, "-c", "import sys; from models.storage.backup import startup_backup; "
                            "sys.exit(startup_backup(sys.argv[1]) is None)", str(db)],
                           env=case_env, cwd=REPO, check=True)
        found = Path(home, "data", "demo", "doithoai-demo.sqlite3") if label == "demo" else db
        for cache, cold in (("warm", None), ("cold", found)):
            r = pairs(app_cmd, bare_cmd, case_env, args.runs, cold)
            print(f"{label:<30}{cache:>6}{r['bare'] * 1000:>9.0f}{r['app'] * 1000:>9.0f}{r['ratio']:>7.2f}"
                  f"{r['cpu']:>11.2f}", flush=True)
    print("targets: warm ratio <= 1.3; cold ratio < 2")


if __name__ == "__main__":
    main()
