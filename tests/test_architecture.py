"""The domain and printing layers never pull in the UI framework, and start-up
does not import the heavy libraries."""
import subprocess
import sys

from conftest import REPO


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         cwd=REPO, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_models_and_printing_do_not_import_textual():
    mods = _modules_after("import models, models.services.catalog, models.services.plans, "
                          "models.services.milestones, models.demo, printing")
    assert "models" in mods and "printing" in mods
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


def test_app_start_up_does_not_import_reportlab_or_holidays():
    mods = _modules_after("import tui.cli, tui.app, tui.screens.dashboard")
    assert "tui.app" in mods
    assert "reportlab" not in mods
    assert "holidays" not in mods


def test_opening_the_app_does_not_load_the_command_line_library():
    """`doithoai` with no options goes straight to the app (tui/launch.py)."""
    mods = _modules_after("import tui.launch, tui.app, tui.screens.dashboard, models.workspace, "
                          "models.services.dashboard, models.services.live_session, tui.prefetch")
    assert "tui.app" in mods and "models.workspace" in mods
    assert "click" not in mods and "tui.cli" not in mods
