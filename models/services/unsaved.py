"""Typing not yet saved in an editor (the plan's, a document's), kept as it is
typed so that a kill or a power cut loses at most a second or two of it.

One entry per office and workstation (Setting "typing:<office>:<workstation>"):
which editor is open, for which record, the values of its fields as typed, and
the field and cursor place. The entry goes when the editor saves or is left;
one still there at start-up means the app was stopped with the editor open,
and the editor is opened again with that typing. The live session keeps its own
forms' typing in its place (live_session.save_place)."""
from __future__ import annotations

import json

from models.domain.office import Setting
from models.services.live_session import _keep, workstation


def _key(office) -> str:
    return f"typing:{office.id}:{workstation()}"


def keep(office, entry: dict) -> None:
    """Store ``entry``: {"editor": "plan" | "document", "record": [...], "values": {...},
    "where": {"focus": field, "cursor": …}}. One short write."""
    _keep(office, _key(office), entry)


def kept(office) -> dict | None:
    row = Setting.get_or_none(Setting.key == _key(office))
    try:
        value = json.loads(row.value) if row is not None and row.value else None
    except ValueError:       # a damaged entry must not stop the app
        return None
    return value if isinstance(value, dict) and isinstance(value.get("values"), dict) else None


def kept_for(office, editor: str, record: list) -> dict | None:
    """The entry when it is this editor's for this record."""
    entry = kept(office)
    if entry and entry.get("editor") == editor and list(entry.get("record") or []) == list(record):
        return entry
    return None


def forget(office) -> None:
    Setting.delete().where(Setting.key == _key(office)).execute()
