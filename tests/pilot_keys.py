"""Driving the real app by keys over an office (Pilot), for the issue-20 tests:
each key waits until the app has settled (no worker, no queued message)."""
from __future__ import annotations

import asyncio
import os
import time

from snapshots.settle import settle
from tui.app import DoiThoaiApp


def drive(office, steps, size=(120, 36)):
    """``await steps(app, pilot)`` on the app opened over ``office``; its result."""
    async def go():
        app = DoiThoaiApp(office)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            return await steps(app, pilot)

    return asyncio.run(go())


async def keys(pilot, *pressed):
    for k in pressed:
        await pilot.press(k)
        await settle(pilot)


async def typed(pilot, text):
    """Typed key by key; "\\b" is Backspace."""
    for ch in text:
        await pilot.press({" ": "space", "\b": "backspace"}.get(ch, ch))
    await settle(pilot)


#: seconds any one wait may take: the machine running the tests may be very busy
WAIT = float(os.environ.get("DOITHOAI_TEST_STEP_TIMEOUT", "90"))


async def until(pilot, ready, what: str, told=None) -> None:
    """Let the app work until ``ready()`` holds (a widget not built yet counts
    as not ready); fail naming ``what`` — and the notifications seen, when the
    test keeps them in ``told`` or ``app.told`` — after WAIT seconds on the
    clock, however slow the machine."""
    deadline = time.monotonic() + WAIT
    while True:
        try:
            if ready():
                return
        except Exception:  # a screen or row still being built
            pass
        if time.monotonic() > deadline:
            told = told if told is not None else getattr(pilot.app, "told", None)
            raise AssertionError(f"timed out waiting for {what}" + (f"; notifications: {told}" if told is not None else ""))
        await pilot.pause(0.05)
