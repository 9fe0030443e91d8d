"""Phiên họp: the screen the secretary keeps open during the conference.

Entry of a petition is a line of inputs walked with Enter: người nêu → thôn →
lĩnh vực (a number key) → nội dung → hướng xử lý (a number key) → trả lời /
đơn vị / nơi chuyển; the last Enter records it and starts the next one. Every
change is written to the database: moving between inputs at once, text being
typed within SAVE_DELAY seconds (a one-shot timer started by the first unsaved
change, so continuous typing is still saved every second). After a crash the
screen reopens on the same conference, draft and input."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static

from models.errors import UserError
from models.services import live_session as live

from ..widgets.typeahead import RankedSuggester
from .base import AppScreen

#: seconds between a change and its write while the user keeps typing
SAVE_DELAY = 1.0

# input id → draft key, in the order Enter walks through them
ENTRY = [
    ("e-name", "citizen_name", "Người nêu"),
    ("e-village", "village", "Thôn"),
    ("e-field", "field", "Lĩnh vực"),
    ("e-content", "content", "Nội dung"),
    ("e-disp", "disposition", "Xử lý"),
    ("e-answer", "answer_on_spot", "Trả lời"),
    ("e-unit", "unit", "Đơn vị"),
    ("e-forward", "forwarded_to", "Chuyển đến"),
    ("e-by", "answered_by", "Người trả lời"),
]
KEY_OF = {i: k for i, k, _ in ENTRY}
FIXED_SIZE = {"session-title", "entry-title", *(f"hint-{i}" for i, _, _ in ENTRY)}
DISP_LABELS = {"on_spot": "1 Trả lời tại chỗ", "in_writing": "2 Trả lời bằng văn bản",
               "forwarded": "3 Chuyển cấp có thẩm quyền", "noted": "4 Ghi nhận"}
# after the disposition key, the input that finishes the petition
FINISH_AT = {"on_spot": "e-answer", "noted": "e-answer", "in_writing": "e-unit", "forwarded": "e-forward"}


class SessionScreen(AppScreen):
    HELP = (
        "Ghi lại hội nghị trong khi diễn ra. Mọi thứ được lưu ngay khi gõ; mất điện hay tắt máy đột ngột "
        "chỉ mất nhiều nhất khoảng một giây gõ phím, mở lại sẽ về đúng chỗ đang ghi.\n\n"
        "Ghi một ý kiến: gõ tên người nêu (để trống nếu không ghi tên; Ctrl+Y: giấu tên) rồi Enter; gõ vài chữ "
        "đầu tên thôn rồi Enter (Enter khi để trống: cùng thôn với ý kiến trước); gõ số lĩnh vực; gõ nội "
        "dung rồi Enter; gõ số hướng xử lý 1–4; gõ câu trả lời (hoặc tên đơn vị, hoặc nơi chuyển) rồi Enter "
        "là ý kiến được ghi. Người trả lời giữ nguyên cho các ý kiến sau (Tab để sửa).\n"
        "Khi có ý kiến cũ tương tự (cùng thôn, cùng lĩnh vực), ý kiến đó và câu trả lời hiện bên dưới; "
        "Ctrl+G gộp ý kiến đang ghi với ý kiến trước (nhiều người cùng nêu một việc).")
    BINDINGS = [
        Binding("ctrl+b", "start", "Bắt đầu phiên", id="session.start"),
        Binding("ctrl+t", "agenda", "Bắt đầu/kết thúc mục", id="session.agenda"),
        Binding("ctrl+o", "enqueue", "Đăng ký phát biểu", id="session.enqueue"),
        Binding("ctrl+r", "next_speaker", "Mời người tiếp", id="session.next_speaker"),
        Binding("ctrl+y", "withhold", "Giấu tên", id="session.withhold"),
        Binding("ctrl+l", "channel", "Đổi hình thức", id="session.channel"),
        Binding("ctrl+g", "group", "Gộp ý kiến", id="session.group"),
        Binding("f9", "attendance", "Điểm danh", id="session.attendance"),
        Binding("f10", "conclusions", "Kết luận", id="session.conclusions"),
        Binding("f11", "choose", "Chọn hội nghị", id="session.choose"),
        Binding("f12", "close_session", "Kết thúc phiên", id="session.close"),
    ]

    class Loaded(Message):
        """The conference and its records are on screen (tests wait for it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conf = None
        self.place: dict = {}
        self.draft: dict = live.empty_draft()
        self.loaded = False
        self._save_timer: Timer | None = None
        self._clock: Timer | None = None
        self._filling = False          # inputs being set from the draft, not typed
        self._similar: list = []
        self.last_petition = None
        self._running = None           # the agenda item whose clock runs

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(" Phiên họp", id="session-title", classes="screen-title")
        with Horizontal(id="session"):
            with Vertical(id="session-side"):
                yield Static("Điểm danh (F9)", classes="section-title")
                yield Static("", id="attendance")
                yield Static("Chương trình (Ctrl+T)", classes="section-title")
                yield DataTable(id="agenda", cursor_type="row", show_cursor=False)
                yield Static("Đăng ký phát biểu (Ctrl+O, Ctrl+R)", classes="section-title")
                yield Static("", id="queue")
            with Vertical(id="session-main"):
                yield Static("", id="entry-title", classes="section-title")
                for input_id, _, label in ENTRY:
                    with Horizontal(classes="entry-row", id=f"row-{input_id}"):
                        yield Static(label, classes="entry-label")
                        yield Input(id=input_id, classes="entry-input")
                        yield Static("", id=f"hint-{input_id}", classes="entry-hint")
                yield Static("", id="entry-error", classes="error")
                yield Static("", id="similar", classes="similar")
                yield DataTable(id="petitions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agenda", DataTable).add_columns("#", "Mục", "Dự kiến", "Thực tế")
        self.query_one("#petitions", DataTable).add_columns("Số", "Người nêu", "Thôn", "Lĩnh vực", "Nội dung",
                                                            "Xử lý")
        self.query_one("#e-village", Input).suggester = RankedSuggester()
        self.query_one("#e-unit", Input).suggester = RankedSuggester()
        self.query_one("#e-by", Input).suggester = RankedSuggester()
        self.query_one("#e-disp", Input).placeholder = "1 tại chỗ · 2 văn bản · 3 chuyển · 4 ghi nhận"
        self.query_one("#e-field", Input).placeholder = "số lĩnh vực"
        self.query_one("#e-village", Input).placeholder = "vài chữ đầu; Enter: như ý kiến trước"
        self.load()

    def on_screen_suspend(self) -> None:
        self.save_now()
        if self._clock:
            self._clock.pause()

    def on_screen_resume(self) -> None:
        if self._clock and self.conf is not None and self.conf.status == "in_session":
            self._clock.resume()

    # --- loading --------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="session-load")
    def load(self, conf_id: int | None = None) -> None:
        try:
            data = self._read(conf_id)
        except Exception as exc:  # shown, not raised
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.show, data)

    def _read(self, conf_id):
        from models.conferences import Conference

        office = self.office
        place = live.load_place(office)
        if conf_id is None:
            conf_id = place.get("conference")
        conf = Conference.get_or_none(Conference.id == conf_id) if conf_id else None
        if conf is None or conf.office_id != office.id:
            conf = live.pick_conference(office)
        if conf is not None and place.get("conference") != conf.id:
            place = {"conference": conf.id}
        return dict(conf=conf, place=place,
                    villages=live.village_names(office, conf), officials=live.official_names(office),
                    fields=live.field_list(office), units=live.unit_names(office),
                    agenda=live.agenda(conf) if conf else [], attendance=live.attendance(conf) if conf else None,
                    petitions=live.session_petitions(conf) if conf else [])

    def show(self, d) -> None:
        self.conf, self.place = d["conf"], d["place"]
        self.query_one("#e-village", Input).suggester.names = d["villages"]
        self.query_one("#e-by", Input).suggester.names = d["officials"]
        self.query_one("#e-unit", Input).suggester.names = d["units"]
        self.fields = d["fields"]
        self.say("hint-e-field", 
            " ".join(f"{f.code}.{f.name}" for f in self.fields[:6]) + " …")
        if self.conf is None:
            self.say("session-title", 
                " Phiên họp — chưa có hội nghị nào. Tạo hội nghị ở màn hình Hội nghị (F4).")
            self.loaded = True
            self.post_message(self.Loaded())
            return
        self.show_agenda(d["agenda"])
        self._running = next((i for i in d["agenda"] if i.actual_start and not i.actual_end), None)
        self.show_attendance(d["attendance"])
        table = self.query_one("#petitions", DataTable)
        table.clear()
        for p in d["petitions"]:
            self._add_row(p)
        self.last_petition = d["petitions"][-1] if d["petitions"] else None
        draft = live.empty_draft(live.chair_name(self.conf))
        draft.update({k: v for k, v in (self.place.get("draft") or {}).items() if k in live.DRAFT_KEYS})
        self.draft = draft
        self.fill_inputs()
        self.show_queue()
        self.update_clock_state()
        self.tick()
        self.place["mount"] = int(self.place.get("mount", 0)) + 1
        focus = self.place.get("focus") or "e-name"
        self.save_now()
        self.loaded = True
        self._focus(focus if focus in KEY_OF else "e-name")
        if self.place.get("editing") == "conclusions":
            self.action_conclusions()
        self.post_message(self.Loaded())

    def show_agenda(self, items) -> None:
        table = self.query_one("#agenda", DataTable)
        table.clear()
        for item in items:
            actual = f"{item.actual_start:%H:%M}" if item.actual_start else ""
            if item.actual_start:
                actual += f"–{item.actual_end:%H:%M}" if item.actual_end else " ▶"
            table.add_row(str(item.seq), item.title[:22], f"{item.planned_start} ({item.planned_minutes}')",
                          actual, key=str(item.id))

    def show_attendance(self, a) -> None:
        if a is None:
            return
        from models.conferences import ATTENDANCE_GROUPS

        lines = [f"{label}: {a.counts.get(g, 0)}" for g, label in ATTENDANCE_GROUPS.items()]
        lines.append(f"Khách mời: {len(a.guests)} · Tổng: {a.total}")
        self.say("attendance", "\n".join(lines))

    def show_queue(self) -> None:
        queue = self.place.get("queue") or []
        text = "\n".join(f"{i}. {q.get('citizen_name') or '(không ghi tên)'} — {q.get('village', '')}"
                         for i, q in enumerate(queue[:8], start=1)) or "(chưa có ai đăng ký)"
        if len(queue) > 8:
            text += f"\n… và {len(queue) - 8} người nữa"
        self.say("queue", text)

    def _add_row(self, p) -> None:
        from models.petitions import DISPOSITIONS

        content = p.content if len(p.content) <= 40 else p.content[:39] + "…"
        handling = DISPOSITIONS.get(p.disposition, "")
        if p.group_parent_id:
            handling += " (gộp)"
        self.query_one("#petitions", DataTable).add_row(
            str(p.seq), p.citizen_label, p.village.name if p.village_id else "",
            p.field.name if p.field_id else "", content, handling, key=str(p.id))
        self.query_one("#petitions", DataTable).move_cursor(row=self.query_one("#petitions", DataTable).row_count - 1)

    # --- the clock: ticks only while the session is live ------------------------------
    def update_clock_state(self) -> None:
        live_now = self.conf is not None and self.conf.status == "in_session"
        if live_now and self._clock is None:
            self._clock = self.set_interval(1.0, self.tick)
        elif not live_now and self._clock is not None:
            self._clock.stop()
            self._clock = None

    def tick(self) -> None:
        if self.conf is None:
            return
        from models.base import now

        c = self.conf
        head = f" Phiên họp — {c.title} — {c.date:%d/%m/%Y} — {c.status_label}"
        if c.status == "in_session":
            head += f" — {now():%H:%M:%S}"
            running = self._running
            if running is not None:
                head += (f" — mục {running.seq}: {live.elapsed_text(running.actual_start)}"
                         f" / {running.planned_minutes} phút")
        else:
            head += " — Ctrl+B: bắt đầu phiên"
        self.say("session-title", head)
        n = len(self.query_one("#petitions", DataTable).rows) + 1
        channel = {"spoken": "phát biểu", "slip": "phiếu", "before": "gửi trước"}.get(self.draft["channel"], "")
        flags = f" · {channel}" + (" · giấu tên" if self.draft.get("citizen_withheld") else "")
        if self.draft.get("group_parent"):
            flags += " · gộp với ý kiến trước"
        self.say("entry-title", f"Ý kiến số {n}{flags}")

    # --- saving as typed ---------------------------------------------------------------
    def schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.conf is None or not self.loaded and "mount" not in self.place:
            return
        self.place["conference"] = self.conf.id
        self.place["draft"] = self.draft
        try:
            live.save_place(self.office, self.place)
        except Exception as exc:
            self.notify_error(exc)

    def say(self, widget_id: str, text: str) -> None:
        """Update a Static only when its text changes: a changed Static costs a
        layout pass, and this runs on every key."""
        w = self.query_one(f"#{widget_id}", Static)
        if getattr(w, "_said", None) != text:
            w._said = text
            # one-line boxes of fixed size need no new layout, only a repaint
            w.update(text, layout=widget_id not in FIXED_SIZE)

    def _focus(self, input_id: str) -> None:
        w = self.query_one(f"#{input_id}", Input)
        w.focus()
        w.cursor_position = len(w.value)

    def on_descendant_focus(self, event) -> None:
        widget_id = getattr(event.widget, "id", None)
        if self.loaded and widget_id in KEY_OF and self.place.get("focus") != widget_id:
            self.place["focus"] = widget_id
            self.save_now()   # moving between inputs is a field change: commit it

    def fill_inputs(self) -> None:
        self._filling = True
        try:
            for input_id, key, _ in ENTRY:
                value = self.draft.get(key) or ""
                if key == "disposition":
                    value = next((d for d, v in live.DISPOSITION_KEYS.items() if v == value), "")
                self.query_one(f"#{input_id}", Input).value = str(value)
        finally:
            self._filling = False
        self.show_disposition()
        self.tick()

    def show_disposition(self) -> None:
        d = self.draft.get("disposition")
        self.say("hint-e-disp", DISP_LABELS.get(d, ""))
        unit_hint = ""
        if d == "in_writing":
            unit_hint = "hạn trả lời theo quy định"
        self.say("hint-e-unit", unit_hint)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        input_id = event.input.id
        if self._filling or input_id not in KEY_OF or not self.loaded:
            return
        event.stop()
        key = KEY_OF[input_id]
        value = event.value
        self.say("entry-error", "")
        if key == "disposition":
            self._disposition_typed(event.input, value)
            return
        self.draft[key] = value
        if key == "field" and live.field_is_decided(self.office, value):
            self._field_done(value)
            return
        if key == "village":
            hits = live.rank(self.query_one("#e-village", Input).suggester.names, value) if value else []
            self.say("hint-e-village", f"→ {hits[0]}" if hits else "")
        self.schedule_save()

    def _disposition_typed(self, box: Input, value: str) -> None:
        choice = live.DISPOSITION_KEYS.get(value.strip()[-1:]) if value.strip() else None
        if value and choice is None:
            self._filling = True
            box.value = ""
            self._filling = False
            self.say("entry-error", "Gõ số hướng xử lý: " + " · ".join(DISP_LABELS.values()))
            return
        self.draft["disposition"] = choice or ""
        self.show_disposition()
        if choice:
            target = FINISH_AT[choice]
            if choice == "in_writing":
                self._suggest_unit()
            self.save_now()
            self._focus(target)

    def _suggest_unit(self) -> None:
        """The unit that usually answers this field is offered as the default:
        shown as the placeholder, taken by Enter, replaced by typing."""
        field = live.resolve_field(self.office, self.draft.get("field", ""))
        names = live.unit_names(self.office, field.name if field else "")
        box = self.query_one("#e-unit", Input)
        box.suggester.names = names
        self._unit_default = names[0] if names and field is not None else ""
        box.placeholder = f"{self._unit_default} (Enter)" if self._unit_default else "vài chữ đầu tên đơn vị"

    def _field_done(self, typed: str) -> None:
        f = live.resolve_field(self.office, typed)
        if f is None:
            self.say("entry-error", f"Không có lĩnh vực “{typed}”. Gõ số của lĩnh vực.")
            return
        self.draft["field"] = str(f.code)
        self.say("hint-e-field", f"→ {f.name}")
        self.save_now()
        self._focus("e-content")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        input_id = event.input.id
        if input_id not in KEY_OF or not self.loaded:
            return
        event.stop()
        try:
            self._advance(input_id, event.value)
        except UserError as exc:
            self.say("entry-error", exc.message)

    def _advance(self, input_id: str, value: str) -> None:
        from models.errors import ValidationError

        if self.conf is None:
            raise ValidationError("Chưa có hội nghị để ghi. Tạo hội nghị ở màn hình Hội nghị (F4).")
        if input_id == "e-name":
            self.save_now()
            self._focus("e-village")
        elif input_id == "e-village":
            names = self.query_one("#e-village", Input).suggester.names
            if not value.strip():
                previous = self.last_petition
                value = previous.village.name if previous is not None and previous.village_id else ""
            else:
                hits = live.rank(names, value)
                if not hits:
                    raise ValidationError(f"Không có thôn “{value}”. Gõ vài chữ đầu của tên thôn.")
                value = hits[0]
            self._set("e-village", value)
            self.say("hint-e-village", "")
            self.save_now()
            self._focus("e-field")
        elif input_id == "e-field":
            if not value.strip():
                self.save_now()
                self._focus("e-content")
            else:
                self._field_done(value)
        elif input_id == "e-content":
            if not value.strip():
                raise ValidationError("Hãy ghi nội dung ý kiến trước.")
            self.show_similar()
            self.save_now()
            self._focus("e-disp")
        elif input_id == "e-disp":
            if not self.draft.get("disposition"):
                raise ValidationError("Gõ số hướng xử lý: " + " · ".join(DISP_LABELS.values()))
            self._focus(FINISH_AT[self.draft["disposition"]])
        elif input_id == "e-unit":
            value = value.strip() or getattr(self, "_unit_default", "")
            hits = live.rank(self.query_one("#e-unit", Input).suggester.names, value)
            if not hits:
                raise ValidationError(f"Không có đơn vị “{value}”. Gõ vài chữ đầu của tên đơn vị.")
            self._set("e-unit", hits[0])
            self.commit()
        elif input_id == "e-by" and value.strip():
            hits = live.rank(self.query_one("#e-by", Input).suggester.names, value)
            self._set("e-by", hits[0] if hits else value)
            self.commit()
        else:
            self.commit()

    def _set(self, input_id: str, value: str) -> None:
        self._filling = True
        self.query_one(f"#{input_id}", Input).value = value
        self._filling = False
        self.draft[KEY_OF[input_id]] = value

    def show_similar(self) -> None:
        try:
            self._similar = live.similar_for_draft(self.office, self.conf, self.draft)
        except UserError:
            self._similar = []
        box = self.query_one("#similar", Static)
        if not self._similar:
            box.update("")
            self.draft["similar_to"] = None
            return
        p = self._similar[0].petition
        self.draft["similar_to"] = p.id
        answer = p.answer_summary or p.answer_on_spot or "(chưa có trả lời)"
        where = p.conference.date.strftime("%d/%m/%Y") if p.conference_id else f"{p.received_on:%d/%m/%Y}"
        box.update(f"[b]Ý kiến tương tự ({where}):[/b] {p.content}\n[b]Đã trả lời:[/b] {answer}")

    def commit(self) -> None:
        if self.conf is None:
            return
        if self.conf.status != "in_session":
            from models.errors import ValidationError

            raise ValidationError("Phiên họp chưa bắt đầu. Bấm Ctrl+B để bắt đầu phiên rồi ghi ý kiến.")
        answered_by = self.draft.get("answered_by", "")
        place = dict(self.place, draft=live.empty_draft(answered_by), focus="e-name")
        p = live.commit_draft(self.office, self.conf, self.draft, place)
        self.place = place
        self.draft = place["draft"]
        self.last_petition = p
        self._add_row(p)
        self.fill_inputs()
        self.say("similar", "")
        self.say("hint-e-field", "")
        self.query_one("#e-unit", Input).suggester.names = live.unit_names(self.office)
        self._focus("e-name")

    # --- actions ------------------------------------------------------------------------
    def _need_conf(self) -> bool:
        if self.conf is None:
            self.notify("Chưa có hội nghị. Tạo hội nghị ở màn hình Hội nghị (F4).", severity="warning")
            return False
        return True

    def action_start(self) -> None:
        if not self._need_conf():
            return
        try:
            self.conf = live.start_session(self.conf)
        except UserError as exc:
            self.notify_error(exc)
            return
        self.update_clock_state()
        self.save_now()
        self.tick()
        self.notify("Đã bắt đầu phiên họp.")

    def action_agenda(self) -> None:
        if not self._need_conf():
            return
        try:
            item = live.toggle_agenda(self.conf)
        except UserError as exc:
            self.notify_error(exc)
            return
        self._running = item if item.actual_end is None else None
        self.show_agenda(live.agenda(self.conf))
        self.tick()

    def action_withhold(self) -> None:
        self.draft["citizen_withheld"] = not self.draft.get("citizen_withheld")
        self.save_now()
        self.tick()

    def action_channel(self) -> None:
        self.draft["channel"] = live.next_channel(self.draft.get("channel", "spoken"))
        self.save_now()
        self.tick()

    def action_group(self) -> None:
        """Several citizens raising the same issue: the entry joins the similar
        petition of this session if one is shown, else the previous petition."""
        if self.draft.get("group_parent"):
            self.draft["group_parent"] = None
        else:
            same = [m.petition for m in self._similar if m.petition.conference_id == getattr(self.conf, "id", None)]
            target = same[0] if same else self.last_petition
            if target is None:
                self.notify("Chưa có ý kiến nào trước để gộp.", severity="warning")
                return
            self.draft["group_parent"] = target.group_parent_id or target.id
        self.save_now()
        self.tick()

    def action_enqueue(self) -> None:
        from ..widgets.form import FormField, FormScreen

        def add(values):
            queue = list(self.place.get("queue") or [])
            queue.append({"citizen_name": values["citizen_name"], "village": values["village"],
                          "field": values["field"], "channel": "slip" if values["slip"].strip() else "spoken"})
            self.place["queue"] = queue
            self.save_now()
            self.show_queue()
            return True

        self.app.push_screen(FormScreen("Đăng ký phát biểu", [
            FormField("citizen_name", "Họ tên (để trống nếu không ghi tên)"),
            FormField("village", "Thôn"),
            FormField("field", "Lĩnh vực (số)"),
            FormField("slip", "Ý kiến bằng phiếu? (gõ c nếu có)")], add))

    def action_next_speaker(self) -> None:
        queue = list(self.place.get("queue") or [])
        if not queue:
            self.notify("Chưa có ai đăng ký phát biểu.", severity="warning")
            return
        if any(str(self.draft.get(k) or "").strip() for k in ("citizen_name", "content")):
            self.notify("Ý kiến đang ghi chưa xong; ghi xong rồi mời người tiếp.", severity="warning")
            return
        nxt = queue.pop(0)
        self.place["queue"] = queue
        for key in ("citizen_name", "village", "field", "channel"):
            if nxt.get(key):
                self.draft[key] = nxt[key]
        self.fill_inputs()
        self.show_queue()
        self.save_now()
        self._focus("e-content" if self.draft.get("field") else "e-field")

    def action_attendance(self) -> None:
        if not self._need_conf():
            return
        from models.conferences import ATTENDANCE_GROUPS

        from ..widgets.form import FormField, FormScreen

        current = live.attendance(self.conf)
        fields = [FormField(g, f"{label} (số người)", str(current.counts.get(g, 0)))
                  for g, label in ATTENDANCE_GROUPS.items()]
        fields.append(FormField("guests", "Khách mời (mỗi dòng: Họ tên - chức vụ)", live.guests_text(current),
                                kind="text"))

        def save(values):
            summary = live.set_attendance(self.conf, values, values.get("guests", ""))
            self.show_attendance(summary)
            return True

        self.app.push_screen(FormScreen("Điểm danh", fields, save))

    def action_conclusions(self) -> None:
        if not self._need_conf():
            return
        from ..widgets.conclusions import ConclusionsScreen

        self.place["editing"] = "conclusions"
        self.save_now()

        def closed(_):
            self.place.pop("editing", None)
            self.save_now()
            self._focus(self.place.get("focus") or "e-name")

        self.app.push_screen(ConclusionsScreen(self.conf), closed)

    def action_choose(self) -> None:
        if any(str(self.draft.get(k) or "").strip() for k in ("citizen_name", "content")):
            self.notify("Ý kiến đang ghi chưa xong; ghi xong rồi mới chọn hội nghị khác.", severity="warning")
            return
        from ..widgets.pick import PickScreen

        confs = live.conferences(self.office)
        options = [(f"{c.date:%d/%m/%Y} · {c.status_label} · {c.title}", c.id) for c in confs]

        def chosen(conf_id):
            if conf_id is not None:
                self.loaded = False
                self.place = {"conference": conf_id}
                self.load(conf_id)

        self.app.push_screen(PickScreen("Chọn hội nghị", options), chosen)

    def action_close_session(self) -> None:
        if not self._need_conf():
            return
        if any(str(self.draft.get(k) or "").strip() for k in ("citizen_name", "content")):
            self.notify("Ý kiến đang ghi chưa xong. Ghi xong (hoặc xóa nội dung) rồi mới kết thúc phiên.",
                        severity="warning")
            return
        from ..widgets.confirm import ConfirmScreen

        def answer(yes):
            if not yes:
                return
            try:
                self.conf = live.close_session(self.conf)
            except UserError as exc:
                self.notify_error(exc)
                return
            self._running = None
            self.update_clock_state()
            self.save_now()
            self.tick()
            self.show_agenda(live.agenda(self.conf))
            self.build_minutes(self.conf.id)

        self.app.push_screen(ConfirmScreen("Kết thúc phiên họp? Trạng thái hội nghị chuyển sang “Đã kết thúc” "
                                           "và biên bản được lập từ dữ liệu đã ghi."), answer)

    @work(thread=True, group="minutes")
    def build_minutes(self, conf_id: int) -> None:
        try:
            path = live_minutes_file(conf_id)
        except Exception as exc:
            self.app.call_from_thread(self.notify_error, exc)
            return
        self.app.call_from_thread(self.notify, f"Đã lập biên bản: {path}", timeout=10)


def live_minutes_file(conf_id: int):
    """Build the Biên bản PDF into the documents folder; printing is imported here,
    not at start-up (ReportLab is slow to import)."""
    from models.conferences import Conference
    from models.paths import locations
    from printing.documents.minutes import minutes_pdf

    conf = Conference.get_by_id(conf_id)
    folder = locations().documents
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bien-ban-hoi-nghi-{conf.date:%Y-%m-%d}-{conf.id}.pdf"
    path.write_bytes(minutes_pdf(conf))
    return path
