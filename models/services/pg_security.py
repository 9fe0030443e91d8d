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

from models.core.errors import ValidationError
from models.core.words import PgSecurityWords as W
from models.domain.office import Office, Person
from models.services import records
from models.services.roles import parse_role
from models.storage.db import database
from models.domain.base import is_postgres
from models.storage.migrations import all_models

#: what staff may change in a register entry after it is written (the file
#: stored right after the number is taken, and the bookkeeping of an update)
REGISTER_UPDATABLE = ("file_path", "sha256", "chain_hash", "row_version", "updated_at", "search_text")
MANAGERS = ("chu_tich", "quan_tri")
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _db() -> pw.PostgresqlDatabase:
    if not is_postgres():
        raise ValidationError(W.PG_ONLY)
    return database.obj


def _sql(statement: str, params=None):
    return _db().execute_sql(statement, params)


def staff_group() -> str:
    """The group role of this database's staff logins."""
    name = _sql("SELECT current_database()").fetchone()[0]
    return (re.sub(r"[^a-z0-9_]", "_", name.lower()) + "_nhan_vien")[-63:]


def _owner_check() -> None:
    owner = _sql("SELECT tableowner = session_user FROM pg_catalog.pg_tables WHERE schemaname = 'public' "
                 "AND tablename = 'office'").fetchone()
    if not owner or not owner[0]:
        raise ValidationError(W.NEEDS_OWNER)


#: the only search path of every SECURITY DEFINER function: the system catalog
#: first, the app's schema next, the session's temporary schema last (where it
#: is not listed, PostgreSQL searches it first for tables, so that a session's
#: temporary ``office_member`` would be read instead of ours)
PINNED_PATH = "pg_catalog, public, pg_temp"
_EQ = "OPERATOR(pg_catalog.=)"
OFFICE = "public.doithoai_office()"
ROLE = "public.doithoai_role()"


def _scope(model) -> str | None:
    """The condition that keeps a row of ``model`` in the session's office. Every
    name is qualified (the policy is bound when created, and pg-setup may run
    in a session whose temporary schema holds look-alikes)."""
    table = model._meta.table_name
    if table == "office":
        return f"id {_EQ} {OFFICE}"
    if "office" in model._meta.fields:
        return f"office_id {_EQ} {OFFICE}"
    for f in model._meta.fields.values():
        if isinstance(f, pw.ForeignKeyField) and f.rel_model is not model and _scope(f.rel_model):
            return (f"{f.column_name} {_EQ} ANY (SELECT p.id FROM public.{f.rel_model._meta.table_name} p)")
    return None


def _links(model) -> list[str]:
    """A new or changed row may point only at rows of its own office: a foreign
    key is checked by the server as the tables' owner, past the policies, so
    without this an office could hang its rows on another office's records."""
    checks = []
    for f in model._meta.fields.values():
        if (isinstance(f, pw.ForeignKeyField) and f.name != "office" and f.rel_model._meta.table_name != "office"
                and "office" in f.rel_model._meta.fields):
            target = f"public.{f.rel_model._meta.table_name}"
            checks.append(f"({f.column_name} IS NULL OR public.doithoai_mine('{target}'::pg_catalog.regclass, "
                          f"{f.column_name}::pg_catalog.int8))")
    return checks


_MANAGER_CHECK = f"{ROLE} {_EQ} ANY (ARRAY['chu_tich', 'quan_tri']::pg_catalog.text[])"
#: tables where some rows are the managers' only (who may do what)
_MANAGED = {"person": "true", "setting": f"pg_catalog.left(key, 6) {_EQ} 'quyen:'"}

_FUNCTIONS = {
    # who is working: the session user, which a connection cannot change (SET
    # ROLE changes current_user only)
    "doithoai_office()": ("INTEGER", "sql", f"SELECT m.office_id FROM public.office_member m "
                          f"WHERE m.role_name {_EQ} (SESSION_USER)::pg_catalog.text"),
    "doithoai_role()": ("TEXT", "sql", f"SELECT m.role FROM public.office_member m "
                        f"WHERE m.role_name {_EQ} (SESSION_USER)::pg_catalog.text"),
    # is row ``id`` of ``target`` (a table of ours with office_id) the session's
    # office's? Says no, never why, for any other table or row
    "doithoai_mine(target pg_catalog.regclass, row_id pg_catalog.int8)": ("BOOLEAN", "plpgsql", f"""
DECLARE
  qualified TEXT;
  found BOOLEAN;
BEGIN
  SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) INTO qualified
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace
   WHERE c.oid {_EQ} target AND n.nspname {_EQ} 'public' AND c.relkind {_EQ} 'r'
     AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid {_EQ} c.oid
                 AND a.attname {_EQ} 'office_id' AND NOT a.attisdropped)
     AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid {_EQ} c.oid
                 AND a.attname {_EQ} 'id' AND NOT a.attisdropped);
  IF qualified IS NULL OR row_id IS NULL THEN
    RETURN FALSE;
  END IF;
  EXECUTE pg_catalog.format('SELECT t.office_id {_EQ} public.doithoai_office() FROM %s t '
                            'WHERE t.id {_EQ} $1', qualified) INTO found USING row_id;
  RETURN COALESCE(found, FALSE);
END"""),
}


def _functions(group: str) -> None:
    for signature, (returns, language, body) in _FUNCTIONS.items():
        name = signature.split("(")[0]
        _sql(f"CREATE OR REPLACE FUNCTION public.{signature} RETURNS {returns} LANGUAGE {language} STABLE "
             f"SECURITY DEFINER SET search_path = {PINNED_PATH} AS $fn${body.replace('%', '%%')}$fn$")
        args = ", ".join(a.split()[-1] for a in signature[len(name) + 1:-1].split(",") if a.strip())
        _sql(f"REVOKE ALL ON FUNCTION public.{name}({args}) FROM PUBLIC")
        _sql(f'GRANT EXECUTE ON FUNCTION public.{name}({args}) TO "{group}"')


def _schema_rights(group: str) -> None:
    """Nobody but the tables' owner creates anything in ``public`` (a function or
    an operator there could be picked before ours); the owner keeps the right
    explicitly, since on servers before PostgreSQL 15 it came from PUBLIC."""
    _sql("GRANT CREATE, USAGE ON SCHEMA public TO CURRENT_USER")
    _sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    _sql(f'REVOKE CREATE ON SCHEMA public FROM "{group}"')
    _sql(f'GRANT USAGE ON SCHEMA public TO "{group}"')


def setup() -> list[str]:
    """Create the membership table, the functions, the staff group, its rights and
    the policies. Safe to run again, and run again after an upgrade: it replaces
    the functions and policies of an earlier version. Returns the tables that are
    kept apart."""
    _owner_check()
    group = staff_group()
    with _db().atomic():
        # this session's own temporary objects are never taken for ours
        _sql(f"SET LOCAL search_path = {PINNED_PATH}")
        _sql("CREATE TABLE IF NOT EXISTS public.office_member (role_name TEXT PRIMARY KEY, "
             "office_id INTEGER NOT NULL REFERENCES public.office (id) ON DELETE CASCADE, role TEXT NOT NULL)")
        if not _sql("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", (group,)).fetchone():
            _sql(f'CREATE ROLE "{group}" NOLOGIN')
        _functions(group)
        _schema_rights(group)
        _sql(f'REVOKE ALL ON public.office_member FROM PUBLIC, "{group}"')
        _sql(f'GRANT SELECT ON public.schema_version TO "{group}"')
        # ids come from sequences shared by every office (README: what that
        # tells an office): staff take the next value, never set one
        _sql(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "{group}"')
        _sql(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
        secured = [table for model in all_models() if (table := _secure(model, group))]
        # what staff may never do, whatever the row
        _sql(f'REVOKE UPDATE, DELETE ON public.audit_entry FROM "{group}"')
        _sql(f'REVOKE INSERT, UPDATE, DELETE ON public.office FROM "{group}"')
        office_columns = [f.column_name for f in Office._meta.sorted_fields if f.name not in ("id", "uid")]
        _sql(f"GRANT UPDATE ({', '.join(office_columns)}) ON public.office TO \"{group}\"")
        _sql(f'REVOKE UPDATE, DELETE ON public.outgoing_document FROM "{group}"')
        _sql(f"GRANT UPDATE ({', '.join(REGISTER_UPDATABLE)}) ON public.outgoing_document TO \"{group}\"")
    return secured


def _secure(model, group: str) -> str | None:
    table = model._meta.table_name
    qualified = f"public.{table}"
    scope = _scope(model)
    _sql(f'REVOKE ALL ON {qualified} FROM "{group}"')
    if scope is None:
        _sql(f'GRANT SELECT ON {qualified} TO "{group}"')
        return None
    _sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {qualified} TO "{group}"')
    _sql(f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY")
    for name in ("doithoai_office", "doithoai_read", "doithoai_write", "doithoai_insert", "doithoai_update",
                 "doithoai_delete"):
        _sql(f"DROP POLICY IF EXISTS {name} ON {qualified}")
    checked = " AND ".join([f"({scope})", *_links(model)])
    if table in _MANAGED:
        write = f"({scope}) AND (NOT ({_MANAGED[table]}) OR {_MANAGER_CHECK})"
        checked_write = " AND ".join([f"({write})", *_links(model)])
        _sql(f"CREATE POLICY doithoai_read ON {qualified} FOR SELECT USING ({scope})")
        _sql(f"CREATE POLICY doithoai_insert ON {qualified} FOR INSERT WITH CHECK ({checked_write})")
        _sql(f"CREATE POLICY doithoai_update ON {qualified} FOR UPDATE USING ({write}) WITH CHECK ({checked_write})")
        _sql(f"CREATE POLICY doithoai_delete ON {qualified} FOR DELETE USING ({write})")
    else:
        _sql(f"CREATE POLICY doithoai_office ON {qualified} USING ({scope}) WITH CHECK ({checked})")
    return table


def _check_login(login: str) -> str:
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise ValidationError(W.BAD_LOGIN.format(login=login),
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


