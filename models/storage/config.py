"""Which database to open: --db, DOITHOAI_DB, the config file, or the default
file in the user data folder; and the demo database beside it. Reads only: the
settings are written by models.storage.settings (through the files rule)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from models.core.errors import StorageError, os_reason
from models.core.paths import locations
from models.core.words import OpeningWords as W


def configured_target() -> str:
    env = os.environ.get("DOITHOAI_DB")
    if env:
        return env
    cfg = locations().config_file
    if cfg.exists():
        try:
            value = json.loads(cfg.read_text(encoding="utf-8")).get("database")
        except (OSError, ValueError) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else W.NOT_JSON
            raise StorageError(W.CONFIG_BROKEN.format(cfg=cfg, reason=reason)) from exc
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


def is_url(target: str | os.PathLike) -> bool:
    return "://" in str(target)


def sqlite_path(target: str | os.PathLike | None = None) -> Path | None:
    """The SQLite file behind ``target`` (default: the configured one); None for a server."""
    if target is None:
        target = configured_target()
    text = str(target)
    if is_url(text):
        if text.startswith("sqlite:///"):
            return Path(text[len("sqlite:///"):])
        return None
    return Path(text)
