"""Issue 22 item 8: more than one family drawn with Times New Roman's widths is
looked for before the DejaVu fallback (Times New Roman, Liberation Serif, Tinos
from fonts-croscore), in a search path the test controls (DOITHOAI_FONT_PATH: no
system folder, no fontconfig), and `doctor` names the one documents will use.
Tinos is checked against the golden references made with Liberation Serif: the
same widths give the same lines at the same places."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from printing_support import golden_difference, make_session, sample_contents

from printing import fonts


def _family(name: str) -> tuple[Path, ...]:
    found = fonts.find_system_font(family_name=name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing: .ci/run installs fonts-liberation2 and fonts-croscore")
        pytest.skip(f"{name} is not installed")
    return found.files


@pytest.fixture
def folder(tmp_path):
    """A font folder holding the families asked for (links to the installed files)."""
    def fill(*families: str) -> Path:
        out = tmp_path / "fonts"
        out.mkdir(exist_ok=True)
        for name in families:
            for f in _family(name):
                (out / f.name).symlink_to(f)
        return out
    return fill


@pytest.mark.parametrize("present,chosen", [
    (("tinos", "dejavu"), "Tinos"),
    (("liberation", "tinos", "dejavu"), "Liberation Serif"),
    (("dejavu",), "DejaVu Serif"),
])
def test_a_metric_twin_is_taken_before_dejavu(folder, monkeypatch, present, chosen):
    monkeypatch.setenv("DOITHOAI_FONT_PATH", str(folder(*present)))
    monkeypatch.delenv("DOITHOAI_FONT", raising=False)
    assert fonts.font_dirs() == [folder()]
    found = fonts.choose()
    assert found.family == chosen
    assert found.times_metrics == (chosen != "DejaVu Serif")
    assert (found.warning() is None) == found.times_metrics


def _doctor(home: Path, font_path: Path) -> str:
    from conftest import REPO

    env = dict(os.environ, DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), DOITHOAI_FONT_PATH=str(font_path))
    env.pop("DOITHOAI_DB", None)
    env.pop("DOITHOAI_FONT", None)
    return subprocess.run([sys.executable, "-m", "tui", "doctor"], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=180).stdout


def test_doctor_names_tinos_when_it_is_the_twin_present(folder, tmp_path):
    out = _doctor(tmp_path / "home", folder("tinos", "dejavu"))
    assert "Phông chữ: Tinos" in out, out[-2000:]
    assert "Tinos-Regular.ttf" in out and "[CHÚ Ý] Phông chữ" not in out


@pytest.mark.parametrize("slug", ["thong-bao", "ket-luan"])
def test_tinos_prints_as_the_liberation_references(slug, tmp_path, monkeypatch):
    _family("tinos")
    monkeypatch.setenv("DOITHOAI_FONT", "tinos")
    office, plan, conf = make_session(tmp_path, monkeypatch, "ubnd_xa")
    from printing import styles
    from printing.render import pdf

    assert "Tinos" in styles.get().font()
    difference = golden_difference(f"{slug}-state", pdf(sample_contents(office, plan, conf)[slug]))
    assert not difference, difference
