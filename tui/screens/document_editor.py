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
from models.domain.documents import Content, DocumentText
from models.services import documents as svc
from models.core.words import ISSUED_ON

from .. import work
from ..pin import ask_pin, with_pin
from ..role_keys import RoleKeys
from .. import words
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FormInput, form_text_class
from ..widgets.form import FormField, FormScreen

#: the editor's fields: (key, label, kind) — Content.EDITABLE with the signer split in three
SIGNER_FIELDS = (("signer_authority", "Thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / T/M BAN THƯỜNG VỤ)", "line"),
                 ("signer_position", "Chức vụ người ký", "line"),
                 ("signer_name", "Họ tên người ký", "line"))


def editor_fields(values: dict) -> list[FormField]:
    fields = []
    for key, label in Content.EDITABLE:
        if key == "signer":
            fields += [FormField(k, lb, values.get(k, ""), kind=kind) for k, lb, kind in SIGNER_FIELDS]
        elif key == "subject":
            fields.append(FormField(key, label, values.get(key, "")))
        else:
            if key == "body":
                label = "Nội dung (I. mục lớn · 1. mục nhỏ · - gạch đầu dòng · | a | b | bảng · **đậm**)"
            fields.append(FormField(key, label, values.get(key, ""), kind="text"))
    return fields


def record_label(office, draft: svc.Draft) -> str:
    """The record a document is about, in a few words."""
    try:
        obj = svc.target(office, draft.kind.slug, draft.ref_id)
    except Exception:
        return f"mã {draft.ref_id}"
    target = draft.kind.target
    if target == "conference":
        return f"hội nghị ngày {obj.date:%d/%m/%Y} — {obj.title}"
    if target == "petition":
        who = "công dân giấu tên" if obj.citizen_withheld or not obj.citizen_name else obj.citizen_name
        content = obj.content if len(obj.content) <= 60 else obj.content[:59] + "…"
        return f"kiến nghị của {who}: {content}"
    if target == "unit":
        return f"đơn vị {obj.name}"
    return f"mã {draft.ref_id}"


def versions_text(office, slug: str, ref_id: int) -> str:
    """"Bản 1: 02/TB-UBND ngày 03/11/2026 (đã thay thế) · Bản 2: đang soạn (đính chính: …)"."""
    k = svc.kind(slug)
    rows = list(DocumentText.select().where((DocumentText.office == office) & (DocumentText.kind == slug)
                                            & (DocumentText.ref_type == k.target) & (DocumentText.ref_id == ref_id))
                .order_by(DocumentText.version))
    parts = []
    for row in rows:
        if row.document_id:
            state = {"issued": "đang hiệu lực", "superseded": "đã thay thế"}.get(row.status, row.status)
            text = f"Bản {row.version}: số {row.document.symbol} ngày {row.document.issued_on:%d/%m/%Y} ({state})"
        else:
            text = f"Bản {row.version}: đang soạn"
        if row.correction:
            text += f" — {row.correction}: {row.reason}"
        if row.signed_on:
            text += f" — đã ký ngày {row.signed_on:%d/%m/%Y}"
        parts.append(text)
    return " · ".join(parts)


class DocumentEditor(RoleKeys, FormScreen):
    """Returns nothing useful; the screen under it reloads when it resumes."""

    ROLE_KEYS = {"issue": "issue", "correct": "correct"}

    HELP = ("Soạn văn bản từ dữ liệu đã ghi, sửa theo ý kiến lãnh đạo, rồi ban hành.\n"
            "Nội dung viết theo dạng: “I.” mục lớn, “1.”, “2.1.” mục nhỏ, “-” gạch đầu dòng, “+” ý nhỏ, "
            "“| a | b |” một dòng bảng, **chữ đậm**, *chữ nghiêng*.\n"
            "Chỗ “[cần điền: …]” là thông tin còn thiếu: phải điền hết mới ban hành được. Ctrl+L chọn chỗ "
            "cần điền tiếp theo; gõ luôn để thay chỗ đó bằng nội dung.\n"
            "Ctrl+S: lưu nội dung đã sửa (lần in sau vẫn giữ) · Ctrl+O: in bản xem trước ra PDF · "
            "Ctrl+T: xuất tệp Word (.docx) · Ctrl+G: bỏ phần đã sửa, về văn bản soạn tự động · "
            "Ctrl+B: ban hành (chọn ngày, lấy số từ sổ văn bản đi, khóa nội dung) · "
            "Ctrl+N: phiên bản mới (đính chính hoặc thay thế) của văn bản đã ban hành · Esc: đóng.\n"
            "Ctrl+F: phóng to ô nội dung ra cả màn hình (bấm lần nữa để trở lại) — tiện sửa văn bản dài.\n"
            "Ctrl+H: tìm và thay một cụm chữ trong mọi ô (Ctrl+Z trong ô để hoàn tác) · "
            "Ctrl+Home / Ctrl+End: về đầu / cuối ô nhiều dòng.\n"
            "Tab / Shift+Tab: sang ô sau / ô trước.")
    BINDINGS = [
        Binding("ctrl+s", "save", words.SAVE, id="editor.save", priority=True),
        Binding("ctrl+o", "preview", "Xem PDF", id="editor.preview", priority=True),
        Binding("ctrl+t", "word", "Tệp Word", id="editor.word", priority=True),
        Binding("ctrl+g", "discard", "Về bản gốc", id="editor.discard", priority=True),
        Binding("ctrl+b", "issue", "Ban hành", id="editor.issue", priority=True),
        Binding("ctrl+n", "correct", "Phiên bản mới", id="editor.correct", priority=True),
        Binding("ctrl+l", "next_blank", "Chỗ cần điền", id="editor.blank", priority=True),
        Binding("ctrl+f", "zoom", "Phóng to nội dung", id="editor.zoom", priority=True),
        Binding("ctrl+h", "replace", "Tìm và thay", id="editor.replace", priority=True),
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
        super().__init__(self._title(), editor_fields(resumed_values(stored, resume)), self._save,
                         resume_at=(resume or {}).get("where"))
        if resume:      # typing kept when the app was stopped with this editor open
            self._initial_override = {f.key: str(stored.get(f.key, "") or "") for f in self.fields}
            self.reopened_note = REOPENED

    # --- state ---------------------------------------------------------------------

    def _title(self) -> str:
        return f"{self.draft.kind.name} — {self.record}"

    def state_text(self) -> str:
        d = self.draft
        if d.frozen:
            head = (f"ĐÃ BAN HÀNH số {d.issued.symbol} ngày {d.issued.issued_on:%d/%m/%Y} — nội dung đã khóa. "
                    "Ctrl+O: mở tệp · Ctrl+T: tệp Word · Ctrl+N: phiên bản mới (đính chính, thay thế).")
        elif d.is_correction:
            head = (f"PHIÊN BẢN {d.text.version} ({d.text.correction}: {d.text.reason}) đang soạn, thay cho số "
                    f"{d.issued.symbol if d.issued else ''}. Ctrl+B: ban hành phiên bản này.")
        elif d.edited:
            head = "Dự thảo đã sửa (đã lưu). Ctrl+G: về văn bản soạn tự động."
        else:
            head = "Dự thảo soạn tự động từ dữ liệu đã ghi. Sửa rồi Ctrl+S để lưu."
        missing = d.missing if not d.frozen else []
        if missing:
            head += "\nCòn thiếu (chỗ “[cần điền: …]”): " + ", ".join(missing) + "."
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
            yield Static("Ctrl+L chỗ cần điền · Ctrl+F phóng to · Ctrl+S lưu · Ctrl+O xem PDF · Ctrl+T Word · Ctrl+G về bản gốc · Ctrl+B ban hành · "
                         "Ctrl+N phiên bản mới · Esc đóng · F1 trợ giúp", classes="hint")

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
            self._say("Văn bản đã ban hành, nội dung đã khóa. Muốn sửa: Ctrl+N (phiên bản mới).", error=True)
            return
        focused = self.focused
        picked = ""
        if isinstance(focused, TextArea) and focused.selected_text and "\n" not in focused.selected_text:
            picked = focused.selected_text

        def check(values):
            from models.core.errors import ValidationError
            from models.core.text import clean

            find = clean(values["find"], multiline=False)
            if not find:
                raise ValidationError("Gõ cụm chữ cần tìm.", field="find")
            return find, clean(values["replace"] or "", multiline=False)

        form = SmallForm("Tìm và thay (mọi ô của văn bản)",
                         [FormField("find", "Tìm cụm chữ", picked), FormField("replace", "Thay bằng", "")], check)
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
            self._say(f"Đã thay “{find}” bằng “{replacement}” ở {total} chỗ "
                      f"({'; '.join(counts)}). Chưa lưu: Ctrl+S để lưu.")
        else:
            self._say(f"Không thấy “{find}” trong văn bản.", error=True)

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
        self._say("Không còn chỗ “[cần điền: …]” nào.")

    # --- saving --------------------------------------------------------------------

    def _save(self, values: dict):
        version = self.draft.text.row_version if self.draft.edited else None
        return svc.save_draft(self.office, self.slug, self.ref_id, values, expected_version=version)

    def action_save(self) -> None:
        if self.draft.frozen:
            self._say("Văn bản đã ban hành, nội dung đã khóa. Muốn sửa: Ctrl+N (phiên bản mới).", error=True)
            return
        super().action_save()

    def saved(self, result) -> None:
        self.app.typing_kept.done()
        then, self._after_save = self._after_save, None
        self._reload("Đã lưu nội dung văn bản.", then)

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
        self.app.push_screen(ConfirmScreen("Đóng mà không lưu những gì vừa sửa? (C: đóng, bỏ phần vừa sửa · "
                                           "K: ở lại; Ctrl+S để lưu)"),
                             lambda yes: yes and self._close())

    def _close(self) -> None:
        self.app.typing_kept.done()
        self.dismiss(None)
        if self.on_done is not None:
            self.on_done()

    # --- going back to the generated text --------------------------------------------

    def action_discard(self) -> None:
        if self.draft.frozen:
            self._say("Văn bản đã ban hành; không có bản sửa nào để bỏ.", error=True)
            return
        if not self.draft.edited and not self.dirty:
            self._say("Văn bản đang là bản soạn tự động, chưa có gì sửa.")
            return
        question = ("Bỏ phiên bản mới đang soạn? Văn bản đã ban hành giữ nguyên." if self.draft.is_correction else
                    "Bỏ mọi chỗ đã sửa và về văn bản soạn tự động từ dữ liệu? Không lấy lại được phần đã sửa.")

        was_correction = self.draft.is_correction

        def go(yes):
            if not yes:
                return
            work.run(self, svc.discard_edits, self.office, self.slug, self.ref_id, failed=self._error,
                     done=lambda _: self._reload("Đã bỏ phiên bản mới." if was_correction
                                                 else "Đã về văn bản soạn tự động."), group="editor-write")

        self.app.push_screen(ConfirmScreen(question + " (C: đồng ý · K: không)"), go)

    def _error(self, exc: Exception) -> None:
        from models.core.errors import UserError

        if isinstance(exc, UserError):
            self._say(words.explain(exc), error=True)
        else:
            self.app.report_unexpected(exc)
            self._say("Chưa làm được (lỗi không mong đợi). Nội dung vừa gõ vẫn còn đây.", error=True)

    # --- files -----------------------------------------------------------------------

    def action_preview(self) -> None:
        self._save_first(lambda: (self._say("Đang tạo tệp PDF…"), self._write("pdf")))

    def action_word(self) -> None:
        self._save_first(lambda: (self._say("Đang tạo tệp Word…"), self._write("docx")))

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
            message = f"Đã ghi tệp Word: {path}"
        else:
            if d.frozen and d.issued.file_path:
                path = Path(d.issued.file_path)
                message = "Tệp đã ban hành"
            else:
                path = pipeline.preview(self.office, self.slug, self.ref_id)
                message = "Đã in bản xem trước ra tệp PDF"
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
            self._say(f"Văn bản đã ban hành số {d.issued.symbol}. Muốn sửa: Ctrl+N (phiên bản mới).", error=True)
            return
        self._save_first(self._issue_saved)

    def _issue_saved(self) -> None:
        d = self.draft
        if d.is_correction and self.state.unchanged:
            self._say(f"Phiên bản mới chưa sửa gì so với văn bản số {d.issued.symbol}. Hãy sửa nội dung cần "
                      "đính chính hoặc thay thế (Ctrl+S lưu) rồi ban hành, hoặc Ctrl+G để bỏ phiên bản mới.",
                      error=True)
            return
        # everything that stops issuing is told now, before the date and the confirmation
        work.run(self, svc.check_issuable, self.office, self.slug, self.ref_id,
                 done=lambda _ok: self._ask_issue_date(), failed=self._error, group="editor-issue-check")

    def _ask_issue_date(self) -> None:
        d = self.draft

        def check(values):
            from models.services.validate import parse_date

            on = parse_date(values["date"], ISSUED_ON, field="date")
            svc.check_date(self.office, d.kind, on, about=svc.target(self.office, self.slug, self.ref_id))
            return on

        form = SmallForm(f"Ban hành {d.kind.name.lower()}",
                          [FormField("date", "Ngày ban hành (ngày/tháng/năm; mặc định hôm nay)",
                                     f"{clock.today():%d/%m/%Y}")], check)
        self.app.push_screen(form, self._confirm_issue)

    def _confirm_issue(self, on: dt.date | None) -> None:
        if on is None:
            return
        d = self.draft
        what = f"phiên bản {d.text.version} ({d.text.correction}) của " if d.is_correction else ""
        question = (f"Ban hành {what}{d.kind.name.lower()} ngày {on:%d/%m/%Y}?\n"
                    "Số văn bản được lấy từ sổ văn bản đi và không trả lại được; nội dung sẽ bị khóa "
                    "(muốn sửa phải tạo phiên bản mới).")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and ask_pin(
            self, self.office, "issue", lambda pin: self._issue(on, pin)))

    def _issue(self, on: dt.date, pin: str | None = None) -> None:
        from .. import documents as pipeline

        self._say("Đang ban hành…")

        def done(doc):
            message = (f"Đã ban hành {self.draft.kind.name.lower()} số {doc.symbol} ngày "
                       f"{doc.issued_on:%d/%m/%Y}. Tệp PDF: {doc.file_path}")
            self._reload(message)
            self.notify(message, timeout=12, markup=False)

        work.run(self, with_pin, self.office, pin, pipeline.issue, self.office, self.slug, self.ref_id, on=on,
                 done=done, failed=self._error, group="editor-issue")

    # --- a new version -----------------------------------------------------------------

    def action_correct(self) -> None:
        d = self.draft
        if not d.frozen:
            self._say("Văn bản chưa ban hành (hoặc đang soạn phiên bản mới): sửa trực tiếp rồi Ctrl+S.", error=True)
            return
        def opened(_draft):
            self._reload(f"Đã tạo phiên bản mới; văn bản số {d.issued.symbol} vẫn giữ nguyên. Sửa nội dung rồi "
                         "Ctrl+B để ban hành phiên bản này.")
            self.query_one("#f-body", TextArea).focus()

        correction_form(self.app, d.issued, opened)


class SmallForm(FormScreen):
    """A form of one or two fields, as tall as its fields."""

    DEFAULT_CSS = """
    SmallForm VerticalScroll { height: auto; }
    """


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
    fields = [FormField("mode", "Đính chính hay thay thế", "dinh-chinh", kind="select",
                        options=[("Đính chính (sửa sai sót)", "dinh-chinh"),
                                 ("Thay thế (ban hành văn bản mới thay văn bản cũ)", "thay-the")]),
              FormField("reason", "Lý do (bắt buộc)", "", kind="text")]

    def form(pin):
        def save(values):
            return with_pin(doc.office, pin, svc.start_correction, doc, mode=values["mode"] or "",
                            reason=values["reason"] or "")

        app.push_screen(SmallForm(f"Phiên bản mới của văn bản số {doc.symbol}", fields, save),
                        lambda draft: draft is not None and done(draft))

    ask_pin(app.screen, doc.office, "correct", form)


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
    if slug == "ke-hoach":
        screen.notify("Kế hoạch được soạn và ban hành ở màn hình Kế hoạch (F3).", severity="warning")
        return
    office = screen.app.office

    def read():
        from models.services import unsaved

        return read_state(office, slug, ref_id), resume or unsaved.kept_for(office, "document", [slug, ref_id])

    work.run(screen, read, group="editor-open",
             done=lambda got: screen.app.push_screen(DocumentEditor(office, slug, ref_id, got[0], on_done=on_done,
                                                                    resume=got[1])))
