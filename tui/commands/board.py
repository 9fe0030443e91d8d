"""doithoai export: the follow-up board or its statistics as .xlsx or .csv,
for the level above, without opening the app."""
from __future__ import annotations

import click

from .common import fail, open_db, overwrite_option, pass_db, write_or_ask


@click.command("export")
@click.option("--xlsx", "fmt", flag_value="xlsx", help="Tệp Excel (.xlsx). Mặc định theo đuôi tệp -o.")
@click.option("--csv", "fmt", flag_value="csv",
              help="Tệp CSV (UTF-8 có BOM, các ô cách nhau bằng “;” như Excel tiếng Việt đọc).")
@click.option("--phay", "comma", is_flag=True, help="CSV: cách các ô bằng dấu phẩy “,” thay cho “;”.")
@click.option("--no-contacts", "no_contacts", is_flag=True,
              help="Bỏ địa chỉ và điện thoại của công dân (họ tên vẫn giữ; người giấu tên không bao giờ bị ghi tên).")
@click.option("--thong-ke", "stats", is_flag=True,
              help="Xuất bảng thống kê theo lĩnh vực, đơn vị, thôn, tình trạng và tỷ lệ trả lời đúng hạn.")
@click.option("--tat-ca", "everything", is_flag=True,
              help="Mọi kiến nghị đã ghi, kể cả đã xong và đã rút (kèm lý do); mặc định: chỉ kiến nghị cần xử lý.")
@click.option("--tu-ngay", "start", metavar="NGÀY", help="Chỉ kiến nghị nhận từ ngày này (ngày/tháng/năm).")
@click.option("--den-ngay", "end", metavar="NGÀY", help="Chỉ kiến nghị nhận đến ngày này (ngày/tháng/năm).")
@click.option("-o", "--output", "output", required=True, metavar="TỆP", help="Tệp kết quả, ví dụ theo-doi.xlsx.")
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
                       received_from=parse_date(start, "Từ ngày") if start else None,
                       received_to=parse_date(end, "Đến ngày") if end else None)
        if stats:
            sheet = statistics.compute(q)
            res = write_or_ask(lambda replace: svc.export_statistics(sheet, output, fmt, replace=replace,
                                                                     delimiter=delimiter), overwrite)
            click.echo(f"Đã xuất thống kê của {res.rows} kiến nghị vào {res.path}")
        else:
            res = write_or_ask(lambda replace: svc.export_board(q, output, fmt, contacts=not no_contacts,
                                                                replace=replace, delimiter=delimiter), overwrite)
            from models.core.words import COUNT_LABELS, WITHDRAWN

            c = res.counts
            figures = [f"{label.lower()} {c[k]}" for k, label in COUNT_LABELS.items() if c[k]]
            if everything and c["withdrawn"]:
                figures.append(f"{WITHDRAWN.lower()} {c['withdrawn']}")
            # a group of same-issue petitions is one line: lines and petitions may differ
            click.echo(f"Đã xuất {res.rows} dòng vào {res.path} ({c['total']} kiến nghị"
                       + (": " + "; ".join(figures) if figures else "") + ").")
    except UserError as exc:
        fail(exc.message, exc.exit_code)
