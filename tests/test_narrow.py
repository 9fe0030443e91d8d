"""80×24 first, checked on the screen as drawn: the board keeps the citizen and
the content, the session's petitions keep the content, and the key bar keeps
every key the screen has (F1 lists them in full)."""
import asyncio

from tui.app import DoiThoaiApp
from tests.test_no_english import screen_text, settle


def drawn(office, key: str, size=(80, 24)):
    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await pilot.press(key)
            await settle(app, pilot)
            from tui.bindings import active_bindings
            from tui.widgets.keybar import KeyBar, key_name

            bar = app.screen.query_one(KeyBar)
            shown = [k for line in bar._lines(bar.size.width) for k, *_ in line]
            wanted = {b.action: key_name(b.key) for _, b in active_bindings(app.screen, app) if b.show
                      and b.description}
            return screen_text(app), bar.size.height, shown, wanted
    return asyncio.run(inner())


def test_board_at_80_columns_shows_citizen_and_content(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    text, *_ = drawn(demo_office, "f6")
    heading = next(line for line in text.splitlines() if "Hạn" in line and "Còn / trễ" in line)
    assert "Người kiến nghị" in heading and "Nội dung" in heading


def test_session_at_80_columns_shows_the_content_column(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    text, *_ = drawn(demo_office, "f5")
    assert any("Người nêu" in line and "Nội dung" in line and "Xử lý" in line for line in text.splitlines())


def test_the_key_bar_never_loses_a_key_at_80_columns(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    for key in ("f2", "f5", "f6", "f7", "f8"):
        text, height, shown, wanted = drawn(demo_office, key)
        # the session's keys are wanted at a glance: a third line, every key named (issue 20)
        rows = 3 if key == "f5" else 2
        assert height <= rows
        if key == "f5":
            for named in ("F11 Chọn HN", "F12 Kết thúc", "^G Gộp", "^N Liên hệ", "^D Sửa/rút"):
                assert named in text, named
        nav = {k for a, k in wanted.items() if a.startswith("app.go(")}
        missing = {k for a, k in wanted.items() if not a.startswith("app.go(")} - set(shown)
        assert missing == set(), (key, missing)
        assert nav <= set(shown) or "F2–F8" in shown, key
        bottom = "\n".join(text.splitlines()[-height:])     # the key bar's own lines
        assert "F1 Trợ giúp" in bottom and "^Q" in bottom and "…" not in bottom, key
