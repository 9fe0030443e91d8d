"""Deadline counting on real dates (Civil Code 2015, Art. 145-148; holidays
from the holidays package, Vietnam, plus office overrides)."""
import datetime as dt

import pytest

from models.domain.deadlines import WorkCalendar

D = dt.date


@pytest.fixture
def cal():
    return WorkCalendar()


def test_national_holidays_2026_are_known(cal):
    for day in [D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 20), D(2026, 4, 30), D(2026, 5, 1),
                D(2026, 9, 1), D(2026, 9, 2)]:
        assert not cal.is_working_day(day), day


def test_start_day_is_not_counted(cal):
    assert cal.add(D(2026, 3, 10), 1) == D(2026, 3, 11)
    assert cal.add(D(2026, 3, 10), 0) == D(2026, 3, 10)


def test_calendar_days_across_tet_2026_end_on_next_working_day(cal):
    # 10/02 + 5 days = Sunday 15/02; 16-20/02 are Tết; 21-22 a weekend.
    assert cal.add(D(2026, 2, 10), 5) == D(2026, 2, 23)


def test_working_days_across_tet_2026(cal):
    # Wed 11, Thu 12, Fri 13, then Tết week and a weekend, then 23..27/02, 02-03/03.
    assert cal.add(D(2026, 2, 10), 10, "working") == D(2026, 3, 3)
    assert cal.working_days_between(D(2026, 2, 10), D(2026, 3, 3)) == 10


def test_deadline_on_30_april_moves_past_1_may_and_weekend(cal):
    assert cal.add(D(2026, 3, 31), 30) == D(2026, 5, 4)


def test_deadline_on_2_september_holidays(cal):
    # 21/08 + 10 = 31/08, a swapped day off, then 01-02/09 national day.
    assert cal.add(D(2026, 8, 21), 10) == D(2026, 9, 3)


def test_government_make_up_saturday_is_a_working_day(cal):
    assert cal.is_working_day(D(2026, 8, 22))  # worked in exchange for 31/08/2026
    assert not cal.is_working_day(D(2026, 8, 29))


def test_deadline_landing_on_sunday_moves_to_monday(cal):
    assert D(2026, 11, 1).weekday() == 6
    assert cal.add(D(2026, 10, 2), 30) == D(2026, 11, 2)


def test_office_make_up_saturday_override():
    plain = WorkCalendar()
    office = WorkCalendar({D(2026, 10, 10): "work"})
    assert plain.add(D(2026, 10, 8), 2, "working") == D(2026, 10, 12)
    assert office.add(D(2026, 10, 8), 2, "working") == D(2026, 10, 10)


def test_office_swapped_day_off_override():
    office = WorkCalendar({D(2026, 10, 12): "off"})
    assert office.add(D(2026, 10, 2), 10) == D(2026, 10, 13)
    assert not office.is_working_day(D(2026, 10, 12)) and WorkCalendar().is_working_day(D(2026, 10, 12))


def test_working_versus_calendar_days(cal):
    start = D(2026, 6, 5)  # a Friday
    assert cal.add(start, 10) == D(2026, 6, 15)
    assert cal.add(start, 10, "working") == D(2026, 6, 19)


def test_before_moves_back_to_previous_working_day(cal):
    # Notice at least 7 days before a conference on Fri 27/02/2026: 20/02 is
    # Tết, so the last day to publish is Fri 13/02.
    assert cal.before(D(2026, 2, 27), 7) == D(2026, 2, 13)
    assert cal.before(D(2026, 6, 19), 3) == D(2026, 6, 16)


def test_days_left_and_late(cal):
    assert cal.days_left(D(2026, 3, 2), D(2026, 3, 9)) == 7
    assert cal.days_left(D(2026, 3, 9), D(2026, 3, 2)) == -7
    assert cal.days_left(D(2026, 3, 2), D(2026, 3, 9), "working") == 5
    assert cal.days_left(D(2026, 3, 9), D(2026, 3, 2), "working") == -5


def test_holiday_cache_gives_the_same_answer(tmp_path, monkeypatch):
    from models.domain import deadlines

    deadlines._national.cache_clear()
    first = deadlines._national(2026)
    deadlines._national.cache_clear()
    assert deadlines._read_cache(2026) is not None
    assert deadlines._national(2026) == first


def test_office_rules_override_and_milestones(office):
    from models.domain.office import RuleSetting
    from models.domain.conference import Conference
    from models.services.milestones import conference_milestones

    conf = Conference.create(office=office, date=D(2026, 6, 19), venue="Nhà văn hóa")
    ms = {m.key: m for m in conference_milestones(conf, today=D(2026, 6, 1))}
    assert ms["notice"].due == D(2026, 6, 12)
    assert ms["conclusions"].due == D(2026, 6, 29)
    assert ms["notice"].state == "pending" and "10/2022" in ms["notice"].source
    RuleSetting.create(office=office, key="notice", days=10, unit="calendar")
    ms = {m.key: m for m in conference_milestones(conf, today=D(2026, 6, 8))}
    assert ms["notice"].due == D(2026, 6, 9)
    assert ms["notice"].state == "due_soon"
    conf.notice_published_on = D(2026, 6, 8)
    conf.save()
    assert conference_milestones(conf, today=D(2026, 6, 20))[0].state == "done"
