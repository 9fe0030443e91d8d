"""Screen-only words: key descriptions shown in the key bar and F1, hints under
dialogs, column headings of screens. The domain's words (statuses,
dispositions, field names, messages) are in ``models/core/words.py``; a screen says
which key helps, a model says what is wrong."""
from __future__ import annotations

# ── how a key is shown ─────────────────────────────────────────────────────────
#: Textual's key names that are not shown as themselves
_KEY_SHOWN = {"escape": "Esc", "enter": "Enter", "delete": "Del", "space": "Space", "tab": "Tab",
              "backspace": "Backspace", "home": "Home", "end": "End", "pageup": "PgUp", "pagedown": "PgDn",
              "up": "↑", "down": "↓", "left": "←", "right": "→",
              "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
              "question_mark": "?", "plus": "+", "minus": "-"}
#: a modifier in prose ("Ctrl+S") and in the narrow key bar ("^S")
_MODIFIERS = {"ctrl": ("Ctrl+", "^"), "shift": ("Shift+", "⇧"), "alt": ("Alt+", "Alt+")}


def key(name: str, short: bool = False) -> str:
    """How a key is shown, from the name a binding uses: "ctrl+s" → "Ctrl+S"
    ("^S" when short, for the key bar), "f5" → "F5", "escape" → "Esc",
    "shift+tab" → "Shift+Tab", "m" → "M". The one place a key's name is
    spelled: hints and messages render their keys with it."""
    name = name.split(",")[0].strip()
    *mods, last = name.split("+") if name != "plus" else ["plus"]
    if last in _KEY_SHOWN:
        shown = _KEY_SHOWN[last]
    elif len(last) > 1 and last[0] == "f" and last[1:].isdigit():
        shown = last.upper()
    else:
        shown = last.upper() if len(last) == 1 else last
    return "".join(_MODIFIERS[m][1 if short else 0] for m in mods) + shown


def keys(*names: str, short: bool = False) -> str:
    """Several keys that do the same, "Esc hoặc F1"."""
    return " hoặc ".join(key(n, short) for n in names)


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
HINT_FORM = (f"{key('ctrl+s')}: lưu · {key('escape')}: hủy · {keys('tab', 'enter')}: sang ô sau "
             f"({key('enter')} trong ô nhiều dòng: xuống dòng)")
#: the last stop of a form's Tab order: Enter there saves, as it says
SAVE_BUTTON = f"Lưu ({keys('enter', 'ctrl+s')})"
#: after a save says which fields changed
UNDO_HINT = "Muốn trả lại: phím {key} (lịch sử), chọn dòng lần sửa này, phím " + key("u") + "."
HINT_PICK = f"{key('up')} {key('down')}: chọn · {key('enter')}: đồng ý · {key('escape')}: hủy"
HINT_FILE_PICK = (f"{key('up')} {key('down')}: chọn · {key('enter')}: mở thư mục / chọn tệp · "
                  f"{key('ctrl+up')}: thư mục cha · {key('shift+tab')}: gõ đường dẫn ({key('enter')} để mở) · "
                  f"{key('escape')}: hủy")
HINT_CONFIRM = f"{key('c')}: đồng ý · {keys('k', 'escape')}: không"
PIN_NOT_CHECKED = "Chưa kiểm tra được mã PIN (lỗi lưu trữ). Hãy thử lại."
HINT_PIN = (f"Gõ mã PIN (không hiện chữ) rồi {key('enter')} · {key('escape')}: hủy. "
            "Mã PIN không được lưu ở đâu cả.")
HINT_SCROLL = f"{key('up')} {key('down')} {key('pageup')} {key('pagedown')}: cuộn · {key('escape')}: đóng"
HINT_HELP = f"{keys('escape', 'f1')}: đóng"
HINT_VERSIONS = f"{key('enter')}: xem phiên bản · {key('escape')}: đóng"
HINT_DETAIL = (f"{key('e')}: sửa (mọi ô: tên, liên hệ, thôn, nội dung, hướng xử lý…) hoặc rút · "
               f"{keys('escape', 'enter')}: đóng · {key('up')} {key('down')}: cuộn")

# ── column headings ────────────────────────────────────────────────────────────
#: the agenda's planned and actual times on the session screen
PLANNED = "Dự kiến"
ACTUAL = "Thực tế"

# ── which key helps, for a model's remedy (models.core.words.REMEDIES) ──────────────
SCREEN_REMEDIES = {
    "reopen": f"Phím {key('m')} trên màn hình Theo dõi ({key('f6')}) mở lại kiến nghị.",
    "edit_plan": f"Phím {key('e')} trên màn hình Kế hoạch ({key('f3')}) sửa kế hoạch.",
    "pick_conference": f"{key('f11')} chọn hội nghị khác.",
    "correct_document": f"Màn hình Văn bản ({key('f7')}): chọn văn bản, {key('r')} in lại, {key('m')} tạo phiên bản mới.",
    "amend_minutes": f"Màn hình Hội nghị ({key('f4')}): {key('b')} mở biên bản, rồi {key('ctrl+n')} tạo phiên bản mới.",
    "reprint": f"Phím {key('r')} in lại văn bản và so với bản đã ban hành.",
    "set_pin": f"Danh mục ({key('f8')}), thẻ Người dùng: chọn tên, phím {key('p')} đặt mã PIN.",
    "give_pin": "Mã PIN được hỏi ngay trước khi ban hành, điều chỉnh.",
    "start_session": f"Bắt đầu phiên họp ở màn hình Phiên họp ({key('f5')}), {key('ctrl+b')}; giờ dự kiến sửa bằng "
                     f"phím {key('e')}.",
    "new_conference": f"Tạo hội nghị ở màn hình Hội nghị ({key('f4')}).",
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


class CatalogWords:
    """Danh mục (F8): its tabs, lists, forms and messages."""
    KEY_NUMBER = "Số phím tắt"
    FULL_NAME = "Họ và tên"
    POSITION = "Chức vụ"
    POSITION_EXAMPLE = "Phó Chủ tịch UBND xã"
    UNIT_NAME = "Tên đơn vị"
    UNIT_SHORT_NAME = "Viết tắt (dùng trong số công văn)"
    UNIT_HEAD = "Người phụ trách"
    VILLAGE_NAME = "Tên thôn, tổ dân phố"
    KIND = "Loại"
    VILLAGE_KIND_EXAMPLE = "Thôn / Tổ dân phố / Khu dân cư"
    STATION = "Cụm loa truyền thanh"
    VILLAGE_LEADER = "Trưởng thôn"
    FIELD_NAME = "Tên lĩnh vực"
    IN_USE = "đang dùng"
    STOPPED = "ngừng dùng"
    OFFICIALS = "Cán bộ"
    SHORT_NAME = "Viết tắt"
    HEAD = "Phụ trách"
    #: the ID that `doithoai print don-doc ID` takes
    ID = "Mã"
    VILLAGES = "Thôn, tổ dân phố"
    NAME = "Tên"
    STATION_SHORT = "Cụm loa"
    KEY = "Phím"
    RULE_DAYS = "Số ngày — {label}"
    COUNTED_IN = "Cách tính"
    CALENDAR_DAYS = "ngày (lịch)"
    WORKING_DAYS = "ngày làm việc"
    DAY_DMY = "Ngày (ngày/tháng/năm)"
    DAY_KIND = "Loại ngày"
    DAY_OFF = "Ngày nghỉ hoán đổi"
    MAKE_UP_DAY = "Ngày làm bù"
    NOTE = "Ghi chú"
    DAY = "Ngày"
    RULES = "Thời hạn"
    MILESTONE = "Mốc"
    DAYS = "Số ngày"
    SOURCE = "Căn cứ"
    DAYS_CALENDAR = "ngày"
    HOLIDAYS = "Ngày nghỉ, làm bù"
    DAY_OFF_SHORT = "nghỉ hoán đổi"
    MAKE_UP_SHORT = "làm bù"
    WORDING_VALUE = "{label} — để trống để dùng mặc định"
    WORDING = "Nơi nhận"
    ITEM = "Mục"
    IS_DEFAULT = "Mặc định?"
    OWN = "riêng"
    DEFAULT = "mặc định"
    ROLE = "Vai trò"
    LOGIN_FIELD = "Tài khoản (đăng nhập PostgreSQL, hoặc tài khoản máy khi dùng SQLite)"
    LOGIN_PLACEHOLDER = "có thể bỏ trống trên máy dùng chung"
    HAS_PIN = " · có mã PIN"
    PEOPLE = "Người dùng"
    LOGIN = "Tài khoản"
    YES = "Có"
    NO_DEFAULT = "Không (mặc định)"
    USUAL_UNIT = "Đơn vị thường trả lời — {name}"
    WHEN_WITHHELD = " (khi công dân xin giấu tên)"
    KEEP_NO = "Không: tên không được lưu (mặc định)"
    KEEP_YES = "Có: lưu tên, nhưng không tìm, không xuất, không in được"
    USUAL_UNIT_FIELD = "{label} (đơn vị mặc định khi ghi ý kiến trả lời bằng văn bản)"
    SETTINGS = "Cài đặt"
    VALUE = "Giá trị"
    OFFICE_CHOSE = "cơ quan chọn"
    OFFICE_NAME = "Tên cơ quan"
    PARENT_BODY = "Cơ quan cấp trên (dòng đầu tiêu đề)"
    HEADER_NAME = "Tên cơ quan ở tiêu đề (mỗi dòng một hàng)"
    LOCALITY = "Tên địa phương trong câu văn"
    PLACE_NAME = "Địa danh ở dòng ngày tháng"
    ABBREVIATION = "Chữ viết tắt trong số ký hiệu"
    NUMBERING = "Cách đánh số văn bản đi"
    FAMILY = "Thể thức văn bản"
    SIGNER_AUTHORITY = "Thẩm quyền ký (TM. ỦY BAN NHÂN DÂN; Đảng ủy: T/M BAN THƯỜNG VỤ)"
    SIGNER_POSITION = "Chức vụ người ký"
    SIGNER_NAME = "Họ tên người ký"
    ADDRESS = "Địa chỉ"
    PHONE = "Điện thoại"
    FAMILY_STATE = "Nhà nước (Nghị định 30/2020/NĐ-CP)"
    FAMILY_PARTY = "Đảng (Hướng dẫn 36-HD/VPTW)"
    HELP = (
        "Danh mục là thông tin cơ quan và các danh sách dùng chung: cán bộ, đơn vị trả lời kiến nghị, thôn/tổ dân "
        "phố, lĩnh vực.\n"
        "Chọn thẻ bằng phím ← →, di chuyển bằng ↑ ↓.\n"
        f"{key('a')}: thêm mới · {key('e')} hoặc {key('enter')}: sửa · {key('x')}: ngừng dùng / dùng lại (không xóa để giữ lịch sử).\n"
        "Thẻ Thời hạn: số ngày của từng mốc (mặc định theo luật, có ghi căn cứ); E để đổi.\n"
        "Thẻ Ngày nghỉ, làm bù: ngày nghỉ hoán đổi và ngày làm bù của cơ quan (ngoài ngày lễ, Tết); X để xóa một "
        "ngày.\n"
        "Thẻ Người dùng: ai làm việc với phần mềm và vai trò của họ (văn thư, thư ký, phó chủ tịch, chủ tịch, quản "
        "trị). Ban hành, điều chỉnh văn bản đã ban hành và sửa danh mục theo vai trò.\n"
        f"{key('k')}: ảnh hiện trên chữ ký số — ở thẻ Người dùng, ảnh chữ ký tay của người đang chọn (PNG nền trong suốt, "
        "màu xanh); ở thẻ Cơ quan, ảnh con dấu (PNG nền trong suốt, màu đỏ, đúng kích thước thật).\n"
        f"{key('p')}: đặt hoặc đổi mã PIN của người đang chọn (đổi mã đã có cần mã hiện tại, hoặc mã PIN của Chủ tịch, Quản "
        "trị).\n"
        "Máy dùng tệp SQLite (không có máy chủ): ai ngồi vào máy cũng chọn được tên bất kỳ, nên ban hành và điều "
        "chỉnh văn bản hỏi mã PIN của người đó; người có quyền mà chưa đặt mã PIN thì chưa làm được. Mã PIN chỉ "
        "giữ dạng băm (scrypt, có muối), không ai đọc lại được. Vai trò và mã PIN bảo vệ những việc làm qua phần "
        "mềm, KHÔNG bảo vệ tệp dữ liệu: ai sao chép được tệp cơ sở dữ liệu (hoặc bản sao lưu) thì đọc được mọi nội "
        "dung trong đó và sửa được bằng công cụ khác (phần mềm sẽ báo khi kiểm tra: doithoai doctor). Muốn giữ "
        "kín, hãy khóa tài khoản máy và cất bản sao lưu cẩn thận. Trên máy chủ PostgreSQL, mỗi người đăng nhập "
        "bằng tài khoản riêng và máy chủ giữ quyền.\n"
        "Thẻ Cài đặt: có giữ tên người xin giấu tên trong hồ sơ nội bộ hay không (mặc định: không lưu), và đơn vị "
        "thường trả lời từng lĩnh vực (đơn vị gợi ý đầu tiên khi ghi ý kiến trả lời bằng văn bản); E để đổi.")
    TOGGLE = "Ngừng/dùng lại"
    SIGNATURE_IMAGE = "Ảnh chữ ký, con dấu"
    PIN = "Mã PIN"
    TITLE = " Danh mục"
    OFFICE = "Cơ quan"
    EDIT_PROFILE_HINT = f"\n{key('e')}: sửa thông tin cơ quan"
    CANNOT_ADD = f"Danh sách này không thêm mới được; chọn một dòng rồi bấm {key('e')} để sửa."
    ADD_TITLE = "Thêm — {title}"
    PROFILE = "Thông tin cơ quan"
    EDIT_TITLE = "Sửa — {title}"
    SEAL_IMAGE = "Ảnh con dấu của cơ quan (PNG nền trong suốt, màu đỏ, đúng kích thước)"
    SIGNATURE_OF = "Ảnh chữ ký của {full_name} (PNG nền trong suốt, màu xanh)"
    IMAGE_WHERE = "Ảnh chữ ký: chọn một người ở thẻ Người dùng; ảnh con dấu: ở thẻ Cơ quan."
    IMAGE_PATH = "Đường dẫn tệp ảnh .png"
    SAVED_WHAT = "Đã lưu: {lower}."
    PIN_WHERE = f"Mã PIN đặt ở thẻ Người dùng: chọn một người rồi bấm {key('p')}."
    PIN_AUTHORITY = (
        "Mã PIN hiện tại của người này, hoặc mã PIN của Chủ tịch, Quản trị đang làm việc (bỏ trống nếu chưa ai có)")
    PIN_NEW = "Mã PIN mới (ít nhất 4 ký tự, nên dùng 6 chữ số)"
    PIN_AGAIN = "Nhập lại mã PIN mới"
    PIN_MISMATCH = "Hai lần nhập mã PIN mới không giống nhau."
    PIN_OF = "Mã PIN của {full_name}"
    PIN_SET = "Đã đặt mã PIN của {full_name}."


class ConferencesWords:
    """Hội nghị (F4): a plan's conferences, their milestones and broadcasts, forms and messages."""
    FORM_LABELS = {
        "title": "Tên hội nghị (bỏ trống: tự đặt theo các thôn)",
        "date": "Ngày họp (ngày/tháng/năm)",
        "start_time": "Giờ bắt đầu (ví dụ 08:00)",
        "venue": "Địa điểm",
        "villages": "Thôn, tổ dân phố (cách nhau bằng dấu phẩy)",
        "chair": "Chủ trì (mỗi người một dòng: họ tên - chức vụ)",
        "secretary": "Thư ký",
        "topics": "Nội dung, lĩnh vực đối thoại (mỗi dòng một mục)",
        "invited_groups": "Thành phần mời theo nhóm (mỗi dòng một nhóm, mỗi nhóm một giấy mời)",
        "invitees": "Người được mời đích danh (mỗi dòng: Ông/Bà họ tên - chức vụ)",
    }
    ALL_DONE = "Tất cả các mốc đã hoàn thành."
    MILESTONE_LINE = "{label} — hạn {due:%d/%m/%Y} ({left}) — căn cứ: {source}"
    LATE = "⚠ QUÁ HẠN:"
    DUE_SOON = "⚠ Sắp đến hạn:"
    NEXT_MILESTONE = "Mốc tiếp theo: {line}"
    HELP = (
        "Các hội nghị của một kế hoạch (P: chọn kế hoạch khác). Bên phải: các mốc thời hạn theo luật, tính từ ngày "
        "họp, với số ngày còn lại và căn cứ pháp lý; dòng cảnh báo cho biết mốc sắp đến hạn (trong 3 ngày) hoặc đã "
        "quá hạn. Trạng thái hội nghị: Dự kiến → Đã thông báo → Đang họp → Đã kết thúc → Đã ký biên bản → Đã ban "
        "hành kết luận → Đã gửi báo cáo.\n"
        f"{key('n')}: hội nghị mới · {key('e')} hoặc {key('enter')}: sửa lịch, địa điểm, thôn, chủ trì, khách mời.\n"
        "Văn bản (mở màn hình soạn: sửa nội dung, xem PDF, xuất Word, chọn ngày và ban hành lấy số): T: thông báo "
        f"tổ chức hội nghị · {key('g')}: giấy mời · {key('b')}: biên bản · {key('k')}: thông báo kết luận · {key('c')}: báo cáo kết quả lên cấp trên.\n"
        f"{key('a')}: chương trình hội nghị (mỗi dòng: nội dung | người trình bày | số phút) và báo cáo mở đầu.\n"
        f"{key('y')}: ghi biên bản đã ký (ngày ký, có thể kèm tệp bản quét) — sau khi biên bản đã ban hành.\n"
        f"{key('l')}: in bài phát thanh và lịch phát loa · {key('f')}: in danh sách ký tên, phiếu ghi ý kiến, phiếu lấy ý kiến (giấy "
        "tờ làm việc, không lấy số).\n"
        f"{key('s')}: lập lịch phát loa (ít nhất 3 ngày liên tiếp, sáng và chiều, mỗi cụm loa) · {key('tab')}: sang bảng lịch phát "
        f"loa · {key('o')}: đánh dấu buổi đang chọn đã đọc (nhấn lại để bỏ) · {key('h')}: giờ bắt đầu, kết thúc thực tế (biên bản, "
        "báo cáo ghi theo giờ này).\n"
        "Mốc phát thanh hoàn thành khi đã đọc đủ 3 ngày liên tiếp; mốc thông báo kết luận và báo cáo hoàn thành "
        "khi văn bản được ban hành.")
    NEW = "Hội nghị mới"
    NEXT_PLAN = "Đổi kế hoạch"
    NOTICE = "Thông báo"
    INVITATIONS = "Giấy mời"
    MINUTES = "Biên bản"
    CONCLUSION = "Kết luận"
    REPORT = "Báo cáo"
    SCRIPT = "In bài phát thanh"
    FORMS = "In mẫu biểu"
    SCHEDULE = "Lập lịch phát loa"
    TICK = "Đánh dấu đã đọc"
    AGENDA = "Chương trình, báo cáo"
    TIMES = "Giờ họp thực tế"
    HISTORY = "Lịch sử"
    HISTORY_TIP = "trả lại một lần sửa"
    TITLE = " Hội nghị"
    MILESTONES = "Các mốc thời hạn"
    BROADCASTS = "Lịch phát loa (O: đánh dấu đã đọc)"
    DAY = "Ngày"
    TIME = "Giờ"
    MILESTONE = "Mốc"
    DUE = "Hạn"
    LEFT = "Còn"
    SOURCE = "Căn cứ"
    SLOT = "Buổi"
    STATION = "Cụm loa"
    READ = "Đã đọc"
    TITLE_NO_PLAN = f" Hội nghị — chưa có kế hoạch (tạo kế hoạch ở màn hình Kế hoạch, {key('f3')})"
    PLAN_NUMBER = "số {symbol}"
    DRAFT = "dự thảo"
    TITLE_PLAN = " Hội nghị — Kế hoạch năm {year} ({number}): {title}"
    PLAN_EMPTY = f"Kế hoạch này chưa có hội nghị nào. Nhấn {key('n')} để tạo hội nghị."
    NONE_YET = f"Chưa có hội nghị nào. Nhấn {key('n')} để tạo hội nghị."
    SUMMARY = (
        "\n"
        "{start_time} ngày {date:%d/%m/%Y} tại {venue} · {status_label}\n"
        "Địa bàn: {villages}\n"
        "Chủ trì: {chair} · Thư ký: {secretary}\n")
    ID_LINE = "Mã hội nghị {id} (lệnh in: doithoai print bien-ban {id})"
    NO_PLAN = f"Chưa có kế hoạch nào. Tạo kế hoạch ở màn hình Kế hoạch ({key('f3')})."
    PLAN_FIRST = f"Hãy tạo kế hoạch trước (màn hình Kế hoạch, {key('f3')})."
    NEW_TITLE = "Hội nghị mới — kế hoạch năm {year}"
    CREATED = "Đã tạo hội nghị."
    AGENDA_FIELD = "Chương trình — mỗi dòng một mục: nội dung | người trình bày | số phút"
    OPENING_REPORT = "Báo cáo khai mạc (nội dung đọc tại hội nghị)"
    AGENDA_TITLE = "Chương trình — {title}"
    AGENDA_SAVED = "Đã lưu chương trình."
    EDIT_TITLE = "Sửa hội nghị"
    SAVED = "Đã lưu hội nghị."
    HISTORY_TITLE = " Lịch sử — {title}"
    SIGNED_ON = "Ngày ký"
    SIGNED_ON_FIELD = "Ngày biên bản được ký (ngày/tháng/năm)"
    SCAN_FIELD = "Tệp bản quét biên bản đã ký (không bắt buộc)"
    SIGNED_TITLE = "Biên bản đã ký"
    SIGNED_SAVED = "Đã ghi biên bản đã ký ngày {minutes_signed_on:%d/%m/%Y}."
    ACTUAL_START = "Giờ bắt đầu thực tế (lịch: {start_time})"
    ACTUAL_END = "Giờ kết thúc thực tế (để trống nếu chưa kết thúc)"
    TIMES_TITLE = "Giờ họp thực tế (biên bản, báo cáo)"
    TIMES_SAVED = "Đã lưu giờ họp thực tế: {actual_start}"
    MAKING_PDF = "Đang tạo tệp PDF…"
    SCRIPT_PRINTED = "Đã in bài phát thanh"
    FORMS_PRINTED = "Đã in các mẫu biểu"
    PRINTED_FILES = "{label}. Tệp PDF: "
    BROADCAST_DAYS = "Số ngày phát"
    LAST_DAY = "Ngày phát cuối"
    BROADCAST_DAYS_FIELD = "Số ngày phát liên tiếp (ít nhất {consecutive_days})"
    LAST_DAY_FIELD = "Ngày phát cuối (ít nhất {days} ngày trước hội nghị)"
    SCHEDULE_TITLE = "Lập lịch phát loa (sáng và chiều, mỗi cụm loa)"
    SCHEDULED = "Đã lập lịch phát loa: {slots} buổi đọc."
    NO_SCHEDULE = f"Chưa có lịch phát loa. Nhấn {key('s')} để lập lịch."
    PICK_SLOT = f"Chọn buổi đọc bằng ↑ ↓ rồi nhấn {key('o')}."


class SessionWords:
    """Phiên họp (F5): recording a conference as it happens."""
    HELP = (
        "Ghi lại hội nghị trong khi diễn ra. Mọi thứ được lưu ngay khi gõ; mất điện hay tắt máy đột ngột chỉ mất "
        "nhiều nhất khoảng một giây gõ phím, mở lại sẽ về đúng chỗ đang ghi.\n"
        "\n"
        f"Ghi một ý kiến: gõ tên người nêu (để trống nếu không ghi tên; {key('ctrl+y')}: giấu tên) rồi {key('enter')}; gõ vài chữ đầu "
        f"tên thôn rồi {key('enter')} ({key('enter')} khi để trống: cùng thôn với ý kiến trước); gõ số lĩnh vực; gõ nội dung rồi "
        f"{key('enter')}; gõ số hướng xử lý 1–4; gõ câu trả lời (hoặc tên đơn vị, hoặc nơi chuyển) rồi {key('enter')} là ý kiến được "
        "ghi. Người trả lời giữ nguyên cho các ý kiến sau; người khác trả lời: ↓ từ ô Trả lời rồi gõ số của người "
        f"đó (ý kiến được ghi ngay) hoặc vài chữ đầu tên rồi {key('enter')}.\n"
        f"Trong một ô: ← → Home End để di chuyển, Backspace/Delete để xóa, {key('ctrl+u')} xóa cả ô, {key('tab')} nhận tên được gợi "
        "ý, ↑ ↓ chuyển ô.\n"
        f"Khi có ý kiến cũ tương tự (cùng thôn, cùng lĩnh vực), ý kiến đó và câu trả lời hiện bên dưới; {key('ctrl+g')} mở "
        "danh sách các ý kiến có thể gộp (cùng thôn và lĩnh vực trước, rồi nội dung tương tự, của hội nghị này và "
        "các hội nghị trước, kèm câu trả lời): chọn một, hoặc “Không gộp”.\n"
        f"{key('escape')}: bỏ ý kiến đang ghi dở (hỏi lại một lần: C để bỏ).\n"
        "Ý kiến không ghi được (phiên chưa bắt đầu hoặc đã kết thúc, bị khóa, lỗi cơ sở dữ liệu) khi đã gõ sang ý kiến "
        f"sau: nội dung được giữ lại, kể cả khi thoát hay mất điện; {key('ctrl+x')} lấy lại — ngay nếu ô nhập đang trống, "
        "nếu không thì ngay sau khi ghi xong ý kiến đang gõ.\n"
        f"{key('ctrl+n')}: danh xưng (Ông/Bà), địa chỉ, điện thoại của người đang nêu ý kiến (không bắt buộc); "
        f"{key('ctrl+w')}: chỉ danh xưng, mỗi lần nhấn đổi Ông → Bà → không ghi.\n"
        f"Sửa hoặc rút một ý kiến đã ghi: {key('ctrl+up')} {key('ctrl+down')} chọn dòng trong danh sách, {key('ctrl+d')} mở để sửa (ghi lý do ở ô "
        f"cuối để rút); khi chưa gõ ý kiến mới, {key('ctrl+w')} đổi danh xưng của dòng đã chọn, lưu ngay. Mọi thay đổi được "
        f"ghi vào lịch sử của ý kiến: {key('ctrl+z')} mở lịch sử của dòng đang chọn, {key('u')} trả lại một lần sửa.\n"
        f"Nếu máy không nhận phím {key('f10')}, {key('f11')}, {key('f12')} (Windows Terminal dùng {key('f11')} để phóng to màn hình), dùng {key('ctrl+k')} (kết "
        f"luận), {key('ctrl+f')} (chọn hội nghị), {key('ctrl+e')} (kết thúc phiên).")
    START = "Bắt đầu phiên"
    AGENDA = "Bắt đầu/kết thúc mục"
    ENQUEUE = "Đăng ký phát biểu"
    ATTENDANCE = "Điểm danh"
    CONCLUSIONS = "Kết luận"
    CHOOSE = "Chọn hội nghị"
    CLOSE = "Kết thúc phiên"
    GROUP = "Gộp ý kiến"
    ROW_UP = "Chọn ý kiến trên"
    ROW_DOWN = "Chọn ý kiến dưới"
    CONTACTS = "Danh xưng, địa chỉ, điện thoại"
    EDIT_RECORDED = "Sửa/rút ý kiến đã ghi"
    TITLE = " Phiên họp"
    ATTENDANCE_TITLE = f"Điểm danh ({key('f9')})"
    AGENDA_TITLE = f"Chương trình ({key('ctrl+t')})"
    QUEUE_TITLE = f"Đăng ký phát biểu ({key('ctrl+o')}, {key('ctrl+r')})"
    ITEM = "Mục"
    NUMBER = "Số"
    RAISED_BY = "Người nêu"
    HANDLING = "Xử lý"
    TITLE_NONE = f" Phiên họp — chưa có hội nghị nào. Tạo hội nghị ở màn hình Hội nghị ({key('f4')})."
    # keys typed before the conference is on screen are held, then typed into the entry
    TITLE_LOADING = " Phiên họp — đang mở hội nghị… ({n} phím đã gõ được giữ, sẽ vào ô nhập khi mở xong)"
    EARLY_KEYS_DROPPED = ("{n} phím gõ khi đang mở lại phiên họp không được ghi, vì biểu mẫu đang sửa dở được mở lại. "
                          "Hãy gõ lại trong biểu mẫu.")
    GUESTS_TOTAL = "Khách mời: {guests} · Tổng: {total}"
    QUEUE_EMPTY = "(chưa có ai đăng ký)"
    QUEUE_MORE = "\n… và {more} người nữa"
    GROUPED_HERE = " (gộp với số {head_seq})"
    GROUPED_EARLIER = " (gộp với ý kiến ngày {head_received_on:%d/%m/%Y})"
    #: a group member in the roomy list's narrow handling column: the group, not a cut disposition
    GROUPED_HERE_SHORT = "gộp với số {head_seq}"
    GROUPED_EARLIER_SHORT = "gộp, ngày {head_received_on:%d/%m/%Y}"
    TITLE_CONFERENCE = " Phiên họp — {title} — {date:%d/%m/%Y} — {status_label}"
    ITEM_RUNNING = " — mục {seq}: {elapsed} / {planned_minutes} phút"
    START_HINT = f" — {key('ctrl+b')}: bắt đầu phiên"
    RESCUE_FILE = " Tệp cứu hộ: {path}"
    KEPT_SAVED = "Đã lưu được nội dung đang giữ."
    SIMILAR = "Ý kiến tương tự ({where}):"
    DROPPED = "Đã bỏ ý kiến đang ghi."
    DROP_ASK = "Bỏ ý kiến số {number} đang ghi dở (mọi ô đã gõ)?"
    NO_CONFERENCE_TO_RECORD = f"Chưa có hội nghị để ghi. Tạo hội nghị ở màn hình Hội nghị ({key('f4')})."
    NOT_STARTED = f"Phiên họp chưa bắt đầu. Bấm {key('ctrl+b')} để bắt đầu phiên rồi ghi ý kiến."
    UNGROUPED = "Đã bỏ gộp."
    NOTHING_TO_GROUP = (
        "Không có ý kiến nào cùng thôn, lĩnh vực hoặc nội dung tương tự để gộp. Ý kiến này được ghi riêng.")
    NO_GROUP = "Không gộp (ghi riêng)"
    GROUP_WITH = f"Gộp với ý kiến nào? ({key('enter')}: chọn · {key('escape')}: không gộp)"
    CITIZEN_TITLE = "Danh xưng"
    MR = "Ông"
    MRS = "Bà"
    ADDRESS = "Địa chỉ"
    PHONE = "Điện thoại"
    CONTACTS_OF = "Liên hệ của {name}"
    NOTHING_TO_EDIT = "Chưa có ý kiến nào được ghi để sửa."
    EDIT_SAVED = "Đã lưu thay đổi vào lịch sử của ý kiến."
    GONE_PETITION = "Ý kiến này không còn nữa."
    NO_CONFERENCE = f"Chưa có hội nghị. Tạo hội nghị ở màn hình Hội nghị ({key('f4')})."
    STARTED = "Đã bắt đầu phiên họp."
    NAME_FIELD = "Họ tên (để trống nếu không ghi tên)"
    FIELD_NUMBER = "Lĩnh vực (số)"
    SLIP_FIELD = "Ý kiến bằng phiếu? (gõ c nếu có)"
    COUNT_FIELD = "{label} (số người)"
    GUESTS_FIELD = "Khách mời (mỗi dòng: Ông/Bà họ tên - chức vụ)"
    BUSY_CHOOSE = "Ý kiến đang ghi chưa xong; ghi xong rồi mới chọn hội nghị khác."
    BUSY_CLOSE = "Ý kiến đang ghi chưa xong. Ghi xong (hoặc xóa nội dung) rồi mới kết thúc phiên."
    CLOSE_ASK = (
        "Kết thúc phiên họp? Trạng thái hội nghị chuyển sang “Đã kết thúc” và biên bản được lập từ dữ liệu đã ghi.")
    MINUTES_DRAFTED = f"Đã lập dự thảo biên bản: {{path}}. Sửa và ban hành (lấy số) ở màn hình Hội nghị ({key('f4')}), phím {key('b')}."
    SEQ = "số {seq}"
    RECEIVED_ON = "ý kiến ngày {received_on:%d/%m/%Y}"
    NO_ANSWER = "(chưa có trả lời)"
    WITHHELD_PERSON = "người giấu tên"
    SOMEONE = "người nêu ý kiến"
    BRING_BACK = "Lấy lại ý kiến chưa ghi được"
    REFUSED_KEPT = ("Ý kiến “{short}” chưa ghi được: {why} Nội dung đã được giữ lại; bấm {key} để lấy lại "
                    "(sau ý kiến đang gõ).")
    REFUSED_UNEXPECTED = "có lỗi không mong đợi khi ghi vào cơ sở dữ liệu."
    REFUSED_NONE = "Không có ý kiến nào chưa ghi được để lấy lại."
    REFUSED_AFTER = "Ghi xong ý kiến số {number} đang gõ thì ý kiến chưa ghi được sẽ trở lại ô nhập."
    REFUSED_BACK = "Đã lấy lại ý kiến chưa ghi được. Còn {more} ý kiến nữa ({key})."
    REFUSED_BACK_LAST = "Đã lấy lại ý kiến chưa ghi được: sửa nếu cần rồi bấm " + key("enter") + " để ghi."
    REFUSED_WAITING = "Có {n} ý kiến chưa ghi được từ lần trước, nội dung vẫn được giữ. Bấm {key} để lấy lại."


class EditorWords:
    """The document editor (F3, F4, F7, F6): drafting, saving, issuing, new versions."""
    SIGNER_AUTHORITY = "Thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / T/M BAN THƯỜNG VỤ)"
    SIGNER_POSITION = "Chức vụ người ký"
    SIGNER_NAME = "Họ tên người ký"
    BODY_FIELD = "Nội dung (I. mục lớn · 1. mục nhỏ · - gạch đầu dòng · | a | b | bảng · **đậm**)"
    REF_ID = "mã {ref_id}"
    CONFERENCE_REF = "hội nghị ngày {date:%d/%m/%Y} — {title}"
    CITIZEN_WITHHELD = "công dân giấu tên"
    PETITION_REF = "kiến nghị của {who}: {content}"
    UNIT_REF = "đơn vị {name}"
    IN_FORCE = "đang hiệu lực"
    SUPERSEDED = "đã thay thế"
    VERSION_ISSUED = "Bản {version}: số {symbol} ngày {issued_on:%d/%m/%Y} ({state})"
    VERSION_DRAFT = "Bản {version}: đang soạn"
    SIGNED_ON = " — đã ký ngày {signed_on:%d/%m/%Y}"
    HELP = (
        "Soạn văn bản từ dữ liệu đã ghi, sửa theo ý kiến lãnh đạo, rồi ban hành.\n"
        "Nội dung viết theo dạng: “I.” mục lớn, “1.”, “2.1.” mục nhỏ, “-” gạch đầu dòng, “+” ý nhỏ, “| a | b |” "
        "một dòng bảng, **chữ đậm**, *chữ nghiêng*.\n"
        f"Chỗ “[cần điền: …]” là thông tin còn thiếu: phải điền hết mới ban hành được. {key('ctrl+l')} chọn chỗ cần điền "
        "tiếp theo; gõ luôn để thay chỗ đó bằng nội dung.\n"
        f"{key('ctrl+s')}: lưu nội dung đã sửa (lần in sau vẫn giữ) · {key('ctrl+o')}: in bản xem trước ra PDF · {key('ctrl+t')}: xuất tệp "
        f"Word (.docx) · {key('ctrl+g')}: bỏ phần đã sửa, về văn bản soạn tự động · {key('ctrl+b')}: ban hành (chọn ngày, lấy số từ "
        f"sổ văn bản đi, khóa nội dung) · {key('ctrl+n')}: phiên bản mới (đính chính hoặc thay thế) của văn bản đã ban hành "
        f"· {key('escape')}: đóng.\n"
        f"{key('ctrl+f')}: phóng to ô nội dung ra cả màn hình (bấm lần nữa để trở lại) — tiện sửa văn bản dài.\n"
        f"{key('ctrl+h')}: tìm và thay một cụm chữ trong mọi ô ({key('ctrl+z')} trong ô để hoàn tác) · {key('ctrl+home')} / {key('ctrl+end')}: về đầu / "
        "cuối ô nhiều dòng.\n"
        f"{key('tab')} / {key('shift+tab')}: sang ô sau / ô trước.")
    WORD = "Tệp Word"
    DISCARD = "Về bản gốc"
    ISSUE = "Ban hành"
    CORRECT = "Phiên bản mới"
    NEXT_BLANK = "Chỗ cần điền"
    ZOOM = "Phóng to nội dung"
    REPLACE = "Tìm và thay"
    HEAD_ISSUED = (
        f"ĐÃ BAN HÀNH số {{symbol}} ngày {{issued_on:%d/%m/%Y}} — nội dung đã khóa. {key('ctrl+o')}: mở tệp · {key('ctrl+t')}: tệp Word · "
        f"{key('ctrl+n')}: phiên bản mới (đính chính, thay thế).")
    HEAD_CORRECTION = (
        f"PHIÊN BẢN {{version}} ({{correction}}: {{reason}}) đang soạn, thay cho số {{replaces}}. {key('ctrl+b')}: ban hành phiên "
        "bản này.")
    HEAD_EDITED = f"Dự thảo đã sửa (đã lưu). {key('ctrl+g')}: về văn bản soạn tự động."
    HEAD_DRAFT = f"Dự thảo soạn tự động từ dữ liệu đã ghi. Sửa rồi {key('ctrl+s')} để lưu."
    MISSING = "\nCòn thiếu (chỗ “[cần điền: …]”): "
    KEYS_LINE = (
        f"{key('ctrl+l')} chỗ cần điền · {key('ctrl+f')} phóng to · {key('ctrl+s')} lưu · {key('ctrl+o')} xem PDF · {key('ctrl+t')} Word · {key('ctrl+g')} về bản gốc · "
        f"{key('ctrl+b')} ban hành · {key('ctrl+n')} phiên bản mới · {key('escape')} đóng · {key('f1')} trợ giúp")
    LOCKED = f"Văn bản đã ban hành, nội dung đã khóa. Muốn sửa: {key('ctrl+n')} (phiên bản mới)."
    REPLACE_TITLE = "Tìm và thay (mọi ô của văn bản)"
    FIND = "Tìm cụm chữ"
    REPLACE_WITH = "Thay bằng"
    REPLACED = f"Đã thay “{{find}}” bằng “{{replacement}}” ở {{total}} chỗ ({{where}}). Chưa lưu: {key('ctrl+s')} để lưu."
    NOT_FOUND = "Không thấy “{find}” trong văn bản."
    NO_BLANKS = "Không còn chỗ “[cần điền: …]” nào."
    SAVED = "Đã lưu nội dung văn bản."
    CLOSE_UNSAVED = f"Đóng mà không lưu những gì vừa sửa? (C: đóng, bỏ phần vừa sửa · {key('k')}: ở lại; {key('ctrl+s')} để lưu)"
    NOTHING_TO_DISCARD = "Văn bản đã ban hành; không có bản sửa nào để bỏ."
    NOTHING_EDITED = "Văn bản đang là bản soạn tự động, chưa có gì sửa."
    DISCARD_CORRECTION = "Bỏ phiên bản mới đang soạn? Văn bản đã ban hành giữ nguyên."
    DISCARD_EDITS = "Bỏ mọi chỗ đã sửa và về văn bản soạn tự động từ dữ liệu? Không lấy lại được phần đã sửa."
    CORRECTION_DISCARDED = "Đã bỏ phiên bản mới."
    BACK_TO_DRAFT = "Đã về văn bản soạn tự động."
    CONFIRM_KEYS = f" (C: đồng ý · {key('k')}: không)"
    UNEXPECTED = "Chưa làm được (lỗi không mong đợi). Nội dung vừa gõ vẫn còn đây."
    MAKING_PDF = "Đang tạo tệp PDF…"
    MAKING_WORD = "Đang tạo tệp Word…"
    WORD_WRITTEN = "Đã ghi tệp Word: {path}"
    ISSUED_FILE = "Tệp đã ban hành"
    PREVIEW_PRINTED = "Đã in bản xem trước ra tệp PDF"
    ALREADY_ISSUED = f"Văn bản đã ban hành số {{symbol}}. Muốn sửa: {key('ctrl+n')} (phiên bản mới)."
    CORRECTION_UNCHANGED = (
        "Phiên bản mới chưa sửa gì so với văn bản số {symbol}. Hãy sửa nội dung cần đính chính hoặc thay thế "
        f"({key('ctrl+s')} lưu) rồi ban hành, hoặc {key('ctrl+g')} để bỏ phiên bản mới.")
    ISSUE_TITLE = "Ban hành {kind}"
    ISSUE_DATE = "Ngày ban hành (ngày/tháng/năm; mặc định hôm nay)"
    CORRECTION_OF = "phiên bản {version} ({correction}) của "
    # what the document is for comes first: a date alone let a slip issue another
    # conference's minutes (issue 20)
    ISSUE_ASK = (
        "Ban hành {what}{kind}?\nVăn bản về: {record}\n{subject}Ngày ban hành: {on:%d/%m/%Y}.\n"
        "Số văn bản được lấy từ sổ văn bản đi và không trả lại được; nội dung sẽ bị khóa (muốn sửa phải tạo phiên "
        "bản mới).")
    ISSUE_SUBJECT = "Trích yếu: {subject}\n"
    ISSUING = "Đang ban hành…"
    ISSUED = "Đã ban hành {kind} số {symbol} ngày {issued_on:%d/%m/%Y}. Tệp PDF: {file_path}"
    NOT_ISSUED = f"Văn bản chưa ban hành (hoặc đang soạn phiên bản mới): sửa trực tiếp rồi {key('ctrl+s')}."
    CORRECTION_MADE = (
        f"Đã tạo phiên bản mới; văn bản số {{symbol}} vẫn giữ nguyên. Sửa nội dung rồi {key('ctrl+b')} để ban hành phiên bản "
        "này.")
    CORRECTION_MODE = "Đính chính hay thay thế"
    CORRECTION_FIX = "Đính chính (sửa sai sót)"
    CORRECTION_REPLACE = "Thay thế (ban hành văn bản mới thay văn bản cũ)"
    REASON_REQUIRED = "Lý do (bắt buộc)"
    CORRECTION_TITLE = "Phiên bản mới của văn bản số {symbol}"
    PLAN_ELSEWHERE = f"Kế hoạch được soạn và ban hành ở màn hình Kế hoạch ({key('f3')})."


class PlansWords:
    """Kế hoạch (F3): the plans, their editor, versions and issuing."""
    STATUS_LABELS = {"draft": "Dự thảo", "issued": "Đã ban hành", "superseded": "Đã thay thế"}
    YEAR = "Năm"
    TITLE_FIELD = "Trích yếu (tên kế hoạch)"
    LEGAL_BASES = "Căn cứ (mỗi căn cứ một dòng)"
    PREAMBLE = "Câu dẫn sau căn cứ"
    BODY_FIELD = "Nội dung (I. mục lớn · 1. mục nhỏ · 2.1. · - gạch đầu dòng · + ý nhỏ)"
    CLOSING = "Câu kết"
    TOPICS = "Lĩnh vực, nội dung đối thoại (mỗi dòng một mục)"
    CHAIR = "Chủ trì (mỗi người một dòng)"
    SECRETARY = "Thư ký"
    PARTICIPANTS = "Thành phần tham dự (mỗi dòng một thành phần)"
    VENUES = "Địa điểm, thôn tổ chức (mỗi dòng một nơi)"
    SCHEDULE = "Thời gian tổ chức (số hội nghị, dự kiến ngày)"
    BUDGET = "Nguồn kinh phí"
    ASSIGNMENTS = "Phân công đơn vị (mỗi dòng: đơn vị - nhiệm vụ)"
    RECIPIENTS = "Nơi nhận (mỗi dòng một nơi)"
    SIGNER_AUTHORITY = "Thẩm quyền ký (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / T/M BAN THƯỜNG VỤ)"
    SIGNER_POSITION = "Chức vụ người ký"
    SIGNER_NAME = "Họ tên người ký"
    HELP = (
        "Kế hoạch tổ chức hội nghị đối thoại. Bên trái là danh sách kế hoạch (mỗi kế hoạch hiện phiên bản mới "
        "nhất), bên phải là trang kế hoạch như khi in.\n"
        f"{key('n')}: tạo từ mẫu · {key('c')}: sao chép kế hoạch đang chọn sang năm sau · {key('i')}: nhập từ tệp .txt/.docx.\n"
        f"{key('e')} hoặc {key('enter')}: sửa (chỉ khi còn là dự thảo) · {key('x')}: xem toàn trang · {key('d')}: in bản xem trước ra PDF.\n"
        f"{key('b')}: ban hành — lấy số từ sổ văn bản đi và khóa nội dung. Sau khi ban hành, muốn sửa thì tạo phiên bản mới "
        "(R) và ghi lý do; bản cũ vẫn xem được ở danh sách phiên bản (V).\n"
        "Nội dung viết theo dạng: “I.” mục lớn, “1.”, “2.1.” mục nhỏ, “-” gạch đầu dòng, “+” ý nhỏ.")
    NEW = "Tạo từ mẫu"
    COPY = "Sao chép năm sau"
    IMPORT = "Nhập từ tệp"
    ISSUE = "Ban hành"
    REVISE = "Phiên bản mới"
    VERSIONS = "Các phiên bản"
    HISTORY = "Lịch sử"
    TITLE = " Kế hoạch"
    VERSION = "Bản"
    NONE_YET = f"Chưa có kế hoạch nào. Nhấn {key('n')} để tạo kế hoạch từ mẫu, hoặc I để nhập từ tệp."
    NONE_YET_SHORT = f"Chưa có kế hoạch nào. Nhấn {key('n')} để tạo từ mẫu."
    VERSION_LINE = "Phiên bản {version}"
    ISSUED_LINE = "số {symbol} ngày {issued_on:%d/%m/%Y}"
    FILE_LINE = "tệp: {file_path}"
    CHANGE_REASON_LINE = "lý do điều chỉnh: {change_reason}"
    ID_LINE = "mã {id} (doithoai print {kind} {id})"
    CREATED = "Đã tạo kế hoạch từ mẫu."
    COPIED = "Đã sao chép kế hoạch năm {year} sang năm {next}."
    CHECK = "Cần kiểm tra: "
    IMPORTED = "Đã nhập kế hoạch; hãy kiểm tra lại từng phần."
    IMPORT_PICK = "Nhập kế hoạch từ tệp (.txt hoặc .docx): chọn tệp"
    HISTORY_TITLE = " Lịch sử — kế hoạch năm {year}"
    ISSUED_NO_EDIT = (
        f"Kế hoạch đã ban hành nên không sửa trực tiếp được. Nhấn {key('r')} để tạo phiên bản mới (kèm lý do điều chỉnh).")
    SAVED = "Đã lưu kế hoạch."
    SAVED_FIELDS = f"Đã lưu kế hoạch, đã sửa: {{fields}}. Xem lịch sử và hoàn tác: {key('h')}."
    SAVED_NOTHING = "Đã lưu kế hoạch (không có gì thay đổi)."
    DISCARDED = "Đã bỏ bản kế hoạch vừa tạo."
    EDITOR_TITLE = f"Kế hoạch năm {{year}} — {{name}} — phiên bản {{version}} ({key('ctrl+s')}: lưu)"
    STILL_DRAFT = f"Kế hoạch này còn là dự thảo: sửa trực tiếp bằng phím {key('e')}."
    REVISED = "Đã tạo phiên bản {version}; bản đã ban hành vẫn được giữ nguyên."
    REVISE_TITLE = "Điều chỉnh kế hoạch {symbol}"
    CHANGE_REASON = "Lý do điều chỉnh"
    PREVIEW_TITLE = "Kế hoạch năm {year} — phiên bản {version} ({status})"
    MAKING_PDF = "Đang tạo tệp PDF…"
    ALREADY_ISSUED = "Kế hoạch này đã ban hành."
    ISSUE_ASK = (
        "Ban hành kế hoạch “{title}” ngày {on:%d/%m/%Y}?\n"
        "Số sẽ được lấy từ sổ văn bản đi và nội dung sẽ bị khóa (muốn sửa phải tạo phiên bản mới).")
    ISSUE_TITLE = "Ban hành kế hoạch"
    ISSUED = "Đã ban hành kế hoạch số {symbol}. Tệp PDF: {path}"
    PRINTED = "Đã in ra tệp PDF: {preview}"
    VERSIONS_TITLE = "Các phiên bản — {title}"


class DocumentsWords:
    """Văn bản (F7): the register of outgoing documents, reprints, digital signatures."""
    HELP = (
        "Sổ văn bản đi: mọi văn bản đã ban hành, mới nhất ở trên.\n"
        f"[ và ]: năm trước / năm sau (hoặc tất cả các năm) · {key('l')}: chọn loại văn bản · /: tìm theo số, trích yếu, "
        "người ký (gõ không dấu cũng được) · N / P: trang sau / trang trước.\n"
        f"{key('enter')} hoặc {key('o')}: mở tệp PDF · {key('r')}: in lại từ hồ sơ gốc và so với bản đã ban hành · {key('k')}: kiểm tra tệp đã lưu (và "
        f"các tệp đã ký số) với mã SHA-256 ghi trong sổ, và nội dung đã lưu với dấu niêm phong khi ban hành · "
        f"{key('v')}: các phiên bản · {key('h')}: lịch sử thay đổi.\n"
        f"{key('s')}: ký số văn bản đã ban hành (chọn vai trò: người ký, rồi cơ quan do văn thư ký; cắm token, nhập mã PIN). "
        "Tệp đã ký lưu bên cạnh tệp ban hành; in lại văn bản đã ký cho tệp đã ký.\n"
        f"{key('e')}: mở màn hình soạn của văn bản (xem nội dung, các phiên bản; kế hoạch: màn hình Kế hoạch {key('f3')}) · {key('m')}: phiên "
        f"bản mới — đính chính hoặc thay thế (ghi lý do), sửa rồi {key('ctrl+b')} ban hành số mới; bản cũ vẫn giữ trong sổ · "
        f"{key('w')}: xuất tệp Word (.docx) của văn bản đã ban hành · {key('i')}: in sổ đăng ký văn bản đi của năm "
        "đang xem ra tệp PDF (các cột theo Nghị định 30/2020).\n"
        f"{key('t')}: soạn văn bản mới — chọn loại, ghi số (ID) của hội nghị, kiến nghị hoặc đơn vị; văn bản có số mở "
        f"màn hình soạn ({key('ctrl+b')} ban hành), giấy tờ làm việc được in ra tệp PDF.\n"
        "Cột Tệp: ✓ đúng bản đã ban hành, ≠ tệp đã bị sửa, ✗ mất tệp, — không lưu tệp, ! mục trong sổ hoặc nội dung "
        f"đã lưu bị sửa ngoài ứng dụng, ? chưa kiểm tra (nhấn {key('k')}: kiểm tra tệp và nội dung).")
    OPEN = "Mở PDF"
    REPRINT = "In lại"
    CHECK = "Kiểm tra tệp"
    SIGN = "Ký số"
    VERSIONS = "Phiên bản"
    HISTORY = "Lịch sử"
    EDITOR = "Mở văn bản"
    CORRECT = "Phiên bản mới"
    WORD = "Tệp Word"
    NEW = "Soạn mới"
    NEW_PICK = f"Soạn văn bản mới — chọn loại (kế hoạch: màn hình Kế hoạch, {key('f3')})"
    NEW_FOR = "Soạn {kind}: văn bản của {target} nào?"
    NEW_ID = "Số (ID) của {target}"
    NEW_PAPER = "Đã in {kind} (giấy tờ làm việc): {path}"
    YEAR_PREV = "Năm trước"
    YEAR_NEXT = "Năm sau"
    KIND = "Loại"
    SEARCH = "Tìm"
    PAGE_PREV = "Trang trước"
    TITLE = " Văn bản — sổ văn bản đi"
    ALL_KINDS = "Mọi loại"
    SEARCH_PLACEHOLDER = "Tìm: số, trích yếu, người ký (gõ không dấu cũng được)"
    DATE = "Ngày"
    SIGNER = "Người ký"
    VERSION = "Bản"
    FILE = "Tệp"
    ALL_YEARS = "Tất cả các năm"
    YEAR = "Năm {year}"
    NOTHING_MATCHES = (
        "Không có văn bản nào khớp với bộ lọc. Nhấn [ hoặc ] để đổi năm, L để đổi loại, / để sửa từ tìm kiếm.")
    NOTHING = "Không có văn bản nào."
    SHOWING = "{total} văn bản · đang xem {first}–{last}"
    PAGE_LINE = " · trang {number}/{pages} (N: trang sau, P: trang trước)"
    FIRST_PAGE = "Đã ở trang đầu."
    LAST_PAGE = "Đã ở trang cuối."
    EMPTY = "Chưa có văn bản nào trong danh sách."
    REPRINTING = "Đang in lại và so sánh với bản đã ban hành…"
    VERSIONS_TITLE = "Các phiên bản — {symbol}: {title}"
    PLAN_ELSEWHERE = f"Kế hoạch được xem, sửa và điều chỉnh ở màn hình Kế hoạch ({key('f3')})."
    NO_TEXT = (
        f"Văn bản {{symbol}} được ban hành trước khi chương trình lưu nội dung văn bản; chỉ mở được tệp PDF ({key('enter')}).")
    PLAN_REVISED = f"Đã tạo phiên bản mới của kế hoạch; sửa và ban hành ở màn hình Kế hoạch ({key('f3')})."
    FULLY_SIGNED = "Văn bản {symbol} đã có đủ chữ ký số của người ký và của cơ quan."
    SIGN_AS_SIGNER = "Người ký: {signer}"
    SIGN_AS_OFFICE = "Cơ quan (văn thư ký, hình con dấu) — sau người ký"
    SIGN_PICK = "Ký số văn bản {symbol} — chọn vai trò"
    SIGN_TITLE = "Ký số {symbol} với vai trò {role}: cắm token rồi nhập mã PIN"
    SIGNING = "Đang ký số…"
    SIGNED = "Đã ký số {symbol} với vai trò {role}: {signer_name}, {signed_at}. Tệp đã ký: {path}"
    SIGN_ANYWAY = "{exc} Vẫn ký? (sẽ hỏi lại mã PIN)"
    HISTORY_TITLE = " Lịch sử — văn bản {symbol}"
    NO_FILE = f"Văn bản {{symbol}} chỉ được ghi vào sổ, không lưu tệp PDF khi ban hành. Nhấn {key('r')} để in lại từ hồ sơ gốc."
    WORD_WRITTEN = "Đã ghi tệp Word: {word}"
    REGISTER_PDF = "In sổ"
    REGISTER_PICK_YEAR = (f"Sổ đăng ký văn bản đi được in theo từng năm: nhấn [ hoặc ] để chọn một năm, "
                          f"rồi nhấn {key('i')}.")
    REGISTER_PRINTING = "Đang in sổ đăng ký văn bản đi năm {year}…"
    REGISTER_PRINTED = "Đã tạo sổ đăng ký văn bản đi năm {year} ({count} văn bản): {path}"
    REPRINT_OF_VERSION = "{symbol} ({version}): {message}"


class CoreCommandWords:
    """doithoai init, locate and doctor on the command line."""
    CHOICE = "lựa chọn"
    NOT_A_CHOICE = "“{value}” không có trong danh sách. Chọn một trong: "
    TYPE_NUMBER = "Gõ số"
    KIND_METAVAR = "LOẠI"
    KIND_HELP = "Loại cơ quan: xã, phường, Đảng ủy xã, huyện (trước 1/7/2025)."
    PLACE_HELP = "Tên địa phương, ví dụ: Kỳ Khang."
    PARENT_HELP = "Cơ quan cấp trên, ví dụ: UBND tỉnh Hà Tĩnh."
    SIGNER_HELP = "Họ tên người ký (Chủ tịch / Bí thư)."
    NUMBERING_METAVAR = "CÁCH"
    NUMBERING_HELP = "nam: một dãy số cho mọi văn bản trong năm; loai: mỗi loại văn bản một dãy số."
    FORCE_HELP = "Tạo cơ quan mới dù cơ sở dữ liệu bị mất hoặc rỗng mà còn bản sao lưu (thường nên khôi phục)."
    ANOTHER_HELP = "Thêm một cơ quan nữa vào cơ sở dữ liệu dùng chung (nhiều xã trên một máy chủ)."
    ALREADY_HAS_OFFICE = (
        f"Cơ sở dữ liệu đã có cơ quan: {{names}}. Hãy sửa thông tin ở màn hình Danh mục (phím {key('f8')}), hoặc thêm một cơ "
        "quan nữa dùng chung máy chủ bằng: doithoai init --them")
    KIND_ASK = "Loại cơ quan:"
    PLACE_MISSING = "Thiếu tên địa phương. Hãy ghi --ten \"Tên xã\"."
    PLACE_ASK = "Tên địa phương (ví dụ: Kỳ Khang)"
    PARENT_ASK = "Cơ quan cấp trên (có thể bỏ trống)"
    SIGNER_ASK = "Họ tên người ký"
    NUMBERING_ASK = "Cách đánh số văn bản đi:"
    CREATED = "Đã tạo cơ quan số {id}: {name}."
    MACHINE_USES_IT = "Máy này từ nay làm việc với cơ quan vừa tạo; đổi bằng: doithoai office use SỐ"
    DATABASE = "Cơ sở dữ liệu"
    DEMO_DATA = "Dữ liệu mẫu"
    DATA_FOLDER = "Thư mục dữ liệu"
    PRINTED_DOCUMENTS = "Văn bản đã in"
    CONFIG = "Cấu hình"
    LOGS = "Nhật ký"
    BACKUPS = "Sao lưu"
    FONT_CACHE = "Bộ nhớ đệm (phông chữ)"
    EXIT_TAMPERED = (
        "có chỗ bị sửa, xóa hay chèn ngoài ứng dụng (sổ văn bản đi, nhật ký, nội dung văn bản đã ban hành, kiến "
        "nghị và diễn biến, tệp đã đổi)")
    EXIT_DATABASE = "cơ sở dữ liệu không mở được, hỏng, hoặc chưa khai báo cơ quan"
    EXIT_MISSING_FILES = "thiếu tệp của văn bản đã ban hành"
    EXIT_STRAY_FILES = "có tệp mang số văn bản mà không có trong sổ (dời đi bằng --don-dep)"
    EXIT_ENVIRONMENT = "môi trường: phông chữ, máy in, thư mục không ghi được"
    DOCTOR_HELP = (
        "Kiểm tra cơ sở dữ liệu, phông chữ, máy in, thư mục dữ liệu, và sổ văn bản đi, nhật ký thay đổi, nội dung "
        "văn bản đã ban hành, kiến nghị và diễn biến, tệp văn bản có bị sửa ngoài ứng dụng không.\n"
        "\n"
        "Mã thoát là tổng các số sau (0: mọi thứ đều tốt):\n"
        "\n"
        "\b\n")
    TIDY_HELP = "Dời các tệp mang số văn bản mà không có trong sổ vào thư mục “khong-trong-so” bên cạnh."
    FAILED = "LỖI"
    PG_CONNECTED = "PostgreSQL {describe} kết nối được"
    INTEGRITY_CHECK = "{target} — kiểm tra toàn vẹn: "
    GOOD = "tốt"
    SCHEMA_VERSION = "Phiên bản lược đồ"
    OFFICE_INFO = "Thông tin cơ quan"
    OFFICE_LINE = "{name} (số {id}"
    ONE_OF_SHARED = ", một trong {n} cơ quan dùng chung cơ sở dữ liệu)"
    NOT_INITIALISED = "chưa khai báo — chạy: doithoai init"
    FONTS = "Phông chữ"
    FONTS_PREFIX = "Phông chữ: "
    FONT_FALLBACK_NOTE = "[CHÚ Ý] Phông chữ: {warning}"
    NO_PRINTING = "chưa có phần in ấn trong bản cài đặt này"
    PRINTER = "Máy in"
    PRINTS_VIA_WINDOWS = "in qua Windows (lệnh in mặc định của hệ điều hành)"
    DEFAULT_PRINTER = "máy in mặc định: "
    LP_NO_DEFAULT = "có lệnh lp (CUPS); chưa đặt máy in mặc định (in bằng --printer TÊN)"
    NO_LP = "không có lệnh lp (CUPS). Văn bản vẫn được lưu thành tệp PDF để in ở máy khác."
    BACKUP_FOLDER = "Thư mục sao lưu"
    DOCUMENTS_FOLDER = "Thư mục văn bản"
    LOG_FOLDER = "Thư mục nhật ký"
    WRITABLE = "ghi được"
    NOT_WRITABLE = "KHÔNG ghi được"
    ALL_GOOD = "Kết quả: mọi thứ đều tốt."
    PROBLEMS = "Kết quả: có vấn đề cần xử lý (mã thoát {code}):"
    REGISTER_AND_TRAIL = "Sổ văn bản đi và nhật ký thay đổi"
    ISSUED_FILES = "Tệp văn bản đã ban hành"
    FILES_MISSING = "thiếu {missing} tệp"
    STRAY_FILES = "Tệp ngoài sổ văn bản đi"
    NONE = "không có"
    MOVED = "đã dời {moved} tệp không có trong sổ:"
    FOUND_STRAY = (
        "{found} tệp mang số văn bản nhưng không có trong sổ (không phải văn bản đã ban hành; dời đi bằng: "
        "doithoai doctor --don-dep):")


class SigningCommandWords:
    """doithoai sign, verify, copy and signature-image on the command line."""
    ERROR = "Lỗi: {err}"
    OF_TOKEN = "của token"
    PIN_FILE_NOT_FILE = "“{pin_file}” không phải một tệp thường. Hãy ghi mã PIN vào một tệp quyền 600."
    PIN_FILE_READABLE = (
        "Tệp mã PIN “{pin_file}” người khác đọc được (quyền {mode:o}). Chỉ dùng tệp quyền 600: chmod 600 {pin_file}")
    PIN_NEEDED = (
        "Cần mã PIN {what}: chạy lệnh ở cửa sổ dòng lệnh để nhập (không hiện chữ), hoặc ghi mã vào một tệp quyền "
        "600 và dùng --pin-file TỆP.")
    PIN_ASK = "Mã PIN {what}"
    PKCS11_HELP = (
        "Mô-đun PKCS#11 của token (tệp .dll trên Windows, .so trên Linux) hoặc “tu-dong” để tìm mô-đun của nhà "
        "cung cấp đã cài trên máy (mặc định).")
    LABEL_METAVAR = "NHÃN"
    TOKEN_HELP = "Nhãn của token, khi máy cắm nhiều token."
    KEY_HELP = "Nhãn của khóa và chứng thư số trên token (mặc định: chứng thư mang tên người ký hoặc cơ quan)."
    FILE_METAVAR = "TỆP"
    PIN_FILE_HELP = "Đọc mã PIN từ tệp (chỉ chủ tệp được đọc: quyền 600), cho tập lệnh."
    SIGN_ANYWAY = "{err} Vẫn ký?"
    NOT_SIGNED = "{err} Chưa ký; không có gì được ghi."
    SIGN_HELP = (
        "Ký số một văn bản đã ban hành (PAdES, SHA-256): trước hết người ký (--vai nguoi-ky), sau đó cơ quan "
        "(--vai co-quan, do văn thư ký). Tệp đã ký lưu bên cạnh tệp ban hành, kèm mã SHA-256.\n"
        "\n"
        "SỐ_KÝ_HIỆU là số, ký hiệu như in trên văn bản, ví dụ 01/KH-UBND.")
    SYMBOL_METAVAR = "SỐ_KÝ_HIỆU"
    ROLE_HELP = "nguoi-ky: người có thẩm quyền ký; co-quan: chữ ký số của cơ quan (hình con dấu)."
    PATH_METAVAR = "ĐƯỜNG_DẪN"
    DATABASE_HELP = "Cơ sở dữ liệu (mặc định: của người dùng)."
    SIGNED = "Đã ký số văn bản {symbol} với vai trò {role}: {signer_name}, thời điểm {signed_at}."
    SIGNED_FILE = "Tệp đã ký: {path}"
    COPY_HELP = (
        "Tạo bản sao điện tử (sao y, sao lục, trích sao) của văn bản đã ban hành: thông tin bản sao ở góc trên bên "
        "phải trang đầu và chữ ký số của cơ quan, không hình ảnh.")
    COPY_FORM_HELP = "Hình thức sao."
    PAGES_HELP = "Trích sao: các trang cần sao, ví dụ 1,3-4 (mặc định: cả văn bản)."
    COPIED = "Đã tạo bản sao điện tử ({form}) của văn bản {symbol}, ký bởi {signer_name} lúc {signed_at}: {path}"
    YES = "có"
    NO = "KHÔNG"
    FILE_LINE = "Tệp: {path}"
    WHEN = ", thời điểm {when}"
    CHECK_LINE = (
        "   nguyên vẹn: {intact}; hợp lệ: {valid}; tin cậy: {trusted}; tệp không bị sửa sau chữ ký: {unchanged}")
    WHOLE_FILE = "; phủ toàn bộ tệp: {whole}"
    ALL_GOOD = "Kết quả: cả {checks} chữ ký số đều nguyên vẹn, hợp lệ và tin cậy."
    NOT_GOOD = (
        "Kết quả: KHÔNG ĐẠT — có chữ ký không nguyên vẹn, không hợp lệ, không tin cậy, hoặc tệp đã bị thêm, sửa "
        "sau chữ ký cuối.")
    VERIFY_HELP = (
        "Kiểm tra các chữ ký số của một tệp PDF bất kỳ (kể cả văn bản nhận từ cơ quan khác): ai ký, tổ chức, thời "
        "điểm, nguyên vẹn, hợp lệ, tin cậy. Mã thoát 0 chỉ khi mọi chữ ký đều đạt.")
    PDF_METAVAR = "TỆP.pdf"
    ROOT_METAVAR = "GỐC.pem"
    TRUST_HELP = "Chứng thư gốc tin cậy thêm cho lần kiểm tra này (ngoài các gốc cơ quan đã cài)."
    INSTALL_HELP = "Ghi các gốc --tin-cay vào cấu hình của máy, dùng cho các lần kiểm tra sau."
    ROOT_CERT = "chứng thư gốc"
    ROOTS_INSTALLED = "Đã cài {added} chứng thư gốc tin cậy vào cấu hình."
    IMAGE_HELP = (
        "Lưu ảnh chữ ký tay (PNG nền trong suốt, màu xanh) của một người dùng, hoặc ảnh con dấu (PNG nền trong "
        "suốt, màu đỏ, đúng kích thước) của cơ quan, để hiện trên chữ ký số.")
    PNG_METAVAR = "TỆP.png"
    NUMBER_METAVAR = "SỐ"
    PERSON_HELP = "Số của người dùng (doithoai user list)."
    SEAL_HELP = "Ảnh con dấu của cơ quan."
    PICK_ONE = "Hãy chọn một: --nguoi SỐ (ảnh chữ ký của người đó) hoặc --con-dau."
    NO_SUCH_PERSON = "Không có người dùng số {person_id}. Xem số bằng “doithoai user list”."
    SEAL_SAVED = "Đã lưu ảnh con dấu của cơ quan."
    SIGNATURE_SAVED = "Đã lưu ảnh chữ ký của {full_name}."


class PeopleCommandWords:
    """doithoai user: people, roles, permissions and PINs on the command line."""
    ROLE_HELP = (
        "Vai trò: van_thu (Văn thư), thu_ky (Thư ký), pho_chu_tich (Phó Chủ tịch), chu_tich (Chủ tịch), quan_tri "
        "(Quản trị).")
    FILE_METAVAR = "TỆP"
    PIN_FILE_HELP = (
        "Máy dùng SQLite: mã PIN của người làm việc này, đọc từ tệp quyền 600 (khi cơ quan đã dùng mã PIN); không "
        "có thì được hỏi.")
    OF_PERSON = "của {full_name}"
    OPTIONS_METAVAR = "[TÙY_CHỌN]"
    COMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
    LIST_HEAD = "{name} — tài khoản đang dùng: {login}"
    UNKNOWN = "không rõ"
    NO_LIST = "Chưa có danh sách người dùng: mọi người đều làm được mọi việc. Thêm bằng: doithoai user add"
    STOPPED = " (ngừng)"
    HAS_PIN = " (có mã PIN)"
    ALLOWED = "  Quyền {action} ({label}): {allowed}"
    NAME_METAVAR = "HỌ_TÊN"
    ROLE_METAVAR = "VAI_TRÒ"
    LOGIN_METAVAR = "TÊN"
    LOGIN_HELP = "Tài khoản: tên đăng nhập PostgreSQL, hoặc tài khoản Windows/Linux trên máy dùng SQLite."
    ADDED = "Đã thêm người dùng số {id}: {full_name} — {role_label}."
    WHO_METAVAR = "SỐ_HOẶC_TÊN"
    ROLE_SET = "{full_name} giờ là {role_label}."
    USING = "Máy này từ nay ghi nhật ký với tên {full_name} ({role_label})."
    ACTION_METAVAR = "VIỆC"
    ROLES_METAVAR = "VAI_TRÒ..."
    ACTION_ALLOWED = "Việc “{action}”: "
    OPTIONAL_WHO_METAVAR = "[SỐ_HOẶC_TÊN]"
    REMOVE_PIN_HELP = "Bỏ mã PIN (người đó sẽ không ban hành, điều chỉnh được)."
    PIN_FILE_SCRIPT_HELP = (
        "Cho tập lệnh: dòng đầu là mã PIN mới, dòng hai (nếu cần) là mã PIN cho phép đổi; tệp quyền 600.")
    WHO_ARE_YOU = (
        "Chưa biết bạn là ai trong danh sách: chọn tên mình bằng doithoai user use SỐ, hoặc ghi tên người cần đặt "
        "mã PIN.")
    PIN_DONE = "Đã {done} mã PIN của {full_name}."
    REMOVED = "bỏ"
    SET = "đặt"
    PIN_NEEDED = (
        "Cần nhập mã PIN: chạy lệnh ở cửa sổ dòng lệnh (không hiện chữ khi gõ), hoặc dùng --pin-file TỆP (quyền "
        "600).")
    CURRENT_OF = "hiện tại của {full_name}"
    CHAIR_OR_ADMIN = "của Chủ tịch hoặc Quản trị"
    PIN_OF = "Mã PIN {whose} (bỏ trống nếu chưa có)"
    PIN_NEW = "Mã PIN mới"
    PIN_AGAIN = "Nhập lại mã PIN mới"
    PIN_MISMATCH = "Hai lần nhập mã PIN mới không giống nhau; mã PIN chưa đổi."


class CommandWords:
    """doithoai holiday, petition, admin, backup, restore and export on the command line."""
    DAY_METAVAR = "NGÀY"
    HOLIDAY_OFF_HELP = "Ngày nghỉ hoán đổi (mặc định)."
    HOLIDAY_WORK_HELP = "Ngày làm việc bù (thường là thứ Bảy)."
    HOLIDAY_NOTE_HELP = "Ghi chú, ví dụ: nghỉ bù Tết."
    DAY_OFF = "ngày nghỉ"
    MAKE_UP_DAY = "ngày làm bù"
    HOLIDAY_SET = "Đã ghi {day:%d/%m/%Y} là {kind}."
    PETITION_CONTENT_HELP = "Nội dung kiến nghị."
    CITIZEN_NAME_HELP = "Họ tên công dân (bỏ trống nếu giấu tên)."
    MR = "Ông"
    MRS = "Bà"
    TITLE_CHOICES = "Ông|Bà"
    CITIZEN_TITLE_HELP = "Danh xưng của công dân (Ông hoặc Bà), dùng trong văn bản trả lời."
    VILLAGE_HELP = "Thôn, tổ dân phố."
    FIELD_HELP = "Lĩnh vực, ví dụ: Đất đai."
    UNIT_HELP = "Đơn vị được giao trả lời."
    RECEIVED_HELP = "Ngày nhận (mặc định: hôm nay)."
    RECEIVED_ON = "Ngày nhận"
    PETITION_SAVED = "Đã ghi kiến nghị số {id}; hạn trả lời: {due_on:%d/%m/%Y}."
    ROLE_HELP = (
        "Vai trò: van_thu (Văn thư), thu_ky (Thư ký), pho_chu_tich (Phó Chủ tịch), chu_tich (Chủ tịch), quan_tri "
        "(Quản trị).")
    OPTIONS_METAVAR = "[TÙY_CHỌN]"
    COMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
    RLS_ON = "Đã bật bảo mật theo dòng trên {tables} bảng; nhóm nhân viên: {staff_group}."
    LOGIN_METAVAR = "TÊN_ĐĂNG_NHẬP"
    WHO_METAVAR = "SỐ_HOẶC_TÊN"
    OFFICE_OF_PERSON_HELP = "Cơ quan của người này."
    ROLE_METAVAR = "VAI_TRÒ"
    NAME_METAVAR = "HỌ_TÊN"
    FULL_NAME_HELP = "Họ và tên (ghi vào danh sách người dùng)."
    NO_PASSWORD_HELP = "Không đặt mật khẩu (đăng nhập bằng chứng chỉ hoặc cách xác thực khác của máy chủ)."
    PASSWORD_MISSING = (
        "Thiếu mật khẩu: hãy đặt biến môi trường {variable}, chạy lệnh ở bàn phím để được hỏi, hoặc ghi "
        "--khong-mat-khau.")
    PASSWORD_ASK = "Mật khẩu cho tài khoản mới"
    PG_USER_MADE = (
        "Tài khoản “{login}”: {full_name}, {role_label} của {name}. Người này kết nối bằng --db postgresql://")
    PG_URL_TAIL = "@MÁY_CHỦ/TÊN_CSDL."
    NO_STAFF = "Chưa có tài khoản nhân viên nào. Tạo bằng: doithoai admin pg-user"
    WHERE_METAVAR = "[NƠI_LƯU]"
    BACKED_UP = "Đã sao lưu vào: {path}"
    BACKUP_CHECKED = "Kiểm tra bản sao: tốt — {office}, {petitions} ý kiến, kiến nghị."
    BACKUP_FILE_METAVAR = "[TỆP_SAO_LƯU]"
    NEWEST_HELP = "Khôi phục bản sao lưu tự động mới nhất còn tốt."
    YES_HELP = "Không hỏi lại."
    NO_GOOD_BACKUP = "Không có bản sao lưu tự động nào còn tốt trong “{backup_folder}”."
    NAME_BACKUP_FILE = "Hãy chỉ ra tệp sao lưu, hoặc dùng --newest."
    NOTHING_CHANGED = "{message} Không có gì bị thay đổi."
    BACKUP_INFO = "Bản sao lưu: {file}\nCơ quan: {office}; {petitions} ý kiến, kiến nghị; lược đồ {schema_version}."
    REPLACE_ASK = "Thay cơ sở dữ liệu “{sqlite_path}” bằng bản này?"
    CANCELLED = "Đã hủy, không có gì bị thay đổi."
    RESTORED = "Đã khôi phục vào: {sqlite_path}"
    OLD_KEPT = "Cơ sở dữ liệu cũ được giữ lại ở: {aside}"
    XLSX_HELP = "Tệp Excel (.xlsx). Mặc định theo đuôi tệp -o."
    CSV_HELP = "Tệp CSV (UTF-8 có BOM, các ô cách nhau bằng “;” như Excel tiếng Việt đọc)."
    COMMA_HELP = "CSV: cách các ô bằng dấu phẩy “,” thay cho “;”."
    NO_CONTACTS_HELP = (
        "Bỏ địa chỉ và điện thoại của công dân (họ tên vẫn giữ; người giấu tên không bao giờ bị ghi tên).")
    STATS_HELP = "Xuất bảng thống kê theo lĩnh vực, đơn vị, thôn, tình trạng và tỷ lệ trả lời đúng hạn."
    ALL_HELP = "Mọi kiến nghị đã ghi, kể cả đã xong và đã rút (kèm lý do); mặc định: chỉ kiến nghị cần xử lý."
    FROM_HELP = "Chỉ kiến nghị nhận từ ngày này (ngày/tháng/năm)."
    TO_HELP = "Chỉ kiến nghị nhận đến ngày này (ngày/tháng/năm)."
    FILE_METAVAR = "TỆP"
    OUTPUT_HELP = "Tệp kết quả, ví dụ theo-doi.xlsx."
    FROM_DAY = "Từ ngày"
    TO_DAY = "Đến ngày"
    STATS_EXPORTED = "Đã xuất thống kê của {rows} kiến nghị vào {path}"
    EXPORTED = "Đã xuất {rows} dòng vào {path} ({c} kiến nghị"
    NO_OFFICE_YET = "Chưa có cơ quan nào. Hãy chạy: doithoai init"
    NO_OFFICE_CHOSEN = "Máy này chưa chọn cơ quan. Hãy chạy: doithoai office use SỐ"
    OFFICE_CHOSEN = "Máy này từ nay làm việc với cơ quan số {id}: {name}."
    DB_METAVAR = "URL_HOẶC_TỆP"
    DB_HELP = "Cơ sở dữ liệu: đường dẫn tệp SQLite hoặc postgresql://… (mặc định: tệp trong thư mục dữ liệu)."
    USER_METAVAR = "TÊN"
    USER_HELP = (
        "Tên người dùng ghi vào nhật ký thay đổi (máy dùng SQLite; với PostgreSQL nhật ký luôn ghi tài khoản đăng "
        "nhập).")
    OFFICE_HELP = (
        "Cơ quan làm việc khi nhiều cơ quan dùng chung cơ sở dữ liệu (mặc định: cơ quan đã chọn bằng doithoai "
        "office use).")
    VERSION_LINE = "Đối thoại %(version)s"
    VERSION_HELP = "Hiện phiên bản rồi thoát."
    NUL_ARGUMENT = "Lỗi: một đối số có ký tự NUL (mã 0), không phải chữ. Hãy gõ lại lệnh."
    CANCELLED_SHORT = "Đã hủy."
    ERROR_LINE = "Lỗi: {message}"
    PATH_TOO_LONG = "tên tệp hoặc đường dẫn quá dài"
    PATH_REFUSED = "không dùng được tệp hoặc thư mục{where}: {reason}. Hãy chọn một đường dẫn khác."
    DATABASE_BUSY = (
        "cơ sở dữ liệu đang bị một chương trình khác (hoặc một cửa sổ Đối thoại khác) giữ khóa lâu hơn thời gian "
        "chờ; tệp không hỏng. Hãy đóng chương trình đó rồi chạy lại lệnh")
    STORAGE_FAILED = (
        "Không ghi hoặc đọc được cơ sở dữ liệu: {reason}. Việc vừa làm chưa được lưu; dữ liệu đã lưu không bị ảnh "
        "hưởng.")
    REPLACE_HELP = "Thay tệp cùng loại đã có ở nơi ghi (một bản xuất, bản sao lưu, tệp PDF trước) mà không hỏi."
    YES = "có"
    NO = "không"
    ANSWER_YES_NO = "Hãy trả lời c (có) hoặc k (không)."


class LaunchWords:
    """What the app says before and after its screens: start-up questions, rescue files, crashes."""
    ERROR = "Lỗi: {message}"
    CANCELLED = "Đã hủy."
    UNEXPECTED = (
        "Lỗi không mong đợi: chương trình gặp sự cố và đã dừng; dữ liệu đã lưu không bị ảnh hưởng. (Loại lỗi: "
        "{kind}.) ")
    LOG_UNWRITABLE = (
        "Không ghi được nhật ký (thư mục “{logs}” và thư mục tạm đều không ghi được). Hãy chụp lại thông báo này "
        "và gửi cho bộ phận hỗ trợ.")
    LOG_ELSEWHERE = " (thư mục nhật ký “{logs}” không ghi được nên ghi vào đây)"
    DETAILS_WRITTEN = "Chi tiết kỹ thuật được ghi vào {where}{moved}. Hãy gửi tệp này cho bộ phận hỗ trợ."
    CRASH_LOG_LINE = "{now:%Y-%m-%d %H:%M:%S} ERROR Lỗi không mong đợi\n{text}\n"
    # a long upgrade of the database, in the terminal (tui/upgrading.py)
    UPGRADE_BEGUN = ("Đang nâng cấp cơ sở dữ liệu cho phiên bản mới của chương trình. Việc này chỉ làm một lần; "
                     "xin đừng đóng cửa sổ này.")
    UPGRADING = "Phiên bản {version}: {part}, đã {seconds} giây."
    UPGRADE_PART = "xong {percent} %"
    UPGRADE_WORKING = "đang làm"
    UPGRADE_FINISHING = "đang kiểm tra và ghi lại"
    UPGRADED = "Đã nâng cấp xong cơ sở dữ liệu lên phiên bản {version} sau {seconds} giây."
    # the rescue file, offered inside the app when it opens (DoiThoaiApp._offer_rescue)
    RESCUE_ASK = (
        "Lần trước chương trình phải dừng khi còn {n} nội dung chưa lưu được vào cơ sở dữ liệu; các nội dung đó "
        "được giữ trong tệp cứu hộ {path}:\n{shown}\n\n" + key("c") + ": ghi các nội dung này vào cơ sở dữ liệu "
        "ngay · " + key("k") + ": để sau (tệp vẫn được giữ, lần mở sau chương trình hỏi lại).")
    RESCUE_KEPT = "Chưa ghi; tệp cứu hộ vẫn được giữ: {path}. Lần mở sau chương trình sẽ hỏi lại."
    RESCUE_WRITTEN = "Đã ghi {n} nội dung từ tệp cứu hộ vào cơ sở dữ liệu."
    RESCUE_FAILED = "Chưa ghi được tệp cứu hộ ({reason}). Tệp vẫn được giữ, lần mở sau chương trình hỏi lại."
    WHICH_OFFICE = "Cơ sở dữ liệu này dùng chung cho nhiều cơ quan. Máy này làm việc cho cơ quan nào?"
    ORDER_NUMBER = "Số thứ tự: "
    OFFICE_REMEMBERED = "Đã ghi nhớ: máy này làm việc cho {name} (đổi bằng: doithoai office use SỐ)."
    WHO_IS_WORKING = "Máy này chưa biết ai đang làm việc ({name}). Chọn tên của bạn:"
    ORDER_NUMBER_OR_SKIP = f"Số thứ tự ({key('enter')} để bỏ qua): "
    YES = "có"
    WAIT_FOR_OTHER = "Chờ chương trình kia đóng rồi thử mở lại? (K: thoát)"
    FILE_KEPT_ASIDE = " Tệp hiện có sẽ được giữ lại bên cạnh."
    RESTORE_ASK = "Khôi phục bản sao lưu mới nhất ({label}) ngay bây giờ?{kept}"
    RESTORED = "Đã khôi phục. Tệp cũ được giữ tại: {aside}"
    # the whole check of a file the machine left open (a power cut), after the first screen
    CHECKING_AFTER_POWER_CUT = (
        "Lần trước máy tắt hoặc khởi động lại khi Đối thoại đang mở tệp dữ liệu: đang kiểm tra toàn bộ tệp "
        "(vài giây tới vài chục giây với tệp lớn). Vẫn làm việc được trong lúc kiểm tra.")
    FILE_SOUND = "Đã kiểm tra xong: tệp dữ liệu nguyên vẹn."
    FILE_DAMAGED = (
        "Tệp dữ liệu bị hỏng ({problem}). Đừng nhập thêm: thoát (" + key("ctrl+q") + ") rồi khôi phục bản sao "
        "lưu. {advice}")


class PetitionDetailWords:
    """A petition's detail (F6, Enter): its facts, group, answers and history."""
    PHONE = " · ĐT {citizen_phone}"
    TITLE = "Kiến nghị số {id}"
    CITIZEN = "Người kiến nghị:"
    VILLAGE = "Thôn:"
    FIELD = "Lĩnh vực:"
    CHANNEL = "Hình thức:"
    CONFERENCE = "Hội nghị:"
    RECEIVED_ON = "Ngày nhận:"
    DISPOSITION = "Hướng xử lý:"
    UNIT = "Đơn vị:"
    DUE_ON = "Hạn trả lời:"
    EXTENSION_REASON = "Lý do gia hạn:"
    CONTENT = "Nội dung:"
    FORWARD_LETTER = "Văn bản chuyển:"
    FORWARD_NUMBER = " {forward_number} ngày {date}"
    NO_FORWARD_LETTER = " · chưa ghi văn bản chuyển"
    FOLLOWUP_ON = "Đôn đốc ngày:"
    FORWARDED_TO = "Chuyển đến:"
    UPPER_REPLY = "Trả lời của cấp trên:"
    UPPER_REPLY_NUMBER = " {upper_reply_number} ngày {date}"
    WITHDRAWN_ON = "Đã rút ngày {date}:"
    GROUP = "Nhóm cùng nội dung ({group} ý kiến)"
    GROUP_ACTIONS = " — thao tác trên bảng áp dụng cho cả nhóm"
    GROUP_MEMBER = "  {mark} Số {id} · {date} · {citizen_label} · {status}"
    ANSWER_LETTER = "Văn bản trả lời:"
    ANSWER_NUMBER = " {answer_number} ngày {date}"
    EVENTS = "Lịch sử xử lý"
    AUDIT = "Nhật ký thay đổi bản ghi"
    NEWEST_FIRST = " (mới nhất trước)"
    EDIT_OR_WITHDRAW = "Sửa hoặc rút"
    SAVED = "Đã lưu; lịch sử xử lý ghi lại thay đổi."
    GONE = "Kiến nghị này không còn nữa."


class DashboardWords:
    """Tổng quan (F2)."""
    HELP = (
        "Tổng quan cho biết hội nghị sắp tới (hoặc hội nghị đã họp mà hồ sơ chưa xong: biên bản ký, thông báo kết "
        "luận, báo cáo) với trạng thái và các mốc thời hạn theo luật, số kiến nghị quá hạn, sắp đến hạn (trong 3 "
        "ngày làm việc) và đang xử lý, cùng các văn bản mới ban hành.\n"
        "Màu đỏ: đã quá hạn; vàng: sắp đến hạn; xanh: còn thời gian.")
    TITLE = " Tổng quan"
    TITLE_TODAY = " Tổng quan — {office} — hôm nay {today:%d/%m/%Y}"
    LOADING = "Đang tải…"
    PETITIONS = "Kiến nghị: {received} {total} — "
    WITHDRAWN = " (đã rút {withdrawn})"
    NO_CONFERENCE = f"Chưa có hội nghị nào sắp tới. Tạo hội nghị ở màn hình Hội nghị ({key('f4')})."
    CONFERENCE_LINE = "{start_time} ngày {date:%d/%m/%Y} tại {venue} — "
    MET_FINISHING = "đã họp, đang hoàn tất hồ sơ"
    STATE_LABEL = " · trạng thái: "
    DONE = "đã xong"
    MILESTONE = "Mốc"
    DUE = "Hạn"
    LEFT = "Còn"
    SOURCE = "Căn cứ"
    UNFINISHED = f"Hồ sơ chưa xong: hội nghị ngày {{date:%d/%m/%Y}} — {{status_label}} (xem {key('f4')})."
    LATE = "Quá hạn: {late}"
    DATE = "Ngày"
    SIGNED = "Ký số"
    NO_DOCUMENTS = "Chưa có văn bản nào."
    MET_TITLE = "Hội nghị đã họp, đang hoàn tất hồ sơ"
    NEXT_TITLE = "Hội nghị sắp tới"
    SEE_BOARD = f"Xem và xử lý ở màn hình Theo dõi ({key('f6')})."
    PETITIONS_TITLE = "Kiến nghị cần xử lý"
    RECENT_DOCUMENTS = "Văn bản gần đây"


class PetitionFormWords:
    """The form that edits or withdraws a recorded petition (F5 Ctrl+D, F6 E)."""
    CITIZEN_TITLE = "Danh xưng (Ông, Bà hoặc để trống)"
    CITIZEN = "Người nêu"
    WITHHELD = "Giấu tên"
    NO = "Không"
    WITHHELD_YES = "Có (không lưu tên)"
    ADDRESS = "Địa chỉ"
    PHONE = "Điện thoại"
    VILLAGE = "Thôn (vài chữ đầu, không cần dấu)"
    CHANNEL = "Hình thức"
    DISPOSITION = "Hướng xử lý"
    ANSWERED_BY = "Người trả lời"
    UNIT = "Đơn vị trả lời bằng văn bản"
    FORWARDED_TO = "Chuyển đến (cơ quan có thẩm quyền)"
    FORWARD_NUMBER = "Số văn bản chuyển (có thể ghi sau)"
    FORWARD_DATE = "Ngày văn bản chuyển"
    FOLLOWUP_ON = "Ngày đôn đốc cấp trên"
    WITHDRAW_REASON = "Rút kiến nghị: ghi lý do (để trống nếu chỉ sửa)"
    TITLE = "Sửa kiến nghị số {number} — {citizen_label}"


class HistoryWords:
    """A record's history of changes (H on F3, F4, F6, F7), and undoing one."""
    TITLE = "Lịch sử thay đổi"
    AT = "Lúc"
    WHO = "Người"
    ACTION = "Việc"
    CHANGE = "Thay đổi"
    REASON = "Lý do"
    NONE = "Chưa có thay đổi nào được ghi."
    UNDO = "Trả lại như trước lần sửa này"
    UNDONE = "Đã trả lại như trước lần sửa lúc {at}: {changes}"
    UNDO_ASK = "Trả lại như trước lần sửa lúc {at} ({changes})?"


class ConclusionsWords:
    """The chair's conclusions (F5 F10), kept by two workstations at once."""
    AUTOSAVE_HINT = f"Tự động lưu khi gõ · {key('escape')}: xong"
    CONFLICT_HINT = f"{key('ctrl+g')}: ghép hai bản · {key('ctrl+s')}: giữ bản của bạn · {key('ctrl+r')}: lấy bản kia"
    MERGE = "Ghép hai bản"
    KEEP_MINE = "Giữ bản của tôi"
    TAKE_THEIRS = "Lấy bản kia"
    TITLE = "Kết luận của chủ trì"
    THEIRS = "Bản do {who} lưu lúc {updated_at:%H:%M:%S} (chỉ xem):"
    NOT_SAVED_OVER = "Bản của bạn chưa lưu đè lên bản ở máy khác."
    SAVED = "Đã lưu kết luận."
    TAKE_THEIRS_ASK = (
        "Bản kết luận ở máy khác khác bản bạn đang gõ. Đóng và dùng bản kia, bỏ phần bạn gõ? (K: quay lại để ghép "
        f"bằng {key('ctrl+g')} hoặc giữ bản của bạn bằng {key('ctrl+s')})")


class ScreenNames:
    """The main screens' names (F2–F8), as the key bar, F1 and Ctrl+P show them."""
    DASHBOARD = "Tổng quan"
    PLANS = "Kế hoạch"
    CONFERENCES = "Hội nghị"
    SESSION = "Phiên họp"
    BOARD = "Theo dõi"
    DOCUMENTS = "Văn bản"
    CATALOG = "Danh mục"


class WidgetWords:
    """Small widgets and helpers shared by the screens: forms, fields, pickers, confirmations, the PDF viewer."""
    NOT_CHOSEN = "(chưa chọn)"
    SAVED_CHANGED = "Đã lưu — đã sửa: "
    STORAGE_FAILED = f"Chưa lưu được (lỗi lưu trữ). Nội dung vừa gõ vẫn còn đây; hãy thử lưu lại ({key('ctrl+s')})."
    TAKEN_NEW_VALUES = " Đã lấy giá trị mới vào các ô bạn chưa sửa: {fields}."
    SAVE_OVER_HINT = (
        f"{{message}}{{note}} Nội dung bạn gõ vẫn còn đây: nhấn {key('ctrl+s')} lần nữa để lưu đè lên bản mới, hoặc {key('escape')} để bỏ.")
    DISCARD_ASK = "Bỏ những gì vừa gõ mà không lưu?"
    TEXT_START = "Đầu văn bản"
    TEXT_END = "Cuối văn bản"
    SELECT_TO_START = "Chọn tới đầu"
    SELECT_TO_END = "Chọn tới cuối"
    PARENT_FOLDER = "Thư mục cha"
    ONLY_SUFFIXES = "Chỉ nhập được tệp {suffixes}; “{name}” không phải."
    NO_SUCH_PATH = "Không có thư mục hay tệp “{path}”. Sửa đường dẫn, hoặc chọn ở cây thư mục."
    AGREE = "Đồng ý"
    CONFIRM_NO = "Không"
    VERSION = "Bản"
    CHANGE_REASON = "Lý do điều chỉnh"
    ROLE_REFUSED = " — không dùng được: chỉ {who}"
    KEYS_HEADING = "[b]Phím tắt[/b]"
    REOPENED_UNSAVED = (
        f"Đã mở lại nội dung chưa lưu của lần trước (chương trình bị tắt khi đang sửa). {key('ctrl+s')}: lưu · {key('escape')}: bỏ phần "
        "chưa lưu.")
    FILE_NOT_FOUND = f"Không tìm thấy tệp {{path}}. Nhấn {key('r')} để in lại văn bản từ hồ sơ gốc."
    OPENED = "Đã mở tệp {name} bằng trình xem PDF của máy."
    VIEWER_FAILED = "Không mở được trình xem PDF ({os_reason}). Tệp ở: {path}"
    NO_DISPLAY = "Máy này không có màn hình đồ họa để mở PDF. Tệp ở: {path}"
    WORD_MISSING = (
        "Chưa xuất được tệp Word (.docx): bản cài đặt này thiếu phần tạo tệp Word ({reason}). Hãy dùng tệp PDF, "
        "hoặc cài đặt lại chương trình đầy đủ.")


class BoardWords:
    """Theo dõi (F6): its title, keys, forms and messages."""
    HELP = ("Bảng theo dõi liệt kê mọi kiến nghị còn chờ xử lý của mọi hội nghị, mọi năm, kể cả kiến nghị đã "
            "chuyển cấp trên đang chờ trả lời (sau các kiến nghị có hạn): hạn trả lời, số ngày còn lại hoặc đã trễ "
            "(ngày làm việc với kiến nghị nhận ngoài hội nghị), trạng thái, đơn vị, người kiến nghị, nội dung (dài "
            "thì xuống hai dòng); màn hình rộng có thêm lĩnh vực, thôn, hội nghị.\n"
            "LV: ngày làm việc. Màu đỏ: quá hạn; vàng: đến hạn trong 3 ngày làm việc; xanh: trong hạn; mờ: đã xong "
            "(cùng cách tính với màn hình Tổng quan).\n"
            f"/: tìm (không cần gõ dấu: “dat dai” tìm được “đất đai”) · {key('l')}: lọc theo đơn vị, lĩnh vực, thôn, "
            f"trạng thái, hội nghị, khoảng ngày · {key('0')}: bỏ lọc · {key('s')}: đổi cách sắp xếp · {key('d')}: đảo chiều · [ ]: trang.\n"
            f"{key('enter')}: xem chi tiết và lịch sử (E trong chi tiết: sửa mọi ô hoặc rút kiến nghị) · {key('g')}: giao đơn vị · "
            f"{key('h')}: gia hạn · {key('c')}: đóng · {key('m')}: mở lại. Với kiến nghị trong một nhóm cùng nội dung, G, H, T, C áp dụng cho "
            "cả nhóm, mỗi ý kiến có dòng lịch sử riêng.\n"
            "V (hoặc I): viết công văn trả lời kiến nghị đang chọn (cả nhóm cùng nội dung) — gõ nội dung trả lời vào "
            f"chỗ “[cần điền: nội dung trả lời]”, {key('ctrl+b')} ban hành: công văn lấy số và kiến nghị được ghi đã trả lời "
            "(số, ngày, tóm tắt) cùng lúc.\n"
            f"{key('t')}: ghi trả lời gửi bằng cách khác (văn bản của đơn vị, trả lời trực tiếp…; số văn bản nếu có); với "
            "kiến nghị đã chuyển: ghi trả lời của cấp trên.\n"
            f"{key('o')} (hoặc {key('ctrl+w')}): danh xưng của người kiến nghị, mỗi lần nhấn đổi Ông → Bà → không ghi; "
            f"công văn trả lời dùng danh xưng này. {key('ctrl+z')}: lịch sử của kiến nghị đang chọn, {key('u')} trả lại "
            "một lần sửa.\n"
            "Văn bản: U công văn đôn đốc đơn vị của dòng đang chọn · K thông báo kết luận · B báo cáo cấp trên "
            "của hội nghị của dòng đang chọn (mở màn hình soạn, xem PDF, ban hành).\n"
            f"{key('n')}: mở một nhóm cùng nội dung thành từng ý kiến, hoặc gộp lại (“+2”: nhóm còn 2 ý kiến nữa).\n"
            f"{key('x')}: xuất Excel hoặc CSV (có thể bỏ địa chỉ, điện thoại của công dân).")
    # keys
    SEARCH = "Tìm"
    FILTER = "Lọc"
    CLEAR = "Bỏ lọc"
    SORT = "Sắp xếp"
    REVERSE = "Đảo chiều"
    NEXT_PAGE = "Trang sau"
    PREVIOUS_PAGE = "Trang trước"
    ASSIGN = "Giao đơn vị"
    EXTEND = "Gia hạn"
    WRITE_ANSWER = "Viết trả lời"
    OTHER_ANSWER = "Ghi trả lời khác"
    CLOSE = "Đóng"
    REOPEN = "Mở lại"
    REMINDER = "Đôn đốc"
    CONCLUSION = "Kết luận"
    REPORT = "Báo cáo"
    GROUP = "Mở/gộp nhóm"
    EXPORT = "Xuất Excel/CSV"
    # the screen
    TITLE = " Theo dõi"
    SEARCH_PLACEHOLDER = "Tìm (/): tên, nội dung, thôn, lĩnh vực, đơn vị — không cần gõ dấu"
    LOADING = "Đang tải…"
    COUNTS = " Theo dõi — {total} kiến nghị · Quá hạn {late} · Sắp đến hạn {due_soon} · Trong hạn {on_track}"
    COUNT_WAITING = " · Chờ cấp trên {n}"
    COUNT_DONE = " · Đã xong {n}"
    PAGE = f"Trang {{page}}{{pages}} · [ ]: chuyển trang · {key('enter')}: chi tiết"
    NOTHING_MATCHES = f"Không có kiến nghị nào khớp. Bấm {key('0')} để bỏ lọc, hoặc sửa từ khóa tìm kiếm."
    FILTERS = "Lọc: {filters} — Sắp xếp: {sort} {arrow}"
    RECEIVED = "nhận từ {start} đến {end}"
    SEARCHED = "tìm “{text}”"
    SORTED_BY = "Sắp xếp theo {sort}"
    NOT_IN_GROUP = "Ý kiến này không ở trong nhóm nào trên bảng."
    NO_ROW = "Chưa chọn kiến nghị nào."
    WHOLE_GROUP = "Đã áp dụng cho cả nhóm {n} ý kiến cùng nội dung."
    SAVED = "Đã lưu."
    # the documents of the current row
    NO_UNIT = f"Kiến nghị này chưa giao đơn vị nào. Bấm {key('g')} để giao."
    NO_CONCLUSION = "Kiến nghị này nhận ngoài hội nghị nên không có thông báo kết luận."
    NO_REPORT = "Hãy chọn một kiến nghị của hội nghị cần báo cáo."
    # the filter form
    FILTER_TITLE = "Lọc bảng theo dõi"
    URGENCY = "Mức độ"
    VILLAGE = "Thôn, tổ dân phố"
    CONFERENCE = "Hội nghị"
    RECEIVED_FROM = "Nhận từ ngày"
    RECEIVED_TO = "Đến ngày"
    # the forms of a row
    ANSWERING_UNIT = "Đơn vị trả lời"
    NEW_DUE = "Hạn mới (ngày/tháng/năm)"
    EXTEND_REASON = "Lý do gia hạn"
    UPPER_REPLY = "Ghi trả lời của cấp trên"
    UPPER_NUMBER = "Số, ký hiệu văn bản của cấp trên"
    LETTER_DATE = "Ngày văn bản"
    REPLY_SUMMARY = "Tóm tắt trả lời"
    OTHER_ANSWER_TITLE = f"Ghi trả lời gửi bằng cách khác (công văn của cơ quan: phím {key('v')})"
    ANSWER_NUMBER = "Số, ký hiệu văn bản (nếu có; để trống khi trả lời trực tiếp)"
    ANSWER_NUMBER_EXAMPLE = "15/ĐCXD"
    ANSWER_SUMMARY = "Tóm tắt nội dung trả lời"
    CLOSE_TITLE = "Đóng kiến nghị"
    CLOSE_NOTE = "Ghi chú (bắt buộc nếu chưa có văn bản trả lời)"
    REOPEN_TITLE = "Mở lại kiến nghị"
    REOPEN_REASON = "Lý do mở lại"
    REOPEN_DUE = "Hạn mới (để trống: giữ hạn cũ)"
    # the export form
    EXPORT_TITLE = "Xuất dữ liệu"
    EXPORT_WHAT = "Xuất"
    EXPORT_BOARD = "Bảng theo dõi (theo bộ lọc hiện tại, mọi trang)"
    EXPORT_STATS = "Thống kê theo lĩnh vực, đơn vị, thôn, tình trạng"
    FORMAT = "Định dạng"
    XLSX = "Excel (.xlsx)"
    CSV = "CSV (mở được bằng Excel)"
    CONTACTS = "Thông tin liên hệ của công dân"
    WITH_CONTACTS = "Có địa chỉ, điện thoại"
    WITHOUT_CONTACTS = "Bỏ địa chỉ, điện thoại"
    FOLDER = "Thư mục lưu"
    REPLACE_FILE = "Đã có tệp “{path}”. Thay bằng bản xuất mới?"
    EXPORTED_STATS = "Đã xuất thống kê ({rows} kiến nghị): {path}"
    EXPORTED = "Đã xuất {rows} kiến nghị: {path}"


class PaperKeyWords:
    """Issue 22's keys and command: the citizen's title in one key, the register on paper."""
    TITLE_KEY = "Ông/Bà"
    TITLE_SET = "Danh xưng: {title} — văn bản gửi người kiến nghị viết “{said}”."
    NO_TITLE = "không ghi"
    SIR_OR_MADAM = "ông (bà)"
    TITLE_WITHHELD = "Người kiến nghị xin giấu tên nên không ghi danh xưng."
    #: Ctrl+W on a petition already recorded (F5: the row chosen with Ctrl+↑/↓; F6: the row selected)
    TITLE_SET_FOR = ("Kiến nghị số {number} ({name}): danh xưng {title} — văn bản gửi người kiến nghị viết "
                     "“{said}”. Trả lại: {undo} (lịch sử), chọn dòng, " + key("u") + ".")
    HISTORY = "Lịch sử, hoàn tác"
    HISTORY_OF = "Lịch sử kiến nghị số {number} — {name}"
    REGISTER_HELP = ("Liệt kê sổ văn bản đi: số, ngày, loại, trích yếu, tệp và kết quả kiểm tra mã SHA-256 của tệp. "
                     "Với --pdf: in sổ đăng ký văn bản đi của một năm ra tệp PDF (các cột theo Nghị định 30/2020, "
                     "Phụ lục IV).")
    REGISTER_PDF_HELP = "In sổ của năm (--nam, mặc định năm nay) ra tệp PDF."
    REGISTER_OUTPUT_HELP = "Với --pdf: tệp để ghi (mặc định: thư mục văn bản của cơ quan)."
    REGISTER_PRINTED = "Đã tạo sổ đăng ký văn bản đi năm {year} ({count} văn bản): {path}"
