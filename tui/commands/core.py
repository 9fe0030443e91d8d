"""doithoai demo / init / doctor / locate."""
from __future__ import annotations

import os
import shutil
import sys

import click

from models.core.errors import UserError
from models.core.words import NUMBERING_CHOICES, NUMBERING_WORDS, OFFICE_KIND_CHOICES, OFFICE_KIND_WORDS

from .common import fail, open_db, pass_db, run_service


@click.command("demo")
@pass_db
def demo(db_target):
    """Mở ứng dụng trên cơ sở dữ liệu mẫu (một xã giả định), tạo nếu chưa có."""
    from tui.launch import open_app

    open_app(db_target, demo=True)


class WordChoice(click.ParamType):
    """A choice given by its Vietnamese words ("xã", "Đảng ủy xã"), a short word
    ("xa", "dang-uy-xa") or the code scripts already use ("ubnd_xa")."""

    name = "lựa chọn"

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
            self.fail(f"“{value}” không có trong danh sách. Chọn một trong: "
                      + "; ".join(self.labels.values()) + ".", param, ctx)
        return code


def ask_choice(question: str, labels: dict[str, str]) -> str:
    """A numbered list in Vietnamese; the person types the number (Enter: the first)."""
    codes = list(labels)
    click.echo(question)
    for i, code in enumerate(codes, start=1):
        click.echo(f"  {i}. {labels[code]}")
    number = click.prompt("Gõ số", type=click.IntRange(1, len(codes)), default=1)
    return codes[number - 1]


@click.command("init")
@click.option("--loai", "kind", type=WordChoice(OFFICE_KIND_CHOICES, OFFICE_KIND_WORDS), metavar="LOẠI",
              help="Loại cơ quan: xã, phường, Đảng ủy xã, huyện (trước 1/7/2025).")
@click.option("--ten", "place_name", help="Tên địa phương, ví dụ: Kỳ Khang.")
@click.option("--cap-tren", "parent_body", default=None, help="Cơ quan cấp trên, ví dụ: UBND tỉnh Hà Tĩnh.")
@click.option("--nguoi-ky", "signer_name", default=None, help="Họ tên người ký (Chủ tịch / Bí thư).")
@click.option("--danh-so", "numbering", type=WordChoice(NUMBERING_CHOICES, NUMBERING_WORDS), default=None,
              metavar="CÁCH", help="nam: một dãy số cho mọi văn bản trong năm; loai: mỗi loại văn bản một dãy số.")
@click.option("--moi", "new_office", is_flag=True,
              help="Tạo cơ quan mới dù cơ sở dữ liệu bị mất hoặc rỗng mà còn bản sao lưu (thường nên khôi phục).")
@click.option("--them", "add", is_flag=True,
              help="Thêm một cơ quan nữa vào cơ sở dữ liệu dùng chung (nhiều xã trên một máy chủ).")
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
        fail(f"Cơ sở dữ liệu đã có cơ quan: {names}. Hãy sửa thông tin ở màn hình Danh mục (phím F8), "
             "hoặc thêm một cơ quan nữa dùng chung máy chủ bằng: doithoai init --them", code=1)
    interactive = sys.stdin.isatty()
    if kind is None:
        kind = ask_choice("Loại cơ quan:", OFFICE_KIND_CHOICES) if interactive else "ubnd_xa"
    if place_name is None:
        if not interactive:
            fail("Thiếu tên địa phương. Hãy ghi --ten \"Tên xã\".")
        place_name = click.prompt("Tên địa phương (ví dụ: Kỳ Khang)")
    if parent_body is None:
        parent_body = click.prompt("Cơ quan cấp trên (có thể bỏ trống)", default="", show_default=False) \
            if interactive else ""
    if signer_name is None:
        signer_name = click.prompt("Họ tên người ký", default="", show_default=False) if interactive else ""
    if numbering is None and interactive:
        numbering = ask_choice("Cách đánh số văn bản đi:", NUMBERING_CHOICES)
    office = run_service(lambda: catalog.create_office(
        kind=kind, place_name=place_name, parent_body=parent_body, signer_name=signer_name,
        numbering=numbering or "per_year"))
    catalog.remember_office(office)
    from models.services import roles

    roles.enlist_owner(office)
    click.echo(f"Đã tạo cơ quan số {office.id}: {office.name}.")
    if existing:
        click.echo("Máy này từ nay làm việc với cơ quan vừa tạo; đổi bằng: doithoai office use SỐ")


@click.command("locate")
@pass_db
def locate(db_target):
    """In ra nơi lưu dữ liệu, cấu hình, nhật ký và bản sao lưu."""
    from models.storage.db import describe
    from models.core.paths import locations
    from models.storage.config import configured_target

    loc = locations()
    rows = [("Cơ sở dữ liệu", describe(db_target or configured_target())),
            ("Dữ liệu mẫu", str(loc.demo_database)),
            ("Thư mục dữ liệu", str(loc.data)), ("Văn bản đã in", str(loc.documents)),
            ("Cấu hình", str(loc.config_file)), ("Nhật ký", str(loc.logs)),
            ("Sao lưu", str(loc.backups)), ("Bộ nhớ đệm (phông chữ)", str(loc.cache))]
    width = max(len(a) for a, _ in rows)
    for label, value in rows:
        click.echo(f"{label.ljust(width)} : {value}")


#: doctor's exit code: the sum of one number per kind of finding, so a script sees each
#: kind whatever else was found (a missing printer never hides tampering)
DOCTOR_CODES = {
    "sua": (32, "có chỗ bị sửa, xóa hay chèn ngoài ứng dụng (sổ văn bản đi, nhật ký, nội dung văn bản đã ban "
                "hành, kiến nghị và diễn biến, tệp đã đổi)"),
    "co_so_du_lieu": (64, "cơ sở dữ liệu không mở được, hỏng, hoặc chưa khai báo cơ quan"),
    "thieu_tep": (16, "thiếu tệp của văn bản đã ban hành"),
    "tep_ngoai_so": (8, "có tệp mang số văn bản mà không có trong sổ (dời đi bằng --don-dep)"),
    "moi_truong": (4, "môi trường: phông chữ, máy in, thư mục không ghi được"),
}
DOCTOR_HELP = ("Kiểm tra cơ sở dữ liệu, phông chữ, máy in, thư mục dữ liệu, và sổ văn bản đi, nhật ký thay đổi, "
               "nội dung văn bản đã ban hành, kiến nghị và diễn biến, tệp văn bản có bị sửa ngoài ứng dụng "
               "không.\n\nMã thoát là tổng các số sau (0: mọi thứ đều tốt):\n\n\b\n"
               + "\n".join(f"{code:>3}  {words}" for code, words in sorted(DOCTOR_CODES.values(), reverse=True)))


@click.command("doctor", help=DOCTOR_HELP)
@click.option("--don-dep", "tidy", is_flag=True,
              help="Dời các tệp mang số văn bản mà không có trong sổ vào thư mục “khong-trong-so” bên cạnh.")
@pass_db
def doctor(db_target, tidy: bool):
    from models.storage.db import describe, is_postgres
    from models.core.paths import locations
    from models.opening import open_office_database
    from models.storage.config import configured_target

    found: set[str] = set()

    def line(ok: bool, label: str, detail: str, kind: str = "moi_truong"):
        if not ok:
            found.add(kind)
        click.echo(f"[{'OK' if ok else 'LỖI'}] {label}: {detail}")

    target = db_target or configured_target()
    try:
        db = open_office_database(target)
        if is_postgres():
            line(True, "Cơ sở dữ liệu", f"PostgreSQL {describe(target)} kết nối được")
        else:
            result = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
            line(result == "ok", "Cơ sở dữ liệu", f"{target} — kiểm tra toàn vẹn: "
                 + ("tốt" if result == "ok" else result), "co_so_du_lieu")
        from models.domain.catalog import Office
        from models.storage.migrations import CURRENT

        line(True, "Phiên bản lược đồ", str(CURRENT))
        from models.services import catalog

        n = Office.select().count()
        if n:
            try:
                office = catalog.the_office()
                line(True, "Thông tin cơ quan", f"{office.name} (số {office.id}"
                     + (f", một trong {n} cơ quan dùng chung cơ sở dữ liệu)" if n > 1 else ")"))
            except UserError as exc:
                office = None
                line(False, "Thông tin cơ quan", exc.message, "co_so_du_lieu")
        else:
            office = None
            line(False, "Thông tin cơ quan", "chưa khai báo — chạy: doithoai init", "co_so_du_lieu")
        if office is not None:
            _check_chains(office, line)
            _check_orphans(office, line, tidy)
    except Exception as exc:  # report and go on with the other checks
        from models.core.errors import os_reason

        line(False, "Cơ sở dữ liệu", exc.message if isinstance(exc, UserError) else os_reason(exc), "co_so_du_lieu")
    try:
        from printing.fonts import font_report

        line(True, "Phông chữ", font_report().replace("Phông chữ: ", "", 1))
    except ImportError:
        line(False, "Phông chữ", "chưa có phần in ấn trong bản cài đặt này")
    except Exception as exc:
        line(False, "Phông chữ", str(exc))
    lp = shutil.which("lp")
    if os.name == "nt":
        line(True, "Máy in", "in qua Windows (lệnh in mặc định của hệ điều hành)")
    elif lp:
        import subprocess

        try:
            out = subprocess.run(["lpstat", "-d"], capture_output=True, text=True, timeout=5).stdout.strip()
        except Exception:
            out = ""
        if out.startswith("system default destination:"):
            out = "máy in mặc định: " + out.split(":", 1)[1].strip()
        else:
            out = "có lệnh lp (CUPS); chưa đặt máy in mặc định (in bằng --printer TÊN)"
        line(True, "Máy in", out)
    else:
        line(False, "Máy in", "không có lệnh lp (CUPS). Văn bản vẫn được lưu thành tệp PDF để in ở máy khác.")
    loc = locations()
    for label, folder in (("Thư mục dữ liệu", loc.data), ("Thư mục sao lưu", loc.backups),
                          ("Thư mục văn bản", loc.documents), ("Thư mục nhật ký", loc.logs)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ok = os.access(folder, os.W_OK)
        except OSError:
            ok = False
        line(ok, label, f"{folder} — {'ghi được' if ok else 'KHÔNG ghi được'}")
    code = sum(DOCTOR_CODES[k][0] for k in found)
    if not found:
        click.echo("Kết quả: mọi thứ đều tốt.")
    else:
        click.echo(f"Kết quả: có vấn đề cần xử lý (mã thoát {code}):")
        for k in sorted(found, key=lambda k: -DOCTOR_CODES[k][0]):
            click.echo(f"  {DOCTOR_CODES[k][0]:>3} — {DOCTOR_CODES[k][1]}")
    sys.exit(code)


def _check_chains(office, line) -> None:
    """The register, the audit trail, the sealed records and the stored files, as they were written."""
    from models.services import integrity

    report = integrity.verify_chain(office, remember=True)
    line(report.ok, "Sổ văn bản đi và nhật ký thay đổi", report.summary(),
         "sua" if report.problems else "thieu_tep")
    if report.problems and report.missing:
        line(False, "Tệp văn bản đã ban hành", f"thiếu {len(report.missing)} tệp", "thieu_tep")
    for problem in report.problems + report.missing:
        click.echo(f"      – {problem}")


def _check_orphans(office, line, tidy: bool) -> None:
    """Numbered files that no register entry names (left by an older version's failed issue)."""
    from models.services import issued_files

    found = issued_files.orphans(office)
    if not found:
        line(True, "Tệp ngoài sổ văn bản đi", "không có")
        return
    if tidy:
        moved = [(path, issued_files.move_aside(path)) for path in found]
        line(True, "Tệp ngoài sổ văn bản đi", f"đã dời {len(moved)} tệp không có trong sổ:")
        for path, dest in moved:
            click.echo(f"      – {path} → {dest}")
        return
    line(False, "Tệp ngoài sổ văn bản đi", f"{len(found)} tệp mang số văn bản nhưng không có trong sổ (không phải "
         "văn bản đã ban hành; dời đi bằng: doithoai doctor --don-dep):", "tep_ngoai_so")
    for path in found:
        click.echo(f"      – {path}")