"""Tệp văn bản đã ban hành on disk, all or nothing with the register.

An issued PDF is written under a hidden temporary name beside its final one
(``.05-KH-UBND.pdf.<pid>.tmp``), synced, and takes its final name only after
the database has committed the issue. A failed commit (two workstations
issuing one document, a full disk, a lost server) deletes the temporary file;
a kill leaves at most a hidden file, which the next start either finishes
(the register has the entry and the same SHA-256: the file takes its name) or
deletes (nothing in the register: the issue never happened). So a numbered
file is never left without its register entry, and a number is never blocked.

Files that carry a number but are not in the register (left by older versions,
or copied in by hand) are listed by ``doctor`` (``orphans``) and moved aside on
request (``move_aside``), into the folder ``khong-trong-so``.
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from models.core.errors import StorageError, os_reason
from models.core.paths import locations
from models.core.words import IssuedFileWords as W
from models.domain.office import Office
from models.domain.document_text import DocumentText
from models.domain.register import OutgoingDocument
from models.domain.signatures import DocumentSignature
from models.storage.files import PRIVATE_FILE, make_folder, make_private, sync_folder

#: a hidden temporary file of ours: ".<final name>.<pid>.tmp" (models.storage.files uses the same form)
PENDING_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.tmp$")
#: where numbered files that are not in the register are moved
ASIDE = "khong-trong-so"
#: a temporary file this old is no write in progress, whatever its process number says
STALE_AFTER = 3600
#: the folders under the documents root that hold files of ours (office/year/in-lai …)
DEPTH = 3


@dataclass(frozen=True)
class Pending:
    """An issued file written but not yet under its name."""
    tmp: Path
    path: Path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_pending(path: Path, data: bytes) -> Pending:
    """Write the issued file durably under its hidden temporary name."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        make_folder(path.parent)
        tmp.unlink(missing_ok=True)          # ours: the same process number, an earlier failed try
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        make_private(tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(W.NOT_WRITTEN.format(path=path, os_reason=os_reason(exc))) from exc
    return Pending(tmp, path)


def discard(pending: list[Pending]) -> None:
    """The issue did not commit: no trace of its file."""
    for p in pending:
        try:
            p.tmp.unlink(missing_ok=True)
        except OSError:
            pass   # the start-up clean-up takes it


def publish(pending: list[Pending]) -> None:
    """The issue has committed: each file takes its final name. A file already
    under that name is not in the register (this number was free until our
    commit took it), so it is moved aside, never kept over ours."""
    for p in pending:
        try:
            _give_name(p.tmp, p.path)
        except OSError as exc:
            raise StorageError(W.NOT_RENAMED.format(path=p.path, os_reason=os_reason(exc))) from exc


def _give_name(tmp: Path, path: Path) -> None:
    if not tmp.exists():
        return          # another start finished it already
    if path.exists():
        move_aside(path)
    os.replace(tmp, path)
    sync_folder(path.parent)


def move_aside(path: Path) -> Path:
    """Move a numbered file that is not in the register into ``khong-trong-so``
    beside its folder, under a name that is free."""
    folder = make_folder(path.parent / ASIDE)
    dest = folder / path.name
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{path.stem}-{n}{path.suffix}"
    os.replace(path, dest)
    sync_folder(path.parent)
    return dest


def _writer_gone(pid: int, age: float) -> bool:
    if age > STALE_AFTER:
        return True
    if pid == os.getpid():
        return False
    if os.name == "nt":     # os.kill would end the process there: go by age alone
        return age > 600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False        # alive, someone else's
    return False


def _folders(root: Path, depth: int = DEPTH):
    yield root
    if depth <= 0:
        return
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for e in entries:
        if e.is_dir(follow_symlinks=False) and e.name != ASIDE:
            yield from _folders(Path(e.path), depth - 1)


def documents_root() -> Path:
    return locations().documents


def finish_pending(root: Path | None = None) -> list[str]:
    """At start: every hidden temporary file left by a killed write is either
    finished (an issued file whose register entry committed) or deleted.
    Returns what was done, one line each."""
    root = root or documents_root()
    done: list[str] = []
    if not root.is_dir():
        return done
    for folder in _folders(root):
        try:
            names = [e.name for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(".tmp")]
        except OSError:
            continue
        for name in names:
            m = PENDING_RE.match(name)
            tmp = folder / name
            try:
                age = time.time() - tmp.stat().st_mtime
            except OSError:
                continue
            if m is None or not _writer_gone(int(m["pid"]), age):
                continue
            final = folder / m["name"]
            doc = (OutgoingDocument.select(OutgoingDocument.sha256)
                   .where(OutgoingDocument.file_path == str(final)).first())
            try:
                if doc is not None and doc.sha256 and doc.sha256 == _sha256(tmp) and not _same_file(final, doc.sha256):
                    _give_name(tmp, final)
                    done.append(W.FINISHED.format(final=final))
                else:
                    tmp.unlink()
                    done.append(W.REMOVED_TEMP.format(tmp=tmp))
            except OSError:
                continue
    return done


def _same_file(path: Path, sha: str) -> bool:
    try:
        return path.is_file() and _sha256(path) == sha
    except OSError:
        return False


# --- numbered files that are not in the register ------------------------------------------------

_NUMBERED = re.compile(r"^\d+[-/]")


def orphans(office) -> list[Path]:
    """Files named like an issued document (a number first) in the office's year
    folders that no register entry (nor the scanned signed copy of one, nor a
    digitally signed file) names.
    A file beside an issued one whose name starts with that file's name (its
    signed copy, "-ban-ky") belongs to it."""
    known = {Path(p) for (p,) in OutgoingDocument.select(OutgoingDocument.file_path)
             .where((OutgoingDocument.office == office) & (OutgoingDocument.file_path != "")).tuples()}
    known |= {Path(p) for (p,) in DocumentText.select(DocumentText.scan_path)
              .where((DocumentText.office == office) & (DocumentText.scan_path != "")).tuples()}
    known |= {Path(p) for (p,) in DocumentSignature.select(DocumentSignature.file_path)
              .where(DocumentSignature.office == office).tuples()}
    stems = {(k.parent, k.stem) for k in known}
    found: list[Path] = []
    base = office_folder(office.id)
    try:
        years = [Path(e.path) for e in os.scandir(base) if e.is_dir() and e.name.isdigit()]
    except OSError:
        return found
    for folder in sorted(years):
        for e in sorted(os.scandir(folder), key=lambda e: e.name):
            path = Path(e.path)
            if not e.is_file() or not _NUMBERED.match(e.name) or path in known:
                continue
            if any(parent == folder and e.name.startswith(stem + "-") for parent, stem in stems):
                continue
            found.append(path)
    return found


def office_folder(office_id: int) -> Path:
    """The documents folder of an office, named by its stable identity (Office.uid):
    offices sharing a server, or databases sharing a data folder, may each have
    a 01/KH-UBND, and each may think it is the only office."""
    uid = Office.select(Office.uid).where(Office.id == office_id).scalar()
    return locations().documents / (f"co-quan-{uid[:12]}" if uid else f"co-quan-so-{office_id}")
