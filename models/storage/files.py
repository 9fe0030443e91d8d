"""One rule for every file we write over: backups, restores, exports, printed
documents and the config file.

A destination is refused when it is the live database, another SQLite
database, a device or anything else that is not a regular file, or a file of
another kind than the one being written (a backup written over ``bao-cao.docx``).
An existing file of the same kind (an earlier export, a PDF printed before) is
only replaced when the caller says so (``replace=True``: the command line asked,
or was given --ghi-de / --yes); otherwise ``DestinationExists`` is raised so the
caller can ask.

Writes go to a temporary file in the same folder, which is synced, made
readable by its owner only, renamed over the destination, and then the folder
itself is synced (POSIX only: Windows has no folder fsync), so a power cut
leaves either the old file or the new one, never half of one.
"""
from __future__ import annotations

import os
import re
import sqlite3
import stat
import time
import zipfile
from pathlib import Path
from typing import Callable, Iterable

from models.core.errors import StorageError, ValidationError, os_reason
from models.core.words import FileWords as W
from models.domain.base import database
from models.storage.config import is_url, sqlite_path

SQLITE_HEADER = b"SQLite format 3\x00"

# kind -> (what it is called in messages, suffixes a file of that kind may have)
KINDS = {
    "sqlite": (W.BACKUP_COPY, (".sqlite3", ".sqlite", ".db", ".bak")),
    "pdf": (W.PDF_FILE, (".pdf",)),
    "docx": (W.WORD_FILE, (".docx",)),
    "xlsx": (W.EXCEL_FILE, (".xlsx",)),
    "csv": (W.CSV_FILE, (".csv", ".txt")),
    "json": (W.CONFIG_FILE, (".json",)),
}
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class DestinationExists(ValidationError):
    """A file of the kind being written is already there; replace it only if the user says so."""

    def __init__(self, path: Path, kind: str):
        label = KINDS[kind][0]
        if kind == "sqlite" and is_working_database(path):
            label = W.LIVE_DATABASE
        super().__init__(W.EXISTS_USE_FLAG.format(label=label, path=path), field="output")
        self.path = path
        self.kind = kind
        #: what to ask at a keyboard
        self.question = W.EXISTS_ASK.format(label=label, path=path)


def is_working_database(path: Path) -> bool:
    """A database an office works in, not a backup: it is in WAL mode (a backup
    is one self-contained file, journal_mode=DELETE: byte 18 of the header is 1)
    or an instance has made its lock file beside it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return (head[:16] == SQLITE_HEADER and len(head) == 20 and head[18] == 2) \
        or Path(str(path) + ".lock").exists()


def kind_of(path: Path) -> str | None:
    """What an existing regular file holds, read from its first bytes; None when
    it is empty (nothing to lose) and "other" when it is none of our kinds."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return "other"
    if not head:
        return None
    if head == SQLITE_HEADER:
        return "sqlite"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
        except (OSError, zipfile.BadZipFile):
            return "other"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        return "other"
    suffix = path.suffix.lower()
    for kind in ("csv", "json"):
        if suffix in KINDS[kind][1]:
            return kind
    return "other"


def is_doithoai_database(path: Path) -> bool:
    """A SQLite file that is one of ours (a backup or a database of Đối thoại)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return {"schema_version", "office"} <= names


def live_databases(extra: Iterable[os.PathLike | str] = ()) -> set[Path]:
    """The SQLite files in use: the open database, the configured one, and ``extra``
    (with their -wal, -shm and lock files)."""
    found: list[Path] = [Path(p) for p in extra if p]
    try:
        obj = database.obj
        name = getattr(obj, "database", None)
        if name and not is_url(str(name)) and str(name) != ":memory:" and "Sqlite" in type(obj).__name__:
            found.append(Path(name))
        configured = sqlite_path(None)
        if configured is not None:
            found.append(configured)
    except Exception:  # a broken config must not stop this check
        pass
    out = set()
    for p in found:
        real = _real(p)
        out |= {real, Path(str(real) + "-wal"), Path(str(real) + "-shm"), Path(str(real) + ".lock")}
    return out


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except OSError:
        return Path(os.path.abspath(path))


def check_destination(path: os.PathLike | str, kind: str, *, replace: bool = False,
                      protect: Iterable[os.PathLike | str] = ()) -> Path:
    """Refuse a destination that is not ours to write (see the module's rule);
    returns the path. ``protect`` names more files that must never be written over."""
    path = Path(path)
    label, suffixes = KINDS[kind]
    if _real(path) in live_databases(protect):
        raise ValidationError(W.IS_LIVE_DATABASE.format(path=path), field="output")
    if path.suffix and path.suffix.lower() not in suffixes:
        raise ValidationError(W.WRONG_SUFFIX.format(path=path, suffix=path.suffix, label=label,
                                                    suffixes=', '.join(suffixes)),
                              field="output")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise StorageError(W.CANNOT_CHECK.format(path=path, os_reason=os_reason(exc))) from exc
    if stat.S_ISDIR(st.st_mode):
        raise ValidationError(W.IS_FOLDER.format(path=path, example=path / ('ten-tep' + suffixes[0])),
                              field="output")
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(W.NOT_REGULAR.format(path=path), field="output")
    found = kind_of(path)
    if found is None:
        return path                      # an empty file: nothing to lose
    if found == "sqlite" and (kind != "sqlite" or not is_doithoai_database(path)):
        raise ValidationError(W.IS_SQLITE.format(path=path),
                              field="output")
    if found != kind:
        other = KINDS[found][0] if found in KINDS else W.OTHER_PROGRAM_FILE
        raise ValidationError(W.IS_OTHER.format(path=path, other=other, label=label), field="output")
    if not replace:
        raise DestinationExists(path, kind)
    return path


class NameTaken(ValidationError):
    """``write_file(..., exclusive=True)`` found the name taken (an issued document is never replaced)."""

    def __init__(self, path: Path):
        super().__init__(W.ISSUED_EXISTS.format(name=path.name, parent=path.parent))
        self.path = path


def write_file(path: os.PathLike | str, kind: str, content: bytes | Callable[[Path], None], *,
               replace: bool = False, protect: Iterable[os.PathLike | str] = (), checked: bool = True,
               exclusive: bool = False) -> Path:
    """Write ``content`` (bytes, or a function that writes a file at the path it is
    given) to ``path`` under the rule above. ``checked=False`` skips the destination
    check for files whose place the program itself chose (its own folders).
    ``exclusive=True``: never over an existing name, not even one another process
    takes while we write (the finished file is hard-linked into place)."""
    path = Path(path)
    if checked:
        check_destination(path, kind, replace=replace, protect=protect)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        make_folder(path.parent)
        if tmp.exists():
            tmp.unlink()
        # owner-only from its first byte: a copy of the database on a USB stick
        # is never readable by others, not even while it is being written
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        if isinstance(content, (bytes, bytearray)):
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
        else:
            os.close(fd)
            content(tmp)
            sync_file(tmp)
        make_private(tmp)
        if checked:      # the name may have been taken while we wrote
            check_destination(path, kind, replace=replace, protect=protect)
        if exclusive:
            _link_new(tmp, path)
        else:
            os.replace(tmp, path)
        sync_folder(path.parent)
    except OSError as exc:
        raise StorageError(W.NOT_WRITTEN.format(path=path, os_reason=os_reason(exc))) from exc
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return path


#: a temporary file untouched this long, of a process that is no longer running, is left from a kill
STALE_AFTER = 60.0


def read_given_file(path: os.PathLike | str, what: str, limit: int) -> bytes:
    """The bytes of a file a person named (a certificate, an image, a PDF to
    check): only a regular file of at most ``limit`` bytes, so a device such
    as /dev/zero or a huge file is refused with a message instead of filling
    the memory."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise ValidationError(W.NOT_READ.format(what=what, path=path, os_reason=os_reason(exc))) from exc
    if not stat.S_ISREG(st.st_mode):
        raise ValidationError(W.NOT_A_FILE.format(path=path, what=what))
    if st.st_size > limit:
        raise ValidationError(W.TOO_BIG.format(upper=what[:1].upper(), what=what[1:], path=path,
                                               size=st.st_size // 1024, most=limit // 1024))
    try:
        with open(path, "rb") as fh:
            return fh.read(limit + 1)[:limit]
    except OSError as exc:
        raise ValidationError(W.NOT_READ.format(what=what, path=path, os_reason=os_reason(exc))) from exc


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the temporary files (``.NAME.PID.tmp``) that a killed write left in
    ``folder``: of a process no longer running, untouched for STALE_AFTER
    seconds (a write in progress, here or on another machine sharing the
    folder, keeps its file fresh). Returns what was removed."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for p in entries:
        m = re.fullmatch(r"\..+\.(\d+)\.tmp", p.name)
        if not m or int(m.group(1)) == os.getpid() or _running(int(m.group(1))):
            continue
        try:
            if time.time() - p.stat().st_mtime < STALE_AFTER or not p.is_file():
                continue
            p.unlink()
            removed.append(p)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows: no cheap probe; the age alone decides
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True          # someone else's process
    return True


def _link_new(tmp: Path, path: Path) -> None:
    if path.exists():
        raise NameTaken(path)
    try:
        os.link(tmp, path)            # fails if the name is taken, even by a racing process
    except FileExistsError:
        raise NameTaken(path) from None
    except OSError:                   # a file system without hard links (FAT): check, then rename
        if path.exists():
            raise NameTaken(path) from None
        os.replace(tmp, path)


def sync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename durable. Windows cannot open a folder for fsync: skipped there."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private(path: Path, folder: bool = False) -> None:
    """Owner-only (0600 / 0700) on POSIX; on Windows and on file systems without
    permissions (a FAT USB stick) the defaults stay and nothing fails."""
    if os.name == "nt":
        return
    try:
        os.chmod(path, PRIVATE_FOLDER if folder else PRIVATE_FILE)
    except OSError:
        pass


def make_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) owner-only; an existing folder is left as it is."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    missing = []
    p = folder
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    for p in missing:
        make_private(p, folder=True)
    return folder
