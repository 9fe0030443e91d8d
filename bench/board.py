"""Benchmark of the follow-up board on a province-sized database.

    python bench/board.py [--sizes 1000,100000,1000000] [--engines sqlite,postgresql]
                          [--runs 7] [--keep DIR] [--explain] [--pty]

Builds (once, kept for the next run) a database per engine and size with
petitions spread over 100 offices and five years (SQLite: executemany with
the indexes built after; PostgreSQL: COPY, then the indexes and VACUUM
ANALYZE). Then, alternating the sizes so that each sees the same machine, it
times each step the way the board screen runs it (models.services.board.page
with the screen's Context, capped counts on a filter change, keyset for the
next page) for one office — the query the screen really issues — and for the
province view, and prints the medians with the large/small ratio. --explain
prints EXPLAIN for every statement of every step; --pty drives the real app
in a pseudo-terminal (pyte keeps its screen) and times key → visible change.

Targets: every step under 100 ms median at the largest size; key → visible
change under 150 ms.
"""
from __future__ import annotations

import argparse
import itertools
import datetime as dt
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 11, 22)
#: the rows the board shows in the pty's 120×36 terminal, its page size there
#: (tui/screens/board.py: the height less 9 lines of title, search, key bar…)
PAGE_ROWS = 36 - 9
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
    from models.domain.conference import Conference
    from models.storage.db import database
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
    from models.core.text import fold

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
    from models.domain.petition import Petition as P

    return [P.office, P.conference, P.seq, P.citizen_name, P.village, P.channel, P.field, P.content,
            P.disposition, P.unit, P.received_on, P.due_on, P.status, P.answer_date, P.answer_summary,
            P.answer_number, P.closed_on, P.search_text, P.created_at, P.updated_at, P.row_version]


def _insert_sql(first: tuple):
    """One INSERT statement built by peewee once from the first row, and for
    each column either the row's value or the constant default peewee put in."""
    from models.domain.petition import Petition

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
    from models.storage.db import database
    from models.domain.base import is_postgres
    from models.storage import search_index

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
        search_index.ensure_index(database.obj)
    models.close_database()
    return info


def _insert_sqlite(db, sql: str, rows) -> None:
    """executemany in one transaction, with the petition indexes and the search
    index dropped during the load and built once at the end."""
    from models.storage import search_index

    t = search_index.PETITION_FTS
    with db.atomic():
        db.execute_sql(f"DROP TABLE IF EXISTS {t}")
        for suffix in ("ai", "ad", "au"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {t}_{suffix}")
        defs = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                              "AND tbl_name = 'petition' AND sql IS NOT NULL").fetchall()
        for name, _sql in defs:
            db.execute_sql(f'DROP INDEX "{name}"')
        cur = db.cursor()
        while chunk := list(itertools.islice(rows, 5000)):
            cur.executemany(sql, chunk)
        for _name, definition in defs:
            db.execute_sql(definition)
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


def steps(office_id: int | None) -> list[tuple[str, object]]:
    """(name, BoardQuery) of what a clerk does, scoped as the screen scopes it
    (its office) or for the province view (every office on the server)."""
    from models.domain.office import Unit
    from models.services.board import BoardQuery

    first = Unit.select().order_by(Unit.id).first()
    base = BoardQuery(office_id, today=TODAY, page_size=PAGE_ROWS)
    return [
        ("mở bảng (cần xử lý, theo hạn)", base),
        ("lọc đơn vị + năm nhận", base.with_(status="all", unit_id=first.id, received_from=dt.date(2025, 1, 1),
                                             received_to=dt.date(2025, 12, 31))),
        ("lọc quá hạn", base.with_(urgency="late")),
        ("tìm “nguyen van” (không dấu)", base.with_(search="nguyen van")),
        ("tìm “kênh mương” trong tất cả", base.with_(status="all", search="kênh mương")),
        ("sắp xếp theo đơn vị ↓", base.with_(sort="unit", descending=True)),
        ("sắp xếp tất cả theo người ↑", base.with_(status="all", sort="citizen")),
        ("trang sau (từ trang 20)", "next"),
    ]


def run_step(q, ctx, state: dict):
    """What the screen does for one step: a new filter asks for the counts
    (capped) and the first page; "next" continues from the last row shown
    (keyset), keeping the counts. ``state`` holds the page shown."""
    from models.services import board

    if q == "next":
        shown = state["page"]
        nq = shown.next_query(state["query"])
        return board.page(nq, ctx, known=shown.counts) if nq is not None else shown
    return board.page(q, ctx, cap=board.COUNT_CAP)


def page_twenty(base, ctx):
    """The page shown after stepping to page 20, or to the last but one when
    there are fewer (setup of the "next" step, not timed)."""
    from models.services import board

    pg, q = board.page(base, ctx, cap=board.COUNT_CAP), base
    shown = [{"page": pg, "query": q}]
    for _ in range(19):
        nq = pg.next_query(q)
        if nq is None:
            break
        pg, q = board.page(nq, ctx, known=pg.counts), nq
        shown.append({"page": pg, "query": q})
    return next((s for s in reversed(shown) if s["page"].next_query(s["query"]) is not None), shown[0])


def open_db(target: str):
    import models

    models.close_database()
    models.open_database(target, create=False)


def first_office() -> int:
    from models.domain.office import Office

    return Office.select(Office.id).order_by(Office.id).scalar()


def time_steps(target: str, scope: str) -> dict[str, float]:
    """One run of every step on ``target``: name → milliseconds."""
    from models.services import board

    open_db(target)
    office = first_office() if scope == "office" else None
    out = {}
    for name, q in steps(office):
        base = board.BoardQuery(office, today=TODAY, page_size=PAGE_ROWS)
        ctx = board.context_for(base)           # the screen builds it once
        state = page_twenty(base, ctx) if q == "next" else {}
        t0 = time.perf_counter()
        run_step(q, ctx, state)
        out[name] = (time.perf_counter() - t0) * 1000
    return out


def explain(target: str, scope: str, out) -> None:
    """EXPLAIN of every statement each step issues (EXPLAIN ANALYZE on
    PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""
    from models.storage.db import database
    from models.domain.base import is_postgres
    from models.services import board

    open_db(target)
    db = database.obj
    office = first_office() if scope == "office" else None
    pg = is_postgres()
    for name, q in steps(office):
        base = board.BoardQuery(office, today=TODAY, page_size=PAGE_ROWS)
        ctx = board.context_for(base)
        ctx.small_office   # counted once per screen, not part of a step
        state = page_twenty(base, ctx) if q == "next" else {}
        seen = []
        real = db.execute_sql

        def record(sql, params=None, *a, **k):
            seen.append((sql, params))
            return real(sql, params, *a, **k)

        db.execute_sql = record
        try:
            run_step(q, ctx, state)
        finally:
            db.execute_sql = real
        print(f"\n## {scope} — {name}", file=out)
        for sql, params in seen:
            print(f"\n{sql}\n  {params}", file=out)
            head = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " if pg else "EXPLAIN QUERY PLAN "
            for row in real(head + sql, params).fetchall():
                print("    " + str(row[0] if pg else row[-1]), file=out)


# key-to-visible-change in the real app ------------------------------------------

KEYS = {"f2": "\x1bOQ", "f6": "\x1b[17~", "enter": "\r", "escape": "\x1b"}


class Terminal:
    """The real app in a pseudo-terminal, its screen kept by pyte."""

    def __init__(self, target: str | None, cols: int = 120, lines: int = 36, office: int | None = None,
                 argv: list[str] | None = None, env: dict | None = None):
        """``target``: the database (None: the environment's); ``argv``: the
        program (default: this Python's ``-m tui``), e.g. the built app."""
        import pty

        import pyte

        self.screen = pyte.Screen(cols, lines)
        self.stream = pyte.ByteStream(self.screen)
        base = os.environ if env is None else env
        env = dict(base, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(lines),
                   DOITHOAI_TODAY=TODAY.isoformat(),
                   DOITHOAI_OFFICE=str(office) if office is not None else base.get("DOITHOAI_OFFICE", ""))
        if argv is None:
            env["PYTHONPATH"] = str(ROOT)
        # else: the environment as given (a PyInstaller app would take modules
        # from a PYTHONPATH before its own: its callers leave it out)
        if target is not None:
            env["DOITHOAI_DB"] = target
        env.pop("DOITHOAI_BENCH_READY", None)
        argv = argv or [sys.executable, "-m", "tui"]
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            import fcntl
            import struct
            import termios

            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", lines, cols, 0, 0))
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, env)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait(self, test, timeout: float = 60.0) -> float:
        """Read the terminal until ``test(screen text)`` holds; the time it did.

        A frame comes through the pty in pieces of a few kilobytes. All the
        bytes already there are read before any is parsed, so the time taken
        is when the app's bytes had arrived, not when this Python terminal
        had finished parsing the first pieces (10-40 ms of pyte per frame)."""
        import select

        end = time.perf_counter() + timeout
        arrived = time.perf_counter()
        while True:
            if test(self.text()):
                return arrived   # when the bytes came, not when pyte had parsed them
            left = end - time.perf_counter()
            if left <= 0:
                raise TimeoutError("màn hình không đổi như chờ đợi:\n" + self.text())
            if not select.select([self.fd], [], [], left)[0]:
                continue
            chunks = []
            while True:
                try:
                    data = os.read(self.fd, 1 << 16)
                except OSError:
                    raise TimeoutError("ứng dụng đã thoát:\n" + self.text()) from None
                arrived = time.perf_counter()
                chunks.append(data)
                # the rest of a frame follows within a moment; a pause ends it
                if not select.select([self.fd], [], [], 0.002)[0]:
                    break
            self.stream.feed(b"".join(chunks))

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the app has written nothing for ``quiet`` seconds."""
        import select

        while select.select([self.fd], [], [], quiet)[0]:
            try:
                self.stream.feed(os.read(self.fd, 1 << 16))
            except OSError:
                return

    def press(self, key: str) -> float:
        os.write(self.fd, KEYS.get(key, key).encode())
        return time.perf_counter()

    def close(self) -> None:
        import signal

        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def _line(text: str, start: str) -> str:
    return next((ln for ln in text.splitlines() if ln.strip().startswith(start)), "")


def drop_cached(target: str) -> None:
    """The database's files out of the OS page cache (bench/startup.py)."""
    from bench.startup import drop_from_cache

    drop_from_cache(target)


#: the steps' names in the order they run (a size where a step does not apply
#: — one page, nothing to step to — shows "—" in its column)
PTY_STEPS = ("mở bảng (F6) ngay khi hiện Tổng quan", "sắp xếp (S)", "trang sau (])", "trang trước ([)",
             "đảo chiều (D)", "tìm “nguyen van” (Enter)", "bỏ lọc (0)", "tìm “kenh muong”, tệp lạnh (Enter)",
             "F6 lần nữa (từ Tổng quan, bảng đã có)")


def process_cpu(pid: int) -> float:
    """Milliseconds of CPU the process ``pid`` has used (Linux: /proc; else 0):
    beside the time on the wall, what a step costs whatever the machine's load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def pty_steps(target: str, runs: int) -> dict[str, list[float]]:
    """Key pressed → the change on screen, for the board's steps, in the real
    app on ``target`` (its first office): ``runs`` times, each in a new app.
    F6 is pressed the moment the dashboard has painted its data, as a person
    who opens the app to go to the board does (not after the screen went
    quiet). The last step searches with the database's files just dropped from
    the page cache; the last presses F6 again from the dashboard, the board
    made before (F6 at any later moment). Each step's CPU time of the app is
    kept beside it (under CPU + its name)."""
    out: dict[str, list[float]] = {}
    open_db(target)
    office = first_office()      # several offices share the file: the workstation's choice
    for _ in range(runs):
        term = Terminal(target, office=office)
        try:
            term.wait(lambda t: "Tổng quan" in t and "Quá hạn" in t, timeout=120)

            def step(name, keys, test, typed="", when=lambda t: True, cold=False):
                before = term.text()
                if not when(before):
                    return
                if cold:
                    # the database's files leave the page cache, then the words
                    # and Enter come at once: Enter runs the first query on a
                    # cold file (the box's own search waits 0.3 s after a key)
                    drop_cached(target)
                    term.press(typed)
                elif typed:
                    # a person's letters come a tenth of a second apart: the box
                    # shows them before Enter (which runs the search at once)
                    for ch in typed:
                        term.press(ch)
                    term.wait(lambda t: typed in t, timeout=30)
                    term.settle()
                    before = term.text()
                t0 = None
                c0 = process_cpu(term.pid)
                for k in keys:
                    t0 = term.press(k)
                t1 = term.wait(lambda t: t != before and test(t))
                out.setdefault(name, []).append((t1 - t0) * 1000)
                out.setdefault(CPU + name, []).append(process_cpu(term.pid) - c0)
                term.settle()

            step(PTY_STEPS[0], ["f6"], lambda t: "Theo dõi —" in t and "Trang 1" in t)
            step(PTY_STEPS[1], ["s"], lambda t: "Sắp xếp: Ngày nhận" in t and "Trang 1" in t)
            more = lambda t: "Trang 1/1 " not in t  # one page: nothing to step to
            step(PTY_STEPS[2], ["]"], lambda t: "Trang 2" in t, when=more)
            step(PTY_STEPS[3], ["["], lambda t: "Trang 1" in t, when=lambda t: "Trang 2" in t)
            step(PTY_STEPS[4], ["d"], lambda t: "Ngày nhận ↓" in t)
            term.press("/")      # the search box takes the focus first
            term.settle()
            step(PTY_STEPS[5], ["enter"], lambda t: "tìm “nguyen van”" in t, typed="nguyen van")
            step(PTY_STEPS[6], ["0"], lambda t: "tìm “" not in _line(t, "Lọc:") and "Trang 1" in t)
            term.press("/")
            term.settle()
            step(PTY_STEPS[7], ["enter"], lambda t: "tìm “kenh muong”" in t, typed="kenh muong", cold=True)
            term.press("0")          # the default view again, as the board opens
            term.wait(lambda t: "tìm “" not in _line(t, "Lọc:") and "Trang 1" in t, timeout=60)
            term.settle()
            term.press("f2")
            term.wait(lambda t: "Tổng quan" in t and "Quá hạn" in t, timeout=60)
            term.settle()
            # the board made and shown before: F6 at any later moment (it reads its page again after drawing)
            step(PTY_STEPS[8], ["f6"], lambda t: "Theo dõi —" in t and "Trang 1" in t)
        finally:
            term.close()
    return out


#: key → screen targets (ms) where the issue set one other than 150 ms
PTY_TARGETS = {PTY_STEPS[0]: 100, PTY_STEPS[7]: 200, PTY_STEPS[8]: 100}
#: the key of a step's CPU figures in pty_steps' result
CPU = "cpu:"


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# the table ----------------------------------------------------------------------

def pg_target(server: str, prefix: str, n: int) -> str:
    """The PostgreSQL database for ``n`` petitions (created if missing)."""
    import psycopg2

    name = f"{prefix}_{n}"
    conn = psycopg2.connect(f"{server}/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return f"{server}/{name}"


def built(target: str, n: int) -> bool:
    import models
    from models.domain.petition import Petition

    try:
        models.open_database(target, create=False)
    except Exception:
        return False
    try:
        return Petition.select().count() == n
    finally:
        models.close_database()


def emptied(target: str) -> None:
    """Start ``target`` afresh: a SQLite file (with its -wal and -shm) removed, a
    PostgreSQL database's public schema dropped and made again."""
    if "://" not in target:
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
        return
    import psycopg2

    conn = psycopg2.connect(target)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    conn.close()


def prepare(engine: str, n: int, args) -> str:
    if engine == "sqlite":
        target = str(Path(args.keep) / f"board-{n}.sqlite3")
    else:
        target = pg_target(args.pg_server, args.pg_prefix, n)
    if not built(target, n):
        emptied(target)
        t0 = time.perf_counter()
        info = build(target, n)
        print(f"tạo {engine} {n:>8} kiến nghị: {time.perf_counter() - t0:.0f} s "
              f"(chèn {info['insert_seconds']} s)", flush=True)
    elif engine == "sqlite":
        analyzed(target)
    return target


def analyzed(target: str) -> None:
    """A kept SQLite file whose statistics (ANALYZE, run when it was built)
    lack an index a later migration added: that index analyzed too. With
    figures for every index but one, SQLite's planner guessed the new one
    cheap and sorted a whole office's rows for a page by date received (S at
    1M: 0.1 s of service, 0.9 s on screen); an office's own file has no
    figures at all, or all of them."""
    import sqlite3

    db = sqlite3.connect(target)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return
        have = {row[0] for row in db.execute("SELECT DISTINCT idx FROM sqlite_stat1 WHERE idx IS NOT NULL")}
        missing = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                  "AND sql IS NOT NULL") if name not in have]
        for name in missing:
            db.execute(f'ANALYZE "{name}"')
        db.commit()
    finally:
        db.close()


def as_installed(targets) -> None:
    """The app measured as an office runs it: our modules from bytecode (as
    after `pip install .`; where PYTHONDONTWRITEBYTECODE is set nothing else
    writes it, and every start compiled them again: 0.25 s of the board's
    first F6 at a load of 7), and the day's backup of each SQLite file made
    (a start that is killed before its copy of a 1 GB file ends copies it
    again at the next, beside every step timed)."""
    import compileall
    import subprocess

    for package in ("tui", "models", "printing", "data"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    for target in targets:
        if "://" not in target:
            subprocess.run([sys.executable, "-c", "import sys; from models.storage.backup import startup_backup; "
                            "startup_backup(sys.argv[1])", target], cwd=ROOT, check=True,
                           env=dict(os.environ, PYTHONPATH=str(ROOT)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,100000,1000000", help="số kiến nghị, cách nhau bằng dấu phẩy")
    ap.add_argument("--engines", default="sqlite,postgresql")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", default=str(Path(tempfile.gettempdir()) / "doithoai-bench"),
                    help="thư mục giữ các tệp SQLite (dùng lại nếu đã có)")
    ap.add_argument("--pg-server", default="postgresql://doithoai:doithoai@127.0.0.1:5432")
    ap.add_argument("--pg-prefix", default="doithoai_bench")
    ap.add_argument("--explain", action="store_true", help="in EXPLAIN của mỗi bước (cỡ lớn nhất)")
    ap.add_argument("--pty", action="store_true", help="đo phím → thay đổi trên màn hình trong ứng dụng thật")
    ap.add_argument("--pty-runs", type=int, default=5)
    ap.add_argument("--pty-only", action="store_true", help="chỉ đo trong ứng dụng thật (bỏ bảng thời gian dịch vụ)")
    args = ap.parse_args(argv)
    os.environ.setdefault("DOITHOAI_HOME", tempfile.mkdtemp(prefix="doithoai-bench-home-"))
    os.environ["DOITHOAI_TODAY"] = TODAY.isoformat()
    Path(args.keep).mkdir(parents=True, exist_ok=True)
    sizes = [int(x) for x in args.sizes.split(",")]
    engines = args.engines.split(",")
    targets = {(e, n): prepare(e, n, args) for e in engines for n in sizes}
    small, large = min(sizes), max(sizes)

    ok = True
    head = "".join(f"{f'{n:,}'.replace(',', '.'):>10}" for n in sizes)
    for engine in engines:
        if args.explain:
            for scope in ("office", "province"):
                print(f"\n# EXPLAIN — {engine}, {large} kiến nghị, {scope}")
                explain(targets[(engine, large)], scope, sys.stdout)
        times: dict[tuple, list[float]] = {}
        for run in range(0 if args.pty_only else args.runs + 1):
            for n in sizes:          # sizes alternate so that every size sees the same machine
                for scope in ("office", "province"):
                    for name, ms in time_steps(targets[(engine, n)], scope).items():
                        if run:      # run 0 warms the caches
                            times.setdefault((n, scope, name), []).append(ms)
        if not args.pty_only:
            names = [name for name, _q in steps(None)]
            print(f"\nBảng theo dõi — {engine} — trung vị của {args.runs} lần (ms), thời gian dịch vụ, "
                  f"100 cơ quan; “một cơ quan” là truy vấn màn hình thật sự gửi")
            for scope, label in (("office", "một cơ quan"), ("province", "cả tỉnh")):
                print(f"\n{label:<34}{head}{'lớn/nhỏ':>9}")
                for name in names:
                    med = {n: statistics.median(times[(n, scope, name)]) for n in sizes}
                    ok &= med[large] < 100
                    print(f"{name:<34}" + "".join(f"{med[n]:>10.1f}" for n in sizes)
                          + f"{med[large] / med[small]:>9.1f}" + ("" if med[large] < 100 else "  > 100 ms!"))
        if args.pty:
            as_installed([targets[(engine, n)] for n in sizes])
            print(f"\nPhím → thay đổi trên màn hình (ứng dụng thật trong pty, cơ quan đầu tiên), "
                  f"{engine}, trung vị của {args.pty_runs} lần (ms)")
            print(f"tải máy lúc bắt đầu: {load_average()}")
            res = {n: pty_steps(targets[(engine, n)], args.pty_runs) for n in sizes}
            print(f"{'bước':<40}{head}  mục tiêu   CPU của ứng dụng (ms, trung vị): {head}")
            for name in PTY_STEPS:
                meds = {n: statistics.median(res[n][name]) for n in sizes if res[n].get(name)}
                cpus = {n: statistics.median(res[n][CPU + name]) for n in sizes if res[n].get(CPU + name)}
                target = PTY_TARGETS.get(name, 150)
                late = large in meds and meds[large] > target
                ok &= not late
                print(f"{name:<40}" + "".join(f"{meds[n]:>10.1f}" if n in meds else f"{'—':>10}" for n in sizes)
                      + f"  ≤ {target:<4}" + ("  !" if late else "   ") + " " * 33
                      + "".join(f"{cpus[n]:>10.0f}" if n in cpus else f"{'—':>10}" for n in sizes))
            print(f"tải máy lúc kết thúc: {load_average()} (— : một trang, không có trang sau)")
    print("\nĐẠT" if ok else "\nCHƯA ĐẠT", "(mục tiêu: mỗi bước < 100 ms ở cỡ lớn nhất; phím → màn hình < 150 ms, "
          "F6 ngay khi hiện Tổng quan ≤ 100 ms, tìm trên tệp lạnh ≤ 200 ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
