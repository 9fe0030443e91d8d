"""The print and import-plan commands, end to end with click's runner."""
from click.testing import CliRunner
from printing_support import SEEDS, make_session, page_sizes

from tui.commands.printing import import_plan, print_cmd


def test_print_every_kind_to_a_file(tmp_path, monkeypatch):
    office, plan, conf = make_session(tmp_path, monkeypatch)
    from models import Petition

    answered = Petition.select().where(Petition.answer_summary != "").first()
    db = str(tmp_path / "t.sqlite3")
    runner = CliRunner()
    for kind, ident in (("ke-hoach", plan.id), ("thong-bao", conf.id), ("bien-ban", conf.id),
                        ("tra-loi", answered.id), ("phieu-y-kien", conf.id)):
        out = tmp_path / f"{kind}.pdf"
        r = runner.invoke(print_cmd, [kind, str(ident), "-o", str(out), "--db", db])
        assert r.exit_code == 0, r.output
        assert "Đã tạo" in r.output and page_sizes(out.read_bytes())


def test_errors_are_vietnamese_without_traceback(tmp_path, monkeypatch):
    make_session(tmp_path, monkeypatch)
    db = str(tmp_path / "t.sqlite3")
    r = CliRunner().invoke(print_cmd, ["bien-ban", "999", "--db", db])
    assert r.exit_code != 0
    assert "Không có hội nghị số 999" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(print_cmd, ["bien-ban", "1", "--db", db, "--printer", "KHONG-CO-MAY-IN",
                                       "-o", str(tmp_path / "x.pdf")])
    assert r.exit_code != 0 and "Tệp PDF vẫn được giữ tại" in r.output


def test_import_plan_command(tmp_path, monkeypatch):
    make_session(tmp_path, monkeypatch)
    r = CliRunner().invoke(import_plan, [str(SEEDS / "plan-ubnd-xa-2024.txt"), "--db", str(tmp_path / "t.sqlite3")])
    assert r.exit_code == 0, r.output
    assert "UBND xã Kỳ Khang" in r.output and "Hồ Xuân Trính" in r.output


def test_commands_do_not_import_reportlab_or_textual_at_start_up():
    import subprocess
    import sys

    code = ("import sys, tui.commands.printing, tui.documents, printing.printer, printing.spoken, "
            "models.services.documents, models.services.compose, models.services.plan_import; "
            "print('reportlab' in sys.modules, 'textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_working_paper_has_no_word_file(tmp_path, monkeypatch):
    """The loudspeaker script and the slips are PDF only: `--docx` is refused in
    Vietnamese (their Word file was an empty page under a "Số -CV/ĐU" line)."""
    _office, _plan, conf = make_session(tmp_path, monkeypatch)
    db = str(tmp_path / "t.sqlite3")
    for kind in ("loa", "phieu-y-kien"):
        r = CliRunner().invoke(print_cmd, [kind, str(conf.id), "--docx", "-o", str(tmp_path / "x.docx"), "--db", db])
        assert r.exit_code != 0 and "không có bản Word" in r.output and "Traceback" not in r.output, r.output
        assert not (tmp_path / "x.docx").exists()
