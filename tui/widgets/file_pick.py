"""Choose a file from a folder tree (or type its path), for importing a plan.

Typing a whole Windows path without a mistake is hard; the tree shows the
folders and only the files that can be imported (.txt, .docx). Enter on a
file chooses it; Enter in the path box opens the folder typed there, or
chooses the file typed there. Returns the chosen path, or None (Esc)."""
from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Static

from .. import words
from ..plain import plain
from .fields import FormInput
from ..words import WidgetWords as W


class ImportableTree(DirectoryTree):
    """Folders, and the files with one of ``suffixes``; hidden ones left out."""

    def __init__(self, path, suffixes: tuple[str, ...], **kwargs) -> None:
        self.suffixes = suffixes
        super().__init__(path, **kwargs)

    def filter_paths(self, paths):
        out = []
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or p.suffix.lower() in self.suffixes:
                    out.append(p)
            except OSError:          # a folder we may not read: left out
                continue
        return out


class FilePickScreen(ModalScreen):
    BINDINGS = [Binding("escape", "cancel", words.CANCEL, id="filepick.cancel"),
                Binding("ctrl+up", "parent", W.PARENT_FOLDER, id="filepick.parent")]

    DEFAULT_CSS = """
    FilePickScreen #file-tree { height: 1fr; min-height: 8; }
    FilePickScreen #form-box { height: 90%; }
    """

    def __init__(self, title: str, suffixes: tuple[str, ...] = (".txt", ".docx"), start: Path | None = None):
        super().__init__()
        self.pick_title = title
        self.suffixes = suffixes
        self.start = start or Path.home()

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(plain(self.pick_title), classes="form-title")
            yield FormInput(str(self.start), id="pick-path")
            yield ImportableTree(self.start, self.suffixes, id="file-tree")
            yield Static("", id="form-error", classes="error")
            yield Static(words.HINT_FILE_PICK, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#file-tree").focus()

    def on_unmount(self) -> None:
        from .. import grace

        grace.closed(self.app)

    @on(DirectoryTree.FileSelected)
    def _chosen(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#pick-path", FormInput).value = str(event.path)

    @on(FormInput.Submitted, "#pick-path")
    def _typed(self, event: FormInput.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip().strip('"')).expanduser()
        error = self.query_one("#form-error", Static)
        try:
            if path.is_dir():
                self._open(path)
                return
            if path.is_file():
                if path.suffix.lower() not in self.suffixes:
                    error.update(W.ONLY_SUFFIXES.format(suffixes=', '.join(self.suffixes), name=path.name))
                    return
                self.dismiss(path)
                return
        except OSError:
            pass
        error.update(W.NO_SUCH_PATH.format(path=path))

    def _open(self, folder: Path) -> None:
        tree = self.query_one("#file-tree", ImportableTree)
        tree.path = folder
        self.query_one("#pick-path", FormInput).value = str(folder)
        self.query_one("#form-error", Static).update("")
        tree.focus()

    def action_parent(self) -> None:
        tree = self.query_one("#file-tree", ImportableTree)
        self._open(Path(tree.path).resolve().parent)

    def action_cancel(self) -> None:
        self.dismiss(None)
