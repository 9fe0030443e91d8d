"""Benchmark of printing: in-process layout times, and the whole `doithoai print`
process against LibreOffice converting the same plan as .docx.

    python bench/printing.py [--runs 7] [--pages 3,14] [--no-libreoffice]

1. In one process: the minutes of a 100-petition session and a 12-page plan,
   seconds and seconds per page (target: under 1 s each, on an old office PC).
2. When LibreOffice is installed (``soffice``): for a plan of about 3 and about
   14 pages, ``doithoai print ke-hoach ID -o x.pdf`` as a new process (what a
   clerk runs) against ``soffice --headless --convert-to pdf`` of the same plan
   written by ``doithoai print ke-hoach ID --docx``. The two alternate in pairs
   (one starts first, then the other) in one run, so that the machine's other
   load falls on both alike; the median of the per-pair ratios is printed
   (LibreOffice ÷ Đối thoại). Target: at least 4× on both plans. LibreOffice's
   profile is made once before timing (its first start builds it).
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pages(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def body(items: int) -> str:
    return "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n" + "\n".join(
        f"- Nội dung thứ {i}: lắng nghe tâm tư, nguyện vọng chính đáng của Nhân dân, giải thích chủ "
        "trương, chính sách của Đảng, pháp luật của Nhà nước; tiếp thu ý kiến, kiến nghị để chỉ đạo "
        "giải quyết kịp thời." for i in range(1, items + 1))


def plan_of(office, pages_wanted: int):
    """A saved plan whose PDF has ``pages_wanted`` pages (the count depends on
    the font installed, so the body grows until it does)."""
    import models

    plan = models.Plan.create(office=office, series=f"bench-{pages_wanted}", year=2026,
                              title="Kế hoạch tổ chức hội nghị đối thoại với Nhân dân năm 2026",
                              legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương;", body=body(4),
                              recipients="Lưu: VT.")
    items = 4
    while pages(pdf_of(office, "ke-hoach", plan.id)) < pages_wanted:
        items += 4 if pages_wanted < 5 else 10
        plan.body = body(items)
        plan.save()
    plan.save()
    return plan


def pdf_of(office, slug: str, ident: int) -> bytes:
    """The draft's PDF, made as `doithoai print` makes it."""
    from models.services import documents as svc
    from printing.render import pdf

    return pdf(svc.draft(office, slug, ident).content)


def in_process(office) -> None:
    from models.demo import samples
    from printing import styles

    conf = samples.conference(office, petitions=100)
    styles.get()                      # font choice and registration: once per process
    plan = plan_of(office, 12)
    for label, job in (("Biên bản 100 kiến nghị", lambda: pdf_of(office, "bien-ban", conf.id)),
                       ("Kế hoạch dài", lambda: pdf_of(office, "ke-hoach", plan.id))):
        t = time.perf_counter()
        pdf = job()
        s = time.perf_counter() - t
        n = pages(pdf)
        print(f"{label}: {n} trang, {s:.3f} s, {s / n:.3f} s/trang")


def timed(cmd: list[str], env: dict, cwd: str) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=300)
    return time.perf_counter() - t


def against_libreoffice(db: Path, plans: dict[int, int], runs: int, home: str) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("\nKhông có LibreOffice (soffice): bỏ qua phần so sánh.")
        return True
    env = dict(os.environ, DOITHOAI_HOME=home, PYTHONPATH=str(ROOT))
    out = Path(home) / "out"
    out.mkdir(exist_ok=True)
    profile = Path(home) / "lo-profile"
    me = [sys.executable, "-m", "tui", "--db", str(db)]
    lo = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
          "--outdir", str(out)]
    print(f"\nToàn bộ tiến trình, {runs} cặp luân phiên; tải máy lúc bắt đầu: {loadavg()}")
    print(f"{'kế hoạch':<12}{'trang':>6}{'Đối thoại ms':>14}{'LibreOffice ms':>16}{'LO ÷ ĐT':>9}")
    ok = True
    for wanted, ident in plans.items():
        docx = out / f"ke-hoach-{wanted}.docx"
        subprocess.run(me + ["print", "ke-hoach", str(ident), "--docx", "-o", str(docx), "--ghi-de"], env=env,
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        pdf = out / f"ke-hoach-{wanted}.pdf"
        mine = me + ["print", "ke-hoach", str(ident), "-o", str(pdf), "--ghi-de"]
        theirs = lo + [str(docx)]
        timed(theirs, env, home)         # LibreOffice's profile and caches
        timed(mine, env, str(ROOT))      # bytecode and fonts
        n = pages(pdf.read_bytes())
        a, b, ratios = [], [], []
        for i in range(runs):
            if i % 2:
                y = timed(theirs, env, home)
                x = timed(mine, env, str(ROOT))
            else:
                x = timed(mine, env, str(ROOT))
                y = timed(theirs, env, home)
            a.append(x)
            b.append(y)
            ratios.append(y / x)
        r = statistics.median(ratios)
        ok &= r >= 4
        print(f"{f'~{wanted} trang':<12}{n:>6}{statistics.median(a) * 1000:>14.0f}"
              f"{statistics.median(b) * 1000:>16.0f}{r:>9.2f}" + ("" if r >= 4 else "  < 4×!"), flush=True)
    print(f"tải máy lúc kết thúc: {loadavg()}")
    print("ĐẠT" if ok else "CHƯA ĐẠT", "(mục tiêu: Đối thoại nhanh hơn LibreOffice ít nhất 4 lần)")
    return ok


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", default="3,14", help="số trang của các kế hoạch so với LibreOffice")
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args(argv)
    import compileall

    import models
    from models.demo import samples

    # our modules from bytecode, as after `pip install .` (where
    # PYTHONDONTWRITEBYTECODE is set nothing else would write it)
    for package in ("tui", "models", "printing", "data"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DOITHOAI_HOME"] = tmp
        db = Path(tmp) / "bench.sqlite3"
        models.open_database(db)
        office = samples.office()
        in_process(office)
        plans = {} if args.no_libreoffice else {
            n: plan_of(office, n).id for n in (int(x) for x in args.pages.split(","))}
        models.close_database()
        ok = against_libreoffice(db, plans, args.runs, tmp) if plans else True
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
