"""Quản trị máy chủ PostgreSQL dùng chung: ``doithoai admin pg-setup|pg-user|pg-list``."""
from __future__ import annotations

import os
import sys

import click

from .common import fail, open_db, pass_db, run_service
from ..words import CommandWords as W

ROLE_HELP = (W.ROLE_HELP)
PASSWORD_ENV = "DOITHOAI_PG_NEW_PASSWORD"


def _open(db_target):
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))


@click.group("admin", options_metavar=W.OPTIONS_METAVAR, subcommand_metavar=W.COMMAND_METAVAR)
def admin():
    """Quản trị cơ sở dữ liệu PostgreSQL dùng chung cho nhiều cơ quan: tài khoản của nhân viên và chính
    sách bảo mật theo dòng (mỗi tài khoản chỉ thấy dữ liệu của cơ quan mình). Chạy bằng tài khoản quản
    trị (chủ sở hữu các bảng), ví dụ: doithoai --db postgresql://doithoai@may-chu/doithoai admin pg-setup"""


@admin.command("pg-setup", options_metavar=W.OPTIONS_METAVAR)
@pass_db
def pg_setup(db_target):
    """Bật bảo mật theo dòng trên mọi bảng có dữ liệu của cơ quan và cấp quyền cho nhóm nhân viên.
    Chạy lại sau mỗi lần nâng cấp phần mềm (an toàn khi chạy nhiều lần)."""
    from models.services import pg_security

    _open(db_target)
    tables = run_service(pg_security.setup)
    from models.services import catalog, roles

    for office in catalog.offices():
        roles.enlist_owner(office)
    click.echo(W.RLS_ON.format(tables=len(tables), staff_group=pg_security.staff_group()))


@admin.command("pg-user", options_metavar=W.OPTIONS_METAVAR, epilog=ROLE_HELP)
@click.argument("login", metavar=W.LOGIN_METAVAR)
@click.option("--co-quan", "office_ref", required=True, metavar=W.WHO_METAVAR, help=W.OFFICE_OF_PERSON_HELP)
@click.option("--vai-tro", "role", required=True, metavar=W.ROLE_METAVAR, help=ROLE_HELP)
@click.option("--ho-ten", "full_name", default="", metavar=W.NAME_METAVAR, help=W.FULL_NAME_HELP)
@click.option("--khong-mat-khau", "no_password", is_flag=True,
              help=W.NO_PASSWORD_HELP)
@pass_db
def pg_user(db_target, login, office_ref, role, full_name, no_password):
    """Tạo (hoặc cập nhật) tài khoản PostgreSQL của một người thuộc một cơ quan, với vai trò của họ.
    Mật khẩu được hỏi (không hiện khi gõ) hoặc lấy từ biến môi trường DOITHOAI_PG_NEW_PASSWORD; không bao
    giờ ghi trên dòng lệnh."""
    from models.services import catalog, pg_security, roles

    _open(db_target)
    office = run_service(lambda: catalog.find_office(office_ref))
    password = None
    if not no_password:
        password = os.environ.get(PASSWORD_ENV) or None
        if password is None:
            if not sys.stdin.isatty():
                fail(W.PASSWORD_MISSING.format(variable=PASSWORD_ENV))
            password = click.prompt(W.PASSWORD_ASK, hide_input=True, confirmation_prompt=True)
    person = run_service(lambda: pg_security.add_staff(office, login, role, full_name, password=password))
    click.echo(W.PG_USER_MADE.format(login=login, full_name=person.full_name,
                                     role_label=roles.role_label(person.role), name=office.name) + login + W.PG_URL_TAIL)


@admin.command("pg-list", options_metavar=W.OPTIONS_METAVAR)
@pass_db
def pg_list(db_target):
    """Liệt kê tài khoản PostgreSQL của nhân viên, cơ quan và vai trò của họ."""
    from models.services import catalog, pg_security, roles

    _open(db_target)
    rows = run_service(pg_security.members)
    names = {o.id: o.name for o in catalog.offices()}
    if not rows:
        click.echo(W.NO_STAFF)
    for login, office_id, role in rows:
        click.echo(f"{login:<24} {roles.role_label(role):<13} {names.get(office_id, office_id)}")
