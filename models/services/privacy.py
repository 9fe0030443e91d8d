"""Người giấu tên: a citizen who asks to stay anonymous.

By default the name is not stored at all. An office may turn on "giữ tên
người giấu tên trong hồ sơ nội bộ" (a Setting); the name is then kept in the
petition's row only, and never searchable (Petition.search_fields leaves it
out), exported, printed or written to the audit trail in clear
(models.domain.audit.snapshot masks it)."""
from __future__ import annotations

from models.core.text import clean_line
from models.core.words import PrivacyWords as W
from models.domain.office import Setting
from models.services import records, roles

LABEL = W.KEEP_NAMES_LABEL


def _key(office) -> str:
    return f"privacy.keep_withheld_names:{getattr(office, 'id', office)}"


def keep_withheld_names(office) -> bool:
    row = Setting.get_or_none(Setting.key == _key(office))
    return bool(row and row.value == "1")


def set_keep_withheld_names(office, on: bool) -> None:
    """A catalogue setting: changed by the roles that may edit the catalogue."""
    roles.require(office, "catalog")

    row = Setting.get_or_none(Setting.key == _key(office))
    if row is None:
        records.create(Setting, office=getattr(office, "id", office), key=_key(office), value="1" if on else "0")
    else:
        records.update(row, {"value": "1" if on else "0"})


def stored_name(office, name: str, withheld: bool) -> str:
    """The name to store for a citizen: empty for an anonymous one unless the office keeps them."""
    if not withheld:
        return clean_line(name)
    return clean_line(name) if keep_withheld_names(office) else ""
