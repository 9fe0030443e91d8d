"""A terminal window closed (SIGHUP), a shutdown or a `kill` (SIGTERM) quits
the app as Ctrl+Q does: the database closed cleanly, no mark left behind, so
the next start does not take it for a crash and read the whole file (issue 25:
a 1 GB office started in 21 s cold after every such end)."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from test_clean_close import checks_made, office_file  # noqa: F401 - the fixture

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_to_end_closes_the_database_cleanly(office_file, tmp_path, monkeypatch, sig):  # noqa: F811
    """The real app in a pseudo-terminal, its screen drawn, then the signal: it
    ends by itself (exit 0), with no -wal and no mark left, and the next open
    makes the cheap check, not the whole quick_check of a crash."""
    import models

    monkeypatch.syspath_prepend(str(REPO / "bench"))
    from startup_after_quit import quit_with_ctrl_q

    env = dict(os.environ, PYTHONPATH=str(REPO), DOITHOAI_HOME=str(tmp_path / "home"))
    assert quit_with_ctrl_q(office_file, env, by_signal=sig) == 0
    wal = Path(str(office_file) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not list(office_file.parent.glob("*.dang-mo-*"))
    seen = checks_made(monkeypatch)
    models.open_database(office_file)
    models.close_database()
    assert seen == [False]
