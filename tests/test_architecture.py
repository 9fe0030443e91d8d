"""The domain and printing layers never pull in the UI framework, and start-up
does not import the heavy libraries."""
import subprocess
import sys

from conftest import REPO


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         cwd=REPO, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_models_and_printing_do_not_import_textual():
    mods = _modules_after("import models, models.services.catalog, models.services.plans, "
                          "models.services.milestones, models.demo, printing")
    assert "models" in mods and "printing" in mods
    assert not any(m == "textual" or m.startswith("textual.") for m in mods)


def test_app_start_up_does_not_import_reportlab_or_holidays():
    mods = _modules_after("import tui.cli, tui.app, tui.screens.dashboard")
    assert "tui.app" in mods
    assert "reportlab" not in mods
    assert "holidays" not in mods


def test_opening_the_app_does_not_load_the_command_line_library():
    """`doithoai` with no options goes straight to the app (tui/launch.py)."""
    mods = _modules_after("import tui.launch, tui.app, tui.screens.dashboard, models.storage.config, "
                          "models.services.dashboard, models.services.live_session, tui.prefetch")
    assert "tui.app" in mods and "models.storage.config" in mods
    assert "click" not in mods and "tui.cli" not in mods


# --- the rooms, module by module ------------------------------------------------------

FORBIDDEN = {"models": ("textual", "rich", "click", "tui", "printing"),
             "printing": ("textual", "rich", "click", "tui")}


def _modules_of(package: str) -> list[str]:
    root = REPO / package
    return sorted(".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
                  for p in root.rglob("*.py"))


def _imports_in(path) -> list[tuple[int, str]]:
    """Every module an import statement names, at any depth (lazy imports inside
    functions count too: they run sooner or later)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_no_module_of_models_or_printing_names_a_forbidden_room():
    bad = []
    for package, banned in FORBIDDEN.items():
        for path in sorted((REPO / package).rglob("*.py")):
            for line, name in _imports_in(path):
                if name.split(".")[0] in banned:
                    bad.append(f"{path.relative_to(REPO)}:{line} imports {name}")
    assert not bad, "\n".join(bad)


def test_importing_every_module_of_models_and_printing_loads_no_forbidden_room():
    for package, banned in FORBIDDEN.items():
        modules = _modules_of(package)
        assert len(modules) > 5, modules
        mods = _modules_after("import importlib\nfor m in %r: importlib.import_module(m)" % modules)
        assert set(modules) <= mods
        loaded = sorted(m for m in mods if m.split(".")[0] in banned)
        assert not loaded, f"importing {package} loads {loaded}"


def test_every_module_of_the_app_imports():
    """Every module of tui/ loads (a newcomer's first check: nothing
    refers to a name that has gone)."""
    modules = [m for m in _modules_of("tui") if not m.endswith("__main__")]
    assert len(modules) > 20, modules
    mods = _modules_after("import importlib\nfor m in %r: importlib.import_module(m)" % modules)
    assert set(modules) <= mods


# --- contracts and lint, as CI runs them -------------------------------------------------

def _tool(name: str) -> str:
    import shutil
    from pathlib import Path

    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def test_import_contracts_are_kept():
    """pyproject.toml [tool.importlinter]: models and printing never import tui,
    textual, rich or click; models never imports printing (lazy imports count)."""
    out = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    import tomllib

    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert f"{len(contracts['contracts'])} kept, 0 broken" in out.stdout


def _import_graph(package: str) -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports, at any depth (a function-level
    import is a dependency too). A package's ``__init__`` importing its own children
    is not counted (re-exporting is not a loop of design)."""
    import ast

    modules = set(_modules_of(package))

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module in modules:
        path = REPO / (module.replace(".", "/") + ".py")
        is_package = not path.exists()
        if is_package:
            path = REPO / module.replace(".", "/") / "__init__.py"
        here = module if is_package else module.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
                names = [base] + [f"{base}.{a.name}" for a in node.names]
            for name in names:
                target = owner(name)
                if target and target != module and not target.startswith(module + "."):
                    found.add(target)
        graph[module] = found
    return graph


def _loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_loop_finder_finds_a_loop():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _loops(graph) == [["a", "b", "c"]]
    assert _loops({"a": {"b"}, "b": set()}) == []


def test_no_import_loop_inside_models_or_printing():
    """Issue 24: models/ was one loop of 47 modules hidden by imports inside functions,
    and tui/ had two (tui.app ↔ tui.cli ↔ tui.launch, tui.commands.printing ↔ signing).
    Every import counts here, at any depth; a loop of two modules fails."""
    graph = _import_graph("models")
    assert len(graph) > 60 and "models.storage.db" in graph["models.opening"]
    tui = _import_graph("tui")
    assert "tui.app" in tui["tui.launch"] and "tui.crash_log" in tui["tui.app"]   # function-level imports count
    for package in ("models", "printing", "tui"):
        loops = _loops(_import_graph(package))
        assert not loops, "import loops: " + "; ".join(" ↔ ".join(c) for c in loops)


def test_no_module_name_twice_in_models():
    """Issue 24: four documents.py and three catalog/conferences/plans at different
    levels of models/. A record's module is singular in domain/, the service plural."""
    seen: dict[str, list[str]] = {}
    for path in sorted((REPO / "models").rglob("*.py")):
        if path.name != "__init__.py" and ".venv" not in path.parts:
            seen.setdefault(path.stem, []).append(str(path.relative_to(REPO)))
    twice = {name: where for name, where in seen.items() if len(where) > 1}
    assert not twice, twice
    assert len(seen) > 60


def test_ruff_agreed_rules_pass():
    out = subprocess.run([_tool("ruff"), "check", "models", "printing", "tui", "tests", "bench"], cwd=REPO,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]


def _asserts(node, helpers: dict, depth: int = 0) -> bool:
    """The function asserts something: an assert statement, pytest.raises, a
    snapshot comparison, or a call to a helper of the same file that does."""
    import ast

    for n in ast.walk(node):
        if isinstance(n, ast.Assert):
            return True
        if isinstance(n, ast.Call):
            name = getattr(n.func, "attr", None) or getattr(n.func, "id", None) or ""
            if name in ("raises", "snap_compare", "fail") or name.startswith("assert"):
                return True
            if depth < 2 and name in helpers and helpers[name] is not node and _asserts(helpers[name], helpers,
                                                                                         depth + 1):
                return True
    return False


def test_every_test_asserts_something():
    """A test that only prints or only runs code proves nothing (issue 15)."""
    import ast

    empty = []
    for path in sorted((REPO / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for name, fn in helpers.items():
            if name.startswith("test") and not _asserts(fn, helpers):
                empty.append(f"{path.relative_to(REPO)}::{name}")
    assert not empty, "tests that assert nothing: " + ", ".join(empty)


def test_architecture_page_names_what_exists():
    """docs/architecture.md names modules, classes and functions along the three
    paths; each one must exist, so the page cannot drift from the code unseen."""
    import re

    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = sorted(set(re.findall(r"`((?:models|tui|printing)(?:\.\w+)+)`", text)))
    assert len(names) > 25, names
    code = ("import importlib, sys\nmissing = []\n"
            f"for name in {names!r}:\n"
            "    parts = name.split('.')\n"
            "    for cut in range(len(parts), 0, -1):\n"
            "        try:\n"
            "            obj = importlib.import_module('.'.join(parts[:cut]))\n"
            "            break\n"
            "        except ModuleNotFoundError:\n"
            "            continue\n"
            "    for attr in parts[cut:]:\n"
            "        obj = getattr(obj, attr, None)\n"
            "    if obj is None:\n"
            "        missing.append(name)\n"
            "print('MISSING', missing)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert "MISSING []" in out.stdout, out.stdout
