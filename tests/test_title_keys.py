"""Issue 22 item 3, the rest: the citizen's title (Ông, Bà) set with one key where
a person is recorded — O on Theo dõi (F6), Ctrl+W on Phiên họp (F5), no form —
and used by the letters; an invitation addresses an official as "Đồng chí"."""
from __future__ import annotations

import asyncio
import datetime as dt

from printing_support import page_texts, squash

TODAY = "2026-11-22"


def _run(office, monkeypatch, body):
    """The real app on ``office`` with today fixed; ``body(app, pilot)`` drives it."""
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY)
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            return await body(app, pilot)

    return asyncio.run(inner())


async def _named_row_of_the_board(app, pilot) -> int:
    """F6 open on a row whose citizen gave their name; its petition's id."""
    from models.domain.petition import Petition

    await pilot.press("f6")
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(40):
        row = app.screen.current()
        if row is not None and not Petition.get_by_id(row.id).citizen_withheld:
            return row.id
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError("no named citizen on the board")


def test_o_on_the_board_sets_the_title_the_answer_letter_uses(demo_office, monkeypatch):
    from models.domain.petition import Petition, next_title
    from models.services import documents

    async def body(app, pilot):
        pid = await _named_row_of_the_board(app, pilot)
        start = Petition.get_by_id(pid).citizen_title
        await pilot.press("o", "o")              # two presses at once: applied one after the other
        await app.workers.wait_for_complete()
        await pilot.pause()
        got = Petition.get_by_id(pid).citizen_title
        assert got == next_title(next_title(start)), (start, got)
        while Petition.get_by_id(pid).citizen_title != "Bà":
            await pilot.press("o")
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert any("danh xưng Bà" in str(n.message) for n in app._notifications)
        return pid

    pid = _run(demo_office, monkeypatch, body)
    p = Petition.get_by_id(pid)
    letter = documents.draft(demo_office, "tra-loi", pid).content
    text = squash(letter.body + " ".join(letter.addressees))
    assert squash(f"Bà {p.citizen_name}") in text and "ông(bà)" not in text.lower()
    from models.domain.petition import PetitionEvent        # the change is in the petition's history

    assert "Danh xưng: Bà" in [e.detail for e in PetitionEvent.select().where(PetitionEvent.petition == p)]


def test_ctrl_w_in_the_session_sets_the_title_without_a_form(demo_office, monkeypatch):
    from test_live_session import open_session

    async def body(app, pilot):
        screen = await open_session(pilot)
        entry = screen.entry
        await pilot.press("L", "a", "n", "ctrl+w")
        await pilot.pause()
        assert app.screen is screen and entry.draft["citizen_title"] == "Ông"
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert entry.draft["citizen_title"] == "Bà" and "Bà" in str(entry.render())
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert entry.draft["citizen_title"] == ""
        await pilot.press("ctrl+w", "ctrl+w")
        await pilot.pause()
        assert entry.draft["citizen_title"] == "Bà" and entry.draft["citizen_name"].endswith("Lan")

    _run(demo_office, monkeypatch, body)


def test_invitation_addresses_officials_as_comrades(tmp_path, monkeypatch):
    import models
    from models import Invitee
    from models.demo import samples
    from models.services import documents
    from tui.documents import render_pdf

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    Invitee.create(conference=conf, name="Đặng Văn Tứ", position="")
    Invitee.create(conference=conf, name="Bà Ngô Thị Hạnh", position="Trưởng thôn Đông")
    text = squash(" ".join(page_texts(render_pdf(documents.draft(office, "giay-moi", conf.id).content))))
    assert squash("Đồng chí Nguyễn Văn Tâm, Bí thư Đảng ủy xã") in text
    assert squash("Đồng chí Lê Thị Mai, Chủ tịch Ủy ban MTTQ Việt Nam xã") in text
    assert squash("Bà Ngô Thị Hạnh, Trưởng thôn Đông") in text            # a title typed is kept
    assert squash("Ông (bà) Đặng Văn Tứ") in text                          # no position, no title known
    assert "Ông(bà)NguyễnVănTâm" not in text


# --- invitees: a title of their own (issue 22 item 3) ------------------------------------

INVITEES = "Ông Đặng Văn Tứ\nbà Ngô Thị Hạnh - Trưởng thôn Đông\nLê Văn Cường\nTrần Văn Nam - Chủ tịch HĐND xã"


def _invitation_text(office, conf) -> str:
    from models.services import documents
    from tui.documents import render_pdf

    return squash(" ".join(page_texts(render_pdf(documents.draft(office, "giay-moi", conf.id).content))))


def test_an_invitees_title_is_recorded_and_addresses_them(db):
    """"Ông …", "bà …" typed before a name in F4's list of invitees is their title
    (kept apart from the name); the invitation says "trân trọng kính mời: Ông Đặng Văn Tứ",
    "Ông (bà)" only for a person with neither a title nor a position. On both engines."""
    from models import Invitee
    from models.demo import samples
    from models.services import conferences as svc

    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    values = svc.form_values(conf) | {"invitees": INVITEES}
    conf = svc.update_conference(conf, values)
    named = [(i.title, i.name, i.position) for i in Invitee.select().where(
        (Invitee.conference == conf) & ~Invitee.is_group).order_by(Invitee.id)]
    assert named == [("Ông", "Đặng Văn Tứ", ""), ("Bà", "Ngô Thị Hạnh", "Trưởng thôn Đông"),
                     ("", "Lê Văn Cường", ""), ("", "Trần Văn Nam", "Chủ tịch HĐND xã")]
    assert svc.form_values(conf)["invitees"] == INVITEES.replace("bà Ngô", "Bà Ngô")   # shown as stored
    text = _invitation_text(office, conf)
    assert squash("trân trọng kính mời: Ông Đặng Văn Tứ") in text
    assert squash("trân trọng kính mời: Bà Ngô Thị Hạnh, Trưởng thôn Đông") in text
    assert squash("trân trọng kính mời: Ông (bà) Lê Văn Cường") in text                    # nothing known
    assert squash("trân trọng kính mời: Đồng chí Trần Văn Nam, Chủ tịch HĐND xã") in text
    assert text.count(squash("Ông (bà)")) == 1


def test_the_upgrade_moves_a_typed_title_into_its_field(tmp_path):
    """A database from before invitees had a title: the column is added and a
    title typed before a name ("Bà Ngô Thị Hạnh") moves into it; the invitation
    reads as it did."""
    import sqlite3

    import models
    from models import Invitee
    from models.demo import samples
    from models.storage.migrations import MIGRATIONS, _v14_invitee_title

    target = tmp_path / "cu.sqlite3"
    models.open_database(str(target))
    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    Invitee.create(conference=conf, name="placeholder")
    models.close_database()
    con = sqlite3.connect(target)
    with con:
        con.execute("ALTER TABLE invitee DROP COLUMN title")
        con.execute("UPDATE invitee SET name = 'Bà Ngô Thị Hạnh', position = 'Trưởng thôn Đông' "
                    "WHERE name = 'placeholder'")
        con.execute("DELETE FROM schema_version WHERE version >= ?", (MIGRATIONS.index(_v14_invitee_title) + 1,))
    con.close()

    models.open_database(str(target))
    moved = Invitee.get(Invitee.name == "Ngô Thị Hạnh")
    assert moved.title == "Bà" and moved.position == "Trưởng thôn Đông"
    assert Invitee.get(Invitee.name == "Nguyễn Văn Tâm").title == ""
    assert squash("trân trọng kính mời: Bà Ngô Thị Hạnh, Trưởng thôn Đông") in _invitation_text(office, conf)


# --- Ctrl+W on a petition already recorded, and Ctrl+Z to take it back ---------------------

async def _until(pilot, check, what: str, seconds: float = 60.0):
    """Wait on a condition (the machine may be loaded), failing with ``what``."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while not check():
        assert loop.time() < end, what
        await pilot.pause(0.05)


async def _undo_newest(app, pilot, history_title: str):
    """Ctrl+Z opened the history: U on its newest line, C to confirm."""
    from tui.widgets.history import HistoryScreen, HistoryView

    await _until(pilot, lambda: isinstance(app.screen, HistoryScreen), "Ctrl+Z opens the history")
    screen = app.screen
    await _until(pilot, lambda: getattr(screen.query_one(HistoryView), "rows", None), "the history is read")
    assert history_title in screen.heading
    assert "Danh xưng" in screen.query_one(HistoryView).rows[0].changes
    await pilot.press("u")
    await pilot.pause()
    await pilot.press("c")


def test_ctrl_w_on_a_recorded_row_of_the_session_and_ctrl_z(demo_office, monkeypatch):
    """F5: with nothing typed, Ctrl+W on the row chosen with Ctrl+↑ sets that
    petition's title at once (its history and the audit trail keep it); Ctrl+Z
    opens its history and U puts the title back. Without a chosen row, or once
    a new petition is being typed, Ctrl+W is for the petition being typed."""
    from models.domain.audit import AuditEntry
    from models.domain.petition import Petition, PetitionEvent
    from test_petition_corrections_tui import open_session, record

    async def body(app, pilot):
        screen = await open_session(app, pilot)
        conf = screen.conf
        await record(pilot, "Trần Văn Bốn", "b", "5", "Đường liên thôn sạt lở", "3", "Sở Xây dựng")
        await record(pilot, "Lê Thị Năm", "a", "7", "Trạm y tế thiếu thuốc", "4", "Ghi nhận")
        rows = lambda: list(Petition.select().where(Petition.conference == conf).order_by(Petition.seq))[-2:]
        await _until(pilot, lambda: len(rows()) == 2 and rows()[1].citizen_name == "Lê Thị Năm", "both recorded")
        first, second = rows()
        entry = screen.entry
        await pilot.press("ctrl+w")                       # no row chosen: the next petition's title
        await _until(pilot, lambda: entry.draft["citizen_title"] == "Ông", "the draft takes the title")
        assert [p.citizen_title for p in rows()] == [first.citizen_title, second.citizen_title]
        await pilot.press("ctrl+w", "ctrl+w")             # back to none
        await _until(pilot, lambda: entry.draft["citizen_title"] == "", "the draft's title cycles")

        await pilot.press("ctrl+up", "ctrl+w", "ctrl+w")  # the earlier row: Ông, then Bà
        await _until(pilot, lambda: Petition.get_by_id(first.id).citizen_title == "Bà", "the row takes Bà")
        table = screen.query_one("#petitions")
        await _until(pilot, lambda: "Bà Trần Văn Bốn" in table.get_row(str(first.id)), "the list shows the title")
        assert table.row_key_at(table.cursor_row) == str(first.id)       # still the row chosen
        assert Petition.get_by_id(second.id).citizen_title == second.citizen_title
        assert entry.draft["citizen_title"] == "" and entry.pristine
        await _until(pilot, lambda: any("Kiến nghị số" in str(n.message) and "danh xưng Bà" in str(n.message)
                                        for n in app._notifications), "the change is told")
        details = [e.detail for e in PetitionEvent.select().where(PetitionEvent.petition == first.id)]
        assert details[-2:] == ["Danh xưng: Ông", "Danh xưng: Bà"]
        audit = (AuditEntry.select().where((AuditEntry.table == "petition") & (AuditEntry.record_id == first.id))
                 .order_by(AuditEntry.id.desc()).first())
        assert audit.action == "update" and "Bà" in audit.after

        await pilot.press("ctrl+z")
        await _undo_newest(app, pilot, "Trần Văn Bốn")
        await _until(pilot, lambda: Petition.get_by_id(first.id).citizen_title == "Ông", "U puts Ông back")
        await pilot.press("escape")
        await _until(pilot, lambda: app.screen is screen, "back to the session")
        await _until(pilot, lambda: "Ông Trần Văn Bốn" in table.get_row(str(first.id)), "the list shows it back")

        await pilot.press("H", "a", "ctrl+w")             # typing again: Ctrl+W is for the new petition
        await _until(pilot, lambda: entry.draft["citizen_title"] == "Ông", "the new petition takes it")
        assert Petition.get_by_id(first.id).citizen_title == "Ông"

    _run(demo_office, monkeypatch, body)


def test_ctrl_w_on_the_board_and_ctrl_z_undoes_it(demo_office, monkeypatch):
    """F6: Ctrl+W is the title key as O is; Ctrl+Z opens the selected petition's
    history, where U puts the title back; the answer letter follows."""
    from models.domain.petition import Petition
    from models.services import documents

    async def body(app, pilot):
        pid = await _named_row_of_the_board(app, pilot)
        while Petition.get_by_id(pid).citizen_title != "":
            await pilot.press("o")
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("ctrl+w", "ctrl+w")
        await _until(pilot, lambda: Petition.get_by_id(pid).citizen_title == "Bà", "Ctrl+W twice: Bà")
        assert squash("để bà được biết") in squash(documents.draft(demo_office, "tra-loi", pid).content.body)
        await pilot.press("ctrl+z")
        await _undo_newest(app, pilot, Petition.get_by_id(pid).citizen_name)
        await _until(pilot, lambda: Petition.get_by_id(pid).citizen_title == "Ông", "U puts Ông back")
        return pid

    pid = _run(demo_office, monkeypatch, body)
    from tui.documents import render_pdf

    printed = squash(" ".join(page_texts(render_pdf(documents.draft(demo_office, "tra-loi", pid).content))))
    assert squash("để ông được biết") in printed and squash("ông (bà)") not in printed.lower()
    assert squash(f"Kính gửi: Ông {Petition.get_by_id(pid).citizen_name}") in printed
    assert squash(f"V/v trả lời kiến nghị của ông {Petition.get_by_id(pid).citizen_name}") in printed   # and the register


def test_minutes_and_notices_name_citizens_by_their_title(tmp_path, monkeypatch):
    """The minutes and the conclusion notice name a citizen with the title
    recorded ("2. Bà Trần Thị Bình"); a group's members each by their own, "ông
    (bà)" only for one whose title is not known (it read "các ông (bà)" for all)."""
    import models
    from models.demo import samples
    from models.domain.petition import Petition
    from models.services import board_actions, documents, records
    from tui.documents import render_pdf

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=6, date=dt.date(2026, 11, 15))
    by_name = {p.citizen_name: p for p in Petition.select().where(Petition.conference == conf)}
    head, cuong, hoa = by_name["Trần Thị Bình"], by_name["Lê Văn Cường"], by_name["Võ Thị Hoa"]
    board_actions.set_title(head, "Bà")
    board_actions.set_title(cuong, "Ông")
    for member in (cuong, hoa):
        records.update(Petition.get_by_id(member.id), {"group_parent": head.id})

    def printed(kind):
        return squash(" ".join(page_texts(render_pdf(documents.draft(office, kind, conf.id).content))))

    def village(p):
        return Petition.get_by_id(p.id).village.label

    minutes = printed("bien-ban")
    assert squash(f"Bà Trần Thị Bình ({village(head)})") in minutes
    assert squash(f"Cùng nội dung: ý kiến của ông Lê Văn Cường ({village(cuong)}), "
                  f"ông (bà) Võ Thị Hoa ({village(hoa)}).") in minutes
    assert squash("các ông (bà)") not in minutes
    notice = printed("ket-luan")
    assert squash(f"3 người cùng nội dung: bà Trần Thị Bình ({village(head)}), ông Lê Văn Cường") in notice


def test_the_invitee_title_migration_on_both_engines(db):
    """Migration 14 itself on SQLite and PostgreSQL: the column added to a table
    without it, a typed title moved out of the name, run twice without harm."""
    from models import Invitee
    from models.demo import samples
    from models.storage.migrations import _v14_invitee_title

    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    Invitee.create(conference=conf, name="bà Ngô Thị Hạnh", position="Trưởng thôn Đông")
    Invitee.create(conference=conf, name="Ông", position="")                # a lone word is a name
    db.execute_sql("ALTER TABLE invitee DROP COLUMN title")
    for _ in range(2):
        with db.atomic():
            _v14_invitee_title(db)
    got = {(i.title, i.name) for i in Invitee.select().where(Invitee.conference == conf)}
    assert {("Bà", "Ngô Thị Hạnh"), ("", "Ông"), ("", "Nguyễn Văn Tâm"), ("", "Trưởng các thôn")} <= got
