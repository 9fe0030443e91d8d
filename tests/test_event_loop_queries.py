"""The screen never waits on storage: no SQL statement runs on the event loop's
thread while a person uses the app (issue 15).

The real app, on the demo office in a real SQLite file, is walked through every
screen with its usual keys; tests/loop_guard.py records each statement run on
the loop's thread and where under tui/ it was asked for. The test fails listing
them.

Exempt, and why:
- Opening the database, migrating and building the demo office: done before the
  app starts (recording starts once Pilot has the app running).
- ``DoiThoaiApp.on_mount``'s "was a session cut off?" check: the real start-up
  (tui/launch.py) runs it in a thread while Textual loads (tui/prefetch.py) and
  the app only takes the result; in a test nothing is prefetched, so it computes
  it there, before the first frame.
- The test's own checks between steps (recording is paused around them)."""
from __future__ import annotations

import asyncio

from tests.loop_guard import LoopGuard

EXEMPT = ("tui/app.py", "on_mount")


async def settle(app, pilot, rounds: int = 400) -> None:
    """Wait until no worker runs and the messages they posted are handled."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return
    raise AssertionError(f"workers still running: {[w.name for w in app.workers if w.is_running]}")


async def typed(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def walk(app, pilot) -> list[str]:
    """Every screen with its usual actions; returns the screens seen (so the
    walk itself is checked)."""
    seen = []

    async def at(key):
        await pilot.press(key)
        await settle(app, pilot)
        seen.append(type(app.screen).__name__)

    # F2 dashboard, refresh
    await at("f2")
    await at("r")
    # F3 plans: move, open the form, leave it
    await at("f3")
    await at("down")
    await at("e")
    await at("escape")
    # F4 conferences: move, open the form, leave it
    await at("f4")
    await at("down")
    await at("up")
    await at("e")
    await at("escape")
    # the document editor: the notice of this conference, edited and saved
    await at("t")
    await at("ctrl+l")
    await typed(pilot, "Hội trường")
    await at("ctrl+s")
    await at("escape")
    # F5 session: start, agenda, one petition typed and committed, the forms
    await at("f5")
    await at("ctrl+b")
    await at("c")
    await at("ctrl+t")
    await typed(pilot, "Nguyễn Văn Dương")
    await at("enter")
    await at("b")
    await at("enter")
    await at("5")
    await typed(pilot, "Đường liên thôn sạt lở")
    await at("enter")
    await at("2")
    await at("v")
    await at("enter")
    await typed(pilot, "Bà Lan")
    await at("enter")
    await at("b")
    await at("enter")
    await at("5")
    await typed(pilot, "Đường sạt lở")
    await at("enter")
    await at("ctrl+g")             # group with an earlier one: the pick list
    await at("escape")
    await at("ctrl+n")             # contacts form
    await at("escape")
    await at("f9")                 # attendance
    await at("escape")
    await at("f10")                # conclusions, typed
    await typed(pilot, "Giao đúng hạn")
    await at("escape")
    await at("ctrl+o")             # speakers' queue
    await at("escape")
    await at("ctrl+up")
    await at("ctrl+d")             # correct a recorded petition
    await at("escape")
    await at("f1")
    await at("escape")
    # F6 board: search, filter, detail, history
    await at("f6")
    await at("slash")
    await typed(pilot, "duong")
    await at("enter")
    await at("0")
    await at("l")
    await at("escape")
    await at("s")
    await at("escape")
    await at("down")
    await at("enter")
    await at("escape")
    await at("right_square_bracket")
    # F7 documents: move, history, editor
    await at("f7")
    await at("down")
    await at("h")
    await at("escape")
    await at("v")
    await at("escape")
    await at("e")
    await at("escape")
    # F8 catalogue: add an official (typed and saved), the edit form, stop using it
    await at("f8")
    await at("right")
    await at("a")
    await typed(pilot, "Lê Thị Hoa")
    await at("ctrl+s")
    await at("e")
    await at("escape")
    await at("x")
    await at("left")
    await at("e")
    await at("escape")
    await at("f1")
    await at("escape")
    return seen


def test_no_screen_runs_a_query_on_the_event_loop(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    guard = LoopGuard().install()

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            guard.recording = True
            seen = await walk(app, pilot)
            guard.recording = False
            return seen

    try:
        seen = asyncio.run(run())
    finally:
        guard.uninstall()
    names = set(seen)
    # the walk reached what it meant to (a walk that stopped early proves nothing)
    for screen in ("DashboardScreen", "PlansScreen", "ConferencesScreen", "SessionScreen", "BoardScreen",
                   "DocumentsScreen", "CatalogScreen", "HelpScreen", "ConclusionsScreen", "FormScreen",
                   "DocumentEditor", "PetitionDetailScreen", "HistoryScreen", "PickScreen"):
        assert screen in names, (screen, seen)
    assert guard.total > 50          # the hook saw the walk's work (in workers)
    # ... and the walk's writes reached the database
    from models import Official
    from models.domain.conference import Conference
    from models.domain.document_text import DocumentText
    from models.domain.petition import Petition

    assert Petition.select().where(Petition.content == "Đường liên thôn sạt lở").count() == 1
    from models.services.live_session import load_place

    assert load_place(demo_office)["draft"]["content"] == "Đường sạt lở"      # typed, not yet recorded
    assert Conference.select().where(Conference.conclusions.contains("Giao đúng hạn")).count() == 1
    hoa = Official.get(Official.full_name == "Lê Thị Hoa")
    assert not hoa.active
    assert DocumentText.select().where(DocumentText.content.contains("Hội trường")).count() == 1
    offending = [s for s in guard.seen if not all(part in s.where for part in EXEMPT)]
    guard.seen = offending
    assert not offending, guard.report()


def test_thirty_session_rows_cost_one_query(demo_office, monkeypatch):
    """The session's list reads its rows with their village, field and group
    head in one query (lazy reads would cost two more per row)."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from models.domain.conference import Conference
    from models.domain.petition import Petition
    from tui.app import DoiThoaiApp

    held = next(c for c in Conference.select().order_by(Conference.date)
                if Petition.select().where(Petition.conference == c).count() == 30)
    guard = LoopGuard().install()

    async def run():
        app = DoiThoaiApp(demo_office)
        # 160 columns: the list shows the village and field (joined) beside the name
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("f5")
            await settle(app, pilot)
            screen = app.screen
            screen.load(held.id)
            await settle(app, pilot)
            assert screen.conf.id == held.id
            guard.recording = True
            screen.refresh_petitions()
            await settle(app, pilot)
            guard.recording = False
            table = screen.query_one("#petitions")
            return table.row_count, [str(c) for c in table.get_row_at(0)]

    try:
        rows, first = asyncio.run(run())
    finally:
        guard.uninstall()
    p = Petition.get((Petition.conference == held) & (Petition.seq == 1))
    assert rows == 30
    assert first[1:4] == [p.citizen_label, p.village.name, p.field.name]
    assert guard.total == 1, [s.sql for s in guard.seen]
    assert not guard.seen
