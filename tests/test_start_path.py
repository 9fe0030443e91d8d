"""What a start of the app loads: the demo opened again (its database there
already) paints its dashboard without the document kinds' code, which only
building the demo needs (issue 25: start-up in a real terminal)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

RUN_DEMO = """
import runpy, sys
sys.argv = ["doithoai", "demo"]
try:
    runpy.run_module("tui", run_name="__main__")
except SystemExit:
    pass
print("LOADED", " ".join(sorted(m for m in sys.modules if m.startswith(("tui.", "models.", "printing", "reportlab")))))
"""


def loaded_by_a_demo_start(home: Path) -> set[str]:
    env = dict(os.environ, DOITHOAI_HOME=str(home), DOITHOAI_BENCH_READY="1", DOITHOAI_TODAY="2026-11-22",
               PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", RUN_DEMO], env=env, cwd=REPO, capture_output=True, text=True,
                         timeout=600)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("LOADED")), None)
    assert line is not None and "READY" in out.stderr, out.stdout[-2000:] + out.stderr[-2000:]
    return set(line.split()[1:])


def test_the_demo_opened_again_loads_no_document_code(tmp_path):
    first = loaded_by_a_demo_start(tmp_path)          # builds the demo: its documents are printed
    assert "models.services.documents" in first
    again = loaded_by_a_demo_start(tmp_path)
    assert "tui.screens.dashboard" in again
    assert not {"tui.documents", "models.services.documents", "models.services.compose"} & again, again
