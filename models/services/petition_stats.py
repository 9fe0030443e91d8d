"""Statistics on petitions for the report to the level above: counts by field,
unit, village and status, and the on-time rate of written answers."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .. import clock
from ..petitions import DISPOSITIONS, STATUSES, Petition

NONE_LABEL = "(chưa xác định)"


@dataclass(frozen=True)
class Row:
    label: str
    total: int
    done: int          # answered, closed, forwarded or noted
    late: int          # not done after the due date, or answered after it


@dataclass(frozen=True)
class Summary:
    total: int
    by_field: list[Row]
    by_unit: list[Row]
    by_village: list[Row]
    by_status: list[tuple[str, int]]
    by_disposition: list[tuple[str, int]]
    due_count: int      # petitions with a written-answer deadline
    on_time: int        # answered no later than the deadline
    late_open: int      # still open past the deadline

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.due_count if self.due_count else None


def _done(p: Petition) -> bool:
    return p.status != "open"


def _late(p: Petition, today: dt.date) -> bool:
    if not p.due_on:
        return False
    if p.status == "open":
        return today > p.due_on
    return bool(p.answer_date and p.answer_date > p.due_on)


def _rows(petitions, key, today) -> list[Row]:
    groups: dict[str, list[Petition]] = {}
    for p in petitions:
        groups.setdefault(key(p) or NONE_LABEL, []).append(p)
    rows = [Row(label, len(ps), sum(_done(p) for p in ps), sum(_late(p, today) for p in ps))
            for label, ps in groups.items()]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def summarise(petitions, today: dt.date | None = None) -> Summary:
    today = today or clock.today()
    ps = list(petitions)
    with_due = [p for p in ps if p.due_on]
    on_time = sum(1 for p in with_due if p.status != "open" and p.answer_date and p.answer_date <= p.due_on)
    statuses = Counter(p.status for p in ps)
    dispositions = Counter(p.disposition for p in ps)
    return Summary(
        total=len(ps),
        by_field=_rows(ps, lambda p: p.field.name if p.field_id else "", today),
        by_unit=_rows(ps, lambda p: p.unit.name if p.unit_id else "", today),
        by_village=_rows(ps, lambda p: p.village.label if p.village_id else "", today),
        by_status=[(STATUSES.get(k, k), n) for k, n in statuses.most_common()],
        by_disposition=[(DISPOSITIONS.get(k, k), n) for k, n in dispositions.most_common()],
        due_count=len(with_due), on_time=on_time,
        late_open=sum(1 for p in with_due if p.status == "open" and today > p.due_on))
