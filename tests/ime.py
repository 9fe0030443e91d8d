"""Vietnamese as Telex/VNI input methods (Unikey, EVKey) send it to a terminal.

The input method never sends the Telex or VNI keys themselves (no "aa", "s",
"a1"): it sends the letter as typed so far, then, when a later key changes a
letter already shown, backspaces over the part that changed and the new
letters. "Nguyễn" arrives as  N g u y e ⌫ ê n ⌫ ⌫ ễ n : the "e" becomes "ê"
at the second "e", and the tone ("x", or "4" in VNI) rewrites from the toned
vowel to the end of the word. Some set-ups (EVKey's "gõ lại cả từ", Unikey in
some terminals) rewrite the whole syllable instead: N g u y e ⌫ ê n ⌫×6 Nguyễn.

Keys are Textual key names: one character, "space" or "backspace"."""
from __future__ import annotations

import unicodedata

#: combining marks that change a letter's shape (â ă ê ô ơ ư), kept apart from tones
SHAPES = {"\u0302", "\u0306", "\u031b"}
#: the five tones
TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _strip(ch: str, marks: set[str]) -> str:
    """``ch`` without the given combining marks (NFC)."""
    parts = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in marks))


def base(ch: str) -> str:
    """The key pressed first for a letter: "ễ" → "e", "Đ" → "D"."""
    if ch in "đĐ":
        return "D" if ch == "Đ" else "d"
    return _strip(ch, SHAPES | TONES)


def word_keys(word: str, *, whole: bool = False) -> list[str]:
    """The keys an input method sends for one word (NFC)."""
    word = unicodedata.normalize("NFC", word)
    keys: list[str] = []
    shown = ""
    for ch in word:
        first = base(ch)
        keys.append(first)
        shown += first
        shaped = _strip(ch, TONES)
        if shaped != first:                       # "ee" → ê, "dd" → đ, "w" → ư …
            keys += ["backspace", shaped]
            shown = shown[:-1] + shaped
    if shown != word:                             # the tone key, at the end of the word
        at = next(i for i, (a, b) in enumerate(zip(shown, word)) if a != b)
        if whole:
            at = 0
        keys += ["backspace"] * (len(shown) - at) + list(word[at:])
    return keys


def keys_for(text: str, *, whole: bool = False) -> list[str]:
    """Keys for a whole text, words separated by spaces."""
    keys: list[str] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            keys.append("space")
        keys += word_keys(word, whole=whole)
    return keys


def replay(keys: list[str], start: str = "", cursor: int | None = None) -> str:
    """What a plain line editor shows after ``keys`` (checks the helper itself)."""
    text, at = start, len(start) if cursor is None else cursor
    for k in keys:
        if k == "backspace":
            if at:
                text, at = text[:at - 1] + text[at:], at - 1
        elif k == "left":
            at = max(0, at - 1)
        elif k == "end":
            at = len(text)
        else:
            ch = " " if k == "space" else k
            text, at = text[:at] + ch + text[at:], at + 1
    return text


#: what the tests type: names, places, a whole sentence
NAME = "Nguyễn Văn Tứ"
PLACE = "kênh mương thôn Đông"
SENTENCE = "Đề nghị xã sớm nạo vét kênh mương nội đồng thôn Đông trước mùa mưa lũ năm nay."
