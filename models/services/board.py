"""Bảng theo dõi: the petitions that need action, as pages of plain rows.

A BoardQuery holds the filters, the sort, the search words and the page. The
filtering, ordering and paging all happen in SQL over indexes led by the office
and by the filters (models/domain/petition.py), search through a substring index
(models/services/search.py), so a step costs about the same on a province's
million petitions as on a commune's hundred: only one page of rows ever leaves
the database. The next and previous pages continue from the last (first) row
shown (keyset paging), never skipping rows with OFFSET; counts stop at
COUNT_CAP when the screen asks ("hơn 10.000"). Urgency uses
models/services/followup.py, the same classification as the dashboard, so the
two always show the same counts."""
from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field, replace

import peewee as pw

from models.core import clock
from models.core.errors import NotFound, ValidationError
from models.core.text import by_name
from models.core.words import FIELD, STATUS, UNIT, VILLAGE
from models.core.words import BoardFormWords
from models.domain.office import Field, Office, Unit, Village
from models.domain.conference import Conference
from models.domain.deadlines import WORKING, WorkCalendar, office_calendar
from models.domain.petition import HIDDEN_STATUSES, STATUSES, Petition, PetitionEvent
from models.domain.rules import default_rules, office_rules
from models.services import board_columns, followup
from models.services.search import frequent, matches
from models.domain.base import is_postgres
from models.services.validate import parse_date

#: status of a petition forwarded to the upper level, waiting for its reply
WAITING = "forwarded"
#: what the default view ("action") shows: everything that waits for anyone —
#: the office's own open petitions and those forwarded, waiting for the upper
#: level's reply (issue 20 item 14: a clerk should not have to look for them)
ACTION_STATUSES = ("open", WAITING)
#: status filter values: "action" = what still waits (the default view)
STATUS_FILTERS = {"action": "Còn chờ xử lý (kể cả đã chuyển cấp trên)", **STATUSES, "all": "Tất cả"}

#: sort key → (label, columns in order); ties are broken by id so pages are stable
SORTS = {
    "due": ("Hạn trả lời", (Petition.due_on,)),
    "received": ("Ngày nhận", (Petition.received_on,)),
    "unit": (UNIT, (Unit.name,)),
    "field": (FIELD, (Field.name,)),
    "village": (VILLAGE, (Village.name,)),
    "status": (STATUS, (Petition.status,)),
    "citizen": ("Người kiến nghị", (Petition.citizen_name,)),
    "conference": ("Hội nghị", (Conference.date,)),
}

PAGE_SIZE = 100
#: the screen's counts stop here: beyond it a person reads "hơn 10.000"
COUNT_CAP = followup.COUNT_CAP
#: a search's matches are counted up to here ("hơn 300"): counting a common
#: word further would read a large part of the table on every search
SEARCH_COUNT_CAP = 300
#: an office of up to this many petitions is searched by reading its rows
SMALL_SCOPE = 20_000
#: a search matching more petitions than this walks the board's index instead
FREQUENT = 5_000


@dataclass(frozen=True)
class BoardQuery:
    """What the user asked the board for. ``office_id`` None = every office on
    the server (a province gathering its communes)."""

    office_id: int | None
    status: str = "action"
    urgency: str | None = None           # late, due_soon, on_track, done
    unit_id: int | None = None
    field_id: int | None = None
    village_id: int | None = None
    conference_id: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    search: str = ""
    sort: str = "due"
    descending: bool = False
    page: int = 0
    page_size: int = PAGE_SIZE
    today: dt.date | None = None
    # keyset paging: the (sort value, id) of the row the page starts after, or
    # of the row it ends before; ``page`` then only numbers the page for display
    after: tuple | None = None
    before: tuple | None = None
    #: group heads shown with their members one by one (otherwise folded into the head's row)
    expanded: frozenset = frozenset()

    def with_(self, **changes) -> BoardQuery:
        return replace(self, **changes)

    @property
    def day(self) -> dt.date:
        return self.today or clock.today()


@dataclass
class BoardRow:
    """One line of the board, ready to draw or export (no database access):
    the petition's own facts here, and one value per column of the registry
    (models/services/board_columns.py) in ``values``, read as ``row.<key>``."""

    id: int
    row_version: int
    due_on: dt.date | None
    days_left: int | None
    days_unit: str
    urgency: str
    status: str
    conference_id: int | None
    unit_id: int | None
    received_on: dt.date
    channel: str
    values: dict = field(default_factory=dict)
    head_id: int | None = None      # the group's head, for a member shown on its own line
    folded: int = 0                 # members of this head's group on the same view ("+2")
    mark: str = ""                  # how F6 shows its group (group_mark)

    def __getattr__(self, name: str):
        values = self.__dict__.get("values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def days_text(self) -> str:
        """"còn 5 ngày", "trễ 3 ngày làm việc", "hôm nay"; empty when settled."""
        return followup.days_text(self.days_left, working=self.days_unit == WORKING)

    def mark_citizen(self, width: int = 16) -> str:
        """The citizen with the group's mark: "Lê Văn B +2", "↳ Trần Thị C"."""
        name = self.citizen
        if self.mark.startswith("↳"):
            return self.mark + name
        return (name if len(name) + len(self.mark) <= width else name[: max(1, width - len(self.mark) - 1)] + "…") \
            + self.mark


@dataclass
class BoardPage:
    rows: list[BoardRow]
    total: int                       # rows matching the filters, over every page
    counts: dict[str, int] = field(default_factory=dict)   # by urgency, over every page
    page: int = 0
    page_size: int = PAGE_SIZE
    keys: list[tuple] = field(default_factory=list)   # each row's (sort value, id), for keyset paging
    capped: bool = False             # the counts stopped at COUNT_CAP: there are more

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def next_query(self, q: BoardQuery) -> BoardQuery | None:
        """The query of the page after this one (None on the last page)."""
        if not self.keys or len(self.keys) < self.page_size or (self.page + 1 >= self.pages and not self.capped):
            return None     # a short page is the last one (groups fold rows the count includes)
        return q.with_(page=self.page + 1, after=self.keys[-1], before=None)

    def previous_query(self, q: BoardQuery) -> BoardQuery | None:
        if self.page <= 0 or not self.keys:
            return None
        return q.with_(page=self.page - 1, before=self.keys[0], after=None)


class Context:
    """What a query needs besides the filters: the office's calendar and rules
    (working or calendar days) and the due-soon limit. Built once per screen."""

    def __init__(self, office: Office | None, today: dt.date):
        self.today = today
        self.calendar = office_calendar(office) if office is not None else WorkCalendar()
        rules = office_rules(office) if office is not None else default_rules()
        # days are counted the way the deadline was set: working days for a
        # petition received outside a conference (Law on Citizen Reception, Art. 28)
        self.unit_for_channel = {"outside": rules["outside_answer"].unit}
        self.default_unit = rules["written_answer"].unit
        self.soon_limit = followup.due_soon_limit(today, self.calendar)
        self._days: dict[tuple[dt.date, str], int] = {}
        self.office_id = office.id if office is not None else None
        self._small: bool | None = None
        self._frequent: dict[str, bool] = {}

    @property
    def small_office(self) -> bool:
        """The office holds at most SMALL_SCOPE petitions (counted once, up to
        there): a search then reads its rows rather than a search index."""
        if self._small is None:
            self._small = self.office_id is not None and followup.capped_count(
                Petition.office == self.office_id, SMALL_SCOPE) <= SMALL_SCOPE
        return self._small

    def search_indexed(self, q: BoardQuery) -> bool:
        """Whether the search of ``q`` goes through the search index. Not in a
        small office (its rows are read), nor on SQLite for words that many
        petitions contain: the board's own index, walked in the order shown,
        meets a page of them sooner than the search index lists them all."""
        if q.office_id is not None and self.small_office:
            return False

        if is_postgres():
            return True     # its planner weighs the trigram index against the board's own
        text = q.search.strip()
        if text not in self._frequent:
            self._frequent[text] = frequent(Petition, text, FREQUENT)
        return not self._frequent[text]

    def days_unit(self, channel: str) -> str:
        return self.unit_for_channel.get(channel, self.default_unit)

    def days_left(self, due: dt.date, unit: str) -> int:
        key = (due, unit)  # many rows share a deadline; count each pair once
        if key not in self._days:
            self._days[key] = self.calendar.days_left(self.today, due, unit)
        return self._days[key]


def context_for(q: BoardQuery) -> Context:
    office = Office.get_or_none(Office.id == q.office_id) if q.office_id is not None else None
    return Context(office, q.day)


def _unindexed(col):
    """SQLite's idiom for "do not use an index for this column": a unary plus
    (a no-op on the value). PostgreSQL has no unary plus on text and does not
    need one: its planner weighs a sequential scan from table statistics."""
    return col if is_postgres() else pw.NodeList((pw.SQL("+"), col), glue="")


def count_exprs(ctx: Context) -> dict:
    """The urgency conditions of the board's counts (followup's), with the
    forwarded petitions apart: they wait for the upper level, they are not done."""
    return followup.urgency_expr(ctx.today, ctx.soon_limit)


def _group_heads_alike(q: BoardQuery):
    """A group's member whose head shows on the same view (same status and the
    same filtered values) is folded into the head's row; one whose head does
    not (a head answered at an earlier conference, say) keeps its own line."""
    head = Petition.alias("head")
    alike = (head.id == Petition.group_parent) & (head.status == Petition.status)
    for col, value in (("unit", q.unit_id), ("field", q.field_id), ("village", q.village_id),
                       ("conference", q.conference_id)):
        if value is not None:
            alike &= getattr(head, col) == value
    if q.received_from:
        alike &= head.received_on >= q.received_from
    if q.received_to:
        alike &= head.received_on <= q.received_to
    if q.urgency:
        alike &= head.due_on == Petition.due_on
    return head, alike


def _unfolded(q: BoardQuery):
    """Rows of their own: not a group member, or a member of an expanded group,
    or one whose head is not on this view. A search lists every match."""
    head, alike = _group_heads_alike(q)
    cond = Petition.group_parent.is_null() | ~pw.fn.EXISTS(head.select(pw.SQL("1")).where(alike))
    if q.expanded:
        cond |= Petition.group_parent.in_(sorted(q.expanded))
    return cond


def where_clause(q: BoardQuery, ctx: Context, *, scan: bool = False, fold: bool = False):
    """The filters as SQL. ``scan`` writes the status test so that no index
    can serve it: when every row must be read anyway (a search, a sort on a
    joined name), SQLite reads the table in order several times faster than it
    follows the status index row by row. ``fold`` leaves out the group members
    that are folded into their head's row (the page; counts count petitions)."""
    conds = []
    if q.office_id is not None:
        conds.append(Petition.office == q.office_id)
    status = _unindexed(Petition.status) if scan else Petition.status
    if q.status == "action":
        conds.append(status.in_(ACTION_STATUSES))
    elif q.status == "all":
        conds.append(status.not_in(HIDDEN_STATUSES))     # a withdrawn petition left the board
    elif q.status == "recorded":
        pass                     # every petition recorded, the withdrawn ones too (exports with --tat-ca)
    else:
        conds.append(status == q.status)
    if q.urgency:
        conds.append(count_exprs(ctx)[q.urgency])
    for col, value in ((Petition.unit, q.unit_id), (Petition.field, q.field_id),
                       (Petition.village, q.village_id), (Petition.conference, q.conference_id)):
        if value is not None:
            conds.append(col == value)
    if q.received_from:
        conds.append(Petition.received_on >= q.received_from)
    if q.received_to:
        conds.append(Petition.received_on <= q.received_to)
    if q.search.strip():
        conds.append(matches(Petition, q.search, indexed=ctx.search_indexed(q)))
    elif fold:
        conds.append(_unfolded(q))
    expr = pw.SQL("1 = 1")
    for c in conds:
        expr = expr & c
    return expr


#: what every row reads for itself; the columns' own reads follow (row_columns)
ROW_FACTS = (Petition.id, Petition.row_version, Petition.due_on, Petition.status, Petition.conference,
             Petition.unit, Petition.received_on, Petition.channel, Petition.group_parent)


def row_columns() -> list:
    """The database columns of a board row: its facts, then what the registry's columns read."""
    facts = {board_columns.key_of(f) for f in ROW_FACTS}
    return [*ROW_FACTS, *(f for f in board_columns.reads() if board_columns.key_of(f) not in facts)]


def _joined(query):
    return (query.join(Unit, pw.JOIN.LEFT_OUTER, on=(Petition.unit == Unit.id))
            .switch(Petition).join(Field, pw.JOIN.LEFT_OUTER, on=(Petition.field == Field.id))
            .switch(Petition).join(Village, pw.JOIN.LEFT_OUTER, on=(Petition.village == Village.id))
            .switch(Petition).join(Conference, pw.JOIN.LEFT_OUTER, on=(Petition.conference == Conference.id)))


def _ordered(query, q: BoardQuery, *, scan: bool = False):
    cols = SORTS.get(q.sort, SORTS["due"])[1]
    order = []
    for c in cols:
        # the screen's order (_order_of): a row without a value (a forwarded
        # petition has no deadline of ours) last, whichever way, on both engines
        key = _unindexed(c) if scan and c.model is Petition else c
        order.append(key.desc(nulls="LAST") if q.descending else key.asc(nulls="LAST"))
    order.append(Petition.id.desc() if q.descending else Petition.id.asc())
    return query.order_by(*order)


_SORT_JOINS = {Unit: Petition.unit, Field: Petition.field, Village: Petition.village,
               Conference: Petition.conference}


def _order_of(q: BoardQuery, reverse: bool = False):
    """(sort column, descending, nulls come first) of the page's order, or of
    its reverse (to read the page before a row). The order is the same on
    SQLite and PostgreSQL, whose own places for NULL differ: a row without a
    value (a forwarded petition's deadline, a petition of no unit) comes after
    every row with one, going up or down, and rows of the same value go by id."""
    col = SORTS.get(q.sort, SORTS["due"])[1][0]
    return col, q.descending != reverse, reverse


def _after(col, desc: bool, nulls_first: bool, key: tuple):
    """Rows strictly after ``key`` = (sort value, id) in that order."""
    value, pid = key
    step = (lambda a, b: a < b) if desc else (lambda a, b: a > b)
    if value is None:
        cond = col.is_null() & step(Petition.id, pid)
        return (cond | col.is_null(False)) if nulls_first else cond
    cond = step(pw.Tuple(col, Petition.id), pw.Tuple(value, pid))
    return cond if nulls_first else (cond | col.is_null())


def _page_keys(q: BoardQuery, ctx: Context) -> list[tuple]:
    """The (sort value, id) of one page's rows: filtered, ordered and cut in
    SQL, joining only the table the sort needs, so the database never joins
    rows it will not show. After (before) a key: the rows that follow (come
    before) it, read from the index in order; otherwise page × size rows in."""
    reverse = q.before is not None
    col, desc, nulls_first = _order_of(q, reverse)
    if col.model is not Petition and (q.page == 0 or q.after is not None or reverse):
        keys = _keys_by_name(q, ctx, col, desc, nulls_first)
        if keys is not None:
            return keys[::-1] if reverse else keys
    if col.model is Petition:
        keys = _keys_by_segment(q, ctx, col, desc, nulls_first, q.before if reverse else q.after)
        return keys[::-1] if reverse else keys
    query = Petition.select(col, Petition.id)
    query = query.join(col.model, pw.JOIN.LEFT_OUTER, on=(_SORT_JOINS[col.model] == col.model.id))
    # every open row of the province is sorted by a joined name anyway: read the
    # table in order rather than follow the status index (one office: its index)
    scan = q.office_id is None
    where = where_clause(q, ctx, scan=scan, fold=True)
    if q.after is not None or q.before is not None:
        where = where & _after(col, desc, nulls_first, q.before if reverse else q.after)
    nulls = "FIRST" if nulls_first else "LAST"
    order = [col.desc(nulls=nulls) if desc else col.asc(nulls=nulls),
             Petition.id.desc() if desc else Petition.id.asc()]
    query = query.where(where).order_by(*order).limit(q.page_size)
    if q.after is None and q.before is None:
        query = query.offset(max(0, q.page) * q.page_size)
    keys = [(v, pid) for v, pid in query.tuples()]
    return keys[::-1] if reverse else keys


def _keys_by_segment(q: BoardQuery, ctx: Context, col, desc: bool, nulls_first: bool,
                     key: tuple | None) -> list[tuple]:
    """A page sorted by a petition's own column, in _order_of's order on both
    engines, each part read from an index in its order (never a sort of every
    match): the rows with a value, (value, id) in order, and the rows without
    one, by id, one after the other; with several statuses (the default view)
    each status is read on its own (office, status, due_on) range and the
    parts merged, a page's worth from each."""
    want = q.page_size + (max(0, q.page) * q.page_size if key is None else 0)
    step = (lambda a, b: a < b) if desc else (lambda a, b: a > b)
    in_order = [(False, col.is_null()), (True, col.is_null(False))]     # (with a value?, condition)
    if not nulls_first:
        in_order.reverse()
    if key is None:
        parts = in_order
    else:               # from the key's part on, that part only after the key
        start = next(i for i, (valued, _c) in enumerate(in_order) if valued == (key[0] is not None))
        valued, cond = in_order[start]
        after = step(pw.Tuple(col, Petition.id), pw.Tuple(*key)) if valued else step(Petition.id, key[1])
        parts = [(valued, cond & after), *in_order[start + 1:]]
    statuses = ACTION_STATUSES if q.status == "action" else (None,)
    # a search within a status (the default view: open and forwarded ones)
    searching = bool(q.search.strip()) and q.status not in ("all", "recorded")
    out: list[tuple] = []
    for valued, cond in parts:
        found = []
        for status in statuses:
            where = where_clause(q if status is None else q.with_(status=status), ctx, fold=True) & cond
            # a search's matches within a status are few: found through the
            # (office, status, due_on, search_text) index and then sorted, not by
            # walking the sort column's index over every status and reading each
            # row's text (by date received at 1M: 200-225 ms of service, now
            # 46-82). Over every status the walk stops sooner: left to it.
            by = _unindexed(col) if searching and col is not Petition.due_on else col
            order = ([by.desc() if desc else by.asc()] if valued else []) + \
                [Petition.id.desc() if desc else Petition.id.asc()]
            query = (Petition.select(col, Petition.id).where(where).order_by(*order)
                     .limit(want - len(out)))
            found.append([(v, pid) for v, pid in query.tuples()])
        sort_key = (lambda k: (k[0], k[1])) if valued else (lambda k: k[1])
        out += list(heapq.merge(*found, key=sort_key, reverse=desc))[:want - len(out)]
        if len(out) >= want:
            break
    return out[want - q.page_size:] if key is None else out


def _keys_by_name(q: BoardQuery, ctx: Context, col, desc: bool, nulls_first: bool) -> list[tuple] | None:
    """A page sorted by a joined name (unit, field, village, conference date)
    without sorting every matching petition: the names are few, so they are
    read in order from their own small table, and the petitions of one name
    after another are read by id through the filters' index until the page is
    full. None when the page's key names a value no longer there (the caller
    then sorts in SQL)."""
    fk = _SORT_JOINS[col.model]
    names = col.model.select(col, col.model.id)
    if q.office_id is not None and col.model is not Conference:
        names = names.where(col.model.office == q.office_id)
    elif q.office_id is not None:
        names = names.where(Conference.office == q.office_id)
    ids_of: dict = {}
    for value, vid in names.order_by(col.desc() if desc else col.asc()).tuples():
        ids_of.setdefault(value, []).append(vid)  # in the database's own order (its collation)
    blocks = [(v, ids) for v, ids in ids_of.items()]
    blocks = ([(None, None)] + blocks) if nulls_first else (blocks + [(None, None)])
    key = q.before if q.before is not None else q.after
    start, after_id = 0, None
    if key is not None:
        value, after_id = key
        start = next((i for i, (v, _ids) in enumerate(blocks) if v == value), None)
        if start is None:
            return None
    where = where_clause(q, ctx, fold=True)
    out: list[tuple] = []
    for i, (value, ids) in enumerate(blocks[start:]):
        cond = where & (fk.is_null() if ids is None else fk.in_(ids))
        if i == 0 and after_id is not None:
            cond &= (Petition.id < after_id) if desc else (Petition.id > after_id)
        found = (Petition.select(Petition.id).where(cond)
                 .order_by(Petition.id.desc() if desc else Petition.id.asc())
                 .limit(q.page_size - len(out)))
        out += [(value, pid) for (pid,) in found.tuples()]
        if len(out) >= q.page_size:
            break
    return out


def _row(t: tuple, ctx: Context, names: list[str]) -> BoardRow:
    raw = dict(zip(names, t))
    pid, version, due, status, conf_id, unit_id, received, channel, head = t[:len(ROW_FACTS)]
    urgency = followup.urgency(status, due, ctx.today, ctx.soon_limit)
    days_unit = ctx.days_unit(channel)
    days = ctx.days_left(due, days_unit) if (due is not None and status == "open") else None
    row = BoardRow(pid, version, due, days, days_unit, urgency, status, conf_id, unit_id, received, channel,
                   head_id=head)
    row.values = {c.key: c.value_of(raw, row) for c in board_columns.columns() if c.batch is None}
    return row


def _with_batches(rows: list[BoardRow], columns) -> list[BoardRow]:
    """``rows`` with the values of the batch columns among ``columns`` (one query each)."""
    batch = [c for c in columns if c.batch is not None]
    if batch and rows:
        ids = [r.id for r in rows]
        for c in batch:
            found = c.batch(ids)
            for r in rows:
                r.values[c.key] = found.get(r.id, "")
    return rows


def rows(q: BoardQuery, ctx: Context | None = None) -> list[BoardRow]:
    """One page of rows."""
    ctx = ctx or context_for(q)
    return _rows_for(_page_keys(q, ctx), ctx, q)


def _rows_for(keys: list[tuple], ctx: Context, q: BoardQuery, columns=()) -> list[BoardRow]:
    ids = [pid for _v, pid in keys]
    if not ids:
        return []
    cols = row_columns()
    names = [board_columns.key_of(f) for f in cols]
    found = {t[0]: t for t in _joined(Petition.select(*cols)).where(Petition.id.in_(ids)).tuples()}
    out = [_row(found[pid], ctx, names) for pid in ids if pid in found]
    if not q.search.strip():
        folded = _folded_counts(q, ctx, [r.id for r in out if r.head_id is None])
        for r in out:
            r.folded = folded.get(r.id, 0)
    for r in out:
        r.mark = group_mark(q, r)
    return _with_batches(out, columns)


def _folded_counts(q: BoardQuery, ctx: Context, heads: list[int]) -> dict[int, int]:
    """Head id → its members on the same view (folded into its row unless expanded)."""
    if not heads:
        return {}
    # the members first, through the group_parent index (most pages have
    # none): given the filters with them, a planner would rather walk the
    # filters' index over every matching row of the province to find them
    members = [pid for (pid,) in Petition.select(Petition.id).where(Petition.group_parent.in_(heads)).tuples()]
    if not members:
        return {}
    head, alike = _group_heads_alike(q)
    query = (Petition.select(Petition.group_parent, pw.fn.COUNT(Petition.id))
             .join(head, on=alike)
             .where(where_clause(q, ctx) & Petition.id.in_(members))
             .group_by(Petition.group_parent))
    return dict(query.tuples())


def iterate(q: BoardQuery, ctx: Context | None = None, *, fold: bool = False, columns=(), batch: int = 500):
    """Every matching row, streamed from the database (for exports); with
    ``fold`` a group's members are left to their head's row (where_clause).
    The batch columns among ``columns`` are read ``batch`` rows at a time."""
    ctx = ctx or context_for(q)
    cols = row_columns()
    names = [board_columns.key_of(f) for f in cols]
    query = _ordered(_joined(Petition.select(*cols)).where(where_clause(q, ctx, fold=fold)), q)
    pending: list[BoardRow] = []
    for t in query.tuples().iterator():
        pending.append(_row(t, ctx, names))
        if len(pending) >= batch:
            yield from _with_batches(pending, columns)
            pending = []
    yield from _with_batches(pending, columns)


def counts(q: BoardQuery, ctx: Context | None = None, *, cap: int | None = None) -> dict[str, int]:
    """Matching rows by urgency plus "total". With ``cap`` each figure stops
    counting there (the screen: a count never reads more than ``cap`` index
    entries, whatever the database holds); ``capped`` then says whether any did."""
    ctx = ctx or context_for(q)
    if cap is not None:
        return _capped_counts(q, ctx, cap)
    exprs = count_exprs(ctx)
    open_keys = ("late", "due_soon", "on_track")
    # a search within a status (the default view: open and forwarded ones)
    searching = bool(q.search.strip()) and q.status not in ("all", "recorded")
    where = where_clause(q, ctx, scan=searching)
    if searching:
        # the table (or the search index) is read once, whatever it costs
        sums = [pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(cond, 1)], 0)), 0).alias(key)
                for key, cond in exprs.items()]
        row = Petition.select(pw.fn.COUNT(Petition.id).alias("total"), *sums).where(where).dicts().get()
        return {k: int(v or 0) for k, v in row.items()}
    # otherwise two index-only counts: all matches, then the urgency of the
    # open ones, which are a small part of a database of several years
    total = Petition.select(pw.fn.COUNT(Petition.id)).where(where).scalar() or 0
    keys = (*open_keys, "waiting")
    sums = [pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(exprs[k], 1)], 0)), 0).alias(k) for k in keys]
    row = Petition.select(*sums).where(where & Petition.status.in_(("open", WAITING))).dicts().get()
    out = {"total": int(total), **{k: int(row[k] or 0) for k in keys}}
    out["done"] = out["total"] - sum(out[k] for k in keys)
    return out


def _capped_counts(q: BoardQuery, ctx: Context, cap: int) -> dict[str, int]:
    """Each urgency counted on its own range of the (office, status, due_on)
    index, up to ``cap``; a search's matches are counted once, up to ``cap``,
    and their urgency told from those rows."""
    exprs = count_exprs(ctx)
    where = where_clause(q, ctx)
    out: dict[str, int] = {}
    if q.search.strip():
        cap = min(cap, SEARCH_COUNT_CAP)
        found = list(Petition.select(Petition.status, Petition.due_on).where(where).limit(cap + 1).tuples())
        for status, due in found[:cap]:
            key = followup.urgency(status, due, ctx.today, ctx.soon_limit)
            out[key] = out.get(key, 0) + 1
        out = {k: out.get(k, 0) for k in exprs}
        out["total"] = len(found)
    else:
        # the figures the status filter can have: open ones by urgency, or one status
        keys = (list(exprs) if q.status == "all" else
                ["late", "due_soon", "on_track", "waiting"] if q.status == "action" else
                ["late", "due_soon", "on_track"] if q.status == "open" else
                ["waiting" if q.status == WAITING else "done"])
        out = {k: (followup.capped_count(where & exprs[k], cap) if k in keys else 0) for k in exprs}
        out["total"] = sum(out.values())
    out["capped"] = int(any(out[k] > cap for k in (*exprs, "total")) if q.search.strip()
                        else any(out[k] > cap for k in exprs))
    out["cap"] = cap
    return out


def page(q: BoardQuery, ctx: Context | None = None, *, known: dict[str, int] | None = None,
         cap: int | None = None) -> BoardPage:
    """The rows of the asked page and the totals (``known``: the counts of the
    same filters, when only the page changed). A page past the end (the list
    shrank since) falls back to the last page; a keyset page that came out
    empty (its rows went away) falls back to the first."""
    ctx = ctx or context_for(q)
    c = known if known is not None else counts(q, ctx, cap=cap)
    capped = bool(c.get("capped"))
    last = max(0, -(-c["total"] // q.page_size) - 1)
    if q.page > last and not capped:
        q = q.with_(page=last, after=None, before=None)
    keys = _page_keys(q, ctx)
    if not keys and q.page and (q.after is not None or q.before is not None):
        q = q.with_(page=0, after=None, before=None)
        keys = _page_keys(q, ctx)
    shown = [col for col in board_columns.columns() if col.screen is not None]
    return BoardPage(_rows_for(keys, ctx, q, shown), c["total"], c, q.page, q.page_size, keys, capped)


def toggle_group(q: BoardQuery, row: BoardRow) -> BoardQuery | None:
    """The same page with ``row``'s group opened into its members, or folded
    back into its head's row; None when the row is in no group on this view."""
    head = row.head_id if row.head_id in q.expanded else row.id
    if head not in q.expanded and not row.folded:
        return None
    return q.with_(expanded=q.expanded ^ {head})


def group_mark(q: BoardQuery, row: BoardRow) -> str:
    """How the citizen cell shows a group: "+2" after a folded head (two more
    petitions of the same content), "▾2" after an opened one, "↳ " before its members."""
    if row.head_id in q.expanded:
        return "↳ "
    if row.folded:
        return f" {'▾' if row.id in q.expanded else '+'}{row.folded}"
    return ""


def petition(pid: int, office=None) -> Petition:
    """A petition by its number; of ``office`` only when given."""
    cond = Petition.id == pid
    if office is not None:
        cond &= Petition.office == office
    p = Petition.get_or_none(cond)
    if p is None:
        raise NotFound("Không tìm thấy kiến nghị này (có thể đã bị xóa ở máy khác). Hãy tải lại bảng (R).")
    return p


@dataclass
class Detail:
    """What the detail view shows: the petition, its history on the board
    (PetitionEvent) and the audit trail of its record."""

    petition: Petition
    events: list
    audit: list
    group: list = field(default_factory=list)    # the members of its group, head first


def detail(pid: int, office=None) -> Detail:
    from models.services.history import rows_for  # off the start-up path

    p = petition(pid, office)
    events = list(PetitionEvent.select().where(PetitionEvent.petition == p)
                  .order_by(PetitionEvent.at, PetitionEvent.id))
    from models.services.history import user_label  # off the start-up path

    who = {u: user_label(u) for u in {ev.user for ev in events}}
    for ev in events:
        ev.user_shown = who[ev.user]      # a person's name, never a login such as "root"
    from models.services.petition_edit import group_members  # off the start-up path

    return Detail(p, events, rows_for(p), group_members(p))


def choices(office_id: int) -> dict[str, list[tuple[str, int]]]:
    """Options for the filter form: units, fields, villages, conferences."""
    conf = [(f"{c.date:%d/%m/%Y} — {c.title[:50]}", c.id) for c in
            Conference.select().where(Conference.office == office_id).order_by(Conference.date.desc())]
    return {
        "unit": [(u.name, u.id) for u in by_name(Unit.select().where(Unit.office == office_id))],
        "field": [(f.name, f.id) for f in Field.select().where(Field.office == office_id).order_by(Field.code)],
        "village": [(v.label, v.id) for v in by_name(Village.select().where(Village.office == office_id))],
        "conference": conf,
    }


def filter_as_typed(values: dict) -> dict:
    """F6's filter form (L) as the changes to a BoardQuery: the lists as chosen
    (no status chosen: what still waits), the received dates read as dates,
    each optional, the end not before the start."""
    def day(key: str, label: str):
        typed = str(values.get(key) or "").strip()
        return parse_date(typed, label, field=key) if typed else None

    start = day("received_from", BoardFormWords.FROM_DAY)
    end = day("received_to", BoardFormWords.TO_DAY)
    if start and end and end < start:
        raise ValidationError(BoardFormWords.END_BEFORE_START.format(start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"),
                              field="received_to")
    return dict(status=values.get("status") or "action", urgency=values.get("urgency"),
                unit_id=values.get("unit"), field_id=values.get("field"), village_id=values.get("village"),
                conference_id=values.get("conference"), received_from=start, received_to=end)
