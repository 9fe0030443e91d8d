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


class PrinterMissing(UserError):
    """No printer or print system; the PDF was kept."""


def send(path: str | Path, printer: str | None = None, *, copies: int = 1) -> str:
    """Print ``path``; returns a Vietnamese confirmation (with the CUPS job id)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Không thấy tệp “{path}” để in.")
    if sys.platform.startswith("win"):
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
        except OSError as exc:
            raise PrinterMissing(f"Máy chưa có máy in hoặc chương trình đọc PDF để in ({exc.strerror}). "
                                 f"Tệp PDF vẫn được giữ tại: {path}") from exc
        return f"Đã gửi “{path.name}” tới máy in mặc định."
    lp = shutil.which("lp")
    if not lp:
        raise PrinterMissing("Máy này chưa cài hệ thống in (không có lệnh lp của CUPS). "
                             f"Tệp PDF vẫn được giữ tại: {path}")
    cmd = [lp, "-n", str(max(1, copies))]
    if printer:
        cmd += ["-d", printer]
    cmd.append(str(path))
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrinterMissing(f"Không gửi được lệnh in ({exc}). Tệp PDF vẫn được giữ tại: {path}") from exc
    if out.returncode != 0:
        reason = (out.stderr or out.stdout).strip().splitlines()
        reason = reason[-1] if reason else f"mã lỗi {out.returncode}"
        where = f"máy in “{printer}”" if printer else "máy in mặc định"
        raise PrinterMissing(f"Không in được trên {where}: {reason}. Hãy kiểm tra máy in đã bật và "
                             f"đã khai báo (lpstat -p). Tệp PDF vẫn được giữ tại: {path}")
    job = out.stdout.strip()
    return f"Đã gửi “{path.name}” tới máy in{(' ' + printer) if printer else ''}. {job}".strip()
