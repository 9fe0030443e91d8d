"""Kế hoạch: create from a template, copy last year's, edit, list."""
from __future__ import annotations

import uuid
from pathlib import Path

import data
from models.core import clock
from models.core.errors import Locked, ValidationError
from models.core.words import PlanWords as W
from models.domain.office import Office
from models.domain.plan import PLAN_DRAFT, Plan
from models.services import records, roles
from models.services.validate import parse_int, required, text

TEMPLATES = {
    "ubnd_xa": "templates/ke-hoach-ubnd.json",
    "ubnd_phuong": "templates/ke-hoach-ubnd.json",
    "ubnd_huyen": "templates/ke-hoach-ubnd.json",
    "dang_uy_xa": "templates/ke-hoach-dang-uy.json",
}

EDITABLE = ("title", "place_date", "legal_bases", "preamble", "body", "closing", "topics", "chair",
            "secretary", "participants", "venues", "schedule", "budget_source", "assignments",
            "recipients", "signer_authority", "signer_position", "signer_name", "year")


def _fill(value: str, office: Office, year: int) -> str:
    loc = office.locality or office.place_name
    return (value.replace("{locality}", loc).replace("{Locality}", loc[:1].upper() + loc[1:])
            .replace("{year}", str(year)))


def new_from_template(office: Office, year: int | None = None) -> Plan:
    year = year or clock.today().year
    tpl = data.load_json(TEMPLATES.get(office.kind, "templates/ke-hoach-ubnd.json"))

    def f(v):
        if isinstance(v, list):
            v = "\n".join(v)
        return _fill(v, office, year)

    return records.create(
        Plan, office=office, series=uuid.uuid4().hex, year=year, title=f(tpl["title"]),
        legal_bases=f(tpl["legal_bases"]), preamble=f(tpl["preamble"]), body=f(tpl["body"]),
        closing=f(tpl["closing"]), recipients=f(tpl["recipients"]), topics=f(tpl["topics"]),
        schedule=f(tpl["schedule"]), budget_source=f(tpl["budget_source"]),
        participants=f(tpl.get("participants", "")), assignments=f(tpl.get("assignments", "")),
        venues=f(tpl.get("venues", "")), secretary=f(tpl.get("secretary", "")),
        chair=W.CHAIR_OF.format(name=office.name) if office.family == "state" else W.PARTY_SECRETARY_OF.format(name=office.name),
        signer_authority=office.signer_authority, signer_position=office.signer_position,
        signer_name=office.signer_name, source=f"template:{office.kind}")


def copy_plan(plan: Plan, year: int | None = None) -> Plan:
    """Last year's plan as a new draft; the year in its texts moves with it."""
    year = year or plan.year + 1
    values = {k: getattr(plan, k) for k in EDITABLE}
    for k, v in values.items():
        # the legal bases keep their own dates ("Luật … ngày 16 tháng 6 năm 2025")
        if isinstance(v, str) and k != "legal_bases":
            values[k] = v.replace(W.YEAR_OF.format(year=plan.year), W.YEAR_OF.format(year=year))
    values.update(year=year, place_date=None)
    return records.create(Plan, office=plan.office, series=uuid.uuid4().hex, source=f"copy:{plan.id}",
                          **values)


def update_plan(plan: Plan, changes: dict, *, expected_version: int | None = None) -> Plan:
    if plan.status != PLAN_DRAFT:
        raise Locked(W.ISSUED_NO_EDIT)
    bad = set(changes) - set(EDITABLE)
    if bad:
        raise ValidationError(W.NOT_EDITABLE.format(join=', '.join(sorted(bad))))
    if "title" in changes:
        changes["title"] = required(changes["title"], W.TITLE, field="title", max_len=1000)
    if "year" in changes:
        changes["year"] = parse_int(changes["year"], W.YEAR, minimum=2000, maximum=2100, field="year")
    for k, v in list(changes.items()):
        if k not in ("title", "year", "place_date") and isinstance(v, str):
            changes[k] = text(v)
    return records.update(plan, changes, expected_version=expected_version, lock_check=False)


def discard_draft(plan: Plan) -> None:
    """Remove a draft that was never wanted (created, then cancelled). Issued
    plans and later versions are never removed."""
    fresh = Plan.get_by_id(plan.id)
    if fresh.status != PLAN_DRAFT or fresh.version != 1:
        raise Locked(W.ONLY_FIRST_DRAFT)
    records.delete(fresh)


def new_version(plan: Plan, reason: str) -> Plan:
    """A correction after issue: a new draft version; the issued one stays readable."""
    roles.require(plan.office, "correct")
    reason = required(reason, W.CHANGE_REASON, field="reason", max_len=2000)
    latest = Plan.select().where(Plan.series == plan.series).order_by(Plan.version.desc()).first()
    values = {k: getattr(latest, k) for k in EDITABLE}
    return records.create(Plan, office=plan.office, series=plan.series, version=latest.version + 1,
                          change_reason=reason, source=f"version:{latest.id}", **values)


def plans(office: Office):
    """The newest version of each plan, newest year first."""
    rows = list(Plan.select().where(Plan.office == office).order_by(Plan.year.desc(), Plan.version.desc()))
    seen, out = set(), []
    for p in rows:
        if p.series not in seen:
            seen.add(p.series)
            out.append(p)
    return out


def versions(plan: Plan):
    return list(Plan.select().where(Plan.series == plan.series).order_by(Plan.version))


#: what an imported file brings into the next draft of an existing plan
IMPORTED = ("title", "legal_bases", "preamble", "body", "closing", "recipients", "signer_authority",
            "signer_position", "signer_name")


def import_next_draft(plan: Plan, path, reason: str = "") -> Plan:
    """A plan edited in Word comes back as its next draft: into the draft itself
    while it is one, or into a new version (with the reason) once it is issued.
    The structured fields (chair, venues, schedule …) stay as they were."""
    latest = Plan.select().where((Plan.office == plan.office) & (Plan.series == plan.series)) \
        .order_by(Plan.version.desc()).first()
    from models.services import plan_import  # off the start-up path: its rules, for a plan edited in Word only

    with Plan._meta.database.atomic():
        imported = plan_import.import_plan(plan.office, path).plan
        values = {k: getattr(imported, k) for k in IMPORTED if getattr(imported, k)}
        records.delete(imported)
        if latest.status == PLAN_DRAFT:
            target = latest
        else:
            target = new_version(latest, reason or W.FROM_WORD_FILE.format(name=Path(path).name))
        return records.update(target, values, lock_check=False)
