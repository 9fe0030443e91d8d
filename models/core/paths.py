"""Where the office's files live (platformdirs), overridable by DOITHOAI_HOME."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "doithoai"


@dataclass(frozen=True)
class Locations:
    data: Path
    config: Path
    cache: Path
    logs: Path
    backups: Path
    documents: Path

    @property
    def database(self) -> Path:
        return self.data / "doithoai.sqlite3"

    @property
    def demo_database(self) -> Path:
        return (self.data if self.data.name == "demo" else self.data / "demo") / "doithoai-demo.sqlite3"

    @property
    def config_file(self) -> Path:
        return self.config / "config.json"


_demo = False


def use_demo(on: bool = True) -> None:
    """The demo is its own office: while it runs, its data, documents and backups
    live in a folder of their own, so it never touches, blocks or is blocked by
    the office's numbers and files."""
    global _demo
    _demo = on


def is_demo() -> bool:
    return _demo


def locations() -> Locations:
    """The folders for this user. ``DOITHOAI_HOME`` puts them all under one folder
    (tests, a portable install on a USB stick)."""
    base = _locations()
    if not _demo:
        return base
    demo = base.data / "demo"
    return Locations(demo, base.config, base.cache, base.logs, demo / "backups", demo / "documents")


def _locations() -> Locations:
    home = os.environ.get("DOITHOAI_HOME")
    if home:
        root = Path(home)
        return Locations(root / "data", root / "config", root / "cache",
                         root / "logs", root / "backups", root / "documents")
    dirs = platformdirs.PlatformDirs(APP, appauthor=False)
    data = Path(dirs.user_data_dir)
    return Locations(data, Path(dirs.user_config_dir), Path(dirs.user_cache_dir),
                     Path(dirs.user_log_dir), data / "backups", data / "documents")
