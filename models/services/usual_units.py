"""Đơn vị thường trả lời: the unit that usually answers a field's petitions in
writing, offered first (and taken by default) in the live session.

The shipped mapping (data/catalog/fields.json, matched by name without
diacritics) holds until the office chooses its own unit for a field in the
catalogue (Danh mục); that choice is a Setting per field, by ids, so renaming a
field or a unit keeps it. Changing it is a catalogue edit (roles: "catalog")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from data import load_json
from models.core.errors import ValidationError
from models.core.text import fold
from models.core.words import UsualUnitWords as W
from models.domain.office import Field, Office, Setting, Unit
from models.services import records, roles


@dataclass
class UsualUnit:
    field: Field
    unit: str           # the unit's name, "" when none
    own: bool           # the office's own choice (otherwise the shipped default)


@lru_cache(maxsize=2)
def _shipped(family: str = "state") -> dict[str, str]:
    """The shipped mapping for the office's family (a Party committee has its own units)."""
    key = "usual_units_party" if family == "party" else "usual_units"
    return {fold(k): fold(v) for k, v in load_json("catalog/fields.json").get(key, {}).items()}


def _family(office) -> str:
    return getattr(office, "family", None) or Office.get_by_id(office).family


def _key(office, field_id: int) -> str:
    return f"catalog.usual_unit:{getattr(office, 'id', office)}:{field_id}"


def _own(office) -> dict[int, int | None]:
    """Field id → unit id (None: no usual unit) for the fields the office chose."""
    prefix = _key(office, "")
    out = {}
    for row in Setting.select().where(Setting.key.startswith(prefix)):
        try:
            out[int(row.key[len(prefix):])] = int(row.value) if row.value else None
        except ValueError:
            continue
    return out


def usual_units(office) -> list[UsualUnit]:
    """Every field of the office with its usual unit, in the order of the field keys."""
    units = {u.id: u for u in Unit.select().where(Unit.office == office)}
    own = _own(office)
    out = []
    for f in Field.select().where(Field.office == office).order_by(Field.code, Field.id):
        if f.id in own:
            unit = units.get(own[f.id])
            out.append(UsualUnit(f, unit.name if unit else "", True))
        else:
            wanted = _shipped(_family(office)).get(fold(f.name))
            name = next((u.name for u in units.values() if u.active and wanted and fold(u.name) == wanted), "")
            out.append(UsualUnit(f, name, False))
    return out


def usual_unit(office, field_name: str, units: list[str]) -> str:
    """The usual unit of the field named ``field_name``, if it is among ``units``."""
    f = Field.get_or_none((Field.office == office) & (Field.name == field_name))
    if f is None:
        return ""
    row = Setting.get_or_none(Setting.key == _key(office, f.id))
    if row is None:
        wanted = _shipped(_family(office)).get(fold(field_name))
        return next((u for u in units if wanted and fold(u) == wanted), "")
    unit = Unit.get_or_none(Unit.id == int(row.value)) if row.value.isdigit() else None
    return unit.name if unit is not None and unit.name in units else ""


def set_usual_unit(office, field: Field, unit_id: int | None) -> UsualUnit:
    """The office's own usual unit for ``field`` (None: no unit is offered first)."""
    roles.require(office, "catalog")
    if field.office_id != getattr(office, "id", office):
        raise ValidationError(W.NOT_THIS_OFFICE)
    if unit_id is not None and not Unit.select().where((Unit.id == unit_id) & (Unit.office == office)).exists():
        raise ValidationError(W.NO_SUCH_UNIT, field="unit")
    value = "" if unit_id is None else str(unit_id)
    row = Setting.get_or_none(Setting.key == _key(office, field.id))
    if row is None:
        records.create(Setting, office=getattr(office, "id", office), key=_key(office, field.id), value=value)
    elif row.value != value:
        records.update(row, {"value": value})
    return next(r for r in usual_units(office) if r.field.id == field.id)
