"""Người dùng và quyền: ``doithoai user list|add|role|use|allow``."""
from __future__ import annotations

import click

from .common import open_db, pass_db, run_service

ROLE_HELP = "Vai trò: van_thu (Văn thư), thu_ky (Thư ký), pho_chu_tich (Phó Chủ tịch), chu_tich (Chủ tịch), quan_tri (Quản trị)."


def _office(db_target):
    from models.services import catalog
    from models.workspace import open_office_database

    open_db(lambda: open_office_database(db_target))
    return run_service(catalog.the_office)


@click.group("user", options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [ĐỐI_SỐ]...")
def user():
    """Người dùng của cơ quan và vai trò của họ (ai được ban hành, điều chỉnh văn bản, sửa danh mục)."""


@user.command("list", options_metavar="[TÙY_CHỌN]")
@pass_db
def user_list(db_target):
    """Liệt kê người dùng; dấu * là người đang làm việc trên máy này."""
    from models.services import roles

    office = _office(db_target)
    listed = roles.people(office, active_only=False)
    me = roles.current_person(office)
    click.echo(f"{office.name} — tài khoản đang dùng: {roles.current_login() or 'không rõ'}")
    if not listed:
        click.echo("Chưa có danh sách người dùng: mọi người đều làm được mọi việc. Thêm bằng: doithoai user add")
    for p in listed:
        mark = "*" if me is not None and p.id == me.id else " "
        state = "" if p.active else " (ngừng)"
        click.echo(f"{mark} {p.id:>4}  {p.full_name:<28} {roles.role_label(p.role):<13} {p.login or '—'}{state}")
    for action, label in roles.ACTIONS.items():
        allowed = ", ".join(roles.role_label(r) for r in roles.allowed_roles(office, action))
        click.echo(f"  Quyền {action} ({label}): {allowed}")


@user.command("add", options_metavar="[TÙY_CHỌN]", epilog=ROLE_HELP)
@click.argument("full_name", metavar="HỌ_TÊN")
@click.option("--vai-tro", "role", required=True, metavar="VAI_TRÒ", help=ROLE_HELP)
@click.option("--dang-nhap", "login", default="", metavar="TÊN",
              help="Tài khoản: tên đăng nhập PostgreSQL, hoặc tài khoản Windows/Linux trên máy dùng SQLite.")
@pass_db
def user_add(db_target, full_name, role, login):
    """Thêm một người dùng vào danh sách của cơ quan."""
    from models.services import roles

    office = _office(db_target)
    p = run_service(lambda: roles.add_person(office, full_name, role, login=login))
    click.echo(f"Đã thêm người dùng số {p.id}: {p.full_name} — {roles.role_label(p.role)}.")


@user.command("role", options_metavar="[TÙY_CHỌN]", epilog=ROLE_HELP)
@click.argument("who", metavar="SỐ_HOẶC_TÊN")
@click.argument("role", metavar="VAI_TRÒ")
@pass_db
def user_role(db_target, who, role):
    """Đổi vai trò của một người dùng."""
    from models.services import roles

    office = _office(db_target)
    p = run_service(lambda: roles.update_person(roles.find_person(office, who), {"role": role}))
    click.echo(f"{p.full_name} giờ là {roles.role_label(p.role)}.")


@user.command("use", options_metavar="[TÙY_CHỌN]")
@click.argument("who", metavar="SỐ_HOẶC_TÊN")
@pass_db
def user_use(db_target, who):
    """Chọn tên mình trong danh sách (máy dùng SQLite, nhiều người chung một tài khoản máy)."""
    from models.services import roles

    office = _office(db_target)
    p = run_service(lambda: roles.find_person(office, who))
    run_service(lambda: roles.choose_person(office, p))
    click.echo(f"Máy này từ nay ghi nhật ký với tên {p.full_name} ({roles.role_label(p.role)}).")


@user.command("allow", options_metavar="[TÙY_CHỌN]", epilog=ROLE_HELP)
@click.argument("action", type=click.Choice(["issue", "correct", "catalog", "people"]), metavar="VIỆC")
@click.argument("roles_", nargs=-1, metavar="VAI_TRÒ...")
@pass_db
def user_allow(db_target, action, roles_):
    """Cho phép các vai trò làm một việc (VIỆC: issue — ban hành, correct — điều chỉnh văn bản đã ban
    hành, catalog — sửa danh mục, people — quản lý người dùng). Chủ tịch luôn được phép."""
    from models.services import roles

    office = _office(db_target)
    codes = run_service(lambda: roles.allow(office, action, roles_))
    click.echo(f"Việc “{roles.ACTIONS[action]}”: " + ", ".join(roles.role_label(r) for r in codes) + ".")
