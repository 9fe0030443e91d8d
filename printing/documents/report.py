"""Báo cáo kết quả hội nghị đối thoại và giải quyết kiến nghị (Mẫu 1.4), with
statistics tables (by field, unit, village, status; on-time rate) and a bar chart."""
from __future__ import annotations

import datetime as dt

from reportlab.platypus import KeepTogether

from models import clock
from models.conferences import Conference
from models.services.petition_stats import summarise

from .. import charts, layout, styles
from ..facts import conference_facts
from .minutes import petitions_of


def _stat_table(st, head: str, rows) -> object:
    w = st.page.text_width
    data = [[i, r.label, r.total, r.done, r.total - r.done, r.late] for i, r in enumerate(rows, start=1)]
    data.append(["", "Tổng cộng", sum(r.total for r in rows), sum(r.done for r in rows),
                 sum(r.total - r.done for r in rows), sum(r.late for r in rows)])
    return layout.grid_table(st, ["STT", head, "Tổng số", "Đã giải quyết", "Đang giải quyết", "Quá hạn"], data,
                             [w * .08, w * .38, w * .12, w * .15, w * .15, w * .12],
                             align=["c", "l", "c", "c", "c", "c"], total=True)


def report_pdf(conf: Conference, *, today: dt.date | None = None, symbol: str | None = None,
               on: dt.date | None = None) -> bytes:
    today = today or on or clock.today()
    st = styles.get()
    facts = conference_facts(conf)
    lh = facts.letterhead
    petitions = list(petitions_of(conf))
    s = summarise(petitions, today)
    body = [layout.para(st, "heading1", "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ"),
            layout.para(st, "body", f"Vào lúc {facts.when}, tại {facts.venue or '…'}, {lh.name} tổ chức "
                                    f"{facts.subject[:1].lower()}{facts.subject[1:]}. Chủ trì: "
                                    f"{'; '.join(facts.chairs) or '…'}."),
            layout.para(st, "body", f"Tại hội nghị có {s.total} ý kiến, kiến nghị của Nhân dân; "
                                    + "; ".join(f"{label.lower()}: {n}" for label, n in s.by_disposition) + "."),
            layout.para(st, "heading1", "II. KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ")]
    if s.on_time_rate is not None:
        body.append(layout.para(st, "body", (
            f"Số kiến nghị phải trả lời bằng văn bản: {s.due_count}; đã trả lời đúng hạn: {s.on_time} "
            f"(tỷ lệ {s.on_time_rate * 100:.1f}%".replace(".", ",") + f"); còn quá hạn chưa trả lời: {s.late_open}.")))
    body += [layout.para(st, "heading2", "1. Theo lĩnh vực"), _stat_table(st, "Lĩnh vực", s.by_field),
             KeepTogether(charts.bar_chart(st, "Biểu đồ: số kiến nghị theo lĩnh vực",
                                           [r.label for r in s.by_field],
                                           [("Tổng số", [r.total for r in s.by_field]),
                                            ("Đã giải quyết", [r.done for r in s.by_field])])),
             layout.para(st, "heading2", "2. Theo đơn vị được giao"), _stat_table(st, "Đơn vị", s.by_unit),
             layout.para(st, "heading2", "3. Theo thôn, tổ dân phố"), _stat_table(st, "Thôn, tổ dân phố",
                                                                                   s.by_village),
             layout.para(st, "heading2", "4. Theo tình trạng")]
    w = st.page.text_width
    body.append(layout.grid_table(st, ["STT", "Tình trạng", "Số kiến nghị"],
                                  [[i, label, n] for i, (label, n) in enumerate(s.by_status, start=1)],
                                  [w * .1, w * .6, w * .3], align=["c", "l", "c"]))
    body += [layout.para(st, "heading1", "III. ĐỀ XUẤT, KIẾN NGHỊ"),
             layout.para(st, "body", "Các kiến nghị vượt thẩm quyền đã được chuyển đến cơ quan có thẩm quyền; "
                                     "đề nghị cấp trên quan tâm, chỉ đạo giải quyết" + layout.END_MARK)]
    doc = layout.official_document(
        st, lh, kind="BC", subject=f"Kết quả tổ chức {facts.subject[:1].lower()}{facts.subject[1:]} "
                                   "và giải quyết kiến nghị của Nhân dân",
        body=body, signer=layout.Signer.of(conf.office),
        recipients=["UBND cấp trên (b/c)", "Thường trực Đảng ủy, HĐND xã (b/c)", "Ủy ban MTTQ Việt Nam xã",
                    "Lưu: VT."], symbol=symbol, date=on, year=facts.date.year)
    return layout.render(st, doc)
