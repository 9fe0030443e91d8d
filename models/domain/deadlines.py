"""Deadline arithmetic (cách tính thời hạn).

Rules from the Civil Code 2015 (Bộ luật Dân sự), Art. 145-148:
- the day of the event is not counted: a time limit in days starts the next day
  (Art. 147.1);
- a time limit that ends on a weekly rest day or a public holiday ends on the next
  working day (Art. 148.5);
- "ngày" are calendar days; "ngày làm việc" skip Saturdays, Sundays, public
  holidays and the Government's swapped days off, and count make-up Saturdays.

Milestones that must happen *before* an event ("notice at least 7 days before")
are counted backwards; when the last allowed day is not a working day the office
must act on the working day before it, so that date moves back, not forward.

Public holidays come from the ``holidays`` package (Vietnam, language "vi"),
which also lists the Government's swapped days off and make-up Saturdays; the
office adds its own overrides (HolidayOverride) on top.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec

from models.core.paths import locations
from models.domain.office import HolidayOverride

CALENDAR = "calendar"
WORKING = "working"
ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _national(year: int) -> tuple[dict, frozenset]:
    """Public holidays and make-up working Saturdays of one year.

    The holidays package takes a noticeable part of a second to import and
    build on an old PC, so each year's result is kept in the user cache, keyed by
    the package version, and the package is imported only on a cache miss."""
    cached = _read_cache(year)
    if cached is not None:
        return cached
    import holidays  # heavy: loaded when used, not at start-up

    h = holidays.country_holidays("VN", years=[year], language="vi")
    days = {d: name for d, name in h.items() if d.year == year}
    workdays = frozenset(d for d in getattr(h, "weekend_workdays", ()) if d.year == year)
    _write_cache(year, days, workdays)
    return days, workdays


def _cache_file(year: int):
    """Keyed by the installed holidays package (size and time of its files'
    entry point), found without importing it or reading package metadata,
    both of which are slow on an old PC."""
    spec = find_spec("holidays")
    if spec is None or not spec.origin:
        return None
    st = os.stat(spec.origin)
    return locations().cache / f"holidays-VN-{year}-{st.st_size}-{int(st.st_mtime)}.json"


def _read_cache(year: int):
    try:
        path = _cache_file(year)
        if path is None or not path.exists():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        days = {dt.date.fromisoformat(k): v for k, v in raw["holidays"].items()}
        return days, frozenset(dt.date.fromisoformat(d) for d in raw["workdays"])
    except (OSError, ValueError, KeyError):
        return None


def _write_cache(year: int, days: dict, workdays: frozenset) -> None:
    try:
        path = _cache_file(year)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"holidays": {d.isoformat(): n for d, n in days.items()},
                                   "workdays": sorted(d.isoformat() for d in workdays)},
                                  ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a cache is an optimisation; a read-only cache folder is fine


@dataclass
class WorkCalendar:
    """Working days of one office: national holidays plus its overrides.

    ``overrides`` maps a date to "off" (a swapped day off) or "work" (a make-up
    working day, typically a Saturday)."""

    overrides: dict[dt.date, str] = field(default_factory=dict)

    def is_working_day(self, day: dt.date) -> bool:
        kind = self.overrides.get(day)
        if kind == "work":
            return True
        if kind == "off":
            return False
        holidays, workdays = _national(day.year)
        if day in holidays:
            return False
        if day.weekday() >= 5:
            return day in workdays
        return True

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def previous_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def add(self, start: dt.date, days: int, unit: str = CALENDAR) -> dt.date:
        """The last day of a time limit of ``days`` counted from the event on
        ``start`` (which is not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        if unit == WORKING:
            day, left = start, days
            while left:
                day += ONE_DAY
                if self.is_working_day(day):
                    left -= 1
            return day
        return self.next_working_day(start + dt.timedelta(days=days))

    def before(self, event: dt.date, days: int, unit: str = CALENDAR) -> dt.date:
        """The last day on which something done "at least ``days`` before
        ``event``" is still in time."""
        if unit == WORKING:
            day, left = event, days
            while left:
                day -= ONE_DAY
                if self.is_working_day(day):
                    left -= 1
            return day
        return self.previous_working_day(event - dt.timedelta(days=days))

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative
        when ``end`` is before ``start`` (days late)."""
        if end == start:
            return 0
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        count, day = 0, lo
        while day < hi:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return sign * count

    def days_left(self, today: dt.date, due: dt.date, unit: str = CALENDAR) -> int:
        if unit == WORKING:
            return self.working_days_between(today, due)
        return (due - today).days


def office_calendar(office) -> WorkCalendar:
    """The calendar of an office, with its overrides from the database."""
    rows = HolidayOverride.select().where(HolidayOverride.office == office)
    return WorkCalendar({r.day: r.kind for r in rows})
