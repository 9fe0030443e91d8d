"""Chi tiết kiến nghị: the petition, its history on the board and the audit
trail of its record, in a modal opened with Enter on the board."""
from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from models.petitions import CHANNELS, DISPOSITIONS, STATUSES


def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def describe(detail) -> str:
    """The detail as Rich markup (user text escaped)."""
    from models.services.board_actions import EVENT_LABELS

    p = detail.petition
    e = escape
    lines = [
        f"[b]Kiến nghị số {p.id}[/b] — {e(STATUSES.get(p.status, p.status))}",
        "",
        f"[b]Người kiến nghị:[/b] {e(p.citizen_title + ' ' if p.citizen_title and not p.citizen_withheld else '')}"
        f"{e(p.citizen_label)}"
        + (f" · {e(p.citizen_address)}" if p.citizen_address and not p.citizen_withheld else "")
        + (f" · ĐT {e(p.citizen_phone)}" if p.citizen_phone and not p.citizen_withheld else ""),
        f"[b]Thôn:[/b] {e(p.village.label) if p.village_id else '—'} · "
        f"[b]Lĩnh vực:[/b] {e(p.field.name) if p.field_id else '—'} · "
        f"[b]Hình thức:[/b] {e(CHANNELS.get(p.channel, p.channel))}",
        f"[b]Hội nghị:[/b] {e(p.conference.title) + ' (' + _d(p.conference.date) + ')' if p.conference_id else 'Ngoài hội nghị'}",
        f"[b]Ngày nhận:[/b] {_d(p.received_on)} · [b]Hướng xử lý:[/b] {e(DISPOSITIONS.get(p.disposition, ''))}",
        f"[b]Đơn vị:[/b] {e(p.unit.name) if p.unit_id else '—'} · [b]Hạn trả lời:[/b] {_d(p.due_on)}"
        + (f" · [b]Lý do gia hạn:[/b] {e(p.extension_reason)}" if p.extension_reason else ""),
        "",
        "[b]Nội dung:[/b]", e(p.content),
    ]
    if p.answer_on_spot:
        lines += ["", "[b]Trả lời tại hội nghị:[/b]", e(p.answer_on_spot)]
    if p.forwarded_to:
        lines += ["", f"[b]Chuyển đến:[/b] {e(p.forwarded_to)}"
                  + (f" · [b]Văn bản chuyển:[/b] {e(p.forward_number)} ngày {_d(p.forward_date)}"
                     if p.forward_number or p.forward_date else " · chưa ghi văn bản chuyển")
                  + (f" · [b]Đôn đốc ngày:[/b] {_d(p.followup_on)}" if p.followup_on else "")]
    if p.upper_reply_date:
        lines += [f"[b]Trả lời của cấp trên:[/b] {e(p.upper_reply_number)} ngày {_d(p.upper_reply_date)}",
                  e(p.upper_reply_summary)]
    if p.status == "withdrawn":
        lines += ["", f"[b]Đã rút ngày {_d(p.withdrawn_on)}:[/b] {e(p.withdrawn_reason)}"]
    group = getattr(detail, "group", None) or []
    if len(group) > 1:
        lines += ["", f"[b]Nhóm cùng nội dung ({len(group)} ý kiến)[/b] — thao tác trên bảng áp dụng cho cả nhóm"]
        for m in group:
            mark = "▶" if m.id == p.id else " "
            lines.append(f"  {mark} Số {m.id} · {_d(m.received_on)} · {e(m.citizen_label)} · "
                         f"{e(STATUSES.get(m.status, m.status))}")
    if p.answer_number or p.answer_summary:
        lines += ["", f"[b]Văn bản trả lời:[/b] {e(p.answer_number)} ngày {_d(p.answer_date)}",
                  e(p.answer_summary)]
    lines += ["", "[b]Lịch sử xử lý[/b]"]
    for ev in detail.events:
        change = f" ({e(ev.before)} → {e(ev.after)})" if ev.before or ev.after else ""
        lines.append(f"  {ev.at:%d/%m/%Y %H:%M}  {e(EVENT_LABELS.get(ev.action, ev.action))}: "
                     f"{e(ev.detail)}{change} — {e(ev.user)}")
    lines += ["", "[b]Nhật ký thay đổi bản ghi[/b] (mới nhất trước)"]
    for a in detail.audit:
        lines.append(f"  {a.at}  {e(a.action)}{': ' + e(a.changes) if a.changes else ''} — {e(a.user)}")
    return "\n".join(lines)


class PetitionDetailScreen(ModalScreen):
    BINDINGS = [Binding("escape,enter,q", "dismiss", "Đóng", id="detail.close"),
                Binding("e", "edit", "Sửa hoặc rút", id="detail.edit")]

    def __init__(self, detail):
        super().__init__()
        self.detail = detail
        self.changed = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(describe(self.detail), id="petition-detail")
            yield Static("E: sửa (mọi ô: tên, liên hệ, thôn, nội dung, hướng xử lý…) hoặc rút · "
                         "Esc hoặc Enter: đóng · ↑ ↓: cuộn", classes="hint")

    def action_edit(self) -> None:
        from ..widgets.petition_form import petition_form

        def done(result):
            if result is None:
                return
            from models.services import board as svc

            self.changed = True
            self.detail = svc.detail(self.detail.petition.id)
            self.query_one("#petition-detail", Static).update(describe(self.detail))
            self.app.notify("Đã lưu; lịch sử xử lý ghi lại thay đổi.", timeout=3)

        self.app.push_screen(petition_form(self.detail.petition), done)

    async def action_dismiss(self, result=None) -> None:
        await super().action_dismiss(self.changed)
