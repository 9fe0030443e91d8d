"""Chữ ký số on the command line: ``doithoai sign``, ``verify``, ``copy`` and
``signature-image``. pyHanko and python-pkcs11 are imported inside the
commands (``doithoai --help`` stays fast).

The PIN is asked without echo, or read from ``--pin-file`` (a file only its
owner can read: mode 0600); it is never an argument, never logged or kept."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from models.core.errors import UserError

from .common import read_pin
from .printing import RecordId
from ..words import SigningCommandWords as W

ROLE_CHOICES = ("nguoi-ky", "co-quan")
COPY_CHOICES = ("sao-y", "sao-luc", "trich-sao")


def _open(db: str | None):
    from .printing import _open as open_office

    return open_office(db)


def _fail(err: UserError) -> None:
    click.echo(W.ERROR.format(err=err), err=True)
    sys.exit(getattr(err, "exit_code", 2) or 2)


token_options = [
    click.option("--pkcs11", "module", metavar="MODULE", default="tu-dong", show_default=False,
                 help=W.PKCS11_HELP),
    click.option("--token", "token", metavar=W.LABEL_METAVAR, help=W.TOKEN_HELP),
    click.option("--khoa", "key", metavar=W.LABEL_METAVAR, help=W.KEY_HELP),
    click.option("--pin-file", "pin_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 metavar=W.FILE_METAVAR, help=W.PIN_FILE_HELP),
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
        if not sys.stdin.isatty() or not click.confirm(W.SIGN_ANYWAY.format(err=err), default=False):
            raise signing.SigningError(W.NOT_SIGNED.format(err=err)) from err
        return signing.sign(doc, role, choice, pin, appearance=appearance, accept_other_name=True)
    finally:
        given.clear()


def _sign_symbol(db, symbol, role, module, token, key, pin_file, copy_form="", pages=None):
    from models.services import signing

    doc = signing.find_document(_open(db), symbol)
    return doc, _sign(doc, role, module, token, key, pin_file, copy_form, pages)


@click.command("sign", help=W.SIGN_HELP)
@click.argument("symbol", metavar=W.SYMBOL_METAVAR)
@click.option("--vai", "role", type=click.Choice(ROLE_CHOICES), required=True,
              help=W.ROLE_HELP)
@with_token_options
@click.option("--db", metavar=W.PATH_METAVAR, help=W.DATABASE_HELP)
def sign_cmd(symbol, role, module, token, key, pin_file, db):
    try:
        from models.services import signing

        doc, out = _sign_symbol(db, symbol, signing.ROLE_OPTIONS[role], module, token, key, pin_file)
        s = out.signature
        click.echo(W.SIGNED.format(symbol=doc.symbol, role=signing.ROLE_NAMES[s.role], signer_name=s.signer_name,
                                   signed_at=s.signed_at))
        click.echo(W.SIGNED_FILE.format(path=out.path))
        click.echo(f"SHA-256: {s.sha256}")
    except UserError as err:
        _fail(err)


@click.command("copy", help=W.COPY_HELP)
@click.argument("symbol", metavar=W.SYMBOL_METAVAR)
@click.option("--hinh-thuc", "form", type=click.Choice(COPY_CHOICES), required=True, help=W.COPY_FORM_HELP)
@click.option("--trang", "pages", metavar="TRANG", help=W.PAGES_HELP)
@with_token_options
@click.option("--db", metavar=W.PATH_METAVAR, help=W.DATABASE_HELP)
def copy_cmd(symbol, form, pages, module, token, key, pin_file, db):
    try:
        from models.services import signing

        chosen = signing.parse_pages(pages) if pages else None
        doc, out = _sign_symbol(db, symbol, signing.COPY, module, token, key, pin_file, form, chosen)
        click.echo(W.COPIED.format(form=signing.COPY_FORMS[form], symbol=doc.symbol,
                                   signer_name=out.signature.signer_name, signed_at=out.signature.signed_at,
                                   path=out.path))
    except UserError as err:
        _fail(err)


def verify_lines(result) -> list[str]:
    yes = {True: W.YES, False: W.NO}
    lines = [W.FILE_LINE.format(path=result.path)]
    for i, c in enumerate(result.checks, start=1):
        lines.append(f"{i}. {c.who}" + (f" — {c.organisation}" if c.organisation and c.organisation != c.who else "")
                     + W.WHEN.format(when=c.when or '?'))
        lines.append(W.CHECK_LINE.format(intact=yes[c.intact], valid=yes[c.valid], trusted=yes[c.trusted],
                                         unchanged=yes[c.unchanged_after])
                     + (W.WHOLE_FILE.format(whole=yes[c.whole_file]) if i == len(result.checks) else "")
                     + (f" ({c.problem})" if c.problem else ""))
    if result.problem:
        lines.append(result.problem)
    elif result.good:
        lines.append(W.ALL_GOOD.format(checks=len(result.checks)))
    else:
        lines.append(W.NOT_GOOD)
    return lines


@click.command("verify", help=W.VERIFY_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar=W.PDF_METAVAR)
@click.option("--tin-cay", "roots", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar=W.ROOT_METAVAR, help=W.TRUST_HELP)
@click.option("--cai-dat", "install", is_flag=True,
              help=W.INSTALL_HELP)
def verify_cmd(file: Path, roots, install: bool):
    try:
        from models.services import signing

        from models.storage.files import read_given_file

        raw_roots = [read_given_file(p, W.ROOT_CERT, 1 << 20) for p in roots]
        if install and raw_roots:
            added = signing.install_trust_roots(raw_roots)
            click.echo(W.ROOTS_INSTALLED.format(added=added))
        result = signing.verify_pdf(file, raw_roots)
        for ln in verify_lines(result):
            click.echo(ln)
        if not result.good:
            sys.exit(1)
    except UserError as err:
        _fail(err)


@click.command("signature-image", help=W.IMAGE_HELP)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar=W.PNG_METAVAR)
@click.option("--nguoi", "person_id", type=RecordId(), metavar=W.NUMBER_METAVAR, help=W.PERSON_HELP)
@click.option("--con-dau", "seal", is_flag=True, help=W.SEAL_HELP)
@click.option("--db", metavar=W.PATH_METAVAR, help=W.DATABASE_HELP)
def image_cmd(file: Path, person_id: int | None, seal: bool, db):
    try:
        from models.domain.office import Person
        from models.core.errors import ValidationError
        from models.services import signing

        office = _open(db)
        if seal == (person_id is not None):
            raise ValidationError(W.PICK_ONE)
        person = None
        if person_id is not None:
            person = Person.get_or_none((Person.id == person_id) & (Person.office == office))
            if person is None:
                raise ValidationError(W.NO_SUCH_PERSON.format(person_id=person_id))
        signing.keep_image_file(office, "con_dau" if seal else "chu_ky", str(file), person)
        click.echo(W.SEAL_SAVED if seal else W.SIGNATURE_SAVED.format(full_name=person.full_name))
    except UserError as err:
        _fail(err)
