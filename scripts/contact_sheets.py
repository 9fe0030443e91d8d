"""Contact sheets: page 1 and the last page of every document kind, both
families, as our PDF and as the Word file converted by LibreOffice, tiled into
PNG sheets to look at before a chair signs (issue 22 item 6).

    python scripts/contact_sheets.py OUT_DIR [--no-word] [--kinds ket-luan,bao-cao]

Uses the sample session of the printing tests (tests/printing_support.py) in a
throw-away database under OUT_DIR; writes OUT_DIR/pdf, OUT_DIR/docx, OUT_DIR/lo
and OUT_DIR/sheet-<family>-<pdf|word>-<n>.png (4 kinds a sheet, two pages each)."""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

FAMILIES = {"state": "ubnd_xa", "party": "dang_uy_xa"}
PER_SHEET = 4


def _pages(pdf: Path, dpi: int) -> list:
    """Page 1 and the last page of ``pdf`` as images (pdftoppm)."""
    from PIL import Image
    from pypdf import PdfReader

    count = len(PdfReader(str(pdf)).pages)
    out = []
    for n in dict.fromkeys((1, count)):
        png = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), str(pdf)],
                             capture_output=True, check=True).stdout
        out.append((n, count, Image.open(io.BytesIO(png)).convert("RGB")))
    return out


def _sheet(tiles: list, target: Path) -> None:
    """Tiles (label, image) in rows of two pages per kind, labelled above."""
    from PIL import Image, ImageDraw

    w = max(im.width for _l, im in tiles)
    h = max(im.height for _l, im in tiles)
    cols = 2 * 2
    rows = (len(tiles) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * (w + 10), rows * (h + 24)), "#888")
    draw = ImageDraw.Draw(sheet)
    for i, (label, im) in enumerate(tiles):
        x, y = (i % cols) * (w + 10), (i // cols) * (h + 24)
        draw.text((x + 4, y + 4), label, fill="white")
        sheet.paste(im, (x, y + 20))
    sheet.save(target)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-word", action="store_true")
    ap.add_argument("--kinds", default="")
    ap.add_argument("--dpi", type=int, default=60)
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["DOITHOAI_HOME"] = str(out / "home")

    import pytest
    from printing_support import make_session, sample_contents

    from models.services import documents
    from printing.docx import docx
    from tui.documents import render_pdf

    wanted = [k for k in args.kinds.split(",") if k]
    for sub in ("pdf", "docx", "lo"):
        (out / sub).mkdir(exist_ok=True)
    names = []
    for family, kind in FAMILIES.items():
        mp = pytest.MonkeyPatch()
        db = out / "db" / family
        shutil.rmtree(db, ignore_errors=True)
        db.mkdir(parents=True)
        office, plan, conf = make_session(db, mp, kind)
        found = sample_contents(office, plan, conf)
        found["ke-hoach"] = documents.compose_content(office, "ke-hoach", plan.id)
        for slug, content in found.items():
            if wanted and slug not in wanted:
                continue
            name = f"{slug}-{family}"
            names.append((family, slug, name))
            (out / "pdf" / f"{name}.pdf").write_bytes(render_pdf(content))
            if content.number_kind:                  # working papers are PDF only
                (out / "docx" / f"{name}.docx").write_bytes(docx(content))
        mp.undo()
    if not args.no_word:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out / "lo"),
                        *sorted(str(p) for p in (out / "docx").iterdir())], check=True, capture_output=True)
    for family in FAMILIES:
        for fmt, folder in (("pdf", "pdf"), ("word", "lo")):
            if fmt == "word" and args.no_word:
                continue
            kinds = [name for f, _s, name in names if f == family
                     and (fmt == "pdf" or (out / folder / f"{name}.pdf").exists())]
            for start in range(0, len(kinds), PER_SHEET):
                tiles = []
                for name in kinds[start:start + PER_SHEET]:
                    for n, count, im in _pages(out / folder / f"{name}.pdf", args.dpi):
                        tiles.append((f"{name} {fmt} p{n}/{count}", im))
                _sheet(tiles, out / f"sheet-{family}-{fmt}-{start // PER_SHEET + 1}.png")
    print("\n".join(sorted(str(p) for p in out.glob("sheet-*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
