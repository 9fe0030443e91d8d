"""Issue 20, item 11: the editors, on the real app (Pilot) over the demo commune.

- Ctrl+Home / Ctrl+End go to the start / end of the document's body;
- undo goes back a word at a time (also over a letter corrected with
  Backspace, as a Vietnamese input method types an accent), not the whole
  burst of typing nor one letter;
- Ctrl+H replaces a phrase in every field of the document, each replacement
  an edit of its field (Ctrl+Z undoes it);
- F3 I chooses the plan to import in a folder tree that shows only folders,
  .txt and .docx files, and imports the chosen one."""
from __future__ import annotations

import shutil

import pytest
from textual.widgets import TextArea

from pilot_keys import drive, keys, typed, until
from snapshots.settle import settle


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")


def test_body_keys_undo_by_word_and_find_replace(demo_office, monkeypatch):
    try:
        from tui.widgets import fields
    except ImportError:          # today's main: no such module, the keys below show it
        fields = None
    if fields is not None:       # a pause between two key presses never splits a word here
        monkeypatch.setattr(fields, "UNDO_PAUSE", 1000.0)

    async def steps(app, pilot):
        await keys(pilot, "f4", "t")                       # the notice's editor
        editor = app.screen
        body = editor.query_one("#f-body", TextArea)
        body.focus()
        await settle(pilot)
        await keys(pilot, "ctrl+home")
        at_start = body.cursor_location
        await keys(pilot, "ctrl+end")
        at_end = body.cursor_location == body.document.end
        original = body.text
        await typed(pilot, " Đất đai mơ\bới")             # "mơ", Backspace, "ới": as Telex types "mới"
        typed_text = body.text
        await keys(pilot, "ctrl+z")
        after_one = body.text
        await keys(pilot, "ctrl+z")
        after_two = body.text
        await keys(pilot, "ctrl+y")                        # redo: "đai " again
        await keys(pilot, "ctrl+z", "ctrl+z", "ctrl+z")
        back = body.text

        await keys(pilot, "ctrl+h")
        await typed(pilot, "Nhân dân")
        await keys(pilot, "tab")
        await typed(pilot, "nhân dân")
        await keys(pilot, "ctrl+s")
        replaced = body.text, str(editor.query_one("#form-error").render())
        await keys(pilot, "ctrl+z")                         # the last replacement in the body, undone
        undone = body.text
        return at_start, at_end, original, typed_text, after_one, after_two, back, replaced, undone

    (at_start, at_end, original, typed_text, after_one, after_two, back, replaced,
     undone) = drive(demo_office, steps)
    assert at_start == (0, 0) and at_end
    assert typed_text == original + " Đất đai mới"
    assert after_one == original + " Đất đai ", "one undo takes back the last word, whole"
    assert after_two == original + " Đất ", "the next undo the word before"
    assert back == original
    text, said = replaced
    assert "Nhân dân" in original and "Nhân dân" not in text and "nhân dân" in text
    assert "Đã thay" in said, said
    assert undone.count("Nhân dân") == 1


def test_plan_import_chooses_the_file_in_a_folder_tree(demo_office, tmp_path):
    from conftest import SEEDS
    from models.domain.plan import Plan

    folder = tmp_path / "KeHoach"
    (folder / "cu").mkdir(parents=True)
    shutil.copy(SEEDS / "plan-ubnd-xa-2025.txt", folder / "ke-hoach-2025.txt")
    (folder / "anh.pdf").write_bytes(b"%PDF-1.4")
    (folder / "ghi-chu.docx").write_bytes(b"PK")
    before = Plan.select().count()

    # until(), not settle(): the folder tree keeps a loader worker waiting for folders to read

    async def steps(app, pilot):
        from tui.widgets.file_pick import FilePickScreen

        await keys(pilot, "f3")
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, FilePickScreen), "the file picker")
        picker = app.screen
        path = picker.query_one("#pick-path")
        path.focus()
        path.value = str(folder)
        await pilot.press("enter")                         # open the folder typed
        tree = picker.query_one("#file-tree")
        await until(pilot, lambda: str(tree.path) == str(folder) and tree.root.children, "the folder's files")
        shown = [str(node.label) for node in tree.root.children]
        line = next(i for i, node in enumerate(tree.root.children) if str(node.label) == "ke-hoach-2025.txt")
        tree.cursor_line = line + 1
        await pilot.pause()
        await pilot.press("enter")                         # choose the file: it is imported
        await until(pilot, lambda: Plan.select().count() == before + 1 and app.screen is not picker
                    and type(app.screen).__name__ == "FormScreen", "the imported draft")
        return shown, type(app.screen).__name__

    shown, now = drive(demo_office, steps)
    assert sorted(shown) == ["cu", "ghi-chu.docx", "ke-hoach-2025.txt"], shown
    assert Plan.select().count() == before + 1
    assert now == "FormScreen"                             # the imported draft, open to check
