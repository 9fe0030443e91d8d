"""Text is drawn in a colour other than its background's (Pilot, the real app
on the demo): the first screen once skipped the stylesheet refresh that sets the
theme's variables, and the dashboard's panels were drawn in the background's
colour, blank in a real terminal."""
import asyncio

from tui.app import DoiThoaiApp


def invisible_lines(widget) -> list[str]:
    """The lines of ``widget`` holding text drawn in its background's colour."""
    found = []
    for y in range(widget.size.height):
        hidden = "".join(s.text for s in widget.render_line(y)
                         if s.text.strip() and s.style and s.style.color is not None
                         and s.style.color == s.style.bgcolor)
        if hidden.strip():
            found.append(hidden.strip())
    return found


def test_dashboard_text_is_visible(demo_office):
    async def inner():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            from tui.screens.dashboard import DashboardView

            view = app.screen.query_one(DashboardView)
            assert view.data is not None
            return invisible_lines(view), invisible_lines(app.screen.query_one("#dash-title"))

    body, title = asyncio.run(inner())
    assert body == [] and title == []
