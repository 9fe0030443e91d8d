"""Office data from the command line: holiday overrides and petitions received
outside a conference (a citizen who comes to the office)."""
from __future__ import annotations

import click

from .common import open_db, pass_db, run_service
from .core import WordChoice


@click.command("holiday")
@click.argument("day", metavar="NGÀY")
@click.option("--nghi", "kind", flag_value="off", default=True, help="Ngày nghỉ hoán đổi (mặc định).")
@click.option("--lam-bu", "kind", flag_value="work", help="Ngày làm việc bù (thường là thứ Bảy).")
@click.option("--ghi-chu", "note", default="", help="Ghi chú, ví dụ: nghỉ bù Tết.")
@pass_db
def holiday(db_target, day, kind, note):
    """Khai báo ngày nghỉ hoán đổi hoặc ngày làm bù của cơ quan (NGÀY dạng 05/01/2026)."""
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    row = run_service(lambda: catalog.set_holiday_override(catalog.the_office(), day, kind, note))
    label = "ngày nghỉ" if row.kind == "off" else "ngày làm bù"
    click.echo(f"Đã ghi {row.day:%d/%m/%Y} là {label}.")


@click.command("petition")
@click.option("--noi-dung", "content", required=True, help="Nội dung kiến nghị.")
@click.option("--cong-dan", "citizen", default="", help="Họ tên công dân (bỏ trống nếu giấu tên).")
@click.option("--danh-xung", "title", default=None, type=WordChoice({"Ông": "Ông", "Bà": "Bà"}, {}), metavar="Ông|Bà",
              help="Danh xưng của công dân (Ông hoặc Bà), dùng trong văn bản trả lời.")
@click.option("--thon", "village", default="", help="Thôn, tổ dân phố.")
@click.option("--linh-vuc", "field", default="", help="Lĩnh vực, ví dụ: Đất đai.")
@click.option("--don-vi", "unit", required=True, help="Đơn vị được giao trả lời.")
@click.option("--ngay-nhan", "received", default=None, help="Ngày nhận (mặc định: hôm nay).")
@pass_db
def petition(db_target, content, citizen, title, village, field, unit, received):
    """Ghi một kiến nghị nhận ngoài hội nghị; hạn trả lời tính theo ngày làm việc."""
    from models.core import clock
    from models.services import catalog, petitions
    from models.services.validate import parse_date
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))

    def record():
        office = catalog.the_office()
        return petitions.record_petition(
            office, content=content, citizen_name=citizen, citizen_withheld=not citizen.strip(),
            citizen_title=title if title and citizen.strip() else "",
            village=catalog.find_village(office, village) if village.strip() else None,
            field=catalog.find_field(office, field) if field.strip() else None,
            unit=catalog.find_unit(office, unit), channel="outside", disposition="in_writing",
            received_on=parse_date(received, "Ngày nhận") if received else clock.today())

    p = run_service(record)
    click.echo(f"Đã ghi kiến nghị số {p.id}; hạn trả lời: {p.due_on:%d/%m/%Y}.")
