"""doithoai demo / init / doctor / locate."""
from __future__ import annotations

import os
import shutil
import sys

import click

from models.core.errors import UserError
from models.core.words import NUMBERING_CHOICES, NUMBERING_WORDS, OFFICE_KIND_CHOICES, OFFICE_KIND_WORDS

from .common import fail, open_db, pass_db, run_service
from ..words import CoreCommandWords as W


@click.command("demo")
@pass_db
def demo(db_target):
    """Mở ứng dụng trên cơ sở dữ liệu mẫu (một xã giả định), tạo nếu chưa có."""
    from tui.launch import open_app

    open_app(db_target, demo=True)


class WordChoice(click.ParamType):
    """A choice given by its Vietnamese words ("xã", "Đảng ủy xã"), a short word
    ("xa", "dang-uy-xa") or the code scripts already use ("ubnd_xa")."""

    name = W.CHOICE

    def __init__(self, labels: dict[str, str], words: dict[str, str]):
        self.labels = labels
        self.words = words

    def find(self, value: str) -> str | None:
        from models.core.text import fold

        typed = fold(value).replace("-", " ").replace("_", " ")
        for code, label in self.labels.items():
            if typed in (code.replace("_", " "), fold(label), fold(label.split(" (")[0])):
                return code
        return self.words.get(typed)

    def convert(self, value, param, ctx):
        code = self.find(str(value))
        if code is None:
            self.fail(W.NOT_A_CHOICE.format(value=value)
                      + "; ".join(self.labels.values()) + ".", param, ctx)
        return code


def ask_choice(question: str, labels: dict[str, str]) -> str:
    """A numbered list in Vietnamese; the person types the number (Enter: the first)."""
    codes = list(labels)
    click.echo(question)
    for i, code in enumerate(codes, start=1):
        click.echo(f"  {i}. {labels[code]}")
    number = click.prompt(W.TYPE_NUMBER, type=click.IntRange(1, len(codes)), default=1)
    return codes[number - 1]


@click.command("init")
@click.option("--loai", "kind", type=WordChoice(OFFICE_KIND_CHOICES, OFFICE_KIND_WORDS), metavar=W.KIND_METAVAR,
              help=W.KIND_HELP)
@click.option("--ten", "place_name", help=W.PLACE_HELP)
@click.option("--cap-tren", "parent_body", default=None, help=W.PARENT_HELP)
@click.option("--nguoi-ky", "signer_name", default=None, help=W.SIGNER_HELP)
@click.option("--danh-so", "numbering", type=WordChoice(NUMBERING_CHOICES, NUMBERING_WORDS), default=None,
              metavar=W.NUMBERING_METAVAR, help=W.NUMBERING_HELP)
@click.option("--moi", "new_office", is_flag=True,
              help=W.FORCE_HELP)
@click.option("--them", "add", is_flag=True,
              help=W.ANOTHER_HELP)
@pass_db
def init(db_target, kind, place_name, parent_body, signer_name, numbering, new_office, add):
    """Khai báo thông tin cơ quan (hỏi từng mục nếu không ghi tùy chọn). Máy này
    làm việc với cơ quan vừa tạo."""
    from models.services import catalog
    from models.opening import open_office_database

    open_db(lambda: open_office_database(db_target, new_office=new_office))
    existing = catalog.offices()
    if existing and not add:
        names = "; ".join(f"{o.id} – {o.name}" for o in existing)
        fail(W.ALREADY_HAS_OFFICE.format(names=names), code=1)
    interactive = sys.stdin.isatty()
    if kind is None:
        kind = ask_choice(W.KIND_ASK, OFFICE_KIND_CHOICES) if interactive else "ubnd_xa"
    if place_name is None:
        if not interactive:
            fail(W.PLACE_MISSING)
        place_name = click.prompt(W.PLACE_ASK)
    if parent_body is None:
        parent_body = click.prompt(W.PARENT_ASK, default="", show_default=False) \
            if interactive else ""
    if signer_name is None:
        signer_name = click.prompt(W.SIGNER_ASK, default="", show_default=False) if interactive else ""
    if numbering is None and interactive:
        numbering = ask_choice(W.NUMBERING_ASK, NUMBERING_CHOICES)
    office = run_service(lambda: catalog.create_office(
        kind=kind, place_name=place_name, parent_body=parent_body, signer_name=signer_name,
        numbering=numbering or "per_year"))
    catalog.remember_office(office)
    from models.services import roles

    roles.enlist_owner(office)
    click.echo(W.CREATED.format(id=office.id, name=office.name))
    if existing:
        click.echo(W.MACHINE_USES_IT)


@click.command("locate")
@pass_db
def locate(db_target):
    """In ra nơi lưu dữ liệu, cấu hình, nhật ký và bản sao lưu."""
    from models.storage.db import describe
    from models.core.paths import locations
    from models.storage.config import configured_target

    loc = locations()
    rows = [(W.DATABASE, describe(db_target or configured_target())),
            (W.DEMO_DATA, str(loc.demo_database)),
            (W.DATA_FOLDER, str(loc.data)), (W.PRINTED_DOCUMENTS, str(loc.documents)),
            (W.CONFIG, str(loc.config_file)), (W.LOGS, str(loc.logs)),
            (W.BACKUPS, str(loc.backups)), (W.FONT_CACHE, str(loc.cache))]
    width = max(len(a) for a, _ in rows)
    for label, value in rows:
        click.echo(f"{label.ljust(width)} : {value}")


#: doctor's exit code: the sum of one number per kind of finding, so a script sees each
#: kind whatever else was found (a missing printer never hides tampering)
DOCTOR_CODES = {
    "sua": (32, W.EXIT_TAMPERED),
    "co_so_du_lieu": (64, W.EXIT_DATABASE),
    "thieu_tep": (16, W.EXIT_MISSING_FILES),
    "tep_ngoai_so": (8, W.EXIT_STRAY_FILES),
    "moi_truong": (4, W.EXIT_ENVIRONMENT),
}
DOCTOR_HELP = (W.DOCTOR_HELP
               + "\n".join(f"{code:>3}  {words}" for code, words in sorted(DOCTOR_CODES.values(), reverse=True)))


@click.command("doctor", help=DOCTOR_HELP)
@click.option("--don-dep", "tidy", is_flag=True,
              help=W.TIDY_HELP)
@pass_db
def doctor(db_target, tidy: bool):
    from models.storage.db import describe
    from models.domain.base import is_postgres
    from models.core.paths import locations
    from models.opening import open_office_database
    from models.storage.config import configured_target

    found: set[str] = set()

    def line(ok: bool, label: str, detail: str, kind: str = "moi_truong"):
        if not ok:
            found.add(kind)
        click.echo(f"[{'OK' if ok else W.FAILED}] {label}: {detail}")

    target = db_target or configured_target()
    try:
        db = open_office_database(target)
        if is_postgres():
            line(True, W.DATABASE, W.PG_CONNECTED.format(describe=describe(target)))
        else:
            result = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
            line(result == "ok", W.DATABASE, W.INTEGRITY_CHECK.format(target=target)
                 + (W.GOOD if result == "ok" else result), "co_so_du_lieu")
        from models.domain.office import Office
        from models.storage.migrations import CURRENT

        line(True, W.SCHEMA_VERSION, str(CURRENT))
        from models.services import catalog

        n = Office.select().count()
        if n:
            try:
                office = catalog.the_office()
                line(True, W.OFFICE_INFO, W.OFFICE_LINE.format(name=office.name, id=office.id)
                     + (W.ONE_OF_SHARED.format(n=n) if n > 1 else ")"))
            except UserError as exc:
                office = None
                line(False, W.OFFICE_INFO, exc.message, "co_so_du_lieu")
        else:
            office = None
            line(False, W.OFFICE_INFO, W.NOT_INITIALISED, "co_so_du_lieu")
        if office is not None:
            _check_chains(office, line)
            _check_orphans(office, line, tidy)
    except Exception as exc:  # report and go on with the other checks
        from models.core.errors import os_reason

        line(False, W.DATABASE, exc.message if isinstance(exc, UserError) else os_reason(exc), "co_so_du_lieu")
    try:
        from printing.fonts import font_report

        report, warning = font_report()
        line(True, W.FONTS, report.replace(W.FONTS_PREFIX, "", 1))
        if warning:
            click.echo(W.FONT_FALLBACK_NOTE.format(warning=warning))
    except ImportError:
        line(False, W.FONTS, W.NO_PRINTING)
    except Exception as exc:
        line(False, W.FONTS, str(exc))
    lp = shutil.which("lp")
    if os.name == "nt":
        line(True, W.PRINTER, W.PRINTS_VIA_WINDOWS)
    elif lp:
        import subprocess

        try:
            out = subprocess.run(["lpstat", "-d"], capture_output=True, text=True, timeout=5).stdout.strip()
        except Exception:
            out = ""
        if out.startswith("system default destination:"):
            out = W.DEFAULT_PRINTER + out.split(":", 1)[1].strip()
        else:
            out = W.LP_NO_DEFAULT
        line(True, W.PRINTER, out)
    else:
        line(False, W.PRINTER, W.NO_LP)
    loc = locations()
    for label, folder in ((W.DATA_FOLDER, loc.data), (W.BACKUP_FOLDER, loc.backups),
                          (W.DOCUMENTS_FOLDER, loc.documents), (W.LOG_FOLDER, loc.logs)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ok = os.access(folder, os.W_OK)
        except OSError:
            ok = False
        line(ok, label, f"{folder} — {W.WRITABLE if ok else W.NOT_WRITABLE}")
    code = sum(DOCTOR_CODES[k][0] for k in found)
    if not found:
        click.echo(W.ALL_GOOD)
    else:
        click.echo(W.PROBLEMS.format(code=code))
        for k in sorted(found, key=lambda k: -DOCTOR_CODES[k][0]):
            click.echo(f"  {DOCTOR_CODES[k][0]:>3} — {DOCTOR_CODES[k][1]}")
    sys.exit(code)


def _check_chains(office, line) -> None:
    """The register, the audit trail, the sealed records and the stored files, as they were written."""
    from models.services import integrity

    report = integrity.verify_chain(office, remember=True)
    line(report.ok, W.REGISTER_AND_TRAIL, report.summary(),
         "sua" if report.problems else "thieu_tep")
    if report.problems and report.missing:
        line(False, W.ISSUED_FILES, W.FILES_MISSING.format(missing=len(report.missing)), "thieu_tep")
    for problem in report.problems + report.missing:
        click.echo(f"      – {problem}")


def _check_orphans(office, line, tidy: bool) -> None:
    """Numbered files that no register entry names (left by an older version's failed issue)."""
    from models.services import issued_files

    found = issued_files.orphans(office)
    if not found:
        line(True, W.STRAY_FILES, W.NONE)
        return
    if tidy:
        moved = [(path, issued_files.move_aside(path)) for path in found]
        line(True, W.STRAY_FILES, W.MOVED.format(moved=len(moved)))
        for path, dest in moved:
            click.echo(f"      – {path} → {dest}")
        return
    line(False, W.STRAY_FILES, W.FOUND_STRAY.format(found=len(found)), "tep_ngoai_so")
    for path in found:
        click.echo(f"      – {path}")