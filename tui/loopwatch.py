"""An opt-in watch on the event loop, for bench/latency.py: how late a short
timer fires is how long the loop was busy with something else (a query, a
save, a layout). Off unless DOITHOAI_LOOP_WATCH names a file; when on, it wakes
every few milliseconds, so it is never on in an office.

The file gets one line per stall longer than STALL_MS (``seconds_since_start
stall_ms``) as it happens, so a bench can read it while the app runs."""
from __future__ import annotations

import os
import time

TICK = 0.005        # seconds between looks
STALL_MS = 5.0      # lateness worth writing down


def start(app) -> None:
    path = os.environ.get("DOITHOAI_LOOP_WATCH")
    if not path:
        return
    out = open(path, "a", encoding="utf-8", buffering=1)   # noqa: SIM115 - open for the app's life
    t0 = time.perf_counter()
    last = [time.perf_counter()]

    def look() -> None:
        now = time.perf_counter()
        late = (now - last[0] - TICK) * 1000
        if late > STALL_MS:
            out.write(f"{now - t0:.3f} {late:.1f}\n")
        last[0] = now

    app.set_interval(TICK, look)
