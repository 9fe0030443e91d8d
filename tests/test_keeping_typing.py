"""What the storage refuses is kept and saved once it can be (issue 21, item 7):
a database on a read-only file system saves without a restart once the file
system is writable again."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CRASHED_OFFICE = """
import os, sys, models
from models.services import catalog
models.open_database(sys.argv[1])
catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
os.kill(os.getpid(), 9)
"""


@pytest.fixture
def usb(tmp_path):
    """A small file system of its own, to be made read-only and writable again."""
    mnt = tmp_path / "usb"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a file system needs root (CI runs as root)")
    yield mnt
    import models

    models.close_database()
    subprocess.run(["umount", "-l", str(mnt)])


def test_a_read_only_database_saves_once_writable(usb):
    import models
    from models.domain.office import Office, Setting
    from models.services import live_session as live
    from models.services.safe_write import READ_ONLY, PendingWrites

    db = usb / "doithoai.sqlite3"
    # an office left by a power cut (its -wal and -shm beside it), on a stick locked read-only
    out = subprocess.run([sys.executable, "-c", CRASHED_OFFICE, str(db)], env=dict(os.environ, PYTHONPATH=str(REPO)),
                         cwd=REPO)
    assert out.returncode == -signal.SIGKILL
    assert subprocess.run(["mount", "-o", "remount,ro", str(usb)]).returncode == 0
    models.open_database(db)
    office = Office.get()
    writer = ThreadPoolExecutor(1)            # the screen's writes run in a worker thread, as in the app
    pending = PendingWrites()
    place = {"conference": None, "draft": {"content": "Đường liên thôn sạt lở"}, "focus": "content"}
    kept = writer.submit(pending.save, "place", live.save_place, office, place).result()
    assert not kept.saved and kept.message == READ_ONLY
    assert subprocess.run(["mount", "-o", "remount,rw", str(usb)]).returncode == 0
    outcome = writer.submit(pending.retry).result()
    assert outcome.saved and len(pending) == 0
    writer.shutdown()
    assert live.load_place(office)["draft"]["content"] == "Đường liên thôn sạt lở"
    assert Setting.select().where(Setting.key.startswith("session.resume:")).count() == 1


# --- the editors' typing is kept as it is typed (item 5) -----------------------------------

from test_app_shell import drive  # the app driven by Pilot, as the shell's tests drive it

async def kept_soon(pilot, office, want: str, key: str):
    """Wait (on a deadline, not a count) until the kept typing holds ``want`` in field ``key``."""
    import time

    from models.services import unsaved

    end = time.monotonic() + 60
    while time.monotonic() < end:
        await pilot.pause(0.1)
        entry = unsaved.kept(office)
        if entry and want in entry["values"].get(key, ""):
            return entry
    raise AssertionError(f"“{want}” was not kept within 60 s")


def test_the_document_editor_keeps_typing_and_reopens_where_it_was(demo_office, monkeypatch):
    """F4, T: typed into the notice's subject, the app stopped without saving
    (as a kill leaves it); the next start opens the same editor with the text,
    on the same field, the cursor where it was: typing goes on from there."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from snapshots.settle import settle
    from test_app_shell import open_notice_editor

    from tui.screens.document_editor import DocumentEditor

    async def typing(app, pilot):
        await open_notice_editor(pilot)
        editor = app.screen
        subject = editor.query_one("#f-subject")
        subject.focus()
        await pilot.press("end", *" gấp")
        entry = await kept_soon(pilot, demo_office, " gấp", "subject")
        return editor.slug, editor.ref_id, subject.value, entry

    slug, ref_id, typed, entry = drive(demo_office, typing)
    assert entry["editor"] == "document" and entry["record"] == [slug, ref_id]
    assert entry["where"] == {"focus": "subject", "cursor": len(typed)}

    async def reopened(app, pilot):
        await settle(pilot, lambda a: isinstance(a.screen, DocumentEditor))
        editor = app.screen
        subject = editor.query_one("#f-subject")
        await settle(pilot, lambda a: a.focused is subject)
        said = str(editor.query_one("#form-error").render())
        await pilot.press(*" lắm")
        shown = subject.value
        await pilot.press("escape")              # leaving asks: the typing is not the stored text
        await settle(pilot)
        asked = app.screen
        return (editor.slug, editor.ref_id), shown, said, asked, editor.dirty

    where, shown, said, asked, dirty = drive(demo_office, reopened)
    assert where == (slug, ref_id)
    assert shown == typed + " lắm"
    assert "mở lại nội dung chưa lưu" in said
    from tui.widgets.confirm import ConfirmScreen

    assert isinstance(asked, ConfirmScreen) and dirty


def test_the_plan_editor_keeps_typing_and_a_save_forgets_it(demo_office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-28")
    from snapshots.settle import settle

    from models.services import unsaved
    from tui.widgets.form import FormScreen

    async def typing(app, pilot):
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("n")                     # a new plan from the template: its editor
        await settle(pilot, lambda a: isinstance(a.screen, FormScreen))
        title = app.screen.query_one("#f-title")
        title.focus()
        await pilot.press("end", *" (bản sửa)")
        await kept_soon(pilot, demo_office, " (bản sửa)", "title")
        return title.value

    typed = drive(demo_office, typing)

    async def reopened(app, pilot):
        await settle(pilot, lambda a: isinstance(a.screen, FormScreen) and a.screen.query("#f-title"))
        title = app.screen.query_one("#f-title")
        await settle(pilot, lambda a: a.focused is title)
        await pilot.press("!")
        shown = title.value
        await pilot.press("ctrl+s")
        await settle(pilot, lambda a: not isinstance(a.screen, FormScreen))
        await settle(pilot, lambda a: unsaved.kept(demo_office) is None)
        return shown

    assert drive(demo_office, reopened) == typed + "!"
    from models.domain.plan import Plan

    assert Plan.select().order_by(Plan.id.desc()).first().title == typed + "!"


# --- Ctrl+Q with writes the storage refused (item 6); the database file gone (item 8) ------------

async def open_session(pilot):
    import time

    await pilot.press("f5")
    screen = pilot.app.screen
    end = time.monotonic() + 60
    while not getattr(screen, "loaded", False) and time.monotonic() < end:
        await pilot.pause(0.05)
    assert screen.loaded
    return screen


async def until(pilot, ready, what: str):
    import time

    end = time.monotonic() + 60
    while time.monotonic() < end:
        await pilot.pause(0.05)
        if ready():
            return
    raise AssertionError(f"{what}: not within 60 s")


def read_only_switch(db, on: int) -> None:
    """SQLite's own read-only switch on every connection (root ignores file modes;
    the mount test above uses a real read-only file system)."""
    db._pragmas = [(k, v) for k, v in db._pragmas if k != "query_only"] + [("query_only", on)]
    db.reopen_everywhere()      # the connections open now (the workers') take it too


def test_ctrl_q_with_writes_kept_asks_and_keeps_them_in_a_rescue_file(demo_office, sqlite_db, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    from models.services import live_session as live
    from models.services import rescue
    from tui.widgets.confirm import ConfirmScreen

    async def steps(app, pilot):
        screen = await open_session(pilot)
        read_only_switch(sqlite_db, 1)
        await pilot.press(*"Trần Văn Bốn")
        await until(pilot, lambda: len(screen.pending) > 0, "the write refused and kept")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "Ctrl+Q asks")
        asked = app.screen.question if hasattr(app.screen, "question") else ""
        shown = str(app.screen.query_one("Static").render())
        still_running = app.is_running
        await pilot.press("c")
        await until(pilot, lambda: not app.is_running or rescue.waiting(), "the rescue file written")
        return asked or shown, still_running

    question, still_running = drive(demo_office, steps)
    assert still_running                                  # it asked instead of quitting
    assert "Trần Văn Bốn" in question and "tệp cứu hộ" in question
    files = rescue.waiting()
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    read_only_switch(sqlite_db, 0)
    assert live.load_place(demo_office).get("draft", {}).get("citizen_name", "") != "Trần Văn Bốn"
    assert rescue.record(files[0]) >= 1                   # the next start's offer, accepted
    assert live.load_place(demo_office)["draft"]["citizen_name"] == "Trần Văn Bốn"
    assert rescue.waiting() == []


def test_a_database_deleted_while_open_keeps_the_typing_and_touches_no_other(demo_office, sqlite_db, monkeypatch,
                                                                           tmp_path):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    import shutil

    from models.services import live_session as live
    from models.services import rescue

    path = Path(sqlite_db.database)
    kept = tmp_path / "kept.sqlite3"

    async def steps(app, pilot):
        await open_session(pilot)
        await pilot.press(*"Lê Thị Năm")
        await until(pilot, lambda: "Lê Thị Năm" in str(live.load_place(demo_office).get("draft")), "typing saved")
        import sqlite3

        src, out = sqlite3.connect(path), sqlite3.connect(kept)   # what the person will restore later
        src.backup(out)
        src.close()
        out.close()
        for extra in ("", "-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        await pilot.press("enter", *"Bình")               # on to the village: written at once
        await until(pilot, lambda: any("đã bị xóa hoặc bị thay" in n.message for n in app._notifications),
                    "told, in Vietnamese")
        await until(pilot, lambda: '"village": "Bình"' in rescue.waiting()[0].read_text(encoding="utf-8"),
                    "the village typed after it, in the rescue file")
        return [n.message for n in app._notifications]

    said = drive(demo_office, steps)
    assert any("đã bị xóa hoặc bị thay" in m for m in said)
    assert not path.exists(), "a new, empty database was made in its place"
    body = rescue.read(rescue.waiting()[0])
    assert any(it["kind"] == "place" and it["place"]["draft"]["village"] == "Bình" for it in body["items"])
    # the database put back: the rescue file records the typing into it
    import models

    models.close_database()
    shutil.copy(kept, path)
    models.open_database(path)
    rescue.record(rescue.waiting()[0])
    draft = live.load_place(demo_office)["draft"]
    assert draft["citizen_name"] == "Lê Thị Năm" and draft["village"] == "Bình"


def test_a_database_replaced_while_open_is_not_written_into(demo_office, sqlite_db, monkeypatch, tmp_path):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    import sqlite3

    import models
    from models.services import catalog, rescue

    path = Path(sqlite_db.database)
    other = tmp_path / "other.sqlite3"
    models.close_database()
    models.open_database(other)
    catalog.create_office(kind="ubnd_xa", place_name="Kỳ Hoa", signer_name="Trần Văn B")
    models.close_database()
    models.open_database(path)

    async def steps(app, pilot):
        await open_session(pilot)
        await pilot.press(*"Đỗ Văn Sáu")
        os.replace(other, path)                           # another office's database put in its place
        for extra in ("-wal", "-shm"):
            Path(str(path) + extra).unlink(missing_ok=True)
        await pilot.press("enter")
        await until(pilot, lambda: rescue.waiting(), "the rescue file")

    drive(demo_office, steps)
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT key, value FROM setting WHERE key LIKE 'session.resume:%'").fetchall()
        offices = [r[0] for r in con.execute("SELECT name FROM office")]
    finally:
        con.close()
    assert rows == [] and len(offices) == 1 and offices[0].endswith("Kỳ Hoa")
    body = rescue.read(rescue.waiting()[0])
    assert any("Đỗ Văn Sáu" in str(it.get("place")) for it in body["items"])


# --- two windows of one workstation (item 10) ----------------------------------------------------

FIRST_WINDOW = """
import sys, models
from models.domain.office import Office
from models.services import live_session as live
models.open_database(sys.argv[1])
office = Office.get()
live.save_place(office, {"draft": {"content": "cửa sổ thứ nhất đang gõ"}})
print(live.workstation(), flush=True)
sys.stdin.readline()
print(live.load_place(office)["draft"]["content"], flush=True)
"""


def test_a_second_window_of_the_same_workstation_keeps_its_own_draft(demo_office, sqlite_db, monkeypatch):
    from models.services import live_session as live

    monkeypatch.setenv("DOITHOAI_WORKSTATION", "may-van-thu")
    first = subprocess.Popen([sys.executable, "-c", FIRST_WINDOW, str(sqlite_db.database)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=REPO,
                             env=dict(os.environ, PYTHONPATH=str(REPO)))
    try:
        assert first.stdout.readline().strip() == "may-van-thu"
        assert live.workstation() == "may-van-thu#2" and live.window_number() == 2
        live.save_place(demo_office, {"draft": {"content": "cửa sổ thứ hai"}})
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "cửa sổ thứ nhất đang gõ"
    finally:
        first.stdin.close()
        first.wait(timeout=60)
    assert live.load_place(demo_office)["draft"]["content"] == "cửa sổ thứ hai"


def test_the_app_offers_a_rescue_file_when_it_opens(demo_office, sqlite_db, monkeypatch):
    """The rescue offer was made only on the terminal before the app opened (never
    seen when the app is started from a shortcut). Now the app asks when it opens:
    K keeps the file for the next start; C records it (the petition is in, the
    file moved to da-ghi). A rescue file of another database is not offered."""
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    import models
    from models.domain.base import opened_as
    from models.services import live_session as live
    from models.services import rescue
    from tui.widgets.confirm import ConfirmScreen

    conf = live.pick_conference(demo_office)
    live.start_session(conf)

    def kept_petition(content: str) -> dict:
        return {"kind": "petition", "office": demo_office.id, "conference": conf.id, "place": None,
                "draft": dict(live.empty_draft(), citizen_name="Võ Thị Bảy", content=content,
                              disposition="noted", answer_on_spot="Ghi nhận")}

    mine = rescue.write([kept_petition("Đề nghị lắp đèn đường xóm Bàu")], opened_as())
    elsewhere = rescue.write([kept_petition("Kiến nghị của một cơ sở dữ liệu khác")], "/noi-khac/xa.sqlite3",
                             path=rescue.folder() / "cuu-ho-20000101-000000-1.json")

    def recorded() -> list[str]:
        return [p.content for p in models.Petition.select().where(models.Petition.conference == conf)]

    def answer(key):
        async def steps(app, pilot):
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the offer")
            question = app.screen.question
            await pilot.press(key)
            await until(pilot, lambda: any("tệp cứu hộ" in n.message for n in app._notifications), "told")
            return question, [n.message for n in app._notifications]

        return drive(demo_office, steps)

    question, said = answer("k")
    assert "Võ Thị Bảy" in question and "Đề nghị lắp đèn đường xóm Bàu" in question and str(mine) in question
    assert "cơ sở dữ liệu khác" not in question
    assert any("Chưa ghi; tệp cứu hộ vẫn được giữ" in m for m in said)
    assert "Đề nghị lắp đèn đường xóm Bàu" not in recorded() and mine.exists()
    question, said = answer("c")                            # the next start asks again
    assert "Đề nghị lắp đèn đường xóm Bàu" in question
    assert any("Đã ghi 1 nội dung từ tệp cứu hộ" in m for m in said), said
    assert "Đề nghị lắp đèn đường xóm Bàu" in recorded()
    assert not mine.exists() and (rescue.folder() / "da-ghi" / mine.name).exists()
    assert rescue.waiting() == [elsewhere] and rescue.waiting_here() == []
