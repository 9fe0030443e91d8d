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

from models.storage import files
from models.core.errors import ValidationError
import peewee as pw

from models.domain.petitions import CHANNELS, DISPOSITIONS
from models.core.words import COUNT_LABELS, FIELD, STATUS, UNIT
from models.services import board, followup
from models.services.statistics import Statistics, StatRow, percent

FORMATS = ("xlsx", "csv")
DATE_FORMAT = "DD/MM/YYYY"
CSV_DELIMITERS = (";", ",")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[["ExportRow"], object]
    width: int = 14
    contact: bool = False          # left out by --no-contacts


@dataclass
class ExportRow(board.BoardRow):
    """A board row with what the level above also asks for: where a petition
    was forwarded and the upper level's reply, the answer given on the spot,
    why it was withdrawn, and the citizens of its group (listed once, as its head)."""

    disposition: str = ""
    forwarded_to: str = ""
    upper_reply_number: str = ""
    upper_reply_date: dt.date | None = None
    answer_on_spot: str = ""
    withdrawn_reason: str = ""
    same_issue: str = ""


BOARD_COLUMNS = (
    Column("Hạn trả lời", lambda r: r.due_on, 12),
    Column("Còn / trễ", lambda r: r.days_text, 18),
    Column("Mức độ", lambda r: followup.URGENCY_LABELS[r.urgency], 13),
    Column(STATUS, lambda r: r.status_label, 13),
    Column(UNIT, lambda r: r.unit, 24),
    Column(FIELD, lambda r: r.field, 20),
    Column("Thôn, tổ dân phố", lambda r: r.village, 16),
    Column("Người kiến nghị", lambda r: r.citizen, 22),
    Column("Cùng nội dung", lambda r: r.same_issue, 30),
    Column("Địa chỉ", lambda r: r.address, 24, contact=True),
    Column("Điện thoại", lambda r: r.phone, 13, contact=True),
    Column("Nội dung kiến nghị", lambda r: r.summary, 60),
    Column("Hội nghị", lambda r: r.conference, 14),
    Column("Hình thức", lambda r: CHANNELS.get(r.channel, r.channel), 14),
    Column("Ngày nhận", lambda r: r.received_on, 12),
    Column("Hướng xử lý", lambda r: DISPOSITIONS.get(r.disposition, r.disposition), 20),
    Column("Nội dung trả lời tại chỗ", lambda r: r.answer_on_spot, 40),
    Column("Số văn bản trả lời", lambda r: r.answer_number, 18),
    Column("Ngày văn bản trả lời", lambda r: r.answer_date, 12),
    Column("Chuyển đến", lambda r: r.forwarded_to, 24),
    Column("Số văn bản trả lời của cấp trên", lambda r: r.upper_reply_number, 18),
    Column("Ngày trả lời của cấp trên", lambda r: r.upper_reply_date, 12),
    Column("Lý do rút", lambda r: r.withdrawn_reason, 30),
)

#: rows completed with their extra columns this many at a time (one query each)
EXTRA_BATCH = 500


def _with_extras(rows: Iterable[board.BoardRow]) -> Iterable[ExportRow]:
    """The board's rows with the extra columns, read a batch at a time."""
    from models.domain.petitions import Petition

    batch: list[board.BoardRow] = []

    def flush():
        ids = [r.id for r in batch]
        extra = {t[0]: t[1:] for t in Petition.select(
            Petition.id, Petition.disposition, Petition.forwarded_to, Petition.upper_reply_number,
            Petition.upper_reply_date, Petition.answer_on_spot, Petition.withdrawn_reason)
            .where(Petition.id.in_(ids)).tuples()}
        members = _group_members(ids)
        for r in batch:
            disp, fwd, up_no, up_date, spot, why = extra.get(r.id, ("", "", "", None, "", ""))
            yield ExportRow(**vars(r), disposition=disp, forwarded_to=fwd, upper_reply_number=up_no,
                            upper_reply_date=up_date, answer_on_spot=" ".join((spot or "").split()),
                            withdrawn_reason=" ".join((why or "").split()), same_issue=members.get(r.id, ""))
        batch.clear()

    for row in rows:
        batch.append(row)
        if len(batch) >= EXTRA_BATCH:
            yield from flush()
    if batch:
        yield from flush()


def _group_members(head_ids: list[int]) -> dict[int, str]:
    """Head id → "2 người cùng nội dung: Trần Văn B (Đông Hải); (giấu tên)" (SPEC: a
    group is listed once, as its head, the members named; each still counts)."""
    from models.domain.catalog import Village
    from models.domain.petitions import HIDDEN_STATUSES, Petition, citizen_label

    found: dict[int, list[str]] = {}
    head = Petition.alias("head")
    # the members folded into the head's row (board.where_clause: same status)
    rows = (Petition.select(Petition.group_parent, Petition.citizen_name, Petition.citizen_withheld, Village.name)
            .join(head, on=(Petition.group_parent == head.id)).switch(Petition)
            .join(Village, pw.JOIN.LEFT_OUTER, on=(Petition.village == Village.id))
            .where(Petition.group_parent.in_(head_ids) & Petition.status.not_in(HIDDEN_STATUSES)
                   & (head.status == Petition.status))
            .order_by(Petition.seq, Petition.id).tuples())
    for head, name, withheld, village in rows:
        found.setdefault(head, []).append(citizen_label(name, withheld) + (f" ({village})" if village else ""))
    return {h: f"{len(names)} người cùng nội dung: " + "; ".join(names) for h, names in found.items()}


#: statistics columns: SPEC "Counting petitions" (statistics.StatRow), then the on-time rate
STAT_KEYS = ("total", *COUNT_LABELS, "answered", "on_time")
STAT_HEADINGS = ("Tổng số", *COUNT_LABELS.values(), "Đã trả lời bằng văn bản", "Trả lời đúng hạn",
                 "Tỷ lệ đúng hạn")


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
    for title, _heading, rows in _breakdowns(stats):
        for r in rows:
            out.append([title, r.label, *_stat_cells(r)])
    out.append(["Tổng cộng", "", *_stat_cells(stats.overall)])
    return out


def _breakdowns(stats: Statistics) -> list[tuple[str, str, list[StatRow]]]:
    """Every table of the report, the results one included, and the withdrawn
    petitions on a line of their own (listed apart, counted in no total)."""
    from models.core.words import WITHDRAWN

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
    from models.services.statistics import compute

    path = Path(path)
    fmt = format_for(path, fmt)
    ctx = board.context_for(q)
    cols = board_columns(contacts)
    stats = compute(q if q.status != "recorded" else q.with_(status="all"), ctx)
    counts = {"total": stats.overall.total, **{k: stats.overall.count(k) for k in COUNT_LABELS},
              "withdrawn": stats.withdrawn}
    written = 0

    def rows():
        nonlocal written
        for r in _with_extras(board.iterate(q, ctx, fold=True)):
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
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            _stat_sheets(wb, stats)
            wb.save(tmp)

    files.write_file(path, fmt, write, replace=replace)
    return ExportResult(path, stats.overall.total)


def default_name(kind: str, today: dt.date, fmt: str = "xlsx") -> str:
    """"theo-doi-2026-11-22.xlsx", "thong-ke-2026-11-22.csv"."""
    return f"{kind}-{today:%Y-%m-%d}.{fmt}"
