"""Intent up, not callbacks down (issue 24 item 5): a petition typed in the
session is judged by one rule in models/ (live_session.check_draft), which the
entry shows as the person types and commit_draft applies before writing; the
session screen asks the model whether it may record at all."""
from __future__ import annotations

import asyncio

import pytest

from models.core.errors import ValidationError
from models.services import live_session as live

DRAFTS = [
    # (what is typed, the field the rule names)
    ({"content": "", "disposition": "on_spot"}, "content"),
    ({"content": "Đường liên thôn xuống cấp", "disposition": ""}, "disposition"),
    ({"content": "Đường liên thôn xuống cấp", "disposition": "in_writing", "unit": "  "}, "unit"),
]


def _refusal(call, *args):
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value.field, caught.value.message


@pytest.mark.parametrize("typed,field", DRAFTS)
def test_the_entry_and_the_writer_refuse_a_draft_by_the_same_rule(demo_office, typed, field):
    """The entry (Enter on the answerer's number, which records) goes to the
    field and shows the model's words; commit_draft refuses the same draft with
    the same words and writes nothing."""
    from textual.app import App

    from models.domain.petition import Petition
    from tui.widgets.entry import PetitionEntry

    draft = dict(live.empty_draft(), **typed)
    rule = _refusal(live.check_draft, dict(draft))
    assert rule[0] == field
    conf = live.pick_conference(demo_office)
    before = Petition.select().count()
    assert _refusal(live.commit_draft, demo_office, conf, dict(draft)) == rule
    assert Petition.select().count() == before
    completed = []

    class Probe(App):
        def compose(self):
            entry = PetitionEntry(id="entry")
            entry.officials = ["Nguyễn Văn Bình"]
            yield entry

        def on_petition_entry_completed(self, message):
            completed.append(message.draft)

    async def run():
        app = Probe()
        async with app.run_test(size=(100, 20)) as pilot:
            entry = app.query_one(PetitionEntry)
            entry.load(draft, "answered_by")
            entry.focus()
            await pilot.press("1")              # the answerer by number: records the petition
            await pilot.pause()
            return entry.current, entry.error

    assert asyncio.run(run()) == rule and completed == []


def test_recording_needs_a_conference_in_session(demo_office):
    from tui import words

    conf = live.pick_conference(demo_office)
    refusals = [_refusal(live.check_recording, None)]
    if conf is not None and conf.status != "in_session":
        refusals.append(_refusal(live.check_recording, conf))
    for _field, message in refusals:
        assert "Ctrl+" not in message and "F4" not in message      # the model names no key
    with pytest.raises(ValidationError) as caught:
        live.check_recording(None)
    assert "F4" in words.explain(caught.value)                       # the screen does


def forms_given_a_save_callable(root=None) -> list[str]:
    """``FormScreen(…)`` / ``SmallForm(…)`` made with a ``save`` callable (the third
    argument or save=), in tui/: the forms still told how to save from above."""
    import ast
    from pathlib import Path

    root = Path(root or Path(__file__).resolve().parent.parent)
    found = []
    for path in sorted((root / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in
                    ("FormScreen", "SmallForm", "__init__")
                    and (len(node.args) >= 3 or any(k.arg == "save" for k in node.keywords))):
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}")
    return found


def test_forms_post_their_intent_instead_of_being_handed_a_save():
    """No form is told how to save from above (25 on 3d813c4, 9 on 8cd9fd3, 0
    since): a form posts FormScreen.Submitted and a screen answers it. A new
    ``FormScreen(title, fields, save)`` fails here, and could not run anyway:
    the form takes no save callable any more."""
    import inspect

    from tui.widgets.form import FormScreen

    assert forms_given_a_save_callable() == []
    assert "save" not in inspect.signature(FormScreen.__init__).parameters
    assert not hasattr(FormScreen("", []), "save_callback")


def test_every_form_that_posts_its_intent_has_a_screen_that_answers_it():
    """A form made with an id and no save is answered by a ``save_<id>`` method of
    a screen (tui/screens/base.AnswersForms); without one its Ctrl+S would do nothing."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "tui"
    ids, answers = {}, set()
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("save_"):
                answers.add(node.name[len("save_"):])
            name = getattr(node.func, "id", getattr(node.func, "attr", "")) if isinstance(node, ast.Call) else ""
            if name in ("FormScreen", "SmallForm") or (name == "__init__" and path.name == "document_editor.py"):
                given = [k.value for k in node.keywords if k.arg == "id"]
                assert given and isinstance(given[0], ast.Constant), f"{path}:{node.lineno}: a form with no id"
                ids[given[0].value] = f"{path.name}:{node.lineno}"
    assert len(ids) >= 17 + 8       # the 9 moved last: the board's 3 share one id for its follow-ups
    assert {i: where for i, where in ids.items() if i not in answers} == {}


if __name__ == "__main__":
    import sys

    rows = forms_given_a_save_callable(sys.argv[1] if len(sys.argv) > 1 else None)
    print("\n".join(rows))
    print(len(rows), "forms handed a save callable")
