"""Danh mục (F8), thẻ Cài đặt: each field's usual answering unit and whether an
anonymous citizen's name is kept, edited by keys (Pilot) and checked against
the roles that may edit the catalogue."""
from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Select, TabbedContent

from pilot_keys import until
from tui.widgets.page_table import PageTable


def drive(office, steps):
    from tui.app import DoiThoaiApp

    async def inner():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            return await steps(app, pilot)

    return asyncio.run(inner())


async def catalogue_tab(app, pilot, tab: str) -> None:
    """F8, then → until the tab ``tab`` (e.g. "tab-villages") is shown."""
    await pilot.press("f8")
    # the lists are read in a worker: a key pressed before they are shown finds no row
    await until(pilot, lambda: type(app.screen).__name__ == "CatalogScreen" and len(app.screen.rows) > 1,
                "F8 and its lists")
    tabs = app.screen.query_one(TabbedContent)
    for _ in range(20):
        if tabs.active == tab:
            break
        await pilot.press("right")
        await pilot.pause()
    assert tabs.active == tab


async def settings_tab(app, pilot):
    await catalogue_tab(app, pilot, "tab-settings")
    return app.screen.query_one("#table-settings", PageTable)


async def edit_row(app, pilot, table, starts: str, key: str, value):
    """Select the line whose first cell starts with ``starts``, E, choose ``value``, Ctrl+S."""
    labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    table.focus()
    table.move_cursor(row=next(i for i, label in enumerate(labels) if label.startswith(starts)))
    await pilot.press("e")
    await pilot.pause()
    form = app.screen
    form.query_one(f"#f-{key}", Select).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()
    return form


def row_of(table, starts: str) -> list[str]:
    for i in range(table.row_count):
        cells = [str(c) for c in table.get_row_at(i)]
        if cells[0].startswith(starts):
            return cells
    raise AssertionError(starts)


def test_usual_unit_and_privacy_edited_in_the_catalogue(demo_office):
    from models.services import catalog, live_session as live, privacy

    police = catalog.find_unit(demo_office, "Công an xã")
    assert live.unit_names(demo_office, "Đất đai")[0] == "Địa chính - Xây dựng"      # the shipped default

    async def steps(app, pilot):
        table = await settings_tab(app, pilot)
        assert row_of(table, "Đơn vị thường trả lời — Đất đai")[1:] == ["Địa chính - Xây dựng", "mặc định"]
        assert row_of(table, "Giữ tên")[1:] == ["Không (mặc định)", "mặc định"]
        form = await edit_row(app, pilot, table, "Đơn vị thường trả lời — Đất đai", "unit", police.id)
        assert app.screen is not form
        assert row_of(table, "Đơn vị thường trả lời — Đất đai")[1:] == ["Công an xã", "cơ quan chọn"]
        form = await edit_row(app, pilot, table, "Giữ tên", "keep", True)
        assert app.screen is not form
        assert row_of(table, "Giữ tên")[1] == "Có"

    drive(demo_office, steps)
    assert live.unit_names(demo_office, "Đất đai")[0] == "Công an xã"        # now the session's default
    assert live.unit_names(demo_office, "An ninh trật tự")[0] == "Công an xã"
    assert privacy.keep_withheld_names(demo_office)
    # a unit renamed keeps the choice (it is kept by ids)
    catalog.update_item(police, {"name": "Công an xã Kỳ Khang"})
    assert live.unit_names(demo_office, "Đất đai")[0] == "Công an xã Kỳ Khang"


def test_only_the_roles_that_edit_the_catalogue_change_the_settings(demo_office):
    from models.services import live_session as live, privacy, roles

    roles.add_person(demo_office, "Nguyễn Văn An", "chu_tich", login=roles.os_login())
    clerk = roles.add_person(demo_office, "Lê Thị Thư", "thu_ky")
    roles.choose_person(demo_office, clerk)

    async def steps(app, pilot):
        table = await settings_tab(app, pilot)
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        for starts in ("Đơn vị thường trả lời — Đất đai", "Giữ tên"):
            table.focus()
            table.move_cursor(row=next(i for i, label in enumerate(labels) if label.startswith(starts)))
            await pilot.press("e")                          # refused at the key: no form opens
            await pilot.pause()
            assert type(app.screen).__name__ == "CatalogScreen"
        return [n.message for n in app._notifications]

    said = drive(demo_office, steps)
    assert len(said) == 2
    for message in said:
        assert "Chủ tịch" in message and "Lê Thị Thư" in message and "sửa danh mục" in message
    assert live.unit_names(demo_office, "Đất đai")[0] == "Địa chính - Xây dựng"
    assert not privacy.keep_withheld_names(demo_office)


def test_an_empty_unit_says_what_to_type_instead(demo_office):
    """Nothing typed for a unit (the command line's --don-vi "", a blank name)
    said "Không có đơn vị “”"; it says what to type, with names to start from."""
    from models.core.errors import ValidationError
    from models.services import catalog

    for typed in ("", "   "):
        with pytest.raises(ValidationError) as caught:
            catalog.find_unit(demo_office, typed)
        said = caught.value.message
        assert "“”" not in said and said.startswith("Chưa ghi đơn vị. Hãy gõ tên đơn vị")
        assert catalog.units(demo_office, active_only=False)[0].name in said and caught.value.field == "unit"
