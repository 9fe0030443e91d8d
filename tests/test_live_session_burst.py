"""Keys arriving in a burst (a fast typist, a pty, tmux send-keys) must land in
the right field: the entry is one widget, so they are applied in order."""
from __future__ import annotations

import asyncio

from textual import events

from models.domain.petition import Petition
from tests.test_live_session import TODAY, open_session


def keys_of(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


def burst(app, keys: list[str]) -> None:
    """Hand every key to the driver at once, without waiting for any to be
    handled: the harshest ordering a terminal can produce."""
    from textual.keys import _character_to_key

    for key in keys:
        char = " " if key == "space" else key if len(key) == 1 else None
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def wait_for(pilot, ready, timeout: float = 30.0) -> None:
    """Let the app work until ``ready()`` holds; a failure after ``timeout``
    seconds (generous: the machine may be busy), never a silent return."""
    import time

    from textual.css.query import NoMatches

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.02)
        try:
            if ready():
                return
        except NoMatches:  # a box is still being built
            pass
    raise AssertionError(f"màn hình không đạt trạng thái chờ trong {timeout:.0f} giây")


PETITIONS = [
    # keys, expected (name, village, field code, content, disposition, detail)
    (keys_of("Đỗ Thị Ngọc") + ["enter", "b", "enter", "3"] + keys_of("Cống thoát nước bị tắc") + ["enter", "2",
                                                                                             "enter"],
     ("Đỗ Thị Ngọc", "Bình Minh", 3, "Cống thoát nước bị tắc", "in_writing", None)),
    (keys_of("Vũ Văn Ổn") + ["enter", "enter", "6"] + keys_of("Trộm cắp vặt tăng") + ["enter", "1"]
     + keys_of("Công an xã sẽ tuần tra") + ["enter"],
     ("Vũ Văn Ổn", "Bình Minh", 6, "Trộm cắp vặt tăng", "on_spot", "Công an xã sẽ tuần tra")),
    (["ctrl+y", "enter", "a", "enter", "5"] + keys_of("Đường ngập khi mưa lớn") + ["enter", "3"]
     + keys_of("Sở Nông nghiệp") + ["enter"],
     ("", "An Thượng", 5, "Đường ngập khi mưa lớn", "forwarded", "Sở Nông nghiệp")),
    # field 1 could be the start of 10, 11, 12: the first letter of the content settles it
    (keys_of("Lò Văn Páo") + ["enter", "enter", "1"] + keys_of("Xin cấp sổ đỏ") + ["enter", "2", "enter"],
     ("Lò Văn Páo", "An Thượng", 1, "Xin cấp sổ đỏ", "in_writing", None)),
]


def test_a_burst_of_keys_lands_in_the_right_fields(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            burst(app, [k for keys, _ in PETITIONS for k in keys] + keys_of("Nguyễn") + ["enter", "a"])
            await wait_for(pilot, lambda: screen.entry.current == "village" and screen.entry.value == "a")
            return screen.conf.id, dict(screen.entry.draft), screen.entry.current

    conf_id, draft, current = asyncio.run(run())
    rows = list(Petition.select().where(Petition.conference == conf_id).order_by(Petition.seq))
    assert len(rows) == len(PETITIONS)
    for row, (_, want) in zip(rows, PETITIONS):
        name, village, code, content, disposition, detail = want
        assert (row.citizen_name, row.village.name, row.field.code, row.content, row.disposition) == \
               (name, village, code, content, disposition)
        if disposition == "in_writing":
            assert row.unit is not None and row.due_on is not None
        elif disposition == "forwarded":
            assert row.forwarded_to == detail
        else:
            assert row.answer_on_spot == detail
    assert rows[2].citizen_withheld
    # the keys after the last petition are in the draft, in the field they were typed in
    assert draft["citizen_name"] == "Nguyễn" and current == "village" and draft["village"] == "a"


def test_line_editing_keys(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            entry = screen.entry
            await pilot.press(*keys_of("Nguyen Van"), "home", "delete", "N", "end", "left", "left", "left",
                              "backspace", "ư", "ctrl+u", *keys_of("Lê Ư"))
            after_clear = entry.draft["citizen_name"]
            await pilot.press("left", "left", "backspace", "right", "right", "ễ")
            edited = entry.draft["citizen_name"]
            await pilot.press("enter", "d", "tab")      # Tab takes the suggested village
            suggested = entry.draft["village"]
            await pilot.press("up", "up")
            back_at = entry.current
            return after_clear, edited, suggested, back_at

    after_clear, edited, suggested, back_at = asyncio.run(run())
    assert after_clear == "Lê Ư"
    assert edited == "L Ưễ"
    assert suggested.startswith("Đ")
    assert back_at == "citizen_name"


def test_pasted_decomposed_text_is_stored_composed(demo_office, monkeypatch):
    import unicodedata

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    text = "Hộ nghèo chưa được hỗ trợ nhà ở"

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c", "enter", "b", "enter", "4")
            screen.entry.post_message(events.Paste(unicodedata.normalize("NFD", text)))
            await pilot.pause()
            await pilot.press("enter", "4", "enter")
            await pilot.pause()
            return screen.conf.id

    conf_id = asyncio.run(run())
    row = Petition.get(Petition.conference == conf_id)
    assert row.content == text and unicodedata.is_normalized("NFC", row.content)


def test_a_full_disk_keeps_the_typing_and_saves_it_later(demo_office, monkeypatch):
    import peewee as pw

    from models.services import live_session as live
    from models.services.safe_write import DISK_FULL

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    disk = {"full": False}

    def until_freed(write):
        def attempt(*args, **kwargs):
            if disk["full"]:
                raise pw.OperationalError("database or disk is full")
            return write(*args, **kwargs)
        return attempt

    monkeypatch.setattr(live, "commit_draft", until_freed(live.commit_draft))
    monkeypatch.setattr(live, "save_place", until_freed(live.save_place))

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            disk["full"] = True
            await pilot.press(*keys_of("Mai"), "enter", "b", "enter", "4", *keys_of("Nhà văn hóa xuống cấp"),
                              "enter", "4", "enter", *keys_of("Tiếp"))
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            kept = len(screen.pending)
            typing = screen.entry.draft["citizen_name"]
            disk["full"] = False
            screen.retry()
            await pilot.pause(1.2)      # the typing after the failure is saved by the usual timer
            return screen.conf.id, messages, kept, typing, len(screen.pending)

    conf_id, messages, kept, typing, left = asyncio.run(run())
    assert DISK_FULL in messages
    assert kept >= 2 and left == 0
    assert typing == "Tiếp"           # typing went on while nothing could be written
    row = Petition.get(Petition.conference == conf_id)
    assert row.content == "Nhà văn hóa xuống cấp" and row.citizen_name == "Mai"
    assert live.load_place(demo_office)["draft"]["citizen_name"] == "Tiếp"


def test_keys_typed_right_after_f9_or_f10_go_into_the_box_that_opens(demo_office, monkeypatch):
    """A secretary presses F9 and types the count at once, or F10 and the
    conclusion, before the box has painted: the keys belong in the box, not in
    the petition being entered underneath. (Within one box, Tab and Esc are
    pressed once it shows, as a person does.)"""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.domain.conference import Conference
    from models.services.live_session import attendance
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            burst(app, ["f9"] + keys_of("45"))
            await wait_for(pilot, lambda: app.screen is not screen and app.screen.values()["officials"] == "45")
            await pilot.press("tab", *keys_of("12"), "tab", *keys_of("180"), "ctrl+s")
            await wait_for(pilot, lambda: app.screen is screen)
            burst(app, ["f10"] + keys_of("Giao Địa chính trả lời"))
            await wait_for(pilot, lambda: app.screen is not screen
                           and app.screen.query_one("TextArea").text.endswith("trả lời"))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            return screen.conf.id, dict(screen.entry.draft), screen.entry.value

    conf_id, draft, typed = asyncio.run(run())
    conf = Conference.get_by_id(conf_id)
    assert attendance(conf).counts == {"officials": 45, "village_leaders": 12, "citizens": 180}
    assert conf.conclusions.endswith("Giao Địa chính trả lời")
    assert draft["citizen_name"] == "" and draft["content"] == "" and typed == ""
