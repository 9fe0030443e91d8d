"""Vietnamese for click's own messages (usage errors, help headings), so that
nothing on the command line speaks English to the office. click marks its
messages with gettext; we replace that lookup with this table."""
from __future__ import annotations

import gettext

MESSAGES = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh.",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "Aborted!": "Đã hủy.",
    "Do you want to continue?": "Bạn có muốn tiếp tục?",
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "required": "bắt buộc",
    "file": "Tệp", "directory": "Thư mục", "path": "Đường dẫn",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
}
PLURALS = {
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
}


class _Vietnamese(gettext.NullTranslations):
    def gettext(self, message):
        return MESSAGES.get(message, message)

    def ngettext(self, singular, plural, n):
        chosen = singular if n == 1 else plural
        return PLURALS.get(chosen, MESSAGES.get(chosen, chosen))


def install() -> None:
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.termui
    import click.types

    # The metavar of a text option is its type name in capitals ("TEXT").
    click.types.STRING.name = "chữ"
    click.types.INT.name = "số"
    t = _Vietnamese()
    for mod in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                click.termui, click.types):
        if hasattr(mod, "_"):
            mod._ = t.gettext
        if hasattr(mod, "ngettext"):
            mod.ngettext = t.ngettext
