"""Shared pieces of the command line: the --db option and error reporting."""
from __future__ import annotations

import functools
import sys

import click

from models.errors import UserError


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
        fail(exc.message, exc.exit_code)


def run_service(call):
    """Run a service call; a UserError becomes a message and a non-zero exit."""
    try:
        return call()
    except UserError as exc:
        fail(exc.message, exc.exit_code)
