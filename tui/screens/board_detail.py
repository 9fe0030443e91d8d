"""Chi tiết kiến nghị: the petition, its history on the board and the audit
trail of its record, in a modal opened with Enter on the board."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from models.domain.petition import CHANNELS, DISPOSITIONS, STATUSES
from models.core.words import FIELD_LABELS

from .. import words
from ..grace import GraceKeys
from ..plain import bold, lines
from ..words import PetitionDetailWords as W
from .base import AnswersForms


def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else "—"


def describe(detail):
    """The detail as Content: labels in bold, stored text exactly as typed."""
    from models.services.board_actions import EVENT_LABELS

    p = detail.petition
    contact = ((f" · {p.citizen_address}" if p.citizen_address and not p.citizen_withheld else "")
               + (W.PHONE.format(citizen_phone=p.citizen_phone) if p.citizen_phone and not p.citizen_withheld else ""))
    conference = f"{p.conference.title} ({_d(p.conference.date)})" if p.conference_id else CHANNELS["outside"]
    title = f"{p.citizen_title} " if getattr(p, "citizen_title", "") and not p.citizen_withheld else ""
    rows = [
        [bold(W.TITLE.format(id=p.id)), f" — {STATUSES.get(p.status, p.status)}"],
        "",
        [bold(W.CITIZEN), f" {title}{p.citizen_label}{contact}"],
        [bold(W.VILLAGE), f" {p.village.label if p.village_id else '—'} · ", bold(W.FIELD),
         f" {p.field.name if p.field_id else '—'} · ", bold(W.CHANNEL), f" {CHANNELS.get(p.channel, p.channel)}"],
        [bold(W.CONFERENCE), f" {conference}"],
        [bold(W.RECEIVED_ON), f" {_d(p.received_on)} · ", bold(W.DISPOSITION),
         f" {DISPOSITIONS.get(p.disposition, '')}"],
        [bold(W.UNIT), f" {p.unit.name if p.unit_id else '—'} · ", bold(W.DUE_ON), f" {_d(p.due_on)}",
         *([" · ", bold(W.EXTENSION_REASON), f" {p.extension_reason}"] if p.extension_reason else [])],
        "",
        bold(W.CONTENT), p.content,
    ]
    if p.answer_on_spot:
        rows += ["", bold(FIELD_LABELS["answer_on_spot"] + ":"), p.answer_on_spot]
    if p.forwarded_to:
        forwarding = ([" · ", bold(W.FORWARD_LETTER), W.FORWARD_NUMBER.format(forward_number=p.forward_number,
                                                                               date=_d(p.forward_date))]
                      if p.forward_number or p.forward_date else [W.NO_FORWARD_LETTER])
        followup = [" · ", bold(W.FOLLOWUP_ON), f" {_d(p.followup_on)}"] if p.followup_on else []
        rows += ["", [bold(W.FORWARDED_TO), f" {p.forwarded_to}", *forwarding, *followup]]
    if p.upper_reply_date:
        rows += [[bold(W.UPPER_REPLY), W.UPPER_REPLY_NUMBER.format(upper_reply_number=p.upper_reply_number,
                                                                             date=_d(p.upper_reply_date))],
                 p.upper_reply_summary]
    if p.status == "withdrawn":
        rows += ["", [bold(W.WITHDRAWN_ON.format(date=_d(p.withdrawn_on))), f" {p.withdrawn_reason}"]]
    group = getattr(detail, "group", None) or []
    if len(group) > 1:
        rows += ["", [bold(W.GROUP.format(group=len(group))),
                      W.GROUP_ACTIONS]]
        for m in group:
            mark = "▶" if m.id == p.id else " "
            rows.append(W.GROUP_MEMBER.format(mark=mark, id=m.id, date=_d(m.received_on),
                                              citizen_label=m.citizen_label,
                                              status=STATUSES.get(m.status, m.status)))
    if p.answer_number or p.answer_summary:
        rows += ["", [bold(W.ANSWER_LETTER), W.ANSWER_NUMBER.format(answer_number=p.answer_number,
                                                                       date=_d(p.answer_date))], p.answer_summary]
    rows += ["", bold(W.EVENTS)]
    for ev in detail.events:
        change = f" ({ev.before} → {ev.after})" if ev.before or ev.after else ""
        rows.append(f"  {ev.at:%d/%m/%Y %H:%M}  {EVENT_LABELS.get(ev.action, ev.action)}: "
                    f"{ev.detail}{change} — {getattr(ev, 'user_shown', ev.user)}")
    rows += ["", [bold(W.AUDIT), W.NEWEST_FIRST]]
    for a in detail.audit:
        rows.append(f"  {a.at}  {a.action}{': ' + a.changes if a.changes else ''} — {a.user}")
    return lines(rows)


def read_detail(petition_id: int, office=None):
    """In a worker: the detail and its text (describing it follows the
    petition's village, field, unit and conference: reads)."""
    from models.services import board as svc

    detail = svc.detail(petition_id, office) if office is not None else svc.detail(petition_id)
    return detail, describe(detail)


class PetitionDetailScreen(AnswersForms, GraceKeys, ModalScreen):
    BINDINGS = [Binding("escape,enter,q", "dismiss", words.CLOSE, id="detail.close"),
                Binding("e", "edit", W.EDIT_OR_WITHDRAW, id="detail.edit")]

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
            self.app.notify(W.SAVED, timeout=3)

        def done(result):
            if result is not None:
                self.changed = True
                work.run(self, read_detail, self.detail.petition.id, done=shown, group="detail")

        def open_form(choices):
            if choices is None:
                self.app.notify(W.GONE, severity="warning")
                return
            self.app.push_screen(petition_form(*choices), done)

        work.run(self, form_choices, self.detail.petition.id, done=open_form, group="detail-form")

    def save_petition(self, event) -> None:
        from ..widgets.petition_form import answer

        answer(event)

    async def action_dismiss(self, result=None) -> None:
        await super().action_dismiss(self.changed)
