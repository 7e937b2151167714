"""Xcode string catalogs (``Localizable.xcstrings``, Xcode 15 on): one JSON file holding every
language of an Apple app's strings.

A string's source text is its ``sourceLanguage`` localization's value, or its key where it has
none (Xcode's default: the key is the English text). ``ltmt translate`` fills the target
language's localization of each string that lacks one (``overwrite``: of every string): a
``stringUnit`` with ``state`` ``needs_review`` (``translated`` with ``mark_fuzzy`` off, or for
a 100 % match of its own key with ``--exact-approved``). A source with plural variations gets
the target language's categories (a category the source lacks from its ``other``), written only
when every form is translated. Strings marked ``"shouldTranslate" : false`` are skipped, and so
are strings with device variations or substitutions (several plurals in one string), which a
warning names. Everything else (comments, extraction states, other languages) is written back
as read, in Xcode's layout (two-space indentation, ``" : "``, keys in order).

``ltmt memory import Localizable.xcstrings --tgt-lang de`` reads the ``translated`` pairs of
the target language, with the key as context; those still ``needs_review`` or ``new`` are left
out and counted in a warning.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, decode, lang_matches, language_error, read_bytes
from ltmt.formats.documents import Unit
from ltmt.formats.plurals import plural_tags
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "an Xcode string catalog"
FORM = "#"
_APPROVED = "translated"


def _load(path: Path) -> dict[str, Any]:
    text = decode(read_bytes(path, WHAT), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("strings"), dict):
        raise InputError(f'{path}: not {WHAT}: no "strings" object at its top level')
    return data


def _unit_value(localization: Any) -> str | None:
    unit = localization.get("stringUnit") if isinstance(localization, dict) else None
    value = unit.get("value") if isinstance(unit, dict) else None
    return value if isinstance(value, str) else None


def _plural(localization: Any) -> dict[str, Any] | None:
    variations = localization.get("variations") if isinstance(localization, dict) else None
    plural = variations.get("plural") if isinstance(variations, dict) else None
    return plural if isinstance(plural, dict) else None


class XcStringsDocument:
    """An Xcode string catalog to fill with the target language (module docstring)."""

    format = "xcstrings"

    def __init__(self, path: Path, data: dict[str, Any], tgt_lang: str) -> None:
        self.path, self.data, self.tgt_lang = Path(path), data, tgt_lang
        self.source_lang = str(data.get("sourceLanguage") or "en")
        self.tags = plural_tags(tgt_lang)
        self.filled: dict[str, tuple[str, bool]] = {}  # unit key: (text, needs review)
        self._units: list[Unit] = []
        skipped = []
        for key, entry in data["strings"].items():
            if not isinstance(entry, dict) or entry.get("shouldTranslate") is False:
                continue
            source = entry.get("localizations", {}).get(self.source_lang)
            if source is not None and (
                "substitutions" in entry or "device" in source.get("variations", {})
            ):
                skipped.append(key)
            elif (plural := _plural(source)) is not None:
                found = {tag: _unit_value(form) or "" for tag, form in plural.items()}
                for number, tag in enumerate(self.tags):
                    text = found.get(tag) or found.get("other", "")
                    self._units.append(Unit(f"{key}{FORM}{tag}", text, key, (), key, number))
            else:
                value = _unit_value(source) if source is not None else key
                if value and value.strip():
                    self._units.append(Unit(key, value, key))
        if skipped:
            logger.warning(
                "%s: %s with device variations or substitutions (%s) left untranslated",
                path,
                counted(len(skipped), "string"),
                first_few(skipped),
            )

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> XcStringsDocument:
        data = _load(Path(path))
        language = str(data.get("sourceLanguage") or "")
        if src_lang and language and not lang_matches(language, src_lang):
            raise language_error(path, [language], src_lang, tgt_lang or "de")
        return cls(Path(path), data, tgt_lang or "de")

    def target_of(self, key: str) -> Any:
        """String ``key``'s localization in the target language (None where it has none)."""
        return self.data["strings"][key].get("localizations", {}).get(self.tgt_lang)

    def units(self) -> list[Unit]:
        return list(self._units)

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [u for u in self._units if overwrite or not self._has_target(u)]

    def _has_target(self, unit: Unit) -> bool:
        target = self.target_of(unit.context)
        if unit.entry:
            plural = _plural(target)
            tag = unit.key.rpartition(FORM)[2]
            return plural is not None and bool(_unit_value(plural.get(tag)))
        return bool(_unit_value(target))

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        known = {u.key for u in self._units}
        for key, text in translations.items():
            if key not in known:
                raise InputError(f"{self.path}: no string {key!r} to fill")
            self.filled[key] = (text, mark_fuzzy)
        return len(translations)

    def save(self, out_path: Path) -> None:
        data = copy.deepcopy(self.data)
        for unit in self._units:
            if unit.entry or unit.key not in self.filled:
                continue
            text, review = self.filled[unit.key]
            _put(data, unit.context, self.tgt_lang, _string_unit(text, review))
        for key in dict.fromkeys(u.entry for u in self._units if u.entry):
            forms = [self.filled.get(f"{key}{FORM}{tag}") for tag in self.tags]
            if any(form is None for form in forms):
                continue
            plural = {tag: _string_unit(*form) for tag, form in zip(self.tags, forms) if form}
            _put(data, key, self.tgt_lang, {"variations": {"plural": plural}})
        text = json.dumps(data, indent=2, separators=(",", " : "), ensure_ascii=False)
        atomic_write(out_path, (text + "\n").encode())


def _string_unit(text: str, review: bool) -> dict[str, Any]:
    return {"stringUnit": {"state": "needs_review" if review else _APPROVED, "value": text}}


def _put(data: dict[str, Any], key: str, language: str, localization: dict[str, Any]) -> None:
    """Set ``key``'s ``language`` localization, the languages in Xcode's (sorted) order."""
    entry = data["strings"][key]
    found = entry.get("localizations")
    found = dict(found) if isinstance(found, dict) else {}
    found[language] = localization
    entry["localizations"] = dict(sorted(found.items()))


def read_xcstrings(
    path: Path, src_lang: str = "en", tgt_lang: str = "de", **_: Any
) -> Iterator[PairRecord]:
    """The reviewed (``translated``) pairs of the target language, key as context."""
    document = XcStringsDocument.open(Path(path), src_lang=src_lang, tgt_lang=tgt_lang)
    records, unreviewed = [], 0
    for unit in document.units():
        target = document.target_of(unit.context)
        if unit.entry:
            plural = _plural(target) or {}
            form = plural.get(unit.key.rpartition(FORM)[2])
        else:
            form = target
        value = _unit_value(form)
        if not value or not isinstance(form, dict):
            continue
        if form["stringUnit"].get("state") != _APPROVED:
            unreviewed += 1
            continue
        metadata: dict[str, Any] = {"context": unit.context}
        if unit.entry:
            metadata["plural"] = unit.form
        records.append(PairRecord(unit.source, value, f"{path}: {unit.key}", metadata))
    if unreviewed:
        logger.warning(
            "%s: %s not yet reviewed (state needs_review or new) not read",
            path,
            counted(unreviewed, "translation"),
        )
    return iter(records)
