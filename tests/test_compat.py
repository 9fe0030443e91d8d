"""The private parts of libraries that tui/compat.py relies on are still there,
and the app shows none of Textual's own English words where it replaced them."""
import asyncio
import inspect

from textual.command import CommandPalette


def test_the_palettes_private_parts_still_exist():
    from tui import compat

    source = inspect.getsource(CommandPalette)
    for name in compat.PALETTE_PRIVATE:
        assert name in source, f"Textual's CommandPalette no longer has {name}: update tui/compat.py"
    # our replacement keeps the signature of the method it replaces
    theirs = inspect.signature(CommandPalette._start_no_matches_countdown)
    ours = inspect.signature(compat.Palette._start_no_matches_countdown)
    assert list(theirs.parameters) == list(ours.parameters)


def _screen_text(app) -> str:
    from textual.widgets import OptionList

    parts = []
    for w in app.screen.query("*"):
        if isinstance(w, OptionList):
            parts += [str(o.prompt) for o in w._options]
        parts.append(str(getattr(w, "renderable", "") or ""))
    return " ".join(parts)


def test_no_english_from_textual_in_the_palette_or_on_ctrl_c(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("ctrl+c")
            await pilot.pause()
            notes = [str(n.message) + str(n.title) for n in app._notifications]
            assert any("Ctrl+Q" in n for n in notes) and not any("quit" in n.lower() for n in notes), notes
            await pilot.press("ctrl+p")
            await pilot.pause()
            for ch in "zzqxw":
                await pilot.press(ch)
            for _ in range(600):                     # the "no match" line comes after a short wait (≤ 30 s here)
                await pilot.pause(0.05)
                if "Không tìm thấy lệnh" in _screen_text(app):
                    break
            text = _screen_text(app)
            assert "Không tìm thấy lệnh" in text and "No matches" not in text

    asyncio.run(run())


# --- models/core/compat.py: peewee's and python-docx's private parts ---------------------------

def test_peewee_private_parts_still_work(tmp_path):
    import peewee as pw

    from models.core import compat

    db = pw.SqliteDatabase(str(tmp_path / "c.sqlite3"))
    seen = []
    compat.on_connect(db, lambda conn: seen.append(conn))

    class Thing(pw.Model):
        name = pw.CharField(index=True)

        class Meta:
            database = db

    db.connect()
    assert seen, "peewee no longer calls Database._initialize_connection: update models/compat.on_connect"
    db.create_tables([Thing], safe=True)
    db.execute_sql("DROP INDEX thing_name")
    compat.create_indexes(Thing)
    assert any(i.name == "thing_name" for i in db.get_indexes("thing"))
    t = Thing.create(name="a")
    t.name = "b"
    assert t.dirty_fields
    compat.forget_changes(t)
    assert not t.dirty_fields and t.is_dirty() is False
    db.close()


def test_python_docx_elements_are_reachable():
    import docx

    from models.core.compat import docx_element

    d = docx.Document()
    p = d.add_paragraph("x")
    run = p.runs[0]
    t = d.add_table(rows=1, cols=2)
    assert docx_element(p).tag.endswith("}p") and docx_element(run).tag.endswith("}r")
    assert docx_element(t).tag.endswith("}tbl") and docx_element(t.rows[0]).tag.endswith("}tr")
    assert docx_element(t.rows[0].cells[0]).tag.endswith("}tc")


def test_the_board_is_built_behind_the_dashboard_and_reloads_when_shown(demo_office, monkeypatch):
    """tui.compat.prepare_mode: Textual's private first-switch work done early.
    The board exists before F6, the dashboard stays in front, and F6 shows the
    board and asks for its page again (the one read in the background may be old)."""
    import inspect

    from textual.app import App

    from tui import compat

    source = inspect.getsource(App)
    for name in compat.APP_PRIVATE:
        assert name in source, f"Textual's App no longer has {name}: update tui/compat.prepare_mode"
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(600):
                await pilot.pause(0.02)
                if "board" in app._screen_stacks:
                    break
            assert "board" in app._screen_stacks, "the board was not built behind the dashboard"
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.current_mode == "dashboard"
            board = app._screen_stacks["board"][0]
            assert board.page_data is not None          # its first page was read in the background
            loads, parses = [], []
            real = board.load
            monkeypatch.setattr(board, "load", lambda *a, **k: (loads.append(1), real(*a, **k)))
            reparse = type(app.stylesheet).reparse
            monkeypatch.setattr(type(app.stylesheet), "reparse", lambda s: (parses.append(1), reparse(s)))
            await pilot.press("f6")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is board and loads == [1]
            assert board.query_one("#board-table").row_count > 0
            # shown without parsing every stylesheet again (it was styled when built)
            assert parses == []
            # and styled as the app's stylesheet says (the titles' rule of app.tcss)
            dash = app._screen_stacks["dashboard"][0]
            assert board.query_one("#board-title").styles.background \
                == dash.query_one("#dash-title").styles.background

    asyncio.run(run())


def test_the_private_parts_keys_in_order_uses_still_exist():
    """tui.compat.keys_in_order reads a widget's own bindings and whether its
    handler stopped the key; both names must still be Textual's."""
    from textual import events
    from textual.widgets import Input

    from tui import compat

    event = events.Key("backspace", None)
    assert hasattr(event, "_stop_propagation")
    assert [b.action for b in Input()._bindings.key_to_bindings["backspace"]] == ["delete_left"]
    assert getattr(compat.keys_in_order(Input), "_doithoai_keys_in_order", False)


def test_the_board_is_built_as_soon_as_the_dashboard_has_painted(demo_office, monkeypatch):
    """F6 pressed the moment the dashboard shows: the board is made in the loop
    straight after the dashboard's frame (its code, its widgets, its first page
    read meanwhile in a thread), and the other screens' code is loaded only once
    the board has its rows, so their imports do not compete with F6."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    import tui.app as app_module
    from tui.app import DoiThoaiApp

    seen = []
    app = DoiThoaiApp(demo_office)

    def board_rows():
        board = app._screen_stacks.get("board")
        return board[0].query_one("#board-table").row_count if board and board[0].is_mounted else None

    real_load, real_prepare = app_module.load, DoiThoaiApp.prepare_busiest
    monkeypatch.setattr(app_module, "load",
                        lambda path: (seen.append((path.split(":")[0], board_rows())), real_load(path))[1])
    monkeypatch.setattr(DoiThoaiApp, "prepare_busiest", lambda self: (seen.append(("prepare", None)),
                                                                      real_prepare(self)))

    async def run():
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(1000):
                await pilot.pause(0.02)
                if len({name for name, _rows in seen}) > len(app_module.NAVIGATION):
                    break
            await app.workers.wait_for_complete()

    asyncio.run(run())
    names = [name for name, _rows in seen]
    warm = seen[names.index("prepare"):]        # the dashboard's own load comes before
    assert [name for name, _rows in warm[:2]] == ["prepare", "tui.screens.board"], seen
    others = warm[2:]
    assert {path.split(":")[0] for *_, path in app_module.NAVIGATION} <= {name for name, _rows in others}, seen
    # the rest only once the board shows its rows
    assert all(rows for _name, rows in others), seen


def test_the_board_is_built_without_parsing_every_stylesheet_again(demo_office, monkeypatch):
    """Textual left the first mode's screen marked "not styled" (its refresh
    ran before it had mounted), so tui.compat.styled_as_current never found a
    screen styled at the current count and the board's build re-parsed every
    stylesheet: 0.35-0.5 s of F6 in a pty at a load of 6. Each screen is
    marked styled when it mounts (tui.compat.styled_on_mount)."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from textual.css.stylesheet import Stylesheet

    from tui.app import DoiThoaiApp

    building, parses = [], []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda s: (parses.append(bool(building)), reparse(s))[1])
    real_prepare = DoiThoaiApp.prepare_busiest
    monkeypatch.setattr(DoiThoaiApp, "prepare_busiest", lambda self: (building.append(1), real_prepare(self))[1])

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(600):
                await pilot.pause(0.02)
                board = app._screen_stacks.get("board")
                if board and board[0].page_data is not None:
                    break
            assert building and app._screen_stacks.get("board"), "the board was not built"
            await pilot.press("f6")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is app._screen_stacks["board"][0]

    asyncio.run(run())
    assert parses and not parses[0], parses     # the first screen's styles: once, before the board
    assert True not in parses, "building or showing the board parsed every stylesheet again"


def test_the_board_loads_without_the_text_area_and_the_petition_editor():
    """F6 the moment the dashboard shows waits for the board's imports: Textual's
    TextArea (only the forms' text fields need it) and the petition editing
    service (only its actions) are left to their first use."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys, tui.app, tui.screens.board; print(sorted(m for m in "
                          "('textual.widgets._text_area', 'models.services.petition_edit') if m in sys.modules))"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_each_stylesheet_is_tokenized_once_before_the_first_frame(demo_office, monkeypatch):
    """Textual parsed app.tcss three times before the dashboard's first frame
    (registering the screen, refreshing with the theme, the widgets' own CSS);
    tui/compat.parse_styles_once keeps parsed rules by text and variables."""
    from textual.css import stylesheet

    from tui import compat

    source = inspect.getsource(stylesheet.Stylesheet)
    for name in compat.STYLESHEET_PRIVATE:
        assert name in source, f"Textual's Stylesheet no longer has {name}: update tui/compat.parse_styles_once"
    assert list(inspect.signature(stylesheet.Stylesheet._parse_rules).parameters) == [
        "self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from tui.app import DoiThoaiApp

    compat._PARSED.clear()
    parsed = []
    real = stylesheet.parse
    monkeypatch.setattr(stylesheet, "parse", lambda scope, css, read_from, **kw: (
        parsed.append(read_from), real(scope, css, read_from, **kw))[1])

    async def run():
        app = DoiThoaiApp(demo_office)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(600):
                if getattr(app.screen, "shown", None):
                    break
                await pilot.pause(0.02)
            assert getattr(app.screen, "shown", None), "the dashboard did not show its data"
            ours = [r for r in parsed if str(r[0]).endswith("app.tcss")]
            assert len(ours) == 1, parsed
            assert len(parsed) == len(set(parsed)), parsed
            # a new theme's variables: parsed again, with them
            before = len(parsed)
            app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
            await pilot.pause()
            assert len(parsed) > before
    asyncio.run(run())
