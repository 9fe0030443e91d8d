"""Benchmark: minutes of a 100-petition session and a 12-page plan.

Run from the project root: ``python bench/printing.py``. Prints seconds and
seconds per page for each (target: under 1 s each, on an old office PC)."""
from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pages(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    import models
    from models import samples
    from printing import styles

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DOITHOAI_HOME"] = tmp
        models.open_database(Path(tmp) / "bench.sqlite3")
        office = samples.office()
        conf = samples.conference(office, petitions=100)
        styles.get()                      # font choice and registration: once per process
        from printing.documents.minutes import minutes_pdf
        from printing.documents.plan import plan_pdf

        def body(items: int) -> str:
            return "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n" + "\n".join(
                f"- Nội dung thứ {i}: lắng nghe tâm tư, nguyện vọng chính đáng của Nhân dân, giải thích chủ "
                "trương, chính sách của Đảng, pháp luật của Nhà nước; tiếp thu ý kiến, kiến nghị để chỉ đạo "
                "giải quyết kịp thời." for i in range(1, items + 1))

        plan = models.Plan.create(office=office, series="bench", year=2026, title="Kế hoạch dài để đo thời gian in",
                                  legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương;", body=body(100),
                                  recipients="Lưu: VT.")
        # The page count depends on the font installed; grow the body to 12 pages.
        items = 100
        while pages(plan_pdf(plan)) < 12:
            items += 12
            plan.body = body(items)

        for label, job in (("Biên bản 100 kiến nghị", lambda: minutes_pdf(conf)),
                           ("Kế hoạch dài", lambda: plan_pdf(plan))):
            t = time.perf_counter()
            pdf = job()
            s = time.perf_counter() - t
            n = pages(pdf)
            print(f"{label}: {n} trang, {s:.3f} s, {s / n:.3f} s/trang")
        models.close_database()


if __name__ == "__main__":
    main()
