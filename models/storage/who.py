"""Who is working: the name every audit entry carries."""
from __future__ import annotations

import getpass
import os

from models.domain.base import database, is_postgres, opened_as
from models.domain.office import Person
from models.storage.config import read_config

_user: str | None = None


def current_user() -> str:
    """Who is working. On PostgreSQL the database login (``session_user``): no
    option, variable or setting changes it. On a SQLite PC the person chosen on
    this workstation from the office's list of people, else ``--user``/set_user,
    ``DOITHOAI_USER``, "user" in the config file, or the OS account."""
    if is_postgres():
        conn = database.obj.connection()
        if _session.get("conn") is not conn:
            _session.update(conn=conn, name=database.obj.execute_sql("SELECT session_user").fetchone()[0])
        return _session["name"]
    chosen = _chosen_person()
    if chosen:
        return chosen
    if _user:
        return _user
    env = os.environ.get("DOITHOAI_USER")
    if env:
        return env
    configured = str(read_config().get("user") or "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows service accounts
        return "không rõ"


_session: dict = {}


def _chosen_person() -> str:
    """The full name of the person chosen on this workstation (roles.choose_person)."""
    chosen = read_config().get("people")
    person_id = chosen.get(opened_as() or "") if isinstance(chosen, dict) else None
    if not isinstance(person_id, int):
        return ""
    row = Person.select(Person.full_name).where(Person.id == person_id).tuples().first()
    return row[0] if row else ""


def set_user(name: str | None) -> None:
    global _user
    _user = name or None
