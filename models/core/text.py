"""Text at the model boundary: NFC normalisation, cleaning, and search folding.

Vietnamese arrives from Unikey, EVKey, the Windows IME or a paste from Word, in
precomposed (NFC) or decomposed (NFD) form. Everything is stored as NFC so that
printing, comparison and search behave the same whatever the input method sent.
"""
from __future__ import annotations

import re
import unicodedata

# Bidirectional controls and similar invisible format characters: they carry no
# meaning in an administrative record and confuse printing and search.
_BIDI_AND_FORMAT = dict.fromkeys(
    [0x200B, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_SPACES = re.compile(r"[ \t\u00a0]+")


def clean(value: str | None, *, multiline: bool = True) -> str:
    """NFC, without control characters (tab and newline kept for multi-line text)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").translate(_BIDI_AND_FORMAT)
    keep = "\n\t" if multiline else ""
    out = []
    for ch in text:
        if ch in keep:
            out.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cs"):  # Cs: a lone surrogate cannot be stored as UTF-8
            out.append(" " if ch in "\n\t" else "")
        else:
            out.append(ch)
    # Normalise last: removing an invisible mark can bring a letter and a
    # combining accent together ("A", U+200F, U+0301 must become "Á").
    return unicodedata.normalize("NFC", "".join(out))


def clean_line(value: str | None) -> str:
    """One-line text: NFC, controls removed, runs of spaces folded, trimmed."""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", clean(value, multiline=False)).strip())


def fold(value: str | None) -> str:
    """Search key: lower case, no diacritics, đ → d, single spaces.

    "Đất đai" → "dat dai", "NGUYỄN" → "nguyen". Used for the stored search column
    and for the query, so matching works the same on SQLite and PostgreSQL.
    """
    if not value:
        return ""
    text = unicodedata.normalize("NFD", clean(value).lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "d")
    return " ".join(text.split())


# Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
# u ư v x y), the tone marks only breaking ties in the order ngang, huyền, hỏi,
# ngã, sắc, nặng (the order of Vietnamese dictionaries).
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_LETTERS)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}   # huyền, hỏi, ngã, sắc, nặng
_SHAPES = {"\u0306": "ă", "\u0302": {"a": "â", "e": "ê", "o": "ô"}, "\u031b": {"o": "ơ", "u": "ư"}}


def by_name(rows, attr: str = "name") -> list:
    """Rows sorted by a name in Vietnamese order (``vi_key``): the one sort for
    names wherever a list of villages, units or people is shown or printed.
    Neither SQLite's nor every PostgreSQL collation gives this order, so the
    (small) catalogue lists are sorted here, the same on both engines."""
    return sorted(rows, key=lambda r: vi_key(r if isinstance(r, str) else getattr(r, attr)))


def vi_key(value: str | None) -> tuple:
    """A sort key for Vietnamese names: "Đông Sơn" after "Dương", before "Yên Sơn"."""
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", clean(value).lower()):
        base, *marks = unicodedata.normalize("NFD", ch)
        letter, tone = base, 0
        for m in marks:
            if m in _TONES:
                tone = _TONES[m]
            elif m == "\u0306" and base == "a":
                letter = "ă"
            elif m == "\u0302" and base in "aeo":
                letter = _SHAPES["\u0302"][base]
            elif m == "\u031b" and base in "ou":
                letter = _SHAPES["\u031b"][base]
        letters.append(_RANK.get(letter, 100 + ord(letter)) if letter.strip() else -1)
        tones.append(tone)
    return tuple(letters), tuple(tones)


def person_name(line: str | None) -> str:
    """The person in a line such as "Hồ Xuân Trính - Chủ tịch UBND xã" (or with a
    comma): "Hồ Xuân Trính". One rule for the chair, the secretary, a guest."""
    first = clean_line((line or "").strip().splitlines()[0] if (line or "").strip() else "")
    return re.split(r"\s+[-–]\s+|,\s*", first, maxsplit=1)[0].strip()


def shorten(value: str | None, limit: int) -> str:
    """``value`` on one line, at most ``limit`` characters, cut between words with
    "…" (never in the middle of a word, unless a single word is longer)."""
    text = " ".join((value or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
