"""Xcode string catalogs (``Localizable.xcstrings``, Xcode 15 on): one JSON file holding every
language of an Apple app's strings.

A string's source text is its ``sourceLanguage`` localization's value, or its key where it has
none (Xcode's default: the key is the English text); a catalog without ``sourceLanguage``,
which Xcode always writes, is refused, not guessed to be English. ``ltmt translate`` fills the
target language's localization of each string that lacks one (``overwrite``: of every string): a
``stringUnit`` with ``state`` ``needs_review`` (``translated`` with ``mark_fuzzy`` off, or for a
100 % match of its own key with ``--exact-approved``). A source with plural variations gets the
target language's categories (a category the source lacks from its ``other``), written only when
every form is translated (``other``, which Apple requires, in every language). A string with
substitutions (``%1$@ ate %#@apples@ today!``, a plural of its own for each variable) gets its
text and each substitution's forms translated (``%arg``, the substitution's own argument, a
placeholder), written only together, the substitutions' ``argNum`` and ``formatSpecifier`` as
the source's. A string that varies by device (``iphone``, ``mac``, ``other`` ...) gets each
device's text, or plural forms, translated and written only together. A plural's ``zero``
is translated too where the source has it (Apple uses it for the number 0 in every language:
:func:`~ltmt.formats.plurals.keeps_zero`); a string the target language has some forms of
already gets the others, its own kept. Strings marked ``"shouldTranslate" : false`` are
skipped, and so are strings Xcode no longer finds in the app (``"extractionState" :
"stale"``), which a warning counts (once: a memory import counts them as not read instead),
and strings with substitutions other than plurals (or device variations holding
substitutions), which a warning names. Everything else (comments,
extraction states, other languages) is written back as read, in Xcode's layout (two-space
indentation, ``" : "``, keys in order, the categories of a plural written sorted, an empty
object as ``{`` and ``}`` with a blank line between, the input's last line end or none).

A string translated already whose translation the user's memory holds for another source of
its key (its source edited since, which Xcode marks only where it makes the edit) is marked
``needs_review`` and kept: the memory alone is weak evidence (keys name strings of every
project; a German may be kept on purpose), so no memory match replaces it
(:func:`ltmt.formats.changed_sources.mark_for_review`). Filled in place, the catalog is its
own output (:class:`~ltmt.formats.output_sources.FilledInPlace`): the record of what ltmt wrote
there, per unit (a string, a plural form, a device variation), has ltmt's German of an English
changed since translated again, and one ltmt did not write, or wrote ``needs_review`` and a
reviewer approved since (``translated``), kept, named in a warning and marked ``needs_review``
(:func:`ltmt.formats.existing_output.drop_outdated`), as Xcode marks the translations of a
source edited in its catalog editor.

``ltmt memory import Localizable.xcstrings --tgt-lang de`` reads the ``translated`` pairs of
the target language, with the key as context; those still ``needs_review`` or ``new`` are left
out and counted in a warning.

A ``translated`` unit that ``overwrite`` writes with the text it had stays ``translated``, the
reviewer's (as a PO entry stays unflagged), unless :meth:`XcStringsDocument.written_by_ltmt`
says it is ltmt's own text.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    atomic_write,
    decode,
    lang_matches,
    language_error,
    read_bytes,
)
from ltmt.formats.documents import Unit
from ltmt.formats.json_repeated_keys import parse_with_repeated_keys, refuse_repeated_keys
from ltmt.formats.not_read import UNTRANSLATED, NotRead
from ltmt.formats.placeholder_syntax import has_words
from ltmt.formats.plurals import (
    keeps_zero,
    other_source,
    plural_tags,
    with_other,
    without_other,
)
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "an Xcode string catalog"
FORM = "#"
_APPROVED = "translated"
_NEEDS_REVIEW = "needs_review"  # ltmt's state for its machine translation, Xcode's for a change
_NEW = "new"  # a string unit not translated yet (Xcode's state for an extracted string)
_STALE = "stale"  # the extraction state of a string Xcode no longer finds in the app's code
STALE_NOT_READ = "stale (no longer in the app)"  # why such a string makes no pair (NotRead)
UNREVIEWED_NOT_READ = "needs review"  # why a translation not yet reviewed makes none (NotRead)
# a line ending in an empty object (no string ends a line but at its closing quote)
_EMPTY_OBJECT = re.compile(r"^( *)(.*)\{\}(,?)$", re.MULTILINE)


def _load(path: Path) -> tuple[dict[str, Any], bool]:
    """The catalog at ``path``, and whether its text ends with a line end. A key written twice
    (a merge's ``"Done"`` twice, one with its reviewed German) is refused: the catalog is
    written back from what is read, so the one not read would be lost."""
    text = decode(read_bytes(path, WHAT), path)
    data, repeated = parse_with_repeated_keys(text, path)
    refuse_repeated_keys(path, repeated)
    if not isinstance(data, dict) or not isinstance(data.get("strings"), dict):
        raise InputError(f'{path}: not {WHAT}: no "strings" object at its top level')
    return data, text.endswith("\n")


def xcode_json(data: Any) -> str:
    """``data`` as Xcode writes a catalog: two-space indentation, ``" : "``, and an empty
    object as ``{``, a blank line and ``}`` at its line's indentation (its JSON writer's way:
    written ``{}``, each file Xcode saves again would differ)."""
    text = json.dumps(data, indent=2, separators=(",", " : "), ensure_ascii=False)
    return _EMPTY_OBJECT.sub(r"\1\2{\n\n\1}\3", text)


def _get(found: Any, name: str) -> Any:
    """``found[name]`` where ``found`` is an object that has it (a catalog is user data)."""
    return found.get(name) if isinstance(found, dict) else None


def _unit_value(localization: Any) -> str | None:
    value = _get(_get(localization, "stringUnit"), "value")
    return value if isinstance(value, str) else None


def _plural(localization: Any) -> dict[str, Any] | None:
    plural = _get(_get(localization, "variations"), "plural")
    return plural if isinstance(plural, dict) else None


def _devices(localization: Any) -> dict[str, Any] | None:
    """A localization's device variations (``iphone``, ``mac``, ``other`` ...), or None."""
    devices = _get(_get(localization, "variations"), "device")
    return devices if isinstance(devices, dict) else None


@dataclass(frozen=True)
class Slot:
    """Where a unit's text lives in a localization: its string's ``key``, the ``device``
    variation it is of (if any), and for a plural form its ``tag``, of the string (or device
    variation) itself or of one of its ``substitution``s."""

    key: str
    substitution: str | None = None
    tag: str | None = None
    device: str | None = None

    def find(self, localization: Any) -> Any:
        """The dict holding this slot's ``stringUnit`` in ``localization`` (None: none)."""
        if self.device is not None:
            localization = _get(_devices(localization), self.device)
        if self.substitution is not None:
            substitutions = _get(localization, "substitutions")
            localization = _get(substitutions, self.substitution)
        if self.tag is None:
            return localization
        plural = _plural(localization)
        return plural.get(self.tag) if plural is not None else None


def _plurals_in(localization: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The plural variations of a localization being written, its substitutions' and device
    variations' too."""
    devices = _devices(localization) or {}
    holders = [localization, *localization.get("substitutions", {}).values(), *devices.values()]
    for holder in holders:
        plural = _plural(holder)
        if plural is not None:
            yield plural


def _substitutions(localization: Any) -> dict[str, Any] | None:
    """A localization's plural substitutions (``%#@files@`` in its value), or None where it
    has none; a substitution that is no plural makes it unreadable here (``{}``)."""
    found = _get(localization, "substitutions")
    if not isinstance(found, dict):
        return None
    return found if all(_plural(sub) is not None for sub in found.values()) else {}


def _source_language(data: dict[str, Any], path: Path) -> str:
    """The catalog's ``sourceLanguage``, which Xcode always writes: without it, which
    localization holds the source and the keys' language are a guess (taken as English, a
    German catalog's keys were translated as English), so it is an InputError saying what to
    add."""
    language = data.get("sourceLanguage")
    if not isinstance(language, str) or not language.strip():
        raise InputError(
            f'{path}: no "sourceLanguage" at its top level (Xcode writes one); add '
            '"sourceLanguage" : "en" (the language of its keys) after its opening brace'
        )
    return language


class XcStringsDocument:
    """An Xcode string catalog to fill with the target language (module docstring)."""

    format = "xcstrings"

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        tgt_lang: str,
        final_newline: bool = True,
        warn: bool = True,
    ) -> None:
        self.path, self.data, self.tgt_lang = Path(path), data, tgt_lang
        self.final_newline = final_newline  # whether the file's last line ends (Xcode's: no)
        self.source_lang = _source_language(data, self.path)
        self.tags = plural_tags(tgt_lang)
        self.filled: dict[str, tuple[str, bool]] = {}  # unit key: (text, needs review)
        self._again: set[str] = set()  # units translated again though they have a translation
        # reviewed units --overwrite wrote as they were: still the translator's, not flagged
        self.kept_reviewed: set[str] = set()
        self._by_ltmt: set[str] = set()  # units holding ltmt's own text (written_by_ltmt)
        # reviewed units --overwrite translates again (not those marked for a changed source)
        self._overwritten: set[str] = set()
        self._units: list[Unit] = []
        self._slots: dict[str, Slot] = {}
        self._without_other: list[str] = []  # plurals of the source that lack other
        self.stale = 0  # strings Xcode no longer finds in the app, left out
        skipped = []
        for key, entry in data["strings"].items():
            if not isinstance(entry, dict) or entry.get("shouldTranslate") is False:
                continue
            if entry.get("extractionState") == _STALE:
                self.stale += 1
                continue
            source = entry.get("localizations", {}).get(self.source_lang)
            substitutions = _substitutions(source)
            devices = _devices(source)
            if substitutions == {}:
                skipped.append(key)
            elif devices is not None:
                if not self._add_devices(key, devices):
                    skipped.append(key)
            elif substitutions is not None:
                self._add_substituted(key, source, substitutions)
            elif (plural := _plural(source)) is not None:
                self._add_plural(key, Slot(key), plural, entry=key)
            else:
                value = _unit_value(source) if source is not None else key
                if value and value.strip():
                    self._add(Unit(key, value, key), Slot(key))
        if warn:
            self._warn_left_out(skipped)
            self._warn_without_other()
            self._warn_empty_translations()

    def _warn_left_out(self, skipped: list[str]) -> None:
        """Warn of the strings that translating leaves out: the ``skipped`` ones (substitutions
        other than plurals) and the stale ones."""
        if skipped:
            logger.warning(
                "%s: %s with substitutions other than plurals (or inside device variations) "
                "(%s) left untranslated",
                self.path,
                counted(len(skipped), "string"),
                first_few(skipped),
            )
        if self.stale:
            logger.warning(
                '%s: %s no longer in the app ("extractionState" : "stale") left out',
                self.path,
                counted(self.stale, "string"),
            )

    def _warn_without_other(self) -> None:
        if self._without_other:
            logger.warning("%s: %s", self.path, without_other(self._without_other, "plural"))

    def _warn_empty_translations(self) -> None:
        """Warn once about target strings reviewed as empty (``translated``, no text): kept,
        as every ``translated`` string is, since an empty text may be meant."""
        empty = [unit.key for unit in self._units if _is_empty_translation(self.target_form(unit))]
        if empty:
            logger.warning(
                '%s: %s of %s translated as empty ("state" : "translated") kept (%s); '
                "give --overwrite to translate them",
                self.path,
                counted(len(empty), "string"),
                self.tgt_lang,
                first_few(empty),
            )

    def _add_devices(self, key: str, devices: dict[str, Any]) -> bool:
        """A unit for each device variation's text (or plural forms), all written together;
        False, adding none, where one holds substitutions or neither text nor plural."""
        variants = list(devices.items())
        if any(
            not isinstance(variant, dict)
            or "substitutions" in variant
            or (_plural(variant) is None and _unit_value(variant) is None)
            for _, variant in variants
        ):
            return False
        for device, variant in variants:
            plural = _plural(variant)
            if plural is not None:
                self._add_plural(
                    key, Slot(key, device=device), plural, entry=f"{key}{FORM}{device}"
                )
            elif has_words(value := _unit_value(variant) or ""):
                self._add(
                    Unit(f"{key}{FORM}{device}", value, key, group=key), Slot(key, device=device)
                )
        return True

    def _add(self, unit: Unit, slot: Slot) -> None:
        self._units.append(unit)
        self._slots[unit.key] = slot

    def _add_plural(self, key: str, slot: Slot, plural: dict[str, Any], entry: str) -> None:
        """A unit per target category (a category the source lacks from its ``other``, or
        where it lacks ``other`` from its ``one``, with a warning: :func:`other_source`),
        after one for the source's ``zero`` where the target language keeps it (no form of its
        own, as in stringsdict: Apple's case for the number 0)."""
        found = {tag: _unit_value(form) or "" for tag, form in plural.items()}
        if not found.get("other"):
            self._without_other.append(entry)
        if keeps_zero(self.tags, [tag for tag, text in found.items() if text]):
            zero = Unit(f"{entry}{FORM}zero", found["zero"], key, group=key)
            self._add(zero, replace(slot, tag="zero"))
        for number, tag in enumerate(self.tags):
            text = found.get(tag) or other_source(found) or ""
            unit = Unit(f"{entry}{FORM}{tag}", text, key, (), entry, number, group=key)
            self._add(unit, replace(slot, tag=tag))

    def _add_substituted(self, key: str, source: Any, substitutions: dict[str, Any]) -> None:
        """The string's own text (where it has words besides its ``%#@name@``), then each
        substitution's plural forms: all written only together."""
        value = _unit_value(source) or ""
        if has_words(value):
            self._add(Unit(key, value, key, group=key), Slot(key))
        for name, substitution in substitutions.items():
            plural = _plural(substitution) or {}
            self._add_plural(key, Slot(key, name), plural, entry=f"{key}{FORM}{name}")

    @classmethod
    def open(
        cls,
        path: Path,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        warn: bool = True,
        **_: Any,
    ) -> XcStringsDocument:
        """``path`` to fill with ``tgt_lang``; ``warn``: say what translating it leaves out
        (a reader of its pairs does not: ``ltmt qa`` opens it to translate too, and said it
        twice)."""
        data, final_newline = _load(Path(path))
        language = _source_language(data, Path(path))
        if src_lang and not lang_matches(language, src_lang):
            raise language_error(path, [language], src_lang, tgt_lang or "de")
        return cls(Path(path), data, tgt_lang or "de", final_newline, warn)

    def target_of(self, key: str) -> Any:
        """String ``key``'s localization in the target language (None where it has none)."""
        return self.data["strings"][key].get("localizations", {}).get(self.tgt_lang)

    def target_form(self, unit: Unit) -> Any:
        """The dict holding ``unit``'s ``stringUnit`` in the target language, or None."""
        slot = self._slots[unit.key]
        return slot.find(self.target_of(slot.key))

    def units(self) -> list[Unit]:
        return list(self._units)

    def _has_target(self, unit: Unit) -> bool:
        """Whether ``unit`` has a translation in the target language already
        (:func:`_is_translation`)."""
        return _is_translation(self.target_form(unit))

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units to translate: those without a translation, and those whose source changed
        since ltmt translated them (:meth:`translate_again`) (``overwrite``: every one; the
        reviewed ones among them, written back as they were, stay the translator's: ``fill``)."""
        if overwrite:
            self._overwritten |= {
                u.key for u in self._units if _state(self.target_form(u)) == _APPROVED
            }
        return [
            u for u in self._units if overwrite or u.key in self._again or not self._has_target(u)
        ]

    def held_translations(self) -> dict[str, str]:
        """The target language's texts, by unit key (those translated already), and those
        filled since: what the record of the catalog, its own output, holds
        (:class:`~ltmt.formats.output_sources.FilledInPlace`)."""
        held = {u.key: _unit_value(self.target_form(u)) for u in self._units if self._has_target(u)}
        filled = {key: text for key, (text, _) in self.filled.items()}
        return {key: text for key, text in held.items() if text} | filled

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the units of ``keys`` pending: ltmt wrote their translation for an older
        source (the record of what it wrote into the catalog says so)."""
        self._again.update(keys)

    def mark_kept_for_review(self, keys: Collection[str]) -> list[str]:
        """Mark ``needs_review``, as they are, the translations of the units of ``keys``, whose
        translation the memory holds for another source; all the keys."""
        held = self.held_translations()
        for key in keys:
            self.filled[key] = (held[key], True)
        return list(keys)

    def marked_for_review(self) -> set[str]:
        """The keys of the units whose translation is ``needs_review`` (filled so, or held so):
        the record of what ltmt wrote tells its own from one a reviewer approved since."""
        return {u.key for u in self._units if self._needs_review(u)}

    def _needs_review(self, unit: Unit) -> bool:
        if unit.key in self.filled:
            return self.filled[unit.key][1]
        return bool(_state(self.target_form(unit)) == _NEEDS_REVIEW)

    def written_by_ltmt(self, keys: Iterable[str]) -> None:
        """Say that the units of ``keys`` hold ltmt's own translation, unchanged since (the record
        of what it wrote says so): written back as it was, it is marked for review as any
        (:class:`~ltmt.formats.output_sources.KeepsReviewed`)."""
        self._by_ltmt.update(keys)

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        held = self.held_translations()
        for key, text in translations.items():
            if key not in self._slots:
                raise InputError(f"{self.path}: no string {key!r} to fill")
            # a reviewed unit (translated) written as it was stays the translator's, as in PO
            # and XLIFF: --overwrite changed nothing a reviewer must look at again
            reviewed = key in self._overwritten and key not in self._by_ltmt
            if mark_fuzzy and reviewed and held.get(key) == text:
                self.kept_reviewed.add(key)
                self.filled[key] = (text, False)
                continue
            self.filled[key] = (text, mark_fuzzy)
        return len(translations)

    def save(self, out_path: Path) -> None:
        data = copy.deepcopy(self.data)
        by_string: dict[str, list[Unit]] = {}
        for unit in self._units:
            by_string.setdefault(self._slots[unit.key].key, []).append(unit)
        for key, units in by_string.items():
            filled = [u.key in self.filled for u in units]
            # a string is written only whole: each unit filled now or translated before
            if any(filled) and all(f or self._has_target(u) for f, u in zip(filled, units)):
                _put(data, key, self.tgt_lang, self._localization(key, units))
        text = xcode_json(data) + ("\n" if self.final_newline else "")
        atomic_write(out_path, text.encode())

    def _form(self, unit: Unit) -> dict[str, Any]:
        """``unit``'s ``stringUnit`` to write: filled now, else the target language's own."""
        if unit.key in self.filled:
            return _string_unit(*self.filled[unit.key])
        return {"stringUnit": copy.deepcopy(self.target_form(unit)["stringUnit"])}

    def _localization(self, key: str, units: list[Unit]) -> dict[str, Any]:
        """String ``key``'s localization in the target language, made of its units' texts."""
        source = self.data["strings"][key].get("localizations", {}).get(self.source_lang)
        localization: dict[str, Any] = {}
        for unit in units:
            slot = self._slots[unit.key]
            form = self._form(unit)
            holder = localization
            if slot.device is not None:
                devices = holder.setdefault("variations", {}).setdefault("device", {})
                holder = devices.setdefault(slot.device, {})
            if slot.substitution is None and slot.tag is None:
                holder.update(form)
                continue
            if slot.substitution is not None:
                original = source["substitutions"][slot.substitution]
                subs = localization.setdefault("substitutions", {})
                if slot.substitution not in subs:  # argNum, formatSpecifier as the source's
                    kept = {k: v for k, v in original.items() if k != "variations"}
                    subs[slot.substitution] = kept
                holder = subs[slot.substitution]
            holder.setdefault("variations", {}).setdefault("plural", {})[str(slot.tag)] = form
        devices = _devices(localization)
        for device, variant in (_devices(source) or {}).items():
            if devices is not None and device not in devices:  # no words: as the source's
                devices[device] = copy.deepcopy(variant)
        for plural in _plurals_in(localization):
            categories = sorted(with_other(plural, self.tags).items())  # sorted, as Xcode does
            plural.clear()
            plural.update(categories)
        if "substitutions" in localization and "stringUnit" not in localization:
            # a value of variables alone (%#@files@): the source's, which has no words
            localization["stringUnit"] = {
                "state": "translated",
                "value": _unit_value(source) or "",
            }
        return dict(sorted(localization.items()))


def _state(form: Any) -> Any:
    return _get(_get(form, "stringUnit"), "state")


def _is_translation(form: Any) -> bool:
    """Whether a target language's string unit (``form``) holds a translation, kept unless
    ``overwrite``: one reviewed (``translated``), even empty (a text left out on purpose), or
    one with a text in another state but ``new``, which is Xcode's state for a text not
    translated yet (an English copy), as memory import and .xcloc read it."""
    if _state(form) == _APPROVED:
        return True
    return _state(form) != _NEW and bool(_unit_value(form))


def _is_empty_translation(form: Any) -> bool:
    return _state(form) == _APPROVED and _unit_value(form) == ""


def _string_unit(text: str, review: bool) -> dict[str, Any]:
    return {"stringUnit": {"state": _NEEDS_REVIEW if review else _APPROVED, "value": text}}


def _put(data: dict[str, Any], key: str, language: str, localization: dict[str, Any]) -> None:
    """Set ``key``'s ``language`` localization, the languages in Xcode's (sorted) order."""
    entry = data["strings"][key]
    found = entry.get("localizations")
    found = dict(found) if isinstance(found, dict) else {}
    found[language] = localization
    entry["localizations"] = dict(sorted(found.items()))


def read_xcstrings(
    path: Path,
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    include_fuzzy: bool = False,
    not_read: NotRead | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The reviewed (``translated``) pairs of the target language, key as context;
    ``include_fuzzy``: those not yet reviewed too. The stale strings (no longer in the app)
    make no pairs and are counted into ``not_read``, and so are those left out unreviewed (else
    a warning says them) and those without a translation; what translating the file would leave
    out is not said here (``ltmt translate`` and ``ltmt qa`` say it)."""
    document = XcStringsDocument.open(Path(path), src_lang=src_lang, tgt_lang=tgt_lang, warn=False)
    if not_read is not None:
        not_read.add(STALE_NOT_READ, document.stale)
    records, unreviewed, untranslated = [], 0, 0
    for unit in document.units():
        form = document.target_form(unit)
        value = _unit_value(form)
        if not value and unit.source.strip():
            untranslated += 1
        if not value or not isinstance(form, dict):
            continue
        if form["stringUnit"].get("state") != _APPROVED and not include_fuzzy:
            unreviewed += 1
            continue
        metadata: dict[str, Any] = {"context": unit.context}
        if unit.entry:
            metadata["plural"] = unit.form
        records.append(PairRecord(unit.source, value, f"{path}: {unit.key}", metadata))
    if not_read is not None:  # (none given: said nowhere, as before)
        not_read.add(UNTRANSLATED, untranslated)
    if unreviewed and not_read is not None:  # the caller says it (qa's unreviewed count)
        not_read.add(UNREVIEWED_NOT_READ, unreviewed)
    elif unreviewed:
        logger.warning(
            "%s: %s not yet reviewed (state needs_review or new) not read",
            path,
            counted(unreviewed, "translation"),
        )
    return iter(records)
