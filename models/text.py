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
