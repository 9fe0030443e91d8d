"""The few places where we reach into a library's private parts, gathered here so
that a new release that moves them breaks one module, loudly, in
tests/test_compat.py, and not a screen or a printout at a user's desk.
(Textual's are in tui/compat.py: models/ never imports Textual.)"""
from __future__ import annotations


def forget_changes(rec) -> None:
    """peewee: the record matches the database again (after we copied a fresher
    row into it), so a later save() writes nothing it did not change."""
    rec._dirty.clear()


def on_connect(db, step) -> None:
    """peewee: run ``step(conn)`` on every new connection of ``db``, after
    peewee's own set-up (its documented hook is a method meant for subclasses;
    our databases are peewee's classes, so the method is wrapped)."""
    original = db._initialize_connection

    def initialize(conn):
        original(conn)
        step(conn)

    db._initialize_connection = initialize


def current_connection(db):
    """peewee: this thread's open connection of ``db``, or None (without opening one)."""
    return db._state.conn


def create_indexes(model) -> None:
    """peewee: the model's declared indexes, created if missing."""
    model._schema.create_indexes(safe=True)


def docx_element(proxy):
    """python-docx: the XML element behind a paragraph, run, table, row or cell
    (for what python-docx has no API for: numbering, field codes, fixed column
    grids, merged cells)."""
    return proxy._element
