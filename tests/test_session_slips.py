"""Issue 20, items 12 and 14: the session (F5) and finding things, on the demo
commune with the real app (Pilot).

- Esc drops a half-typed petition after one question (C), and keeps it on K;
- the field code that waits for Enter ("1" while 10, 11, 12 exist) says so on
  screen, with the longer codes it may become;
- the Ctrl+G list never cuts a word in half;
- F5 Ctrl+B on a conference already held refuses at once, with no question first;
- Ctrl+P "ban hanh" on F4 finds the keys that write and issue its documents."""
from __future__ import annotations


import pytest

from pilot_keys import drive, keys, typed
from snapshots.settle import settle


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")


async def to_field(pilot, name: str = ""):
    """F5, a name (or none), Enter, "bin" (Bình Minh), Enter: the entry waits on the field."""
    await keys(pilot, "f5")
    await typed(pilot, name)
    await keys(pilot, "enter")
    await typed(pilot, "bin")
    await keys(pilot, "enter")


def test_escape_drops_a_half_typed_petition_after_asking_once(demo_office):
    from tui.widgets.confirm import ConfirmScreen

    async def steps(app, pilot):
        await to_field(pilot, "Trần Văn Tư")
        entry = app.screen.entry
        assert entry.draft["village"] == "Bình Minh"
        await keys(pilot, "escape")
        assert isinstance(app.screen, ConfirmScreen), "Esc with a half-typed petition asks first"
        await keys(pilot, "k")                       # no: the typing stays
        assert entry.draft["citizen_name"] == "Trần Văn Tư" and entry.draft["village"] == "Bình Minh"
        await keys(pilot, "escape", "c")             # yes: it is gone, the entry starts again
        assert not isinstance(app.screen, ConfirmScreen)
        kept = entry.draft
        assert kept["citizen_name"] == "" and kept["village"] == "" and entry.current == "citizen_name"
        assert kept["answered_by"], "the answerer kept from the last petition stays"
        await keys(pilot, "escape")                  # nothing typed: nothing to ask
        assert not isinstance(app.screen, ConfirmScreen)
        from models.services import live_session as live

        stored = live.load_place(app.office).get("draft") or {}
        return stored.get("citizen_name", ""), stored.get("village", "")

    assert drive(demo_office, steps) == ("", ""), "the dropped draft must not come back after a restart"


def test_a_field_code_that_waits_for_enter_says_so(demo_office):
    async def steps(app, pilot):
        await to_field(pilot)
        entry = app.screen.entry
        assert entry.current == "field"
        listed = entry._hint("field")
        await typed(pilot, "1")
        waiting = entry.render().plain
        await typed(pilot, "2")                     # "12": decided, the content follows
        return listed, waiting, entry.current, entry.draft["field"]

    listed, waiting, now, field = drive(demo_office, steps)
    assert "1: gõ rồi Enter" in listed or "số 1:" in listed, listed
    assert "Enter" in waiting and "10.Nông nghiệp" in waiting and "12.Khác" in waiting, waiting
    assert (now, field) == ("content", "12")


def test_group_list_cuts_between_words(demo_office):
    from models.domain.petition import Petition
    from models.services.petition_edit import candidate_label

    p = Petition.select().where(Petition.office == demo_office).first()
    p.content = ("Đề nghị xã sớm nâng cấp tuyến đường liên thôn Bình Minh đi An Thượng đã xuống cấp "
                 "nghiêm trọng, mùa mưa lầy lội, học sinh đi học rất khó khăn và nguy hiểm")
    label = candidate_label(p)
    words = set(p.content.replace(",", " ").split())
    shown = label.split(": ", 1)[1].split(" — ")[0]
    assert shown.endswith("…")
    assert all(w in words for w in shown.rstrip("…").replace(",", " ").split()), shown


def test_starting_a_conference_already_held_refuses_at_once(demo_office):
    from models.domain.conference import Conference
    from models.services import live_session as live
    from tui.widgets.confirm import ConfirmScreen

    held = Conference.get(Conference.status == "conclusions_issued")
    live.save_place(demo_office, {"conference": held.id})

    async def steps(app, pilot):
        await keys(pilot, "f5", "ctrl+b")
        asked = isinstance(app.screen, ConfirmScreen)
        said = [n.message for n in app._notifications]
        return asked, said, Conference.get_by_id(held.id).status

    asked, said, status = drive(demo_office, steps)
    assert not asked, "a question came before the refusal"
    assert any("không bắt đầu lại được" in m for m in said), said
    assert status == "conclusions_issued"


def test_palette_ban_hanh_finds_the_issue_keys_on_f4(demo_office):
    async def steps(app, pilot):
        await keys(pilot, "f4", "ctrl+p")
        await typed(pilot, "ban hanh")
        await pilot.pause(0.5)
        await settle(pilot)
        from textual.command import CommandList

        found = app.screen.query_one(CommandList)
        return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]

    found = " | ".join(drive(demo_office, steps))
    for name in ("Thông báo", "Kết luận", "Báo cáo", "Biên bản"):
        assert name in found, found


def test_keys_typed_on_f5_before_the_conference_loads_are_kept_and_typed_in(demo_office, monkeypatch):
    """Issue 20: keys typed on F5 while the conference was still loading went into
    the entry and were then replaced by the loaded draft: lost. Now they are held
    (the title says how many), then typed into the entry in order once it shows,
    Enter moving on as usual. The load is held back on an event, not by timing."""
    import threading
    import time

    from tui.screens.session import SessionScreen

    release = threading.Event()
    original = SessionScreen._read

    def slow_read(self, conf_id):
        release.wait(60)
        return original(self, conf_id)

    monkeypatch.setattr(SessionScreen, "_read", slow_read)

    async def steps(app, pilot):
        await pilot.press("f5")
        screen = app.screen
        await pilot.press(*"Lê Văn Tám", "enter", *"bin")
        await pilot.pause()
        title = str(screen.query_one("#session-title").render())
        typed_while_loading = dict(screen.entry.draft)
        release.set()
        end = time.monotonic() + 60
        while not (screen.loaded and screen.entry.draft.get("village")) and time.monotonic() < end:
            await pilot.pause(0.05)
        await settle(pilot)
        return title, typed_while_loading, dict(screen.entry.draft), screen.entry.current, app.focused is screen.entry

    title, before, after, field, focused = drive(demo_office, steps)
    assert "14 phím đã gõ được giữ" in title, title
    assert not before.get("citizen_name"), "nothing reaches the entry before the draft is loaded"
    assert after["citizen_name"] == "Lê Văn Tám" and after["village"] == "bin", after
    assert field == "village" and focused
