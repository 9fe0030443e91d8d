"""Ý kiến, kiến nghị: petitions and their history."""
from __future__ import annotations

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import TITLES, Field, Office, Unit, Village, next_title  # noqa: F401 (TITLES, next_title re-exported)
from models.domain.conference import Conference
from models.core.words import CHANNELS, DISPOSITIONS, NO_NAME, WITHHELD  # noqa: F401 (CHANNELS, DISPOSITIONS re-exported)
from models.core.words import PETITION_STATUSES as STATUSES  # noqa: F401 (re-exported)


OPEN_STATUSES = ("open",)
#: what the board's default view ("cần xử lý") shows
ACTION_STATUSES = ("open", "forwarded")
#: never counted in statistics nor shown on the board unless asked for
HIDDEN_STATUSES = ("withdrawn",)
class Petition(BaseModel):
    office = pw.ForeignKeyField(Office, backref="petitions", on_delete="CASCADE")
    conference = pw.ForeignKeyField(Conference, null=True, backref="petitions", on_delete="SET NULL")
    seq = pw.IntegerField(default=0)          # order in the session
    citizen_name = pw.CharField(default="")
    citizen_withheld = pw.BooleanField(default=False)
    citizen_title = pw.CharField(default="")  # "", "Ông", "Bà" (TITLES)
    citizen_address = pw.CharField(default="")
    citizen_phone = pw.CharField(default="")
    village = pw.ForeignKeyField(Village, null=True, on_delete="SET NULL")
    channel = pw.CharField(default="spoken")
    field = pw.ForeignKeyField(Field, null=True, on_delete="SET NULL")
    content = pw.TextField(default="")
    answer_on_spot = pw.TextField(default="")
    answered_by = pw.CharField(default="")
    disposition = pw.CharField(default="noted")
    unit = pw.ForeignKeyField(Unit, null=True, on_delete="SET NULL")
    forwarded_to = pw.CharField(default="")
    # a forwarded petition: the letter that forwarded it (may be filled in
    # later), the day to ask again, and the upper level's reply once received
    forward_number = pw.CharField(default="")
    forward_date = pw.DateField(null=True)
    followup_on = pw.DateField(null=True)
    upper_reply_number = pw.CharField(default="")
    upper_reply_date = pw.DateField(null=True)
    upper_reply_summary = pw.TextField(default="")
    received_on = pw.DateField()
    due_on = pw.DateField(null=True, index=True)
    status = pw.CharField(default="open", index=True)
    answer_number = pw.CharField(default="")
    answer_date = pw.DateField(null=True)
    answer_summary = pw.TextField(default="")
    closed_on = pw.DateField(null=True)
    extension_reason = pw.TextField(default="")
    withdrawn_on = pw.DateField(null=True)
    withdrawn_reason = pw.TextField(default="")
    # Nhiều người cùng nêu một việc: every member of a group points at its
    # first petition (the group's head, whose own group_parent is NULL); a
    # group is the head plus the petitions pointing at it. Chosen by the
    # secretary from a list of candidates, never guessed.
    group_parent = pw.ForeignKeyField("self", null=True, backref="grouped", on_delete="SET NULL")
    similar_to = pw.ForeignKeyField("self", null=True, on_delete="SET NULL")
    search_text = pw.TextField(default="")

    # an anonymous citizen's name (kept only if the office asks) is never searchable
    search_fields = ("searchable_name", "content", "answer_summary", "village.name", "field.name", "unit.name")

    class Meta:
        # Every board query is scoped to an office (or, on a province's server,
        # to every office) and walks one of these in the order it shows, so a
        # page costs the same at a hundred petitions or a million: the default
        # view (open ones by deadline, for one office or for all), all of an
        # office's by deadline, a unit's items (filter and the reminder letter)
        # and a unit's year, a field's and a village's items, a period of
        # receipt, the list by citizen. Search has its own substring index
        # (models/services/search.py); the urgency counts read (status, due_on).
        indexes = ((("office", "status", "due_on"), False),
                   (("office", "due_on"), False),
                   (("status", "due_on"), False),
                   (("unit", "status", "due_on"), False),
                   (("unit", "received_on"), False),
                   (("field", "status", "due_on"), False),
                   (("village", "status", "due_on"), False),
                   (("office", "received_on"), False),
                   (("office", "status", "citizen_name"), False),
                   (("citizen_name",), False))

    @property
    def searchable_name(self) -> str:
        return "" if self.citizen_withheld else self.citizen_name

    @property
    def group_head_id(self) -> int:
        """The id of the group's head (its own id when not grouped)."""
        return self.group_parent_id or self.id

    @property
    def citizen_label(self) -> str:
        return citizen_label(self.citizen_name, self.citizen_withheld)


def citizen_label(name: str | None, withheld: bool) -> str:
    """How a citizen is named wherever a petition is shown or printed: the
    name, "(giấu tên)" for a citizen who asked to stay anonymous (the name is
    never shown even if the office keeps it), "(không ghi tên)" when none was
    taken down. One rule for the board, the detail, the letters and exports."""
    if withheld:
        return WITHHELD
    return name or NO_NAME


class PetitionEvent(BaseModel):
    """Lịch sử xử lý: every change on the board."""

    petition = pw.ForeignKeyField(Petition, backref="events", on_delete="CASCADE")
    at = pw.DateTimeField()
    user = pw.CharField(default="")
    action = pw.CharField()                   # created, assigned, extended, answered, closed, reopened …
    detail = pw.TextField(default="")
    before = pw.TextField(default="")
    after = pw.TextField(default="")
