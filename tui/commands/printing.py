"""Command-line printing: ``doithoai print KIND ID`` and ``doithoai import-plan FILE``.

Printing modules are imported inside the commands, so ``doithoai --help``
stays fast."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from models.core.errors import UserError
from models.core.words import ISSUED_ON

from ..words import PaperKeyWords

from .common import overwrite_option, write_or_ask



class KindChoice(click.Choice):
    """A document kind of the registry (``models.services.kinds``), read when the
    command runs, not when the program starts."""

    def __init__(self, numbered_only: bool = False) -> None:     # no fixed list: the registry's
        self.numbered_only = numbered_only
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        from models.services.kinds import kinds

        return tuple(k.slug for k in kinds().values() if k.numbered or not self.numbered_only)


class KindHelp(click.Command):
    """A command whose help names the registry's kinds ({kinds}, {numbered}) and
    what each one's ID is ({ids}), filled in when the help is shown."""

    def format_help_text(self, ctx, formatter) -> None:
        from models.services.kinds import id_help

        saved = self.help
        self.help = saved.format(kinds=", ".join(KindChoice().choices), ids=id_help(),
                                 numbered=", ".join(KindChoice(numbered_only=True).choices))
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = saved


def _open(db: str | None):
    """The database (this command's --db, else the top-level --db / DOITHOAI_DB /
    config / default) and the office of this installation."""
    from models.services import catalog
    from models.opening import open_office_database

    ctx = click.get_current_context(silent=True)
    top = (ctx.find_root().obj or {}).get("db") if ctx else None
    open_office_database(db or top)
    return catalog.the_office()


def _fail(err: UserError) -> None:
    from ..words import explain_cli    # the command that helps, when the message names a remedy

    click.echo(f"Lỗi: {explain_cli(err)}", err=True)
    sys.exit(getattr(err, "exit_code", 2) or 2)


class RecordId(click.ParamType):
    """A record number: a positive whole number that fits the database."""

    name = "ID"

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if not text.isdigit() or not 0 < int(text) < 2 ** 63:
            self.fail(f"“{value}” không phải số (ID) của một bản ghi. Hãy ghi một số nguyên dương, "
                      "ví dụ 12.", param, ctx)
        return int(text)


class IssueDate(click.ParamType):
    name = "NGÀY"

    def convert(self, value, param, ctx):
        from models.services.validate import parse_date

        try:
            return parse_date(value, ISSUED_ON, field="date")
        except UserError as err:
            self.fail(str(err), param, ctx)


@click.command("print", cls=KindHelp,
               help="In một văn bản ra tệp PDF (hoặc Word với --docx) và gửi tới máy in nếu có --printer. Văn bản "
                    "chưa ban hành in bản dự thảo (không số); văn bản đã ban hành in lại đúng bản đã ban hành."
                    "\n\nKIND là loại văn bản: {kinds}. {ids}")
@click.argument("kind", type=KindChoice(), metavar="KIND")
@click.argument("ident", type=RecordId(), metavar="ID")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp để ghi (mặc định: thư mục văn bản của người dùng).")
@click.option("--docx", "as_docx", is_flag=True, help="Ghi tệp Word (.docx) cùng thể thức thay cho PDF.")
@click.option("--printer", metavar="TÊN", help="Gửi tới máy in này (tên hàng đợi CUPS; trên Windows: máy in mặc định).")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
@overwrite_option
def print_cmd(kind: str, ident: int, output: Path | None, as_docx: bool, printer: str | None,
              db: str | None, overwrite: bool) -> None:
    try:
        from models.services import documents as svc

        from .. import documents as pipeline

        office = _open(db)
        svc.target(office, kind, ident)
        issued = svc.latest_issued(office, kind, ident) if svc.kind(kind).numbered else None
        if issued is not None and not svc.draft(office, kind, ident).edited:
            if as_docx:
                path = pipeline.word(office, doc=issued)
            else:
                path = pipeline.reprint(issued).path
            from models.services.register_view import version_note

            version = version_note(issued)
            state = f"bản đã ban hành số {issued.symbol}" + (f", {version}" if version else "")
        else:
            path = pipeline.word(office, kind, ident) if as_docx else pipeline.preview(office, kind, ident)
            state = "bản dự thảo" if svc.kind(kind).numbered else "giấy tờ"
        if output is not None:
            data, what = path.read_bytes(), "docx" if as_docx else "pdf"
            path = write_or_ask(lambda replace: pipeline.write_to(output, data, what, replace=replace), overwrite)
        click.echo(f"Đã tạo {svc.kind(kind).name.lower()} ({state}): {path}")
        if printer is not None:
            from printing import printer as printing_printer    # only when a printer is named

            try:
                click.echo(printing_printer.send(path, printer or None))
            except printing_printer.PrinterMissing as err:
                click.echo(f"Chưa in được: {err}", err=True)
                sys.exit(4)
    except UserError as err:
        _fail(err)


@click.command("issue", cls=KindHelp,
               help="Ban hành một văn bản: lấy số từ sổ văn bản đi, ghi ngày, lưu tệp PDF và mã SHA-256, khóa nội "
                    "dung.\n\nKIND là loại văn bản có số: {numbered}. {ids}")
@click.argument("kind", type=KindChoice(numbered_only=True), metavar="KIND")
@click.argument("ident", type=RecordId(), metavar="ID")
@click.option("--ngay", "on", type=IssueDate(), metavar="DD/MM/YYYY",
              help="Ngày ban hành (mặc định: hôm nay). Không được ở tương lai hay trước văn bản số trước.")
@click.option("--pin-file", "pin_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="TỆP", help="Máy dùng SQLite: đọc mã PIN của người ban hành từ tệp (quyền 600), cho tập lệnh; "
                                  "không có thì mã PIN được hỏi (không hiện chữ).")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def issue_cmd(kind: str, ident: int, on, pin_file: Path | None, db: str | None) -> None:
    try:
        from models.services import roles

        from .. import documents as pipeline
        from .common import read_pin

        office = _open(db)
        person = roles.pin_wanted(office, "issue")
        pin = read_pin(pin_file, f"của {person.full_name}") if person is not None else None
        with roles.pin_given(office, pin):
            doc = pipeline.issue(office, kind, ident, on=on)
        click.echo(f"Đã ban hành số {doc.symbol} ngày {doc.issued_on:%d/%m/%Y}: {doc.file_path}")
    except UserError as err:
        _fail(err)


@click.command("register", help=PaperKeyWords.REGISTER_HELP)
@click.option("--nam", "year", type=click.IntRange(1900, 2999), metavar="YYYY", help="Chỉ năm này.")
@click.option("--pdf", "as_pdf", is_flag=True, help=PaperKeyWords.REGISTER_PDF_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=PaperKeyWords.REGISTER_OUTPUT_HELP)
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
@overwrite_option
def register_cmd(year: int | None, as_pdf: bool, output: Path | None, db: str | None, overwrite: bool) -> None:
    try:
        from models.domain.register import OutgoingDocument
        from models.services import register_view

        office = _open(db)
        if as_pdf or output is not None:
            _register_pdf(office, year, output, overwrite)
            return
        q = OutgoingDocument.select().where(OutgoingDocument.office == office)
        if year:
            q = q.where(OutgoingDocument.year == year)
        rows = list(q.order_by(OutgoingDocument.year, OutgoingDocument.issued_on, OutgoingDocument.number))
        if not rows:
            click.echo("Sổ văn bản đi chưa có văn bản nào" + (f" năm {year}." if year else "."))
            return
        bad = 0
        for d in rows:
            check = register_view.check_file(d)
            mark = register_view.FILE_MARKS[check.state]
            bad += check.state not in (register_view.FILE_OK, register_view.FILE_NONE)
            version = f" (bản {d.version})" if d.version > 1 else ""
            click.echo(f"{d.symbol:<16} {d.issued_on:%d/%m/%Y}  {register_view.kind_label(d.kind):<10} {mark} "
                       f"{d.title}{version}  {d.file_path or '—'}")
            bad += _signature_lines(d)
        click.echo(f"Tổng cộng {len(rows)} văn bản; {bad} tệp không khớp mã SHA-256 hoặc bị mất.")
        if bad:
            sys.exit(3)
    except UserError as err:
        _fail(err)


def _register_pdf(office, year: int | None, output: Path | None, overwrite: bool) -> None:
    from models.core import clock

    from .. import documents as pipeline

    year = year or clock.today().year
    path, count = pipeline.register_pdf(office, year)
    if output is not None:
        data = path.read_bytes()
        path = write_or_ask(lambda replace: pipeline.write_to(output, data, "pdf", replace=replace), overwrite)
    click.echo(PaperKeyWords.REGISTER_PRINTED.format(year=year, count=count, path=path))


def _signature_lines(doc) -> int:
    """The document's digital signatures and the check of each signed file;
    returns how many files do not match."""
    from models.services import signing

    if not signing.signatures_of(doc):
        return 0
    click.echo(f"{'':<18}{signing.summary(doc)}")
    states = signing.check_files(doc)
    for st in states:
        click.echo(f"{'':<18}{'✓' if st.ok else '≠'} {st.path} ({st.note})")
    return sum(not st.ok for st in states)


@click.command("import-plan", help="Nhập một kế hoạch có sẵn (.txt hoặc .docx) thành bản dự thảo. Với "
                                   "--vao-ke-hoach ID: tệp Word đã sửa của kế hoạch ID trở thành bản dự thảo tiếp "
                                   "theo của nó (phiên bản mới nếu kế hoạch đã ban hành).")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="TỆP")
@click.option("--vao-ke-hoach", "into", type=RecordId(), metavar="ID", help="Kế hoạch nhận nội dung của tệp.")
@click.option("--ly-do", "reason", default="", metavar="LÝ_DO", help="Lý do điều chỉnh (khi tạo phiên bản mới).")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def import_plan(file: Path, into: int | None, reason: str, db: str | None) -> None:
    try:
        from models.services import documents, plan_import, plans

        office = _open(db)
        if into is not None:
            target = documents.target(office, documents.record_kind("plan").slug, into)
            p = plans.import_next_draft(target, file, reason)
            click.echo(f"Đã nhập tệp vào kế hoạch số {p.id}, phiên bản {p.version} (dự thảo): {p.title}")
            return
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
