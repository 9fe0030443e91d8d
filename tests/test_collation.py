"""Vietnamese order for names on both engines: đ after d, a bare letter before
its toned forms, "Đông Sơn" before "Yên Sơn" (SQLite and PostgreSQL would put
"Đ" after "Y"). One sort key (models.core.text.vi_key) for every list of names."""
import pytest

NAMES = ["Yên Sơn", "Đông Sơn", "Dương Xá", "Ân Thi", "An Lão", "Ấp Bắc", "Bình Minh"]
ORDER = ["An Lão", "Ân Thi", "Ấp Bắc", "Bình Minh", "Dương Xá", "Đông Sơn", "Yên Sơn"]


@pytest.fixture
def place(db):
    from models.services import catalog

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", with_defaults=False)
    for name in NAMES:
        catalog.add_village(office, name)
        catalog.add_unit(office, f"Tổ {name}")
    return office


def test_every_list_of_names_is_in_vietnamese_order(place):
    from models.services import board, catalog, live_session, roles

    assert [v.name for v in catalog.villages(place)] == ORDER
    assert [u.name for u in catalog.units(place)] == [f"Tổ {n}" for n in ORDER]
    choices = board.choices(place.id)
    assert [label for label, _ in choices["village"]] == [v.label for v in catalog.villages(place)]
    assert [label for label, _ in choices["unit"]] == [f"Tổ {n}" for n in ORDER]
    assert live_session.village_names(place, None) == ORDER
    assert live_session.unit_names(place) == [f"Tổ {n}" for n in ORDER]
    for i, name in enumerate(reversed(NAMES)):        # the first one manages the list
        roles.add_person(place, f"Nguyễn {name}", "quan_tri" if i == 0 else "van_thu",
                         login=roles.current_login() if i == 0 else "")
    assert [p.full_name for p in roles.people(place)] == [f"Nguyễn {n}" for n in ORDER]

