"""Today's date, in one place. DOITHOAI_TODAY (YYYY-MM-DD) fixes it for
snapshot tests and demonstrations; otherwise it is the computer's date."""
from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("DOITHOAI_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()
