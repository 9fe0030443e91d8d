"""The chair's conclusions are one text shared by every workstation of the
session: a save typed over a text that another workstation has since replaced
is refused, the other text is shown, and the secretary merges, keeps theirs or
keeps their own (Pilot, on the demo commune); nothing is silently overwritten."""
from __future__ import annotations

import pytest

from test_petition_corrections_tui import TODAY, open_session, run, type_text


@pytest.fixture
def demo(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    monkeypatch.setenv("DOITHOAI_WORKSTATION", "may-1")
    return demo_office


async def until(pilot, condition, what: str, timeout: float = 60.0):
    """Wait for ``condition`` (a deadline, generous for a busy machine, not a count of pauses)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"waited in vain for {what}")


def stored(conf_id) -> str:
    from models.domain.conference import Conference

    return Conference.get_by_id(conf_id).conclusions


def test_merge_keeps_both_sides_lines():
    from models.services.live_session import merge_conclusions

    seen = "1. Mở rộng đường\n2. Sửa cầu"
    mine = "1. Mở rộng đường\n1b. Làm trước Tết\n2. Sửa cầu\n3. Lắp đèn"
    theirs = "1. Mở rộng đường thôn Đông\n2. Sửa cầu\n4. Nạo vét kênh"
    merged = merge_conclusions(seen, mine, theirs).split("\n")
    # theirs whole; my added lines before the line they preceded here (theirs first at the end);
    # my old "1." (rewritten there) not back
    assert merged == ["1. Mở rộng đường thôn Đông", "1b. Làm trước Tết", "2. Sửa cầu", "4. Nạo vét kênh",
                      "3. Lắp đèn"]
    assert merge_conclusions("", "A", "") == "A"
    assert merge_conclusions("A", "A", "") == ""          # they cleared it; nothing of mine was new


def test_another_workstation_is_never_overwritten(demo):
    from models.core.errors import StaleEdit
    from models.services import live_session as live

    conf = live.pick_conference(demo)
    live.set_conclusions(conf, "Bản đầu", seen="")
    live.set_conclusions(conf, "Bản của máy 2", seen="Bản đầu")
    with pytest.raises(StaleEdit) as exc:
        live.set_conclusions(conf, "Bản của máy 1", seen="Bản đầu")
    assert exc.value.current.conclusions == "Bản của máy 2" and "Kết luận" in exc.value.message
    assert stored(conf.id) == "Bản của máy 2"
    # a change of another field of the conference is no clash
    from models.services import records

    records.update(live.pick_conference(demo), {"opening_report": "Báo cáo"})
    assert live.set_conclusions(conf, "Bản của máy 1", seen="Bản của máy 2").conclusions == "Bản của máy 1"


@pytest.mark.parametrize("key,expected", [
    ("ctrl+g", "Máy 2: giữ nguyên giá đất\nMáy 1: làm đường trước Tết"),
    ("ctrl+s", "Máy 1: làm đường trước Tết"),
    ("ctrl+r", "Máy 2: giữ nguyên giá đất"),
])
def test_the_later_saver_sees_the_other_text_and_chooses(demo, key, expected):
    from models.services import live_session as live
    from tui.widgets.conclusions import ConclusionsScreen

    async def body(app, pilot):
        session = await open_session(app, pilot)
        conf_id = session.conf.id
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ConclusionsScreen), "the conclusions box")
        screen = app.screen
        assert not screen.query_one("#conclusions-other").display
        # meanwhile the second workstation saves its own text over the empty one
        live.set_conclusions(live.pick_conference(demo), "Máy 2: giữ nguyên giá đất", seen="")
        await type_text(pilot, "Máy 1: làm đường trước Tết")
        await until(pilot, lambda: screen.theirs is not None, "the clash")
        assert stored(conf_id) == "Máy 2: giữ nguyên giá đất"         # not overwritten
        assert screen.query_one("#conclusions-other").display
        assert screen.query_one("#conclusions-other").text == "Máy 2: giữ nguyên giá đất"
        assert "Ctrl+G" in str(screen.query_one("#conclusions-hint").render())
        assert "chưa lưu đè" in str(screen.query_one("#conclusions-error").render())
        assert "kiemthu" in str(screen.query_one("#conclusions-other-title").render())     # who saved it
        # what is typed meanwhile is kept for this workstation (a kill loses nothing)
        await until(pilot, lambda: live.unsaved_conclusions(session.conf) == ("Máy 1: làm đường trước Tết", ""),
                    "the typing kept aside")
        await pilot.press(key)
        await until(pilot, lambda: stored(conf_id) == expected, "the chosen text saved")
        assert screen.query_one("#conclusions-text").text == expected
        assert not screen.query_one("#conclusions-other").display
        assert live.unsaved_conclusions(session.conf) is None
        await pilot.press("end", "!")                  # typing goes on, saved as usual
        await until(pilot, lambda: stored(conf_id) == expected + "!", "the next save")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ConclusionsScreen), "closed")

    run(demo, body)


def test_a_clash_left_open_comes_back_after_a_restart(demo):
    """Killed while the choice is open: the next start reopens the box with this
    workstation's typing and the other text; Esc asks before dropping it."""
    from models.services import live_session as live
    from tui.widgets.confirm import ConfirmScreen
    from tui.widgets.conclusions import ConclusionsScreen

    async def first(app, pilot):
        await open_session(app, pilot)
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ConclusionsScreen), "the conclusions box")
        live.set_conclusions(live.pick_conference(demo), "Máy 2", seen="")
        await type_text(pilot, "Máy 1")
        await until(pilot, lambda: app.screen.theirs is not None, "the clash")
        # no clean close

    run(demo, first)

    async def again(app, pilot):
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, ConclusionsScreen), "reopened")
        screen = app.screen
        await until(pilot, lambda: screen.theirs == "Máy 2", "the clash shown again")
        assert screen.mine == "Máy 1"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "a question")
        await pilot.press("k")                            # no: back to choose
        await until(pilot, lambda: app.screen is screen, "back")
        assert screen.mine == "Máy 1" and stored(screen.conf.id) == "Máy 2"
        await pilot.press("ctrl+g")
        await until(pilot, lambda: stored(screen.conf.id) == "Máy 2\nMáy 1", "merged")

    run(demo, again)


def test_conclusions_typed_are_kept_and_the_box_reopens_after_a_restart(demo):
    """Ctrl+K (F10): what is typed is stored within the save delay; an app
    started again after a kill reopens the box with it."""
    from tui.widgets.conclusions import ConclusionsScreen

    async def first(app, pilot):
        session = await open_session(app, pilot)
        await pilot.press("ctrl+k")
        await until(pilot, lambda: isinstance(app.screen, ConclusionsScreen), "the conclusions box")
        await type_text(pilot, "Giao Địa chính đo lại")
        await until(pilot, lambda: stored(session.conf.id) == "Giao Địa chính đo lại", "saved as typed")
        # no clean close

    run(demo, first)

    async def again(app, pilot):
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, ConclusionsScreen), "reopened")
        assert app.screen.mine == "Giao Địa chính đo lại" and app.screen.theirs is None

    run(demo, again)
