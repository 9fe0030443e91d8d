"""Driving the real app by keys over an office (Pilot), for the issue-20 tests:
each key waits until the app has settled (no worker, no queued message)."""
from __future__ import annotations

import asyncio

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
