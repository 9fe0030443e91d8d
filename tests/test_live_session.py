"""The live session screen, driven from the keyboard as the secretary would."""
from __future__ import annotations

import asyncio
import unicodedata

import pytest

from models.domain.conference import Conference
from models.domain.petition import Petition

TODAY = "2026-11-22"

# name, village type-ahead, field keys, content, disposition key, detail
# (answer text, unit type-ahead, or authority). Village/unit letters are keys
# the secretary spends beyond the text, and are counted as such.
BASE = [
    ("Nguyễn Văn Dương", "b", "1", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm Đồng", "2", ""),
    ("Trần Thị Lựu", "a", "2", "Rác thải tồn đọng ở bãi tập kết đầu thôn", "1",
     "Xã đã yêu cầu đơn vị thu gom tăng chuyến"),
    ("", "", "5", "Đường liên thôn sạt lở, đề nghị sửa chữa", "3", "Sở Xây dựng tỉnh Quảng Trị"),
    ("Lê Đình Phúc", "b", "6", "Thanh niên đua xe ban đêm ven sông", "4", "Ghi nhận, giao Công an xã"),
    ("Phạm Thị Nguyệt", "a", "7", "Trạm y tế thiếu thuốc huyết áp", "2", "v"),
    ("Hoàng Văn Ất", "", "8", "Điểm trường mẫu giáo bị dột mái", "1", "Đã giao trường lập dự toán"),
]


def session_script(n: int = 30):
    out = []
    for i in range(n):
        name, village, field, content, disp, detail = BASE[i % len(BASE)]
        out.append((name, village, field, f"{content} ({i + 1})" if i >= len(BASE) else content, disp, detail))
    return out


class Keys:
    """Presses keys and counts those that are not part of the petition's own text."""

    def __init__(self, pilot):
        self.pilot = pilot
        self.overhead = 0
        self.paste = False     # Pilot needs ~0.1 s a key: most long texts arrive as a paste

    async def text(self, s: str) -> None:
        if self.paste and s:
            from textual import events

            self.pilot.app.focused.post_message(events.Paste(s))
            await self.pilot.pause()
            return
        for ch in s:
            await self.pilot.press("space" if ch == " " else ch)

    async def key(self, *keys: str) -> None:
        for k in keys:
            self.overhead += 1
            await self.pilot.press(k)

    async def prefix(self, s: str) -> None:
        for ch in s:
            self.overhead += 1
            await self.pilot.press(ch)


async def type_head(keys, row) -> None:
    """Name, village and field of one scripted petition, as the secretary types them."""
    await keys.text(row[0])
    await keys.key("enter")
    await keys.prefix(row[1])
    await keys.key("enter")
    await keys.prefix(row[2])
    if row[2] == "1":          # 1 could start 10, 11, 12: Enter decides
        await keys.key("enter")


async def record(keys: Keys, row) -> int:
    """One petition through the entry line; returns the keys spent beyond its text."""
    _name, _village, _field, content, disp, detail = row
    keys.overhead = 0
    await type_head(keys, row)
    await keys.text(content)
    await keys.key("enter")
    await keys.key(disp)
    if disp == "2":
        await keys.prefix(detail)
    else:
        await keys.text(detail)
    await keys.key("enter")
    await keys.pilot.pause()
    return keys.overhead


async def open_session(pilot):
    await pilot.press("f5")
    screen = pilot.app.screen
    for _ in range(200):
        if getattr(screen, "loaded", False):
            break
        await pilot.pause(0.02)
    assert screen.loaded
    return screen


def test_thirty_petitions_from_the_keyboard(demo_office, monkeypatch, tmp_path):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    script = session_script(30)
    costs = []

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            conf = screen.conf
            assert conf.status == "planned"
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            await pilot.press("ctrl+t")
            keys = Keys(pilot)
            for i, row in enumerate(script):
                if i == 7:
                    # a citizen who asks not to be named, by written slip
                    await pilot.press("ctrl+y", "ctrl+l")
                if i == 12:
                    # Vietnamese pasted in decomposed form (NFD) from another program
                    from textual import events

                    await type_head(keys, row)
                    screen.entry.post_message(
                        events.Paste(unicodedata.normalize("NFD", "Hộ nghèo chưa được hỗ trợ nhà ở")))
                    await pilot.pause()
                    await keys.key("enter", "4", "enter")
                    await pilot.pause()
                    continue
                if i == 18:
                    await type_head(keys, row)
                    await keys.text(row[3])
                    await keys.key("enter")
                    # same issue as an earlier speaker: Ctrl+G lists the candidates,
                    # "not grouped" first; the secretary takes the first petition
                    await pilot.press("ctrl+g")
                    await pilot.pause()
                    from tui.widgets.pick import PickScreen

                    assert isinstance(app.screen, PickScreen)
                    assert app.screen.values[0] == 0 and len(app.screen.values) >= 2
                    await pilot.press("down", "enter")
                    await pilot.pause()
                    await keys.key(row[4])
                    await keys.text(row[5])
                    await keys.key("enter")
                    await pilot.pause()
                    continue
                keys.paste = i % 4 != 0      # every fourth petition entirely key by key
                costs.append(await record(keys, row))
                keys.paste = False
            # conclusions typed key by key, saved as typed
            await pilot.press("f10")
            await pilot.pause()
            await keys.text("Giao các bộ phận trả lời đúng hạn")
            await pilot.press("escape")
            await pilot.press("ctrl+t")
            # closing is refused while the entry holds typing: on a busy machine the last
            # petition's write may still be on its way, so wait for it, then for the question
            from pilot_keys import until
            from tui.widgets.confirm import ConfirmScreen

            await until(pilot, lambda: app.screen.entry.pristine, "the entry to be empty before F12")
            await pilot.press("f12")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the close question")
            await pilot.press("c")
            await until(pilot, lambda: Conference.get_by_id(conf.id).status == "closed", "the session closed")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return conf.id

    conf_id = asyncio.run(run())
    assert max(costs) <= 8, costs
    rows = list(Petition.select().where(Petition.conference == conf_id).order_by(Petition.seq))
    assert len(rows) == 30
    assert [r.seq for r in rows] == list(range(1, 31))
    first = rows[0]
    assert first.citizen_name == "Nguyễn Văn Dương" and first.village.name == "Bình Minh"
    assert first.field.code == 1 and first.disposition == "in_writing" and first.status == "open"
    assert first.unit is not None and first.due_on is not None and first.due_on > first.received_on
    assert rows[1].answer_on_spot == "Xã đã yêu cầu đơn vị thu gom tăng chuyến"
    assert rows[1].answered_by == "Lê Văn Thành" and rows[1].status == "closed"
    assert rows[2].village.name == "An Thượng"            # Enter alone: same village as before
    assert rows[2].forwarded_to == "Sở Xây dựng tỉnh Quảng Trị" and rows[2].status == "forwarded"
    assert rows[4].unit.name == "Văn hóa - Xã hội"
    assert rows[7].citizen_withheld and rows[7].channel == "slip"
    assert rows[12].content == unicodedata.normalize("NFC", "Hộ nghèo chưa được hỗ trợ nhà ở")
    assert rows[18].group_parent_id is not None
    head = Petition.get_by_id(rows[18].group_parent_id)
    assert (head.village_id, head.field_id) == (rows[18].village_id, rows[18].field_id)
    # the same issue raised again later in the session is linked to the earlier one
    assert rows[6].similar_to_id == rows[0].id
    conf = Conference.get_by_id(conf_id)
    assert conf.status == "closed" and conf.actual_end and conf.start_time == "08:00"
    assert conf.conclusions.endswith("Giao các bộ phận trả lời đúng hạn")
    board = Petition.select().where((Petition.conference == conf_id) & (Petition.status == "open")).count()
    assert board == sum(1 for r in rows if r.disposition == "in_writing")


@pytest.mark.parametrize("row", BASE)
def test_keys_per_petition_at_most_eight(demo_office, monkeypatch, row):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_session(pilot)
            await pilot.press("ctrl+b", "c")   # the demo conference is 9 days ahead: confirmed
            keys = Keys(pilot)
            if not row[1]:   # "same village as before" needs a petition before it
                await record(keys, BASE[0])
            return await record(keys, row)

    cost = asyncio.run(run())
    assert cost <= 8
    assert Petition.select().where(Petition.content == row[3]).count() == 1


def test_a_refused_petition_stays_on_its_number_with_the_message(demo_office, monkeypatch):
    """A petition the model refuses took no number (here the session has not
    begun): the entry stays on its number, gives its text back and says why.
    It moved on to the next number before, with the refused text under it."""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_session(pilot)
            assert screen.conf.status == "planned"
            before = screen.entry.number
            await record(Keys(pilot), BASE[1])
            for _ in range(400):
                if screen.entry.error:
                    break
                await pilot.pause(0.05)
            return before, screen.entry.number, screen.entry.draft["content"], screen.entry.error

    before, after, content, error = asyncio.run(run())
    assert error.startswith("Phiên họp chưa bắt đầu.")
    assert after == before and content == BASE[1][3]
