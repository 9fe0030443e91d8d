"""Chữ ký số: the digital signatures made on issued documents, and the images
(handwritten signature, seal) their appearance shows.

Each signature is an incremental update of the file before it, kept as a new
file beside the issued one (never over it), with its SHA-256: the issued PDF,
then the file signed by the person, then the one signed by the office. An
electronic copy (bản sao điện tử) is one more file, signed by the office."""
from __future__ import annotations

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import Office, Person
from models.domain.register import OutgoingDocument

#: roles, in the order they sign (Decree 30/2020 App. I: the person, then the office)
PERSON, OFFICE, COPY = "nguoi_ky", "co_quan", "ban_sao"


class DocumentSignature(BaseModel):
    """One digital signature of an issued document (or of its electronic copy)."""

    office = pw.ForeignKeyField(Office, backref="signatures", on_delete="CASCADE")
    document = pw.ForeignKeyField(OutgoingDocument, backref="signatures", on_delete="CASCADE")
    role = pw.CharField()                   # nguoi_ky, co_quan, ban_sao
    copy_form = pw.CharField(default="")    # sao-y, sao-luc, trich-sao (role ban_sao)
    signer_name = pw.CharField(default="")  # the certificate's common name
    organisation = pw.CharField(default="")
    cert_serial = pw.CharField(default="")
    cert_sha256 = pw.CharField(default="")
    signed_at = pw.CharField()              # ISO 8601 with +07:00
    source_sha256 = pw.CharField(default="")  # the file that was signed
    file_path = pw.TextField()
    sha256 = pw.CharField()

    class Meta:
        indexes = ((("document", "role", "copy_form", "signed_at"), False),)


class SignatureImage(BaseModel):
    """A transparent PNG shown in an appearance: a person's handwritten
    signature (kind "chu_ky", blue) or the office's seal ("con_dau", red)."""

    office = pw.ForeignKeyField(Office, backref="signature_images", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, null=True, backref="signature_images", on_delete="CASCADE")
    kind = pw.CharField()                   # chu_ky, con_dau
    png = pw.BlobField()
    sha256 = pw.CharField(default="")
