"""Theo dõi: every petition that still needs action, one page at a time.

The screen keeps a BoardQuery (filters, sort, search, page) and asks
models.services.board for one page of plain rows in one thread worker, one
query per step, for a page of as many rows as the table shows (nothing is
built for rows out of view): the next and previous pages continue from the rows shown
(keyset), and the counts are
asked again only when the filters change (capped: "hơn 10.000"). The rows are
written into the table's lines in place, in columns of fixed width (nothing is
measured), and the table paints only the lines in view. Actions
open a small form, save through models.services.board_actions and reload."""
from __future__ import annotations

import threading

from rich.text import Text
from textual import on

from .. import work as jobs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from models.core import clock
from models.domain.base import opened_as
from models.services import board as svc
from models.services import board_columns
from models.services.board_columns import Column
from models.services.followup import figure

from .. import prefetch, words
from ..words import BoardWords
from ..plain import plain
from models.core.words import FIELD, STATUS, UNIT

from ..widgets.boxes import clip, wrap
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen


TITLE_LOCK = threading.Lock()   # O pressed twice: the second starts from the first's title


def column_layout(width: int) -> list[tuple[Column, int]]:
    """The registry's columns shown at ``width`` cells, each with its width
    (models/services/board_columns.py: the content column takes the rest)."""
    return board_columns.layout(width)


#: the content column wraps to at most this many lines
CONTENT_LINES = 2


# urgency → theme variable used to colour the deadline cells
URGENCY_VARIABLE = {"late": "error", "due_soon": "warning", "on_track": "success", "waiting": "accent"}
# $text-muted is "auto 60%", which only Textual's own widgets understand: Rich would drop it
DONE_STYLE = "dim"
SEARCH_DELAY = 0.3   # seconds after the last key before the search runs
# document kind (its slug in models.services.kinds) → (the row's attribute it is written for, message when the row has none)
PRINTS = {
    "tra-loi": ("id", ""),
    "don-doc": ("unit_id", BoardWords.NO_UNIT),
    "ket-luan": ("conference_id", BoardWords.NO_CONCLUSION),
    "bao-cao": ("conference_id", BoardWords.NO_REPORT),
}



def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


W = BoardWords


class BoardScreen(AppScreen):
    HELP = BoardWords.HELP
    BINDINGS = [
        Binding("slash", "search", W.SEARCH, id="board.search"),
        Binding("l", "filter", W.FILTER, id="board.filter"),
        Binding("0", "clear_filters", W.CLEAR, id="board.clear"),
        Binding("s", "sort", W.SORT, id="board.sort"),
        Binding("d", "reverse", W.REVERSE, id="board.reverse", show=False),
        Binding("right_square_bracket", "page(1)", W.NEXT_PAGE, id="board.next_page", show=False),
        Binding("left_square_bracket", "page(-1)", W.PREVIOUS_PAGE, id="board.prev_page", show=False),
        Binding("g", "assign", W.ASSIGN, id="board.assign"),
        Binding("h", "extend", W.EXTEND, id="board.extend"),
        Binding("v,i", "print('tra-loi')", W.WRITE_ANSWER, id="board.print_answer",
                tooltip=words.ISSUE_WORDS),
        Binding("t", "answer", W.OTHER_ANSWER, id="board.answer"),
        Binding("o,ctrl+w", "title", words.PaperKeyWords.TITLE_KEY, id="board.title", show=False),
        Binding("ctrl+z", "history", words.PaperKeyWords.HISTORY, id="board.history", show=False),
        Binding("c", "close_petition", W.CLOSE, id="board.close"),
        Binding("m", "reopen", W.REOPEN, id="board.reopen"),
        Binding("u", "print('don-doc')", W.REMINDER, id="board.print_reminder", show=False,
                tooltip=words.ISSUE_WORDS),
        Binding("k", "print('ket-luan')", W.CONCLUSION, id="board.print_conclusion", show=False,
                tooltip=words.ISSUE_WORDS),
        Binding("b", "print('bao-cao')", W.REPORT, id="board.print_report", show=False,
                tooltip=words.ISSUE_WORDS),
        Binding("n", "toggle_group", W.GROUP, id="board.group"),
        Binding("x", "export", W.EXPORT, id="board.export"),
        Binding("r", "refresh", words.RELOAD, id="board.refresh", show=False),
    ]

    class Loaded(Message):
        """Posted when a page is on screen (tests and timing wait for it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query_state: svc.BoardQuery | None = None
        self.page_data: svc.BoardPage | None = None
        self.rows_by_id: dict[int, svc.BoardRow] = {}
        self.row_ids: list[int] = []        # the id on each line of the table
        self._search_timer: Timer | None = None
        self._suspended = False
        self._focus_table = False           # Enter in the search box: the table takes the focus with the results
        self._ctx: svc.Context | None = None    # calendar and rules, built once a day (and on return)

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, id="board-title", classes="screen-title")
        yield Static("", id="board-filters", classes="hint")
        yield Input(placeholder=W.SEARCH_PLACEHOLDER,
                    id="board-search")
        yield PageTable(id="board-table", zebra_stripes=True)
        yield Static(W.LOADING, id="board-status", classes="hint")
        yield KeyBar()

    def _room(self, width: int) -> int:
        """The cells the table has at a terminal ``width``: the screen's padding off."""
        return width - self.styles.gutter.width

    def column_index(self, key: str) -> int | None:
        """Where the column of ``key`` (board_columns.COLUMNS) is in the table now, or None."""
        return next((i for i, (c, _w) in enumerate(self._columns) if c.key == key), None)

    def rows_in_view(self) -> int:
        """How many rows the table shows at this terminal's height: a page is
        that many, so a step builds and writes only the rows a person sees."""
        return prefetch.board_rows(self.app.size.height)

    def on_mount(self) -> None:
        self.query_state = svc.BoardQuery(self.office.id, page_size=self.rows_in_view())
        table = self.query_one("#board-table", PageTable)
        self._columns = column_layout(self._room(self.app.size.width))
        for column, width in self._columns:
            table.add_column(column.screen_heading, width=width)
        table.focus()
        # the first page read the moment the dashboard painted (tui/prefetch.py),
        # taken in a worker: it may still be on its way
        jobs.run(self, self._first_page, self.query_state.with_(today=clock.today()), done=self._show_first,
                 group="board")

    def _first_page(self, q: svc.BoardQuery):
        """In a worker: the prefetched first page when it answers ``q``, else read now."""
        ready = prefetch.take("board")
        if ready is not None:
            asked, ctx, data = ready
            if asked == (opened_as(), q):       # the same database, office, day and page
                self._ctx = ctx
                return q, data
        return q, self._fetch(q, None)

    def _show_first(self, shown) -> None:
        q, data = shown
        self.show(data, q)

    def on_resize(self, event) -> None:
        columns = column_layout(self._room(event.size.width))
        if columns != getattr(self, "_columns", columns):
            self._columns = columns
            table = self.query_one("#board-table", PageTable)
            table.clear(columns=True)
            for column, width in columns:
                table.add_column(column.screen_heading, width=width)
            if self.page_data is not None:
                self._write_rows(table, self.page_data.rows)
        fits = self.rows_in_view()
        if self.query_state is not None and self.page_data is not None and fits != self.query_state.page_size:
            self.requery(page_size=fits)

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        # the first resume comes with the mount, which has already asked for the page
        if not self.is_current:     # built behind the dashboard (app.prepare_busiest): load again when shown
            self._suspended = True
            return
        if self._suspended and self.query_state is not None:
            self._suspended = False
            self._ctx = None   # holidays or rules may have been edited meanwhile
            # read again once the page shown last is on screen: F6 draws at once
            self.call_after_refresh(self.load)

    # loading -----------------------------------------------------------------
    def load(self, query: svc.BoardQuery | None = None, *, recount: bool = True) -> None:
        """Ask for ``query`` (default: the current one, from its first row
        again); ``recount`` False keeps the counts shown (only the page moved)."""
        q = (query or self.query_state).with_(today=clock.today())
        known = None if recount or self.page_data is None else self.page_data.counts
        jobs.run(self, self._fetch, q, known, done=lambda data: self.show(data, q), group="board")

    def _fetch(self, q: svc.BoardQuery, known: dict | None) -> svc.BoardPage:
        """In a worker."""
        if self._ctx is None or self._ctx.today != q.day:
            self._ctx = svc.context_for(q)
        return svc.page(q, self._ctx, known=known, cap=svc.COUNT_CAP)

    def show(self, data: svc.BoardPage, q: svc.BoardQuery | None = None) -> None:
        self.page_data = data
        q = q or self.query_state
        if data.page != q.page:   # the service fell back to another page: start from its first row
            q = q.with_(after=None, before=None)
        self.query_state = q.with_(page=data.page, today=None)
        table = self.query_one("#board-table", PageTable)
        keep = table.cursor_row
        self.rows_by_id = {r.id: r for r in data.rows}
        self.row_ids = [r.id for r in data.rows]
        self._write_rows(table, data.rows)
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        c = data.counts
        cap = c.get("cap")

        def n(key):
            return figure(c.get(key, 0), cap)

        self.query_one("#board-title", Static).update(plain(
            W.COUNTS.format(total=n("total"), late=n("late"), due_soon=n("due_soon"), on_track=n("on_track"))
            + (W.COUNT_WAITING.format(n=n("waiting")) if c.get("waiting") else "")
            + (W.COUNT_DONE.format(n=n("done")) if c.get("done") else "")))
        self.query_one("#board-filters", Static).update(plain(self.describe_filters()))
        pages = "" if data.capped else f"/{data.pages}"
        self.query_one("#board-status", Static).update(plain(
            W.PAGE.format(page=data.page + 1, pages=pages) if data.total else W.NOTHING_MATCHES))
        if self._focus_table:
            self._focus_table = False
            table.focus()
        self.post_message(self.Loaded())

    def _write_rows(self, table: PageTable, rows: list[svc.BoardRow]) -> None:
        """The page's rows written over the lines already in the table (added
        or removed only at the end): a line that shows the same petition as
        before is not made again, and the table repaints only changed lines."""
        colours = self._colours()
        while table.row_count > len(rows):
            table.remove_row(table.row_count - 1)
        for i, r in enumerate(rows):
            style = colours.get(URGENCY_VARIABLE[r.urgency], "") if r.urgency != "done" else DONE_STYLE
            cells = tuple(self._cell(column, width, r, style) for column, width in self._columns)
            if i < table.row_count:
                table.update_row(i, *cells, key=str(r.id))
            else:
                table.add_row(*cells, key=str(r.id))

    def _colours(self) -> dict[str, str]:
        """The theme's colours, made once per theme: Textual generates the
        whole palette at each call (10-30 ms of every page on a loaded PC)."""
        theme = self.app.theme
        kept = self.__dict__.get("_palette")
        if kept is None or kept[0] != theme:
            kept = self.__dict__["_palette"] = (theme, self.app.get_css_variables())
        return kept[1]

    @staticmethod
    def _cell(column: Column, width: int, row: svc.BoardRow, style: str):
        if column.screen == board_columns.FILL:     # the content: wrapped, on two lines where needed
            lines = wrap(str(column.screen_text(row, width)), width)
            if len(lines) > CONTENT_LINES:
                lines = lines[:CONTENT_LINES - 1] + [clip(" ".join(lines[CONTENT_LINES - 1:]), width)]
            return "\n".join(clip(line, width) for line in lines)
        text = clip(str(column.screen_text(row, width)), width)
        return Text(text, style=style) if column.urgent else text

    def describe_filters(self) -> str:
        q = self.query_state
        parts = [svc.STATUS_FILTERS.get(q.status, q.status)]
        if q.urgency:
            from models.services.followup import URGENCY_LABELS

            parts.append(URGENCY_LABELS[q.urgency])
        names = getattr(self, "_filter_names", {})
        for key in ("unit", "field", "village", "conference"):
            if getattr(q, f"{key}_id") is not None:
                parts.append(names.get(key, ""))
        if q.received_from or q.received_to:
            parts.append(W.RECEIVED.format(start=_d(q.received_from) or "…", end=_d(q.received_to) or "…"))
        if q.search.strip():
            parts.append(W.SEARCHED.format(text=q.search.strip()))
        label = svc.SORTS[q.sort][0]
        return W.FILTERS.format(filters=" · ".join(p for p in parts if p), sort=label,
                                arrow="↓" if q.descending else "↑")

    def requery(self, **changes) -> None:
        changes.setdefault("page", 0)
        self.query_state = self.query_state.with_(after=None, before=None, **changes)
        self.load()

    # search, filter, sort, pages --------------------------------------------
    def action_search(self) -> None:
        self.query_one("#board-search", Input).focus()

    @on(Input.Changed, "#board-search")
    def _typed(self, event: Input.Changed) -> None:
        # a one-shot timer, restarted by every key: it exists only while typing
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def _run_search(self) -> None:
        self._search_timer = None
        text = self.query_one("#board-search", Input).value
        if text != self.query_state.search:
            self.requery(search=text)

    @on(Input.Submitted, "#board-search")
    def _search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        before = self.query_state
        self._run_search()
        if self.query_state is before:      # nothing new to find: the table takes the keys now
            self.query_one("#board-table", PageTable).focus()
        else:                               # with the results, in one repaint (no restyle while searching)
            self._focus_table = True

    def on_key(self, event) -> None:
        if event.key == "escape" and self.focused is self.query_one("#board-search", Input):
            self.query_one("#board-table", PageTable).focus()
            event.stop()

    def action_filter(self) -> None:
        jobs.run(self, svc.choices, self.office.id, done=self._filter_form, group="board-choices")

    def _filter_form(self, opts: dict) -> None:
        from models.services.followup import URGENCY_LABELS

        q = self.query_state
        fields = [
            FormField("status", STATUS, q.status, kind="select",
                      options=[(label, key) for key, label in svc.STATUS_FILTERS.items()]),
            FormField("urgency", W.URGENCY, q.urgency, kind="select",
                      options=[(label, key) for key, label in URGENCY_LABELS.items()]),
            FormField("unit", UNIT, q.unit_id, kind="select", options=opts["unit"]),
            FormField("field", FIELD, q.field_id, kind="select", options=opts["field"]),
            FormField("village", W.VILLAGE, q.village_id, kind="select", options=opts["village"]),
            FormField("conference", W.CONFERENCE, q.conference_id, kind="select", options=opts["conference"]),
            FormField("received_from", W.RECEIVED_FROM, _d(q.received_from), placeholder="01/01/2026"),
            FormField("received_to", W.RECEIVED_TO, _d(q.received_to), placeholder="31/12/2026"),
        ]

        def filtered(changes):
            if changes:
                # the names of the lists' choices, for the line above the table
                self._filter_names = {k: next((lb for lb, val in opts[k] if val == changes[f"{k}_id"]), "")
                                      for k in opts}
                self.requery(**changes)

        self.app.push_screen(FormScreen(W.FILTER_TITLE, fields, id="board_filter"), filtered)

    def action_clear_filters(self) -> None:
        self.query_one("#board-search", Input).value = ""
        self.requery(status="action", urgency=None, unit_id=None, field_id=None, village_id=None,
                     conference_id=None, received_from=None, received_to=None, search="")

    def action_sort(self) -> None:
        keys = list(svc.SORTS)
        self.requery(sort=keys[(keys.index(self.query_state.sort) + 1) % len(keys)])
        self.notify(W.SORTED_BY.format(sort=svc.SORTS[self.query_state.sort][0].lower()), timeout=2)

    def action_reverse(self) -> None:
        self.requery(descending=not self.query_state.descending)

    def action_page(self, step: int) -> None:
        data = self.page_data
        if data is None:
            return
        q = data.next_query(self.query_state) if step > 0 else data.previous_query(self.query_state)
        if q is not None:
            self.load(q, recount=False)

    def action_refresh(self) -> None:
        self.load()

    def action_toggle_group(self) -> None:
        row = self.current()
        q = row and svc.toggle_group(self.query_state, row)
        if row is not None and q is None:
            self.notify(W.NOT_IN_GROUP, timeout=3)
        elif q is not None:
            self.load(q, recount=False)

    # the current row ----------------------------------------------------------
    def current(self) -> svc.BoardRow | None:
        table = self.query_one("#board-table", PageTable)
        if not table.row_count:
            self.notify(W.NO_ROW, severity="warning", timeout=3)
            return None
        row = table.cursor_row
        return self.rows_by_id.get(self.row_ids[row]) if 0 <= row < len(self.row_ids) else None

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        row = self.current()
        if row is None:
            return
        from .board_detail import PetitionDetailScreen, read_detail

        jobs.run(self, read_detail, row.id, self.office, group="board-detail",
                 done=lambda shown: self.app.push_screen(PetitionDetailScreen(*shown),
                                                         lambda changed: changed and self.load()))

    def _act(self, title: str, fields: list[FormField], action: str) -> None:
        """A form for the current row; its Ctrl+S does ``action`` of
        models.services.board_actions.FOLLOW_UPS (``save_follow_up``)."""
        row = self.current()
        if row is None:
            return

        def done(result):
            if result is not None:
                if result[1] > 1:
                    self.notify(W.WHOLE_GROUP.format(n=result[1]), timeout=4)
                self.notify(W.SAVED, timeout=2)
                self.load()

        self.app.push_screen(FormScreen(f"{title} — {clip(row.citizen, 30)}: {clip(row.summary, 50)}",
                                        fields, id="follow_up", subject=(row, action)), done)

    def action_assign(self) -> None:
        row = self.current()
        if row is None:
            return

        def ask(opts):
            self._act(W.ASSIGN, [FormField("unit", W.ANSWERING_UNIT, row.unit_id, kind="select",
                                                options=opts["unit"])], "assign")

        jobs.run(self, svc.choices, self.office.id, done=ask, group="board-choices")

    def action_extend(self) -> None:
        row = self.current()
        if row is None:
            return
        self._act(W.EXTEND, [FormField("due_on", W.NEW_DUE, "", placeholder=_d(row.due_on)),
                              FormField("reason", W.EXTEND_REASON, "", kind="text")], "extend")

    def action_answer(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.status == "forwarded":
            self._act(W.UPPER_REPLY,
                      [FormField("answer_number", W.UPPER_NUMBER, ""),
                       FormField("answer_date", W.LETTER_DATE, _d(clock.today())),
                       FormField("answer_summary", W.REPLY_SUMMARY, "", kind="text")], "upper_reply")
            return
        self._act(W.OTHER_ANSWER_TITLE,
                  [FormField("answer_number", W.ANSWER_NUMBER, "", placeholder=W.ANSWER_NUMBER_EXAMPLE),
                   FormField("answer_date", W.LETTER_DATE, _d(clock.today())),
                   FormField("answer_summary", W.ANSWER_SUMMARY, "", kind="text")], "answer")

    def action_title(self) -> None:
        """O: the citizen's title, Ông → Bà → none, one key and no form (issue 22
        item 3); the letters to them use it. Presses are applied one at a time."""
        row = self.current()
        if row is None:
            return
        office = self.office

        def change():
            from models.services import board_actions as act

            with TITLE_LOCK:
                return act.next_title_for(svc.petition(row.id, office))

        def done(p):
            w = words.PaperKeyWords
            title = p.citizen_title
            self.notify(w.TITLE_SET_FOR.format(number=p.id, name=p.citizen_label, title=title or w.NO_TITLE,
                                               said=title.lower() or w.SIR_OR_MADAM, undo=words.key("ctrl+z")),
                        timeout=8, markup=False)
            self.load()

        jobs.run(self, change, done=done, group="board-title", exclusive=False)

    def action_history(self) -> None:
        """Ctrl+Z: the selected petition's history of changes; U there puts one back."""
        from ..widgets.history import HistoryScreen

        row = self.current()
        if row is None:
            return

        def opened(p):
            self.app.push_screen(HistoryScreen(p, words.PaperKeyWords.HISTORY_OF.format(number=p.id, name=p.citizen_label)),
                                 lambda _: self.load())

        jobs.run(self, svc.petition, row.id, self.office, done=opened, group="board-history")

    def action_close_petition(self) -> None:
        self._act(W.CLOSE_TITLE, [FormField("note", W.CLOSE_NOTE, "")], "close")

    def action_reopen(self) -> None:
        self._act(W.REOPEN_TITLE, [FormField("reason", W.REOPEN_REASON, ""),
                                   FormField("due_on", W.REOPEN_DUE, "")], "reopen")

    # the forms' Ctrl+S (intent up, tui/widgets/form.py): the model's services answer
    def save_board_filter(self, event) -> None:
        event.save(svc.filter_as_typed, event.values)

    def save_follow_up(self, event) -> None:
        from models.services.board_actions import follow_up

        row, action = event.subject     # the row's version as shown: a save meanwhile is told
        event.save(follow_up, self.office, row.id, action, event.values, expected_version=row.row_version)

    def save_board_export(self, event) -> None:
        from models.services.export import job_as_typed

        event.save(job_as_typed, event.values, clock.today())

    # printing and export ------------------------------------------------------
    def action_print(self, kind: str) -> None:
        """Print the document of ``kind`` for the current row (its petition,
        its unit or its conference)."""
        row = self.current()
        if row is None:
            return
        attr, missing = PRINTS[kind]
        ref = getattr(row, attr)
        if ref is None:
            self.notify(missing, severity="warning")
            return
        self.print_document(kind, ref)

    def print_document(self, kind: str, ref_id: int) -> None:
        """The editor of the document: the answer letter of the petition, the
        reminder of its unit, the conclusion notice or report of its conference."""
        from .document_editor import open_editor

        open_editor(self, kind, ref_id)

    def action_export(self) -> None:
        from models.core.paths import locations

        folder = locations().documents
        fields = [
            FormField("what", W.EXPORT_WHAT, "board", kind="select",
                      options=[(W.EXPORT_BOARD, "board"), (W.EXPORT_STATS, "stats")]),
            FormField("fmt", W.FORMAT, "xlsx", kind="select",
                      options=[(W.XLSX, "xlsx"), (W.CSV, "csv")]),
            FormField("contacts", W.CONTACTS, "yes", kind="select",
                      options=[(W.WITH_CONTACTS, "yes"), (W.WITHOUT_CONTACTS, "no")]),
            FormField("path", W.FOLDER, str(folder)),
        ]

        self.app.push_screen(FormScreen(W.EXPORT_TITLE, fields, id="board_export"),
                             lambda job: job and self.export(job))

    def _ask_replace(self, job: dict, path) -> None:
        from ..widgets.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(W.REPLACE_FILE.format(path=path)),
                             lambda yes: yes and self.export(job, replace=True))

    def export(self, job: dict, replace: bool = False) -> None:
        from models.storage.files import DestinationExists
        from models.services import export, statistics

        q = self.query_state.with_(today=clock.today())

        def write() -> str:     # in a worker
            if job["what"] == "stats":
                res = export.export_statistics(statistics.compute(q.with_(status="all")), job["path"], job["fmt"],
                                               replace=replace)
                return W.EXPORTED_STATS.format(rows=res.rows, path=res.path)
            res = export.export_board(q, job["path"], job["fmt"], contacts=job["contacts"], replace=replace)
            return W.EXPORTED.format(rows=res.rows, path=res.path)

        def failed(exc):
            if isinstance(exc, DestinationExists):
                self._ask_replace(job, exc.path)
            else:
                self.notify_error(exc)

        jobs.run(self, write, done=lambda msg: self.notify(msg, timeout=10), failed=failed,
                 group="board-export", exclusive=False)
