"""The text layout behind the dashboard: exact widths, fixed columns kept,
the least important column giving way first, Vietnamese measured by cells."""
import unicodedata

from rich.text import Text

from tui.widgets.boxes import box, fit, side_by_side, table, wrap


def test_fit_cuts_with_an_ellipsis_and_pads_to_the_exact_width():
    assert fit("Thông báo tổ chức hội nghị", 10).plain == "Thông báo…"
    assert fit("Mốc", 6).plain == "Mốc   "
    # a decomposed (NFD) string is measured by what it shows, not by code points
    nfd = unicodedata.normalize("NFD", "Phường")
    assert fit(nfd, 8).cell_len == 8


def test_wrap_breaks_between_words():
    assert wrap("Xem và xử lý ở màn hình Theo dõi (F6).", 24) == ["Xem và xử lý ở màn hình", "Theo dõi (F6)."]
    assert wrap("", 10) == [""]


def test_table_keeps_fixed_columns_and_shrinks_the_least_important_first():
    rows = [["Phát thanh trên loa (ít nhất 3 ngày liên tiếp)", "27/11/2026", "còn 5 ngày",
             "Luật Tổ chức chính quyền địa phương 2025"]]
    lines = table(["Mốc", "Hạn", "Còn", "Căn cứ"], rows, 80, fixed={1, 2}, shrink_first=(3,))
    assert all(line.cell_len == 80 for line in lines)
    row = lines[1].plain
    assert "27/11/2026" in row and "còn 5 ngày" in row
    assert row.startswith("Phát thanh trên loa (ít nhất 3 ngày liên tiếp)")  # the label kept whole
    assert row.rstrip().endswith("…")  # the source gave way
    narrow = table(["Mốc", "Hạn", "Còn", "Căn cứ"], rows, 44, fixed={1, 2}, shrink_first=(3,))
    assert "27/11/2026" in narrow[1].plain and narrow[1].plain.startswith("Phát than")
    assert "…" in narrow[1].plain.split("27/11/2026")[0]  # then the label shrinks too


def test_box_and_side_by_side_have_exact_widths_and_equal_heights():
    left = box("Kiến nghị cần xử lý", [Text("Quá hạn: 6")], 30, "blue", height=3)
    right = box("Văn bản gần đây", [Text("15/UBND-VP  21/11/2026")], 40, "blue", height=3)
    assert len(left) == len(right) == 5
    joined = side_by_side(left, right)
    assert all(line.cell_len == 71 for line in joined)
    assert joined[0].plain.startswith("╭─ Kiến nghị cần xử lý ") and joined[-1].plain.endswith("╯")
