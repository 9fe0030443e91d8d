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


# --- models/compat.py: peewee's and python-docx's private parts ---------------------------

def test_peewee_private_parts_still_work(tmp_path):
    import peewee as pw

    from models import compat

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

    from models.compat import docx_element

    d = docx.Document()
    p = d.add_paragraph("x")
    run = p.runs[0]
    t = d.add_table(rows=1, cols=2)
    assert docx_element(p).tag.endswith("}p") and docx_element(run).tag.endswith("}r")
    assert docx_element(t).tag.endswith("}tbl") and docx_element(t.rows[0]).tag.endswith("}tr")
    assert docx_element(t.rows[0].cells[0]).tag.endswith("}tc")
