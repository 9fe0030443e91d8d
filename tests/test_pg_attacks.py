"""A login of office A attacks office B on the real PostgreSQL server.

Each case below is one attempt, made through a plain connection as a staff login
(what a clerk with psql could do). Whatever the attempt does, afterwards, in the
same session, the login still sees none of B's rows, and B's rows, read by the
tables' owner, are exactly as they were. Cases that try to become someone else
also check that the server refused. Mandatory under CI (conftest.require_pg)."""
from __future__ import annotations

import hashlib
import io

import pytest

import models
from conftest import PG_URL, REPO, _pg_reset, require_pg
from test_offices import a_petition, issue_plan, run_cli, two_offices

TAG = hashlib.sha1(str(REPO).encode()).hexdigest()[:6]
ADMIN_URL = f"{PG_URL}_attacks"
PASSWORD = "mat-khau-tan-cong"
SECRET = "MẬT-B-7731"                 # in B's petition; never in anything A reads
B_CHAIR_NAME = "Hoàng Văn Bê"
LOGINS = {"a_clerk": f"atk_{TAG}_a_vanthu", "a_chair": f"atk_{TAG}_a_chutich",
          "b_clerk": f"atk_{TAG}_b_vanthu", "b_chair": f"atk_{TAG}_b_chutich"}
#: words found only in that office's rows
MARKERS = {"b": (SECRET, B_CHAIR_NAME, "Kỳ Hoa"), "a": ("Xin sửa đường thôn 1", "Kỳ Khang")}
#: B's rows, by table, as the owner reads them (owner bypasses the policies)
VICTIM_ROWS = {
    "office": "id = {o}",
    "petition": "office_id = {o}",
    "petition_event": "petition_id IN (SELECT id FROM public.petition WHERE office_id = {o})",
    "outgoing_document": "office_id = {o}",
    "document_text": "office_id = {o}",
    "audit_entry": "office_id = {o}",
    "setting": "office_id = {o}",
    "person": "office_id = {o}",
    "unit": "office_id = {o}",
    "plan": "office_id = {o}",
}


def _url(login: str | None = None) -> str:
    if login is None:
        return ADMIN_URL
    server, _, name = ADMIN_URL.rpartition("/")
    return f"postgresql://{login}:{PASSWORD}@{server.rpartition('@')[2]}/{name}"


def _connect(login=None):
    import psycopg2

    conn = psycopg2.connect(_url(login))
    conn.autocommit = True
    return conn


def _drop_everything() -> None:
    models.close_database()
    conn = _connect()
    with conn.cursor() as cur:
        cur.execute("SELECT current_database()")
        group = cur.fetchone()[0].lower().replace("-", "_") + "_nhan_vien"
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; "
                    "GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC")   # as PostgreSQL < 15 leaves it
        for role in (*LOGINS.values(), group):
            cur.execute(f'DROP ROLE IF EXISTS "{role}"')
    conn.close()


def snapshot(office_id: int) -> dict[str, list]:
    conn = _connect()
    try:
        with conn.cursor() as cur:
            rows = {}
            for table, where in VICTIM_ROWS.items():
                cur.execute(f"SELECT t::text FROM public.{table} t WHERE {where.format(o=office_id)} ORDER BY t.id")
                rows[table] = [r[0] for r in cur.fetchall()]
            return rows
    finally:
        conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_pg()
    mp = pytest.MonkeyPatch()
    mp.setenv("DOITHOAI_HOME", str(tmp_path_factory.mktemp("attacks")))
    mp.setenv("DOITHOAI_USER", "kiemthu")
    mp.setenv("DOITHOAI_PG_NEW_PASSWORD", PASSWORD)
    _pg_reset(ADMIN_URL)
    _drop_everything()
    try:
        models.open_database(ADMIN_URL)
        a, b = two_offices()
        from models.services import roles

        for office, text in ((a, "Xin sửa đường thôn 1"), (b, f"Đường thôn 3 ngập nước {SECRET}")):
            a_petition(office, text)
            issue_plan(office)
            roles.allow(office, "issue", ["pho_chu_tich"])       # a managers' setting
        ids = {"a": a.id, "b": b.id}
        models.close_database()
        capsys = _NoCapture()
        code, out, err = run_cli(["--db", ADMIN_URL, "admin", "pg-setup"], capsys)
        assert code == 0, err
        for key, login in LOGINS.items():
            office = ids[key[0]]
            role = "chu_tich" if key.endswith("chair") else "van_thu"
            name = B_CHAIR_NAME if key == "b_chair" else login
            code, out, err = run_cli(["--db", ADMIN_URL, "admin", "pg-user", login, "--co-quan", str(office),
                                      "--vai-tro", role, "--ho-ten", name], capsys)
            assert code == 0, err
        conn = _connect()
        with conn.cursor() as cur:
            cur.execute("ANALYZE")       # statistics exist, as on a server in use
            cur.execute("SELECT id FROM public.petition WHERE office_id = %s", (ids["b"],))
            ids["b_petition"] = cur.fetchone()[0]
            cur.execute("SELECT id FROM public.unit WHERE office_id = %s LIMIT 1", (ids["b"],))
            ids["b_unit"] = cur.fetchone()[0]
            cur.execute("SELECT id FROM public.outgoing_document WHERE office_id = %s", (ids["b"],))
            ids["b_document"] = cur.fetchone()[0]
        conn.close()
        before = snapshot(ids["b"])
        assert all(before.values()), {t: len(r) for t, r in before.items()}   # B has rows in every table
        assert any(SECRET in r for r in before["petition"])
        yield ids
    finally:
        _drop_everything()
        mp.undo()


class _NoCapture:
    """run_cli wants capsys; a module fixture has none, and needs only the code."""

    def readouterr(self):
        return type("Out", (), {"out": "", "err": ""})()


# --- the attempts ------------------------------------------------------------------
# Each: (attacker, victim, statements). A statement is SQL, ("copy_out", SQL) or
# ("copy_in", SQL, data); "{b}", "{a}", "{b_petition}", "{b_unit}", "{b_document}",
# "{me}", "{b_login}", "{group}" are filled in. "!" before SQL: the server must refuse it.

SHADOW_MEMBER = ("CREATE TEMP TABLE office_member (role_name text, office_id int, role text)",
                 "INSERT INTO office_member VALUES (current_user, {b}, 'chu_tich')",
                 "GRANT SELECT ON office_member TO PUBLIC")
ATTEMPTS = {
    # shadows of what the policies and their functions read
    "temp_table_member_then_read": ("a_clerk", "b", [
        *SHADOW_MEMBER, "SELECT * FROM petition", "SELECT * FROM setting", "SELECT * FROM outgoing_document"]),
    "temp_table_member_then_write": ("a_clerk", "b", [
        *SHADOW_MEMBER, "UPDATE petition SET content = 'bị sửa' WHERE office_id = {b}",
        "DELETE FROM petition_event WHERE petition_id = {b_petition}",
        "UPDATE setting SET value = 'chu_tich,van_thu' WHERE office_id = {b}"]),
    "temp_table_member_on_search_path": ("a_clerk", "b", [
        *SHADOW_MEMBER, "SET search_path = pg_temp, public", "SELECT * FROM public.petition",
        "SELECT * FROM public.document_text"]),
    "temp_view_member": ("a_clerk", "b", [
        "CREATE TEMP VIEW office_member AS SELECT current_user::text AS role_name, {b} AS office_id, "
        "'chu_tich'::text AS role", "SELECT * FROM petition", "SELECT * FROM person"]),
    "temp_function_office": ("a_clerk", "b", [
        "CREATE FUNCTION pg_temp.doithoai_office() RETURNS int LANGUAGE sql AS 'SELECT {b}'",
        "CREATE FUNCTION pg_temp.doithoai_role() RETURNS text LANGUAGE sql AS 'SELECT ''chu_tich''::text'",
        "SET search_path = pg_temp, public", "SELECT * FROM petition", "SELECT * FROM audit_entry"]),
    "temp_operator_text_name": ("a_clerk", "b", [
        "CREATE FUNCTION pg_temp.yes(text, name) RETURNS bool LANGUAGE sql AS 'SELECT true'",
        "CREATE OPERATOR pg_temp.= (LEFTARG = text, RIGHTARG = name, FUNCTION = pg_temp.yes)",
        "CREATE FUNCTION pg_temp.yes(int, int) RETURNS bool LANGUAGE sql AS 'SELECT true'",
        "CREATE OPERATOR pg_temp.= (LEFTARG = int, RIGHTARG = int, FUNCTION = pg_temp.yes)",
        "SET search_path = pg_temp, public, pg_catalog", "SELECT * FROM petition", "SELECT * FROM office"]),
    "temp_table_parent_of_history": ("a_clerk", "b", [
        "CREATE TEMP TABLE petition (id int)", "INSERT INTO petition VALUES ({b_petition})",
        "SET search_path = pg_temp, public", "SELECT * FROM public.petition_event",
        "DELETE FROM public.petition_event WHERE petition_id = {b_petition}"]),
    "temp_table_office": ("a_clerk", "b", [
        "CREATE TEMP TABLE office (id int)", "INSERT INTO office VALUES ({b})",
        "SELECT * FROM public.office", "UPDATE public.office SET name = 'bị sửa' WHERE id = {b}"]),
    # objects in public, which every session searches
    "create_in_public": ("a_clerk", "b", [
        "!CREATE TABLE public.office_member2 (role_name text, office_id int, role text)",
        "!CREATE FUNCTION public.doithoai_office(x int) RETURNS int LANGUAGE sql AS 'SELECT {b}'",
        "!CREATE FUNCTION public.yes(text, name) RETURNS bool LANGUAGE sql AS 'SELECT true'",
        "!CREATE VIEW public.v AS SELECT 1", "!CREATE SEQUENCE public.s"]),
    "operator_in_public": ("a_chair", "b", [
        "CREATE FUNCTION pg_temp.yes(text, name) RETURNS bool LANGUAGE sql AS 'SELECT true'",
        "!CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = name, FUNCTION = pg_temp.yes)",
        "SELECT * FROM petition"]),
    # becoming someone else
    "set_role_other_office": ("a_clerk", "b", ["!SET ROLE {b_login}", "SELECT * FROM petition"]),
    "set_role_owner": ("a_clerk", "b", ["!SET ROLE doithoai", "!SET ROLE postgres", "SELECT * FROM petition"]),
    "set_role_staff_group": ("a_clerk", "b", ["SET ROLE {group}", "SELECT * FROM petition",
                                              "UPDATE petition SET content = 'x' WHERE office_id = {b}"]),
    "set_session_authorization": ("a_clerk", "b", ["!SET SESSION AUTHORIZATION {b_login}",
                                                   "!SET SESSION AUTHORIZATION DEFAULT; SET ROLE {b_login}"]),
    "row_security_off": ("a_clerk", "b", ["SET row_security = off", "!SELECT * FROM petition",
                                          "!UPDATE petition SET content = 'x'"]),
    "rls_off_by_ddl": ("a_chair", "b", [
        "!ALTER TABLE petition DISABLE ROW LEVEL SECURITY", "!DROP POLICY doithoai_office ON petition",
        "!CREATE POLICY mine ON petition USING (true)", "!TRUNCATE petition",
        "!GRANT SELECT ON office_member TO {me}", "!ALTER ROLE {me} BYPASSRLS"]),
    # moving and hanging rows
    "move_row_to_other_office": ("a_clerk", "b", [
        "!UPDATE petition SET office_id = {b} WHERE office_id = {a}",
        "!UPDATE document_text SET office_id = {b} WHERE office_id = {a}"]),
    "insert_into_other_office": ("a_clerk", "b", [
        "!INSERT INTO unit (office_id, name, short_name, head_name, active, created_at, updated_at, row_version) "
        "VALUES ({b}, 'Chen', 'C', '', true, now(), now(), 1)",
        "!INSERT INTO petition_event (petition_id, at, \"user\", action, detail, before, after, created_at, "
        "updated_at, row_version) VALUES ({b_petition}, now(), 'x', 'note', 'chen', '', '', now(), now(), 1)"]),
    "hang_own_row_on_other_office": ("a_clerk", "b", [
        "!UPDATE petition SET unit_id = {b_unit} WHERE office_id = {a}",
        "!UPDATE petition SET group_parent_id = {b_petition} WHERE office_id = {a}",
        "!UPDATE document_text SET document_id = {b_document} WHERE office_id = {a}"]),
    # each kind of record
    "audit_trail": ("a_clerk", "b", [
        "SELECT * FROM audit_entry WHERE office_id = {b}", "!UPDATE audit_entry SET \"user\" = 'x'",
        "!DELETE FROM audit_entry", "!INSERT INTO audit_entry (office_id, at, \"user\", \"table\", record_id, "
        "action, before, after, reason, chain_hash, created_at, updated_at, row_version) "
        "VALUES ({b}, now(), 'x', 'petition', 1, 'update', '', '', '', '', now(), now(), 1)"]),
    "register": ("a_clerk", "b", [
        "SELECT * FROM outgoing_document WHERE office_id = {b}",
        "UPDATE outgoing_document SET sha256 = '0', file_path = '/tmp/x' WHERE office_id = {b}",
        "!UPDATE outgoing_document SET title = 'x' WHERE id = {b_document}",
        "!DELETE FROM outgoing_document WHERE id = {b_document}"]),
    "document_texts": ("a_clerk", "b", [
        "SELECT * FROM document_text WHERE office_id = {b}",
        "UPDATE document_text SET content = 'bị sửa' WHERE office_id = {b}",
        "DELETE FROM document_text WHERE office_id = {b}"]),
    "settings_and_rights": ("a_chair", "b", [
        "SELECT * FROM setting WHERE office_id = {b}",
        "!INSERT INTO setting (office_id, key, value, created_at, updated_at, row_version) VALUES ({b}, 'quyen:{b}:issue', 'van_thu', now(), now(), 1)",
        "UPDATE setting SET value = 'van_thu' WHERE office_id = {b}"]),
    "people": ("a_chair", "b", [
        "SELECT * FROM person WHERE office_id = {b}",
        "UPDATE person SET role = 'chu_tich' WHERE office_id = {b}",
        "DELETE FROM person WHERE office_id = {b}",
        "!INSERT INTO person (office_id, full_name, login, role, active, created_at, updated_at, row_version) VALUES ({b}, 'Gia', 'x', 'chu_tich', true, now(), now(), 1)"]),
    "office_identity": ("a_chair", "b", [      # B's folder of documents is named by it
        "!UPDATE office SET uid = 'x'", "!UPDATE office SET uid = (SELECT uid FROM office LIMIT 1)"]),
    "membership_table": ("a_chair", "b", [
        "!SELECT * FROM office_member", "!INSERT INTO office_member VALUES ('{me}x', {b}, 'chu_tich')",
        "!UPDATE office_member SET office_id = {b} WHERE role_name = current_user"]),
    # COPY
    "copy_out_tables": ("a_clerk", "b", [
        ("copy_out", "COPY petition TO STDOUT"), ("copy_out", "COPY (SELECT * FROM person) TO STDOUT"),
        ("copy_out", "COPY document_text TO STDOUT")]),
    "copy_in": ("a_clerk", "b", [("copy_in", "COPY setting (office_id, key, value) FROM STDIN", "{b}\tk\tv\n")]),
    "copy_program_and_files": ("a_clerk", "b", [
        "!COPY petition TO PROGRAM 'cat > /tmp/doithoai-leak'", "!COPY petition TO '/tmp/doithoai-leak'",
        "!COPY setting FROM '/etc/hostname'", "!SELECT pg_read_file('base/pg_filenode.map')"]),
    # sequences: ids are shared (README), numbers of documents are per office
    "sequences": ("a_clerk", "b", [
        "!SELECT setval('public.petition_id_seq', 1)", "!ALTER SEQUENCE public.petition_id_seq RESTART",
        "!SELECT last_value FROM public.outgoing_document_id_seq"]),
    # the SECURITY DEFINER functions, with hostile arguments and paths
    "definer_functions": ("a_clerk", "b", [
        *SHADOW_MEMBER, "SET search_path = pg_temp",
        "SELECT public.doithoai_office(), public.doithoai_role()",
        "!SELECT public.doithoai_office({b})",
        "SELECT public.doithoai_mine('public.petition'::regclass, {b_petition})",
        "SELECT public.doithoai_mine('public.office_member'::regclass, 1)",
        "SELECT public.doithoai_mine('pg_catalog.pg_authid'::regclass, 10)",
        "SELECT public.doithoai_mine(0::oid::regclass, NULL)"]),
    "leaky_function": ("a_clerk", "b", [
        "CREATE FUNCTION pg_temp.leak(text) RETURNS bool LANGUAGE plpgsql COST 0.0001 AS "
        "'BEGIN RAISE NOTICE ''%'', $1; RETURN true; END'",
        "SELECT * FROM petition WHERE pg_temp.leak(content)",
        "SELECT * FROM document_text WHERE pg_temp.leak(content)"]),
    "statistics": ("a_clerk", "b", [
        "SELECT most_common_vals::text, histogram_bounds::text FROM pg_stats WHERE schemaname = 'public'",
        "SELECT * FROM pg_stats_ext_exprs"]),
    # the chairs
    "chair_a_against_b": ("a_chair", "b", [
        *SHADOW_MEMBER, "SELECT * FROM person",
        "UPDATE person SET active = false WHERE office_id = {b}",
        "!INSERT INTO setting (office_id, key, value, created_at, updated_at, row_version) VALUES ({b}, 'quyen:{b}:correct', 'van_thu', now(), now(), 1)",
        "UPDATE office SET name = 'bị sửa' WHERE id = {b}"]),
    "chair_b_against_a": ("b_chair", "a", [
        *SHADOW_MEMBER, "SELECT * FROM petition", "UPDATE person SET role = 'van_thu' WHERE office_id = {b}",
        "!INSERT INTO person (office_id, full_name, login, role, active, created_at, updated_at, row_version) "
        "VALUES ({b}, 'Gia', 'y', 'chu_tich', true, now(), now(), 1)"]),
}


#: insufficient privilege (also a row-level security check), COPY FROM a table
#: under row-level security, no such function
REFUSALS = {"42501", "0A000", "42883"}


def _fill(text: str, ids: dict, attacker: str, victim: str) -> str:
    return text.format(b=ids[victim], a=ids["a" if victim == "b" else "b"], me=LOGINS[attacker],
                       b_petition=ids["b_petition"], b_unit=ids["b_unit"], b_document=ids["b_document"],
                       b_login=LOGINS["b_clerk"], group=_group())


def _group() -> str:
    conn = _connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_database()")
            return cur.fetchone()[0].lower().replace("-", "_") + "_nhan_vien"
    finally:
        conn.close()


def _run(cur, conn, statement, ids, attacker, victim, seen: list, refused: list) -> None:
    import psycopg2

    kind, sql, data = "sql", statement, None
    if isinstance(statement, tuple):
        kind, sql, *rest = statement
        data = rest[0] if rest else None
    must_fail = sql.startswith("!")
    sql = _fill(sql.lstrip("!"), ids, attacker, victim)
    try:
        if kind == "copy_out":
            out = io.StringIO()
            cur.copy_expert(sql, out)
            seen.append(out.getvalue())
        elif kind == "copy_in":
            cur.copy_expert(sql, io.StringIO(_fill(data, ids, attacker, victim)))
            refused.append(f"accepted: {sql}")
        else:
            cur.execute(sql)
            if cur.description:
                seen.append(repr(cur.fetchall()))
            if must_fail:
                refused.append(f"accepted: {sql}")
    except psycopg2.Error as exc:
        seen.append(str(exc))
        if exc.pgcode not in (REFUSALS if must_fail else REFUSALS - {"42883"}):   # nor is a typo
            refused.append(f"failed for another reason ({exc.pgcode}): {sql}: {exc}")
    seen.extend(conn.notices)
    del conn.notices[:]


@pytest.mark.parametrize("name", list(ATTEMPTS))
def test_an_office_login_never_reaches_another_office(server, name):
    ids = server
    attacker, victim, statements = ATTEMPTS[name]
    victim_id = ids[victim]
    before = snapshot(victim_id)
    conn = _connect(LOGINS[attacker])
    seen: list[str] = []
    refused: list[str] = []
    try:
        with conn.cursor() as cur:
            for statement in statements:
                _run(cur, conn, statement, ids, attacker, victim, seen, refused)
            # in the same session, after the attempt: nothing of the victim shows
            for table, where in VICTIM_ROWS.items():
                try:
                    cur.execute(f"SELECT count(*) FROM public.{table} t WHERE {where.format(o=victim_id)}")
                    count = cur.fetchone()[0]
                except Exception as exc:  # a refusal is not a leak
                    count = 0 if exc else None
                    cur.execute("RESET ALL")
                assert count == 0, f"{name}: {attacker} sees {count} of office {victim}'s {table} rows"
            cur.execute("RESET ALL")
            cur.execute("SELECT session_user, public.doithoai_office()")
            assert cur.fetchone() == (LOGINS[attacker], ids[attacker[0]])
    finally:
        conn.close()
    assert not refused, f"{name}: the server let these through: {refused}"
    leaked = [s for s in seen if any(marker in s for marker in MARKERS[victim])]
    assert not leaked, f"{name}: office {victim}'s data was read: {leaked[:2]}"
    assert snapshot(victim_id) == before, f"{name}: office {victim}'s rows changed"
    if name.endswith("_in_public"):
        assert not _left_in_public(), f"{name}: objects were created in public"


def _left_in_public() -> list[str]:
    conn = _connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname IN ('office_member2', 'v', 's') "
                        "UNION ALL SELECT p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n "
                        "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'yes' "
                        "UNION ALL SELECT o.oprname FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n "
                        "ON n.oid = o.oprnamespace WHERE n.nspname = 'public' AND o.oprname = '='")
            found = [r[0] for r in cur.fetchall()]
            # what an unfixed server let through must not spoil the other cases
            cur.execute("DROP TABLE IF EXISTS public.office_member2; DROP VIEW IF EXISTS public.v; "
                        "DROP SEQUENCE IF EXISTS public.s; DROP FUNCTION IF EXISTS public.yes(text, name) CASCADE; "
                        "DROP FUNCTION IF EXISTS public.doithoai_office(int)")
            return found
    finally:
        conn.close()

def test_there_are_enough_attempts():
    assert len(ATTEMPTS) >= 25
    assert sum(1 for _, _, statements in ATTEMPTS.values() for _ in statements) >= 80


def test_pg_setup_upgrades_a_server_set_up_by_an_earlier_version(server):
    """An earlier version's function (search_path = public, unqualified names: the
    temporary-table attack works) is replaced when pg-setup runs again, and every
    SECURITY DEFINER function of ours then has the pinned path."""
    conn = _connect()
    with conn.cursor() as cur:
        cur.execute("CREATE OR REPLACE FUNCTION public.doithoai_office() RETURNS INTEGER LANGUAGE sql STABLE "
                    "SECURITY DEFINER SET search_path = public AS $$ SELECT office_id FROM office_member "
                    "WHERE role_name = session_user $$")
        cur.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
    attacker = _connect(LOGINS["a_clerk"])
    with attacker.cursor() as cur:
        for statement in SHADOW_MEMBER:
            cur.execute(_fill(statement, server, "a_clerk", "b"))
        cur.execute("SELECT count(*) FROM public.petition WHERE office_id = %s", (server["b"],))
        assert cur.fetchone()[0] == 1          # the old function: B's petition shows
    attacker.close()

    code, _, err = run_cli(["--db", ADMIN_URL, "admin", "pg-setup"], _NoCapture())
    assert code == 0, err
    with conn.cursor() as cur:
        cur.execute("SELECT p.proname, p.proconfig FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n "
                    "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1")
        functions = cur.fetchall()
        cur.execute("SELECT has_schema_privilege(%s, 'public', 'CREATE')", (LOGINS["a_chair"],))
        assert cur.fetchone()[0] is False
    conn.close()
    assert [name for name, _ in functions] == ["doithoai_mine", "doithoai_office", "doithoai_role"]
    assert all(config == ["search_path=pg_catalog, public, pg_temp"] for _, config in functions), functions
    attacker = _connect(LOGINS["a_clerk"])
    with attacker.cursor() as cur:
        for statement in SHADOW_MEMBER:
            cur.execute(_fill(statement, server, "a_clerk", "b"))
        cur.execute("SELECT count(*) FROM public.petition WHERE office_id = %s", (server["b"],))
        assert cur.fetchone()[0] == 0
    attacker.close()


def test_each_office_login_issues_into_its_own_folder(server):
    """Both offices, each through its own chair's login (which sees only its
    office, so each is "the first"), issue a document with the same number
    from one data folder: neither is blocked by the other's file."""
    from pathlib import Path

    from models.services import catalog, issued_files

    paths = []
    for login in ("a_chair", "b_chair"):
        models.open_database(_url(LOGINS[login]))
        try:
            office = catalog.the_office()
            assert office.id == server[login[0]]
            doc = issue_plan(office)
            assert doc.symbol == "02/KH-UBND"
            paths.append(Path(doc.file_path))
            assert paths[-1].parent.parent == issued_files.office_folder(office.id)
        finally:
            models.close_database()
    assert paths[0] != paths[1] and paths[0].name == paths[1].name
    assert paths[0].is_file() and paths[1].is_file()
