"""Kế hoạch: the plan, with its versions."""
from __future__ import annotations

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import Office
from models.domain.register import OutgoingDocument

PLAN_DRAFT = "draft"
PLAN_ISSUED = "issued"
PLAN_SUPERSEDED = "superseded"


class Plan(BaseModel):
    """One version of a plan. Versions of the same plan share ``series``.

    Structured parts (topics, chair, participants …) are kept as text, one item a
    line, because offices write them freely; the rest of the app reads them back
    line by line."""

    office = pw.ForeignKeyField(Office, backref="plans", on_delete="CASCADE")
    series = pw.CharField(index=True)
    version = pw.IntegerField(default=1)
    status = pw.CharField(default=PLAN_DRAFT)
    year = pw.IntegerField()
    title = pw.TextField()                    # trích yếu
    place_date = pw.DateField(null=True)      # date on the document
    place_month = pw.IntegerField(null=True)  # the month of a draft's date line when only it is known
    legal_bases = pw.TextField(default="")    # "Căn cứ …;" one a line
    preamble = pw.TextField(default="")       # sentence after the bases
    body = pw.TextField(default="")           # light markup: I., 1., 2.1., -, +
    closing = pw.TextField(default="")        # "Trên đây là Kế hoạch …"
    topics = pw.TextField(default="")
    chair = pw.TextField(default="")
    secretary = pw.CharField(default="")
    participants = pw.TextField(default="")
    venues = pw.TextField(default="")
    schedule = pw.TextField(default="")
    budget_source = pw.TextField(default="")
    assignments = pw.TextField(default="")
    recipients = pw.TextField(default="")
    signer_authority = pw.CharField(default="")
    signer_position = pw.CharField(default="")
    signer_name = pw.CharField(default="")
    document = pw.ForeignKeyField(OutgoingDocument, null=True, on_delete="SET NULL")
    change_reason = pw.TextField(default="")
    source = pw.CharField(default="")         # template:…, copy:ID, import:file
    search_text = pw.TextField(default="")

    search_fields = ("title", "body")

    @property
    def is_frozen(self) -> bool:
        return self.status != PLAN_DRAFT
