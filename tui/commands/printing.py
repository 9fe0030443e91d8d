"""Command-line printing: ``doithoai print KIND ID`` and ``doithoai import-plan FILE``.

Printing modules are imported inside the commands, so ``doithoai --help``
stays fast."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from models.errors import UserError

KIND_NAMES = ("ke-hoach", "thong-bao", "loa", "giay-moi", "diem-danh", "phieu-y-kien", "phieu-khao-sat",
              "bien-ban", "ket-luan", "tra-loi", "don-doc", "bao-cao")


def _open(db: str | None):
    """The database (this command's --db, else the top-level --db / DOITHOAI_DB /
    config / default) and the office of this installation."""
    from models.services import catalog
    from models.workspace import open_office_database

    ctx = click.get_current_context(silent=True)
    top = (ctx.find_root().obj or {}).get("db") if ctx else None
    open_office_database(db or top)
    return catalog.the_office()


def _target(kind, ident: int, office):
    from models import Conference, Petition, Plan, Unit
    from models.errors import NotFound

    model, label = {"plan": (Plan, "kế hoạch"), "conference": (Conference, "hội nghị"),
                    "petition": (Petition, "kiến nghị"), "unit": (Unit, "đơn vị")}[kind.target]
    obj = model.get_or_none((model.id == ident) & (model.office == office))
    if obj is None:
        raise NotFound(f"Không có {label} số {ident}. Hãy xem số (ID) trong danh sách trên màn hình "
                       f"tương ứng rồi chạy lại lệnh.")
    return obj


def _fail(err: UserError) -> None:
    click.echo(f"Lỗi: {err}", err=True)
    sys.exit(getattr(err, "exit_code", 2) or 2)


@click.command("print", help="In một văn bản ra tệp PDF (và gửi tới máy in nếu có --printer).\n\n"
                             "KIND là loại văn bản: " + ", ".join(KIND_NAMES) + ". ID là số của kế hoạch, "
                             "hội nghị, kiến nghị (tra-loi) hoặc đơn vị (don-doc).")
@click.argument("kind", type=click.Choice(KIND_NAMES), metavar="KIND")
@click.argument("ident", type=int, metavar="ID")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp PDF để ghi (mặc định: thư mục văn bản của người dùng).")
@click.option("--printer", metavar="TÊN", help="Gửi tới máy in này (tên hàng đợi CUPS; trên Windows: máy in mặc định).")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def print_cmd(kind: str, ident: int, output: Path | None, printer: str | None, db: str | None) -> None:
    try:
        from models.paths import locations
        from printing import printer as printing_printer
        from printing.kinds import KINDS

        office = _open(db)
        k = KINDS[kind]
        obj = _target(k, ident, office)
        pdf = k.render(obj)     # an issued plan carries its number; other kinds print as drafts
        path = output or (locations().documents / "in" / f"{kind}-{ident}.pdf")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
        click.echo(f"Đã tạo {k.label.lower()}: {path}")
        if printer is not None:
            try:
                click.echo(printing_printer.send(path, printer or None))
            except printing_printer.PrinterMissing as err:
                click.echo(f"Chưa in được: {err}", err=True)
                sys.exit(4)
    except UserError as err:
        _fail(err)


@click.command("import-plan", help="Nhập một kế hoạch có sẵn (.txt hoặc .docx) thành bản dự thảo.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="TỆP")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def import_plan(file: Path, db: str | None) -> None:
    try:
        from models.services import plan_import

        office = _open(db)
        res = plan_import.import_plan(office, file)
        p = res.plan
        click.echo(f"Đã nhập kế hoạch số {p.id} (dự thảo): {p.title}")
        click.echo(f"  Cơ quan ban hành: {res.issuer or '(không thấy)'}")
        click.echo(f"  Căn cứ: {len(res.legal_bases)} dòng; nơi nhận: {len(res.recipients)} dòng")
        signer = " / ".join(x for x in (p.signer_authority, p.signer_position, p.signer_name) if x)
        click.echo(f"  Người ký: {signer or '(không thấy)'}")
        for note in res.notes:
            click.echo(f"  Lưu ý: {note}")
    except UserError as err:
        _fail(err)
