"""Which database to open: --db, DOITHOAI_DB, the config file, or the default
file in the user data folder; and the demo database beside it."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import StorageError
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
            raise StorageError(f"Tệp cấu hình “{cfg}” bị lỗi ({exc}). Hãy sửa hoặc xóa tệp này.") from exc
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
    """A SQLite file that exists but cannot be opened: name the newest good backup
    and the exact command that restores it. The file itself is left as it is."""
    from .backup import advice, sqlite_path

    path = sqlite_path(target)
    if path is None or not path.is_file():
        return exc
    return StorageError(f"{exc.message}\n{advice(target)}")


def open_office_database(target: str | None = None, *, demo: bool = False, render=None):
    """Open (creating if needed) the office's database, or the demo one, which is
    filled with the demo commune on first use. Returns the peewee database."""
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
        return db
    target = target or configured_target()
    try:
        return open_database(target)
    except StorageError as exc:
        raise _with_backup_advice(target, exc) from exc


def save_config(**values) -> Path:
    cfg = locations().config_file
    cfg.parent.mkdir(parents=True, exist_ok=True)
    current = {}
    if cfg.exists():
        try:
            current = json.loads(cfg.read_text(encoding="utf-8"))
        except ValueError:
            current = {}
    current.update(values)
    cfg.write_text(json.dumps(current, ensure_ascii=False, indent=2), encoding="utf-8")
    return cfg
