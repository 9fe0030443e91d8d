"""Today's date, in one place. DOITHOAI_TODAY (YYYY-MM-DD) fixes it for
snapshot tests and demonstrations; otherwise it is the computer's date."""
from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager

_fixed: dt.date | None = None


def today() -> dt.date:
    if _fixed is not None:
        return _fixed
    fixed = os.environ.get("DOITHOAI_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()


@contextmanager
def fixed(day: dt.date):
    """Within this block today is ``day`` (building the demo for a given day)."""
    global _fixed
    before, _fixed = _fixed, day
    try:
        yield day
    finally:
        _fixed = before
