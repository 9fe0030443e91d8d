"""`doithoai print` loads only what printing a document needs (issue 25 item 5).

Most of a `print`'s time is Python starting and importing. The kind registry
used to import every composer's and reviser's module when it loaded, and the
composers' module imported the board, the search, the statistics and (through
the plans service) the regex-heavy plan import, none of which a plan or a
notice needs. The real command runs here as a new process (``python -X
importtime -m tui … print``, as a clerk runs it) on a real SQLite file, and its
own list of imported modules is read from what it reports. On 8135173 the board,
the search, the statistics, the plan import and the printer module are all
among them."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from printing_support import make_session

#: modules a plan, a notice or an invitation does not need to be printed
NOT_NEEDED = ("models.services.board", "models.services.search", "models.services.plan_import",
              "models.services.statistics", "models.services.petitions", "printing.printer",
              "PIL.ImageMode")        # imported by Pillow's Image module: Pillow really loaded, for no picture


def imported_by(args: list[str], cwd) -> tuple[set[str], subprocess.CompletedProcess]:
    """The modules a `doithoai …` process imported, from its own -X importtime report."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "tui", *args], capture_output=True,
                          text=True, cwd=cwd, env=dict(os.environ), timeout=300)
    names = {m.group(1) for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)\s*$", proc.stderr, re.M)}
    return names, proc


@pytest.mark.parametrize("slug", ["ke-hoach", "giay-moi"])
def test_the_print_command_imports_no_board_search_or_plan_import(tmp_path, monkeypatch, slug):
    import models

    _office, plan, conf = make_session(tmp_path, monkeypatch)
    models.close_database()
    out = tmp_path / f"{slug}.pdf"
    ident = plan.id if slug == "ke-hoach" else conf.id
    names, proc = imported_by(["--db", str(tmp_path / "t.sqlite3"), "print", slug, str(ident), "-o", str(out)],
                              tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    # the report was read: the modules that print really are in it
    assert {"models.services.compose", "models.services.kinds", "printing.render", "reportlab.platypus"} <= names
    assert not names & set(NOT_NEEDED), sorted(names & set(NOT_NEEDED))

    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert ("KẾ HOẠCH" if slug == "ke-hoach" else "GIẤY MỜI") in text


def test_every_composer_and_reviser_the_registry_names_is_found():
    """Composers are imported when a kind is first used; this is where a name
    that leads nowhere is caught for the shipped registry."""
    from models.services import kinds

    kinds.check()
    assert all(callable(k.compose) for k in kinds.kinds().values() if k.composer)
    assert all(callable(k.start_revision) for k in kinds.kinds().values() if k.revise)


def test_no_printing_module_compiles_reportlabs_wide_web_address_pattern_when_imported():
    """ReportLab's paragraph module compiles, when imported, a case-folded pattern
    over U+00A1–U+FFFF (about 65 ms of a print; printing/_quick_import.py leaves it
    to its first use). It only works if it runs before ReportLab is first imported:
    printing/render.py, the print's own entry, imported reportlab.platypus first,
    so every `doithoai print` compiled it again. Each module of printing/ is
    imported first in a new process here."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    names = sorted(p.stem for p in (root / "printing").glob("*.py")      # those that import ReportLab
                   if p.stem != "__init__" and "reportlab" in p.read_text(encoding="utf-8"))
    probe = ("import importlib, sys\n"
             "for name in sys.argv[1:]:\n"
             "    importlib.import_module('printing.' + name)\n"
             "p = sys.modules.get('reportlab.platypus.paragraph')\n"
             "print('none' if p is None else type(p.uri_pat).__name__)\n")
    compiled = []
    for name in names:
        out = subprocess.run([sys.executable, "-c", probe, name], capture_output=True, text=True, cwd=root,
                             timeout=120, check=True).stdout.split()
        if out != ["none"] and out != ["LazyPattern"]:
            compiled.append((name, out))
    assert compiled == [], compiled
