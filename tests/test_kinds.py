"""A document kind is one registry entry plus one composer (issue 24 item 2).

A kind that exists only in a fixture (tests/kinds/giay-xac-nhan.json and the
composer it names, tests/kind_confirmation.py) is issued, printed, reprinted
and listed through the command line and through F7, touching nothing else; a
numbered kind without a composer is refused when the registry loads; the
shipped kinds are what the command line, the register's words and the page
rules read."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from printing_support import page_texts, squash

KINDS = Path(__file__).parent / "kinds"
FIXTURE = KINDS / "giay-xac-nhan.json"
TODAY = dt.date(2026, 11, 20)
CONF_DAY = dt.date(2026, 11, 12)


@pytest.fixture
def office_with_petition(tmp_path, monkeypatch):
    import models
    from models import Petition
    from models.demo import samples

    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    db = tmp_path / "office.sqlite3"
    models.open_database(db)
    office = samples.office("ubnd_xa", place="Kỳ Khang")
    conf = samples.conference(office, date=CONF_DAY, petitions=2)
    petition = Petition.select().where(Petition.conference == conf).order_by(Petition.id).first()
    return office, petition, str(db)


@pytest.fixture
def added_kind():
    from models.services import kinds

    with kinds.added(FIXTURE) as registry:
        yield registry["giay-xac-nhan"]


def _cli(*args):
    from tui.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_kind_from_a_fixture_is_issued_printed_reprinted_and_listed_on_the_command_line(office_with_petition,
                                                                                           added_kind):
    from models import PetitionEvent
    from models.domain.register import OutgoingDocument

    _office, petition, db = office_with_petition
    pid = str(petition.id)
    r = _cli("issue", "--help")
    assert "giay-xac-nhan" in r.output and squash("kiến nghị (tra-loi, giay-xac-nhan)") in squash(r.output), r.output

    r = _cli("print", "giay-xac-nhan", pid, "--db", db)
    assert r.exit_code == 0, r.output
    assert "giấy xác nhận tiếp nhận kiến nghị (bản dự thảo)" in r.output
    draft = Path(r.output.strip().rsplit(": ", 1)[1])
    first = squash(page_texts(draft.read_bytes())[0])
    assert squash("GIẤY XÁC NHẬN") in first and squash("Xác nhận tiếp nhận ý kiến, kiến nghị") in first
    assert squash(petition.content.rstrip(".")) in first
    assert not OutgoingDocument.select().exists()

    r = _cli("issue", "giay-xac-nhan", pid, "--ngay", "19/11/2026", "--db", db)
    assert r.exit_code == 0, r.output
    assert "Đã ban hành số 01/XN-UBND ngày 19/11/2026" in r.output
    doc = OutgoingDocument.get(OutgoingDocument.symbol == "01/XN-UBND")
    assert (doc.kind, doc.ref_type, doc.ref_id) == ("XN", "petition", petition.id)
    issued = squash(page_texts(Path(doc.file_path).read_bytes())[0])
    assert squash("Số: 01/XN-UBND") in issued and squash("GIẤY XÁC NHẬN") in issued
    # what issuing closes, as the fixture's entry declares it
    said = [e.detail for e in PetitionEvent.select().where(PetitionEvent.petition == petition)]
    assert "Giấy xác nhận tiếp nhận số 01/XN-UBND ngày 19/11/2026" in said

    r = _cli("issue", "giay-xac-nhan", pid, "--db", db)
    assert r.exit_code != 0 and "đã ban hành số 01/XN-UBND" in r.output

    r = _cli("print", "giay-xac-nhan", pid, "--db", db)
    assert r.exit_code == 0, r.output
    assert "(bản đã ban hành số 01/XN-UBND)" in r.output and Path(doc.file_path).name in r.output

    r = _cli("register", "--db", db)
    assert r.exit_code == 0, r.output
    line = next(ln for ln in r.output.splitlines() if ln.startswith("01/XN-UBND"))
    assert "XN – Giấy xác nhận" in line and "✓" in line and "Xác nhận tiếp nhận ý kiến, kiến nghị" in line


def test_without_the_fixture_the_kind_does_not_exist(office_with_petition):
    _office, petition, db = office_with_petition
    r = _cli("issue", "giay-xac-nhan", str(petition.id), "--db", db)
    assert r.exit_code != 0 and "giay-xac-nhan" in r.output and "Traceback" not in r.output


def test_a_numbered_kind_without_a_composer_is_refused_at_load():
    from models.services import kinds

    with pytest.raises(kinds.KindsInvalid, match="“giay-xac-nhan”.*không có hàm soạn"):
        with kinds.added(KINDS / "no-composer.json"):
            pass
    assert "giay-xac-nhan" not in kinds.kinds()          # nothing half-loaded is left behind


@pytest.mark.parametrize("change, said", [
    ({"composer": "kind_confirmation:khong_co"}, "không có hàm đó"),
    ({"closes": [{"effect": "khong-co"}]}, "đóng việc “khong-co” không có"),
    ({"slug": "tra-loi"}, "“tra-loi” đã có"),
    ({"target": "thon"}, "nói về “thon”"),
    ({"closes": [{"effect": "petitions", "event": "confirmed", "says": "x"}]}, "“confirmed” không có tên"),
    ({"closes": [{"effect": "conference", "status": "held", "date": "notice_published_on"}]}, "“held” không có"),
    ({"closes": [{"effect": "conference", "status": "announced", "date": "venue"}]}, "không có ngày “venue”"),
    ({"record_text": True}, "không ghi hàm tạo phiên bản mới"),
    ({"record_text": True, "revise": "kind_confirmation:khong_co"}, "không có hàm đó"),
    ({"target": "plan", "record_text": True, "revise": "models.services.plans:new_version"},
     "đã có loại “ke-hoach” lấy nội dung từ chính kế hoạch"),
])
def test_other_mistakes_in_an_entry_are_refused_at_load(tmp_path, change, said):
    from models.services import kinds

    entry = {**json.loads(FIXTURE.read_text(encoding="utf-8"))["kinds"][0], **change}
    path = tmp_path / "kinds.json"
    path.write_text(json.dumps({"kinds": [entry]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(kinds.KindsInvalid, match=said):
        with kinds.added(path):
            pass


def test_the_shipped_registry_is_what_the_command_line_and_the_words_read():
    from models.services import kinds, register_view
    from tui.commands.printing import KindChoice

    registry = kinds.kinds()
    assert all(k.compose is not None for k in registry.values())
    assert list(KindChoice().choices) == list(registry)
    assert list(KindChoice(numbered_only=True).choices) == [k.slug for k in kinds.numbered_kinds()]
    assert {k.slug for k in kinds.numbered_kinds()} == {"ke-hoach", "thong-bao", "giay-moi", "bien-ban",
                                                        "ket-luan", "tra-loi", "don-doc", "bao-cao"}
    assert register_view.kind_label("TB") == "TB – Thông báo"
    assert register_view.kind_label("CV") == "CV – Công văn"
    assert register_view.kind_label("QĐ") == "QĐ – Quyết định"
    assert list(register_view.kind_names())[:6] == ["KH", "TB", "GM", "BB", "CV", "BC"]


def test_every_working_paper_of_the_registry_has_its_paper_layout():
    """A kind without a number is laid out by printing.papers (a numbered one by the common layout of
    Decree 30's forms), so a working paper added to the registry needs its layout there too."""
    from models.services import kinds
    from printing.papers import LAYOUTS

    papers = {k.slug for k in kinds.kinds().values() if not k.numbered}
    assert papers and papers <= set(LAYOUTS), papers - set(LAYOUTS)


def _slug_constants(branches_only: bool) -> list[str]:
    """Where the code of models/, tui/ and printing/ (the registry's own module
    apart) compares something with a kind's slug — an if, elif, while, a
    conditional expression or a filter (``slug == "ke-hoach"``, ``kind in (…)``,
    a ``case``) — or, with ``branches_only`` false, names one at all."""
    import ast

    from models.services import kinds

    slugs = set(kinds.kinds())
    root = Path(__file__).resolve().parent.parent
    found = []
    for room in ("models", "tui", "printing"):
        for path in sorted((root / room).rglob("*.py")):
            if path == root / "models" / "services" / "kinds.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if branches_only and not isinstance(node, (ast.Compare, ast.MatchValue)):
                    continue
                inside = ast.walk(node) if branches_only else [node]
                found += [f"{path.relative_to(root).as_posix()}:{node.lineno} {c.value}" for c in inside
                          if isinstance(c, ast.Constant) and c.value in slugs]
    return found


def test_no_code_outside_the_registry_branches_on_a_kinds_slug():
    """What differs between kinds is declared in their entries (``record_text``,
    ``after_conference``, ``closes`` …), never an if on a slug: the plan's
    drafting, editing and corrections went through ``slug == "ke-hoach"`` in
    documents.py, the document editor and F7, and invitations through
    ``content.kind == "giay-moi"`` in printing."""
    assert _slug_constants(branches_only=True) == []


def test_the_plans_slug_is_named_by_the_registry_alone():
    """The plan is found as the kind whose text is the plan record
    (``kinds.record_kind("plan")``), so its slug is written in the registry only."""
    from models.services import kinds

    plan = kinds.record_kind("plan")
    assert plan is not None and plan.record_text and plan.start_revision is not None
    assert [k.slug for k in kinds.kinds().values() if k.record_text] == [plan.slug]
    assert [where for where in _slug_constants(branches_only=False) if where.endswith(f" {plan.slug}")] == []
    # nor spelled inside the screens' words (F3's "doithoai print ke-hoach {id}" is formatted with it)
    import re

    import tui.words

    spelled = re.compile(rf"(?<![\w-]){re.escape(plan.slug)}(?![\w-])")
    assert not spelled.search(Path(tui.words.__file__).read_text(encoding="utf-8"))


# --- F7, as a person would ---------------------------------------------------------------

def test_a_kind_from_a_fixture_is_issued_printed_reprinted_and_listed_in_f7(office_with_petition, added_kind):
    from textual.widgets import OptionList, Select, Static

    from tui.widgets.page_table import PageTable

    from models import Petition
    from models.domain.register import OutgoingDocument
    from tui.app import DoiThoaiApp
    from tui.screens.document_editor import DocumentEditor
    from tui.screens.documents import DocumentsScreen
    from tui.widgets.confirm import ConfirmScreen
    from tui.widgets.form import FormScreen
    from tui.widgets.pick import PickScreen

    from tests.test_document_cycle_tui import until as _until

    office, petition, _db = office_with_petition

    async def run():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f7")
            await _until(pilot, lambda: isinstance(app.screen, DocumentsScreen), "F7")
            docs = app.screen
            await pilot.press("t")                                  # a new document: the registry's kinds
            await _until(pilot, lambda: isinstance(app.screen, PickScreen), "the kinds to choose from")
            options = app.screen.query_one("#pick-list", OptionList)
            labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
            assert "Giấy xác nhận tiếp nhận kiến nghị (giay-xac-nhan)" in labels
            for _ in range(labels.index("Giấy xác nhận tiếp nhận kiến nghị (giay-xac-nhan)")):
                await pilot.press("down")
            await pilot.press("enter")
            await _until(pilot, lambda: isinstance(app.screen, FormScreen), "the petition's number")
            await pilot.press(*"99999", "ctrl+s")                     # no such petition: said, form kept
            await _until(pilot, lambda: "Không có kiến nghị số 99999" in str(
                app.screen.query_one("#form-error").render()), "the refusal of an unknown petition")
            await pilot.press(*["backspace"] * 5, *str(petition.id), "ctrl+s")
            await _until(pilot, lambda: isinstance(app.screen, DocumentEditor), "the editor")
            editor = app.screen
            assert editor.slug == "giay-xac-nhan"
            await pilot.press("ctrl+o")                               # print the draft
            await _until(pilot, lambda: "giay-xac-nhan-kien-nghi" in str(editor.query_one("#form-error").render()),
                         "the draft printed")
            await pilot.press("ctrl+b")
            await _until(pilot, lambda: isinstance(app.screen, FormScreen) and app.screen is not editor,
                         "the issue date")
            await pilot.press("ctrl+s")                               # today, as offered
            await _until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirmation")
            await pilot.press("c")
            await _until(pilot, lambda: app.screen is editor and editor.draft.frozen, "issued")
            assert editor.draft.issued.symbol == "01/XN-UBND"
            await pilot.press("escape")
            await _until(pilot, lambda: app.screen is docs, "back in F7")
            table = docs.query_one("#docs-table", PageTable)
            await _until(pilot, lambda: table.row_count == 1 and str(table.get_row_at(0)[0]) == "01/XN-UBND",
                         "the register lists it")
            assert str(table.get_row_at(0)[2]) == "XN"
            await pilot.press("r")                                    # reprint: the same as issued
            info = docs.query_one("#docs-info", Static)
            await _until(pilot, lambda: "giống hệt bản đã ban hành" in str(info.content), "the reprint")
            await pilot.press("k")                                    # the stored file checked
            await _until(pilot, lambda: "Tệp khớp với mã SHA-256" in str(info.content), "the check")
            await pilot.press("l", "enter", "X", "enter")            # the kind filter offers it: X → XN
            kind = docs.query_one("#docs-kind", Select)
            await _until(pilot, lambda: kind.value == "XN", "filtered by XN")
            await _until(pilot, lambda: table.row_count == 1 and str(table.get_row_at(0)[0]) == "01/XN-UBND",
                         "the filtered list")

    asyncio.run(run())
    from models.services import register_view

    assert register_view.kind_label("XN") == "XN – Giấy xác nhận"        # the filter's option, by its name
    doc = OutgoingDocument.get(OutgoingDocument.symbol == "01/XN-UBND")
    assert doc.issued_on == TODAY and doc.ref_id == petition.id
    printed = squash(page_texts(Path(doc.file_path).read_bytes())[0])
    assert squash("GIẤY XÁC NHẬN") in printed and squash(Petition.get_by_id(petition.id).content.rstrip(".")) in printed
