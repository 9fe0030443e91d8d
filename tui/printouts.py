"""From a screen to a PDF file. Issued documents (plan, notice, invitations)
go through the issuing service: number from the register, PDF stored with its
SHA-256. Working papers (draft preview, loudspeaker script, blank forms) are
written into the documents folder without a number. ``printing`` is imported
inside each function so ReportLab never loads at start-up; call from workers."""
from __future__ import annotations

import re
from pathlib import Path

from models import clock
from models.paths import locations
from models.text import fold


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")[:60] or "van-ban"


def write_pdf(name: str, data: bytes, year: int) -> Path:
    """Into documents/<year>/; an existing file is not overwritten (it may have
    been printed and handed out), the new one gets a suffix."""
    folder = locations().documents / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_slug(name)}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{_slug(name)}-{n}.pdf"
        n += 1
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # never a half-written PDF under the real name after a power cut
    return path


# --- plans ---------------------------------------------------------------------------

def plan_draft(plan) -> Path:
    """Bản in thử: no number yet unless already issued."""
    from printing.documents.plan import plan_pdf

    label = plan.document.symbol if plan.document_id else f"du-thao-v{plan.version}"
    return write_pdf(f"ke-hoach-{plan.year}-{label}", plan_pdf(plan), plan.year)


def issue_plan(plan) -> Path:
    """Ban hành: number from the register, the PDF frozen, status "issued"."""
    from models.services.plan_issue import issue

    return Path(issue(plan).document.file_path)


# --- conferences ---------------------------------------------------------------------

def _issue(conf, kind: str, title: str, render):
    from models.services.issuing import issue

    office = conf.office
    return issue(office, kind, title=title, on=clock.today(), signer=office.signer_name,
                 ref_type="conference", ref_id=conf.id,
                 render=lambda doc: render(conf, symbol=doc.symbol, on=doc.issued_on))


def _subject(conf) -> str:
    return conf.title[:1].lower() + conf.title[1:]


def issue_notice(conf) -> Path:
    """Thông báo: number TB, PDF, the notice milestone done (status announced)."""
    from models.services.conferences import ensure_not_issued, record_notice_published
    from printing.documents.notice import notice_pdf

    ensure_not_issued(conf, "notice_published_on", "Thông báo")
    doc = _issue(conf, "TB", f"Thông báo tổ chức {_subject(conf)}", notice_pdf)
    record_notice_published(conf, doc.issued_on)
    return Path(doc.file_path)


def issue_invitations(conf) -> Path:
    """Giấy mời: number GM, one invitation per invitee, all in one PDF."""
    from models.services.conferences import ensure_not_issued, record_invitations_sent
    from printing.documents.invitation import invitations_pdf

    ensure_not_issued(conf, "invitations_sent_on", "Giấy mời")
    doc = _issue(conf, "GM", f"Giấy mời dự {_subject(conf)}", invitations_pdf)
    record_invitations_sent(conf, doc.issued_on)
    return Path(doc.file_path)


def loudspeaker_script(conf) -> Path:
    """Bài phát thanh in chữ lớn, with the broadcast schedule and the log sheet."""
    from printing.documents.loudspeaker import loudspeaker_pdf

    return write_pdf(f"bai-phat-thanh-hoi-nghi-{conf.id}-{conf.date:%Y%m%d}", loudspeaker_pdf(conf),
                     conf.date.year)


def blank_forms(conf) -> list[Path]:
    """Danh sách ký tên theo thôn, phiếu ghi ý kiến, phiếu lấy ý kiến."""
    from printing.documents.forms import (
        attendance_pdf,
        opinion_slip_pdf,
        survey_slip_pdf,
    )

    tag = f"hoi-nghi-{conf.id}-{conf.date:%Y%m%d}"
    return [write_pdf(f"danh-sach-ky-ten-{tag}", attendance_pdf(conf), conf.date.year),
            write_pdf(f"phieu-ghi-y-kien-{tag}", opinion_slip_pdf(conf), conf.date.year),
            write_pdf(f"phieu-lay-y-kien-{tag}", survey_slip_pdf(conf), conf.date.year)]
