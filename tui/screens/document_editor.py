"""Soạn văn bản: one numbered document of one record (every kind but the plan,
which has its own editor on F3), through its whole life in one screen.

The generated text (``models.services.compose``) is shown in the fields the
chair asks to change (``Content.EDITABLE``); Ctrl+S keeps the edits, Ctrl+O
writes the draft PDF, Ctrl+T the same as .docx, Ctrl+G goes back to the
generated text, Ctrl+B issues it with a number and a chosen date. An issued
document opens read-only with its number, date and versions; Ctrl+N starts a
new version (đính chính / thay thế, with a reason) and edits it here."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, Static, TextArea

from models.core import clock
from models.domain.document_text import Content, DocumentText
from models.services import documents as svc

from .. import work
from ..pin import ask_pin, with_pin
from ..role_keys import RoleKeys
from .. import words
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FormInput, form_text_class
from ..widgets.form import FormField, FormScreen
from ..words import EditorWords as W
from .base import AnswersForms

#: the editor's fields: (key, label, kind) — Content.EDITABLE with the signer split in three
SIGNER_FIELDS = (("signer_authority", W.SIGNER_AUTHORITY, "line"),
                 ("signer_position", W.SIGNER_POSITION, "line"),
                 ("signer_name", W.SIGNER_NAME, "line"))


def editor_fields(values: dict) -> list[FormField]:
    fields = []
    for key, label in Content.EDITABLE:
        if key == "signer":
            fields += [FormField(k, lb, values.get(k, ""), kind=kind) for k, lb, kind in SIGNER_FIELDS]
        elif key == "subject":
            fields.append(FormField(key, label, values.get(key, "")))
        else:
            if key == "body":
                label = W.BODY_FIELD
            fields.append(FormField(key, label, values.get(key, ""), kind="text"))
    return fields


def record_label(office, draft: svc.Draft) -> str:
    """The record a document is about, in a few words."""
    try:
        obj = svc.target(office, draft.kind.slug, draft.ref_id)
    except Exception:
        return W.REF_ID.format(ref_id=draft.ref_id)
    target = draft.kind.target
    if target == "conference":
        return W.CONFERENCE_REF.format(date=obj.date, title=obj.title)
    if target == "petition":
        who = W.CITIZEN_WITHHELD if obj.citizen_withheld or not obj.citizen_name else obj.citizen_name
        content = obj.content if len(obj.content) <= 60 else obj.content[:59] + "…"
        return W.PETITION_REF.format(who=who, content=content)
    if target == "unit":
        return W.UNIT_REF.format(name=obj.name)
    return W.REF_ID.format(ref_id=draft.ref_id)


def versions_text(office, slug: str, ref_id: int) -> str:
    """"Bản 1: 02/TB-UBND ngày 03/11/2026 (đã thay thế) · Bản 2: đang soạn (đính chính: …)"."""
    k = svc.kind(slug)
    rows = list(DocumentText.select().where((DocumentText.office == office) & (DocumentText.kind == slug)
                                            & (DocumentText.ref_type == k.target) & (DocumentText.ref_id == ref_id))
                .order_by(DocumentText.version))
    parts = []
    for row in rows:
        if row.document_id:
            state = {"issued": W.IN_FORCE, "superseded": W.SUPERSEDED}.get(row.status, row.status)
            text = W.VERSION_ISSUED.format(version=row.version, symbol=row.document.symbol,
                                           issued_on=row.document.issued_on, state=state)
        else:
            text = W.VERSION_DRAFT.format(version=row.version)
        if row.correction:
            text += f" — {row.correction}: {row.reason}"
        if row.signed_on:
            text += W.SIGNED_ON.format(signed_on=row.signed_on)
        parts.append(text)
    return " · ".join(parts)


class DocumentEditor(RoleKeys, AnswersForms, FormScreen):
    """Returns nothing useful; the screen under it reloads when it resumes."""

    ROLE_KEYS = {"issue": "issue", "correct": "correct"}

    HELP = (W.HELP)
    BINDINGS = [
        Binding("ctrl+s", "save", words.SAVE, id="editor.save", priority=True),
        Binding("ctrl+o", "preview", "Xem PDF", id="editor.preview", priority=True),
        Binding("ctrl+t", "word", W.WORD, id="editor.word", priority=True),
        Binding("ctrl+g", "discard", W.DISCARD, id="editor.discard", priority=True),
        Binding("ctrl+b", "issue", W.ISSUE, id="editor.issue", priority=True),
        Binding("ctrl+n", "correct", W.CORRECT, id="editor.correct", priority=True),
        Binding("ctrl+l", "next_blank", W.NEXT_BLANK, id="editor.blank", priority=True),
        Binding("ctrl+f", "zoom", W.ZOOM, id="editor.zoom", priority=True),
        Binding("ctrl+h", "replace", W.REPLACE, id="editor.replace", priority=True),
        Binding("escape", "cancel", words.CLOSE, id="editor.close"),
    ]

    class Changed(Message):
        """The editor shows a new state (saved, issued, corrected): tests wait for it."""

    def __init__(self, office, slug: str, ref_id: int, state: "EditorState", *, on_done=None,
                 resume: dict | None = None):
        from ..typing_kept import REOPENED, resumed_values

        self.office = office
        self.slug, self.ref_id = slug, ref_id
        self.state = state
        self.draft = state.draft
        self.record = state.record
        self.on_done = on_done
        self._after_save = None     # what waits for the save in progress (Ctrl+O, Ctrl+T, Ctrl+B)
        stored = svc.editor_values(self.draft.content)
        resume = resume if resume and not self.draft.frozen else None
        super().__init__(self._title(), editor_fields(resumed_values(stored, resume)),
                         resume_at=(resume or {}).get("where"), id="document")
        if resume:      # typing kept when the app was stopped with this editor open
            self._initial_override = {f.key: str(stored.get(f.key, "") or "") for f in self.fields}
            self.reopened_note = REOPENED

    # --- state ---------------------------------------------------------------------

    def _title(self) -> str:
        return f"{self.draft.kind.name} — {self.record}"

    def state_text(self) -> str:
        d = self.draft
        if d.frozen:
            head = (W.HEAD_ISSUED.format(symbol=d.issued.symbol, issued_on=d.issued.issued_on))
        elif d.is_correction:
            head = (W.HEAD_CORRECTION.format(version=d.text.version, correction=d.text.correction,
                                             reason=d.text.reason, replaces=d.issued.symbol if d.issued else ''))
        elif d.edited:
            head = W.HEAD_EDITED
        else:
            head = W.HEAD_DRAFT
        missing = d.missing if not d.frozen else []
        if missing:
            head += W.MISSING + ", ".join(missing) + "."
        versions = self.state.versions
        if versions:
            head += "\n" + versions
        return head

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-box"):
            yield Static(Text(self.form_title, style="bold"), id="editor-title")
            yield Static(Text(self.state_text()), id="editor-state")
            with VerticalScroll(can_focus=False):
                for f in self.fields:
                    with Vertical(classes="form-row"):
                        yield Label(f.label, classes="form-label body-label" if f.key == "body" else "form-label")
                        if f.kind == "text":
                            yield form_text_class()(str(f.value or ""), id=f"f-{f.key}", classes="editor-text")
                        else:
                            yield FormInput(str(f.value or ""), id=f"f-{f.key}")
            yield Static("", id="form-error", classes="editor-said")
            yield Static(W.KEYS_LINE, classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.app.typing_kept.watch(self, "document", [self.slug, self.ref_id])
        self._lock(self.draft.frozen)
        if self.draft.is_correction:       # a correction is made in the text, mostly
            self.query_one("#f-body", TextArea).focus()

    def _lock(self, frozen: bool) -> None:
        for f in self.fields:
            w = self.query_one(f"#f-{f.key}")
            if isinstance(w, TextArea):
                w.read_only = frozen
            else:
                w.disabled = frozen
        if frozen:
            self.query_one("#f-body", TextArea).focus()

    def _reload(self, message: str = "", then=None) -> None:
        """Show the document as it is now stored (read in a worker); then ``then()``."""
        def show(state):
            self._show_state(state, message)
            if then is not None:
                then()

        work.run(self, read_state, self.office, self.slug, self.ref_id, done=show, group="editor-state")

    def _show_state(self, state: "EditorState", message: str) -> None:
        self.state, self.draft = state, state.draft
        values = svc.editor_values(self.draft.content)
        for f in self.fields:
            w = self.query_one(f"#f-{f.key}")
            if isinstance(w, TextArea):
                w.load_text(values.get(f.key, ""))
            else:
                w.value = values.get(f.key, "")
        self._initial = self.values()
        self._newer = None
        self._lock(self.draft.frozen)
        self.query_one("#editor-state", Static).update(Text(self.state_text()))
        self._say(message)
        self.post_message(self.Changed())

    def _say(self, message: str, error: bool = False) -> None:
        box = self.query_one("#form-error", Static)
        box.set_class(error, "error")
        box.update(Text(message))

    @property
    def dirty(self) -> bool:
        return not self.draft.frozen and self.values() != self._initial

    # --- a long body: the whole screen for it --------------------------------------------

    def action_zoom(self) -> None:
        """The body takes the screen (the other fields hide) or gives it back."""
        box = self.query_one("#editor-box")
        box.toggle_class("zoom")
        body = self.query_one("#f-body", TextArea)
        self._fit_body()
        body.focus()

    def on_resize(self) -> None:
        self._fit_body()

    def _fit_body(self) -> None:
        body = self.query_one("#f-body", TextArea)
        if self.query_one("#editor-box").has_class("zoom"):
            # title, state, the body's label, the message and the key line stay
            body.styles.height = body.styles.max_height = max(self.size.height - 8, 5)
        else:
            body.styles.clear_rule("height")
            body.styles.clear_rule("max_height")

    # --- find and replace ---------------------------------------------------------------

    def action_replace(self) -> None:
        """Ctrl+H: a phrase and what replaces it, in every field of the document."""
        if self.draft.frozen:
            self._say(W.LOCKED, error=True)
            return
        focused = self.focused
        picked = ""
        if isinstance(focused, TextArea) and focused.selected_text and "\n" not in focused.selected_text:
            picked = focused.selected_text

        form = SmallForm(W.REPLACE_TITLE, [FormField("find", W.FIND, picked),
                                           FormField("replace", W.REPLACE_WITH, "")], id="replace_text")
        self.app.push_screen(form, lambda pair: pair is not None and self._replace_all(*pair))

    def _replace_all(self, find: str, replacement: str) -> None:
        """Each occurrence replaced as an edit of its field (Ctrl+Z in the field undoes it)."""
        counts, total = [], 0
        for f in self.fields:
            w = self.query_one(f"#f-{f.key}")
            text = w.text if isinstance(w, TextArea) else w.value
            n = text.count(find)
            if not n:
                continue
            if isinstance(w, TextArea):
                at = len(text)
                while (at := text.rfind(find, 0, at)) >= 0:
                    w.replace(replacement, _location(text, at), _location(text, at + len(find)))
            else:
                w.value = text.replace(find, replacement)
            counts.append(f"{f.label.split(' (')[0]}: {n}")
            total += n
        if counts:
            self._say(W.REPLACED.format(find=find, replacement=replacement, total=total, where='; '.join(counts)))
        else:
            self._say(W.NOT_FOUND.format(find=find), error=True)

    # --- the blanks to fill ------------------------------------------------------------

    def action_next_blank(self) -> None:
        """Select the next "[cần điền: …]" after the cursor (from the focused field
        on, round to the first): typing then replaces it."""
        from models.services.compose import MARK_RE

        if self.draft.frozen:
            return
        widgets = [self.query_one(f"#f-{f.key}") for f in self.fields]
        start = widgets.index(self.focused) if self.focused in widgets else 0
        for step in range(len(widgets) + 1):
            w = widgets[(start + step) % len(widgets)]
            text = w.text if isinstance(w, TextArea) else w.value
            after = _offset(w) if step == 0 else 0
            m = MARK_RE.search(text, after) or (MARK_RE.search(text) if step == len(widgets) else None)
            if m is None:
                continue
            w.focus()
            if isinstance(w, TextArea):
                from textual.widgets.text_area import Selection

                w.selection = Selection(_location(text, m.start()), _location(text, m.end()))
            else:
                from textual.widgets.input import Selection

                # after the focus, which selects the whole line
                self.call_after_refresh(setattr, w, "selection", Selection(m.start(), m.end()))
            return
        self._say(W.NO_BLANKS)

    # --- saving --------------------------------------------------------------------

    # Ctrl+S here and in the small forms this editor opens (intent up,
    # tui/widgets/form.py): the model's services answer. The editor is a form
    # that is a screen of its own, so it answers its own Ctrl+S.
    def save_document(self, event) -> None:
        version = self.draft.text.row_version if self.draft.edited else None
        event.save(svc.save_draft, self.office, self.slug, self.ref_id, event.values, expected_version=version)

    def save_replace_text(self, event) -> None:
        event.save(svc.replacement_as_typed, event.values)

    def save_issue_date(self, event) -> None:
        event.save(svc.issue_date_as_typed, self.office, self.slug, self.ref_id, event.values["date"])

    def save_correction(self, event) -> None:
        answer_correction(event)

    def action_save(self) -> None:
        if self.draft.frozen:
            self._say(W.LOCKED, error=True)
            return
        super().action_save()

    def saved(self, result) -> None:
        self.app.typing_kept.done()
        then, self._after_save = self._after_save, None
        self._reload(W.SAVED, then)

    def _refused(self, exc: BaseException) -> None:
        self._after_save = None       # not saved: the action that waited does not run
        super()._refused(exc)

    def _save_first(self, then) -> None:
        """Save what was typed, then ``then()`` (an action that renders or issues);
        when the save fails, the form says why and ``then`` does not run."""
        if not self.dirty:
            then()
            return
        self._after_save = then
        self.action_save()

    def action_cancel(self) -> None:
        if not self.dirty:
            self._close()
            return
        self.app.push_screen(ConfirmScreen(W.CLOSE_UNSAVED),
                             lambda yes: yes and self._close())

    def _close(self) -> None:
        self.app.typing_kept.done()
        self.dismiss(None)
        if self.on_done is not None:
            self.on_done()

    # --- going back to the generated text --------------------------------------------

    def action_discard(self) -> None:
        if self.draft.frozen:
            self._say(W.NOTHING_TO_DISCARD, error=True)
            return
        if not self.draft.edited and not self.dirty:
            self._say(W.NOTHING_EDITED)
            return
        question = (W.DISCARD_CORRECTION if self.draft.is_correction else
                    W.DISCARD_EDITS)

        was_correction = self.draft.is_correction

        def go(yes):
            if not yes:
                return
            work.run(self, svc.discard_edits, self.office, self.slug, self.ref_id, failed=self._error,
                     done=lambda _: self._reload(W.CORRECTION_DISCARDED if was_correction
                                                 else W.BACK_TO_DRAFT), group="editor-write")

        self.app.push_screen(ConfirmScreen(question + W.CONFIRM_KEYS), go)

    def _error(self, exc: Exception) -> None:
        from models.core.errors import UserError

        if isinstance(exc, UserError):
            self._say(words.explain(exc), error=True)
        else:
            self.app.report_unexpected(exc)
            self._say(W.UNEXPECTED, error=True)

    # --- files -----------------------------------------------------------------------

    def action_preview(self) -> None:
        self._save_first(lambda: (self._say(W.MAKING_PDF), self._write("pdf")))

    def action_word(self) -> None:
        self._save_first(lambda: (self._say(W.MAKING_WORD), self._write("docx")))

    def _write(self, what: str) -> None:
        work.run(self, self._make_file, what, done=self._said, failed=self._error, group="editor-file",
                 exclusive=False)

    def _make_file(self, what: str) -> str:
        """In a worker: the PDF or Word file; the message saying where it is."""
        from pathlib import Path

        from .. import documents as pipeline
        from .. import viewer

        d = self.draft
        if what == "docx":
            path = (pipeline.word(self.office, doc=d.issued) if d.frozen
                    else pipeline.word(self.office, self.slug, self.ref_id))
            message = W.WORD_WRITTEN.format(path=path)
        else:
            if d.frozen and d.issued.file_path:
                path = Path(d.issued.file_path)
                message = W.ISSUED_FILE
            else:
                path = pipeline.preview(self.office, self.slug, self.ref_id)
                message = W.PREVIEW_PRINTED
            opened = viewer.open_pdf(path)
            message += f". {opened}" if str(path) in opened else f": {path}. {opened}"
        return message

    def _said(self, message: str) -> None:
        self._say(message)
        self.notify(message, timeout=10, markup=False)
        self.post_message(self.Changed())

    # --- issuing ---------------------------------------------------------------------

    def action_issue(self) -> None:
        d = self.draft
        if d.frozen:
            self._say(W.ALREADY_ISSUED.format(symbol=d.issued.symbol), error=True)
            return
        self._save_first(self._issue_saved)

    def _issue_saved(self) -> None:
        d = self.draft
        if d.is_correction and self.state.unchanged:
            self._say(W.CORRECTION_UNCHANGED.format(symbol=d.issued.symbol),
                      error=True)
            return
        # everything that stops issuing is told now, before the date and the confirmation
        work.run(self, svc.check_issuable, self.office, self.slug, self.ref_id,
                 done=lambda _ok: self._ask_issue_date(), failed=self._error, group="editor-issue-check")

    def _ask_issue_date(self) -> None:
        self.app.push_screen(issue_date_form(W.ISSUE_TITLE.format(kind=self.draft.kind.name.lower())),
                             self._confirm_issue)

    def _confirm_issue(self, on: dt.date | None) -> None:
        if on is None:
            return
        d = self.draft
        what = W.CORRECTION_OF.format(version=d.text.version, correction=d.text.correction) if d.is_correction else ""
        subject = " ".join(str(getattr(d.content, "subject", "") or "").split())
        question = W.ISSUE_ASK.format(what=what, kind=d.kind.name.lower(), record=self.state.record, on=on,
                                      subject=W.ISSUE_SUBJECT.format(subject=subject) if subject else "")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and ask_pin(
            self, self.office, "issue", lambda pin: self._issue(on, pin)))

    def _issue(self, on: dt.date, pin: str | None = None) -> None:
        from .. import documents as pipeline

        self._say(W.ISSUING)

        def done(doc):
            message = (W.ISSUED.format(kind=self.draft.kind.name.lower(), symbol=doc.symbol,
                                       issued_on=doc.issued_on, file_path=doc.file_path))
            self._reload(message)
            self.notify(message, timeout=12, markup=False)

        work.run(self, with_pin, self.office, pin, pipeline.issue, self.office, self.slug, self.ref_id, on=on,
                 done=done, failed=self._error, group="editor-issue")

    # --- a new version -----------------------------------------------------------------

    def action_correct(self) -> None:
        d = self.draft
        if not d.frozen:
            self._say(W.NOT_ISSUED, error=True)
            return
        def opened(_draft):
            self._reload(W.CORRECTION_MADE.format(symbol=d.issued.symbol))
            self.query_one("#f-body", TextArea).focus()

        correction_form(self.app, d.issued, opened)


class SmallForm(FormScreen):
    """A form of one or two fields, as tall as its fields."""

    DEFAULT_CSS = """
    SmallForm VerticalScroll { height: auto; }
    """


def issue_date_form(title: str, subject=None) -> SmallForm:
    """The date to issue a document on (today, changeable); the screen that opens
    it answers with ``save_issue_date`` (models.services.documents.issue_date_as_typed)."""
    return SmallForm(title, [FormField("date", W.ISSUE_DATE, f"{clock.today():%d/%m/%Y}")], id="issue_date",
                     subject=subject)


def _location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset in a TextArea's text."""
    before = text[:offset]
    return before.count("\n"), offset - (before.rfind("\n") + 1)


def _offset(w) -> int:
    """The character offset just after the cursor (or selection) of a field."""
    if isinstance(w, TextArea):
        row, col = w.selection.end
        lines = w.text.split("\n")
        return sum(len(ln) + 1 for ln in lines[:row]) + col
    return max(w.selection) if w.selection else w.cursor_position


def correction_form(app, doc, done) -> None:
    """Ask đính chính or thay thế and the reason, then start the new version;
    ``done(draft)`` runs once it exists."""
    fields = [FormField("mode", W.CORRECTION_MODE, "dinh-chinh", kind="select",
                        options=[(W.CORRECTION_FIX, "dinh-chinh"),
                                 (W.CORRECTION_REPLACE, "thay-the")]),
              FormField("reason", W.REASON_REQUIRED, "", kind="text")]

    def form(pin):
        app.push_screen(SmallForm(W.CORRECTION_TITLE.format(symbol=doc.symbol), fields, id="correction",
                                  subject=(doc, pin)),
                        lambda draft: draft is not None and done(draft))

    ask_pin(app.screen, doc.office, "correct", form)


def answer_correction(event) -> None:
    """The correction form's Ctrl+S, for the screen that opened it (the editor, F7)."""
    doc, pin = event.subject
    event.save(with_pin, doc.office, pin, svc.start_correction, doc, mode=event.values["mode"] or "",
               reason=event.values["reason"] or "")


@dataclass(frozen=True)
class EditorState:
    """What the editor shows of a document, read in a worker."""
    draft: svc.Draft
    record: str              # the record it is written for
    versions: str            # its issued versions, one line
    unchanged: bool          # a correction whose text is still the issued one's


def read_state(office, slug: str, ref_id: int) -> EditorState:
    d = svc.draft(office, slug, ref_id)
    return EditorState(d, record_label(office, d), versions_text(office, slug, ref_id),
                       bool(d.is_correction and svc.same_text(d.content, d.text.replaces.parsed)))


def open_editor(screen, slug: str, ref_id: int, *, on_done=None, resume: dict | None = None) -> None:
    """Open the editor of ``slug`` for ``ref_id`` above ``screen`` (the plan has its own, F3),
    with the typing kept from an editor of the same document that was killed
    (``resume``, or read here)."""
    if svc.kind(slug).record_text:
        screen.notify(W.PLAN_ELSEWHERE, severity="warning")
        return
    office = screen.app.office

    def read():
        from models.services import unsaved

        return read_state(office, slug, ref_id), resume or unsaved.kept_for(office, "document", [slug, ref_id])

    work.run(screen, read, group="editor-open",
             done=lambda got: screen.app.push_screen(DocumentEditor(office, slug, ref_id, got[0], on_done=on_done,
                                                                    resume=got[1])))
