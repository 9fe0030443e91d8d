"""Enter in a form, in a burst (a fast typist, a pty, tmux send-keys): issue
20's rule, Enter moves to the next field, holds for keys already on their way.
Found as a person would: in tmux, F9 then "12⏎5⏎40" and Ctrl+S sent at once
saved 12540 officials and nobody else — every key went into the first field,
because the field left on Enter was told only after it had taken the rest."""
from __future__ import annotations

import asyncio

from tests.test_live_session import TODAY, open_session
from tests.test_live_session_burst import burst, wait_for


def test_enter_in_a_burst_moves_on_before_the_next_keys(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.domain.conference import Conference
    from models.services.live_session import attendance
    from tui.app import DoiThoaiApp
    from tui.widgets.form import FormScreen

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("f9")
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen)
                           and app.focused is app.screen.query_one("#f-officials"))
            burst(app, ["1", "2", "enter", "5", "enter", "4", "0", "ctrl+s"])
            await wait_for(pilot, lambda: app.screen is screen)
            return screen.conf.id

    conf = Conference.get_by_id(asyncio.run(run()))
    assert attendance(conf).counts == {"officials": 12, "village_leaders": 5, "citizens": 40}
