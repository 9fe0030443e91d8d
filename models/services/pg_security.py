"""Several offices on one PostgreSQL server, kept apart by the server itself.

Each member of an office's staff connects with their own PostgreSQL login. The
table ``office_member`` (login → office, role) is written only by the admin
connection (the owner of the tables); ``doithoai_office()`` reads it for the
session user, which a connection cannot change. Row-level security policies on
every table that carries an office — directly (``office_id``) or through its
parent (a conference's attendance, a petition's events) — let a login see and
change only its own office's rows. Staff logins get their table rights through
one group role per database; the audit trail is append-only for them, a
register entry's number, title and signer cannot be changed by them, and only
an office's chair or admin may change its list of people and its permissions.

The policies are made from the models, so a table added later is covered when
``setup`` runs again (``doithoai admin pg-setup`` after an upgrade).
"""
from __future__ import annotations

import re

import peewee as pw

from ..catalog import Office, Person
from ..errors import ValidationError
from . import records
from .roles import parse_role

#: what staff may change in a register entry after it is written (the file
#: stored right after the number is taken, and the bookkeeping of an update)
REGISTER_UPDATABLE = ("file_path", "sha256", "chain_hash", "row_version", "updated_at", "search_text")
MANAGERS = ("chu_tich", "quan_tri")
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _db() -> pw.PostgresqlDatabase:
    from ..db import database, is_postgres

    if not is_postgres():
        raise ValidationError("Lệnh này chỉ dùng cho cơ sở dữ liệu PostgreSQL dùng chung. Hãy ghi "
                              "--db postgresql://quản_trị@máy_chủ/tên_csdl.")
    return database.obj


def _sql(statement: str, params=None):
    return _db().execute_sql(statement, params)


def staff_group() -> str:
    """The group role of this database's staff logins."""
    name = _sql("SELECT current_database()").fetchone()[0]
    return (re.sub(r"[^a-z0-9_]", "_", name.lower()) + "_nhan_vien")[-63:]


def _owner_check() -> None:
    owner = _sql("SELECT tableowner = session_user FROM pg_tables WHERE schemaname = current_schema() "
                 "AND tablename = 'office'").fetchone()
    if not owner or not owner[0]:
        raise ValidationError("Hãy chạy lệnh này bằng tài khoản quản trị, chủ sở hữu các bảng của Đối thoại "
                              "(tài khoản đã tạo cơ sở dữ liệu), không phải tài khoản của nhân viên.")


def _scope(model) -> str | None:
    """The condition that keeps a row of ``model`` in the session's office."""
    table = model._meta.table_name
    if table == "office":
        return "id = doithoai_office()"
    if "office" in model._meta.fields:
        return "office_id = doithoai_office()"
    for f in model._meta.fields.values():
        if isinstance(f, pw.ForeignKeyField) and f.rel_model is not model and _scope(f.rel_model):
            return f"{f.column_name} IN (SELECT id FROM {f.rel_model._meta.table_name})"
    return None


_MANAGER_CHECK = "doithoai_role() IN ('chu_tich', 'quan_tri')"
#: tables where some rows are the managers' only (who may do what)
_MANAGED = {"person": "true", "setting": "left(key, 6) = 'quyen:'"}


def setup() -> list[str]:
    """Create the membership table, the functions, the staff group, its rights and
    the policies. Safe to run again. Returns the tables that are kept apart."""
    from ..migrations import all_models

    _owner_check()
    group = staff_group()
    _sql("CREATE TABLE IF NOT EXISTS office_member (role_name TEXT PRIMARY KEY, "
         "office_id INTEGER NOT NULL REFERENCES office (id) ON DELETE CASCADE, role TEXT NOT NULL)")
    for fn, column, kind in (("doithoai_office", "office_id", "INTEGER"), ("doithoai_role", "role", "TEXT")):
        _sql(f"CREATE OR REPLACE FUNCTION {fn}() RETURNS {kind} LANGUAGE sql STABLE SECURITY DEFINER "
             f"SET search_path = public AS $$ SELECT {column} FROM office_member "
             "WHERE role_name = session_user $$")
        _sql(f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC")
    if not _sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone():
        _sql(f'CREATE ROLE "{group}" NOLOGIN')
    _sql(f'GRANT USAGE ON SCHEMA public TO "{group}"')
    _sql(f'GRANT EXECUTE ON FUNCTION doithoai_office(), doithoai_role() TO "{group}"')
    _sql(f'REVOKE ALL ON office_member FROM PUBLIC, "{group}"')
    _sql(f'GRANT SELECT ON schema_version TO "{group}"')
    _sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
    secured = []
    for model in all_models():
        table = model._meta.table_name
        scope = _scope(model)
        if scope is None:
            _sql(f'GRANT SELECT ON {table} TO "{group}"')
            continue
        _sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO "{group}"')
        _sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("doithoai_office", "doithoai_read", "doithoai_write"):
            _sql(f"DROP POLICY IF EXISTS {name} ON {table}")
        if table in _MANAGED:
            managed = _MANAGED[table]
            _sql(f"CREATE POLICY doithoai_read ON {table} FOR SELECT USING ({scope})")
            write = f"({scope}) AND (NOT ({managed}) OR {_MANAGER_CHECK})"
            for command in ("INSERT", "UPDATE", "DELETE"):
                using = "" if command == "INSERT" else f" USING ({write})"
                check = f" WITH CHECK ({write})" if command != "DELETE" else ""
                _sql(f"DROP POLICY IF EXISTS doithoai_{command.lower()} ON {table}")
                _sql(f"CREATE POLICY doithoai_{command.lower()} ON {table} FOR {command}{using}{check}")
        else:
            _sql(f"CREATE POLICY doithoai_office ON {table} USING ({scope}) WITH CHECK ({scope})")
        secured.append(table)
    # what staff may never do, whatever the row
    _sql(f'REVOKE UPDATE, DELETE ON audit_entry FROM "{group}"')
    _sql(f'REVOKE INSERT, DELETE ON office FROM "{group}"')
    _sql(f'REVOKE UPDATE, DELETE ON outgoing_document FROM "{group}"')
    _sql(f"GRANT UPDATE ({', '.join(REGISTER_UPDATABLE)}) ON outgoing_document TO \"{group}\"")
    return secured


def _check_login(login: str) -> str:
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise ValidationError(f"Tên đăng nhập “{login}” không dùng được: chỉ chữ thường không dấu, chữ số và "
                              "dấu gạch dưới, bắt đầu bằng chữ, tối đa 63 ký tự (ví dụ: kykhang_vanthu).",
                              field="login")
    return login


def add_staff(office: Office, login: str, role: str, full_name: str, *, password: str | None) -> Person:
    """A PostgreSQL login for one person of ``office`` with ``role``: the login
    role (created, or its password changed), its membership, and the person in
    the office's list. Runs ``setup`` first."""
    login = _check_login(login)
    role = parse_role(role)
    full_name = (full_name or "").strip() or login
    db = _db()
    setup()
    group = staff_group()
    with db.atomic():
        exists = _sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        if not exists:
            _sql(f'CREATE ROLE "{login}" LOGIN' + (" PASSWORD %s" if password else ""),
                 (password,) if password else None)
        elif password:
            _sql(f'ALTER ROLE "{login}" PASSWORD %s', (password,))
        _sql(f'GRANT "{group}" TO "{login}"')
        _sql("INSERT INTO office_member (role_name, office_id, role) VALUES (%s, %s, %s) "
             "ON CONFLICT (role_name) DO UPDATE SET office_id = EXCLUDED.office_id, role = EXCLUDED.role",
             (login, office.id, role))
        person = Person.get_or_none((Person.office == office) & (Person.login == login))
        if person is None:
            Person.update(login="").where((Person.login == login) & (Person.office != office)).execute()
            return records.create(Person, office=office, full_name=full_name, login=login, role=role)
        return records.update(person, {"role": role, "full_name": full_name, "active": True})


def members() -> list[tuple[str, int, str]]:
    _db()
    if _sql("SELECT to_regclass('office_member')").fetchone()[0] is None:
        return []
    return [tuple(r) for r in _sql("SELECT role_name, office_id, role FROM office_member ORDER BY office_id, "
                                   "role_name").fetchall()]


def member_role() -> str | None:
    """On PostgreSQL with staff logins: the role the admin gave this login
    (office_member), which the login itself cannot change."""
    if _sql("SELECT to_regproc('doithoai_role')").fetchone()[0] is None:
        return None
    return _sql("SELECT doithoai_role()").fetchone()[0]
