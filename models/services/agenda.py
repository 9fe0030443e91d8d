"""Chương trình hội nghị: the programme a conference follows, edited as text
(one item a line: "Nội dung | Người trình bày | số phút"), and the opening
report. The planned start of each item follows from the conference's start
time and the minutes before it; the session clock (Ctrl+T) runs over it."""
from __future__ import annotations

import datetime as dt

from data import load_json
from models.core.errors import ValidationError
from models.core.text import clean_line
from models.core.words import AgendaWords as W
from models.domain.conference import AgendaItem, Conference
from models.services import records
from models.services.validate import text

SEP = "|"


def default_items() -> list[tuple[str, str, int]]:
    """The office's template (data/catalog/agenda.json)."""
    return [(i["title"], i.get("presenter", ""), int(i.get("minutes", 0)))
            for i in load_json("catalog/agenda.json")["items"]]


def as_text(items) -> str:
    return "\n".join(f"{t} {SEP} {p} {SEP} {m}" for t, p, m in items)


def agenda_text(conf: Conference) -> str:
    """The conference's programme as lines to edit; the template when it has none."""
    items = [(a.title, a.presenter, a.planned_minutes) for a in
             AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq)]
    return as_text(items or default_items())


def parse(value: str) -> list[tuple[str, str, int]]:
    out = []
    for n, line in enumerate((value or "").splitlines(), start=1):
        if not clean_line(line):
            continue
        parts = [clean_line(x) for x in line.split(SEP)]
        title = parts[0]
        presenter = parts[1] if len(parts) > 1 else ""
        minutes = parts[2] if len(parts) > 2 else "0"
        if not title:
            raise ValidationError(W.MISSING_CONTENT.format(n=n), field="agenda")
        if not minutes.isdigit() or int(minutes) > 600:
            raise ValidationError(W.BAD_MINUTES.format(n=n, minutes=minutes, sep=SEP), field="agenda")
        out.append((title, presenter, int(minutes)))
    return out


def set_agenda(conf: Conference, value: str, opening_report: str | None = None) -> Conference:
    """Replace the programme (refused once an item has started) and the opening report."""
    items = parse(value)
    current = list(AgendaItem.select().where(AgendaItem.conference == conf).order_by(AgendaItem.seq))
    same = [(a.title, a.presenter, a.planned_minutes) for a in current] == items
    if not same and any(a.actual_start for a in current):
        raise ValidationError(W.STARTED, field="agenda")
    try:
        clock = dt.datetime.strptime(conf.start_time or "08:00", "%H:%M")
    except ValueError:
        clock = dt.datetime.strptime("08:00", "%H:%M")
    with Conference._meta.database.atomic():
        if not same:
            for a in current:
                records.delete(a)
            for seq, (title, presenter, minutes) in enumerate(items, start=1):
                records.create(AgendaItem, conference=conf, seq=seq, title=title, presenter=presenter,
                               planned_start=f"{clock:%H:%M}", planned_minutes=minutes)
                clock += dt.timedelta(minutes=minutes)
        if opening_report is not None and text(opening_report) != conf.opening_report:
            conf = records.update(Conference.get_by_id(conf.id), {"opening_report": text(opening_report)})
    return conf
