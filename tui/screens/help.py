"""F1: help for the current screen and its keys."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from .. import words
from ..words import WidgetWords as W


def key_label(key: str) -> str:
    """"f12,ctrl+e" → "F12 / ^E": every key that does it."""
    from ..widgets.keybar import key_name

    return " / ".join(key_name(k) for k in key.split(","))


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", words.CLOSE, id="help.close")]

    def __init__(self, title: str, text: str, bindings: list[tuple[str, str]]):
        super().__init__()
        self.help_title, self.text, self.keys = title, text, bindings

    def compose(self) -> ComposeResult:
        lines = [f"[b]{self.help_title}[/b]", "", self.text.strip(), "", W.KEYS_HEADING]
        lines += [f"  {key_label(k):<14} {d}" for k, d in self.keys]
        with VerticalScroll(id="help-box"):
            yield Static("\n".join(lines), markup=True)
            yield Static(words.HINT_HELP, classes="hint")
