"""The date typed for issuing a document is judged by one rule in models/
(documents.issue_date_as_typed): the editor's Ctrl+B and the plan's F3 B each
had their own copy of it in tui/ (noticed last session)."""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from models.core.errors import ValidationError
from models.services import documents

ROOT = Path(__file__).resolve().parent.parent


def test_the_issue_date_is_checked_in_one_place():
    """No screen parses an issue date or calls check_date itself."""
    found = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "check_date" or (name == "parse_date" and any(
                        getattr(a, "id", "") == "ISSUED_ON" for a in node.args)):
                    found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}")
    # the command line's --ngay reads the date as a click type, and the issuer checks it
    assert found == ["tui/commands/printing.py:91"]


@pytest.mark.parametrize("slug", ["ke-hoach", "thong-bao"])
def test_the_rule_reads_the_date_and_refuses_one_to_come(demo_office, monkeypatch, slug):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from models.domain.conference import Conference
    from models.domain.plan import Plan

    model = Plan if slug == "ke-hoach" else Conference
    ref = model.select().where(model.office == demo_office).order_by(model.id.desc()).first()
    assert documents.issue_date_as_typed(demo_office, slug, ref.id, " 22/11/2026 ") == dt.date(2026, 11, 22)
    with pytest.raises(ValidationError, match="chưa đến") as caught:
        documents.issue_date_as_typed(demo_office, slug, ref.id, "23/11/2026")
    assert caught.value.field == "date"
    with pytest.raises(ValidationError, match="Ngày ban hành") as caught:
        documents.issue_date_as_typed(demo_office, slug, ref.id, "31/02/2026")
    assert caught.value.field == "date"
