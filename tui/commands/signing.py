"""Chữ ký số on the command line: ``doithoai sign``, ``verify``, ``copy`` and
``signature-image``. pyHanko and python-pkcs11 are imported inside the
commands (``doithoai --help`` stays fast).

The PIN is asked without echo, or read from ``--pin-file`` (a file only its
owner can read: mode 0600); it is never an argument, never logged or kept."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from models.core.errors import UserError

from .printing import RecordId

ROLE_CHOICES = ("nguoi-ky", "co-quan")
COPY_CHOICES = ("sao-y", "sao-luc", "trich-sao")


def _open(db: str | None):
    from .printing import _open as open_office

    return open_office(db)


def _fail(err: UserError) -> None:
    click.echo(f"Lỗi: {err}", err=True)
    sys.exit(getattr(err, "exit_code", 2) or 2)


def read_pin(pin_file: Path | None, what: str = "của token") -> str:
    """From a 0600 file, else asked at the keyboard without echo."""
    if pin_file is not None:
        import stat

        if not stat.S_ISREG(pin_file.stat().st_mode):
            raise UserError(f"“{pin_file}” không phải một tệp thường. Hãy ghi mã PIN vào một tệp quyền 600.")
        if os.name == "posix" and (pin_file.stat().st_mode & 0o077):
            raise UserError(f"Tệp mã PIN “{pin_file}” người khác đọc được (quyền "
                            f"{pin_file.stat().st_mode & 0o777:o}). Chỉ dùng tệp quyền 600: "
                            f"chmod 600 {pin_file}")
        lines = pin_file.read_text(encoding="utf-8").splitlines()
        return lines[0].strip() if lines else ""
    if not sys.stdin.isatty():
        raise UserError(f"Cần mã PIN {what}: chạy lệnh ở cửa sổ dòng lệnh để nhập (không hiện chữ), hoặc ghi "
                        "mã vào một tệp quyền 600 và dùng --pin-file TỆP.")
    return click.prompt(f"Mã PIN {what}", hide_input=True, default="", show_default=False)


token_options = [
    click.option("--pkcs11", "module", metavar="MODULE", default="tu-dong", show_default=False,
                 help="Mô-đun PKCS#11 của token (tệp .dll trên Windows, .so trên Linux) hoặc “tu-dong” để tìm "
                      "mô-đun của nhà cung cấp đã cài trên máy (mặc định)."),
    click.option("--token", "token", metavar="NHÃN", help="Nhãn của token, khi máy cắm nhiều token."),
    click.option("--khoa", "key", metavar="NHÃN", help="Nhãn của khóa và chứng thư số trên token (mặc định: "
                                                        "chứng thư mang tên người ký hoặc cơ quan)."),
    click.option("--pin-file", "pin_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 metavar="TỆP", help="Đọc mã PIN từ tệp (chỉ chủ tệp được đọc: quyền 600), cho tập lệnh."),
]


def with_token_options(func):
    for option in reversed(token_options):
        func = option(func)
    return func


def _sign(doc, role: str, module, token, key, pin_file, copy_form: str = "", pages=None):
    from models.services import signing
    from printing.signature_marks import appearance

    choice = signing.TokenChoice(module, token, key)
    given: list[str] = []

    def pin() -> str:      # asked once the token is found, kept only for a second try after a question
        if not given:
            given.append(read_pin(pin_file))
        return given[0]

    try:
        return signing.sign(doc, role, choice, pin, appearance=appearance, copy_form=copy_form, pages=pages)
    except signing.NameMismatch as err:
        if not sys.stdin.isatty() or not click.confirm(f"{err} Vẫn ký?", default=False):
            raise signing.SigningError(f"{err} Chưa ký; không có gì được ghi.") from err
        return signing.sign(doc, role, choice, pin, appearance=appearance, accept_other_name=True)
    finally:
        given.clear()


def _sign_symbol(db, symbol, role, module, token, key, pin_file, copy_form="", pages=None):
    from models.services import signing

    doc = signing.find_document(_open(db), symbol)
    return doc, _sign(doc, role, module, token, key, pin_file, copy_form, pages)


@click.command("sign", help="Ký số một văn bản đã ban hành (PAdES, SHA-256): trước hết người ký (--vai nguoi-ky), "
                            "sau đó cơ quan (--vai co-quan, do văn thư ký). Tệp đã ký lưu bên cạnh tệp ban hành, "
                            "kèm mã SHA-256.\n\nSỐ_KÝ_HIỆU là số, ký hiệu như in trên văn bản, ví dụ 01/KH-UBND.")
@click.argument("symbol", metavar="SỐ_KÝ_HIỆU")
@click.option("--vai", "role", type=click.Choice(ROLE_CHOICES), required=True,
              help="nguoi-ky: người có thẩm quyền ký; co-quan: chữ ký số của cơ quan (hình con dấu).")
@with_token_options
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def sign_cmd(symbol, role, module, token, key, pin_file, db):
    try:
        from models.services import signing

        doc, out = _sign_symbol(db, symbol, signing.ROLE_OPTIONS[role], module, token, key, pin_file)
        s = out.signature
        click.echo(f"Đã ký số văn bản {doc.symbol} với vai trò {signing.ROLE_NAMES[s.role]}: {s.signer_name}, "
                   f"thời điểm {s.signed_at}.")
        click.echo(f"Tệp đã ký: {out.path}")
        click.echo(f"SHA-256: {s.sha256}")
    except UserError as err:
        _fail(err)


@click.command("copy", help="Tạo bản sao điện tử (sao y, sao lục, trích sao) của văn bản đã ban hành: thông tin "
                            "bản sao ở góc trên bên phải trang đầu và chữ ký số của cơ quan, không hình ảnh.")
@click.argument("symbol", metavar="SỐ_KÝ_HIỆU")
@click.option("--hinh-thuc", "form", type=click.Choice(COPY_CHOICES), required=True, help="Hình thức sao.")
@click.option("--trang", "pages", metavar="TRANG", help="Trích sao: các trang cần sao, ví dụ 1,3-4 (mặc định: cả "
                                                        "văn bản).")
@with_token_options
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def copy_cmd(symbol, form, pages, module, token, key, pin_file, db):
    try:
        from models.services import signing

        chosen = signing.parse_pages(pages) if pages else None
        doc, out = _sign_symbol(db, symbol, signing.COPY, module, token, key, pin_file, form, chosen)
        click.echo(f"Đã tạo bản sao điện tử ({signing.COPY_FORMS[form]}) của văn bản {doc.symbol}, ký bởi "
                   f"{out.signature.signer_name} lúc {out.signature.signed_at}: {out.path}")
    except UserError as err:
        _fail(err)


def verify_lines(result) -> list[str]:
    yes = {True: "có", False: "KHÔNG"}
    lines = [f"Tệp: {result.path}"]
    for i, c in enumerate(result.checks, start=1):
        lines.append(f"{i}. {c.who}" + (f" — {c.organisation}" if c.organisation and c.organisation != c.who else "")
                     + f", thời điểm {c.when or '?'}")
        lines.append(f"   nguyên vẹn: {yes[c.intact]}; hợp lệ: {yes[c.valid]}; tin cậy: {yes[c.trusted]}; "
                     f"tệp không bị sửa sau chữ ký: {yes[c.unchanged_after]}"
                     + (f"; phủ toàn bộ tệp: {yes[c.whole_file]}" if i == len(result.checks) else "")
                     + (f" ({c.problem})" if c.problem else ""))
    if result.problem:
        lines.append(result.problem)
    elif result.good:
        lines.append(f"Kết quả: cả {len(result.checks)} chữ ký số đều nguyên vẹn, hợp lệ và tin cậy.")
    else:
        lines.append("Kết quả: KHÔNG ĐẠT — có chữ ký không nguyên vẹn, không hợp lệ, không tin cậy, hoặc tệp đã bị "
                     "thêm, sửa sau chữ ký cuối.")
    return lines


@click.command("verify", help="Kiểm tra các chữ ký số của một tệp PDF bất kỳ (kể cả văn bản nhận từ cơ quan khác): "
                              "ai ký, tổ chức, thời điểm, nguyên vẹn, hợp lệ, tin cậy. Mã thoát 0 chỉ khi mọi chữ ký "
                              "đều đạt.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="TỆP.pdf")
@click.option("--tin-cay", "roots", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="GỐC.pem", help="Chứng thư gốc tin cậy thêm cho lần kiểm tra này (ngoài các gốc cơ quan đã cài).")
@click.option("--cai-dat", "install", is_flag=True,
              help="Ghi các gốc --tin-cay vào cấu hình của máy, dùng cho các lần kiểm tra sau.")
def verify_cmd(file: Path, roots, install: bool):
    try:
        from models.services import signing

        from models.storage.files import read_given_file

        raw_roots = [read_given_file(p, "chứng thư gốc", 1 << 20) for p in roots]
        if install and raw_roots:
            added = signing.install_trust_roots(raw_roots)
            click.echo(f"Đã cài {added} chứng thư gốc tin cậy vào cấu hình.")
        result = signing.verify_pdf(file, raw_roots)
        for ln in verify_lines(result):
            click.echo(ln)
        if not result.good:
            sys.exit(1)
    except UserError as err:
        _fail(err)


@click.command("signature-image", help="Lưu ảnh chữ ký tay (PNG nền trong suốt, màu xanh) của một người dùng, "
                                       "hoặc ảnh con dấu (PNG nền trong suốt, màu đỏ, đúng kích thước) của cơ quan, "
                                       "để hiện trên chữ ký số.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="TỆP.png")
@click.option("--nguoi", "person_id", type=RecordId(), metavar="SỐ", help="Số của người dùng (doithoai user list).")
@click.option("--con-dau", "seal", is_flag=True, help="Ảnh con dấu của cơ quan.")
@click.option("--db", metavar="ĐƯỜNG_DẪN", help="Cơ sở dữ liệu (mặc định: của người dùng).")
def image_cmd(file: Path, person_id: int | None, seal: bool, db):
    try:
        from models.domain.catalog import Person
        from models.core.errors import ValidationError
        from models.services import signing

        office = _open(db)
        if seal == (person_id is not None):
            raise ValidationError("Hãy chọn một: --nguoi SỐ (ảnh chữ ký của người đó) hoặc --con-dau.")
        person = None
        if person_id is not None:
            person = Person.get_or_none((Person.id == person_id) & (Person.office == office))
            if person is None:
                raise ValidationError(f"Không có người dùng số {person_id}. Xem số bằng “doithoai user list”.")
        signing.keep_image_file(office, "con_dau" if seal else "chu_ky", str(file), person)
        click.echo("Đã lưu ảnh con dấu của cơ quan." if seal else f"Đã lưu ảnh chữ ký của {person.full_name}.")
    except UserError as err:
        _fail(err)
