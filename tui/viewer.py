"""Opening a PDF with the system's own viewer, or saying where it is.

Offices run the app on Windows PCs (os.startfile) and sometimes over SSH or on
a text console with no display at all; then there is nothing to open it with,
and the user gets the path to copy instead of an error."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from .words import WidgetWords as W


def open_pdf(path: Path) -> str:
    """Hand ``path`` to the viewer; returns the Vietnamese message to show."""
    if not path.is_file():
        return W.FILE_NOT_FOUND.format(path=path)
    try:
        if sys.platform == "win32":
            os.startfile(str(path))  # type: ignore[attr-defined]
            return W.OPENED.format(name=path.name)
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        has_display = sys.platform == "darwin" or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        if has_display and shutil.which(opener):
            # detached, silent: the viewer must not write over the terminal UI
            subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
            return W.OPENED.format(name=path.name)
    except OSError as exc:
        from models.core.errors import os_reason

        return W.VIEWER_FAILED.format(os_reason=os_reason(exc), path=path)
    return W.NO_DISPLAY.format(path=path)
