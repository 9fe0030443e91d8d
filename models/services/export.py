"""Xuất dữ liệu cho cấp trên: the board and the statistics as Excel (.xlsx) or
CSV.

CSV is written as UTF-8 with a BOM: Excel on Windows reads a file without one
in the local code page and shows Vietnamese as mojibake. Its cells are separated
by ";" by default — Excel with Vietnamese regional settings (decimal comma)
expects that list separator — or by "," on request.

Stored text never becomes a formula: in .xlsx every text cell is stored as text
(never as a formula, whatever it begins with), and in CSV a cell that begins
with = + - @, a tab or a carriage return gets a leading apostrophe, which Excel
reads as "this is text". Empty values (a date not set) are empty cells.

Contact details: with ``contacts=False`` the citizen's address and phone are
left out (the columns are not written at all). The name stays: it was spoken
at a public conference, stands in the minutes, and the level above needs it to
follow a case up. A citizen who asked to stay anonymous is never named, in
either mode ("(giấu tên)", no address, no phone).

Rows are streamed from the database into a write-only workbook, so exporting
100,000 petitions does not hold them all in memory."""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .. import files
from ..errors import ValidationError
from ..petitions import CHANNELS
from ..words import FIELD, STATUS, UNIT
from . import board, followup
from .statistics import Statistics, StatRow, percent

FORMATS = ("xlsx", "csv")
DATE_FORMAT = "DD/MM/YYYY"
CSV_DELIMITERS = (";", ",")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[board.BoardRow], object]
    width: int = 14
    contact: bool = False          # left out by --no-contacts


BOARD_COLUMNS = (
    Column("Hạn trả lời", lambda r: r.due_on, 12),
    Column("Còn / trễ", lambda r: r.days_text, 18),
    Column("Mức độ", lambda r: followup.URGENCY_LABELS[r.urgency], 13),
    Column(STATUS, lambda r: r.status_label, 13),
    Column(UNIT, lambda r: r.unit, 24),
    Column(FIELD, lambda r: r.field, 20),
    Column("Thôn, tổ dân phố", lambda r: r.village, 16),
    Column("Người kiến nghị", lambda r: r.citizen, 22),
    Column("Địa chỉ", lambda r: r.address, 24, contact=True),
    Column("Điện thoại", lambda r: r.phone, 13, contact=True),
    Column("Nội dung kiến nghị", lambda r: r.summary, 60),
    Column("Hội nghị", lambda r: r.conference, 14),
    Column("Hình thức", lambda r: CHANNELS.get(r.channel, r.channel), 14),
    Column("Ngày nhận", lambda r: r.received_on, 12),
    Column("Số văn bản trả lời", lambda r: r.answer_number, 18),
    Column("Ngày văn bản trả lời", lambda r: r.answer_date, 12),
)

STAT_HEADINGS = ("Tổng số", "Đã giải quyết", "Đang giải quyết", "Đã chuyển, chờ cấp trên trả lời", "Quá hạn",
                 "Đã trả lời bằng văn bản", "Trả lời đúng hạn", "Tỷ lệ đúng hạn")


@dataclass
class ExportResult:
    path: Path
    rows: int
    counts: dict[str, int] = field(default_factory=dict)


def board_columns(contacts: bool = True) -> list[Column]:
    return [c for c in BOARD_COLUMNS if contacts or not c.contact]


def format_for(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".") or "xlsx").lower()
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng “{fmt}” không hỗ trợ. Chọn .xlsx (Excel) hoặc .csv.")
    return fmt


def _stat_cells(r: StatRow) -> list:
    return [r.total, r.done, r.open, r.forwarded, r.late, r.answered, r.on_time, percent(r.on_time_rate)]


def _cell_text(value) -> str:
    """A CSV cell: dates as dd/mm/yyyy, nothing for an empty value, text that Excel
    would run as a formula kept as text."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_writer(fh, delimiter: str):
    if delimiter not in CSV_DELIMITERS:
        raise ValidationError("Dấu phân cách CSV phải là “;” (mặc định, Excel tiếng Việt) hoặc “,”.")
    return csv.writer(fh, delimiter=delimiter)


def _xlsx_sheet(wb, title: str, headings: Iterable[str], rows: Iterable[list], widths: Iterable[int] = ()):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[_col_letter(i)].width = w
    ws.freeze_panes = "A2"
    head = []
    for h in headings:
        c = WriteOnlyCell(ws, value=h)
        c.font = Font(bold=True)
        head.append(c)
    ws.append(head)
    for values in rows:
        cells = []
        for v in values:
            if isinstance(v, dt.date):
                c = WriteOnlyCell(ws, value=v)
                c.number_format = DATE_FORMAT
                cells.append(c)
            elif isinstance(v, str):
                c = WriteOnlyCell(ws, value=v)
                c.data_type = "s"        # text, even when it begins with "=": never a formula
                cells.append(c)
            else:
                cells.append(v)
        ws.append(cells)
    return ws


def _col_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


def _stat_rows(stats: Statistics) -> list[list]:
    out = []
    for title, _heading, rows in stats.tables():
        for r in rows:
            out.append([title, r.label, *_stat_cells(r)])
    out.append(["Tổng cộng", "", *_stat_cells(stats.overall)])
    return out


def _stat_sheets(wb, stats: Statistics) -> None:
    for title, heading, rows in stats.tables():
        _xlsx_sheet(wb, title[:31], [heading, *STAT_HEADINGS],
                    [[r.label, *_stat_cells(r)] for r in rows] + [["Tổng cộng", *_stat_cells(stats.overall)]],
                    [30] + [14] * len(STAT_HEADINGS))


def export_board(q: board.BoardQuery, path, fmt: str | None = None, *, contacts: bool = True,
                 with_statistics: bool = True, replace: bool = False, delimiter: str = ";") -> ExportResult:
    """Every petition the board query selects (all pages), with a summary sheet
    (counts by urgency, the same as on the board) in the workbook. An earlier
    export at ``path`` is replaced only with ``replace`` (models.files)."""
    path = Path(path)
    fmt = format_for(path, fmt)
    ctx = board.context_for(q)
    cols = board_columns(contacts)
    counts = board.counts(q, ctx)
    written = 0

    def rows():
        nonlocal written
        for r in board.iterate(q, ctx):
            written += 1
            yield [c.value(r) for c in cols]

    if fmt == "csv":
        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                out = _csv_writer(fh, delimiter)
                out.writerow([c.heading for c in cols])
                for values in rows():
                    out.writerow([_cell_text(v) for v in values])
    else:
        def write(tmp: Path) -> None:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            _xlsx_sheet(wb, "Theo dõi", [c.heading for c in cols], rows(), [c.width for c in cols])
            summary = [[followup.URGENCY_LABELS[k], counts.get(k, 0)] for k in followup.URGENCY_LABELS]
            summary.append(["Tổng cộng", counts.get("total", 0)])
            _xlsx_sheet(wb, "Tổng hợp", ["Mức độ", "Số kiến nghị"], summary, [20, 14])
            if with_statistics:
                from .statistics import compute

                _stat_sheets(wb, compute(q, ctx))
            wb.save(tmp)

    files.write_file(path, fmt, write, replace=replace)
    return ExportResult(path, written, counts)


def export_statistics(stats: Statistics, path, fmt: str | None = None, *, replace: bool = False,
                      delimiter: str = ";") -> ExportResult:
    """The statistics tables: one sheet per breakdown (.xlsx) or one long table (.csv)."""
    path = Path(path)
    fmt = format_for(path, fmt)
    if fmt == "csv":
        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                out = _csv_writer(fh, delimiter)
                out.writerow(["Nhóm", "Tên", *STAT_HEADINGS])
                out.writerows([_cell_text(v) for v in row] for row in _stat_rows(stats))
    else:
        def write(tmp: Path) -> None:
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            _stat_sheets(wb, stats)
            wb.save(tmp)

    files.write_file(path, fmt, write, replace=replace)
    return ExportResult(path, stats.overall.total)


def default_name(kind: str, today: dt.date, fmt: str = "xlsx") -> str:
    """"theo-doi-2026-11-22.xlsx", "thong-ke-2026-11-22.csv"."""
    return f"{kind}-{today:%Y-%m-%d}.{fmt}"
