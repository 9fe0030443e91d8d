"""The private parts of libraries that tui/compat.py relies on are still there,
and the app shows none of Textual's own English words where it replaced them."""
import asyncio
import inspect

from textual.command import CommandPalette


def test_the_palettes_private_parts_still_exist():
    from tui import compat

    source = inspect.getsource(CommandPalette)
    for name in compat.PALETTE_PRIVATE:
        assert name in source, f"Textual's CommandPalette no longer has {name}: update tui/compat.py"
    # our replacement keeps the signature of the method it replaces
    theirs = inspect.signature(CommandPalette._start_no_matches_countdown)
    ours = inspect.signature(compat.Palette._start_no_matches_countdown)
    assert list(theirs.parameters) == list(ours.parameters)


def _screen_text(app) -> str:
    from textual.widgets import OptionList

    parts = []
    for w in app.screen.query("*"):
        if isinstance(w, OptionList):
            parts += [str(o.prompt) for o in w._options]
        parts.append(str(getattr(w, "renderable", "") or ""))
    return " ".join(parts)


def test_no_english_from_textual_in_the_palette_or_on_ctrl_c(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("ctrl+c")
            await pilot.pause()
            notes = [str(n.message) + str(n.title) for n in app._notifications]
            assert any("Ctrl+Q" in n for n in notes) and not any("quit" in n.lower() for n in notes), notes
            await pilot.press("ctrl+p")
            await pilot.pause()
            for ch in "zzqxw":
                await pilot.press(ch)
            for _ in range(600):                     # the "no match" line comes after a short wait (≤ 30 s here)
                await pilot.pause(0.05)
                if "Không tìm thấy lệnh" in _screen_text(app):
                    break
            text = _screen_text(app)
            assert "Không tìm thấy lệnh" in text and "No matches" not in text

    asyncio.run(run())
