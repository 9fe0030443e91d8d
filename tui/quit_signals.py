"""The app asked to end by the system quits as Ctrl+Q does.

A terminal window closed (SIGHUP), a shutdown or a `kill` (SIGTERM) ended the
process at once: the database was not closed, so its mark stayed behind and
the next start took it for a crash and read the whole file (PRAGMA
quick_check: 21 s on a cold 1 GB file). Here the signal becomes the same quit
as Ctrl+Q without its questions (nobody is there to answer): an editor's last
typing is written, writes the storage refused go to the rescue file, and the
database is closed cleanly at exit. POSIX only: Windows has no such signals."""
from __future__ import annotations

import signal

#: the signals that ask a program to end
QUIT_SIGNALS = ("SIGTERM", "SIGHUP")


def quit_on_signals(app) -> None:
    """Install the handlers on the running event loop of ``app`` (from its mount)."""
    import asyncio

    loop = asyncio.get_running_loop()
    for name in QUIT_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            loop.add_signal_handler(number, quit_now, app)
        except (NotImplementedError, RuntimeError, ValueError):
            return        # not the main thread, or a loop without signals (Windows)


def quit_now(app) -> None:
    """Ctrl+Q's quit without asking: writes kept for lack of storage go to the
    rescue file (the next start offers them), then the app exits."""
    try:
        app.quit_unasked()
    except Exception:  # ending anyway: at least the database is closed cleanly
        app.exit()
