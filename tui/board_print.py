"""Printing from the follow-up board: the answer letter, the reminder to a late
unit, a conference's conclusion notice and its report to the level above.

The PDF layouts live in ``printing`` (imported here only when something is
printed, so ReportLab never slows the start-up); this module picks the record,
writes the PDF into the office's documents folder and returns its path."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from models.catalog import Unit
from models.conferences import Conference
from models.errors import NotFound, StorageError
from models.paths import locations
from models.petitions import Petition

KINDS = ("answer", "reminder", "conclusion", "report")


def _get(model, ref_id: int):
    rec = model.get_or_none(model.id == ref_id)
    if rec is None:
        raise NotFound("Không tìm thấy dữ liệu cần in (có thể đã bị xóa ở máy khác). Hãy tải lại bảng.")
    return rec


def render(kind: str, ref_id: int, today: dt.date) -> tuple[str, bytes]:
    """(file name, PDF bytes) of one document."""
    if kind == "answer":
        from printing.documents.letters import answer_letter_pdf

        p = _get(Petition, ref_id)
        return f"tra-loi-kien-nghi-{p.id}-{today:%Y%m%d}.pdf", answer_letter_pdf(p, on=today)
    if kind == "reminder":
        from printing.documents.letters import reminder_pdf

        unit = _get(Unit, ref_id)
        slug = (unit.short_name or str(unit.id)).replace("/", "-")
        return f"don-doc-{slug}-{today:%Y%m%d}.pdf", reminder_pdf(unit, today=today, on=today)
    conf = _get(Conference, ref_id)
    if kind == "conclusion":
        from printing.documents.conclusion import conclusion_pdf

        return f"thong-bao-ket-luan-{conf.date:%Y%m%d}.pdf", conclusion_pdf(conf, on=today)
    if kind == "report":
        from printing.documents.report import report_pdf

        return f"bao-cao-hoi-nghi-{conf.date:%Y%m%d}.pdf", report_pdf(conf, today=today, on=today)
    raise ValueError(kind)


def print_document(kind: str, ref_id: int, *, today: dt.date, folder: Path | None = None) -> Path:
    name, data = render(kind, ref_id, today)
    folder = folder or locations().documents
    path = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError(f"Không ghi được tệp PDF vào “{folder}”: {exc.strerror or exc}. "
                           "Hãy kiểm tra quyền ghi hoặc dung lượng ổ đĩa.") from exc
    if kind == "answer":
        from models.services.petitions import add_event

        add_event(Petition.get_by_id(ref_id), "printed", f"Công văn trả lời: {path.name}")
    return path
