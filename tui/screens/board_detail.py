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
        f"[b]Người kiến nghị:[/b] {e(p.citizen_label)}"
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
        lines += ["", f"[b]Chuyển đến:[/b] {e(p.forwarded_to)}"]
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
    BINDINGS = [Binding("escape,enter,q", "dismiss", "Đóng", id="detail.close")]

    def __init__(self, detail):
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(describe(self.detail), id="petition-detail")
            yield Static("Esc hoặc Enter: đóng · ↑ ↓: cuộn", classes="hint")
