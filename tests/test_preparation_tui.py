"""A whole preparation from the keyboard, as a clerk does it: a plan from the
template, filled in and issued (01/KH-UBND); a conference; notice, loudspeaker
script and invitations printed (read back with pypdf); the checklist shows
them done and warns about the next milestone; the broadcast log ticked."""
from __future__ import annotations

import asyncio
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from textual import events

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def commune(sqlite_db, monkeypatch):
    from models.services import catalog

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                   signer_name="Nguyễn Văn An")
    catalog.add_village(office, "Đông Hải", station="Cụm loa Đông Hải", leader_name="Trần Văn Bình")
    catalog.add_village(office, "Trung Lương", station="Cụm loa Trung Lương", leader_name="Lê Thị Hoa")
    return office


async def settle(pilot) -> None:
    """No worker running and nothing queued, seen several times in a row (not a
    fixed number of pauses, which a busy machine outruns)."""
    from snapshots.settle import settle as settled

    await settled(pilot)


async def issue_from_editor(pilot, key: str) -> str:
    """Open a document's editor, issue it on the date offered (today), confirm, close;
    returns the confirmation's question."""
    asked = ""
    for k in (key, "ctrl+b", "ctrl+s", "c", "escape"):
        if k == "c":
            asked = str(getattr(pilot.app.screen, "question", ""))
        await pilot.press(k)
        await settle(pilot)
    return asked


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_whole_preparation_from_the_keyboard(commune, monkeypatch):
    from models.domain.conference import BroadcastSlot, Conference, Invitee
    from models.core.paths import locations
    from models.domain.plan import Plan
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(commune)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f3")
            await settle(pilot)
            await pilot.press("n")                       # new plan from the template
            await settle(pilot)
            form = app.screen
            secretary = form.query_one("#f-secretary")
            secretary.focus()           # the cursor enters at the end: the template's text is cleared first
            if hasattr(secretary, "text"):
                secretary.text = ""
            else:
                secretary.value = ""
            await type_text(pilot, "Võ Thị Thu Hà - Văn phòng")     # typed key by key
            chair = form.query_one("#f-chair")
            chair.focus()
            chair.text = ""
            # pasted from Word in decomposed form (NFD), as the terminal delivers it: stored as NFC
            app.post_message(events.Paste(unicodedata.normalize("NFD", "Nguyễn Văn An - Chủ tịch UBND xã")))
            await pilot.pause()
            await pilot.press("ctrl+s")
            await settle(pilot)
            plan = Plan.get()
            assert plan.secretary == "Võ Thị Thu Hà - Văn phòng"
            assert plan.chair == "Nguyễn Văn An - Chủ tịch UBND xã"
            assert unicodedata.is_normalized("NFC", plan.chair)

            await pilot.press("b")                       # issue: the date first (today by default)
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("c")                       # confirm
            await settle(pilot)
            plan = Plan.get_by_id(plan.id)
            assert plan.status == "issued" and plan.document.symbol == "01/KH-UBND"
            assert "01/KH-UBND" in pdf_text(Path(plan.document.file_path))
            assert "01/KH-UBND" in str(app.screen.query_one("#plans-table").get_row_at(0))

            await pilot.press("f4")
            await settle(pilot)
            await pilot.press("n")                       # new conference, prefilled from the plan
            await settle(pilot)
            form = app.screen
            form.query_one("#f-date").focus()
            await type_text(pilot, (TODAY + dt.timedelta(days=5)).strftime("%d/%m/%Y"))
            form.query_one("#f-venue").focus()
            await type_text(pilot, "Nhà văn hóa thôn Đông Hải")
            form.query_one("#f-villages").focus()
            await type_text(pilot, "dong hai, trung")    # without diacritics, a prefix is enough
            form.query_one("#f-invitees").focus()
            await type_text(pilot, "Trần Văn Nam - Chủ tịch HĐND xã")
            await pilot.press("ctrl+s")
            await settle(pilot)
            conf = Conference.get()
            assert [link.village.name for link in conf.village_links] == ["Đông Hải", "Trung Lương"]
            assert conf.venue == "Nhà văn hóa thôn Đông Hải"
            assert Invitee.select().where(Invitee.conference == conf, Invitee.is_group == False).count() == 1

            asked = await issue_from_editor(pilot, "t")  # notice: issued, numbered
            # the confirmation names the conference, not only a date (issue 20)
            assert f"Văn bản về: hội nghị ngày {conf.date:%d/%m/%Y} — {conf.title}\n" in asked, asked
            assert f"Ngày ban hành: {TODAY:%d/%m/%Y}." in asked and "Trích yếu:" in asked

            await pilot.press("l")                       # loudspeaker script
            await settle(pilot)
            await issue_from_editor(pilot, "g")          # invitations

            conf = Conference.get_by_id(conf.id)
            assert conf.status == "announced"
            assert conf.notice_published_on == TODAY and conf.invitations_sent_on == TODAY

            docs = locations().documents
            notice = next(docs.rglob("02-TB-UBND*.pdf"))
            assert "02/TB-UBND" in pdf_text(notice) and "THÔNG BÁO" in pdf_text(notice)
            invitations = next(docs.rglob("03-GM-UBND*.pdf"))
            text = pdf_text(invitations)
            assert "GIẤY MỜI" in text and "Trần Văn Nam" in text
            script = next(docs.rglob("bai-phat-thanh-*.pdf"))
            assert "Kính thưa" in pdf_text(script)

            screen = app.screen
            table = screen.query_one("#conf-milestones")
            rows = {key: [str(c) for c in table.get_row(key)] for key in map(table.row_key_at, range(table.row_count))}
            assert "Đã xong" in rows["notice"][3] and "Đã xong" in rows["invitations"][3]
            warning = str(screen.query_one("#conf-warning").render())
            assert "Sắp đến hạn" in warning and "Phát thanh" in warning

            await pilot.press("s")                       # broadcast schedule, defaults
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert BroadcastSlot.select().where(BroadcastSlot.conference == conf).count() == 12
            days = sorted({s.day for s in BroadcastSlot.select().where(BroadcastSlot.conference == conf)})
            assert days[0] == TODAY
            await pilot.press("o")                       # focuses the log

            async def mark(n):                           # O marks, ↓ moves: O alone never moves
                for i in range(n):
                    await pilot.press("o")
                    await settle(pilot)
                    if i < n - 1:
                        await pilot.press("down")

            await mark(5)                                # day 1 (4 readings), then one of day 2: refused
            assert BroadcastSlot.select().where(BroadcastSlot.read_at.is_null(False)).count() == 4
            assert any("chưa đến" in n.message for n in app._notifications)
            monkeypatch.setenv("DOITHOAI_TODAY", days[1].isoformat())
            await mark(4)                                # day 2 once it has come
            monkeypatch.setenv("DOITHOAI_TODAY", days[2].isoformat())
            await pilot.press("down")
            await mark(1)                                # day 3, morning, the first village's station
            table = screen.query_one("#conf-milestones")
            assert "Đã xong" not in str(table.get_row("broadcast")[3])   # the other station not yet
            await pilot.press("down")
            await mark(1)                                # day 3, morning, the second station
            assert BroadcastSlot.select().where(BroadcastSlot.read_at.is_null(False)).count() == 10
            table = screen.query_one("#conf-milestones")
            assert "Đã xong" in str(table.get_row("broadcast")[3])
            assert "Sắp đến hạn" not in str(screen.query_one("#conf-warning").render())

    asyncio.run(run())
