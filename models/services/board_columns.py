"""The board's columns, in one place: what each reads from the database, the
value it gives a row, its heading and width in the Excel/CSV export, and its
heading, width and place on the F6 screen.

Adding a column is one entry in COLUMNS: models.services.board reads its
``reads`` with every row and gives the row its value (``row.<key>``), the
export writes it (unless ``export`` is None), and F6 shows it when ``screen``
is set and the terminal is wide enough (see ``layout``). Nothing here knows
Textual: the screen asks ``layout(width)`` which columns fit and ``shown`` for
their text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import peewee as pw

from models.core.words import CHANNELS, CONTENT, DISPOSITIONS, FIELD, STATUS, UNIT, URGENCY_LABELS, VILLAGE
from models.domain.office import Field, Unit, Village
from models.domain.conference import Conference
from models.domain.petition import HIDDEN_STATUSES, Petition, citizen_label

#: F6's content column takes the width the others leave (``screen=FILL``)
FILL = 0
#: at this width and over the screen uses each column's ``screen`` width, below it ``narrow``
WIDE = 120
#: the content column keeps at least this many cells (wide, narrow): a column
#: that would leave it less is not shown (Enter on a row shows everything)
MIN_CONTENT = (40, 20)
#: each cell has a space either side; the table's scroll bar takes two cells
PAD, SCROLLBAR = 2, 2


def key_of(field) -> str:
    """The name a database column is read under: "Unit.name", "Petition.content"."""
    return f"{field.model.__name__}.{field.name}"


def read(field, empty=""):
    """The value as read, ``empty`` for NULL."""
    key = key_of(field)
    return lambda raw, row: empty if raw[key] is None else raw[key]


def one_line(field):
    key = key_of(field)
    return lambda raw, row: " ".join((raw[key] or "").split())


@dataclass(frozen=True, eq=False)
class Column:
    """One column of the board. ``value(raw, row)`` makes the row's value from
    ``raw`` (the ``reads``, by ``key_of``) and the row's own facts (urgency,
    days left); a ``batch`` column is read instead for a list of row ids at once
    (id → value) and only where it is shown. ``shown(row)`` is F6's text
    (default: the value as text; ``shown(row, width)``); ``cell(row)`` the export's (default: the value)."""

    key: str
    heading: str
    reads: tuple = ()
    value: Callable | None = None
    batch: Callable[[list[int]], dict] | None = None
    export: int | None = 14          # width in the Excel sheet; None: not exported
    contact: bool = False            # address, phone: left out by --no-contacts
    cell: Callable | None = None
    screen: int | None = None        # width on F6 (FILL: the rest); None: not on F6
    narrow: int | None = None        # width on F6 below WIDE columns (default: ``screen``)
    short: str = ""                  # F6's heading when shorter than the export's
    shown: Callable | None = None
    urgent: bool = False             # F6 colours it by the row's urgency
    rank: int = 99                   # F6 keeps the lower ranks first when the width runs out

    def value_of(self, raw: dict, row) -> object:
        if self.value is not None:
            return self.value(raw, row)
        return read(self.reads[0])(raw, row)

    def export_value(self, row) -> object:
        return self.cell(row) if self.cell is not None else getattr(row, self.key)

    def screen_text(self, row, width: int = 0) -> object:
        if self.shown is not None:
            return self.shown(row, width)
        value = getattr(row, self.key)
        return f"{value:%d/%m/%Y}" if hasattr(value, "strftime") else ("" if value is None else str(value))

    @property
    def screen_heading(self) -> str:
        return self.short or self.heading


def _days_shown(row) -> str:
    if row.status != "open":
        return "chờ cấp trên" if row.urgency == "waiting" else ""
    return row.days_text.replace(" làm việc", " LV")


def _conference(raw, row) -> str:
    day = raw[key_of(Conference.date)]
    return f"{day:%d/%m/%Y}" if day else CHANNELS["outside"]


def _citizen(raw, row) -> str:
    """"Bà Trần Thị Bình": the name with the title recorded (Ctrl+W on F5, O on
    F6), as the letters address them; a withheld or missing name has none."""
    name, withheld = raw[key_of(Petition.citizen_name)], raw[key_of(Petition.citizen_withheld)]
    title = raw[key_of(Petition.citizen_title)] if name and not withheld else ""
    label = citizen_label(name, withheld)
    return f"{title} {label}" if title else label


def _contact(field):
    key = key_of(field)
    return lambda raw, row: "" if raw[key_of(Petition.citizen_withheld)] else (raw[key] or "")


def same_issue_names(head_ids: list[int]) -> dict[int, str]:
    """Head id → "2 người cùng nội dung: Trần Văn B (Đông Hải); (giấu tên)" (SPEC: a
    group is listed once, as its head, the members named; each still counts)."""
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


COLUMNS: tuple[Column, ...] = (
    Column("due_on", "Hạn trả lời", (Petition.due_on,), lambda raw, row: row.due_on, export=12,
           screen=10, short="Hạn", urgent=True, rank=0),
    Column("days_text", "Còn / trễ", value=lambda raw, row: row.days_text, export=18,
           screen=13, shown=lambda row, width: _days_shown(row), urgent=True, rank=1),
    Column("urgency_label", "Mức độ", value=lambda raw, row: URGENCY_LABELS[row.urgency], export=13),
    Column("status_label", STATUS, value=lambda raw, row: row.status_label, export=13,
           screen=10, shown=lambda row, width: row.status_label.split(",")[0], rank=5),   # "Đã chuyển"
    Column("unit", UNIT, (Unit.name,), export=24, screen=14, narrow=10, rank=4),
    Column("field", FIELD, (Field.name,), export=20, screen=12, rank=8),
    Column("village", "Thôn, tổ dân phố", (Village.name,), export=16, screen=10, short=VILLAGE, rank=7),
    Column("citizen", "Người kiến nghị", (Petition.citizen_name, Petition.citizen_withheld, Petition.citizen_title),
           _citizen,
           export=22, screen=16, narrow=15, shown=lambda row, width: row.mark_citizen(width), rank=2),
    Column("same_issue", "Cùng nội dung", batch=same_issue_names, export=30),
    Column("address", "Địa chỉ", (Petition.citizen_address, Petition.citizen_withheld),
           _contact(Petition.citizen_address), export=24, contact=True),
    Column("phone", "Điện thoại", (Petition.citizen_phone, Petition.citizen_withheld),
           _contact(Petition.citizen_phone), export=13, contact=True),
    Column("summary", "Nội dung kiến nghị", (Petition.content,), one_line(Petition.content), export=60,
           screen=FILL, short=CONTENT, rank=3),
    Column("conference", "Hội nghị", (Conference.date,), _conference, export=14, screen=10, rank=6),
    Column("channel_label", "Hình thức", value=lambda raw, row: CHANNELS.get(row.channel, row.channel)),
    Column("received_on", "Ngày nhận", value=lambda raw, row: row.received_on, export=12),
    Column("disposition", "Hướng xử lý", (Petition.disposition,),
           lambda raw, row: DISPOSITIONS.get(raw[key_of(Petition.disposition)], raw[key_of(Petition.disposition)]),
           export=20),
    Column("answer_on_spot", "Nội dung trả lời tại chỗ", (Petition.answer_on_spot,),
           one_line(Petition.answer_on_spot), export=40),
    Column("answer_number", "Số văn bản trả lời", (Petition.answer_number,), export=18),
    Column("answer_date", "Ngày văn bản trả lời", (Petition.answer_date,), read(Petition.answer_date, None),
           export=12),
    Column("forwarded_to", "Chuyển đến", (Petition.forwarded_to,), export=24),
    Column("upper_reply_number", "Số văn bản trả lời của cấp trên", (Petition.upper_reply_number,), export=18),
    Column("upper_reply_date", "Ngày trả lời của cấp trên", (Petition.upper_reply_date,),
           read(Petition.upper_reply_date, None), export=12),
    Column("withdrawn_reason", "Lý do rút", (Petition.withdrawn_reason,), one_line(Petition.withdrawn_reason),
           export=30),
)


def columns() -> tuple[Column, ...]:
    """The registry as it stands (read at each use, so that a column added
    to COLUMNS — by a test, say — shows everywhere at once)."""
    return COLUMNS


def reads() -> list:
    """Every database column the registry reads, once each, in its order."""
    out, seen = [], set()
    for c in columns():
        for f in c.reads:
            if key_of(f) not in seen:
                seen.add(key_of(f))
                out.append(f)
    return out


def exported(contacts: bool = True) -> list[Column]:
    return [c for c in columns() if c.export is not None and (contacts or not c.contact)]


def layout(width: int) -> list[tuple[Column, int]]:
    """The columns F6 shows at ``width`` cells, in the registry's order, each
    with its width: the content column (FILL) takes what the others leave;
    going by rank, a column is shown only while the content keeps at least
    MIN_CONTENT cells."""
    wide = width >= WIDE
    least = MIN_CONTENT[0 if wide else 1]
    on_screen = [c for c in columns() if c.screen is not None]
    size = {c.key: (c.screen if wide or c.narrow is None else c.narrow) for c in on_screen}
    room = width - SCROLLBAR - sum(PAD for c in on_screen if c.screen == FILL)
    kept: list[Column] = [c for c in on_screen if c.screen == FILL]
    for c in sorted((c for c in on_screen if c.screen != FILL), key=lambda c: c.rank):
        if room - (size[c.key] + PAD) < least:
            break
        kept.append(c)
        room -= size[c.key] + PAD
    fill = max(room, 8)
    return [(c, fill if c.screen == FILL else size[c.key]) for c in on_screen if c in kept]
