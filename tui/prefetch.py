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
