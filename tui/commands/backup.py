"""doithoai backup [NƠI_LƯU] / doithoai restore TỆP | --newest."""
from __future__ import annotations

import click

from .common import ask, fail, overwrite_option, pass_db, write_or_ask


@click.command("backup")
@click.argument("dest", required=False, metavar="[NƠI_LƯU]")
@overwrite_option
@pass_db
def backup(db_target, dest, overwrite):
    """Sao lưu cơ sở dữ liệu vào NƠI_LƯU (thư mục, ví dụ USB) hoặc thư mục sao lưu."""
    from models.storage import backup as bk
    from models.core.errors import UserError

    target = db_target or _configured()
    if bk.sqlite_path(target) is None:
        from models.storage.db import describe

        click.echo(bk.POSTGRES_MESSAGE.format(target=describe(target)))
        raise SystemExit(1)
    try:
        path = write_or_ask(lambda replace: bk.make_backup(target, dest, replace=replace), overwrite)
        info = bk.verify(path)
    except UserError as exc:
        fail(exc.message, exc.exit_code)
    click.echo(f"Đã sao lưu vào: {path}")
    click.echo(f"Kiểm tra bản sao: tốt — {info.office}, {info.petitions} ý kiến, kiến nghị.")


@click.command("restore")
@click.argument("file", required=False, metavar="[TỆP_SAO_LƯU]")
@click.option("--newest", is_flag=True, help="Khôi phục bản sao lưu tự động mới nhất còn tốt.")
@click.option("--yes", "-y", is_flag=True, help="Không hỏi lại.")
@pass_db
def restore(db_target, file, newest, yes):
    """Khôi phục cơ sở dữ liệu từ một bản sao lưu (kiểm tra trước; giữ lại tệp cũ)."""
    from models.storage import backup as bk
    from models.core.errors import UserError

    target = db_target or _configured()
    if bk.sqlite_path(target) is None:
        from models.storage.db import describe

        click.echo(bk.POSTGRES_MESSAGE.format(target=describe(target)))
        raise SystemExit(1)
    if newest:
        best = bk.newest_good_backup(target)
        if best is None:
            fail(f"Không có bản sao lưu tự động nào còn tốt trong “{bk.backup_folder()}”.")
        file = str(best.path)
    if not file:
        fail("Hãy chỉ ra tệp sao lưu, hoặc dùng --newest.")
    try:
        info = bk.verify(file)
    except UserError as exc:
        fail(f"{exc.message} Không có gì bị thay đổi.", exc.exit_code)
    click.echo(f"Bản sao lưu: {file}\nCơ quan: {info.office}; {info.petitions} ý kiến, kiến nghị; lược đồ {info.schema_version}.")
    if not yes and not ask(f"Thay cơ sở dữ liệu “{bk.sqlite_path(target)}” bằng bản này?"):
        click.echo("Đã hủy, không có gì bị thay đổi.")
        raise SystemExit(1)
    try:
        _, aside = bk.restore(file, target)
    except UserError as exc:
        fail(exc.message, exc.exit_code)
    click.echo(f"Đã khôi phục vào: {bk.sqlite_path(target)}")
    if aside:
        click.echo(f"Cơ sở dữ liệu cũ được giữ lại ở: {aside}")


def _configured() -> str:
    from models.core.errors import UserError
    from models.storage.config import configured_target

    try:
        return configured_target()
    except UserError as exc:
        fail(exc.message, exc.exit_code)
