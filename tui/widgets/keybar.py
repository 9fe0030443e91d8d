"""The key bar at the bottom of every screen: the active key bindings and their
Vietnamese names, drawn as one line of text.

Textual's Footer builds a widget per key and rebuilds them whenever focus
moves; on an old PC that costs a visible part of a second at start-up. This
bar keeps the same information (keys of the focused widget, its screen and the
app, refreshed when they change) in a single widget. Keys are pressed on the
keyboard; the bar only shows them."""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


def key_name(key: str) -> str:
    """"f1" → "F1", "ctrl+p" → "^P", "escape" → "Esc", "enter" → "Enter"."""
    key = key.split(",")[0].strip()
    special = {"escape": "Esc", "enter": "Enter", "delete": "Del", "space": "Space", "tab": "Tab",
               "shift+tab": "⇧Tab", "up": "↑", "down": "↓", "left": "←", "right": "→",
               "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
               "question_mark": "?", "plus": "+", "minus": "-"}
    if key in special:
        return special[key]
    if key.startswith("ctrl+"):
        return "^" + key[5:].upper()
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return key.upper()
    return key.upper() if len(key) == 1 else key


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, _screen) -> None:
        self.refresh()

    def _ordered(self):
        """The screen's own keys first (what this screen does), then help and the
        command palette, then moving between screens, then quitting."""
        own, app = [], []
        for active in self.screen.active_bindings.values():
            (app if active.node is self.app else own).append(active)
        rank = {"help": 0, "command_palette": 1, "quit": 3}
        app.sort(key=lambda a: rank.get(a.binding.action.removeprefix("app."), 2))
        return own + app

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        seen = set()
        key_style = f"bold {self.app.theme_variables.get('accent', 'yellow')}"
        for active in self._ordered():
            b = active.binding
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            style = "" if active.enabled else "dim"
            text.append(f" {b.key_display or key_name(b.key)}", style=key_style if active.enabled else "dim")
            text.append(f" {b.description} ", style=style)
        return text
