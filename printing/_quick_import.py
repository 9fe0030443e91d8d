"""ReportLab's paragraph module, imported without compiling its web-address pattern.

``reportlab.platypus.paragraph`` compiles, when imported, a case-insensitive
pattern of web addresses whose letter classes run from U+00A1 to U+FFFF; Python
folds the case of every one of those 65,000 letters, four times over, about
65 ms of a 0.5 s `doithoai print` on this machine. The pattern is only used to
split long web addresses at line ends, which our documents rarely hold. Here it
is compiled the first time it is used instead (same pattern, same flags, same
matches); every other pattern is compiled as ReportLab asks.

ReportLab's utilities also import Pillow's Image module (about 60 ms with the
modules it pulls) for bitmaps, which a text document never draws. It is put in
place as a module loaded on first use (``importlib.util.LazyLoader``): the
first attribute read (an image opened, a type checked) loads it whole.
"""
from __future__ import annotations

import importlib.util
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


def _pillow_on_first_use() -> None:
    """Pillow's Image module in sys.modules, loaded when first used."""
    if "PIL.Image" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("PIL.Image")
    except ImportError:         # no Pillow: ReportLab says so itself
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["PIL.Image"] = module
    spec.loader.exec_module(module)
    sys.modules["PIL"].Image = module


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

        _pillow_on_first_use()
        re.compile = compile
        try:
            import reportlab.platypus.paragraph  # noqa: F401  # heavy: reportlab, imported here with its wide pattern left to first use
        finally:
            re.compile = real
