"""Conference scheduling, the broadcast log and plan versions, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from models.domain.conference import BroadcastSlot
from models.core.errors import Locked, ValidationError


@pytest.fixture
def villages(office):
    from models.services import catalog

    return [catalog.add_village(office, "Đông Hải", station="Cụm loa Đông Hải"),
            catalog.add_village(office, "Trung Lương", station="Cụm loa Trung Lương")]


def form(**over):
    values = {"title": "", "date": "15/03/2026", "start_time": "8h", "venue": "Nhà văn hóa thôn Đông Hải",
              "villages": "đông hải; TRUNG", "chair": "Nguyễn Văn An - Chủ tịch UBND xã", "secretary": "",
              "topics": "Đất đai", "invited_groups": "Thường trực Đảng ủy xã\nỦy ban MTTQ Việt Nam xã",
              "invitees": unicodedata.normalize("NFD", "Trần Văn Nam - Chủ tịch HĐND xã")}
    return values | over


def test_create_conference_parses_and_syncs(office, villages):
    from models.domain.conference import Invitee
    from models.services import conferences as svc

    conf = svc.create_conference(office, None, form())
    assert conf.date == dt.date(2026, 3, 15) and conf.start_time == "08:00"
    assert conf.title == "Hội nghị đối thoại với Nhân dân thôn Đông Hải, thôn Trung Lương"
    assert [v.name for v in svc.villages_of(conf)] == ["Đông Hải", "Trung Lương"]
    people = list(conf.invitees.order_by(Invitee.id))
    assert [(i.name, i.is_group) for i in people] == [
        ("Thường trực Đảng ủy xã", True), ("Ủy ban MTTQ Việt Nam xã", True), ("Trần Văn Nam", False)]
    assert people[2].position == "Chủ tịch HĐND xã"  # NFD in, NFC stored
    assert svc.form_values(conf)["villages"] == "Đông Hải, Trung Lương"


@pytest.mark.parametrize("key,value,field", [
    ("date", "31/02/2026", "date"), ("start_time", "25:00", "start_time"), ("venue", " ", "venue"),
    ("villages", "", "villages"), ("villages", "Không Có", "village"), ("chair", "", "chair")])
def test_conference_form_errors_name_the_field(office, villages, key, value, field):
    from models.services import conferences as svc

    with pytest.raises(ValidationError) as err:
        svc.create_conference(office, None, form(**{key: value}))
    assert err.value.field == field and err.value.message


def test_broadcast_schedule_and_log(office, villages):
    from models.services import conferences as svc
    from models.services.milestones import conference_milestones

    conf = svc.create_conference(office, None, form())
    slots = svc.plan_broadcasts(conf)
    assert len(slots) == 3 * 2 * 2
    assert len({s.day for s in slots}) == 3 and max(s.day for s in slots) <= dt.date(2026, 3, 12)
    with pytest.raises(ValidationError):
        svc.plan_broadcasts(conf, days=2)
    by_day = {}
    for s in slots:       # one reading a day at each village station
        by_day.setdefault((s.day, s.station), s)
    for s in by_day.values():
        svc.tick_reading(s, "Đài xã")
    state = {m.key: m for m in conference_milestones(conf, today=dt.date(2026, 3, 9))}
    assert state["broadcast"].state == "done" and state["broadcast"].done_on == max(d for d, _ in by_day)
    # replanning keeps the ticked readings
    assert sum(1 for s in svc.plan_broadcasts(conf) if s.read_at) == 6
    svc.tick_reading(next(s for s in svc.broadcast_slots(conf) if s.read_at))  # untick a mistake
    state = {m.key: m for m in conference_milestones(conf, today=dt.date(2026, 3, 9))}
    assert state["broadcast"].state != "done"


def test_notice_announces_and_held_conference_is_locked(office, villages, monkeypatch):
    """Issuing the notice is what announces the conference (one path: the issuer)."""
    from models import Conference
    from models.services import conferences as svc
    from tui import documents as pipeline

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-03-05")
    conf = svc.create_conference(office, None, form())
    pipeline.issue(office, "thong-bao", conf.id)
    conf = Conference.get_by_id(conf.id)
    assert conf.status == "announced" and conf.notice_published_on == dt.date(2026, 3, 5)
    conf.status = "closed"
    conf.save()
    with pytest.raises(Locked):
        svc.update_conference(conf, form())


def test_issue_then_new_version_supersedes(office, monkeypatch):
    from models.domain.plan import Plan
    from models.services import plans
    from tui import documents as pipeline

    def issue(p):
        pipeline.issue(office, "ke-hoach", p.id)
        return Plan.get_by_id(p.id)

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-01-05")
    plan = plans.new_from_template(office, 2026)
    issued = issue(plan)
    assert issued.status == "issued" and issued.document.symbol == "01/KH-UBND"
    with pytest.raises(Locked):
        plans.update_plan(issued, {"title": "Khác"})
    v2 = plans.new_version(issued, "Đổi ngày tổ chức")
    plans.update_plan(v2, {"schedule": "Quý III"})
    v2 = issue(v2)
    assert v2.document.symbol == "02/KH-UBND"
    assert Plan.get_by_id(issued.id).status == "superseded"
    assert [p.version for p in plans.versions(v2)] == [1, 2]


def test_issue_refuses_an_incomplete_plan(office):
    from models.services import plans
    from tui import documents as pipeline

    plan = plans.new_from_template(office, 2026)
    plans.update_plan(plan, {"body": "  "})
    with pytest.raises(ValidationError):
        pipeline.issue(office, "ke-hoach", plan.id)


def test_notice_and_invitations_cannot_be_issued_twice(demo_office, monkeypatch):
    from models import Conference, OutgoingDocument
    from models.core.errors import ValidationError
    from models.core.errors import Locked
    from tui import documents as pipeline

    monkeypatch.setenv("DOITHOAI_TODAY", "2026-11-22")
    conf = Conference.get(Conference.status == "planned")
    for slug in ("thong-bao", "giay-moi"):
        pipeline.issue(conf.office, slug, conf.id)
        before = OutgoingDocument.select().count()
        with pytest.raises((ValidationError, Locked)) as err:
            pipeline.issue(conf.office, slug, conf.id)
        assert "đã ban hành" in err.value.message and "phiên bản mới" in err.value.message
        assert OutgoingDocument.select().count() == before


def test_a_reading_cannot_be_ticked_before_its_day(office, villages, monkeypatch):
    from models.services import conferences as svc

    conf = svc.create_conference(office, None, form())
    first = min(svc.plan_broadcasts(conf), key=lambda s: s.day)
    monkeypatch.setenv("DOITHOAI_TODAY", (first.day - dt.timedelta(days=1)).isoformat())
    with pytest.raises(ValidationError) as err:
        svc.tick_reading(first, "Đài xã")
    assert "chưa đến" in err.value.message and f"{first.day:%d/%m/%Y}" in err.value.message
    assert BroadcastSlot.get_by_id(first.id).read_at is None
    monkeypatch.setenv("DOITHOAI_TODAY", first.day.isoformat())
    assert svc.tick_reading(first, "Đài xã").read_at is not None
