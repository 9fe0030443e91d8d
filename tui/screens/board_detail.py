"""Chi tiết kiến nghị: the petition, its history on the board and the audit
trail of its record, in a modal opened with Enter on the board."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from models.domain.petitions import CHANNELS, DISPOSITIONS, STATUSES
from models.core.words import FIELD_LABELS

from .. import words
from ..grace import GraceKeys
from ..plain import bold, lines


def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def describe(detail):
    """The detail as Content: labels in bold, stored text exactly as typed."""
    from models.services.board_actions import EVENT_LABELS

    p = detail.petition
    contact = ((f" · {p.citizen_address}" if p.citizen_address and not p.citizen_withheld else "")
               + (f" · ĐT {p.citizen_phone}" if p.citizen_phone and not p.citizen_withheld else ""))
    conference = f"{p.conference.title} ({_d(p.conference.date)})" if p.conference_id else CHANNELS["outside"]
    title = f"{p.citizen_title} " if getattr(p, "citizen_title", "") and not p.citizen_withheld else ""
    rows = [
        [bold(f"Kiến nghị số {p.id}"), f" — {STATUSES.get(p.status, p.status)}"],
        "",
        [bold("Người kiến nghị:"), f" {title}{p.citizen_label}{contact}"],
        [bold("Thôn:"), f" {p.village.label if p.village_id else '—'} · ", bold("Lĩnh vực:"),
         f" {p.field.name if p.field_id else '—'} · ", bold("Hình thức:"), f" {CHANNELS.get(p.channel, p.channel)}"],
        [bold("Hội nghị:"), f" {conference}"],
        [bold("Ngày nhận:"), f" {_d(p.received_on)} · ", bold("Hướng xử lý:"),
         f" {DISPOSITIONS.get(p.disposition, '')}"],
        [bold("Đơn vị:"), f" {p.unit.name if p.unit_id else '—'} · ", bold("Hạn trả lời:"), f" {_d(p.due_on)}",
         *([" · ", bold("Lý do gia hạn:"), f" {p.extension_reason}"] if p.extension_reason else [])],
        "",
        bold("Nội dung:"), p.content,
    ]
    if p.answer_on_spot:
        rows += ["", bold(FIELD_LABELS["answer_on_spot"] + ":"), p.answer_on_spot]
    if p.forwarded_to:
        forwarding = ([" · ", bold("Văn bản chuyển:"), f" {p.forward_number} ngày {_d(p.forward_date)}"]
                      if p.forward_number or p.forward_date else [" · chưa ghi văn bản chuyển"])
        followup = [" · ", bold("Đôn đốc ngày:"), f" {_d(p.followup_on)}"] if p.followup_on else []
        rows += ["", [bold("Chuyển đến:"), f" {p.forwarded_to}", *forwarding, *followup]]
    if p.upper_reply_date:
        rows += [[bold("Trả lời của cấp trên:"), f" {p.upper_reply_number} ngày {_d(p.upper_reply_date)}"],
                 p.upper_reply_summary]
    if p.status == "withdrawn":
        rows += ["", [bold(f"Đã rút ngày {_d(p.withdrawn_on)}:"), f" {p.withdrawn_reason}"]]
    group = getattr(detail, "group", None) or []
    if len(group) > 1:
        rows += ["", [bold(f"Nhóm cùng nội dung ({len(group)} ý kiến)"),
                      " — thao tác trên bảng áp dụng cho cả nhóm"]]
        for m in group:
            mark = "▶" if m.id == p.id else " "
            rows.append(f"  {mark} Số {m.id} · {_d(m.received_on)} · {m.citizen_label} · "
                        f"{STATUSES.get(m.status, m.status)}")
    if p.answer_number or p.answer_summary:
        rows += ["", [bold("Văn bản trả lời:"), f" {p.answer_number} ngày {_d(p.answer_date)}"], p.answer_summary]
    rows += ["", bold("Lịch sử xử lý")]
    for ev in detail.events:
        change = f" ({ev.before} → {ev.after})" if ev.before or ev.after else ""
        rows.append(f"  {ev.at:%d/%m/%Y %H:%M}  {EVENT_LABELS.get(ev.action, ev.action)}: "
                    f"{ev.detail}{change} — {getattr(ev, 'user_shown', ev.user)}")
    rows += ["", [bold("Nhật ký thay đổi bản ghi"), " (mới nhất trước)"]]
    for a in detail.audit:
        rows.append(f"  {a.at}  {a.action}{': ' + a.changes if a.changes else ''} — {a.user}")
    return lines(rows)


def read_detail(petition_id: int, office=None):
    """In a worker: the detail and its text (describing it follows the
    petition's village, field, unit and conference: reads)."""
    from models.services import board as svc

    detail = svc.detail(petition_id, office) if office is not None else svc.detail(petition_id)
    return detail, describe(detail)


class PetitionDetailScreen(GraceKeys, ModalScreen):
    BINDINGS = [Binding("escape,enter,q", "dismiss", words.CLOSE, id="detail.close"),
                Binding("e", "edit", "Sửa hoặc rút", id="detail.edit")]

    def __init__(self, detail, shown=None):
        super().__init__()
        self.detail = detail
        self.shown = shown          # describe(detail), made in the worker that read it
        self.changed = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self.shown if self.shown is not None else describe(self.detail), id="petition-detail")
            yield Static(words.HINT_DETAIL, classes="hint")

    def action_edit(self) -> None:
        from .. import work
        from ..widgets.petition_form import form_choices, petition_form

        def shown(result):
            self.detail, self.shown = result
            self.query_one("#petition-detail", Static).update(self.shown)
            self.app.notify("Đã lưu; lịch sử xử lý ghi lại thay đổi.", timeout=3)

        def done(result):
            if result is not None:
                self.changed = True
                work.run(self, read_detail, self.detail.petition.id, done=shown, group="detail")

        def open_form(choices):
            if choices is None:
                self.app.notify("Kiến nghị này không còn nữa.", severity="warning")
                return
            self.app.push_screen(petition_form(*choices), done)

        work.run(self, form_choices, self.detail.petition.id, done=open_form, group="detail-form")

    async def action_dismiss(self, result=None) -> None:
        await super().action_dismiss(self.changed)
