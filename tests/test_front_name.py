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
                    if WRONG.search(line):
                        found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("kind", ["ubnd_xa", "dang_uy_xa"])
def test_the_notice_prints_the_front_committee_capitalised(kind, tmp_path, monkeypatch):
    office, _plan, conf = make_session(tmp_path, monkeypatch, kind)
    text = squash(" ".join(page_texts(render(office, "thong-bao", conf.id))))
    assert squash("đề nghị Ban Công tác Mặt trận và Trưởng các") in text
    assert squash("- Ban Công tác Mặt trận, Trưởng thôn") in text
    assert not WRONG.search(" ".join(page_texts(render(office, "thong-bao", conf.id))))
