"""Danh mục: the office profile and the lists it maintains."""
from __future__ import annotations

import os

import data
from models.core import clock
from models.core.errors import NotFound, ValidationError
from models.core.paths import is_demo
from models.core.text import by_name as sort_by_name
from models.core.text import fold
from models.core.words import FIELD, NUMBERING_CHOICES, OFFICE_KIND_CHOICES, UNIT, VILLAGE
from models.core.words import CatalogWords as W
from models.domain.office import (
    FAMILY_PARTY,
    FAMILY_STATE,
    NUMBERING_PER_KIND,
    NUMBERING_PER_YEAR,
    Field,
    HolidayOverride,
    Office,
    Official,
    RuleSetting,
    Unit,
    Village,
)
from models.domain.register import OutgoingDocument
from models.domain.rules import default_rules
from models.services import records, roles
from models.services.validate import optional_line, parse_date, parse_int, pick_by_name, required
from models.storage.config import read_config
from models.domain.base import opened_as

OFFICE_KINDS = {
    "ubnd_xa": (W.UBND_XA, FAMILY_STATE, "UBND", W.TM_UBND, W.CHAIR),
    "ubnd_phuong": (W.UBND_PHUONG, FAMILY_STATE, "UBND", W.TM_UBND, W.CHAIR),
    "ubnd_huyen": (W.UBND_HUYEN, FAMILY_STATE, "UBND", W.TM_UBND, W.CHAIR),
    "dang_uy_xa": (W.DANG_UY_XA, FAMILY_PARTY, W.DU, W.TM_STANDING, W.BI_THU),
}


def header_for(kind: str, place: str) -> str:
    """Issuing body as it stands in the header: "ỦY BAN NHÂN DÂN\\nXÃ KỲ KHANG"."""
    place_up = place.upper()
    if kind == "dang_uy_xa":
        return W.PARTY_HEADER.format(place=place_up)
    level = {"ubnd_xa": W.LEVEL_XA, "ubnd_phuong": W.LEVEL_PHUONG, "ubnd_huyen": W.LEVEL_HUYEN}[kind]
    return W.UBND_HEADER.format(level=level, place=place_up)


_chosen: str | None = None


def choose_office(value: str | int | None) -> None:
    """This process works for the office ``value`` (its number or name), as
    ``--co-quan`` asks; None goes back to the workstation's setting."""
    global _chosen
    _chosen = str(value).strip() if value is not None and str(value).strip() else None


def office_choice() -> str | None:
    """Which office this workstation works for: ``--co-quan``, DOITHOAI_OFFICE,
    or the setting written by ``doithoai init`` / ``doithoai office use`` for the
    open database. (The demo is its own database with its own single office.)"""
    if _chosen:
        return _chosen
    env = os.environ.get("DOITHOAI_OFFICE", "").strip()
    if env:
        return env

    chosen = read_config().get("offices")
    value = chosen.get(opened_as() or "") if isinstance(chosen, dict) else None
    return str(value) if value not in (None, "") else None


def remember_office(office: Office) -> None:
    """Write the workstation's choice of office for the open database."""
    from models.storage.settings import save_config  # off the start-up path

    chosen = read_config().get("offices")
    chosen = dict(chosen) if isinstance(chosen, dict) else {}
    chosen[opened_as() or ""] = office.id
    save_config(offices=chosen)


def offices() -> list[Office]:
    return list(Office.select().order_by(Office.id))


def _listed(rows) -> str:
    return "; ".join(f"{o.id} – {o.name}" for o in rows)


def find_office(value: str | int, rows: list[Office] | None = None) -> Office:
    """An office by its number or its name (as typed, without diacritics too)."""
    rows = offices() if rows is None else rows
    text = str(value).strip()
    for o in rows:
        if text.isdigit() and o.id == int(text):
            return o
    key = fold(text)
    named = [o for o in rows if key and key in (fold(o.name), fold(o.place_name))]
    if len(named) == 1:
        return named[0]
    raise NotFound(W.NO_SUCH_OFFICE.format(text=text, listed=_listed(rows)))


def the_office() -> Office:
    """The office this workstation works for (several may share one server)."""
    rows = offices()
    if not rows:
        raise NotFound(W.NO_OFFICE)

    if is_demo():
        return rows[0]
    choice = office_choice()
    if choice is not None:
        return find_office(choice, rows)
    if len(rows) == 1:
        return rows[0]
    raise NotFound(W.NONE_CHOSEN.format(rows=len(rows), listed=_listed(rows)))


def create_office(*, kind: str, place_name: str, parent_body: str = "", signer_name: str = "",
                  numbering: str = NUMBERING_PER_YEAR, with_defaults: bool = True) -> Office:
    if kind not in OFFICE_KINDS:
        raise ValidationError(W.BAD_KIND.format(kind=kind)
                              + "; ".join(OFFICE_KIND_CHOICES.values()) + ".", field="kind")
    if numbering not in (NUMBERING_PER_YEAR, NUMBERING_PER_KIND):
        raise ValidationError(W.NUMBERING_MUST_BE + W.OR.join(f"“{v}”" for v in NUMBERING_CHOICES.values())
                              + ".", field="numbering")
    place = required(place_name, W.PLACE_NAME, field="place_name", max_len=80)
    label, family, abbr, authority, position = OFFICE_KINDS[kind]
    level = label.split()[-1]
    for other in offices():
        if fold(other.name) == fold(f"{label} {place}"):
            raise ValidationError(W.OFFICE_EXISTS.format(name=other.name, id=other.id) + str(other.id))
    office = records.create(
        Office, name=f"{label} {place}", kind=kind, family=family,
        parent_body=optional_line(parent_body, max_len=120).upper(),
        header_name=header_for(kind, place), locality=f"{level} {place}", place_name=place,
        abbreviation=abbr, numbering=numbering, signer_authority=authority,
        signer_position=position, signer_name=optional_line(signer_name, max_len=80))
    if with_defaults:
        for i, name in enumerate(data.load_json("catalog/fields.json")["fields"], start=1):
            Field.create(office=office, code=i, name=name)
        shipped = data.load_json("catalog/units.json")
        for u in shipped["units_party" if family == FAMILY_PARTY else "units"]:
            Unit.create(office=office, name=u["name"], short_name=u["short_name"])
    return office


OFFICE_EDITABLE = ("name", "parent_body", "header_name", "locality", "place_name", "abbreviation",
                   "numbering", "signer_authority", "signer_position", "signer_name", "address", "phone",
                   "family")


#: lengths that still print well in the header, the date line and running text
PROFILE_LIMITS = {
    "name": (W.NAME, 120), "parent_body": (W.PARENT_BODY, 80),
    "header_name": (W.HEADER_NAME, 120), "locality": (W.LOCALITY, 80),
    "place_name": (W.PLACE_NAME_LINE, 40), "signer_authority": (W.SIGNER_AUTHORITY, 60),
    "signer_position": (W.SIGNER_POSITION, 60), "signer_name": (W.SIGNER_NAME, 60),
    "address": (W.ADDRESS, 200), "phone": (W.PHONE, 40),
}


def update_office(office: Office, changes: dict, *, expected_version: int | None = None) -> Office:
    roles.require(office, "catalog")
    clean = {}
    for key, value in changes.items():
        if key not in OFFICE_EDITABLE:
            raise ValidationError(W.NOT_EDITABLE.format(key=key))
        clean[key] = value
    for key, (label, most) in PROFILE_LIMITS.items():
        if key in clean and isinstance(clean[key], str) and len(clean[key].strip()) > most:
            raise ValidationError(W.TOO_LONG.format(label=label, length=len(clean[key].strip()), most=most), field=key)
    if "name" in clean:
        clean["name"] = required(clean["name"], W.NAME, field="name")
    if "place_name" in clean:
        clean["place_name"] = required(clean["place_name"], W.PLACE_NAME_FIELD, field="place_name")
    if "abbreviation" in clean:
        clean["abbreviation"] = required(clean["abbreviation"], W.ABBREVIATION,
                                         field="abbreviation", max_len=20)
    if "numbering" in clean and clean["numbering"] not in (NUMBERING_PER_YEAR, NUMBERING_PER_KIND):
        raise ValidationError(W.NUMBERING_MUST_BE + W.OR.join(f"“{v}”" for v in NUMBERING_CHOICES.values())
                              + ".", field="numbering")
    if "numbering" in clean and clean["numbering"] != office.numbering:
        # Decree 30/2020: numbers run from 01 each calendar year; switching the
        # sequence mid-year would hand out numbers already used this year.

        year = clock.today().year
        used = OutgoingDocument.select().where((OutgoingDocument.office == office)
                                               & (OutgoingDocument.year == year)).count()
        if used:
            raise ValidationError(
                W.NUMBERING_LOCKED.format(year=year, used=used), field="numbering")
    if "family" in clean and clean["family"] not in (FAMILY_STATE, FAMILY_PARTY):
        raise ValidationError(W.BAD_FAMILY)
    return records.update(office, clean, expected_version=expected_version)


# --- lists --------------------------------------------------------------------------

def _unique(model, office, name: str, label: str, exclude_id=None) -> None:
    key = fold(name)
    for row in model.select().where(model.office == office):
        if row.id != exclude_id and fold(row.name if hasattr(row, "name") else row.full_name) == key:
            raise ValidationError(W.ALREADY_LISTED.format(label=label, name=name))


def add_village(office, name, *, kind: str = W.VILLAGE, station: str = "", leader_name: str = "") -> Village:
    roles.require(office, "catalog")
    name = required(name, W.VILLAGE_NAME, field="name", max_len=120)
    _unique(Village, office, name, VILLAGE)
    return records.create(Village, office=office, name=name, kind=optional_line(kind) or W.VILLAGE,
                          station=optional_line(station), leader_name=optional_line(leader_name))


def add_unit(office, name, *, short_name: str = "", head_name: str = "") -> Unit:
    roles.require(office, "catalog")
    name = required(name, W.UNIT_NAME, field="name", max_len=120)
    _unique(Unit, office, name, UNIT)
    return records.create(Unit, office=office, name=name, short_name=optional_line(short_name, max_len=20),
                          head_name=optional_line(head_name))


def add_field(office, name, *, code: int | None = None) -> Field:
    roles.require(office, "catalog")
    name = required(name, W.FIELD_NAME, field="name", max_len=120)
    _unique(Field, office, name, FIELD)
    if code is None:
        code = (Field.select().where(Field.office == office).count()) + 1
    return records.create(Field, office=office, name=name, code=code)


def add_official(office, full_name, *, position: str = "", unit=None) -> Official:
    roles.require(office, "catalog")
    full_name = required(full_name, W.FULL_NAME, field="full_name", max_len=120)
    if isinstance(unit, str):
        unit = find_unit(office, unit) if unit.strip() else None
    return records.create(Official, office=office, full_name=full_name,
                          position=optional_line(position), unit=unit)


def update_item(rec, changes: dict, *, expected_version: int | None = None):
    """Edit a village, unit, field or official; names stay non-empty and unique."""
    roles.require(rec.office, "catalog")
    for key in ("name", "full_name"):
        if key in changes:
            changes[key] = required(changes[key], W.NAME_SHORT, field=key, max_len=120)
            if key == "name":
                _unique(type(rec), rec.office, changes[key], W.NAME_SHORT, exclude_id=rec.id)
    return records.update(rec, changes, expected_version=expected_version)


def _listing(model, office, active_only: bool, order, *, by_name: str | None = None):
    """A catalogue list; names sorted in Vietnamese order (đ after d, tones after
    the bare letter), which neither SQLite nor every PostgreSQL collation gives."""
    q = model.select().where(model.office == office)
    if active_only:
        q = q.where(model.active == True)
    rows = list(q.order_by(order))
    return sort_by_name(rows, by_name) if by_name else rows


def villages(office, active_only: bool = True):
    return _listing(Village, office, active_only, Village.name, by_name="name")


def units(office, active_only: bool = True):
    return _listing(Unit, office, active_only, Unit.name, by_name="name")


def fields(office, active_only: bool = True):
    return _listing(Field, office, active_only, Field.code)


def officials(office, active_only: bool = True):
    return _listing(Official, office, active_only, Official.full_name, by_name="full_name")


def find_village(office, name) -> Village:
    return pick_by_name(name, villages(office, active_only=False), W.VILLAGES, field="village")


def find_unit(office, name) -> Unit:
    return pick_by_name(name, units(office, active_only=False), UNIT, field="unit")


def find_field(office, name) -> Field:
    return pick_by_name(name, fields(office, active_only=False), FIELD, field="field")


def set_holiday_override(office, day, kind: str, note: str = "") -> HolidayOverride:
    roles.require(office, "catalog")
    day = parse_date(day, W.DAY)
    if kind not in ("off", "work"):
        raise ValidationError(W.BAD_DAY_KIND)
    row = HolidayOverride.get_or_none((HolidayOverride.office == office) & (HolidayOverride.day == day))
    if row:
        return records.update(row, {"kind": kind, "note": note})
    return records.create(HolidayOverride, office=office, day=day, kind=kind, note=optional_line(note))


def holiday_overrides(office):
    return list(HolidayOverride.select().where(HolidayOverride.office == office).order_by(HolidayOverride.day))


def remove_holiday_override(row: HolidayOverride) -> None:
    roles.require(row.office, "catalog")
    records.delete(row)


def set_rule(office, key: str, days, unit: str):
    """An office's own number of days for a deadline rule (the legal default
    stays in data/catalog/rules.json and is shown beside it)."""
    roles.require(office, "catalog")

    rules = default_rules()
    if key not in rules:
        raise ValidationError(W.NO_SUCH_RULE.format(key=key))
    days = parse_int(days, W.DAYS, minimum=0, maximum=365, field="days")
    if unit not in ("calendar", "working"):
        raise ValidationError(W.BAD_RULE_UNIT,
                              field="unit")
    row = RuleSetting.get_or_none((RuleSetting.office == office) & (RuleSetting.key == key))
    if row:
        return records.update(row, {"days": days, "unit": unit})
    return records.create(RuleSetting, office=office, key=key, days=days, unit=unit)
