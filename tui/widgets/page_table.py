"""The app's one table: F3 (plans), F4 (conferences), F6 (the board), F7
(documents), F8 (catalog), the live session, a record's history and versions.

Textual's DataTable lays out every visible cell through Rich again whenever
any cell changes: 20-50 ms for a page of 27 rows of 9 cells here, 2-3 times
that on an office's old PC, and the session's list did it at every petition.
Here each row is one prepared line (its cells cropped and padded to fixed
widths), or a few when a cell holds several lines ("\n": the board's
content wrapped to two); a changed or added row makes only its own lines
again, and drawing the screen copies the lines in view. Cell text is shown as
given: a ``str`` is never read as markup, a rich ``Text`` keeps its style.

A column is given a fixed width, the spare width (``width=None``), or fits
its widest cell (``add_columns``, as DataTable's columns do): the widths are
known as soon as a row is added, so the first paint has them (DataTable
measured its rows on its next Idle, and a paint before that drew the columns
at the width of their headings). When the fitted columns do not fit the
screen, the columns the screen names give way and their cut text ends in "…"
(DataTable let the columns run off the right edge, to be scrolled to with →);
what still does not fit is cut at the right edge.

It offers the part of DataTable's interface the screens use: ``add_column(s)``,
``add_row``, ``update_row``, ``update_cell``, ``remove_row``, ``clear``,
``row_count``, ``cursor_row``, ``cursor_key``, ``move_cursor``, ``row_index``,
``get_row_at``, ``get_row``, ``row_key_at``, and the messages ``RowHighlighted``
(the cursor is on another row, or on the first row added) and ``RowSelected``
(Enter, or a click on the selected row)."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

PAD = 1   # a space each side of a cell


def cell_segments(text: Text, width: int, pad: int, console, cut: str = "crop") -> list[Segment]:
    """One line of ``text`` cut to ``width`` cells (``cut``: "crop", or
    "ellipsis" to end in "…" after the last letter kept), padded to ``width`` and with ``pad`` spaces each
    side: the segments Rich's Padding and Text make, without their layout.
    Spaces carry no style; the text keeps its own (which ``Text.render`` leaves
    to the caller), an unknown style dropped as Rich would."""
    if text.cell_len > width:
        text = text.copy()
        if cut == "ellipsis" and width > 1:      # "Luật…", not Rich's "Luật …"
            text.truncate(width - 1, overflow="crop")
            text.rstrip()
            text.append("…")
        else:
            text.truncate(width, overflow="crop")
    own = console.get_style(text.style, default=Style.null()) if text.style else None
    out = [Segment(" " * pad)] if pad else []
    out += [Segment(s.text, own + s.style if own and s.style else own or s.style)
            for s in text.render(console, end="") if s.text]
    if width - text.cell_len + pad:
        out.append(Segment(" " * (width - text.cell_len + pad)))
    return out


def _look(cell) -> tuple:
    return (cell.plain, str(cell.style), tuple(cell.spans)) if isinstance(cell, Text) else (None, cell)


def _height(cells: tuple) -> int:
    """The lines a row takes: its tallest cell's."""
    tallest = 1
    for cell in cells:
        text = cell.plain if isinstance(cell, Text) else cell if isinstance(cell, str) else ""
        if "\n" in text:
            tallest = max(tallest, text.count("\n") + 1)
    return tallest


def _widest_line(cell) -> int:
    """The cells the widest line of ``cell`` takes."""
    text = cell.plain if isinstance(cell, Text) else "" if cell is None else str(cell)
    return max(map(cell_len, text.split("\n"))) if "\n" in text else cell_len(text)


def _same(a: tuple, b: tuple) -> bool:
    """The same cells, styles included (rich's Text compares text and spans only)."""
    return len(a) == len(b) and all(_look(x) == _look(y) for x, y in zip(a, b))


#: the narrowest a column named to give way becomes when the table is too narrow
NARROWEST = 4


@dataclass
class Column:
    label: str
    width: int | None     # None: the column takes the spare width
    fit: bool = False     # its widest cell's width (heading included); gives way when too wide
    widest: int = 0       # fit: the widest cell seen since the rows were cleared
    first: int | None = None   # fit: gives way before the others (0 first, then 1 …), down to its heading

    def __post_init__(self) -> None:
        self.widest = cell_len(self.label)


class _RowMessage(Message):
    """A message about one row of a PageTable: its place and its key."""

    def __init__(self, table: PageTable, cursor_row: int, row_key: str | None) -> None:
        super().__init__()
        self.table = table
        self.cursor_row = cursor_row
        self.row_key = row_key

    @property
    def control(self) -> PageTable:
        return self.table


class PageTable(ScrollView, can_focus=True):
    """Rows as prepared lines; only changed rows are made again."""

    COMPONENT_CLASSES = {"page-table--header", "page-table--cursor", "page-table--even-row"}
    DEFAULT_CSS = """
    PageTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        & > .page-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .page-table--even-row { background: $surface-lighten-1 50%; }
        & > .page-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .page-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "cursor_page(-1)", show=False),
        Binding("pagedown", "cursor_page(1)", show=False),
        Binding("home", "cursor_to(0)", show=False),
        Binding("end", "cursor_to(-1)", show=False),
        Binding("ctrl+home", "cursor_to(0)", show=False),
        Binding("ctrl+end", "cursor_to(-1)", show=False),
        Binding("enter", "select", show=False),
    ]

    class RowHighlighted(_RowMessage):
        """The cursor is on another row (a key, a click, ``move_cursor``), or on
        the first row added to an empty table."""

    class RowSelected(_RowMessage):
        """Enter on a row, or a click on the selected row."""

    def __init__(self, *, zebra_stripes: bool = False, show_cursor: bool = True, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.zebra_stripes = zebra_stripes
        self._show_cursor = show_cursor
        self.columns: list[Column] = []
        self._rows: list[tuple] = []
        self._keys: list[str | None] = []
        self._lines: dict[tuple[int, str], list[Strip]] = {}   # (row, look) → its lines, made on first draw
        self._heights: list[int] = []
        self._starts: list[int] | None = [0]     # the first line of each row, and the total at the end
        self._header: Strip | None = None
        self._widths: list[int] = []
        self._cut: list[str] = []       # per column: "ellipsis" where a fitted column gave way, else "crop"
        self._styles: dict[str, Style] | None = None
        self.cursor_row = 0
        self._size_due = False       # the scroll range is to be set after this burst of rows
        self._made_for = -1          # the content width the lines were made for

    # --- columns and rows --------------------------------------------------------------
    def add_column(self, label: str, *, width: int | None = None, fit: bool = False) -> None:
        """A column ``width`` cells wide; ``width=None``: the spare width, shared
        with the other such columns; ``fit``: as wide as its widest cell."""
        self.columns.append(Column(label, width, fit))
        self._forget_layout()

    def add_columns(self, *labels: str, give_way: tuple[int, ...] = ()) -> None:
        """Columns as wide as their widest cell (DataTable's columns). When they do
        not fit, the columns numbered in ``give_way`` narrow first, in that order,
        each down to its heading; what still does not fit is cut at the right edge."""
        for label in labels:
            self.add_column(label, fit=True)
        for order, index in enumerate(give_way):
            self.columns[len(self.columns) - len(labels) + index].first = order

    def clear(self, columns: bool = False) -> None:
        self._rows.clear()
        self._keys.clear()
        self._heights.clear()
        self._lines.clear()
        self.cursor_row = 0
        if columns:
            self.columns.clear()
            self._forget_layout()
        elif any(c.fit and c.widest != cell_len(c.label) for c in self.columns):
            for column in self.columns:
                column.widest = cell_len(column.label)
            self._forget_layout()
        self._resized()

    def add_row(self, *cells, key: str | None = None) -> None:
        self._rows.append(cells)
        self._keys.append(key)
        self._heights.append(_height(cells))
        self._resized()
        self._measure(cells)
        for line in self._row_lines(len(self._rows) - 1):
            self.refresh_line(line)
        if len(self._rows) == 1 and self._show_cursor:
            self.post_message(self.RowHighlighted(self, 0, key))

    def _measure(self, cells) -> None:
        """Fitted columns grow to a wider cell: every line is made again."""
        wider = False
        for column, cell in zip(self.columns, cells):
            if column.fit:
                width = _widest_line(cell)
                if width > column.widest:
                    column.widest, wider = width, True
        if wider:
            self._forget_layout()

    def update_row(self, index: int, *cells, key: str | None = None) -> None:
        """Row ``index`` shows ``cells`` now; only its line is made again."""
        if self._keys[index] == key and _same(self._rows[index], cells):
            return
        self._rows[index] = cells
        self._keys[index] = key
        self._measure(cells)
        height = _height(cells)
        if height != self._heights[index]:      # the rows below move: every line from here is made again
            self._heights[index] = height
            self._lines = {k: v for k, v in self._lines.items() if k[0] < index}
            self._resized()
            self.refresh()
            return
        self._forget_row(index)

    def update_cell(self, index: int, column: int, value) -> None:
        """Cell ``column`` of row ``index`` shows ``value`` now (-1: the last column)."""
        cells = list(self._rows[index])
        cells[column] = value
        self.update_row(index, *cells, key=self._keys[index])

    def remove_row(self, index: int) -> None:
        del self._rows[index]
        del self._keys[index]
        del self._heights[index]
        self._lines = {k: v for k, v in self._lines.items() if k[0] < index}
        self.cursor_row = min(self.cursor_row, max(0, len(self._rows) - 1))
        self._resized()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def get_row_at(self, index: int) -> list:
        return list(self._rows[index])

    def row_key_at(self, index: int) -> str | None:
        return self._keys[index]

    def get_row(self, key: str) -> list:
        return self.get_row_at(self._keys.index(key))

    def row_index(self, key: str) -> int | None:
        """The row of ``key``; None when no row has it."""
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor; None when there is no row."""
        return self._keys[self.cursor_row] if self._rows else None

    @property
    def show_cursor(self) -> bool:
        return self._show_cursor

    @show_cursor.setter
    def show_cursor(self, value: bool) -> None:
        if value != self._show_cursor:
            self._show_cursor = value
            self._forget_row(self.cursor_row)

    # --- the cursor --------------------------------------------------------------------
    def move_cursor(self, *, row: int) -> None:
        if not self._rows:
            self.cursor_row = 0
            return
        row = min(max(row, 0), len(self._rows) - 1)
        if row != self.cursor_row:
            old, self.cursor_row = self.cursor_row, row
            self._forget_row(old)
            self._forget_row(row)
            self.post_message(self.RowHighlighted(self, row, self._keys[row]))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        self._scroll_now()
        # rows added just now are not in the scroll range until the next layout
        self.call_after_refresh(self._scroll_now)

    def _scroll_now(self) -> None:
        if not self._rows:
            return
        view = max(1, self.scrollable_content_region.height - 1)   # lines for rows, below the header
        top = round(self.scroll_offset.y)
        first = self._line_starts()[self.cursor_row]
        last = first + self._heights[self.cursor_row] - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + view:
            self.scroll_to(y=last - view + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_cursor_page(self, step: int) -> None:
        """A screenful of lines up or down (rows may take several lines)."""
        if not self._rows:
            return
        line = self._line_starts()[self.cursor_row] + step * max(1, self.scrollable_content_region.height - 2)
        row = self._row_at(min(max(line, 0), self._line_count() - 1))[0]
        self.move_cursor(row=row if row != self.cursor_row else self.cursor_row + step)

    def action_cursor_to(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else len(self._rows) - 1)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self.cursor_row, self._keys[self.cursor_row]))

    def on_click(self, event) -> None:
        if event.y < 1:              # the header
            return
        row = self._row_at(round(self.scroll_offset.y) + event.y - 1)[0]
        if 0 <= row < len(self._rows):
            if row == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(row=row)

    # --- drawing -----------------------------------------------------------------------
    def _resized(self) -> None:
        """The rows' lines changed: the scroll range follows once, after a burst
        of rows (a page of 100 added one by one set it 100 times, each a Resize
        and a layout: 0.1-0.2 s of F7's first page)."""
        self._starts = None
        if not self._size_due:
            self._size_due = True
            self.call_next(self._set_size)

    def _set_size(self) -> None:
        self._size_due = False
        self.virtual_size = Size(0, self._line_count() + 1)

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            starts, line = [], 0
            for h in self._heights:
                starts.append(line)
                line += h
            self._starts = starts + [line]
        return self._starts

    def _line_count(self) -> int:
        return self._line_starts()[-1]

    def _row_at(self, line: int) -> tuple[int, int]:
        """(row, its line) shown on line ``line`` of the rows; (row count, 0) below them."""
        starts = self._line_starts()
        if line >= starts[-1] or line < 0:
            return (len(self._rows) if line >= 0 else -1), 0
        index = bisect_right(starts, line) - 1
        return index, line - starts[index]

    def _row_lines(self, index: int) -> range:
        """The lines of row ``index`` below the header (ScrollView takes off the scroll)."""
        first = self._line_starts()[index] + 1
        return range(first, first + self._heights[index])

    def _forget_row(self, index: int) -> None:
        for look in ("plain", "even", "cursor"):
            self._lines.pop((index, look), None)
        if 0 <= index < len(self._rows):
            for line in self._row_lines(index):
                self.refresh_line(line)

    def _forget_layout(self) -> None:
        self._widths = []
        self._cut = []
        self._header = None
        self._lines.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._header = None
        self._lines.clear()

    def on_resize(self, _event) -> None:
        # a row added changes the virtual size, which comes as a Resize too:
        # the lines stay good while the width they were made for is the same
        width = self.scrollable_content_region.width
        if width != self._made_for:
            self._made_for = width
            self._forget_layout()
        self._scroll_to_cursor()

    def on_focus(self, _event) -> None:
        self._styles = None
        self._forget_row(self.cursor_row)

    def on_blur(self, _event) -> None:
        self._styles = None
        self._forget_row(self.cursor_row)

    def _looks(self) -> dict[str, Style]:
        if self._styles is None:
            base = self.rich_style
            self._styles = {
                "plain": base,
                "even": base + self.get_component_rich_style("page-table--even-row"),
                "cursor": base + self.get_component_rich_style("page-table--cursor"),
                "header": base + self.get_component_rich_style("page-table--header"),
            }
        return self._styles

    def _column_widths(self) -> list[int]:
        if not self._widths and self.columns:
            room = self.scrollable_content_region.width
            wanted = [c.widest if c.fit else c.width for c in self.columns]
            fixed = sum(w + 2 * PAD for w in wanted if w is not None)
            wanted = _give_way(wanted, self.columns, fixed - room)
            flexible = wanted.count(None)
            spare = max(0, room - sum(w + 2 * PAD for w in wanted if w is not None))
            share = spare // flexible if flexible else 0
            self._widths = [w if w is not None else max(3, share - 2 * PAD) for w in wanted]
            self._cut = ["ellipsis" if c.fit and w < c.widest else "crop" for c, w in zip(self.columns, self._widths)]
        return self._widths

    def _make_line(self, cells, style: Style) -> Strip:
        return self._make_lines(cells, style, 1)[0]

    def _make_lines(self, cells, style: Style, height: int) -> list[Strip]:
        """The ``height`` lines of a row: line j of each cell side by side."""
        parts = []
        for cell in cells:
            text = cell if isinstance(cell, Text) else Text("" if cell is None else str(cell))
            parts.append(text.split("\n", allow_blank=True) if "\n" in text.plain else [text])
        out = []
        for j in range(height):
            segments: list[Segment] = []
            for lines, width, cut in zip(parts, self._column_widths(), self._cut):
                segments += cell_segments(lines[j] if j < len(lines) else Text(""), width, PAD, self.app.console, cut)
            out.append(Strip(Segment.apply_style(segments, style))
                       .adjust_cell_length(self.scrollable_content_region.width, style).simplify())
        return out

    def render_line(self, y: int) -> Strip:
        looks = self._looks()
        width = self.scrollable_content_region.width
        if width != self._made_for:          # a scroll bar came or went without a Resize
            self._made_for = width
            self._widths, self._cut, self._header = [], [], None
            self._lines.clear()
        if y == 0:
            if self._header is None:
                self._header = self._make_line([c.label for c in self.columns], looks["header"])
            return self._header
        index, part = self._row_at(round(self.scroll_offset.y) + y - 1)
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, looks["plain"])
        look = ("cursor" if index == self.cursor_row and self._show_cursor
                else "even" if self.zebra_stripes and index % 2 else "plain")
        lines = self._lines.get((index, look))
        if lines is None:
            lines = self._lines[(index, look)] = self._make_lines(self._rows[index], looks[look],
                                                                   self._heights[index])
        return lines[part]

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._line_count() + 1


def _give_way(widths: list, columns: list[Column], over: int) -> list:
    """``widths`` narrowed until ``over`` cells are saved: the columns named to
    give way, in their order, each down to its heading (at least NARROWEST).
    What still does not fit is cut at the right edge, as DataTable showed it
    (squeezing every column to a few letters read worse at 80 columns)."""
    widths = list(widths)
    for i, column in sorted(((i, c) for i, c in enumerate(columns) if c.fit and c.first is not None),
                            key=lambda ic: ic[1].first):
        if over <= 0:
            break
        floor = max(NARROWEST, cell_len(column.label))
        saved = min(over, max(0, widths[i] - floor))
        widths[i] -= saved
        over -= saved
    return widths
