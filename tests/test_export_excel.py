"""Exports Excel opens safely: no formula from stored text, the separator and
encoding Vietnamese Excel expects, empty cells empty (real files, read back)."""
from __future__ import annotations

import csv
import zipfile

from test_data_loss import home, run_cli  # noqa: F401 - the fixture

HOSTILE = "=HYPERLINK(\"http://x\",\"bấm\")"


def add(home, content, citizen):  # noqa: F811 - the fixture's value
    out = run_cli("petition", "--noi-dung", content, "--cong-dan", citizen, "--don-vi", "Địa chính - Xây dựng",
                  home=home)
    assert out.returncode == 0, out.stderr


def test_csv_for_vietnamese_excel(home, tmp_path):  # noqa: F811
    add(home, HOSTILE, "@Nguyễn Văn A")
    add(home, "-1+2", "+84 912")
    path = tmp_path / "theo-doi.csv"
    out = run_cli("export", "--csv", "-o", str(path), home=home)
    assert out.returncode == 0, out.stderr
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    head = rows[0]
    assert len(head) > 10 and "Nội dung kiến nghị" in head
    body = [dict(zip(head, r)) for r in rows[1:]]
    contents = {r["Nội dung kiến nghị"] for r in body}
    assert contents == {"'" + HOSTILE, "'-1+2"}
    assert {r["Người kiến nghị"] for r in body} == {"'@Nguyễn Văn A", "'+84 912"}
    assert all(r["Ngày văn bản trả lời"] == "" for r in body)
    assert "None" not in raw.decode("utf-8-sig")
    comma = tmp_path / "phay.csv"
    assert run_cli("export", "--csv", "--phay", "-o", str(comma), home=home).returncode == 0
    rows = list(csv.reader(comma.read_text(encoding="utf-8-sig").splitlines(), delimiter=","))
    assert rows[0] == head


def test_xlsx_never_holds_a_formula(home, tmp_path):  # noqa: F811
    from openpyxl import load_workbook

    add(home, HOSTILE, "=1+1")
    path = tmp_path / "theo-doi.xlsx"
    assert run_cli("export", "-o", str(path), home=home).returncode == 0
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    ws = load_workbook(path)["Theo dõi"]
    values = {c.value: c.data_type for row in ws.iter_rows(min_row=2) for c in row if c.value}
    assert values[HOSTILE] == "s" and values["=1+1"] == "s"
