"""Spoken wording for the loudspeaker script: pure functions."""
import datetime as dt
import re

import pytest

from printing import spoken


@pytest.mark.parametrize("n, words", [
    (0, "không"), (5, "năm"), (10, "mười"), (11, "mười một"), (15, "mười lăm"), (21, "hai mươi mốt"),
    (24, "hai mươi tư"), (25, "hai mươi lăm"), (105, "một trăm linh năm"), (110, "một trăm mười"),
    (1000, "một nghìn"), (2005, "hai nghìn không trăm linh năm"),
    (2026, "hai nghìn không trăm hai mươi sáu"), (1_000_500, "một triệu năm trăm"),
    (300, "ba trăm"),
])
def test_number_words(n, words):
    assert spoken.number_words(n) == words


def test_date_in_words():
    assert spoken.date_words(dt.date(2026, 11, 15)) == \
        "ngày mười lăm tháng mười một năm hai nghìn không trăm hai mươi sáu"
    assert spoken.date_words(dt.date(2026, 4, 5)).startswith("ngày mùng năm tháng tư")
    assert spoken.date_words(dt.date(2026, 11, 15), weekday=True).startswith("chủ nhật, ngày")


@pytest.mark.parametrize("h, m, words", [
    (8, 0, "tám giờ sáng"), (14, 30, "hai giờ ba mươi phút chiều"), (12, 0, "mười hai giờ trưa"),
    (19, 15, "bảy giờ mười lăm phút tối"),
])
def test_time_in_words(h, m, words):
    assert spoken.time_words(h, m) == words


def test_speakable_has_no_digits_slashes_or_abbreviations():
    text = spoken.speakable("UBND xã mời HĐND, UBMTTQVN và Nhân dân các TDP dự lúc 08 giờ 00 "
                            "ngày 15/6/2022 tại số 300 (mỗi KDC 02 người, b/c), 7h30 ngày 5/7")
    assert not re.search(r"[0-9/]", text)
    for short in ("UBND", "HĐND", "UBMTTQVN", "TDP", "KDC"):
        assert short not in text
    assert "Ủy ban nhân dân xã" in text and "Ủy ban Mặt trận Tổ quốc Việt Nam" in text
    assert "tám giờ sáng" in text and "bảy giờ ba mươi phút sáng" in text
    assert "ngày mười lăm tháng sáu năm hai nghìn không trăm hai mươi hai" in text
    assert "ba trăm" in text and "hai người" in text and "báo cáo" in text
