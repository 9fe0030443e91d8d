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
import gc, runpy, sys
freeze, disable, held, first = gc.freeze, gc.disable, [], []

def collections():
    return sum(g["collections"] for g in gc.get_stats())

def disabled():                         # tui.launch.main, before the app's imports
    held.append(collections())
    disable()

def frozen():                           # tui.app.settle_heap, once the first frame is drawn
    first.append(collections())
    freeze()

gc.disable, gc.freeze = disabled, frozen
sys.argv = ["doithoai", "demo"]
try:
    runpy.run_module("tui", run_name="__main__")
except SystemExit:
    pass
print("LOADED", " ".join(sorted(m for m in sys.modules if m.startswith(("tui.", "models.", "printing", "reportlab")))))
print("COLLECTOR", gc.isenabled(), first[0] - held[0] if first and held else "none")
"""


def a_demo_start(home: Path) -> tuple[set[str], str]:
    env = dict(os.environ, DOITHOAI_HOME=str(home), DOITHOAI_BENCH_READY="1", DOITHOAI_TODAY="2026-11-22",
               PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", RUN_DEMO], env=env, cwd=REPO, capture_output=True, text=True,
                         timeout=600)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("LOADED")), None)
    assert line is not None and "READY" in out.stderr, out.stdout[-2000:] + out.stderr[-2000:]
    collector = next(ln for ln in out.stdout.splitlines() if ln.startswith("COLLECTOR"))
    return set(line.split()[1:]), collector


def loaded_by_a_demo_start(home: Path) -> set[str]:
    return a_demo_start(home)[0]


def test_the_demo_opened_again_loads_no_document_code(tmp_path):
    first = loaded_by_a_demo_start(tmp_path)          # builds the demo: its documents are printed
    assert "models.services.documents" in first
    again = loaded_by_a_demo_start(tmp_path)
    assert "tui.screens.dashboard" in again
    assert not {"tui.documents", "models.services.documents", "models.services.compose"} & again, again


def test_no_garbage_collection_before_the_first_frame(tmp_path):
    """The collector walked every module and style being made: about 90
    collections, 6 % of the start's CPU, between the entry point and the
    dashboard's first frame. It is held from the entry point (tui/launch.main)
    to the first frame, and runs again after it."""
    loaded_by_a_demo_start(tmp_path)                   # builds the demo
    _, collector = a_demo_start(tmp_path)
    _, enabled, collections = collector.split()
    assert enabled == "True", collector
    assert collections == "0", collector
