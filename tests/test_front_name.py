"""Issue 22 item 7: the Fatherland Front's committee in a village is spelled one
way everywhere: "Ban Công tác Mặt trận" (the name the Front's Central Committee
uses, mattran.org.vn "Ban Công tác Mặt trận ở khu dân cư"; Decree 30/2020 App. II
§II capitalises the word that says an organisation's function, as in "Ban Chỉ
đạo"), and its head "Trưởng Ban Công tác Mặt trận"."""
import re
from pathlib import Path

import pytest
from printing_support import make_session, page_texts, render, squash

ROOT = Path(__file__).resolve().parents[1]
WRONG = re.compile(r"[Bb]an công tác Mặt trận|\bban Công tác Mặt trận")


def test_no_other_spelling_in_documents_data_or_interface():
    found = []
    for room in ("data", "models", "printing", "tui"):
        for path in (ROOT / room).rglob("*"):
            if path.suffix in (".py", ".json", ".txt", ".tcss", ".md") and path.is_file():
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if WRONG.search(line) and "Ban Công tác Mặt trận" not in line:   # not a correction
                        found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("kind", ["ubnd_xa", "dang_uy_xa"])
def test_the_notice_prints_the_front_committee_capitalised(kind, tmp_path, monkeypatch):
    office, _plan, conf = make_session(tmp_path, monkeypatch, kind)
    text = squash(" ".join(page_texts(render(office, "thong-bao", conf.id))))
    assert squash("đề nghị Ban Công tác Mặt trận và Trưởng các") in text
    assert squash("- Ban Công tác Mặt trận, Trưởng thôn") in text
    assert not WRONG.search(" ".join(page_texts(render(office, "thong-bao", conf.id))))


def test_an_imported_plan_with_the_lower_case_c_gets_one_note(tmp_path, monkeypatch):
    """The 2025 seed plan writes "Ban công tác Mặt trận thôn": the import offers
    the correction once, as a note, and keeps the text as written."""
    import models
    from models.demo import samples
    from models.services import plan_import
    from printing_support import SEEDS

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    models.open_database(tmp_path / "t.sqlite3")
    office = samples.office("ubnd_xa")
    res = plan_import.import_plan(office, SEEDS / "plan-ubnd-xa-2025.txt")
    notes = [n for n in res.notes if "Ban Công tác Mặt trận" in n]
    assert len(notes) == 1 and "1 chỗ" in notes[0] and "Ban công tác Mặt trận thôn" in notes[0], res.notes
    assert "Ban công tác Mặt trận thôn" in res.plan.body
