"""Schema version and forward migrations.

Version 1 is the first release's schema. A later release appends a function to
MIGRATIONS that brings version N-1 to N (with playhouse.migrate); ``upgrade``
runs those the database has not had yet, each in its own transaction.
"""
from __future__ import annotations

import peewee as pw

from .errors import StorageError


class SchemaVersion(pw.Model):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(constraints=[pw.SQL("DEFAULT CURRENT_TIMESTAMP")])

    class Meta:
        table_name = "schema_version"


def all_models() -> list[type[pw.Model]]:
    from .audit import AuditEntry
    from .catalog import (
        Field,
        HolidayOverride,
        Office,
        Official,
        RecipientList,
        RuleSetting,
        Setting,
        Unit,
        Village,
    )
    from .documents import DocumentText
    from .conferences import (
        AgendaItem,
        Attendance,
        BroadcastSlot,
        Conference,
        ConferenceVillage,
        Invitee,
    )
    from .petitions import Petition, PetitionEvent
    from .plans import Plan
    from .register import OutgoingDocument

    return [Office, Unit, Official, Village, Field, RecipientList, HolidayOverride, RuleSetting,
            Setting, OutgoingDocument, Plan, Conference, ConferenceVillage, Invitee, AgendaItem,
            Attendance, BroadcastSlot, Petition, PetitionEvent, AuditEntry, DocumentText]


def _v1(db: pw.Database) -> None:
    db.create_tables(all_models())


def _v2_document_texts(db: pw.Database) -> None:
    """Editable and frozen texts of every document (models.documents.DocumentText)."""
    from .documents import DocumentText

    db.create_tables([DocumentText], safe=True)


#: columns added to Petition by _v2_petition_tracking: title, forwarding, withdrawal
PETITION_COLUMNS = ("citizen_title", "forward_number", "forward_date", "followup_on", "upper_reply_number",
                    "upper_reply_date", "upper_reply_summary", "withdrawn_on", "withdrawn_reason")


def _v2_petition_tracking(db: pw.Database) -> None:
    """The citizen's title (Ông/Bà), the forwarding letter, its follow-up date
    and the upper level's reply, and the withdrawal of a petition. Idempotent:
    _v1 already creates these columns from the current model."""
    from playhouse.migrate import SchemaMigrator, migrate

    from .petitions import Petition

    have = {c.name for c in db.get_columns(Petition._meta.table_name)}
    missing = [name for name in PETITION_COLUMNS if name not in have]
    if missing:
        m = SchemaMigrator.from_database(db)
        migrate(*[m.add_column(Petition._meta.table_name, name, Petition._meta.fields[name])
                  for name in missing])


MIGRATIONS = [_v1, _v2_document_texts, _v2_petition_tracking]
CURRENT = len(MIGRATIONS)


def current_version(db: pw.Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    with db.bind_ctx([SchemaVersion]):
        row = SchemaVersion.select(pw.fn.MAX(SchemaVersion.version)).scalar()
    return row or 0


def upgrade(db: pw.Database, *, create: bool = True) -> int:
    have = current_version(db)
    if have > CURRENT:
        raise StorageError(
            f"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Đối thoại (lược đồ {have}, "
            f"phiên bản này hiểu tới {CURRENT}). Hãy cập nhật phần mềm; dữ liệu không bị sửa.")
    if have == 0 and not create:
        raise StorageError("Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy: doithoai init")
    with db.bind_ctx([SchemaVersion]):
        if have == 0:
            db.create_tables([SchemaVersion])
        for version in range(have + 1, CURRENT + 1):
            with db.atomic():
                MIGRATIONS[version - 1](db)
                SchemaVersion.create(version=version)
    return CURRENT
