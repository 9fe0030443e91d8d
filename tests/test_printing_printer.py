"""Sending a document to a printer.

The real-queue test needs CUPS with a cups-pdf queue: run scripts/ci-cups.sh
and set DOITHOAI_TEST_PRINTER to the queue name (e.g. PDF). cups-pdf writes the
printed file to ~/PDF of the job owner (Debian's cups-pdf.conf "Out"), or to
/var/spool/cups-pdf/ANONYMOUS for anonymous jobs."""
import os
import time
from pathlib import Path

import pytest
from printing_support import make_session, page_texts

from printing import printer

QUEUE = os.environ.get("DOITHOAI_TEST_PRINTER")
OUT_DIRS = [Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS")]


def test_no_print_system_keeps_the_pdf(tmp_path, monkeypatch):
    pdf = tmp_path / "van-ban.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(printer.shutil, "which", lambda _name: None)
    monkeypatch.setattr(printer.sys, "platform", "linux")
    with pytest.raises(printer.PrinterMissing) as err:
        printer.send(pdf)
    assert "chưa cài hệ thống in" in str(err.value) and str(pdf) in str(err.value)
    assert pdf.exists()


def test_unknown_queue_message(tmp_path):
    if not printer.shutil.which("lp"):
        pytest.skip("lp (CUPS) is not installed")
    pdf = tmp_path / "van-ban.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(printer.PrinterMissing, match="Tệp PDF vẫn được giữ tại"):
        printer.send(pdf, "KHONG-CO-MAY-IN-NAY")


def test_print_through_real_queue(tmp_path, monkeypatch):
    if not QUEUE:
        if os.environ.get("CI"):
            pytest.fail("CI must provide a cups-pdf queue: .ci/run runs scripts/ci-cups.sh and sets "
                        "DOITHOAI_TEST_PRINTER")
        pytest.skip("set DOITHOAI_TEST_PRINTER to a cups-pdf queue (scripts/ci-cups.sh)")
    import printing_support as ps
    from models import Petition

    office, _plan, _conf = make_session(tmp_path, monkeypatch)
    p = Petition.select().where(Petition.answer_summary != "").first()
    path = tmp_path / f"tra-loi-{os.getpid()}-{time.time_ns()}.pdf"
    path.write_bytes(ps.render(office, "tra-loi", p.id))
    started = time.time() - 1
    message = printer.send(path, QUEUE)
    assert "Đã gửi" in message
    found = None
    for _ in range(60):
        for folder in OUT_DIRS:
            if folder.is_dir():
                for f in folder.glob("*.pdf"):
                    if f.stat().st_mtime >= started and path.stem in f.name:
                        found = f
        if found and found.stat().st_size > 0:
            size = found.stat().st_size
            time.sleep(1)                       # cups-pdf may still be writing
            if found.stat().st_size == size:
                break
        time.sleep(0.5)
    assert found, f"no printed file in {OUT_DIRS}"
    # cups-pdf re-renders through Ghostscript, which drops the Unicode map of
    # subset fonts: only the ASCII parts of the text can be checked
    text = " ".join(page_texts(found.read_bytes()))
    assert "V/v" in text and "KHANG" in text and "UBND" in text
