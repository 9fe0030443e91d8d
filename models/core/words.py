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
    "reminded": "Công văn đôn đốc",
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
#: kind abbreviation → name shown beside it (Decree 30/2020, Appendix I), for kinds
#: a register may hold that the program does not issue; the kinds it issues are
#: named by their entry in data/catalog/document_kinds.json (models.services.kinds)
KIND_NAMES = {"QĐ": "Quyết định"}

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
    "new_conference": "tạo hội nghị",
    "start_session": "bắt đầu phiên họp",
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
    "invitees": "Người được mời",
}


def status_label(code: str) -> str:
    """A petition status's words (the code itself when unknown)."""
    return PETITION_STATUSES.get(code, code)


class IntegrityWords:
    """What the integrity checks (doctor, reprints, seals) say about the register, the audit trail and sealed records."""
    #: register fields compared with the audit trail, and how people call them
    REGISTER_FIELDS = {
        "symbol": "Số, ký hiệu", "number": "Số", "year": "Năm", "kind": "Loại", "issued_on": "Ngày ban hành",
        "title": "Trích yếu", "signer": "Người ký", "file_path": "Tệp", "sha256": "Mã SHA-256",
        "version": "Phiên bản", "reason": "Lý do", "ref_type": "Loại hồ sơ", "ref_id": "Số hồ sơ",
        "supersedes": "Thay thế văn bản", "locked": "Khóa", "office": "Cơ quan",
    }
    #: what an audit entry is about, as people say it
    TABLES = {
        "office": "cơ quan", "unit": "đơn vị", "official": "cán bộ", "person": "người dùng", "village": "thôn",
        "field": "lĩnh vực", "recipient_list": "nơi nhận", "holiday_override": "ngày nghỉ, làm bù",
        "rule_setting": "thời hạn", "setting": "thiết lập", "outgoing_document": "văn bản", "plan": "kế hoạch",
        "conference": "hội nghị", "conference_village": "thôn dự hội nghị", "invitee": "khách mời",
        "agenda_item": "chương trình", "attendance": "điểm danh", "broadcast_slot": "lịch phát loa",
        "petition": "kiến nghị", "petition_event": "diễn biến kiến nghị", "document_text": "nội dung văn bản",
    }
    #: fields of the sealed records that the catalogue of field names (FIELD_LABELS) does not name
    SEALED_LABELS = {"detail": "Diễn giải", "action": "Việc", "at": "Thời điểm", "user": "Người làm",
                     "before": "Trước", "after": "Sau", "petition": "Kiến nghị", "kind": "Loại văn bản",
                     "ref_type": "Loại hồ sơ", "ref_id": "Số hồ sơ", "document": "Số văn bản", "version": "Phiên bản",
                     "replaces": "Thay thế", "correction": "Đính chính hay thay thế", "reason": "Lý do",
                     "signed_on": "Ngày ký", "scan_path": "Bản quét", "scan_sha256": "Mã SHA-256 bản quét",
                     "office": "Cơ quan", "seq": "Số thứ tự", "conference": "Hội nghị"}
    #: document_text fields as a refusal names them
    FIELD_WORDS = {"content": "nội dung", "status": "trạng thái", "document": "số văn bản", "kind": "loại",
                   "ref_id": "hồ sơ", "version": "phiên bản"}
    REGISTER = "Sổ văn bản đi"
    AUDIT_TRAIL = "Nhật ký thay đổi"
    COUNTED = "{register_entries} văn bản, {audit_entries} mục nhật ký, {sealed} bản ghi niêm phong, {files} tệp"
    INTACT = "nguyên vẹn ({counted})"
    CHANGED_FOUND = "PHÁT HIỆN {problems} chỗ bị sửa ngoài ứng dụng"
    FILES_MISSING = "thiếu {missing} tệp văn bản"
    REGISTER_ENTRY = "văn bản {symbol} (mục {seq} của sổ, mã {id})"
    AUDIT_ENTRY = "mục nhật ký {seq} (mã {id}: {action} {table} số {record_id}, {user}, {at:%d/%m/%Y %H:%M})"
    NOT_IN_CHAIN = "{label}: {name} không nằm trong chuỗi — được thêm vào cơ sở dữ liệu ngoài ứng dụng."
    SAME_PLACE = "{label}: {name} trùng vị trí với mục trước — được chèn vào ngoài ứng dụng."
    ONE_ENTRY = "mục {expected}"
    ENTRY_RANGE = "các mục {expected}–{last}"
    REMOVED_GAP = "{label}: thiếu {gap} — đã bị xóa ngoài ứng dụng."
    ENTRY_CHANGED = "{label}: {name} đã bị sửa ngoài ứng dụng (mã kiểm tra của mục không còn khớp nội dung"
    OR_PREVIOUS_RECOMPUTED = " hoặc mục trước nó đã bị tính lại)."
    REGISTER_REMOVED = "Sổ văn bản đi: văn bản {symbol} (mã {doc_id}) đã bị xóa khỏi sổ ngoài ứng dụng."
    REGISTER_ADDED = "Sổ văn bản đi: {name} không có trong nhật ký thay đổi — được thêm vào ngoài ứng dụng."
    REGISTER_FIELD_CHANGED = (
        "Sổ văn bản đi: {name}: trường “{label}” đã bị sửa ngoài ứng dụng: nhật ký ghi “{was}”, sổ hiện là “{now}”.")
    FILE_CHANGED = (
        "Tệp của văn bản {symbol} đã bị thay đổi sau khi ban hành: mã SHA-256 hiện tại {actual}… khác mã đã ghi "
        "{expected}… ({path}).")
    FILE_MISSING = "Không tìm thấy tệp của văn bản {symbol}: {path}."
    CHAIN_CUT = (
        "{label}: lần kiểm tra trước trên máy này chuỗi có {seq} mục, nay chỉ còn {heads} — các mục cuối đã bị xóa "
        "ngoài ứng dụng.")
    CHAIN_REWRITTEN = (
        "{label}: từ mục {seq} trở về trước chuỗi đã bị viết lại so với lần kiểm tra trước trên máy này.")
    PETITION = "Kiến nghị"
    PETITION_EVENT = "Diễn biến kiến nghị"
    ISSUED_TEXT = "Nội dung văn bản đã ban hành"
    DOCUMENT = "văn bản {symbol}"
    OF_PETITION = "của kiến nghị số {petition}: {words}"
    RECORD_NUMBER = "{name} số {record_id}"
    SIGNERS = "Người ký"
    TITLE = "Tên loại văn bản"
    SYMBOL = "Số, ký hiệu"
    DATE = "Ngày ban hành"
    LETTERHEAD = "Tên cơ quan ban hành"
    EXTRAS = "Dữ liệu kèm theo"
    NUMBER_KIND = "Loại số"
    CONTENT = "Nội dung"
    SEALED_ADDED = "{name}: {label} không có trong nhật ký thay đổi — được thêm vào cơ sở dữ liệu ngoài ứng dụng."
    SEALED_CHANGED = (
        "{name}: {label}: trường “{field}” đã bị sửa ngoài ứng dụng: nhật ký ghi “{was}”, nay là “{now}”.")
    SEALED_REMOVED = "{name}: {label} đã bị xóa khỏi cơ sở dữ liệu ngoài ứng dụng."
    SEAL_REASON = "Niêm phong khi nâng cấp: ghi nhận nguyên trạng"
    REGISTER_ENTRY_CHANGED = (
        "mục của văn bản {symbol} trong sổ văn bản đi đã bị sửa ngoài ứng dụng (mã kiểm tra không còn khớp)")
    TEXT_TRAIL_CHANGED = "nhật ký thay đổi của nội dung văn bản này đã bị sửa ngoài ứng dụng"
    RECORD = "bản ghi"
    TEXT_DIFFERS = "nội dung đã lưu của văn bản này ({fields}) khác nội dung đã niêm phong khi ban hành"


class SigningWords:
    """Digital signatures (issue 23): what signing, checking and copying say."""
    #: a signature's role (models.signatures PERSON, OFFICE, COPY) as people say it
    ROLE_NAMES = {"nguoi_ky": "người ký", "co_quan": "cơ quan", "ban_sao": "bản sao"}
    #: the form of a copy, as printed on its mark
    COPY_FORMS = {"sao-y": "SAO Y", "sao-luc": "SAO LỤC", "trich-sao": "TRÍCH SAO"}
    #: whose signature a document waits for (None: signed by all)
    WAIT_LABELS = {"nguoi_ky": "chờ người ký", "co_quan": "chờ cơ quan", None: "đã ký số"}
    MODULE_NOT_FOUND = (
        "Không thấy mô-đun PKCS#11 “{given}”. Hãy ghi đúng đường dẫn tệp .dll (Windows) hoặc .so (Linux) mà nhà "
        "cung cấp chữ ký số cài kèm token.")
    NO_MODULE = (
        "Không tìm thấy mô-đun PKCS#11 của token trên máy này. Hãy cài phần mềm của nhà cung cấp chữ ký số "
        "(VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA, NewCA…), hoặc ghi đường dẫn tệp .dll/.so bằng --pkcs11.")
    SEVERAL_MODULES = "Máy có nhiều mô-đun PKCS#11: "
    PICK_MODULE = ". Hãy chọn một bằng --pkcs11."
    NO_PKCS11 = "Bản cài đặt này thiếu phần ký số (python-pkcs11). Hãy cài lại chương trình đầy đủ."
    MODULE_NOT_LOADED = (
        "Không nạp được mô-đun PKCS#11 “{module}”. Hãy kiểm tra đó đúng là tệp mô-đun của token (cùng kiểu 32/64 "
        "bit với chương trình).")
    TOKEN_LABELLED = " có nhãn “{token}”"
    NO_TOKEN = "Không thấy token ký số{which}. Hãy cắm token (USB ký số) vào máy, đợi đèn sáng rồi thử lại"
    TOKEN_LABEL_HINT = "; nhãn token xem bằng phần mềm của nhà cung cấp."
    SEVERAL_TOKENS = "Máy đang cắm nhiều token: "
    PICK_TOKEN = ". Hãy chọn một bằng --token NHÃN."
    NO_PIN = "Chưa nhập mã PIN của token. Hãy nhập mã PIN (không hiện trên màn hình)."
    WRONG_PIN = "Mã PIN không đúng."
    NOTHING_SIGNED = " Không có gì được ký hay ghi."
    PIN_LOCKED = (
        "Token đã bị khóa mã PIN (nhập sai quá số lần cho phép). Hãy liên hệ nhà cung cấp chữ ký số để mở khóa.")
    PIN_BAD_FORM = "Mã PIN không đúng dạng (độ dài hoặc ký tự). Hãy nhập lại mã PIN của token."
    TOKEN_REMOVED = "Token vừa bị rút ra hoặc không nhận. Hãy cắm lại token rồi thử lại."
    TRIES_LOCKED = " Token đã khóa mã PIN; hãy liên hệ nhà cung cấp chữ ký số."
    TRIES_FINAL = " Chỉ còn MỘT lần thử: nhập sai lần nữa token sẽ bị khóa."
    TRIES_LOW = " Token báo còn ít lần thử; hãy kiểm tra kỹ trước khi nhập lại."
    NO_KEY_LABELLED = (
        "Token không có khóa và chứng thư số nhãn “{key_label}”. Hãy xem nhãn bằng phần mềm của nhà cung cấp, hoặc "
        "bỏ --khoa để chọn theo tên.")
    NO_SIGNING_KEY = "Token không có chứng thư số nào kèm khóa ký. Hãy dùng đúng token đã được cấp."
    SEVERAL_KEYS = "Token có nhiều chứng thư số: "
    PICK_KEY = ". Hãy chọn một bằng --khoa NHÃN."
    NOT_YET_VALID = (
        "Chứng thư số của {common_name} chưa có hiệu lực (từ {since}). Hãy dùng chứng thư số đang có hiệu lực.")
    EXPIRED = (
        "Chứng thư số của {common_name} đã hết hạn ngày {until}. Hãy gia hạn chứng thư số với nhà cung cấp rồi ký "
        "lại.")
    NOT_FOR_SIGNING = (
        "Chứng thư số “{label}” ({common_name}) không dùng để ký (không có mục đích ký số trong Key Usage). Hãy "
        "chọn chứng thư số dùng để ký.")
    UNSIGNED = "ký số: chưa ký"
    SIGNED_BY = "ký số: người ký {signer_name}, cơ quan {office}, thời điểm {signed_at}"
    NOT_SIGNED = "chưa ký"
    FILE_MISSING = "mất tệp"
    FILE_CHANGED = "tệp đã bị sửa (mã SHA-256 khác)"
    FILE_INTACT = "đúng mã SHA-256"
    SIGNED_FILE_MISSING = (
        "Văn bản {symbol} đã ký số nhưng tệp đã ký bị mất: {path}. Hãy khôi phục tệp từ bản sao lưu (tệp ban hành "
        "chưa ký vẫn còn).")
    SIGNED_FILE_CHANGED = (
        "Tệp đã ký số của văn bản {symbol} đã bị sửa (mã SHA-256 khác mã đã ghi): {path}. Không in tệp này; hãy "
        "chạy “doithoai doctor”.")
    REPRINT_SIGNED = "Văn bản đã ký số ({summary}): bản in lại là tệp đã ký, đúng mã SHA-256: {path}"
    ALREADY_SIGNED = (
        "Văn bản {symbol} đã được ký số với vai trò {name} ({signer_name}, {signed_at}). Mỗi vai trò chỉ ký một "
        "lần; văn bản sửa đổi phải ban hành phiên bản mới rồi ký lại.")
    SIGNER_UNNAMED = "người có thẩm quyền"
    PERSON_FIRST = "Văn bản {symbol} chưa có chữ ký số của người ký ({who}). Cơ quan chỉ ký sau người ký."
    WHO_IS_WORKING = (
        "Chưa biết ai đang làm việc trên máy này. Hãy chọn tên mình bằng “doithoai user use SỐ” (hoặc ở thẻ Người "
        "dùng của Danh mục).")
    ONLY_SIGNER = (
        "Chỉ người ký văn bản ({signer}) được ký số với vai trò người ký; người đang làm việc là {full_name}.")
    OFFICE_BY_CLERK = "Chữ ký số của cơ quan do văn thư ký; {full_name} là {role_label}."
    NO_ISSUED_FILE = "Văn bản {symbol} không có tệp PDF lưu khi ban hành, nên không ký số được."
    SOURCE_MISSING = (
        "Không thấy tệp {path} (tệp ban hành hoặc tệp đã ký trước đó). Hãy khôi phục tệp từ bản sao lưu rồi ký.")
    SOURCE_CHANGED = (
        "Tệp {path} đã bị sửa sau khi ghi (mã SHA-256 khác mã trong sổ), không ký được. Hãy chạy “doithoai doctor”.")
    NOT_PNG = "Ảnh chữ ký hoặc con dấu phải là tệp PNG (nền trong suốt)."
    NOT_TRANSPARENT = "Ảnh phải có nền trong suốt (PNG có kênh alpha), để không che chữ của văn bản."
    IMAGE_NOT_FOUND = "Không thấy tệp “{path}”. Hãy ghi đúng đường dẫn tệp ảnh .png."
    IMAGE = "ảnh"
    PICK_ROLE = "Hãy chọn vai trò ký: nguoi-ky (người ký) hoặc co-quan (cơ quan)."
    COPY_FORM_CODES = "Hình thức sao: sao-y, sao-luc hoặc trich-sao."
    PAGES_ONLY_EXTRACT = "Chỉ trích sao mới chọn trang; sao y, sao lục sao toàn văn bản."
    OTHER_NAME = "Chứng thư số là của “{common_name}”, không phải người ký văn bản “{printed_name}”."
    NOT_PAGES = "“{text}” không phải danh sách trang. Ghi ví dụ 1,3-4."
    BAD_RANGE = "Khoảng trang “{part}” không đúng: trang đánh số từ 1, số đầu không lớn hơn số cuối."
    PAGES_NEEDED = "Hãy ghi các trang cần trích sao, ví dụ 1,3-4."
    TOO_FEW_PAGES = "Văn bản chỉ có {pages} trang; không có trang {page}."
    TOKEN_FAILED = "Token không ký được. Hãy rút token ra cắm lại rồi thử lại; không có gì được ghi."
    ROOT_NOT_CERT = "Tệp gốc tin cậy không phải chứng thư số (PEM hoặc DER)."
    PDF_TO_VERIFY = "tệp PDF cần kiểm tra"
    NOT_PDF = "Tệp không đọc được như một tệp PDF (hỏng, hoặc không phải PDF)."
    NO_SIGNATURES = "Tệp không có chữ ký số nào."
    UNREADABLE_SIGNATURE = "không đọc được chữ ký (hỏng hoặc không theo chuẩn)"
    NOT_IN_REGISTER = (
        "Sổ văn bản đi không có văn bản số “{symbol}”. Hãy ghi số, ký hiệu như in trên văn bản (ví dụ 01/KH-UBND, "
        "05-TB/ĐU); xem bằng “doithoai register”.")


class CatalogWords:
    """The office's profile and lists (catalogue service): kinds of office, field names, refusals."""
    UBND_XA = "Ủy ban nhân dân xã"
    TM_UBND = "TM. ỦY BAN NHÂN DÂN"
    CHAIR = "CHỦ TỊCH"
    UBND_PHUONG = "Ủy ban nhân dân phường"
    UBND_HUYEN = "Ủy ban nhân dân huyện"
    DANG_UY_XA = "Đảng ủy xã"
    DU = "ĐU"
    TM_STANDING = "T/M BAN THƯỜNG VỤ"
    BI_THU = "BÍ THƯ"
    PARTY_HEADER = "ĐẢNG ỦY XÃ {place}"
    LEVEL_XA = "XÃ"
    LEVEL_PHUONG = "PHƯỜNG"
    LEVEL_HUYEN = "HUYỆN"
    UBND_HEADER = "ỦY BAN NHÂN DÂN\n{level} {place}"
    NO_SUCH_OFFICE = (
        "Không có cơ quan “{text}” trong cơ sở dữ liệu này. Các cơ quan: {listed}. Hãy chọn lại bằng: doithoai "
        "office use SỐ")
    NO_OFFICE = "Chưa có thông tin cơ quan. Hãy chạy: doithoai init"
    NONE_CHOSEN = (
        "Cơ sở dữ liệu này có {rows} cơ quan ({listed}) và máy này chưa chọn cơ quan nào. Hãy chạy: doithoai "
        "office use SỐ (hoặc ghi --co-quan SỐ).")
    BAD_KIND = "Loại cơ quan “{kind}” không hợp lệ. Chọn một trong: "
    NUMBERING_MUST_BE = "Cách đánh số phải là: "
    OR = " hoặc "
    PLACE_NAME = "Tên địa phương"
    OFFICE_EXISTS = "Cơ sở dữ liệu đã có cơ quan “{name}” (số {id}). Hãy chọn cơ quan đó bằng: doithoai office use "
    NAME = "Tên cơ quan"
    PARENT_BODY = "Cơ quan cấp trên"
    HEADER_NAME = "Tên cơ quan ở tiêu đề"
    LOCALITY = "Tên địa phương trong câu văn"
    PLACE_NAME_LINE = "Địa danh ở dòng ngày tháng"
    SIGNER_AUTHORITY = "Thẩm quyền ký"
    SIGNER_POSITION = "Chức vụ người ký"
    SIGNER_NAME = "Họ tên người ký"
    ADDRESS = "Địa chỉ"
    PHONE = "Điện thoại"
    NOT_EDITABLE = "Không sửa được trường “{key}” của cơ quan."
    TOO_LONG = (
        "{label} quá dài ({length} ký tự, tối đa {most}): dòng này in ở tiêu đề hoặc trong câu văn của mọi văn "
        "bản. Hãy rút gọn.")
    PLACE_NAME_FIELD = "Địa danh ghi ở dòng ngày tháng"
    ABBREVIATION = "Chữ viết tắt của cơ quan"
    NUMBERING_LOCKED = (
        "Sổ văn bản đi năm {year} đã có {used} văn bản, nên chỉ đổi cách đánh số từ đầu năm sau được (đổi giữa năm "
        "sẽ cấp trùng số).")
    BAD_FAMILY = "Thể thức phải là “state” (Nghị định 30) hoặc “party” (Hướng dẫn 36)."
    ALREADY_LISTED = "{label} “{name}” đã có trong danh mục. Hãy dùng tên khác."
    VILLAGE = "Thôn"
    VILLAGE_NAME = "Tên thôn, tổ dân phố"
    UNIT_NAME = "Tên đơn vị"
    FIELD_NAME = "Tên lĩnh vực"
    FULL_NAME = "Họ và tên"
    NAME_SHORT = "Tên"
    VILLAGES = "Thôn, tổ dân phố"
    DAY = "Ngày"
    BAD_DAY_KIND = "Loại ngày phải là “off” (ngày nghỉ hoán đổi) hoặc “work” (ngày làm bù)."
    NO_SUCH_RULE = "Không có quy tắc thời hạn “{key}”."
    DAYS = "Số ngày"
    BAD_RULE_UNIT = "Cách tính phải là “calendar” (ngày) hoặc “working” (ngày làm việc)."


class RolesWords:
    """People, roles, permissions and PINs (roles service)."""
    PIN_MISMATCH = "Hai lần nhập mã PIN mới không giống nhau."
    ROLES = {
        "van_thu": "Văn thư",
        "thu_ky": "Thư ký",
        "pho_chu_tich": "Phó Chủ tịch",
        "chu_tich": "Chủ tịch",
        "quan_tri": "Quản trị",
    }
    ACTIONS = {
        "issue": "ban hành văn bản (cấp số, khóa nội dung)",
        "correct": "điều chỉnh, thay thế văn bản đã ban hành",
        "catalog": "sửa danh mục và thông tin cơ quan",
        "people": "quản lý người dùng và quyền",
    }
    BAD_ROLE = "Vai trò “{value}” không có. Chọn một trong: "
    PG_NO_CHOICE = (
        "Trên máy chủ PostgreSQL, người dùng là tài khoản đăng nhập cơ sở dữ liệu; không chọn được người khác.")
    NOT_THIS_OFFICE = "Người này không thuộc cơ quan đang làm việc."
    OTHER_LOGIN = "{full_name} dùng tài khoản máy “{login}”, không phải tài khoản đang đăng nhập “{os_login}”."
    BAD_ACTION = "Không có việc “{action}”. Các việc: "
    UNKNOWN = "không rõ"
    NOT_LISTED = (
        "Tài khoản “{login}” không có trong danh sách người dùng của {name}, nên không được {action_words}. Hãy "
        "nhờ quản trị thêm bằng: doithoai user add")
    OR_USE = ", hoặc chọn tên mình bằng: doithoai user use SỐ"
    NOT_ALLOWED = (
        "Chỉ {labels} mới được {action_words}; {full_name} là {role_label}. Cơ quan có thể cho phép thêm vai trò "
        "bằng: doithoai user allow {action} VAI_TRÒ")
    NO_PIN_YET = (
        "{full_name} chưa đặt mã PIN, nên chưa được {action_words} trên máy này (máy dùng chung ai cũng chọn được "
        "tên).")
    PIN_NEEDED = "Cần mã PIN của {full_name} để {action_words}."
    WRONG_PIN = "Mã PIN không đúng. Hãy nhập lại (mã PIN là của người đang chọn trên máy này)."
    # too many wrong PINs in a row: a wait that grows (roles.PIN_FREE_TRIES)
    PIN_TRIES_LEFT = " Còn {left} lần thử trước khi phải chờ."
    PIN_WAIT_BEGINS = (" Đã sai {wrong} lần liên tiếp: phải chờ {wait} mới nhập lại được (mỗi lần sai tiếp theo "
                       "thời gian chờ tăng gấp đôi).")
    PIN_WAIT = (
        "Mã PIN của {full_name} đã bị nhập sai {wrong} lần liên tiếp, nên tạm khóa để chống đoán mã. Hãy chờ {wait} "
        "nữa (đến {until}) rồi nhập lại; mỗi lần sai tiếp theo thời gian chờ tăng gấp đôi. Tắt mở lại chương "
        "trình không rút ngắn thời gian chờ.")
    SECONDS = "{n} giây"
    MINUTES = "{n} phút"
    PG_NO_PIN = (
        "Trên máy chủ PostgreSQL, mỗi người đăng nhập bằng tài khoản và mật khẩu của mình; mã PIN chỉ dùng trên "
        "máy dùng tệp SQLite.")
    PIN_LENGTH = "Mã PIN cần từ {least} đến {most} ký tự (nên dùng ít nhất 6 chữ số)."
    GIVE_CURRENT_PIN = (
        "Hãy nhập đúng mã PIN hiện tại của {full_name}, hoặc nhờ Chủ tịch, Quản trị đặt lại bằng mã PIN của họ.")
    FIRST_PIN = (
        "{full_name} chưa có mã PIN; mã PIN đầu tiên do chính người đó đặt từ tài khoản máy của mình ({login}), "
        "hoặc do Chủ tịch, Quản trị đặt bằng mã PIN của họ.")
    NO_LOGIN = "chưa ghi tài khoản"
    PIN_NOT_CHANGED = "Không đổi được mã PIN. "
    FULL_NAME = "Họ và tên"
    LOGIN_TAKEN = "Tài khoản “{login}” đã là của {full_name}."
    ALREADY_LISTED = "“{full_name}” đã có trong danh sách người dùng."
    NO_SUCH_PERSON = "Không có người dùng “{text}” trong danh sách của {name}. Xem danh sách: doithoai user list"


class RegisterWords:
    """The register of outgoing documents as F7 and doithoai register show it: file checks, versions."""
    REF_LABELS = {"plan": "kế hoạch", "conference": "hội nghị", "minutes": "hội nghị", "petition": "kiến nghị",
                  "unit": "đơn vị", "report": "báo cáo"}
    FILE_OK = "Tệp khớp với mã SHA-256 đã ghi khi ban hành ({expected}…): {path}"
    FILE_MISSING = "Không tìm thấy tệp. Tệp phải nằm ở: {path}."
    FILE_CHANGED = (
        "Tệp đã bị thay đổi sau khi ban hành: mã SHA-256 hiện tại {actual}… khác mã đã ghi {expected}…. Tệp: {path}")
    ENTRY_CHANGED = (
        "Mục này của sổ văn bản đi đã bị sửa ngoài ứng dụng (mã kiểm tra không còn khớp), nên mã SHA-256 ghi trong "
        "sổ không còn đáng tin. Hãy chạy “doithoai doctor” để biết trường nào bị sửa. Tệp: {path}")
    NO_FILE_KEPT = "Văn bản này chỉ được ghi vào sổ, không lưu tệp PDF khi ban hành nên không có gì để kiểm tra."
    TEXT_CHANGED = ("Nội dung đã lưu: {problem}; in lại và xuất Word bị từ chối. Chạy “doithoai doctor” để biết chỗ "
                    "bị sửa, rồi khôi phục bản sao lưu còn đúng.")
    TEXT_SEALED = "Nội dung đã lưu khớp với nội dung đã niêm phong khi ban hành."
    GONE = "Không còn văn bản này trong sổ (có thể đã bị xóa ở máy khác). Hãy tải lại danh sách."
    KIND = "Loại"
    SIGNER = "Người ký"
    VERSION = "Phiên bản"
    SUPERSEDES = "Thay thế văn bản"
    SUPERSEDED_BY = "Đã được thay thế bởi"
    CHANGE_REASON = "Lý do điều chỉnh"
    ABOUT = "Văn bản về"
    REF = "{what} số {ref_id}"
    PDF_FILE = "Tệp PDF"
    NOT_KEPT = "không lưu tệp"
    SIGNATURES = "Ký số"
    SIGNATURES_PREFIX = "ký số: "
    CURRENT = "Hiện hành"
    SUPERSEDED = "Đã được thay thế"


class BoardActionWords:
    """What assigning, extending, answering, closing and reopening a petition say (F6 actions)."""
    NOT_NOW = "Kiến nghị đang ở trạng thái “{status}” nên không {doing} được. Hãy mở lại kiến nghị trước."
    UNIT_GONE = "Đơn vị đã chọn không còn trong danh mục. Hãy chọn lại."
    PICK_UNIT = "Hãy chọn đơn vị được giao trả lời."
    ASSIGNING = "giao đơn vị"
    ALREADY_ASSIGNED = "Kiến nghị đã được giao cho {name}. Hãy chọn đơn vị khác."
    EXTENDING = "gia hạn"
    NEW_DUE = "Hạn mới"
    NEW_DUE_TOO_EARLY = "Hạn mới phải sau {floor} (hạn hiện tại hoặc hôm nay). Hãy nhập một ngày muộn hơn."
    EXTENSION_REASON = "Lý do gia hạn"
    MOVED_OFF_HOLIDAY = "{why} (hạn {day} là ngày nghỉ, chuyển sang {working})"
    ANSWERING = "ghi trả lời"
    ANSWER_SYMBOL = "Số, ký hiệu văn bản"
    ANSWER_DATE = "Ngày văn bản"
    ANSWER_DATE_FUTURE = "Ngày văn bản {day} chưa tới. Hãy nhập ngày đã ký văn bản."
    ANSWER_BEFORE_RECEIVED = "Ngày văn bản {day} trước ngày nhận kiến nghị ({received}). Hãy kiểm tra lại."
    ANSWER_SUMMARY_NEEDED = "Hãy ghi tóm tắt nội dung trả lời (hiện trên bảng theo dõi và trong báo cáo)."
    ANSWER_LETTER = "Văn bản {num} ngày {day}"
    ANSWERED_DIRECTLY = "Trả lời ngày {day} (không qua công văn)"
    ALREADY_CLOSED = "Kiến nghị đã đóng rồi."
    NOTE = "Ghi chú"
    CLOSE_WHY = "Kiến nghị chưa có văn bản trả lời. Muốn đóng, hãy ghi lý do (ví dụ: công dân rút kiến nghị)."
    DONE = "Đã xong"
    NOT_CLOSED = "Kiến nghị đang được xử lý, không cần mở lại."
    REOPEN_REASON = "Lý do mở lại"
    NEW_DUE_PAST = "Hạn mới đã qua. Hãy nhập một ngày từ hôm nay trở đi."


class BoardFormWords:
    """What F6's filter (L) and export (X) forms say when what was typed cannot be used."""
    FROM_DAY = "Từ ngày"
    TO_DAY = "Đến ngày"
    END_BEFORE_START = "“Đến ngày” ({end}) trước “Nhận từ ngày” ({start}). Hãy sửa một trong hai ngày."
    NO_FOLDER = "Hãy ghi thư mục lưu tệp (ví dụ: {example})."


class DocumentFormWords:
    """What the small forms of a document say (the editor's find and replace, F7 T's record number)."""
    FIND_EMPTY = "Gõ cụm chữ cần tìm."
    NEW_ID_BAD = "Hãy ghi số (ID) của {target}, ví dụ 12: số hiện trên màn hình tương ứng."


class ConferenceWords:
    """Conferences: their forms, schedules and broadcasts (conferences service)."""
    STATION_DEFAULT = "Đài truyền thanh xã"
    DATE = "Ngày họp"
    START_TIME = "Giờ bắt đầu"
    VENUE = "Địa điểm"
    VILLAGES_NEEDED = "Hãy ghi ít nhất một thôn, tổ dân phố (cách nhau bằng dấu phẩy)."
    CHAIR_NEEDED = "Chủ trì không được để trống. Ghi mỗi người một dòng, ví dụ: Lê Văn Thành - Chủ tịch UBND xã."
    TITLE = "Tên hội nghị"
    TITLE_PREFIX = "Hội nghị đối thoại với Nhân dân "
    INVITEE_NAME = "Họ tên người được mời"
    SECRETARY = "Thư ký"
    ALREADY_HELD = "Hội nghị đã diễn ra nên không sửa lịch được nữa."
    ALREADY_ISSUED = (
        "{label} của hội nghị này đã ban hành ngày {on:%d/%m/%Y} và không ban hành lại được. Muốn in lại hoặc đính "
        "chính: in lại văn bản đó, hoặc tạo phiên bản mới (kèm lý do).")
    BROADCAST_DAYS = "Phải phát thanh ít nhất {need} ngày liên tiếp ({source})."
    LAST_BEFORE_CONFERENCE = "Ngày phát thanh cuối phải trước ngày hội nghị."
    NOT_YET_DUE = (
        "Buổi đọc ngày {day:%d/%m/%Y} chưa đến (hôm nay {today:%d/%m/%Y}); chỉ đánh dấu đã đọc sau khi đài đã đọc "
        "thông báo.")
    READ_BY = "Người đọc"
    DAYS_LABEL = "Số ngày phát"
    LAST_DAY_LABEL = "Ngày phát cuối"
    SIGNED_ON_LABEL = "Ngày ký"
    OFFICIALS = "Cán bộ, công chức"
    VILLAGE_LEADERS = "Cán bộ thôn, tổ dân phố"
    CITIZENS = "Nhân dân"


class LiveSessionWords:
    """Recording a conference as it happens (live session service)."""
    CANNOT_START = "Hội nghị đang ở trạng thái “{status_label}”, không bắt đầu lại được. Hãy chọn hội nghị khác."
    TOO_EARLY = (
        "Hôm nay là {today:%d/%m/%Y}, hội nghị này họp ngày {date:%d/%m/%Y} (còn {days} ngày). Bắt đầu phiên ghi "
        "hội nghị từ bây giờ?")
    TOO_LATE = (
        "Hội nghị này họp ngày {date:%d/%m/%Y}, đã qua {days} ngày (quá {late} ngày theo quy định của văn phòng, "
        "mục Thời hạn ở Danh mục). Vẫn bắt đầu phiên để ghi lại hội nghị?")
    NOT_IN_SESSION = "Hội nghị chưa ở trạng thái đang họp nên không kết thúc được."
    ACTUAL_START = "Giờ bắt đầu thực tế"
    ACTUAL_END = "Giờ kết thúc thực tế"
    END_BEFORE_START = "Giờ kết thúc {finish} trước giờ bắt đầu {begin}. Hãy kiểm tra lại."
    NOT_MET_YET = (
        "Hội nghị ngày {date:%d/%m/%Y} chưa họp (trạng thái: {status}), nên chưa có giờ họp thực tế để ghi. Giờ họp "
        "thực tế ghi từ khi phiên họp bắt đầu; giờ dự kiến là giờ trong lịch của hội nghị.")
    AT_TIME = "hồi {ended}"
    BUSY_ELSEWHERE = "Hội nghị này đang được sửa liên tục ở máy khác; hãy lưu lại sau ít giây."
    AGENDA_DONE = "Các mục trong chương trình đều đã diễn ra."
    NO_SUCH = "Không có {label} “{name}”. Hãy gõ vài chữ đầu của tên trong danh mục."
    PICK_DISPOSITION = (
        "Chọn hướng xử lý: 1 trả lời tại chỗ, 2 trả lời bằng văn bản, 3 chuyển cấp có thẩm quyền, 4 ghi nhận.")
    VILLAGE = "thôn"
    NO_SUCH_FIELD = "Không có lĩnh vực “{field}”. Gõ số của lĩnh vực."
    UNIT = "đơn vị"
    CONTENT_MISSING = "Hãy ghi nội dung ý kiến trước."
    UNIT_MISSING = "Ghi đơn vị trả lời bằng văn bản."
    NO_CONFERENCE = "Chưa có hội nghị để ghi."
    NOT_STARTED = "Phiên họp chưa bắt đầu."


class ValidateWords:
    """What checking typed values says: required, too long, dates, times, numbers, names from a list."""
    REQUIRED = "{label} không được để trống. Hãy nhập {lower}."
    TOO_LONG = "{label} quá dài ({length} ký tự, tối đa {max_len}). Hãy rút gọn."
    CONTENT = "Nội dung"
    DATE = "Ngày"
    DATE_REQUIRED = "{label} không được để trống. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."
    DATE_FORM = "{label} “{raw}” không đúng dạng. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026."
    DATE_UNREAL = (
        "{label} “{raw}” không có thật (tháng {month} năm {year} không có ngày {day}). Hãy kiểm tra lại ngày và "
        "tháng.")
    TIME = "Giờ"
    TIME_FORM = "{label} “{raw}” không đúng dạng. Nhập giờ:phút, ví dụ 08:00 hoặc 14:30."
    TIME_UNREAL = "{label} “{raw}” không có thật. Giờ từ 0 đến 23, phút từ 0 đến 59."
    NOT_INTEGER = "{label} phải là một số nguyên (đã nhập “{raw}”)."
    OUT_OF_RANGE = "{label} phải từ {minimum} đến {maximum} (đã nhập {n})."
    EMPTY_LIST = "(danh mục trống)"
    NAME_EMPTY = "Chưa ghi {lower}. Hãy gõ tên {lower} hoặc vài chữ đầu của tên (không dấu cũng được), ví dụ: {names}."
    AMBIGUOUS = "“{raw}” khớp với nhiều {lower}: {matches}. Hãy gõ rõ hơn."
    NO_SUCH = (
        "Không có {lower} “{raw}”. Các {lower} hiện có: {names}. Hãy chọn một tên trong danh sách hoặc thêm mới ở "
        "Danh mục.")


class PlanWords:
    """Plans (plans service): defaults, refusals."""
    CHAIR_OF = "Chủ tịch {name}"
    PARTY_SECRETARY_OF = "Bí thư {name}"
    YEAR_OF = "năm {year}"
    ISSUED_NO_EDIT = (
        "Kế hoạch đã ban hành nên không sửa trực tiếp được. Hãy tạo phiên bản mới (kèm lý do) để điều chỉnh.")
    NOT_EDITABLE = "Không sửa được trường: {join}."
    TITLE = "Trích yếu kế hoạch"
    YEAR = "Năm"
    ONLY_FIRST_DRAFT = "Chỉ bỏ được bản dự thảo đầu tiên vừa tạo; kế hoạch đã ban hành được giữ nguyên."
    CHANGE_REASON = "Lý do điều chỉnh"
    FROM_WORD_FILE = "Sửa theo tệp Word {name}"


class HistoryWords:
    """A record's history of changes, and undoing one (history service)."""
    YES = "có"
    NO = "không"
    DELETED = "(đã xóa, số {id})"
    UNKNOWN = "không rõ"
    ONLY_EDITS = "Chỉ trả lại được một lần sửa (dòng “Sửa”) của lịch sử."
    GONE = "Không còn bản ghi này để trả lại."
    CHANGED_SINCE = "Không trả lại được: sau lần sửa này, "
    CHANGED_SINCE_TAIL = " đã được sửa tiếp. Hãy sửa trực tiếp."
    NOTHING_TO_UNDO = "Lần sửa này không có ô nào để trả lại."
    #: a line of the petition's own history (diễn biến) for U in a history
    UNDONE = "Trả lại lần sửa lúc {at:%H:%M %d/%m/%Y}: {changes}"


class LockWords:
    """Why an issued or signed record cannot be changed (locks)."""
    DOCUMENT_ISSUED = (
        "Văn bản {symbol} đã vào sổ văn bản đi nên không sửa trực tiếp được. Hãy tạo phiên bản mới (kèm lý do điều "
        "chỉnh).")
    MINUTES_SIGNED = (
        "Biên bản hội nghị ngày {date} đã ký nên không sửa được {what}. Muốn sửa biên bản: tạo phiên bản mới của "
        "biên bản (đính chính hoặc thay thế, kèm lý do).")
    ISSUED_NO_EDIT = (
        "Văn bản đã ban hành nên không sửa trực tiếp được. Hãy tạo phiên bản mới (kèm lý do) để điều chỉnh.")
    THIS_CONFERENCE = "hội nghị này"
    STATUS_BEFORE_SIGNING = "trạng thái về trước khi ký"
    MINUTES_CONTENT = "nội dung đã ghi trong biên bản"
    PETITIONS_RECORDED = "ý kiến, kiến nghị đã ghi"
    ATTENDANCE_AGENDA = "thành phần, chương trình, điểm danh"


class StatisticsWords:
    """The headings of the petition statistics (report, export)."""
    UNKNOWN = "(chưa xác định)"
    BY_FIELD = "Theo lĩnh vực"
    BY_UNIT = "Theo đơn vị được giao"
    BY_VILLAGE = "Theo thôn, tổ dân phố"
    VILLAGES = "Thôn, tổ dân phố"
    NO_UNIT = "(không giao đơn vị)"
    TOTAL = "Tổng cộng"


class FollowupWords:
    """How much time a petition has left."""
    DUE_SOON_RULE = "{due_soon} ({days} ngày làm việc)"
    WORKING = " làm việc"
    TODAY = "hôm nay"
    DAYS_LEFT = "còn {days} ngày{unit}"
    DAYS_LATE = "trễ {days} ngày{unit}"
    MORE_THAN = "hơn "


class NumberingWords:
    """Refusals when a number is taken from the register."""
    TITLE_REQUIRED = "Trích yếu văn bản không được để trống."
    NUMBER_RACE = "Không lấy được số văn bản vì nhiều máy cùng cấp số. Hãy thử lại."


class RescueWords:
    """What a rescue file holds, named for people."""
    NO_NAME = "người không ghi tên"
    PETITION_OF = "ý kiến của {who}: “{short}”"
    PETITION_TYPING = "ý kiến đang gõ dở: “{short}”"
    PETITION_REFUSED = "ý kiến chưa ghi được, đang giữ lại: “{short}”"
    SESSION_PLACE = "chỗ đang ghi trong phiên họp"
    EDITOR_TEXT = "nội dung đang sửa trong màn hình soạn văn bản: “{short}”"
    OTHER_CHANGE = "một thay đổi khác chưa lưu"


class StorageWords:
    """Why something typed was not saved (disk, database), and that it is kept."""
    DISK_FULL = (
        "Ổ đĩa đã đầy nên nội dung vừa nhập chưa được lưu vào cơ sở dữ liệu. Nội dung vẫn được giữ trong chương "
        "trình (đừng tắt máy); hãy xóa bớt tệp để giải phóng dung lượng — chương trình sẽ tự lưu lại.")
    READ_ONLY = (
        "Cơ sở dữ liệu đang ở chế độ chỉ đọc (ổ đĩa, USB hoặc thư mục chia sẻ không cho ghi) nên nội dung vừa nhập "
        "chưa được lưu. Nội dung vẫn được giữ trong chương trình; khi ghi lại được, chương trình sẽ tự lưu.")
    BUSY = (
        "Cơ sở dữ liệu đang bận (một máy hoặc cửa sổ khác đang ghi) nên nội dung chưa được lưu. Nội dung vẫn được "
        "giữ; chương trình sẽ tự lưu lại sau ít giây.")
    CONNECTION_LOST = (
        "Mất kết nối tới máy chủ cơ sở dữ liệu nên nội dung chưa được lưu. Nội dung vẫn được giữ; hãy kiểm tra "
        "mạng và máy chủ — chương trình sẽ tự lưu lại khi kết nối được.")
    DATABASE_GONE = (
        "Tệp cơ sở dữ liệu đã bị xóa hoặc bị thay bằng tệp khác trong khi chương trình đang mở nên nội dung vừa "
        "nhập không được ghi vào đó. Nội dung được giữ trong tệp cứu hộ; hãy thoát chương trình, kiểm tra tệp cơ "
        "sở dữ liệu (hoặc khôi phục bản sao lưu) rồi mở lại: chương trình sẽ đề nghị ghi lại nội dung đó.")
    IO_ERROR = (
        "Lỗi đọc ghi ổ đĩa nên nội dung chưa được lưu. Nội dung vẫn được giữ; hãy kiểm tra ổ đĩa (chạy: doithoai "
        "doctor) — chương trình sẽ thử lưu lại.")


class PetitionWords:
    """Refusals when a petition is recorded (petitions service)."""
    BAD_CHANNEL = "Hình thức “{channel}” không hợp lệ."
    BAD_DISPOSITION = "Hướng xử lý “{disposition}” không hợp lệ."
    CONTENT_REQUIRED = "Nội dung ý kiến không được để trống. Hãy ghi tóm tắt ý kiến của người dân."
    UNIT_REQUIRED = "Ý kiến trả lời bằng văn bản phải giao cho một đơn vị. Hãy chọn đơn vị."
    FORWARD_TO_REQUIRED = "Hãy ghi cơ quan có thẩm quyền được chuyển đến."


class IssuedFileWords:
    """Writing an issued document's file."""
    NOT_WRITTEN = "Không ghi được tệp “{path}”: {os_reason}."
    NOT_RENAMED = (
        "Văn bản đã ban hành nhưng chưa đặt được tên tệp “{path}”: {os_reason}. Lần mở chương trình sau sẽ hoàn "
        "tất việc này.")
    FINISHED = "Hoàn tất tệp văn bản đã ban hành: {final}"
    REMOVED_TEMP = "Xóa tệp tạm còn lại sau lần ghi bị ngắt: {tmp}"


class RecordWords:
    """Two people saving the same record."""
    SOMEONE_ELSE = "người khác (hoặc cửa sổ khác) "
    SAVED_BY_OTHER = "Bản ghi này vừa được {who}lưu lúc {updated_at:%H:%M:%S %d/%m/%Y}"
    NOT_SAVED = ". Thay đổi của bạn chưa được lưu."
    GONE = "Không còn bản ghi này (đã bị xóa, hoặc thuộc cơ quan khác). Hãy tải lại danh sách."
    YES = "có"
    NO = "không"


class AgendaWords:
    """A conference's agenda, typed one item a line."""
    MISSING_CONTENT = "Dòng {n}: thiếu nội dung của mục."
    BAD_MINUTES = "Dòng {n}: số phút “{minutes}” không đúng. Ghi một số, ví dụ: Khai mạc {sep} Chủ tịch UBND {sep} 10"
    STARTED = "Chương trình đã bắt đầu trong phiên họp nên không sửa được nữa."


class PgSecurityWords:
    """Setting up a shared PostgreSQL server (doithoai admin)."""
    PG_ONLY = (
        "Lệnh này chỉ dùng cho cơ sở dữ liệu PostgreSQL dùng chung. Hãy ghi --db "
        "postgresql://quản_trị@máy_chủ/tên_csdl.")
    NEEDS_OWNER = (
        "Hãy chạy lệnh này bằng tài khoản quản trị, chủ sở hữu các bảng của Đối thoại (tài khoản đã tạo cơ sở dữ "
        "liệu), không phải tài khoản của nhân viên.")
    BAD_LOGIN = (
        "Tên đăng nhập “{login}” không dùng được: chỉ chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng "
        "chữ, tối đa 63 ký tự (ví dụ: kykhang_vanthu).")


class SearchWords:
    """Searching petitions."""
    NO_TRGM = (
        "Máy chủ PostgreSQL chưa có phần mở rộng pg_trgm nên tìm kiếm kiến nghị chạy chậm (vẫn đúng). Hãy nhờ quản "
        "trị máy chủ chạy lệnh sau trong cơ sở dữ liệu này rồi mở lại chương trình: CREATE EXTENSION pg_trgm;")
    NO_INDEX = "Chưa có chỉ mục tìm kiếm kiến nghị. Hãy mở lại chương trình để tạo."


class UsualUnitWords:
    """The unit that usually answers a field."""
    NOT_THIS_OFFICE = "Lĩnh vực này không thuộc cơ quan đang làm việc."
    NO_SUCH_UNIT = "Không có đơn vị này trong danh mục. Hãy chọn trong danh sách."


class WordingWords:
    """The office's own wording of documents (recipients and the like)."""
    NO_SUCH_ITEM = "Không có mục “{key}”."
    TOO_LONG = "Nội dung dài quá {most} ký tự. Hãy rút gọn."


class PlanImportWords:
    """Importing a plan from a .txt or .docx file: refusals, and the notes of what to check."""
    ONLY_TXT_DOCX = ("Không nhập được tệp “{name}”: chỉ nhận tệp .txt hoặc .docx. "
                     "Với tệp .doc cũ, hãy mở bằng Word và lưu lại thành .docx.")
    UNKNOWN_ENCODING = (
        "Không đọc được chữ trong tệp “{name}”: bảng mã của tệp không rõ (có thể là bảng mã cũ TCVN3 hay VNI, "
        "hoặc tệp không phải văn bản), nhập vào sẽ thành chữ lỗi. Hãy mở tệp và lưu lại với bảng mã Unicode "
        "UTF-8 (Notepad, Word: Lưu thành… chọn UTF-8), rồi nhập lại.")
    OLD_DOC = ("Tệp “{name}” là tệp Word cũ (.doc) mang đuôi .docx. Hãy mở bằng Word, chọn Lưu thành "
               "“Tài liệu Word (.docx)”, rồi nhập tệp mới.")
    NOT_WORD = ("Tệp “{name}” không phải tệp Word (.docx) đọc được: tệp có thể bị hỏng hoặc chép chưa hết. Hãy thử "
                "mở bằng Word; nếu mở được, lưu lại thành .docx rồi nhập lại, nếu không hãy chép lại tệp từ nơi gửi.")
    BROKEN_WORD = ("Tệp Word “{name}” bị hỏng bên trong (thiếu hoặc sai phần nội dung) nên không đọc được. Hãy mở "
                   "bằng Word (Word thường tự sửa được), lưu lại thành .docx rồi nhập lại.")
    NOT_FOUND = "Không tìm thấy tệp “{path}”. Hãy kiểm tra đường dẫn."
    NOTHING_READ = "Tệp “{name}” không có nội dung kế hoạch nào đọc được."
    # what is left out, after "Đã bỏ "
    PARTY_STAR = "dấu “*” dưới tên cơ quan Đảng (thể thức, bản in tự có)"
    TYPED_RULE = "dòng kẻ gõ tay “{text}”"
    TRAILER = "dòng ghi vết của trình soạn thảo “{text}”"
    PAGE_NUMBER = "số trang còn sót khi chép từ tệp PDF"
    HEADER_TABLE_LINE = "dòng “{text}” ở bảng đầu văn bản (phần đầu do phần mềm in theo cơ quan)"
    DROPPED = "Đã bỏ {why}."
    DROPPED_LINES = "Đã bỏ {why} ({count} dòng)."
    # the notes
    TAIL_KEPT = "Một số dòng cuối tệp không nhận ra được, đã để lại cuối phần nội dung: {lines}"
    NUMBERING_ALIGNED = ("Đã thống nhất kiểu chữ của {count} mục đánh số để các mục cùng cấp in giống nhau "
                         "(tiêu đề hoặc đoạn văn).")
    NO_TITLE = "Không thấy tiêu đề “KẾ HOẠCH” và trích yếu; hãy nhập trích yếu."
    LOWER_PEOPLE = ("Tệp viết “nhân dân” chữ thường ở {count} chỗ (đầu tiên: “…{where}…”); văn bản viết hoa "
                    "“Nhân dân” khi chỉ người dân. Chữ được giữ như trong tệp: hãy sửa trong nội dung nếu cần.")
    FRONT_LOWER = ("Tên đúng là “Ban Công tác Mặt trận”, tệp viết “Ban công tác Mặt trận” ở {count} chỗ "
                   "(đầu tiên: “{where}…”). Chữ được giữ như trong tệp: hãy sửa trong nội dung nếu cần.")
    OFFICE_SIGNER = "Tệp không ghi người ký: lấy người ký của cơ quan ({signer})."
    OFFICE_SIGNER_NAME = "Tệp không ghi họ tên người ký: lấy họ tên {position} của cơ quan ({name})."
    DAY_BLANK = ("Ngày ban hành để trống trong tệp (tháng {month:02d} năm {year}); giữ tháng, "
                 "ngày sẽ ghi khi ban hành.")
    DATE_NOT_REAL = "Ngày ghi trong tệp không có thật; để trống ngày ban hành."


class PetitionEditWords:
    """Correcting, withdrawing, grouping and following up a recorded petition."""
    #: fields a correction may change that FIELD_LABELS does not name the way the history does
    CITIZEN_TITLE = "Danh xưng"
    CITIZEN_NAME = "Người nêu"
    CITIZEN_WITHHELD = "Giấu tên"
    CITIZEN_ADDRESS = "Địa chỉ"
    CITIZEN_PHONE = "Điện thoại"
    CHANNEL = "Hình thức"
    DISPOSITION = "Hướng xử lý"
    ANSWERED_BY = "Người trả lời"
    FORWARDED_TO = "Chuyển đến"
    FORWARD_NUMBER = "Số văn bản chuyển"
    FORWARD_DATE = "Ngày văn bản chuyển"
    FOLLOWUP_ON = "Ngày đôn đốc"
    YES = "có"
    NO = "không"
    CHOOSE_DISPOSITION = "Chọn một hướng xử lý."
    CHOOSE_CHANNEL = "Chọn một hình thức tiếp nhận."
    CHOICE_GONE = "{label} đã chọn không còn trong danh mục. Hãy chọn lại."
    NO_SUCH_NAME = "Không có {label} “{value}” trong danh mục. Hãy gõ vài chữ đầu của tên."
    WITHDRAWN_NO_EDIT = "Kiến nghị đã rút; không sửa được. Xem lịch sử trong chi tiết."
    NOTHING_CHANGED = "Không có gì thay đổi. Sửa một ô rồi lưu, hoặc Esc để thôi."
    TITLE_CHOICES = "Danh xưng là “Ông”, “Bà” hoặc để trống."
    CONTENT_EMPTY = "Nội dung ý kiến không được để trống."
    IN_WRITING_NEEDS_UNIT = "Ý kiến trả lời bằng văn bản phải giao cho một đơn vị. Hãy chọn đơn vị."
    FORWARDED_NEEDS_AUTHORITY = "Hãy ghi cơ quan có thẩm quyền được chuyển đến."
    ALREADY_WITHDRAWN = "Kiến nghị này đã rút rồi."
    WITHDRAW_REASON = "Lý do rút"
    GROUP_TARGET_GONE = "Ý kiến được chọn để gộp không còn nữa. Hãy chọn lại."
    GROUP_WITH_ITSELF = "Không gộp một ý kiến với chính nó."
    GROUPED_WITH = "Gộp với ý kiến số {target} (cùng nội dung)"
    UNGROUPED_FROM = "Tách khỏi nhóm của ý kiến số {old}"
    NOT_ANSWERED = "chưa trả lời"
    CANDIDATE = "Số {number} · {where} · {village} · {citizen}: {content} — {answer}"
    NOT_FORWARDED = "Kiến nghị này không chuyển cấp có thẩm quyền."
    LETTER_NUMBER = "Số văn bản"
    FORWARD_LETTER = "Văn bản chuyển {number} ngày {day}"
    NOT_AWAITING_UPPER = "Kiến nghị đang ở trạng thái “{status}”, không phải đang chờ trả lời của cấp trên."
    REPLY_DATE = "Ngày văn bản trả lời"
    REPLY_DATE_FUTURE = "Ngày văn bản {day} chưa tới. Hãy nhập ngày đã ký văn bản."
    REPLY_SUMMARY_EMPTY = "Hãy ghi tóm tắt trả lời của cấp trên."
    UPPER_REPLY = "Văn bản {number} ngày {day}"


class FileWords:
    """Files people name or the app writes: exports, backups, issued documents; refusals to overwrite."""
    BACKUP_COPY = "bản sao cơ sở dữ liệu"
    PDF_FILE = "tệp PDF"
    WORD_FILE = "tệp Word"
    EXCEL_FILE = "tệp Excel"
    CSV_FILE = "tệp CSV"
    CONFIG_FILE = "tệp cấu hình"
    LIVE_DATABASE = "cơ sở dữ liệu Đối thoại đang làm việc (không phải bản sao lưu)"
    EXISTS_USE_FLAG = (
        "Đã có {label} “{path}”. Muốn thay bằng tệp mới thì ghi thêm --ghi-de (hoặc trả lời “c” khi được hỏi); nếu "
        "không, hãy chọn tên khác.")
    EXISTS_ASK = "Đã có {label} “{path}”. Thay bằng tệp mới?"
    IS_LIVE_DATABASE = "“{path}” là cơ sở dữ liệu đang dùng; không bao giờ ghi đè lên nó. Hãy chọn tên tệp khác."
    WRONG_SUFFIX = (
        "Tệp “{path}” có đuôi {suffix}, không phải {label} ({suffixes}). Không ghi đè; hãy chọn tên tệp có đuôi "
        "đúng.")
    CANNOT_CHECK = "Không kiểm tra được “{path}”: {os_reason}."
    IS_FOLDER = "“{path}” là một thư mục. Hãy ghi tên tệp, ví dụ {example}."
    NOT_REGULAR = (
        "“{path}” không phải tệp thông thường (thiết bị, ống dẫn…); không ghi vào đó. Hãy chọn một tệp trong thư "
        "mục.")
    IS_SQLITE = "“{path}” là một cơ sở dữ liệu SQLite; không ghi đè lên nó. Hãy chọn tên tệp khác."
    OTHER_PROGRAM_FILE = "tệp của chương trình khác"
    IS_OTHER = "“{path}” là {other}, không phải {label}; không ghi đè lên nó. Hãy chọn tên tệp khác."
    ISSUED_EXISTS = (
        "Đã có tệp “{name}” trong “{parent}”; không ghi đè văn bản đã ban hành. Hãy kiểm tra sổ văn bản đi và thư "
        "mục văn bản.")
    NOT_WRITTEN = "Không ghi được tệp “{path}”: {os_reason}."
    NOT_READ = "Không đọc được {what} “{path}”: {os_reason}."
    NOT_A_FILE = "“{path}” không phải một tệp thường ({what}). Hãy chọn đúng tệp."
    TOO_BIG = "{upper}{what} “{path}” quá lớn ({size} KB, tối đa {most} KB). Hãy kiểm tra đúng tệp chưa."


class BackupWords:
    """Backups and restoring them."""
    PG_NO_BACKUP = (
        "Cơ sở dữ liệu đang dùng là máy chủ PostgreSQL ({target}). Việc sao lưu do máy chủ đảm nhận: người quản "
        "trị máy chủ cần chạy pg_dump định kỳ (ví dụ: pg_dump -Fc -f doithoai.dump TÊN_CSDL) và khôi phục bằng "
        "pg_restore. Lệnh này chỉ sao lưu tệp SQLite trên máy này.")
    BACKUP_LABEL = "{path} (sao lưu lúc {made_at:%H:%M ngày %d/%m/%Y})"
    STOPPED_QUITTING = "Đã dừng sao lưu vì chương trình đang thoát."
    COPY_BROKEN = (
        "Bản sao vừa tạo không đạt kiểm tra toàn vẹn ({result}). Cơ sở dữ liệu gốc có thể bị hỏng; hãy chạy: "
        "doithoai doctor")
    FAILED_TO = "Không {what}: {os_reason}."
    NO_SOURCE = "Không có tệp cơ sở dữ liệu “{src}” để sao lưu."
    ONTO_ITSELF = "“{target}” là cơ sở dữ liệu đang dùng; không sao lưu đè lên chính nó."
    OPEN_ELSEWHERE = (
        "“{target}” là cơ sở dữ liệu đang được mở ở một cửa sổ Đối thoại khác; không sao lưu đè lên nó. Hãy chọn "
        "nơi lưu khác, hoặc đóng cửa sổ đó trước. Không có gì bị thay đổi.")
    NOT_BACKED_UP = "Không sao lưu được “{src}”: {os_reason}. Hãy chạy: doithoai doctor"
    WRITE_INTO = "ghi được bản sao vào “{parent}”"
    NO_FILE = "Không có tệp “{path}”."
    NOT_SQLITE = "Tệp “{path}” không phải cơ sở dữ liệu SQLite."
    BROKEN = "Tệp “{path}” bị hỏng (kiểm tra toàn vẹn: {join})."
    NOT_OURS = "Tệp “{path}” không phải cơ sở dữ liệu của Đối thoại (thiếu bảng lược đồ)."
    NEWER = (
        "Tệp “{path}” được tạo bởi phiên bản mới hơn (lược đồ {version}). Hãy cập nhật phần mềm trước khi khôi "
        "phục.")
    NO_OFFICE = "Tệp “{path}” chưa có thông tin cơ quan nào, không dùng để khôi phục được."
    UNREADABLE = "Tệp “{path}” không đọc được như cơ sở dữ liệu ({os_reason})."
    NO_GOOD_BACKUP = (
        "Không tìm thấy bản sao lưu tự động nào còn tốt trong “{backup_folder}”. Nếu có bản sao ở nơi khác (USB), "
        "khôi phục bằng: doithoai restore TỆP_SAO_LƯU")
    NEWEST_GOOD = (
        "Bản sao lưu mới nhất còn tốt: {label}. Để khôi phục, chạy: doithoai restore --newest   (hoặc: doithoai "
        "restore \"{path}\")")
    SAME_AS_LIVE = "Tệp sao lưu chính là cơ sở dữ liệu đang dùng; không cần khôi phục."
    RESTORE_INTO = "khôi phục được vào “{dest}”"


class DatabaseWords:
    """Opening the database: what is wrong with a file, a folder, a server or a lock."""
    IS_FOLDER = "“{path}” là một thư mục, không phải tệp cơ sở dữ liệu. Hãy chỉ ra đường dẫn tới tệp .sqlite3."
    NOT_SQLITE = (
        "Tệp “{path}” không phải là cơ sở dữ liệu của Đối thoại (không phải SQLite). Tệp không bị sửa. Hãy kiểm "
        "tra lại đường dẫn, hoặc khôi phục từ bản sao lưu bằng lệnh: doithoai restore TỆP_SAO_LƯU")
    NO_DATA_FOLDER = (
        "Không tạo được thư mục dữ liệu “{folder}”: {os_reason}. Hãy chọn thư mục khác bằng --db hoặc cấp quyền "
        "ghi.")
    DATA_FOLDER_READ_ONLY = (
        "Thư mục dữ liệu “{folder}” chỉ cho đọc, không tạo được cơ sở dữ liệu. Hãy cấp quyền ghi cho thư mục hoặc "
        "chọn nơi khác bằng --db.")
    UNSUPPORTED_URL = (
        "Địa chỉ cơ sở dữ liệu “{describe}” không được hỗ trợ. Dùng đường dẫn tệp SQLite hoặc "
        "postgresql://người_dùng:mật_khẩu@máy/tên_csdl.")
    CORRUPT = (
        "Cơ sở dữ liệu bị hỏng (kiểm tra nhanh báo lỗi: {problem}). Tệp không bị ghi đè. Hãy khôi phục bản sao lưu "
        "mới nhất bằng lệnh: doithoai restore TỆP_SAO_LƯU")
    NO_UPGRADE_RIGHT = (
        "Tài khoản “{login}” không được phép nâng cấp lược đồ cơ sở dữ liệu lên phiên bản của phần mềm này. Hãy "
        "nhờ quản trị mở Đối thoại một lần bằng tài khoản quản trị, rồi chạy: doithoai admin pg-setup")
    NOT_ALLOWED = (
        "Tài khoản cơ sở dữ liệu này không được phép làm việc đó: dữ liệu thuộc cơ quan khác, hoặc việc chỉ người "
        "quản trị làm được (sổ văn bản đi, nhật ký thay đổi, danh sách cơ quan). Không có gì bị thay đổi.")
    NO_CONNECTION = (
        "Không kết nối được máy chủ cơ sở dữ liệu {describe}: {os_reason}. Hãy kiểm tra máy chủ PostgreSQL đang "
        "chạy, tên máy, cổng, người dùng và mật khẩu.")
    NOT_WRITABLE = (
        "Không mở được cơ sở dữ liệu “{target}” để ghi (thư mục hoặc tệp chỉ cho đọc). Hãy kiểm tra quyền ghi của "
        "thư mục dữ liệu, hoặc chọn nơi khác bằng --db.")
    NOT_READABLE = (
        "Không đọc được cơ sở dữ liệu “{target}”: {os_reason}. Tệp không bị sửa. Hãy kiểm tra ổ đĩa rồi mở lại.")
    NOT_A_DATABASE = (
        "Tệp “{target}” không đọc được như một cơ sở dữ liệu ({os_reason}). Tệp không bị sửa. Hãy kiểm tra lại "
        "đường dẫn, hoặc khôi phục từ bản sao lưu.")
    OTHER_PROGRAM = "một chương trình khác (ví dụ một công cụ xem cơ sở dữ liệu, hoặc phần mềm sao lưu)"
    OTHER_WINDOW = "một cửa sổ Đối thoại khác (trên máy này hoặc máy dùng chung thư mục)"
    LOCKED = (
        "Cơ sở dữ liệu “{target}” đang bị {who} giữ khóa nên chưa mở được. Tệp không hỏng và không bị sửa. Hãy "
        "đóng chương trình đó rồi thử lại.")
    NEWER_SCHEMA = (
        "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Đối thoại (lược đồ {have}, phiên bản này hiểu tới "
        "{current}). Hãy cập nhật phần mềm; dữ liệu không bị sửa.")
    NOT_INITIALISED = "Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy: doithoai init"
    UPGRADE_BROKE = (
        "Nâng cấp cơ sở dữ liệu lên lược đồ {version} làm hỏng liên kết giữa các bảng; đã hủy, dữ liệu giữ nguyên "
        "như trước khi nâng cấp.")
    IN_USE = (
        "Cơ sở dữ liệu “{path}” đang được mở ở một cửa sổ hoặc phiên làm việc khác của Đối thoại. Hãy đóng mọi cửa "
        "sổ Đối thoại đang dùng nó (trên máy này và các máy dùng chung thư mục) rồi chạy lại lệnh. Không có gì bị "
        "thay đổi.")
    RESTORING = (
        "Cơ sở dữ liệu “{database}” đang được khôi phục từ bản sao lưu ở một cửa sổ khác. Hãy chờ việc khôi phục "
        "xong rồi mở lại.")
    NOT_LOCKED = "Không khóa được cơ sở dữ liệu “{database}” để khôi phục: {os_reason}."
    PEEWEE_INCOMPATIBLE = (
        "Phiên bản peewee này không tương thích với cách nạp trình điều khiển PostgreSQL. Hãy cài peewee 3.17–4.x.")


class RuleWords:
    """How a deadline rule reads (Chậm nhất 5 ngày làm việc trước hội nghị)."""
    WORKING_DAYS = "ngày làm việc"
    DAYS = "ngày"
    BEFORE = "trước"
    AT_LATEST = "Chậm nhất"
    WITHIN = "Trong vòng"
    RULE_TEXT = "{prefix} {days} {unit} {when} hội nghị"
    OFFICE_DEFAULT = "văn phòng"


class DocumentFieldWords:
    """The parts of a document's text, as the editor names them."""
    SUMMARY = "Trích yếu"
    ADDRESSEES = "Kính gửi (mỗi nơi một dòng)"
    LEGAL_BASES = "Căn cứ (mỗi căn cứ một dòng)"
    BODY = "Nội dung"
    RECIPIENTS = "Nơi nhận (mỗi nơi một dòng)"
    SIGNER = "Người ký"


class OpeningWords:
    """Opening the office's database and its configuration file."""
    MISSING = "không có"
    EMPTY_FILE = "là tệp rỗng (0 byte)"
    BACKUP_NEARBY = (
        "Cơ sở dữ liệu “{path}” {state}, nhưng bên cạnh còn bản sao lưu tốt: {label}. Có thể tệp đã bị xóa, di "
        "chuyển hoặc hỏng khi mất điện. Để khôi phục, chạy: doithoai restore --newest. Nếu thật sự muốn bắt đầu "
        "một cơ quan mới, trống, hãy chạy: doithoai init --moi")
    NOT_JSON = "nội dung không đúng dạng JSON"
    CONFIG_BROKEN = "Tệp cấu hình “{cfg}” bị lỗi ({reason}). Hãy sửa hoặc xóa tệp này."


class ErrorWords:
    """An operating system's or database's error, said for people (os_reason)."""
    DISK_FULL = "ổ đĩa đã đầy; hãy giải phóng dung lượng hoặc chọn nơi khác"
    READ_ONLY = "ổ đĩa hoặc thư mục chỉ cho đọc (USB khóa ghi, thư mục chia sẻ không cho ghi)"
    NO_PERMISSION = "không có quyền (hoặc tệp đang mở trong chương trình khác); hãy kiểm tra quyền hoặc đóng tệp"
    LOCKED_BY_OTHER = "cơ sở dữ liệu đang bị một chương trình khác khóa"
    NOT_A_DATABASE = "tệp không phải cơ sở dữ liệu"
    CORRUPT = "tệp cơ sở dữ liệu bị hỏng, có thể do mất điện hoặc ổ đĩa lỗi"
    IO_ERROR = "lỗi đọc ghi ổ đĩa"
    NOT_FOUND = "không thấy tệp hoặc thư mục"
    IS_A_FOLDER = "đó là một thư mục, không phải tệp"
    NO_SERVER = "không kết nối được máy chủ cơ sở dữ liệu"
    BAD_LOGIN = "sai tên người dùng hoặc mật khẩu"
    UNKNOWN = "lỗi không rõ của hệ thống (chi tiết trong nhật ký)"


class KindsWords:
    """The document-kind registry (models/services/kinds.py): what is wrong with an entry, said at load,
    and what the command line says of the kinds."""
    WHERE = "{where}: loại văn bản “{slug}”"
    COMPOSER_UNLOADABLE = WHERE + " ghi hàm soạn “{name}”, không nạp được ({reason})."
    COMPOSER_MISSING = WHERE + " ghi hàm soạn “{name}”, không có hàm đó."
    FIELDS_WRONG = WHERE + ": {what}."
    LACKING = "thiếu {fields}"
    UNKNOWN = "lạ {fields}"
    TARGET_WRONG = WHERE + " nói về “{target}”; chỉ được: {allowed}."
    NO_COMPOSER = ("{where}: loại văn bản có số “{slug}” ({number_kind}) không có hàm soạn (composer); văn bản có "
                   "số không được in như giấy tờ làm việc.")
    EFFECT_UNKNOWN = WHERE + " đóng việc “{effect}” không có; chỉ có: {allowed}."
    EFFECT_WRONG = WHERE + ", việc “{effect}”: {problem}."
    PAPER_CLOSES = "{where}: giấy tờ làm việc “{slug}” không ban hành nên không đóng việc gì."
    NO_REVISE = (WHERE + " có nội dung là chính {record} (record_text) nhưng không ghi hàm tạo phiên bản mới "
                 "(revise); văn bản đã ban hành phải sửa được bằng một phiên bản mới.")
    RECORD_TEXT_TWICE = WHERE + ": đã có loại “{other}” lấy nội dung từ chính {record}."
    EDITED_WITH_RECORD = "{name} được soạn và sửa ở màn hình {name}, không ở màn hình soạn văn bản."
    RECORD_GONE = "Không còn {record} mang số {symbol}."
    REPEATED = WHERE + " đã có."
    NO_SUCH_KIND = "Không có loại văn bản “{slug}”. Các loại: {kinds}."
    ID_HELP = "ID là số của {targets}, hiện trên màn hình tương ứng."
    OR = " hoặc "

    UNTITLED = "Công văn"


class PrivacyWords:
    """Keeping the name of a citizen who asked to stay unnamed."""
    KEEP_NAMES_LABEL = "Giữ tên người giấu tên trong hồ sơ nội bộ"


class PrinterWords:
    """Sending a PDF to the printer."""
    FILE_MISSING = "Không thấy tệp “{path}” để in."
    NO_PRINTER = "Máy chưa có máy in hoặc chương trình đọc PDF để in ({strerror}). Tệp PDF vẫn được giữ tại: {path}"
    SENT_DEFAULT = "Đã gửi “{name}” tới máy in mặc định."
    NO_CUPS = "Máy này chưa cài hệ thống in (không có lệnh lp của CUPS). Tệp PDF vẫn được giữ tại: {path}"
    SEND_FAILED = "Không gửi được lệnh in ({exc}). Tệp PDF vẫn được giữ tại: {path}"
    ERROR_CODE = "mã lỗi {code}"
    PRINTER_NAMED = "máy in “{printer}”"
    DEFAULT_PRINTER = "máy in mặc định"
    NOT_PRINTED = (
        "Không in được trên {where}: {reason}. Hãy kiểm tra máy in đã bật và đã khai báo (lpstat -p). Tệp PDF vẫn "
        "được giữ tại: {path}")
    SENT = "Đã gửi “{name}” tới máy in{printer}. {job}"


class FontWords:
    """The fonts documents are printed in."""
    FONT_LINE = "Phông chữ: {family} ({source})"
    SYSTEM = "hệ thống"
    NO_FONT = (
        "Không tìm thấy phông chữ tiếng Việt nào (Times New Roman, Liberation Serif, DejaVu Serif) và thiếu gói "
        "fontpkg-noto-serif. Hãy cài Times New Roman hoặc chạy: pip install fontpkg-noto-serif")
    NOTO_SOURCE = "cắt từ gói fontpkg-noto-serif"
    FONT_BROKEN = (
        "Không dùng được phông chữ {family} ({exc}). Hãy cài lại phông chữ, hoặc đặt DOITHOAI_FONT=noto để dùng "
        "Noto Serif.")


class PaperWords:
    """Documents on paper, issue 22: the citizen's title, the register printed, the
    version of a reprint, a fallback font, table totals, village leaders; and the
    fixed lines every document prints (Decree 30/2020 App. I; HD 36-HD/VPTW), the
    same in the PDF and the Word file."""
    NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    MOTTO = "Độc lập - Tự do - Hạnh phúc"
    PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
    RECIPIENTS_HEAD = "Nơi nhận:"
    DEFAULT_ARCHIVE = "Lưu: VT."
    TITLE_ONLY = "Danh xưng chỉ là “Ông”, “Bà” hoặc để trống."
    TITLE_WITHHELD = "Người kiến nghị xin giấu tên nên không ghi danh xưng."
    TITLE_SET = "Danh xưng: {title}"
    NO_TITLE = "không ghi"
    VILLAGE_LEADERS = "Cán bộ {settlements}"
    COMRADE = "Đồng chí"
    SIR_OR_MADAM = "Ông (bà)"
    CIVIL_SERVANT = "công chức {name}"
    VERSION_NTH = "bản {version}"
    REPLACES = ", thay thế số {symbol}"
    REPLACED_BY = "đã được thay thế bởi số {symbol}"
    REASON = "lý do: {reason}"
    ARCHIVE = "Lưu"
    #: the first cell of a table's total row (set in bold), lower case
    TOTAL_ROW = ("tổng cộng", "cộng", "tổng số")
    FONT_FALLBACK = ("văn bản đang in bằng phông dự phòng {family}, rộng hơn Times New Roman: dòng quốc hiệu, tên "
                     "cơ quan được in khít chữ hơn (vẫn đủ cỡ chữ quy định), số trang và chỗ xuống dòng khác bản in "
                     "trên máy có Times New Roman. Hãy cài Times New Roman, hoặc Liberation Serif (gói "
                     "fonts-liberation2 trên Debian, Ubuntu).")
    NO_INVITEES = ("Hội nghị chưa có người được mời. Hãy thêm danh sách khách mời (người hoặc nhóm) "
                   "ở màn hình Hội nghị rồi in lại giấy mời.")
    SIGNER_NOT_PRINTED = ("Không thấy tên người ký “{name}” in trên văn bản, nên không biết đặt chữ ký số ở "
                          "đâu. Văn bản phải có khối chữ ký (chức vụ, họ tên).")
    NO_WORD_FOR_PAPERS = ("Bài phát thanh, danh sách tham dự và các phiếu là giấy tờ làm việc, không có số và không "
                          "có bản Word (.docx): hãy in hoặc lưu bản PDF (lệnh print không có --docx).")
    REGISTER_FILE_TITLE = "Sổ đăng ký văn bản đi năm {year}"
    REGISTER_YEAR = "Năm {year}"
    REGISTER_SPAN = "Từ ngày {first_day} đến ngày {last_day} · Từ số {first} đến số {last}"
    REGISTER_EMPTY = "Chưa có văn bản nào được ban hành trong năm."
