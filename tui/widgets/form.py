"""A modal form: labelled inputs, saved with Ctrl+S (or Enter on its "Lưu" button).

One rule for the keys of every form (issue 20): the cursor enters a field at
the end of its text, nothing selected (tui/widgets/fields.py); Enter in a
single-line field goes to the next field and never saves; in a multi-line
field Enter is a new line; Tab from the last field goes to the "Lưu" button,
not into another field's text; the focused field's label and border are
highlighted and its label is scrolled into view with it; a save of a record
says which fields changed; for a moment after the form closes, letters typed
on run no key of the screen underneath (tui/grace.py).

Intent up: Ctrl+S posts ``FormScreen.Submitted`` with the values to the screen
that opened the form; that screen handles it (``@on(FormScreen.Submitted,
"#the-form-id")``) and answers with ``event.save(call, …)``, a model service
that validates and writes. The form runs it in its worker; a UserError it
raises is shown under the form and the typed values stay, so nothing is lost;
its result closes the form. No form is handed a save callable
(tests/test_intent_up.py). A form that is a screen of its own (the document
editor) answers its own Ctrl+S with a ``save_<its id>`` method.

When someone else saved the same record meanwhile (StaleEdit), the form says
who and what they changed, takes their values into the fields this user has
not touched, keeps what this user typed, and saves over the newer version
only on a second Ctrl+S."""
from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Callable

from rich.text import Text
from .. import words
from ..plain import plain
from textual import on
from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from models.core.errors import StaleEdit, UserError

from .fields import FormInput, form_text_class
from .type_ahead import TypeAhead, is_text_area
from ..words import WidgetWords as W


@dataclass
class FormField:
    key: str
    label: str
    value: Any = ""
    kind: str = "line"                 # line, text, select, secret
    options: list[tuple[str, Any]] | None = None
    placeholder: str = ""


class FormScreen(TypeAhead, ModalScreen):
    """Returns the saved record (whatever the answering service returned), or None if cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", words.SAVE, id="form.save"),
        Binding("escape", "cancel", words.CANCEL, id="form.cancel"),
        # Tab run by the app as the key arrives (a priority binding), not after it
        # has bubbled up from the field: in a burst the letters typed after it
        # were inserted into the field being left
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        # Enter too: left to the field, "12⏎5⏎40" typed fast all went into the first field
        Binding("enter", "enter", show=False, priority=True),
    ]

    class Submitted(Message):
        """The person asked to save ``values``. Answer with ``save(call, *args)``:
        ``call(*args)`` runs in the form's worker; its result closes the form,
        a UserError it raises is shown under the fields."""

        def __init__(self, form: "FormScreen", values: dict) -> None:
            super().__init__()
            self.form = form
            self.values = values
            #: what the form is about (a record, a plan …), as the screen opened it
            self.subject = form.subject

        @property
        def control(self) -> "FormScreen":
            return self.form

        def save(self, call: Callable[..., Any], *args, **kwargs) -> None:
            self.form.save_with(call, *args, **kwargs)

    def __init__(self, title: str, fields: list[FormField], *, changed: Callable[[dict], None] | None = None,
                 resume_at: dict | None = None, id: str | None = None, subject: Any = None):
        super().__init__(id=id)
        self.subject = subject
        self.form_title = title
        self.fields = fields
        #: called with the values as typed, and under "_where" the field and cursor
        #: (the live session and the editors keep them: nothing typed is lost)
        self.changed_callback = changed
        #: reopened after a kill: the field and cursor to go back to (``where``)
        self.resume_at = resume_at
        self._newer = None  # the newer record the user has been shown after a StaleEdit
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.form_title), classes="form-title")
            with VerticalScroll(can_focus=False):
                for f in self.fields:
                    with Vertical(classes="form-row"):
                        yield Label(plain(f.label), classes="form-label")
                        if f.kind == "text":
                            yield form_text_class()(str(f.value or ""), id=f"f-{f.key}", classes="form-text")
                        elif f.kind == "select":
                            yield Select([(plain(str(label)), value) for label, value in f.options or []],
                                         value=f.value if f.value is not None else Select.NULL,
                                         id=f"f-{f.key}", allow_blank=True, prompt=W.NOT_CHOSEN)
                        else:               # "secret": a PIN, never shown
                            yield FormInput(str(f.value or ""), placeholder=f.placeholder, id=f"f-{f.key}",
                                            password=f.kind == "secret")
            yield Button(words.SAVE_BUTTON, id="form-save", compact=True)
            yield Static("", id="form-error", classes="error")
            yield Static(words.HINT_FORM, classes="hint")

    #: reopened with typing kept from before a kill: the stored values (what
    #: "unsaved" is measured against) and what to tell the person
    _initial_override: dict | None = None
    reopened_note = ""

    def on_mount(self) -> None:
        self._initial = self._initial_override or self.values()
        if self.fields:
            self.focus_at_once(self.query_one(f"#f-{self.fields[0].key}"))
        if self.resume_at:
            self.call_after_refresh(self.go_to, self.resume_at)
        if self.reopened_note:
            self.query_one("#form-error", Static).update(Text(self.reopened_note))

    def where(self) -> dict:
        """The focused field and its cursor: (row, column) in a text box, the offset in a line."""
        w = self.focused
        key = w.id[2:] if w is not None and w.id and w.id.startswith("f-") else None
        if is_text_area(w):
            cursor = list(w.cursor_location)
        else:
            cursor = getattr(w, "cursor_position", None)
        return {"focus": key, "cursor": cursor}

    def go_to(self, where: dict) -> None:
        """Back to the field and cursor of ``where`` (a form reopened after a kill)."""
        try:
            w = self.query_one(f"#f-{where.get('focus')}")
        except Exception:  # a field this form no longer has
            return
        cursor = where.get("cursor")
        if isinstance(w, Input) and isinstance(cursor, int):
            # the focus would select the whole line, and the next key typed would replace it
            w.select_on_focus = False
        w.focus()
        try:
            if is_text_area(w) and isinstance(cursor, list) and len(cursor) == 2:
                w.cursor_location = (int(cursor[0]), int(cursor[1]))
            elif isinstance(w, Input) and isinstance(cursor, int):
                w.cursor_position = cursor
        except (TypeError, ValueError):
            pass

    def on_unmount(self) -> None:
        from .. import grace

        grace.closed(self.app)

    def on_descendant_focus(self, event) -> None:
        """The focused field's label stays in sight with it (the scroll would
        otherwise show the field alone, its label just above the top edge)."""
        row = event.widget.parent
        if row is not None and row.has_class("form-row"):
            # a class, not :focus-within, which Textual does not restyle in the label
            for other in self.query(".form-row.-here"):
                other.remove_class("-here")
            row.add_class("-here")
            self.call_after_refresh(_show_row, row)

    def scroll_to_center(self, widget, *args, **kwargs):
        """Textual centres a newly focused field that is not wholly in view; a
        form shows it with its label instead."""
        row = widget.parent
        if row is not None and row.has_class("form-row"):
            _show_row(row)
            return None
        return super().scroll_to_center(widget, *args, **kwargs)

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def values(self) -> dict:
        out = {}
        for f in self.fields:
            w = self.query_one(f"#f-{f.key}")
            if is_text_area(w):
                out[f.key] = w.text
            elif isinstance(w, Select):
                out[f.key] = None if w.value is Select.NULL else w.value
            else:
                out[f.key] = w.value
        return out

    def on_text_area_changed(self, event) -> None:
        self._typed(event)

    @on(Input.Changed)
    @on(Select.Changed)
    def _typed(self, event) -> None:
        if self.changed_callback is not None and hasattr(self, "_initial"):
            self.changed_callback(dict(self.values(), _where=self.where()))

    def action_enter(self) -> None:
        """Enter in a single-line field goes to the next field (after the last
        one, to the "Lưu" button): it never saves by itself; Enter on "Lưu"
        saves (the PIN box, tui/widgets/pin.py, is no form: Enter answers it). Elsewhere
        (a new line in a multi-line field, a choice in a list) the key goes on
        to the focused widget. Run as the key arrives, so the keys typed after
        it go to the field it moved to."""
        focused = self.focused
        if isinstance(focused, Input):
            self.focus_next()
            return
        if isinstance(focused, Button) and focused.id == "form-save":
            self.action_save()
            return
        raise SkipAction()

    def action_save(self) -> None:
        """The save runs in a worker (it reads and writes storage); its result
        or error comes back here. Keys typed meanwhile still reach the form; a
        second Ctrl+S while one save runs is not a second save."""
        if self._saving:
            return
        self.answerer().post_message(self.Submitted(self, self.values()))

    def answerer(self):
        """Who answers this form's Ctrl+S: the form itself when it is a screen
        of its own with a ``save_<id>`` (the document editor), else the screen
        that opened it — the nearest beneath it that answers this form (a PIN
        box asked just before may still be closing)."""
        answer = f"save_{self.id}"
        if self.id and hasattr(self, answer):
            return self
        stack = self.app.screen_stack
        below = stack[:stack.index(self)] if self in stack else []
        return next((s for s in reversed(below) if hasattr(s, answer)), below[-1] if below else self.app)

    def save_with(self, call: Callable[..., Any], *args, **kwargs) -> None:
        """Run ``call(*args, **kwargs)`` in the form's worker, as its save."""
        from .. import work

        if self._saving:
            return
        self._saving = True
        work.run(self, self._save_values, self._newer, call, args, kwargs, done=self._saved,
                 failed=self._refused, group="form-save")

    @staticmethod
    def _save_values(newer, call, args, kwargs):
        """In the worker."""
        from models.services.records import overwrite_confirmed

        with overwrite_confirmed(newer) if newer is not None else nullcontext():
            return call(*args, **kwargs)

    def _saved(self, result) -> None:
        self._saving = False
        self._newer = None
        self.tell_changes(result)
        self.saved(result)

    def changed_labels(self) -> list[str]:
        """The labels of the fields whose value differs from what the form opened with."""
        now = self.values()
        return [f.label for f in self.fields if now.get(f.key) != self._initial.get(f.key)]

    def tell_changes(self, result) -> None:
        """A record written: say which fields changed, and where to undo it."""
        import peewee as pw

        if not isinstance(result, pw.Model):
            return
        labels = self.changed_labels()
        if not labels:
            return
        stack = self.app.screen_stack
        under = stack[-2] if len(stack) > 1 else None
        key = next((b.key for b in getattr(under, "BINDINGS", []) if getattr(b, "action", "") == "history"), "")
        undo = (" " + words.UNDO_HINT.format(key=key.upper())) if key else ""
        self.app.notify(W.SAVED_CHANGED + "; ".join(labels) + "." + undo, timeout=8, markup=False)

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, StaleEdit):
            self._show_newer(exc)
            return
        if isinstance(exc, UserError):
            self.query_one("#form-error", Static).update(Text(words.explain(exc)))
            if exc.field:
                try:
                    self.query_one(f"#f-{exc.field}").focus()
                except Exception:
                    pass
            return
        # disk, lock, server: keep the form and what was typed
        self.app.report_unexpected(exc)
        self.query_one("#form-error", Static).update(
            W.STORAGE_FAILED)

    def saved(self, result) -> None:
        """After a successful save: close with the result (an editor that stays open overrides this)."""
        self.dismiss(result)

    def _show_newer(self, exc: StaleEdit) -> None:
        typed = self.values()
        fields = {f.key: f for f in self.fields}
        taken = []
        for key, _seen, stored in exc.changed:
            f = fields.get(key)
            if f is None or typed[key] != self._initial.get(key):
                continue  # not on this form, or this user changed it: theirs stays
            value = _as_form_value(f, stored, self._initial.get(key))
            if value is None:
                continue
            widget = self.query_one(f"#f-{key}")
            if is_text_area(widget):
                widget.load_text(value)
            else:
                widget.value = value
            taken.append(f.label)
        self._newer = exc.current
        note = (W.TAKEN_NEW_VALUES.format(fields=', '.join(taken)) if taken else "")
        self.query_one("#form-error", Static).update(Text(
            W.SAVE_OVER_HINT.format(message=exc.message, note=note)))

    def has_unsaved(self) -> bool:
        """Something typed here is not saved yet (Ctrl+Q asks before quitting)."""
        return hasattr(self, "_initial") and self.values() != self._initial

    def action_cancel(self) -> None:
        if self.values() == self._initial:
            self.dismiss(None)
            return
        from .confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(W.DISCARD_ASK),
                             lambda yes: yes and self.dismiss(None))


def _show_row(row) -> None:
    """``row`` (a label and its field) in view: whole if it fits, else its top."""
    scroll = row.parent
    if scroll is None or not row.is_mounted:
        return
    if row.outer_size.height <= scroll.scrollable_content_region.height:
        scroll.scroll_to_widget(row, animate=False, immediate=True)
    else:
        scroll.scroll_to_widget(row, animate=False, top=True, immediate=True)


def _as_form_value(f: FormField, stored, shown_before):
    """A stored value as this field would show it, or None when it cannot be
    shown there (a linked record typed by name, say)."""
    if f.kind == "select":
        return stored if any(v == stored for _, v in (f.options or [])) else None
    if isinstance(stored, bool):
        return None
    if isinstance(stored, str):
        return stored
    if stored is None:
        return ""
    if isinstance(stored, dt.datetime):
        return None
    if isinstance(stored, dt.date):
        return f"{stored:%d/%m/%Y}"
    if isinstance(stored, (int, float)) and str(shown_before).strip().lstrip("-").isdigit():
        return str(stored)
    return None
