"""Shared pieces of the command line: the --db option, error reporting and reading a PIN."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from models.core.errors import UserError

from ..words import explain_cli
from ..words import CommandWords as W
from ..words import SigningCommandWords as SW


def fail(message: str, code: int = 2):
    click.echo(W.ERROR_LINE.format(message=message), err=True)
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
    help=W.REPLACE_HELP)


def write_or_ask(write, overwrite: bool):
    """Run ``write(replace)``; when a file of the same kind is already there, ask at
    a keyboard (or fail with the message that names --ghi-de)."""
    from models.storage.files import DestinationExists

    try:
        return write(overwrite)
    except DestinationExists as exc:
        if not (sys.stdin.isatty() and ask(exc.question)):
            fail(explain_cli(exc), exc.exit_code)
        return write(True)


YES = ("c", W.YES, "co", "y", "yes")
NO = ("k", W.NO, "khong", "n", "no")


def ask(question: str) -> bool:
    """A yes/no question answered in Vietnamese: “c” (có) or “k” (không); Enter,
    end of input or anything unclear after three tries is no (click's own
    confirm knows only y/n and shows [y/N])."""
    import unicodedata

    for _ in range(3):
        try:
            answer = click.prompt(f"{question} [c/K]", default="", show_default=False, prompt_suffix=" ")
        except click.exceptions.Abort:
            return False
        answer = unicodedata.normalize("NFC", answer).strip().lower()
        if answer in YES:
            return True
        if answer in NO or not answer:
            return False
        click.echo(W.ANSWER_YES_NO, err=True)
    return False


def read_pin(pin_file: Path | None, what: str = SW.OF_TOKEN) -> str:
    """From a 0600 file, else asked at the keyboard without echo."""
    if pin_file is not None:
        import stat

        if not stat.S_ISREG(pin_file.stat().st_mode):
            raise UserError(SW.PIN_FILE_NOT_FILE.format(pin_file=pin_file))
        if os.name == "posix" and (pin_file.stat().st_mode & 0o077):
            raise UserError(SW.PIN_FILE_READABLE.format(pin_file=pin_file, mode=pin_file.stat().st_mode & 0o777))
        lines = pin_file.read_text(encoding="utf-8").splitlines()
        return lines[0].strip() if lines else ""
    if not sys.stdin.isatty():
        raise UserError(SW.PIN_NEEDED.format(what=what))
    return click.prompt(SW.PIN_ASK.format(what=what), hide_input=True, default="", show_default=False)
