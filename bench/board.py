"""Benchmark of the follow-up board on a province-sized database.

    python bench/board.py [--large 100000] [--small 1000] [--runs 15] [--keep DIR]

Builds two SQLite databases (several offices and years of petitions, inserted
in bulk) and measures, alternating small and large so that both see the same
machine state, each step the board does when a clerk uses it: the SQL (counts
and one page) plus building the page's rows. It prints the median of each
step, the large/small ratio, and the peak memory of the steps (tracemalloc,
and the resident size of a fresh process that only runs the steps).

Targets: every step under 100 ms median; the large database's peak memory at
most 1.5 times the small one's.
"""
from __future__ import annotations

import argparse
import itertools
import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 22)
OFFICES = ("Kỳ Khang", "Kỳ Lạc", "Kỳ Xuân", "Cẩm Xuyên", "Thạch Hà", "Hương Sơn", "Đức Thọ", "Nghi Xuân")
VILLAGES = ("Đông Hải", "Trung Lương", "Tây Sơn", "Phú Ân", "Bắc Hà", "Nam Sơn", "Hòa Bình", "Tân Tiến")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
GIVEN = ("Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Đình Chi", "Thị Hồng", "Văn Nghĩa", "Thị Sen")
CONTENTS = (
    "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ",
    "Đường liên thôn xuống cấp, mùa mưa ngập sâu, đề nghị sửa chữa",
    "Chế độ người có công của gia đình chưa được giải quyết",
    "Rác thải ở khu chợ chưa được thu gom thường xuyên gây ô nhiễm môi trường",
    "Đề nghị cấp lại thẻ bảo hiểm y tế cho người cao tuổi",
    "Xe tải chở cát chạy quá tốc độ qua khu dân cư",
    "Kênh mương nội đồng bị bồi lấp, đề nghị nạo vét",
    "Đề nghị công khai quy hoạch sử dụng đất của xã",
)
# status mix of a few years of work: most settled, a quarter still open
STATUS_MIX = ("open",) * 25 + ("answered",) * 30 + ("closed",) * 25 + ("forwarded",) * 10 + ("noted",) * 10
DISPOSITION_FOR = {"open": "in_writing", "answered": "in_writing", "closed": "on_spot", "forwarded": "forwarded",
                   "noted": "noted"}


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def office_names(n: int) -> list[str]:
    """``n`` distinct commune names (a province of about a hundred)."""
    first = ("Kỳ", "Cẩm", "Thạch", "Hương", "Đức", "Nghi", "Xuân", "Sơn", "Tân", "Phú")
    second = ("Khang", "Lạc", "Xuân", "Hà", "Sơn", "Thọ", "Bình", "An", "Long", "Đông")
    return [f"{first[i % 10]} {second[(i // 10) % 10]}" + (f" {i // 100 + 1}" if i >= 100 else "") for i in range(n)]


def make_offices(n: int) -> list[tuple]:
    """The offices with their catalogues, through the app's own services."""
    from models.conferences import Conference
    from models.db import database
    from models.services import catalog

    offices = []
    with database.atomic():
        for place in office_names(n):
            o = catalog.create_office(kind="ubnd_xa", place_name=place)
            villages = [catalog.add_village(o, v) for v in VILLAGES]
            confs = [Conference.create(office=o, date=dt.date(year, month, 15), title=f"Hội nghị {month}/{year}")
                     for year in range(2022, 2027) for month in (4, 10)]
            offices.append((o.id, [(v.id, v.name) for v in villages], [(u.id, u.name) for u in catalog.units(o)],
                            [(f.id, f.name) for f in catalog.fields(o)], [(c.id, c.date) for c in confs]))
    return offices


def generate(total: int, offices: list[tuple], seed: int = 7):
    """``total`` petition rows (tuples in COLUMNS order) spread over the offices
    and five years, a quarter of them still open."""
    from models.text import fold

    rnd = random.Random(seed)
    now = "2026-11-22 08:00:00"   # as peewee stores a DateTimeField
    for i in range(total):
        office, villages, units, fields, confs = offices[i % len(offices)]
        conf_id, conf_date = rnd.choice(confs)
        status = rnd.choice(STATUS_MIX)
        disposition = DISPOSITION_FOR[status]
        (village, vname), (unit, uname), (fld, fname) = rnd.choice(villages), rnd.choice(units), rnd.choice(fields)
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(GIVEN)}"
        content = rnd.choice(CONTENTS)
        received = conf_date if conf_date <= TODAY else TODAY - dt.timedelta(days=rnd.randint(1, 60))
        written = disposition == "in_writing"
        due = received + dt.timedelta(days=30) if written else None
        if status == "open" and rnd.random() < 0.5:      # keep some open items in the future
            due = TODAY + dt.timedelta(days=rnd.randint(-20, 40))
        answered = due - dt.timedelta(days=rnd.randint(-5, 20)) if status == "answered" else None
        if answered and answered > TODAY:
            answered = TODAY
        answer = "Đã trả lời bằng văn bản" if answered else ""
        yield (office, conf_id, i, name, village, "spoken", fld, content, disposition,
               unit if written else None, iso(received), iso(due), status, iso(answered), answer,
               f"{i}/UBND" if answered else "", iso(received) if status == "closed" else None,
               fold(" ".join((name, content, answer, vname, fname, uname if written else ""))),
               now, now, 1)


def columns():
    from models.petitions import Petition as P

    return [P.office, P.conference, P.seq, P.citizen_name, P.village, P.channel, P.field, P.content,
            P.disposition, P.unit, P.received_on, P.due_on, P.status, P.answer_date, P.answer_summary,
            P.answer_number, P.closed_on, P.search_text, P.created_at, P.updated_at, P.row_version]


def _insert_sql(first: tuple):
    """One INSERT statement built by peewee once from the first row, and for
    each column either the row's value or the constant default peewee put in."""
    from models.petitions import Petition

    cols = columns()
    sql, params = Petition.insert_many([first], fields=cols).sql()
    names = [n.strip().strip('"') for n in re.search(r"\((.*?)\) VALUES", sql).group(1).split(",")]
    mine = {c.column_name: i for i, c in enumerate(cols)}
    return sql, names, [(mine[n], None) if n in mine else (None, params[pos]) for pos, n in enumerate(names)]


def build(target: str, total: int, n_offices: int = 100) -> dict:
    """A database with ``total`` petitions over ``n_offices`` offices: SQLite
    rows by executemany with the search index filled once at the end,
    PostgreSQL rows by COPY with the indexes built after."""
    import models
    from models.db import database, is_postgres
    from models.services import search

    models.open_database(target)
    offices = make_offices(n_offices)
    started = time.perf_counter()
    rows = generate(total, offices)
    first = next(rows, None)
    if first is not None:
        sql, names, plan = _insert_sql(first)
        full = (tuple(row[i] if i is not None else const for i, const in plan)
                for row in itertools.chain([first], rows))
        if is_postgres():
            _copy_pg(database.obj, names, full)
        else:
            _insert_sqlite(database.obj, sql, full)
    info = {"petitions": total, "insert_seconds": round(time.perf_counter() - started, 2)}
    if not is_postgres():
        search.ensure_index(database.obj)
    models.close_database()
    return info


def _insert_sqlite(db, sql: str, rows) -> None:
    from models.services import search

    t = search.PETITION_FTS
    with db.atomic():   # the search index is filled once at the end, not row by row
        db.execute_sql(f"DROP TABLE IF EXISTS {t}")
        for suffix in ("ai", "ad", "au"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_{suffix}")
        cur = db.cursor()
        while chunk := list(itertools.islice(rows, 5000)):
            cur.executemany(sql, chunk)
    db.execute_sql("ANALYZE")


def _copy_pg(db, names: list[str], rows) -> None:
    """COPY the rows in, with the petition indexes dropped during the load and
    built again after (much faster than keeping them up to date row by row)."""
    import io

    conn = db.connection()
    with conn.cursor() as cur:
        cur.execute("SELECT indexdef, indexname FROM pg_indexes WHERE tablename = 'petition' "
                    "AND indexname <> 'petition_pkey'")
        defs = cur.fetchall()
        for _def, name in defs:
            cur.execute(f'DROP INDEX "{name}"')

        def esc(v):
            if v is None:
                return "\\N"
            if isinstance(v, bool):
                return "t" if v else "f"
            return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

        while chunk := list(itertools.islice(rows, 50000)):
            buf = io.StringIO("".join("\t".join(esc(v) for v in row) + "\n" for row in chunk))
            cur.copy_expert(f"COPY petition ({', '.join(names)}) FROM STDIN", buf)
        cur.execute("SELECT setval(pg_get_serial_sequence('petition', 'id'), (SELECT MAX(id) FROM petition))")
        for definition, _name in defs:
            cur.execute(definition)
    conn.commit()
    old = conn.autocommit
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("VACUUM ANALYZE")   # visibility map for index-only counts, and statistics
    conn.autocommit = old


def steps():
    """(name, BoardQuery changes) of what a clerk does, on the province view
    (every office on the server) — the largest list the board can show."""
    from models.catalog import Unit
    from models.services.board import BoardQuery

    unit = Unit.select().order_by(Unit.id).first()
    base = BoardQuery(None, today=TODAY)
    return [
        ("mở bảng (cần xử lý, theo hạn)", base),
        ("lọc đơn vị + năm nhận", base.with_(status="all", unit_id=unit.id, received_from=dt.date(2025, 1, 1),
                                             received_to=dt.date(2025, 12, 31))),
        ("lọc quá hạn", base.with_(urgency="late")),
        ("tìm “nguyen van” (không dấu)", base.with_(search="nguyen van")),
        ("tìm “kênh mương” trong tất cả", base.with_(status="all", search="kênh mương")),
        ("sắp xếp theo đơn vị ↓", base.with_(sort="unit", descending=True)),
        ("sắp xếp tất cả theo người ↑", base.with_(status="all", sort="citizen")),
        ("trang 20", base.with_(page=20)),
    ]


def run_step(q):
    from models.services import board

    pg = board.page(q)
    return pg.total, len(pg.rows)


def open_db(path: Path):
    import models

    models.close_database()
    models.open_database(path, create=False)


def measure_rss(path: Path) -> None:
    """Child process: open the database, run every step, print peak RSS (KiB)."""
    import resource

    open_db(path)
    for _name, q in steps():
        run_step(q)
    print(json.dumps({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--keep", help="folder for the databases (reused if present)")
    ap.add_argument("--rss-of", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    os.environ.setdefault("DOITHOAI_HOME", tempfile.mkdtemp(prefix="doithoai-bench-home-"))
    os.environ["DOITHOAI_TODAY"] = TODAY.isoformat()
    if args.rss_of:
        measure_rss(Path(args.rss_of))
        return 0

    folder = Path(args.keep or tempfile.mkdtemp(prefix="doithoai-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    dbs = {}
    for label, n in (("small", args.small), ("large", args.large)):
        path = folder / f"board-{n}.sqlite3"
        if not path.exists():
            info = build(path, n)
            print(f"tạo {n:>7} kiến nghị: {info['insert_seconds']} s", flush=True)
        dbs[label] = path

    # timing: alternate small/large on every run, after a warm-up of each
    times: dict[tuple[str, str], list[float]] = {}
    names = []
    for run in range(args.runs + 1):
        for label in ("small", "large"):
            open_db(dbs[label])
            for name, q in steps():
                if name not in names:
                    names.append(name)
                t0 = time.perf_counter()
                run_step(q)
                elapsed = (time.perf_counter() - t0) * 1000
                if run:  # run 0 warms the caches (holidays, SQLite pages)
                    times.setdefault((label, name), []).append(elapsed)

    # memory: tracemalloc peak over the steps, and a fresh process's peak RSS
    peaks, rss = {}, {}
    for label in ("small", "large"):
        open_db(dbs[label])
        run_step(steps()[0][1])
        tracemalloc.start()
        for _name, q in steps():
            run_step(q)
        peaks[label] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out = subprocess.run([sys.executable, __file__, "--rss-of", str(dbs[label])], capture_output=True,
                             text=True, env={**os.environ})
        rss[label] = json.loads(out.stdout.strip().splitlines()[-1])["maxrss_kib"] if out.returncode == 0 else 0

    ok = True
    print(f"\nBảng theo dõi — trung vị của {args.runs} lần (ms), {args.small} và {args.large} kiến nghị")
    print(f"{'bước':<34}{'nhỏ':>9}{'lớn':>9}{'tỉ lệ':>8}")
    for name in names:
        small = statistics.median(times[("small", name)])
        large = statistics.median(times[("large", name)])
        ok &= large < 100
        print(f"{name:<34}{small:>9.1f}{large:>9.1f}{large / small:>8.1f}{'' if large < 100 else '  > 100 ms!'}")
    ratio = peaks["large"] / peaks["small"]
    rss_ratio = rss["large"] / rss["small"] if rss["small"] else float("nan")
    ok &= ratio <= 1.5
    print(f"\nbộ nhớ đỉnh (tracemalloc): nhỏ {peaks['small'] / 1024:.0f} KiB, lớn {peaks['large'] / 1024:.0f} KiB, "
          f"tỉ lệ {ratio:.2f}")
    print(f"bộ nhớ tiến trình (ru_maxrss): nhỏ {rss['small'] / 1024:.1f} MiB, lớn {rss['large'] / 1024:.1f} MiB, "
          f"tỉ lệ {rss_ratio:.2f}")
    print("ĐẠT" if ok else "CHƯA ĐẠT", "(mục tiêu: mỗi bước < 100 ms; bộ nhớ lớn ≤ 1,5 × nhỏ)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
