"""Wording an office prints on its documents and may change: the recipients
(Nơi nhận) and the archive line, with defaults per format family in
``data/catalog/wording.json`` (Decree 30/2020 App. I §II.9; HD 36)."""
from __future__ import annotations

from dataclasses import dataclass

import data
from models.core.errors import ValidationError
from models.core.text import clean, clean_line
from models.core.words import WordingWords as W
from models.domain.office import Office, Setting
from models.services import records, roles

MAX_LEN = 2000


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    value: str
    default: str

    @property
    def changed(self) -> bool:
        return self.value != self.default


def _defaults() -> list[dict]:
    return data.load_json("catalog/wording.json")["items"]


def _setting_key(office: Office, key: str) -> str:
    return f"wording:{office.id}:{key}"


def items(office: Office) -> list[Item]:
    family = "party" if office.family == "party" else "state"
    saved = {s.key: s.value for s in Setting.select().where(Setting.key.startswith(f"wording:{office.id}:"))}
    return [Item(d["key"], d["label"], saved.get(_setting_key(office, d["key"]), d[family]), d[family])
            for d in _defaults()]


def get(office: Office, key: str) -> str:
    for item in items(office):
        if item.key == key:
            return item.value
    raise KeyError(key)


def lines(office: Office, key: str) -> list[str]:
    return [clean_line(x) for x in get(office, key).splitlines() if clean_line(x)]


def set_value(office: Office, key: str, value: str) -> Item:
    """An office's own wording; an empty value goes back to the default."""
    roles.require(office, "catalog")
    if key not in {d["key"] for d in _defaults()}:
        raise ValidationError(W.NO_SUCH_ITEM.format(key=key))
    value = clean(value or "").strip()
    if len(value) > MAX_LEN:
        raise ValidationError(W.TOO_LONG.format(most=MAX_LEN), field="value")
    name = _setting_key(office, key)
    row = Setting.get_or_none(Setting.key == name)
    if not value:
        if row is not None:
            records.delete(row)
    elif row is None:
        records.create(Setting, office=office, key=name, value=value)
    else:
        records.update(row, {"value": value})
    return next(i for i in items(office) if i.key == key)
