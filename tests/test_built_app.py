"""The app as PyInstaller builds it (scripts/build-app.sh, packaging/doithoai.spec),
run as a program without this test's Python: its version, doctor, the demo in a
real pseudo-terminal up to the painted dashboard, a plan imported from .docx
and printed with Vietnamese text read back from the PDF, and its start-up
against the installed (venv) app's in the same run.

The binary is dist/doithoai/doithoai (DOITHOAI_APP names another). Where it is
not built the tests are skipped on a developer's machine but FAIL under CI
(CI=true), where the first test builds it."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
APP = Path(os.environ.get("DOITHOAI_APP") or REPO / "dist" / "doithoai" / ("doithoai.exe" if os.name == "nt"
                                                                          else "doithoai"))
VENV_APP = [sys.executable, "-m", "tui"]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def built():
    """Under CI the app is built here, once, by the same script an office's
    builder runs (so .ci/run runs only the README's test command)."""
    if not APP.is_file() and os.environ.get("CI") and not os.environ.get("DOITHOAI_APP"):
        out = subprocess.run(["bash", str(REPO / "scripts" / "build-app.sh")], cwd=REPO, capture_output=True,
                             text=True, timeout=2400, env=dict(os.environ, PYTHON=sys.executable))
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return APP


@pytest.fixture
def app(built, tmp_path, monkeypatch):
    if not APP.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the built app is missing under CI: {APP} (scripts/build-app.sh builds it)")
        pytest.skip(f"the app is not built here ({APP}): run scripts/build-app.sh")
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    return [str(APP)]


def run(argv, *args, env=None, check=True):
    env = dict(env or os.environ)
    if argv[0] == str(APP):
        env.pop("PYTHONPATH", None)     # a PyInstaller app would take modules from it before its own
    out = subprocess.run([*argv, *args], capture_output=True, text=True, timeout=300, cwd=Path.home(),
                         env=env, encoding="utf-8")
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def test_it_is_the_built_program_not_this_python(app):
    """A PyInstaller program carries its own interpreter: no python in argv[0],
    and it runs with an environment that has no Python path at all."""
    head = APP.read_bytes()[:4]
    assert head in (b"\x7fELF", b"MZ\x90\x00")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/bin:/bin"
    out = run(app, "--version", env=env)
    assert out.stdout.strip() == run(VENV_APP, "--version").stdout.strip()
    assert out.stdout.startswith("Đối thoại ")


def test_no_start_up_hook_imports_setuptools(app):
    """PyInstaller runs its runtime hooks at every start. With setuptools in
    the build (brought by cffi's shim for building extensions), its hooks for
    setuptools and pkg_resources import both: about a second at a load of 12
    here, most of the 1.37x the binary took over the venv. Nothing of the app
    uses them, so packaging/doithoai.spec leaves them out."""
    from PyInstaller.archive.readers import CArchiveReader

    hooks = [name for name, entry in CArchiveReader(app[0]).toc.items() if entry[-1] == "s"]
    assert "doithoai-entry" in hooks
    assert not {"pyi_rth_pkgres", "pyi_rth_setuptools"} & set(hooks), hooks


def test_doctor_finds_the_same_folders_as_the_installed_app(app, tmp_path):
    run(app, "init", "--loai", "ubnd_xa", "--ten", "Kỳ Khang", "--cap-tren", "UBND tỉnh Hà Tĩnh",
        "--nguoi-ky", "Nguyễn Văn Tứ")
    built = run(app, "doctor", check=False)
    installed = run(VENV_APP, "doctor", check=False)
    assert "Traceback" not in built.stdout + built.stderr
    assert built.stdout == installed.stdout, (built.stdout, installed.stdout)
    assert f"[OK] Cơ sở dữ liệu: {tmp_path / 'home' / 'data'}" in built.stdout
    assert "[OK] Phông chữ" in built.stdout
    assert f"[OK] Thư mục văn bản: {tmp_path / 'home' / 'documents'}" in built.stdout


def test_petition_deadline_counts_the_holidays(app):
    """The holidays package's data is in the build: 24/04/2026 + 10 working days
    skips 30/4 and 1/5 (and the weekends), as the installed app counts."""
    run(app, "init", "--loai", "ubnd_xa", "--ten", "Kỳ Khang", "--cap-tren", "UBND tỉnh Hà Tĩnh",
        "--nguoi-ky", "Nguyễn Văn Tứ")
    env = dict(os.environ, DOITHOAI_TODAY="2026-04-24")
    out = run(app, "petition", "--noi-dung", "Kênh mương thôn Đông bị bồi lấp", "--don-vi", "Địa chính",
              env=env).stdout
    assert "hạn trả lời: 13/05/2026" in out, out


@pytest.mark.parametrize("font", ["", "noto"])
def test_import_a_docx_plan_and_print_it(app, tmp_path, font):
    """python-docx reads the .docx (its own parts are in the build), ReportLab
    writes the PDF with a Vietnamese font (the system's, or Noto Serif cut from
    the packaged variable font), and pypdf reads the Vietnamese text back."""
    import pypdf

    sys.path.insert(0, str(Path(__file__).parent))
    from test_plan_import_real import office_docx

    run(app, "init", "--loai", "ubnd_xa", "--ten", "Kỳ Khang", "--cap-tren", "UBND tỉnh Hà Tĩnh",
        "--nguoi-ky", "Nguyễn Văn Tứ")
    plan = office_docx(SEEDS / "plan-ubnd-xa-2024.txt", tmp_path / "ke-hoach.docx")
    out = run(app, "import-plan", str(plan)).stdout
    assert "Đã nhập kế hoạch số 1" in out, out
    env = dict(os.environ, DOITHOAI_FONT=font)
    pdf = tmp_path / "ke-hoach.pdf"
    run(app, "print", "ke-hoach", "1", "-o", str(pdf), env=env)
    reader = pypdf.PdfReader(str(pdf))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Tổ chức đối thoại giữa chính quyền với nhân dân năm 2024", "Hồ Xuân Trính"):
        assert words in text, (words, text[:600])
    fonts = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any(("NotoSerif" if font == "noto" else "") in f for f in fonts), fonts


def painted(argv, home: Path) -> tuple[float, str]:
    """Seconds from starting ``argv`` (the demo) in a 120×36 pseudo-terminal to
    the dashboard painted with the demo's data, and the screen then."""
    sys.path.insert(0, str(REPO))
    from bench.board import Terminal

    env = dict(os.environ, DOITHOAI_HOME=str(home))
    if argv[0] == str(APP):
        env.pop("PYTHONPATH", None)     # a PyInstaller app would take modules from it before its own
    else:
        env["PYTHONPATH"] = str(REPO)
    term = Terminal(None, argv=argv, env=env)
    try:
        at = term.wait(lambda t: "Tổng quan" in t and "Hội nghị sắp tới" in t and "Quá hạn" in t, timeout=180)
        return at - term.started, term.text()
    finally:
        term.close()


def test_demo_paints_its_dashboard_in_a_terminal_and_starts_as_fast_as_the_venv(app, tmp_path, capsys):
    """The demo (built on its first start) paints the dashboard in a real
    terminal; then the built app and the installed one start in alternated
    pairs on the same demo, and the figures are printed (no timing is asserted:
    the machine is shared)."""
    home = tmp_path / "home"
    _, screen = painted(app + ["demo"], home)     # builds the demo database
    _, same = painted(VENV_APP + ["demo"], home)  # bytecode of the venv's app
    assert screen == same                         # the same dashboard, drawn alike
    built, venv = [], []
    for i in range(4):
        first, second = (app, VENV_APP) if i % 2 == 0 else (VENV_APP, app)
        a, _ = painted(first + ["demo"], home)
        b, _ = painted(second + ["demo"], home)
        (built if first is app else venv).append(a)
        (venv if first is app else built).append(b)
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"]
    with capsys.disabled():
        print(f"\nstart-up to the painted demo dashboard, {len(built)} alternated pairs (load {' '.join(load)}): "
              f"built app {statistics.median(built) * 1000:.0f} ms, venv {statistics.median(venv) * 1000:.0f} ms, "
              f"built ÷ venv {statistics.median([b / v for b, v in zip(built, venv)]):.2f}")
