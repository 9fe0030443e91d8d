"""The document-kind registry: every document the office makes is one entry of
``data/catalog/document_kinds.json`` plus one composer function.

An entry says what the kind is called, the record it is about, the kind in its
number symbol (empty: a working paper, never numbered), the title printed above
the subject, its file name, the function that writes its text (``composer``) and
what issuing it closes (``closes``, see ``models.services.closing``). The
command line, the screens, the register's words and the tests read this
registry; nothing else lists the kinds.

The registry is checked when it is loaded: a numbered kind without a composer,
a closing effect nobody knows, or two kinds with one slug stop the program with
a message naming the entry (``KindsInvalid``), instead of a numbered document
silently printed as a working paper. Composers and ``revise`` functions are
"module:function" names imported when a kind is first used, so that printing
one kind loads only its own modules (``doithoai print`` never loads the board,
the search or the plan import); ``check`` imports them all (a registry added
with ``added`` is checked so at once, the shipped one by tests/test_kinds.py)."""
from __future__ import annotations

import importlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import data
from models.core.errors import ValidationError
from models.core.words import KindsWords as W
from models.core.words import RegisterWords
from models.services.closing import EFFECTS

SOURCE = "catalog/document_kinds.json"
#: where a composer named without a module lives
COMPOSERS_MODULE = "models.services.compose"
#: the record a kind is about → how it is named in messages and help
TARGET_LABELS = {t: RegisterWords.REF_LABELS[t] for t in ("plan", "conference", "petition", "unit")}
#: a numbered kind without a kind title is a công văn (Decree 30/2020 App. III: no kind in its symbol)
UNTITLED = W.UNTITLED
FIELDS = ("slug", "name", "target", "number_kind", "title", "file", "composer", "closes", "after_conference",
          "record_text", "revise")


class KindsInvalid(RuntimeError):
    """The registry itself is wrong: a mistake in the program's data, told at load."""


@dataclass(frozen=True)
class DocKind:
    slug: str
    name: str
    target: str
    number_kind: str
    title: str
    file: str
    composer: str = ""
    closes: tuple = ()
    after_conference: bool = False      # issued only on or after the conference's day (minutes, conclusions, report)
    #: the text is its record's own fields (the plan: drafted, edited and
    #: versioned on its own screen), never an edited copy in the document editor
    record_text: bool = False
    #: with record_text: the function that starts a new version of the record
    #: when an issued one is corrected (``revise(record, reason)``, a name as for ``composer``)
    revise: str = ""
    #: the registry file the entry came from (named when its composer cannot be found)
    where: str = field(default="", compare=False, repr=False)

    @property
    def numbered(self) -> bool:
        return bool(self.number_kind)

    @property
    def number_name(self) -> str:
        """"Thông báo", "Công văn": the name beside its number kind in the register."""
        return self.title.capitalize() if self.title else UNTITLED

    @property
    def compose(self) -> Callable | None:
        """The composer, imported when first used (``KindsInvalid`` if it cannot be)."""
        return _resolve(self.composer, self.slug, self.where) if self.composer else None

    @property
    def start_revision(self) -> Callable | None:
        return _resolve(self.revise, self.slug, self.where) if self.revise else None


#: registry files added beside the shipped one (``added``)
_extra: list[str] = []


@lru_cache(maxsize=None)
def _resolve(name: str, slug: str, where: str) -> Callable:
    module, _, func = name.rpartition(":")
    try:
        found = getattr(importlib.import_module(module or COMPOSERS_MODULE), func, None)
    except ImportError as exc:
        raise KindsInvalid(W.COMPOSER_UNLOADABLE.format(where=where, slug=slug, name=name, reason=exc)) from exc
    if not callable(found):
        raise KindsInvalid(W.COMPOSER_MISSING.format(where=where, slug=slug, name=name))
    return found


def _make(entry: dict, where: str, effects) -> DocKind:
    slug = entry.get("slug", "?")
    unknown = set(entry) - set(FIELDS)
    lacking = [f for f in FIELDS[:6] if f not in entry]
    if unknown or lacking:
        what = ([W.LACKING.format(fields=", ".join(lacking))] if lacking else []) + (
            [W.UNKNOWN.format(fields=", ".join(sorted(unknown)))] if unknown else [])
        raise KindsInvalid(W.FIELDS_WRONG.format(where=where, slug=slug, what="; ".join(what)))
    if entry["target"] not in TARGET_LABELS:
        raise KindsInvalid(W.TARGET_WRONG.format(where=where, slug=slug, target=entry["target"],
                                                 allowed=", ".join(TARGET_LABELS)))
    if entry["number_kind"] and not entry.get("composer"):
        raise KindsInvalid(W.NO_COMPOSER.format(where=where, slug=slug, number_kind=entry["number_kind"]))
    closes = tuple(entry.get("closes") or ())
    for effect in closes:
        if effect.get("effect") not in effects:
            raise KindsInvalid(W.EFFECT_UNKNOWN.format(where=where, slug=slug, effect=effect.get("effect"),
                                                       allowed=", ".join(effects)))
        problem = effects[effect["effect"]].problem(effect)
        if problem:
            raise KindsInvalid(W.EFFECT_WRONG.format(where=where, slug=slug, effect=effect["effect"], problem=problem))
    if closes and not entry["number_kind"]:
        raise KindsInvalid(W.PAPER_CLOSES.format(where=where, slug=slug))
    if entry.get("record_text") and not entry.get("revise"):
        raise KindsInvalid(W.NO_REVISE.format(where=where, slug=slug, record=TARGET_LABELS[entry["target"]]))
    composer = entry.get("composer") or ""
    revise = entry.get("revise") or ""
    return DocKind(**{**entry, "closes": closes, "composer": composer, "revise": revise, "where": where})


def _load(extra: tuple) -> dict[str, DocKind]:
    out: dict[str, DocKind] = {}
    sources = [(data.load_json(SOURCE)["kinds"], f"data/{SOURCE}"),
               *((json.loads(Path(p).read_text(encoding="utf-8"))["kinds"], p) for p in extra)]
    for entries, where in sources:
        for entry in entries:
            k = _make(entry, where, EFFECTS)
            if k.slug in out:
                raise KindsInvalid(W.REPEATED.format(where=where, slug=k.slug))
            other = next((o for o in out.values() if k.record_text and o.record_text and o.target == k.target), None)
            if other is not None:
                raise KindsInvalid(W.RECORD_TEXT_TWICE.format(where=where, slug=k.slug, other=other.slug,
                                                              record=TARGET_LABELS[k.target]))
            out[k.slug] = k
    return out


@lru_cache(maxsize=1)
def _cached(extra: tuple) -> dict[str, DocKind]:
    return _load(extra)


def kinds() -> dict[str, DocKind]:
    """Every kind, by slug, in the registry's order."""
    return _cached(tuple(_extra))


def kind(slug: str) -> DocKind:
    k = kinds().get(slug)
    if k is None:
        raise ValidationError(W.NO_SUCH_KIND.format(slug=slug, kinds=", ".join(kinds())))
    return k


def record_kind(target: str) -> DocKind | None:
    """The kind whose text is a record of ``target`` itself (``record_text``: the
    plan's), or None when documents about that record are texts of their own."""
    return next((k for k in kinds().values() if k.record_text and k.target == target), None)


def numbered_kinds() -> list[DocKind]:
    return [k for k in kinds().values() if k.numbered]


def number_names() -> dict[str, str]:
    """Number kind → its name ("TB" → "Thông báo"), for the kinds of the registry."""
    out: dict[str, str] = {}
    for k in numbered_kinds():
        out.setdefault(k.number_kind, k.number_name)
    return out


def id_help() -> str:
    """What the ID of a command is, kind by kind (the command line's help)."""
    by_target: dict[str, list[str]] = {}
    for k in kinds().values():
        by_target.setdefault(k.target, []).append(k.slug)
    parts = [f"{TARGET_LABELS[t]} ({', '.join(slugs)})" for t, slugs in by_target.items()]
    targets = ", ".join(parts[:-1]) + W.OR + parts[-1] if len(parts) > 1 else parts[0]
    return W.ID_HELP.format(targets=targets)


def check() -> None:
    """Import every composer and ``revise`` function the registry names
    (``KindsInvalid`` naming the entry when one cannot be found)."""
    for k in kinds().values():
        for name in (k.composer, k.revise):
            if name:
                _resolve(name, k.slug, k.where)


@contextmanager
def added(path: str | Path):
    """The kinds of another registry file (same form as the shipped one) beside
    the shipped kinds while the block runs — checked as the shipped ones are."""
    entry = str(path)
    _extra.append(entry)
    try:
        check()
    except BaseException:
        _extra.remove(entry)
        raise
    try:
        yield kinds()
    finally:
        _extra.remove(entry)
