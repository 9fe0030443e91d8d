"""Lịch sử thay đổi: the audit trail of one record as plain rows for any screen."""
from __future__ import annotations

import json
from dataclasses import dataclass

import peewee as pw

from ..audit import AuditEntry

ACTIONS = {"create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "amend": "Điều chỉnh", "issue": "Ban hành"}

# Vietnamese names of the fields people see; others show their code name.
FIELD_LABELS = {
    "content": "Nội dung", "citizen_name": "Người dân", "citizen_withheld": "Giấu tên",
    "village": "Thôn", "field": "Lĩnh vực", "unit": "Đơn vị", "channel": "Hình thức",
    "disposition": "Hướng xử lý", "status": "Trạng thái", "due_on": "Hạn trả lời",
    "answer_on_spot": "Trả lời tại hội nghị", "answered_by": "Người trả lời",
    "answer_number": "Số văn bản trả lời", "answer_date": "Ngày trả lời", "answer_summary": "Nội dung trả lời",
    "closed_on": "Ngày đóng", "extension_reason": "Lý do gia hạn", "forwarded_to": "Chuyển đến",
    "title": "Trích yếu", "date": "Ngày", "venue": "Địa điểm", "chair": "Chủ trì", "secretary": "Thư ký",
    "conclusions": "Kết luận", "count": "Số người", "symbol": "Số, ký hiệu", "issued_on": "Ngày ban hành",
    "signer": "Người ký", "reason": "Lý do", "body": "Nội dung", "version": "Phiên bản",
}


@dataclass(frozen=True)
class HistoryRow:
    at: str
    user: str
    action: str
    changes: str
    reason: str


def _short(value, limit: int = 60) -> str:
    text = "—" if value in (None, "") else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_changes(entry: AuditEntry) -> str:
    try:
        before = json.loads(entry.before or "{}")
        after = json.loads(entry.after or "{}")
    except ValueError:
        return ""
    if entry.action in ("create", "delete"):
        return ""
    parts = []
    for key in sorted(set(before) | set(after)):
        if key in ("row_version", "search_text"):
            continue
        label = FIELD_LABELS.get(key, key)
        parts.append(f"{label}: {_short(before.get(key))} → {_short(after.get(key))}")
    return "; ".join(parts)


def history_rows(table: str, record_id: int) -> list[HistoryRow]:
    """Newest first."""
    entries = (AuditEntry.select()
               .where((AuditEntry.table == table) & (AuditEntry.record_id == record_id))
               .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    return [HistoryRow(f"{e.at:%d/%m/%Y %H:%M}", e.user, ACTIONS.get(e.action, e.action),
                       describe_changes(e), e.reason) for e in entries]


def rows_for(record: pw.Model) -> list[HistoryRow]:
    return history_rows(record._meta.table_name, record.get_id())
