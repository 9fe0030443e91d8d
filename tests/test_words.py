"""One catalogue of words: a status, disposition or channel label is spelled
only in models/core/words.py (every other module uses the catalogue), and the
models' messages say what is wrong without naming a key: the screens add
which key helps (tui/words.py), the command line which command."""
import ast
import re
from pathlib import Path

from models.core import words

REPO = Path(__file__).resolve().parents[1]
CATALOGUES = {REPO / "models" / "core" / "words.py", REPO / "tui" / "words.py"}
#: the disposition as it was once spelled on one screen only
RETIRED = ("Trả lời tại hội nghị",)


def _sources(*rooms):
    for room in rooms:
        for path in sorted((REPO / room).rglob("*.py")):
            if path not in CATALOGUES:
                yield path, ast.parse(path.read_text(encoding="utf-8"))


def _strings(tree):
    """String constants, docstrings and comments aside (f-string parts included)."""
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_status_and_disposition_labels_are_spelled_only_in_the_catalogue():
    labels = {v.casefold() for table in (words.PETITION_STATUSES, words.DISPOSITIONS, words.CONFERENCE_STATUSES,
                                          words.CHANNELS) for v in table.values()}
    labels |= {r.casefold() for r in RETIRED}
    found = [f"{path.relative_to(REPO)}:{node.lineno} {node.value!r}"
             for path, tree in _sources("models", "tui", "printing") for node in _strings(tree)
             if node.value.strip(" :·").casefold() in labels]
    assert found == []


def test_the_catalogue_says_on_the_spot_as_spec_does():
    assert words.DISPOSITIONS["on_spot"] == "Trả lời tại chỗ"
    from models.domain.petition import DISPOSITIONS
    from tui.widgets.entry import DISP_LABELS

    assert DISPOSITIONS is words.DISPOSITIONS
    assert DISP_LABELS["on_spot"] == "1 Trả lời tại chỗ"


KEY = re.compile(r"\b(F(1[0-2]|[1-9])|Ctrl\+\w|[Pp]hím [A-Z]\b|[Nn]hấn [A-Z]\b|[Bb]ấm [A-Z]\b)")


def test_model_messages_name_no_key():
    """The domain's catalogue included: the models' messages live there now."""
    catalogue = REPO / "models" / "core" / "words.py"
    sources = [*_sources("models"), (catalogue, ast.parse(catalogue.read_text(encoding="utf-8")))]
    found = [f"{path.relative_to(REPO)}:{node.lineno} {node.value!r}"
             for path, tree in sources for node in _strings(tree) if KEY.search(node.value)]
    assert found == []


def test_a_remedy_becomes_a_key_on_screen_and_a_command_on_the_command_line():
    from models.core.errors import ValidationError
    from tui.words import SCREEN_REMEDIES, explain, explain_cli

    assert set(SCREEN_REMEDIES) == set(words.REMEDIES)
    err = ValidationError("Văn bản đã ban hành.", remedy="correct_document")
    assert "F7" in explain(err) and explain(err).startswith("Văn bản đã ban hành.")
    assert "F7" not in explain_cli(err) and "doithoai print" in explain_cli(err)
    plain = ValidationError("Thiếu tên.")
    assert explain(plain) == explain_cli(plain) == "Thiếu tên."
