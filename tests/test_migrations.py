"""Schema versions: forward migrations run once and keep the data; a database
from a newer release is refused, not damaged."""
import pytest

import models
from models.storage import migrations
from models.core.errors import StorageError
from models.services import catalog


def test_a_later_migration_runs_once_and_keeps_data(db_target, monkeypatch):
    models.open_database(db_target)
    catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    models.close_database()
    calls = []

    def v2(db):
        import peewee as pw
        from playhouse.migrate import SchemaMigrator, migrate

        calls.append(1)
        migrate(SchemaMigrator.from_database(db).add_column("village", "population", pw.IntegerField(default=0)))

    later = len(migrations.MIGRATIONS) + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, v2])
    monkeypatch.setattr(migrations, "CURRENT", later)
    db = models.open_database(db_target)
    assert migrations.current_version(db) == later
    assert "population" in [c.name for c in db.get_columns("village")]
    assert models.Office.select().count() == 1
    models.close_database()
    models.open_database(db_target)
    assert calls == [1]


def test_a_newer_database_is_refused(db_target):
    db = models.open_database(db_target)
    with db.bind_ctx([migrations.SchemaVersion]):
        migrations.SchemaVersion.create(version=migrations.CURRENT + 5)
    models.close_database()
    with pytest.raises(StorageError) as err:
        models.open_database(db_target)
    assert "phiên bản mới hơn" in err.value.message


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_pointing_at_it(sqlite_db, monkeypatch, tmp_path):
    """SQLite rebuilds a table to add a NOT NULL column; the DROP of the old
    table must not cascade to the rows of other tables that point at it (an
    upgrade had deleted every conference's agenda and attendance this way)."""
    import peewee as pw
    from playhouse.migrate import SchemaMigrator, migrate

    office = catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang")
    children = {t: models.Office._meta.database.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in ("unit", "village", "field")}
    assert office.id and sum(children.values()) > 0
    path = sqlite_db.database
    models.close_database()

    def rebuild_office(db):
        migrate(SchemaMigrator.from_database(db).add_column("office", "motto", pw.CharField(default="")))

    later = len(migrations.MIGRATIONS) + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, rebuild_office])
    monkeypatch.setattr(migrations, "CURRENT", later)
    db = models.open_database(path)
    assert migrations.current_version(db) == later
    assert "motto" in [c.name for c in db.get_columns("office")]
    after = {t: db.execute_sql(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in children}
    assert after == children
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
