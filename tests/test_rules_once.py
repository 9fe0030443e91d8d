"""One definition per rule, and the screen and the printout agree: the citizen
label, the day counts, "due soon" (working days, as SPEC.md's deadlines are),
the attendance summary and the broadcast plan."""
import asyncio
import datetime as dt

from models import Petition
from models.domain.deadlines import WorkCalendar
from models.domain.petition import citizen_label
from tests.printing_support import page_texts, render, squash
from tui.app import DoiThoaiApp

TODAY = dt.date(2026, 11, 22)


def settle_app(app, pilot):
    async def inner():
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
    return inner()


#: the places of the app that may name the anonymous citizen's label, and why
WITHHELD_PLACES = {
    "models.core.words": "the word itself",
    "models.domain.petition.citizen_label": "the rule",
    "models.domain.audit.snapshot": "the change trail masks a kept name",
    "models.storage.seals._differences": "and the seal check reads that mask back",
}


def places_naming_the_withheld_label() -> set[str]:
    """Every function (or module, at its top level) of models/, printing/ and
    tui/ whose code names models.core.words.WITHHELD or spells "(giấu tên)"
    (docstrings aside; another catalogue's own WITHHELD is another word)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    found: set[str] = set()

    def bindings(tree) -> tuple[set[str], set[str]]:
        """Names bound to the word, and names bound to its module, by this module's imports."""
        word, module = set(), set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            source = node.module or ""
            if source == "models.core.words" or node.level and source.endswith("words"):
                word |= {a.asname or a.name for a in node.names if a.name == "WITHHELD"}
            elif source == "models.core" or node.level and source in ("", "core"):
                module |= {a.asname or a.name for a in node.names if a.name == "words"}
        return word, module

    def visit(node, where: str, word: set[str], module: set[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Expr) and isinstance(child.value, ast.Constant):
                continue                                    # a docstring
            here = f"{where}.{child.name}" if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                 ast.ClassDef)) else where
            if (isinstance(child, ast.Name) and child.id in word
                    or isinstance(child, ast.Attribute) and child.attr == "WITHHELD"
                    and isinstance(child.value, ast.Name) and child.value.id in module
                    or isinstance(child, ast.Constant) and isinstance(child.value, str) and "(giấu tên)" in child.value):
                found.add(where)
            visit(child, here, word, module)

    for room in ("models", "printing", "tui"):
        for path in sorted((root / room).rglob("*.py")):
            module_name = ".".join(path.relative_to(root).with_suffix("").parts)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            word, module = bindings(tree)
            visit(tree, module_name, word | ({"WITHHELD"} if module_name == "models.core.words" else set()), module)
    return found


def test_citizen_label_is_one_rule():
    assert citizen_label("Nguyễn Văn A", False) == "Nguyễn Văn A"
    assert citizen_label("Nguyễn Văn A", True) == "(giấu tên)"     # the kept name is never shown
    assert citizen_label("", False) == "(không ghi tên)"
    # and nothing else writes it again (privacy.shown_name did, unnoticed)
    assert places_naming_the_withheld_label() == set(WITHHELD_PLACES)


def test_board_rows_name_citizens_and_count_days_as_the_rules_say(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    from models.services import board, followup

    Petition.update(citizen_withheld=True).where(Petition.id == Petition.select(Petition.id)
                                                 .order_by(Petition.id).limit(1)).execute()
    rows = board.rows(board.BoardQuery(office_id=demo_office.id, status="all", page_size=500))
    assert any(r.citizen == "(giấu tên)" for r in rows) and any(r.days_left for r in rows)
    for r in rows:
        assert r.citizen == Petition.get_by_id(r.id).citizen_label
        assert r.days_text == followup.days_text(r.days_left, working=r.days_unit == "working")


def test_due_soon_counts_working_days_for_milestones_as_on_the_board(office):
    """Friday 27/11/2026: a milestone due on Tuesday 01/12 is 4 calendar days
    away but 2 working days, so it is due soon; one due on Thursday 03/12
    (4 working days) is not. The board's rule decides both."""
    from models.services import followup

    friday = dt.date(2026, 11, 27)
    limit = followup.due_soon_limit(friday, WorkCalendar())
    assert limit == dt.date(2026, 12, 2)
    assert followup.urgency("open", dt.date(2026, 12, 1), friday, limit) == "due_soon"
    assert followup.urgency("open", dt.date(2026, 12, 3), friday, limit) == "on_track"


def test_milestones_use_the_boards_due_soon(demo_office):
    from models import Conference
    from models.services import followup
    from models.services.milestones import conference_milestones

    conf = Conference.select().where(Conference.office == demo_office).order_by(Conference.date.desc()).first()
    cal = WorkCalendar()
    for today in (conf.date - dt.timedelta(days=n) for n in range(0, 20)):
        limit = followup.due_soon_limit(today, cal)
        for m in conference_milestones(conf, today, cal):
            if m.state not in ("done", "late"):
                assert (m.state == "due_soon") == (m.due <= limit), (today, m.key, m.due)


def test_session_screen_and_minutes_agree_on_attendance(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", TODAY.isoformat())
    from models.services import live_session as live

    async def inner():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle_app(app, pilot)
            await pilot.press("f5")
            await settle_app(app, pilot)
            conf = app.screen.conf
            live.set_attendance(conf, {"officials": 7, "village_leaders": 4, "citizens": 85},
                                "Lê Văn Thành - Bí thư Đảng ủy")
            app.screen.show_attendance(live.attendance(conf))
            await pilot.pause()
            return conf, str(app.screen.query_one("#attendance").render())

    conf, shown = asyncio.run(inner())
    total = 7 + 4 + 85 + 1
    assert f"Tổng: {total}" in shown
    printed = squash(" ".join(page_texts(render(demo_office, "bien-ban", conf.id))))
    assert squash(f"Tổng số người tham dự: {total} người.") in printed


def test_loudspeaker_script_prints_the_plan_the_screen_made(demo_office):
    from models import Conference
    from models.services import conferences as svc
    from models.services.compose import loudspeaker_script

    conf = Conference.select().where(Conference.office == demo_office).order_by(Conference.date.desc()).first()
    default = [(d.isoformat(), s, st) for d, s, st in svc.default_broadcasts(conf)]
    planned = svc.plan_broadcasts(conf, days=4)
    printed = loudspeaker_script(conf).extras["schedule"]
    assert sorted(printed) == sorted((s.day.isoformat(), s.slot, s.station) for s in planned)
    assert len(printed) > len(default) > 0           # four days planned, the rule's three by default
    assert set(default) <= set(printed)


def test_due_soon_is_named_with_its_number_once():
    from models.services import followup

    assert followup.DUE_SOON_WORKING_DAYS == 3
    assert followup.due_soon_text() == "Sắp đến hạn (3 ngày làm việc)"
