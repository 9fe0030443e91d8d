"""Office data from the command line: holiday overrides and petitions received
outside a conference (a citizen who comes to the office)."""
from __future__ import annotations

import click

from .common import open_db, pass_db, run_service
from .core import WordChoice
from ..words import CommandWords as W


@click.command("holiday")
@click.argument("day", metavar=W.DAY_METAVAR)
@click.option("--nghi", "kind", flag_value="off", default=True, help=W.HOLIDAY_OFF_HELP)
@click.option("--lam-bu", "kind", flag_value="work", help=W.HOLIDAY_WORK_HELP)
@click.option("--ghi-chu", "note", default="", help=W.HOLIDAY_NOTE_HELP)
@pass_db
def holiday(db_target, day, kind, note):
    """Khai báo ngày nghỉ hoán đổi hoặc ngày làm bù của cơ quan (NGÀY dạng 05/01/2026)."""
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    row = run_service(lambda: catalog.set_holiday_override(catalog.the_office(), day, kind, note))
    label = W.DAY_OFF if row.kind == "off" else W.MAKE_UP_DAY
    click.echo(W.HOLIDAY_SET.format(day=row.day, kind=label))


@click.command("petition")
@click.option("--noi-dung", "content", required=True, help=W.PETITION_CONTENT_HELP)
@click.option("--cong-dan", "citizen", default="", help=W.CITIZEN_NAME_HELP)
@click.option("--danh-xung", "title", default=None, type=WordChoice({W.MR: W.MR, W.MRS: W.MRS}, {}), metavar=W.TITLE_CHOICES,
              help=W.CITIZEN_TITLE_HELP)
@click.option("--thon", "village", default="", help=W.VILLAGE_HELP)
@click.option("--linh-vuc", "field", default="", help=W.FIELD_HELP)
@click.option("--don-vi", "unit", required=True, help=W.UNIT_HELP)
@click.option("--ngay-nhan", "received", default=None, help=W.RECEIVED_HELP)
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
            received_on=parse_date(received, W.RECEIVED_ON) if received else clock.today())

    p = run_service(record)
    click.echo(W.PETITION_SAVED.format(id=p.id, due_on=p.due_on))
