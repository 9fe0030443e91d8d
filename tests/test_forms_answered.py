"""The forms moved last to intent up (issue 24 item 5: F6's filter, export and
row forms, F7 T, the document editor's find and replace) keep what a person
relies on: Ctrl+S shows the model's refusal in Vietnamese under the form with
the typing kept, Esc over unsaved typing asks before it throws it away, and a
good Ctrl+S closes the form with the model's answer. Driven by keys on the
demo commune (Pilot), today fixed at 2026-11-22."""
from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from tests.test_document_cycle_tui import until

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    return demo_office


def said(app) -> str:
    return str(app.screen.query_one("#form-error").render())


async def refused(pilot, form, words: str) -> None:
    """Ctrl+S on ``form``: the refusal naming ``words`` is shown, the form stays."""
    await pilot.press("ctrl+s")
    await until(pilot, lambda: words in said(pilot.app), f"the refusal “{words}”")
    assert pilot.app.screen is form


async def esc_asks_then_keeps(pilot, form) -> None:
    """Esc with unsaved typing asks; "k" (no) goes back to the form as it was."""
    from tui.widgets.confirm import ConfirmScreen

    typed = form.values()
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen), "the question before discarding")
    await pilot.press("k")
    await until(pilot, lambda: pilot.app.screen is form, "back in the form")
    assert form.values() == typed


async def form_of(pilot, key: str, kind=None):
    """The form (or screen) ``key`` opens in place of the screen shown."""
    from tui.widgets.form import FormScreen

    under = pilot.app.screen
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, kind or FormScreen) and pilot.app.screen is not under,
                f"the form of {key}")
    return pilot.app.screen


async def type_into(pilot, form, key: str, text: str) -> None:
    field = form.query_one(f"#f-{key}")
    field.focus()
    field.value = ""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def test_the_boards_forms_refuse_in_vietnamese_keep_the_typing_and_save(demo):
    from tui.app import DoiThoaiApp
    from tui.screens.board import BoardScreen

    async def run():
        app = DoiThoaiApp(demo)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f6")
            await until(pilot, lambda: isinstance(app.screen, BoardScreen) and app.screen.row_ids, "F6 with rows")
            board = app.screen

            # L: the received dates the wrong way round
            form = await form_of(pilot, "l")
            await type_into(pilot, form, "received_from", "10/11/2026")
            await type_into(pilot, form, "received_to", "01/11/2026")
            await refused(pilot, form, "“Đến ngày” (01/11/2026) trước “Nhận từ ngày” (10/11/2026)")
            assert app.focused is form.query_one("#f-received_to")       # the field the model named
            await esc_asks_then_keeps(pilot, form)
            await type_into(pilot, form, "received_to", "30/11/2026")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.screen is board and board.query_state.received_to == dt.date(2026, 11, 30),
                        "the board filtered")
            assert board.query_state.received_from == dt.date(2026, 11, 10)
            await pilot.press("0")
            await until(pilot, lambda: board.query_state.received_from is None, "the filters cleared")

            # H on a row: a new deadline in the past, refused by board_actions.extend
            form = await form_of(pilot, "h")
            await type_into(pilot, form, "due_on", "01/01/2020")
            await type_into(pilot, form, "reason", "Chờ đo đạc")
            await refused(pilot, form, "Hạn mới phải sau")
            assert form.values()["reason"] == "Chờ đo đạc"
            await esc_asks_then_keeps(pilot, form)
            await pilot.press("escape", "c")
            await until(pilot, lambda: app.screen is board, "the extend form thrown away")

            # X: no folder
            form = await form_of(pilot, "x")
            form.query_one("#f-path").value = ""
            await refused(pilot, form, "Hãy ghi thư mục lưu tệp")
            await pilot.press("escape", "c")
            await until(pilot, lambda: app.screen is board, "the export form thrown away")

    asyncio.run(run())


def test_f7_t_and_the_editors_find_and_replace_refuse_in_vietnamese(demo):
    from textual.widgets import OptionList

    from tui.app import DoiThoaiApp
    from tui.screens.document_editor import DocumentEditor, SmallForm
    from tui.screens.documents import DocumentsScreen
    from tui.widgets.pick import PickScreen

    async def run():
        app = DoiThoaiApp(demo)
        async with app.run_test(size=(120, 36)) as pilot:
            docs = await form_of(pilot, "f7", DocumentsScreen)
            kinds = (await form_of(pilot, "t", PickScreen)).query_one("#pick-list", OptionList)
            kinds.highlighted = next(i for i in range(kinds.option_count)
                                     if "(tra-loi)" in str(kinds.get_option_at_index(i).prompt))
            await pilot.pause()
            form = await form_of(pilot, "enter", SmallForm)
            await pilot.press("a", "b")
            await refused(pilot, form, "Hãy ghi số (ID) của kiến nghị, ví dụ 12")
            assert form.values()["id"] == "ab"
            await pilot.press("backspace", "backspace", *str(demo_petition_id(demo)), "ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, DocumentEditor), "the editor")
            editor = app.screen

            form = await form_of(pilot, "ctrl+h", SmallForm)
            form.query_one("#f-find").value = ""
            await refused(pilot, form, "Gõ cụm chữ cần tìm")
            await type_into(pilot, form, "find", "Ủy ban")
            await type_into(pilot, form, "replace", "UBND")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.screen is editor and "Ủy ban" in str(
                editor.query_one("#form-error").render()), "the replacement told")
            await pilot.press("escape")
            if app.screen is not docs:              # the replacement is unsaved typing: asked first
                await pilot.press("c")
            await until(pilot, lambda: app.screen is docs, "back in F7")

    asyncio.run(run())


def demo_petition_id(office) -> int:
    from models.domain.petition import Petition

    return Petition.select().where(Petition.office == office).order_by(Petition.id).first().id
