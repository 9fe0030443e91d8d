"""80×24 first: the dashboard (F2), the live session (F5), the follow-up board
(F6) and the register (F7) on the demo commune at 80 columns and 24 lines. The
columns that matter keep their width, the content column takes what is left,
and the key bar shows every key (compacted, F1 names them all)."""
import pytest

from settle import settle
from tui.app import DoiThoaiApp

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")


def opened(key: str):
    async def before(pilot):
        await settle(pilot)
        if key != "f2":
            await pilot.press(key)
            await settle(pilot, what=key)
    return before


def test_dashboard_80x24(snap_compare, demo_office):
    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=SIZE, run_before=opened("f2"))


def test_session_80x24(snap_compare, demo_office):
    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=SIZE, run_before=opened("f5"))


def test_board_80x24(snap_compare, demo_office):
    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=SIZE, run_before=opened("f6"))


def test_documents_80x24(snap_compare, demo_office):
    assert snap_compare(DoiThoaiApp(demo_office), terminal_size=SIZE, run_before=opened("f7"))
