"""Writing the workstation's settings (config.json) under the one rule for files."""
from __future__ import annotations

import json
from pathlib import Path

from models.core.paths import locations
from models.storage.files import write_file


def save_config(**values) -> Path:
    """Change settings in config.json, written through a temporary file (owner-only)."""
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
