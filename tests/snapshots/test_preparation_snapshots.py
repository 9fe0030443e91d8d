"""Snapshots of the Kế hoạch and Hội nghị screens on the demo commune, with
today fixed (DOITHOAI_TODAY) so milestones and days left never move."""
from __future__ import annotations

import pytest

from settle import settle

TODAY = "2026-11-22"


@pytest.fixture
def demo_app(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    return DoiThoaiApp(demo_office)


def _goto(key, ready=None):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot, ready, what=key)
    return run_before


def _documents_listed(app):
    """F7 has shown its page of the register and the detail of the first row."""
    screen = app.screen
    return screen.shown is not None and screen.query_one("#docs-table").row_count == len(screen.shown.rows)


def test_plans_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f3"))


def test_conferences_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f4"))


def test_documents_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=_goto("f7", _documents_listed))
