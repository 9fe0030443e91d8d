"""Thống kê kiến nghị for the report to the level above and the exports:
counts by field, unit, village and status, and the on-time rate.

Computed by GROUP BY in the database over the same filters as the board (a
BoardQuery: period, conference, unit …), so a province's 100,000 petitions
are counted without loading them.

Definitions (written here once, used by the exports and the report):
- done: the petition is settled (answered, closed, noted, or forwarded and
  the upper level's reply recorded);
- forwarded: sent to the competent authority and still waiting for its reply
  (counted apart: neither done nor open at this level);
- a withdrawn petition is not counted at all (the board's filters leave it out);
- late: still open and past its deadline (followup.py, as on the dashboard);
- answered: a written answer is recorded (it has an answer date);
- on time: answered on or before the deadline (or it had no deadline);
- on-time rate = on time / answered."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from ..catalog import Field, Unit, Village
from ..petitions import DISPOSITIONS, STATUSES, Petition
from ..words import FIELD, UNIT
from . import followup
from .board import BoardQuery, Context, context_for, where_clause

NONE_LABEL = "(chưa xác định)"


@dataclass(frozen=True)
class StatRow:
    label: str
    total: int
    done: int
    late: int
    answered: int
    on_time: int
    forwarded: int = 0

    @property
    def open(self) -> int:
        return self.total - self.done - self.forwarded

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.answered if self.answered else None


@dataclass(frozen=True)
class Statistics:
    today: dt.date
    overall: StatRow
    by_field: list[StatRow]
    by_unit: list[StatRow]
    by_village: list[StatRow]
    by_status: list[StatRow]
    by_disposition: list[StatRow]

    def tables(self) -> list[tuple[str, str, list[StatRow]]]:
        """(title, first column heading, rows) for each breakdown, in report order."""
        return [("Theo lĩnh vực", FIELD, self.by_field),
                ("Theo đơn vị được giao", UNIT, self.by_unit),
                ("Theo thôn, tổ dân phố", "Thôn, tổ dân phố", self.by_village),
                ("Theo tình trạng", "Tình trạng", self.by_status)]


def _measures(ctx: Context):
    late = followup.urgency_expr(ctx.today, ctx.soon_limit)["late"]
    answered = Petition.answer_date.is_null(False)
    on_time = answered & (Petition.due_on.is_null() | (Petition.answer_date <= Petition.due_on))

    def count_if(cond, alias):
        return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(cond, 1)], 0)), 0).alias(alias)

    return [pw.fn.COUNT(Petition.id).alias("total"),
            count_if(Petition.status.not_in(("open", "forwarded")), "done"),
            count_if(late, "late"), count_if(answered, "answered"), count_if(on_time, "on_time"),
            count_if(Petition.status == "forwarded", "forwarded")]


def _stat(label: str, r: dict) -> StatRow:
    return StatRow(label, int(r["total"]), int(r["done"]), int(r["late"]), int(r["answered"]),
                   int(r["on_time"]), int(r["forwarded"]))


def _grouped(q: BoardQuery, ctx: Context, model, label_col) -> list[StatRow]:
    fk = {Field: Petition.field, Unit: Petition.unit, Village: Petition.village}[model]
    query = (Petition.select(label_col.alias("label"), *_measures(ctx))
             .join(model, pw.JOIN.LEFT_OUTER, on=(fk == model.id))
             .where(where_clause(q, ctx)).group_by(label_col))
    rows = [_stat(r["label"] or NONE_LABEL, r) for r in query.dicts()]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def compute(q: BoardQuery, ctx: Context | None = None) -> Statistics:
    """Statistics over the petitions the query selects (its page and sort are ignored)."""
    ctx = ctx or context_for(q)
    where = where_clause(q, ctx)
    overall = _stat("Tổng cộng", Petition.select(*_measures(ctx)).where(where).dicts().get())
    return Statistics(ctx.today, overall, _grouped(q, ctx, Field, Field.name), _grouped(q, ctx, Unit, Unit.name),
                      _grouped(q, ctx, Village, Village.name),
                      _by_code(where, ctx, Petition.status, STATUSES),
                      _by_code(where, ctx, Petition.disposition, DISPOSITIONS))


def _by_code(where, ctx: Context, column, labels: dict) -> list[StatRow]:
    rows = [_stat(labels.get(r["code"], r["code"]), r) for r in
            Petition.select(column.alias("code"), *_measures(ctx)).where(where).group_by(column).dicts()]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def percent(rate: float | None) -> str:
    """"87,5%" (Vietnamese decimal comma), "—" when nothing was answered."""
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")
