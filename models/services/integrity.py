"""Tamper evidence: is the register (sổ văn bản đi), the audit trail, the
frozen text of every issued document, every petition with its history, and
every stored document file still as the app wrote them?

``verify_chain(office)`` walks both hash chains (models.chain), compares each
register entry with what the audit trail recorded for it (so a changed entry is
reported with the field that changed), and hashes every stored PDF. Each
workstation also keeps the last chain heads it verified (``remember=True``), so
a chain cut short or rewritten from some point on is noticed there too.

Sealed records (``SEALED``): every write of a petition, of its history
(PetitionEvent) and of an issued document's text goes into the audit trail,
which is chained; so the trail holds each record's last values under the
chain's seal. A record whose stored values differ from them, one that is gone
without a recorded deletion, or one that the trail never saw, was changed
behind the app's back, and is reported by record and field. Records written
before the seals existed were sealed as they were found by the migration _v11_seals
(``seal_as_found``): a change made before that upgrade is not seen.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import chain
from ..audit import AuditEntry
from ..catalog import Office
from ..documents import DRAFT, Content, DocumentText
from ..petitions import Petition, PetitionEvent
from ..register import OutgoingDocument
from ..words import WITHHELD

#: register fields compared with the audit trail, and how people call them
REGISTER_FIELDS = {
    "symbol": "Số, ký hiệu", "number": "Số", "year": "Năm", "kind": "Loại", "issued_on": "Ngày ban hành",
    "title": "Trích yếu", "signer": "Người ký", "file_path": "Tệp", "sha256": "Mã SHA-256",
    "version": "Phiên bản", "reason": "Lý do", "ref_type": "Loại hồ sơ", "ref_id": "Số hồ sơ",
    "supersedes": "Thay thế văn bản", "locked": "Khóa", "office": "Cơ quan",
}
_CHAINS = ((OutgoingDocument, "Sổ văn bản đi"), (AuditEntry, "Nhật ký thay đổi"))
#: what an audit entry is about, as people say it
TABLES = {
    "office": "cơ quan", "unit": "đơn vị", "official": "cán bộ", "person": "người dùng", "village": "thôn",
    "field": "lĩnh vực", "recipient_list": "nơi nhận", "holiday_override": "ngày nghỉ, làm bù",
    "rule_setting": "thời hạn", "setting": "thiết lập", "outgoing_document": "văn bản", "plan": "kế hoạch",
    "conference": "hội nghị", "conference_village": "thôn dự hội nghị", "invitee": "khách mời",
    "agenda_item": "chương trình", "attendance": "điểm danh", "broadcast_slot": "lịch phát loa",
    "petition": "kiến nghị", "petition_event": "diễn biến kiến nghị", "document_text": "nội dung văn bản",
}


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)    # changed, removed or slipped in behind the app's back
    missing: list[str] = field(default_factory=list)     # issued files no longer on disk
    register_entries: int = 0
    audit_entries: int = 0
    files: int = 0
    sealed: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.missing

    def summary(self) -> str:
        counted = (f"{self.register_entries} văn bản, {self.audit_entries} mục nhật ký, "
                   f"{self.sealed} bản ghi niêm phong, {self.files} tệp")
        if self.ok:
            return f"nguyên vẹn ({counted})"
        found = []
        if self.problems:
            found.append(f"PHÁT HIỆN {len(self.problems)} chỗ bị sửa ngoài ứng dụng")
        if self.missing:
            found.append(f"thiếu {len(self.missing)} tệp văn bản")
        return f"{', '.join(found)} ({counted})"


def _short(value, limit: int = 60) -> str:
    text = "—" if value in (None, "") else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(model, rec) -> str:
    if model is OutgoingDocument:
        return f"văn bản {rec.symbol} (mục {rec.chain_seq or '?'} của sổ, mã {rec.id})"
    from .history import ACTIONS

    action = ACTIONS.get(rec.action, rec.action).lower()
    return (f"mục nhật ký {rec.chain_seq or '?'} (mã {rec.id}: {action} {TABLES.get(rec.table, rec.table)} "
            f"số {rec.record_id}, {rec.user}, {rec.at:%d/%m/%Y %H:%M})")


def _walk(model, label: str, office: Office, report: Report) -> tuple[int, str]:
    """Check one chain; returns its head (position, hash)."""
    rows = list(model.select().where(model.office == office)
                .order_by(model.chain_seq.is_null(), model.chain_seq, model.id))
    if model is OutgoingDocument:
        report.register_entries = len(rows)
    else:
        report.audit_entries = len(rows)
    expected, previous, head = 1, "", (0, "")
    for rec in rows:
        if rec.chain_seq is None:
            report.problems.append(f"{label}: {_name(model, rec)} không nằm trong chuỗi — được thêm vào "
                                   "cơ sở dữ liệu ngoài ứng dụng.")
            continue
        if rec.chain_seq < expected:
            report.problems.append(f"{label}: {_name(model, rec)} trùng vị trí với mục trước — được chèn "
                                   "vào ngoài ứng dụng.")
            continue
        if rec.chain_seq > expected:
            gap = (f"mục {expected}" if rec.chain_seq == expected + 1
                   else f"các mục {expected}–{rec.chain_seq - 1}")
            report.problems.append(f"{label}: thiếu {gap} — đã bị xóa ngoài ứng dụng.")
            # the hash this entry was linked to went with the removed entry: its own
            # content cannot be checked, only the entries after it
        elif rec.chain_hash != chain.digest(previous, chain.content(rec)):
            report.problems.append(f"{label}: {_name(model, rec)} đã bị sửa ngoài ứng dụng "
                                   "(mã kiểm tra của mục không còn khớp nội dung"
                                   + (")." if rec.chain_seq == 1 else " hoặc mục trước nó đã bị tính lại)."))
        expected, previous, head = rec.chain_seq + 1, rec.chain_hash, (rec.chain_seq, rec.chain_hash)
    return head


def _as_recorded(entries) -> dict:
    """A register entry's fields as the audit trail recorded them."""
    values: dict = {}
    for e in entries:
        try:
            after = json.loads(e.after or "{}")
        except ValueError:
            continue
        values.update(after)
    return values


def _compare_register(office: Office, report: Report) -> None:
    audits: dict[int, list] = {}
    for e in (AuditEntry.select().where((AuditEntry.office == office) & (AuditEntry.table == "outgoing_document"))
              .order_by(AuditEntry.chain_seq, AuditEntry.id)):
        audits.setdefault(e.record_id, []).append(e)
    docs = {d.id: d for d in OutgoingDocument.select().where(OutgoingDocument.office == office)}
    for doc_id, entries in audits.items():
        if doc_id not in docs and not any(e.action == "delete" for e in entries):
            recorded = _as_recorded(entries)
            report.problems.append(f"Sổ văn bản đi: văn bản {recorded.get('symbol', doc_id)} (mã {doc_id}) "
                                   "đã bị xóa khỏi sổ ngoài ứng dụng.")
    for doc in docs.values():
        entries = audits.get(doc.id)
        if not entries:
            report.problems.append(f"Sổ văn bản đi: {_name(OutgoingDocument, doc)} không có trong nhật ký "
                                   "thay đổi — được thêm vào ngoài ứng dụng.")
            continue
        recorded = _as_recorded(entries)
        for key, label in REGISTER_FIELDS.items():
            if key not in recorded:
                continue
            now = chain._plain(doc.__data__.get(key))
            was = recorded[key]
            if now != was and str(now) != str(was):
                report.problems.append(f"Sổ văn bản đi: {_name(OutgoingDocument, doc)}: trường “{label}” "
                                       f"đã bị sửa ngoài ứng dụng: nhật ký ghi “{_short(was)}”, sổ hiện là "
                                       f"“{_short(now)}”.")


def _check_files(office: Office, report: Report) -> None:
    from .register_view import FILE_CHANGED, FILE_MISSING, check_file

    for doc in OutgoingDocument.select().where(OutgoingDocument.office == office).order_by(OutgoingDocument.id):
        if not doc.file_path:
            continue
        report.files += 1
        check = check_file(doc, chained=False)
        if check.state == FILE_CHANGED:
            report.problems.append(f"Tệp của văn bản {doc.symbol} đã bị thay đổi sau khi ban hành: mã SHA-256 "
                                   f"hiện tại {check.actual[:16]}… khác mã đã ghi {check.expected[:16]}… "
                                   f"({check.path}).")
        elif check.state == FILE_MISSING:
            report.missing.append(f"Không tìm thấy tệp của văn bản {doc.symbol}: {check.path}.")


# --- what this workstation saw last time ---------------------------------------------

def _witness_file():
    from ..paths import locations

    return locations().config / "chuoi-da-kiem-tra.json"


def _witness_key(office: Office) -> str:
    from ..db import opened_as

    return f"{opened_as()}#{office.id}"


def _read_witness() -> dict:
    path = _witness_file()
    try:
        value = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _check_witness(office: Office, heads: dict, report: Report) -> None:
    seen = _read_witness().get(_witness_key(office)) or {}
    for model, label in _CHAINS:
        old = seen.get(model._meta.table_name)
        if not (isinstance(old, list) and len(old) == 2 and old[0]):
            continue
        seq, digest = old
        row = (model.select(model.chain_hash).where((model.office == office) & (model.chain_seq == seq))
               .tuples().first())
        if row is None:
            report.problems.append(f"{label}: lần kiểm tra trước trên máy này chuỗi có {seq} mục, nay chỉ còn "
                                   f"{heads[model][0]} — các mục cuối đã bị xóa ngoài ứng dụng.")
        elif row[0] != digest:
            report.problems.append(f"{label}: từ mục {seq} trở về trước chuỗi đã bị viết lại so với lần kiểm "
                                   "tra trước trên máy này.")


def _remember_heads(office: Office, heads: dict) -> None:
    data = _read_witness()
    data[_witness_key(office)] = {m._meta.table_name: list(h) for m, h in heads.items()}
    _write_witness(data)


def _write_witness(data: dict) -> None:
    path = _witness_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only config folder only loses this second line of evidence


def forget_heads(database: str) -> None:
    """After a restore from a backup the chains are older on purpose: what this
    workstation saw of that database is forgotten."""
    data = _read_witness()
    kept = {k: v for k, v in data.items() if not k.startswith(f"{database}#")}
    if kept != data:
        _write_witness(kept)


def verify_chain(office: Office, *, files: bool = True, remember: bool = False) -> Report:
    """Everything that was changed, removed or slipped in behind the app's back."""
    report = Report()
    heads = {model: _walk(model, label, office, report) for model, label in _CHAINS}
    _compare_register(office, report)
    for table, found in sealed_differences(office).items():
        report.sealed += found.count
        report.problems += [d.said for d in found.differences]
    if files:
        _check_files(office, report)
    _check_witness(office, heads, report)
    if remember and report.ok:
        _remember_heads(office, heads)
    return report


def entry_intact(doc: OutgoingDocument) -> bool:
    """The register entry still has the content its chain hash was made of."""
    return chain.verifies(doc)


# --- sealed records: petitions, their history, issued texts ----------------------------------

#: the records sealed through the audit trail, how people call them, and a few words to name one by
SEALED = {
    "petition": (Petition, "Kiến nghị", "content"),
    "petition_event": (PetitionEvent, "Diễn biến kiến nghị", "detail"),
    "document_text": (DocumentText, "Nội dung văn bản đã ban hành", "kind"),
}
#: bookkeeping that changes without a recorded write
_UNSEALED = frozenset({"id", "row_version", "created_at", "updated_at", "search_text"})
SEAL = "seal"     # audit action of the migration _v11_seals: a record's values as found, or its absence


@dataclass(frozen=True)
class Difference:
    table: str
    record_id: int
    field: str        # "" when the whole record is gone or new
    said: str


@dataclass
class Sealed:
    count: int = 0
    differences: list[Difference] = field(default_factory=list)


def _rows(table: str, office: Office) -> dict:
    model = SEALED[table][0]
    if model is PetitionEvent:
        query = PetitionEvent.select().join(Petition).where(Petition.office == office)
    elif model is DocumentText:
        query = DocumentText.select().where((DocumentText.office == office) & (DocumentText.status != DRAFT))
    else:
        query = model.select().where(model.office == office)
    return {r.id: r for r in query}


def _recorded(table: str, office: Office, ids=None) -> dict:
    """record id → (values as last recorded, gone?) from the office's trail."""
    query = AuditEntry.select(AuditEntry.record_id, AuditEntry.action, AuditEntry.after).where(
        (AuditEntry.office == office) & (AuditEntry.table == table))
    if ids is not None:
        query = query.where(AuditEntry.record_id.in_(list(ids)))
    out: dict[int, tuple[dict, bool]] = {}
    for record_id, action, after in query.order_by(AuditEntry.chain_seq, AuditEntry.id).tuples():
        try:
            values = json.loads(after or "{}")
        except ValueError:
            values = {}
        old, _gone = out.get(record_id, ({}, False))
        if action == "delete" or (action == SEAL and not values):
            out[record_id] = (old, True)
        elif action in ("create", SEAL):
            out[record_id] = (dict(values), False)
        else:
            out[record_id] = ({**old, **values}, False)
    return out


def _same(now, was) -> bool:
    if now == was:
        return True
    plain = chain._plain(now)
    return plain == was or str(now) == str(was) or (plain in (None, "") and was in (None, ""))


def _link_removed(model, key: str, was) -> bool:
    """A link cleared by the database because the linked record was removed (ON DELETE SET NULL)."""
    import peewee as pw

    f = model._meta.fields.get(key)
    return (isinstance(f, pw.ForeignKeyField) and was is not None
            and f.rel_model.get_or_none(f.rel_model._meta.primary_key == was) is None)


def _label(table: str, record_id: int, values: dict) -> str:
    model, name, hint = SEALED[table]
    words = _short(values.get(hint), 40) if values.get(hint) not in (None, "") else ""
    if table == "document_text" and values.get("document"):
        doc = OutgoingDocument.get_or_none(OutgoingDocument.id == values["document"])
        words = f"văn bản {doc.symbol}" if doc else words
    if table == "petition_event" and values.get("petition"):
        words = f"của kiến nghị số {values['petition']}: {words}"
    return f"{name.lower()} số {record_id}" + (f" ({words})" if words else "")


#: fields of the sealed records that the catalogue of field names (FIELD_LABELS) does not name
SEALED_LABELS = {"detail": "Diễn giải", "action": "Việc", "at": "Thời điểm", "user": "Người làm",
                 "before": "Trước", "after": "Sau", "petition": "Kiến nghị", "kind": "Loại văn bản",
                 "ref_type": "Loại hồ sơ", "ref_id": "Số hồ sơ", "document": "Số văn bản", "version": "Phiên bản",
                 "replaces": "Thay thế", "correction": "Đính chính hay thay thế", "reason": "Lý do",
                 "signed_on": "Ngày ký", "scan_path": "Bản quét", "scan_sha256": "Mã SHA-256 bản quét",
                 "office": "Cơ quan", "seq": "Số thứ tự", "conference": "Hội nghị"}
#: the parts of a document's text, as the editor and the printed page call them
TEXT_PARTS = {**{k: v for k, v in Content.EDITABLE}, "signers": "Người ký", "title": "Tên loại văn bản",
              "symbol": "Số, ký hiệu", "date": "Ngày ban hành", "letterhead": "Tên cơ quan ban hành",
              "extras": "Dữ liệu kèm theo", "number_kind": "Loại số"}


def _text_change(was, now) -> tuple[str, str, str]:
    """Which part of a frozen text changed, and the words around the first change."""
    try:
        old, new = json.loads(was or "{}"), json.loads(now or "{}")
    except (TypeError, ValueError):
        return "Nội dung", str(was), str(now)
    for part in sorted(set(old) | set(new)):
        a, b = old.get(part), new.get(part)
        if a == b:
            continue
        a = a if isinstance(a, str) else json.dumps(a, ensure_ascii=False)
        b = b if isinstance(b, str) else json.dumps(b, ensure_ascii=False)
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        start = max(0, at - 15)
        lead = "…" if start else ""
        return TEXT_PARTS.get(part, part), lead + a[start:at + 30], lead + b[start:at + 30]
    return "Nội dung", "", ""


def _differences(table: str, rows: dict, recorded: dict) -> list[Difference]:
    from .history import FIELD_LABELS

    model, name, _hint = SEALED[table]
    out: list[Difference] = []
    for record_id, row in rows.items():
        values, gone = recorded.get(record_id, ({}, False))
        if not values:
            out.append(Difference(table, record_id, "", f"{name}: {_label(table, record_id, row.__data__)} không "
                                  "có trong nhật ký thay đổi — được thêm vào cơ sở dữ liệu ngoài ứng dụng."))
            continue
        for key, was in values.items():
            if key in _UNSEALED or key not in model._meta.fields:
                continue
            now = row.__data__.get(key)
            if _same(now, was) or (key == "citizen_name" and was == WITHHELD) or (
                    now is None and _link_removed(model, key, was)):
                continue
            label = SEALED_LABELS.get(key) or FIELD_LABELS.get(key, key)
            shown_was, shown_now = was, chain._plain(now)
            if table == "document_text" and key == "content":
                label, shown_was, shown_now = _text_change(was, now)
            out.append(Difference(table, record_id, key, f"{name}: {_label(table, record_id, values)}: trường "
                                  f"“{label}” đã bị sửa ngoài ứng dụng: nhật ký ghi “{_short(shown_was)}”, nay là "
                                  f"“{_short(shown_now)}”."))
    for record_id, (values, gone) in recorded.items():
        if record_id in rows or gone:
            continue
        if table == "document_text" and values.get("status", DRAFT) == DRAFT:
            continue      # a draft is not sealed (it is thrown away when the edits are)
        out.append(Difference(table, record_id, "", f"{name}: {_label(table, record_id, values)} đã bị xóa "
                              "khỏi cơ sở dữ liệu ngoài ứng dụng."))
    return out


def sealed_differences(office: Office) -> dict[str, Sealed]:
    """Every sealed record of the office compared with its last recorded values."""
    out: dict[str, Sealed] = {}
    deleted_petitions: set = set()
    for table in SEALED:
        rows = _rows(table, office)
        recorded = _recorded(table, office)
        if table == "petition":
            deleted_petitions = {rid for rid, (_v, gone) in recorded.items() if gone}
        diffs = _differences(table, rows, recorded)
        if table == "petition_event":   # a petition the app deleted takes its history with it
            diffs = [d for d in diffs if d.record_id in rows
                     or recorded[d.record_id][0].get("petition") not in deleted_petitions]
        out[table] = Sealed(len(rows), diffs)
    return out


def seal_as_found(office: Office) -> int:
    """Migration _v11_seals: every sealed record whose values the trail does not hold (written
    before the seals, or by a bulk import) is sealed as it is now, and a record the
    trail knows but the database no longer has is sealed as gone. Returns how many
    seals were written. Whatever was changed before this ran cannot be seen."""
    from ..audit import current_user, snapshot
    from ..base import now

    entries = []
    user, at = current_user(), now()
    for table, found in sealed_differences(office).items():
        rows = _rows(table, office) if found.differences else {}
        for record_id in dict.fromkeys(d.record_id for d in found.differences):
            row = rows.get(record_id)
            entries.append(AuditEntry(
                office=office.id, table=table, record_id=record_id, action=SEAL, user=user, at=at,
                before="{}", after=json.dumps(snapshot(row) if row is not None else {}, ensure_ascii=False,
                                              default=str),
                reason="Niêm phong khi nâng cấp: ghi nhận nguyên trạng"))
    chain.seal_many(AuditEntry, office.id, entries)
    return len(entries)


def text_seal_problem(doc: OutgoingDocument) -> str | None:
    """Why the frozen text of an issued document can no longer be trusted, or None:
    its stored text differs from the one the chained trail sealed, a trail entry of
    it was changed, or the register entry itself was."""
    if doc.chain_seq is not None and not chain.verifies(doc):
        return (f"mục của văn bản {doc.symbol} trong sổ văn bản đi đã bị sửa ngoài ứng dụng (mã kiểm tra không "
                "còn khớp)")
    row = DocumentText.get_or_none(DocumentText.document == doc)
    if row is None:
        return None
    entries = list(AuditEntry.select().where((AuditEntry.table == "document_text")
                                             & (AuditEntry.record_id == row.id)
                                             & (AuditEntry.office == row.office_id)))
    if any(e.chain_seq is None or not chain.verifies(e) for e in entries):
        return "nhật ký thay đổi của nội dung văn bản này đã bị sửa ngoài ứng dụng"
    recorded = _recorded("document_text", row.office, [row.id])
    diffs = _differences("document_text", {row.id: row}, recorded)
    if diffs:
        fields = ", ".join(dict.fromkeys(FIELD_WORDS.get(d.field, d.field) for d in diffs if d.field)) or "bản ghi"
        return f"nội dung đã lưu của văn bản này ({fields}) khác nội dung đã niêm phong khi ban hành"
    return None


#: document_text fields as a refusal names them
FIELD_WORDS = {"content": "nội dung", "status": "trạng thái", "document": "số văn bản", "kind": "loại",
               "ref_id": "hồ sơ", "version": "phiên bản"}
