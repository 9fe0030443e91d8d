"""The ``doithoai`` command. With no sub-command it opens the app on the
office's own database (created on first run in the user data folder)."""
from __future__ import annotations

import importlib
import sys
from contextlib import contextmanager
from dataclasses import dataclass

import click

from models.core.errors import UserError
from .words import CommandWords as W

# Sub-commands live in tui/commands/, one module per subject.
COMMANDS = [
    ("tui.commands.core", ["demo", "init", "doctor", "locate"]),
    ("tui.commands.backup", ["backup", "restore"]),
    ("tui.commands.office", ["holiday", "petition"]),
    ("tui.commands.printing", ["print", "issue", "register", "import-plan"]),
    ("tui.commands.board", ["export"]),
    ("tui.commands.offices", ["office"]),
    ("tui.commands.people", ["user"]),
    ("tui.commands.admin", ["admin"]),
    ("tui.commands.signing", ["sign", "verify", "copy", "signature-image"]),
]


class LazyGroup(click.Group):
    """Imports a sub-command's module only when it is used (fast start-up)."""

    def list_commands(self, ctx):
        return sorted({name for _, names in COMMANDS for name in names})

    def get_command(self, ctx, name):
        for module, names in COMMANDS:
            if name in names:
                mod = importlib.import_module(module)
                for obj in vars(mod).values():
                    if isinstance(obj, click.Command) and obj.name == name:
                        obj.options_metavar = W.OPTIONS_METAVAR
                        return obj
        return None


@click.group(cls=LazyGroup, invoke_without_command=True, options_metavar=W.OPTIONS_METAVAR,
             subcommand_metavar=W.COMMAND_METAVAR,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar=W.DB_METAVAR, envvar="DOITHOAI_DB",
              help=W.DB_HELP)
@click.option("--user", "user", envvar="DOITHOAI_USER", metavar=W.USER_METAVAR, help=W.USER_HELP)
@click.option("--co-quan", "office", envvar="DOITHOAI_OFFICE", metavar=W.WHO_METAVAR,
              help=W.OFFICE_HELP)
@click.version_option(package_name="doithoai", message=W.VERSION_LINE,
                      help=W.VERSION_HELP)
@click.pass_context
def cli(ctx, db, user, office):
    """Đối thoại — tổ chức hội nghị đối thoại với Nhân dân và theo dõi kiến nghị."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if user:
        from models.storage.who import set_user

        set_user(user)
    if office:
        from models.services.catalog import choose_office

        choose_office(office)
    if ctx.invoked_subcommand is None:
        return OpenTheApp(db)     # tui.launch opens it: the command line only says so
    return None


@dataclass(frozen=True)
class OpenTheApp:
    """No sub-command was given: the app is to be opened on ``db`` (None: the
    office's default database)."""
    db: str | None


def main(argv=None) -> OpenTheApp | None:
    """Run the command line on ``argv``; what goes wrong is told in Vietnamese
    with an exit code. Returns OpenTheApp when no sub-command was given."""
    from .click_vi import install

    install()
    sys.stdout, sys.stderr = Printable(sys.stdout), Printable(sys.stderr)
    if any("\x00" in a for a in (sys.argv[1:] if argv is None else argv)):
        click.echo(W.NUL_ARGUMENT, err=True)
        sys.exit(2)
    with reported():
        wanted = cli.main(args=argv, prog_name="doithoai", standalone_mode=False)
    return wanted if isinstance(wanted, OpenTheApp) else None


@contextmanager
def reported():
    """What goes wrong inside becomes a Vietnamese message and an exit code,
    never a traceback (a command, or the app opened from the command line)."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):     # click turns these into Abort inside a command
        click.echo(err=True)
        click.echo(W.CANCELLED_SHORT, err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo(W.CANCELLED_SHORT, err=True)
        sys.exit(1)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:
        from .words import explain_cli

        click.echo(W.ERROR_LINE.format(message=explain_cli(exc)), err=True)
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except OSError as exc:          # a path the system refuses: too long, not a folder, …
        click.echo(W.ERROR_LINE.format(message=path_refused(exc)), err=True)
        sys.exit(2)
    except Exception as exc:  # never show a traceback to a user
        import peewee

        from models.storage.db import denied_message, is_denied

        if isinstance(exc, peewee.DatabaseError) and is_denied(exc):
            click.echo(W.ERROR_LINE.format(message=denied_message()), err=True)
            sys.exit(2)
        if isinstance(exc, peewee.OperationalError):
            click.echo(W.ERROR_LINE.format(message=storage_message(exc)), err=True)
            sys.exit(3)
        from .crash_log import unexpected_message

        click.echo(unexpected_message(exc), err=True)
        sys.exit(70)


def path_refused(exc: OSError) -> str:
    """An OSError from a file or folder named on the command line, in Vietnamese."""
    import errno

    from models.core.errors import os_reason

    reason = W.PATH_TOO_LONG if exc.errno == errno.ENAMETOOLONG else os_reason(exc)
    name = str(exc.filename or "")
    where = f" “{name if len(name) <= 80 else name[:79] + '…'}”" if name else ""
    return W.PATH_REFUSED.format(where=where, reason=reason)


class Printable:
    """A text stream that passes no control character to the terminal: a name,
    path or text quoted back from the command line or the database could carry
    an escape sequence (colours, a moved cursor, a retitled window), a bell, a
    backspace or a carriage return that hides what came before. Each is shown as
    “�”; new lines and tabs pass."""

    CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), *range(127, 160)], "\ufffd")

    def __init__(self, stream):
        self._stream = getattr(stream, "_stream", stream)     # never wrapped twice

    def write(self, text):
        if isinstance(text, str):
            text = text.translate(self.CONTROL)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def storage_message(exc: Exception) -> str:
    """The database refused a read or write after it was opened (another program
    held the write lock longer than we wait, the disk is full or read-only)."""
    from models.core.errors import os_reason

    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason = (W.DATABASE_BUSY)
    else:
        reason = os_reason(exc)
    return (W.STORAGE_FAILED.format(reason=reason))
