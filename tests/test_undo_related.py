"""Issue 22 item 3, what U must take back: an invitee's title or name changed in
F4 is part of the conference's history (it was replaced without an audit entry,
so "U (lịch sử)" after saving could not put it back), and an undo on a petition
is a line of the petition's own history (diễn biến), not only of the audit trail."""
from __future__ import annotations

import asyncio
import datetime as dt

from printing_support import page_texts, squash

from test_title_keys import _named_row_of_the_board, _undo_newest, _until

INVITEES = "Ngô Thị Hạnh - Trưởng thôn Đông\nĐặng Văn Tứ"


def _conference(office):
    from models.demo import samples
    from models.services import conferences as svc

    conf = samples.conference(office, petitions=0, date=dt.date(2026, 11, 15))
    return svc.update_conference(conf, svc.form_values(conf) | {"invitees": INVITEES})


def _named(conf) -> list[tuple[str, str, str]]:
    from models import Invitee

    return [(i.title, i.name, i.position) for i in Invitee.select().where(
        (Invitee.conference == conf) & ~Invitee.is_group).order_by(Invitee.id)]


def _invitation(office, conf) -> str:
    from models.services import documents
    from tui.documents import render_pdf

    return squash(" ".join(page_texts(render_pdf(documents.draft(office, "giay-moi", conf.id).content))))


def test_an_invitee_change_is_in_the_conferences_history_and_undone(db):
    """On both engines: a title and a name changed in the list of invitees is one
    line of the conference's history ("Người được mời: … → …"); U on it puts the
    list back (the invitation follows) and is itself a line that U can take back."""
    from models.domain.conference import Conference
    from models.demo import samples
    from models.services import conferences as svc
    from models.services.history import rows_for, undo_change

    office = samples.office("ubnd_xa")
    conf = _conference(office)
    groups = [i for i in _invitation(office, conf).split(squash("Kính gửi:"))[1:]]
    changed = "Bà Ngô Thị Hạnh - Trưởng thôn Đông\nĐặng Văn Tư"
    conf = svc.update_conference(Conference.get_by_id(conf.id),
                                 svc.form_values(conf) | {"invitees": changed, "venue": "Hội trường xã"})
    assert ("Bà", "Ngô Thị Hạnh", "Trưởng thôn Đông") in _named(conf)
    newest = rows_for(conf)[0]
    assert "Người được mời: Ngô Thị Hạnh - Trưởng thôn Đông; Đặng Văn Tứ → Bà Ngô Thị Hạnh" in newest.changes
    assert "Địa điểm" in newest.changes
    conf = svc.update_conference(Conference.get_by_id(conf.id), svc.form_values(conf) | {
        "invitees": changed + "\nLê Văn Cường"})             # one line of three: only it is told
    assert rows_for(conf)[0].changes == "Người được mời: — → Lê Văn Cường"
    undo_change(rows_for(conf)[0].entry_id)
    conf = Conference.get_by_id(conf.id)
    newest = rows_for(conf)[2]
    assert squash("Bà Ngô Thị Hạnh, Trưởng thôn Đông") in _invitation(office, conf)

    undo_change(newest.entry_id)
    conf = Conference.get_by_id(conf.id)
    assert _named(conf) == [("", "Ngô Thị Hạnh", "Trưởng thôn Đông"), ("", "Đặng Văn Tứ", "")]
    assert conf.venue != "Hội trường xã"
    assert [i for i in _invitation(office, conf).split(squash("Kính gửi:"))[1:]] == groups   # same, same order
    again = rows_for(conf)[0]
    assert "Người được mời: Ngô Thị Hạnh - Trưởng thôn Đông; Đặng Văn Tứ → " not in again.changes
    assert "→ Ngô Thị Hạnh - Trưởng thôn Đông; Đặng Văn Tứ" in again.changes
    undo_change(again.entry_id)                          # the undo is a change like any other
    assert ("Bà", "Ngô Thị Hạnh", "Trưởng thôn Đông") in _named(Conference.get_by_id(conf.id))


def test_an_invitee_undo_refused_once_the_list_changed_again(db):
    """U on an older line whose invitees were changed since: refused in Vietnamese,
    naming the field, nothing changed."""
    import pytest

    from models.core.errors import ValidationError
    from models.domain.conference import Conference
    from models.demo import samples
    from models.services import conferences as svc
    from models.services.history import rows_for, undo_change

    office = samples.office("ubnd_xa")
    conf = _conference(office)
    conf = svc.update_conference(conf, svc.form_values(conf) | {"invitees": "Bà " + INVITEES})
    older = rows_for(conf)[0]
    conf = svc.update_conference(Conference.get_by_id(conf.id),
                                 svc.form_values(conf) | {"invitees": "Bà " + INVITEES + "\nLê Văn Cường"})
    with pytest.raises(ValidationError, match="Người được mời"):
        undo_change(older.entry_id)
    assert len(_named(Conference.get_by_id(conf.id))) == 3


def test_f4_save_then_u_takes_an_invitees_title_back(sqlite_db, monkeypatch):
    """As a clerk: F4, E, "Bà " typed before an invitee's name, Ctrl+S; the
    message offers U; U opens the history, U and C on its newest line; the
    invitation printed says "Đồng chí Ngô Thị Hạnh" again."""
    from models.demo import samples
    from models.domain.conference import Conference
    from tui.app import DoiThoaiApp

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-02")
    office = samples.office("ubnd_xa")
    conf = _conference(office)
    assert squash("Đồng chí Ngô Thị Hạnh, Trưởng thôn Đông") in _invitation(office, conf)

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f4")
            await _until(pilot, lambda: type(app.screen).__name__ == "ConferencesScreen", "F4 opens")
            screen = app.screen
            await pilot.press("e")
            await _until(pilot, lambda: app.screen is not screen and app.screen.query("#f-invitees"), "E: the form")
            form = app.screen
            form.query_one("#f-invitees").focus()
            await pilot.press("ctrl+home", "B", "à", "space")
            await pilot.press("ctrl+s")
            await _until(pilot, lambda: app.screen is screen, "Ctrl+S saves and closes the form")
            await _until(pilot, lambda: _named(conf)[0][0] == "Bà", "the title saved")
            assert squash("Bà Ngô Thị Hạnh, Trưởng thôn Đông") in _invitation(office, conf)
            await pilot.press("u")
            await _until_history(app, pilot, "Người được mời")
            await pilot.press("u")
            await pilot.pause()
            await pilot.press("c")
            await _until(pilot, lambda: _named(conf)[0][0] == "", "U puts the title back")

    asyncio.run(inner())
    assert _named(conf) == [("", "Ngô Thị Hạnh", "Trưởng thôn Đông"), ("", "Đặng Văn Tứ", "")]
    assert squash("Đồng chí Ngô Thị Hạnh, Trưởng thôn Đông") in _invitation(office, Conference.get_by_id(conf.id))


async def _until_history(app, pilot, changed: str):
    from tui.widgets.history import HistoryScreen, HistoryView

    await _until(pilot, lambda: isinstance(app.screen, HistoryScreen), "U opens the history")
    view = app.screen.query_one(HistoryView)
    await _until(pilot, lambda: getattr(view, "rows", None), "the history is read")
    assert changed in view.rows[0].changes, view.rows[0].changes


def test_an_undo_on_a_petition_is_a_line_of_its_own_history(demo_office, monkeypatch):
    """F6: Ctrl+W sets Bà, Ctrl+Z and U take it back; Enter on the row shows the
    petition's history (diễn biến) with the undo as its newest line, as the
    audit trail has it."""
    from models.domain.petition import Petition, PetitionEvent
    from tui.app import DoiThoaiApp

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")

    async def inner():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            pid = await _named_row_of_the_board(app, pilot)
            board = app.screen
            Petition.update(citizen_title="").where(Petition.id == pid).execute()
            await pilot.press("ctrl+w", "ctrl+w")
            await _until(pilot, lambda: Petition.get_by_id(pid).citizen_title == "Bà", "Ctrl+W twice: Bà")
            await pilot.press("ctrl+z")
            await _undo_newest(app, pilot, Petition.get_by_id(pid).citizen_name)
            await _until(pilot, lambda: Petition.get_by_id(pid).citizen_title == "Ông", "U puts Ông back")
            await pilot.press("escape")
            await _until(pilot, lambda: app.screen is board, "back on F6")
            await pilot.press("enter")
            await _until(pilot, lambda: app.screen is not board, "Enter: the petition's detail")
            await _until(pilot, lambda: "Trả lại lần sửa" in _shown(app), "the undo in its history")
            return pid

    pid = asyncio.run(inner())
    newest = (PetitionEvent.select().where(PetitionEvent.petition == pid)
              .order_by(PetitionEvent.at.desc(), PetitionEvent.id.desc()).first())
    assert newest.detail.startswith("Trả lại lần sửa lúc ") and newest.detail.endswith("Danh xưng: Bà → Ông")


def _shown(app) -> str:
    from test_no_english import screen_text

    return screen_text(app)
