"""Snapshots of the main shell screens on the demo data (today fixed)."""
import pytest

from settle import settle
from tui.app import DoiThoaiApp


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")


def test_dashboard(snap_compare, demo_office):
    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=(120, 36), run_before=settle)


def test_catalog_villages(snap_compare, demo_office):
    async def before(pilot):
        await settle(pilot)
        await pilot.press("f8", "right", "right", "right")
        await settle(pilot)

    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=(120, 36), run_before=before)
