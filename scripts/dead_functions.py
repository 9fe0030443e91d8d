"""Functions of the app (models/, printing/, tui/) that the app itself never calls.

    python scripts/dead_functions.py [REPO]

An AST walk of every .py file: a function counts as used by the app when its
name appears in app code outside its own definition, as a name, an attribute,
an imported name or a word of a string that is not a docstring (getattr,
bindings' action strings, entry points), or a word of data/*.json (the kind
registry names its composers there). Framework hooks (Textual's action_, on_,
watch_, compose, render…; click commands; dunders; a screen's save_<form id>,
which FormScreen.Submitted reaches by name) are left out: the framework calls
them. Names are matched without their class or module, so a function whose
name is common elsewhere is counted as used (vulture --min-confidence 60 finds
some of those). Prints the functions never named anywhere, those named only by
tests, and those named only by bench/ or scripts/.
"""
from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

APP = ("models", "printing", "tui")
OTHER = ("tests", "bench", "scripts", "packaging")
HOOK = re.compile(r"^(action_|on_|watch_|validate_|compute_|key_|_on_|_watch_|save_|__.*__$)|"
                  r"^(compose|render|render_line|render_lines|get_content_width|get_content_height|convert|"
                  r"discover|search|list_commands|get_command|shell_complete|check_action|run|main|filter_paths)$")
FRAMEWORK_DECORATORS = ("command", "group", "on(", "work", "fixture")


def walk(root: Path):
    """Definitions of the app (file, name, line, decorators) and, per name, in which rooms it is named."""
    defs: list[tuple[str, str, int, list[str]]] = []
    named: dict[str, set[str]] = defaultdict(set)
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] not in APP + OTHER:
            continue
        room = "app" if rel.parts[0] in APP else rel.parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)
                      and isinstance(n.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if room == "app":
                    defs.append((str(rel), node.name, node.lineno, [ast.unparse(d) for d in node.decorator_list]))
            elif isinstance(node, ast.Name):
                named[node.id].add(room)
            elif isinstance(node, ast.Attribute):
                named[node.attr].add(room)
            elif isinstance(node, ast.alias):
                named[node.name.split(".")[-1]].add(room)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", node.value):
                    named[word].add(room)
    for path in sorted((root / "data").rglob("*.json")):   # the kind registry names its composers
        for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path.read_text(encoding="utf-8")):
            named[word].add("app")
    return defs, named


def main(root: Path) -> None:
    defs, named = walk(root)
    never, tests_only, tools_only = [], [], []
    for rel, name, line, decorators in defs:
        if HOOK.match(name) or any(any(f in d for f in FRAMEWORK_DECORATORS) for d in decorators):
            continue
        rooms = named.get(name, set())
        if "app" in rooms:
            continue
        where = f"{rel}:{line} {name}" + (f"  [{', '.join(decorators)}]" if decorators else "")
        (tests_only if "tests" in rooms else tools_only if rooms else never).append(where)
    for title, rows in (("never named", never), ("named only by tests", tests_only),
                        ("named only by bench/scripts/packaging", tools_only)):
        print(f"{title} ({len(rows)}):")
        print("\n".join("  " + r for r in rows))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]))
