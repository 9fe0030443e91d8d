"""Thống kê kiến nghị: the one counting function (SPEC "Counting petitions")
behind the report's text, its tables and chart, the exports and the dashboard.

Computed by GROUP BY in the database over the same filters as the board (a
BoardQuery: period, conference, unit …), so a province's 100,000 petitions
are counted without loading them.

Every petition the query selects falls in exactly one category (``categories``):
- resolved (đã giải quyết): answered in writing, or answered on the spot and
  closed (a closed petition that was noted or forwarded keeps that category);
- noted (ghi nhận): recorded for consideration, no answer owed; never resolved;
- forwarded (chuyển cấp có thẩm quyền): never resolved by the office; waiting
  for the upper level, or the upper level has answered;
- in progress (đang giải quyết): open, its deadline not passed (or none);
- late (quá hạn): open past its deadline (followup.py: the board's "late").
So received = resolved + noted + forwarded + in progress + late. A withdrawn
petition is not counted (the board's filters leave it out): ``withdrawn``
counts it apart. Each member of a group counts (documents list a group once).
- answered: resolved with a written answer's date; on time: answered on or
  before the deadline (or it had none); on-time rate = on time / answered."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from models.domain.office import Field, Unit, Village
from models.domain.petition import DISPOSITIONS, Petition
from models.core.words import COUNT_LABELS, FIELD, UNIT
from models.services import followup
from models.services.board import BoardQuery, Context, context_for, where_clause
from models.core.words import StatisticsWords as W

NONE_LABEL = W.UNKNOWN


@dataclass(frozen=True)
class StatRow:
    label: str
    total: int
    resolved: int
    noted: int
    forwarded_waiting: int
    forwarded_replied: int
    in_progress: int
    late: int
    answered: int
    on_time: int

    @property
    def forwarded(self) -> int:
        return self.forwarded_waiting + self.forwarded_replied

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.answered if self.answered else None

    def count(self, key: str) -> int:
        """One figure by its key: a category of COUNT_LABELS, "forwarded" or "total"."""
        return getattr(self, key)


@dataclass(frozen=True)
class Statistics:
    today: dt.date
    overall: StatRow
    by_field: list[StatRow]
    by_unit: list[StatRow]
    by_village: list[StatRow]
    by_result: list[StatRow]
    by_disposition: list[StatRow]
    withdrawn: int = 0

    def tables(self) -> list[tuple[str, str, list[StatRow]]]:
        """(title, first column heading, rows) for each breakdown, in report order."""
        return [(W.BY_FIELD, FIELD, self.by_field),
                (W.BY_UNIT, UNIT, self.by_unit),
                (W.BY_VILLAGE, W.VILLAGES, self.by_village)]


def categories(ctx: Context) -> dict:
    """SPEC "Counting petitions" as SQL conditions, one per category; every
    petition that is not withdrawn meets exactly one."""
    status, disposition = Petition.status, Petition.disposition
    closed = status == "closed"
    late = followup.urgency_expr(ctx.today, ctx.soon_limit)["late"]
    return {
        "resolved": (status == "answered") | (closed & disposition.not_in(("noted", "forwarded"))),
        "noted": (status == "noted") | (closed & (disposition == "noted")),
        "forwarded_waiting": status == "forwarded",
        "forwarded_replied": (status == "forwarded_replied") | (closed & (disposition == "forwarded")),
        "in_progress": (status == "open") & (Petition.due_on.is_null() | (Petition.due_on >= ctx.today)),
        "late": late,
    }


def _measures(ctx: Context):
    cats = categories(ctx)
    answered = cats["resolved"] & Petition.answer_date.is_null(False)
    on_time = answered & (Petition.due_on.is_null() | (Petition.answer_date <= Petition.due_on))

    def count_if(cond, alias):
        return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(cond, 1)], 0)), 0).alias(alias)

    return [pw.fn.COUNT(Petition.id).alias("total"), *[count_if(c, k) for k, c in cats.items()],
            count_if(answered, "answered"), count_if(on_time, "on_time")]


def _stat(label: str, r: dict) -> StatRow:
    return StatRow(label, int(r["total"]), *(int(r[k]) for k in COUNT_LABELS), int(r["answered"]),
                   int(r["on_time"]))


#: a unit's row for the petitions no unit was given (on the spot, noted, forwarded)
NO_UNIT_LABEL = W.NO_UNIT


def _grouped(q: BoardQuery, ctx: Context, model, label_col, none_label: str = NONE_LABEL) -> list[StatRow]:
    fk = {Field: Petition.field, Unit: Petition.unit, Village: Petition.village}[model]
    query = (Petition.select(label_col.alias("label"), *_measures(ctx))
             .join(model, pw.JOIN.LEFT_OUTER, on=(fk == model.id))
             .where(where_clause(q, ctx)).group_by(label_col))
    rows = [_stat(r["label"] or none_label, r) for r in query.dicts()]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def compute(q: BoardQuery, ctx: Context | None = None) -> Statistics:
    """Statistics over the petitions the query selects (its page and sort are ignored)."""
    ctx = ctx or context_for(q)
    where = where_clause(q, ctx)
    overall = _stat(W.TOTAL, Petition.select(*_measures(ctx)).where(where).dicts().get())
    by_result = [StatRow(label, overall.count(key), **{k: overall.count(k) if k == key else 0
                                                       for k in COUNT_LABELS},
                         answered=overall.answered if key == "resolved" else 0,
                         on_time=overall.on_time if key == "resolved" else 0)
                 for key, label in COUNT_LABELS.items()]
    withdrawn = Petition.select(pw.fn.COUNT(Petition.id)).where(
        where_clause(q.with_(status="withdrawn"), ctx)).scalar() or 0
    return Statistics(ctx.today, overall, _grouped(q, ctx, Field, Field.name), _grouped(q, ctx, Unit, Unit.name, NO_UNIT_LABEL),
                      _grouped(q, ctx, Village, Village.name), by_result,
                      _by_code(where, ctx, Petition.disposition, DISPOSITIONS), int(withdrawn))


def _by_code(where, ctx: Context, column, labels: dict) -> list[StatRow]:
    rows = [_stat(labels.get(r["code"], r["code"]), r) for r in
            Petition.select(column.alias("code"), *_measures(ctx)).where(where).group_by(column).dicts()]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def percent(rate: float | None) -> str:
    """"87,5%" (Vietnamese decimal comma), "—" when nothing was answered."""
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")
