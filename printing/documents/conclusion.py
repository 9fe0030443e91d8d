"""Thông báo kết luận của chủ trì hội nghị đối thoại (Mẫu 1.4), sent to the
villages within 10 days (SPEC Rules): the conclusions, then the petitions still
to be answered with the unit in charge and the deadline."""
from __future__ import annotations

import datetime as dt

from models.conferences import Conference
from models.petitions import Petition

from .. import layout, styles
from ..facts import conference_facts
from .notice import notice_recipients


def conclusion_pdf(conf: Conference, *, symbol: str | None = None, on: dt.date | None = None) -> bytes:
    st = styles.get()
    facts = conference_facts(conf)
    lh = facts.letterhead
    w = st.page.text_width
    chair = facts.chairs[0] if facts.chairs else "chủ trì hội nghị"
    body = [layout.para(st, "body", (
        f"Ngày {layout.short_date(facts.date)}, tại {facts.venue or '…'}, {lh.name} đã tổ chức "
        f"{facts.subject[:1].lower()}{facts.subject[1:]}, do {chair} chủ trì. "
        f"Sau khi nghe ý kiến, kiến nghị của Nhân dân và giải trình của các đơn vị, chủ trì hội nghị "
        f"kết luận như sau:"))]
    body += [layout.para(st, "body", ln) for ln in layout.lines(conf.conclusions)] or \
        [layout.para(st, "body", "(Chưa ghi kết luận.)")]
    pending = list(Petition.select().where((Petition.conference == conf)
                                           & (Petition.disposition.in_(("in_writing", "forwarded"))))
                   .order_by(Petition.seq, Petition.id))
    if pending:
        body.append(layout.para(st, "heading2", "Các kiến nghị giao trả lời bằng văn bản, chuyển cấp trên:"))
        rows = [[i, layout.nfc(p.content), (p.unit.name if p.unit_id else layout.nfc(p.forwarded_to)) or "",
                 layout.short_date(p.due_on) if p.due_on else ""]
                for i, p in enumerate(pending, start=1)]
        body.append(layout.grid_table(st, ["STT", "Nội dung kiến nghị", "Đơn vị thực hiện", "Thời hạn"], rows,
                                      [w * .08, w * .52, w * .24, w * .16], align=["c", "l", "l", "c"]))
    body.append(layout.para(st, "body", (
        f"{lh.name} thông báo để các đơn vị, Trưởng các thôn biết, thực hiện và thông tin đến Nhân dân"
        + layout.END_MARK)))
    doc = layout.official_document(
        st, lh, kind="TB", subject=f"Kết luận tại {facts.subject[:1].lower()}{facts.subject[1:]}",
        body=body, signer=layout.Signer.of(conf.office), recipients=notice_recipients(facts),
        symbol=symbol, date=on, year=facts.date.year)
    return layout.render(st, doc)
