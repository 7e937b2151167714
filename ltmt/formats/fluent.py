"""Fluent message files (``.ftl``: Firefox, Thunderbird and the apps built on Project Fluent) as
a keyed catalog (:mod:`ltmt.formats.keyed_catalog`), read and written with Mozilla's
``fluent.syntax``.

    ltmt translate en-US/main.ftl -o de/main.ftl --user u1

A string is a message's or a term's value (``hello``, ``-brand-name``) or a message's attribute
(``login-input.placeholder``); a message is written only whole, as Fluent falls back to the
source language message by message. Patterns are translated as
:mod:`ltmt.formats.fluent_patterns` says (placeables as placeholders, a select taken apart into
whole sentences, a plural into the target language's categories). Not translated:

- a pattern with no words outside its placeables (``{ -brand-name }``, ``2.4.0``) or no text
  (``Europe/Berlin``: :meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.is_text`), copied;
- a brand term, whose id names a brand or vendor and whose value is a name
  (``-pocket-brand-name = Pocket``: :func:`~ltmt.formats.fluent_copies.is_brand_name`), a
  product's name, copied (another term, ``-cancel-label = Cancel``, is translated);
- a term's attributes (``.gender = masculine``: selectors, not text) and the attributes named
  in :data:`COPIED_ATTRIBUTES` (``.style = width: 32em``, shortcut keys), copied;
- access keys (``.accesskey``, ``.buttonaccesskeyaccept``): chosen from the translated label
  (its ``.label``, else its value, else its ``.value``, else its ``.aria-label``), as
  :mod:`ltmt.formats.fluent_access_keys` says; the output's key is kept while it is a letter
  of the label, and a message of the output that lacks a key of the source's gets one, with a
  warning that names it;
- a message with two selects in one pattern, or a nested one: left to a person, its
  translation so far kept as written; without one it is left out, with a warning that names it.

A translation so far whose pattern selects otherwise than the source's (a plural the English
lacks, a select on ``-brand-short-name.gender``, the source's plural dropped: Fluent lets a
locale have its own) is the translator's: kept as written, checked variant by variant by
``ltmt qa``, and no pair for an import, which counts it
(:mod:`ltmt.formats.fluent_selects`).

On a run into an output ltmt wrote, the copies there (:mod:`ltmt.formats.fluent_copies`) follow
the source, and a value someone set there is kept (:mod:`ltmt.formats.copied_values`): before
session 72 a message with no words was kept whole, ``version = 2.4.0`` for a source at 2.5.0.

Comments are kept; the output is written by ``fluent.syntax``'s serializer (its own layout:
a select on lines of its own), with the source's line ends but never a byte order mark (Fluent
parsers read one as a broken first entry; a source that has one is read, with a warning). A
file with a syntax error is refused with the line and column of the first.
"""

from __future__ import annotations

import codecs
import copy
import logging
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import decode, line_ends_like, read_bytes
from ltmt.formats.documents import Unit
from ltmt.formats.fluent_access_keys import (
    choose_access_keys,
    is_access_key,
    keys_missing,
    with_access_keys,
)
from ltmt.formats.fluent_copies import (
    copied_patterns,
    is_brand_name,
    key_of,
    pattern_at,
    pattern_text,
    with_copies,
)
from ltmt.formats.fluent_patterns import (
    Expansion,
    Unsupported,
    assemble,
    expand,
)
from ltmt.formats.fluent_selects import selects_otherwise, variants_checked
from ltmt.formats.keyed_catalog import FORM, Entry, KeyedCatalog, TranslatedFile
from ltmt.formats.placeholder_syntax import has_words
from ltmt.wording import counted, first_few, them

logger = logging.getLogger(__name__)

WHAT = "a Fluent file"
# attributes whose values are not text: CSS, sizes, keyboard shortcuts
COPIED_ATTRIBUTES = frozenset(
    {"style", "width", "height", "key", "commandkey", "keycode", "modifiers"}
)


def _load(path: Path) -> tuple[bytes, Any]:
    from fluent.syntax import FluentParser, ast

    data = read_bytes(path, WHAT)
    text = decode(data, path)
    resource = FluentParser(with_spans=True).parse(text.lstrip("\ufeff"))
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            note = entry.annotations[0] if entry.annotations else None
            span = note.span if note is not None and note.span is not None else entry.span
            start = span.start if span is not None else 0
            body = text.lstrip("\ufeff")
            line = body.count("\n", 0, start) + 1
            column = start - (body.rfind("\n", 0, start) + 1) + 1
            why = note.message if note is not None else "not Fluent syntax"
            raise InputError(f"{path}:{line}:{column}: {why} (not valid Fluent)")
    return data, resource


def parsed(path: Path) -> Any:
    """The Fluent file ``path`` parsed (``fluent.syntax``'s resource), or an error that names
    the line and column of its first syntax error."""
    return _load(path)[1]


def _patterns(entry: Any) -> list[tuple[str, Any]]:
    """``(key, pattern)`` of a message's or term's translatable patterns: its value, and a
    message's attributes other than copied ones and access keys."""
    from fluent.syntax import ast

    base = key_of(entry)
    found = [(base, entry.value)] if entry.value is not None else []
    if isinstance(entry, ast.Message):
        for attribute in entry.attributes:
            name = attribute.id.name
            if name not in COPIED_ATTRIBUTES and not is_access_key(name):
                found.append((f"{base}.{name}", attribute.value))
    return found


def _translatable(expansion: Expansion) -> bool:
    return any(has_words(text) for text in expansion.cases.values())


def _entries_of(resource: Any) -> Any:
    from fluent.syntax import ast

    return (e for e in resource.body if isinstance(e, ast.Message | ast.Term))


def case_key(key: str, case: str) -> str:
    """The string key of one case of pattern ``key``: ``key`` itself for a plain pattern (whose
    one case is ``""``), ``key#case`` for a select's."""
    return f"{key}{FORM}{case}" if case else key


def _values_of(expansions: Iterable[tuple[str, Expansion]]) -> dict[str, str]:
    """The strings of a parsed Fluent file by key, as the model sees them, from its patterns'
    ``expansions`` (:func:`_expansions_of`)."""
    values: dict[str, str] = {}
    for key, expansion in expansions:
        values.update((case_key(key, case), text) for case, text in expansion.cases.items())
    return values


def _expansions_of(
    resource: Any, left_out: Collection[str] = ()
) -> Iterator[tuple[str, Expansion]]:
    """``(pattern key, expansion)`` of each pattern of a parsed Fluent file that ltmt reads
    (not one with a select inside a select), but those of the keys ``left_out``."""
    for entry in _entries_of(resource):
        for key, pattern in _patterns(entry):
            if key in left_out:
                continue
            try:
                yield key, expand(pattern)
            except Unsupported:
                continue


class FluentCatalog(KeyedCatalog):
    """A Fluent file to translate into the target language's (module docstring)."""

    format = "ftl"
    what = WHAT

    def __init__(self, path: Path, data: bytes, resource: Any, tgt_lang: str) -> None:
        self.data, self.resource, self.tgt_lang = data, resource, tgt_lang
        self.expansions: dict[str, Expansion] = {}  # by pattern key
        self.sources: dict[str, Any] = {}  # the patterns of :attr:`expansions`, by key
        # the adopted output's patterns that select otherwise than their source's, by key:
        # the translator's, kept as written (module docstring)
        self.own_selects: dict[str, Any] = {}
        self.unsupported: set[str] = set()  # message ids left out
        self.adopted: dict[str, Any] = {}  # an adopted output's messages, by id
        self._adopted_values: dict[str, str] = {}
        # the patterns copied from the source, by key (module docstring), and those of them
        # whose copy in the adopted output follows the source (:meth:`take_source_value`)
        self.copied: dict[str, Any] = {}
        self.following: set[str] = set()
        self._adopting: tuple[Path, dict[str, str]] | None = None
        entries: list[Entry] = []
        for entry in _entries_of(resource):
            base = key_of(entry)
            try:
                found = [(key, expand(pattern, tgt_lang)) for key, pattern in _patterns(entry)]
            except Unsupported:
                self.unsupported.add(base)
                continue
            for key, expansion in found:
                plural = expansion.kind == "plural"
                cases = [
                    Entry(case_key(key, case), key, text, form, plural=plural, group=base)
                    for form, (case, text) in enumerate(expansion.cases.items())
                ]
                if key == base and is_brand_name(entry):  # a product's name: copied
                    continue
                if _translatable(expansion) and any(self.is_text(case) for case in cases):
                    self.expansions[key] = expansion
                    entries.extend(cases)
            self.sources.update((key, p) for key, p in _patterns(entry) if key in self.expansions)
            self.copied.update(copied_patterns(entry, self.expansions))
        super().__init__(path, entries)

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> FluentCatalog:
        data, resource = _load(Path(path))
        return cls(Path(path), data, resource, tgt_lang or "de")

    def warn_of_untranslated(self) -> None:
        """Warn of the messages with two selects in a pattern, or one inside another, that the
        output so far has no translation of: left out of the output (a person's translation is
        kept as written: trial s77's YAML rerun deleted one, then warned it was untranslated).
        Said by a translation run alone, once the output is adopted."""
        super().warn_of_untranslated()
        left = sorted(name for name in self.unsupported if name not in self.adopted)
        if left:
            logger.warning(
                "%s: %s with two selects in a pattern, or one inside another, left out of the "
                "output (%s); translate %s by hand",
                self.path,
                counted(len(left), "message"),
                first_few(left),
                them(len(left)),
            )

    def kept_by_hand(self) -> list[str]:
        """The messages ltmt cannot take apart whose translation so far is kept as written."""
        return sorted(name for name in self.unsupported if name in self.adopted)

    def name_of(self, key: str) -> str:
        """The message a key belongs to (``login.placeholder#one`` → ``login``): Fluent
        identifiers hold no ``.``."""
        return key.split(FORM)[0].split(".")[0]

    def placeholders_written(self, entry: Entry) -> dict[str, str]:
        expansion = self.expansions.get(entry.name)
        return {} if expansion is None else expansion.slots.written()

    def read_translation(self, path: Path) -> TranslatedFile:
        resource = _load(Path(path))[1]
        own = self._selecting_otherwise(resource)
        expansions = list(_expansions_of(resource, own))
        written = {key: expansion.slots.written() for key, expansion in expansions}
        checked: dict[str, dict[str, tuple[str, str]]] = {}
        for key, pattern in own.items():
            try:
                checked[key], written[key] = variants_checked(self.sources[key], pattern)
            except Unsupported:  # a select inside a select: not imported, not checked
                checked[key] = {}
        values = self._as_read(_values_of(expansions))
        return TranslatedFile(values, written, own_selects=checked)

    def _selecting_otherwise(self, resource: Any) -> dict[str, Any]:
        """The patterns of ``resource`` (a translation of this file, parsed) that select
        otherwise than their source's (:func:`~ltmt.formats.fluent_selects.selects_otherwise`),
        by key."""
        found = {}
        for entry in _entries_of(resource):
            for key, pattern in _patterns(entry):
                expansion = self.expansions.get(key)
                if expansion is not None and selects_otherwise(expansion, pattern):
                    found[key] = pattern
        return found

    def missing_in(self, path: Path) -> list[str]:
        """:meth:`KeyedCatalog.missing_in`, a translation's own select translating its
        pattern."""
        own = self._selecting_otherwise(_load(Path(path))[1])
        return [name for name in super().missing_in(path) if name not in own]

    def names(self) -> set[str]:
        return {key_of(entry) for entry in _entries_of(self.resource)}

    def read_values(self, path: Path) -> dict[str, str]:
        if self._adopting is not None and self._adopting[0] == Path(path):
            return dict(self._adopting[1])  # the file being adopted, read once
        resource = _load(Path(path))[1]
        return self._as_read(
            _values_of(_expansions_of(resource, self._selecting_otherwise(resource)))
        )

    def _as_read(self, values: dict[str, str]) -> dict[str, str]:
        """A translated file's strings as this file's cases are written (an ordinal's count as
        its case's number: :meth:`Expansion.as_read`)."""
        out = {}
        for key, text in values.items():
            base, form, case = key.rpartition(FORM)
            expansion = self.expansions.get(base) if form else None
            out[key] = expansion.as_read(case, text) if expansion is not None else text
        return out

    def adopt(self, target: Path) -> int:
        resource = _load(Path(target))[1]  # its strings, and its messages as written
        self.own_selects = self._selecting_otherwise(resource)
        expansions = _expansions_of(resource, self.own_selects)
        self._adopted_values = self._as_read(_values_of(expansions))
        self.adopted = {key_of(e): e for e in _entries_of(resource)}
        self.following = set()
        self._adopting = (Path(target), self._adopted_values)
        try:
            kept = super().adopt(target)
        finally:
            self._adopting = None
        self._warn_of_access_keys_added(Path(target))
        return kept

    def _warn_of_access_keys_added(self, target: Path) -> None:
        """Warn of the access keys of the source that messages of ``target`` (the translation
        so far) lack and get (:func:`~ltmt.formats.fluent_access_keys.with_access_keys`)."""
        added = [
            f"{key_of(entry)}.{name}"
            for entry in _entries_of(self.resource)
            if key_of(entry) in self.adopted and key_of(entry) not in self.unsupported
            for name in keys_missing(self.adopted[key_of(entry)], entry)
        ]
        if added:
            logger.warning(
                "%s: access keys added where its messages lacked the source's (%s), each a "
                "letter of its label; check that no other item of the same menu or dialog has it",
                target,
                first_few(added, count_rest=True),
            )

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """:meth:`KeyedCatalog.pending`, less the cases of a pattern the output so far
        translates with a select of its own (:attr:`own_selects`), unless ``overwrite``."""
        units = super().pending(overwrite)
        return [u for u in units if overwrite or u.key.split(FORM)[0] not in self.own_selects]

    def copied_values(self) -> dict[str, Any]:
        """:meth:`KeyedCatalog.copied_values`, and the patterns copied from the source
        (:attr:`copied`), as Fluent writes them, by key."""
        copied = {key: pattern_text(pattern) for key, pattern in self.copied.items()}
        return super().copied_values() | copied

    def writes_copies(self) -> bool:
        """Whether the file has terms copied from the source (``-pocket-brand-name =
        Pocket``), which the target locale's messages reference: a Fluent bundle resolves a
        term in its own locale alone."""
        from fluent.syntax import ast

        return any(isinstance(entry, ast.Term) for entry in _entries_of(self.resource))

    def copied_values_held(self) -> dict[str, Any]:
        held = super().copied_values_held()
        for key in self.copied:
            adopted = self.adopted.get(self.name_of(key))
            pattern = pattern_at(adopted, key) if adopted is not None else None
            if pattern is not None:
                held[key] = pattern_text(pattern)
        return held

    def take_source_value(self, name: str) -> None:
        if name in self.copied:
            self.following.add(name)
        else:
            super().take_source_value(name)

    def render(self) -> bytes:
        from fluent.syntax import FluentSerializer, ast

        body = []
        for entry in self.resource.body:
            if isinstance(entry, ast.Message | ast.Term):
                translated = self._translated(entry)
                if translated is not None:
                    body.append(translated)
            elif not isinstance(entry, ast.Junk):
                body.append(copy.deepcopy(entry))
        body.extend(copy.deepcopy(self.adopted[name]) for name in self.extras)
        text = FluentSerializer(with_junk=False).serialize(ast.Resource(body))
        return line_ends_like(self.data, text.encode("utf-8"))  # no byte order mark: save()

    def save(self, out_path: Path) -> None:
        """Write the translation to ``out_path`` without the source's byte order mark, if it has
        one (saying so): ``fluent.syntax`` and Firefox read a file that starts with one as a
        broken first entry, so the message after it is lost."""
        if self.data.startswith(codecs.BOM_UTF8):
            logger.warning(
                "%s: starts with a byte order mark, which Fluent parsers read as a broken first "
                "entry; %s is written without one",
                self.path,
                out_path,
            )
        super().save(out_path)

    def _translated(self, entry: Any) -> Any | None:
        """``entry`` translated, or None until every pattern of it has a translation."""
        base = key_of(entry)
        adopted = self.adopted.get(base)
        if base in self.unsupported:  # as the translator wrote it, if they did
            return copy.deepcopy(adopted) if adopted is not None else None
        keys = [key for key, _ in _patterns(entry) if key in self.expansions]
        texts = {key: self._texts(key) for key in keys}
        # a pattern the translator wrote with a select of their own: as written there
        own = {key for key in keys if texts[key] is None and key in self.own_selects}
        if any(found is None for key, found in texts.items() if key not in own):
            return None
        if adopted is not None and all(
            self._adopted_values.get(case_key(key, case)) == text
            for key in keys
            for case, text in (texts[key] or {}).items()
        ):
            kept = self._with_copies(copy.deepcopy(adopted), entry)  # as written there
            return with_access_keys(kept, entry)
        out = copy.deepcopy(entry)
        out.span = None
        if out.value is not None and base in texts:
            out.value = self._pattern(base, texts[base])
        for attribute in out.attributes:
            key = f"{base}.{attribute.id.name}"
            if key in texts:
                attribute.value = self._pattern(key, texts[key])
        choose_access_keys(out, adopted)
        return self._with_copies(out, entry, adopted)

    def _pattern(self, key: str, texts: dict[str, str] | None) -> Any:
        """Pattern ``key`` translated: assembled from its cases' ``texts``, or without them the
        output so far's own select (:attr:`own_selects`) as written there."""
        if texts is None:
            return copy.deepcopy(self.own_selects[key])
        return assemble(self.expansions[key], texts)

    def _with_copies(self, out: Any, entry: Any, adopted: Any | None = None) -> Any:
        """:func:`~ltmt.formats.fluent_copies.with_copies` of this file's copies."""
        return with_copies(out, entry, self.copied, self.following, adopted)

    def _texts(self, key: str) -> dict[str, str] | None:
        """The translations of pattern ``key``'s cases, or None while one is missing."""
        found = {}
        for case in self.expansions[key].cases:
            text = self.translations.get(case_key(key, case))
            if text is None:
                return None
            found[case] = text
        return found
