"""The Textual app: main screens as modes, F-keys to move between them, F1 help,
Ctrl+P command palette. Data comes from ``models``; slow work runs in workers."""
from __future__ import annotations

import logging
import os
import sys
import time

from textual.app import App
from textual.binding import Binding
from textual.widgets import Input

from models.core.errors import UserError

from . import words
from .commands_palette import ActionsProvider
from .screens import NAVIGATION, load
from .compat import UnforeseenErrors, binding_keys, keys_in_order, parse_styles_once, run_key_binding

# every Input runs its own keys (⌫ ← → Enter) in the order they came: tui/compat.py
keys_in_order(Input)
# each stylesheet tokenized once, not three times before the first frame: tui/compat.py
parse_styles_once()

START = time.perf_counter()


def settle_heap() -> None:
    """Move every object alive now (modules, classes, styles, the first
    screens) out of the garbage collector's sight. Python's full collection
    otherwise walks them all, stalling the screen 50-120 ms at random moments
    while a secretary types (bench/latency.py, DOITHOAI_LOOP_LAG_STACKS).
    The collector, held off since the process started (tui/launch.main), runs
    again from here."""
    import gc

    gc.freeze()
    gc.enable()


def warm_screens(app: App | None = None) -> None:
    """Once the board has its first rows (app.prepare_busiest), load the other
    screens' code in a thread (about 0.3 s of imports on an old PC), so the
    first F3–F8 of the day draws at once instead of importing first. Imports
    only: no query, no widget. Then the heap is settled again, with the new
    modules in it."""
    import threading

    def load_all() -> None:
        for _mode, _label, _key, path in NAVIGATION:
            try:
                load(path)
            except Exception:       # the screen's own opening will report it
                return
        if app is not None:
            try:
                app.call_from_thread(settle_heap)    # with the other screens' modules in
            except RuntimeError:    # the app closed meanwhile
                pass

    threading.Thread(target=load_all, name="warm-screens", daemon=True).start()


def _nav_bindings():
    return [Binding(key, f"app.go('{mode}')", label, id=f"nav.{mode}", priority=True)
            for mode, label, key, _ in NAVIGATION]


class DoiThoaiApp(UnforeseenErrors, App):
    TITLE = "Đối thoại"
    CSS_PATH = "app.tcss"
    COMMANDS = {ActionsProvider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        # priority: F1 also helps in the forms and the document editor (modal screens)
        Binding("f1", "help", "Trợ giúp", id="app.help", priority=True),
        *_nav_bindings(),
        Binding("ctrl+p", "command_palette", "Lệnh", id="app.palette", priority=True),
        Binding("ctrl+q", "quit", words.QUIT, id="app.quit", priority=True),
    ]
    MODES = {mode: (lambda p=path: load(p)()) for mode, _, _, path in NAVIGATION}
    DEFAULT_MODE = "dashboard"
    #: "-narrow" on a screen below 120 columns: layouts for 80×24 first (app.tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, office=None, **kwargs):
        super().__init__(**kwargs)
        # No animations: old PCs and remote terminals redraw slowly.
        self.animation_level = "none"
        if office is None:
            from models.services.catalog import the_office

            office = the_office()
        self.office = office
        self.ready_at: float | None = None
        self.exit_message = ""

    def on_mount(self) -> None:
        from . import prefetch
        from .work import watch_loop_lag

        watch_loop_lag(self)        # only with DOITHOAI_LOOP_LAG set (bench/latency.py)
        from .quit_signals import quit_on_signals

        quit_on_signals(self)       # a closed window or a shutdown quits as Ctrl+Q, closing the database
        from .role_keys import load_roles

        load_roles(self)            # which keys the person working may use
        from models.services.live_session import window_number

        if window_number() > 1:
            self.notify(f"Máy này đang mở một cửa sổ Đối thoại khác. Cửa sổ này (thứ {window_number()}) giữ "
                        "riêng những gì đang gõ dở, không ghi đè lên cửa sổ kia.", timeout=10)
        # typing the database refused last time, kept in a rescue file: offered
        # first, so that the session and the editors reopen with it recorded
        from models.services import rescue

        found = rescue.waiting_here()      # a folder that is usually missing: no query
        if found:
            prefetch.take("resume")        # computed before the rescue: asked again after it
            self._offer_rescue(found)
        else:
            self._resume()

    def _resume(self, fresh: bool = False) -> None:
        from . import prefetch

        # After a crash or power cut during a conference, go straight back to it.

        def resume():
            from models.services.live_session import resume_point

            return resume_point(self.office)

        try:
            if (resume() if fresh else prefetch.take_or_compute("resume", resume)):
                self.switch_mode("session")
        except UserError:
            pass
        # stopped with an editor open (a kill, a power cut): open it again with the
        # typing, over the session too (the person was in the editor)
        from models.services import unsaved

        from .work import run

        run(self, unsaved.kept, self.office, done=self._reopen_editor, group="typing-reopen")

    def _offer_rescue(self, found: list) -> None:
        """Ask, file by file, to record what a rescue file keeps (models/services/
        rescue.py); then go on as after any start. "Not now" keeps the file, and
        the next start asks again."""
        from .widgets.confirm import ConfirmScreen
        from .words import LaunchWords as W

        if not found:
            self._resume(fresh=True)
            return
        (path, lines), rest = found[0], found[1:]
        shown = "\n".join(f"  – {line}" for line in lines[:8]) + ("\n  – …" if len(lines) > 8 else "")
        question = W.RESCUE_ASK.format(n=len(lines), path=path, shown=shown)

        def answered(yes) -> None:
            if not yes:
                self.notify(W.RESCUE_KEPT.format(path=path), timeout=10)
                self._offer_rescue(rest)
                return
            from models.services import rescue

            from .work import run

            def told(n) -> None:
                self.notify(W.RESCUE_WRITTEN.format(n=n), timeout=8)
                self._offer_rescue(rest)

            def refused(exc) -> None:
                from models.core.errors import os_reason

                reason = words.explain(exc) if isinstance(exc, UserError) else os_reason(exc)
                self.notify(W.RESCUE_FAILED.format(reason=reason), severity="error", timeout=12)
                self._offer_rescue(rest)

            run(self, rescue.record, path, done=told, failed=refused, group="rescue-record")

        self.push_screen(ConfirmScreen(question), answered)

    @property
    def typing_kept(self):
        """The open editor's typing, kept as it is typed (tui/typing_kept.py)."""
        keeper = self.__dict__.get("_typing_kept")
        if keeper is None:
            from .typing_kept import TypingKeeper

            keeper = self.__dict__["_typing_kept"] = TypingKeeper(self)
        return keeper

    def _reopen_editor(self, entry) -> None:
        if not entry:
            return
        record = list(entry.get("record") or [])
        if entry.get("editor") == "plan" and len(record) == 1:
            self.switch_mode("plans")
            self.call_after_refresh(lambda: self.screen.reopen_editor(int(record[0]), entry))
        elif entry.get("editor") == "document" and len(record) == 2:
            from .screens.document_editor import open_editor

            open_editor(self.screen, str(record[0]), int(record[1]), resume=entry)

    def on_ready(self) -> None:
        self.ready_at = time.perf_counter() - START
        self.call_after_refresh(settle_heap)
        logging.getLogger("doithoai").info("ready in %.3f s", self.ready_at)

    def on_dashboard_screen_loaded(self, _message) -> None:
        # bench/startup.py: report when the dashboard has painted its data, then exit
        if os.environ.get("DOITHOAI_BENCH_READY"):
            self.call_after_refresh(self._bench_exit)
            return
        self._check_after_crash()
        if not self.__dict__.get("_busiest_started"):
            self.__dict__["_busiest_started"] = True
            from . import prefetch

            # the board's first page read in a thread from now, while this loop
            # paints the dashboard and then makes the board
            prefetch.start_board(self.office.id, self.size.height)
            self.call_after_refresh(self.prepare_busiest)

    def _check_after_crash(self) -> None:
        """The machine stopped (a power cut, a system crash) with the file open:
        its whole check, owed by models.storage.db.open_database, runs in a
        worker once the first screen is drawn, the person told that it runs and
        what it found."""
        from models.storage import db

        if not db.check_waiting() or self.__dict__.get("_checking"):
            return
        self.__dict__["_checking"] = True
        from .words import LaunchWords as W

        from .work import run

        self.notify(W.CHECKING_AFTER_POWER_CUT, timeout=10)

        def check() -> tuple[str | None, str]:
            problem = db.check_after_start()
            if problem is None:
                return None, ""
            from models.storage.backup import advice      # reads the backups: in the worker too

            return problem, advice()

        def found(result) -> None:
            problem, advice = result
            if problem is None:
                self.notify(W.FILE_SOUND, timeout=6)
            else:
                self.notify(W.FILE_DAMAGED.format(problem=problem, advice=advice), severity="error", timeout=600)

        run(self, check, done=found, group="check-after-crash")

    def prepare_busiest(self) -> None:
        """The moment the dashboard has painted: build the board (the screen
        opened most, often the moment the dashboard shows, and the heaviest)
        behind it, here in the loop: its code, its widgets, its first page
        (read meanwhile in a thread). An F6 pressed at once is handled after
        this and finds the board made. The other screens' code follows once
        the board has its rows (on_board_screen_loaded)."""
        from .compat import prepare_mode

        if self.current_mode != "dashboard" or not prepare_mode(self, "board"):
            self.on_board_screen_loaded(None)

    def on_board_screen_loaded(self, _message) -> None:
        if not self.__dict__.get("_others_warmed"):
            self.__dict__["_others_warmed"] = True
            self.call_after_refresh(settle_heap)     # with the board in
            warm_screens(self)

    def _bench_exit(self) -> None:
        print(f"READY {time.time():.6f}", file=sys.__stderr__, flush=True)
        self.exit()

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .compat import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(placeholder="Tìm lệnh… (gõ không dấu cũng được)", id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in a text box): say how to quit, in Vietnamese."""
        self.notify("Muốn thoát, bấm Ctrl+Q.", title="Thoát chương trình?")

    def watch_writes(self, pending, before_quit=None) -> None:
        """``pending`` (a PendingWrites) keeps writes the storage refused: Ctrl+Q
        asks before they are lost. ``before_quit`` writes the last typing first."""
        self.__dict__.setdefault("_watched_writes", []).append((pending, before_quit))

    async def action_quit(self) -> None:
        """Ctrl+Q: quit, but ask first when writes the storage refused are still
        kept (they can go to a rescue file), or a form holds typing not saved
        yet (the live session's entry is saved as typed and never asks)."""
        from .widgets.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        kept = self._kept_writes()
        if kept:
            from models.services import rescue

            lines = [line for p in kept for line in rescue.describe(rescue.items_of(p))]
            shown = "\n".join(f"  – {line}" for line in lines[:6]) + ("\n  – …" if len(lines) > 6 else "")
            question = (f"{kept[0].message}\n\nChưa lưu được {len(lines)} nội dung:\n{shown}\n\nThoát bây giờ thì "
                        "các nội dung này sẽ mất. C: ghi ra tệp cứu hộ rồi thoát (lần mở sau chương trình đề nghị "
                        "ghi lại) · K: ở lại, chương trình tiếp tục thử lưu.")
            self.push_screen(ConfirmScreen(question), lambda yes: yes and self._rescue_and_exit(kept))
            return
        unsaved = any(getattr(s, "has_unsaved", lambda: False)() for s in self.screen_stack)
        if not unsaved:
            self._exit_keeping()
            return
        self.push_screen(ConfirmScreen("Có nội dung vừa gõ chưa lưu. Thoát và bỏ nội dung đó?"),
                         lambda yes: yes and self._exit_keeping(drop=True))

    def _kept_writes(self) -> list:
        """The last typing written first; then the PendingWrites still holding
        writes the storage refused."""
        watched = list(self.__dict__.get("_watched_writes", []))
        if "_typing_kept" in self.__dict__:
            watched.append((self.typing_kept.pending, self.typing_kept.flush))
        for _, before in watched:
            if before is not None:
                before()
        return [p for p, _ in watched if len(p)]

    def quit_unasked(self) -> None:
        """The system asks the app to end (tui/quit_signals.py): Ctrl+Q with
        nobody to answer it — kept writes go to the rescue file, then exit."""
        kept = self._kept_writes()
        if kept:
            self._rescue_and_exit(kept)
        self._exit_keeping()

    def _rescue_and_exit(self, kept) -> None:
        from models.services import rescue

        items = [item for p in kept for item in rescue.items_of(p)]
        try:
            path = rescue.write(items, self._database_name())
        except Exception as exc:  # the folder cannot be written: stay, nothing is lost
            from models.core.errors import os_reason

            self.notify(f"Không ghi được tệp cứu hộ ({os_reason(exc)}). Chương trình chưa thoát; nội dung vẫn được "
                        "giữ.", severity="error", timeout=12)
            return
        for p in kept:
            p.clear()             # in the rescue file now: not written twice if the database comes back
        self.exit_message = f"Nội dung chưa lưu đã được ghi vào tệp cứu hộ: {path}"
        self.exit()

    @staticmethod
    def _database_name():
        from models.domain.base import opened_as

        return opened_as()

    def _exit_keeping(self, drop: bool = False) -> None:
        # an editor's last second of typing is written first (it opens again next
        # time), or its kept typing removed when the person chose to drop it
        if "_typing_kept" in self.__dict__:
            if drop:
                self.typing_kept.done()
            self.typing_kept.flush()
        self.exit()

    async def on_key(self, event) -> None:
        """Letter shortcuts work with Caps Lock on or Shift held: "G" (or
        shift+g) runs the binding of "g" when nothing takes text input and "G"
        itself has none. Every other key goes on to Textual's own handler."""
        from textual.widgets import Input, TextArea

        key = event.key
        letter = key[-1] if key.startswith("shift+") and len(key) == 7 else key
        if len(letter) != 1 or not letter.isalpha() or (letter == letter.lower() and key == letter):
            return
        if isinstance(self.focused, (Input, TextArea)) or key in binding_keys(self.screen):
            return
        if await run_key_binding(self, letter.lower()):
            event.prevent_default()      # Textual's own handler would try "G" again

    def action_go(self, mode: str) -> None:
        if self.current_mode != mode:
            from .compat import prepare_mode

            prepare_mode(self, mode)    # a screen's first showing parses the styles once, not twice
            self.switch_mode(mode)

    def action_help(self) -> None:
        from .bindings import active_bindings
        from .screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        keys = [(b.key, b.description + (node.refused_note(b.action) if hasattr(node, "refused_note") else ""))
                for node, b in active_bindings(screen, self)]
        text = getattr(screen, "HELP", "") or "Dùng phím F2–F8 để chuyển màn hình, Ctrl+P để tìm lệnh."
        title = dict((m, label) for m, label, _, _ in NAVIGATION).get(self.current_mode, "Đối thoại")
        self.push_screen(HelpScreen(f"Trợ giúp — {title}", text, keys))

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = True) -> None:
        """Every notification in the app is plain text: messages carry stored or typed
        text (names, titles, paths), which must never be read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def report_unexpected(self, exc: BaseException) -> None:
        """An error we did not foresee: logged, and the user told in Vietnamese;
        the app keeps running and nothing saved is lost."""
        from .crash_log import log_unexpected

        log_unexpected(exc)
        self.notify("Có lỗi không mong đợi; thao tác chưa thực hiện được. Dữ liệu đã lưu vẫn an toàn. "
                    "Chi tiết đã ghi vào nhật ký (lệnh: doithoai locate).", severity="error", timeout=10)

    def unforeseen(self, error: Exception) -> None:
        """An exception no handler caught (tui/compat.UnforeseenErrors)."""
        if isinstance(error, UserError):
            self.notify(words.explain(error), severity="error", timeout=8, markup=False)
            return
        # Not Textual's crash screen (an English traceback with local variables,
        # which may hold a citizen's phone number): the traceback goes to the log,
        # the app ends with a non-zero code and run_app says in Vietnamese where.
        from .crash_log import unexpected_message

        self.exit_message = unexpected_message(error)
        self.end_with_error(error, UNEXPECTED_EXIT)


UNEXPECTED_EXIT = 70


def run_app(office=None) -> None:
    app = DoiThoaiApp(office)
    app.run(headless=bool(os.environ.get("DOITHOAI_BENCH_READY")))
    if app.exit_message:      # an error, or where the rescue file is
        print(app.exit_message, file=sys.stderr, flush=True)
    if app.return_code:
        sys.exit(app.return_code)
