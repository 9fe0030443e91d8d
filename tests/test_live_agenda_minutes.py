"""An agenda of four items runs with the session clock (Ctrl+T), and the
minutes built when the session closes number their sections 1–N in order with
no gap, whether or not an opening report is present (PDF read back)."""
from __future__ import annotations

import asyncio

import pytest

from models.domain.conference import AgendaItem
from tests.printing_support import page_texts, squash
from tests.test_live_session import Keys, open_session, record

AGENDA = ["Khai mạc | Chủ tịch UBND | 5", "Báo cáo | Phó Chủ tịch | 15",
          "Nhân dân phát biểu | | 90", "Kết luận | Chủ trì | 10"]


@pytest.mark.parametrize("report,headings", [
    ("", ["Chương trình hội nghị", "Ý kiến, kiến nghị của Nhân dân", "Kết luận của chủ trì"]),
    ("Kính thưa các vị đại biểu", ["Chương trình hội nghị", "Báo cáo của chủ trì",
                                   "Ý kiến, kiến nghị của Nhân dân", "Kết luận của chủ trì"]),
])
def test_four_items_run_with_the_clock_and_the_minutes_sections_have_no_gap(demo_office, monkeypatch,
                                                                           report, headings):
    from models.core.paths import locations
    from models.services import agenda, live_session as live
    from tui.app import DoiThoaiApp

    conf = live.pick_conference(demo_office)
    agenda.set_agenda(conf, "\n".join(AGENDA), report)
    monkeypatch.setenv("DOITHOAI_TODAY", conf.date.isoformat())      # the session starts on its day

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b")
            await pilot.pause()
            for n in range(1, 5):
                await pilot.press("ctrl+t")                      # item n starts …
                await pilot.pause()
                assert f"mục {n}:" in str(screen.query_one("#session-title").render())
                await pilot.press("ctrl+t")                      # … and ends
                await pilot.pause()
            await record(Keys(pilot), ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng", "1", "Tăng chuyến thu gom"))
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.press("c")
            for _ in range(300):
                await app.workers.wait_for_complete()
                if list(locations().documents.glob("*/du-thao/bien-ban-hoi-nghi-*.pdf")):
                    break
                await pilot.pause(0.05)

    asyncio.run(run())
    items = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
    assert len(items) == 4 and all(a.actual_start and a.actual_end for a in items)
    assert [a.seq for a in sorted(items, key=lambda a: (a.actual_start, a.seq))] == [1, 2, 3, 4]
    built = list(locations().documents.glob("*/du-thao/bien-ban-hoi-nghi-*.pdf"))
    assert len(built) == 1
    text = squash(" ".join(page_texts(built[0].read_bytes())))
    # each section under the next number, in order: a missing section leaves no gap
    places = [text.find(squash(f"{n}. {h}")) for n, h in enumerate(headings, start=1)]
    assert all(p >= 0 for p in places) and places == sorted(places), (headings, text[:2000])
    for line in AGENDA:
        assert squash(line.split("|")[0].strip()) in text
