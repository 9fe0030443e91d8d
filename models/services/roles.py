"""Người dùng và vai trò: who is working, and what their role lets them do.

Roles: văn thư (clerk), thư ký (secretary), phó chủ tịch (vice-chair), chủ tịch
(chair) and quản trị (admin). Issuing, correcting issued documents and editing
the catalogue are the chair's by default; an office may allow other roles
(``allow``). Managing the list of people is the admin's and the chair's.

Who is working: on PostgreSQL the database login (``SELECT session_user``),
which no option or setting can change; on a single SQLite PC the person chosen
on this workstation from the office's list, else the one whose ``login`` is the
operating-system account (as the system knows it, not as LOGNAME or USER say).
While an office has no list of people yet (a new install), nothing is
restricted.

On SQLite anyone at the PC can choose any name, so issuing and correcting ask
for the person's PIN (``PIN_ACTIONS``): set with ``set_pin``, kept only as a
salted scrypt hash (``PIN_SCRYPT``), given for one act with ``pin_given``. A
person with that right but no PIN cannot do it. The PIN guards acts done
through the app; whoever can copy the database file can read it.
"""
from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from contextlib import contextmanager

from models.core.errors import Locked, NotFound, ValidationError
from models.core.text import by_name, fold
from models.core.words import RolesWords as W
from models.domain.base import database
from models.domain.office import Office, Person, Setting
from models.services import records
from models.services.validate import optional_line, required
from models.storage.config import read_config
from models.domain.base import is_postgres, opened_as

ROLES = W.ROLES
ACTIONS = W.ACTIONS
DEFAULT_ALLOWED = {
    "issue": ("chu_tich",),
    "correct": ("chu_tich",),
    "catalog": ("chu_tich", "quan_tri"),
    "people": ("chu_tich", "quan_tri"),
}


def role_label(role: str) -> str:
    return ROLES.get(role, role)


def parse_role(value: str) -> str:
    """A role by its code or its Vietnamese name (with or without diacritics)."""
    key = fold(str(value or "")).replace(" ", "_").replace("-", "_")
    for code, label in ROLES.items():
        if key in (code, fold(label).replace(" ", "_")):
            return code
    raise ValidationError(W.BAD_ROLE.format(value=value)
                          + ", ".join(f"{c} ({label})" for c, label in ROLES.items()) + ".", field="role")


# --- who is working -----------------------------------------------------------------

def _is_postgres() -> bool:
    return is_postgres()


def session_login() -> str:
    """The PostgreSQL login of this connection (the server says it, not us)."""
    return database.obj.execute_sql("SELECT session_user").fetchone()[0]


def os_login() -> str:
    """The operating-system account running the app, as the system knows it
    (LOGNAME, USER and USERNAME are whatever the caller sets)."""
    try:
        if os.name == "posix":
            import pwd  # this platform only

            return pwd.getpwuid(os.geteuid()).pw_name
        import ctypes  # this platform only

        size = ctypes.c_ulong(257)
        buffer = ctypes.create_unicode_buffer(size.value)
        if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
            return buffer.value
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return ""


def current_login() -> str:
    return session_login() if _is_postgres() else os_login()


def people(office: Office, active_only: bool = True) -> list[Person]:
    q = Person.select().where(Person.office == office)
    if active_only:
        q = q.where(Person.active == True)
    return by_name(q, "full_name")


def _workstation_choice() -> int | None:
    chosen = read_config().get("people")
    value = chosen.get(opened_as() or "") if isinstance(chosen, dict) else None
    return value if isinstance(value, int) else None


def current_person(office: Office) -> Person | None:
    """The person working, from the office's list (None if not on it)."""
    listed = people(office)
    if _is_postgres():
        login = session_login()
        return next((p for p in listed if p.login == login), None)
    chosen = _workstation_choice()
    found = next((p for p in listed if p.id == chosen), None)
    if found is not None:
        return found
    login = os_login()
    matching = [p for p in listed if p.login and p.login == login]
    return matching[0] if len(matching) == 1 else None


def candidates(office: Office) -> list[Person]:
    """On a single PC, the people this OS account may be: those whose login is the
    account, or everyone without a login when none has it."""
    listed = people(office)
    login = os_login()
    mine = [p for p in listed if p.login == login]
    return mine or [p for p in listed if not p.login]


def choose_person(office: Office, person: Person) -> None:
    """This workstation is used by ``person`` (SQLite only: on PostgreSQL the
    login decides)."""
    if _is_postgres():
        raise ValidationError(W.PG_NO_CHOICE)
    if person.office_id != office.id:
        raise NotFound(W.NOT_THIS_OFFICE)
    if person.login and person.login != os_login():
        raise ValidationError(W.OTHER_LOGIN.format(full_name=person.full_name, login=person.login,
                                                   os_login=os_login()))
    from models.storage.settings import save_config  # off the start-up path

    chosen = read_config().get("people")
    chosen = dict(chosen) if isinstance(chosen, dict) else {}
    chosen[opened_as() or ""] = person.id
    save_config(people=chosen)


# --- what a role may do -------------------------------------------------------------

def _setting_key(office: Office, action: str) -> str:
    return f"quyen:{office.id}:{action}"


def allowed_roles(office: Office, action: str) -> tuple[str, ...]:
    if action not in ACTIONS:
        raise ValidationError(W.BAD_ACTION.format(action=action) + ", ".join(ACTIONS) + ".")
    row = Setting.get_or_none(Setting.key == _setting_key(office, action))
    if row is None or not row.value.strip():
        return DEFAULT_ALLOWED[action]
    return tuple(r for r in row.value.split(",") if r in ROLES)


def _labels(roles) -> str:
    return ", ".join(role_label(r) for r in roles)


def require(office: Office, action: str, *, proof: bool = True) -> Person | None:
    """Raise Locked (with the roles that may) unless the person working may do
    ``action`` ("issue", "correct", "catalog", "people") for ``office``.
    Returns the person (None while the office has no list of people). On
    SQLite an act of PIN_ACTIONS also needs the person's PIN set and, with
    ``proof``, given for this act (``pin_given``); PinNeeded says so."""
    allowed = allowed_roles(office, action)
    if not people(office):
        return None
    person = current_person(office)
    if person is None:
        login = current_login() or W.UNKNOWN
        raise Locked(W.NOT_LISTED.format(login=login, name=office.name, action_words=ACTIONS[action])
                     + ("" if _is_postgres() else W.OR_USE) + ".")
    role = person.role
    if _is_postgres():  # the role the admin gave this login, which the login cannot change
        role = member_role() or role
    if role not in allowed:
        raise Locked(W.NOT_ALLOWED.format(labels=_labels(allowed), action_words=ACTIONS[action],
                                          full_name=person.full_name, role_label=role_label(role), action=action))
    if not _is_postgres() and _pin_guarded(office, action):
        if not person.pin_hash:
            raise Locked(W.NO_PIN_YET.format(full_name=person.full_name, action_words=ACTIONS[action]), remedy="set_pin")
        if proof and getattr(_proof, "person", None) != person.id:
            raise PinNeeded(W.PIN_NEEDED.format(full_name=person.full_name, action_words=ACTIONS[action]), remedy="give_pin")
    return person


def refusal(office: Office, action: str) -> str | None:
    """Why the person working may not do ``action`` (the Vietnamese message that
    names who may), or None when they may (the PIN, asked at the act, aside)."""
    try:
        require(office, action, proof=False)
        return None
    except Locked as exc:
        return exc.message


def who_may(office: Office, action: str) -> str:
    """"Chủ tịch, Quản trị": the roles that may do ``action`` in this office."""
    return _labels(allowed_roles(office, action))


def allow(office: Office, action: str, roles) -> tuple[str, ...]:
    """The roles that may do ``action`` in this office (the chair always may)."""
    require(office, "people")
    allowed_roles(office, action)  # checks the action
    codes = tuple(dict.fromkeys(["chu_tich", *(parse_role(r) for r in roles)]))
    key = _setting_key(office, action)
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        records.create(Setting, office=office, key=key, value=",".join(codes))
    else:
        records.update(row, {"value": ",".join(codes)})
    return codes


# --- PINs (SQLite) ------------------------------------------------------------------

#: acts that ask for the person's PIN on SQLite (and "people", see _pin_guarded)
PIN_ACTIONS = ("issue", "correct")
#: hashlib.scrypt: 2^14 rounds of 8 × 128-byte blocks (16 MiB, about 0.1 s on an
#: old office PC), one lane, a 16-byte random salt, a 32-byte key
PIN_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "dklen": 32}
PIN_SALT_BYTES = 16
PIN_MIN, PIN_MAX = 4, 64
_proof = threading.local()


class PinNeeded(Locked):
    """The act needs the PIN of the person working (ask it, then retry)."""


def hash_pin(pin: str) -> str:
    """"scrypt$n$r$p$salt$key" (hex): the parameters travel with the hash."""
    salt = secrets.token_bytes(PIN_SALT_BYTES)
    key = hashlib.scrypt(pin.encode("utf-8"), salt=salt, maxmem=64 * 2 ** 20, **PIN_SCRYPT)
    return "$".join(["scrypt", str(PIN_SCRYPT["n"]), str(PIN_SCRYPT["r"]), str(PIN_SCRYPT["p"]), salt.hex(),
                     key.hex()])


def pin_matches(stored: str, pin: str | None) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt" or pin is None:
            return False
        expected = bytes.fromhex(key)
        got = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected), maxmem=64 * 2 ** 20)
        return hmac.compare_digest(got, expected)
    except (ValueError, TypeError):
        return False


def managers_with_pin(office: Office) -> list[Person]:
    return [p for p in people(office) if p.pin_hash and p.role in allowed_roles(office, "people")]


def _pin_guarded(office: Office, action: str) -> bool:
    """Issuing and correcting always; changing people and rights once a Chủ tịch
    or Quản trị has a PIN (else a clerk could pick a manager's name without
    a PIN and make herself the chair)."""
    return action in PIN_ACTIONS or (action == "people" and bool(managers_with_pin(office)))


def pin_wanted(office: Office, action: str) -> Person | None:
    """The person whose PIN to ask before ``action`` (None: none is asked, or
    the act will be refused for another reason that ``require`` tells)."""
    if _is_postgres() or not people(office) or not _pin_guarded(office, action):
        return None
    person = current_person(office)
    if person is None or not person.pin_hash or refusal(office, action):
        return None
    return person


# --- wrong PINs: a wait that grows -------------------------------------------------

#: wrong PINs in a row that begin a wait: PIN_WAIT_FIRST seconds, doubled
#: at each further wrong PIN, at most PIN_WAIT_MOST. A 6-digit PIN then takes
#: years to guess at the PC, while a person who mistypes loses half a minute.
PIN_FREE_TRIES = 5
PIN_WAIT_FIRST, PIN_WAIT_MOST = 30, 3600


def _clock() -> float:
    """Seconds since the epoch (the wait is kept in the database across restarts,
    so it is wall time; tests replace this)."""
    return time.time()


def _tries_key(person: Person) -> str:
    return f"pin-sai:{person.office_id}:{person.id}"


def _tries(person: Person) -> dict:
    row = Setting.get_or_none(Setting.key == _tries_key(person))
    try:
        value = json.loads(row.value) if row is not None and row.value else {}
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def _wait_text(seconds: float) -> str:
    seconds = max(1, int(seconds + 0.999))
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return W.SECONDS.format(n=rest)
    return W.MINUTES.format(n=minutes) + (" " + W.SECONDS.format(n=rest) if rest else "")


def pin_wait(person: Person) -> float:
    """Seconds ``person`` must still wait before a PIN is tried again (0: none)."""
    return max(0.0, float(_tries(person).get("until") or 0) - _clock())


def _refuse_while_waiting(person: Person) -> None:
    left = pin_wait(person)
    if left > 0:
        wrong = int(_tries(person).get("wrong") or 0)
        until = dt.datetime.fromtimestamp(_clock() + left).strftime("%H:%M:%S")
        raise Locked(W.PIN_WAIT.format(full_name=person.full_name, wrong=wrong, wait=_wait_text(left), until=until))


def _wrong_pin(person: Person) -> str:
    """Count a wrong PIN for ``person`` (kept in the database, so across restarts);
    returns what to add to the refusal: tries left, or the wait now begun."""
    wrong = int(_tries(person).get("wrong") or 0) + 1
    over = wrong - PIN_FREE_TRIES        # 0 at the last free try: the first wait begins
    wait = min(PIN_WAIT_MOST, PIN_WAIT_FIRST * 2 ** over) if over >= 0 else 0
    _keep_tries(person, {"wrong": wrong, "until": _clock() + wait if wait else 0})
    if wait:
        return W.PIN_WAIT_BEGINS.format(wrong=wrong, wait=_wait_text(wait))
    left = PIN_FREE_TRIES - wrong
    return W.PIN_TRIES_LEFT.format(left=left) if left < PIN_FREE_TRIES - 1 else ""


def _keep_tries(person: Person, value: dict) -> None:
    text = json.dumps(value)
    if not Setting.update(value=text).where(Setting.key == _tries_key(person)).execute():
        Setting.create(office=person.office_id, key=_tries_key(person), value=text)


def _right_pin(person: Person) -> None:
    if _tries(person):
        Setting.delete().where(Setting.key == _tries_key(person)).execute()


def check_pin(person: Person, pin: str | None) -> bool:
    """Whether ``pin`` is ``person``'s PIN (a right one clears the wrong ones
    counted); refused (Locked, the wait stated) while the person must wait after
    too many wrong PINs, and False without trying while ``pin`` is None."""
    if pin is None:
        return False
    _refuse_while_waiting(person)
    if pin_matches(person.pin_hash, pin):
        _right_pin(person)
        return True
    return False


@contextmanager
def pin_given(office: Office, pin: str | None):
    """The PIN of the person working, for the acts inside the block (in this
    thread only). ``None``: none was asked (``pin_wanted`` said so). After
    PIN_FREE_TRIES wrong PINs in a row the person waits (``pin_wait``)."""
    person = None if pin is None or _is_postgres() else current_person(office)
    if pin is not None and person is None:
        raise Locked(W.WRONG_PIN)
    if pin is not None and not check_pin(person, pin):
        more = _wrong_pin(person) if person.pin_hash else ""
        raise Locked(W.WRONG_PIN + more)
    before = getattr(_proof, "person", None)
    _proof.person = person.id if person is not None else None
    try:
        yield person
    finally:
        _proof.person = before


def set_pin_as_typed(office: Office, person_id: int, values: dict) -> Person:
    """``set_pin`` from the PIN form: the new PIN typed twice, the authority's PIN (may be empty)."""
    if (values.get("pin") or "") != (values.get("again") or ""):
        raise ValidationError(W.PIN_MISMATCH, field="again")
    return set_pin(office, Person.get_by_id(person_id), values.get("pin") or "",
                   authority=values.get("authority") or None)


def set_pin(office: Office, person: Person, new_pin: str | None, *, authority: str | None = None) -> Person:
    """Set (or with ``None`` remove) ``person``'s PIN. ``authority`` is the PIN
    that allows it: the person's own current PIN, or the PIN of the Chủ tịch or
    Quản trị working at this PC. A first PIN needs none while no manager of the
    office has one yet (the office is setting up), or when the person's entry
    is the operating-system account running the app."""
    if _is_postgres():
        raise ValidationError(W.PG_NO_PIN)
    if person.office_id != office.id:
        raise NotFound(W.NOT_THIS_OFFICE)
    if new_pin is not None:
        new_pin = str(new_pin).strip()
        if not PIN_MIN <= len(new_pin) <= PIN_MAX:
            raise ValidationError(W.PIN_LENGTH.format(least=PIN_MIN, most=PIN_MAX),
                                  field="pin")
    me = current_person(office)
    may_manage = me is not None and me.pin_hash and me.role in allowed_roles(office, "people")
    # the PIN given counts as a try of the person's own PIN (or, with none, the manager's)
    tried = person if person.pin_hash else me if may_manage else None
    if authority is not None and tried is not None:
        _refuse_while_waiting(tried)
    manager = bool(may_manage) and pin_wait(me) <= 0 and check_pin(me, authority)
    if person.pin_hash:
        allowed = manager or check_pin(person, authority)
        why = (W.GIVE_CURRENT_PIN.format(full_name=person.full_name))
    else:
        allowed = (not managers_with_pin(office) or manager
                   or bool(person.login and person.login == os_login() and me is not None and me.id == person.id))
        why = (W.FIRST_PIN.format(full_name=person.full_name, login=person.login or W.NO_LOGIN))
    if not allowed:
        more = _wrong_pin(tried) if authority is not None and tried is not None else ""
        raise Locked(W.PIN_NOT_CHANGED + why + more)
    return records.update(person, {"pin_hash": hash_pin(new_pin) if new_pin is not None else ""})


# --- the list of people -------------------------------------------------------------

def enlist_owner(office: Office) -> Person | None:
    """On PostgreSQL, the login that owns the tables (the one that creates offices
    and staff logins) is on each office's list as Quản trị, so that the list shows
    everyone who can change the office's data. Nothing on SQLite, or when that
    login is already listed."""
    if not _is_postgres():
        return None
    login = session_login()
    owner = database.obj.execute_sql(
        "SELECT tableowner = session_user FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'office'").fetchone()
    if not owner or not owner[0]:
        return None
    if Person.get_or_none((Person.office == office) & (Person.login == login)) is not None:
        return None
    return records.create(Person, office=office, full_name=login, login=login, role="quan_tri")


def add_person(office: Office, full_name: str, role: str, *, login: str = "") -> Person:
    if people(office, active_only=False):
        require(office, "people")
    full_name = required(full_name, W.FULL_NAME, field="full_name", max_len=120)
    login = optional_line(login, max_len=63)
    role = parse_role(role)
    for p in people(office, active_only=False):
        if login and p.login == login:
            raise ValidationError(W.LOGIN_TAKEN.format(login=login, full_name=p.full_name), field="login")
        if not login and not p.login and fold(p.full_name) == fold(full_name):
            raise ValidationError(W.ALREADY_LISTED.format(full_name=full_name), field="full_name")
    return records.create(Person, office=office, full_name=full_name, login=login, role=role)


def update_person(person: Person, changes: dict, *, expected_version: int | None = None) -> Person:
    require(person.office, "people")
    clean = dict(changes)
    if "role" in clean:
        clean["role"] = parse_role(clean["role"])
    if "full_name" in clean:
        clean["full_name"] = required(clean["full_name"], W.FULL_NAME, field="full_name", max_len=120)
    return records.update(person, clean, expected_version=expected_version)


def find_person(office: Office, value: str) -> Person:
    text = str(value).strip()
    listed = people(office, active_only=False)
    for p in listed:
        if (text.isdigit() and p.id == int(text)) or (text and p.login == text):
            return p
    named = [p for p in listed if fold(p.full_name) == fold(text)]
    if len(named) == 1:
        return named[0]
    raise NotFound(W.NO_SUCH_PERSON.format(text=text, name=office.name))


def member_role() -> str | None:
    """On PostgreSQL with staff logins: the role the admin gave this login
    (office_member), which the login itself cannot change."""
    if database.execute_sql("SELECT pg_catalog.to_regproc('public.doithoai_role')").fetchone()[0] is None:
        return None
    return database.execute_sql("SELECT public.doithoai_role()").fetchone()[0]
