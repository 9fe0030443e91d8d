"""Keys beyond the text for an on-the-spot answer given by someone other than
the last answerer: ↓ from the answer, then the answerer's number (≤ 8 in all)."""
from __future__ import annotations

import asyncio

from models.domain.petition import Petition
from test_live_session import TODAY, Keys, open_session, type_head


def test_a_change_of_answerer_costs_at_most_eight_keys(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from models.services import live_session as live
    from tui.app import DoiThoaiApp

    officials = live.official_names(demo_office)
    assert len(officials) >= 2
    row = ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng ở bãi tập kết", "1", "Đã yêu cầu thu gom tăng chuyến")

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            keys = Keys(pilot)
            await type_head(keys, row)
            await keys.text(row[3])
            await keys.key("enter", row[4])
            await keys.text(row[5])
            await keys.key("down")
            assert "2." + officials[1] in str(screen.entry.render())      # the numbers are shown
            await keys.key("2")                                          # recorded at once
            await pilot.pause()
            cost = keys.overhead
            # the next petition keeps that answerer: no key at all for it
            keys.overhead = 0
            await type_head(keys, ("Lê Văn Ba", "", "6", "", "", ""))
            await keys.text("Đua xe ban đêm")
            await keys.key("enter", "1")
            await keys.text("Công an xã tăng tuần tra")
            await keys.key("enter")
            await pilot.pause()
            return cost, keys.overhead

    cost, next_cost = asyncio.run(run())
    assert cost <= 8, cost
    first = Petition.get(Petition.content == row[3])
    assert first.answered_by == officials[1] and first.answer_on_spot == row[5] and first.status == "closed"
    following = Petition.get(Petition.content == "Đua xe ban đêm")
    assert following.answered_by == officials[1] and next_cost <= 7
