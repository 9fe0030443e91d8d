"""The catalogue of words the domain shows people: statuses, dispositions,
channels, kinds, field names, history actions. One place, so that a label is
changed once (by a translator or an office) and every screen, printout and
export says the same thing. Codes (the keys) are what the database stores and
never change; only the words do.

Screen-only words (key hints, column headings) live in ``tui/words.py``."""
from __future__ import annotations

# ── Ý kiến, kiến nghị ──────────────────────────────────────────────────────────
#: how a petition reached the office (kênh)
CHANNELS = {
    "spoken": "Phát biểu",
    "slip": "Phiếu",
    "before": "Gửi trước",
    "outside": "Ngoài hội nghị",
}

#: hướng xử lý: SPEC "answered on the spot · to be answered in writing ·
#: beyond the commune's competence, forwarded · noted"
DISPOSITIONS = {
    "on_spot": "Trả lời tại chỗ",
    "in_writing": "Trả lời bằng văn bản",
    "forwarded": "Chuyển cấp có thẩm quyền",
    "noted": "Ghi nhận",
}

#: a petition's status on the follow-up board
PETITION_STATUSES = {
    "open": "Đang xử lý",
    "answered": "Đã trả lời",
    "closed": "Đã đóng",
    # a forwarded petition waits on the board for the upper level's reply
    "forwarded": "Đã chuyển, chờ trả lời",
    "forwarded_replied": "Đã có trả lời của cấp trên",
    "noted": "Ghi nhận",
    # withdrawn (or recorded by mistake): off the board and out of the
    # statistics, kept with its history
    "withdrawn": "Đã rút",
}

#: SPEC "Counting petitions": every recorded petition falls in exactly one of
#: these (withdrawn ones are listed apart); models.services.statistics counts them
COUNT_LABELS = {
    "resolved": "Đã giải quyết",
    "noted": "Ghi nhận",
    "forwarded_waiting": "Chuyển cấp trên, chờ trả lời",
    "forwarded_replied": "Chuyển cấp trên, đã có trả lời",
    "in_progress": "Đang giải quyết",
    "late": "Quá hạn",
}
RECEIVED = "Tiếp nhận"
FORWARDED = "Chuyển cấp có thẩm quyền"
WITHDRAWN = "Đã rút"

#: PetitionEvent.action → what the petition's history says
EVENT_LABELS = {
    "created": "Tiếp nhận",
    "assigned": "Giao đơn vị",
    "reassigned": "Giao lại đơn vị",
    "extended": "Gia hạn",
    "answered": "Trả lời bằng văn bản",
    "closed": "Đóng",
    "reopened": "Mở lại",
    "printed": "In văn bản",
    "edited": "Sửa",
    "withdrawn": "Rút kiến nghị",
    "grouped": "Gộp nhóm",
    "ungrouped": "Tách nhóm",
    "forward_letter": "Văn bản chuyển cấp trên",
    "upper_reply": "Trả lời của cấp trên",
}

#: urgency of a petition (models.services.followup)
URGENCY_LABELS = {"late": "Quá hạn", "due_soon": "Sắp đến hạn", "on_track": "Trong hạn", "done": "Đã xong",
                  # forwarded to the upper level: not done here, waiting for its reply
                  "waiting": "Chờ cấp trên trả lời"}

#: how a citizen is named on screens, in letters and exports when no name can be shown
WITHHELD = "(giấu tên)"
NO_NAME = "(không ghi tên)"

# ── Hội nghị ───────────────────────────────────────────────────────────────────
#: planned → announced → in session → closed → minutes signed → conclusions issued → report sent
CONFERENCE_STATUSES = {
    "planned": "Dự kiến",
    "announced": "Đã thông báo",
    "in_session": "Đang họp",
    "closed": "Đã kết thúc",
    "minutes_signed": "Đã ký biên bản",
    "conclusions_issued": "Đã ban hành kết luận",
    "report_sent": "Đã gửi báo cáo",
}

#: a legal milestone's state (models.services.milestones)
MILESTONE_STATES = {"done": "Đã xong", "late": "Quá hạn", "due_soon": "Sắp đến hạn", "pending": "Chưa đến hạn"}

# ── Cơ quan ───────────────────────────────────────────────────────────────────
#: the kinds of office, in the order offered today: the two-level local
#: government from 1/7/2025 (Law on Local Government Organisation 2025) has
#: communes and wards under the province; districts are gone, kept last for
#: offices that record their earlier years
OFFICE_KIND_CHOICES = {
    "ubnd_xa": "Ủy ban nhân dân xã",
    "ubnd_phuong": "Ủy ban nhân dân phường",
    "dang_uy_xa": "Đảng ủy xã",
    "ubnd_huyen": "Ủy ban nhân dân huyện (trước 1/7/2025)",
}
#: a word a script may type instead of the code ("--loai xa")
#: (folded, without diacritics)
OFFICE_KIND_WORDS = {"xa": "ubnd_xa", "phuong": "ubnd_phuong", "dang uy xa": "dang_uy_xa", "huyen": "ubnd_huyen"}
#: how outgoing documents are numbered
NUMBERING_CHOICES = {
    "per_year": "Một dãy số cho mọi văn bản trong năm",
    "per_kind": "Mỗi loại văn bản một dãy số",
}
NUMBERING_WORDS = {"nam": "per_year", "loai": "per_kind"}

# ── Văn bản ────────────────────────────────────────────────────────────────────
#: kind abbreviation → name shown beside it (Decree 30/2020, Appendix I)
KIND_NAMES = {
    "KH": "Kế hoạch", "TB": "Thông báo", "GM": "Giấy mời", "BB": "Biên bản",
    "BC": "Báo cáo", "QĐ": "Quyết định", "CV": "Công văn",
}

# ── Nhật ký thay đổi ───────────────────────────────────────────────────────────
#: AuditEntry.action → what a history line says
HISTORY_ACTIONS = {"create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "amend": "Điều chỉnh",
                   "issue": "Ban hành", "seal": "Niêm phong"}
#: what a history line says for the machine's own administrator account
#: ("root", "Administrator", a database superuser) instead of its English name
SYSTEM_ACCOUNT = "Quản trị máy"
SYSTEM_LOGINS = ("root", "administrator", "admin", "postgres", "system")

# ── Remedies named by a model's message (errors.UserError.remedy) ───────────────
#: code → the step, in words; screens add the key (tui/words.py SCREEN_REMEDIES),
#: the command line the command (CLI_REMEDIES)
REMEDIES = {
    "reopen": "mở lại kiến nghị",
    "edit_plan": "sửa kế hoạch",
    "pick_conference": "chọn hội nghị khác",
    "correct_document": "in lại hoặc tạo phiên bản mới của văn bản",
    "amend_minutes": "tạo phiên bản mới của biên bản",
    "reprint": "in lại văn bản",
    "set_pin": "đặt mã PIN",
    "give_pin": "nhập mã PIN",
}
CLI_REMEDIES = {
    "give_pin": "Nhập mã PIN khi được hỏi (không hiện chữ), hoặc dùng --pin-file TỆP (quyền 600).",
    "set_pin": "Đặt mã PIN bằng lệnh: doithoai user pin (cho mình) hoặc doithoai user pin SỐ.",
    "correct_document": "Lệnh: doithoai print KIND ID (in lại).",
    "reprint": "Lệnh: doithoai print KIND ID (in lại).",
}

# ── Field names (history, edit forms, messages) ────────────────────────────────
UNIT = "Đơn vị"
VILLAGE = "Thôn"
FIELD = "Lĩnh vực"
CONTENT = "Nội dung"
STATUS = "Trạng thái"
SYMBOL = "Số, ký hiệu"
SUMMARY = "Trích yếu"
ISSUED_ON = "Ngày ban hành"

#: Vietnamese names of the fields people see; others show their code name.
FIELD_LABELS = {
    "content": CONTENT, "citizen_name": "Người dân", "citizen_withheld": "Giấu tên",
    "village": VILLAGE, "field": FIELD, "unit": UNIT, "channel": "Hình thức",
    "disposition": "Hướng xử lý", "status": STATUS, "due_on": "Hạn trả lời",
    "answer_on_spot": "Nội dung trả lời tại chỗ", "answered_by": "Người trả lời",
    "answer_number": "Số văn bản trả lời", "answer_date": "Ngày trả lời", "answer_summary": "Nội dung trả lời",
    "closed_on": "Ngày đóng", "extension_reason": "Lý do gia hạn", "forwarded_to": "Chuyển đến",
    "citizen_title": "Danh xưng", "forward_number": "Số văn bản chuyển", "forward_date": "Ngày văn bản chuyển",
    "followup_on": "Ngày đôn đốc cấp trên", "upper_reply_number": "Số văn bản trả lời của cấp trên",
    "upper_reply_date": "Ngày trả lời của cấp trên", "upper_reply_summary": "Trả lời của cấp trên",
    "withdrawn_on": "Ngày rút", "withdrawn_reason": "Lý do rút",
    "title": SUMMARY, "date": "Ngày", "venue": "Địa điểm", "chair": "Chủ trì", "secretary": "Thư ký",
    "conclusions": "Kết luận", "count": "Số người", "symbol": SYMBOL, "issued_on": ISSUED_ON,
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
    # digital signatures
    "copy_form": "Hình thức sao", "organisation": "Tổ chức", "cert_serial": "Số hiệu chứng thư số",
    "cert_sha256": "Mã SHA-256 của chứng thư số", "signed_at": "Thời điểm ký",
    "source_sha256": "Mã SHA-256 của tệp được ký", "pin_hash": "Mã PIN",
    "person": "Người", "png": "Ảnh (PNG)",
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


def status_label(code: str) -> str:
    """A petition status's words (the code itself when unknown)."""
    return PETITION_STATUSES.get(code, code)


def disposition_label(code: str) -> str:
    return DISPOSITIONS.get(code, code)
