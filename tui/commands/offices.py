"""Several offices on one database: ``doithoai office list|use``."""
from __future__ import annotations

import click

from .common import open_db, pass_db, run_service
from ..words import CommandWords as W


@click.group("office", options_metavar=W.OPTIONS_METAVAR, subcommand_metavar=W.COMMAND_METAVAR)
def office():
    """Các cơ quan dùng chung một cơ sở dữ liệu: xem danh sách, chọn cơ quan của máy này."""


@office.command("list", options_metavar=W.OPTIONS_METAVAR)
@pass_db
def office_list(db_target):
    """Liệt kê các cơ quan; dấu * là cơ quan máy này đang làm việc."""
    from models.core.errors import UserError
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    rows = catalog.offices()
    if not rows:
        click.echo(W.NO_OFFICE_YET)
        return
    try:
        current = catalog.the_office().id
    except UserError:
        current = None
    for o in rows:
        click.echo(f"{'*' if o.id == current else ' '} {o.id:>4}  {o.name}")
    if current is None:
        click.echo(W.NO_OFFICE_CHOSEN)


@office.command("use", options_metavar=W.OPTIONS_METAVAR)
@click.argument("which", metavar=W.WHO_METAVAR)
@pass_db
def office_use(db_target, which):
    """Chọn cơ quan mà máy này làm việc (ghi vào cấu hình của máy, cho cơ sở dữ liệu đang dùng)."""
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    chosen = run_service(lambda: catalog.find_office(which))
    catalog.remember_office(chosen)
    click.echo(W.OFFICE_CHOSEN.format(id=chosen.id, name=chosen.name))
