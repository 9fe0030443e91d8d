"""Where a centred title or "V/v" line breaks (issue 22 item 5).

A paragraph filled line by line leaves one word alone on the last line
("…các thôn Đông, Tây, / Bắc") and may split a name ("…thôn An / Thượng",
"ông (bà) Trần / Thị Bình"). A title is set as an office would type it: as few
lines as a greedy fill needs, of nearly equal length, broken where a phrase
starts (before "về", "của", "với", after a comma), never inside a name or
between a place's designator and its name, never leaving one word alone.

Pure text and a measuring function: no ReportLab here, so it can be tested alone.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import data


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset, frozenset, frozenset]:
    """The phrase starts, the designators and the pairs never split, from data/print/line_breaks.json."""
    spec = data.load_json("print/line_breaks.json")
    return (frozenset(spec["phrase_starts"]), frozenset(spec["designators"]),
            frozenset(tuple(pair) for pair in spec["never_split"]))

# Words that are never the first of a line: they close what stands before them.
CLOSERS = frozenset("– - — ) ;".split())

FORBIDDEN = float("inf")


def _capital(word: str) -> bool:
    w = word.lstrip("(“\"'")
    return bool(w) and (w[0].isupper() or w[0].isdigit())


def gap_penalty(before: str, after: str, width: float) -> float:
    """The cost of breaking between ``before`` and ``after`` (relative to a line ``width``)."""
    if after in CLOSERS or after[:1] in ",.;:)”":
        return FORBIDDEN
    phrase_starts, designators, never_split = _words()
    low = before.lower().rstrip(",")
    if _capital(before) and _capital(after) and not before.endswith((",", ";", ":", "–")):
        return FORBIDDEN                          # inside a name: "Hòa / Bình Tây"
    if low in designators and not before.endswith(",") and _capital(after):
        return FORBIDDEN                          # "thôn / An Thượng", "ông (bà) / Trần"
    if (low, after.lower()) in never_split:
        return FORBIDDEN                          # "ông / (bà)"
    if before.endswith((",", ";", ":")) or before in ("–", "-", "—"):
        return 0.0
    if after.lower() in phrase_starts:
        return 0.0
    if _capital(before):
        return (0.3 * width) ** 2                 # "Nhân / dân", "Chủ / tịch", "UBND / xã": a term's head
    return (0.18 * width) ** 2                    # inside a phrase: allowed, not liked


def greedy_count(words: list[str], measure: Callable[[str], float], width: float) -> int:
    """How many lines a line-by-line fill needs."""
    count, line = 1, ""
    for w in words:
        trial = f"{line} {w}" if line else w
        if line and measure(trial) > width:
            count, line = count + 1, w
        else:
            line = trial
    return count


def balanced_lines(text: str, measure: Callable[[str], float], width: float) -> list[str]:
    """``text`` as lines no wider than ``width`` (by ``measure``), as few as a
    greedy fill needs (one more only if every way to keep that count breaks a
    name), of nearly equal length, broken at phrase boundaries, the last line
    never one word alone (unless the text is one or two words)."""
    words = text.split()
    if not words:
        return []
    if measure(" ".join(words)) <= width:
        return [" ".join(words)]
    least = greedy_count(words, measure, width)
    for lines, strict in ((least, True), (least + 1, True), (least, False), (least + 1, False)):
        found = _best(words, measure, width, lines, strict)
        if found:
            return found
    return [" ".join(words)]          # one word wider than the line: leave it to the paragraph


def _best(words, measure, width, lines: int, strict: bool) -> list[str] | None:
    """The cheapest way to set ``words`` in exactly ``lines`` lines (dynamic programming
    over break positions); ``strict`` refuses the forbidden breaks, else they cost much."""
    n = len(words)
    widths: dict[tuple[int, int], float] = {}

    def span(i: int, j: int) -> float:
        if (i, j) not in widths:
            widths[i, j] = measure(" ".join(words[i:j]))
        return widths[i, j]

    def cut(j: int) -> float:        # breaking before words[j]
        p = gap_penalty(words[j - 1], words[j], width)
        if p == FORBIDDEN:
            return FORBIDDEN if strict else (width ** 2) * 4
        return p

    # cost[k][j]: best cost of words[:j] in k lines; back[k][j]: where line k starts
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(lines + 1)]
    back = [[0] * (n + 1) for _ in range(lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, lines + 1):
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                w = span(i, j)
                if w > width:
                    break
                if cost[k - 1][i] == inf:
                    continue
                if j == n and n > 2 and j - i == 1:
                    continue                   # the last line never one word alone
                c = cost[k - 1][i] + (width - w) ** 2
                if i > 0:
                    c += cut(i)
                if c < cost[k][j]:
                    cost[k][j], back[k][j] = c, i
    if cost[lines][n] == inf:
        return None
    out, j = [], n
    for k in range(lines, 0, -1):
        i = back[k][j]
        out.append(" ".join(words[i:j]))
        j = i
    return out[::-1]


NBSP = "\u00a0"      # ReportLab's paragraphs never break at it


def glue_names(text: str) -> str:
    """``text`` with a non-breaking space wherever a line must not break (inside
    a name, between a place's designator and its name, "ông (bà)"), so running
    text filled line by line keeps "xã Kỳ Khang" and "Hồ Xuân Trính" whole."""
    words = text.split(" ")
    out = words[:1]
    for before, after in zip(words, words[1:]):
        forbidden = (before and after and not before.endswith((".", "!", "?"))
                     and gap_penalty(before, after, 1.0) == FORBIDDEN)
        out.append((NBSP if forbidden else " ") + after)
    return "".join(out)
