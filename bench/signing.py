"""Benchmark of digital signing: a 20-page minutes signed on a SoftHSM2 token.

    python bench/signing.py [--runs 5] [--pages 20]

Target (issue 23): signing a 20-page minutes takes under 1 s beyond the
token's own time. The token's time is what the PKCS#11 module spends making
the signature (C_Sign, measured around pyHanko's call into the token); the
rest is ours and pyHanko's: reading the issued file and checking its SHA-256,
finding the signer's block, drawing the appearance, the incremental update,
hashing, writing the signed file and its register row.

1. In one process, warm (what the app does from its second signature on):
   person then office, ``--runs`` times on fresh copies; median and worst of
   (total − token), and the ratio to the 1 s budget.
2. The whole ``doithoai sign`` process (cold: Python, pyHanko and the
   database opened anew), person then office, once each; the same figures.

Needs softhsm2 and opensc (Debian), as the tests do.
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def page_count(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def minutes(office, pages_wanted: int):
    """A conference whose issued minutes have at least ``pages_wanted`` pages."""
    import datetime as dt

    from models.core import clock
    from models.demo import samples
    from tui import documents as pipeline

    petitions = 40
    while True:
        conf = samples.conference(office, petitions=petitions)
        with clock.fixed(dt.date(2026, 11, 30)):
            doc = pipeline.issue(office, "bien-ban", conf.id, on=dt.date(2026, 11, 30))
        n = page_count(Path(doc.file_path).read_bytes())
        if n >= pages_wanted:
            return doc, n
        petitions = int(petitions * pages_wanted / max(n, 1)) + 5


def forget(doc) -> None:
    """Back to the issued file alone (a fresh run)."""
    from models.domain.signatures import DocumentSignature

    for s in DocumentSignature.select().where(DocumentSignature.document == doc):
        Path(s.file_path).unlink(missing_ok=True)
        s.delete_instance()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=20)
    args = ap.parse_args()

    from signing_support import make_token, seal_png, signature_png

    tmp = Path(tempfile.mkdtemp(prefix="bench-signing-"))
    token = make_token(tmp / "token")
    os.environ["SOFTHSM2_CONF"] = str(token.conf)
    os.environ["DOITHOAI_HOME"] = str(tmp / "home")

    import models
    from models.demo import samples
    from models.services import signing
    from printing.signature_marks import appearance

    db = tmp / "bench.sqlite3"
    models.open_database(db)
    office = samples.office("ubnd_xa")
    signing.keep_image(office, "chu_ky", signature_png())
    signing.keep_image(office, "con_dau", seal_png())
    doc, pages = minutes(office, args.pages)
    print(f"Biên bản {doc.symbol}: {pages} trang, {Path(doc.file_path).stat().st_size // 1024} KiB")

    def one(role, key):
        out = signing.sign(doc, role, signing.TokenChoice(token.module, None, key), token.pin,
                           appearance=appearance)
        return out.timings

    one(signing.PERSON, "chu-tich")         # imports pyHanko and registers the fonts once
    forget(doc)
    rows = {"người ký": [], "cơ quan": []}
    for _ in range(args.runs):
        for role, key, label in ((signing.PERSON, "chu-tich", "người ký"), (signing.OFFICE, "co-quan", "cơ quan")):
            t = time.perf_counter()
            timings = one(role, key)
            total = time.perf_counter() - t
            rows[label].append((total, timings["token"]))
        forget(doc)
    print(f"\n1. Trong một tiến trình (đã nạp pyHanko), {args.runs} lần, giây:")
    for label, got in rows.items():
        beyond = [total - tok for total, tok in got]
        print(f"   {label:<9} tổng trung vị {statistics.median(t for t, _ in got):.3f}  token {statistics.median(k for _, k in got):.3f}"
              f"  ngoài token: trung vị {statistics.median(beyond):.3f}, lâu nhất {max(beyond):.3f}"
              f"  → {max(beyond):.2f} / 1 s ngân sách")

    print("\n2. Cả tiến trình doithoai sign (khởi động Python, pyHanko, mở cơ sở dữ liệu), mỗi vai một lần:")
    pin = token.pin_file(tmp)
    env = {**os.environ, "DOITHOAI_HOME": str(tmp / "home")}
    for role, key in (("nguoi-ky", "chu-tich"), ("co-quan", "co-quan")):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "sign", doc.symbol, "--vai", role,
                            "--pkcs11", token.module, "--khoa", key, "--pin-file", str(pin)],
                           env=env, capture_output=True, text=True, cwd=ROOT)
        total = time.perf_counter() - t
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            raise SystemExit(1)
        sig = signing.signed(doc, signing.ROLE_OPTIONS[role])
        print(f"   {role:<9} {total:.2f} s cả tiến trình (tệp {Path(sig.file_path).stat().st_size // 1024} KiB)")
    v = signing.verify_pdf(Path(signing.latest_signed(doc).file_path), [token.root_pem.read_bytes()])
    print(f"\nKiểm tra tệp cuối: {'ĐẠT' if v.good else 'KHÔNG ĐẠT'} ({len(v.checks)} chữ ký)")
    if hasattr(os, "getloadavg"):
        print(f"Tải máy (load average 1/5/15 phút): {' / '.join(f'{x:.1f}' for x in os.getloadavg())}, "
              f"{os.cpu_count()} nhân")


if __name__ == "__main__":
    main()
