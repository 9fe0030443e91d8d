"""Sending a PDF to a printer (pure Python; no ReportLab).

Linux and macOS: CUPS, ``lp -d NAME file``. Windows: the shell's "print" verb
(``os.startfile(path, "print")``), which hands the file to the default PDF
reader. When there is no printer, the PDF stays where it is and the message
says where, so the clerk can print it from another machine.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from models.core.errors import UserError
from models.core.words import PrinterWords as W


class PrinterMissing(UserError):
    """No printer or print system; the PDF was kept."""


def send(path: str | Path, printer: str | None = None, *, copies: int = 1) -> str:
    """Print ``path``; returns a Vietnamese confirmation (with the CUPS job id)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(W.FILE_MISSING.format(path=path))
    if sys.platform.startswith("win"):
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            raise PrinterMissing(W.NO_PRINTER.format(strerror=exc.strerror, path=path)) from exc
        return W.SENT_DEFAULT.format(name=path.name)
    lp = shutil.which("lp")
    if not lp:
        raise PrinterMissing(W.NO_CUPS.format(path=path))
    cmd = [lp, "-n", str(max(1, copies))]
    if printer:
        cmd += ["-d", printer]
    cmd.append(str(path))
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrinterMissing(W.SEND_FAILED.format(exc=exc, path=path)) from exc
    if out.returncode != 0:
        reason = (out.stderr or out.stdout).strip().splitlines()
        reason = reason[-1] if reason else W.ERROR_CODE.format(code=out.returncode)
        where = W.PRINTER_NAMED.format(printer=printer) if printer else W.DEFAULT_PRINTER
        raise PrinterMissing(W.NOT_PRINTED.format(where=where, reason=reason, path=path))
    job = out.stdout.strip()
    return W.SENT.format(name=path.name, printer=(' ' + printer) if printer else '', job=job).strip()
