"""Roles in the screens (Pilot, SQLite, two people of different roles on one
office): the keys a role may not use — issue, correct an issued document, edit
the catalogue — are shown disabled in the key bar, F1 says who may use them, and
pressing one says it in Vietnamese instead of doing it."""
from __future__ import annotations

import asyncio

import pytest

# (screen key, screen class, key pressed, its action, who may do what, as the refusal says)
KEYS = [
    ("f3", "PlansScreen", "b", "issue", "Chủ tịch mới được ban hành văn bản"),
    ("f3", "PlansScreen", "r", "revise", "Chủ tịch mới được điều chỉnh, thay thế văn bản đã ban hành"),
    ("f7", "DocumentsScreen", "m", "correct", "Chủ tịch mới được điều chỉnh, thay thế văn bản đã ban hành"),
    ("f8", "CatalogScreen", "a", "add", "Chủ tịch, Quản trị mới được sửa danh mục"),
    ("f8", "CatalogScreen", "e", "edit", "Chủ tịch, Quản trị mới được sửa danh mục"),
]


@pytest.fixture
def two_people(demo_office):
    from models.services import roles

    chair = roles.add_person(demo_office, "Nguyễn Văn An", "chu_tich")
    roles.choose_person(demo_office, chair)
    clerk = roles.add_person(demo_office, "Lê Thị Bình", "van_thu")
    # on a shared SQLite PC issuing and correcting ask for a PIN: one who has none may not
    chair = roles.set_pin(demo_office, chair, "246810")
    clerk = roles.set_pin(demo_office, clerk, "135790", authority="246810")
    return demo_office, chair, clerk


def drive(office, screen_key, body):
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press(screen_key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(inner())


def key_state(app, action):
    """(shown, enabled) of ``action`` in the key bar's source: the screen's active bindings."""
    found = [a for a in app.screen.active_bindings.values() if a.binding.action == action and a.binding.show]
    return bool(found), bool(found) and all(a.enabled for a in found)


def help_text(app) -> str:
    from textual.widgets import Static

    return "\n".join(str(w.render()) for w in app.screen.query(Static))


@pytest.mark.parametrize("screen_key, screen_name, key, action, what", KEYS)
def test_a_clerk_sees_the_key_disabled_and_is_told_who_may(two_people, screen_key, screen_name, key, action,
                                                           what):
    from models.services import roles

    office, _, clerk = two_people
    roles.choose_person(office, clerk)

    async def body(app, pilot):
        from tui.widgets.keybar import KeyBar

        assert type(app.screen).__name__ == screen_name
        assert key_state(app, action) == (True, False)
        bar = app.screen.query_one(KeyBar)
        assert any(not enabled for _, name, enabled, _ in bar._items()
                   if name == next(a.binding.description for a in app.screen.active_bindings.values()
                                   if a.binding.action == action))
        await pilot.press("f1")
        await pilot.pause()
        assert "không dùng được: chỉ Chủ tịch" in help_text(app)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen                      # nothing opened
        said = [n.message for n in app._notifications]
        assert any(f"Chỉ {what}" in m and "Lê Thị Bình là Văn thư" in m for m in said), said

    drive(office, screen_key, body)


@pytest.mark.parametrize("screen_key, screen_name, key, action, what", KEYS[::2])
def test_the_chair_has_the_same_keys_usable(two_people, screen_key, screen_name, key, action, what):
    from models.services import roles

    office, chair, _ = two_people
    roles.choose_person(office, chair)

    async def body(app, pilot):
        assert type(app.screen).__name__ == screen_name
        assert key_state(app, action) == (True, True)
        await pilot.press("f1")
        await pilot.pause()
        assert "không dùng được" not in help_text(app)

    drive(office, screen_key, body)


def test_an_office_allowing_the_clerk_to_issue_enables_the_key(two_people):
    from models.services import roles

    office, chair, clerk = two_people
    roles.choose_person(office, chair)
    with roles.pin_given(office, "246810"):
        roles.allow(office, "issue", ["van_thu"])
    roles.choose_person(office, clerk)

    async def body(app, pilot):
        assert key_state(app, "issue") == (True, True)
        assert key_state(app, "revise") == (True, False)

    drive(office, "f3", body)


def test_on_postgresql_the_owner_login_is_on_the_office_list(tmp_path):
    from test_pg_password_privacy import doithoai, pg_target

    url = pg_target()
    home = tmp_path / "home"
    for argv in (["init", "--ten", "Kỳ Khang", "--loai", "ubnd_xa"], ["init", "--them", "--ten", "Kỳ Trung"],
                 ["admin", "pg-setup"], ["init", "--ten", "Kỳ Khang"]):
        proc = doithoai(["--db", url, *argv], home)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0                      # already there: refused, nothing added twice
    for office in ("1", "2"):
        proc = doithoai(["--db", url, "--co-quan", office, "user", "list"], home)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        owner = [line for line in out.splitlines() if "Quản trị" in line and " doithoai" in line]
        assert len(owner) == 1, out


def test_in_the_document_editor_a_clerk_cannot_issue(two_people):
    from models.domain.register import OutgoingDocument
    from models.services import roles

    office, _, clerk = two_people
    roles.choose_person(office, clerk)
    before = OutgoingDocument.select().count()

    async def body(app, pilot):
        from tui.screens.document_editor import DocumentEditor

        await pilot.press("i")                      # the answer letter of the petition under the cursor
        await app.workers.wait_for_complete()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, DocumentEditor)
        assert key_state(app, "issue") == (True, False) and key_state(app, "correct") == (True, False)
        await pilot.press("ctrl+b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is editor
        said = [n.message for n in app._notifications]
        assert any("Chỉ Chủ tịch mới được ban hành văn bản" in m for m in said), said

    drive(office, "f6", body)
    assert OutgoingDocument.select().count() == before
