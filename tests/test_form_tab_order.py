"""Tab in a form moves on in the order the keys were sent: a PIN typed and Tab
pressed in one burst (a fast typist, an input method, a paste) went all into the
first field, because Tab bubbled up to the screen while the letters after it
were already inserted (seen in F8 Người dùng, P, in a real terminal)."""
import asyncio

from test_live_session_burst import burst, wait_for


def test_tab_in_a_burst_moves_between_fields(demo_office):
    from textual.widgets import Input

    from tui.app import DoiThoaiApp
    from tui.widgets.form import FormField, FormScreen

    fields = [FormField("pin", "Mã PIN mới", "", kind="secret"),
              FormField("again", "Nhập lại mã PIN mới", "", kind="secret"),
              FormField("note", "Ghi chú", "")]

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            app.push_screen(FormScreen("Thử", fields, id="tab_order"))
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen) and isinstance(app.focused, Input))
            burst(app, ["2", "4", "6", "8", "tab", "1", "3", "5", "7", "tab", "a", "b", "shift+tab"])
            screen = app.screen
            await wait_for(pilot, lambda: screen.query_one("#f-note", Input).value == "ab"
                           and app.focused is screen.query_one("#f-again", Input))
            return {f.key: screen.query_one(f"#f-{f.key}", Input).value for f in fields}

    values = asyncio.run(run())
    assert values == {"pin": "2468", "again": "1357", "note": "ab"}
