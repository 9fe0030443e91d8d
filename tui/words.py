"""Screen-only words: key descriptions shown in the key bar and F1, hints under
dialogs, column headings of screens. The domain's words (statuses,
dispositions, field names, messages) are in ``models/core/words.py``; a screen says
which key helps, a model says what is wrong."""
from __future__ import annotations

# ── key descriptions (key bar, F1, Ctrl+P) ─────────────────────────────────────
CLOSE = "Đóng"
CANCEL = "Hủy"
SAVE = "Lưu"
EDIT = "Sửa"
ADD = "Thêm"
RELOAD = "Tải lại"
QUIT = "Thoát"
#: the other words of a key that opens a numbered document's editor (Ctrl+P finds it by them)
ISSUE_WORDS = "soạn, sửa, ban hành (lấy số)"
#: F2–F8 together in a narrow key bar
SCREENS = "Màn hình"
#: a key's name in a narrow key bar, where the first two words would cut a phrase
KEY_SHORT = {
    "Bắt đầu/kết thúc mục": "Mục",
    "Chọn hội nghị": "Chọn HN",
    "Kết thúc phiên": "Kết thúc",
    "Gộp ý kiến": "Gộp",
    "Danh xưng, địa chỉ, điện thoại": "Liên hệ",
    "Sửa/rút ý kiến đã ghi": "Sửa/rút",
    "Đăng ký phát biểu": "Đăng ký",
    "Mời người tiếp": "Mời tiếp",
    "Đổi hình thức": "Hình thức",
}

# ── hints under dialogs ────────────────────────────────────────────────────────
HINT_FORM = "Ctrl+S: lưu · Esc: hủy · Tab hoặc Enter: sang ô sau (Enter trong ô nhiều dòng: xuống dòng)"
#: the last stop of a form's Tab order: Enter there saves, as it says
SAVE_BUTTON = "Lưu (Enter hoặc Ctrl+S)"
#: after a save says which fields changed
UNDO_HINT = "Muốn trả lại: phím {key} (lịch sử), chọn dòng lần sửa này, phím U."
HINT_PICK = "↑ ↓: chọn · Enter: đồng ý · Esc: hủy"
HINT_FILE_PICK = ("↑ ↓: chọn · Enter: mở thư mục / chọn tệp · Ctrl+↑: thư mục cha · "
                  "Shift+Tab: gõ đường dẫn (Enter để mở) · Esc: hủy")
HINT_CONFIRM = "C: đồng ý · K hoặc Esc: không"
HINT_PIN = "Gõ mã PIN (không hiện chữ) rồi Enter · Esc: hủy. Mã PIN không được lưu ở đâu cả."
HINT_SCROLL = "↑ ↓ PgUp PgDn: cuộn · Esc: đóng"
HINT_HELP = "Esc hoặc F1: đóng"
HINT_VERSIONS = "Enter: xem phiên bản · Esc: đóng"
HINT_DETAIL = "E: sửa (mọi ô: tên, liên hệ, thôn, nội dung, hướng xử lý…) hoặc rút · Esc hoặc Enter: đóng · ↑ ↓: cuộn"

# ── column headings ────────────────────────────────────────────────────────────
#: the agenda's planned and actual times on the session screen
PLANNED = "Dự kiến"
ACTUAL = "Thực tế"

# ── which key helps, for a model's remedy (models.core.words.REMEDIES) ──────────────
SCREEN_REMEDIES = {
    "reopen": "Phím M trên màn hình Theo dõi (F6) mở lại kiến nghị.",
    "edit_plan": "Phím E trên màn hình Kế hoạch (F3) sửa kế hoạch.",
    "pick_conference": "F11 chọn hội nghị khác.",
    "correct_document": "Màn hình Văn bản (F7): chọn văn bản, R in lại, M tạo phiên bản mới.",
    "amend_minutes": "Màn hình Hội nghị (F4): B mở biên bản, rồi Ctrl+N tạo phiên bản mới.",
    "reprint": "Phím R in lại văn bản và so với bản đã ban hành.",
    "set_pin": "Danh mục (F8), thẻ Người dùng: chọn tên, phím P đặt mã PIN.",
    "give_pin": "Mã PIN được hỏi ngay trước khi ban hành, điều chỉnh.",
}


def explain(exc) -> str:
    """A model's message (what is wrong) and, when it names a remedy, the key
    that helps on screen."""
    hint = SCREEN_REMEDIES.get(getattr(exc, "remedy", None) or "")
    return f"{exc.message} {hint}" if hint else exc.message


def explain_cli(exc) -> str:
    """The same for the command line: the command that helps, never a key."""
    from models.core.words import CLI_REMEDIES

    hint = CLI_REMEDIES.get(getattr(exc, "remedy", None) or "")
    return f"{exc.message} {hint}" if hint else exc.message
