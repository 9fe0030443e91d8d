"""Field codes and type-ahead: one definition for the entry and the service
(models/services/typeahead.py); the entry's Ctrl keys come from its bindings."""
from models.services.typeahead import field_decided, match_field, rank

FIELDS = [(1, "Đất đai"), (2, "Môi trường"), (10, "Giao thông"), (11, "Y tế")]


def test_a_field_by_number_or_by_the_start_of_its_name_without_diacritics():
    assert match_field(FIELDS, "2") == (2, "Môi trường")
    assert match_field(FIELDS, "10") == (10, "Giao thông")
    assert match_field(FIELDS, "dat") == (1, "Đất đai")
    assert match_field(FIELDS, "te") == (11, "Y tế")           # a later word of the name
    assert match_field(FIELDS, "7") is None and match_field(FIELDS, "") is None


def test_one_waits_for_enter_when_ten_and_eleven_exist():
    assert field_decided(FIELDS, "2")
    assert not field_decided(FIELDS, "1")
    assert field_decided(FIELDS, "11")
    assert not field_decided(FIELDS, "dat")


def test_rank_puts_whole_name_matches_before_word_matches():
    assert rank(["Bình Minh", "An Bình", "Bắc Hà"], "b") == ["Bình Minh", "Bắc Hà", "An Bình"]


def test_the_service_reads_a_field_as_the_entry_does(office):
    from models.services import live_session as live

    fields = [(f.code, f.name) for f in live.field_list(office)]
    for typed in ("1", "2", "dat", "moi"):
        found = live.resolve_field(office, typed)
        assert (found.code, found.name) == match_field(fields, typed)


def test_the_entrys_ctrl_keys_are_its_bindings():
    from tui.widgets.entry import PetitionEntry

    keys = {k.strip() for b in PetitionEntry.BINDINGS for k in b.key.split(",")}
    assert set(PetitionEntry.KEY_ACTIONS) == keys == {"ctrl+y", "ctrl+l", "ctrl+r", "ctrl+u", "ctrl+w", "escape"}
    for action in PetitionEntry.KEY_ACTIONS.values():
        assert callable(getattr(PetitionEntry, f"action_{action}"))
