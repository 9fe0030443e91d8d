"""Issuing a document: take the number from the register of outgoing documents
(sổ văn bản đi), render the PDF with it, keep the file, record its SHA-256.

An issued plan is frozen (Plan.is_frozen); reprinting it gives the same bytes,
because the PDF is rendered deterministically from the frozen text, so the
stored file can always be checked against the register (``verify``).
Printing is imported lazily: this module is cheap to import at start-up.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Callable

from .. import clock
from ..catalog import Office
from ..errors import Locked, ValidationError
from ..plans import PLAN_DRAFT, PLAN_ISSUED, Plan
from ..register import OutgoingDocument
from . import numbering, records


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_path(doc: OutgoingDocument) -> Path:
    """documents/2024/05-KH-UBND.pdf (the symbol made safe for a file name)."""
    from ..paths import locations

    safe = re.sub(r"[^\w.-]+", "-", doc.symbol, flags=re.UNICODE).strip("-")
    suffix = f"-v{doc.version}" if doc.version > 1 else ""
    return locations().documents / str(doc.year) / f"{safe}{suffix}.pdf"


def _store(doc: OutgoingDocument, pdf: bytes) -> None:
    path = document_path(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        # an issued file is evidence; a second document must never replace it
        raise ValidationError(f"Đã có tệp văn bản “{path.name}” trong thư mục văn bản; không ghi đè văn bản "
                              "đã ban hành. Hãy kiểm tra sổ văn bản đi (F7).")
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pdf)
    tmp.replace(path)       # never a half-written PDF under the real name
    records.update(doc, {"file_path": str(path), "sha256": sha256(pdf)}, lock_check=False)


def issue(office: Office, kind: str, *, title: str, render: Callable[[OutgoingDocument], bytes],
          on: dt.date | None = None, signer: str = "", ref_type: str = "", ref_id: int | None = None,
          unit_short: str = "") -> OutgoingDocument:
    """Register, render with the number, store, record the hash — all or nothing."""
    db = OutgoingDocument._meta.database
    with db.atomic():
        doc = numbering.register(office, kind, title=title, issued_on=on or clock.today(), signer=signer,
                                 ref_type=ref_type, ref_id=ref_id, unit_short=unit_short)
        _store(doc, render(doc))
    return doc


def issue_plan(plan: Plan, *, on: dt.date | None = None) -> OutgoingDocument:
    """Number, print and freeze a draft plan (Kế hoạch)."""
    if plan.status != PLAN_DRAFT:
        raise Locked("Kế hoạch này đã ban hành. Muốn sửa, hãy tạo phiên bản mới.")
    if not plan.title.strip():
        raise ValidationError("Kế hoạch chưa có trích yếu. Hãy nhập trích yếu trước khi ban hành.")
    on = on or clock.today()

    def render(doc: OutgoingDocument) -> bytes:
        from printing.documents.plan import plan_pdf

        plan.document = doc
        plan.place_date = on
        return plan_pdf(plan)

    db = Plan._meta.database
    with db.atomic():
        signer = plan.signer_name or plan.office.signer_name
        doc = issue(plan.office, "KH", title=plan.title, render=render, on=on, signer=signer,
                    ref_type="plan", ref_id=plan.id)
        records.update(plan, {"document": doc, "place_date": on, "status": PLAN_ISSUED})
    return doc


def reprint_plan(plan: Plan) -> bytes:
    from printing.documents.plan import plan_pdf

    return plan_pdf(plan)


def verify(doc: OutgoingDocument, path: str | Path | None = None) -> bool:
    """True when the file (the stored one by default) has the SHA-256 recorded at issue."""
    target = Path(path or doc.file_path)
    if not doc.sha256 or not target.is_file():
        return False
    return sha256(target.read_bytes()) == doc.sha256
