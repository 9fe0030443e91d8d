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
from typing import Iterable

from models.core.errors import ValidationError
from models.core.words import COUNT_LABELS, WITHDRAWN, BoardFormWords
from models.services import board, board_columns
from models.services.statistics import Statistics, StatRow, compute, percent
from models.core.paths import locations
from models.storage import files

FORMATS = ("xlsx", "csv")
DATE_FORMAT = "DD/MM/YYYY"
CSV_DELIMITERS = (";", ",")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: rows completed with their batch columns (the group's members) this many at a time
EXTRA_BATCH = 500


#: statistics columns: SPEC "Counting petitions" (statistics.StatRow), then the on-time rate
STAT_KEYS = ("total", *COUNT_LABELS, "answered", "on_time")
STAT_HEADINGS = ("Tổng số", *COUNT_LABELS.values(), "Đã trả lời bằng văn bản", "Trả lời đúng hạn",
                 "Tỷ lệ đúng hạn")


@dataclass
class ExportResult:
    path: Path
    rows: int
    counts: dict[str, int] = field(default_factory=dict)


def format_for(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".") or "xlsx").lower()
    if fmt not in FORMATS:
        raise ValidationError(f"Định dạng “{fmt}” không hỗ trợ. Chọn .xlsx (Excel) hoặc .csv.")
    return fmt


def _stat_cells(r: StatRow) -> list:
    return [*(r.count(k) for k in STAT_KEYS), percent(r.on_time_rate)]


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
    from openpyxl.cell import WriteOnlyCell  # heavy: loaded when used, not at start-up
    from openpyxl.styles import Font  # heavy: loaded when used, not at start-up

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
    from openpyxl.utils import get_column_letter  # heavy: loaded when used, not at start-up

    return get_column_letter(i)


def _stat_rows(stats: Statistics) -> list[list]:
    out = []
    for title, _heading, rows in _breakdowns(stats):
        for r in rows:
            out.append([title, r.label, *_stat_cells(r)])
    out.append(["Tổng cộng", "", *_stat_cells(stats.overall)])
    return out


def _breakdowns(stats: Statistics) -> list[tuple[str, str, list[StatRow]]]:
    """Every table of the report, the results one included, and the withdrawn
    petitions on a line of their own (listed apart, counted in no total)."""
    apart = StatRow(f"{WITHDRAWN} (không tính vào tổng cộng)", stats.withdrawn, *[0] * (len(STAT_KEYS) - 1))
    results = [*stats.by_result, apart]
    return [*stats.tables(), ("Theo kết quả giải quyết", "Kết quả", results)]


def _stat_sheets(wb, stats: Statistics) -> None:
    for title, heading, rows in _breakdowns(stats):
        _xlsx_sheet(wb, title[:31], [heading, *STAT_HEADINGS],
                    [[r.label, *_stat_cells(r)] for r in rows] + [["Tổng cộng", *_stat_cells(stats.overall)]],
                    [30] + [14] * len(STAT_HEADINGS))


def export_board(q: board.BoardQuery, path, fmt: str | None = None, *, contacts: bool = True,
                 with_statistics: bool = True, replace: bool = False, delimiter: str = ";") -> ExportResult:
    """Every petition the board query selects (all pages), a group once as its
    head with its members named, and in the workbook a summary sheet and the
    statistics (statistics.compute: the report's own counts, each member
    counted). ``q.status`` "recorded" takes the withdrawn petitions too, with
    their reason. An earlier export at ``path`` is replaced only with
    ``replace`` (models.storage.files)."""
    path = Path(path)
    fmt = format_for(path, fmt)
    ctx = board.context_for(q)
    cols = board_columns.exported(contacts)
    stats = compute(q if q.status != "recorded" else q.with_(status="all"), ctx)
    counts = {"total": stats.overall.total, **{k: stats.overall.count(k) for k in COUNT_LABELS},
              "withdrawn": stats.withdrawn}
    written = 0

    def rows():
        nonlocal written
        for r in board.iterate(q, ctx, fold=True, columns=cols, batch=EXTRA_BATCH):
            written += 1
            yield [c.export_value(r) for c in cols]

    if fmt == "csv":
        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                out = _csv_writer(fh, delimiter)
                out.writerow([c.heading for c in cols])
                for values in rows():
                    out.writerow([_cell_text(v) for v in values])
    else:
        def write(tmp: Path) -> None:
            from openpyxl import Workbook  # heavy: loaded when used, not at start-up

            wb = Workbook(write_only=True)
            _xlsx_sheet(wb, "Theo dõi", [c.heading for c in cols], rows(), [c.export for c in cols])
            summary = [[label, stats.overall.count(key)] for key, label in COUNT_LABELS.items()]
            summary.append(["Tổng cộng", stats.overall.total])
            _xlsx_sheet(wb, "Tổng hợp", ["Kết quả", "Số kiến nghị"], summary, [32, 14])
            if with_statistics:
                _stat_sheets(wb, stats)
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
            from openpyxl import Workbook  # heavy: loaded when used, not at start-up

            wb = Workbook(write_only=True)
            _stat_sheets(wb, stats)
            wb.save(tmp)

    files.write_file(path, fmt, write, replace=replace)
    return ExportResult(path, stats.overall.total)


def default_name(kind: str, today: dt.date, fmt: str = "xlsx") -> str:
    """"theo-doi-2026-11-22.xlsx", "thong-ke-2026-11-22.csv"."""
    return f"{kind}-{today:%Y-%m-%d}.{fmt}"


def job_as_typed(values: dict, today: dt.date) -> dict:
    """F6's export form (X) as what to write: the file (a folder gets the usual
    name for ``today``), its format, the board or the statistics, with or
    without the citizens' contacts."""
    folder = str(values.get("path") or "").strip()
    if not folder:
        raise ValidationError(BoardFormWords.NO_FOLDER.format(example=locations().documents), field="path")
    fmt = values.get("fmt") or "xlsx"
    what = "stats" if values.get("what") == "stats" else "board"
    target = Path(folder).expanduser()
    path = target if target.suffix else target / default_name("thong-ke" if what == "stats" else "theo-doi",
                                                                 today, fmt)
    return {"path": path, "fmt": fmt, "what": what, "contacts": values.get("contacts") != "no"}
