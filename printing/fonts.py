"""Which serif font prints the documents, and registering it with ReportLab.

FORMAT.md: Decree 30/2020 (Appendix I, §I.1) asks for Times New Roman (Unicode).
ReportLab's built-in Times has no Vietnamese glyphs, so a TrueType family is
always embedded. Order of preference:

1. Times New Roman (on every Windows office PC; msttcorefonts on Linux);
2. its metric twins Liberation Serif and Tinos, then DejaVu Serif (wider: a
   header line that would not fit is set tighter, never below the size the
   decree allows; ``doctor`` warns about it);
3. Noto Serif from the ``fontpkg-noto-serif`` package. It ships a variable font,
   which ReportLab cannot embed, so static faces are cut once with
   ``fontTools.varLib.instancer`` into the user cache.

``DOITHOAI_FONT=noto`` (or ``choose(prefer="noto")``) skips the system search,
so the last step can be tested on a machine that has the others;
``DOITHOAI_FONT=dejavu`` (any family's name, spaces optional) takes that system
family only. ``DOITHOAI_FONT_DIRS`` adds folders before the usual ones;
``DOITHOAI_FONT_PATH`` names the only folders searched (no fontconfig is used
anywhere), so a test decides which families the machine has.

Not in the list: TeX Gyre Termes and URW's Nimbus Roman, Times' other metric
twins, ship as OpenType with PostScript (CFF) outlines, which ReportLab cannot
embed, and Debian's Nimbus Roman (fonts-urw-base35) has no Vietnamese letters.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models.core.errors import UserError
from models.core.paths import locations
from models.core.words import FontWords as W
from models.core.words import PaperWords

FACES = ("regular", "bold", "italic", "bold_italic")

# Families drawn with Times New Roman's widths: a line fits as it would in Word on Windows.
METRIC_TWINS = ("Times New Roman", "Liberation Serif", "Tinos")

# family name → file names of its four faces (lower case; matched case-insensitively)
SYSTEM_FAMILIES: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("Times New Roman", (
        ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
        ("times_new_roman.ttf", "times_new_roman_bold.ttf", "times_new_roman_italic.ttf",
         "times_new_roman_bold_italic.ttf"),
        ("times new roman.ttf", "times new roman bold.ttf", "times new roman italic.ttf",
         "times new roman bold italic.ttf"),
    )),
    ("Liberation Serif", (("liberationserif-regular.ttf", "liberationserif-bold.ttf",
                           "liberationserif-italic.ttf", "liberationserif-bolditalic.ttf"),)),
    ("Tinos", (("tinos-regular.ttf", "tinos-bold.ttf", "tinos-italic.ttf", "tinos-bolditalic.ttf"),)),
    ("DejaVu Serif", (("dejavuserif.ttf", "dejavuserif-bold.ttf", "dejavuserif-italic.ttf",
                       "dejavuserif-bolditalic.ttf"),)),
)

# Noto Serif cut from the variable font: (face, source file, axis location)
NOTO_FACES = (
    ("regular", "NotoSerif[wdth,wght].ttf", {"wght": 400, "wdth": 100}),
    ("bold", "NotoSerif[wdth,wght].ttf", {"wght": 700, "wdth": 100}),
    ("italic", "NotoSerif-Italic[wdth,wght].ttf", {"wght": 400, "wdth": 100}),
    ("bold_italic", "NotoSerif-Italic[wdth,wght].ttf", {"wght": 700, "wdth": 100}),
)


@dataclass(frozen=True)
class FontSet:
    """The four faces of the family in use."""

    family: str
    source: str                 # "hệ thống" or "Noto Serif (cắt từ fontpkg-noto-serif)"
    files: tuple[Path, Path, Path, Path]

    @property
    def key(self) -> str:
        """ReportLab name prefix, unique per family so two sets can coexist in a process."""
        return "DT" + "".join(ch for ch in self.family if ch.isalnum())

    def name(self, bold: bool = False, italic: bool = False) -> str:
        return self.key + ("-BoldItalic" if bold and italic else "-Bold" if bold
                           else "-Italic" if italic else "")

    @property
    def times_metrics(self) -> bool:
        """True for Times New Roman and its metric twins."""
        return self.family in METRIC_TWINS

    def describe(self) -> str:
        lines = [W.FONT_LINE.format(family=self.family, source=self.source)]
        lines += [f"  {face}: {path}" for face, path in zip(FACES, self.files)]
        return "\n".join(lines)

    def warning(self) -> str | None:
        """What ``doctor`` says when the family is a fallback wider than Times New Roman."""
        if self.times_metrics:
            return None
        return PaperWords.FONT_FALLBACK.format(family=self.family)


def font_dirs() -> list[Path]:
    """Folders where fonts are usually installed on Windows, macOS and Linux
    (``DOITHOAI_FONT_PATH``: those folders only)."""
    home = Path.home()
    only = os.environ.get("DOITHOAI_FONT_PATH")
    if only:
        return [Path(p) for p in only.split(os.pathsep) if p]
    dirs: list[Path] = []
    extra = os.environ.get("DOITHOAI_FONT_DIRS")
    if extra:
        dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                 home / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 home / ".fonts", home / ".local" / "share" / "fonts"]
    return dirs


def _index(dirs: list[Path]) -> dict[str, list[Path]]:
    """Lower-case file name → every path with that name below ``dirs``, in search
    order. Two builds of a family can share file names (Debian installs
    Liberation 1.x and 2.x side by side), and only the newer covers Vietnamese."""
    found: dict[str, list[Path]] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        for root, _sub, files in os.walk(top):
            for f in sorted(files):
                if f.lower().endswith(".ttf"):
                    found.setdefault(f.lower(), []).append(Path(root) / f)
    return found


# Every letter of the Vietnamese alphabet with its tone marks, upper and lower case.
VIETNAMESE = "".join(sorted(set(
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
    "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬBCDĐEÈẺẼÉẸÊỀỂỄẾỆGHIÌỈĨÍỊKLMNOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢPQRSTUÙỦŨÚỤƯỪỬỮỨỰVXYỲỶỸÝỴ")))


def covers_vietnamese(path: Path) -> bool:
    """True when the font has a glyph for every Vietnamese letter. Old builds of a
    family lack them (Debian's fonts-liberation 1.07 has no "ạ", "ủ", "ộ" …)."""
    from fontTools.ttLib import TTFont, TTLibError  # heavy: fontTools, only when Noto Serif is cut

    try:
        cmap = TTFont(str(path), lazy=True).getBestCmap() or {}
    except (TTLibError, OSError):
        return False
    return all(ord(ch) in cmap for ch in VIETNAMESE)


def _coverage_cache() -> Path | None:
    try:
        return locations().cache / "fonts" / "vietnamese-coverage.json"
    except Exception:  # no cache folder: check the fonts every time
        return None


def covers_vietnamese_cached(paths) -> bool:
    """covers_vietnamese for every path, remembered in the user cache by file
    size and modification time: reading the glyph tables takes fontTools (20 ms to
    import) and 5 ms a face, at every `doithoai print`. A font replaced or updated
    has another size or time and is read again."""
    cache = _coverage_cache()
    known: dict = {}
    if cache is not None:
        try:
            known = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    changed, result = False, True
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            return False
        stamp = [st.st_size, st.st_mtime_ns]
        entry = known.get(str(path))
        if not (isinstance(entry, list) and entry[:2] == stamp):
            entry = stamp + [covers_vietnamese(path)]
            known[str(path)] = entry
            changed = True
        if not entry[2]:
            result = False
            break
    if changed and cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(known), encoding="utf-8")
            os.replace(tmp, cache)
        except OSError:
            pass
    return result


def _squash(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def find_system_font(dirs: list[Path] | None = None, family_name: str = "") -> FontSet | None:
    """The first family in SYSTEM_FAMILIES (or the one named, e.g. "dejavu") with
    all four faces installed and Vietnamese coverage."""
    index = _index(font_dirs() if dirs is None else dirs)
    wanted = _squash(family_name)
    for family, variants in SYSTEM_FAMILIES:
        if wanted and not _squash(family).startswith(wanted):
            continue
        for names in variants:
            if not all(n in index for n in names):
                continue
            # the four faces of one build sit in one folder
            for folder in dict.fromkeys(p.parent for p in index[names[0]]):
                paths = tuple(next((p for p in index[n] if p.parent == folder), None) for n in names)
                if all(paths) and covers_vietnamese_cached(paths):
                    return FontSet(family, W.SYSTEM, paths)
    return None


def noto_cache_dir() -> Path:
    return locations().cache / "fonts"


def cut_noto(cache: Path | None = None) -> FontSet:
    """Static Noto Serif faces, cut once from the packaged variable font."""
    try:
        import fontpkg_noto_serif  # off the start-up path: only when no system font serves (it may be absent)
    except ImportError:
        raise UserError(W.NO_FONT) from None
    src_dir = Path(fontpkg_noto_serif.ROOT) / "files"
    version = getattr(fontpkg_noto_serif, "__version__", "") or _package_version()
    out_dir = (cache or noto_cache_dir()) / f"noto-serif-{version}"
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for face, src, axes in NOTO_FACES:
        target = out_dir / f"NotoSerif-{face}.ttf"
        if not target.exists():
            _instance(src_dir / src, axes, target)
        paths.append(target)
    return FontSet("Noto Serif", W.NOTO_SOURCE, tuple(paths))


def _package_version() -> str:
    try:
        from importlib.metadata import version  # heavy: importlib.metadata, only to name the Noto cache folder

        return version("fontpkg-noto-serif")
    except Exception:  # any metadata problem: fall back to one folder
        return "0"


def _instance(src: Path, axes: dict, target: Path) -> None:
    from fontTools.ttLib import TTFont  # heavy: fontTools, only when Noto Serif is cut
    from fontTools.varLib import instancer  # heavy: fontTools, only when Noto Serif is cut

    font = TTFont(str(src))
    static = instancer.instantiateVariableFont(font, axes, updateFontNames=False)
    # write beside the target and rename: a power cut never leaves half a font
    tmp = target.with_suffix(".tmp")
    static.save(str(tmp))
    os.replace(tmp, target)


def choose(prefer: str | None = None) -> FontSet:
    """The font family documents are printed with (see the module docstring)."""
    prefer = (prefer or os.environ.get("DOITHOAI_FONT", "")).strip().lower()
    if prefer != "noto":
        found = find_system_font(family_name=prefer)
        if found:
            return found
    return cut_noto()


@lru_cache(maxsize=4)
def register(prefer: str | None = None) -> FontSet:
    """Choose the family and register its faces with ReportLab (once per process)."""
    from reportlab.lib.fonts import addMapping  # heavy: reportlab, only when a PDF is drawn (doctor names the font without it)
    from reportlab.pdfbase import pdfmetrics  # heavy: reportlab, only when a PDF is drawn (doctor names the font without it)
    from reportlab.pdfbase.ttfonts import TTFError, TTFont  # heavy: reportlab, only when a PDF is drawn (doctor names the font without it)

    fonts = choose(prefer)
    try:
        for (bold, italic), path in zip(((0, 0), (1, 0), (0, 1), (1, 1)), fonts.files):
            name = fonts.name(bool(bold), bool(italic))
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
            addMapping(fonts.key, bold, italic, name)
    except (TTFError, OSError) as exc:
        raise UserError(W.FONT_BROKEN.format(family=fonts.family, exc=exc)) from exc
    return fonts


def font_report(prefer: str | None = None) -> tuple[str, str | None]:
    """What ``doithoai doctor`` prints: the family and the four files, and a
    warning when the family is a fallback wider than Times New Roman."""
    fonts = choose(prefer)
    return fonts.describe(), fonts.warning()
