"""Shared fixtures. Every test that touches storage uses a real database: a
SQLite file in a temporary folder, or a real PostgreSQL server.

PostgreSQL: DOITHOAI_TEST_PG names the server (default: the one
scripts/pg-test-server.sh sets up). Without a reachable server the PostgreSQL
cases are skipped on a developer's machine but FAIL under CI (CI=true), so a
green CI always means both backends ran."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PG_SERVER = "postgresql://doithoai:doithoai@127.0.0.1:5432"
# One database per checkout, so that several checkouts on one machine can run
# their suites at the same time without resetting each other's tables.
PG_URL = os.environ.get(
    "DOITHOAI_TEST_PG",
    f"{PG_SERVER}/doithoai_test_{hashlib.sha1(str(REPO).encode()).hexdigest()[:8]}")
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Each test gets its own data/config/cache folders; nothing touches the
    developer's real office database."""
    monkeypatch.setenv("DOITHOAI_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DOITHOAI_DB", raising=False)
    monkeypatch.setenv("DOITHOAI_USER", "kiemthu")
    yield
    from models.storage.db import close_database
    from models.services.catalog import choose_office

    close_database()
    choose_office(None)  # a --co-quan given to the command line run in-process
    from models.storage.who import set_user

    set_user(None)       # a --user given to the command line run in-process


@pytest.fixture(autouse=True)
def _no_grace(monkeypatch):
    """After a box closes, the app drops the letters typed within tui/grace.py's
    GRACE (a person still typing into the box). Pilot types faster than any
    person, so tests run without it; tests/test_form_keys.py checks it, on a
    clock it moves by hand."""
    try:
        from tui import grace
    except ImportError:
        return
    monkeypatch.setattr(grace, "GRACE", 0.0)


def _pg_create_database(url: str) -> None:
    import psycopg2

    server, _, name = url.rpartition("/")
    conn = psycopg2.connect(server + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def _pg_reset(url: str) -> None:
    import psycopg2

    try:
        conn = psycopg2.connect(url)
    except psycopg2.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
        _pg_create_database(url)
        conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    conn.close()


def audit_user(name: str) -> str:
    """The name the audit trail records when the app is told ``name``: that name
    on SQLite; on PostgreSQL always the database login (no option can fake it)."""
    from models.domain.base import is_postgres

    if is_postgres():
        from urllib.parse import urlparse

        return urlparse(PG_URL).username
    return name


def pg_available() -> str | None:
    try:
        _pg_reset(PG_URL)
        return None
    except Exception as exc:  # reported as the reason
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def require_pg() -> None:
    problem = pg_available()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI but not reachable at {PG_URL}: {problem}")
        pytest.skip(f"no PostgreSQL server at {PG_URL} ({problem}); run scripts/pg-test-server.sh")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path):
    """A database target for each backend (a fresh, empty database)."""
    if request.param == "sqlite":
        return str(tmp_path / "office.sqlite3")
    require_pg()
    return PG_URL


@pytest.fixture
def pg_url():
    require_pg()
    return PG_URL


@pytest.fixture
def db(db_target):
    """An open, migrated, empty database on each backend."""
    import models

    return models.open_database(db_target)


@pytest.fixture
def sqlite_db(tmp_path):
    import models

    return models.open_database(tmp_path / "office.sqlite3")


@pytest.fixture
def office(db):
    from models.services import catalog

    return catalog.create_office(kind="ubnd_xa", place_name="Kỳ Khang", parent_body="UBND tỉnh Hà Tĩnh",
                                 signer_name="Nguyễn Văn An")


@pytest.fixture
def demo_office(sqlite_db):
    import datetime as dt

    from models.demo import build_demo

    return build_demo(today=dt.date(2026, 11, 22))


def _untracked() -> set[str] | None:
    """Files in the repository that git neither tracks nor ignores (None outside a
    git checkout)."""
    import subprocess

    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "-z"], cwd=REPO,
                             capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return {e[3:] for e in out.stdout.decode("utf-8", "replace").split("\0") if e.startswith("??")}


@pytest.fixture(scope="session", autouse=True)
def repository_left_clean():
    """No test writes into the repository: a hostile relative path once left a
    hundred backup files there (and they were committed)."""
    before = _untracked()
    yield
    after = _untracked()
    if before is not None and after is not None:
        new = sorted(after - before)
        assert not new, "tests wrote files into the repository: " + ", ".join(new[:20])
