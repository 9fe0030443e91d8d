"""ReportLab's paragraph module, imported without compiling its web-address pattern.

``reportlab.platypus.paragraph`` compiles, when imported, a case-insensitive
pattern of web addresses whose letter classes run from U+00A1 to U+FFFF; Python
folds the case of every one of those 65,000 letters, four times over, about
65 ms of a 0.5 s `doithoai print` on this machine. The pattern is only used to
split long web addresses at line ends, which our documents rarely hold. Here it
is compiled the first time it is used instead (same pattern, same flags, same
matches); every other pattern is compiled as ReportLab asks.
"""
from __future__ import annotations

import re
import sys
import threading

_lock = threading.Lock()


class LazyPattern:
    """A compiled pattern made on first use."""

    def __init__(self, pattern: str, flags: int):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _is_wide_folded(pattern, flags) -> bool:
    return isinstance(pattern, str) and bool(flags & re.IGNORECASE) and "\uffff" in pattern


def import_paragraph() -> None:
    """Import reportlab.platypus (and its paragraph module) with the wide
    case-folded patterns left to compile on first use."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    with _lock:
        if "reportlab.platypus.paragraph" in sys.modules:
            return
        real = re.compile

        def compile(pattern, flags=0):  # stands in for re.compile during one import
            return LazyPattern(pattern, flags) if _is_wide_folded(pattern, flags) else real(pattern, flags)

        re.compile = compile
        try:
            import reportlab.platypus.paragraph  # noqa: F401  # heavy: reportlab, imported here with its wide pattern left to first use
        finally:
            re.compile = real
