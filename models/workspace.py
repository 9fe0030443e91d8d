"""Which database to open: --db, DOITHOAI_DB, the config file, or the default
file in the user data folder; and the demo database beside it."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from .errors import DatabaseMissing, StorageError
from .paths import locations


def configured_target() -> str:
    env = os.environ.get("DOITHOAI_DB")
    if env:
        return env
    cfg = locations().config_file
    if cfg.exists():
        try:
            value = json.loads(cfg.read_text(encoding="utf-8")).get("database")
        except (OSError, ValueError) as exc:
            from .files import os_reason

            reason = os_reason(exc) if isinstance(exc, OSError) else "nội dung không đúng dạng JSON"
            raise StorageError(f"Tệp cấu hình “{cfg}” bị lỗi ({reason}). Hãy sửa hoặc xóa tệp này.") from exc
        if value:
            return str(value)
    return str(locations().database)


def read_config() -> dict:
    """The config file's settings ({} when there is none or it cannot be read)."""
    cfg = locations().config_file
    try:
        value = json.loads(cfg.read_text(encoding="utf-8")) if cfg.exists() else {}
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _with_backup_advice(target: str, exc: StorageError) -> StorageError:
    """A damaged SQLite file: name the newest good backup and the exact command
    that restores it. The file itself is left as it is. A locked database or one
    of a newer schema is not damaged: no backup is offered for those."""
    from .backup import advice, sqlite_path

    path = sqlite_path(target)
    if not exc.restorable or path is None or not path.is_file():
        return exc
    return type(exc)(f"{exc.message}\n{advice(target)}")


def _missing_with_backups(target: str) -> None:
    """No database (or an empty file) where backups of it exist: that is a lost
    database, not a new office. Say so instead of creating an empty one."""
    from .backup import newest_good_backup, sqlite_path

    path = sqlite_path(target)
    if path is None:
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = None
    except OSError:
        return
    if size not in (None, 0):
        return
    best = newest_good_backup(target)
    if best is None:
        return
    state = "không có" if size is None else "là tệp rỗng (0 byte)"
    raise DatabaseMissing(
        f"Cơ sở dữ liệu “{path}” {state}, nhưng bên cạnh còn bản sao lưu tốt: {best.label}. "
        "Có thể tệp đã bị xóa, di chuyển hoặc hỏng khi mất điện. Để khôi phục, chạy: doithoai restore --newest. "
        "Nếu thật sự muốn bắt đầu một cơ quan mới, trống, hãy chạy: doithoai init --moi")


def open_office_database(target: str | None = None, *, demo: bool = False, render=None,
                         new_office: bool = False):
    """Open (creating if needed) the office's database, or the demo one, which is
    filled with the demo commune on first use. Returns the peewee database.
    A missing or empty database with good backups beside it is not created
    anew unless ``new_office`` (``doithoai init --moi``) says so."""
    from .db import open_database

    if demo:
        from .paths import use_demo

        use_demo()
        target = target or str(locations().demo_database)
        Path(target).parent.mkdir(parents=True, exist_ok=True) if "://" not in target else None
        db = open_database(target)
        from .catalog import Office

        if Office.select().count() == 0:
            from .demo import build_demo

            build_demo(render=render)
        return _finish_writes(db)
    target = target or configured_target()
    if not new_office:
        _missing_with_backups(target)
    try:
        db = open_database(target)
    except StorageError as exc:
        raise _with_backup_advice(target, exc) from exc
    return _finish_writes(db)


def _finish_writes(db):
    """Issued files a killed process left under their hidden temporary names are
    finished or removed (models.services.issued_files); never in the way of a start."""
    from .services.issued_files import finish_pending

    try:
        for line in finish_pending():
            logging.getLogger("doithoai").warning(line)
    except Exception:  # a folder that cannot be read: the next start tries again
        logging.getLogger("doithoai").exception("finish_pending")
    return db


def save_config(**values) -> Path:
    """Change settings in config.json, written through a temporary file (owner-only)."""
    from .files import write_file

    cfg = locations().config_file
    current = {}
    if cfg.exists():
        try:
            current = json.loads(cfg.read_text(encoding="utf-8"))
        except ValueError:
            current = {}
    current.update(values)
    return write_file(cfg, "json", json.dumps(current, ensure_ascii=False, indent=2).encode("utf-8"),
                      replace=True)
