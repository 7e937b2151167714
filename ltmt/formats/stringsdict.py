"""Apple ``.stringsdict`` files, the plurals beside a ``Localizable.strings``
(``en.lproj/Localizable.stringsdict`` → ``de.lproj/Localizable.stringsdict``), as a keyed
catalog (:mod:`ltmt.formats.keyed_catalog`), read and written with Python's ``plistlib``.

Each key holds a format (``NSStringLocalizedFormatKey``, ``%#@files@`` or ``%#@files@ in
%@``) and its variables; a variable of ``NSStringPluralRuleType`` has a string for each plural
category. Its forms are translated in the target language's categories (German ``one``,
``other``; a category the source lacks from its ``other``, or from its ``one`` where it lacks
``other`` too, with a warning, never from its ``zero``, which has no count; ``other``, which
Apple requires, in every language), plus ``zero`` where the source has it (Apple uses it for the
number 0 in every language); a format with words of its own is translated too, its variables
kept as placeholders. A key is written only whole, once every form and its format are
translated; one that cannot be (no format key, a variable its format names missing or of
another rule type: device or width variations) is left out, with a warning that names it and
what it lacks. The output is the source's keys in
order, in Xcode's layout (plistlib writes the same XML).
"""

from __future__ import annotations

import logging
import plistlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.parsers.expat import ExpatError

from ltmt.errors import InputError
from ltmt.formats.common import excerpt, read_bytes
from ltmt.formats.keyed_catalog import FORM, Entry, KeyedCatalog
from ltmt.formats.placeholder_syntax import has_words
from ltmt.formats.plurals import (
    CATEGORIES,
    keeps_zero,
    other_source,
    plural_tags,
    with_other,
    without_other,
    written_categories,
)
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "an Apple .stringsdict file"
FORMAT_KEY = "NSStringLocalizedFormatKey"
SPEC_TYPE = "NSStringFormatSpecTypeKey"
PLURAL_RULE = "NSStringPluralRuleType"
WIDTH_RULE = "NSStringVariableWidthRuleType"
# %#@files@ (or %1$#@files@): where a variable's chosen form goes
_VARIABLE = re.compile(r"%(?:[1-9]\d*\$)?#@(\w+)@")


def _load(data: bytes, path: Path) -> dict[str, Any]:
    try:
        found = plistlib.loads(data, fmt=plistlib.FMT_XML)
    except ExpatError as exc:
        raise InputError(
            f"{path}:{exc.lineno}:{exc.offset + 1}: not {WHAT}: {exc.args[0].split(':')[0]}"
        ) from exc
    except (plistlib.InvalidFileException, ValueError, TypeError) as exc:
        raise InputError(f"{path}: not {WHAT}: {excerpt(exc)}") from exc
    if not isinstance(found, dict):
        raise InputError(f"{path}: not {WHAT}: its top level is not a <dict> of keys")
    if found and not any(isinstance(e, dict) and FORMAT_KEY in e for e in found.values()):
        # an Info.plist given as one (trial s77): an empty plist written, exit 0
        raise InputError(
            f"{path}: not {WHAT}: none of its {counted(len(found), 'key')} is a plural rule "
            f"dictionary (with {FORMAT_KEY}); translate an Info.plist's strings as "
            "InfoPlist.strings"
        )
    return found


def why_untranslatable(entry: Any) -> str | None:
    """Why the key ``entry`` cannot be translated here, said so that the user can fix it (a
    missing format key, a variable its format names and the key lacks, a variable of another
    rule type, one with no form besides ``zero``); None where it can be."""
    if isinstance(entry, dict) and WIDTH_RULE in entry:
        return f"it holds width variations ({WIDTH_RULE}); only plurals are translated"
    if not isinstance(entry, dict) or not isinstance(entry.get(FORMAT_KEY), str):
        return f"it has no {FORMAT_KEY}; add one that names its variables (%#@count@)"
    for name in _VARIABLE.findall(entry[FORMAT_KEY]):
        variable = entry.get(name)
        if not isinstance(variable, dict):
            return f"its {FORMAT_KEY} names %#@{name}@ and it has no <dict> {name}; add one"
        if variable.get(SPEC_TYPE) != PLURAL_RULE:
            return f"its variable {name} is no plural ({PLURAL_RULE}); only plurals are translated"
        if not all(isinstance(variable.get(c, ""), str) for c in CATEGORIES):
            return f"its variable {name} has a plural form that is no <string>"
        if other_source(variable) is None:
            return f"its variable {name} has no plural form but zero; add other"
    return None


def _variables(entry: Any) -> dict[str, dict[str, Any]] | None:
    """The plural variables of ``entry``, by name, in its format's order; None where it cannot
    be translated here (:func:`why_untranslatable`)."""
    if why_untranslatable(entry) is not None:
        return None
    return {name: entry[name] for name in _VARIABLE.findall(entry[FORMAT_KEY])}


def _warn_skipped(path: Path, data: dict[str, Any]) -> None:
    """Warn once for each reason why keys of ``data`` are left out, naming them."""
    skipped: dict[str, list[str]] = {}
    for key, entry in data.items():
        why = why_untranslatable(entry)
        if why is not None:
            skipped.setdefault(why, []).append(key)
    for why, keys in skipped.items():
        logger.warning(
            "%s: %s skipped (%s): %s", path, counted(len(keys), "key"), first_few(keys), why
        )


def variables_without_other(data: dict[str, Any]) -> list[str]:
    """The plural variables (``key#variable``) of ``data`` that lack ``other``, which Apple
    requires (a plural of ``zero`` and ``one`` only)."""
    return list(_lacking_other(data))


def forms_without_other(path: Path) -> list[tuple[str, str]]:
    """``(key#variable, its form of the largest counts)`` of each plural variable of the file
    ``path`` that lacks ``other``: what ``ltmt qa`` reports of a translated file, whose pairs
    hold no ``other`` form to check."""
    data = _load(read_bytes(path, WHAT), path)
    return [(name, other_source(variable) or "") for name, variable in _lacking_other(data).items()]


def _lacking_other(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The plural variables of ``data`` without ``other``, by ``key#variable``."""
    return {
        f"{key}{FORM}{name}": variable
        for key, entry in data.items()
        for name, variable in (_variables(entry) or {}).items()
        if not variable.get("other")
    }


def _warn_without_other(path: Path, data: dict[str, Any]) -> None:
    lacking = variables_without_other(data)
    if lacking:
        logger.warning("%s: %s", path, without_other(lacking, "plural variable"))


class StringsDictDocument(KeyedCatalog):
    """A ``Localizable.stringsdict`` to translate into the target language's (module
    docstring)."""

    format = "stringsdict"
    what = WHAT

    def __init__(self, path: Path, data: bytes, tgt_lang: str) -> None:
        self.data = _load(data, Path(path))
        self.tags = plural_tags(tgt_lang)
        self._key_names: dict[str, str] = {}
        _warn_skipped(path, self.data)
        _warn_without_other(path, self.data)
        super().__init__(path, list(self._entries()))
        self._source_keys = set(self.data)

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> StringsDictDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang or "de")

    def _entries(self) -> Iterator[Entry]:
        for key, entry in self.data.items():
            variables = _variables(entry)
            if variables is None:
                continue
            if has_words(entry[FORMAT_KEY]):
                yield self._entry(key, key, key, entry[FORMAT_KEY])
            for name, variable in variables.items():
                fallback = other_source(variable) or ""
                forms = f"{key}{FORM}{name}"
                if keeps_zero(self.tags, variable):
                    # Apple's own case for the number 0, not one of the language's forms
                    yield self._entry(f"{forms}{FORM}zero", key, forms, variable["zero"])
                for form, tag in enumerate(self.tags):
                    unit_key = f"{forms}{FORM}{tag}"
                    self._key_names[unit_key] = key
                    text = variable.get(tag) or fallback
                    yield Entry(unit_key, forms, text, form, plural=True, group=key)

    def _entry(self, unit_key: str, key: str, name: str, text: str) -> Entry:
        self._key_names[unit_key] = key
        return Entry(unit_key, name, text, group=key)

    def name_of(self, key: str) -> str:
        return self._key_names.get(key, key.split(FORM)[0])

    def names(self) -> set[str]:
        return self._source_keys

    def read_values(self, path: Path) -> dict[str, str]:
        values: dict[str, str] = {}
        for key, entry in _load(read_bytes(path, WHAT), path).items():
            variables = _variables(entry)
            if variables is None:
                self._key_names.setdefault(key, key)
                continue
            values[key] = entry[FORMAT_KEY]
            self._key_names.setdefault(key, key)
            for name, variable in variables.items():
                for tag in CATEGORIES:
                    if isinstance(variable.get(tag), str):
                        unit_key = f"{key}{FORM}{name}{FORM}{tag}"
                        values[unit_key] = variable[tag]
                        self._key_names.setdefault(unit_key, key)
        return values

    def _translated(self, key: str, entry: dict[str, Any]) -> dict[str, Any] | None:
        """``entry`` in the target language, or None while a part of it has no translation."""
        variables = _variables(entry)
        if variables is None:
            return None
        written = dict(entry)
        if has_words(entry[FORMAT_KEY]):
            if key not in self.translations:
                return None
            written[FORMAT_KEY] = self.translations[key]
        for name, variable in variables.items():
            forms: dict[str, str] = {}
            for tag in written_categories(self.tags, variable):
                text = self.translations.get(f"{key}{FORM}{name}{FORM}{tag}")
                if text is None:
                    return None
                forms[tag] = text
            with_other(forms, self.tags)
            kept = {k: v for k, v in variable.items() if k not in CATEGORIES}
            written[name] = {**kept, **forms}
        return written

    def render(self) -> bytes:
        output: dict[str, Any] = {}
        for key, entry in self.data.items():
            written = self._translated(key, entry)
            if written is not None:
                output[key] = written
        if self.extras and self.adopted_from is not None:
            adopted = _load(read_bytes(self.adopted_from, WHAT), self.adopted_from)
            output.update({key: adopted[key] for key in self.extras if key in adopted})
        return plistlib.dumps(output, fmt=plistlib.FMT_XML, sort_keys=False)
