"""From a screen to a PDF file: render with ``printing`` (imported here, lazily,
so ReportLab is never loaded at start-up), write the file into the office's
documents folder, and for documents that are issued take the number from the
register of outgoing documents first. Called from thread workers."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from models.paths import locations
from models.services import numbering
from models.text import fold


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")[:60] or "van-ban"


def write_pdf(name: str, data: bytes, year: int) -> Path:
    """Into documents/<year>/; a file already there is not overwritten (an
    issued PDF must stay as it was signed), the new one gets a suffix."""
    folder = locations().documents / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_slug(name)}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{_slug(name)}-{n}.pdf"
        n += 1
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # never leave a half-written PDF behind after a power cut
    return path


def _file_issued(doc, path: Path, data: bytes) -> None:
    from models.services import records

    records.update(doc, {"file_path": str(path), "sha256": hashlib.sha256(data).hexdigest()})


# --- plans ---------------------------------------------------------------------------

def plan_draft(plan) -> Path:
    """Bản xem trước (dự thảo): no number yet unless already issued."""
    from printing.documents.plan import plan_pdf

    label = plan.document.symbol if plan.document_id else f"du-thao-v{plan.version}"
    return write_pdf(f"ke-hoach-{plan.year}-{label}", plan_pdf(plan), plan.year)


def issue_plan(plan) -> Path:
    """Ban hành: number from the register, the PDF frozen, status "issued"."""
    from models.services.plan_issue import issue

    from printing.documents.plan import plan_pdf

    plan = issue(plan)
    data = plan_pdf(plan)
    path = write_pdf(f"ke-hoach-{plan.document.symbol}", data, plan.year)
    _file_issued(plan.document, path, data)
    return path


# --- conferences ---------------------------------------------------------------------

def _register(conf, kind: str, title: str):
    office = conf.office
    return numbering.register(office, kind, title=title, signer=office.signer_name,
                              ref_type="conference", ref_id=conf.id)


def issue_notice(conf) -> Path:
    """Thông báo: number TB, PDF, and the notice milestone done (status announced)."""
    from models.services.conferences import record_notice_published

    from printing.documents.notice import notice_pdf

    doc = _register(conf, "TB", f"Thông báo tổ chức {conf.title[:1].lower()}{conf.title[1:]}")
    data = notice_pdf(conf, symbol=doc.symbol, on=doc.issued_on)
    path = write_pdf(f"thong-bao-{doc.symbol}", data, doc.year)
    _file_issued(doc, path, data)
    record_notice_published(conf, doc.issued_on)
    return path


def issue_invitations(conf) -> Path:
    from models.services.conferences import record_invitations_sent

    from printing.documents.invitation import invitations_pdf

    doc = _register(conf, "GM", f"Giấy mời dự {conf.title[:1].lower()}{conf.title[1:]}")
    data = invitations_pdf(conf, symbol=doc.symbol, on=doc.issued_on)
    path = write_pdf(f"giay-moi-{doc.symbol}", data, doc.year)
    _file_issued(doc, path, data)
    record_invitations_sent(conf, doc.issued_on)
    return path


def loudspeaker_script(conf) -> Path:
    from printing.documents.loudspeaker import loudspeaker_pdf

    return write_pdf(f"bai-phat-thanh-hoi-nghi-{conf.id}-{conf.date:%Y%m%d}", loudspeaker_pdf(conf),
                     conf.date.year)


def blank_forms(conf) -> list[Path]:
    """Danh sách ký tên theo thôn, phiếu ghi ý kiến, phiếu lấy ý kiến."""
    from printing.documents.forms import attendance_pdf, opinion_slip_pdf, survey_slip_pdf

    tag = f"hoi-nghi-{conf.id}-{conf.date:%Y%m%d}"
    return [write_pdf(f"danh-sach-ky-ten-{tag}", attendance_pdf(conf), conf.date.year),
            write_pdf(f"phieu-ghi-y-kien-{tag}", opinion_slip_pdf(conf), conf.date.year),
            write_pdf(f"phieu-lay-y-kien-{tag}", survey_slip_pdf(conf), conf.date.year)]
