"""The life of every document: draft → edited → issued with a number and a date →
frozen → corrected as a new version (SPEC "Every document's life").

Each kind is one entry of the registry (``models.services.kinds``, read from
``data/catalog/document_kinds.json``) plus its composer in ``compose``, which
writes the generated text. Every kind, the plan included, is issued by
``issue`` below; what issuing closes is declared by the entry
(``models.services.closing``). This module keeps the edited text
(``DocumentText``), numbers it from the register of outgoing documents, stores
the issued file atomically and never over another file, records its SHA-256,
and applies what issuing closes (a milestone, a conference status, a
petition's written answer).

Rendering is not done here: the caller passes ``render(content) -> bytes`` (the
app and the command line pass ``printing``'s), so ``models`` never imports
``printing``."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import peewee as pw

from models.core import clock
from models.core.errors import Locked, NotFound, StorageError, UserError, ValidationError, os_reason
from models.core.text import clean, clean_line
from models.core.words import ISSUED_ON, DocumentFormWords, KindsWords
from models.domain.office import Office, Unit
from models.domain.conference import Conference
from models.domain.document_text import DRAFT, ISSUED, SUPERSEDED, Content, DocumentText, Signer
from models.domain.petition import Petition
from models.domain.plan import Plan
from models.domain.register import OutgoingDocument
from models.services import closing, compose, issued_files, numbering, records, roles
from models.services.closing import CONFERENCE_ORDER  # noqa: F401 (re-exported)
from models.services.issued_files import office_folder
from models.services.kinds import TARGET_LABELS, DocKind, kind, kinds, numbered_kinds, record_kind  # noqa: F401 (re-exported)
from models.services.validate import parse_date
from models.storage.files import write_file
from models.storage.seals import text_seal_problem

Render = Callable[[Content], bytes]

CORRECTIONS = {"dinh-chinh": "đính chính", "thay-the": "thay thế"}
MODELS = {"plan": Plan, "conference": Conference, "petition": Petition, "unit": Unit}


def target(office: Office, slug: str, ref_id: int):
    """The record a document is about, of this office only."""
    k = kind(slug)
    model, label = MODELS[k.target], TARGET_LABELS[k.target]
    if not isinstance(ref_id, int) or not 0 < ref_id < 2 ** 63:
        raise NotFound(f"Không có {label} số {ref_id}. Hãy xem số (ID) trên màn hình tương ứng.")
    obj = model.get_or_none((model.id == ref_id) & (model.office == office))
    if obj is None:
        raise NotFound(f"Không có {label} số {ref_id} của cơ quan này. Hãy xem số (ID) trên màn hình "
                       "tương ứng rồi chạy lại lệnh.")
    return obj


def target_as_typed(office: Office, slug: str, typed) -> int:
    """The number (ID) of the record a new document of ``slug`` is about, as
    typed in F7 T: digits, and a record of this office."""
    text = str(typed or "").strip()
    if not text.isdigit():
        raise ValidationError(DocumentFormWords.NEW_ID_BAD.format(target=TARGET_LABELS[kind(slug).target]),
                              field="id")
    target(office, slug, int(text))
    return int(text)


def compose_content(office: Office, slug: str, ref_id: int) -> Content:
    """The generated text, fresh from the records."""
    return compose.composed(kind(slug), target(office, slug, ref_id))


# --- drafts ------------------------------------------------------------------------

@dataclass(frozen=True)
class Draft:
    kind: DocKind
    ref_id: int
    content: Content
    text: DocumentText | None          # the stored row (edited draft, or the issued text)
    issued: OutgoingDocument | None    # the newest issued version, if any

    @property
    def edited(self) -> bool:
        return self.text is not None and self.text.status == DRAFT

    @property
    def is_correction(self) -> bool:
        return self.edited and self.text.replaces_id is not None

    @property
    def frozen(self) -> bool:
        """Issued and no correction under way: the text can no longer change."""
        return self.issued is not None and not self.edited

    @property
    def missing(self) -> list[str]:
        return compose.missing(self.content)


def _texts(office: Office, slug: str, ref_id: int):
    k = kind(slug)
    return (DocumentText.select().where((DocumentText.office == office) & (DocumentText.kind == slug)
                                        & (DocumentText.ref_type == k.target) & (DocumentText.ref_id == ref_id))
            .order_by(DocumentText.version.desc()))


def latest_text(office: Office, slug: str, ref_id: int) -> DocumentText | None:
    return _texts(office, slug, ref_id).first()


def latest_issued(office: Office, slug: str, ref_id: int) -> OutgoingDocument | None:
    row = _texts(office, slug, ref_id).where(DocumentText.status != DRAFT).first()
    if row is not None and row.document_id:
        return row.document
    k = kind(slug)
    if k.record_text:           # the record itself carries its number (the plan)
        model = MODELS[k.target]
        record = model.get_or_none((model.id == ref_id) & (model.office == office))
        return record.document if record and record.document_id else None
    return None


def draft(office: Office, slug: str, ref_id: int) -> Draft:
    """What the document says now: the edited draft, the issued text, or the text
    generated from the records (a plan is always its own record's text)."""
    k = kind(slug)
    row = latest_text(office, slug, ref_id)
    issued = latest_issued(office, slug, ref_id)
    if k.record_text:
        return Draft(k, ref_id, compose_content(office, slug, ref_id), None, issued)
    if row is not None:
        return Draft(k, ref_id, row.parsed, row, issued)
    return Draft(k, ref_id, compose_content(office, slug, ref_id), None, issued)


def editor_values(content: Content) -> dict[str, str]:
    """The content as the editor's fields show it."""
    signer = content.signers[-1] if content.signers else Signer()
    return {"subject": content.subject, "addressees": "\n".join(content.addressees),
            "legal_bases": content.legal_bases, "body": content.body,
            "recipients": "\n".join(content.recipients), "signer_authority": signer.authority,
            "signer_position": signer.position, "signer_name": signer.name}


def replacement_as_typed(values: dict) -> tuple[str, str]:
    """The editor's find and replace (Ctrl+H): the phrase, never empty, and what
    replaces it, each on one line (spaces kept as typed: they are part of the phrase)."""
    find = clean(values.get("find") or "", multiline=False)
    if not find:
        raise ValidationError(DocumentFormWords.FIND_EMPTY, field="find")
    return find, clean(values.get("replace") or "", multiline=False)


def _apply_values(content: Content, values: dict) -> Content:
    edited = content.with_edits(values)
    if any(k in values for k in ("signer_authority", "signer_position", "signer_name")):
        old = content.signers[-1] if content.signers else Signer()
        new = Signer(clean_line(values.get("signer_authority", old.authority)),
                     clean_line(values.get("signer_position", old.position)),
                     clean_line(values.get("signer_name", old.name)))
        edited = replace(edited, signers=(*content.signers[:-1], new))
    return edited


def save_draft(office: Office, slug: str, ref_id: int, values: dict, *,
               expected_version: int | None = None) -> Draft:
    """Keep the person's edits. An issued document is frozen: a change is a new
    version (``start_correction``)."""
    current = draft(office, slug, ref_id)
    if current.kind.record_text:
        raise Locked(KindsWords.EDITED_WITH_RECORD.format(name=current.kind.name))
    if current.frozen:
        raise Locked(f"{current.kind.name} này đã ban hành số {current.issued.symbol}, nội dung đã khóa. "
                     "Muốn sửa, hãy tạo phiên bản mới (đính chính hoặc thay thế) kèm lý do.")
    content = _apply_values(current.content, values)
    if current.text is None:
        records.create(DocumentText, office=office, kind=slug, ref_type=current.kind.target, ref_id=ref_id,
                       version=1, status=DRAFT, content=content.to_json())
    else:
        records.update(current.text, {"content": content.to_json()}, expected_version=expected_version)
    return draft(office, slug, ref_id)


def discard_edits(office: Office, slug: str, ref_id: int) -> Draft:
    """Back to the generated text (a correction under way is abandoned)."""
    current = draft(office, slug, ref_id)
    if current.edited:
        current.text.delete_instance()
    return draft(office, slug, ref_id)


# --- issuing ----------------------------------------------------------------------

def issue_date_as_typed(office: Office, slug: str, ref_id: int, typed) -> dt.date:
    """The date typed for issuing a document (the editor's Ctrl+B, the plan's
    F3 B): a real date that ``check_date`` allows for this record."""
    on = parse_date(typed, ISSUED_ON, field="date")
    check_date(office, kind(slug), on, about=target(office, slug, ref_id))
    return on


def check_date(office: Office, k: DocKind, on: dt.date, *, about=None) -> None:
    """Decree 30/2020 Art. 15: numbers run in order through the year, so a date
    before the last number of the same sequence, or a date to come, is refused."""
    today = clock.today()
    if on > today:
        raise ValidationError(f"Ngày ban hành {on:%d/%m/%Y} chưa đến (hôm nay là {today:%d/%m/%Y}). "
                              "Hãy chọn hôm nay hoặc một ngày đã qua.", field="date")
    seq = numbering._sequence(office, k.number_kind)
    last = (OutgoingDocument.select().where((OutgoingDocument.office == office)
                                            & (OutgoingDocument.year == on.year)
                                            & (OutgoingDocument.sequence == seq))
            .order_by(OutgoingDocument.number.desc()).first())
    if last is not None and on < last.issued_on:
        raise ValidationError(
            f"Ngày {on:%d/%m/%Y} trước ngày của văn bản số {last.symbol} ({last.issued_on:%d/%m/%Y}) trong "
            f"cùng sổ; số văn bản phải tăng theo ngày. Hãy chọn ngày từ {last.issued_on:%d/%m/%Y} trở đi.",
            field="date")
    if isinstance(about, Conference) and k.after_conference and on < about.date:
        raise ValidationError(f"Ngày ban hành {on:%d/%m/%Y} trước ngày họp ({about.date:%d/%m/%Y}); "
                              f"{k.name.lower()} chỉ ban hành sau hội nghị.", field="date")


def sha256(data_: bytes) -> str:
    return hashlib.sha256(data_).hexdigest()


def issued_path(doc: OutgoingDocument, suffix: str = ".pdf") -> Path:
    """documents/2024/05-KH-UBND.pdf (the symbol made safe for a file name), -v2 for a later version."""

    safe = re.sub(r"[^\w.-]+", "-", doc.symbol, flags=re.UNICODE).strip("-")
    version = f"-v{doc.version}" if doc.version > 1 else ""
    return office_folder(doc.office_id) / str(doc.year) / f"{safe}{version}{suffix}"




def write_new(path: Path, data_: bytes) -> None:
    """An issued file is evidence: written durably and privately (models.storage.files),
    and never over an existing file."""
    write_file(path, _file_kind(path), data_, checked=False, exclusive=True)


def write_atomic(path: Path, data_: bytes) -> None:
    """A file of our own (a draft, a reprint to compare), replaced if it is there."""
    write_file(path, _file_kind(path), data_, checked=False)


def _file_kind(path: Path) -> str:
    return {".docx": "docx"}.get(path.suffix.lower(), "pdf")


def _advance(conf: Conference, status: str, changes: dict) -> None:
    closing.advance(conf, status, changes)


def _close_what_it_was_for(k: DocKind, obj, doc: OutgoingDocument, content: Content, *, first: bool) -> None:
    """Issuing closes what the document was for, as its entry declares (SPEC
    "Every document's life"; ``models.services.closing``)."""
    for effect, spec in closing.effects(k):
        effect.close(obj, doc, content, spec, first=first)


def _store(doc: OutgoingDocument, content: Content, render: Render, pending: list) -> None:
    """The issued file, written under a hidden name: it takes its own name only
    once the issue has committed (``_all_or_nothing``)."""
    pdf = render(content)
    pending.append(issued_files.write_pending(issued_path(doc), pdf))
    records.update(doc, {"file_path": str(pending[-1].path), "sha256": sha256(pdf)}, lock_check=False)


@contextmanager
def _all_or_nothing(db):
    """One transaction, and the files it wrote named only after its commit: a
    failed commit leaves no numbered file behind (models.services.issued_files)."""
    pending: list[issued_files.Pending] = []
    try:
        with db.atomic():
            yield pending
    except (pw.OperationalError, pw.InternalError, pw.InterfaceError) as exc:   # disk full, server gone
        issued_files.discard(pending)
        raise StorageError(f"Chưa ban hành được: không ghi được vào cơ sở dữ liệu ({os_reason(exc)}). Không số "
                           "nào bị lấy, không tệp nào được lưu; hãy xử lý việc đó rồi ban hành lại.") from exc
    except BaseException:
        issued_files.discard(pending)
        raise
    issued_files.publish(pending)


def _raced(k: DocKind, office: Office, slug: str, ref_id: int, seen: Draft, obj) -> None:
    """Called under the register's lock: another workstation (or window) issued or
    changed this document since we read it. Said in words, and nothing is taken."""
    now = draft(office, slug, ref_id)
    if now.frozen:      # we checked it was not, before taking the lock
        raise Locked(f"{k.name} này vừa được ban hành số {now.issued.symbol} ngày {now.issued.issued_on:%d/%m/%Y} "
                     "ở máy hoặc cửa sổ khác, trong lúc bạn ban hành; không cấp thêm số. Muốn in lại, dùng "
                     "lệnh in lại; muốn sửa, tạo phiên bản mới kèm lý do.")
    if (now.text and now.text.row_version) != (seen.text and seen.text.row_version):
        raise Locked(f"Nội dung {k.name.lower()} này vừa được sửa ở máy hoặc cửa sổ khác, trong lúc bạn ban "
                     "hành; chưa ban hành. Hãy mở lại văn bản, xem nội dung mới rồi ban hành.")
    for effect, _spec in closing.effects(k):
        effect.raced(obj)


def signer_gaps(content: Content) -> list[str]:
    """A numbered document is signed: each signature block needs the position
    and the name it prints (a draft prints what it has; issuing needs both)."""
    out = []
    for s in content.signers:
        for value, label in ((s.position, "chức vụ người ký"), (s.name, f"họ tên người ký ({s.position.lower()})"
                                                                     if s.position else "họ tên người ký")):
            if not value.strip() and label not in out:
                out.append(label)
    return out


def _draft_blockers(k: DocKind, obj, current: Draft) -> list[UserError]:
    first = not current.is_correction
    effects = closing.effects(k)
    if any(effect.own_readiness for effect, _spec in effects):
        return [b for effect, spec in effects for b in effect.blockers(k, obj, spec, first=first)]
    if current.frozen:
        return [Locked(f"{k.name} này đã ban hành số {current.issued.symbol} ngày "
                       f"{current.issued.issued_on:%d/%m/%Y}. Muốn in lại, dùng lệnh in lại; muốn sửa, tạo "
                       "phiên bản mới (đính chính hoặc thay thế) kèm lý do.")]
    out: list[UserError] = []
    gaps = current.missing + [g for g in signer_gaps(current.content) if g not in current.missing]
    if gaps:
        out.append(ValidationError(f"Chưa ban hành được: {k.name.lower()} còn thiếu " + ", ".join(gaps)
                                   + ". Hãy sửa nội dung văn bản (điền vào chỗ “[cần điền: …]”, người ký ở cuối "
                                   "màn hình soạn) rồi ban hành."))
    previous = current.text.replaces if current.is_correction else None
    if previous is not None and same_text(
            current.content, compose.stating_replacement(previous.parsed, previous.document, current.text.correction)):
        out.append(ValidationError(f"Phiên bản mới chưa sửa gì so với văn bản số {current.issued.symbol}. Hãy sửa "
                                   "nội dung cần đính chính hoặc thay thế rồi ban hành, hoặc bỏ phiên bản mới."))
    return out + [b for effect, spec in effects for b in effect.blockers(k, obj, spec, first=first)]


def _refuse(blockers: list[UserError]) -> None:
    """Raise what stops issuing: the one problem as it is, several as one message."""
    if len(blockers) == 1:
        raise blockers[0]
    if blockers:
        raise ValidationError(" ".join(b.message for b in blockers))


def issue_blockers(office: Office, slug: str, ref_id: int) -> list[UserError]:
    """Everything that stops issuing this document now, the same for every
    kind, found before anyone is asked for a date or a confirmation (the
    screens and ``issue`` both ask here): the role, a document already issued,
    facts to fill ("[cần điền: …]", the signer), a correction that changes
    nothing, a notice issued twice. The date is checked once it is chosen."""
    k = kind(slug)
    if not k.numbered:
        return [ValidationError(f"{k.name} là giấy tờ làm việc, không cấp số. Hãy dùng lệnh in.")]
    out: list[UserError] = []
    try:
        roles.require(office, "issue", proof=False)    # the PIN is asked after these checks
    except UserError as exc:
        out.append(exc)
    obj = target(office, slug, ref_id)
    return out + _draft_blockers(k, obj, draft(office, slug, ref_id))


def check_issuable(office: Office, slug: str, ref_id: int) -> None:
    """``issue_blockers`` as an error (for a screen's worker before it asks the date)."""
    _refuse(issue_blockers(office, slug, ref_id))


def issue(office: Office, slug: str, ref_id: int, *, on: dt.date | None = None, render: Render) -> OutgoingDocument:
    """Number, date, render, store and freeze — all or nothing. ``on`` is the date
    on the document (default today)."""
    k = kind(slug)
    if not k.numbered:
        raise ValidationError(f"{k.name} là giấy tờ làm việc, không cấp số. Hãy dùng lệnh in.")
    roles.require(office, "issue")
    on = on or clock.today()
    obj = target(office, slug, ref_id)
    check_date(office, k, on, about=obj)
    db = DocumentText._meta.database
    current = draft(office, slug, ref_id)
    _refuse(_draft_blockers(k, obj, current))
    previous = current.text.replaces if current.is_correction else None
    if previous is not None:
        # the new version says in its text which document it replaces, even if
        # the statement was edited away (Decree 30 App. I: number, date, issuer)
        current = replace(current, content=compose.stating_replacement(current.content, previous.document,
                                                                         current.text.correction))
    with _all_or_nothing(db) as pending:
        unit_short = current.content.extras.get("unit_short", "") if k.number_kind == "CV" else ""
        signer = current.content.signers[-1].name if current.content.signers else ""
        supersedes, reason = (previous.document, f"{current.text.correction.capitalize()}: {current.text.reason}") \
            if previous is not None else _earlier(k, obj)
        doc = numbering.register(
            office, k.number_kind, title=current.content.subject, issued_on=on, signer=signer,
            ref_type=k.target, ref_id=ref_id, unit_short=unit_short, supersedes=supersedes, reason=reason)
        _raced(k, office, slug, ref_id, current, obj)
        frozen = current.content.numbered(doc.symbol, on)
        _store(doc, frozen, render, pending)
        if current.text is None:
            records.create(DocumentText, office=office, kind=slug, ref_type=k.target, ref_id=ref_id, version=1,
                           status=ISSUED, content=frozen.to_json(), document=doc)
        else:
            records.update(current.text, {"status": ISSUED, "content": frozen.to_json(), "document": doc},
                           lock_check=False)
        if previous is not None:
            records.update(previous, {"status": SUPERSEDED}, lock_check=False)
        _close_what_it_was_for(k, obj, doc, frozen, first=previous is None)
    return doc


def _earlier(k: DocKind, obj) -> tuple[OutgoingDocument | None, str]:
    """The issued document a first version replaces, when its kind says (a plan's earlier version)."""
    for effect, _spec in closing.effects(k):
        found = effect.earlier(obj)
        if found[0] is not None or found[1]:
            return found
    return None, ""


def same_text(new: Content, old: Content) -> bool:
    """The same text, whatever its number, date and year."""
    return replace(new, symbol=None, date=None, year=None) == replace(old, symbol=None, date=None, year=None)


# --- corrections ------------------------------------------------------------------------

def text_of(doc: OutgoingDocument) -> DocumentText | None:
    return DocumentText.get_or_none(DocumentText.document == doc)


def start_correction(doc: OutgoingDocument, *, mode: str, reason: str) -> Draft:
    """A new version of an issued document, with a reason: its text starts as the
    issued one and is edited, then issued with a new number that names the old
    one. The old version stays readable in the register (SPEC "Plan": a
    correction after issue is a new version)."""
    roles.require(doc.office, "correct")
    reason = clean_line(reason)
    if mode not in CORRECTIONS:
        raise ValidationError("Hãy chọn đính chính hoặc thay thế.", field="mode")
    if len(reason) < 5:
        raise ValidationError("Hãy ghi lý do đính chính hoặc thay thế (ít nhất vài chữ).", field="reason")
    row = text_of(doc)
    k = record_kind(doc.ref_type)
    if k is not None:           # a new version of the record itself (the plan)
        model = MODELS[k.target]
        record = model.get_or_none(model.document == doc)
        if record is None:
            raise NotFound(KindsWords.RECORD_GONE.format(record=TARGET_LABELS[k.target], symbol=doc.symbol))
        k.start_revision(record, f"{CORRECTIONS[mode].capitalize()}: {reason}")
        return draft(doc.office, k.slug, record.id)
    if row is None:
        raise ValidationError(f"Văn bản {doc.symbol} được ban hành trước khi chương trình lưu nội dung văn bản, "
                              "nên không tạo phiên bản mới từ nó được. Hãy soạn văn bản mới.")
    if row.status != ISSUED:
        raise Locked(f"Văn bản {doc.symbol} đã được thay bằng phiên bản sau; hãy sửa phiên bản mới nhất.")
    newer = (DocumentText.select().where((DocumentText.office == row.office) & (DocumentText.kind == row.kind)
                                         & (DocumentText.ref_type == row.ref_type)
                                         & (DocumentText.ref_id == row.ref_id)
                                         & (DocumentText.version > row.version)).first())
    if newer is not None:
        raise Locked(f"Đã có phiên bản {newer.version} đang soạn hoặc đã ban hành cho văn bản {doc.symbol}.")
    content = compose.stating_replacement(replace(row.parsed, symbol=None, date=None), doc, CORRECTIONS[mode])
    records.create(DocumentText, office=row.office, kind=row.kind, ref_type=row.ref_type, ref_id=row.ref_id,
                   version=row.version + 1, status=DRAFT, content=content.to_json(), replaces=row,
                   correction=CORRECTIONS[mode], reason=reason)
    return draft(row.office, row.kind, row.ref_id)


def slug_of(doc: OutgoingDocument) -> str | None:
    row = text_of(doc)
    if row is not None:
        return row.kind
    k = record_kind(doc.ref_type)
    return k.slug if k is not None else None


# --- reprint and checks ------------------------------------------------------------------

@dataclass(frozen=True)
class Reprint:
    identical: bool | None
    path: Path
    message: str


SAME = "giống hệt bản đã ban hành"


def reprint(doc: OutgoingDocument, render: Render) -> Reprint:
    """Render the frozen text again and compare with the SHA-256 recorded at issue.
    When identical, the stored file is the one to print (a missing one is put back)."""
    row = text_of(doc)
    if row is None:
        raise ValidationError(f"Văn bản {doc.symbol} được ban hành trước khi chương trình lưu nội dung văn bản; "
                              "hãy dùng tệp đã lưu khi ban hành.")
    _refuse_unsealed(doc)
    data_ = render(row.parsed)
    stored = Path(doc.file_path) if doc.file_path else issued_path(doc)
    if doc.sha256 and sha256(data_) == doc.sha256:
        if not stored.is_file():
            write_new(stored, data_)
            return Reprint(True, stored, f"Bản in lại {SAME} (cùng mã SHA-256). Tệp bị mất đã được tạo lại: "
                                         f"{stored}")
        return Reprint(True, stored, f"Bản in lại {SAME} (cùng mã SHA-256): {stored}")
    path = stored.parent / "in-lai" / stored.name
    write_atomic(path, data_)
    return Reprint(False, path, "Bản in lại KHÁC bản đã ban hành (mã SHA-256 khác): mẫu in hoặc phông chữ đã "
                                "thay đổi sau khi ban hành. Văn bản có giá trị là tệp đã lưu khi ban hành. "
                                f"Bản in lại để đối chiếu: {path}")


def issued_content(doc: OutgoingDocument) -> Content:
    row = text_of(doc)
    if row is None:
        raise ValidationError(f"Văn bản {doc.symbol} không có nội dung lưu trong sổ.")
    _refuse_unsealed(doc)
    return row.parsed


def _refuse_unsealed(doc: OutgoingDocument) -> None:
    """A reprint says "bản đã ban hành số …": never of a text that is no longer the
    one sealed when it was issued (models.services.integrity)."""
    problem = text_seal_problem(doc)
    if problem:
        raise Locked(f"Không in lại văn bản {doc.symbol}: {problem}. Bản in ra sẽ không đúng văn bản đã ban hành. "
                     "Hãy chạy “doithoai doctor” để xem chỗ bị sửa, rồi khôi phục bản sao lưu còn đúng; tệp PDF "
                     "đã lưu khi ban hành (nếu còn khớp mã SHA-256) vẫn là bản có giá trị.")


# --- files of drafts and working papers ------------------------------------------------------

def draft_path(office: Office, slug: str, ref_id: int, suffix: str = ".pdf") -> Path:
    """documents/du-thao/<name>.pdf: a draft preview, replaced by the next one."""
    k = kind(slug)
    folder = "du-thao" if k.numbered else "giay-to"
    return office_folder(office.id) / folder / (k.file.format(id=ref_id) + suffix)


def write_own(path: Path, data_: bytes) -> Path:
    """A draft or working paper of ours: replaced atomically."""
    write_atomic(path, data_)
    return path


# --- minutes signed ---------------------------------------------------------------------

def mark_minutes_signed(conf: Conference, *, on: dt.date | None = None, scan: Path | None = None) -> Conference:
    """Biên bản đã ký: the date, and optionally the scanned signed copy kept beside
    the issued minutes with its SHA-256."""
    on = on or clock.today()
    issued = latest_issued(conf.office, "bien-ban", conf.id)
    if issued is None:
        raise ValidationError("Biên bản chưa được ban hành (chưa có số). Hãy ban hành biên bản trước khi "
                              "ghi đã ký.")
    if on < issued.issued_on or on > clock.today():
        raise ValidationError(f"Ngày ký phải từ ngày ban hành biên bản ({issued.issued_on:%d/%m/%Y}) đến hôm nay.",
                              field="date")
    row = text_of(issued)
    changes = {}
    if scan is not None:
        scan = Path(scan)
        if not scan.is_file():
            raise ValidationError(f"Không thấy tệp bản quét “{scan}”. Hãy kiểm tra đường dẫn.", field="scan")
        raw = scan.read_bytes()
        dest = issued_path(issued, f"-ban-ky{scan.suffix.lower() or '.pdf'}")
        write_new(dest, raw)
        changes = {"scan_path": str(dest), "scan_sha256": sha256(raw)}
    with DocumentText._meta.database.atomic():
        if row is not None:
            records.update(row, {"signed_on": on, **changes}, lock_check=False)
        _advance(conf, "minutes_signed", {"minutes_signed_on": on})
    return Conference.get_by_id(conf.id)



def verify(doc: OutgoingDocument, path: str | Path | None = None) -> bool:
    """True when the file (the stored one by default) has the SHA-256 recorded at issue."""
    target_ = Path(path or doc.file_path)
    if not doc.sha256 or not target_.is_file():
        return False
    return sha256(target_.read_bytes()) == doc.sha256
