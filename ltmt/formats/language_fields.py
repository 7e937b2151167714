"""The field of a JSON or YAML message table that says which language it holds: a key naming
the language (``language``, ``locale``, ``lang``, ``languageCode``, ``langcode``, in any case,
with ``_`` or ``-`` or none) at the top level of a table that is an object (``"language":
"en"``). Not one in the items of an array (``[{"locale": "en", "name": "English"}]``, a
language menu's; ``[{"name": "Alice", "locale": "en"}]``, sample data's): an item's own
language, data the app reads, which a one-language menu or a list of records says alike
(trial s74: both were rewritten ``de``, and a reviewer's ``en`` again on every rerun). A YAML
file that is a list at its top level has none either. A table whose only key holds an object
is a record in its wrapper, as an API writes one (Zendesk's ``{"article": {"locale": "en-us",
"title": ...}}``, ``{"translation": {...}}``): that object's top level is the table's (trial
s76: ``en-us`` was copied, and the translations API got German tagged ``en-us``).

Its value is no text: where it is the source language's code (``en``, ``en-US``, ``en_US``,
``EN``), the translation says the target language's there, written as the source writes its
code (:func:`target_code`: ``en`` → ``de``; ``en_US`` → ``de_CH`` for ``--tgt-lang de-CH``,
``de`` for ``de``: no region is guessed), as
ARB's ``@@locale``, Angular's ``locale`` and Drupal's ``langcode`` are written; another
language's code is copied. Either way the model never sees it and a memory import makes no pair
of it (before, ``en`` was left by the model and a reviewer's ``de`` stored as a pair ``en → de``
that then replaced every ``en`` as an exact match). A value under another key, one deeper in
the table, or one that is no language code (``"language": "Language"``) is text as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ltmt.formats.common import canonical_code, primary_language
from ltmt.formats.path_languages import is_locale_code

# the key names that name the table's language, lower-cased, without "_" or "-"
_LANGUAGE_KEYS = frozenset({"language", "locale", "lang", "languagecode", "langcode", "localecode"})
_KEY_MARKS = re.compile(r"[-_]")
# a language code in one case, with a region after "-" or "_" (en, EN, en-US, en_us, es-419;
# not a word such as "Any"); bounded repeats only, so no input makes it backtrack
_CODE = re.compile(
    r"(?P<language>[a-z]{2,3}|[A-Z]{2,3})(?:(?P<mark>[-_])(?P<region>[A-Za-z]{2}|\d{3}))?"
)

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices


def names_language(key: Any) -> bool:
    """Whether the key ``key`` names a table's language (module docstring)."""
    return isinstance(key, str) and _KEY_MARKS.sub("", key).lower() in _LANGUAGE_KEYS


def language_fields(table: Any) -> Iterator[tuple[Place, str]]:
    """The place and value of each string of ``table`` (a JSON file's data, a YAML file's
    below its language root) under a key naming its language at its top level, where it is an
    object, or of the object that is its only value (module docstring)."""
    if not isinstance(table, dict):
        return
    yield from _top_fields(table)
    if len(table) == 1:
        ((key, record),) = table.items()
        if isinstance(record, dict):  # {"article": {...}}: a record in its wrapper
            yield from (((key, *place), value) for place, value in _top_fields(record))


def _top_fields(table: dict[Any, Any]) -> Iterator[tuple[Place, str]]:
    """The place and value of each string at ``table``'s top level under a key naming its
    language."""
    for key, value in table.items():
        if names_language(key) and isinstance(value, str):
            yield (key,), value


def written_value(value: str, src_lang: str, tgt_lang: str) -> str | None:
    """What the translation writes for ``value``, a language field's: the target language's
    code where it is ``src_lang``'s (:func:`target_code`), the value itself where it is another
    language's code, None where it is no language code (text to translate). Another
    language's code is one with a two-letter language (``fr``, ``pt-BR``; ``ENG`` too, ISO
    639-2's English): a three-letter one alone may be a word (``all``, ``any`` name languages
    too)."""
    code = _CODE.fullmatch(value)
    if code is None:
        return None
    if code["language"].lower() == primary_language(src_lang):
        return target_code(code, tgt_lang)
    other = canonical_code(value)
    return value if len(primary_language(other)) == 2 and is_locale_code(other) else None


def target_code(code: re.Match[str], tgt_lang: str) -> str:
    """``tgt_lang``'s code written as ``code`` (a match of :data:`_CODE`, the source
    language's code) is: its case and its mark between language and region (``EN`` → ``DE``,
    ``en_US`` → ``de_DE`` for ``de-DE``, ``en-us`` → ``de-ch`` for ``de-CH``). A code with a
    region gets the target's region where ``tgt_lang`` names one, else the language alone
    (``en-US`` → ``de`` for ``de``), as Angular's ``locale`` is written: a region the user did
    not ask for would be a guess (``de-DE`` for a Swiss app); a code without one gets the
    language alone (``de`` for ``de-CH``): the table names languages, not regions."""
    language = primary_language(tgt_lang)
    language = language.upper() if code["language"].isupper() else language
    region = _region_of(tgt_lang) if code["region"] is not None else None
    if region is None:
        return language
    region = region.lower() if code["region"].islower() else region
    return f"{language}{code['mark']}{region}"


def _region_of(code: str) -> str | None:
    """The region subtag of the language code ``code`` (``CH`` of ``de_CH``, ``419`` of
    ``es-419``; a script is none), or None."""
    for subtag in canonical_code(code).split("-")[1:]:
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            return subtag
    return None
