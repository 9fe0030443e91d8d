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

from .. import words


def key_name(key: str) -> str:
    """A key as the narrow bar shows it: "f1" → "F1", "ctrl+p" → "^P", "escape" → "Esc"
    (``words.key``, short)."""
    return words.key(key, short=True)


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 3;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    _shown: list | None = None    # the lines drawn last

    def _changed(self, _screen) -> None:
        # The bindings change at every focus move and every stage of the
        # session's entry: repaint only when the bar's lines change, and lay
        # the screen out again only when their number does.
        lines = self._lines(self.size.width) if self.size.width else None
        if lines is not None and lines == self._shown:
            return
        self.refresh(layout=lines is None or self._shown is None or len(lines) != len(self._shown))

    def _ordered(self):
        """The screen's own keys first (what this screen does), then help and the
        command palette, then moving between screens, then quitting."""
        own, app = [], []
        for active in self.screen.active_bindings.values():
            (app if active.node is self.app else own).append(active)
        rank = {"help": 0, "command_palette": 1, "quit": 3}
        app.sort(key=lambda a: rank.get(a.binding.action.removeprefix("app."), 2))
        return own + app

    def _items(self) -> list[tuple[str, str, bool, bool]]:
        """(key, name, enabled, moves between screens) for each key to show."""
        items, seen = [], set()
        for active in self._ordered():
            b = active.binding
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            items.append((b.key_display or key_name(b.key), b.description, active.enabled,
                          b.action.startswith("app.go(")))
        return items

    def _lines(self, width: int) -> list[list[tuple[str, str, bool, bool]]]:
        """The keys in at most two lines of ``width`` cells. When they do not fit,
        the bar gets more compact step by step, and never drops a key: all the
        names in one line; else the screen keys F2–F8 become one "F2–F8 Màn
        hình" (in two lines at most); then the keys every screen has
        (^P, F2–F8, ^Q) show without their names (F1 names them all); then the
        screen's own keys keep the first two words of their names; then the
        last keys lose their names, one at a time. F1 keeps its name: it is
        where every key is listed in full."""
        items = self._items()
        for step in (_full, _nav_collapsed, _app_keys_bare, _short_names):
            items = step(items)
            lines = _pack(items, width)
            # every name in full only when it takes one line
            if _fits(lines, width) and (step is not _full or len(lines) == 1):
                return lines
        # a screen whose keys are needed at a glance (the session: KEYBAR_ROWS = 3)
        # takes a third line rather than show keys without names
        lines = _pack(items, width)
        if _fits(lines, width, rows=getattr(self.screen, "KEYBAR_ROWS", 2)):
            return lines
        # the last keys lose their names one by one, until the bar fits
        for i in reversed(range(len(items))):
            key, name, on, go = items[i]
            if name and key != key_name("f1"):
                items[i] = (key, "", on, go)
                lines = _pack(items, width)
                if _fits(lines, width):
                    return lines
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        key_style = f"bold {self.app.theme_variables.get('accent', 'yellow')}"
        out = []
        self._shown = self._lines(self.size.width)
        for line in self._shown:
            text = Text(no_wrap=True, overflow="ellipsis")
            for key, name, enabled, _ in line:
                text.append(f" {key}", style=key_style if enabled else "dim")
                text.append(f" {name} " if name else " ", style="" if enabled else "dim")
            out.append(text)
        return Text("\n", no_wrap=True, overflow="ellipsis").join(out)


def _cells(item) -> int:
    return len(item[0]) + (len(item[1]) + 3 if item[1] else 2)


def _pack(items, width: int):
    lines, used = [[]], 0
    for item in items:
        if lines[-1] and width and used + _cells(item) > width:
            lines.append([])
            used = 0
        lines[-1].append(item)
        used += _cells(item)
    return lines


def _full(items):
    return items


def _nav_collapsed(items):
    nav = [k for k, _, _, go in items if go]
    if len(nav) <= 1:
        return items
    at = next(i for i, item in enumerate(items) if item[3])
    out = [item for item in items if not item[3]]
    out.insert(at, (f"{nav[0]}–{nav[-1]}", words.SCREENS, True, True))
    return out


#: the keys every screen has, shown bare when room is short (F1 keeps its name)
_APP_KEYS = {key_name("ctrl+p"), key_name("ctrl+q")}


def _app_keys_bare(items):
    return [(k, "" if (go or k in _APP_KEYS) else name, on, go) for k, name, on, go in items]


def _short_names(items):
    return [(k, name if k == key_name("f1") else words.KEY_SHORT.get(name, " ".join(name.split()[:2])), on, go)
            for k, name, on, go in items]


def _fits(lines, width: int, rows: int = 2) -> bool:
    return not width or (len(lines) <= rows and all(sum(map(_cells, line)) <= width for line in lines))
