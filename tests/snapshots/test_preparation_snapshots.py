"""Snapshots of the Kế hoạch and Hội nghị screens on the demo commune, with
today fixed (DOITHOAI_TODAY) so milestones and days left never move."""
from __future__ import annotations

import pytest

TODAY = "2026-11-22"


@pytest.fixture
def demo_app(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    return DoiThoaiApp(demo_office)


async def _settle(pilot):
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _goto(key):
    async def run_before(pilot):
        await pilot.press(key)
        await _settle(pilot)
    return run_before


def test_plans_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f3"))


def test_conferences_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f4"))


def test_documents_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f7"))
