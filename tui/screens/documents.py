"""Văn bản: the register of outgoing documents (sổ văn bản đi). List by year
and kind, search without diacritics, open or reprint a document, check the
stored file against the SHA-256 recorded at issue, see versions and history."""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Select, Static

from models.core import clock
from models.services import register_view as svc
from models.core.words import SUMMARY, SYMBOL, SigningWords

from .. import work
from .. import words
from ..plain import labelled, plain
from ..role_keys import RoleKeys
from ..widgets.boxes import clip
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen
from ..words import DocumentsWords as W

ALL_YEARS = None
#: the screen's layout below this width (app.tcss "-narrow"); there the columns
#: beside the trích yếu take: Số (14), Ngày (10), Loại (4), Bản (3), Tệp (3),
#: each cell's padding (6 × 2) and the scroll bar (2)
NARROW_BELOW = 120
NARROW_FIXED = 14 + 10 + 4 + 3 + 3 + 6 * 2 + 2
SEARCH_PAUSE = 0.3   # seconds after the last key before the list is searched



class DocumentsScreen(RoleKeys, AppScreen):
    ROLE_KEYS = {"correct": "correct"}
    HELP = (W.HELP)
    AUTO_FOCUS = "#docs-table"   # the list, not the filters: letter keys are actions here
    BINDINGS = [
        Binding("o", "open", W.OPEN, id="documents.open"),
        Binding("r", "reprint", W.REPRINT, id="documents.reprint"),
        Binding("k", "check", W.CHECK, id="documents.check"),
        Binding("s", "sign", W.SIGN, id="documents.sign"),
        Binding("v", "versions", W.VERSIONS, id="documents.versions"),
        Binding("h", "history", W.HISTORY, id="documents.history"),
        Binding("e", "editor", W.EDITOR, id="documents.editor", tooltip=words.ISSUE_WORDS),
        Binding("m", "correct", W.CORRECT, id="documents.correct"),
        Binding("w", "word", W.WORD, id="documents.word"),
        Binding("t", "new", W.NEW, id="documents.new", show=False, tooltip=words.ISSUE_WORDS),
        Binding("i", "register_pdf", W.REGISTER_PDF, id="documents.register_pdf"),
        Binding("left_square_bracket", "year(1)", W.YEAR_PREV, id="documents.year_prev", key_display="["),
        Binding("right_square_bracket", "year(-1)", W.YEAR_NEXT, id="documents.year_next", key_display="]"),
        Binding("l", "kind", W.KIND, id="documents.kind"),
        Binding("slash", "search", W.SEARCH, id="documents.search", key_display="/"),
        Binding("n", "page(1)", "Trang sau", id="documents.page_next"),
        Binding("p", "page(-1)", W.PAGE_PREV, id="documents.page_prev"),
    ]

    class Loaded(Message):
        """The list and the detail panel are up to date (tests wait for it)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.year: int | None = clock.today().year
        self.years: list[int | None] = [ALL_YEARS]
        self.row_offset = 0
        self.shown: svc.Page | None = None
        self.file_marks: dict[int, str] = {}   # checked this session: id → ✓ ≠ ✗ —
        self._search_timer = None

    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, classes="screen-title")
        with Horizontal(id="docs-filters"):
            yield Static("", id="docs-year")
            yield Select([], prompt=W.ALL_KINDS, id="docs-kind")
            yield Input(placeholder=W.SEARCH_PLACEHOLDER, id="docs-search")
        yield PageTable(id="docs-table", zebra_stripes=True)
        with VerticalScroll(id="docs-detail-box"):
            yield Static("", id="docs-detail")
        yield Static("", id="docs-info", classes="hint")
        yield KeyBar()

    def on_mount(self) -> None:
        # below 120 columns (app.tcss: -narrow) the signer is left to the detail
        # below and the trích yếu gives way, so that the file column (K's ✓ ≠ ✗ !)
        # stays in sight (issue 20, 13)
        width = self.app.size.width
        self._narrow = width < NARROW_BELOW
        self._title_width = max(16, width - NARROW_FIXED) if self._narrow else 52
        self.query_one("#docs-table", PageTable).add_columns(
            *((SYMBOL, W.DATE, W.KIND, SUMMARY, W.VERSION, W.FILE) if self._narrow
              else (SYMBOL, W.DATE, W.KIND, SUMMARY, W.SIGNER, W.VERSION, W.FILE)))
        self._shown_once = False
        self.load_choices()

    def on_screen_resume(self) -> None:
        # first display follows on_mount, which already loads
        if self._shown_once:
            self.load_choices()
        self._shown_once = True

    # --- loading -----------------------------------------------------------------

    def load_choices(self) -> None:
        office = self.office
        work.run(self, lambda: (svc.years(office), svc.kinds(office)), done=lambda got: self._set_choices(*got),
                 group="docs-choices")

    def _set_choices(self, years: list[int], kinds: list[str]) -> None:
        self.years = [ALL_YEARS, *years]
        if self.year not in self.years:
            self.year = years[0] if years else ALL_YEARS
        select = self.query_one("#docs-kind", Select)
        keep = select.value
        with self.prevent(Select.Changed):
            select.set_options([(svc.kind_label(k), k) for k in kinds])
            if keep in kinds:
                select.value = keep
        self.load()

    def _filters(self) -> tuple[int | None, str | None, str]:
        kind = self.query_one("#docs-kind", Select).value
        text = self.query_one("#docs-search", Input).value
        return self.year, (kind if isinstance(kind, str) else None), text

    def load(self, select_id: int | None = None) -> None:
        year, kind, text = self._filters()
        work.run(self, svc.page, self.office, year=year, kind=kind, text=text, offset=self.row_offset,
                 done=lambda page: self._show_page(page, select_id), group="docs-load")

    def _mark(self, row: svc.DocumentRow) -> str:
        return self.file_marks.get(row.id, "?" if row.has_file else svc.FILE_MARKS[svc.FILE_NONE])

    def _show_page(self, page: svc.Page, select_id: int | None) -> None:
        self.shown, self.row_offset = page, page.offset
        table = self.query_one("#docs-table", PageTable)
        keep = select_id or self.current_id()
        with self.app.batch_update():
            table.clear()
            for r in page.rows:
                signer = () if self._narrow else (clip(r.signer, 20),)
                table.add_row(r.symbol, f"{r.issued_on:%d/%m/%Y}", r.kind, clip(r.title, self._title_width),
                              *signer, str(r.version), self._mark(r), key=str(r.id))
            if keep is not None and any(r.id == keep for r in page.rows):
                table.move_cursor(row=table.row_index(str(keep)))
        year_text = W.ALL_YEARS if self.year is ALL_YEARS else W.YEAR.format(year=self.year)
        self.query_one("#docs-year", Static).update(f"{year_text}  [dim]\\[ ][/]")
        self.query_one("#docs-info", Static).update(self._page_text(page))
        if page.rows:
            self.show_detail()
        else:
            self.query_one("#docs-detail", Static).update(
                W.NOTHING_MATCHES)
            self.post_message(self.Loaded())

    @staticmethod
    def _page_text(page: svc.Page) -> str:
        if not page.total:
            return W.NOTHING
        first = page.offset + 1
        text = W.SHOWING.format(total=page.total, first=first, last=page.offset + len(page.rows))
        if page.pages > 1:
            text += W.PAGE_LINE.format(number=page.number, pages=page.pages)
        return text

    def current_id(self) -> int | None:
        table = self.query_one("#docs-table", PageTable)
        if not table.row_count:
            return None
        return int(table.cursor_key)

    def on_page_table_row_highlighted(self, event: PageTable.RowHighlighted) -> None:
        self.show_detail()

    def on_page_table_row_selected(self, event: PageTable.RowSelected) -> None:
        self.action_open()

    def show_detail(self) -> None:
        doc_id = self.current_id()
        if doc_id is None:
            return
        office = self.office

        def update(text):
            self.query_one("#docs-detail", Static).update(text)
            self.post_message(self.Loaded())

        work.run(self, lambda: labelled(svc.detail(svc.get(office, doc_id))), done=update, group="docs-detail")

    # --- filters -----------------------------------------------------------------

    def action_year(self, step: int) -> None:
        """``[`` goes back a year, ``]`` forward; past the newest: every year."""
        i = self.years.index(self.year) if self.year in self.years else 0
        self.year = self.years[(i + step) % len(self.years)]
        self.row_offset = 0
        self.load()

    def action_register_pdf(self) -> None:
        """The register of the year on screen as a PDF (sổ đăng ký văn bản đi)."""
        if self.year is ALL_YEARS:
            self.notify(W.REGISTER_PICK_YEAR,
                        severity="warning", timeout=6)
            return
        from .. import documents as pipeline

        office, year = self.office, self.year
        self.notify(W.REGISTER_PRINTING.format(year=year), timeout=3)

        def done(got) -> None:
            path, count = got
            self._report(W.REGISTER_PRINTED.format(year=year, count=count, path=path))

        work.run(self, lambda: pipeline.register_pdf(office, year), done=done, group="docs-action", exclusive=False)

    def action_kind(self) -> None:
        self.query_one("#docs-kind", Select).focus()

    def action_search(self) -> None:
        self.query_one("#docs-search", Input).focus()

    def action_page(self, step: int) -> None:
        if self.shown is None:
            return
        target = self.row_offset + step * self.shown.limit
        if target < 0 or target >= self.shown.total:
            self.notify(W.FIRST_PAGE if target < 0 else W.LAST_PAGE, timeout=2)
            return
        self.row_offset = target
        self.load()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.row_offset = 0
        self.load()
        self.query_one("#docs-table", PageTable).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        # search once typing pauses; the timer lives only while the user types
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_PAUSE, self._search_now)

    def _search_now(self) -> None:
        self._search_timer = None
        self.row_offset = 0
        self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_now()
        self.query_one("#docs-table", PageTable).focus()

    # --- actions on one document -------------------------------------------------

    def _chosen(self) -> int | None:
        doc_id = self.current_id()
        if doc_id is None:
            self.notify(W.EMPTY, severity="warning")
        return doc_id

    def _report(self, message: str, severity: str = "information") -> None:
        self.notify(message, severity=severity, timeout=12, markup=False)
        self.query_one("#docs-info", Static).update(plain(message))

    def action_open(self) -> None:
        self._on_chosen(_open_result)

    def action_check(self) -> None:
        self._on_chosen(_check_result)

    def action_reprint(self) -> None:
        if self.current_id() is not None:
            self.notify(W.REPRINTING, timeout=3)
        self._on_chosen(_reprint_result)

    def _on_chosen(self, act) -> None:
        doc_id = self._chosen()
        if doc_id is not None:
            self._act(doc_id, act)

    def _act(self, doc_id: int, act) -> None:
        """Run ``act(doc)`` → (message, severity, file mark or None) off the UI thread."""
        office = self.office

        def done(result):
            message, severity, mark = result
            if mark:
                self._set_mark(doc_id, mark)
            self._report(message, severity)

        work.run(self, lambda: act(svc.get(office, doc_id)), done=done, group="docs-action", exclusive=False)

    def _set_mark(self, doc_id: int, mark: str) -> None:
        self.file_marks[doc_id] = mark
        table = self.query_one("#docs-table", PageTable)
        index = table.row_index(str(doc_id))
        if index is not None:
            table.update_cell(index, -1, mark)

    def _fetch(self, doc_id: int | None, then, read=None) -> None:
        """``then(doc, read(doc))`` on the loop, the register entry (and what
        ``read`` gets for it) read in a worker; an error is told instead."""
        if doc_id is None:
            return
        office = self.office

        def fetch():
            doc = svc.get(office, doc_id)
            return doc, read(doc) if read is not None else None

        work.run(self, fetch, done=lambda got: then(*got), group="docs-fetch")

    def action_versions(self) -> None:
        self._fetch(self._chosen(), self._versions, svc.version_rows)

    def _versions(self, doc, rows) -> None:
        from ..widgets.versions import VersionsScreen

        self.app.push_screen(VersionsScreen(W.VERSIONS_TITLE.format(symbol=doc.symbol, title=clip(doc.title, 60)), rows),
                             lambda chosen: chosen and self.show_document(chosen))

    def show_document(self, doc_id: int) -> None:
        """Select ``doc_id`` in the list; when it is not on this page, filter by
        its year and symbol so that it is."""
        table = self.query_one("#docs-table", PageTable)
        if table.row_index(str(doc_id)) is not None:
            table.move_cursor(row=table.row_index(str(doc_id)))
            return
        self._fetch(doc_id, lambda doc, _: self._show_found(doc_id, doc))

    def _show_found(self, doc_id: int, doc) -> None:
        self.year, self.row_offset = doc.year, 0
        search = self.query_one("#docs-search", Input)
        with self.prevent(Input.Changed):
            search.value = doc.symbol
        self.load(doc_id)

    def action_editor(self) -> None:
        """The editor of the chosen document's record, on its newest version."""
        from models.services import documents as docs

        self._fetch(self._chosen(), self._editor, docs.slug_of)

    def _editor(self, doc, slug) -> None:
        from models.services.kinds import kind

        from .document_editor import open_editor

        if slug is not None and kind(slug).record_text:      # the plan: F3 edits it
            self.notify(W.PLAN_ELSEWHERE, timeout=6)
            return
        if slug is None:
            self.notify(W.NO_TEXT.format(symbol=doc.symbol), severity="warning", timeout=8)
            return
        open_editor(self, slug, doc.ref_id, on_done=self.load)

    def action_correct(self) -> None:
        from models.services import documents as docs

        self._fetch(self._chosen(), self._correct, docs.slug_of)

    def _correct(self, doc, slug) -> None:
        from models.services.kinds import kind

        from .document_editor import correction_form, open_editor

        def opened(_draft):
            self.load()
            if slug is not None and kind(slug).record_text:  # a new version of the plan, in F3
                self.notify(W.PLAN_REVISED,
                            timeout=8)
            elif slug is not None:
                open_editor(self, slug, doc.ref_id, on_done=self.load)

        correction_form(self.app, doc, opened)

    def action_word(self) -> None:
        self._on_chosen(_word_result)

    # --- a new document of any kind of the registry ------------------------------------

    def action_new(self) -> None:
        """Every kind of the registry (models.services.kinds) but the plan, which
        has its own screen: pick one, then the record it is about."""
        from models.services.kinds import kinds

        from ..widgets.pick import PickScreen

        options = [(f"{k.name} ({k.slug})", k.slug) for k in kinds().values() if not k.record_text]
        self.app.push_screen(PickScreen(W.NEW_PICK, options),
                             lambda slug: slug and self._new_for(slug))

    def _new_for(self, slug: str) -> None:
        from models.services import documents as docs
        from models.services.kinds import TARGET_LABELS

        from ..widgets.form import FormField
        from .document_editor import SmallForm

        k = docs.kind(slug)
        label = TARGET_LABELS[k.target]
        form = SmallForm(W.NEW_FOR.format(kind=k.name.lower(), target=label),
                         [FormField("id", W.NEW_ID.format(target=label), "")], id="new_document", subject=slug)
        self.app.push_screen(form, lambda ref_id: ref_id and self._open_new(slug, ref_id))

    # the forms' Ctrl+S (intent up, tui/widgets/form.py): the model's services answer
    def save_new_document(self, event) -> None:
        from models.services import documents as docs

        event.save(docs.target_as_typed, self.office, event.subject, event.values["id"])

    def save_correction(self, event) -> None:
        from .document_editor import answer_correction

        answer_correction(event)

    def _open_new(self, slug: str, ref_id: int) -> None:
        from models.services import documents as docs

        from .. import documents as pipeline
        from .document_editor import open_editor

        if docs.kind(slug).numbered:
            open_editor(self, slug, ref_id, on_done=self.load)
            return
        office = self.office
        work.run(self, pipeline.preview, office, slug, ref_id, group="docs-new",
                 done=lambda path: self._report(W.NEW_PAPER.format(kind=docs.kind(slug).name.lower(), path=path)))

    # --- chữ ký số: role, then PIN, then the token signs in a worker ---------------------

    def action_sign(self) -> None:
        from models.services import signing

        self._fetch(self._chosen(), self._sign_role, signing.waiting_for)

    def _sign_role(self, doc, waiting) -> None:
        from models.services import signing

        from ..widgets.pick import PickScreen

        if waiting is None:
            self._report(W.FULLY_SIGNED.format(symbol=doc.symbol))
            return
        options = [(W.SIGN_AS_SIGNER.format(signer=doc.signer or SigningWords.SIGNER_UNNAMED), signing.PERSON),
                   (W.SIGN_AS_OFFICE, signing.OFFICE)]
        if waiting == signing.OFFICE:
            options.reverse()
        self.app.push_screen(PickScreen(W.SIGN_PICK.format(symbol=doc.symbol), options),
                             lambda role: role and self._sign_check(doc, role))

    def _sign_check(self, doc, role) -> None:
        """Refuse early (order, role, module) before asking for the PIN."""
        from models.services import signing

        def check():
            signing.check_role(doc, role)
            return signing.find_module(None)

        work.run(self, check, done=lambda _module: self._sign_pin(doc, role), group="docs-sign")

    def _sign_pin(self, doc, role, accept_other_name: bool = False) -> None:
        from models.services import signing

        from ..widgets.pin import PinScreen

        title = W.SIGN_TITLE.format(symbol=doc.symbol, role=signing.ROLE_NAMES[role])
        self.app.push_screen(PinScreen(title), lambda pin: pin and self._sign_now(doc, role, pin, accept_other_name))

    def _sign_now(self, doc, role, pin: str, accept_other_name: bool) -> None:
        from models.services import signing
        from printing.signature_marks import appearance

        self.notify(W.SIGNING, timeout=3)

        def sign():
            return signing.sign(doc, role, signing.TokenChoice(), pin, appearance=appearance,
                                accept_other_name=accept_other_name)

        def done(out) -> None:
            s = out.signature
            self._report(W.SIGNED.format(symbol=doc.symbol, role=signing.ROLE_NAMES[s.role],
                                         signer_name=s.signer_name, signed_at=s.signed_at, path=out.path))
            self.load(doc.id)

        def failed(exc) -> None:
            from ..widgets.confirm import ConfirmScreen

            if isinstance(exc, signing.NameMismatch):
                self.app.push_screen(ConfirmScreen(W.SIGN_ANYWAY.format(exc=exc)),
                                     lambda yes: yes and self._sign_pin(doc, role, accept_other_name=True))
            else:
                work.tell_error(self, exc)

        work.run(self, sign, done=done, failed=failed, group="docs-sign")

    def action_history(self) -> None:
        from ..widgets.history import HistoryScreen

        self._fetch(self._chosen(),
                    lambda doc, _: self.app.push_screen(HistoryScreen(doc, W.HISTORY_TITLE.format(symbol=doc.symbol))))

def _open_result(doc):
    from .. import viewer

    if not doc.file_path:
        return (W.NO_FILE.format(symbol=doc.symbol), "warning", None)
    return viewer.open_pdf(Path(doc.file_path)), "information", None


def _with_hint(result) -> str:
    """The check's finding, and for a missing file the key that reprints it."""
    if result.state == svc.FILE_MISSING:
        return f"{result.message} {words.SCREEN_REMEDIES['reprint']}"
    return result.message


def _check_result(doc):
    from models.services import signing

    result = svc.check_file(doc)
    severity = {svc.FILE_OK: "information", svc.FILE_NONE: "warning"}.get(result.state, "error")
    message = _with_hint(result)
    mark = svc.FILE_MARKS[result.state]
    text_ok, said = svc.check_text(doc)
    if said:
        message += " " + said
    if text_ok is False:       # the text a reprint would print is not the one issued
        severity, mark = "error", svc.FILE_MARKS[svc.FILE_TAMPERED]
    signed = signing.check_files(doc)
    if signed:
        message += " " + signing.summary(doc).capitalize() + ". " + " ".join(
            f"{'✓' if st.ok else '≠'} {Path(st.path).name}: {st.note}." for st in signed)
        if not all(st.ok for st in signed):
            severity = "error"
    return message, severity, mark


def _word_result(doc):
    from .. import documents as pipeline

    return W.WORD_WRITTEN.format(word=pipeline.word(doc.office, doc=doc)), "information", None


def _reprint_result(doc):
    from ..documents import reprint

    result = reprint(doc)
    severity = "warning" if result.identical is False else "information"
    version = svc.version_note(doc)
    message = W.REPRINT_OF_VERSION.format(symbol=doc.symbol, version=version, message=result.message) \
        if version else result.message
    return message, severity, svc.FILE_MARKS[svc.check_file(doc).state]
