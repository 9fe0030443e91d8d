"""A realistic recorded conference for previews, tests and the benchmark.

Builds records through the ordinary models; nothing here is printed by itself."""
from __future__ import annotations

import datetime as dt

from models import (
    AgendaItem,
    Attendance,
    Conference,
    ConferenceVillage,
    Invitee,
    Petition,
    Plan,
)
from models.services import catalog, records

CONTENTS = (
    "Đề nghị xã sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ năm 2023.",
    "Đường liên thôn bị xuống cấp, mùa mưa ngập sâu, đề nghị sửa chữa.",
    "Chế độ người có công của gia đình tôi chưa được giải quyết, đề nghị xem xét.",
    "Rác thải ở khu chợ chưa được thu gom thường xuyên, gây ô nhiễm môi trường.",
    "Đề nghị cấp lại thẻ bảo hiểm y tế cho người cao tuổi bị mất thẻ.",
    "Tình trạng xe tải chở cát chạy quá tốc độ qua khu dân cư.",
)
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Hoa")


def office(kind: str = "ubnd_xa", place: str = "Kỳ Khang"):
    parent = "Đảng bộ tỉnh Hà Tĩnh" if kind == "dang_uy_xa" else "UBND tỉnh Hà Tĩnh"
    off = catalog.create_office(kind=kind, place_name=place, parent_body=parent, signer_name="Hồ Xuân Trính")
    for name in ("Thôn Đông", "Thôn Tây", "Thôn Bắc"):
        catalog.add_village(off, name, station=f"Cụm loa {name}")
    return off


def conference(off, *, petitions: int = 6, date: dt.date = dt.date(2026, 11, 15)) -> Conference:
    plan = Plan.create(office=off, series="sample", year=date.year, title="Tổ chức đối thoại với Nhân dân",
                       body="I. MỤC ĐÍCH\n- Lắng nghe Nhân dân.")
    conf = Conference.create(
        office=off, plan=plan, date=date, start_time="08:00", end_time="10:45",
        venue="Hội trường UBND xã Kỳ Khang",
        title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân các thôn Đông, Tây, Bắc",
        chair="Hồ Xuân Trính - Chủ tịch UBND xã\nNguyễn Văn Tâm - Bí thư Đảng ủy xã",
        secretary="Trần Thị Lan", topics="Đất đai, xây dựng\nChính sách người có công\nMôi trường",
        invited_groups="Thường trực Đảng ủy, HĐND xã\nTrưởng các thôn\nNhân dân các thôn",
        conclusions="Giao Địa chính - Xây dựng rà soát hồ sơ cấp giấy chứng nhận, trả lời trước ngày 15/12/2026.\n"
                    "Giao Văn hóa - Xã hội kiểm tra chế độ người có công.",
        opening_report="Chủ tịch UBND xã báo cáo tình hình kinh tế - xã hội năm 2026.")
    villages = catalog.villages(off)
    for v in villages:
        ConferenceVillage.create(conference=conf, village=v)
    for name, pos, group in (("Nguyễn Văn Tâm", "Bí thư Đảng ủy xã", False),
                             ("Lê Thị Mai", "Chủ tịch Ủy ban MTTQ Việt Nam xã", False),
                             ("Trưởng các thôn", "", True)):
        Invitee.create(conference=conf, name=name, position=pos, is_group=group)
    Attendance.create(conference=conf, group="officials", count=12)
    Attendance.create(conference=conf, group="village_leaders", count=9)
    Attendance.create(conference=conf, group="citizens", count=140)
    Attendance.create(conference=conf, group="guest", name="Phan Văn Hùng", position="Phó Chủ tịch UBND huyện")
    for i, (title, who) in enumerate((("Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng"),
                                      ("Báo cáo tình hình kinh tế - xã hội", "Chủ tịch UBND xã"),
                                      ("Nhân dân phát biểu ý kiến", "")), start=1):
        AgendaItem.create(conference=conf, seq=i, title=title, presenter=who)
    fields = catalog.fields(off)
    units = catalog.units(off)
    dispositions = ("on_spot", "in_writing", "in_writing", "forwarded", "noted", "in_writing")
    for i in range(petitions):
        disp = dispositions[i % len(dispositions)]
        answered = disp == "in_writing" and i % 4 == 1
        records.create(                  # through the audit trail, as the app records them (sealed)
            Petition, office=off, conference=conf, seq=i + 1, citizen_name=NAMES[i % len(NAMES)],
            citizen_withheld=(i % 7 == 6), village=villages[i % len(villages)],
            channel="slip" if i % 3 == 2 else "spoken", field=fields[i % len(fields)],
            content=CONTENTS[i % len(CONTENTS)],
            answer_on_spot="Chủ tịch UBND xã đã giải thích, hướng dẫn thủ tục." if disp == "on_spot" else "",
            answered_by="Chủ tịch UBND xã" if disp == "on_spot" else "", disposition=disp,
            unit=units[i % len(units)] if disp == "in_writing" else None,
            forwarded_to="UBND huyện" if disp == "forwarded" else "",
            received_on=date, due_on=date + dt.timedelta(days=30) if disp == "in_writing" else None,
            status={"on_spot": "closed", "forwarded": "forwarded", "noted": "noted"}.get(
                disp, "answered" if answered else "open"),
            answer_date=date + dt.timedelta(days=20) if answered else None,
            answer_summary="Hồ sơ của ông (bà) đã được rà soát; giấy chứng nhận sẽ được trao trong tháng 12/2026."
            if answered else "")
    return conf
