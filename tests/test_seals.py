"""Tampering with what matters most is seen (issue 21, items 3 and 14).

The frozen text of an issued document, a petition and its history are sealed
in the office's chain: a change made in SQL behind the app's back is named by
``doithoai doctor`` (record and field) with its own exit code, and a reprint
(``print``, ``print --docx``) of a text that no longer matches its seal is
refused, in Vietnamese. On a SQLite file and on a PostgreSQL server."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import models
from models.demo import samples
from models.services import catalog, petitions, records
from test_offices import _sql, run_cli
from tui import documents as pipeline

ON = dt.date(2024, 1, 10)
TAMPERED, MISSING, ORPHANS, ENVIRONMENT = 32, 16, 8, 4


@pytest.fixture
def sealed(db_target):
    """An issued notice, a petition answered on the board with its history."""
    models.open_database(db_target)
    office = samples.office()
    conf = samples.conference(office, petitions=2, date=dt.date(2024, 1, 9))
    doc = pipeline.issue(office, "thong-bao", conf.id, on=ON)
    unit = catalog.units(office)[0]
    p = petitions.record_petition(office, content="Đề nghị sửa cầu tràn thôn Đông", disposition="in_writing",
                                  unit=unit, received_on=dt.date(2024, 1, 9))
    p = records.update(p, {"answer_summary": "Xã đã bố trí kinh phí sửa cầu trong quý II."})
    event = petitions.add_event(p, "extended", "Gia hạn để khảo sát thực địa")
    models.close_database()
    return db_target, office, doc, p, event


def _doctor(target, capsys, *more):
    return run_cli(["--db", target, "doctor", *more], capsys)


TAMPERING = {
    "issued-text": ("UPDATE document_text SET content = REPLACE(content, 'Hội trường', 'Sân kho') "
                    "WHERE document_id = ?", "doc",
                    ["Nội dung văn bản đã ban hành", "văn bản 01/TB-UBND", "trường “Nội dung”", "Sân kho"]),
    "answer": ("UPDATE petition SET answer_summary = 'Không giải quyết.' WHERE id = ?", "petition",
               ["Kiến nghị: kiến nghị số {petition}", "trường “Nội dung trả lời”", "Không giải quyết."]),
    "deleted-petition": ("DELETE FROM petition_event WHERE petition_id = ?; DELETE FROM petition WHERE id = ?",
                         "petition", ["kiến nghị số {petition} (Đề nghị sửa cầu tràn thôn Đông) đã bị xóa"]),
    "deleted-history": ("DELETE FROM petition_event WHERE id = ?", "event",
                        ["diễn biến kiến nghị số {event}", "Gia hạn để khảo sát thực địa", "đã bị xóa"]),
}


@pytest.mark.parametrize("change", list(TAMPERING))
def test_tampering_is_named_by_doctor_with_its_own_code(sealed, change, capsys):
    target, office, doc, p, event = sealed
    code, out, _ = _doctor(target, capsys)
    assert "nguyên vẹn" in out and not code & TAMPERED, out
    statement, what, expect = TAMPERING[change]
    ident = {"doc": doc.id, "petition": p.id, "event": event.id}[what]
    models.open_database(target)
    for part in statement.split("; "):
        _sql(part, ident)
    models.close_database()
    code, out, _ = _doctor(target, capsys)
    assert code & TAMPERED and not code & (MISSING | ORPHANS), (code, out)
    assert "PHÁT HIỆN" in out
    for text in expect:
        assert text.format(petition=p.id, event=event.id) in out, out


def test_a_reprint_of_a_changed_text_is_refused(sealed, capsys, tmp_path):
    target, office, doc, _p, _event = sealed
    code, out, err = run_cli(["--db", target, "print", "thong-bao", str(doc.ref_id), "-o",
                              str(tmp_path / "truoc.pdf")], capsys)
    assert code == 0 and "bản đã ban hành số 01/TB-UBND" in out, err
    models.open_database(target)
    _sql("UPDATE document_text SET content = REPLACE(content, 'Hội trường', 'Sân kho') WHERE document_id = ?",
         doc.id)
    models.close_database()
    for extra in ([], ["--docx"]):
        out_file = tmp_path / ("sau.docx" if extra else "sau.pdf")
        code, out, err = run_cli(["--db", target, "print", "thong-bao", str(doc.ref_id), *extra, "-o",
                                  str(out_file)], capsys)
        assert code != 0 and not out_file.exists(), out
        assert "Không in lại văn bản 01/TB-UBND" in err and "khác nội dung đã niêm phong" in err, err
        assert "bản đã ban hành số" not in out
    models.open_database(target)
    with pytest.raises(models.Locked, match="niêm phong"):        # F7 R and W call these two
        pipeline.reprint(models.OutgoingDocument.get_by_id(doc.id))
    with pytest.raises(models.Locked, match="niêm phong"):
        pipeline.word(office, doc=models.OutgoingDocument.get_by_id(doc.id))


def test_each_finding_has_its_own_exit_code(sealed, capsys, monkeypatch):
    """A missing file, a numbered file outside the register, tampering and no
    printer are told apart by the exit code (the sum of their numbers)."""
    target, office, doc, p, _event = sealed
    Path(doc.file_path).rename(Path(doc.file_path).with_name("cat-di.pdf"))
    stray = Path(doc.file_path).with_name("07-TB-UBND.pdf")
    stray.write_bytes(b"%PDF-1.4 not issued")
    monkeypatch.setenv("PATH", "/nonexistent")                     # no printer command at all
    code, out, _ = _doctor(target, capsys)
    assert code == MISSING + ORPHANS + ENVIRONMENT, out
    assert "Không tìm thấy tệp của văn bản 01/TB-UBND" in out and str(stray) in out
    models.open_database(target)
    _sql("UPDATE petition SET answer_summary = 'Không giải quyết.' WHERE id = ?", p.id)
    models.close_database()
    code, out, _ = _doctor(target, capsys)
    assert code == TAMPERED + MISSING + ORPHANS + ENVIRONMENT, out      # no printer hides nothing
    code, out, _ = _doctor(target, capsys, "--don-dep")
    assert not code & ORPHANS and not stray.exists(), out
    assert (stray.parent / "khong-trong-so" / stray.name).is_file()
    code, out, _ = _doctor(target, capsys)
    assert code == TAMPERED + MISSING + ENVIRONMENT, out


def test_the_next_issue_takes_a_name_an_old_failed_issue_left(sealed, capsys):
    """A numbered file left by an older version's failed issue does not block the number."""
    target, office, doc, _p, _event = sealed
    stray = Path(doc.file_path).with_name("02-TB-UBND.pdf")
    stray.write_bytes(b"%PDF-1.4 left by a failed issue")
    models.open_database(target)
    conf = samples.conference(office, petitions=0, date=dt.date(2024, 1, 9))
    second = pipeline.issue(office, "thong-bao", conf.id, on=ON)
    assert second.symbol == "02/TB-UBND" and Path(second.file_path) == stray
    assert pipeline.svc.verify(second)
    assert (stray.parent / "khong-trong-so" / stray.name).read_bytes() == b"%PDF-1.4 left by a failed issue"


def test_an_old_database_is_sealed_as_found(tmp_path, capsys):
    """Migration 9 seals what an older version wrote without a trail entry (history
    rows); a change made after it is seen."""
    target = str(tmp_path / "cu.sqlite3")
    db = models.open_database(target)
    office = samples.office()
    p = petitions.record_petition(office, content="Đề nghị lắp đèn đường thôn Tây")
    event = petitions.add_event(p, "note", "Ghi chú cũ")
    # as an older version left it: history rows without trail entries
    db.execute_sql("DELETE FROM audit_entry WHERE \"table\" = 'petition_event'")
    _rechain(db)
    from models.storage import migrations

    db.execute_sql("DELETE FROM schema_version WHERE version >= ?", (migrations.MIGRATIONS.index(
        migrations._v11_seals) + 1,))
    models.close_database()
    code, out, _ = _doctor(target, capsys)
    assert not code & TAMPERED and "nguyên vẹn" in out, out
    models.open_database(target)
    assert models.AuditEntry.select().where(models.AuditEntry.action == "seal").count() == 2
    _sql("UPDATE petition_event SET detail = 'Ghi chú đã đổi' WHERE id = ?", event.id)
    models.close_database()
    code, out, _ = _doctor(target, capsys)
    assert code & TAMPERED and f"diễn biến kiến nghị số {event.id}" in out and "Ghi chú đã đổi" in out, out


def _rechain(db):
    """The audit chain as it would be without the removed entries (an older version's)."""
    from models.domain import chain
    from models.domain.audit import AuditEntry

    entries = list(AuditEntry.select().order_by(AuditEntry.chain_seq))
    db.execute_sql("UPDATE audit_entry SET chain_seq = -id")
    previous = ""
    for n, e in enumerate(entries, start=1):
        e.chain_seq = n
        previous = chain.digest(previous, chain.content(e))
        AuditEntry.update(chain_seq=n, chain_hash=previous).where(AuditEntry.id == e.id).execute()


def test_f7_k_checks_the_text_seal_as_well_as_the_file(tmp_path):
    """F7 K read only the file's SHA-256: an issued text changed in SQL passed as
    "✓". Now K says the stored text no longer matches its seal, marks the row "!"
    and names doctor; before the change it says the text matches."""
    import asyncio

    from textual.widgets import Static

    from tui.widgets.page_table import PageTable

    from snapshots.settle import settle
    from tui.app import DoiThoaiApp

    models.open_database(tmp_path / "office.sqlite3")
    office = samples.office()
    conf = samples.conference(office, petitions=2, date=dt.date(2024, 1, 9))
    doc = pipeline.issue(office, "thong-bao", conf.id, on=ON)

    async def press_k():
        app = DoiThoaiApp(office)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("f7")
            await settle(pilot)
            table = app.screen.query_one("#docs-table", PageTable)
            table.focus()
            table.move_cursor(row=table.row_index(str(doc.id)))
            await pilot.press("k")
            await settle(pilot)
            return str(app.screen.query_one("#docs-info", Static).content), str(table.get_row(str(doc.id))[-1])

    said, mark = asyncio.run(press_k())
    assert mark == "✓" and "Tệp khớp" in said and "Nội dung đã lưu khớp với nội dung đã niêm phong" in said, said
    _sql("UPDATE document_text SET content = REPLACE(content, 'Hội trường', 'Sân kho') WHERE document_id = ?",
         doc.id)
    said, mark = asyncio.run(press_k())
    assert "Tệp khớp" in said and "khác nội dung đã niêm phong khi ban hành" in said, said
    assert "doithoai doctor" in said and "in lại và xuất Word bị từ chối" in said and mark == "!"
    models.close_database()
