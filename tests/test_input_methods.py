"""Vietnamese typed through Unikey/EVKey (Telex, VNI) in every text field.

The input method sends each letter as typed so far, then backspaces and the
changed letters (tests/ime.py). Every field must end with exactly the intended
NFC text — no letter taken back by the input method may stay — and the live
session's entry must not act on the letters along the way (type-ahead picking a
village, a field code, a disposition). Typed key by key (Pilot waits for each)
and as one burst handed to the driver before any is handled, with whole-word
rewrites, and with the cursor moved into the middle of a word. The fields: the
live session's entry, the board's search box and its petition form (Enter, E),
the document editor, the plan editor and a catalogue form."""
from __future__ import annotations

import asyncio
import os
import unicodedata

import pytest
from ime import NAME, PLACE, SENTENCE, keys_for, word_keys
from test_live_session import TODAY, open_session
from test_live_session_burst import burst, wait_for

MODES = [("key", False), ("burst", True), ("burst", False)]
IDS = ["từng-phím", "một-loạt-gõ-lại-cả-từ", "một-loạt"]
ANSWER = "Xã sẽ nạo vét trước mùa mưa"


async def send(pilot, keys: list[str], how: str) -> None:
    if how == "burst":
        burst(pilot.app, keys)
    else:
        for k in keys:
            await pilot.press(k)


def nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def middle_keys() -> tuple[list[str], str]:
    """Letters left out and put back with the cursor inside the word: "kênh
    mưng" ← ← "o" ⌫ "ơ" gives "kênh mương"; "Nguyên" ← then the tone (⌫ "ễ")
    gives "Nguyễn"."""
    keys = keys_for("kênh mưng") + ["left", "left", "o", "backspace", "ơ", "end", "space"]
    keys += keys_for("Nguyên") + ["left", "backspace", "ễ", "end"]
    return keys, "kênh mương Nguyễn"


@pytest.mark.parametrize("how,whole", MODES[:2], ids=IDS[:2])
def test_live_session_entry(demo_office, monkeypatch, how, whole):
    """Name, village (by a few letters, type-ahead), field 1 (which waits: 10,
    11 … exist) followed at once by the content whose first letter the input
    method takes back ("D" ⌫ "Đ"), a whole sentence, disposition 1 and the
    answer: the petition saved is exactly what was meant."""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.domain.petition import Petition
    from tui.app import DoiThoaiApp

    keys = (keys_for(NAME, whole=whole) + ["enter"] + word_keys("Thượng", whole=whole) + ["enter", "1"]
            + keys_for(SENTENCE, whole=whole) + ["enter", "1"] + keys_for(ANSWER, whole=whole) + ["enter"])
    middle, meant = middle_keys()

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            conf = screen.conf.id
            before = Petition.select().where(Petition.conference == conf).count()
            await send(pilot, keys, how)
            await wait_for(pilot, lambda: Petition.select().where(Petition.conference == conf).count() > before)
            await send(pilot, middle, how)
            await wait_for(pilot, lambda: screen.entry.draft.get("citizen_name") == meant, timeout=60)
            return conf, dict(screen.entry.draft), screen.entry.current

    conf, draft, current = asyncio.run(run())
    row = Petition.select().where(Petition.conference == conf).order_by(Petition.seq.desc()).first()
    assert (row.citizen_name, row.village.name, row.field.code, row.content, row.disposition, row.answer_on_spot) \
        == (NAME, "An Thượng", 1, SENTENCE, "on_spot", ANSWER)
    assert all(nfc(v) for v in (row.citizen_name, row.content, row.answer_on_spot))
    assert current == "citizen_name" and draft["citizen_name"] == meant


async def open_board_search(pilot):
    from snapshots.settle import settle

    await pilot.press("f6")
    await settle(pilot, lambda a: a.screen.query_one("#board-search") is not None)
    await pilot.press("slash")
    await settle(pilot)
    return pilot.app.screen.query_one("#board-search")


@pytest.mark.parametrize("how,whole", MODES, ids=IDS)
def test_board_search(demo_office, monkeypatch, how, whole):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    middle, meant = middle_keys()

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            box = await open_board_search(pilot)
            assert app.focused is box
            await send(pilot, keys_for(PLACE, whole=whole), how)
            try:
                await wait_for(pilot, lambda: box.value == PLACE, timeout=10)
            except AssertionError:
                raise AssertionError(repr(box.value))
            first = box.value
            await pilot.press("ctrl+u")
            await wait_for(pilot, lambda: box.value == "")
            await send(pilot, middle, how)
            await wait_for(pilot, lambda: box.value == meant)
            return first, box.value

    first, second = asyncio.run(run())
    assert first == PLACE and nfc(first)
    assert second == "kênh mương Nguyễn" and nfc(second)


@pytest.mark.parametrize("how,whole", MODES[1:], ids=IDS[1:])
def test_document_editor_fields(demo_office, monkeypatch, how, whole):
    """The notice's editor: its subject line (Input) and its body (TextArea),
    typed at the end and in the middle of a word."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from test_app_shell import open_notice_editor

    from tui.app import DoiThoaiApp

    middle, meant = middle_keys()

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_notice_editor(pilot)
            screen = app.screen
            subject, body = screen.query_one("#f-subject"), screen.query_one("#f-body")
            subject.focus()
            await pilot.pause()
            start = subject.value
            await pilot.press("end", "space")
            await send(pilot, keys_for(PLACE, whole=whole), how)
            await wait_for(pilot, lambda: subject.value == f"{start} {PLACE}")
            body.focus()
            await pilot.pause()
            body.move_cursor(body.document.end)
            text = body.text
            await pilot.press("enter")
            await send(pilot, keys_for(SENTENCE, whole=whole) + ["enter"] + middle, how)
            want = f"{text}\n{SENTENCE}\n{meant}"
            await wait_for(pilot, lambda: body.text == want)
            return subject.value, start, body.text, want

    subject, start, body, want = asyncio.run(run())
    assert subject == f"{start} {PLACE}" and nfc(subject)
    assert body == want and nfc(body)


@pytest.mark.parametrize("how,whole", MODES[:2], ids=IDS[:2])
def test_catalogue_form(demo_office, monkeypatch, how, whole):
    """F8, the villages' tab, A: the new village's name typed through the input
    method is saved exactly."""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from test_catalog_settings import catalogue_tab
    from textual.widgets import Input

    from models.services import catalog
    from tui.app import DoiThoaiApp
    from tui.widgets.form import FormScreen

    name = "Thôn Đông Hòa Tứ"

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await catalogue_tab(app, pilot, "tab-villages")
            await pilot.press("a")
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen) and isinstance(app.focused, Input))
            field = app.focused
            await send(pilot, keys_for(name, whole=whole), how)
            await wait_for(pilot, lambda: field.value == name)
            typed = field.value
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))
            return typed

    typed = asyncio.run(run())
    assert typed == name
    assert name in [v.name for v in catalog.villages(demo_office)]


def test_a_real_terminal_burst_in_the_board_search(demo_office):
    """The real app in a pseudo-terminal (bench/board.py's Terminal, read by
    pyte): Unikey's keys for a whole phrase, backspaces as DEL bytes, written to
    the terminal in one piece, then Enter. The filter line shows exactly the
    phrase, and none of the letters the input method took back."""
    import sys
    from pathlib import Path

    from models.storage.db import close_database

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from bench.board import Terminal

    from models.storage.db import database

    db = str(database.obj.database)                    # the demo office's file, left to the app
    close_database()
    phrase = PLACE + " Nguyễn Văn Tứ"
    data = "".join("\x7f" if k == "backspace" else " " if k == "space" else k
                   for k in keys_for(PLACE) + ["space"] + keys_for("Nguyễn Văn Tứ", whole=True))
    term = Terminal(db, env=dict(os.environ, DOITHOAI_TODAY=TODAY))
    try:
        term.wait(lambda t: "Tổng quan" in t, timeout=120)
        term.press("f6")
        term.wait(lambda t: "Theo dõi —" in t and "Trang 1" in t, timeout=60)
        term.press("/")
        term.settle()
        os.write(term.fd, data.encode("utf-8"))        # one burst, as the input method sends it
        term.wait(lambda t: phrase in t, timeout=60)
        term.press("enter")
        term.wait(lambda t: f"tìm “{phrase}”" in t, timeout=60)
        screen = term.text()
    finally:
        term.close()
    for gone in ("keê", "muư", "DĐ", "Nguyên", "Tư "):
        assert gone not in screen, (gone, screen)


async def fill_form(pilot, form, line: str, line_text: str, area: str, how: str, whole: bool) -> str:
    """In ``form``: the line ``line`` (an Input) emptied and ``line_text``
    typed into it; after the text of ``area`` (a TextArea), a new line, the
    sentence, and letters put back in the middle of words. Each is waited for
    exactly, then Ctrl+S saves and the form closes (else the failure says what
    the form said). Returns the text ``area`` was left with."""
    middle, meant = middle_keys()
    field = form.query_one(f"#{line}")
    field.focus()
    await pilot.pause()
    await pilot.press("ctrl+u")
    await wait_for(pilot, lambda: field.value == "")
    await send(pilot, keys_for(line_text, whole=whole), how)
    await wait_for(pilot, lambda: field.value == line_text)
    box = form.query_one(f"#{area}")
    box.focus()
    await pilot.pause()
    box.move_cursor(box.document.end)
    want = f"{box.text}\n{SENTENCE}\n{meant}"
    await pilot.press("enter")
    await send(pilot, keys_for(SENTENCE, whole=whole) + ["enter"] + middle, how)
    await wait_for(pilot, lambda: box.text == want)
    await pilot.press("ctrl+s")
    try:
        await wait_for(pilot, lambda: pilot.app.screen is not form)
    except AssertionError:
        raise AssertionError(str(form.query_one("#form-error").render())) from None
    return want


@pytest.mark.parametrize("how,whole", MODES[:2], ids=IDS[:2])
def test_board_petition_form(demo_office, monkeypatch, how, whole):
    """F6, Enter on a row, E: the petition's form. The citizen's name
    (a line) typed over, the content (a text box) added to, a sentence and
    letters put back in the middle of words; Ctrl+S saves exactly that."""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.domain.petition import Petition
    from models.services.locks import is_signed
    from tui.app import DoiThoaiApp
    from tui.screens.board_detail import PetitionDetailScreen
    from tui.widgets.form import FormScreen

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f6")
            await wait_for(pilot, lambda: getattr(app.screen, "row_ids", None))
            board = app.screen
            # a petition whose conference's minutes are not signed yet (signed ones are not edited)
            pid = next(i for i in board.row_ids
                       if (c := Petition.get_by_id(i).conference) is None or not is_signed(c))
            table = board.query_one("#board-table")
            table.focus()
            table.move_cursor(row=board.row_ids.index(pid))
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, PetitionDetailScreen))
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen) and app.screen.query("#f-content"))
            return pid, await fill_form(pilot, app.screen, "f-citizen_name", NAME, "f-content", how, whole)

    pid, want = asyncio.run(run())
    row = Petition.get_by_id(pid)
    assert (row.citizen_name, row.content) == (NAME, want)
    assert nfc(row.citizen_name) and nfc(row.content)


@pytest.mark.parametrize("how,whole", MODES[1:], ids=IDS[1:])
def test_plan_editor(demo_office, monkeypatch, how, whole):
    """F3, N: a new plan's editor. Its title (a line) and its body (a text box)
    typed through the input method, with letters put back in the middle of
    words; Ctrl+S saves exactly that."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from snapshots.settle import settle

    from models.domain.plan import Plan
    from tui.app import DoiThoaiApp
    from tui.widgets.form import FormScreen

    title = f"Kế hoạch đối thoại {PLACE}"

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f3")
            await settle(pilot)
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen) and app.screen.query("#f-body"))
            return await fill_form(pilot, app.screen, "f-title", title, "f-body", how, whole)

    want = asyncio.run(run())
    plan = Plan.select().order_by(Plan.id.desc()).first()
    assert (plan.title, plan.body) == (title, want)
    assert nfc(plan.title) and nfc(plan.body)
