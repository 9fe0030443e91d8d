"""The kill test in short (bench/killtest.py runs the long one): the real app in
a pseudo-terminal, typed into at a typist's pace and killed with SIGKILL three
times; nothing committed is lost and at most about two seconds of typing."""
import os
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "openpty"),
                                reason="needs a pseudo-terminal")


def test_killed_three_times_nothing_committed_is_lost(monkeypatch):
    monkeypatch.syspath_prepend(os.path.join(os.path.dirname(__file__), "..", "bench"))
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    import killtest

    r = killtest.run(kills=3, petitions=5, seed=3, typing_delay=0.03, quiet=True, kill_window=(1.0, 3.0))
    assert r["kills"] == 3
    assert r["wrong"] == []
    assert r["petitions"] == r["expected"] == r["correct"]
    assert r["max_lost"] <= 2.0, r
