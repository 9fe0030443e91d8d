"""Shared pieces of the command line: the --db option and error reporting."""
from __future__ import annotations

import functools
import sys

import click

from models.errors import UserError

from ..words import explain_cli


def fail(message: str, code: int = 2):
    click.echo(f"Lỗi: {message}", err=True)
    sys.exit(code)


def pass_db(func):
    """Give the command the database target chosen by the top-level --db."""

    @functools.wraps(func)
    @click.pass_context
    def wrapper(ctx, *args, **kwargs):
        return func(ctx.obj.get("db") if ctx.obj else None, *args, **kwargs)

    return wrapper


def open_db(opener):
    try:
        return opener()
    except UserError as exc:
        fail(explain_cli(exc), exc.exit_code)


def run_service(call):
    """Run a service call; a UserError becomes a message and a non-zero exit."""
    try:
        return call()
    except UserError as exc:
        fail(explain_cli(exc), exc.exit_code)


overwrite_option = click.option(
    "--ghi-de", "--yes", "-y", "overwrite", is_flag=True,
    help="Thay tệp cùng loại đã có ở nơi ghi (một bản xuất, bản sao lưu, tệp PDF trước) mà không hỏi.")


def write_or_ask(write, overwrite: bool):
    """Run ``write(replace)``; when a file of the same kind is already there, ask at
    a keyboard (or fail with the message that names --ghi-de)."""
    from models.files import DestinationExists

    try:
        return write(overwrite)
    except DestinationExists as exc:
        if not (sys.stdin.isatty() and click.confirm(f"Đã có tệp “{exc.path}”. Thay bằng tệp mới?",
                                                     default=False)):
            fail(explain_cli(exc), exc.exit_code)
        return write(True)
