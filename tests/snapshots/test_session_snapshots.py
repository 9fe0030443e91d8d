"""Snapshot of the live session screen on the demo data (today fixed; the
session is not started, so no clock is drawn)."""
import pytest

from settle import settle
from tui.app import DoiThoaiApp


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")


def test_session_entry(snap_compare, demo_office):
    async def before(pilot):
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot, what="f5")
        await pilot.press(*"Nguyễn", "space", *"Thị", "space", *"Hoa", "enter", "b", "enter", "2")
        await settle(pilot, what="typing")

    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=(120, 36), run_before=before)
