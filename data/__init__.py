"""Content shipped with the program: catalogues, rules, templates, demo data.

Read through ``importlib.resources`` so it works from a wheel as well as from
the checkout."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def read_text(name: str) -> str:
    """A shipped file by its path under ``data/``, e.g. "catalog/fields.json"."""
    ref = resources.files(__name__)
    for part in name.split("/"):
        ref = ref / part
    return ref.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str):
    return json.loads(read_text(name))
