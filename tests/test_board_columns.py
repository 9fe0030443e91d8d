"""The board's columns in one registry (models/services/board_columns.py), F6's
default view and its order on both engines, and F6's widths as drawn at 80×24
and 120×36 (issue 24 item 3, issue 20 items 13 and 14)."""
from __future__ import annotations

import asyncio
import datetime as dt

from tests.test_no_english import screen_text, settle

TODAY = dt.date(2026, 11, 22)


def _board(office, size, body):
    """F6 on ``office`` in a terminal of ``size``; ``body(app, pilot, screen)``."""
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await pilot.press("f6")
            await settle(app, pilot)
            from tui.screens.board import BoardScreen

            assert isinstance(app.screen, BoardScreen)
            return await body(app, pilot, app.screen)

    return asyncio.run(inner())


def _heading_widths(text: str) -> dict[str, int]:
    """Each heading of the board's table as drawn → the cells up to the next heading."""
    line = next(ln for ln in text.splitlines() if "Hạn" in ln and "Còn / trễ" in ln)
    import re

    starts = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]   # apart by 2 spaces or more
    out = {}
    for i, (start, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(line) - 1    # the scroll bar
        out[name] = end - start
    return out


def test_a_column_added_in_one_place_shows_on_f6_and_in_the_export(demo_office, monkeypatch, tmp_path):
    """One entry in COLUMNS, nothing else: F6 shows it (Pilot) and the export writes it."""
    import openpyxl

    from models.domain.petition import Petition
    from models.services import board, board_columns, export

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    forwarded = Petition.select().where(Petition.status == "forwarded").order_by(Petition.id).first()
    Petition.update(forward_number="77/UBND-VP").where(Petition.id == forwarded.id).execute()
    added = board_columns.Column("forward_number", "Số công văn chuyển", (Petition.forward_number,), export=18,
                                 screen=12, short="CV chuyển", rank=0)
    monkeypatch.setattr(board_columns, "COLUMNS", (*board_columns.COLUMNS, added))

    async def body(app, pilot, screen):
        assert "CV chuyển" in screen_text(app)
        column = screen.column_index("forward_number")
        table = screen.query_one("#board-table")
        shown = {pid: str(table.get_row_at(i)[column]) for i, pid in enumerate(screen.row_ids)}
        return shown

    shown = _board(demo_office, (120, 36), body)
    assert shown[forwarded.id] == "77/UBND-VP"
    assert {v for pid, v in shown.items() if pid != forwarded.id} == {""}

    result = export.export_board(board.BoardQuery(demo_office.id, today=TODAY), tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(result.path)["Theo dõi"]
    head = [c.value for c in ws[1]]
    assert head[-1] == "Số công văn chuyển"
    assert "77/UBND-VP" in [row[-1] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert ws.column_dimensions["X"].width == 18


def test_the_registry_is_the_one_place(demo_office):
    """The screen, the export and the service read the same registry: every
    exported heading and every F6 heading comes from it, and a row carries a
    value for every column."""
    from models.services import board, board_columns, export
    from tui.screens import board as screen

    assert [c.heading for c in board_columns.exported()] == [c.heading for c in board_columns.COLUMNS
                                                              if c.export is not None]
    assert not hasattr(screen, "COLUMNS") and not hasattr(screen, "NARROW_COLUMNS")
    assert not hasattr(board, "ROW_COLUMNS") and not hasattr(export, "BOARD_COLUMNS")
    row = board.rows(board.BoardQuery(demo_office.id, today=TODAY))[0]
    for c in board_columns.COLUMNS:
        if c.batch is None:
            assert c.key in row.values or hasattr(row, c.key), c.key


def test_f6_at_120_columns_gives_the_content_its_width_and_two_lines(demo_office, monkeypatch):
    """Issue 20 item 13: at 120 columns the content had ~11 cells; now it has
    the width the other columns leave (at least 40) and wraps to two lines."""
    from models.domain.petition import Petition

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    long = Petition.select().where(Petition.status == "open").order_by(Petition.due_on, Petition.id).first()
    words = ("Đề nghị UBND xã sớm sửa chữa tuyến đường liên thôn Đông Hải đi Trung Lương đã xuống cấp "
             "nghiêm trọng, mùa mưa ngập sâu, học sinh đi lại rất khó khăn và nguy hiểm")
    Petition.update(content=words).where(Petition.id == long.id).execute()

    async def body(app, pilot, screen):
        text = screen_text(app)
        table = screen.query_one("#board-table")
        content = screen.column_index("summary")
        cell = str(table.get_row_at(screen.row_ids.index(long.id))[content])
        return text, cell, screen.query_one("#board-table").size.height

    text, cell, height = _board(demo_office, (120, 36), body)
    widths = _heading_widths(text)
    assert widths["Nội dung"] >= 40, widths
    first, second = cell.split("\n")
    assert words.startswith(first) and second.endswith("…")
    lines = text.splitlines()
    at = next(i for i, ln in enumerate(lines) if first in ln)
    assert second.rstrip("…").split()[0] in lines[at + 1]        # the second line right below
    assert "Người kiến nghị" in text and "Đơn vị" in text and "Trạng thái" in text


def test_f6_at_80_by_24_stays_usable(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())

    async def body(app, pilot, screen):
        await pilot.press("down", "down", "down")
        await settle(app, pilot)
        table = screen.query_one("#board-table")
        region = table.scrollable_content_region
        first = table._line_starts()[table.cursor_row] - round(table.scroll_offset.y)
        return screen_text(app), table.cursor_row, first, region.height

    text, cursor, line, view = _board(demo_office, (80, 24), body)
    widths = _heading_widths(text)
    assert {"Hạn", "Còn / trễ", "Người kiến nghị", "Nội dung"} <= set(widths), widths
    assert widths["Nội dung"] >= 20
    assert cursor == 3 and 0 <= line < view - 1         # the selected row is in view
    assert all(len(ln) <= 80 for ln in text.splitlines())


def _order_office(office):
    """Open petitions with deadlines (two on the same day), one open without a
    deadline, two forwarded (no deadline of ours), one answered (not shown)."""
    from models.domain.petition import Petition
    from models.services import catalog, petitions

    units = catalog.units(office)

    def add(name, due, disposition="in_writing"):
        unit = units[len(ids) % 2] if disposition == "in_writing" else None
        p = petitions.record_petition(office, content=f"Kiến nghị của {name}", citizen_name=name, unit=unit,
                                      disposition=disposition, received_on=TODAY - dt.timedelta(days=30 + len(ids)),
                                      forwarded_to="UBND tỉnh" if disposition == "forwarded" else "")
        Petition.update(due_on=due).where(Petition.id == p.id).execute()
        return p.id

    ids = {}
    ids["fwd1"] = add("Chuyển Một", None, "forwarded")
    ids["b"] = add("Bình", TODAY + dt.timedelta(days=3))
    ids["nodue"] = add("Không Hạn", None)
    ids["a"] = add("An", TODAY - dt.timedelta(days=2))
    ids["c"] = add("Cường", TODAY + dt.timedelta(days=3))
    ids["fwd2"] = add("Chuyển Hai", None, "forwarded")
    ids["d"] = add("Dũng", TODAY + dt.timedelta(days=9))
    done = add("Đã Xong", TODAY)
    Petition.update(status="answered").where(Petition.id == done).execute()
    return ids


def _walk(q, forward=True):
    """Every row of ``q``, page after page through the keyset (or back from the last page)."""
    from models.services import board

    def turn(page, q, step):
        pages = [page]
        while (nq := step(page, q)) is not None:
            q, page = nq, board.page(nq, known=page.counts)
            pages.append(page)
        return pages, page, q

    pages, last, q = turn(board.page(q), q, lambda p, q: p.next_query(q))
    if not forward:
        pages = turn(last, q, lambda p, q: p.previous_query(q))[0][::-1]
    return [r.id for p in pages for r in p.rows]


def test_the_default_view_and_its_order_are_the_same_on_both_engines(office):
    """Issue 20 item 14: F6's default view shows everything that waits for
    anyone, forwarded petitions included; rows without a deadline come after
    every row with one, going up or down, rows of the same deadline by number:
    one explicit order on SQLite and PostgreSQL, through every page both ways."""
    from models.services import board

    ids = _order_office(office)
    up = [ids[k] for k in ("a", "b", "c", "d")] + sorted([ids["fwd1"], ids["nodue"], ids["fwd2"]])
    down = [ids[k] for k in ("d", "c", "b", "a")] + sorted([ids["fwd1"], ids["nodue"], ids["fwd2"]], reverse=True)
    q = board.BoardQuery(office.id, today=TODAY, page_size=2)
    assert board.counts(q)["total"] == 7 and board.counts(q)["waiting"] == 2
    assert _walk(q) == up
    assert _walk(q, forward=False) == up
    assert _walk(q.with_(descending=True)) == down
    assert _walk(q.with_(descending=True), forward=False) == down
    assert [r.id for r in board.rows(q.with_(page_size=10))] == up
    # the export streams the same order
    assert [r.id for r in board.iterate(q)] == up
    assert [r.id for r in board.iterate(q.with_(descending=True))] == down
    # the forwarded ones say so where the days would be
    from models.services.board_columns import COLUMNS

    days = next(c for c in COLUMNS if c.key == "days_text")
    row = next(r for r in board.rows(q.with_(page_size=10)) if r.id == ids["fwd1"])
    assert days.screen_text(row, 13) == "chờ cấp trên" and row.urgency == "waiting"


def test_every_sort_pages_through_every_row_once(office):
    from models.services import board

    ids = _order_office(office)
    for sort in ("due", "received", "status", "citizen", "unit"):
        q = board.BoardQuery(office.id, today=TODAY, page_size=3, sort=sort)
        for desc in (False, True):
            walked = _walk(q.with_(descending=desc))
            assert sorted(walked) == sorted(ids.values()) and len(walked) == 7, (sort, desc)
            assert _walk(q.with_(descending=desc), forward=False) == walked, (sort, desc)


def test_the_citizen_column_names_the_title_on_f6_and_in_the_export(demo_office, monkeypatch, tmp_path):
    """Issue 22 item 3: "Người kiến nghị" reads "Bà Trần Thị Bình" once a title is
    recorded (O on F6 here, as a clerk sets it), on the screen and in the Excel
    export alike; a withheld name never gets one."""
    import openpyxl

    from models.domain.petition import Petition
    from models.services import board, export
    from test_title_keys import _named_row_of_the_board, _until

    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    # a title kept from before the citizen asked to stay anonymous is not shown
    Petition.update(citizen_title="Ông").where(Petition.citizen_withheld).execute()

    async def body(app, pilot, screen):
        pid = await _named_row_of_the_board(app, pilot)
        name = Petition.get_by_id(pid).citizen_name
        table = screen.query_one("#board-table")
        column = screen.column_index("citizen")

        def cell():
            return str(table.get_row_at(screen.row_ids.index(pid))[column]) if pid in screen.row_ids else ""
        while Petition.get_by_id(pid).citizen_title != "Bà":
            await pilot.press("o")
            await app.workers.wait_for_complete()
            await pilot.pause()
        await _until(pilot, lambda: cell().startswith(f"Bà {name}"[:14]), "F6 shows the title")
        return pid, name

    pid, name = _board(demo_office, (120, 36), body)
    result = export.export_board(board.BoardQuery(demo_office.id, today=TODAY, status="all"), tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(result.path)["Theo dõi"]
    at = [c.value for c in ws[1]].index("Người kiến nghị")
    cells = [row[at] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert f"Bà {name}" in cells
    assert "Ông (giấu tên)" not in cells and not any(str(c).startswith("Ông (") for c in cells)
