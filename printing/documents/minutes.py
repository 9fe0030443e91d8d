"""Biên bản hội nghị đối thoại (Decree 30/2020 App. III, Mẫu 1.9), built from the
recorded session: attendance, agenda, petitions with the answers given, and the
chair's conclusions. No place/date line in the header; closing line with the end
time; THƯ KÝ signs on the left, CHỦ TRÌ on the right."""
from __future__ import annotations

from models.conferences import ATTENDANCE_GROUPS, AgendaItem, Attendance, Conference
from models.petitions import DISPOSITIONS, Petition

from .. import layout, styles
from ..facts import clock_text, conference_facts


def attendance_lines(conf: Conference) -> list[str]:
    rows = list(Attendance.select().where(Attendance.conference == conf).order_by(Attendance.id))
    out, guests = [], []
    for key, label in ATTENDANCE_GROUPS.items():
        n = sum(r.count for r in rows if r.group == key)
        if n:
            out.append(f"- {label}: {n} người;")
    for r in rows:
        if r.name:
            guests.append(f"{layout.nfc(r.name)}" + (f", {layout.nfc(r.position)}" if r.position else ""))
    if guests:
        out.append("- Khách mời: " + "; ".join(guests) + ";")
    total = sum(r.count for r in rows if not r.name) + len(guests)
    out.append(f"Tổng số người tham dự: {total}.")
    return out


def petition_paragraphs(st, petitions: list[Petition]) -> list:
    out = []
    for n, p in enumerate(petitions, start=1):
        who = p.citizen_label
        where = f" ({p.village.label})" if p.village_id else ""
        field = f" – lĩnh vực {p.field.name.lower()}" if p.field_id else ""
        channel = " (qua phiếu)" if p.channel == "slip" else ""
        out.append(layout.para(st, "body", f"<b>{n}. {layout.esc(who)}{layout.esc(where)}</b>"
                                           f"{layout.esc(field)}{channel}: {layout.esc(p.content)}", markup=True))
        if p.answer_on_spot.strip():
            by = f" ({layout.nfc(p.answered_by)})" if p.answered_by else ""
            out.append(layout.para(st, "body", f"<i>Trả lời{layout.esc(by)}:</i> {layout.esc(p.answer_on_spot)}",
                                   markup=True))
        handling = DISPOSITIONS.get(p.disposition, p.disposition)
        if p.disposition == "in_writing":
            unit = p.unit.name if p.unit_id else "(chưa giao đơn vị)"
            due = f", hạn {layout.short_date(p.due_on)}" if p.due_on else ""
            handling += f": giao {unit}{due}"
        elif p.disposition == "forwarded" and p.forwarded_to:
            handling += f": {p.forwarded_to}"
        out.append(layout.para(st, "body", f"<i>Hướng xử lý:</i> {layout.esc(handling)}.", markup=True))
    return out


def petitions_of(conf: Conference):
    """The session's petitions with village, field and unit joined in (one query, not 3 per row)."""
    import peewee as pw

    from models.catalog import Field, Unit, Village

    return (Petition.select(Petition, Village, Field, Unit)
            .join(Village, pw.JOIN.LEFT_OUTER, on=(Petition.village == Village.id)).switch(Petition)
            .join(Field, pw.JOIN.LEFT_OUTER, on=(Petition.field == Field.id)).switch(Petition)
            .join(Unit, pw.JOIN.LEFT_OUTER, on=(Petition.unit == Unit.id))
            .where(Petition.conference == conf).order_by(Petition.seq, Petition.id))


def minutes_story(st, conf: Conference, *, symbol: str | None = None) -> layout.Document:
    facts = conference_facts(conf)
    lh = facts.letterhead
    petitions = list(petitions_of(conf))
    agenda = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
    body = [layout.para(st, "body", f"<b>Thời gian bắt đầu:</b> {layout.esc(facts.when)}.", markup=True),
            layout.para(st, "body", f"<b>Địa điểm:</b> {layout.esc(facts.venue)}.", markup=True),
            layout.para(st, "heading2", "Thành phần tham dự:")]
    body += [layout.para(st, "body", ln) for ln in attendance_lines(conf)]
    body.append(layout.para(st, "body", f"<b>Chủ trì:</b> {layout.esc('; '.join(facts.chairs) or '…')}.",
                            markup=True))
    body.append(layout.para(st, "body", f"<b>Thư ký:</b> {layout.esc(facts.secretary or '…')}.", markup=True))
    body.append(layout.para(st, "heading2", "Nội dung:"))
    if agenda:
        body.append(layout.para(st, "heading3", "1. Chương trình hội nghị"))
        for item in agenda:
            who = f" ({layout.nfc(item.presenter)})" if item.presenter else ""
            body.append(layout.para(st, "body", f"- {layout.nfc(item.title)}{who};"))
    if conf.opening_report.strip():
        body.append(layout.para(st, "heading3", "2. Báo cáo của chủ trì"))
        body += layout.paragraphs(st, "body", conf.opening_report)
    body.append(layout.para(st, "heading3", f"3. Ý kiến, kiến nghị của Nhân dân ({len(petitions)} ý kiến)"))
    body += petition_paragraphs(st, petitions) or [layout.para(st, "body", "Không có ý kiến, kiến nghị.")]
    body.append(layout.para(st, "heading3", "4. Kết luận của chủ trì"))
    body += layout.paragraphs(st, "body", conf.conclusions or "…")
    end = clock_text(conf.end_time) if conf.end_time else "…… giờ ……"
    body.append(layout.para(st, "body", f"Hội nghị kết thúc vào hồi {end} cùng ngày. Biên bản đã được đọc "
                                        "lại cho người tham dự cùng nghe và thống nhất" + layout.END_MARK))
    chair = facts.chairs[0] if facts.chairs else ""
    chair_name = chair.split(" - ")[0].split(" – ")[0].strip()
    body.append(layout.two_signatures(st, layout.Signer("", "THƯ KÝ", facts.secretary),
                                      layout.Signer("", "CHỦ TRÌ", chair_name)))
    return layout.official_document(
        st, lh, kind="BB", subject=facts.subject, body=body, signer=None, recipients=None,
        symbol=symbol, year=facts.date.year, show_date=False)


def minutes_pdf(conf: Conference, *, symbol: str | None = None) -> bytes:
    st = styles.get()
    return layout.render(st, minutes_story(st, conf, symbol=symbol))
