"""Every place where we lean on a library's private parts, in one module, each
with a test (tests/test_compat.py) that fails loudly when the library changes.

Textual shows a few English words of its own: the command palette's "No matches
found" and the Ctrl+C hint "Press ctrl+q to quit the app". The palette's text
is not a setting, so the method that adds it is replaced here."""
from __future__ import annotations

import functools

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

NO_MATCHES = "Không tìm thấy lệnh nào. Gõ ít chữ hơn, hoặc bấm F1 để xem các phím của màn hình này."
#: the private names this module relies on
PALETTE_PRIVATE = ("_start_no_matches_countdown", "_stop_no_matches_countdown", "_NO_MATCHES",
                   "_NO_MATCHES_COUNTDOWN", "_list_visible", "_no_matches_timer")


class Palette(CommandPalette):
    """Textual's command palette, speaking Vietnamese when nothing matches."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


#: the private part ``prepare_mode`` relies on
APP_PRIVATE = ("_init_mode", "_screen_stacks", "_css_update_count")


def prepare_mode(app, mode: str) -> bool:
    """Build the screen of ``mode`` (compose, mount, styles) before it is first
    shown, so its first key draws a screen already made: 60-130 ms of
    Textual's work taken off F6 on an old PC. Textual does the same on the
    first switch_mode; False when the mode was already made."""
    if mode in app._screen_stacks:
        return False
    app._init_mode(mode)
    # Textual's _init_mode has just refreshed the app's styles (a full parse
    # of every stylesheet) but marks as styled the screen in front, not the
    # new one, so the switch that shows it would parse them all again: 0.35 s
    # of F6 at a load of 12 on two cores. The new screen is styled by that
    # refresh and its widgets as they mount; a later change of theme counts
    # up again and still refreshes it.
    for screen in app._screen_stacks[mode]:
        screen._css_update_count = app._css_update_count
    return True


#: the private names keys_in_order relies on
KEY_ORDER_PRIVATE = ("_bindings", "key_to_bindings", "_stop_propagation")


def keys_in_order(cls):
    """Make ``cls`` (Input, TextArea) run its own key bindings in its own handler.

    Textual hands a key to the focused widget's queue; a key the widget does not
    take itself (Backspace, ←, →, Home, End, Enter in an Input) then bubbles up
    through the queue of every container to the app, which runs the widget's
    binding from there. Keys that arrive together — a Vietnamese input method's
    ⌫ and replacement letter, sent in one burst — thus came out of order: the
    letters were inserted before the backspaces ran ("Đông" typed by Unikey
    became "DĐoông" in the board's search box). The widget's own bindings win
    over its screen's anyway (priority bindings are run by the app before the
    key is handed on), so running them here changes only when, not what."""
    if getattr(cls, "_doithoai_keys_in_order", False):
        return cls
    handle = cls._on_key

    async def _on_key(self, event) -> None:
        await handle(self, event)
        if event._stop_propagation:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return

    cls._on_key = _on_key
    cls._doithoai_keys_in_order = True
    return cls


#: the private names the app's key and error handling rely on (tui/app.py)
APP_KEYS_PRIVATE = ("_modal_binding_chain", "_check_bindings")
APP_ERROR_PRIVATE = ("_handle_exception", "_return_code", "_exception", "_exception_event",
                     "_close_messages_no_wait")


def binding_keys(screen) -> set[str]:
    """Every key bound on ``screen`` now: the focused widget, its containers, the
    screen and the app, up to the topmost modal (Textual's modal binding chain,
    disabled actions included, unlike ``active_bindings``)."""
    return {key for _node, bindings in screen._modal_binding_chain for key in bindings.key_to_bindings}


async def run_key_binding(app, key: str) -> bool:
    """Run the binding of ``key`` as Textual would for a key pressed now
    (priority bindings first, then from the focused widget up); True if one ran."""
    return await app._check_bindings(key)


class UnforeseenErrors:
    """An App mixin: an exception Textual would show on its crash screen (an
    English traceback with local variables) goes to ``self.unforeseen(error)``
    instead; ``end_with_error`` ends the app as Textual's crash would."""

    def _handle_exception(self, error: Exception) -> None:
        self.unforeseen(error)

    def unforeseen(self, error: Exception) -> None:
        super()._handle_exception(error)

    def end_with_error(self, error: Exception, code: int) -> None:
        """End the app with exit code ``code``; Pilot re-raises ``error`` in tests."""
        self._return_code = code
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()


#: the private counters ``styled_as_current`` relies on
CSS_PRIVATE = ("_css_update_count", "_screen_stacks")


def styled_as_current(screen) -> None:
    """A new screen is styled from the current stylesheet when it mounts.
    Textual 8 still re-parses every stylesheet the first time each mode's
    screen is made (a new screen's CSS counter starts "out of date"), which
    costs a visible part of the start-up on an old PC. Mark it current, but
    only once a screen has been styled at that count: the first refresh is the
    one that sets the theme's variables ($text, $foreground), without which
    text was drawn in the background's colour (the dashboard's panels were
    blank in a real terminal). No running app (a screen built in a test):
    nothing to do."""
    try:
        app = screen.app
        stacks = app._screen_stacks
    except Exception:  # no running app (a screen built in a test)
        return
    if any(other._css_update_count == app._css_update_count for stack in stacks.values() for other in stack):
        screen._css_update_count = app._css_update_count


def styled_on_mount(screen) -> None:
    """A screen that has mounted was styled from the stylesheet as it is now:
    its widgets are styled as they register, after the refresh Textual ran when
    the mode was made. Textual leaves the first mode's screen "out of date"
    (its refresh ran before the screen had mounted), so no later screen could
    be marked current by styled_as_current, and the board's first F6 parsed
    every stylesheet again (0.35-0.5 s in a pty at a load of 6)."""
    app = screen.app
    if screen._css_update_count < 0:
        screen._css_update_count = app._css_update_count


#: the private parts of Textual's Stylesheet ``parse_styles_once`` relies on
STYLESHEET_PRIVATE = ("_parse_rules", "_variables")

#: rules parsed in this process: (variables, css, where read, default?, tie breaker, scope) → rules
_PARSED: dict[tuple, list] = {}


def parse_styles_once() -> None:
    """Textual parsed every stylesheet (app.tcss and each widget's DEFAULT_CSS)
    three times before the first frame: when the first screen registers, when
    its mode refreshes the styles with the theme's variables, and when the
    screen's widgets bring their own CSS (a new source makes it parse all of
    them again). Its Stylesheet keeps a cache, but a reparse builds a new
    Stylesheet and new variables empty it. Here the rules are kept for the
    process by their text and the variables they were parsed with, so the
    same text under the same theme is tokenized once (a quarter of the time
    from process start to the painted dashboard was the CSS tokenizer). A new
    theme's variables parse again, as Textual would."""
    from textual.css.stylesheet import Stylesheet

    real = Stylesheet._parse_rules
    if getattr(real, "_doithoai_once", False):
        return

    @functools.wraps(real)
    def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (tuple(sorted(self._variables.items())), css, read_from, is_default_rules, tie_breaker, scope)
        rules = _PARSED.get(key)
        if rules is None:
            rules = real(self, css, read_from, is_default_rules, tie_breaker, scope)
            if len(_PARSED) > 256:        # themes changed many times: start again
                _PARSED.clear()
            _PARSED[key] = rules
        return rules

    _parse_rules._doithoai_once = True
    Stylesheet._parse_rules = _parse_rules


#: the private parts of TextArea's undo history ``word_history`` relies on
HISTORY_PRIVATE = ("_edit_result", "_get_time", "_undo_stack", "_redo_stack", "_force_end_batch",
                   "_last_edit_time", "_character_count", "_previously_replaced")


def word_undo(text_area, pause: float) -> None:
    """Undo in ``text_area`` goes back a word (with the space after it), a
    pause of ``pause`` seconds, a line or a paste at a time, not a letter at a
    time, also when a Vietnamese input method types each accent as a Backspace
    and a new letter. (Textual's history has no setting for it: its record
    method is replaced.)"""
    text_area.history = _word_history()(max_checkpoints=200, checkpoint_timer=pause,
                                         checkpoint_max_characters=200)


@functools.cache
def _word_history():
    # Textual's TextArea modules are heavy: made at the first multi-line field
    from dataclasses import dataclass

    from textual.document._history import EditHistory, HistoryException

    @dataclass
    class WordHistory(EditHistory):
        def record(self, edit) -> None:
            done = edit._edit_result
            if done is None:
                raise HistoryException("Cannot add an edit to history before it has been performed using `Edit.do`.")
            text, gone = edit.text, done.replaced_text
            if text == "" and gone == "":
                return
            now = self._get_time()
            block = len(text) > 1 or "\n" in text or "\n" in gone
            word_start = len(text) == 1 and not text.isspace() and getattr(self, "_after_space", False)
            stack = self._undo_stack
            if (not stack or self._force_end_batch or block or word_start
                    or now - self._last_edit_time > self.checkpoint_timer
                    or self._character_count + len(text) > self.checkpoint_max_characters):
                stack.append([edit])
                self._character_count = len(text)
                self._force_end_batch = False
            else:
                stack[-1].append(edit)
                self._character_count += len(text)
            self._last_edit_time = now
            if text:
                self._after_space = text[-1].isspace()
            self._previously_replaced = bool(gone)
            self._redo_stack.clear()
            if block:
                self.checkpoint()

    return WordHistory
