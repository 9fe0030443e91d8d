"""Roles that mean something on a shared SQLite PC (issue 21, Security 4): issuing
and correcting ask for the person's PIN, kept as a salted scrypt hash; the
command line asks it without echo or reads a 0600 --pin-file; the screens ask
it in a dialog that shows no characters; LOGNAME and USER name nobody."""
from __future__ import annotations

import asyncio
import hashlib
import os
import time

import pytest

import models
from models.core import clock
from models.core.errors import Locked
from models.services import catalog, documents, plans, records, roles
from test_offices import DAY, fake_pdf, run_cli

CHAIR_PIN, CLERK_PIN = "246810", "135790"


def a_plan(office):
    with clock.fixed(DAY):
        plan = plans.new_from_template(office, 2026)
    if not plan.signer_name:
        records.update(plan, {"signer_name": "Nguyễn Văn An"})
    return plan


def an_office_with_people():
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", signer_name="Nguyễn Văn An")
    chair = roles.add_person(office, "Nguyễn Văn An", "chu_tich")      # no login: a shared PC
    roles.choose_person(office, chair)
    clerk = roles.add_person(office, "Lê Thị Thư", "van_thu")
    return office, chair, clerk


def test_the_pin_hash_is_scrypt_with_stated_parameters():
    assert roles.PIN_SCRYPT == {"n": 16384, "r": 8, "p": 1, "dklen": 32} and roles.PIN_SALT_BYTES == 16
    stored = roles.hash_pin(CHAIR_PIN)
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1") and len(bytes.fromhex(salt)) == 16
    assert bytes.fromhex(key) == hashlib.scrypt(CHAIR_PIN.encode(), salt=bytes.fromhex(salt), n=16384, r=8, p=1,
                                                dklen=32)
    assert CHAIR_PIN not in stored and roles.hash_pin(CHAIR_PIN) != stored      # salted
    assert roles.pin_matches(stored, CHAIR_PIN)
    assert not roles.pin_matches(stored, "246811") and not roles.pin_matches(stored, None)
    assert not roles.pin_matches("", CHAIR_PIN) and not roles.pin_matches("md5$x", CHAIR_PIN)


def test_issuing_and_correcting_ask_for_the_pin(sqlite_db):
    office, chair, clerk = an_office_with_people()
    plan = a_plan(office)
    roles.choose_person(office, clerk)
    roles.choose_person(office, chair)             # anyone at the PC can pick the chair's name …
    with pytest.raises(Locked) as err:
        documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)
    assert "Nguyễn Văn An chưa đặt mã PIN" in err.value.message
    # the screen names its key once, the command line its command (the message
    # said both, and the screen added its key again after the command)
    from tui.words import explain, explain_cli

    on_screen, on_cli = explain(err.value), explain_cli(err.value)
    assert on_screen.count("Danh mục") == 1 and "phím P" in on_screen and "doithoai" not in on_screen
    assert "doithoai user pin" in on_cli and "phím" not in on_cli and "F8" not in on_cli
    assert roles.refusal(office, "issue") is not None          # the key shows it, too
    roles.set_pin(office, chair, CHAIR_PIN)                     # the first PIN of the office
    assert roles.refusal(office, "issue") is None
    with pytest.raises(roles.PinNeeded) as err:                 # … but not give the PIN
        documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)
    assert "Cần mã PIN của Nguyễn Văn An" in err.value.message
    with pytest.raises(Locked) as err, roles.pin_given(office, "000000"):
        pass
    assert "Mã PIN không đúng" in err.value.message
    assert models.OutgoingDocument.select().count() == 0
    with roles.pin_given(office, CHAIR_PIN):
        doc = documents.issue(office, "ke-hoach", plan.id, on=DAY, render=fake_pdf)
    assert doc.number == 1
    with pytest.raises(roles.PinNeeded):                        # given for one act, not for the day
        documents.start_correction(doc, mode="dinh-chinh", reason="Sai ngày ở đoạn 2")
    with roles.pin_given(office, CHAIR_PIN):
        documents.start_correction(doc, mode="dinh-chinh", reason="Sai ngày ở đoạn 2")
    stored = models.Person.get_by_id(chair.id).pin_hash
    assert stored.startswith("scrypt$") and CHAIR_PIN not in stored
    trail = " ".join(e.before + e.after for e in models.AuditEntry.select())
    assert stored not in trail and CHAIR_PIN not in trail       # the trail says only that it changed


def test_who_may_set_a_pin(sqlite_db):
    office, chair, clerk = an_office_with_people()
    roles.set_pin(office, chair, CHAIR_PIN)
    roles.choose_person(office, clerk)
    with pytest.raises(Locked):                                 # the chair's PIN is not the clerk's to change
        roles.set_pin(office, chair, "111111")
    with pytest.raises(Locked):                                 # nor can she give herself one now
        roles.set_pin(office, clerk, CLERK_PIN)
    with pytest.raises(Locked):
        roles.set_pin(office, chair, None, authority="999999")
    roles.set_pin(office, chair, "112233", authority=CHAIR_PIN)  # knowing the current PIN is enough
    chair = models.Person.get_by_id(chair.id)
    roles.choose_person(office, chair)
    roles.set_pin(office, clerk, CLERK_PIN, authority="112233")  # the chair gives the clerk hers
    with pytest.raises(models.ValidationError) as err:
        roles.set_pin(office, clerk, "12", authority="112233")
    assert "từ 4 đến 64 ký tự" in err.value.message
    roles.choose_person(office, models.Person.get_by_id(clerk.id))
    with pytest.raises(Locked) as err:                          # a clerk's PIN does not make her the chair
        with roles.pin_given(office, CLERK_PIN):
            documents.issue(office, "ke-hoach", a_plan(office).id, on=DAY, render=fake_pdf)
    assert "Chỉ Chủ tịch mới được ban hành" in err.value.message


def test_once_a_manager_has_a_pin_changing_people_asks_for_it(sqlite_db):
    """Else a clerk could pick a Quản trị entry that has no PIN and make herself the chair."""
    office, chair, clerk = an_office_with_people()
    admin = roles.add_person(office, "Trần Quản Trị", "quan_tri")
    roles.choose_person(office, clerk)
    roles.choose_person(office, admin)
    roles.update_person(clerk, {"role": "thu_ky"})          # no PIN anywhere yet: as before
    roles.choose_person(office, chair)
    roles.set_pin(office, chair, CHAIR_PIN)
    roles.choose_person(office, admin)
    with pytest.raises(Locked) as err:
        roles.update_person(models.Person.get_by_id(clerk.id), {"role": "chu_tich"})
    assert "Trần Quản Trị chưa đặt mã PIN" in err.value.message
    with pytest.raises(Locked):
        roles.allow(office, "issue", ["thu_ky"])
    roles.choose_person(office, chair)
    with pytest.raises(roles.PinNeeded):
        roles.update_person(models.Person.get_by_id(clerk.id), {"role": "chu_tich"})
    with roles.pin_given(office, CHAIR_PIN):
        assert roles.allow(office, "issue", ["thu_ky"]) == ("chu_tich", "thu_ky")
    assert models.Person.get_by_id(clerk.id).role == "thu_ky"


def test_logname_and_user_name_nobody(sqlite_db, monkeypatch):
    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    roles.add_person(office, "Mình", "quan_tri", login=roles.os_login())
    roles.add_person(office, "Nguyễn Văn An", "chu_tich", login="ct")
    for name in ("LOGNAME", "USER", "USERNAME", "LNAME"):
        monkeypatch.setenv(name, "ct")
    assert roles.os_login() != "ct"
    assert roles.current_person(office).full_name == "Mình"
    with pytest.raises(models.ValidationError) as err:
        roles.choose_person(office, roles.find_person(office, "ct"))
    assert "không phải tài khoản đang đăng nhập" in err.value.message


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_command_line_asks_for_the_pin(tmp_path, capsys):
    target = str(tmp_path / "xa.sqlite3")
    models.open_database(target)
    office, chair, clerk = an_office_with_people()
    plan = a_plan(office)
    roles.choose_person(office, chair)
    models.close_database()
    issue = ["--db", target, "issue", "ke-hoach", str(plan.id), "--ngay", f"{DAY:%d/%m/%Y}"]
    with clock.fixed(DAY):
        code, _, err = run_cli(issue, capsys)
        assert code != 0 and "chưa đặt mã PIN" in err and "doithoai user pin" in err

        pin_file = tmp_path / "pin"
        pin_file.write_text(CHAIR_PIN + "\n")
        pin_file.chmod(0o644)
        code, _, err = run_cli(["--db", target, "user", "pin", "--pin-file", str(pin_file)], capsys)
        assert code != 0 and "quyền 644" in err and "chmod 600" in err
        pin_file.chmod(0o600)
        code, out, err = run_cli(["--db", target, "user", "pin", "--pin-file", str(pin_file)], capsys)
        assert code == 0 and "Đã đặt mã PIN của Nguyễn Văn An" in out, err
        code, out, _ = run_cli(["--db", target, "user", "list"], capsys)
        assert "(có mã PIN)" in out

        code, _, err = run_cli(issue, capsys)                    # no terminal to ask at, no file
        assert code != 0 and "Cần mã PIN của Nguyễn Văn An" in err and "--pin-file" in err
        wrong = tmp_path / "sai"
        wrong.write_text("000000\n")
        wrong.chmod(0o600)
        code, _, err = run_cli([*issue, "--pin-file", str(wrong)], capsys)
        assert code != 0 and "Mã PIN không đúng" in err
        pin_file.chmod(0o640)
        code, _, err = run_cli([*issue, "--pin-file", str(pin_file)], capsys)
        assert code != 0 and "quyền 640" in err
        models.open_database(target)
        assert models.OutgoingDocument.select().count() == 0
        models.close_database()
        pin_file.chmod(0o600)
        code, out, err = run_cli([*issue, "--pin-file", str(pin_file)], capsys)
        assert code == 0 and "Đã ban hành số 01/KH-UBND" in out, err
        # changing people now asks the chair's PIN too
        code, _, err = run_cli(["--db", target, "user", "role", "Lê Thị Thư", "chu_tich"], capsys)
        assert code != 0 and "Cần mã PIN của Nguyễn Văn An" in err
        code, out, err = run_cli(["--db", target, "user", "role", "Lê Thị Thư", "thu_ky", "--pin-file",
                                  str(pin_file)], capsys)
        assert code == 0 and "Lê Thị Thư giờ là Thư ký" in out, err


def screen_text(app) -> str:
    """The words on the screen (the text of the screenshot, not its colours)."""
    import html
    import re

    return html.unescape("".join(re.findall(r">([^<]*)</text>", app.export_screenshot()))).replace("\xa0", " ")


def test_the_screens_ask_for_the_pin_without_showing_it(sqlite_db):
    """F3, B on a draft plan: date, confirm, then the PIN dialog: a wrong PIN keeps
    it open with a message and issues nothing; the right one issues. F8 → Người
    dùng, P: the chair gives the clerk a PIN."""
    from textual.widgets import Input

    from tui.app import DoiThoaiApp

    office, chair, clerk = an_office_with_people()
    a_plan(office)
    roles.choose_person(office, chair)
    roles.set_pin(office, chair, CHAIR_PIN)

    async def settle(app, pilot):
        from textual.worker import WorkerCancelled

        await pilot.pause()
        for _ in range(20):         # a newer read may cancel an older one of its group
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause()
        await pilot.pause()

    async def steps():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            seen = []
            for key in ("f3", "b", "ctrl+s", "c"):
                await pilot.press(key)
                await settle(app, pilot)
                seen.append(type(app.screen).__name__)
            assert seen == ["PlansScreen", "SmallForm", "ConfirmScreen", "PinScreen"], seen
            field = app.screen.query_one(Input)
            assert field.password
            for ch in "000000":
                await pilot.press(ch)
            shown = screen_text(app)
            assert "000000" not in shown and "Mã PIN của Nguyễn Văn An" in shown and "••••••" in shown
            await pilot.press("enter")
            await settle(app, pilot)
            assert type(app.screen).__name__ == "PinScreen"
            assert "Mã PIN không đúng" in screen_text(app)
            assert models.OutgoingDocument.select().count() == 0
            # the wrong PIN is cleared: what is typed next is the whole new try
            assert app.screen.query_one(Input).value == "" and app.focused is app.screen.query_one(Input)
            for ch in CHAIR_PIN:
                await pilot.press(ch)
            await pilot.press("enter")
            await settle(app, pilot)
            assert type(app.screen).__name__ == "PlansScreen"
            # the issue runs in a worker started once the dialog has closed: wait for
            # what it says, not for a moment with no worker running
            deadline = time.monotonic() + 60
            while not any("Đã ban hành" in n.message for n in app._notifications) and time.monotonic() < deadline:
                await pilot.pause(0.05)
            issued = models.OutgoingDocument.select().count()

            from tui.screens.catalog import LISTS

            tab = 1 + [spec.tab for spec in LISTS].index("people")
            await pilot.press("f8", *["right"] * tab)
            await settle(app, pilot)
            table = app.screen.query_one("#table-people")
            table.focus()
            table.move_cursor(row=[str(table.get_row_at(i)[0]) for i in range(table.row_count)].index("Lê Thị Thư"))
            await pilot.press("p")
            await settle(app, pilot)
            assert all(w.password for w in app.screen.query(Input))
            for text in (CHAIR_PIN, CLERK_PIN, CLERK_PIN):
                for ch in text:
                    await pilot.press(ch)
                await pilot.press("enter")      # Enter moves on; after the last field, to "Lưu"
            await pilot.press("enter")          # Enter on the "Lưu" button saves
            await settle(app, pilot)
            return issued, type(app.screen).__name__

    with clock.fixed(DAY):
        issued, screen = asyncio.run(steps())
    assert issued == 1 and screen == "CatalogScreen"
    assert roles.pin_matches(models.Person.get_by_id(clerk.id).pin_hash, CLERK_PIN)


class FakeClock:
    """roles' wall clock, moved by hand (the wait is kept in the database as a time)."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_wrong_pins_make_a_growing_wait_kept_across_restarts(tmp_path, capsys, monkeypatch):
    """Issue 21: after PIN_FREE_TRIES wrong PINs in a row, even the right PIN is
    refused for a while, the wait said in Vietnamese; each further wrong PIN
    doubles it; it lives in the database, so restarting the program (here each
    command opens the file afresh) does not shorten it; a right PIN clears it."""
    fake = FakeClock()
    monkeypatch.setattr(roles, "_clock", fake)
    target = str(tmp_path / "xa.sqlite3")
    models.open_database(target)
    office, chair, clerk = an_office_with_people()
    plan = a_plan(office)
    roles.choose_person(office, chair)
    roles.set_pin(office, chair, CHAIR_PIN)
    models.close_database()
    issue = ["--db", target, "issue", "ke-hoach", str(plan.id), "--ngay", f"{DAY:%d/%m/%Y}"]
    right, wrong = tmp_path / "dung", tmp_path / "sai"
    for path, text in ((right, CHAIR_PIN), (wrong, "000000")):
        path.write_text(text + "\n")
        path.chmod(0o600)
    assert roles.PIN_FREE_TRIES == 5 and roles.PIN_WAIT_FIRST == 30
    with clock.fixed(DAY):
        said = [run_cli([*issue, "--pin-file", str(wrong)], capsys)[2] for _ in range(5)]
        assert all("Mã PIN không đúng" in e for e in said)
        assert "Còn 3 lần thử" in said[1] and "Còn 1 lần thử" in said[3]
        assert "Đã sai 5 lần liên tiếp: phải chờ 30 giây" in said[4]
        fake.now += 20
        code, _, err = run_cli([*issue, "--pin-file", str(right)], capsys)     # the right PIN, too early
        assert code != 0 and "đã bị nhập sai 5 lần liên tiếp" in err and "Hãy chờ 10 giây nữa" in err, err
        assert "Tắt mở lại chương trình không rút ngắn" in err
        fake.now += 11
        code, _, err = run_cli([*issue, "--pin-file", str(wrong)], capsys)     # a sixth wrong one: 60 s
        assert code != 0 and "Đã sai 6 lần liên tiếp: phải chờ 1 phút" in err, err
        fake.now += 59
        code, _, err = run_cli([*issue, "--pin-file", str(right)], capsys)
        assert code != 0 and "Hãy chờ 1 giây nữa" in err, err
        models.open_database(target)
        assert models.OutgoingDocument.select().count() == 0
        models.close_database()
        fake.now += 2
        code, out, err = run_cli([*issue, "--pin-file", str(right)], capsys)
        assert code == 0 and "Đã ban hành số 01/KH-UBND" in out, err
        # the right PIN cleared the count: a new mistake starts again from the top
        code, _, err = run_cli(["--db", target, "user", "role", "Lê Thị Thư", "thu_ky", "--pin-file",
                                str(wrong)], capsys)
        assert code != 0 and "Mã PIN không đúng" in err and "chờ" not in err, err


def test_the_wait_grows_to_an_hour_and_guards_changing_the_pin(sqlite_db, monkeypatch):
    """Guessing through `user pin` (the current PIN as the authority) counts too."""
    fake = FakeClock()
    monkeypatch.setattr(roles, "_clock", fake)
    office, chair, clerk = an_office_with_people()
    roles.set_pin(office, chair, CHAIR_PIN)
    roles.choose_person(office, clerk)
    waits = []
    for n in range(12):
        with pytest.raises(Locked) as err:
            roles.set_pin(office, models.Person.get_by_id(chair.id), "999999", authority=f"{n:06d}")
        assert "Không đổi được mã PIN" in err.value.message
        chair_now = models.Person.get_by_id(chair.id)
        waits.append(round(roles.pin_wait(chair_now)))
        fake.now += waits[-1] + 1
    assert waits == [0, 0, 0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600]
    fake.now -= 1800                                  # back to half an hour before the end
    with pytest.raises(Locked) as err:
        roles.set_pin(office, models.Person.get_by_id(chair.id), "999999", authority=CHAIR_PIN)
    assert "Hãy chờ 29 phút 59 giây nữa" in err.value.message
    assert roles.pin_matches(models.Person.get_by_id(chair.id).pin_hash, CHAIR_PIN)     # unchanged
