"""Giấy mời (Decree 30/2020 App. III, Mẫu 1.7): "trân trọng kính mời …", then
Thời gian, Địa điểm, Chủ trì. One per invitee, all merged into one PDF; each
invitation numbers its own pages."""
from __future__ import annotations

import datetime as dt

from models.conferences import Conference, Invitee
from models.errors import ValidationError

from .. import layout, styles
from ..facts import conference_facts


def invitee_label(inv: Invitee) -> str:
    name = layout.nfc(inv.name)
    if inv.is_group or not inv.position:
        return name
    return f"{name}, {layout.nfc(inv.position)}"


def invitation_story(st, facts, inv: Invitee, *, symbol: str | None, on: dt.date | None) -> list:
    lh = facts.letterhead
    body = [
        layout.para(st, "body", f"{lh.name} trân trọng kính mời:"),
        layout.para(st, "centered_bold", invitee_label(inv)),
        layout.para(st, "body", f"Tới dự {facts.subject[:1].lower()}{facts.subject[1:]}."),
        layout.para(st, "body", f"<b>Thời gian:</b> {layout.esc(facts.when)}.", markup=True),
        layout.para(st, "body", f"<b>Địa điểm:</b> {layout.esc(facts.venue or '(sẽ báo sau)')}.",
                    markup=True),
    ]
    if facts.chairs:
        body.append(layout.para(st, "body", f"<b>Chủ trì:</b> {layout.esc('; '.join(facts.chairs))}.",
                                markup=True))
    if facts.topics:
        body.append(layout.para(st, "body", "<b>Nội dung:</b> " + layout.esc("; ".join(facts.topics)) + ".",
                                markup=True))
    body.append(layout.para(st, "body", "Rất mong được đón tiếp" + layout.END_MARK))
    doc = layout.official_document(
        st, lh, kind="GM", subject=f"Dự {facts.subject[:1].lower()}{facts.subject[1:]}", body=body,
        signer=layout.Signer.of(facts.conference.office),
        recipients=["Như trên", "Lưu: VT."], symbol=symbol, date=on, year=facts.date.year)
    return doc.story


def invitations_pdf(conf: Conference, *, symbol: str | None = None, on: dt.date | None = None) -> bytes:
    st = styles.get()
    facts = conference_facts(conf)
    invitees = list(Invitee.select().where(Invitee.conference == conf).order_by(Invitee.id))
    if not invitees:
        raise ValidationError("Hội nghị chưa có người được mời. Hãy thêm danh sách khách mời "
                              "(người hoặc nhóm) rồi in lại giấy mời.")
    parts = [invitation_story(st, facts, inv, symbol=symbol, on=on) for inv in invitees]
    doc = layout.Document(title=f"Giấy mời {facts.subject}", author=facts.letterhead.name,
                          story=layout.merge(parts))
    return layout.render(st, doc)
