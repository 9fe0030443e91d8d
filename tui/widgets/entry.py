"""The petition entry of the live session: ONE focusable widget that owns every
field of the petition being typed.

Why one widget: Textual gives each widget its own message queue and forwards a
key to whichever widget has focus *when the key arrives*. With one Input per
field, Enter moved focus only after the input had handled it, so keys typed in
a burst (a fast typist, a pty, a paste of keys) were already queued in the old
input and landed in the wrong field. Here every key reaches the same queue and
field changes happen inside the key handler, so keys are applied in the order
they were typed.

Flow (≤ 8 keys beyond the petition's own text): người nêu ⏎ → thôn (a few
letters) ⏎ (empty ⏎: the previous petition's village) → lĩnh vực (its number;
taken at once unless a longer number starts with it, then ⏎) → nội dung ⏎ →
hướng xử lý (1–4) → trả lời / đơn vị / nơi chuyển ⏎ = recorded. Another answerer
than the last one: ↓ from the answer, then the answerer's number (recorded at
once) or a few letters and ⏎.

The widget validates against the lists it was given and posts plain messages;
the screen saves them (Changed: the draft, Completed: a finished petition)."""
from __future__ import annotations

import copy
import unicodedata

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from models.core.errors import ValidationError
from models.services.live_session import DISPOSITION_KEYS, check_draft, empty_draft, next_channel
from models.services.typeahead import field_decided, match_field, rank
from models.core.text import clean_line
from models.core.words import CHANNELS, CONTENT, DISPOSITIONS, FIELD, UNIT, VILLAGE

from ..words import PaperKeyWords

#: (draft key, label), in the order Enter walks through them
FIELDS = [
    ("citizen_name", "Người nêu"),
    ("village", VILLAGE),
    ("field", FIELD),
    ("content", CONTENT),
    ("disposition", "Xử lý"),
    ("answer_on_spot", "Trả lời"),
    ("unit", UNIT),
    ("forwarded_to", "Chuyển đến"),
    ("answered_by", "Người trả lời"),
]
KEYS = [k for k, _ in FIELDS]
LABEL_WIDTH = 16
#: "1 Trả lời tại chỗ": the key the service reads (DISPOSITION_KEYS) and the catalogue's words
DISP_LABELS = {code: f"{key} {DISPOSITIONS[code]}" for key, code in DISPOSITION_KEYS.items()}
DISP_HINT = "1 tại chỗ · 2 văn bản · 3 chuyển · 4 ghi nhận"
CHANNEL_LABELS = {code: label.lower() for code, label in CHANNELS.items() if code != "outside"}
#: after the disposition key, the field whose Enter records the petition
FINISH_AT = {"on_spot": "answer_on_spot", "noted": "answer_on_spot", "in_writing": "unit",
             "forwarded": "forwarded_to"}
#: fields ↑ ↓ pass over once the disposition is chosen (they do not apply to it)
SKIP_FOR = {"on_spot": {"unit", "forwarded_to"}, "noted": {"unit", "forwarded_to"},
            "in_writing": {"answer_on_spot", "forwarded_to"}, "forwarded": {"unit", "answer_on_spot"}}
#: fields whose value is free text edited with the line editor
TEXT_KEYS = {"citizen_name", "village", "content", "answer_on_spot", "unit", "forwarded_to", "answered_by"}


class PetitionEntry(Widget, can_focus=True):
    DEFAULT_CSS = """
    PetitionEntry {
        height: auto;
        min-height: 11;
        background: $surface;
    }
    PetitionEntry:focus {
        background: $boost;
    }
    PetitionEntry > .entry--hint {
        color: $text-muted;
        text-style: italic;
    }
    PetitionEntry > .entry--error {
        color: $text-error;
        text-style: bold;
    }
    PetitionEntry > .entry--label {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"entry--hint", "entry--error", "entry--label"}
    # Shown in the key bar, F1 help and the Ctrl+P palette, and run by the key
    # handler itself from this list (so in typing order, between the keys
    # typed before and after them).
    BINDINGS = [
        Binding("ctrl+y", "withhold", "Giấu tên", id="session.withhold"),
        Binding("ctrl+l", "channel", "Đổi hình thức", id="session.channel"),
        Binding("ctrl+w", "title", PaperKeyWords.TITLE_KEY, id="session.title", show=False),
        Binding("ctrl+r", "next_speaker", "Mời người tiếp", id="session.next_speaker"),
        Binding("ctrl+u", "clear_field", "Xóa ô", id="session.clear_field", show=False),
        Binding("escape", "discard", "Bỏ ý kiến đang ghi", id="session.discard", show=False),
    ]
    #: key → action name, from BINDINGS (a binding may list several keys)
    KEY_ACTIONS = {key.strip(): b.action for b in BINDINGS for key in b.key.split(",")}

    class Changed(Message):
        """The draft changed; ``moved`` when the current field changed (a field
        change commits at once, typing within a second)."""

        def __init__(self, draft: dict, current: str, moved: bool) -> None:
            super().__init__()
            self.draft, self.current, self.moved = draft, current, moved

    class DiscardAsked(Message):
        """Esc with something typed: the screen asks once, then calls ``discard``."""

    class TitleAsked(Message):
        """Ctrl+W with nothing typed yet: the screen decides whether it is for a
        petition chosen in its list or for the one about to be typed (``cycle_title``)."""

    class Completed(Message):
        """A petition is complete; the entry has already moved on to the next."""

        def __init__(self, draft: dict) -> None:
            super().__init__()
            self.draft = draft

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = empty_draft()
        self.current = "citizen_name"
        self.cursor = 0
        self.error = ""
        self.number = 1
        self.last_village = ""
        self.villages: list[str] = []
        self.units: list[str] = []
        self.officials: list[str] = []
        self.fields: list[tuple[int, str]] = []
        self.units_by_field: dict[str, list[str]] = {}
        self.unit_default = ""
        #: the office keeps anonymous citizens' names (models/services/privacy.py); by default it does not
        self.keep_withheld_names = False
        #: how the chosen group (Ctrl+G, chosen on the screen) is named on the head line
        self.group_label = ""
        #: called by Ctrl+R; returns the next queued speaker (a dict) or None
        self.take_speaker = lambda: None

    # --- set by the screen ------------------------------------------------------------
    def load(self, draft: dict, current: str = "citizen_name") -> None:
        self.draft = copy.deepcopy(draft)
        self.current = current if current in KEYS else "citizen_name"
        self.cursor = len(self.value)
        self.error = ""
        self._offer_unit()
        self.refresh()

    @property
    def pristine(self) -> bool:
        return not any(str(self.draft.get(k) or "").strip() for k in ("citizen_name", "content"))

    def say(self, message: str) -> None:
        self.error = message
        self.refresh(layout=True)

    # --- the line editor ----------------------------------------------------------------
    @property
    def value(self) -> str:
        v = self.draft.get(self.current)
        if self.current == "disposition":
            return next((k for k, d in DISPOSITION_KEYS.items() if d == v), "")
        return str(v or "")

    def _set_value(self, value: str, cursor: int | None = None) -> None:
        self.draft[self.current] = value
        self.cursor = len(value) if cursor is None else cursor

    def _insert(self, text: str) -> None:
        v, c = self.value, min(self.cursor, len(self.value))
        # a combining mark typed or pasted after its letter is composed with it (NFC)
        head = unicodedata.normalize("NFC", v[:c] + text)
        self._set_value(head + v[c:], len(head))

    def _go(self, key: str) -> None:
        self.current = key
        self.cursor = len(self.value)
        # the answerer kept from the previous petition is replaced by the first
        # letter typed (a change of answerer is ↓, a few letters, Enter)
        self._replace = key == "answered_by" and bool(self.value)
        self._changed(moved=True)

    def _changed(self, moved: bool = False) -> None:
        self.post_message(self.Changed(copy.deepcopy(self.draft), self.current, moved))
        # a move shows another field's hints below the fields: their height may change
        self.refresh(layout=moved)

    # --- keys --------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        if self._handle(event):
            event.stop()
            event.prevent_default()

    def _handle(self, event: events.Key) -> bool:
        key = event.key
        action = self.KEY_ACTIONS.get(key)
        if action is not None:
            getattr(self, f"action_{action}")()
            return True
        if key == "enter":
            self.error = ""
            self._enter()
            self.refresh()
            return True
        if key in ("tab", "down"):
            self._accept_suggestion() if key == "tab" and self._suggestion() else self._step(1)
            return True
        if key in ("shift+tab", "up"):
            self._step(-1)
            return True
        if key in ("left", "right", "home", "end", "backspace", "delete"):
            self._replace = False
        if key in ("left", "right", "home", "end"):
            n = len(self.value)
            self.cursor = {"left": max(0, self.cursor - 1), "right": min(n, self.cursor + 1),
                           "home": 0, "end": n}[key]
            self.refresh()
            return True
        if key in ("backspace", "delete"):
            self._erase(key == "backspace")
            return True
        if event.is_printable and event.character:
            self._typed(event.character)
            return True
        return False     # F-keys and the rest go on to the screen and app bindings

    def _erase(self, before: bool) -> None:
        if self.current == "disposition":
            self.draft["disposition"] = ""
            self.cursor = 0
        else:
            v, c = self.value, min(self.cursor, len(self.value))
            if before and c > 0:
                self._set_value(v[:c - 1] + v[c:], c - 1)
            elif not before and c < len(v):
                self._set_value(v[:c] + v[c + 1:], c)
        self._changed()

    def _typed(self, ch: str) -> None:
        self.error = ""
        if self.current == "disposition":
            choice = DISPOSITION_KEYS.get(ch)
            if choice is None:
                self.say("Gõ số hướng xử lý: " + " · ".join(DISP_LABELS.values()))
                return
            self.draft["disposition"] = choice
            self._offer_unit()
            self._go(FINISH_AT[choice])
            return
        if (self.current == "citizen_name" and self.draft.get("citizen_withheld")
                and not self.keep_withheld_names):
            self.say("Người này giấu tên: tên không được ghi. Enter để sang ô Thôn (Ctrl+Y: bỏ giấu tên).")
            return
        if self.current == "answered_by" and ch.isdigit() and 0 < int(ch) <= len(self.officials):
            # the answerer by its number in the list shown: one key, and the petition is recorded
            self._set_value(self.officials[int(ch) - 1])
            self._complete()
            return
        if getattr(self, "_replace", False) and self.current == "answered_by":
            self._set_value("")
        self._replace = False
        if (self.current == "field" and not ch.isdigit() and self.value.isdigit()
                and self._field_code(self.value)):
            # "1" was waiting in case "10" or "11" followed; the next letter
            # says it was 1, and belongs to the content.
            self._go("content")
        self._insert(ch)
        if self.current == "field" and self._field_decided(self.value):
            self._go("content")
            return
        self._changed()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        text = clean_line(event.text)     # NFC, one line: a pasted NFD text is stored composed
        if (self.current == "citizen_name" and self.draft.get("citizen_withheld")
                and not self.keep_withheld_names):
            self.say("Người này giấu tên: tên không được ghi. Enter để sang ô Thôn (Ctrl+Y: bỏ giấu tên).")
            return
        if self.current in TEXT_KEYS:
            self.error = ""
            self._insert(text)
            self._changed()
        else:
            for ch in text:
                self._typed(ch)

    def _step(self, delta: int) -> None:
        """↑ ↓ Tab: the next field that matters for the chosen disposition, so
        the answerer is one ↓ away from the answer."""
        skip = SKIP_FOR.get(self.draft.get("disposition") or "", set())
        i = KEYS.index(self.current)
        while 0 <= i + delta < len(KEYS):
            i += delta
            if KEYS[i] not in skip:
                break
        self._go(KEYS[max(0, min(len(KEYS) - 1, i))])

    # --- type-ahead ------------------------------------------------------------------------
    def _choices(self) -> list[str]:
        return {"village": self.villages, "unit": self.units, "answered_by": self.officials}.get(self.current, [])

    def _suggestion(self) -> str:
        typed = clean_line(self.value)
        if not typed:
            return ""
        hits = rank(self._choices(), typed)
        return hits[0] if hits and hits[0] != self.value else ""

    def _accept_suggestion(self) -> None:
        self._set_value(self._suggestion())
        self._changed()

    def _field_code(self, typed: str) -> tuple[int, str] | None:
        return match_field(self.fields, typed)

    def _field_decided(self, typed: str) -> bool:
        return field_decided(self.fields, typed)

    def _offer_unit(self) -> None:
        """The unit that most often answers this field is the default: Enter takes it."""
        found = self._field_code(self.draft.get("field", "")) if self.draft.get("field") else None
        ranked = self.units_by_field.get(str(found[0])) if found else None
        self.unit_default = ranked[0] if ranked else ""
        if ranked:
            self.units = ranked

    # --- Enter -----------------------------------------------------------------------------
    def _enter(self) -> None:
        key, typed = self.current, clean_line(self.value)
        if key == "citizen_name":
            self._go("village")
        elif key == "village":
            if typed:
                hits = rank(self.villages, typed)
                if not hits:
                    self.say(f"Không có thôn “{typed}”. Gõ vài chữ đầu của tên thôn.")
                    return
                typed = hits[0]
            elif not self.last_village:
                self.say("Ghi thôn của người nêu ý kiến: gõ vài chữ đầu tên thôn rồi Enter.")
                return
            self._set_value(typed or self.last_village)
            self._go("field")
        elif key == "field":
            if typed:
                found = self._field_code(typed)
                if found is None:
                    self.say(f"Không có lĩnh vực “{typed}”. Gõ số của lĩnh vực.")
                    return
                self._set_value(str(found[0]))
            self._go("content")
        elif key == "content":
            if not typed:
                self.say("Hãy ghi nội dung ý kiến trước.")
                return
            self._go("disposition")
        elif key == "disposition":
            if not self.draft.get("disposition"):
                self.say("Gõ số hướng xử lý: " + " · ".join(DISP_LABELS.values()))
                return
            self._go(FINISH_AT[self.draft["disposition"]])
        elif key in ("unit", "answered_by"):
            typed = typed or (self.unit_default if key == "unit" else "")
            hits = rank(self._choices(), typed) if typed else []
            if key == "unit" and not hits and (typed or self.draft.get("disposition") == "in_writing"):
                self.say(f"Không có đơn vị “{typed}”. Gõ vài chữ đầu của tên đơn vị.")
                return
            self._set_value(hits[0] if hits else typed)
            self._complete()
        else:
            self._complete()

    def _complete(self) -> None:
        d = self.draft
        try:
            check_draft(d)            # the model's rules (models/services/live_session.py), told here
        except ValidationError as problem:
            self._go(problem.field)
            self.say(problem.message)
            return
        done = copy.deepcopy(d)
        self.last_village = clean_line(d.get("village", "")) or self.last_village
        self.draft = empty_draft(d.get("answered_by", ""))
        self.group_label = ""
        self.current, self.cursor, self.number = "citizen_name", 0, self.number + 1
        self.units = self.units_by_field.get("", self.units)
        self.post_message(self.Completed(done))
        self.refresh()

    # --- actions (also reachable from the palette) ---------------------------------------------
    def action_withhold(self) -> None:
        self.draft["citizen_withheld"] = not self.draft.get("citizen_withheld")
        if self.draft["citizen_withheld"] and not self.keep_withheld_names:
            # the name of a citizen who asks to stay anonymous is not stored at all
            self.draft["citizen_name"] = ""
            if self.current == "citizen_name":
                self.cursor = 0
        self._changed(moved=True)

    def action_title(self) -> None:
        """Ctrl+W: the citizen's title, Ông → Bà → none, without the contacts form (issue 22 item 3);
        with nothing typed, the screen may give it to a petition chosen in its list."""
        if self.pristine and not self.draft.get("citizen_withheld"):
            self.post_message(self.TitleAsked())
            return
        self.cycle_title()

    def cycle_title(self) -> None:
        """The title of the petition being typed, one step on."""
        from models.domain.petition import next_title

        if self.draft.get("citizen_withheld"):
            self.say(PaperKeyWords.TITLE_WITHHELD)
            return
        self.draft["citizen_title"] = next_title(self.draft.get("citizen_title") or "")
        self._changed(moved=True)

    def action_channel(self) -> None:
        self.draft["channel"] = next_channel(self.draft.get("channel", "spoken"))
        self._changed(moved=True)

    def action_next_speaker(self) -> None:
        if not self.pristine:
            self.say("Ý kiến đang ghi chưa xong; ghi xong rồi mời người tiếp.")
            return
        nxt = self.take_speaker()
        if not nxt:
            self.say("Chưa có ai đăng ký phát biểu.")
            return
        for key in ("citizen_name", "village", "field", "channel"):
            if nxt.get(key):
                self.draft[key] = nxt[key]
        self._go("content" if self.draft.get("field") else "field")

    @property
    def typed_anything(self) -> bool:
        """Something of this petition was typed or chosen (the answerer kept from
        the previous one does not count)."""
        d = self.draft
        return bool(d.get("citizen_withheld") or d.get("group_parent") or any(
            str(d.get(k) or "").strip() for k in KEYS + ["citizen_title", "citizen_address", "citizen_phone"]
            if k != "answered_by"))

    def action_discard(self) -> None:
        """Esc: the petition being typed is dropped (the screen asks first when
        something was typed); nothing typed: nothing to do."""
        if not self.typed_anything:
            self.say("Chưa gõ gì cho ý kiến này.")
            return
        self.post_message(self.DiscardAsked())

    def discard(self) -> None:
        """Start this petition again from an empty draft (same number, same answerer)."""
        self.draft = empty_draft(self.draft.get("answered_by", ""))
        self.group_label = ""
        self.error = ""
        self.units = self.units_by_field.get("", self.units)
        self.unit_default = ""
        self._go("citizen_name")

    def action_clear_field(self) -> None:
        self.draft[self.current] = ""
        self.cursor = 0
        self._changed()

    # --- drawing ------------------------------------------------------------------------------
    def _hint(self, key: str) -> str:
        value = clean_line(self.draft.get(key, "") if key != "disposition" else "")
        if key == "village":
            if key == self.current:
                return f"→ {self._suggestion()}" if self._suggestion() else (
                    f"Enter: {self.last_village}" if not value and self.last_village else "")
        elif key == "field":
            found = self._field_code(value) if value else None
            if found and key == self.current and value.isdigit() and not self._field_decided(value):
                longer = [f"{code}.{name}" for code, name in self.fields
                          if str(code) != value and str(code).startswith(value)]
                return f"→ {found[1]}: Enter · hoặc gõ tiếp số: " + " ".join(longer)
            if found:
                return f"→ {found[1]}"
            if key == self.current:
                return " ".join(f"{code}.{name}" for code, name in self.fields) + self._wait_note()
        elif key == "disposition":
            chosen = DISP_LABELS.get(self.draft.get("disposition"), "")
            return chosen[2:] if chosen else (DISP_HINT if key == self.current else "")
        elif key in ("unit", "answered_by") and key == self.current:
            if self._suggestion():
                return f"→ {self._suggestion()}"
            if key == "answered_by" and self.officials:
                return "số: " + " ".join(f"{i}.{n}" for i, n in enumerate(self.officials[:9], start=1))
            if key == "unit" and not value and self.unit_default:
                return f"Enter: {self.unit_default}"
        return ""

    def _wait_note(self) -> str:
        """The codes that wait for Enter (because longer codes start with them), said."""
        waiting = [str(code) for code, _ in self.fields
                   if self._field_code(str(code)) and not self._field_decided(str(code))]
        if not waiting:
            return ""
        return f" (số {', '.join(waiting)}: gõ rồi Enter, vì có số dài hơn bắt đầu bằng nó)"

    def render(self) -> Text:
        return Text("\n").join(self._lines(max(self.size.width, 40)))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(max(width, 40)))

    def _lines(self, width: int) -> list[Text]:
        """The head, one line per field, then what does not fit on the current
        field's line (its list of choices, wrapped between items) and the error."""
        hint_style = self.get_component_rich_style("entry--hint")
        label_style = self.get_component_rich_style("entry--label")
        d = self.draft
        head = Text(f"Ý kiến số {self.number}", style="bold")
        flags = [CHANNEL_LABELS.get(d.get("channel"), "")]
        if d.get("citizen_withheld"):
            flags.append("giấu tên")
        contact = " ".join(x for x in (d.get("citizen_title"), d.get("citizen_phone")) if x)
        if contact or d.get("citizen_address"):
            flags.append(f"liên hệ: {contact or d.get('citizen_address')}")
        if d.get("group_parent"):
            flags.append(f"gộp với {self.group_label or 'ý kiến đã chọn'}")
        head.append(" · " + " · ".join(f for f in flags if f))
        lines = [head]
        below = ""
        for key, label in FIELDS:
            here = key == self.current
            line = Text(f"{'▶' if here else ' '} {label:<{LABEL_WIDTH - 2}}", style="bold" if here else label_style)
            value = self.value if here else (str(d.get(key) or "") if key != "disposition" else
                                             next((k for k, v in DISPOSITION_KEYS.items()
                                                   if v == d.get(key)), ""))
            hint = self._hint(key)
            room = width - LABEL_WIDTH - 1
            if hint and here and len(hint) + 2 > room - max(len(value) + 1, 12):
                below = hint         # a list of choices: under the fields, whole, not cut mid-word
                hint = ""
            if hint:
                room = max(10, room - min(len(hint) + 2, room // 2))
            start = max(0, self.cursor - room + 1) if here else 0
            shown = value[start:start + room]
            if here and self.has_focus:
                c = self.cursor - start
                line.append(shown[:c])
                line.append(shown[c:c + 1] or " ", style="reverse")
                line.append(shown[c + 1:])
            else:
                line.append(shown)
            if hint:
                line.append("  " + hint, style=hint_style)
            line.truncate(width)
            lines.append(line)
        for part in _wrap_items(below, width - 2) if below else []:
            lines.append(Text("  " + part, style=hint_style))
        error = _wrap_items(self.error, width) if self.error else [""]
        lines += [Text(part, style=self.get_component_rich_style("entry--error")) for part in error]
        return lines

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def _wrap_items(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken before an item
    ("10.Nông nghiệp") or between words, never inside a word."""
    import re

    from .boxes import wrap

    lines = wrap(text, width, items=re.split(r" (?=\d+\.\S)", text))
    return [part for line in lines for part in (wrap(line, width) if cell_len(line) > width else [line])]
