"""Start the dashboard's query while the UI framework is still loading.

Importing Textual takes a few tenths of a second on an old PC; the dashboard's
query needs the database, not the UI. Starting it in a thread just after the
database opens lets the two overlap, and the dashboard then paints its data in
its first frame instead of a frame later. This module must not import Textual."""
from __future__ import annotations

import threading

_threads: dict[str, threading.Thread] = {}
_results: dict[str, tuple[bool, object]] = {}


def start(name: str, fn) -> None:
    def run():
        try:
            _results[name] = (True, fn())
        except Exception as exc:  # the screen's own load reports it
            _results[name] = (False, exc)

    thread = threading.Thread(target=run, name=f"prefetch-{name}", daemon=True)
    _threads[name] = thread
    thread.start()


def _join(name: str) -> tuple[bool, object]:
    """(done, result) for a prefetch, waiting for its thread if it is still
    running: it had a head start, so waiting is never slower than starting
    afresh. done is False when nothing was started or it failed."""
    thread = _threads.pop(name, None)
    if thread is None:
        return False, None
    thread.join()
    return _results.pop(name, (False, None))


def take(name: str):
    """The prefetched result, or None if it was not started or failed."""
    ok, value = _join(name)
    return value if ok else None


def start_dashboard() -> None:
    """What the first screen needs: whether a session was cut off (the app then
    goes straight back to it) and the dashboard's figures."""
    def resume():
        from models.services.catalog import the_office
        from models.services.live_session import resume_point

        return resume_point(the_office())

    def summary():
        from models.services.catalog import the_office
        from models.services.dashboard import summary

        return summary(the_office())

    start("resume", resume)
    start("dashboard", summary)


def take_or_compute(name: str, fn):
    """The prefetched result, or ``fn()`` when nothing was prefetched (tests,
    or the prefetch failed: then ``fn`` raises the error where it is handled)."""
    ok, value = _join(name)
    return value if ok else fn()


#: lines of the board that are not table rows: title, filters, search box (3),
#: the table's heading, the status line and the key bar (2); and the least page
BOARD_CHROME = 9
BOARD_MIN_PAGE = 5


def board_rows(height: int) -> int:
    """The rows the board shows (and reads: a page is what a person sees) on a
    terminal ``height`` lines high."""
    return max(BOARD_MIN_PAGE, height - BOARD_CHROME)


def start_board(office_id: int, height: int) -> None:
    """The board's first page (the default view), read in a thread the moment
    the dashboard has painted, while the board's code and widgets are made in
    the loop: the board built behind the dashboard shows its rows without a
    query of its own, and an F6 pressed at once waits for neither."""
    def first_page():
        from models.domain.base import opened_as
        from models.services import board as svc

        q = svc.BoardQuery(office_id, page_size=board_rows(height), today=clock_today())
        ctx = svc.context_for(q)
        return (opened_as(), q), ctx, svc.page(q, ctx, cap=svc.COUNT_CAP)

    start("board", first_page)


def clock_today():
    from models.core import clock

    return clock.today()
