"""doithoai backup [NƠI_LƯU] / doithoai restore TỆP | --newest."""
from __future__ import annotations

import click

from .common import ask, fail, overwrite_option, pass_db, write_or_ask
from ..words import CommandWords as W


@click.command("backup")
@click.argument("dest", required=False, metavar=W.WHERE_METAVAR)
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
    click.echo(W.BACKED_UP.format(path=path))
    click.echo(W.BACKUP_CHECKED.format(office=info.office, petitions=info.petitions))


@click.command("restore")
@click.argument("file", required=False, metavar=W.BACKUP_FILE_METAVAR)
@click.option("--newest", is_flag=True, help=W.NEWEST_HELP)
@click.option("--yes", "-y", is_flag=True, help=W.YES_HELP)
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
            fail(W.NO_GOOD_BACKUP.format(backup_folder=bk.backup_folder()))
        file = str(best.path)
    if not file:
        fail(W.NAME_BACKUP_FILE)
    try:
        info = bk.verify(file)
    except UserError as exc:
        fail(W.NOTHING_CHANGED.format(message=exc.message), exc.exit_code)
    click.echo(W.BACKUP_INFO.format(file=file, office=info.office, petitions=info.petitions,
                                    schema_version=info.schema_version))
    if not yes and not ask(W.REPLACE_ASK.format(sqlite_path=bk.sqlite_path(target))):
        click.echo(W.CANCELLED)
        raise SystemExit(1)
    try:
        _, aside = bk.restore(file, target)
    except UserError as exc:
        fail(exc.message, exc.exit_code)
    click.echo(W.RESTORED.format(sqlite_path=bk.sqlite_path(target)))
    if aside:
        click.echo(W.OLD_KEPT.format(aside=aside))


def _configured() -> str:
    from models.core.errors import UserError
    from models.storage.config import configured_target

    try:
        return configured_target()
    except UserError as exc:
        fail(exc.message, exc.exit_code)
