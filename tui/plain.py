"""Stored or typed text on screen, never read as markup.

Textual reads a ``str`` given to Static, Label, notify, options and table cells
as markup: a petition that contains "[/i]" crashes the screen, and
"[@click=app.quit]" in a title becomes a live action. Every screen builds what
it shows from plain parts here instead: a ``str`` part is shown exactly as
typed, a ``(text, style)`` pair is styled ("bold", "bold red", "dim"). The
result is a ``textual.content.Content``, which no widget parses again.
"""
from __future__ import annotations

from typing import Iterable, Union

from textual.content import Content

Part = Union[str, tuple, Content]


def plain(*parts: Part) -> Content:
    """One line (or block) from plain parts: ``plain(("Nội dung:", "bold"), " ", text)``."""
    return Content.assemble(*parts)


def bold(text: str) -> tuple[str, str]:
    return (text, "bold")


def lines(rows: Iterable[Part | Iterable[Part]]) -> Content:
    """Rows joined by line breaks; a row is a str, a styled pair, Content, or a list of parts."""
    built = [r if isinstance(r, Content) else plain(r) if isinstance(r, (str, tuple)) else plain(*r) for r in rows]
    return Content("\n").join(built)


def labelled(pairs: Iterable[tuple[str, str]]) -> Content:
    """"Nhãn: giá trị" rows with the label in bold and the value as typed."""
    return lines([bold(f"{label}:"), " ", str(value)] for label, value in pairs)
