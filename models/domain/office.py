"""The office and what it maintains (danh mục): officials, units, villages,
fields, recipients lists, holiday overrides and rule settings."""
from __future__ import annotations

import uuid

import peewee as pw

from models.domain.base import BaseModel
from models.core.words import CatalogWords as W

FAMILY_STATE = "state"   # Decree 30/2020/NĐ-CP
FAMILY_PARTY = "party"   # Hướng dẫn 36-HD/VPTW

NUMBERING_PER_YEAR = "per_year"   # one sequence per year for all documents
NUMBERING_PER_KIND = "per_kind"   # one sequence per year and document kind

#: danh xưng, Ông / Bà before a person's name in letters and invitations
TITLES = ("", "Ông", "Bà")


def next_title(title: str) -> str:
    """The title one key press gives (F5, F6): none → Ông → Bà → none."""
    i = TITLES.index(title) if title in TITLES else 0
    return TITLES[(i + 1) % len(TITLES)]


def split_title(name: str) -> tuple[str, str]:
    """A title typed before a name, apart: "bà Ngô Thị Hạnh" → ("Bà", "Ngô Thị Hạnh");
    ("", name) when the name starts with none."""
    head, _, rest = name.strip().partition(" ")
    for title in TITLES[1:]:
        if head.lower() == title.lower() and rest.strip():
            return title, rest.strip()
    return "", name.strip()


def person_line(title: str, name: str, position: str) -> str:
    """A person as a form shows them, one a line, the inverse of what the form
    reads (split_title, " - "): "Bà Ngô Thị Hạnh - Trưởng thôn Đông"."""
    person = f"{title} {name}" if title else name
    return f"{person} - {position}" if position else person


class Office(BaseModel):
    """Cơ quan ban hành: UBND xã/phường, Đảng ủy xã …"""

    name = pw.CharField()                       # "Ủy ban nhân dân xã Kỳ Khang"
    kind = pw.CharField(default="ubnd_xa")      # ubnd_xa, ubnd_phuong, ubnd_huyen, dang_uy_xa
    family = pw.CharField(default=FAMILY_STATE)
    parent_body = pw.CharField(default="")      # "UBND TỈNH HÀ TĨNH" (may be empty)
    header_name = pw.TextField(default="")      # "ỦY BAN NHÂN DÂN\nXÃ KỲ KHANG"
    locality = pw.CharField(default="")         # "xã Kỳ Khang" (used in running text)
    place_name = pw.CharField(default="")       # "Kỳ Khang" for the date line
    abbreviation = pw.CharField(default="UBND") # "UBND", "ĐU" in the number symbol
    numbering = pw.CharField(default=NUMBERING_PER_YEAR)
    signer_authority = pw.CharField(default=W.TM_UBND)
    signer_position = pw.CharField(default=W.CHAIR)
    signer_name = pw.CharField(default="")
    address = pw.CharField(default="")
    phone = pw.CharField(default="")
    #: the office's own identity, never changed and unlike any other office's
    #: on any server or file: its documents folder is named by it
    uid = pw.CharField(default=lambda: uuid.uuid4().hex)


class Unit(BaseModel):
    """Đơn vị trả lời kiến nghị (Văn phòng, Địa chính - Xây dựng …)."""

    office = pw.ForeignKeyField(Office, backref="units", on_delete="CASCADE")
    name = pw.CharField()
    short_name = pw.CharField(default="")      # "ĐC-XD", used in công văn symbols
    head_name = pw.CharField(default="")
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("office", "name"), True),)


class Official(BaseModel):
    """Cán bộ, công chức: chair, secretary, people who answer."""

    office = pw.ForeignKeyField(Office, backref="officials", on_delete="CASCADE")
    full_name = pw.CharField()
    position = pw.CharField(default="")
    unit = pw.ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    active = pw.BooleanField(default=True)


class Person(BaseModel):
    """Người dùng của cơ quan: who may do what (models.services.roles).

    ``login`` is the PostgreSQL login of the person on a shared server, or the
    Windows/Linux account on a single PC (may be empty: chosen from the list)."""

    office = pw.ForeignKeyField(Office, backref="people", on_delete="CASCADE")
    full_name = pw.CharField()
    login = pw.CharField(default="")
    role = pw.CharField(default="van_thu")
    #: on SQLite, the PIN asked before issuing or correcting: a salted scrypt
    #: hash (models.services.roles.hash_pin), "" while none is set
    pin_hash = pw.CharField(default="")      # van_thu, thu_ky, pho_chu_tich, chu_tich, quan_tri
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("office", "login", "full_name"), True),)


class Village(BaseModel):
    """Thôn, tổ dân phố, khu dân cư."""

    office = pw.ForeignKeyField(Office, backref="villages", on_delete="CASCADE")
    name = pw.CharField()
    kind = pw.CharField(default=W.VILLAGE)
    station = pw.CharField(default="")         # loudspeaker station (cụm loa)
    leader_name = pw.CharField(default="")
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("office", "name"), True),)

    @property
    def label(self) -> str:
        return self.name if self.name.lower().startswith(self.kind.lower()) else f"{self.kind} {self.name}"


class Field(BaseModel):
    """Lĩnh vực: đất đai, môi trường, chính sách người có công …"""

    office = pw.ForeignKeyField(Office, backref="fields", on_delete="CASCADE")
    code = pw.IntegerField()                    # number key in the live session
    name = pw.CharField()
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("office", "name"), True),)


class RecipientList(BaseModel):
    """Danh sách nơi nhận dùng lại."""

    office = pw.ForeignKeyField(Office, backref="recipient_lists", on_delete="CASCADE")
    name = pw.CharField()
    entries = pw.TextField(default="")          # one recipient a line


class HolidayOverride(BaseModel):
    """Ngày nghỉ hoán đổi (off) or ngày làm bù (work) set by the office."""

    office = pw.ForeignKeyField(Office, backref="holiday_overrides", on_delete="CASCADE")
    day = pw.DateField()
    kind = pw.CharField()                       # "off" or "work"
    note = pw.CharField(default="")

    class Meta:
        indexes = ((("office", "day"), True),)


class RuleSetting(BaseModel):
    """An office's own value for a deadline rule (defaults in data/rules.json)."""

    office = pw.ForeignKeyField(Office, backref="rule_settings", on_delete="CASCADE")
    key = pw.CharField()
    days = pw.IntegerField()
    unit = pw.CharField(default="calendar")     # "calendar" or "working"

    class Meta:
        indexes = ((("office", "key"), True),)


class Setting(BaseModel):
    """Small key/value state: the place to return to after a restart, etc."""

    office = pw.ForeignKeyField(Office, null=True, on_delete="CASCADE")
    key = pw.CharField(unique=True)
    value = pw.TextField(default="")
