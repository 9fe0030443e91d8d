"""The demo's data lives in data/demo/, not in Python (issue 24 item 6).

``models/demo/`` builds the demo commune and the test sample from
``data/demo/commune.json`` and ``data/demo/samples.json``; the figures and facts
below were taken from the demo built by the Python literals before the move
(99efb56, on 2026-12-07), and the demo built from the data files must give them
again. Real SQLite file, built through the services as the app builds it."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DAY = dt.date(2026, 12, 7)

#: rows of each table: the demo commune plus one sample Party office with 8 petitions
COUNTS = {"Office": 2, "Village": 9, "Official": 9, "Plan": 2, "Conference": 4, "Petition": 70, "Invitee": 18,
          "AgendaItem": 15, "Attendance": 12, "BroadcastSlot": 84, "OutgoingDocument": 18, "PetitionEvent": 85,
          "Unit": 12, "Field": 24, "DocumentText": 3}
STATUSES = {"answered": 16, "closed": 18, "forwarded": 5, "forwarded_replied": 1, "noted": 5, "open": 24,
            "withdrawn": 1}
DISPOSITIONS = {"forwarded": 6, "in_writing": 40, "noted": 6, "on_spot": 18}
SYMBOLS = ["01/KH-UBND", "02/TB-UBND", "03/TB-UBND", "04/UBND-ĐCXD", "05/UBND-ĐCXD", "06/UBND-ĐCXD", "07/UBND-ĐCXD",
           "08/UBND-ĐCXD", "09/UBND-VHXH", "10/UBND-CA", "11/UBND-CA", "12/UBND-ĐCXD", "13/UBND-TPHT", "14/UBND-VP",
           "15/UBND-VHXH", "16/UBND-VHXH", "17/UBND-VHXH", "18/UBND-TPHT"]


@pytest.fixture
def built(tmp_path):
    """The demo on a fixed day, and a sample Party office, in a real SQLite file."""
    from models.core import clock
    from models.demo import build_demo, samples
    from models.storage.db import open_database

    with clock.fixed(DAY):
        open_database(tmp_path / "demo.sqlite")
        build_demo(DAY)
        party = samples.office("dang_uy_xa", "Kỳ Hà")
        samples.conference(party, petitions=8)


def test_the_demo_from_the_data_files_is_the_demo_it_was(built):
    import models
    from models.domain.document_text import DocumentText

    tables = {name: getattr(models, name, None) or DocumentText for name in COUNTS}
    assert {name: model.select().count() for name, model in tables.items()} == COUNTS
    P = models.Petition
    assert dict(Counter(p.status for p in P.select())) == STATUSES
    assert dict(Counter(p.disposition for p in P.select())) == DISPOSITIONS
    O = models.OutgoingDocument
    assert [d.symbol for d in O.select().order_by(O.id)] == SYMBOLS


def test_a_few_facts_of_the_demo(built):
    from models import AgendaItem, Attendance, Conference, Invitee, Petition, PetitionEvent, Plan, Village

    first = Conference.select().order_by(Conference.id).first()
    assert first.title == "Hội nghị đối thoại với Nhân dân thôn Trung Lương, thôn Đông Hải"
    assert first.venue == "Nhà văn hóa thôn Trung Lương" and first.date == dt.date(2026, 9, 23)
    assert first.topics.splitlines() == ["Đất đai", "Môi trường", "Giao thông - Thủy lợi", "An ninh trật tự"]
    assert first.invited_groups.splitlines()[-1] == "Bí thư Chi bộ, Trưởng thôn, Trưởng Ban Công tác Mặt trận các thôn"
    assert first.conclusions.startswith("Chủ tịch UBND xã ghi nhận các ý kiến;")
    assert [(a.title, a.presenter, a.planned_start, a.planned_minutes)
            for a in AgendaItem.select().where(AgendaItem.conference == first).order_by(AgendaItem.seq)] == [
        ("Khai mạc, giới thiệu đại biểu", "Võ Thị Thu Hà", "08:00", 10),
        ("Báo cáo tình hình kinh tế - xã hội", "Lê Văn Thành", "08:10", 20),
        ("Nhân dân phát biểu ý kiến, kiến nghị", "", "08:30", 120),
        ("Kết luận của chủ trì", "Lê Văn Thành", "10:30", 20)]
    assert [(i.name, i.position, i.is_group) for i in Invitee.select().where(Invitee.conference == first)
            .order_by(Invitee.id)][2:5] == [("Ủy ban MTTQ Việt Nam xã", "", True),
                                           ("Hoàng Văn Quý", "Trưởng thôn Trung Lương", False),
                                           ("Trần Thị Mến", "Trưởng thôn Đông Hải", False)]
    assert [(a.group, a.count, a.name) for a in Attendance.select().where(Attendance.conference == first)
            .order_by(Attendance.id)] == [("officials", 14, ""), ("village_leaders", 9, ""), ("citizens", 126, ""),
                                          ("guest", 0, "Trần Văn Nam")]
    plan = Plan.select().order_by(Plan.id).first()
    assert (plan.chair, plan.venues.splitlines()[2]) == ("Lê Văn Thành - Chủ tịch UBND xã", "Nhà văn hóa thôn Phú Ân")
    assert Village.select().order_by(Village.id).first().station == "Cụm loa Trung Lương"
    details = [e.detail for e in PetitionEvent.select()]
    assert any(d.startswith("Gộp với ý kiến số ") and d.endswith("(cùng nội dung)") for d in details)
    assert sum(d.startswith("Văn bản ") for d in details) == 16
    withdrawn = Petition.get(Petition.status == "withdrawn")
    assert "Công dân xin rút vì đã được Trưởng thôn giải đáp sau hội nghị" in " ".join(
        e.detail for e in withdrawn.events)
    sample = Conference.select().order_by(Conference.id.desc()).first()
    assert sample.title == "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân các thôn Đông, Tây, Bắc"
    assert sample.office.parent_body == "ĐẢNG BỘ TỈNH HÀ TĨNH"      # the letterhead writes it in capitals
    assert [p.content[:22] for p in Petition.select().where(Petition.conference == sample).order_by(Petition.seq)][:2] \
        == ["Đề nghị xã sớm cấp giấ", "Đường liên thôn bị xuố"]


def test_the_demo_code_holds_no_words():
    """What the demo says is in data/demo/: models/demo/ has no Vietnamese literal left."""
    import sys

    sys.path.insert(0, str(REPO / "tests"))
    from test_literal_share import literals

    found = {p.name: literals(p.read_text(encoding="utf-8")) for p in (REPO / "models" / "demo").glob("*.py")}
    assert {name: found_ for name, found_ in found.items() if found_} == {}
