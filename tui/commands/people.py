"""Người dùng và quyền: ``doithoai user list|add|role|use|allow``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import fail, open_db, pass_db, run_service
from ..words import PeopleCommandWords as W

ROLE_HELP = W.ROLE_HELP


PIN_FILE = click.option("--pin-file", "pin_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        metavar=W.FILE_METAVAR, help=W.PIN_FILE_HELP)


def _as_manager(office, pin_file, call):
    """``call()`` with the PIN of the person working, when changing people asks it."""
    from models.services import roles

    from .common import read_pin

    person = run_service(lambda: roles.pin_wanted(office, "people"))
    pin = run_service(lambda: read_pin(pin_file, W.OF_PERSON.format(full_name=person.full_name))) if person is not None else None

    def guarded():
        with roles.pin_given(office, pin):
            return call()

    return run_service(guarded)


def _office(db_target):
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))
    return run_service(catalog.the_office)


@click.group("user", options_metavar=W.OPTIONS_METAVAR, subcommand_metavar=W.COMMAND_METAVAR)
def user():
    """Người dùng của cơ quan và vai trò của họ (ai được ban hành, điều chỉnh văn bản, sửa danh mục)."""


@user.command("list", options_metavar=W.OPTIONS_METAVAR)
@pass_db
def user_list(db_target):
    """Liệt kê người dùng; dấu * là người đang làm việc trên máy này."""
    from models.services import roles

    office = _office(db_target)
    listed = roles.people(office, active_only=False)
    me = roles.current_person(office)
    click.echo(W.LIST_HEAD.format(name=office.name, login=roles.current_login() or W.UNKNOWN))
    if not listed:
        click.echo(W.NO_LIST)
    for p in listed:
        mark = "*" if me is not None and p.id == me.id else " "
        state = "" if p.active else W.STOPPED
        pin = W.HAS_PIN if p.pin_hash else ""
        click.echo(f"{mark} {p.id:>4}  {p.full_name:<28} {roles.role_label(p.role):<13} {p.login or '—'}{pin}{state}")
    for action, label in roles.ACTIONS.items():
        allowed = ", ".join(roles.role_label(r) for r in roles.allowed_roles(office, action))
        click.echo(W.ALLOWED.format(action=action, label=label, allowed=allowed))


@user.command("add", options_metavar=W.OPTIONS_METAVAR, epilog=ROLE_HELP)
@click.argument("full_name", metavar=W.NAME_METAVAR)
@click.option("--vai-tro", "role", required=True, metavar=W.ROLE_METAVAR, help=ROLE_HELP)
@click.option("--dang-nhap", "login", default="", metavar=W.LOGIN_METAVAR,
              help=W.LOGIN_HELP)
@PIN_FILE
@pass_db
def user_add(db_target, full_name, role, login, pin_file):
    """Thêm một người dùng vào danh sách của cơ quan."""
    from models.services import roles

    office = _office(db_target)
    p = _as_manager(office, pin_file, lambda: roles.add_person(office, full_name, role, login=login))
    click.echo(W.ADDED.format(id=p.id, full_name=p.full_name, role_label=roles.role_label(p.role)))


@user.command("role", options_metavar=W.OPTIONS_METAVAR, epilog=ROLE_HELP)
@click.argument("who", metavar=W.WHO_METAVAR)
@click.argument("role", metavar=W.ROLE_METAVAR)
@PIN_FILE
@pass_db
def user_role(db_target, who, role, pin_file):
    """Đổi vai trò của một người dùng."""
    from models.services import roles

    office = _office(db_target)
    p = _as_manager(office, pin_file, lambda: roles.update_person(roles.find_person(office, who), {"role": role}))
    click.echo(W.ROLE_SET.format(full_name=p.full_name, role_label=roles.role_label(p.role)))


@user.command("use", options_metavar=W.OPTIONS_METAVAR)
@click.argument("who", metavar=W.WHO_METAVAR)
@pass_db
def user_use(db_target, who):
    """Chọn tên mình trong danh sách (máy dùng SQLite, nhiều người chung một tài khoản máy)."""
    from models.services import roles

    office = _office(db_target)
    p = run_service(lambda: roles.find_person(office, who))
    run_service(lambda: roles.choose_person(office, p))
    click.echo(W.USING.format(full_name=p.full_name, role_label=roles.role_label(p.role)))


@user.command("allow", options_metavar=W.OPTIONS_METAVAR, epilog=ROLE_HELP)
@click.argument("action", type=click.Choice(["issue", "correct", "catalog", "people"]), metavar=W.ACTION_METAVAR)
@click.argument("roles_", nargs=-1, metavar=W.ROLES_METAVAR)
@PIN_FILE
@pass_db
def user_allow(db_target, action, roles_, pin_file):
    """Cho phép các vai trò làm một việc (VIỆC: issue — ban hành, correct — điều chỉnh văn bản đã ban
    hành, catalog — sửa danh mục, people — quản lý người dùng). Chủ tịch luôn được phép."""
    from models.services import roles

    office = _office(db_target)
    codes = _as_manager(office, pin_file, lambda: roles.allow(office, action, roles_))
    click.echo(W.ACTION_ALLOWED.format(action=roles.ACTIONS[action]) + ", ".join(roles.role_label(r) for r in codes) + ".")


@user.command("pin", options_metavar=W.OPTIONS_METAVAR)
@click.argument("who", required=False, metavar=W.OPTIONAL_WHO_METAVAR)
@click.option("--xoa", "remove", is_flag=True, help=W.REMOVE_PIN_HELP)
@click.option("--pin-file", "pin_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar=W.FILE_METAVAR,
              help=W.PIN_FILE_SCRIPT_HELP)
@pass_db
def user_pin(db_target, who, remove, pin_file):
    """Máy dùng SQLite: đặt mã PIN (không hiện khi gõ) cho mình hoặc cho một người dùng. Ban hành và điều
    chỉnh văn bản hỏi mã PIN này. Đổi mã PIN đã có cần mã PIN hiện tại, hoặc mã PIN của Chủ tịch, Quản trị."""
    from models.services import roles

    office = _office(db_target)
    person = run_service(lambda: roles.find_person(office, who) if who else roles.current_person(office))
    if person is None:
        fail(W.WHO_ARE_YOU)
    new, authority = _pins(office, person, pin_file, remove)
    p = run_service(lambda: roles.set_pin(office, person, None if remove else new, authority=authority))
    click.echo(W.PIN_DONE.format(done=W.REMOVED if remove else W.SET, full_name=p.full_name))


def _pins(office, person, pin_file, remove) -> tuple[str, str | None]:
    """(the new PIN, the PIN that allows the change) from the file or the keyboard."""
    from models.services import roles

    from .common import read_pin

    needs_authority = bool(person.pin_hash) or bool(roles.managers_with_pin(office))
    if pin_file is not None:
        read_pin(pin_file)                                   # the mode check
        lines = [line.strip() for line in pin_file.read_text(encoding="utf-8").splitlines()]
        return (lines[0] if lines else ""), (lines[1] if len(lines) > 1 else None)
    if not sys.stdin.isatty():
        fail(W.PIN_NEEDED)
    authority = None
    if needs_authority:
        whose = W.CURRENT_OF.format(full_name=person.full_name) if person.pin_hash else W.CHAIR_OR_ADMIN
        authority = click.prompt(W.PIN_OF.format(whose=whose), hide_input=True, default="",
                                 show_default=False) or None
    if remove:
        return "", authority
    new = click.prompt(W.PIN_NEW, hide_input=True, default="", show_default=False)
    if click.prompt(W.PIN_AGAIN, hide_input=True, default="", show_default=False) != new:
        fail(W.PIN_MISMATCH)
    return new, authority
