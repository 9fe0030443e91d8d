"""Sổ văn bản đi: the register of outgoing documents."""
from __future__ import annotations

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import Office


class OutgoingDocument(BaseModel):
    """One issued document: its number, symbol, date, signer and the SHA-256 of
    the PDF that was issued. Locked once issued; a correction is a new version."""

    office = pw.ForeignKeyField(Office, backref="documents", on_delete="CASCADE")
    year = pw.IntegerField()
    kind = pw.CharField()                 # KH, TB, GM, BB, BC, QĐ, CV (công văn)
    sequence = pw.CharField()             # "*" (one sequence a year) or the kind
    number = pw.IntegerField()
    symbol = pw.CharField()               # "05/KH-UBND", "05-KH/ĐU", "12/UBND-VP"
    issued_on = pw.DateField()
    title = pw.TextField(default="")      # trích yếu
    signer = pw.CharField(default="")
    ref_type = pw.CharField(default="")   # plan, conference, petition, report …
    ref_id = pw.IntegerField(null=True)
    file_path = pw.TextField(default="")
    sha256 = pw.CharField(default="")
    locked = pw.BooleanField(default=True)
    version = pw.IntegerField(default=1)
    supersedes = pw.ForeignKeyField("self", null=True, backref="versions", on_delete="SET NULL")
    reason = pw.TextField(default="")
    search_text = pw.TextField(default="")
    chain_seq = pw.IntegerField(null=True)   # place in the office's chain (models.domain.chain)
    chain_hash = pw.CharField(default="")    # SHA-256 of the previous hash and this entry

    search_fields = ("symbol", "title", "signer")

    class Meta:
        indexes = ((("office", "year", "sequence", "number"), True), (("office", "chain_seq"), True))
