"""Waiting for a screen to be fully drawn before a snapshot is taken.

A fixed number of pauses is a race on a busy machine: a worker may post its
result (which starts another worker) after the pauses ran out, and the snapshot
then shows a table before its rows or column widths arrived. Here we wait for
a condition instead: no worker running and nothing left in the message queues,
seen several times in a row, and the caller's own ``ready`` test. A timeout is
a failure with a message, never a silent snapshot of a half-drawn screen."""
from __future__ import annotations

import time

from textual.worker import WorkerCancelled

QUIET_ROUNDS = 3     # consecutive idle checks before the screen counts as settled
TIMEOUT = 60.0       # seconds; generous, the machine may be very busy


def _busy(app) -> bool:
    if any(not w.is_finished for w in app.workers):
        return True
    nodes = [app, app.screen, *app.screen.walk_children()]
    return any(not node._message_queue.empty() for node in nodes)


async def settle(pilot, ready=None, *, what: str = "màn hình") -> None:
    app = pilot.app
    deadline = time.monotonic() + TIMEOUT
    quiet = 0
    while quiet < QUIET_ROUNDS:
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not settle within {TIMEOUT:.0f} s")
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            # an exclusive worker replaced by a newer one (the cursor moved again): not an
            # error; wait for the newer one on the next round
            quiet = 0
            await pilot.pause()
            continue
        await pilot.pause()
        ok = True
        if ready is not None:
            try:
                ok = bool(ready(app))
            except Exception:      # a widget still being built
                ok = False
        quiet = quiet + 1 if ok and not _busy(app) else 0
    # one more refresh so layout (column widths) follows the last data
    await pilot.pause()
