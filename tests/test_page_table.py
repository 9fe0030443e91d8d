"""PageTable (tui/widgets/page_table.py): rows drawn as prepared lines, only a
changed row made again; the part of DataTable's interface the screens use."""
import asyncio

from rich.text import Text
from textual.app import App

from tui.widgets.page_table import PageTable


class Probe(App):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[tuple[int, str | None]] = []
        self.highlighted: list[tuple[int, str | None]] = []

    def compose(self):
        yield PageTable()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.selected.append((event.cursor_row, event.row_key))

    def on_page_table_row_highlighted(self, event: PageTable.RowHighlighted) -> None:
        self.highlighted.append((event.cursor_row, event.row_key))


def _run(body, size=(60, 12)):
    async def run():
        app = Probe()
        async with app.run_test(size=size) as pilot:
            table = app.query_one(PageTable)
            table.focus()
            await pilot.pause()
            await body(pilot, app, table)

    asyncio.run(run())


def _line(table: PageTable, y: int) -> str:
    return "".join(seg.text for seg in table.render_line(y))


def _cells(*cells: tuple[str, int]) -> str:
    return "".join(" " + text.ljust(width) + " " for text, width in cells)


def _fill(table: PageTable, n: int) -> None:
    table.add_column("N", width=4)
    table.add_column("Tên", width=8)
    for i in range(n):
        table.add_row(str(i), f"row {i}", key=f"k{i}")


def test_header_and_rows_render_at_the_given_widths():
    async def body(pilot, app, table):
        table.add_column("Số", width=4)
        table.add_column("Nội dung dài", width=6)
        table.add_column("Rest")                     # None: the spare width
        table.add_row("abcdefgh", "ab", "[red]x[/]", key="a")
        table.add_row("1", Text("đỏ", style="#e0474c"), None, key="b")
        await pilot.pause()
        width = table.scrollable_content_region.width
        assert width == 60
        # fixed columns: 1+4+1 and 1+6+1 = 14; the rest: 60 - 14 - 2 padding = 44
        assert _line(table, 0) == _cells(("Số", 4), ("Nội du", 6), ("Rest", 44))
        assert _line(table, 1) == _cells(("abcd", 4), ("ab", 6), ("[red]x[/]", 44))
        assert _line(table, 2) == _cells(("1", 4), ("đỏ", 6), ("", 44))
        for y in range(3):
            assert table.render_line(y).cell_length == width
        red = [seg for seg in table.render_line(2) if "đỏ" in seg.text]
        assert red and red[0].style.color is not None and red[0].style.color.triplet.hex == "#e0474c"
        plain = [seg for seg in table.render_line(1) if "abcd" in seg.text]
        assert plain and (plain[0].style.color is None or plain[0].style.color.triplet.hex != "#e0474c")
        assert _line(table, 3).strip() == ""          # below the rows: blank

    _run(body)


def test_keys_move_the_cursor_within_bounds_and_enter_selects():
    async def body(pilot, app, table):
        _fill(table, 30)                              # more rows than the 12 lines show
        await pilot.pause()
        assert table.cursor_row == 0
        await pilot.press("up")
        assert table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        await pilot.press("up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        assert 1 < table.cursor_row < 29
        await pilot.press("end")
        assert table.cursor_row == 29
        await pilot.press("down", "pagedown")
        assert table.cursor_row == 29
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [(29, "k29")]
        await pilot.press("home", "pageup", "enter")
        await pilot.pause()
        assert table.cursor_row == 0 and app.selected == [(29, "k29"), (0, "k0")]

    _run(body)


def test_update_row_remakes_only_a_changed_row():
    async def body(pilot, app, table):
        table.add_column("A", width=5)
        table.add_column("B", width=5)
        for i in range(4):
            table.add_row(str(i), Text("b", style="blue"), key=f"k{i}")
        await pilot.pause()
        for y in range(1, 5):
            table.render_line(y)
        before = dict(table._lines)
        assert (2, "plain") in before and (0, "cursor") in before

        table.update_row(2, "2", Text("b", style="blue"), key="k2")      # the same cells
        assert table._lines[(2, "plain")] is before[(2, "plain")]
        assert table.render_line(3) is before[(2, "plain")][0]

        table.update_row(2, "2", Text("b", style="red"), key="k2")       # same text, another style
        assert (2, "plain") not in table._lines
        for k, strip in before.items():
            if k[0] != 2:
                assert table._lines[k] is strip, k
        new = table.render_line(3)
        assert new is not before[(2, "plain")][0]
        assert any(seg.text == "b" and seg.style.color.name == "red" for seg in new)

        table.update_row(1, "changed", Text("b", style="blue"), key="k1")  # another text
        assert (1, "plain") not in table._lines and table._lines[(2, "plain")][0] is new
        assert "chang" in _line(table, 2)

    _run(body)


def test_cursor_at_the_last_row_scrolls_into_view_and_removals_keep_it_valid():
    async def body(pilot, app, table):
        _fill(table, 30)
        await pilot.pause()
        table.move_cursor(row=29)
        await pilot.pause()
        assert table.cursor_row == 29 and table.scroll_offset.y > 0
        height = table.scrollable_content_region.height
        assert height < 31
        assert _line(table, 0).startswith(_cells(("N", 4), ("Tên", 8)))
        assert table.render_line(0).cell_length == table.scrollable_content_region.width  # the scrollbar's room left
        shown = [_line(table, y) for y in range(1, height)]
        assert any("row 29" in s for s in shown), shown
        assert not any("row 0 " in s for s in shown)
        table.move_cursor(row=0)
        await pilot.pause()
        assert table.scroll_offset.y == 0 and "row 0" in _line(table, 1)

        table.move_cursor(row=29)
        table.remove_row(29)
        assert table.cursor_row == 28 and table.row_count == 29
        table.remove_row(0)
        assert table.cursor_row == 27 and table.row_count == 28
        assert table.get_row_at(0) == ["1", "row 1"]
        table.clear()
        await pilot.pause()
        assert table.cursor_row == 0 and table.row_count == 0
        await pilot.press("down", "end", "enter")
        await pilot.pause()
        assert table.cursor_row == 0 and app.selected == []
        table.add_row("x", "again", key="x")
        await pilot.pause()
        assert "again" in _line(table, 1)

    _run(body)


def test_a_click_moves_the_cursor_and_a_click_on_the_cursor_row_selects():
    async def body(pilot, app, table):
        _fill(table, 5)
        await pilot.pause()
        await pilot.click(PageTable, offset=(3, 3))     # line 3: row 2
        await pilot.pause()
        assert table.cursor_row == 2 and app.selected == []
        await pilot.click(PageTable, offset=(3, 3))
        await pilot.pause()
        assert app.selected == [(2, "k2")]
        await pilot.click(PageTable, offset=(3, 5))     # row 4
        await pilot.pause()
        assert table.cursor_row == 4 and app.selected == [(2, "k2")]
        await pilot.click(PageTable, offset=(3, 8))     # below the rows: nothing
        await pilot.pause()
        assert table.cursor_row == 4 and app.selected == [(2, "k2")]

    _run(body)


def test_row_lookups():
    async def body(pilot, app, table):
        assert table.row_count == 0
        _fill(table, 3)
        table.add_row("x", Text("styled"))              # no key
        styled = table.get_row_at(3)[1]
        assert table.row_count == 4
        assert isinstance(styled, Text) and styled.plain == "styled"
        assert table.get_row_at(1) == ["1", "row 1"]
        assert table.get_row("k2") == ["2", "row 2"]
        assert table.row_key_at(0) == "k0" and table.row_key_at(3) is None
        table.update_row(1, "9", "nine", key="k9")
        assert table.get_row("k9") == ["9", "nine"] and table.row_key_at(1) == "k9"
        table.remove_row(0)
        assert table.row_count == 3 and table.row_key_at(0) == "k9"

    _run(body)


def test_a_click_on_the_header_of_a_scrolled_table_acts_on_no_row():
    async def body(pilot, app, table):
        _fill(table, 30)
        await pilot.pause()
        table.move_cursor(row=29)                        # scrolled: row 19 or so is at the top
        await pilot.pause()
        assert table.scroll_offset.y > 0
        await pilot.click(PageTable, offset=(3, 0))      # the header line
        await pilot.pause()
        assert table.cursor_row == 29 and app.selected == []

    _run(body)


def test_rows_added_at_once_with_the_cursor_on_the_last_show_the_last():
    """As the live session opens with its petitions: every row added and the
    cursor put on it before the table was ever laid out; the list must end on
    the newest."""
    class Opening(App):
        def compose(self):
            yield PageTable()

        def on_mount(self) -> None:
            table = self.query_one(PageTable)
            table.add_column("N", width=4)
            for i in range(30):
                table.add_row(str(i), key=f"k{i}")
                table.move_cursor(row=table.row_count - 1)

    async def run():
        app = Opening()
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.pause()
            table = app.query_one(PageTable)
            table.clear()                       # the session's list drawn again: cleared, then every row
            for i in range(40):
                table.add_row(str(i), key=f"k{i}")
                table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            await pilot.pause()
            height = table.scrollable_content_region.height
            shown = [_line(table, y).split()[0] for y in range(1, height) if _line(table, y).strip()]
            assert table.cursor_row == 39 and shown[-1] == "39", shown

    asyncio.run(run())


def test_rows_of_two_lines_draw_scroll_page_and_click_by_line():
    """A cell with a newline makes its row two lines (F6's content, issue 20
    item 13): each line draws its part of every cell, the cursor's whole row
    scrolls into view, PgDn moves a screenful of lines, a click on either line
    picks the row, and a row growing or shrinking moves the rows below."""
    async def body(pilot, app, table):
        table.add_column("N", width=4)
        table.add_column("Nội dung", width=10)
        for i in range(12):
            table.add_row(str(i), f"dòng {i}\nnối {i}" if i % 2 else f"dòng {i}", key=f"k{i}")
        await pilot.pause()
        assert table.virtual_size.height == 1 + 12 + 6
        assert _line(table, 1).startswith(_cells(("0", 4), ("dòng 0", 10)))
        assert "dòng 1" in _line(table, 2) and "nối 1" in _line(table, 3) and _line(table, 3).startswith("      ")
        assert "dòng 2" in _line(table, 4)
        table.move_cursor(row=11)                   # its two lines, the last of all, in view
        await pilot.pause()
        view = table.scrollable_content_region.height - 1
        top = round(table.scroll_offset.y)
        assert top + view == 18                     # 18 lines of rows, the last shown at the bottom
        assert "nối 11" in _line(table, view)
        table.move_cursor(row=0)
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        first_row_below = table._row_at(view - 1)[0]
        assert table.cursor_row == first_row_below and round(table.scroll_offset.y) > 0
        await pilot.press("home")
        await pilot.pause()
        await pilot.click(PageTable, offset=(3, 3))      # the second line of row 1
        await pilot.pause()
        assert table.cursor_row == 1
        table.update_row(1, "1", "một dòng", key="k1")   # shrinks: the rows below move up a line
        await pilot.pause()
        assert "dòng 2" in _line(table, 3) and table.virtual_size.height == 1 + 12 + 5

    _run(body)


# --- one table for every screen (issue 24 item 3): fitted columns, the highlight --------

def test_fitted_columns_take_their_widest_cell_at_once():
    """Columns of ``add_columns`` are as wide as their widest cell, heading included,
    and the widths are known as soon as a row is added: a line drawn before any
    pause already has them (DataTable measured its rows on its next Idle, so a paint
    before that drew the columns at the width of their headings: F7's slip)."""
    async def body(pilot, app, table):
        table.add_columns("Số", "Ngày", "Loại")
        table.add_row("18/UBND-TPHT", "21/11/2026", "CV", key="1")
        assert _line(table, 0).startswith(_cells(("Số", 12), ("Ngày", 10), ("Loại", 4)))
        assert _line(table, 1).startswith(_cells(("18/UBND-TPHT", 12), ("21/11/2026", 10), ("CV", 4)))
        table.add_row("1/KH", Text("đỏ\ndòng hai dài hơn", style="red"), "TB", key="2")   # the widest line counts
        assert _line(table, 2).startswith(_cells(("1/KH", 12), ("đỏ", 16), ("TB", 4)))
        table.clear()                                    # the widths follow the rows shown
        table.add_row("3", "4", "5", key="3")
        assert _line(table, 1).startswith(_cells(("3", 2), ("4", 4), ("5", 4)))

    _run(body)


def test_fitted_columns_give_way_when_the_table_is_too_narrow():
    """The columns named to give way narrow (down to their heading), their cut text
    ending in "…"; with none named, the row is cut at the right edge."""
    async def body(pilot, app, table):
        table.add_columns("Mốc", "Hạn", "Căn cứ", give_way=(2, 0))
        table.add_row("Phát thanh trên loa (ít nhất 3 ngày liên tiếp)", "27/11/2026",
                      "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15", key="a")
        await pilot.pause()
        # 40 cells: Hạn keeps 10 (+2); Căn cứ goes down to its heading (6 + 2); Mốc takes the rest (18 + 2)
        assert _line(table, 0) == _cells(("Mốc", 18), ("Hạn", 10), ("Căn cứ", 6))
        assert _line(table, 1) == _cells(("Phát thanh trên l…", 18), ("27/11/2026", 10), ("Luật…", 6))
        assert table.render_line(1).cell_length == 40

        table.clear(columns=True)
        table.add_columns("A", "B")                      # nothing named: cut at the right edge
        table.add_row("x" * 30, "y" * 20)
        await pilot.pause()
        assert _line(table, 1) == (" " + "x" * 30 + "  " + "y" * 20)[:40]

    _run(body, size=(40, 8))


def test_the_highlight_follows_the_cursor_and_cells_change_by_place():
    """RowHighlighted on the first row added and on every move (a key or
    ``move_cursor``), as DataTable's: F3, F4 and F7 show the detail of the row
    under the cursor from it. ``cursor_key``, ``row_index`` and ``update_cell``."""
    async def body(pilot, app, table):
        assert table.cursor_key is None
        _fill(table, 4)
        await pilot.pause()
        assert app.highlighted == [(0, "k0")]
        await pilot.press("down", "down")
        table.move_cursor(row=2)                     # already there: nothing new
        table.move_cursor(row=table.row_index("k0"))
        await pilot.pause()
        assert app.highlighted == [(0, "k0"), (1, "k1"), (2, "k2"), (0, "k0")]
        assert table.cursor_key == "k0" and table.row_index("nope") is None
        table.update_cell(table.row_index("k3"), -1, "đã đổi")
        assert table.get_row("k3") == ["3", "đã đổi"] and "đã đổi" in _line(table, 4)
        table.clear()
        table.add_row("x", "y", key="new")
        await pilot.pause()
        assert app.highlighted[-1] == (0, "new")

    _run(body)
