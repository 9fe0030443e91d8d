"""Tamper evidence: is the register (sổ văn bản đi), the audit trail, the
frozen text of every issued document, every petition with its history, and
every stored document file still as the app wrote them?

``verify_chain(office)`` walks both hash chains (models.domain.chain), compares each
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

from models.domain import chain
from models.domain.audit import AuditEntry
from models.domain.catalog import Office
from models.domain.register import OutgoingDocument
from models.storage.seals import read_witness, short, sealed_differences, witness_key, write_witness

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


def _name(model, rec) -> str:
    if model is OutgoingDocument:
        return f"văn bản {rec.symbol} (mục {rec.chain_seq or '?'} của sổ, mã {rec.id})"
    from models.services.history import ACTIONS

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
                                       f"đã bị sửa ngoài ứng dụng: nhật ký ghi “{short(was)}”, sổ hiện là "
                                       f"“{short(now)}”.")


def _check_files(office: Office, report: Report) -> None:
    from models.services.register_view import FILE_CHANGED, FILE_MISSING, check_file

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

def _check_witness(office: Office, heads: dict, report: Report) -> None:
    seen = read_witness().get(witness_key(office)) or {}
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
    data = read_witness()
    data[witness_key(office)] = {m._meta.table_name: list(h) for m, h in heads.items()}
    write_witness(data)


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

