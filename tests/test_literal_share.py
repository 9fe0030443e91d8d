"""Words in one place (issue 24 item 6): how many user-facing literals of the
code are still written where they are used instead of in the catalogues
(``tui/words.py`` for screens, ``models/core/words.py`` for the domain), and how
many strings spell a key's name by hand instead of ``tui.words.key``.

Read from the source alone (AST, no import), so it runs in a blink.

What counts as a *user-facing literal*: in the Python files of ``tui/``,
``models/`` and ``printing/``, a string constant (an f-string counts once,
as a whole) holding at least one Vietnamese letter — a Latin letter with a
diacritic, or đ/Đ. Identifiers, SQL, CSS, paths, codes and English log
lines have none. Not counted: docstrings (and any bare string statement),
and the arguments of logging calls (``log.…``, ``logger.…``, ``logging.…``),
which are for the developer. Comments are not in the AST.

``python tests/test_literal_share.py`` prints the count per file.

Before (3d813c4): 2,284 of 2,596 literals (88 %) outside the catalogues;
105 strings spelling a key by hand. The ceilings below are today's figures:
lower them when words move, never raise them. The working papers' wording
(printing/papers.py) and the spoken numbers (printing/spoken.py) moved to
data/templates/giay-to.json and loi-doc.json: 551 → 454; the demo's names and texts
(models/demo/) to data/demo/commune.json and samples.json: 452 → 365; the format's fixed
words (number and date lines, Kính gửi, kind names, the signature's time line) to
data/templates/the-thuc.json, two messages to models/core/words.py: 365 → 341 (and
the PDF's creator, 342 → 341). What printing/ keeps: the Vietnamese alphabet
fonts.py checks glyphs against."""
from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOMS = ("tui", "models", "printing")
#: the catalogues: screens and commands, the domain, and click's own messages (a gettext table)
CATALOGUES = {REPO / "tui" / "words.py", REPO / "models" / "core" / "words.py", REPO / "tui" / "click_vi.py"}
#: a Vietnamese letter (precomposed, NFC): Latin-1 and Latin Extended letters with diacritics, đ/Đ;
#: not a combining mark alone (U+0300–U+036F), which is no word
VIETNAMESE = re.compile(r"[À-ÖØ-öø-ɏḀ-ỿ]")
LOGGERS = {"log", "logger", "logging", "_log", "LOG"}
#: a key's name as shown to people: "F5", "Ctrl+S", "Esc", "phím M", "nhấn N", "bấm E", and a
#: letter key at the head of a hint ("A: thêm mới · E hoặc Enter: sửa")
KEY_SPELLED = re.compile(r"(?<![\w+])(F(1[0-2]|[1-9])|Ctrl\+\S|Shift\+\S|Alt\+\S|Esc|Enter|PgUp|PgDn|Tab)(?![\w+])"
                         r"|(?:[Pp]hím|[Nn]hấn|[Bb]ấm) [A-Z0-9]\b"
                         r"|(?:^|(?<=· )|(?<=\n))[A-Z0-9](?=: | hoặc )|(?<= hoặc )[A-Z0-9](?=: )")

#: user-facing literals outside the catalogues (lower it as words move)
CEILING = 341
#: strings outside ``tui.words.key`` that spell a key's name
KEY_CEILING = 13


def _is_logging(node) -> bool:
    while node is not None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id in LOGGERS:
                return True
        node = getattr(node, "parent_", None)
    return False


def literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each user-facing literal in ``source``; an f-string's
    text is its constant parts, its fields shown as {…}."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent_ = node
    bare = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    found = []
    for node in ast.walk(tree):
        parent = getattr(node, "parent_", None)
        if id(node) in bare:
            continue
        if isinstance(node, ast.JoinedStr):
            if isinstance(parent, ast.FormattedValue):            # a format spec
                continue
            text = "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and not isinstance(parent, ast.JoinedStr):
            text = node.value
        else:
            continue
        if VIETNAMESE.search(text) and not _is_logging(node):
            found.append((node.lineno, text))
    return sorted(found)


def _files():
    for room in ROOMS:
        yield from sorted((REPO / room).rglob("*.py"))


def census() -> dict[Path, list[tuple[int, str]]]:
    return {path: literals(path.read_text(encoding="utf-8")) for path in _files()}


#: the key helper's own table of names, in tui/words.py
HELPER = {"_KEY_SHOWN", "_MODIFIERS", "key"}


def key_spellings() -> list[str]:
    """Each string outside the key helper that spells a key's name by hand
    (any string constant, Vietnamese or not, docstrings aside)."""
    found = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bare = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        helper = {id(n) for top in tree.body if path.name == "words.py" and path.parent.name == "tui"
                  and ({getattr(t, "id", None) for t in getattr(top, "targets", ())} | {getattr(top, "name", None)})
                  & HELPER for n in ast.walk(top)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
                    and id(node) not in helper and KEY_SPELLED.search(node.value)):
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {node.value!r}")
    return found


def report(counts) -> str:
    total = sum(len(v) for v in counts.values())
    outside = {p: len(v) for p, v in counts.items() if p not in CATALOGUES and v}
    out = sum(outside.values())
    lines = [f"{out} of {total} user-facing literals outside the catalogues ({out / total:.0%})"]
    lines += [f"{n:5d} {p.relative_to(REPO)}" for p, n in sorted(outside.items(), key=lambda i: -i[1])]
    return "\n".join(lines)


def test_the_counter_sees_what_people_see_and_nothing_else():
    source = '''
"""Mô-đun: docstring, not counted."""
import logging
log = logging.getLogger(__name__)
SQL = "SELECT id FROM petition WHERE status = 'open'"
CSS = "Screen { background: $panel; }"
LABEL = "Đơn vị"
def f(n, x):
    """Hàm."""
    "Một chuỗi đứng riêng."
    log.warning("không mở được %s", x)
    return f"Đã lưu {n} kiến nghị", "ok", ("Thôn " "Đông")
'''
    assert literals(source) == [(7, "Đơn vị"), (12, "Thôn Đông"), (12, "Đã lưu {…} kiến nghị")]


def test_the_key_helper_is_how_a_key_is_shown():
    from tui.words import key, keys
    from tui.widgets.keybar import key_name

    assert [key(k) for k in ("ctrl+s", "f5", "escape", "shift+tab", "m", "pageup", "ctrl+up")] == [
        "Ctrl+S", "F5", "Esc", "Shift+Tab", "M", "PgUp", "Ctrl+↑"]
    assert [key_name(k) for k in ("ctrl+s", "f12,ctrl+e", "shift+tab", "slash")] == ["^S", "F12", "⇧Tab", "/"]
    assert keys("escape", "f1") == "Esc hoặc F1"
    assert KEY_SPELLED.search(key("ctrl+s")) and KEY_SPELLED.search(f"phím {key('m')}")


def test_literals_outside_the_catalogues_stay_under_the_ceiling():
    counts = census()
    outside = sum(len(v) for p, v in counts.items() if p not in CATALOGUES)
    print(report(counts))
    assert outside <= CEILING, (f"{outside} user-facing literals outside tui/words.py and models/core/words.py "
                                f"(ceiling {CEILING}): put the new words in the catalogue of their room\n"
                                + report(counts))


def test_key_names_are_spelled_by_one_helper():
    found = key_spellings()
    assert len(found) <= KEY_CEILING, ("strings spelling a key's name by hand (use tui.words.key): "
                                       + "\n".join(found))


if __name__ == "__main__":
    print(report(census()))
    print(f"{len(key_spellings())} strings spell a key's name by hand")
