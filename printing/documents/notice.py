"""Thông báo tổ chức hội nghị đối thoại (Decree 30/2020 App. III, Mẫu 1.4)."""
from __future__ import annotations

import datetime as dt

from models.conferences import Conference

from .. import layout, styles
from ..facts import conference_facts, plan_reference


def notice_recipients(facts) -> list[str]:
    out = ["Thường trực Đảng ủy, HĐND xã (b/c)", "Ủy ban MTTQ Việt Nam xã"]
    out += [f"Ban công tác Mặt trận, Trưởng {v.label}" for v in facts.villages]
    out += ["Đài truyền thanh xã", "Lưu: VT."]
    return out


def notice_body(st, facts) -> list:
    lh = facts.letterhead
    body = []
    ref = plan_reference(facts.conference)
    intro = f"{ref} " if ref else ""
    body.append(layout.para(st, "body", f"{intro}{lh.name} thông báo tổ chức hội nghị đối thoại "
                                        f"với {facts.audience} như sau:"))
    items = [("Thời gian", facts.when), ("Địa điểm", facts.venue or "(chưa xác định)")]
    if facts.chairs:
        items.append(("Chủ trì", "; ".join(facts.chairs)))
    for n, (label, value) in enumerate(items, start=1):
        body.append(layout.para(st, "body", f"<b>{n}. {label}:</b> {layout.esc(value)}.", markup=True))
    n = len(items)
    if facts.invited_groups:
        n += 1
        body.append(layout.para(st, "heading2", f"{n}. Thành phần tham dự:"))
        body += [layout.para(st, "body", f"- {g}") for g in facts.invited_groups]
    if facts.topics:
        n += 1
        body.append(layout.para(st, "heading2", f"{n}. Nội dung đối thoại:"))
        body += [layout.para(st, "body", f"- {t}") for t in facts.topics]
    body.append(layout.para(st, "body", (
        f"{lh.name} đề nghị Ban công tác Mặt trận và Trưởng các thôn, tổ dân phố thông báo rộng rãi "
        f"để Nhân dân biết, tham dự đầy đủ, đúng giờ. Nhân dân có ý kiến, kiến nghị có thể phát biểu "
        f"trực tiếp tại hội nghị hoặc ghi vào phiếu gửi Ban tổ chức trước ngày diễn ra hội nghị"
        + layout.END_MARK)))
    return body


def notice_pdf(conf: Conference, *, symbol: str | None = None, on: dt.date | None = None) -> bytes:
    st = styles.get()
    facts = conference_facts(conf)
    doc = layout.official_document(
        st, facts.letterhead, kind="TB", subject=f"Về việc tổ chức {facts.subject[:1].lower()}{facts.subject[1:]}",
        body=notice_body(st, facts), signer=layout.Signer.of(conf.office),
        recipients=notice_recipients(facts), symbol=symbol, date=on, year=conf.date.year)
    return layout.render(st, doc)
