"""Kế hoạch: the office's plans, drafted from a template, copied from last
year or imported from a file; edited, previewed, printed, issued with a number
from the register, and corrected after issue by a new version."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from models.domain.plan import PLAN_DRAFT, Plan
from models.services import plans as svc
from models.core.words import STATUS, SUMMARY, SYMBOL

from .. import work
from .. import words
from ..pin import ask_pin, with_pin
from ..plain import plain
from ..role_keys import RoleKeys
from ..widgets.confirm import ConfirmScreen
from ..widgets.form import FormField, FormScreen
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen
from ..words import PlansWords as W

STATUS_LABELS = W.STATUS_LABELS

# (field, label, kind) in the order a clerk fills a plan in
EDITOR_FIELDS = [
    ("year", W.YEAR, "line"),
    ("title", W.TITLE_FIELD, "line"),
    ("legal_bases", W.LEGAL_BASES, "text"),
    ("preamble", W.PREAMBLE, "text"),
    ("body", W.BODY_FIELD, "text"),
    ("closing", W.CLOSING, "text"),
    ("topics", W.TOPICS, "text"),
    ("chair", W.CHAIR, "text"),
    ("secretary", W.SECRETARY, "line"),
    ("participants", W.PARTICIPANTS, "text"),
    ("venues", W.VENUES, "text"),
    ("schedule", W.SCHEDULE, "text"),
    ("budget_source", W.BUDGET, "text"),
    ("assignments", W.ASSIGNMENTS, "text"),
    ("recipients", W.RECIPIENTS, "text"),
    ("signer_authority", W.SIGNER_AUTHORITY, "line"),
    ("signer_position", W.SIGNER_POSITION, "line"),
    ("signer_name", W.SIGNER_NAME, "line"),
]


def plan_row(p: Plan) -> tuple[str, ...]:
    number = p.document.symbol if p.document_id else "—"
    title = p.title if len(p.title) <= 58 else p.title[:57] + "…"
    return (str(p.year), number, title, STATUS_LABELS.get(p.status, p.status), str(p.version))


def plan_kind() -> str:
    """The plan's document kind: the registry's kind whose text is the plan record (models.services.kinds)."""
    from models.services.kinds import record_kind  # off the start-up path

    return record_kind("plan").slug


class PlansScreen(RoleKeys, AppScreen):
    ROLE_KEYS = {"issue": "issue", "revise": "correct"}
    HELP = (W.HELP)
    BINDINGS = [
        Binding("n", "new", W.NEW, id="plans.new"),
        Binding("c", "copy", W.COPY, id="plans.copy"),
        Binding("i", "import", W.IMPORT, id="plans.import"),
        Binding("e", "edit", words.EDIT, id="plans.edit"),
        Binding("x", "preview", "Xem trang", id="plans.preview"),
        Binding("d", "print", "In PDF", id="plans.print"),
        Binding("b", "issue", W.ISSUE, id="plans.issue"),
        Binding("r", "revise", W.REVISE, id="plans.revise"),
        Binding("v", "versions", W.VERSIONS, id="plans.versions"),
        Binding("h", "history", W.HISTORY, id="plans.history"),
    ]

    class Loaded(Message):
        """The list and the page on the right are up to date (tests wait for it)."""

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, classes="screen-title")
        with Horizontal(id="plans-main"):
            yield PageTable(id="plans-table", zebra_stripes=True)
            with VerticalScroll(id="plan-page-box", can_focus=True):
                yield Static("", id="plan-page")
        yield Static("", id="plans-info", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#plans-table", PageTable).add_columns(
            W.YEAR, SYMBOL, SUMMARY, STATUS, W.VERSION,
            give_way=(2,) if self.app.size.width >= 120 else ())   # at 80 the title runs to the edge
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    # --- loading -----------------------------------------------------------------

    def load(self, select_id: int | None = None) -> None:
        office = self.office
        work.run(self, lambda: [(p.id, plan_row(p)) for p in svc.plans(office)],
                 done=lambda rows: self._show_list(rows, select_id), group="plans-load")

    def _show_list(self, rows, select_id) -> None:
        table = self.query_one("#plans-table", PageTable)
        keep = self.current_id()
        table.clear()
        for pid, cells in rows:
            table.add_row(*cells, key=str(pid))
        target = select_id or keep
        if target is not None and str(target) in {str(pid) for pid, _ in rows}:
            table.move_cursor(row=table.row_index(str(target)))
        if not rows:
            self.query_one("#plan-page", Static).update(
                W.NONE_YET)
            self.post_message(self.Loaded())
        else:
            self.show_page()

    def current_id(self) -> int | None:
        table = self.query_one("#plans-table", PageTable)
        if not table.row_count:
            return None
        return int(table.cursor_key)

    def with_current(self, then, read=None) -> None:
        """``then(plan, read(plan))`` on the loop, the plan under the cursor (and
        what ``read`` gets for it) being read in a worker."""
        pid = self.current_id()
        if pid is None:
            self.notify(W.NONE_YET_SHORT, severity="warning")
            return

        def fetch():
            plan = Plan.get_by_id(pid)
            return plan, read(plan) if read is not None else None

        work.run(self, fetch, done=lambda got: then(*got), group="plans-current")

    def on_page_table_row_highlighted(self, event: PageTable.RowHighlighted) -> None:
        self.show_page()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.action_edit()

    def show_page(self) -> None:
        from ..widgets.plan_preview import render_plan

        pid = self.current_id()
        if pid is None:
            return

        def read():
            plan = Plan.get_by_id(pid)
            return render_plan(plan), self._info(plan)

        def update(got):
            page, info = got
            self.query_one("#plan-page", Static).update(page)
            self.query_one("#plans-info", Static).update(Text(info))
            self.post_message(self.Loaded())

        work.run(self, read, done=update, group="plans-page")

    @staticmethod
    def _info(plan: Plan) -> str:
        parts = [W.VERSION_LINE.format(version=plan.version), STATUS_LABELS.get(plan.status, plan.status)]
        if plan.document_id:
            parts.append(W.ISSUED_LINE.format(symbol=plan.document.symbol, issued_on=plan.document.issued_on))
            if plan.document.file_path:
                parts.append(W.FILE_LINE.format(file_path=plan.document.file_path))
        if plan.change_reason:
            parts.append(W.CHANGE_REASON_LINE.format(change_reason=plan.change_reason))
        parts.append(W.ID_LINE.format(id=plan.id, kind=plan_kind()))
        return " · ".join(parts)

    # --- creating ----------------------------------------------------------------

    def action_new(self) -> None:
        self._create(lambda: svc.new_from_template(self.office), W.CREATED)

    def action_copy(self) -> None:
        self.with_current(lambda plan, _: self._create(
            lambda: svc.copy_plan(plan), W.COPIED.format(year=plan.year, next=plan.year + 1)))

    def _create(self, make, message: str) -> None:
        def done(plan):
            self.notify(message)
            self.load(plan.id)
            self.open_editor(plan, discard_on_cancel=True)

        work.run(self, make, done=done, group="plans-write", exclusive=False)

    def action_import(self) -> None:
        """I: choose the file in a folder tree (.txt, .docx) or type its path;
        it is read in a worker and opens as a draft."""
        from models.services import plan_import

        from ..widgets.file_pick import FilePickScreen

        def imported(result):
            if result.notes:
                self.notify(W.CHECK + " ".join(result.notes), severity="warning", timeout=12)
            self.notify(W.IMPORTED)
            self.load(result.plan.id)
            self.open_editor(result.plan)

        def chosen(path):
            if path is not None:
                work.run(self, plan_import.import_plan, self.office, path, done=imported, failed=self.notify_error,
                         group="plans-write", exclusive=False)

        self.app.push_screen(FilePickScreen(W.IMPORT_PICK), chosen)

    def action_history(self) -> None:
        from ..widgets.history import HistoryScreen

        self.with_current(lambda plan, _: self.app.push_screen(HistoryScreen(plan, W.HISTORY_TITLE.format(year=plan.year))))

    # --- editing -----------------------------------------------------------------

    def action_edit(self) -> None:
        self.with_current(self._edit)

    def _edit(self, plan: Plan, _none=None) -> None:
        if plan.status != PLAN_DRAFT:
            self.notify(W.ISSUED_NO_EDIT, severity="warning", timeout=8)
            return
        from models.services import unsaved

        # typing kept from an editor of this plan that was killed: offered back
        work.run(self, unsaved.kept_for, self.office, "plan", [plan.id], group="plans-kept",
                 done=lambda entry: self.open_editor(plan, resume=entry))

    def open_editor(self, plan: Plan, *, discard_on_cancel: bool = False, resume: dict | None = None) -> None:
        """Edit a draft. A plan just made (N, C) and left with Esc is not kept:
        cancelling means the user did not want it. ``resume``: the typing kept
        when the app was stopped with this editor open (tui/typing_kept.py)."""
        from ..typing_kept import REOPENED, resumed_values

        stored = {key: getattr(plan, key) for key, _, _ in EDITOR_FIELDS}
        typed = resumed_values({k: "" if v is None else str(v) for k, v in stored.items()}, resume) \
            if resume else stored
        fields = [FormField(key, label, typed[key], kind=kind) for key, label, kind in EDITOR_FIELDS]
        def closed(saved):
            self.app.typing_kept.done()
            if saved:
                changed = [label for key, label, _ in EDITOR_FIELDS
                           if str(getattr(saved, key) or "") != str(stored[key] or "")]
                self.notify(W.SAVED_FIELDS.format(fields=", ".join(changed)) if changed else W.SAVED_NOTHING)
                self.load(saved.id)
            elif discard_on_cancel:
                work.run(self, svc.discard_draft, plan, group="plans-write", exclusive=False,
                         done=lambda _: (self.notify(W.DISCARDED), self.load()))

        title = W.EDITOR_TITLE.format(year=plan.year, name=self.office.name, version=plan.version)
        form = FormScreen(title, fields, resume_at=(resume or {}).get("where"), id="plan",
                          subject=(plan, plan.row_version))
        if resume:
            form._initial_override = {k: ("" if v is None else str(v)) for k, v in stored.items()}
            form.reopened_note = REOPENED
        self.app.typing_kept.watch(form, "plan", [plan.id])
        self.app.push_screen(form, closed)

    def reopen_editor(self, plan_id: int, entry: dict) -> None:
        """The app was stopped with this plan's editor open: open it again with the typing."""
        def opened(plan):
            if plan is not None and plan.status == PLAN_DRAFT:
                self.open_editor(plan, resume=entry)

        work.run(self, lambda: Plan.get_or_none(Plan.id == plan_id), done=opened, group="plans-kept")

    def action_revise(self) -> None:
        self.with_current(self._revise, lambda plan: plan.document.symbol if plan.document_id else "")

    def _revise(self, plan: Plan, symbol: str) -> None:
        if plan.status == PLAN_DRAFT:
            self.notify(W.STILL_DRAFT, severity="warning")
            return

        def opened(new):
            if new:
                self.notify(W.REVISED.format(version=new.version))
                self.load(new.id)
                self.open_editor(new)

        def form(pin):
            self.app.push_screen(FormScreen(W.REVISE_TITLE.format(symbol=symbol),
                                            [FormField("reason", W.CHANGE_REASON, kind="text")],
                                            id="revision", subject=(plan, pin)), opened)

        ask_pin(self, self.office, "correct", form)

    # the forms' Ctrl+S (intent up, tui/widgets/form.py): the model's services answer
    def save_plan(self, event) -> None:
        plan, version = event.subject          # the version the editor opened: a save meanwhile is told
        event.save(svc.update_plan, plan, event.values, expected_version=version)

    def save_revision(self, event) -> None:
        plan, pin = event.subject
        event.save(with_pin, self.office, pin, svc.new_version, plan, event.values["reason"])

    def save_issue_date(self, event) -> None:
        from models.services import documents as docs

        event.save(docs.issue_date_as_typed, self.office, plan_kind(), event.subject.id, event.values["date"])

    # --- seeing and printing -----------------------------------------------------

    def action_preview(self, plan_id: int | None = None) -> None:
        from ..widgets.plan_preview import render_plan
        from ..widgets.preview import PreviewScreen

        pid = plan_id or self.current_id()
        if pid is None:
            return

        def read():
            plan = Plan.get_by_id(pid)
            title = W.PREVIEW_TITLE.format(year=plan.year, version=plan.version,
                                           status=STATUS_LABELS.get(plan.status))
            return PreviewScreen(title, render_plan(plan))

        work.run(self, read, done=self.app.push_screen, group="plans-preview")

    def action_print(self) -> None:
        def printing(plan, _none):
            self.notify(W.MAKING_PDF, timeout=2)
            self._write(plan, issue=False)

        self.with_current(printing)

    def action_issue(self) -> None:
        self.with_current(self._issue)

    def _issue(self, plan: Plan, _none) -> None:
        if plan.status != PLAN_DRAFT:
            self.notify(W.ALREADY_ISSUED, severity="warning")
            return
        from models.services import documents as docs

        from .document_editor import issue_date_form

        def confirm(on):
            if on is None:
                return
            question = (W.ISSUE_ASK.format(title=plan.title, on=on))
            self.app.push_screen(ConfirmScreen(question), lambda yes: yes and ask_pin(
                self, self.office, "issue", lambda pin: self._write(plan, issue=True, on=on, pin=pin)))

        def ask_date(_ok) -> None:
            self.app.push_screen(issue_date_form(W.ISSUE_TITLE, subject=plan), confirm)

        # everything that stops issuing is told now, before the date and the confirmation
        work.run(self, docs.check_issuable, self.office, plan_kind(), plan.id, done=ask_date,
                 failed=self.notify_error, group="plans-issue-check")

    def _write(self, plan: Plan, issue: bool, on=None, pin: str | None = None) -> None:
        from .. import documents as pipeline

        office = self.office

        def write() -> str:     # in a worker
            if issue:
                path = Path(with_pin(office, pin, pipeline.issue, office, plan_kind(), plan.id, on=on).file_path)
                return W.ISSUED.format(symbol=Plan.get_by_id(plan.id).document.symbol, path=path)
            return W.PRINTED.format(preview=pipeline.preview(office, plan_kind(), plan.id))

        def done(message):
            self.notify(message, timeout=12)
            self.query_one("#plans-info", Static).update(plain(message))
            self.load(plan.id)

        work.run(self, write, done=done, group="plans-write", exclusive=False)

    def action_versions(self) -> None:
        def read(plan):
            return [(v.id, (str(v.version), STATUS_LABELS.get(v.status, v.status),
                            v.document.symbol if v.document_id else "—",
                            f"{v.document.issued_on:%d/%m/%Y}" if v.document_id else "",
                            v.change_reason or "")) for v in svc.versions(plan)]

        def show(plan, rows):
            from ..widgets.versions import VersionsScreen

            self.app.push_screen(VersionsScreen(W.VERSIONS_TITLE.format(title=plan.title), rows),
                                 lambda pid: pid and self.action_preview(pid))

        self.with_current(show, read)
