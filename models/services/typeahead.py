"""Type-ahead and field codes of the live session: one definition, used by the
petition entry as keys arrive (tui/widgets/entry.py) and by the service that
records what was typed (models/services/live_session.py), so both read "1",
"10", "dat" or "Đất đai" the same way."""
from __future__ import annotations

from models.core.text import clean_line, fold


def rank(names: list[str], typed: str) -> list[str]:
    """Names whose folded form (or one of whose words) starts with the folded
    ``typed`` text, in the given order of preference."""
    key = fold(typed)
    if not key:
        return list(names)
    whole = [n for n in names if fold(n).startswith(key)]
    words = [n for n in names if n not in whole and any(w.startswith(key) for w in fold(n).split())]
    return whole + words


def match_field(fields: list[tuple[int, str]], typed: str) -> tuple[int, str] | None:
    """The (code, name) of a field typed by its number key or the beginning of its name."""
    typed = clean_line(typed)
    if typed.isdigit():
        return next((f for f in fields if f[0] == int(typed)), None)
    names = rank([name for _, name in fields], typed) if typed else []
    return next((f for f in fields if names and f[1] == names[0]), None)


def field_decided(fields: list[tuple[int, str]], typed: str) -> bool:
    """True when the digits typed name one field and no longer code starts with
    them: "3" is taken at once, while "1" waits for Enter when 10, 11 … exist."""
    codes = [str(code) for code, _ in fields]
    return typed.isdigit() and typed in codes and not any(c != typed and c.startswith(typed) for c in codes)
