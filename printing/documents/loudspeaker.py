"""Bài phát thanh trên loa: the notice rewritten for reading aloud, in large type,
with the broadcast schedule and a log sheet where the broadcaster ticks each reading.

Wording rules (SPEC "Conference"): no slashes or abbreviations, dates and times
in words, a greeting and a closing, the body read twice. The conversion itself
is ``printing.spoken``."""
from __future__ import annotations

import datetime as dt

from reportlab.platypus import PageBreak, Spacer

from models.conferences import BroadcastSlot, Conference

from .. import layout, spoken, styles
from ..facts import conference_facts

# Broadcast defaults when the office has not planned slots: 3 consecutive days
# ending 3 days before the conference (rules.json "broadcast"), morning and afternoon.
DEFAULT_DAYS = 3
DEFAULT_LEAD = 3
SLOTS = ("sáng", "chiều")


def script_text(facts) -> tuple[str, list[str], str]:
    """(greeting, body paragraphs, closing), all in spoken wording."""
    lh = facts.letterhead
    sp = spoken.speakable
    hour, minute = spoken.parse_clock(facts.start) if facts.start else (8, 0)
    greeting = f"Kính thưa toàn thể {sp(facts.audience)}!"
    body = [
        f"{sp(lh.name)} trân trọng thông báo: vào lúc {spoken.time_words(hour, minute)}, "
        f"{spoken.date_words(facts.date, weekday=True)}, {sp(lh.name)} tổ chức "
        f"{sp(facts.subject)[:1].lower()}{sp(facts.subject)[1:]}.",
        f"Địa điểm: {sp(facts.venue) or 'sẽ thông báo sau'}.",
    ]
    if facts.chairs:
        body.append("Chủ trì hội nghị: " + "; ".join(sp(c) for c in facts.chairs) + ".")
    if facts.topics:
        body.append("Nội dung đối thoại gồm: " + "; ".join(sp(t) for t in facts.topics) + ".")
    body.append("Bà con có ý kiến, kiến nghị có thể phát biểu trực tiếp tại hội nghị, hoặc ghi vào "
                "phiếu và gửi Ban tổ chức. Đề nghị bà con sắp xếp thời gian đến dự đông đủ và đúng giờ.")
    closing = (f"{sp(lh.name)} trân trọng thông báo để toàn thể Nhân dân được biết và tham dự. "
               "Xin cảm ơn bà con đã chú ý lắng nghe.")
    return greeting, body, closing


def schedule(conf: Conference) -> list[tuple[dt.date, str, str]]:
    """(day, slot, station) readings: the office's own, or the default plan."""
    rows = [(s.day, s.slot, s.station) for s in
            BroadcastSlot.select().where(BroadcastSlot.conference == conf)
            .order_by(BroadcastSlot.day, BroadcastSlot.slot.desc(), BroadcastSlot.station)]
    if rows:
        return rows
    facts = conference_facts(conf)
    stations = sorted({v.station or f"Cụm loa {v.label}" for v in facts.villages}) or ["Đài truyền thanh xã"]
    last = conf.date - dt.timedelta(days=DEFAULT_LEAD)
    days = [last - dt.timedelta(days=i) for i in range(DEFAULT_DAYS - 1, -1, -1)]
    return [(d, slot, station) for d in days for slot in SLOTS for station in stations]


def loudspeaker_pdf(conf: Conference) -> bytes:
    st = styles.get()
    facts = conference_facts(conf)
    greeting, body, closing = script_text(facts)
    lh = facts.letterhead
    doc = layout.Document(title="Bài phát thanh thông báo hội nghị đối thoại", author=lh.name)
    doc.add(layout.header(st, lh, number=None, date=None, year=conf.date.year, show_date=False))
    doc.add(Spacer(1, 10), layout.para(st, "speech_title", "BÀI PHÁT THANH TRÊN LOA"),
            layout.para(st, "speech_note", "(Đọc chậm, rõ ràng. Phần thông báo đọc hai lần.)"),
            layout.para(st, "speech", greeting))
    for round_no in ("Lần thứ nhất", "Xin nhắc lại"):
        doc.add(layout.para(st, "speech_note", f"— {round_no} —"))
        doc.add([layout.para(st, "speech", p) for p in body])
    doc.add(layout.para(st, "speech", closing))
    # broadcast schedule and log sheet
    rows = schedule(conf)
    doc.add(PageBreak(), layout.title_block(st, "Lịch phát thanh và sổ theo dõi",
                                            f"Thông báo hội nghị đối thoại ngày {layout.short_date(facts.date)}"))
    doc.add(layout.para(st, "body_plain", "Người phát thanh ghi giờ phát, ký tên sau mỗi lần đọc. "
                                          "Mỗi lần phát đọc trọn bài hai lượt."))
    w = st.page.text_width
    table_rows = [[i, f"{d:%d/%m/%Y}", slot.capitalize(), station, "", "", ""]
                  for i, (d, slot, station) in enumerate(rows, start=1)]
    doc.add(layout.grid_table(st, ["STT", "Ngày", "Buổi", "Trạm loa", "Giờ phát", "Người đọc, ký", "Đã phát"],
                              table_rows, [w * .07, w * .15, w * .1, w * .25, w * .12, w * .2, w * .11],
                              align=["c", "c", "c", "l", "c", "l", "c"]))
    doc.add(layout.two_signatures(st, layout.Signer("", "NGƯỜI PHÁT THANH", ""),
                                  layout.Signer("", "XÁC NHẬN CỦA VĂN PHÒNG", "")))
    return layout.render(st, doc)
