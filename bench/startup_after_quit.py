"""Start-up on a 1 GB database after Ctrl+Q, against a start after a clean
command-line close (issue 21, item 13): a quit must not look like a crash, so
the start after it must not run SQLite's whole quick_check.

The database is an office made by `doithoai init` and padded to ``--size-mb``
with a table of blobs (quick_check reads every page), built once under
``--keep`` (default /tmp/doithoai-1g; never in CI). Pairs alternate: the real
app in a pseudo-terminal quit with Ctrl+Q, then a timed start; `doithoai user
list` (opens and closes the file), then a timed start. A timed start is the
app to its painted dashboard (DOITHOAI_BENCH_READY, bench/startup.py's
measure). A start after a kill is timed too, to show what the check costs.

    python bench/startup_after_quit.py [--runs 7] [--size-mb 1024]

Prints the medians and the median of the per-pair ratios (target <= 1.3)."""
from __future__ import annotations

import argparse
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import one


def build(path: Path, size_mb: int, env: dict) -> None:
    if path.exists() and path.stat().st_size >= size_mb * 1024 * 1024 * 0.95:
        return
    t0 = time.time()
    path.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "tui", "--db", str(path), "init", "--ten", "Kỳ Khang"], env=env,
                   cwd=REPO, check=True, capture_output=True)
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS bench_padding (b BLOB)")
    for _ in range(size_mb):
        con.execute("INSERT INTO bench_padding VALUES (randomblob(1048000))")
        con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"built {path} ({path.stat().st_size / 2**20:.0f} MB) in {time.time() - t0:.0f} s", flush=True)


def quit_with_ctrl_q(db: Path, env: dict, timeout: float = 120.0, by_signal: int | None = None) -> int:
    """The app in a pseudo-terminal, left with Ctrl+Q (or sent ``by_signal``,
    as a closed window or a shutdown does) once it has drawn its screen with
    the database open (its mark is there) and the screen has been still for a
    second and a half; returns its exit status."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    e = {k: v for k, v in env.items() if k != "DOITHOAI_BENCH_READY"}
    app = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db)], cwd=REPO,
                           env=dict(e, TERM="xterm-256color"), stdin=slave, stdout=slave, stderr=slave,
                           start_new_session=True)
    os.close(slave)

    drawn = []

    def read_for(seconds: float) -> bool:
        """Drain the screen; True when it has been drawn and nothing came for ``seconds``."""
        if not select.select([master], [], [], seconds)[0]:
            return bool(drawn)
        try:
            drawn.append(len(os.read(master, 65536)))
        except OSError:
            pass
        return False

    try:
        # the screen drawn (before it, the terminal is not yet raw and takes Ctrl+Q
        # as XON), the database open, and then a still screen
        end = time.time() + timeout
        while time.time() < end and not (list(db.parent.glob(db.name + ".dang-mo-*")) and read_for(1.5)):
            read_for(0.1)
        if by_signal is None:
            os.write(master, b"\x11")          # Ctrl+Q
        else:
            os.kill(app.pid, by_signal)
        end = time.time() + timeout
        while app.poll() is None and time.time() < end:
            read_for(0.2)
        if app.poll() is None:
            raise SystemExit(f"the app did not quit on {'Ctrl+Q' if by_signal is None else by_signal}")
        return app.returncode
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()
        os.close(master)


def killed(db: Path, env: dict) -> None:
    e = {k: v for k, v in env.items() if k != "DOITHOAI_BENCH_READY"}
    code = ("import os, sys, models; models.open_database(sys.argv[1]); "
            "os.kill(os.getpid(), 9)")
    subprocess.run([sys.executable, "-c", code, str(db)], env=e, cwd=REPO)


def cli_close(db: Path, env: dict) -> None:
    e = {k: v for k, v in env.items() if k != "DOITHOAI_BENCH_READY"}
    subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "user", "list"], env=e, cwd=REPO,
                   check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--keep", default="/tmp/doithoai-1g")
    args = ap.parse_args()
    keep = Path(args.keep)
    keep.mkdir(parents=True, exist_ok=True)
    db = keep / "office.sqlite3"
    env = dict(os.environ, DOITHOAI_HOME=str(keep / "home"), DOITHOAI_BENCH_READY="1", PYTHONPATH=str(REPO),
               DOITHOAI_TODAY="2026-11-22", DOITHOAI_USER="bench")
    build(db, args.size_mb, env)
    # the day's first copy is made once here (a start that exits at once would stop it every time)
    subprocess.run([sys.executable, "-c", "import sys; from models.storage.backup import startup_backup; "
                    "startup_backup(sys.argv[1])", str(db)], env=env, cwd=REPO, check=True)
    start = [sys.executable, "-m", "tui", "--db", str(db)]
    one(start, env)       # caches warm
    after_quit, after_cli, after_kill, ratios = [], [], [], []
    for i in range(args.runs):
        quit_with_ctrl_q(db, env)
        q = one(start, env)[0]
        cli_close(db, env)
        c = one(start, env)[0]
        after_quit.append(q)
        after_cli.append(c)
        ratios.append(q / c)
        if i < 3:
            killed(db, env)
            after_kill.append(one(start, env)[0])
        print(f"pair {i + 1}: after Ctrl+Q {q * 1000:.0f} ms, after a command-line close {c * 1000:.0f} ms",
              flush=True)
    print(f"database: {db.stat().st_size / 2**20:.0f} MB; {args.runs} pairs")
    print(f"start after Ctrl+Q (median):                 {statistics.median(after_quit) * 1000:.0f} ms")
    print(f"start after a command-line close (median):   {statistics.median(after_cli) * 1000:.0f} ms")
    print(f"start after a kill (median):                 {statistics.median(after_kill) * 1000:.0f} ms")
    print(f"ratio after Ctrl+Q / after a clean close (median of pairs): {statistics.median(ratios):.2f} "
          "(target <= 1.3)")


if __name__ == "__main__":
    main()
