"""No English where a user looks: every main screen, its F1 help, the command
palette with nothing matching, Ctrl+C, and a petition's detail with its history,
read off the screen as drawn and searched for Textual's own English texts and
our own leftovers (a login such as "root", raw ids in history lines)."""
import asyncio
import re
import time

import pytest

from tui.app import DoiThoaiApp
from tui.screens import NAVIGATION

# Textual's built-in user-facing texts (command palette, quit hint, system
# commands, footer and help panel, toasts, screenshots) and our own leftovers.
ENGLISH = [
    "No matches found", "Search for commands", "Do you want to quit", "Press", "to quit the app",
    "Quit the app", "Quit the application", "command palette", "Copy selected text", "Exit the",
    "Next command", "Previous command", "Next page", "Previous page", "Go to top", "Go to bottom",
    "Change the current theme", "Theme", "Keys", "Show help", "Hide the keys", "Maximize", "Minimize",
    "Screenshot", "Saved screenshot", "Bell", "Ring the bell", "Loading", "Toggle", "Cancel", "Submit",
    "Yes", "root", "Administrator", "None", "True", "False", "Traceback", "Error",
]
PATTERN = re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w])")
#: a catalogue field shown as its raw id in a history line ("Đơn vị: 4 → 8")
RAW_ID = re.compile(r"(Đơn vị|Thôn|Lĩnh vực|Hội nghị|Kế hoạch|Cơ quan|Gộp vào kiến nghị): \d+ → ")


def screen_text(app) -> str:
    """The screen as drawn, and the notifications shown over it (toasts are
    drawn in a layer the compositor's strips do not hold yet)."""
    strips = app.screen._compositor.render_strips()
    toasts = [f"{n.title}\n{n.message}" for n in app._notifications]
    return "\n".join([strip.text for strip in strips] + toasts)


def english_in(text: str) -> list[str]:
    return sorted(set(PATTERN.findall(text)) | set(RAW_ID.findall(text)))


async def settle(app, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def walk(office, size):
    async def inner():
        seen: dict[str, list[str]] = {}
        app = DoiThoaiApp(office)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            for mode, label, key, _ in NAVIGATION:
                await pilot.press(key)
                await settle(app, pilot)
                assert app.current_mode == mode
                seen[label] = english_in(screen_text(app))
                await pilot.press("f1")
                await settle(app, pilot)
                assert type(app.screen).__name__ == "HelpScreen"
                seen[f"F1 {label}"] = english_in(screen_text(app))
                await pilot.press("escape")
                await settle(app, pilot)
            await pilot.press("f2")
            await settle(app, pilot)
            await pilot.press("ctrl+p")
            from textual.command import CommandPalette

            deadline = time.monotonic() + 60          # a busy machine: wait for the palette itself
            while not isinstance(app.screen, CommandPalette) and time.monotonic() < deadline:
                await pilot.pause(0.05)
            assert isinstance(app.screen, CommandPalette)
            await settle(app, pilot)
            seen["Ctrl+P"] = english_in(screen_text(app))
            for ch in "zqxj":
                await pilot.press(ch)
            palette = app.screen
            deadline = time.monotonic() + 60          # the palette waits a moment before "nothing matches"
            while time.monotonic() < deadline:
                await pilot.pause(0.05)
                if getattr(palette, "_list_visible", False) and "Không tìm thấy" in screen_text(app):
                    break
            await pilot.pause()
            text = screen_text(app)
            assert "Không tìm thấy lệnh nào" in text
            seen["Ctrl+P, nothing matches"] = english_in(text)
            await pilot.press("escape")
            await settle(app, pilot)
            await pilot.press("ctrl+c")
            await settle(app, pilot)
            text = screen_text(app)
            assert "Ctrl+Q" in text
            seen["Ctrl+C"] = english_in(text)
        return seen
    return asyncio.run(inner())


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
def test_no_english_on_any_screen(demo_office, monkeypatch, size):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    seen = walk(demo_office, size)
    assert len(seen) == 2 * len(NAVIGATION) + 3
    assert {where: words for where, words in seen.items() if words} == {}


def test_petition_history_shows_names_not_ids_nor_logins(demo_office, monkeypatch):
    """A unit changed by the machine's "root" account: the detail's history
    names both units and does not print the login "root"."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    monkeypatch.setenv("DOITHOAI_USER", "root")
    from models import Petition, Unit
    from models.services import board as svc
    from models.services.board_actions import assign

    p = (Petition.select().where(Petition.unit.is_null(False) & (Petition.status == "open"))
         .order_by(Petition.id).first())
    old = p.unit.name
    new = Unit.select().where((Unit.office == p.office) & (Unit.id != p.unit_id)).order_by(Unit.id).first()
    assign(p, new.id)

    async def inner():
        from tui.screens.board_detail import PetitionDetailScreen

        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 60)) as pilot:
            await settle(app, pilot)
            await pilot.press("f6")
            await settle(app, pilot)
            app.push_screen(PetitionDetailScreen(svc.detail(p.id)))
            await settle(app, pilot)
            return app.screen.query_one("#petition-detail").render().plain

    text = asyncio.run(inner())
    assert f"Đơn vị: {old} → {new.name}" in text
    assert english_in(text) == []
