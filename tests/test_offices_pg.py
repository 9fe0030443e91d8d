"""Two offices on one real PostgreSQL server, each with its own logins: the
server itself keeps them apart (row-level security set up by `doithoai admin`).
Mandatory under CI (conftest.require_pg)."""
from __future__ import annotations

import hashlib

import peewee as pw
import pytest

import models
from conftest import PG_URL, REPO, _pg_reset, require_pg
from models.core.errors import Locked, NotFound
from models.services import board, catalog, integrity, plans, records, register_view, roles
from test_offices import DAY, a_petition, issue_plan, run_cli, two_offices

TAG = hashlib.sha1(str(REPO).encode()).hexdigest()[:6]
ADMIN_URL = f"{PG_URL}_offices"
LOGIN_A, LOGIN_B = f"offices_{TAG}_chutich_a", f"offices_{TAG}_vanthu_b"
PASSWORD = "mat-khau-thu-nghiem"


def as_login(login: str) -> str:
    server, _, name = ADMIN_URL.rpartition("/")
    host = server.rpartition("@")[2]
    return f"postgresql://{login}:{PASSWORD}@{host}/{name}"


def _drop_everything() -> None:
    import psycopg2

    models.close_database()
    conn = psycopg2.connect(ADMIN_URL)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT current_database()")
        group = cur.fetchone()[0].lower().replace("-", "_") + "_nhan_vien"
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
        for role in (LOGIN_A, LOGIN_B, group):
            cur.execute(f'DROP ROLE IF EXISTS "{role}"')
    conn.close()


@pytest.fixture
def shared_server():
    require_pg()
    _pg_reset(ADMIN_URL)
    _drop_everything()
    yield ADMIN_URL
    _drop_everything()


def raw_rows(url: str, sql: str):
    import psycopg2

    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        conn.close()


def test_office_b_sees_and_changes_nothing_of_office_a(shared_server, capsys, monkeypatch, tmp_path):
    models.open_database(shared_server)
    a, b = two_offices()
    secret = a_petition(a, "Đường thôn 3 ngập nước, gọi 0912345678")
    plan_a = plans.new_from_template(a, 2026)
    doc_a = issue_plan(a)
    mine = a_petition(b, "Xin sửa cầu tràn")
    models.close_database()

    code, out, err = run_cli(["--db", shared_server, "admin", "pg-setup"], capsys)
    assert code == 0 and "bảo mật theo dòng" in out, err
    code, _, err = run_cli(["--db", shared_server, "admin", "pg-user", LOGIN_B, "--co-quan", str(b.id),
                            "--vai-tro", "van_thu", "--ho-ten", "Lê Thị Văn Thư"], capsys)
    assert code == 2 and "DOITHOAI_PG_NEW_PASSWORD" in err       # never a password on the command line
    monkeypatch.setenv("DOITHOAI_PG_NEW_PASSWORD", PASSWORD)
    for login, office, role in ((LOGIN_B, b, "van_thu"), (LOGIN_A, a, "chu_tich")):
        code, out, err = run_cli(["--db", shared_server, "admin", "pg-user", login, "--co-quan", str(office.id),
                                  "--vai-tro", role], capsys)
        assert code == 0, err
    code, out, _ = run_cli(["--db", shared_server, "admin", "pg-list"], capsys)
    assert LOGIN_A in out and LOGIN_B in out and "Văn thư" in out

    # --- a direct SELECT as B's login
    url_b = as_login(LOGIN_B)
    rows = raw_rows(url_b, "SELECT * FROM petition")
    assert [r[0] for r in rows] == [mine.id]
    assert not any("ngập nước" in str(value) for row in rows for value in row)
    for table in ("office", "plan", "outgoing_document", "audit_entry", "document_text", "unit", "person"):
        offices_seen = {r[0] for r in raw_rows(url_b, f"SELECT {'id' if table == 'office' else 'office_id'} "
                                                      f"FROM {table}")}
        assert offices_seen <= {b.id}, table
    assert raw_rows(url_b, "SELECT count(*) FROM petition_event WHERE petition_id = %d" % secret.id) == [(0,)]
    with pytest.raises(Exception) as err:
        raw_rows(url_b, "SELECT * FROM office_member")
    assert "permission denied" in str(err.value)

    # --- the app as B: its office only, without choosing anything
    models.open_database(url_b)
    assert catalog.the_office().id == b.id and models.Office.select().count() == 1
    everything = board.BoardQuery(None, status="all", today=DAY)
    assert [r.id for r in board.page(everything).rows] == [mine.id]
    assert board.page(everything.with_(search="ngập nước")).total == 0
    assert board.page(board.BoardQuery(a.id, status="all", today=DAY)).total == 0
    with pytest.raises(NotFound):
        board.petition(secret.id)
    assert register_view.page(a).total == 0 and models.OutgoingDocument.select().count() == 0
    # editing A's rows: nothing reaches them
    assert models.Petition.update(content="bị sửa").where(models.Petition.id == secret.id).execute() == 0
    assert models.Petition.delete().where(models.Petition.id == secret.id).execute() == 0
    with pytest.raises(pw.DatabaseError):
        with models.database.atomic():
            models.Petition.create(office=a.id, content="chen vao", received_on=DAY)
    # through the services: a message, not a crash
    with pytest.raises(NotFound):
        records.update(secret, {"content": "bị sửa"})
    with pytest.raises(Locked) as err:
        records.create(models.Village, office=a.id, name="Thôn chen vào")
    assert "không được phép" in err.value.message
    # the audit trail is append-only and names the login, whatever --user says
    models.storage.who.set_user("gia-mao")
    try:
        p = a_petition(b, "Xin lắp đèn đường")
    finally:
        models.storage.who.set_user(None)
    entry = (models.AuditEntry.select().where((models.AuditEntry.table == "petition")
                                              & (models.AuditEntry.record_id == p.id)).get())
    assert entry.user == LOGIN_B
    with pytest.raises(pw.DatabaseError):
        with models.database.atomic():
            models.AuditEntry.update(user="gia-mao").where(models.AuditEntry.id == entry.id).execute()
    # the clerk may not issue, nor give herself the right, nor change her role
    with pytest.raises(Locked) as err:
        issue_plan(b)
    assert "Chỉ Chủ tịch mới được ban hành văn bản" in err.value.message
    with pytest.raises(Locked):
        roles.allow(b, "issue", ["van_thu"])
    assert models.Person.update(role="chu_tich").where(models.Person.login == LOGIN_B).execute() == 0
    models.close_database()

    # --- the command line as B: print and export never show A's records
    code, out, err = run_cli(["--db", url_b, "print", "ke-hoach", str(plan_a.id), "-o",
                              str(tmp_path / "a.pdf")], capsys)
    assert code != 0 and "Không có kế hoạch" in err and not (tmp_path / "a.pdf").exists()
    code, out, err = run_cli(["--db", url_b, "export", "--csv", "--tat-ca", "-o", str(tmp_path / "b.csv")],
                             capsys)
    assert code == 0, err
    exported = (tmp_path / "b.csv").read_text(encoding="utf-8-sig")
    assert "cầu tràn" in exported and "ngập nước" not in exported and "0912345678" not in exported

    # --- A's chair issues; the register entry cannot be rewritten by staff
    models.open_database(as_login(LOGIN_A))
    assert catalog.the_office().id == a.id
    doc = issue_plan(a)
    assert doc.number == doc_a.number + 1
    with pytest.raises(pw.DatabaseError):
        with models.database.atomic():
            models.OutgoingDocument.update(title="đổi").where(models.OutgoingDocument.id == doc.id).execute()
    assert integrity.verify_chain(a).ok
    models.close_database()

    # a newer program on a staff login cannot upgrade the schema: it says so
    from models.storage import migrations
    from models.core.errors import StorageError

    def later(db):
        db.execute_sql("ALTER TABLE village ADD COLUMN population INTEGER")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, later])
    monkeypatch.setattr(migrations, "CURRENT", len(migrations.MIGRATIONS))
    with pytest.raises(StorageError) as err:
        models.open_database(url_b)
    assert "doithoai admin pg-setup" in err.value.message and LOGIN_B in err.value.message
    models.close_database()
