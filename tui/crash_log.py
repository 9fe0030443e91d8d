"""An error we did not foresee: its traceback goes to loi.log in the logs
folder (never to the screen), and the user reads in Vietnamese where it went.
The app (``tui.app``), the command line (``tui.cli``) and the entry point
(``tui.launch``) all report through here, so none of them imports another
for it."""
from __future__ import annotations

import logging
import os

from .words import LaunchWords as W


def unexpected_message(exc: BaseException) -> str:
    """What a user reads after an error we did not foresee: in Vietnamese, where
    the details went (a log that really exists), never the traceback itself."""
    from models.core.paths import locations

    where = log_unexpected(exc)
    head = (W.UNEXPECTED.format(kind=type(exc).__name__))
    logs = locations().logs
    if where is None:
        return head + (W.LOG_UNWRITABLE.format(logs=logs))
    moved = "" if where.parent == logs else W.LOG_ELSEWHERE.format(logs=logs)
    return head + W.DETAILS_WRITTEN.format(where=where, moved=moved)


def log_unexpected(exc: BaseException):
    """Append ``exc`` with its traceback (no local variables) to loi.log in the logs
    folder, or in a folder of the system's temporary folder when the logs folder
    cannot be written. Returns the file written, or None when none could be."""
    import datetime as dt
    import tempfile
    import traceback
    from pathlib import Path

    from models.storage.files import make_folder, make_private
    from models.core.paths import locations

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = W.CRASH_LOG_LINE.format(now=dt.datetime.now(), text=text)
    for folder in (locations().logs, Path(tempfile.gettempdir()) / f"doithoai-{_login()}"):
        path = folder / "loi.log"
        try:
            make_folder(folder)
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(entry)
                fh.flush()
                os.fsync(fh.fileno())
            make_private(path)
        except OSError:
            continue
        _attach_log(path)
        return path
    return None


def _login() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name: one shared folder
        return "nguoi-dung"


def _attach_log(path) -> None:
    """Later warnings of this run (doithoai.* loggers) go to the same file."""
    log = logging.getLogger("doithoai")
    if any(getattr(h, "baseFilename", None) == str(path.resolve()) for h in log.handlers):
        return
    for old in [h for h in log.handlers if isinstance(h, logging.FileHandler)]:
        log.removeHandler(old)  # the logs folder moved (another DOITHOAI_HOME)
        old.close()
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
