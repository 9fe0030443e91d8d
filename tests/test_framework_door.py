"""Framework internals go through one door (issue 24 item 4).

Every private name of Textual or peewee that our code relies on lives in
tui/compat.py or models/core/compat.py, where tests/test_compat.py checks it still
exists, and every one of ReportLab's in printing/compat.py (checked by
tests/test_printing_compat.py); and no attribute of our widgets, screens or app hides one of
Textual's (SessionScreen once set ``self._running``, Textual's own "is this
pump running" flag: ``is_running`` read None while the conference was shown).

Run as a script to print the names found outside the door in any checkout:
``python tests/test_framework_door.py /work/main``."""
from __future__ import annotations

import ast
import functools
import importlib
import inspect
import os
import pkgutil
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUR_PACKAGES = ("tui", "models", "printing")
#: the frameworks whose private names each of our packages must leave to the doors
FRAMEWORKS = {"tui": ("textual", "peewee"), "models": ("peewee",), "printing": ("reportlab",)}
#: the doors: the only modules that may name a framework's private parts
DOORS = {"tui/compat.py", "models/core/compat.py", "printing/compat.py"}
#: rooms whose classes subclass the framework's to work on its internals (a ReportLab
#: Table or KeepTogether): there a private name we also assign is still the framework's
#: (``self._H = …`` sets what KeepTogether.split reads), so "ours" excuses nothing
NO_OWN_EXCUSE = {"printing"}
#: private-looking names a framework documents for use (peewee: "Model._meta",
#: its table metadata), and gettext's ``_``
DOCUMENTED_PRIVATE = {"_meta", "_"}


def _self_assigned(tree: ast.AST) -> set[str]:
    """Attributes assigned as ``self.X = …`` anywhere under ``tree``."""
    out = set()
    for node in ast.walk(tree):
        targets = (list(node.targets) if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        while targets:
            t = targets.pop()
            if isinstance(t, (ast.Tuple, ast.List)):
                targets += t.elts
            elif isinstance(t, ast.Starred):
                targets.append(t.value)
            elif isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self":
                out.add(t.attr)
    return out


def _defined_names(tree: ast.AST) -> set[str]:
    """Names a module defines: functions, methods, class attributes, ``self.X``, module globals."""
    out = _self_assigned(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return out


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@functools.cache
def framework_private_names(package: str) -> frozenset[str]:
    """Every private name the framework's own classes define (methods, class
    attributes and instance attributes set in their methods)."""
    module = importlib.import_module(package)
    files = ([Path(module.__file__)] if not hasattr(module, "__path__")
             else [p for d in module.__path__ for p in Path(d).rglob("*.py")])
    names = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            names |= _defined_names(cls)
    return frozenset(n for n in names if _private(n)) - DOCUMENTED_PRIVATE


def private_names_outside_the_door(root: Path = ROOT) -> list[tuple[str, int, str]]:
    """(file, line, name) of every use of a framework's private name outside
    the doors: ``x._name`` (or ``getattr(x, "_name")``) where the framework
    defines ``_name`` and our code does not (a private name of our own that both
    define is judged by test_no_attribute_of_ours_shadows_textuals, class by
    class; in printing/ it counts as ReportLab's), and a private name imported
    from the framework."""
    ours, trees = set(), {}
    for package in OUR_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            trees[rel] = tree = ast.parse(path.read_text(encoding="utf-8"))
            if rel not in DOORS:
                ours |= _defined_names(tree)
    found = []
    for rel, tree in trees.items():
        frameworks = FRAMEWORKS.get(rel.split("/")[0], ())
        if rel in DOORS or not frameworks:
            continue
        theirs = frozenset().union(*(framework_private_names(f) for f in frameworks))
        excused = frozenset() if rel.split("/")[0] in NO_OWN_EXCUSE else ours
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in theirs and node.attr not in excused:
                found.append((rel, node.lineno, node.attr))
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1
                  and isinstance(node.args[1], ast.Constant) and node.args[1].value in theirs
                  and node.args[1].value not in excused):
                found.append((rel, node.lineno, node.args[1].value))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in frameworks:
                if any(_private(part) for part in node.module.split(".")) and node.module.split(".")[0] == "textual":
                    found.append((rel, node.lineno, node.module))
                found += [(rel, node.lineno, a.name) for a in node.names if _private(a.name)]
    return sorted(found)


def test_no_private_framework_name_outside_compat():
    found = private_names_outside_the_door()
    assert found == [], ("private parts of Textual/peewee/ReportLab used outside tui/compat.py, models/core/compat.py "
                         "and printing/compat.py (move them behind the door, with a test in tests/test_compat.py "
                         "or tests/test_printing_compat.py):\n"
                         + "\n".join(f"  {f}:{line} {name}" for f, line, name in found))


# --- no attribute of ours hides one of Textual's -----------------------------------------------

#: documented overrides whose signature differs from Textual's on purpose (none today)
SIGNATURE_ALLOWED: set[tuple[str, str]] = set()


def _our_classes():
    """Every App, Screen and Widget class of tui/ (and the form's text field, made on first use)."""
    from textual.message_pump import MessagePump

    import tui
    from tui.widgets.fields import form_text_class

    classes = {form_text_class()}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, MessagePump) and obj.__module__.startswith("tui."):
                classes.add(obj)
    return sorted(classes, key=lambda c: (c.__module__, c.__qualname__))


def _ours(cls) -> bool:
    return cls.__module__.split(".")[0] in OUR_PACKAGES


def _in_door(cls) -> bool:
    return cls.__module__ in ("tui.compat", "models.core.compat")


@functools.cache
def _assigned_in(cls) -> frozenset[str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return frozenset()
    return frozenset(_self_assigned(ast.parse(source)))


@functools.cache
def _set_by_textual_on_any_subclass(base) -> frozenset[str]:
    """What Textual's own machinery writes into every subclass (merged
    bindings, CSS type names, reactives …): not ours, whatever the name."""
    return frozenset(vars(type("Probe", (base,), {})))


@functools.cache
def _private_event_handlers() -> frozenset[str]:
    from textual import events
    from textual.message import Message

    return frozenset("_" + c.handler_name for c in vars(events).values()
                     if inspect.isclass(c) and issubclass(c, Message) and c is not Message)


def _textual_attribute(cls, name):
    for base in cls.__mro__:
        if base.__module__.split(".")[0] == "textual" and (name in vars(base) or name in _assigned_in(base)):
            return base, vars(base).get(name)
    return None, None


def _accepts(ours, theirs) -> bool:
    """``ours`` can be called every way ``theirs`` can (same parameter names, or catch-alls)."""
    try:
        mine, other = inspect.signature(ours).parameters, inspect.signature(theirs).parameters
    except (TypeError, ValueError):
        return True
    kinds = {p.kind for p in mine.values()}
    for name, p in other.items():
        if name in mine:
            continue
        if p.kind == p.VAR_POSITIONAL and p.VAR_POSITIONAL in kinds or p.kind == p.VAR_KEYWORD and p.VAR_KEYWORD in kinds:
            continue
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.VAR_KEYWORD in kinds:
            continue
        return False
    return True


def shadowed_names() -> list[str]:
    """Names our classes define that are also Textual's, in a way that hides
    or breaks Textual's: any private one; a public method whose signature
    does not accept Textual's calls; a data attribute over a method."""
    problems = []
    for cls in _our_classes():
        textual_base = next(b for b in cls.__mro__ if b.__module__.split(".")[0] == "textual")
        automatic = _set_by_textual_on_any_subclass(textual_base)
        for own in (c for c in cls.__mro__ if _ours(c) and not _in_door(c)):
            for name in sorted(set(vars(own)) | _assigned_in(own)):
                if name.startswith("__") or name in automatic:
                    continue
                where, theirs = _textual_attribute(cls, name)
                if where is None:
                    if name in _private_event_handlers():
                        # Textual's private handler name for one of its events: ours is on_…
                        problems.append(f"{own.__module__}.{own.__qualname__}.{name} (a private handler name)")
                    continue
                label = f"{own.__module__}.{own.__qualname__}.{name} (Textual's {where.__qualname__}.{name})"
                mine = vars(own).get(name)
                if _private(name):
                    problems.append(label)
                elif name.isupper():
                    continue                         # class configuration: BINDINGS, CSS, HELP …
                elif inspect.isfunction(theirs):
                    if not inspect.isfunction(mine):
                        problems.append(label + ": not a method over a method")
                    elif not _accepts(mine, theirs) and (own.__qualname__, name) not in SIGNATURE_ALLOWED:
                        problems.append(label + ": does not accept the calls Textual makes")
    return sorted(set(problems))


def test_no_attribute_of_ours_shadows_textuals():
    problems = shadowed_names()
    assert problems == [], "attributes of ours that hide Textual's:\n" + "\n".join("  " + p for p in problems)


def test_the_door_classes_do_what_they_say():
    """The names the shadowing test leaves to the doors are really there on Textual's side."""
    from textual.app import App
    from textual.screen import Screen

    from tui import compat

    app_source = inspect.getsource(App)
    for name in compat.APP_KEYS_PRIVATE[1:] + compat.APP_ERROR_PRIVATE:
        assert name in app_source, f"Textual's App no longer has {name}: update tui/compat.py"
    assert isinstance(inspect.getattr_static(Screen, compat.APP_KEYS_PRIVATE[0]), property)
    screen_source = inspect.getsource(Screen)
    assert all(name in app_source for name in compat.CSS_PRIVATE)
    assert compat.CSS_PRIVATE[0] in screen_source or compat.CSS_PRIVATE[0] in inspect.getsource(Screen.__mro__[1])
    from textual.document import _history

    history_source = inspect.getsource(_history)
    for name in compat.HISTORY_PRIVATE[1:]:
        assert name in history_source, f"Textual's EditHistory no longer has {name}: update tui/compat.word_undo"
    from textual.document._edit import Edit

    assert compat.HISTORY_PRIVATE[0] in inspect.getsource(Edit)


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    os.chdir(where)
    rows = private_names_outside_the_door(where)
    for f, line, name in rows:
        print(f"{f}:{line} {name}")
    print(f"{len(rows)} uses of {len({n for *_, n in rows})} private framework names outside the door")
