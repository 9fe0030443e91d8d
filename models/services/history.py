"""Lịch sử thay đổi: the audit trail of one record as plain rows for any screen."""
from __future__ import annotations

import datetime as dt
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
    "citizen_title": "Danh xưng", "forward_number": "Số văn bản chuyển", "forward_date": "Ngày văn bản chuyển",
    "followup_on": "Ngày đôn đốc cấp trên", "upper_reply_number": "Số văn bản trả lời của cấp trên",
    "upper_reply_date": "Ngày trả lời của cấp trên", "upper_reply_summary": "Trả lời của cấp trên",
    "withdrawn_on": "Ngày rút", "withdrawn_reason": "Lý do rút",
    "title": "Trích yếu", "date": "Ngày", "venue": "Địa điểm", "chair": "Chủ trì", "secretary": "Thư ký",
    "conclusions": "Kết luận", "count": "Số người", "symbol": "Số, ký hiệu", "issued_on": "Ngày ban hành",
    "signer": "Người ký", "reason": "Lý do", "body": "Nội dung", "version": "Phiên bản",
    # catalogue
    "name": "Tên", "kind": "Loại", "family": "Khối văn bản", "parent_body": "Cơ quan cấp trên",
    "header_name": "Tên ở tiêu đề", "locality": "Địa danh", "place_name": "Tên địa phương",
    "abbreviation": "Chữ viết tắt", "numbering": "Cách đánh số", "signer_authority": "Thẩm quyền ký",
    "signer_position": "Chức vụ người ký", "signer_name": "Người ký", "address": "Địa chỉ",
    "phone": "Điện thoại", "short_name": "Viết tắt", "head_name": "Người phụ trách", "active": "Đang dùng",
    "full_name": "Họ và tên", "position": "Chức vụ", "station": "Cụm loa", "leader_name": "Trưởng thôn",
    "code": "Số phím tắt", "entries": "Danh sách", "day": "Ngày", "note": "Ghi chú", "days": "Số ngày",
    "value": "Giá trị", "key": "Mục", "chain_seq": "Vị trí trong chuỗi kiểm tra",
    "chain_hash": "Mã kiểm tra chuỗi", "login": "Tài khoản", "role": "Vai trò",
    # plans, conferences, register
    "year": "Năm", "series": "Loại kế hoạch", "place_date": "Địa danh, ngày",
    "place_month": "Tháng ghi ở dòng ngày", "legal_bases": "Căn cứ",
    "preamble": "Mở đầu", "closing": "Kết thúc", "topics": "Nội dung đối thoại", "participants": "Thành phần",
    "venues": "Địa điểm", "schedule": "Thời gian", "budget_source": "Kinh phí", "assignments": "Phân công",
    "recipients": "Nơi nhận", "change_reason": "Lý do điều chỉnh", "source": "Nguồn",
    "start_time": "Giờ bắt đầu", "end_time": "Giờ kết thúc", "invited_groups": "Thành phần mời",
    "opening_report": "Báo cáo mở đầu", "minutes_signed_on": "Ngày ký biên bản",
    "replaces": "Thay cho bản", "correction": "Đính chính hay thay thế", "signed_on": "Ngày ký",
    "scan_path": "Bản quét đã ký", "scan_sha256": "Mã SHA-256 bản quét",
    "report_due_on": "Hạn báo cáo", "notice_published_on": "Ngày thông báo",
    "invitations_sent_on": "Ngày gửi giấy mời", "conclusions_published_on": "Ngày công bố kết luận",
    "report_sent_on": "Ngày gửi báo cáo", "slot": "Buổi", "read_at": "Đã đọc lúc", "read_by": "Người đọc",
    "number": "Số", "file_path": "Tệp", "sha256": "Mã kiểm tra tệp", "locked": "Đã khóa",
    "citizen_address": "Địa chỉ người dân", "citizen_phone": "Điện thoại người dân",
    "received_on": "Ngày nhận", "similar_to": "Giống kiến nghị", "group_parent": "Gộp vào kiến nghị",
    "seq": "Số thứ tự", "presenter": "Người trình bày", "planned_start": "Giờ dự kiến",
    "planned_minutes": "Số phút dự kiến", "group": "Nhóm", "is_group": "Là nhóm",
}


@dataclass(frozen=True)
class HistoryRow:
    at: str
    user: str
    action: str
    changes: str
    reason: str


def _short(value, limit: int = 60) -> str:
    if isinstance(value, dt.datetime):
        value = f"{value:%d/%m/%Y %H:%M}"
    elif isinstance(value, dt.date):
        value = f"{value:%d/%m/%Y}"
    elif isinstance(value, bool):
        value = "có" if value else "không"
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
    return describe((key, before.get(key), after.get(key)) for key in sorted(set(before) | set(after))
                    if key not in ("row_version", "search_text"))


def describe(changes, limit: int = 60) -> str:
    """"Hạn trả lời: 08/10/2026 → 31/12/2026; …" for (field, before, after) triples."""
    return "; ".join(f"{FIELD_LABELS.get(key, key)}: {_short(old, limit)} → {_short(new, limit)}"
                     for key, old, new in changes)


def history_rows(table: str, record_id: int) -> list[HistoryRow]:
    """Newest first."""
    entries = (AuditEntry.select()
               .where((AuditEntry.table == table) & (AuditEntry.record_id == record_id))
               .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))
    return [HistoryRow(f"{e.at:%d/%m/%Y %H:%M}", e.user, ACTIONS.get(e.action, e.action),
                       describe_changes(e), e.reason) for e in entries]


def rows_for(record: pw.Model) -> list[HistoryRow]:
    return history_rows(record._meta.table_name, record.get_id())
