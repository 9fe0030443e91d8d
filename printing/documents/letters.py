"""Công văn (Decree 30/2020 App. III, Mẫu 1.5): the answer to a citizen and the
reminder to a late unit. "V/v …" under the number, "Kính gửi:" opens the body."""
from __future__ import annotations

import datetime as dt

from models import clock
from models.catalog import Unit
from models.errors import ValidationError
from models.petitions import Petition

from .. import layout, styles


def _origin(p: Petition) -> str:
    if p.conference_id:
        c = p.conference
        return f"tại hội nghị đối thoại ngày {layout.short_date(c.date)}"
    return f"gửi đến {layout.nfc(p.office.name)} ngày {layout.short_date(p.received_on)}"


def answer_letter_pdf(p: Petition, *, symbol: str | None = None, on: dt.date | None = None) -> bytes:
    """Công văn trả lời kiến nghị of one citizen."""
    if not p.answer_summary.strip():
        raise ValidationError("Kiến nghị này chưa có nội dung trả lời. Hãy ghi nội dung trả lời "
                              "(bảng theo dõi → Ghi văn bản trả lời) rồi in công văn.")
    st = styles.get()
    lh = layout.Letterhead.of(p.office)
    who = p.citizen_name if p.citizen_name and not p.citizen_withheld else "Công dân"
    where = f", {p.village.label}" if p.village_id else (f", {p.citizen_address}" if p.citizen_address else "")
    addressee = f"Ông (bà) {who}{where}" if who != "Công dân" else f"Công dân{where}"
    body = [layout.para(st, "body", f"{_origin(p).capitalize()}, ông (bà) có ý kiến, kiến nghị: "
                                    f"“{layout.nfc(p.content).rstrip('.')}”."),
            layout.para(st, "body", f"Sau khi xem xét, {lh.name} trả lời như sau:")]
    body += layout.paragraphs(st, "body", p.answer_summary)
    body.append(layout.para(st, "body", f"{lh.name} trả lời để ông (bà) được biết" + layout.END_MARK))
    unit_short = p.unit.short_name if p.unit_id else ""
    recipients = ["Như trên", "Chủ tịch, các Phó Chủ tịch UBND"]
    if p.unit_id:
        recipients.append(p.unit.name)
    recipients.append(f"Lưu: VT{', ' + unit_short if unit_short else ''}.")
    doc = layout.official_document(
        st, lh, kind="CV", subject="trả lời ý kiến, kiến nghị của công dân", body=body,
        signer=layout.Signer.of(p.office), recipients=recipients, symbol=symbol, date=on,
        year=(on or clock.today()).year, addressees=[addressee])
    return layout.render(st, doc)


def reminder_pdf(unit: Unit, *, today: dt.date | None = None, symbol: str | None = None,
                 on: dt.date | None = None) -> bytes:
    """Công văn đôn đốc: the unit's petitions past their deadline (or due within 3 days)."""
    today = today or clock.today()
    late = list(Petition.select().where((Petition.unit == unit) & (Petition.status == "open")
                                        & Petition.due_on.is_null(False)
                                        & (Petition.due_on <= today + dt.timedelta(days=3)))
                .order_by(Petition.due_on))
    if not late:
        raise ValidationError(f"{unit.name} không có kiến nghị nào quá hạn hoặc sắp đến hạn, "
                              "nên không cần công văn đôn đốc.")
    st = styles.get()
    lh = layout.Letterhead.of(unit.office)
    w = st.page.text_width
    rows = [[i, layout.nfc(p.content), layout.short_date(p.due_on),
             f"quá {(today - p.due_on).days} ngày" if today > p.due_on else "sắp đến hạn"]
            for i, p in enumerate(late, start=1)]
    body = [layout.para(st, "body", f"Theo dõi việc giải quyết ý kiến, kiến nghị của Nhân dân, đến ngày "
                                    f"{layout.short_date(today)}, {unit.name} còn {len(late)} kiến nghị "
                                    f"quá hạn hoặc sắp đến hạn trả lời, cụ thể:"),
            layout.grid_table(st, ["STT", "Nội dung kiến nghị", "Hạn trả lời", "Tình trạng"], rows,
                              [w * .08, w * .56, w * .16, w * .2], align=["c", "l", "c", "c"]),
            layout.para(st, "body", (f"{lh.name} đề nghị {unit.name} khẩn trương xem xét, tham mưu văn bản "
                                     "trả lời công dân và báo cáo kết quả về Văn phòng trong thời gian sớm nhất"
                                     + layout.END_MARK))]
    doc = layout.official_document(
        st, lh, kind="CV", subject="đôn đốc trả lời kiến nghị của Nhân dân", body=body,
        signer=layout.Signer.of(unit.office), recipients=["Như trên", "Lưu: VT."], symbol=symbol,
        date=on, year=(on or today).year, addressees=[unit.name])
    return layout.render(st, doc)
