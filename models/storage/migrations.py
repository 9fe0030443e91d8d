"""Schema version and forward migrations.

Version 1 is the first release's schema. A later release appends a function to
MIGRATIONS that brings version N-1 to N (with playhouse.migrate); ``upgrade``
runs those the database has not had yet, each in its own transaction.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from contextlib import contextmanager

import peewee as pw

from models.core.compat import create_indexes
from models.core.errors import DatabaseTooNew, StorageError
from models.core.words import DatabaseWords as W
from models.domain import audit, chain, conference, document_text, office, petition, plan, register, signatures
from models.domain.audit import AuditEntry
from models.domain.base import BaseModel
from models.domain.office import Office, Person
from models.domain.conference import Conference
from models.domain.document_text import DocumentText
from models.domain.petition import Petition
from models.domain.plan import Plan
from models.domain.register import OutgoingDocument
from models.domain.signatures import DocumentSignature, SignatureImage
from models.storage.seals import seal_as_found
from models.storage.search_index import ensure_index


class SchemaVersion(pw.Model):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(constraints=[pw.SQL("DEFAULT CURRENT_TIMESTAMP")])

    class Meta:
        table_name = "schema_version"


#: the modules that hold the tables (every model class defined in one is a table)
MODEL_MODULES = (office, register, plan, conference, petition, audit, document_text, signatures)


def all_models() -> list[type[pw.Model]]:
    """Every table's model, found in MODEL_MODULES (so a new model is never left
    out of a list written by hand), parents before the tables that refer to them."""
    found = []
    for module in MODEL_MODULES:
        found += [m for m in vars(module).values()
                  if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == module.__name__]
    return pw.sort_models(found)


def _v1(db: pw.Database) -> None:
    db.create_tables(all_models())


def _v2_document_texts(db: pw.Database) -> None:
    """Editable and frozen texts of every document (models.domain.document_text.DocumentText)."""
    db.create_tables([DocumentText], safe=True)


def _v3_chains(db: pw.Database) -> None:
    """Hash chains of the register and the audit trail (models.domain.chain): two
    columns and a unique index on each table, and the entries written before
    are chained in the order they were written."""
    from playhouse.migrate import (  # heavy: loaded when used, not at start-up
        PostgresqlMigrator,
        SqliteMigrator,
        migrate,
    )

    migrator = PostgresqlMigrator(db) if isinstance(db, pw.PostgresqlDatabase) else SqliteMigrator(db)
    for model in (OutgoingDocument, AuditEntry):
        table = model._meta.table_name
        have = {c.name for c in db.get_columns(table)}
        with db.bind_ctx([model]):
            ops = [migrator.add_column(table, name, model._meta.fields[name])
                   for name in ("chain_seq", "chain_hash") if name not in have]
            if ops:
                migrate(*ops)
            if f"{table}_office_id_chain_seq" not in {i.name for i in db.get_indexes(table)}:
                migrate(migrator.add_index(table, ("office_id", "chain_seq"), True))
            chain.seal_existing(model)


def _v3_people(db: pw.Database) -> None:
    """Người dùng and their roles (models.domain.office.Person)."""
    db.create_tables([Person], safe=True)



def _v3_search_index(db: pw.Database) -> None:
    """Province scale: the petition board's indexes led by the office and by
    what it filters on, and a substring index for search (FTS5 trigram on
    SQLite, pg_trgm on PostgreSQL) in place of the wide (status, due_on,
    office, search_text) index that a search used to scan."""
    db.execute_sql("DROP INDEX IF EXISTS petition_status_due_on_office_id_search_text")
    with db.bind_ctx([Petition]):
        create_indexes(Petition)
    problem = ensure_index(db)   # without pg_trgm: no index, search still right (slower)
    if problem:
        logging.getLogger("doithoai").warning(problem)



#: columns added to Petition by _v4_petition_tracking: title, forwarding, withdrawal
PETITION_COLUMNS = ("citizen_title", "forward_number", "forward_date", "followup_on", "upper_reply_number",
                    "upper_reply_date", "upper_reply_summary", "withdrawn_on", "withdrawn_reason")


def _v4_petition_tracking(db: pw.Database) -> None:
    """The citizen's title (Ông/Bà), the forwarding letter, its follow-up date
    and the upper level's reply, and the withdrawal of a petition. Idempotent:
    _v1 already creates these columns from the current model."""
    from playhouse.migrate import SchemaMigrator, migrate  # heavy: loaded when used, not at start-up

    have = {c.name for c in db.get_columns(Petition._meta.table_name)}
    missing = [name for name in PETITION_COLUMNS if name not in have]
    if missing:
        m = SchemaMigrator.from_database(db)
        migrate(*[m.add_column(Petition._meta.table_name, name, Petition._meta.fields[name])
                  for name in missing])



def _v4_plan_place_month(db: pw.Database) -> None:
    """An imported draft keeps the month of its date line ("ngày    tháng 01 năm 2024")."""
    from playhouse.migrate import SchemaMigrator, migrate  # heavy: loaded when used, not at start-up

    if "place_month" not in {c.name for c in db.get_columns(Plan._meta.table_name)}:
        migrate(SchemaMigrator.from_database(db).add_column(Plan._meta.table_name, "place_month",
                                                            pw.IntegerField(null=True)))


#: PostgreSQL only: the board's order (deadline, then id) read from the index
#: as it is shown. SQLite ends every index with the rowid (the id) already.
BOARD_ORDER_INDEXES = {"petition_status_due_on_id": "status, due_on, id",
                       "petition_office_id_status_due_on_id": "office_id, status, due_on, id"}


def _v5_board_order_ids(db: pw.Database) -> None:
    """The board's default order is (due_on, id). PostgreSQL's (status,
    due_on) index gives the petitions of one deadline in the order of the
    table, not of their ids, so a page of the province's open petitions sorted
    the 12,000 that share the first deadline (100 ms at 1M); with the id in
    the index a page reads its own rows. Idempotent (IF NOT EXISTS)."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    for name, cols in BOARD_ORDER_INDEXES.items():
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON petition ({cols})")


#: the board's other orders over every status, read from an index in the
#: order shown, so a page stops after its rows: by citizen (one office and
#: the province) and by deadline for the province's search over everything
#: (the (due_on) index alone sorted the 5,000 matches of the first deadline:
#: 265 ms at 1M on PostgreSQL, 4 ms with the id in it)
ORDER_INDEXES_V6 = {"petition_office_id_citizen_name_id": "office_id, citizen_name, id",
                    "petition_citizen_name_id": "citizen_name, id",
                    "petition_due_on_id": "due_on, id",
                    "petition_office_id_due_on_id": "office_id, due_on, id"}


def _v6_every_status_orders(db: pw.Database) -> None:
    """PostgreSQL only, idempotent (IF NOT EXISTS). SQLite's indexes already
    end with the rowid, and an (office_id, citizen_name) index there led its
    planner, which has no statistics, to count an office's done petitions
    row by row (13 → 50 ms at 1M)."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    for name, cols in ORDER_INDEXES_V6.items():
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON petition ({cols})")


def _v7_search_statistics(db: pw.Database) -> None:
    """PostgreSQL 14 and later: statistics of the expression an office's search
    filters with (``search_text || ''``, which no index matches: the office's
    own rows are read, see services/search.matches). Without them the planner
    took a common word for a rare one, read every row of the office and sorted
    the matches (56 ms at 1M); with them it walks the (office_id, due_on, id)
    index in the order shown and stops after a page (3 ms). The figures come
    with ANALYZE, run here once and by autovacuum after."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    if int(db.execute_sql("SHOW server_version_num").fetchone()[0]) < 140000:
        return
    db.execute_sql(f"CREATE STATISTICS IF NOT EXISTS {SEARCH_STATISTICS} ON (search_text || '') FROM petition")
    db.execute_sql("ANALYZE petition")


SEARCH_STATISTICS = "petition_search_unindexed"

#: conference statuses of a session that has ended
HELD_STATUSES = ("closed", "minutes_signed", "conclusions_issued", "report_sent")


def _v8_actual_times(db: pw.Database) -> None:
    """The actual start and end of a conference, apart from its schedule
    (starting the session used to overwrite the scheduled start time). A
    session already ended had its end time written into end_time by the
    session: it is kept as the actual end. Idempotent."""
    from playhouse.migrate import SchemaMigrator, migrate  # heavy: loaded when used, not at start-up

    table = Conference._meta.table_name
    have = {c.name for c in db.get_columns(table)}
    missing = [name for name in ("actual_start", "actual_end") if name not in have]
    if missing:
        m = SchemaMigrator.from_database(db)
        migrate(*[m.add_column(table, name, Conference._meta.fields[name]) for name in missing])
        with db.bind_ctx([Conference]):
            (Conference.update(actual_end=Conference.end_time)
             .where(Conference.status.in_(HELD_STATUSES) & (Conference.actual_end == "")).execute())


def _v9_signatures(db: pw.Database) -> None:
    """Digital signatures of issued documents and the images their appearance
    shows (models.domain.signatures)."""
    db.create_tables([DocumentSignature, SignatureImage], safe=True)


def _v10_office_uid(db: pw.Database) -> None:
    """Each office gets its stable identity (Office.uid), which names its
    documents folder: offices on one server, or two databases using one data
    folder, never share a folder. Files issued before stay where the register
    says they are. Idempotent."""
    # a plain ADD COLUMN: playhouse's add_column of a NOT NULL column rebuilds the
    # table on SQLite, and dropping the old office table there cascades to
    # every row of the office
    if "uid" not in {c.name for c in db.get_columns("office")}:
        db.execute_sql("ALTER TABLE office ADD COLUMN uid VARCHAR(255) NOT NULL DEFAULT ''")
    with db.bind_ctx([Office]):
        for office_id in [o.id for o in Office.select(Office.id).where(Office.uid == "")]:
            Office.update(uid=uuid.uuid4().hex).where(Office.id == office_id).execute()


def _v11_seals(db: pw.Database) -> None:
    """Petitions, their history and the frozen texts of issued documents are sealed
    through the chained audit trail (models.services.integrity). The records an
    older version wrote without a trail entry (every history row, the demo's
    changes) are sealed as they are found now: tampering done before this
    upgrade cannot be seen, tampering after it is."""
    for office in Office.select().order_by(Office.id):
        seal_as_found(office)


def _v12_person_pin(db: pw.Database) -> None:
    """The PIN a person gives before issuing or correcting on SQLite
    (Person.pin_hash). Idempotent."""
    if "pin_hash" not in {c.name for c in db.get_columns("person")}:
        db.execute_sql("ALTER TABLE person ADD COLUMN pin_hash VARCHAR(255) NOT NULL DEFAULT ''")


#: SQLite only: an office's petitions by (status, deadline) with their folded text
OFFICE_SEARCH_INDEX = "petition_office_id_status_due_on_search_text"


def _v13_office_search_index(db: pw.Database) -> None:
    """SQLite: an office's search tests the folded text of each of its
    petitions (services/search.matches, not indexed). Read from the table, an
    office's rows lie spread over a province's whole file (every hundredth
    row), so the first search after the file left the page cache read 2,500
    pages scattered over 1 GB (1.2-1.5 s at 1M); with the text in an index
    ordered by (office, status, deadline) the same test reads a few hundred
    consecutive pages of it (0.1 s). About 13 % more file. PostgreSQL keeps
    its trigram index: a btree entry there cannot hold a long text.
    Idempotent (IF NOT EXISTS)."""
    if isinstance(db, pw.PostgresqlDatabase):
        return
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {OFFICE_SEARCH_INDEX} "
                   "ON petition (office_id, status, due_on, search_text)")


def _v14_invitee_title(db: pw.Database) -> None:
    """An invitee's title (Invitee.title: "Ông", "Bà" or none), so an invitation
    says "Kính gửi: Ông Đặng Văn Tứ" instead of "Ông (bà)". A title typed before
    the name before this version ("Bà Ngô Thị Hạnh") moves into it. Idempotent."""
    if "title" not in {c.name for c in db.get_columns("invitee")}:
        db.execute_sql("ALTER TABLE invitee ADD COLUMN title VARCHAR(255) NOT NULL DEFAULT ''")
    rows = db.execute_sql("SELECT id, name FROM invitee WHERE is_group = %s AND title = ''" % db.param, (False,))
    for invitee_id, name in rows.fetchall():
        title, bare = office.split_title(name)
        if title:
            db.execute_sql(f"UPDATE invitee SET title = {db.param}, name = {db.param} WHERE id = {db.param}",
                           (title, bare, invitee_id))


def _v15_guest_title(db: pw.Database) -> None:
    """A named guest's title (Attendance.title), kept apart from the name as an
    invitee's is (_v14_invitee_title): F9's "Bà Ngô Thị Hạnh" is printed with it in the
    minutes. A title typed before the name before this version moves into it. Idempotent."""
    if "title" not in {c.name for c in db.get_columns("attendance")}:
        db.execute_sql("ALTER TABLE attendance ADD COLUMN title VARCHAR(255) NOT NULL DEFAULT ''")
    rows = db.execute_sql("SELECT id, name FROM attendance WHERE name <> '' AND title = ''")
    for row_id, name in rows.fetchall():
        title, bare = office.split_title(name)
        if title:
            db.execute_sql(f"UPDATE attendance SET title = {db.param}, name = {db.param} WHERE id = {db.param}",
                           (title, bare, row_id))


MIGRATIONS = [_v1, _v2_document_texts, _v3_chains, _v3_people, _v3_search_index, _v4_petition_tracking, _v4_plan_place_month,
              _v5_board_order_ids, _v6_every_status_orders, _v7_search_statistics,
              _v8_actual_times, _v9_signatures, _v10_office_uid, _v11_seals, _v12_person_pin,
              _v13_office_search_index, _v14_invitee_title, _v15_guest_title]
CURRENT = len(MIGRATIONS)


def current_version(db: pw.Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    with db.bind_ctx([SchemaVersion]):
        row = SchemaVersion.select(pw.fn.MAX(SchemaVersion.version)).scalar()
    return row or 0


#: SQLite's machine instructions per petition in a migration that reads every
#: petition, by migration: tells how far it has come (migration 16's index at
#: 1M: 12 million instructions, 14-36 s; measured with the progress handler)
INSTRUCTIONS_PER_PETITION = {"_v13_office_search_index": 12}
#: SQLite calls the progress handler once every this many instructions
PROGRESS_STEP = 1000
#: a migration still running after this many seconds is told of, then every TELL_EVERY
TELL_AFTER = 1.0
TELL_EVERY = 0.5
#: the fraction told once every expected instruction has run: what is left is
#: checking the tables' links and writing the transaction (a third of the time at 1M)
ALL_READ = 0.99

_told: list = []


def tell_progress_to(callback) -> None:
    """``callback(version, done, seconds)`` is called while a migration runs
    for longer than TELL_AFTER (``done``: the fraction done, None when it
    cannot be told; 1.0 once, when it has finished), so a person does not take
    a long upgrade of a large file for a hang. None: nobody is told."""
    _told[:] = [callback] if callback is not None else []


@contextmanager
def _told_about(db: pw.Database, version: int):
    """While migration ``version`` runs: a thread tells the callback of
    tell_progress_to how far it has come, from the instructions SQLite has run
    (its progress handler) against those expected for the file's petitions."""
    if not _told:
        yield
        return
    callback = _told[0]
    per_petition = INSTRUCTIONS_PER_PETITION.get(MIGRATIONS[version - 1].__name__)
    sqlite = isinstance(db, pw.SqliteDatabase)
    expected = None
    steps = [0]
    if sqlite and per_petition and db.table_exists("petition"):
        petitions = db.execute_sql("SELECT MAX(id) FROM petition").fetchone()[0] or 0
        expected = max(1.0, petitions * per_petition / PROGRESS_STEP)
    if sqlite:
        def counted() -> int:
            steps[0] += 1
            return 0            # go on

        db.connection().set_progress_handler(counted, PROGRESS_STEP)
    started = time.monotonic()
    stop = threading.Event()
    shown = []

    def tell() -> None:
        if stop.wait(TELL_AFTER):
            return
        while True:
            shown.append(1)
            callback(version, min(ALL_READ, steps[0] / expected) if expected else None, time.monotonic() - started)
            if stop.wait(TELL_EVERY):
                return

    teller = threading.Thread(target=tell, name="upgrade-progress", daemon=True)
    teller.start()
    try:
        yield
    finally:
        stop.set()
        teller.join()
        if sqlite:
            db.connection().set_progress_handler(None, 0)
        if shown:
            callback(version, 1.0, time.monotonic() - started)


def upgrade(db: pw.Database, *, create: bool = True) -> int:
    have = current_version(db)
    if have > CURRENT:
        raise DatabaseTooNew(
            W.NEWER_SCHEMA.format(have=have, current=CURRENT))
    if have == 0 and not create:
        raise StorageError(W.NOT_INITIALISED)
    rebuilds = isinstance(db, pw.SqliteDatabase) and have < CURRENT
    if rebuilds:
        # SQLite changes most columns by rebuilding the table (playhouse's
        # add_column of a NOT NULL column does): a new table, a copy, DROP of the
        # old one. With foreign keys on, that DROP deletes every row that points at
        # the table through ON DELETE CASCADE (an upgrade lost every conference's
        # agenda and attendance). SQLite's own procedure for schema changes
        # (sqlite.org/lang_altertable.html, "other kinds of table schema changes"):
        # keys off outside the transaction, foreign_key_check before COMMIT.
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.bind_ctx([SchemaVersion]):
            if have == 0:
                db.create_tables([SchemaVersion])
            for version in range(have + 1, CURRENT + 1):
                with db.atomic(), _told_about(db, version):
                    MIGRATIONS[version - 1](db)
                    if rebuilds and db.execute_sql("PRAGMA foreign_key_check").fetchone():
                        raise StorageError(W.UPGRADE_BROKE.format(version=version))
                    SchemaVersion.create(version=version)
    finally:
        if rebuilds:
            db.execute_sql("PRAGMA foreign_keys = ON")
    return CURRENT
