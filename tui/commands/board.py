"""doithoai export: the follow-up board or its statistics as .xlsx or .csv,
for the level above, without opening the app."""
from __future__ import annotations

import click

from .common import fail, open_db, overwrite_option, pass_db, write_or_ask
from ..words import CommandWords as W


@click.command("export")
@click.option("--xlsx", "fmt", flag_value="xlsx", help=W.XLSX_HELP)
@click.option("--csv", "fmt", flag_value="csv",
              help=W.CSV_HELP)
@click.option("--phay", "comma", is_flag=True, help=W.COMMA_HELP)
@click.option("--no-contacts", "no_contacts", is_flag=True,
              help=W.NO_CONTACTS_HELP)
@click.option("--thong-ke", "stats", is_flag=True,
              help=W.STATS_HELP)
@click.option("--tat-ca", "everything", is_flag=True,
              help=W.ALL_HELP)
@click.option("--tu-ngay", "start", metavar=W.DAY_METAVAR, help=W.FROM_HELP)
@click.option("--den-ngay", "end", metavar=W.DAY_METAVAR, help=W.TO_HELP)
@click.option("-o", "--output", "output", required=True, metavar=W.FILE_METAVAR, help=W.OUTPUT_HELP)
@overwrite_option
@pass_db
def export(db_target, fmt, comma, no_contacts, stats, everything, start, end, output, overwrite):
    """Xuất bảng theo dõi kiến nghị (hoặc thống kê) ra Excel hoặc CSV."""
    from models.core import clock
    from models.core.errors import UserError
    from models.services import export as svc
    from models.services import statistics
    from models.services.board import BoardQuery
    from models.services.catalog import the_office
    from models.services.validate import parse_date
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    delimiter = "," if comma else ";"
    try:
        office = the_office()
        status = "all" if stats else "recorded" if everything else "action"
        q = BoardQuery(office.id, status=status, today=clock.today(),
                       received_from=parse_date(start, W.FROM_DAY) if start else None,
                       received_to=parse_date(end, W.TO_DAY) if end else None)
        if stats:
            sheet = statistics.compute(q)
            res = write_or_ask(lambda replace: svc.export_statistics(sheet, output, fmt, replace=replace,
                                                                     delimiter=delimiter), overwrite)
            click.echo(W.STATS_EXPORTED.format(rows=res.rows, path=res.path))
        else:
            res = write_or_ask(lambda replace: svc.export_board(q, output, fmt, contacts=not no_contacts,
                                                                replace=replace, delimiter=delimiter), overwrite)
            from models.core.words import COUNT_LABELS, WITHDRAWN

            c = res.counts
            figures = [f"{label.lower()} {c[k]}" for k, label in COUNT_LABELS.items() if c[k]]
            if everything and c["withdrawn"]:
                figures.append(f"{WITHDRAWN.lower()} {c['withdrawn']}")
            # a group of same-issue petitions is one line: lines and petitions may differ
            click.echo(W.EXPORTED.format(rows=res.rows, path=res.path, c=c['total'])
                       + (": " + "; ".join(figures) if figures else "") + ").")
    except UserError as exc:
        fail(exc.message, exc.exit_code)
