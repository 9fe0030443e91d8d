"""A petition the model refuses after the secretary has begun the next one (F5):
its text is kept where the entry's draft is kept (the session's place), is
brought back with Ctrl+X, and is offered again after a quit. Before, it was
only said in a message, and the typing was lost."""
from __future__ import annotations

import asyncio
import threading

from models.domain.office import Village
from models.domain.petition import Petition
from models.services import live_session as live

from pilot_keys import until
from test_live_session import BASE, TODAY, Keys, open_session, record

REFUSED = BASE[1]      # Trần Thị Lựu, "a" for the village, answered on the spot
NEXT = BASE[3]         # Lê Đình Phúc, "b" for the village, noted


def _listen(app) -> list[str]:
    told: list[str] = []
    notify = app.notify

    def keep(message, *args, **kwargs):
        told.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = keep
    app.told = told          # pilot_keys.until names them when it times out
    return told


async def _refused_while_next_is_typed(pilot, app):
    """The session started; one petition recorded while the screen's writes are held,
    the village it names renamed by another workstation meanwhile (the model refuses
    it: no such village), the next petition's name typed, then the writes let go."""
    screen = await open_session(pilot)
    await pilot.press("ctrl+b", "c")          # the demo conference is ahead: confirmed
    await until(pilot, lambda: screen.conf.status == "in_session", "the session started")
    gate = threading.Event()
    screen.writes.submit(gate.wait, 120)       # the writes wait here, in order, like a slow disk
    await record(Keys(pilot), REFUSED)
    await until(pilot, lambda: screen.entry.number == 2 and screen.entry.pristine, "the entry moved on")
    village = live.rank(screen.entry.villages, REFUSED[1])[0]
    Village.update(name="Thôn đã đổi tên").where(Village.name == village).execute()
    for ch in NEXT[0]:
        await pilot.press("space" if ch == " " else ch)
    gate.set()
    await until(pilot, lambda: live.load_place(app.office).get("refused"), "the refused petition kept")
    return screen, village


def test_a_petition_refused_while_the_next_is_typed_comes_back_with_ctrl_x(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        told = _listen(app)
        async with app.run_test(size=(120, 36)) as pilot:
            screen, village = await _refused_while_next_is_typed(pilot, app)
            entry = screen.entry
            # the typing of the next petition is untouched, on the refused one's number
            assert entry.draft["citizen_name"] == NEXT[0] and entry.number == 1
            kept = live.load_place(app.office)["refused"]
            assert [k["draft"]["content"] for k in kept] == [REFUSED[3]]
            assert any("Ctrl+X" in t and "giữ lại" in t for t in told), told
            Village.update(name=village).where(Village.name == "Thôn đã đổi tên").execute()   # put back
            # Ctrl+X while typing: it will follow the one being typed
            await pilot.press("ctrl+x")
            assert entry.draft["citizen_name"] == NEXT[0]
            await pilot.press("enter", NEXT[1], "enter", NEXT[2])
            for ch in NEXT[3]:
                await pilot.press("space" if ch == " " else ch)
            await pilot.press("enter", NEXT[4])
            for ch in NEXT[5]:
                await pilot.press("space" if ch == " " else ch)
            await pilot.press("enter")
            await until(pilot, lambda: entry.draft["content"] == REFUSED[3], "the refused petition back")
            assert entry.draft["citizen_name"] == REFUSED[0] and entry.draft["answer_on_spot"] == REFUSED[5]
            await pilot.press("enter", "enter", "enter")    # content → disposition → its answer → recorded
            await until(pilot, lambda: Petition.select().where(Petition.content == REFUSED[3]).exists(),
                        "the refused petition recorded")
            await until(pilot, lambda: not live.load_place(app.office).get("refused"), "nothing kept any more")
            await app.workers.wait_for_complete()
            return screen.conf.id

    conf_id = asyncio.run(run())
    rows = list(Petition.select().where(Petition.conference == conf_id).order_by(Petition.seq))
    assert [(r.seq, r.content) for r in rows] == [(1, NEXT[3]), (2, REFUSED[3])]
    assert rows[1].citizen_name == REFUSED[0] and rows[1].answer_on_spot == REFUSED[5]


def test_a_refused_petition_is_offered_at_the_next_start(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp
    from tui.screens.session import SessionScreen

    async def first():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            _screen, village = await _refused_while_next_is_typed(pilot, app)
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not app.is_running, "the app to quit")
            return village

    village = asyncio.run(first())
    Village.update(name=village).where(Village.name == "Thôn đã đổi tên").execute()

    async def second():
        app = DoiThoaiApp(demo_office)
        told = _listen(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.loaded,
                        "the session reopened")
            screen = app.screen
            await until(pilot, lambda: any("từ lần trước" in t and "Ctrl+X" in t for t in told), "the offer")
            # the next petition's typing came back as the draft; Esc drops it, Ctrl+X brings the refused one
            assert screen.entry.draft["citizen_name"] == NEXT[0]
            await pilot.press("escape")
            await pilot.press("c")
            await until(pilot, lambda: not screen.entry.typed_anything, "the draft dropped")
            await pilot.press("ctrl+x")
            await until(pilot, lambda: screen.entry.draft["content"] == REFUSED[3], "the refused petition back")
            await pilot.press("enter", "enter", "enter")
            await until(pilot, lambda: Petition.select().where(Petition.content == REFUSED[3]).exists(),
                        "the refused petition recorded")
            await app.workers.wait_for_complete()

    asyncio.run(second())


def test_a_petition_kept_while_the_disk_was_busy_then_refused_is_kept_too(demo_office, monkeypatch, tmp_path):
    """Another program holds the database when the petition is recorded: the write
    is kept in memory (safe_write) while the next is typed; when it is tried again
    the model refuses it (its village was renamed meanwhile). It was dropped there,
    with only the error said; now it is kept as any refused petition."""
    import sqlite3

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        told = _listen(app)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")
            await until(pilot, lambda: screen.conf.status == "in_session", "the session started")
            keys = Keys(pilot)
            name, village_keys, field_keys, content, disp, answer = REFUSED
            await keys.text(name)
            await pilot.press("enter", village_keys, "enter", field_keys)
            await keys.text(content)
            await pilot.press("enter", disp)
            await keys.text(answer)
            village = live.rank(screen.entry.villages, village_keys)[0]
            await app.workers.wait_for_complete()
            holder = sqlite3.connect(str(tmp_path / "office.sqlite3"), isolation_level=None, timeout=60)
            holder.execute("BEGIN IMMEDIATE")           # another program writes, and takes long
            await pilot.press("enter")
            await until(pilot, lambda: len(screen.pending) > 0, "the petition kept in memory")
            for ch in NEXT[0]:
                await pilot.press("space" if ch == " " else ch)
            # the other program ends while no write of the screen waits on it (a write
            # waiting would have read the village's name before the change)
            await pilot.pause(1.5)            # the typing's own save is asked for
            await until(pilot, lambda: screen.writes._idle.is_set() and len(screen.pending) > 1, "writes idle")
            holder.execute("UPDATE village SET name = 'Thôn đã đổi tên' WHERE name = ?", (village,))
            holder.execute("COMMIT")
            holder.close()
            await until(pilot, lambda: live.load_place(app.office).get("refused"), "the refused petition kept")
            assert screen.entry.draft["citizen_name"] == NEXT[0]
            kept = live.load_place(app.office)["refused"]
            assert [k["draft"]["content"] for k in kept] == [REFUSED[3]]
            assert any("Ctrl+X" in t for t in told), told
            await app.workers.wait_for_complete()

    asyncio.run(run())
