"""The app's data table: text is shown exactly as stored.

Textual's DataTable reads every ``str`` cell as markup, so a citizen's
petition containing "[/i]" would stop the screen from drawing and "[red]"
would vanish. Cells given as plain strings are wrapped as rich Text here;
styled cells (Text) pass through unchanged. One-line text cells are drawn by
``tui.compat.FastCells``, without Rich's layout, so a page of rows costs a few
milliseconds to paint instead of a hundred."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from tui.compat import FastCells


def _plain(cell):
    return Text(cell) if isinstance(cell, str) else cell


class Table(FastCells, DataTable):
    def add_row(self, *cells, height: int | None = 1, key: str | None = None, label=None):
        return super().add_row(*map(_plain, cells), height=height, key=key, label=label)

    def update_cell(self, row_key, column_key, value, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, _plain(value), update_width=update_width)
