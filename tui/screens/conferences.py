"""Hội nghị: the conferences of a plan; scheduling, the legal milestones with
warnings, the notice, loudspeaker script, invitations and blank forms, and the
broadcast schedule with its reading log."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from models.core import clock
from models.domain.conference import BroadcastSlot, Conference
from models.services import conferences as svc
from models.core.words import CONFERENCE_STATUSES, STATUS

from .. import work
from .. import words
from ..plain import bold, plain
from ..widgets.boxes import clip
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen
from .dashboard import STATE_STYLE, days_text
from ..words import ConferencesWords as W

FORM_LABELS = W.FORM_LABELS
TEXT_KEYS = {"chair", "topics", "invited_groups", "invitees"}


@dataclass
class Detail:
    """What the right-hand side shows for one conference (built in a worker)."""

    conf: Conference
    villages: str
    milestones: list
    warning: object          # Content
    slots: list[BroadcastSlot]


#: the screen's layout below this width (app.tcss "-narrow")
NARROW_BELOW = 120
#: milestone columns beside the name: "Hạn" (10) and "Còn" (10), each cell's padding, the scroll bar
MILESTONE_FIXED = 10 + 10 + 3 * 2 + 2


def warning_text(milestones):
    """The next milestone not done: a warning when late or due within 3 days."""
    todo = sorted((m for m in milestones if m.state != "done"), key=lambda m: (m.state != "late", m.due))
    if not todo:
        return plain(bold(W.ALL_DONE))
    m = todo[0]
    line = W.MILESTONE_LINE.format(label=m.label, due=m.due, left=days_text(m.days_left), source=m.source)
    if m.state == "late":
        return plain((W.LATE, "bold red"), " ", line)
    if m.state == "due_soon":
        return plain((W.DUE_SOON, "bold yellow"), " ", line)
    return plain(W.NEXT_MILESTONE.format(line=line))


def read_detail(cid: int) -> Detail:
    """In a worker: the conference, its villages, milestones and broadcast slots."""
    from models.services.milestones import conference_milestones

    conf = Conference.get_by_id(cid)
    ms = conference_milestones(conf)
    return Detail(conf, ", ".join(v.label for v in svc.villages_of(conf)), ms, warning_text(ms),
                  svc.broadcast_slots(conf))


class ConferencesScreen(AppScreen):
    HELP = (W.HELP)
    BINDINGS = [
        Binding("n", "new", W.NEW, id="conferences.new"),
        Binding("e", "edit", words.EDIT, id="conferences.edit"),
        Binding("p", "next_plan", W.NEXT_PLAN, id="conferences.plan"),
        Binding("t", "document('thong-bao')", W.NOTICE, id="conferences.notice", tooltip=words.ISSUE_WORDS),
        Binding("g", "document('giay-moi')", W.INVITATIONS, id="conferences.invitations", tooltip=words.ISSUE_WORDS),
        Binding("b", "document('bien-ban')", W.MINUTES, id="conferences.minutes", tooltip=words.ISSUE_WORDS),
        Binding("k", "document('ket-luan')", W.CONCLUSION, id="conferences.conclusion", tooltip=words.ISSUE_WORDS),
        Binding("c", "document('bao-cao')", W.REPORT, id="conferences.report", tooltip=words.ISSUE_WORDS),
        Binding("y", "signed", CONFERENCE_STATUSES["minutes_signed"], id="conferences.signed"),
        Binding("l", "script", W.SCRIPT, id="conferences.script"),
        Binding("f", "forms", W.FORMS, id="conferences.forms"),
        Binding("s", "schedule", W.SCHEDULE, id="conferences.schedule"),
        Binding("o", "tick", W.TICK, id="conferences.tick"),
        Binding("a", "agenda", W.AGENDA, id="conferences.agenda"),
        Binding("h", "times", W.TIMES, id="conferences.times"),
        Binding("u", "history", W.HISTORY, id="conferences.history", tooltip=W.HISTORY_TIP),
    ]

    class Loaded(Message):
        """The list and the selected conference's details are on screen."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.plan_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, classes="screen-title", id="conf-title")
        with Horizontal(id="conf-main"):
            yield PageTable(id="conf-table", zebra_stripes=True)
            with Vertical(id="conf-side"):
                yield Static("", id="conf-detail")
                yield Static(W.MILESTONES, classes="section-title")
                yield PageTable(id="conf-milestones")
                yield Static(W.BROADCASTS, classes="section-title")
                yield PageTable(id="conf-broadcasts", zebra_stripes=True)
        yield Static("", id="conf-warning")
        yield KeyBar()

    def on_mount(self) -> None:
        # below 120 columns (app.tcss: -narrow) the list drops the hour (the detail
        # says it) to leave the milestones their date and days left (issue 20, 13)
        self._narrow = self.app.size.width < NARROW_BELOW
        self.query_one("#conf-table", PageTable).add_columns(*((W.DAY, STATUS) if self._narrow
                                                               else (W.DAY, W.TIME, STATUS)))
        self.query_one("#conf-milestones", PageTable).add_columns(W.MILESTONE, W.DUE, W.LEFT, STATUS, W.SOURCE,
                                                                # the legal source, then (wide) the name
                                                                give_way=(4,) if self._narrow else (4, 0))
        self.query_one("#conf-broadcasts", PageTable).add_columns(W.DAY, W.SLOT, W.STATION, W.READ)
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    # --- loading -----------------------------------------------------------------

    def _plan(self):
        """The plan shown: the one picked with P, else the newest."""
        from models.domain.plan import Plan
        from models.services.plans import plans

        if self.plan_id is not None:
            plan = Plan.get_or_none(Plan.id == self.plan_id)
            if plan is not None:
                return plan
        all_plans = plans(self.office)
        return all_plans[0] if all_plans else None

    def load(self, select_id: int | None = None) -> None:
        work.run(self, self._read_list, done=lambda got: self._show_list(*got, select_id), group="conf-load")

    def _read_list(self):
        """In a worker."""
        plan = self._plan()
        confs = svc.conferences(self.office, plan) if plan else []
        rows = [(c.id, (f"{c.date:%d/%m/%Y}", c.start_time, c.status_label)) for c in confs]
        # first open on the next conference to prepare, the one a clerk works on
        upcoming = next((c.id for c in confs if c.date >= clock.today()), None)
        if plan is None:
            title = W.TITLE_NO_PLAN
        else:
            number = W.PLAN_NUMBER.format(symbol=plan.document.symbol) if plan.document_id else W.DRAFT
            title = W.TITLE_PLAN.format(year=plan.year, number=number, title=plan.title)
        return plan, title, rows, upcoming

    def _show_list(self, plan, title, rows, upcoming, select_id) -> None:
        self.plan_id = plan.id if plan else None
        self.query_one("#conf-title", Static).update(plain(title))
        table = self.query_one("#conf-table", PageTable)
        keep = self.current_id()
        table.clear()
        for cid, cells in rows:
            table.add_row(*((cells[0], cells[2]) if self._narrow else cells), key=str(cid))
        target = select_id or keep or upcoming
        if target is not None and str(target) in {str(cid) for cid, _ in rows}:
            table.move_cursor(row=table.row_index(str(target)))
        if rows:
            self.show_detail()
        else:
            self.query_one("#conf-detail", Static).update(
                W.PLAN_EMPTY if plan else "")
            self.query_one("#conf-milestones", PageTable).clear()
            self.query_one("#conf-broadcasts", PageTable).clear()
            self.query_one("#conf-warning", Static).update("")
            self.post_message(self.Loaded())

    def current_id(self) -> int | None:
        table = self.query_one("#conf-table", PageTable)
        if not table.row_count:
            return None
        return int(table.cursor_key)

    def with_current(self, then, read=None) -> None:
        """``then(conf, read(conf))`` on the loop, the conference under the cursor
        (and what ``read`` gets for it) being read in a worker."""
        cid = self.current_id()
        if cid is None:
            self.notify(W.NONE_YET, severity="warning")
            return

        def fetch():
            conf = Conference.get_by_id(cid)
            return conf, read(conf) if read is not None else None

        work.run(self, fetch, done=lambda got: then(*got), group="conf-current")

    def current_or_say(self) -> int | None:
        cid = self.current_id()
        if cid is None:
            self.notify(W.NONE_YET, severity="warning")
        return cid

    def on_page_table_row_highlighted(self, event: PageTable.RowHighlighted) -> None:
        if event.control.id == "conf-table":
            self.show_detail()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        if event.control.id == "conf-table":
            self.action_edit()
        elif event.control.id == "conf-broadcasts":
            self.action_tick()

    def show_detail(self) -> None:
        cid = self.current_id()
        if cid is not None:
            work.run(self, read_detail, cid, done=self._show_detail, group="conf-detail")

    def _show_detail(self, d: Detail) -> None:
        c = d.conf
        chair = "; ".join(svc.lines(c.chair))
        # plain text with one bold line: user text is shown as typed, never read as markup
        self.query_one("#conf-detail", Static).update(Text.assemble(
            (c.title, "bold"), W.SUMMARY.format(start_time=c.start_time, date=c.date, venue=c.venue,
                                                status_label=c.status_label, villages=d.villages,
                                                chair=chair or '—', secretary=c.secretary or '—'),
            (W.ID_LINE.format(id=c.id), "dim")))
        ms = self.query_one("#conf-milestones", PageTable)
        ms.clear()
        # the milestone's name gives way so that its date and days left stay in sight
        side = self.query_one("#conf-side").content_size.width
        room = side - MILESTONE_FIXED if self._narrow and side else None
        for m in d.milestones:
            style = STATE_STYLE[m.state]
            ms.add_row(clip(m.label, max(12, room)) if room is not None else m.label, f"{m.due:%d/%m/%Y}",
                       f"xong {m.done_on:%d/%m}" if m.state == "done" else days_text(m.days_left),
                       Text(m.state_label, style=style), m.source, key=m.key)
        bt = self.query_one("#conf-broadcasts", PageTable)
        row = bt.cursor_row
        bt.clear()
        for s in d.slots:
            read = f"✓ {s.read_at:%H:%M %d/%m} {s.read_by}" if s.read_at else "—"
            bt.add_row(f"{s.day:%d/%m/%Y}", s.slot, s.station, read, key=str(s.id))
        if bt.row_count:
            bt.move_cursor(row=min(row, bt.row_count - 1))
        self.query_one("#conf-warning", Static).update(d.warning)
        self.post_message(self.Loaded())

    def action_next_plan(self) -> None:
        from models.services.plans import plans

        work.run(self, plans, self.office, done=self._next_plan, group="conf-plans")

    def _next_plan(self, all_plans) -> None:
        if not all_plans:
            self.notify(W.NO_PLAN, severity="warning")
            return
        ids = [p.id for p in all_plans]
        i = ids.index(self.plan_id) if self.plan_id in ids else -1
        self.plan_id = ids[(i + 1) % len(ids)]
        self.load()

    # --- scheduling --------------------------------------------------------------

    def _form(self, values: dict) -> list[FormField]:
        return [FormField(k, FORM_LABELS[k], values.get(k, ""), kind="text" if k in TEXT_KEYS else "line")
                for k in svc.FORM_KEYS]

    def action_new(self) -> None:
        work.run(self, self._plan, done=self._new, group="conf-plans")

    def _new(self, plan) -> None:
        if plan is None:
            self.notify(W.PLAN_FIRST, severity="warning")
            return
        values = svc.form_values(None) | {"chair": plan.chair, "secretary": plan.secretary,
                                          "topics": plan.topics, "invited_groups": plan.participants}

        self.app.push_screen(FormScreen(W.NEW_TITLE.format(year=plan.year), self._form(values),
                                        id="new_conference", subject=plan),
                             lambda c: c and (self.notify(W.CREATED), self.load(c.id)))

    # the forms' Ctrl+S (intent up, tui/widgets/form.py): the model's services answer
    def save_new_conference(self, event) -> None:
        event.save(svc.create_conference, self.office, event.subject, event.values)

    def save_agenda(self, event) -> None:
        from models.services import agenda

        event.save(agenda.set_agenda, event.subject, event.values["agenda"], event.values["opening_report"])

    def save_conference(self, event) -> None:
        conf, version = event.subject       # the version the form opened with: a save meanwhile is told
        event.save(svc.update_conference, conf, event.values, expected_version=version)

    def save_minutes_signed(self, event) -> None:
        from models.services import documents as docs

        conf, values = event.subject, event.values
        event.save(lambda: docs.mark_minutes_signed(conf, **svc.minutes_signing_as_typed(values)))

    def save_actual_times(self, event) -> None:
        from models.services import live_session

        event.save(live_session.set_actual_times, event.subject, event.values["start"], event.values["end"])

    def save_broadcasts(self, event) -> None:
        event.save(svc.plan_broadcasts_as_typed, event.subject, event.values)

    def action_agenda(self) -> None:
        """A: the programme (one item a line: nội dung | người trình bày | số phút) and the opening report."""
        from models.services import agenda

        self.with_current(self._agenda_form, agenda.agenda_text)

    def _agenda_form(self, conf, text: str) -> None:
        fields = [FormField("agenda", W.AGENDA_FIELD,
                            text, kind="text"),
                  FormField("opening_report", W.OPENING_REPORT, conf.opening_report,
                            kind="text")]
        self.app.push_screen(FormScreen(W.AGENDA_TITLE.format(title=conf.title), fields, id="agenda", subject=conf),
                             lambda c: c and (self.notify(W.AGENDA_SAVED), self.load(c.id)))

    def action_edit(self) -> None:
        self.with_current(self._edit_form, svc.form_values)

    def _edit_form(self, conf, values: dict) -> None:
        self.app.push_screen(FormScreen(W.EDIT_TITLE, self._form(values), id="conference",
                                        subject=(conf, conf.row_version)),
                             lambda c: c and (self.notify(W.SAVED), self.load(c.id)))

    def action_history(self) -> None:
        from ..widgets.history import HistoryScreen

        self.with_current(lambda conf, _: self.app.push_screen(HistoryScreen(conf, W.HISTORY_TITLE.format(title=conf.title))))

    # --- documents ---------------------------------------------------------------

    def action_document(self, slug: str) -> None:
        """The editor of this conference's notice, invitations, minutes, conclusion
        notice or report: edit, preview, issue with a number and a date."""
        from .document_editor import open_editor

        cid = self.current_or_say()
        if cid is not None:
            open_editor(self, slug, cid)

    def action_signed(self) -> None:
        self.with_current(self._signed_form)

    def _signed_form(self, conf, _none) -> None:
        fields = [FormField("date", W.SIGNED_ON_FIELD, f"{clock.today():%d/%m/%Y}"),
                  FormField("scan", W.SCAN_FIELD,
                            placeholder="D:\\Scan\\bien-ban-da-ky.pdf")]
        self.app.push_screen(FormScreen(W.SIGNED_TITLE, fields, id="minutes_signed", subject=conf),
                             lambda c: c and (self.notify(W.SIGNED_SAVED.format(minutes_signed_on=c.minutes_signed_on)),
                                              self.load(c.id)))

    def action_times(self) -> None:
        from models.services.live_session import refuse_times_before_session

        # a conference that has not met is refused at once, before the form
        self.with_current(self._times_form, refuse_times_before_session)

    def _times_form(self, conf, _none) -> None:
        """The one place the times the minutes and the report state are corrected
        (the schedule stays as announced: E)."""
        fields = [FormField("start", W.ACTUAL_START.format(start_time=conf.start_time),
                            conf.actual_start or conf.start_time),
                  FormField("end", W.ACTUAL_END, conf.actual_end)]
        self.app.push_screen(FormScreen(W.TIMES_TITLE, fields, id="actual_times",
                                        subject=conf),
                             lambda c: c and (self.notify(W.TIMES_SAVED.format(actual_start=c.actual_start)
                                                          + (f" – {c.actual_end}" if c.actual_end else "") + "."),
                                              self.load(c.id)))

    def action_script(self) -> None:
        cid = self.current_or_say()
        if cid is not None:
            self._print(cid, "script")

    def action_forms(self) -> None:
        cid = self.current_or_say()
        if cid is not None:
            self._print(cid, "forms")

    def _print(self, cid: int, what: str) -> None:
        from .. import documents as pipeline

        office = self.office
        make = {"script": lambda: pipeline.preview(office, "loa", cid),
                "forms": lambda: [pipeline.preview(office, k, cid)
                                  for k in ("diem-danh", "phieu-y-kien", "phieu-khao-sat")]}[what]
        self.notify(W.MAKING_PDF, timeout=2)

        def done(result):
            paths = result if isinstance(result, list) else [result]
            label = {"script": W.SCRIPT_PRINTED, "forms": W.FORMS_PRINTED}[what]
            self.notify(W.PRINTED_FILES.format(label=label) + "; ".join(str(p) for p in paths), timeout=12)
            self.load(cid)

        work.run(self, make, done=done, group="conf-print", exclusive=False)

    # --- broadcast ---------------------------------------------------------------

    def action_schedule(self) -> None:
        office = self.office

        def read(conf):
            from models.domain.deadlines import office_calendar
            from models.domain.rules import office_rules

            rule = office_rules(office)["broadcast"]
            return rule, office_calendar(office).before(conf.date, rule.days, rule.unit)

        self.with_current(lambda conf, got: self._schedule_form(conf, *got), read)

    def _schedule_form(self, conf, rule, last) -> None:
        fields = [FormField("days", W.BROADCAST_DAYS_FIELD.format(consecutive_days=rule.consecutive_days),
                            str(rule.consecutive_days)),
                  FormField("last_day", W.LAST_DAY_FIELD.format(days=rule.days),
                            f"{last:%d/%m/%Y}")]
        self.app.push_screen(FormScreen(W.SCHEDULE_TITLE, fields, id="broadcasts",
                                        subject=conf),
                             lambda slots: slots is not None and (
                                 self.notify(W.SCHEDULED.format(slots=len(slots))), self.load(conf.id)))

    def action_tick(self) -> None:
        table = self.query_one("#conf-broadcasts", PageTable)
        if not table.row_count:
            self.notify(W.NO_SCHEDULE, severity="warning")
            return
        if self.focused is not table:
            table.focus()
            self.notify(W.PICK_SLOT, timeout=4)
            return
        sid = int(table.cursor_key)

        def ticked(_):
            # the cursor stays on the reading just marked: the person moves it
            # (moving it for them made ↓ then O skip a row)
            self.show_detail()

        work.run(self, lambda: svc.tick_reading(BroadcastSlot.get_by_id(sid)), done=ticked, group="conf-tick")
