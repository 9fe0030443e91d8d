"""Sửa hoặc rút một kiến nghị đã ghi: one form used by the live session (Ctrl+D on
the selected row) and by the board's detail view (E).

Every field of the petition can be corrected; writing a reason in the last
field withdraws the petition instead (it leaves the board and the statistics,
its history stays). Saving goes through models.services.petition_edit, which
writes the history entry."""
from __future__ import annotations

import peewee as pw

from models.domain.petition import CHANNELS, DISPOSITIONS, Petition
from models.core.words import CONTENT, FIELD, FIELD_LABELS

from .form import FormField, FormScreen
from ..words import PetitionFormWords as W


def _d(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def form_choices(petition_id: int):
    """In a worker: what the form needs, read at once (the petition with its
    village, field and unit, and the lists to choose from), or None if the
    petition is gone. Returns the arguments of ``petition_form``."""
    from models.domain.office import Field, Unit, Village
    from models.core.text import by_name

    p = (Petition.select(Petition, Village, Field, Unit)
         .join(Village, pw.JOIN.LEFT_OUTER, on=(Petition.village == Village.id))
         .switch(Petition).join(Field, pw.JOIN.LEFT_OUTER, on=(Petition.field == Field.id))
         .switch(Petition).join(Unit, pw.JOIN.LEFT_OUTER, on=(Petition.unit == Unit.id))
         .where(Petition.id == petition_id).first())
    if p is None:
        return None
    fields_ = [(f.name, f.name) for f in Field.select().where(Field.office == p.office_id).order_by(Field.code)]
    units = [(u.name, u.name) for u in by_name(Unit.select().where((Unit.office == p.office_id) & Unit.active))]
    return p, fields_, units


def petition_form(p: Petition, fields_: list, units: list, typed: dict | None = None) -> FormScreen:
    """The form for ``p`` (from ``form_choices``); it returns the saved petition
    (or None if cancelled); the screen that opens it answers its Ctrl+S with
    ``answer``. ``typed``: the values typed before a kill, shown over the stored ones."""
    version = p.row_version
    form = [
        FormField("citizen_title", W.CITIZEN_TITLE, p.citizen_title),
        FormField("citizen_name", W.CITIZEN, "" if p.citizen_withheld and not p.citizen_name else p.citizen_name),
        FormField("citizen_withheld", W.WITHHELD, "yes" if p.citizen_withheld else "no", kind="select",
                  options=[(W.NO, "no"), (W.WITHHELD_YES, "yes")]),
        FormField("citizen_address", W.ADDRESS, p.citizen_address),
        FormField("citizen_phone", W.PHONE, p.citizen_phone),
        FormField("village", W.VILLAGE, p.village.name if p.village_id else ""),
        FormField("field", FIELD, p.field.name if p.field_id else None, kind="select", options=fields_),
        FormField("channel", W.CHANNEL, p.channel, kind="select",
                  options=[(label, key) for key, label in CHANNELS.items()]),
        FormField("content", CONTENT, p.content, kind="text"),
        FormField("disposition", W.DISPOSITION, p.disposition, kind="select",
                  options=[(label, key) for key, label in DISPOSITIONS.items()]),
        FormField("answer_on_spot", FIELD_LABELS["answer_on_spot"], p.answer_on_spot, kind="text"),
        FormField("answered_by", W.ANSWERED_BY, p.answered_by),
        FormField("unit", W.UNIT, p.unit.name if p.unit_id else None, kind="select",
                  options=units),
        FormField("forwarded_to", W.FORWARDED_TO, p.forwarded_to),
        FormField("forward_number", W.FORWARD_NUMBER, p.forward_number),
        FormField("forward_date", W.FORWARD_DATE, _d(p.forward_date)),
        FormField("followup_on", W.FOLLOWUP_ON, _d(p.followup_on)),
        FormField("withdraw", W.WITHDRAW_REASON, ""),
    ]
    initial = {f.key: f.value for f in form}
    # saved by the screen that opened it (save_petition, intent up: tui/widgets/form.py)
    screen = FormScreen(W.TITLE.format(number=p.seq or p.id, citizen_label=p.citizen_label), form, id="petition",
                        subject=(p.id, initial, version))
    if typed:
        screen._initial_override = {f.key: f.value if f.kind == "select" else str(f.value or "") for f in form}
        for f in form:
            if f.key in typed:
                f.value = typed[f.key]
    return screen


def answer(event) -> None:
    """Ctrl+S in the petition form: the edit service saves what was typed (in the form's worker)."""
    from models.services import petition_edit as pe

    petition_id, shown, version = event.subject
    event.save(pe.edit_as_typed, petition_id, event.values, shown, version)
