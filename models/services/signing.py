"""Chữ ký số: issued PDFs signed digitally, first by the person with the
authority to sign, then by the office (Decree 30/2020/NĐ-CP, Appendix I; the
appearance rules are data, ``data/print/esign.json``), verified, and copied as
electronic copies (bản sao điện tử).

The keys live on a USB token reached through its PKCS#11 module (the CA's DLL
or .so). The PIN is given by the caller (asked without echo, or read from a
file only its owner can read) and never kept, logged or written anywhere.

Every check is made before anything is written: the token, the PIN, the
certificate (valid now, a signing key usage, the signer's own name), the order
of the roles, the file's SHA-256 against the register. Only then is the new
file written beside the one it signs (never over it) and recorded with its
SHA-256, in ``models.domain.signatures``.

How a signature looks (where on the page, which image, which text) is drawn
by the caller's ``appearance`` (the app passes ``printing.signature_marks``),
so ``models`` never imports ``printing``. pyHanko and python-pkcs11 are
imported inside the functions: the app starts without them."""
from __future__ import annotations

import asyncio
import datetime as dt
import glob
import hashlib
import io
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import data
from models.core.errors import Locked, NotFound, UserError, ValidationError
from models.core.text import clean_line, fold
from models.core.words import SigningWords as W
from models.domain.office import Office
from models.domain.register import OutgoingDocument
from models.domain.signatures import COPY, OFFICE, PERSON, DocumentSignature, SignatureImage
from models.services import records, roles
from models.storage.config import read_config
from models.storage.files import read_given_file

log = logging.getLogger("doithoai.signing")
VN = dt.timezone(dt.timedelta(hours=7), "+07:00")
ROLE_OPTIONS = {"nguoi-ky": PERSON, "co-quan": OFFICE}
ROLE_NAMES = W.ROLE_NAMES
COPY_FORMS = W.COPY_FORMS

#: the CAs' PKCS#11 modules on Windows (issue 23: VNPT-CA, Viettel-CA, FPT-CA,
#: BKAV-CA, NewCA, and the ePass2003 tokens several CAs hand out)
WINDOWS_MODULES = ("vnptca_p11_v*.dll", "viettel-ca_v*.dll", "fptca_v*.dll", "BkavCA*.dll", "nca_v*.dll",
                   "eps2003csp11.dll")
#: the same CAs' Linux modules, and OpenSC's generic one last
LINUX_MODULES = ("/usr/lib/libvnptca*.so", "/usr/lib/libviettel-ca*.so", "/usr/lib/libfptca*.so",
                 "/usr/lib/libbkavca*.so", "/usr/lib/libnca*.so", "/usr/lib/libcastle*.so",
                 "/usr/local/lib/libvnptca*.so", "/usr/lib/x86_64-linux-gnu/libvnptca*.so",
                 "/usr/lib/libeps2003csp11.so", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
                 "/usr/lib/opensc-pkcs11.so")


def rules() -> dict:
    """The appearance rules with their source (data/print/esign.json)."""
    return data.load_json("print/esign.json")


def now() -> dt.datetime:
    """The signing time, to the second, in Vietnam's time zone (ISO 8601 +07:00)."""
    return dt.datetime.now(VN).replace(microsecond=0)


def iso(when: dt.datetime) -> str:
    return when.astimezone(VN).isoformat()


def sha256(data_: bytes) -> str:
    return hashlib.sha256(data_).hexdigest()


class SigningError(UserError):
    """A signature refused before anything was written."""

    exit_code = 4


class NameMismatch(SigningError):
    """The certificate's name is not the signer's of this document: the caller
    asks the person before going on (``accept_other_name``)."""


# --- where the PKCS#11 module is ------------------------------------------------------

def module_candidates() -> list[str]:
    """The CAs' PKCS#11 modules installed on this workstation, most specific first."""
    found: list[str] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        for folder in (Path(windir) / "System32", Path(windir) / "SysWOW64"):
            for pattern in WINDOWS_MODULES:
                found += sorted(glob.glob(str(folder / pattern)))
    else:
        for pattern in LINUX_MODULES:
            found += sorted(glob.glob(pattern))
    return list(dict.fromkeys(found))


AUTO = ("", "tu-dong", "auto")


def find_module(given: str | None) -> str:
    """The module to load: the path given, else the one remembered for this
    workstation, else the only CA module found."""
    if given and given.strip().lower() not in AUTO:
        path = Path(given).expanduser()
        if not path.is_file():
            raise SigningError(W.MODULE_NOT_FOUND.format(given=given))
        return str(path)

    remembered = read_config().get("pkcs11_module")
    if isinstance(remembered, str) and Path(remembered).is_file():
        return remembered
    found = module_candidates()
    if len(found) == 1:
        return found[0]
    if not found:
        raise SigningError(W.NO_MODULE)
    raise SigningError(W.SEVERAL_MODULES + "; ".join(found) + W.PICK_MODULE)


def remember_module(module: str) -> None:
    from models.storage.settings import save_config  # off the start-up path

    if read_config().get("pkcs11_module") != module:
        save_config(pkcs11_module=module)


# --- the token, the PIN and the certificate -------------------------------------------

@dataclass(frozen=True)
class TokenChoice:
    """Which token and key: the module, the token's label, the key's label."""

    module: str | None = None
    token: str | None = None
    key: str | None = None


@dataclass
class Certificate:
    label: str
    key_id: bytes
    der: bytes
    common_name: str
    organisation: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    can_sign: bool

    @property
    def sha256(self) -> str:
        return sha256(self.der)


def _certificate(label: str, key_id: bytes, der: bytes) -> Certificate:
    from cryptography import x509  # heavy: loaded when used, not at start-up
    from cryptography.x509.oid import NameOID  # heavy: loaded when used, not at start-up

    cert = x509.load_der_x509_certificate(der)

    def attr(oid) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return clean_line(str(values[0].value)) if values else ""

    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        can_sign = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        can_sign = True
    return Certificate(label, key_id, der, attr(NameOID.COMMON_NAME), attr(NameOID.ORGANIZATION_NAME),
                       format(cert.serial_number, "X"), cert.not_valid_before_utc, cert.not_valid_after_utc,
                       can_sign)


def open_token(choice: TokenChoice, pin: str | Callable[[], str]):
    """An open, logged-in PKCS#11 session, or a clear refusal. ``pin`` may be
    a function that asks for it: it is called only once the token is found."""
    try:
        import pkcs11  # heavy: loaded when used, not at start-up
        from pkcs11 import exceptions as p11  # heavy: loaded when used, not at start-up
    except ImportError as exc:   # pragma: no cover - installed with the program
        raise SigningError(W.NO_PKCS11) \
            from exc
    module = find_module(choice.module)
    try:
        lib = pkcs11.lib(module)
    except Exception as exc:
        log.warning("PKCS#11 module %s not loaded: %r", module, exc)
        raise SigningError(W.MODULE_NOT_LOADED.format(module=module)) from exc
    try:
        tokens = [slot.get_token() for slot in lib.get_slots(token_present=True)]
        tokens = [t for t in tokens if t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED]
    except p11.PKCS11Error:
        tokens = []
    if choice.token:
        tokens = [t for t in tokens if t.label.strip() == choice.token.strip()]
    if not tokens:
        which = W.TOKEN_LABELLED.format(token=choice.token) if choice.token else ""
        raise SigningError(W.NO_TOKEN.format(which=which) + (W.TOKEN_LABEL_HINT if choice.token else "."))
    if len(tokens) > 1:
        raise SigningError(W.SEVERAL_TOKENS + ", ".join(f"“{t.label.strip()}”" for t in tokens)
                           + W.PICK_TOKEN)
    token = tokens[0]
    if callable(pin):
        pin = pin()
    if not pin:
        raise SigningError(W.NO_PIN)
    try:
        return token.open(user_pin=pin)
    except p11.PinIncorrect as exc:
        raise SigningError(W.WRONG_PIN + _tries_left(token) + W.NOTHING_SIGNED) from exc
    except p11.PinLocked as exc:
        raise SigningError(W.PIN_LOCKED) from exc
    except (p11.PinLenRange, p11.PinInvalid) as exc:
        raise SigningError(W.PIN_BAD_FORM) from exc
    except (p11.TokenNotPresent, p11.TokenNotRecognised, p11.DeviceRemoved) as exc:
        raise SigningError(W.TOKEN_REMOVED) from exc


def _tries_left(token) -> str:
    """What the token says about the PIN tries left (PKCS#11 token flags)."""
    from pkcs11 import TokenFlag  # heavy: loaded when used, not at start-up

    try:
        fresh = token.slot.get_token()
        flags = fresh.flags
    except Exception:
        return ""
    if flags & TokenFlag.USER_PIN_LOCKED:
        return W.TRIES_LOCKED
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return W.TRIES_FINAL
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return W.TRIES_LOW
    return ""


def certificates(session) -> list[Certificate]:
    """Certificates on the token that have a private key beside them."""
    from pkcs11 import Attribute, ObjectClass  # heavy: loaded when used, not at start-up

    keys = {(o[Attribute.ID], o[Attribute.LABEL]) for o in
            session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})}
    key_ids = {k for k, _ in keys}
    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        key_id, label = obj[Attribute.ID], obj[Attribute.LABEL]
        if key_id in key_ids:
            out.append(_certificate(label, key_id, obj[Attribute.VALUE]))
    return out


def choose_certificate(session, key_label: str | None, expected_name: str) -> Certificate:
    """The key by its label, else the one certificate on the token, else the one
    whose subject is ``expected_name``."""
    found = certificates(session)
    if key_label:
        found = [c for c in found if c.label == key_label]
        if not found:
            raise SigningError(W.NO_KEY_LABELLED.format(key_label=key_label))
    if not found:
        raise SigningError(W.NO_SIGNING_KEY)
    if len(found) > 1 and expected_name:
        named = [c for c in found if fold(c.common_name) == fold(expected_name)
                 or fold(c.organisation) == fold(expected_name)]
        usable = [c for c in named if c.can_sign and c.not_before <= now() <= c.not_after]
        for pick in (named, usable):
            if len(pick) == 1:
                return pick[0]
    if len(found) > 1:
        raise SigningError(W.SEVERAL_KEYS + "; ".join(f"“{c.label}” ({c.common_name})" for c in found)
                           + W.PICK_KEY)
    return found[0]


def check_certificate(cert: Certificate, when: dt.datetime) -> None:
    if when < cert.not_before:
        raise SigningError(W.NOT_YET_VALID.format(common_name=cert.common_name, since=_vn(cert.not_before)))
    if when > cert.not_after:
        raise SigningError(W.EXPIRED.format(common_name=cert.common_name, until=_vn(cert.not_after)))
    if not cert.can_sign:
        raise SigningError(W.NOT_FOR_SIGNING.format(label=cert.label, common_name=cert.common_name))


def _vn(when: dt.datetime) -> str:
    return f"{when.astimezone(VN):%d/%m/%Y %H:%M}"


# --- what a document has had ------------------------------------------------------------

def signatures_of(doc: OutgoingDocument) -> list[DocumentSignature]:
    return list(DocumentSignature.select().where(DocumentSignature.document == doc)
                .order_by(DocumentSignature.signed_at, DocumentSignature.id))


def signed(doc: OutgoingDocument, role: str) -> DocumentSignature | None:
    return next((s for s in signatures_of(doc) if s.role == role), None)


def latest_signed(doc: OutgoingDocument) -> DocumentSignature | None:
    """The last file of the chain (the office's signature, else the person's)."""
    return signed(doc, OFFICE) or signed(doc, PERSON)


def waiting_for(doc: OutgoingDocument) -> str | None:
    """The role whose signature the document waits for, or None when both are there."""
    if signed(doc, PERSON) is None:
        return PERSON
    if signed(doc, OFFICE) is None:
        return OFFICE
    return None


WAIT_LABELS = W.WAIT_LABELS


def waits(docs: list[OutgoingDocument]) -> dict[int, str]:
    """For a list of documents (the dashboard's recent ones), which signature
    each waits for, in one query."""
    have: dict[int, set[str]] = {d.id: set() for d in docs}
    if have:
        for doc_id, role in (DocumentSignature.select(DocumentSignature.document, DocumentSignature.role)
                             .where(DocumentSignature.document.in_(list(have))).tuples()):
            have[doc_id].add(role)
    return {i: WAIT_LABELS[PERSON if PERSON not in roles_ else OFFICE if OFFICE not in roles_ else None]
            for i, roles_ in have.items()}


def summary(doc: OutgoingDocument) -> str:
    """"ký số: người ký …, cơ quan …, thời điểm …" (the register, F7)."""
    person, office = signed(doc, PERSON), signed(doc, OFFICE)
    if person is None:
        return W.UNSIGNED
    last = office or person
    return (W.SIGNED_BY.format(signer_name=person.signer_name,
                               office=office.signer_name if office else W.NOT_SIGNED, signed_at=last.signed_at))


@dataclass(frozen=True)
class FileState:
    path: str
    ok: bool
    note: str


def check_files(doc: OutgoingDocument) -> list[FileState]:
    """Each signed file against the SHA-256 recorded when it was written."""
    out = []
    for s in signatures_of(doc):
        p = Path(s.file_path)
        if not p.is_file():
            out.append(FileState(s.file_path, False, W.FILE_MISSING))
        elif sha256(p.read_bytes()) != s.sha256:
            out.append(FileState(s.file_path, False, W.FILE_CHANGED))
        else:
            out.append(FileState(s.file_path, True, W.FILE_INTACT))
    return out


def reprint_signed(doc: OutgoingDocument):
    """A reprint of a signed document is its signed file (None when unsigned)."""
    from models.services.documents import Reprint  # off the start-up path

    last = latest_signed(doc)
    if last is None:
        return None
    path = Path(last.file_path)
    if not path.is_file():
        raise ValidationError(W.SIGNED_FILE_MISSING.format(symbol=doc.symbol, path=path))
    if sha256(path.read_bytes()) != last.sha256:
        raise ValidationError(W.SIGNED_FILE_CHANGED.format(symbol=doc.symbol, path=path))
    return Reprint(True, path, W.REPRINT_SIGNED.format(summary=summary(doc), path=path))


# --- who may sign ---------------------------------------------------------------------------

def check_role(doc: OutgoingDocument, role: str) -> None:
    """The order of Decree 30: the person, then the office; each once per version.
    Only the document's signer signs as the person; the office's signature is
    the clerk's (văn thư) work. While the office has no list of people, the
    roles are not checked (as everywhere in the app)."""
    name = ROLE_NAMES[role]
    if signed(doc, role) is not None:
        s = signed(doc, role)
        raise Locked(W.ALREADY_SIGNED.format(symbol=doc.symbol, name=name, signer_name=s.signer_name,
                                             signed_at=s.signed_at))
    if role == OFFICE and signed(doc, PERSON) is None:
        who = doc.signer or W.SIGNER_UNNAMED
        raise ValidationError(W.PERSON_FIRST.format(symbol=doc.symbol, who=who))
    if not roles.people(doc.office):
        return
    me = roles.current_person(doc.office)
    if me is None:
        raise ValidationError(W.WHO_IS_WORKING)
    if role == PERSON and fold(me.full_name) != fold(doc.signer):
        raise ValidationError(W.ONLY_SIGNER.format(signer=doc.signer, full_name=me.full_name))
    if role == OFFICE and me.role not in ("van_thu", "quan_tri"):
        raise ValidationError(W.OFFICE_BY_CLERK.format(full_name=me.full_name, role_label=roles.role_label(me.role)))


def source_file(doc: OutgoingDocument, role: str) -> tuple[Path, bytes]:
    """The file this signature signs (the issued one, or the one the person
    signed), after checking it still has the SHA-256 recorded for it."""
    if role == OFFICE or role == COPY:
        before = latest_signed(doc)
    else:
        before = None
    path = Path(before.file_path if before else doc.file_path)
    expected = before.sha256 if before else doc.sha256
    if not doc.file_path or not doc.sha256:
        raise ValidationError(W.NO_ISSUED_FILE.format(symbol=doc.symbol))
    if not path.is_file():
        raise ValidationError(W.SOURCE_MISSING.format(path=path))
    raw = path.read_bytes()
    if sha256(raw) != expected:
        raise ValidationError(W.SOURCE_CHANGED.format(path=path))
    return path, raw


def signed_path(doc: OutgoingDocument, role: str, copy_form: str = "") -> Path:
    from models.services.documents import issued_path  # off the start-up path

    suffix = {PERSON: "-ky-so", OFFICE: "-ky-so-co-quan"}.get(role) or f"-ban-sao-{copy_form}"
    base = issued_path(doc, f"{suffix}.pdf")
    if role != COPY:
        return base
    n = 1
    while base.with_name(base.stem + (f"-{n}" if n > 1 else "") + ".pdf").exists():
        n += 1
    return base.with_name(base.stem + (f"-{n}" if n > 1 else "") + ".pdf")


# --- appearance -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Facts:
    """What the appearance shows and where it goes, in plain data."""

    role: str
    doc_symbol: str
    signer_position: str     # the title line printed above the space for the signature
    signer_name: str         # the full name printed under it
    name_on_cert: str
    office_name: str         # the office's name as the certificate gives it
    when: str                # ISO 8601 +07:00
    image: bytes | None      # handwritten signature or seal (PNG), if kept
    copy_form: str = ""
    signer_box: tuple | None = None    # the person's field, for the office's seal to cover


@dataclass(frozen=True)
class Mark:
    """Where a signature's field goes and what it shows (a one-page PDF)."""

    page: int
    box: tuple[float, float, float, float]
    appearance_pdf: bytes


Appearance = Callable[[bytes, Facts], Mark]


def image_of(office: Office, kind: str, person=None) -> bytes | None:
    q = SignatureImage.select().where((SignatureImage.office == office) & (SignatureImage.kind == kind))
    q = q.where(SignatureImage.person == person) if person is not None else q.where(SignatureImage.person.is_null())
    row = q.order_by(SignatureImage.id.desc()).first()
    return bytes(row.png) if row is not None else None


def keep_image(office: Office, kind: str, png: bytes, person=None) -> SignatureImage:
    """A person's handwritten signature or the office's seal, as a PNG with
    transparency (Decree 30 App. I: blue signature, red seal, transparent)."""
    roles.require(office, "catalog")
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValidationError(W.NOT_PNG)
    if not _has_alpha(png):
        raise ValidationError(W.NOT_TRANSPARENT)
    return records.create(SignatureImage, office=office, person=person, kind=kind, png=png, sha256=sha256(png))


#: the largest files read when a person names them (models.storage.files.read_given_file)
MAX_PDF, MAX_IMAGE = 200 << 20, 5 << 20


def keep_image_file(office: Office, kind: str, path: str, person=None) -> SignatureImage:
    """The same, from a file named by the person."""
    file = Path(clean_line(path).strip('"')).expanduser()
    if not file.is_file():
        raise ValidationError(W.IMAGE_NOT_FOUND.format(path=path), field="file")
    return keep_image(office, kind, read_given_file(file, W.IMAGE, MAX_IMAGE), person)


def _has_alpha(png: bytes) -> bool:
    try:
        from PIL import Image  # heavy: loaded when used, not at start-up

        with Image.open(io.BytesIO(png)) as im:
            return im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
    except Exception:
        return False


def _position_and_name(doc: OutgoingDocument) -> tuple[str, str]:
    from models.services.documents import text_of  # off the start-up path

    row = text_of(doc)
    if row is not None and row.parsed.signers:
        s = row.parsed.signers[-1]
        return (s.position or s.authority).upper(), s.name
    return "", doc.signer


def _person_of(doc: OutgoingDocument):
    return next((p for p in roles.people(doc.office, active_only=False) if fold(p.full_name) == fold(doc.signer)),
                None)


# --- signing ------------------------------------------------------------------------------------

@dataclass
class Outcome:
    signature: DocumentSignature
    path: Path
    timings: dict = field(default_factory=dict)


def sign(doc: OutgoingDocument, role: str, choice: TokenChoice, pin: str | Callable[[], str], *, appearance: Appearance,
         accept_other_name: bool = False, copy_form: str = "", pages: list[int] | None = None) -> Outcome:
    """Sign the document in ``role`` (PERSON, OFFICE or COPY). Nothing is
    written unless every check passes and the signature is made."""
    if role not in ROLE_NAMES:
        raise ValidationError(W.PICK_ROLE)
    if role == COPY:
        if copy_form not in COPY_FORMS:
            raise ValidationError(W.COPY_FORM_CODES)
    else:
        check_role(doc, role)
    _src, raw = source_file(doc, role)
    if role == COPY and pages:
        if copy_form != "trich-sao":
            raise ValidationError(W.PAGES_ONLY_EXTRACT)
        raw = extract_pages(source_file(doc, PERSON)[1], pages)
    position, printed_name = _position_and_name(doc)
    when = now()
    session = open_token(choice, pin)
    try:
        expected = printed_name if role == PERSON else doc.office.name
        cert = choose_certificate(session, choice.key, expected)
        check_certificate(cert, when)
        if role == PERSON and fold(cert.common_name) != fold(printed_name) and not accept_other_name:
            raise NameMismatch(W.OTHER_NAME.format(common_name=cert.common_name, printed_name=printed_name))
        person_sig = signed(doc, PERSON)
        facts = Facts(role=role, doc_symbol=doc.symbol, signer_position=position, signer_name=printed_name,
                      name_on_cert=cert.common_name, office_name=cert.organisation or cert.common_name,
                      when=iso(when),
                      image=(image_of(doc.office, "chu_ky", _person_of(doc)) if role == PERSON
                             else image_of(doc.office, "con_dau") if role == OFFICE else None),
                      copy_form=copy_form,
                      signer_box=_field_box(raw, "NguoiKy") if role == OFFICE and person_sig else None)
        t0 = time.perf_counter()
        mark = appearance(raw, facts)
        t1 = time.perf_counter()
        signed_pdf, token_seconds = _pades(raw, session, cert, mark, when, _field_name(role, copy_form, raw))
        t2 = time.perf_counter()
    finally:
        session.close()
    from models.services.documents import write_new  # off the start-up path

    dest = signed_path(doc, role, copy_form)
    write_new(dest, signed_pdf)
    try:
        row = records.create(DocumentSignature, office=doc.office, document=doc, role=role, copy_form=copy_form,
                             signer_name=cert.common_name, organisation=cert.organisation,
                             cert_serial=cert.serial, cert_sha256=cert.sha256, signed_at=iso(when),
                             source_sha256=sha256(raw), file_path=str(dest), sha256=sha256(signed_pdf))
    except Exception:
        dest.unlink(missing_ok=True)
        raise
    if choice.module and choice.module.strip().lower() not in AUTO:
        remember_module(str(Path(choice.module).expanduser()))
    return Outcome(row, dest, {"appearance": t1 - t0, "sign": t2 - t1, "token": token_seconds})


def parse_pages(text: str) -> list[int]:
    """"1,3-4" → [1, 3, 4] (page numbers as printed, from 1)."""
    out: list[int] = []
    for part in (text or "").replace(" ", "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise ValidationError(W.NOT_PAGES.format(text=text))
        a, b = int(first), int(last or first)
        if a < 1 or b < a:
            raise ValidationError(W.BAD_RANGE.format(part=part))
        out += [n for n in range(a, b + 1) if n not in out]
    if not out:
        raise ValidationError(W.PAGES_NEEDED)
    return out


def extract_pages(pdf: bytes, pages: list[int]) -> bytes:
    """Trích sao: the chosen pages of the issued (unsigned) file, as a new PDF.
    The original's signatures cannot come along (a part is not what they
    signed); the copy carries the office's signature of the copy."""
    import pypdf  # heavy: loaded when used, not at start-up

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    if max(pages) > len(reader.pages):
        raise ValidationError(W.TOO_FEW_PAGES.format(pages=len(reader.pages), page=max(pages)))
    writer = pypdf.PdfWriter()
    for n in pages:
        writer.add_page(reader.pages[n - 1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _field_name(role: str, copy_form: str, raw: bytes) -> str:
    base = {PERSON: "NguoiKy", OFFICE: "CoQuan"}.get(role) or "BanSao"
    if role != COPY:
        return base
    names = _field_names(raw)
    n = 1
    while f"{base}{n}" in names:
        n += 1
    return f"{base}{n}"


def _field_names(raw: bytes) -> set[str]:
    from pyhanko.pdf_utils.reader import PdfFileReader  # heavy: loaded when used, not at start-up

    return {s.field_name for s in PdfFileReader(io.BytesIO(raw), strict=False).embedded_signatures}


def _field_box(raw: bytes, name: str) -> tuple | None:
    """The rectangle of a signature field already in the file."""
    from pyhanko.pdf_utils.reader import PdfFileReader  # heavy: loaded when used, not at start-up

    for s in PdfFileReader(io.BytesIO(raw), strict=False).embedded_signatures:
        if s.field_name == name:
            rect = s.sig_field.get("/Rect")
            return tuple(float(v) for v in rect) if rect is not None else None
    return None


#: bytes kept in the file for the CMS signature container
SIGNATURE_ROOM = 16384


def _pades(raw: bytes, session, cert: Certificate, mark: Mark, when: dt.datetime, field_name: str
           ) -> tuple[bytes, float]:
    """PAdES (ETSI.CAdES.detached), SHA-256, as an incremental update, with the
    signing time ``when`` both in the CMS and in the appearance."""
    from pyhanko.pdf_utils.incremental_writer import (
        IncrementalPdfFileWriter,  # heavy: loaded when used, not at start-up
    )  # heavy: loaded when used, not at start-up
    from pyhanko.sign import fields, signers  # heavy: loaded when used, not at start-up
    from pyhanko.sign.pkcs11 import PKCS11Signer  # heavy: loaded when used, not at start-up
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes  # heavy: loaded when used, not at start-up
    from pyhanko.stamp import StaticStampStyle  # heavy: loaded when used, not at start-up

    spent = [0.0]

    class Timed(PKCS11Signer):
        async def async_sign_raw(self, data_, digest_algorithm, dry_run=False):
            t = time.perf_counter()
            try:
                return await super().async_sign_raw(data_, digest_algorithm, dry_run=dry_run)
            finally:
                if not dry_run:
                    spent[0] += time.perf_counter() - t

    signer = Timed(session, key_id=cert.key_id, cert_id=cert.key_id)
    writer = IncrementalPdfFileWriter(io.BytesIO(raw), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(field_name, on_page=mark.page, box=mark.box))
    meta = signers.PdfSignatureMetadata(field_name=field_name, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES)
    with tempfile.TemporaryDirectory() as tmp:
        look = Path(tmp) / "hinh.pdf"
        look.write_bytes(mark.appearance_pdf)
        style = StaticStampStyle.from_pdf_file(str(look), border_width=0)
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)

        async def run() -> io.BytesIO:
            # pyHanko's own sequence (PdfSigner.async_sign_pdf), with the
            # session's time set to ours so the CMS signing time and the
            # time printed in the appearance are the same second
            session_ = pdf_signer.init_signing_session(writer)
            session_.system_time = when
            info = await session_.perform_presign_validation(writer)
            # a fixed room for the CMS (an RSA/ECDSA signature with its certificate
            # chain takes 2-6 KB) instead of pyHanko's estimate, which signs once
            # more on the token just to measure
            reserved = SIGNATURE_ROOM
            tbs = session_.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
            digest, output = tbs.digest_tbs_document(output=io.BytesIO())
            post = await tbs.perform_signature(
                document_digest=digest.document_digest,
                pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when))
            await post.post_signature_processing(output)
            return output

        try:
            out = asyncio.run(run())
        except UserError:
            raise
        except Exception as exc:
            log.warning("signing failed: %r", exc)
            raise SigningError(W.TOKEN_FAILED) from exc
    return out.getvalue(), spent[0]


# --- verifying any PDF -------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    field: str
    who: str
    organisation: str
    when: str
    intact: bool
    valid: bool
    trusted: bool
    whole_file: bool
    unchanged_after: bool
    problem: str = ""

    @property
    def good(self) -> bool:
        return self.intact and self.valid and self.trusted and self.unchanged_after


@dataclass(frozen=True)
class Verification:
    path: str
    checks: list[Check]
    problem: str = ""

    @property
    def good(self) -> bool:
        return bool(self.checks) and not self.problem and all(c.good for c in self.checks) \
            and self.checks[-1].whole_file


def trust_roots_from_config() -> list[str]:
    """The trust roots the office installed (PEM texts kept in the configuration)."""
    roots = read_config().get("trust_roots")
    return [r for r in roots if isinstance(r, str)] if isinstance(roots, list) else []


def install_trust_roots(pems: list[bytes]) -> int:
    from models.storage.settings import save_config  # off the start-up path

    have = trust_roots_from_config()
    added = 0
    for pem in pems:
        text = _pem_text(pem)
        if text not in have:
            have.append(text)
            added += 1
    save_config(trust_roots=have)
    return added


def _pem_text(raw: bytes) -> str:
    from cryptography import x509  # heavy: loaded when used, not at start-up
    from cryptography.hazmat.primitives import serialization  # heavy: loaded when used, not at start-up

    try:
        cert = x509.load_pem_x509_certificate(raw) if b"-----BEGIN" in raw else x509.load_der_x509_certificate(raw)
    except ValueError as exc:
        raise ValidationError(W.ROOT_NOT_CERT) from exc
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def verify_pdf(path: Path, extra_roots: list[bytes] = ()) -> Verification:
    """Every signature of any PDF: who, organisation, time, intact, valid,
    trusted (from the installed roots and ``extra_roots``), and whether the file
    was changed after it."""
    from asn1crypto import pem  # heavy: loaded when used, not at start-up
    from asn1crypto import x509 as ax509  # heavy: loaded when used, not at start-up
    from pyhanko.pdf_utils.reader import PdfFileReader  # heavy: loaded when used, not at start-up
    from pyhanko.sign.validation import (  # heavy: loaded when used, not at start-up
        SignatureCoverageLevel,
        validate_pdf_signature,
    )  # heavy: loaded when used, not at start-up
    from pyhanko_certvalidator import ValidationContext  # heavy: loaded when used, not at start-up

    roots = []
    for raw in [r.encode("ascii") for r in trust_roots_from_config()] + [_pem_text(r).encode() for r in extra_roots]:
        _, _, der = pem.unarmor(raw)
        roots.append(ax509.Certificate.load(der))
    data_ = read_given_file(Path(path), W.PDF_TO_VERIFY, MAX_PDF)
    try:
        reader = PdfFileReader(io.BytesIO(data_), strict=False)
        sigs = list(reader.embedded_signatures)
    except OSError:
        raise
    except Exception as exc:
        log.info("verify: %s is not a readable PDF: %r", path, exc)
        return Verification(str(path), [], W.NOT_PDF)
    if not sigs:
        return Verification(str(path), [], W.NO_SIGNATURES)
    out = []
    for sig in sigs:
        ctx = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        try:
            st = validate_pdf_signature(sig, ctx)
        except Exception as exc:
            out.append(Check(sig.field_name, "?", "", "", False, False, False, False, False,
                             W.UNREADABLE_SIGNATURE))
            log.info("signature %s not read: %r", sig.field_name, exc)
            continue
        cert = st.signing_cert
        subject = cert.subject.native if cert is not None else {}
        when = st.signer_reported_dt.astimezone(VN).isoformat() if st.signer_reported_dt else ""
        unchanged = bool(st.docmdp_ok) if st.docmdp_ok is not None else True
        if st.diff_result is not None and hasattr(st.diff_result, "modification_level"):
            unchanged = unchanged and st.diff_result.modification_level.name in ("NONE", "LTA_UPDATES",
                                                                                 "FORM_FILLING")
        out.append(Check(sig.field_name, str(subject.get("common_name", "")),
                         str(subject.get("organization_name", "")), when, bool(st.intact), bool(st.valid),
                         bool(st.trusted), st.coverage == SignatureCoverageLevel.ENTIRE_FILE, unchanged))
    return Verification(str(path), out)


def find_document(office: Office, symbol: str) -> OutgoingDocument:
    """A register entry by its number and symbol as printed (01/KH-UBND, 05-TB/ĐU):
    the newest version of that symbol."""
    wanted = fold(clean_line(symbol)).replace(" ", "")
    rows = [d for d in OutgoingDocument.select().where(OutgoingDocument.office == office)
            .order_by(OutgoingDocument.year.desc(), OutgoingDocument.id.desc())
            if fold(d.symbol).replace(" ", "") == wanted]
    if not rows:
        raise NotFound(W.NOT_IN_REGISTER.format(symbol=symbol))
    return rows[0]
