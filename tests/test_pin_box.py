"""One PIN box for the office PIN and a signing token's PIN (issue 24 item 5),
and a token's PIN is never written anywhere: not to the database, the drafts,
the typing kept across a crash, the history, a rescue file or the log."""
from __future__ import annotations

import asyncio
from pathlib import Path

from pilot_keys import until

#: a PIN no seed, demo record or date contains
TOKEN_PIN = "Zq7#Wk93vX"


def test_the_office_pin_and_the_token_pin_are_one_box():
    import tui.pin
    from tui.widgets.form import FormScreen
    from tui.widgets.pin import PinScreen

    assert tui.pin.PinScreen is PinScreen and not issubclass(PinScreen, FormScreen)


def _files_holding(root: Path, secret: str) -> list[str]:
    needles = [secret.encode(enc) for enc in ("utf-8", "utf-16-le")]
    return sorted(str(p) for p in root.rglob("*")
                  if p.is_file() and any(n in p.read_bytes() for n in needles))


def test_the_token_pin_is_handed_on_and_never_kept(demo_office, tmp_path, monkeypatch):
    """Typed into the box as a person would: Enter hands it on once; typed again
    and left with Ctrl+Q, the app quits without asking and keeps nothing. Then
    no file the app wrote (the office's SQLite file and its -wal, the home
    folder with drafts, kept typing, rescue files and the log) holds it."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from textual.widgets import Input

    from tui.app import DoiThoaiApp
    from tui.widgets.confirm import ConfirmScreen
    from tui.widgets.pin import PinScreen

    answers = []

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            for round_ in (1, 2):
                box = PinScreen("Ký số 01/TB-UBND: cắm token rồi nhập mã PIN")
                app.push_screen(box, answers.append)
                await until(pilot, lambda: app.screen is box and box.query_one("#pin-input", Input).has_focus,
                            "the PIN box")
                field = box.query_one("#pin-input", Input)
                assert field.password
                for ch in TOKEN_PIN:
                    await pilot.press(ch)
                assert field.value == TOKEN_PIN
                assert not app.screen.has_unsaved()
                if round_ == 1:
                    await pilot.press("enter")
                    await until(pilot, lambda: app.screen is not box, "the box to answer")
                    assert answers == [TOKEN_PIN] and field.value == ""
            await pilot.press("ctrl+q")            # typed, not answered: nothing to ask, nothing to keep
            await pilot.pause()
            assert not isinstance(app.screen, ConfirmScreen)
        assert app.return_code in (0, None)

    asyncio.run(run())
    assert answers == [TOKEN_PIN]
    assert _files_holding(tmp_path, TOKEN_PIN) == []


def test_a_wrong_office_pin_keeps_the_box_open_and_empty(demo_office, monkeypatch):
    """With a check (the office PIN): its refusal is told in the box, the field
    is emptied for the next try, and only a PIN the check accepts is answered."""
    from textual.widgets import Input, Static

    from models.core.errors import Locked
    from tui.app import DoiThoaiApp
    from tui.widgets.pin import PinScreen

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    answers, checked = [], []

    def check(pin):
        checked.append(pin)
        if pin != "2468":
            raise Locked("Mã PIN không đúng. Hãy nhập lại.")

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            box = PinScreen("Ban hành: cần mã PIN", "Mã PIN của Nguyễn Văn An", check)
            app.push_screen(box, answers.append)
            await until(pilot, lambda: box.query_one("#pin-input", Input).has_focus, "the PIN box")
            for ch in "1357":
                await pilot.press(ch)
            await pilot.press("enter")
            error = box.query_one("#form-error", Static)
            await until(pilot, lambda: "không đúng" in str(error.render()), "the refusal")
            assert app.screen is box and box.query_one("#pin-input", Input).value == "" and answers == []
            for ch in "2468":
                await pilot.press(ch)
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is not box, "the answer")

    asyncio.run(run())
    assert checked == ["1357", "2468"] and answers == ["2468"]
