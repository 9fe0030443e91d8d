"""Groups on the board: a group of petitions with the same content is one row
with its count ("+2"), opened into its members and folded back with N; a
member whose head is not on the same view keeps its own line. Forwarded
petitions wait for the upper level: the counts keep them apart from the done
ones. Service on SQLite and PostgreSQL; the screen by keys (Pilot)."""
from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 11, 22)


def grouped(office):
    """A head with two members (all open), a lone petition, a head answered at
    an earlier conference with an open member, and a forwarded one."""
    from models.services import petitions
    from models.services.petition_edit import set_group

    def new(content, **kw):
        return petitions.record_petition(office, content=content, disposition="in_writing", unit=unit,
                                         received_on=TODAY - dt.timedelta(days=3), **kw)

    from models.services import catalog

    unit = catalog.units(office)[0]
    head = new("Đường thôn Đông xuống cấp", citizen_name="Lê Văn Một")
    members = [new("Đường thôn Đông hỏng", citizen_name=n) for n in ("Lê Thị Hai", "Lê Văn Ba")]
    for m in members:
        set_group(m, head)
    lone = new("Đèn đường hỏng", citizen_name="Phạm Văn Bốn")
    old_head = petitions.record_petition(office, content="Nước sạch", disposition="on_spot",
                                         answer_on_spot="Đã có dự án", received_on=TODAY - dt.timedelta(days=90))
    late_member = new("Nước sạch chưa có", citizen_name="Võ Thị Năm")
    set_group(late_member, old_head)
    forwarded = petitions.record_petition(office, content="Tranh chấp ranh giới xã", disposition="forwarded",
                                          forwarded_to="UBND tỉnh", received_on=TODAY - dt.timedelta(days=3))
    return head, members, lone, late_member, forwarded


def test_a_group_is_one_row_with_its_count_and_opens(office):
    from models.services import board

    head, members, lone, late_member, forwarded = grouped(office)
    q = board.BoardQuery(office.id, today=TODAY)
    rows = {r.id: r for r in board.page(q).rows}
    assert set(rows) == {head.id, lone.id, late_member.id, forwarded.id}      # the members fold into their head
    assert rows[head.id].folded == 2 and board.group_mark(q, rows[head.id]) == " +2"
    assert rows[lone.id].folded == 0 and board.group_mark(q, rows[lone.id]) == ""
    assert rows[late_member.id].head_id is not None                # its head was answered long ago
    opened = board.toggle_group(q, rows[head.id])
    rows = {r.id: r for r in board.page(opened).rows}
    assert set(rows) == {head.id, lone.id, late_member.id, forwarded.id, *(m.id for m in members)}
    assert board.group_mark(opened, rows[head.id]) == " ▾2"
    assert all(board.group_mark(opened, rows[m.id]) == "↳ " for m in members)
    assert board.toggle_group(opened, rows[members[0].id]) == q     # N on a member folds it back
    assert board.toggle_group(q, rows[lone.id]) is None
    # a search lists every match; a filter the head does not meet leaves the members their lines
    assert {r.id for r in board.page(q.with_(search="duong thon dong")).rows} == {head.id, *(m.id for m in members)}
    # the counts count petitions, not rows
    assert board.page(q).total == 6


def test_forwarded_petitions_are_counted_apart_from_done_ones(office):
    from models.services import board

    *_, forwarded = grouped(office)
    q = board.BoardQuery(office.id, status="all", today=TODAY)
    exact, capped = board.counts(q), board.counts(q, cap=1000)
    assert exact["waiting"] == capped["waiting"] == 1
    assert exact["done"] == capped["done"] == 1                    # the one answered on the spot only
    assert exact["total"] == capped["total"] == 7
    assert board.counts(q.with_(status="forwarded"), cap=1000)["waiting"] == 1
    assert board.counts(q.with_(status="forwarded"), cap=1000)["done"] == 0
    rows = {r.id: r for r in board.page(q).rows}
    assert rows[forwarded.id].urgency == "waiting"
    assert [r.id for r in board.page(q.with_(urgency="waiting")).rows] == [forwarded.id]
    assert forwarded.id not in {r.id for r in board.page(q.with_(urgency="done")).rows}


def test_the_screen_opens_and_folds_a_group_with_n(demo_office, monkeypatch):
    import asyncio

    from models.domain.petition import Petition
    from test_board_screen import open_board, settle, table, title
    from tui.screens.help import HelpScreen
    from tui.widgets.keybar import KeyBar

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    head, members, lone, *_ = grouped(demo_office)

    async def inner():
        from tui.app import DoiThoaiApp

        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            screen = await open_board(app, pilot)
            assert "N Mở/gộp nhóm" in screen.query_one(KeyBar).render().plain
            assert head.id in screen.row_ids and members[0].id not in screen.row_ids
            t = table(screen)
            t.move_cursor(row=screen.row_ids.index(head.id))
            assert str(t.get_row_at(screen.row_ids.index(head.id))[screen.column_index("citizen")]).endswith("+2")
            await pilot.press("n")
            await settle(app, pilot)
            assert all(m.id in screen.row_ids for m in members)
            assert str(t.get_row_at(screen.row_ids.index(members[0].id))[screen.column_index("citizen")]).startswith("↳ ")
            t.move_cursor(row=screen.row_ids.index(members[1].id))
            await pilot.press("n")                       # on a member: the group folds back
            await settle(app, pilot)
            assert members[1].id not in screen.row_ids and head.id in screen.row_ids
            t.move_cursor(row=screen.row_ids.index(lone.id))
            told = []
            screen.notify = lambda message, **kw: told.append(message)
            await pilot.press("n")
            await settle(app, pilot)
            assert told and "không ở trong nhóm" in told[0]
            screen.requery(status="all")
            await settle(app, pilot)
            waiting = Petition.select().where((Petition.office == demo_office)
                                              & (Petition.status == "forwarded")).count()
            assert waiting and f"Chờ cấp trên {waiting} · Đã xong" in title(screen)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "Mở/gộp nhóm" in "\n".join(d for _k, d in app.screen.keys) and "+2" in app.screen.text

    asyncio.run(inner())
