"""A full-screen, scrollable look at a document before it is printed."""
from __future__ import annotations

from .. import words
from ..plain import plain
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class PreviewScreen(ModalScreen):
    BINDINGS = [Binding("escape,q", "dismiss", words.CLOSE, id="preview.close")]

    def __init__(self, title: str, renderable):
        super().__init__()
        self.preview_title, self.renderable = title, renderable

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview-box"):
            yield Static(plain(self.preview_title), classes="form-title")
            yield Static(self.renderable, id="preview-page")
        yield Static(words.HINT_SCROLL, classes="hint")

    def on_mount(self) -> None:
        self.query_one("#preview-box").focus()
