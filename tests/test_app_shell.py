"""The app shell driven by Pilot as a user would: dashboard, navigation, F1,
the command palette, and the Danh mục screen (typing Vietnamese)."""
import asyncio
import unicodedata

from models import Official, Village
from pilot_keys import until
from tui.app import DoiThoaiApp


def drive(office, steps, size=(120, 36)):
    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return await steps(app, pilot)
    return asyncio.run(inner())


def test_dashboard_counts_and_next_conference(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")

    async def steps(app, pilot):
        return app.screen.shown

    shown = drive(demo_office, steps)
    import datetime as dt

    from models.domain.deadlines import WorkCalendar
    from models.services.followup import counts

    expected = counts(demo_office, dt.date(2026, 11, 22), WorkCalendar())
    assert shown["counts"] == expected and expected["late"] > 0
    assert "Hội nghị đối thoại" in shown["next"] and "còn" in shown["next"]
    assert shown["milestones"] == 5
    assert shown["documents"] > 0


def test_function_keys_switch_screens_and_f1_helps(demo_office):
    async def steps(app, pilot):
        seen = []
        await pilot.press("f8")
        seen.append(app.current_mode)
        await pilot.press("f1")
        seen.append(type(app.screen).__name__)
        await pilot.press("escape")
        await pilot.press("f2")
        seen.append(app.current_mode)
        return seen

    assert drive(demo_office, steps) == ["catalog", "HelpScreen", "dashboard"]


def test_command_palette_reaches_screens_by_vietnamese_name_without_diacritics(demo_office):
    async def steps(app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "danh muc":
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        return app.current_mode

    assert drive(demo_office, steps) == "catalog"


def test_add_official_typing_vietnamese_key_by_key(demo_office):
    async def steps(app, pilot):
        await pilot.press("f8", "right", "a")
        for ch in "Nguyễn Thị Ánh":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("tab")
        for ch in "Công chức":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        return type(app.screen).__name__

    assert drive(demo_office, steps) == "CatalogScreen"
    o = Official.get(Official.full_name == "Nguyễn Thị Ánh")
    assert o.position == "Công chức"


def test_pasted_decomposed_village_name_is_stored_nfc(demo_office):
    nfd = unicodedata.normalize("NFD", "Xóm Đồng Nhuệ")

    async def steps(app, pilot):
        await pilot.press("f8")
        for _ in range(3):
            await pilot.press("right")
        await pilot.press("a")
        await pilot.pause()
        app.screen.focused.insert_text_at_cursor(nfd)  # what a paste delivers
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_office, steps)
    v = Village.get(Village.name == "Xóm Đồng Nhuệ")
    assert unicodedata.is_normalized("NFC", v.name)


def test_empty_name_is_refused_in_the_form_and_typing_is_kept(demo_office):
    async def steps(app, pilot):
        await pilot.press("f8", "right", "right", "a")
        await pilot.press("tab")
        for ch in "ĐC":
            await pilot.press(ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        return (type(screen).__name__, str(screen.query_one("#form-error").render()),
                screen.values()["short_name"])

    name, error, kept = drive(demo_office, steps)
    assert name == "FormScreen"
    assert "không được để trống" in error
    assert kept == "ĐC"


def test_office_changes_a_deadline_rule_and_adds_a_make_up_saturday(demo_office):
    from models.domain.rules import office_rules
    from models.services.catalog import holiday_overrides

    async def steps(app, pilot):
        await pilot.press("f8")
        for _ in range(5):
            await pilot.press("right")
        await pilot.press("tab", "e")          # the first rule: the notice
        await pilot.pause()
        app.screen.focused.value = ""
        for ch in "10":
            await pilot.press(ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("shift+tab", "right", "a")
        await pilot.pause()
        for ch in "10/10/2026":
            await pilot.press(ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        return type(app.screen).__name__

    assert drive(demo_office, steps) == "CatalogScreen"
    assert office_rules(demo_office)["notice"].days == 10
    assert [(h.day.isoformat(), h.kind) for h in holiday_overrides(demo_office)] == [("2026-10-10", "off")]


def test_command_palette_reaches_the_current_screens_actions(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")

    async def steps(app, pilot):
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "thong bao":
            await pilot.press("space" if ch == " " else ch)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        return type(app.screen).__name__

    assert drive(demo_office, steps) == "DocumentEditor"   # T: the notice's editor


def test_help_lists_only_our_vietnamese_keys(demo_office):
    async def steps(app, pilot):
        await pilot.press("f6")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        return app.screen.keys

    keys = drive(demo_office, steps)
    descriptions = [d for _, d in keys]
    assert "Ghi trả lời" in " ".join(descriptions) or any("trả lời" in d for d in descriptions)
    assert not any(d in ("Cursor up", "Select", "Page up") for d in descriptions)


def test_escape_asks_before_throwing_typing_away(demo_office):
    async def steps(app, pilot):
        seen = []
        await pilot.press("f8", "right", "a")
        for ch in "Lò":
            await pilot.press(ch)
        await pilot.press("escape")
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        await pilot.press("k")
        await pilot.pause()
        seen.append((type(app.screen).__name__, app.screen.values()["full_name"]))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        return seen

    assert drive(demo_office, steps) == ["ConfirmScreen", ("FormScreen", "Lò"), "CatalogScreen"]
    assert not Official.select().where(Official.full_name == "Lò").exists()


def test_office_profile_choices_are_in_vietnamese(demo_office):
    from textual.widgets import Select

    async def steps(app, pilot):
        await pilot.press("f8", "e")
        await pilot.pause()
        select = app.screen.query_one("#f-numbering", Select)
        return type(app.screen).__name__, [label for label, _ in select._options]

    name, labels = drive(demo_office, steps)
    assert name == "FormScreen"
    assert "Một dãy số cho mọi văn bản trong năm" in [str(x) for x in labels]


def test_a_new_plan_left_with_escape_is_not_kept(demo_office):
    from models import Plan

    before = Plan.select().count()

    async def steps(app, pilot):
        await pilot.press("f3")
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        opened = type(app.screen).__name__
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        return opened

    assert drive(demo_office, steps) == "FormScreen"
    assert Plan.select().count() == before


def test_dashboard_fits_a_narrow_terminal(demo_office, monkeypatch):
    """At 80 columns the panels stack and every date stays whole."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.screens.dashboard import DashboardView

    async def steps(app, pilot):
        view = app.screen.query_one(DashboardView)
        return view.content_size.width, view.render().plain.splitlines()

    for size in ((80, 30), (120, 36)):
        width, lines = drive(demo_office, steps, size=size)
        assert width == size[0] - 2  # the view's padding
        assert all(len(line) == width for line in lines)
        text = "\n".join(lines)
        assert "23/11/2026" in text and "Quá hạn:" in text and "Văn bản gần đây" in text
        side_by_side = any("Kiến nghị cần xử lý" in line and "Văn bản gần đây" in line for line in lines)
        assert side_by_side == (size[0] >= 92)


def test_someone_else_saved_the_record_while_the_form_was_open(demo_office, monkeypatch):
    """The form keeps the user's typing, shows who changed what, takes the new
    value into the field the user did not touch, and saves on a second Ctrl+S
    without undoing the other person's change."""
    from models.storage import who as audit
    from models.services import records

    async def steps(app, pilot):
        await pilot.press("f8")
        # the lists are read in a worker: E pressed before they are shown finds no row
        await until(pilot, lambda: type(app.screen).__name__ == "CatalogScreen" and len(app.screen.rows) > 1,
                    "F8 and its lists")
        await pilot.press("right", "right", "right", "e")
        await until(pilot, lambda: app.screen.query_one("#f-leader_name"), "the village's form")
        form = app.screen
        village = Village.get((Village.office == demo_office) & (Village.name == form.values()["name"]))
        monkeypatch.setattr(audit, "_user", "Trần Thị Bình")           # another workstation saves
        records.update(Village.get_by_id(village.id), {"station": "Cụm loa chợ mới"})
        monkeypatch.setattr(audit, "_user", None)
        form.query_one("#f-leader_name").focus()
        form.query_one("#f-leader_name").value = ""
        for ch in "Nguyễn Văn Mới":
            await pilot.press(ch)
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = (app.screen is form, str(form.query_one("#form-error").render()), form.values())
        stored_between = Village.get_by_id(village.id).leader_name
        await pilot.press("ctrl+s")
        await pilot.pause()
        return village.id, first, stored_between, app.screen is form

    vid, (still_open, message, values), between, open_after = drive(demo_office, steps)
    assert still_open and "Trần Thị Bình" in message and "Cụm loa chợ mới" in message
    assert "Ctrl+S lần nữa" in message
    assert values["leader_name"] == "Nguyễn Văn Mới" and values["station"] == "Cụm loa chợ mới"
    assert between != "Nguyễn Văn Mới"                                   # nothing saved on the first try
    assert not open_after
    stored = Village.get_by_id(vid)
    assert (stored.leader_name, stored.station) == ("Nguyễn Văn Mới", "Cụm loa chợ mới")


def test_key_bar_shows_every_key_of_a_busy_screen(demo_office):
    """Wide enough: every key by name. On a busy screen at 120 columns the bar
    takes a second line and F2–F8 share one entry, so no screen key is cut."""
    from tui.widgets.keybar import KeyBar

    async def steps(app, pilot):
        bar = app.screen.query_one(KeyBar)
        wide = (bar.size.height, bar.render().plain)
        await pilot.press("f3")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        return wide, (bar.size.height, bar.render().plain, app.size.width)

    (h, text), _ = drive(demo_office, steps, size=(200, 36))
    assert h == 1 and "F3 Kế hoạch" in text and "F8 Danh mục" in text and "Màn hình" not in text
    _, (h, text, width) = drive(demo_office, steps, size=(120, 36))
    assert h == 2 and "F2–F8 Màn hình" in text and "F1 Trợ giúp" in text and "^Q Thoát" in text
    assert "V Các phiên bản" in text and all(len(line) <= width for line in text.splitlines())


def test_square_brackets_typed_by_a_user_are_shown_as_typed(demo_office):
    """Text such as "[/b]" or "[red]" in a title, venue or profile field is
    shown verbatim; it is never read as markup (which would hide it or fail)."""
    from models import Conference, Office
    from models.services import records

    odd = "Hội nghị [/b] thôn [red]Đông[/red] \\"
    conf = Conference.select().where(Conference.office == demo_office).order_by(Conference.date.desc()).first()
    records.update(conf, {"title": odd, "venue": "Nhà văn hóa [b]"}, lock_check=False)
    records.update(Office.get_by_id(demo_office.id), {"phone": "[/i] 0232"})

    async def steps(app, pilot):
        await pilot.press("f4")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#conf-table")
        table.move_cursor(row=table.row_index(str(conf.id)))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = str(screen.query_one("#conf-detail").render())
        await pilot.press("f8")
        await pilot.pause()
        return detail, str(app.screen.query_one("#profile").render())

    detail, profile = drive(demo_office, steps)
    assert odd in detail and "Nhà văn hóa [b]" in detail
    assert f"doithoai print bien-ban {conf.id}" in detail  # the ID the command line takes
    assert "[/i] 0232" in profile


def test_square_brackets_in_a_petition_are_shown_on_the_board(demo_office):
    """Textual's DataTable read str cells as markup; our table shows them as stored."""
    from models import Petition
    from models.services import records
    from tui.screens.board import BoardScreen

    odd = "Đề nghị sửa [/i] đường [red]liên thôn"
    p = (Petition.select().where((Petition.office == demo_office) & (Petition.status == "open"))
         .order_by(Petition.due_on).first())
    records.update(p, {"content": odd, "citizen_name": "Lê [b] Văn"}, lock_check=False)

    async def steps(app, pilot):
        await pilot.press("f6")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        table = app.screen.query_one("#board-table")
        return [str(c) for c in table.get_row_at(app.screen.row_ids.index(p.id))]

    cells = drive(demo_office, steps)
    assert "Lê [b] Văn" in cells and any(c.startswith("Đề nghị sửa [/i] đường") for c in cells)


def test_an_unforeseen_error_is_logged_and_told_in_vietnamese(demo_office):
    from models.core.paths import locations

    async def steps(app, pilot):
        try:
            raise RuntimeError("hỏng giả lập")
        except RuntimeError as exc:
            app.report_unexpected(exc)
        await pilot.pause()
        return [n.message for n in app._notifications]

    messages = drive(demo_office, steps)
    assert any("Có lỗi không mong đợi" in m for m in messages)
    log = (locations().logs / "loi.log").read_text(encoding="utf-8")
    assert "hỏng giả lập" in log and "Traceback" in log


async def open_notice_editor(pilot) -> None:
    """F4, the demo's next conference (third row), T: the notice's editor."""
    from snapshots.settle import settle

    from tui.screens.document_editor import DocumentEditor

    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("down", "down", "t")
    await settle(pilot, lambda a: isinstance(a.screen, DocumentEditor))


def test_ctrl_f_gives_the_document_body_the_whole_screen(demo_office, monkeypatch):
    """A long body is edited with the other fields out of the way, and back."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from snapshots.settle import settle


    async def steps(app, pilot):
        await open_notice_editor(pilot)
        screen = app.screen
        body = screen.query_one("#f-body")
        subject = screen.query_one("#f-subject")
        before = body.size.height
        await pilot.press("ctrl+f")
        await settle(pilot)
        zoomed = (body.size.height, subject.display, app.focused is body)
        await pilot.press("ctrl+f")
        await settle(pilot)
        return before, zoomed, (body.size.height, subject.display)

    before, zoomed, after = drive(demo_office, steps)
    assert zoomed[0] >= 26 > before and zoomed[1] is False and zoomed[2] is True
    assert after == (before, True)


def test_f1_helps_in_the_document_editor_too(demo_office, monkeypatch):
    """The editor is a modal screen: F1 (a priority key) still opens its help."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from snapshots.settle import settle

    from tui.screens.help import HelpScreen

    async def steps(app, pilot):
        await open_notice_editor(pilot)
        await pilot.press("f1")
        await settle(pilot)
        shown = app.screen
        await pilot.press("f1")          # F1 on the help itself opens no second help
        await settle(pilot)
        return shown, app.screen, len(app.screen_stack)

    shown, after, depth = drive(demo_office, steps)
    assert isinstance(shown, HelpScreen) and "Ctrl+F" in " ".join(d for _, d in shown.keys) + shown.text
    assert after is shown
