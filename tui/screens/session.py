"""Phiên họp: the screen the secretary keeps open during the conference.

The petition being typed lives in one widget (tui/widgets/entry.py) that gets
every key in order; this screen stores what it reports. Every change is
written to the database: a move between fields at once, text being typed
within SAVE_DELAY seconds (a one-shot timer started by the first unsaved
change, so continuous typing is still saved every second). A write the storage
refuses (full disk, read-only file, lost server) is kept in memory and retried
(models/services/safe_write.py). After a crash the screen reopens on the same
conference, draft and field."""
from __future__ import annotations

import copy

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from models.core.errors import UserError
from models.services import live_session as live
from models.services.safe_write import PendingWrites
from models.core.words import CONTENT, FIELD, NO_NAME, PETITION_STATUSES as STATUSES, VILLAGE

from .. import work
from .. import words
from ..widgets.boxes import clip
from ..widgets.entry import KEYS, PetitionEntry
from ..widgets.keybar import KeyBar
from ..widgets.page_table import PageTable
from .base import AppScreen
from ..words import SessionWords as W

#: seconds between a change and its write while the user keeps typing
SAVE_DELAY = 1.0
#: seconds before the first attempt again while a write is kept in memory; each
#: failed attempt doubles it up to RETRY_MOST (a key typed tries at once)
RETRY_DELAY = 2.0
RETRY_MOST = 30.0
FIXED_SIZE = {"session-title"}
#: brings back a petition the model refused after the next one was begun (kept in the place)
REFUSED_KEY = "ctrl+x"


#: the session screen below this width: a narrower side column (app.tcss,
#: Screen.-narrow) and a petitions table of number, name, content, handling
WIDE_FROM = 160
NARROW_WIDTHS = (3, 12, None, 10)            # Số, Người nêu, Nội dung (the spare width), Xử lý
#: from 120 columns the name and the handling are shown whole (a full name, "Trả lời
#: bằng văn bản"; only "Chuyển cấp có thẩm quyền" loses its end), the content takes
#: what is left (issue 20, 13)
ROOMY_FROM, ROOMY_WIDTHS = 120, (3, 20, None, 20)
#: beside the list: the side panel (app.tcss #session-side, 42 from 120 columns),
#: the list's padding, the scroll bar, and each cell's padding (4 columns × 2)
ROOMY_BESIDE = 42 + 2 + 2 + 4 * 2
WIDE_WIDTHS = (3, 20, 12, 14, None, 24)

class SessionScreen(AppScreen):
    #: the key bar may take three lines at 80 columns: every key keeps a name
    KEYBAR_ROWS = 3
    HELP = (
        W.HELP)
    BINDINGS = [
        Binding("ctrl+b", "start", W.START, id="session.start"),
        Binding("ctrl+t", "agenda", W.AGENDA, id="session.agenda"),
        # The keys that open a box are priority bindings: the app acts on them
        # as they arrive, so keys typed right after them reach the new box
        # (tui/widgets/type_ahead.py) and not the petition entry underneath.
        Binding("ctrl+o", "enqueue", W.ENQUEUE, id="session.enqueue", priority=True),
        Binding("f9", "attendance", W.ATTENDANCE, id="session.attendance", priority=True),
        # F10/F11/F12 are taken by some terminals (Windows Terminal: F11 full
        # screen; GNOME Terminal: F10 menu), so each also has a Ctrl key.
        Binding("f10,ctrl+k", "conclusions", W.CONCLUSIONS, id="session.conclusions", priority=True),
        Binding("f11,ctrl+f", "choose", W.CHOOSE, id="session.choose", priority=True),
        Binding("f12,ctrl+e", "close_session", W.CLOSE, id="session.close", priority=True),
        # Ctrl+G lists the petitions this one may join; the secretary picks one or none
        Binding("ctrl+g", "group", W.GROUP, id="session.group", priority=True),
        # a recorded petition: Ctrl+↑ Ctrl+↓ choose it in the list, Ctrl+D corrects or withdraws it
        Binding("ctrl+up", "select_row(-1)", W.ROW_UP, id="session.row_up", show=False, priority=True),
        Binding("ctrl+down", "select_row(1)", W.ROW_DOWN, id="session.row_down", show=False,
                priority=True),
        Binding("ctrl+n", "contacts", W.CONTACTS, id="session.contacts", priority=True),
        Binding("ctrl+d", "edit_recorded", W.EDIT_RECORDED, id="session.edit", priority=True),
        Binding("ctrl+z", "history", words.PaperKeyWords.HISTORY, id="session.history", show=False, priority=True),
        # not a priority key: it reaches the entry's queue first, so it acts in typing order
        Binding(REFUSED_KEY, "bring_back", W.BRING_BACK, id="session.bring_back", show=False),
    ]

    class Loaded(Message):
        """The conference and its records are on screen (tests wait for it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conf = None
        self.place: dict = {}
        self.loaded = False
        self.pending = PendingWrites()
        self.commits = 0               # petitions recorded here: orders kept writes
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._retry_wait = RETRY_DELAY
        self._clock: Timer | None = None
        self._similar: list = []
        self._similar_for = None
        self.attendance_now = None     # the counts on screen (F9 opens with them)
        self._entry = PetitionEntry(id="entry")
        # until the conference is on screen the entry takes no keys: what is typed
        # meanwhile is kept here and typed into it once loaded (it was lost: the
        # loaded draft replaced it)
        self._entry.can_focus = False
        self._early_keys: list[tuple[str, str | None]] = []
        self._running_item = None           # the agenda item whose clock runs
        self._row_chosen = False            # a row of the list chosen with Ctrl+↑/↓ (Ctrl+W gives it its title)
        self._bring_back_next = False       # the refused petition follows the one being typed
        #: every write of this screen, one after another, off the event loop
        self.writes: work.Serial | None = None

    # --- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(W.TITLE, id="session-title", classes="screen-title")
        with Horizontal(id="session"):
            with Vertical(id="session-side"):
                yield Static(W.ATTENDANCE_TITLE, classes="section-title")
                yield Static("", id="attendance")
                yield Static(W.AGENDA_TITLE, classes="section-title")
                yield PageTable(id="agenda", show_cursor=False)
                yield Static(W.QUEUE_TITLE, classes="section-title")
                yield Static("", id="queue")
            with Vertical(id="session-main"):
                yield self._entry
                yield Static("", id="similar", classes="similar")
                yield PageTable(id="petitions", zebra_stripes=True)
        yield KeyBar()

    @property
    def entry(self) -> PetitionEntry:
        """The petition entry: it owns the draft being typed (kept after the
        screen closes, for its last write)."""
        return self._entry

    def on_mount(self) -> None:
        # only the entry takes keys: nothing else on this screen may take focus from it
        for table in self.query(PageTable):
            table.can_focus = False
        # the side panel is 28 cells inside below 120 columns (app.tcss): the item's
        # name there, its times in the wider panel (the name gives way to them)
        self._agenda_times = self.app.size.width >= ROOMY_FROM
        self.query_one("#agenda", PageTable).add_columns(
            "#", W.ITEM, *((words.PLANNED, words.ACTUAL) if self._agenda_times else ()), give_way=(1,))
        petitions = self.query_one("#petitions", PageTable)
        # 80×24 first: the list beside the side panel is 50-70 columns up to
        # 159 columns of terminal, so the village and field give way there (the
        # entry above shows them); the content takes the spare width
        width = self.app.size.width
        self._narrow = width < WIDE_FROM
        self._content_width = 40
        if self._narrow:
            widths = ROOMY_WIDTHS if width >= ROOMY_FROM else NARROW_WIDTHS
            if width >= ROOMY_FROM:
                self._content_width = max(16, width - ROOMY_BESIDE - sum(w for w in widths if w))
            for label, w in zip((W.NUMBER, W.RAISED_BY, CONTENT, W.HANDLING), widths):
                petitions.add_column(label, width=w)
        else:
            for label, width in zip((W.NUMBER, W.RAISED_BY, VILLAGE, FIELD, CONTENT, W.HANDLING), WIDE_WIDTHS):
                petitions.add_column(label, width=width)
        self.entry.take_speaker = self.take_speaker
        self.writes = work.Serial(self, "session-write")
        self.app.watch_writes(self.pending, self.before_quit)
        self.load()

    def on_unmount(self) -> None:
        # closing (the app quits): the typing of the last second and every write
        # still queued reach the database before the screen goes
        if self.writes is not None:
            self.save_now()
            self.writes.flush()

    def on_screen_suspend(self) -> None:
        self.save_now()
        if self._clock:
            self._clock.pause()

    def on_screen_resume(self) -> None:
        if self._clock and self.conf is not None and self.conf.status == "in_session":
            self._clock.resume()

    # --- loading --------------------------------------------------------------------
    def on_key(self, event) -> None:
        """A key typed before the conference is on screen (nothing has focus yet):
        kept, said, and typed into the entry once loaded (``_ready_for_keys``)."""
        if self.loaded or self.entry.can_focus:
            return
        event.stop()
        event.prevent_default()
        self._early_keys.append((event.key, event.character))
        self.say("session-title", W.TITLE_LOADING.format(n=len(self._early_keys)))

    def _ready_for_keys(self, into_entry: bool = True) -> None:
        """The entry takes keys from now on, the ones typed while loading first;
        when a form opens again over it instead, they are dropped, and it is said."""
        entry = self.entry
        entry.can_focus = True
        entry.focus()
        # the key bar was laid out without the entry's keys (nothing had focus): again, with them
        self.call_after_refresh(lambda: self.query_one(KeyBar).refresh(layout=True))
        from textual import events

        early, self._early_keys = self._early_keys, []
        if early and not into_entry:
            self.notify(W.EARLY_KEYS_DROPPED.format(n=len(early)), severity="warning", timeout=10)
            return
        for key, character in early:        # straight to the entry: ahead of any key typed after
            entry.post_message(events.Key(key, character))

    def load(self, conf_id: int | None = None) -> None:
        work.run(self, self._read, conf_id, done=self.show, group="session-load")

    def _read(self, conf_id):
        from models.domain.conference import Conference

        office = self.office
        place = live.load_place(office)
        if conf_id is None:
            conf_id = place.get("conference")
        conf = Conference.get_or_none(Conference.id == conf_id) if conf_id else None
        if conf is None or conf.office_id != office.id:
            conf = live.pick_conference(office)
        if conf is not None and place.get("conference") != conf.id:
            place = {"conference": conf.id, **({"refused": place["refused"]} if place.get("refused") else {})}
        fields = live.field_list(office)
        units_by_field = {str(f.code): live.unit_names(office, f.name) for f in fields}
        units_by_field[""] = live.unit_names(office)
        from models.services.privacy import keep_withheld_names

        return dict(conf=conf, place=place, keep_names=keep_withheld_names(office),
                    villages=live.village_names(office, conf), officials=live.official_names(office),
                    fields=[(f.code, f.name) for f in fields], units_by_field=units_by_field,
                    agenda=live.agenda(conf) if conf else [], attendance=live.attendance(conf) if conf else None,
                    petitions=live.session_rows(conf) if conf else [],
                    chair=live.chair_name(conf) if conf else "")

    def show(self, d) -> None:
        self.conf, self.place = d["conf"], d["place"]
        entry = self.entry
        entry.villages, entry.officials, entry.fields = d["villages"], d["officials"], d["fields"]
        entry.keep_withheld_names = d["keep_names"]
        entry.units_by_field, entry.units = d["units_by_field"], d["units_by_field"][""]
        if self.conf is None:
            self.say("session-title", W.TITLE_NONE)
            self.loaded = True
            self._early_keys = []            # nothing to type them into
            self._ready_for_keys()
            self.post_message(self.Loaded())
            return
        self.show_agenda(d["agenda"])
        self._running_item = next((i for i in d["agenda"] if i.actual_start and not i.actual_end), None)
        self.show_attendance(d["attendance"])
        table = self.query_one("#petitions", PageTable)
        table.clear()
        for p in d["petitions"]:
            self._add_row(p)
        entry.last_village = d["petitions"][-1].village if d["petitions"] else ""
        entry.number = len(d["petitions"]) + 1
        # the entry owns the draft from here on; the place only carries it to and from storage
        draft = live.empty_draft(d["chair"])
        draft.update({k: v for k, v in (self.place.pop("draft", None) or {}).items() if k in live.DRAFT_KEYS})
        focus = self.place.get("focus")
        entry.load(draft, focus if focus in KEYS else "citizen_name")
        self.show_queue()
        self.update_clock_state()
        self.tick()
        self.place["mount"] = int(self.place.get("mount", 0)) + 1
        self.place["focus"] = entry.current
        self.save_now()
        self.loaded = True
        editing = str(self.place.get("editing") or "")
        reopen = {"conclusions": self.action_conclusions, "attendance": self.action_attendance,
                  "enqueue": self.action_enqueue, "contacts": self.action_contacts}.get(editing)
        # a form reopened over the entry: the keys typed while loading were not meant for the entry
        self._ready_for_keys(into_entry=reopen is None and not editing.startswith("edit:"))
        if reopen is not None:
            reopen()
        elif editing.startswith("edit:") and editing[5:].isdigit():
            self._edit_petition(int(editing[5:]))
        if self.place.get("refused"):       # kept from before (a quit, a crash): offered
            self.notify(W.REFUSED_WAITING.format(n=len(self.place["refused"]), key=words.key(REFUSED_KEY)),
                        severity="warning", timeout=20, markup=False)
        self.post_message(self.Loaded())

    def show_agenda(self, items) -> None:
        table = self.query_one("#agenda", PageTable)
        table.clear()
        for item in items:
            actual = f"{item.actual_start:%H:%M}" if item.actual_start else ""
            if item.actual_start:
                actual += f"–{item.actual_end:%H:%M}" if item.actual_end else " ▶"
            times = (f"{item.planned_start} ({item.planned_minutes}')", actual) if self._agenda_times else ()
            table.add_row(str(item.seq), item.title[:22], *times, key=str(item.id))

    def show_attendance(self, a) -> None:
        if a is None:
            return
        self.attendance_now = a
        from models.domain.conference import ATTENDANCE_GROUPS

        lines = [f"{label}: {a.counts.get(g, 0)}" for g, label in ATTENDANCE_GROUPS.items()]
        lines.append(W.GUESTS_TOTAL.format(guests=len(a.guests), total=a.total))
        self.say("attendance", "\n".join(lines))

    def show_queue(self) -> None:
        queue = self.place.get("queue") or []
        text = "\n".join(f"{i}. {q.get('citizen_name') or NO_NAME} — {q.get('village', '')}"
                         for i, q in enumerate(queue[:8], start=1)) or W.QUEUE_EMPTY
        if len(queue) > 8:
            text += W.QUEUE_MORE.format(more=len(queue) - 8)
        self.say("queue", text)

    def _add_row(self, p: live.SessionRow) -> None:
        from models.domain.petition import DISPOSITIONS

        content = clip(p.content, self._content_width)
        handling = DISPOSITIONS.get(p.disposition, "")
        if p.status == "withdrawn":
            handling = STATUSES["withdrawn"]
        elif p.head_seq is not None:
            handling += W.GROUPED_HERE.format(head_seq=p.head_seq) if p.head_here \
                else W.GROUPED_EARLIER.format(head_received_on=p.head_received_on)
        table = self.query_one("#petitions", PageTable)
        if self._content_width != 40:       # the roomy list: a handling cut says so
            if p.status != "withdrawn" and p.head_seq is not None:   # a member follows its head: say the group
                handling = W.GROUPED_HERE_SHORT.format(head_seq=p.head_seq) if p.head_here \
                    else W.GROUPED_EARLIER_SHORT.format(head_received_on=p.head_received_on)
            handling = clip(handling, ROOMY_WIDTHS[3])
        cells = (str(p.seq), p.citizen, p.village, p.field, content, handling)
        if self._narrow:
            cells = cells[:2] + cells[4:]
        table.add_row(*cells, key=str(p.id))
        table.move_cursor(row=table.row_count - 1)

    # --- the clock: ticks only while the session is live ------------------------------
    def update_clock_state(self) -> None:
        live_now = self.conf is not None and self.conf.status == "in_session"
        if live_now and self._clock is None:
            self._clock = self.set_interval(1.0, self.tick)
        elif not live_now and self._clock is not None:
            self._clock.stop()
            self._clock = None

    def tick(self) -> None:
        if self.conf is None:
            return
        from models.domain.base import now

        c = self.conf
        head = W.TITLE_CONFERENCE.format(title=c.title, date=c.date, status_label=c.status_label)
        if c.status == "in_session":
            head += f" — {now():%H:%M:%S}"
            running = self._running_item
            if running is not None:
                head += (W.ITEM_RUNNING.format(seq=running.seq, elapsed=live.elapsed_text(running.actual_start),
                                               planned_minutes=running.planned_minutes))
        elif c.status in live.LIVE_FROM:
            head += W.START_HINT
        self.say("session-title", head)

    # --- saving as typed ---------------------------------------------------------------
    @on(PetitionEntry.Changed)
    def _entry_changed(self, event: PetitionEntry.Changed) -> None:
        event.stop()
        if not self.loaded:
            return
        self.place["focus"] = event.current
        if not self.entry.pristine:         # typing a new petition: Ctrl+W is for it again
            self._row_chosen = False
        if event.moved:
            if event.current == "disposition":
                self.show_similar()
            self.save_now()
        else:
            self.schedule_save()

    def schedule_save(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.conf is None or not self.loaded and "mount" not in self.place:
            return
        self.place["conference"] = self.conf.id
        self._write(("place", self.commits), live.save_place, self.office, self._stored_place())

    def _stored_place(self) -> dict:
        """The place as written: the screen's place with the entry's draft (a copy)."""
        return copy.deepcopy(dict(self.place, draft=self.entry.draft))

    def _write(self, key, func, *args, done=None, failed=None) -> None:
        """One write through PendingWrites, queued behind the screen's earlier
        writes and run off the event loop: a storage failure keeps it and says
        so; ``done(outcome)`` runs on the loop once it is written or kept."""
        def written(outcome):
            self._after_write(outcome)
            if done is not None:
                done(outcome)

        self.writes.submit(self.pending.save, key, func, *args, done=written,
                           failed=failed or self._write_failed)

    def _write_failed(self, exc: BaseException, own: dict | None = None) -> None:
        """A write refused. A petition kept earlier (the storage failed) and refused
        when tried again is kept as any refused petition (``_refused``), and so is
        ``own``, the petition of this write (it did not run after that refusal)."""
        item = getattr(exc, "dropped_write", None)
        if item is not None and item.func is live.record_draft and len(item.args) >= 3:
            self._refused(copy.deepcopy(item.args[2]), exc)
        elif own is None:
            work.tell_error(self, exc)
        if own is not None:
            self._refused(own, exc)

    def _after_write(self, outcome) -> None:
        if outcome.saved:
            self._retry_wait = RETRY_DELAY
            return
        from models.services.safe_write import GONE

        if outcome.message == GONE:
            # the file has gone: the typing goes to the rescue file at once (retries cannot save it)
            self.writes.submit(self._rescue, done=self._rescued)
            return
        self.notify(outcome.message, severity="warning", timeout=8)
        if self._retry_timer is None:
            # runs only while something is kept, so an idle app stays idle
            self._retry_timer = self.app.set_timer(self._retry_wait, self.retry)
            self._retry_wait = min(self._retry_wait * 2, RETRY_MOST)

    def _rescue(self):
        from models.services import rescue

        self._rescue_file = rescue.rescue(self.pending, getattr(self, "_rescue_file", None))
        return self._rescue_file

    def _rescued(self, path) -> None:
        from models.services.safe_write import GONE

        self.notify(GONE + (W.RESCUE_FILE.format(path=path) if path else ""), severity="error", timeout=20)

    def before_quit(self) -> None:
        """Ctrl+Q: the last second's typing is written (or kept) before the app asks."""
        if self.writes is not None:
            self.save_now()
            self.writes.flush()

    def retry(self) -> None:
        self._retry_timer = None

        def tried(outcome):
            if outcome.saved:
                self._retry_wait = RETRY_DELAY
                self.notify(W.KEPT_SAVED)
                self.refresh_petitions()
            else:
                self._after_write(outcome)

        self.writes.submit(self.pending.retry, done=tried, failed=self._write_failed)

    def refresh_petitions(self, then=None) -> None:
        def redraw(rows):
            table = self.query_one("#petitions", PageTable)
            table.clear()
            for p in rows:
                self._add_row(p)
            if then is not None:
                then()

        work.run(self, live.session_rows, self.conf, done=redraw, group="session-rows")

    def say(self, widget_id: str, text: str | Text) -> None:
        """Update a Static only when its text changes: a changed Static costs a
        layout pass. Plain strings are shown as typed, never read as markup."""
        if isinstance(text, str):
            text = Text(text)
        w = self.query_one(f"#{widget_id}", Static)
        if getattr(w, "_said", None) != text:
            w._said = text
            # one-line boxes of fixed size need no new layout, only a repaint
            w.update(text, layout=widget_id not in FIXED_SIZE)

    # --- similar petitions and recording ----------------------------------------------------
    def _similar_key(self, draft):
        return tuple(draft.get(k, "") for k in ("village", "field", "content"))

    def show_similar(self) -> None:
        """The "raised before" lookup, off the loop: the typing goes on meanwhile,
        and a commit that comes first looks it up itself (live.record_draft)."""
        if self.conf is None:
            return
        key = self._similar_key(self.entry.draft)

        def found(similar):
            if self._similar_key(self.entry.draft) != key:
                return                  # typed on since: a newer lookup or the commit decides
            self._similar, self._similar_for = similar, key
            if not similar:
                self.say("similar", "")
                return
            _pid, where, content, answer = similar
            self.say("similar", Text.assemble((W.SIMILAR.format(where=where), "bold"), f" {content}\n",
                                              (f"{STATUSES['answered']}:", "bold"), f" {answer}"))

        work.run(self, similar_shown, self.office, self.conf, dict(self.entry.draft), done=found, group="similar")

    @on(PetitionEntry.DiscardAsked)
    def _discard_asked(self, event: PetitionEntry.DiscardAsked) -> None:
        """Esc with a half-typed petition: asked once, then it is dropped."""
        event.stop()
        from ..widgets.confirm import ConfirmScreen

        def answer(yes):
            if yes:
                self.entry.discard()
                self.notify(W.DROPPED, timeout=3)
            self.entry.focus()

        self.app.push_screen(ConfirmScreen(W.DROP_ASK.format(number=self.entry.number)), answer)

    @on(PetitionEntry.Completed)
    def _entry_completed(self, event: PetitionEntry.Completed) -> None:
        event.stop()
        draft = event.draft
        try:
            self.commit(draft)
        except UserError as exc:
            self._refused(draft, exc)
            return
        if self._bring_back_next:
            self._bring_back_next = False
            self.action_bring_back()

    def _refused(self, draft: dict, exc: Exception) -> None:
        """The model refused a petition (the session not begun or closed meanwhile,
        a lock, a database error): it took no number, so the number goes back. Its
        text comes back into the entry when nothing new was typed there; else it is
        kept in the place (stored as the entry's draft is), and REFUSED_KEY brings it back."""
        why = words.explain(exc) if isinstance(exc, UserError) else W.REFUSED_UNEXPECTED
        if not isinstance(exc, UserError):
            self.notify_error(exc)
        self.entry.number = max(1, self.entry.number - 1)
        if not self.entry.typed_anything:
            self.entry.load(draft, "content")
            self.save_now()
            self.entry.say(why)
            return
        kept = list(self.place.get("refused") or [])
        kept.append({"draft": copy.deepcopy(draft), "why": why})
        self.place["refused"] = kept
        self.save_now()         # at once: the text is stored before anything else is typed
        said = W.REFUSED_KEPT.format(why=why, short=clip(" ".join(str(draft.get("content", "")).split()), 40),
                                     key=words.key(REFUSED_KEY))
        self.entry.say(said)          # goes with the next key typed: the notice stays
        self.notify(said, severity="warning", timeout=15, markup=False)

    def action_bring_back(self) -> None:
        """REFUSED_KEY: the oldest refused petition back into the entry: at once when
        it is empty, else once the one being typed is recorded (neither is lost)."""
        kept = list(self.place.get("refused") or [])
        if not kept:
            self.entry.say(W.REFUSED_NONE)
            return
        if self.entry.typed_anything:
            self._bring_back_next = True
            self.entry.say(W.REFUSED_AFTER.format(number=self.entry.number))
            return
        item, rest = kept[0], kept[1:]
        if rest:
            self.place["refused"] = rest
        else:
            self.place.pop("refused", None)
        draft = live.empty_draft(self.entry.draft.get("answered_by", ""))
        draft.update({k: v for k, v in (item.get("draft") or {}).items() if k in live.DRAFT_KEYS})
        self.entry.load(draft, "content")
        self.save_now()         # one write: the draft in the entry, gone from the refused ones
        self.entry.say(W.REFUSED_BACK.format(more=len(rest), key=words.key(REFUSED_KEY)) if rest
                       else W.REFUSED_BACK_LAST)

    def commit(self, draft: dict) -> None:
        live.check_recording(self.conf)      # the rules are the model's; this screen shows their answer
        known = self._similar_for == self._similar_key(draft)
        draft["similar_to"] = self._similar[0] if known and self._similar else None
        if not isinstance(draft.get("group_parent"), int) or isinstance(draft.get("group_parent"), bool):
            draft["group_parent"] = None      # only a petition the secretary picked (Ctrl+G)
        # stored with the petition: the entry's next draft (already started, maybe typed into)
        self.place["focus"] = self.entry.current
        original = copy.deepcopy(draft)

        def recorded(outcome):
            if outcome.saved:
                self._add_row(outcome.result)

        self._write(("petition", self.commits), live.record_draft, self.office, self.conf,
                    copy.deepcopy(draft), self._stored_place(), known,
                    done=recorded, failed=lambda exc: self._write_failed(exc, original))
        self.commits += 1
        self.say("similar", "")
        self._similar, self._similar_for = [], None

    # --- grouping and corrections ------------------------------------------------------------
    def action_group(self) -> None:
        """Ctrl+G: the petitions the one being typed may join, or none."""
        if not self._need_conf():
            return
        entry = self.entry
        if entry.draft.get("group_parent"):
            entry.draft["group_parent"] = None
            entry.group_label = ""
            entry._changed(moved=True)
            self.notify(W.UNGROUPED, timeout=2)
            return
        work.run(self, group_choices, self.office, self.conf, dict(entry.draft), done=self._offer_groups,
                 group="session-group")

    def _offer_groups(self, choices) -> None:
        options, labels = choices
        entry = self.entry
        if not options:
            self.notify(W.NOTHING_TO_GROUP, severity="warning", timeout=6)
            return
        from ..widgets.pick import PickScreen

        options = [(W.NO_GROUP, 0)] + options

        def chosen(pid):
            if pid:
                entry.draft["group_parent"] = pid
                entry.group_label = labels.get(pid, "")
                entry._changed(moved=True)
            entry.focus()

        self.app.push_screen(PickScreen(W.GROUP_WITH, options), chosen)

    def action_contacts(self) -> None:
        """Ctrl+N: the current citizen's title, address and phone (all optional)."""
        from ..widgets.form import FormField, FormScreen

        entry = self.entry
        d = entry.draft
        fields = [FormField("citizen_title", W.CITIZEN_TITLE, d.get("citizen_title") or None, kind="select",
                            options=[(W.MR, W.MR), (W.MRS, W.MRS)]),
                  FormField("citizen_address", W.ADDRESS, d.get("citizen_address", "")),
                  FormField("citizen_phone", W.PHONE, d.get("citizen_phone", ""))]
        resume = self._reopened_form("contacts", fields)

        def done(values):
            if values is not None:
                entry.draft.update(values)
                entry._changed(moved=True)
            self._form_closed()

        self.app.push_screen(FormScreen(W.CONTACTS_OF.format(name=clean_name(d)), fields, changed=self._form_typing("contacts"),
                                        resume_at=resume, id="contacts"), done)

    def save_contacts(self, event) -> None:
        """Ctrl+S in the contacts form (intent up: tui/widgets/form.py)."""
        event.save(live.contacts_from, event.values)

    def _reopened_form(self, name: str, fields) -> dict | None:
        """A form reopened after a restart (the place says it was open): its fields
        take the typing kept in the place; returns the field and cursor to go back to."""
        if self.place.get("editing") != name:
            return None
        for f in fields:
            f.value = self._typed_value(f.key, f.value)
        return (self.place.get("form") or {}).get("_where")

    def action_select_row(self, step: int) -> None:
        table = self.query_one("#petitions", PageTable)
        if table.row_count:
            table.show_cursor = True
            table.move_cursor(row=min(max(0, table.cursor_row + step), table.row_count - 1))
            self._row_chosen = True

    def _chosen_petition(self) -> int | None:
        """The id of the recorded petition chosen in the list, if one is."""
        table = self.query_one("#petitions", PageTable)
        if self.conf is None or not table.row_count:
            return None
        return int(table.row_key_at(table.cursor_row))

    @on(PetitionEntry.TitleAsked)
    def _title_asked(self, event: PetitionEntry.TitleAsked) -> None:
        """Ctrl+W with nothing typed: the title of the petition chosen with Ctrl+↑/↓,
        saved at once (history, audit, undo with Ctrl+Z); else of the one to be typed."""
        event.stop()
        pid = self._chosen_petition() if self._row_chosen else None
        if pid is None:
            self.entry.cycle_title()
            return
        office = self.office

        def change():
            from models.services import board as board_svc
            from models.services import board_actions as act

            return act.next_title_for(board_svc.petition(pid, office))

        def done(p):
            table = self.query_one("#petitions", PageTable)
            at = table.cursor_row
            self.refresh_petitions(then=lambda: table.move_cursor(row=at))   # the row shows the title
            w = words.PaperKeyWords
            self.notify(w.TITLE_SET_FOR.format(number=p.seq or p.id, name=p.citizen_label, title=p.citizen_title or w.NO_TITLE,
                                               said=p.citizen_title.lower() or w.SIR_OR_MADAM,
                                               undo=words.key("ctrl+z")), timeout=8, markup=False)

        self.writes.submit(change, done=done)

    def action_history(self) -> None:
        """Ctrl+Z: the history of the petition chosen in the list (the last one
        recorded unless another is chosen); U there puts back a change."""
        from ..widgets.history import HistoryScreen

        pid = self._chosen_petition()
        if pid is None:
            self.notify(W.NOTHING_TO_EDIT, severity="warning")
            return

        table = self.query_one("#petitions", PageTable)
        at = table.cursor_row

        def opened(p):
            self.app.push_screen(HistoryScreen(p, words.PaperKeyWords.HISTORY_OF.format(
                number=p.seq or p.id, name=p.citizen_label)),
                lambda _: self.refresh_petitions(then=lambda: table.move_cursor(row=at)))

        from models.services import board as board_svc

        work.run(self, board_svc.petition, pid, self.office, done=opened, group="session-history")

    def action_edit_recorded(self) -> None:
        """Ctrl+D: correct or withdraw the petition selected in the list."""
        table = self.query_one("#petitions", PageTable)
        if self.conf is None or not table.row_count:
            self.notify(W.NOTHING_TO_EDIT, severity="warning")
            return
        self.save_now()
        self._edit_petition(int(table.row_key_at(table.cursor_row)), table.cursor_row)

    def _edit_petition(self, pid: int, row: int | None = None) -> None:
        """The correction form of petition ``pid``; its typing is kept in the place
        (as the entry's is), so a kill reopens it with what was typed."""
        from ..widgets.petition_form import form_choices, petition_form

        table = self.query_one("#petitions", PageTable)
        name = f"edit:{pid}"

        def done(result):
            if result is not None:
                self.refresh_petitions(then=lambda: row is not None and table.move_cursor(row=row))
                self.notify(W.EDIT_SAVED, timeout=3)
            self._form_closed()

        def open_form(choices):
            if choices is None:
                self._form_closed()
                self.notify(W.GONE_PETITION, severity="warning")
                return
            typed = self.place.get("form") if self.place.get("editing") == name else None
            form = petition_form(*choices, typed=typed)
            form.resume_at = (typed or {}).get("_where")
            form.changed_callback = self._form_typing(name)
            self.app.push_screen(form, done)

        work.run(self, form_choices, pid, done=open_form, group="session-edit")

    def save_petition(self, event) -> None:
        from ..widgets.petition_form import answer

        answer(event)

    def take_speaker(self) -> dict | None:
        queue = list(self.place.get("queue") or [])
        if not queue:
            return None
        nxt = queue.pop(0)
        self.place["queue"] = queue
        self.show_queue()
        return nxt

    # --- actions ------------------------------------------------------------------------
    def _need_conf(self) -> bool:
        if self.conf is None:
            self.notify(W.NO_CONFERENCE, severity="warning")
            return False
        return True

    def action_start(self) -> None:
        if not self._need_conf():
            return

        def asked(found):
            refusal, why = found
            if refusal:                 # held already: said at once, no question first
                self.notify(f"{refusal} {words.SCREEN_REMEDIES['pick_conference']}", severity="warning",
                            timeout=8, markup=False)
                return
            if why:
                from ..widgets.confirm import ConfirmScreen

                self.app.push_screen(ConfirmScreen(why), lambda yes: yes and self._start())
                return
            self._start()

        work.run(self, start_check, self.conf, done=asked, group="session-start")

    def _start(self) -> None:
        def started(conf):
            self.conf = conf
            self.update_clock_state()
            self.save_now()
            self.tick()
            self.notify(W.STARTED)

        self.writes.submit(live.start_session, self.conf, done=started)

    def action_agenda(self) -> None:
        if not self._need_conf():
            return

        def toggled(result):
            item, items = result
            self._running_item = item if item.actual_end is None else None
            self.show_agenda(items)
            self.tick()

        self.writes.submit(toggle_agenda, self.conf, done=toggled)

    def _form_typing(self, name: str):
        """A form of the session keeps what is typed in the place (saved as the
        entry is: within SAVE_DELAY), so a kill reopens it with the typing."""
        if self.place.get("editing") != name:      # not a form reopened with its typing
            self.place["editing"] = name
            self.place.pop("form", None)
            self.save_now()

        def changed(values):
            self.place["editing"] = name
            self.place["form"] = values
            # the app's timer: this screen's own ones wait while a modal form is on top
            if self._save_timer is None:
                self._save_timer = self.app.set_timer(SAVE_DELAY, self.save_now)
        return changed

    def _form_closed(self) -> None:
        self.place.pop("editing", None)
        self.place.pop("form", None)
        self.save_now()
        self.entry.focus()

    def _typed_value(self, key: str, default):
        form = self.place.get("form") or {}
        return form.get(key, default)

    def action_enqueue(self) -> None:
        from ..widgets.form import FormField, FormScreen

        def closed(speaker):
            if speaker is not None:
                self.place["queue"] = list(self.place.get("queue") or []) + [speaker]
                self.show_queue()
            self._form_closed()

        restored = self.place.get("editing") == "enqueue"
        fields = [FormField("citizen_name", W.NAME_FIELD),
                  FormField("village", VILLAGE),
                  FormField("field", W.FIELD_NUMBER),
                  FormField("slip", W.SLIP_FIELD)]
        if restored:
            for f in fields:
                f.value = self._typed_value(f.key, f.value)
        self.app.push_screen(FormScreen(W.ENQUEUE, fields, changed=self._form_typing("enqueue"),
                                        id="enqueue"), closed)

    def save_enqueue(self, event) -> None:
        event.save(live.speaker_from, event.values)

    def action_attendance(self) -> None:
        """F9: the counts as last read or saved (the box opens at once, so keys
        typed right after F9 land in it: tui/widgets/type_ahead.py)."""
        if not self._need_conf() or self.attendance_now is None:
            return
        from models.domain.conference import ATTENDANCE_GROUPS

        from ..widgets.form import FormField, FormScreen

        current = self.attendance_now
        # a count not taken yet opens empty (saved as 0): with the cursor at the end
        # of a field, a "0" left there would make the 45 typed read "045"
        fields = [FormField(g, W.COUNT_FIELD.format(label=label), str(current.counts.get(g) or ""))
                  for g, label in ATTENDANCE_GROUPS.items()]
        fields.append(FormField("guests", W.GUESTS_FIELD, live.guests_text(current),
                                kind="text"))
        if self.place.get("editing") == "attendance":      # reopened after a restart: the typing is back
            for f in fields:
                f.value = self._typed_value(f.key, f.value)

        def closed(summary):
            if summary is not None:
                self.show_attendance(summary)
            self._form_closed()

        self.app.push_screen(FormScreen(W.ATTENDANCE, fields, changed=self._form_typing("attendance"),
                                        id="attendance"), closed)

    def save_attendance(self, event) -> None:
        event.save(live.set_attendance, self.conf, event.values, event.values.get("guests", ""))

    def action_conclusions(self) -> None:
        if not self._need_conf():
            return
        from ..widgets.conclusions import ConclusionsScreen

        self.place["editing"] = "conclusions"
        self.save_now()

        def closed(conf):
            if conf is not None:
                self.conf = conf
            self.place.pop("editing", None)
            self.save_now()
            self.entry.focus()

        self.app.push_screen(ConclusionsScreen(self.conf), closed)

    def action_choose(self) -> None:
        if not self.entry.pristine:
            self.notify(W.BUSY_CHOOSE, severity="warning")
            return
        from ..widgets.pick import PickScreen

        def chosen(conf_id):
            if conf_id is not None:
                self.loaded = False
                refused = self.place.get("refused")
                self.place = {"conference": conf_id, **({"refused": refused} if refused else {})}
                self.load(conf_id)

        def offer(confs):
            options = [(f"{c.date:%d/%m/%Y} · {c.status_label} · {c.title}", c.id) for c in confs]
            self.app.push_screen(PickScreen(W.CHOOSE, options), chosen)

        work.run(self, live.conferences, self.office, done=offer, group="session-choose")

    def action_close_session(self) -> None:
        if not self._need_conf():
            return
        if not self.entry.pristine:
            self.notify(W.BUSY_CLOSE,
                        severity="warning")
            return
        from ..widgets.confirm import ConfirmScreen

        def answer(yes):
            if yes:
                self.writes.submit(close_and_list, self.conf, done=closed)

        def closed(result):
            self.conf, items = result
            self._running_item = None
            self.update_clock_state()
            self.save_now()
            self.tick()
            self.show_agenda(items)
            self.build_minutes(self.conf.id)

        self.app.push_screen(ConfirmScreen(W.CLOSE_ASK), answer)

    def build_minutes(self, conf_id: int) -> None:
        def built(path):
            if path is not None:
                self.notify(W.MINUTES_DRAFTED.format(path=path), timeout=12, markup=False)

        work.run(self, minutes_and_backup, self.office, conf_id, done=built, group="minutes", exclusive=False)


# --- run in workers ---------------------------------------------------------------------

def start_check(conf):
    """Ctrl+B: (why the session cannot start, or ""; what to confirm first, or "")."""
    refusal = live.start_refusal(conf)
    return refusal, "" if refusal else live.start_warning(conf)


def toggle_agenda(conf):
    item = live.toggle_agenda(conf)
    return item, live.agenda(conf)


def close_and_list(conf):
    conf = live.close_session(conf)
    return conf, live.agenda(conf)


def minutes_and_backup(office, conf_id: int):
    """The draft minutes' PDF (None if it could not be built: said in Vietnamese),
    then the closed session copied aside whether or not the PDF was built."""
    from models.storage.backup import backup_after_session

    try:
        path = live_minutes_file(office, conf_id)
    except Exception as exc:  # told below, the backup still runs
        path, failure = None, exc
    else:
        failure = None
    backup_after_session()
    if failure is not None:
        raise failure
    return path


def group_choices(office, conf, draft: dict):
    """The Ctrl+G list: ([(label, petition id)], {id: how the head line names it})."""
    from models.services.petition_edit import candidate_label

    found = live.group_candidates_for_draft(office, conf, draft)
    options = [(candidate_label(p), p.id) for p in found]
    labels = {p.id: W.SEQ.format(seq=p.seq) if p.conference_id == conf.id else
              W.RECEIVED_ON.format(received_on=p.received_on) for p in found}
    return options, labels


def similar_shown(office, conf, draft: dict):
    """In a worker: the earlier petition most like ``draft``, as the screen shows
    it: (its id, when it was raised, its content, its answer), or ()."""
    try:
        found = live.similar_for_draft(office, conf, draft)
    except UserError:
        return ()
    if not found:
        return ()
    p = found[0].petition
    answer = p.answer_summary or p.answer_on_spot or W.NO_ANSWER
    where = p.conference.date.strftime("%d/%m/%Y") if p.conference_id else f"{p.received_on:%d/%m/%Y}"
    return p.id, where, p.content, answer


def clean_name(draft: dict) -> str:
    return W.WITHHELD_PERSON if draft.get("citizen_withheld") else (draft.get("citizen_name") or W.SOMEONE)


def live_minutes_file(office, conf_id: int):
    """The draft Biên bản, built from what was recorded, as a PDF (documents/du-thao);
    it is edited and issued with its number from the Hội nghị screen (F4, B)."""
    from .. import documents as pipeline

    return pipeline.preview(office, "bien-ban", conf_id)
