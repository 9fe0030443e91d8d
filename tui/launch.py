"""The ``doithoai`` command's entry point.

Opening the app (``doithoai`` or ``doithoai demo``, no options) is what the
office does every day, so that path goes straight to the app without loading
click and the command definitions, which would cost a few hundredths of a
second on an old PC. Options (``--db``, ``--user``, ``--help``) and every other
command go through the click command line in ``tui/cli.py``; the environment
variables DOITHOAI_DB and DOITHOAI_USER are honoured on both paths."""
from __future__ import annotations

import gc
import logging
import os
import sys
from .crash_log import unexpected_message
from .words import LaunchWords as W


def main(argv=None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    quiet_warnings()
    if any("://" in a for a in args):
        hide_passwords()
    from .upgrading import show_upgrades

    show_upgrades()             # a long upgrade of the database is told, not left to look like a hang
    if args in ([], ["demo"]):
        # No garbage collection until the first frame: the start makes few
        # cycles, but the collector walked every module and style being made
        # (a tenth of the time to the painted dashboard). DoiThoaiApp.on_ready
        # freezes what is alive and lets it run again (tui.app.settle_heap).
        gc.disable()
        guarded(lambda: open_app(_env("DOITHOAI_DB"), demo=bool(args), user=_env("DOITHOAI_USER")))
    else:
        from .cli import main as cli_main, reported

        wanted = cli_main(args)
        if wanted is not None:          # options but no sub-command: the app, told as a command's errors are
            with reported():
                open_app(wanted.db)


def quiet_warnings() -> None:
    """Python warnings from libraries (a deprecation raised while pyHanko is
    imported) are for developers: they never reach an office's screen in
    English. A developer who asks for them (python -W …) still sees them."""
    if sys.warnoptions:
        return
    logging.captureWarnings(True)
    quiet = logging.getLogger("py.warnings")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    quiet.propagate = False


def hide_passwords() -> None:
    """A PostgreSQL password given in --db must not stay in the process list
    (``ps``, /proc/PID/cmdline): on Linux the program's own copy of its command
    line is overwritten with stars. Elsewhere nothing can be done from Python;
    the README says to keep the password in PGPASSFILE / ~/.pgpass instead."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import re

    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            stat = fh.read()
        fields = stat[stat.rindex(")") + 2:].split()
        start, end = int(fields[45]), int(fields[46])      # arg_start, arg_end (fields 48, 49)
        with open("/proc/self/cmdline", "rb") as fh:
            raw = fh.read()
        hidden = re.sub(rb"(://[^:/@\s\x00]*:)([^@\x00]*)(@)",
                        lambda m: m.group(1) + b"*" * len(m.group(2)) + m.group(3), raw)
        if hidden != raw and len(hidden) == end - start:
            ctypes.memmove(start, hidden, len(hidden))
    except (OSError, ValueError, IndexError):
        pass            # a kernel without these fields: the password stays visible, as before


def _env(name: str) -> str | None:
    return os.environ.get(name) or None  # an empty variable counts as unset, as in click


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def guarded(run) -> None:
    """Run ``run()``; what goes wrong becomes a Vietnamese message and a
    non-zero exit code, never a traceback."""
    from models.core.errors import UserError

    try:
        run()
    except UserError as exc:
        say(W.ERROR.format(message=exc.message))
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, EOFError):
        say(W.CANCELLED)
        sys.exit(1)
    except Exception as exc:  # never show a traceback to a user
        say(unexpected_message(exc))
        sys.exit(70)


def open_app(db: str | None, demo: bool = False, user: str | None = None) -> None:
    """Open the office's database (or the demo one) and run the app on it."""
    from models.core.errors import UserError
    from models.opening import open_office_database

    if user:
        from models.storage.who import set_user

        set_user(user)
    try:
        # a file the machine left open is checked whole after the first screen (DoiThoaiApp._check_after_crash)
        if demo:
            open_office_database(db, demo=True, render=_render_pdf, check_later=True)
        else:
            open_office_database(db, check_later=True)
    except UserError as exc:
        if demo:
            raise
        diagnose(db, exc)
    if not demo:
        ask_which_office()
        ask_who_works()        # rescue files are offered inside the app (DoiThoaiApp._offer_rescue)
        start_daily_backup(db)
    from . import prefetch

    prefetch.start_dashboard()
    from .app import run_app

    try:
        run_app()
    finally:
        stop_daily_backup()


def _render_pdf(*args, **kwargs):
    """tui.documents.render_pdf, imported only when the demo is first built:
    the document kinds' code is not needed to open the demo again (0.1-0.4 s
    of every demo start)."""
    from .documents import render_pdf

    return render_pdf(*args, **kwargs)


def ask_which_office() -> None:
    """Several offices share the database and this workstation has not chosen
    one: at a keyboard, ask once and remember (doithoai office use)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return
    from models.services import catalog

    if catalog.office_choice() is not None:
        return
    rows = catalog.offices()
    if len(rows) < 2:
        return
    say(W.WHICH_OFFICE)
    for n, office in enumerate(rows, start=1):
        say(f"  {n}. {office.name}")
    try:
        answer = input(W.ORDER_NUMBER).strip()
    except EOFError:
        return
    if answer.isdigit() and 1 <= int(answer) <= len(rows):
        catalog.remember_office(rows[int(answer) - 1])
        say(W.OFFICE_REMEMBERED.format(name=rows[int(answer) - 1].name))


def ask_who_works() -> None:
    """A SQLite PC of an office with a list of people, used for the first time by
    this account: ask who is working (the audit trail and the roles use it)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return
    from models.domain.base import is_postgres
    from models.core.errors import UserError
    from models.services import catalog, roles

    try:
        office = catalog.the_office()
        if is_postgres() or roles.current_person(office) is not None:
            return
        choices = roles.candidates(office)
    except UserError:
        return
    if len(choices) == 1:
        roles.choose_person(office, choices[0])
        return
    if not choices:
        return
    say(W.WHO_IS_WORKING.format(name=office.name))
    for n, p in enumerate(choices, start=1):
        say(f"  {n}. {p.full_name} — {roles.role_label(p.role)}")
    try:
        answer = input(W.ORDER_NUMBER_OR_SKIP).strip()
    except EOFError:
        return
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        roles.choose_person(office, choices[int(answer) - 1])


def ask_yes(question: str) -> bool:
    """A yes/no question answered in Vietnamese: c (có) or k (không, the default)."""
    try:
        answer = input(f"{question} [c/K]: ")
    except EOFError:
        return False
    return answer.strip().lower() in ("c", W.YES, "co", "y", "yes")


def diagnose(db, exc) -> None:
    """The database did not open: say why and offer what fits. Locked by another
    program or window: wait and try again, or quit (never restore over it). Made
    by a newer version: update the software (nothing is touched). Damaged, or
    missing/empty with good backups beside it: offer the newest good backup.
    Returns when the database is open; otherwise exits."""
    from models.core.errors import DatabaseLocked, UserError
    from models.opening import open_office_database

    while True:
        say(W.ERROR.format(message=exc.message))
        if isinstance(exc, DatabaseLocked):
            if not sys.stdin.isatty() or not ask_yes(W.WAIT_FOR_OTHER):
                sys.exit(exc.exit_code)
        elif not (getattr(exc, "restorable", False) and offer_restore(db, exc)):
            sys.exit(exc.exit_code)
        try:
            open_office_database(db)
            return
        except UserError as again:
            exc = again


def offer_restore(db, exc=None) -> bool:
    """At a keyboard, offer to put the newest good backup in place of a database
    that cannot be opened; the damaged file is kept aside, never overwritten.
    Returns True when a backup was restored."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    from models.storage import backup
    from models.core.errors import UserError
    from models.storage.config import configured_target, sqlite_path

    target = db or configured_target()
    if sqlite_path(target) is None:
        return False
    best = backup.newest_good_backup(target)
    if best is None:
        return False
    from models.core.errors import DatabaseMissing

    kept = "" if isinstance(exc, DatabaseMissing) and not sqlite_path(target).exists() \
        else W.FILE_KEPT_ASIDE
    if not ask_yes(W.RESTORE_ASK.format(label=best.label, kept=kept)):
        return False
    try:
        _, aside = backup.restore(best.path, target)
    except UserError as exc:
        say(W.ERROR.format(message=exc.message))
        return False
    print(W.RESTORED.format(aside=aside), flush=True)
    return True


_daily = None      # (the thread making the day's first copy, the event that stops it)


def start_daily_backup(db) -> None:
    """The day's first copy of the database, beside the app so start-up stays fast."""
    import threading

    from models.storage.backup import startup_backup

    global _daily
    stop = threading.Event()
    thread = threading.Thread(target=startup_backup, args=(db,), kwargs={"cancel": stop}, name="sao-luu",
                              daemon=True)
    thread.start()
    _daily = (thread, stop)


def stop_daily_backup(timeout: float = 5.0) -> None:
    """The app quits: a copy still being made stops at its next step and removes
    its temporary file (a daemon thread killed at exit would leave it behind)."""
    global _daily
    if _daily is None:
        return
    thread, stop = _daily
    _daily = None
    stop.set()
    thread.join(timeout)
