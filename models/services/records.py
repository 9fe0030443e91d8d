"""Saving with optimistic locking and the audit trail.

Every edit carries the ``row_version`` the user saw. The UPDATE only applies if
the row still has that version; otherwise someone else saved first, and the
user is told and shown the newer data instead of silently overwriting it."""
from __future__ import annotations

import peewee as pw

from .. import audit
from ..base import now
from ..errors import StaleEdit
from . import locks


def _action(plain: str) -> str:
    """"amend" instead of create/update/delete while a correction of a locked record runs."""
    return "amend" if locks.amendment_reason() is not None else plain


def create(model: type[pw.Model], **values) -> pw.Model:
    rec = model(**values)
    locks.check(rec, values, action="create")
    with model._meta.database.atomic():
        rec.save(force_insert=True)
        audit.record("create", rec, reason=locks.amendment_reason() or "")
    return rec


def update(rec: pw.Model, changes: dict, *, expected_version: int | None = None,
           lock_check: bool = True) -> pw.Model:
    """Apply ``changes`` to ``rec`` if nobody saved it since ``expected_version``."""
    model = type(rec)
    if lock_check:
        locks.check(rec, changes)
    seen = rec.row_version if expected_version is None else expected_version
    with model._meta.database.atomic():
        fresh = model.get_by_id(rec.get_id())
        if fresh.row_version != seen:
            raise StaleEdit(
                "Bản ghi này vừa được người khác (hoặc cửa sổ khác) lưu lúc "
                f"{fresh.updated_at:%H:%M:%S %d/%m/%Y}. Thay đổi của bạn chưa được lưu; "
                "dữ liệu mới nhất đang được hiển thị, hãy xem lại rồi sửa lại.", current=fresh)
        if lock_check:  # the stored record decides, not the caller's possibly old copy
            locks.check(fresh, changes)
        before = audit.snapshot(fresh)
        for key, value in changes.items():
            setattr(fresh, key, value)
        fresh.normalise()
        fresh.updated_at = now()
        data = {model._meta.fields[k]: fresh.__data__.get(k) for k in
                set(changes) | ({"search_text"} if "search_text" in model._meta.fields else set())}
        data[model.updated_at] = fresh.updated_at
        data[model.row_version] = seen + 1
        n = (model.update(data)
             .where((model._meta.primary_key == rec.get_id()) & (model.row_version == seen))
             .execute())
        if n != 1:  # lost a race between the read and the write
            raise StaleEdit("Bản ghi vừa được lưu ở nơi khác. Hãy tải lại và sửa lại.",
                            current=model.get_by_id(rec.get_id()))
        fresh.row_version = seen + 1
        audit.record(_action("update"), fresh, before, reason=locks.amendment_reason() or "")
    # keep the caller's object current
    rec.__data__.update(fresh.__data__)
    rec._dirty.clear()
    return rec


def delete(rec: pw.Model) -> None:
    locks.check(rec, action="delete")
    with type(rec)._meta.database.atomic():
        before = audit.snapshot(rec)
        audit.record("delete", rec, before, reason=locks.amendment_reason() or "")
        rec.delete_instance()
