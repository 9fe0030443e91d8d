"""Storage work off the event loop, for every screen.

The screen never waits on the database: a handler calls ``run`` with a service
call and what to do with its result; the call runs in a worker thread and the
result comes back on the event loop. An error is told in Vietnamese (a
UserError by its own message, anything else through the app's unforeseen-error
path, which logs it). Calls in the same ``group`` are exclusive: a newer one
replaces an older one, and the older one's result, if it still arrives, is
dropped (the screen never shows a stale page over a newer one).

``Serial`` is the other shape: writes that must keep their order (the live
session: a petition before its answer, every draft after the one before) run
one after another in one worker, while the keys keep coming.
"""
from __future__ import annotations

import asyncio
import threading
from collections import deque
from typing import Any, Callable

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from models.core.errors import UserError


def tell_error(node: DOMNode, exc: BaseException) -> None:
    """On the loop: a UserError by its message, anything else as unforeseen (logged)."""
    if isinstance(exc, UserError):
        from .words import explain

        node.app.notify(explain(exc), severity="error", timeout=8)
    else:
        node.app.report_unexpected(exc)


def run(node: DOMNode, call: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None, group: str | None = None,
        exclusive: bool = True, **kwargs: Any) -> Worker:
    """Run ``call(*args, **kwargs)`` in a thread; then, on the loop, ``done(result)``.
    An error goes to ``failed(exc)`` when given (it says what it must), else it
    is told (``tell_error``). ``group`` defaults to the call's name; with
    ``exclusive`` an older call of the group is cancelled and its result dropped."""
    loop = asyncio.get_running_loop()

    def back(callback, *values):
        # a message of the node: handled in order, with Textual's error handling;
        # dropped if the node has gone or a newer call of the group replaced this one
        loop.call_soon_threadsafe(node.call_later, _deliver, worker_of[0], callback, *values)

    def body():
        worker_of.append(get_current_worker())
        try:
            result = call(*args, **kwargs)
        except Exception as exc:  # told, never raised into the app
            back(_failed, node, exc, failed)
            return
        if done is not None:
            back(done, result)

    worker_of: list[Worker] = []

    name = getattr(call, "__qualname__", "work")
    return node.run_worker(body, name=name, group=group or name, exclusive=exclusive, thread=True,
                           exit_on_error=False)


def _deliver(worker: Worker, callback: Callable[..., None], *values: Any) -> None:
    # cancelled while the result was on its way back: a newer call owns the screen
    if not worker.is_cancelled:
        callback(*values)


def _failed(node: DOMNode, exc: BaseException, failed) -> None:
    if failed is not None:
        failed(exc)
    else:
        tell_error(node, exc)


class Serial:
    """Calls run one at a time, in the order given, off the event loop.

    ``submit`` returns at once; one worker drains the queue and exits when it is
    empty (an idle screen has no thread waiting), so ``app.workers`` shows
    whether writes are still on their way. Each call's ``done`` runs on the loop
    in order. ``flush`` (the screen closing, the app quitting) runs what is
    still queued on the calling thread, or waits for the worker running it."""

    def __init__(self, node: DOMNode, group: str) -> None:
        self.node = node
        self.group = group
        self._queue: deque = deque()
        self._lock = threading.Lock()
        self._started = False       # a worker was asked for and has not finished
        self._owner: int | None = None   # the thread running the queue now
        self._idle = threading.Event()
        self._idle.set()
        # results go back through the loop's own queue, in order, without the
        # worker waiting for the loop (call_from_thread would)
        self._loop = asyncio.get_running_loop()

    def submit(self, call: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None) -> None:
        with self._lock:
            self._queue.append((call, args, done, failed))
            self._idle.clear()
            if self._started:
                return
            self._started = True
        self.node.run_worker(self._drain, name=self.group, group=self.group, exclusive=False, thread=True,
                             exit_on_error=False)

    def flush(self, timeout: float = 10.0) -> bool:
        """Every queued call run before this returns: here, or by the worker
        already running them (waited for). Only where waiting is right: the
        screen is closing, no key handler waits on it."""
        self._drain()
        return self._idle.wait(timeout)

    def _drain(self) -> None:
        with self._lock:
            if self._owner is not None:
                return              # another thread runs the queue
            self._owner = threading.get_ident()
        while True:
            with self._lock:
                if not self._queue:
                    self._owner = None
                    self._started = False
                    self._idle.set()
                    return
                call, args, done, failed = self._queue.popleft()
            try:
                result = call(*args)
            except Exception as exc:  # told in order, never raised into the app
                self._back(_failed, self.node, exc, failed)
                continue
            if done is not None:
                self._back(done, result)

    def _back(self, callback, *args) -> None:
        # call_later runs it as a message of the node: Textual's error handling, in
        # order; after the node has closed there is nobody to tell and it is dropped
        self._loop.call_soon_threadsafe(self.node.call_later, callback, *args)


#: set to a file path to record event-loop stalls there (bench/latency.py); unset, nothing runs
LOOP_LAG_ENV = "DOITHOAI_LOOP_LAG"
#: how often the opt-in monitor looks, and the least stall it writes down (seconds)
LAG_TICK = 0.005
LAG_NOTED = 0.002


def watch_loop_lag(app) -> None:
    """When DOITHOAI_LOOP_LAG names a file, note each event-loop stall there
    (one line: milliseconds late), measured by a task that asks to wake every
    LAG_TICK seconds. Off (the default) it starts nothing: an idle app stays idle.

    With DOITHOAI_LOOP_LAG_STACKS also set, a watcher thread looks at the
    loop's thread while a stall lasts, and the lines of our code and Textual's
    it found running are written under the stall (what to fix next)."""
    import os
    import sys
    import threading
    import time

    path = os.environ.get(LOOP_LAG_ENV)
    if not path:
        return
    seen: list[str] = []
    last = [time.perf_counter()]
    if os.environ.get(LOOP_LAG_ENV + "_STACKS"):
        loop_thread = threading.get_ident()

        def look() -> None:
            while True:
                time.sleep(LAG_TICK)
                if time.perf_counter() - last[0] > 3 * LAG_TICK:
                    frame = sys._current_frames().get(loop_thread)
                    where = []
                    while frame is not None:
                        code = frame.f_code
                        if "/asyncio/" not in code.co_filename:
                            where.append(f"{os.path.basename(code.co_filename)}:{frame.f_lineno} {code.co_name}")
                        frame = frame.f_back
                    seen.append(" < ".join(where[:14]))

        threading.Thread(target=look, name="loop-lag-stacks", daemon=True).start()

    async def watch() -> None:
        with open(path, "a", encoding="utf-8", buffering=1) as out:
            while True:
                start = last[0] = time.perf_counter()
                await asyncio.sleep(LAG_TICK)
                late = time.perf_counter() - start - LAG_TICK
                if late >= LAG_NOTED:
                    out.write(f"{late * 1000:.2f}\n")
                    if late >= 0.03:
                        for where in dict.fromkeys(seen):
                            out.write(f"# {where}\n")
                seen.clear()

    app.lag_watch = asyncio.get_running_loop().create_task(watch())
