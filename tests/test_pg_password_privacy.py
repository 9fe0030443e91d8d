"""A PostgreSQL password never shows in the process list (``ps``) of a running
``doithoai``, nor in its logs or the audit trail — given on the command line,
through DOITHOAI_DB, or through a PostgreSQL password file."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import REPO, _pg_reset, require_pg

SECRET = "doithoai"                     # the test server's password for the doithoai login


def pg_target():
    require_pg()
    from conftest import PG_URL

    _pg_reset(PG_URL)
    return PG_URL


def doithoai(argv, home, env_extra=None, **kw):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOITHOAI_", "PG"))}
    env.update(DOITHOAI_HOME=str(home), PYTHONPATH=str(REPO), **(env_extra or {}))
    return subprocess.Popen([sys.executable, "-m", "tui", *argv], cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def ways(url: str, tmp_path):
    """(argv before the command, extra environment) for each way of giving the password."""
    bare = url.replace(f":{SECRET}@", "@")
    passfile = tmp_path / "pgpass"
    host_port_db_user = bare.split("//")[1]          # user@host:port/db
    user, rest = host_port_db_user.split("@")
    hostport, dbname = rest.split("/")
    host, port = hostport.split(":")
    passfile.write_text(f"{host}:{port}:{dbname}:{user}:{SECRET}\n")
    passfile.chmod(0o600)
    return {
        "argument": (["--db", url], {}),
        "environment": ([], {"DOITHOAI_DB": url}),
        "password-file": (["--db", bare], {"PGPASSFILE": str(passfile)}),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ps and /proc are Linux's")
@pytest.mark.parametrize("way", ["argument", "environment", "password-file"])
def test_the_password_is_not_in_the_process_list_logs_or_audit(tmp_path, way):
    import psycopg2

    url = pg_target()
    home = tmp_path / "home"
    before, extra = ways(url, tmp_path)[way]
    init = doithoai([*before, "init", "--ten", "Kỳ Khang", "--loai", "ubnd_xa"], home, extra)
    out, err = init.communicate(timeout=120)
    assert init.returncode == 0, err
    # Hold the office table so that the next command waits inside its first query,
    # long enough to read the process list while it runs.
    holder = psycopg2.connect(url)
    with holder.cursor() as cur:
        cur.execute("LOCK TABLE office IN ACCESS EXCLUSIVE MODE")
    proc = doithoai([*before, "petition", "--noi-dung", "Đèn đường hỏng", "--don-vi", "Công an xã"], home,
                    extra)
    try:
        listed = ""
        for _ in range(600):                   # until the command is waiting on the lock
            with holder.cursor() as cur:
                cur.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
                waiting = cur.fetchone()[0]
            if waiting:
                listed = subprocess.run(["ps", "-eo", "pid,args", "-ww"], capture_output=True,
                                        text=True).stdout
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        assert waiting, "the command never reached the database"
        mine = [line for line in listed.splitlines() if line.strip().startswith(str(proc.pid))]
        assert mine and "tui" in mine[0]
        assert f":{SECRET}@" not in listed
    finally:
        holder.rollback()
        holder.close()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f":{SECRET}@" not in out + err
    for path in home.rglob("*"):
        if path.is_file() and path.suffix not in (".pdf",):
            assert f":{SECRET}@" not in path.read_bytes().decode("utf-8", "replace"), path
    conn = psycopg2.connect(url)
    with conn.cursor() as cur:
        cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
        tables = [r[0] for r in cur.fetchall()]
        for table in tables:
            cur.execute(f'SELECT * FROM "{table}"')
            for row in cur.fetchall():
                assert f":{SECRET}@" not in " ".join(map(str, row)), table
    conn.close()
