"""Snapshot of the Theo dõi screen on the demo commune (today fixed)."""
from __future__ import annotations

from settle import settle


def test_board_screen(demo_office, monkeypatch, snap_compare):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    async def open_board(pilot):
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot, what="f6")

    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=(120, 36), run_before=open_board)
