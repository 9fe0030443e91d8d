"""Every printable document, by the name used on the command line.

Each entry says what the ID names (a plan, a conference, a petition, a unit)
and which function renders it; modules are imported only when one is printed."""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    slug: str                # "ke-hoach"
    label: str               # Vietnamese name for messages
    target: str              # plan, conference, petition, unit
    module: str              # printing.documents.<module>
    function: str
    register_kind: str = ""  # symbol kind when issued (KH, TB …); "" = not numbered

    def render(self, obj, **kwargs) -> bytes:
        mod = importlib.import_module(f"printing.documents.{self.module}")
        return getattr(mod, self.function)(obj, **kwargs)


KINDS: dict[str, Kind] = {k.slug: k for k in (
    Kind("ke-hoach", "Kế hoạch", "plan", "plan", "plan_pdf", "KH"),
    Kind("thong-bao", "Thông báo tổ chức hội nghị", "conference", "notice", "notice_pdf", "TB"),
    Kind("loa", "Bài phát thanh trên loa", "conference", "loudspeaker", "loudspeaker_pdf"),
    Kind("giay-moi", "Giấy mời", "conference", "invitation", "invitations_pdf", "GM"),
    Kind("diem-danh", "Danh sách điểm danh", "conference", "forms", "attendance_pdf"),
    Kind("phieu-y-kien", "Phiếu ghi ý kiến", "conference", "forms", "opinion_slip_pdf"),
    Kind("phieu-khao-sat", "Phiếu lấy ý kiến", "conference", "forms", "survey_slip_pdf"),
    Kind("bien-ban", "Biên bản hội nghị", "conference", "minutes", "minutes_pdf", "BB"),
    Kind("ket-luan", "Thông báo kết luận", "conference", "conclusion", "conclusion_pdf", "TB"),
    Kind("tra-loi", "Công văn trả lời kiến nghị", "petition", "letters", "answer_letter_pdf", "CV"),
    Kind("don-doc", "Công văn đôn đốc", "unit", "letters", "reminder_pdf", "CV"),
    Kind("bao-cao", "Báo cáo kết quả", "conference", "report", "report_pdf", "BC"),
)}
