"""Storage on both backends: schema, NFC at the boundary, search, numbering."""
import datetime as dt
import unicodedata

import pytest

from models.core.errors import StaleEdit, ValidationError
from models.domain.petition import Petition
from conftest import audit_user
from models.services import catalog, numbering, petitions, records, search


def test_schema_version_recorded(db):
    from models.storage.migrations import CURRENT, current_version

    assert current_version(db) == CURRENT >= 1


def test_text_is_nfc_whatever_the_input_method(office):
    decomposed = unicodedata.normalize("NFD", "Thôn Đông Hải")
    v = catalog.add_village(office, decomposed + "\u200f")
    v = type(v).get_by_id(v.id)
    assert v.name == "Thôn Đông Hải"
    assert unicodedata.is_normalized("NFC", v.name)


@pytest.mark.parametrize("query, expected", [
    ("dat dai", "Đất đai"), ("nguyen", "Nguyễn Văn Dương"), ("DUONG", "Nguyễn Văn Dương"),
    ("Đông hải", "Thôn Đông Hải"), ("giấy chứng", "giấy chứng nhận"),
])
def test_search_ignores_diacritics(office, query, expected):
    v = catalog.add_village(office, "Thôn Đông Hải")
    f = catalog.find_field(office, "Đất đai")
    u = catalog.find_unit(office, "Địa chính")
    petitions.record_petition(office, content="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
                              citizen_name="Nguyễn Văn Dương", village=v, field=f, unit=u,
                              disposition="in_writing", received_on=dt.date(2026, 3, 2))
    petitions.record_petition(office, content="Mương nội đồng bị bồi lấp", citizen_name="Trần Thị Lựu",
                              received_on=dt.date(2026, 3, 2))
    found = list(Petition.select().where(search.matches(Petition, query)))
    assert len(found) == 1
    assert found[0].citizen_name == "Nguyễn Văn Dương"


def test_search_treats_wildcards_literally(office):
    petitions.record_petition(office, content="Tăng 100% phí", received_on=dt.date(2026, 3, 2))
    petitions.record_petition(office, content="Tăng 1000 đồng", received_on=dt.date(2026, 3, 2))
    assert Petition.select().where(search.matches(Petition, "100%")).count() == 1
    assert Petition.select().where(search.matches(Petition, "10_0")).count() == 0


def test_numbering_per_year_and_forms(office):
    a = numbering.register(office, "KH", title="Kế hoạch", issued_on=dt.date(2026, 1, 5))
    b = numbering.register(office, "TB", title="Thông báo", issued_on=dt.date(2026, 2, 5))
    c = numbering.register(office, "CV", title="Trả lời", issued_on=dt.date(2026, 2, 6), unit_short="VP")
    d = numbering.register(office, "KH", title="Kế hoạch", issued_on=dt.date(2027, 1, 4))
    assert [a.symbol, b.symbol, c.symbol, d.symbol] == ["01/KH-UBND", "02/TB-UBND", "03/UBND-VP", "01/KH-UBND"]


def test_numbering_per_kind_and_party(db):
    party = catalog.create_office(kind="dang_uy_xa", place_name="Đô Lương", numbering="per_kind")
    a = numbering.register(party, "KH", title="Kế hoạch", issued_on=dt.date(2026, 1, 5))
    b = numbering.register(party, "TB", title="Thông báo", issued_on=dt.date(2026, 1, 6))
    c = numbering.register(party, "KH", title="Kế hoạch 2", issued_on=dt.date(2026, 1, 7))
    assert [a.symbol, b.symbol, c.symbol] == ["01-KH/ĐU", "01-TB/ĐU", "02-KH/ĐU"]


def test_stale_edit_is_refused_and_nothing_lost(office):
    v = catalog.add_village(office, "Trung Lương")
    mine = type(v).get_by_id(v.id)
    theirs = type(v).get_by_id(v.id)
    records.update(theirs, {"leader_name": "Hoàng Văn Quý"})
    with pytest.raises(StaleEdit) as err:
        records.update(mine, {"leader_name": "Người khác"})
    assert err.value.current.leader_name == "Hoàng Văn Quý"
    assert type(v).get_by_id(v.id).leader_name == "Hoàng Văn Quý"


def test_stale_edit_says_who_and_what_and_a_confirmed_save_goes_over_it(office, monkeypatch):
    from models.storage import who as audit

    v = catalog.add_village(office, "Trung Lương", station="Cụm loa 1")
    mine = type(v).get_by_id(v.id)
    monkeypatch.setattr(audit, "_user", "Trần Thị Bình")
    records.update(type(v).get_by_id(v.id), {"station": "Cụm loa 2"})
    monkeypatch.setattr(audit, "_user", "Lê Văn An")
    with pytest.raises(StaleEdit) as err:
        records.update(mine, {"leader_name": "Hoàng Văn Quý"})
    message = err.value.message
    assert audit_user("Trần Thị Bình") in message and "Cụm loa: Cụm loa 1 → Cụm loa 2" in message
    assert "chưa được lưu" in message
    assert [c[0] for c in err.value.changed] == ["station"]
    newer = err.value.current
    # a third person saves before the user confirms: refused again
    records.update(type(v).get_by_id(v.id), {"kind": "Tổ dân phố"})
    with records.overwrite_confirmed(newer), pytest.raises(StaleEdit):
        records.update(mine, {"leader_name": "Hoàng Văn Quý"})
    # confirmed against what is stored now: saved, and the others' changes stay
    with pytest.raises(StaleEdit) as err:
        records.update(mine, {"leader_name": "Hoàng Văn Quý"})
    with records.overwrite_confirmed(err.value.current):
        records.update(mine, {"leader_name": "Hoàng Văn Quý"})
    stored = type(v).get_by_id(v.id)
    assert (stored.leader_name, stored.station, stored.kind) == ("Hoàng Văn Quý", "Cụm loa 2", "Tổ dân phố")


def test_unknown_village_is_named_in_the_message(office):
    catalog.add_village(office, "Trung Lương")
    with pytest.raises(ValidationError) as err:
        catalog.find_village(office, "Thôn Không Có")
    assert "Thôn Không Có" in err.value.message and "Trung Lương" in err.value.message


def test_empty_required_name(office):
    with pytest.raises(ValidationError) as err:
        catalog.add_village(office, "   ")
    assert "không được để trống" in err.value.message


def test_every_field_a_person_can_change_has_a_vietnamese_name():
    """History and "someone else saved" messages never show a code name."""
    from models.storage.migrations import all_models
    from models.services.history import FIELD_LABELS

    internal = {"id", "office", "row_version", "updated_at", "search_text", "created_at", "conference",
                "petition", "plan", "document", "supersedes", "ref_type", "ref_id", "sequence", "table",
                "record_id", "action", "user", "at", "before", "after", "detail", "actual_start",
                "actual_end", "uid"}   # uid: the office's stable identity, never edited by a person
    for model in all_models():
        missing = [k for k in model._meta.fields if k not in FIELD_LABELS and k not in internal]
        assert not missing, f"{model.__name__}: {missing}"


def test_every_record_carries_its_office(demo_office):
    from models.storage.migrations import all_models

    scoped = [m for m in all_models() if "office" in m._meta.fields]
    assert {m.__name__ for m in scoped} >= {"Unit", "Official", "Village", "Field", "Plan", "Conference",
                                            "Petition", "OutgoingDocument"}


def test_numbering_policy_cannot_change_mid_year(office, monkeypatch):
    monkeypatch.setenv("DOITHOAI_TODAY", "2026-03-01")
    numbering.register(office, "KH", title="Kế hoạch", issued_on=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError) as err:
        catalog.update_office(office, {"numbering": "per_kind"})
    assert "trùng số" in err.value.message
    monkeypatch.setenv("DOITHOAI_TODAY", "2027-01-02")
    catalog.update_office(type(office).get_by_id(office.id), {"numbering": "per_kind"})


def test_vietnamese_order_of_names():
    from models.core.text import vi_key

    names = ["Yên Sơn", "Đông Sơn", "Dương Xá", "Ân Thi", "An Lão", "Ấp Bắc", "Bình Minh", "Ơn Trên", "Ô Môn",
             "Oa Lạc", "Hà Tĩnh", "Hạ Long", "Hả Hê", "Hà Nội", "Há Miệng"]
    assert sorted(names, key=vi_key) == ["An Lão", "Ân Thi", "Ấp Bắc", "Bình Minh", "Dương Xá", "Đông Sơn",
                                         "Hả Hê", "Hạ Long", "Há Miệng", "Hà Nội", "Hà Tĩnh", "Oa Lạc", "Ô Môn",
                                         "Ơn Trên", "Yên Sơn"]
    # the tone only breaks a tie: ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted(["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"], key=vi_key) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    # NFD input sorts the same as NFC
    import unicodedata

    assert vi_key(unicodedata.normalize("NFD", "Đông Sơn")) == vi_key("Đông Sơn")


def test_a_long_text_changed_near_its_end_is_described_around_the_change():
    """Issue 20: a plan title changed at its end read '…người đứng đầu ch… → …người đứng
    đầu ch…' in the history and its undo question: both sides cut at the same place."""
    from models.services.records import describe

    title = ("Kế hoạch tổ chức Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền "
             "với Nhân dân trên địa bàn xã năm 2026")
    said = describe([("title", title, title.replace("năm 2026", "năm 2027"))])
    was, now = said.split(": ", 1)[1].split(" → ")
    assert "2026" in was and "2027" in now and was != now, said
    assert was.startswith("…") and len(was) <= 60
    # short values and dates are said as before
    assert describe([("station", "Cụm loa 1", "Cụm loa 2")]) == "Cụm loa: Cụm loa 1 → Cụm loa 2"
