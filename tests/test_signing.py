"""Chữ ký số on a real SoftHSM2 token (one per test session): issued documents
of both families signed by the person then by the office, verified, copied;
each refusal writes nothing."""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pilot_keys import until
from printing_support import make_session
from signing_support import seal_png, signature_png

from models.core import clock
from tui import documents as pipeline

DAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="session")
def token(tmp_path_factory):
    from signing_support import make_token, softhsm_module

    if softhsm_module() is None or shutil.which("pkcs11-tool") is None:
        if os.environ.get("CI"):
            pytest.fail("SoftHSM2 and OpenSC are required under CI (.ci/run installs them)")
        pytest.skip("SoftHSM2 / OpenSC not installed (apt-get install softhsm2 opensc)")
    tok = make_token(tmp_path_factory.mktemp("token"))
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(tok.conf)
    yield tok
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


def _issue_three(office, plan, conf):
    """The plan, the conclusion notice and an answer letter, issued."""
    from models import Petition
    from models.services import documents

    answered = Petition.select().where(Petition.answer_summary != "").order_by(Petition.id).first()
    with clock.fixed(DAY):
        plan_doc = pipeline.issue(office, "ke-hoach", plan.id, on=dt.date(2024, 1, 5))
        notice = pipeline.issue(office, "ket-luan", conf.id, on=DAY)
        if documents.draft(office, "tra-loi", answered.id).missing:
            documents.save_draft(office, "tra-loi", answered.id, {"body": "Trả lời ông (bà) như sau: đã sửa xong./."})
        letter = pipeline.issue(office, "tra-loi", answered.id, on=DAY)
    return [plan_doc, notice, letter]


def _cli(command, args, db):
    return CliRunner().invoke(command, [*args, "--db", db], catch_exceptions=False)


def _sign(symbol, role, key, token, tmp_path, db, *extra):
    from tui.commands.signing import sign_cmd

    pin = token.pin_file(tmp_path)
    return _cli(sign_cmd, [symbol, "--vai", role, "--pkcs11", token.module, "--khoa", key, "--pin-file", str(pin),
                           *extra], db)


def _verify(path, token):
    from tui.commands.signing import verify_cmd

    return CliRunner().invoke(verify_cmd, [str(path), "--tin-cay", str(token.root_pem)], catch_exceptions=False)


def _rects(pdf: bytes) -> dict[str, tuple[int, tuple[float, ...]]]:
    import pypdf

    out = {}
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/FT") == "/Sig":
                out[str(a["/T"])] = (n, tuple(float(v) for v in a["/Rect"]))
    return out


@pytest.mark.parametrize("kind,office_key", [("ubnd_xa", "co-quan"), ("dang_uy_xa", "dang-uy")])
def test_person_then_office_both_valid_and_trusted(token, tmp_path, monkeypatch, kind, office_key):
    from models.services import signing
    from printing.signature_marks import runs
    from tui.commands.printing import register_cmd

    office, plan, conf = make_session(tmp_path, monkeypatch, kind=kind, petitions=4)
    db = str(tmp_path / "t.sqlite3")
    signing.keep_image(office, "chu_ky", signature_png())
    signing.keep_image(office, "con_dau", seal_png())
    docs = _issue_three(office, plan, conf)
    for doc in docs:
        issued = Path(doc.file_path).read_bytes()
        r = _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db)
        assert r.exit_code == 0, r.output
        assert f"Đã ký số văn bản {doc.symbol} với vai trò người ký: Hồ Xuân Trính" in r.output
        assert signing.waiting_for(doc) == signing.OFFICE
        r = _sign(doc.symbol, "co-quan", office_key, token, tmp_path, db)
        assert r.exit_code == 0, r.output
        assert signing.waiting_for(doc) is None
        assert Path(doc.file_path).read_bytes() == issued          # never over the issued file
        final = Path(signing.signed(doc, signing.OFFICE).file_path)
        assert final.parent == Path(doc.file_path).parent and final != Path(doc.file_path)
        signed_pdf = final.read_bytes()
        assert signed_pdf.startswith(issued[:-64][:len(issued) - 64])   # incremental updates on the issued bytes
        r = _verify(final, token)
        assert r.exit_code == 0, r.output
        assert r.output.count("nguyên vẹn: có; hợp lệ: có; tin cậy: có") == 2
        assert "cả 2 chữ ký số đều nguyên vẹn, hợp lệ và tin cậy" in r.output
        # where the appearances are: between the title line and the printed name
        position, name = signing._position_and_name(doc)
        rects = _rects(signed_pdf)
        page, (x0, y0, x1, y1) = rects["NguoiKy"]
        printed = [r_ for r_ in runs(issued) if r_.page == page]
        name_run = [r_ for r_ in printed if r_.text == name][-1]
        title_run = min((r_ for r_ in printed if r_.text == position and r_.y > name_run.y),
                        key=lambda r_: r_.y - name_run.y)
        assert name_run.y + name_run.size * 0.7 < y0 < y1 < title_run.y, (rects, name_run, title_run)
        assert x0 < name_run.x + 20 < x1                         # over the name's column
        spage, (sx0, sy0, sx1, sy1) = rects["CoQuan"]
        seal = signing.rules()["office"]["seal_diameter_mm"] * 72 / 25.4
        assert spage == page and sx0 < x0 < sx0 + seal          # the seal overlaps the signer's field on its left
        assert abs((sx0 + seal) - (x0 + (x1 - x0) / 3)) < 1      # … about its left third
        assert sy0 < (y0 + y1) / 2 < sy1
        # rasterised: the blue signature in the signer's field, the red seal on its left
        seal_box = (sx0, sy0, sx0 + seal, sy1)
        assert _ink(signed_pdf, (x0, y0, x1, y1), "blue", page) > 0.01
        assert _ink(signed_pdf, seal_box, "red", page) > 0.03
        assert _ink(issued, (x0, y0, x1, y1), "blue", page) == _ink(issued, seal_box, "red", page) == 0
    r = _cli(register_cmd, [], db)
    assert r.exit_code == 0, r.output
    assert r.output.count("ký số: người ký Hồ Xuân Trính, cơ quan ") == 3
    assert r.output.count("(đúng mã SHA-256)") == 6


def test_a_changed_byte_is_detected(token, tmp_path, monkeypatch):
    from models.services import signing

    office, conf, db, doc = _notice(tmp_path, monkeypatch, token, signed=True)
    good = Path(signing.latest_signed(doc).file_path).read_bytes()
    assert _verify(signing.latest_signed(doc).file_path, token).exit_code == 0
    # one byte of the page's text, inside what both signatures cover
    at = good.index(b"stream", len(good) // 10) + 40
    changed = bytearray(good)
    changed[at] ^= 0x01
    bad = tmp_path / "sua-mot-byte.pdf"
    bad.write_bytes(bytes(changed))
    r = _verify(bad, token)
    assert r.exit_code != 0 and "nguyên vẹn: KHÔNG" in r.output and "KHÔNG ĐẠT" in r.output
    appended = tmp_path / "them-sau.pdf"
    appended.write_bytes(good + b"\n% them sau khi ky\n")
    r = _verify(appended, token)
    assert r.exit_code != 0 and "phủ toàn bộ tệp: KHÔNG" in r.output
    # without the test root the signatures are intact but not trusted
    from tui.commands.signing import verify_cmd

    r = CliRunner().invoke(verify_cmd, [signing.latest_signed(doc).file_path])
    assert r.exit_code != 0 and "tin cậy: KHÔNG" in r.output
    # an unsigned PDF
    r = CliRunner().invoke(verify_cmd, [doc.file_path])
    assert r.exit_code != 0 and "Tệp không có chữ ký số nào" in r.output


def _notice(tmp_path, monkeypatch, token, *, signed: bool = False):
    """An office with an issued conclusion notice (signed by both when ``signed``)."""
    office, _plan, conf = make_session(tmp_path, monkeypatch, petitions=2)
    db = str(tmp_path / "t.sqlite3")
    with clock.fixed(DAY):
        doc = pipeline.issue(office, "ket-luan", conf.id, on=DAY)
    if signed:
        assert _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db).exit_code == 0
        assert _sign(doc.symbol, "co-quan", "co-quan", token, tmp_path, db).exit_code == 0
    return office, conf, db, doc


def _ink(pdf: bytes, box, colour=None, page: int = 0) -> float:
    """Share of the box's pixels (the page rasterised at 72 dpi) that are dark,
    or of ``colour`` ("blue", "red") when given."""
    import subprocess
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", str(page + 1), "-l", str(page + 1), str(src), str(Path(tmp) / "p")],
                       check=True)
        im = Image.open(next(Path(tmp).glob("p*.png"))).convert("RGB")
        x0, y0, x1, y1 = box
        crop = im.crop((int(x0), int(im.height - y1), int(x1), int(im.height - y0)))
        px = list(crop.get_flattened_data()) if hasattr(crop, "get_flattened_data") else list(crop.getdata())
    if colour == "blue":
        hit = [p for p in px if p[2] > 120 and p[2] > p[0] + 50]
    elif colour == "red":
        hit = [p for p in px if p[0] > 150 and p[0] > p[2] + 60 and p[0] > p[1] + 60]
    else:
        hit = [p for p in px if sum(p) < 300]
    return len(hit) / max(len(px), 1)


def _state(folder: Path):
    from models.domain.signatures import DocumentSignature

    return sorted(p.name for p in folder.rglob("*.pdf")), DocumentSignature.select().count()


def test_each_refusal_has_its_message_and_writes_nothing(token, tmp_path, monkeypatch):
    from models.services import signing

    office, conf, db, doc = _notice(tmp_path, monkeypatch, token)
    folder = Path(doc.file_path).parent
    before = _state(folder)
    cases = [
        (["co-quan", "co-quan"], "chưa có chữ ký số của người ký"),
        (["nguoi-ky", "chu-tich", "--token", "Khong co token"], "Không thấy token ký số có nhãn “Khong co token”"),
        (["nguoi-ky", "het-han"], "đã hết hạn ngày"),
        (["nguoi-ky", "chua-hieu-luc"], "chưa có hiệu lực"),
        (["nguoi-ky", "ma-hoa"], "không dùng để ký"),
        (["nguoi-ky", "nguoi-khac"], "Chứng thư số là của “Lê Văn Cường”, không phải người ký văn bản “Hồ Xuân Trính”"),
        (["nguoi-ky", "khong-co-khoa"], "Token không có khóa và chứng thư số nhãn “khong-co-khoa”"),
    ]
    for (role, key, *extra), message in cases:
        r = _sign(doc.symbol, role, key, token, tmp_path, db, *extra)
        assert r.exit_code != 0 and message in r.output, (key, r.output)
        assert "Traceback" not in r.output
        assert _state(folder) == before, key
    from tui.commands.signing import sign_cmd

    (tmp_path / "sai").mkdir()
    wrong = token.pin_file(tmp_path / "sai", "000000")
    r = _cli(sign_cmd, [doc.symbol, "--vai", "nguoi-ky", "--pkcs11", token.module, "--khoa", "chu-tich",
                        "--pin-file", str(wrong)], db)
    assert r.exit_code != 0 and "Mã PIN không đúng." in r.output and _state(folder) == before
    loose = token.pin_file(tmp_path, mode=0o644)
    r = _cli(sign_cmd, [doc.symbol, "--vai", "nguoi-ky", "--pkcs11", token.module, "--pin-file", str(loose)], db)
    assert r.exit_code != 0 and "Chỉ dùng tệp quyền 600" in r.output and _state(folder) == before
    r = _cli(sign_cmd, [doc.symbol, "--vai", "nguoi-ky", "--pkcs11", str(tmp_path / "khong-co.so")], db)
    assert r.exit_code != 0 and "Không thấy mô-đun PKCS#11" in r.output and _state(folder) == before
    r = _cli(sign_cmd, ["99/KH-UBND", "--vai", "nguoi-ky", "--pkcs11", token.module], db)
    assert r.exit_code != 0 and "Sổ văn bản đi không có văn bản số “99/KH-UBND”" in r.output
    # signed once as the person; a second time is refused
    assert _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db).exit_code == 0
    once = _state(folder)
    r = _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db)
    assert r.exit_code != 0 and "đã được ký số với vai trò người ký" in r.output and _state(folder) == once
    # a signed file changed behind the app's back is not signed over
    signed_file = Path(signing.signed(doc, signing.PERSON).file_path)
    signed_file.write_bytes(signed_file.read_bytes() + b"\n")
    r = _sign(doc.symbol, "co-quan", "co-quan", token, tmp_path, db)
    assert r.exit_code != 0 and "đã bị sửa sau khi ghi" in r.output and _state(folder) == once


def test_only_the_signer_signs_as_the_person_and_the_clerk_for_the_office(token, tmp_path, monkeypatch):
    from models.services import roles, signing

    office, conf, db, doc = _notice(tmp_path, monkeypatch, token)
    from models.domain.office import Person

    chair = Person.create(office=office, full_name="Hồ Xuân Trính", role="chu_tich")
    clerk = Person.create(office=office, full_name="Phan Thị Thu", role="van_thu")
    roles.choose_person(office, clerk)
    r = _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db)
    assert r.exit_code != 0 and "Chỉ người ký văn bản (Hồ Xuân Trính)" in r.output
    roles.choose_person(office, chair)
    assert _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db).exit_code == 0
    r = _sign(doc.symbol, "co-quan", "co-quan", token, tmp_path, db)
    assert r.exit_code != 0 and "Chữ ký số của cơ quan do văn thư ký" in r.output
    roles.choose_person(office, clerk)
    assert _sign(doc.symbol, "co-quan", "co-quan", token, tmp_path, db).exit_code == 0
    assert signing.waiting_for(doc) is None


def test_electronic_copy_and_a_new_version_is_signed_again(token, tmp_path, monkeypatch):
    from models.services import documents, signing
    from printing.signature_marks import runs
    from tui.commands.signing import copy_cmd

    office, conf, db, doc = _notice(tmp_path, monkeypatch, token, signed=True)
    pin = token.pin_file(tmp_path)
    r = _cli(copy_cmd, [doc.symbol, "--hinh-thuc", "sao-y", "--pkcs11", token.module, "--khoa", "co-quan",
                        "--pin-file", str(pin)], db)
    assert r.exit_code == 0, r.output
    copy = Path(r.output.strip().rsplit(": ", 1)[1])
    data = copy.read_bytes()
    rects = _rects(data)
    page, (x0, y0, x1, y1) = rects["BanSao1"]
    assert page == 0 and x1 > 500 and y1 > 800                 # top right of page 1 (A4: 595 × 842)
    # the copy's information is drawn in the field (dark pixels there), and nothing else on the page moved
    assert _ink(data, (x0, y0, x1, y1)) > 0.01 and _ink(Path(doc.file_path).read_bytes(), (x0, y0, x1, y1)) == 0
    assert [r_.text for r_ in runs(data)] == [r_.text for r_ in runs(Path(doc.file_path).read_bytes())]
    r = _verify(copy, token)
    assert r.exit_code == 0 and "cả 3 chữ ký số" in r.output, r.output
    # trích sao: the chosen pages of the issued file, signed by the office alone
    r = _cli(copy_cmd, [doc.symbol, "--hinh-thuc", "trich-sao", "--trang", "1", "--pkcs11", token.module,
                        "--khoa", "co-quan", "--pin-file", str(pin)], db)
    assert r.exit_code == 0, r.output
    extract = Path(r.output.strip().rsplit(": ", 1)[1])
    assert extract.name.endswith("-ban-sao-trich-sao.pdf")
    r = _verify(extract, token)
    assert r.exit_code == 0 and "cả 1 chữ ký số" in r.output and "Ủy ban nhân dân xã Kỳ Khang" in r.output
    for args, message in ((["trich-sao", "--trang", "9"], "Văn bản chỉ có"),
                          (["sao-y", "--trang", "1"], "Chỉ trích sao mới chọn trang"),
                          (["trich-sao", "--trang", "2-1"], "số đầu không lớn hơn số cuối")):
        before = _state(extract.parent)
        r = _cli(copy_cmd, [doc.symbol, "--hinh-thuc", args[0], *args[1:], "--pkcs11", token.module,
                            "--khoa", "co-quan", "--pin-file", str(pin)], db)
        assert r.exit_code != 0 and message in r.output and _state(extract.parent) == before, r.output
    # a reprint of a signed document gives the signed file
    reprint = pipeline.reprint(doc)
    assert reprint.path == Path(signing.latest_signed(doc).file_path) and reprint.identical
    # a correction is a new document: it waits for both signatures again
    documents.start_correction(doc, mode="dinh-chinh", reason="Sửa lỗi chính tả ở đoạn hai")
    documents.save_draft(office, "ket-luan", conf.id, {"body": documents.draft(office, "ket-luan", conf.id)
                                                       .content.body + "\nĐính chính."})
    with clock.fixed(DAY):
        newer = pipeline.issue(office, "ket-luan", conf.id, on=DAY)
    assert newer.id != doc.id and signing.waiting_for(newer) == signing.PERSON
    assert signing.summary(newer) == "ký số: chưa ký"


def test_f7_signs_as_the_person_then_the_office_and_the_dashboard_shows_what_waits(token, tmp_path, monkeypatch):
    """As a person would: F7, S, choose the role, type the PIN; the detail and
    the dashboard's recent documents say what is signed and what waits."""
    import asyncio

    from textual.widgets import Input, Static

    from tui.widgets.page_table import PageTable

    from models.services import signing
    from tui.app import DoiThoaiApp

    office, conf, _db, doc = _notice(tmp_path, monkeypatch, token)
    signing.remember_module(token.module)      # this workstation's module, as after a first CLI signature
    monkeypatch.setenv("DOITHOAI_TODAY", DAY.isoformat())

    async def settle(pilot):
        from snapshots.settle import settle as settled

        await settled(pilot)

    async def sign(pilot, screen, role_index: int):
        await pilot.press("s")
        await until(pilot, lambda: pilot.app.screen.__class__.__name__ == "PickScreen", "the role list")
        for _ in range(role_index):
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen.__class__.__name__ == "PinScreen", "the PIN field")
        pin_box = pilot.app.screen.query_one("#pin-input", Input)
        assert pin_box.password
        for ch in token.pin:
            await pilot.press(ch)
        before = len(app.told)
        await pilot.press("enter")
        await until(pilot, lambda: any("Đã ký số" in m for m in app.told[before:]), "the signature")

    def dashboard() -> str:
        from tui.screens.dashboard import DashboardView

        views = list(app.screen.query(DashboardView))
        return str(views[0].render()) if views else ""

    app = DoiThoaiApp(office)
    app.told = []
    shown = app.notify
    app.notify = lambda message, *a, **k: (app.told.append(message), shown(message, *a, **k))[1]

    async def scenario():
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: "chờ người ký" in dashboard(), "the dashboard's recent documents")
            await pilot.press("f7")
            await settle(pilot)
            screen = pilot.app.screen
            screen.query_one("#docs-table", PageTable).focus()
            await sign(pilot, screen, 0)
            assert signing.waiting_for(doc) == signing.OFFICE
            await sign(pilot, screen, 0)                # the office comes first in the list once the person signed
            assert signing.waiting_for(doc) is None
            # the detail is read again after the notice that it signed: wait for the office's part
            await until(pilot, lambda: "cơ quan Ủy ban" in str(screen.query_one("#docs-detail", Static).content),
                        "the detail")
            detail = str(screen.query_one("#docs-detail", Static).content)
            assert "người ký Hồ Xuân Trính, cơ quan Ủy ban nhân dân xã Kỳ Khang, thời điểm" in detail
            await pilot.press("k")
            await until(pilot, lambda: any("01-TB-UBND-ky-so-co-quan.pdf: đúng mã SHA-256" in m
                                              for m in app.told), "the check")
            await pilot.press("f2")
            await until(pilot, lambda: "đã ký số" in dashboard(), "the dashboard after signing")
            assert "chờ người ký" not in dashboard()

    asyncio.run(scenario())
    r = _verify(signing.latest_signed(doc).file_path, token)
    assert r.exit_code == 0, r.output


def test_signed_on_postgresql_too(token, pg_url, tmp_path):
    """The same chain on the real PostgreSQL server: the images kept as bytea,
    the rows read back, the files checked."""
    import models
    from models.demo import samples
    from models.services import signing
    from printing.signature_marks import appearance

    models.open_database(pg_url)
    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=2)
    signing.keep_image(office, "chu_ky", signature_png())
    signing.keep_image(office, "con_dau", seal_png())
    with clock.fixed(DAY):
        doc = pipeline.issue(office, "ket-luan", conf.id, on=DAY)
    for role, key in ((signing.PERSON, "chu-tich"), (signing.OFFICE, "co-quan")):
        signing.sign(doc, role, signing.TokenChoice(token.module, None, key), token.pin, appearance=appearance)
    assert [s.role for s in signing.signatures_of(doc)] == [signing.PERSON, signing.OFFICE]
    assert all(st.ok for st in signing.check_files(doc))
    assert signing.verify_pdf(Path(signing.latest_signed(doc).file_path), [token.root_pem.read_bytes()]).good
    assert signing.summary(doc).startswith("ký số: người ký Hồ Xuân Trính, cơ quan Ủy ban nhân dân xã Kỳ Khang")


def test_the_pin_is_never_written_anywhere(token, tmp_path, monkeypatch):
    """After a wrong PIN, a good one and a refusal, no file under the app's
    folders (database, config, logs, documents) holds either PIN."""
    from models.services import signing

    office, conf, db, doc = _notice(tmp_path, monkeypatch, token)
    (tmp_path / "sai").mkdir()
    wrong = "sai-97531"
    from tui.commands.signing import sign_cmd

    r = _cli(sign_cmd, [doc.symbol, "--vai", "nguoi-ky", "--pkcs11", token.module, "--khoa", "chu-tich",
                        "--pin-file", str(token.pin_file(tmp_path / "sai", wrong))], db)
    assert r.exit_code != 0 and wrong not in r.output
    assert _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db).exit_code == 0
    assert _sign(doc.symbol, "nguoi-ky", "chu-tich", token, tmp_path, db).exit_code != 0
    signing.remember_module(token.module)
    for path in [*(tmp_path / "home").rglob("*"), tmp_path / "t.sqlite3"]:
        if path.is_file():
            raw = path.read_bytes()
            assert token.pin.encode() not in raw and wrong.encode() not in raw, path


def test_catalogue_keeps_the_signature_image_of_a_person_and_the_seal(tmp_path, monkeypatch):
    """F8, Người dùng: K on a person, the PNG's path, Enter; Cơ quan tab: K, the
    seal. A picture without transparency is refused with a message."""
    import asyncio

    from models.domain.office import Person
    from models.services import signing
    from tui.app import DoiThoaiApp
    from tui.screens.catalog import LISTS

    office, _plan, _conf = make_session(tmp_path, monkeypatch, petitions=1)
    chair = Person.create(office=office, full_name="Hồ Xuân Trính", role="chu_tich", login="")
    (tmp_path / "chu-ky.png").write_bytes(signature_png())
    (tmp_path / "con-dau.png").write_bytes(seal_png())
    from PIL import Image

    Image.new("RGB", (40, 20), "white").save(tmp_path / "nen-trang.png")
    from models.services import roles

    roles.choose_person(office, chair)
    app = DoiThoaiApp(office)
    app.told = []
    shown = app.notify
    app.notify = lambda message, *a, **k: (app.told.append(message), shown(message, *a, **k))[1]

    async def type_path(pilot, path):      # pasted, as a path copied from the file manager is
        from textual import events

        field = app.screen.query_one("Input")
        field.value = ""
        field.post_message(events.Paste(str(path)))
        await pilot.pause()
        await pilot.press("ctrl+s")      # Enter in a field moves on; Ctrl+S saves (issue 20)

    async def steps():
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            tab = 1 + [spec.tab for spec in LISTS].index("people")
            await pilot.press("f8")
            await app.workers.wait_for_complete()
            await pilot.press(*["right"] * tab)
            await app.workers.wait_for_complete()
            await pilot.press("k")
            await until(pilot, lambda: type(app.screen).__name__ == "FormScreen", "the form")
            await type_path(pilot, tmp_path / "nen-trang.png")
            await until(pilot, lambda: "nền trong suốt" in str(app.screen.query_one("#form-error").render()),
                        "the refusal")
            await type_path(pilot, tmp_path / "chu-ky.png")
            await until(pilot, lambda: any("Đã lưu: ảnh chữ ký của hồ xuân trính" in m for m in app.told), "saved")
            await pilot.press(*["left"] * tab, "k")
            await until(pilot, lambda: type(app.screen).__name__ == "FormScreen", "the seal form")
            await type_path(pilot, tmp_path / "con-dau.png")
            await until(pilot, lambda: any("Đã lưu: ảnh con dấu" in m for m in app.told), "the seal saved")

    asyncio.run(steps())
    assert signing.image_of(office, "chu_ky", chair) == signature_png()
    assert signing.image_of(office, "con_dau") == seal_png()
