"""An import inside a function says why it is there (issue 24 item 1).

In ``models/`` and ``printing/`` a module's imports stand at its top; one inside
a function stays only for start-up speed or the platform, and says so on its
own line: ``# heavy: …`` (a library that costs time to import: reportlab,
python-docx, pyHanko, fontTools …, with what needs it), ``# off the start-up
path`` (a module of ours the first screen does not need), or ``# this platform
only`` (fcntl, ctypes). Read from the source (AST), no import.

Before (40bae3d): 145 function-level imports, 85 without a reason (models/ 24 of
84, printing/ 61 of 61); after: 86 (models/ 66, printing/ 20), each with its reason;
the others moved to their module's top.

``python tests/test_import_reasons.py`` lists the ones without a reason."""
from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROOMS = ("models", "printing")
#: a reason, in a comment on the import's own line(s)
REASON = re.compile(r"# (.*# )?(heavy: \S|off the start-up path|this platform only)")


def function_level_imports(source: str) -> list[tuple[int, str, bool]]:
    """(line, first line of the statement, has a reason) of each import inside a function."""
    lines = source.splitlines()
    tree = ast.parse(source)
    seen: dict[int, tuple[int, str, bool]] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and node.lineno not in seen:
                own = lines[node.lineno - 1:node.end_lineno]
                seen[node.lineno] = (node.lineno, own[0].strip(), any(REASON.search(ln) for ln in own))
    return sorted(seen.values())


def without_reason(root: Path = REPO) -> list[str]:
    found = []
    for room in ROOMS:
        for path in sorted((root / room).rglob("*.py")):
            for line, text, ok in function_level_imports(path.read_text(encoding="utf-8")):
                if not ok:
                    found.append(f"{path.relative_to(root)}:{line}: {text}")
    return found


def test_the_reader_tells_a_reason_from_none():
    source = '''
import os
def draw():
    from reportlab.pdfgen import canvas  # heavy: reportlab, only when a page is drawn
    import json
    if os.name == "nt":
        import ctypes  # this platform only
    def inner():
        from models.services import documents  # off the start-up path
        from models.core import clock  # a comment that gives no reason
    from docx.shared import (  # heavy: python-docx, only for Word
        Mm, Pt)
    import pypdf  # noqa: F401  # heavy: pypdf, only to read a PDF back
    import shutil  # heavy:
'''
    assert [(line, ok) for line, _text, ok in function_level_imports(source)] == [
        (4, True), (5, False), (7, True), (9, True), (10, False), (11, True), (13, True), (14, False)]


def test_every_function_level_import_in_models_and_printing_says_why():
    found = without_reason()
    assert found == [], ("imports inside a function without a reason: move them to the module's top, or say "
                         "why on the import's line ('# heavy: …', '# off the start-up path', "
                         "'# this platform only'):\n  " + "\n  ".join(found))


if __name__ == "__main__":
    rows = without_reason()
    print("\n".join(rows))
    total = sum(len(function_level_imports(p.read_text(encoding="utf-8")))
                for room in ROOMS for p in (REPO / room).rglob("*.py"))
    print(f"{total} function-level imports in {', '.join(ROOMS)}; {len(rows)} without a reason")
