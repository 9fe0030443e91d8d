"""In lại văn bản đã ban hành: render it again from the record it refers to and
compare the SHA-256 with the one kept in the register of outgoing documents.

A plan is frozen when issued, so its reprint is the issued PDF byte for byte.
The other kinds are rendered from live records (a conference, a petition, a
unit) that may have changed since; then the reprint differs and we say so —
the issued file, not the reprint, is the document that was signed.
Printing is imported lazily."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError
from ..register import OutgoingDocument
from . import issuing
from .register_view import FILE_MISSING, FILE_NONE, check_file

SAME = "giống hệt bản đã ban hành"


@dataclass(frozen=True)
class Reprint:
    identical: bool | None   # None: nothing recorded at issue to compare with
    path: Path               # where the reprinted PDF is (the stored file when identical)
    message: str


def _source(doc: OutgoingDocument):
    from .. import Conference, Petition, Plan, Unit

    model = {"plan": Plan, "conference": Conference, "minutes": Conference,
             "petition": Petition, "unit": Unit}.get(doc.ref_type)
    obj = model.get_or_none(model.id == doc.ref_id) if model and doc.ref_id is not None else None
    if obj is None:
        raise ValidationError(f"Không in lại được văn bản {doc.symbol}: không còn hồ sơ gốc mà văn bản "
                              "được tạo từ đó. Hãy dùng tệp đã lưu khi ban hành.")
    return obj


def regenerate(doc: OutgoingDocument) -> bytes:
    """The PDF of ``doc`` rendered again, with its number and date."""
    src = _source(doc)
    sym, on = doc.symbol, doc.issued_on
    if doc.ref_type == "plan":
        if src.document_id != doc.id:
            raise ValidationError(f"Kế hoạch gốc không còn mang số {doc.symbol} nên không in lại được.")
        return issuing.reprint_plan(src)
    from printing.kinds import KINDS

    if doc.ref_type in ("conference", "minutes"):
        slug = {"GM": "giay-moi", "BB": "bien-ban", "BC": "bao-cao"}.get(doc.kind)
        if doc.kind == "TB":
            slug = "ket-luan" if doc.title.lower().startswith("thông báo kết luận") else "thong-bao"
        if slug == "bien-ban":
            return KINDS[slug].render(src, symbol=sym)
        if slug:
            return KINDS[slug].render(src, symbol=sym, on=on)
    elif doc.ref_type == "petition" and doc.kind == "CV":
        return KINDS["tra-loi"].render(src, symbol=sym, on=on)
    elif doc.ref_type == "unit" and doc.kind == "CV":
        return KINDS["don-doc"].render(src, symbol=sym, today=on)
    raise ValidationError(f"Chương trình chưa biết cách in lại loại văn bản này ({doc.kind}). "
                          "Hãy dùng tệp đã lưu khi ban hành.")


def _reprint_path(doc: OutgoingDocument) -> Path:
    """Beside the issued file, never over it: documents/<year>/in-lai/…"""
    stored = issuing.document_path(doc)
    folder = stored.parent / "in-lai"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / stored.name


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def reprint(doc: OutgoingDocument) -> Reprint:
    """Render again and compare. When identical, the stored file is the one to
    print (and a missing stored file is put back: it is the issued document)."""
    data = regenerate(doc)
    check = check_file(doc)
    if check.state == FILE_NONE and not doc.sha256:
        path = _reprint_path(doc)
        _write(path, data)
        return Reprint(None, path, f"Đã in lại {doc.symbol}: {path}. Khi ban hành không lưu mã SHA-256 nên "
                                   "không so được với bản đã ban hành.")
    if issuing.sha256(data) == doc.sha256:
        path = Path(doc.file_path or issuing.document_path(doc))
        if check.state == FILE_MISSING or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(path, data)
            return Reprint(True, path, f"Bản in lại {SAME} (cùng mã SHA-256). Tệp bị mất đã được tạo lại: {path}")
        return Reprint(True, path, f"Bản in lại {SAME} (cùng mã SHA-256): {path}")
    path = _reprint_path(doc)
    _write(path, data)
    why = ("dữ liệu nguồn (hội nghị, kiến nghị, đơn vị) đã thay đổi sau khi ban hành, hoặc mẫu in đã được "
           "cập nhật" if doc.ref_type != "plan" else "mẫu in hoặc phông chữ đã thay đổi sau khi ban hành")
    return Reprint(False, path, f"Bản in lại KHÁC bản đã ban hành (mã SHA-256 khác): {why}. Văn bản có giá "
                                f"trị là tệp đã lưu khi ban hành. Bản in lại để đối chiếu: {path}")
