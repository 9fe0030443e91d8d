"""Quản trị máy chủ PostgreSQL dùng chung: ``doithoai admin pg-setup|pg-user|pg-list``."""
from __future__ import annotations

import os
import sys

import click

from .common import fail, open_db, pass_db, run_service

ROLE_HELP = ("Vai trò: van_thu (Văn thư), thu_ky (Thư ký), pho_chu_tich (Phó Chủ tịch), chu_tich (Chủ tịch), "
             "quan_tri (Quản trị).")
PASSWORD_ENV = "DOITHOAI_PG_NEW_PASSWORD"


def _open(db_target):
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target))


@click.group("admin", options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [ĐỐI_SỐ]...")
def admin():
    """Quản trị cơ sở dữ liệu PostgreSQL dùng chung cho nhiều cơ quan: tài khoản của nhân viên và chính
    sách bảo mật theo dòng (mỗi tài khoản chỉ thấy dữ liệu của cơ quan mình). Chạy bằng tài khoản quản
    trị (chủ sở hữu các bảng), ví dụ: doithoai --db postgresql://doithoai@may-chu/doithoai admin pg-setup"""


@admin.command("pg-setup", options_metavar="[TÙY_CHỌN]")
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
    click.echo(f"Đã bật bảo mật theo dòng trên {len(tables)} bảng; nhóm nhân viên: {pg_security.staff_group()}.")


@admin.command("pg-user", options_metavar="[TÙY_CHỌN]", epilog=ROLE_HELP)
@click.argument("login", metavar="TÊN_ĐĂNG_NHẬP")
@click.option("--co-quan", "office_ref", required=True, metavar="SỐ_HOẶC_TÊN", help="Cơ quan của người này.")
@click.option("--vai-tro", "role", required=True, metavar="VAI_TRÒ", help=ROLE_HELP)
@click.option("--ho-ten", "full_name", default="", metavar="HỌ_TÊN", help="Họ và tên (ghi vào danh sách người dùng).")
@click.option("--khong-mat-khau", "no_password", is_flag=True,
              help="Không đặt mật khẩu (đăng nhập bằng chứng chỉ hoặc cách xác thực khác của máy chủ).")
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
                fail(f"Thiếu mật khẩu: hãy đặt biến môi trường {PASSWORD_ENV}, chạy lệnh ở bàn phím để được "
                     "hỏi, hoặc ghi --khong-mat-khau.")
            password = click.prompt("Mật khẩu cho tài khoản mới", hide_input=True, confirmation_prompt=True)
    person = run_service(lambda: pg_security.add_staff(office, login, role, full_name, password=password))
    click.echo(f"Tài khoản “{login}”: {person.full_name}, {roles.role_label(person.role)} của {office.name}. "
               "Người này kết nối bằng --db postgresql://" + login + "@MÁY_CHỦ/TÊN_CSDL.")


@admin.command("pg-list", options_metavar="[TÙY_CHỌN]")
@pass_db
def pg_list(db_target):
    """Liệt kê tài khoản PostgreSQL của nhân viên, cơ quan và vai trò của họ."""
    from models.services import catalog, pg_security, roles

    _open(db_target)
    rows = run_service(pg_security.members)
    names = {o.id: o.name for o in catalog.offices()}
    if not rows:
        click.echo("Chưa có tài khoản nhân viên nào. Tạo bằng: doithoai admin pg-user")
    for login, office_id, role in rows:
        click.echo(f"{login:<24} {roles.role_label(role):<13} {names.get(office_id, office_id)}")
