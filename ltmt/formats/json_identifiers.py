"""The strings of a JSON file that are no text to translate: those under keys the user names
(``--skip-keys id,next,speaker``, or patterns: ``*Accelerator``; a YAML message file's too),
identifiers and key bindings (:mod:`ltmt.formats.key_bindings`).

A game's dialogue tree keeps its text beside the names the game looks its nodes up by
(``{"id": "intro_01", "speaker": "GUARD", "text": "Halt!", "next": "accept"}``); translated,
``"next": "annehmen"`` names no node. Left as written without being named:

- a value written as an identifier: words joined by ``_`` or ``.`` with no space
  (``intro_01``, ``quest.main.start``, ``KEY_NAME``);
- every value of a key whose values, two or more, are all single words and at least half of
  them identifiers with ``_`` or a digit, or of three words or more (a tree's ``id``:
  ``intro_01``, ``accept``), or values of such a key (its ``next``: ``accept``, ``end``); a
  name among labels (``"title": "Node.js"`` beside ``"title": "About"``) leaves the labels
  text;
- a word in capitals that names a record of the file below its top level, a key holding an
  object or an array (``"speaker": "GUARD"`` beside ``"characters": {"GUARD": {...}}``; a
  message file's sections, ``"HELP": {...}``, are no records, and a key of a string is a
  message's name, and i18next's may be its English text);
- a digest named by its algorithm (go-i18n's ``sha1-13d5…``, ``sha384-…``);
- a string with no letter outside its placeholders: a URL, an email address, a ``$ref``
  (``#/components/schemas/Shipment``), ``{count}``, a string of spaces (:func:`is_no_text`,
  which YAML's strings are told by too);
- a UUID, a hex hash, a number, a time zone's name, or an identifier under ``id``, ``name``,
  ``type`` and the like (``"name": "pizza-size"``): :mod:`ltmt.formats.machine_values`;
- a slug under a key named for one (Expo's ``"slug": "pocket-planner"``; under ``permalink``,
  ``handle`` or ``path``, words joined by ``-``: ``plan-your-first-launch``), a locale code under
  a key named for one (Zendesk's ``"locale": "en-us"``, ``"source_locale"``): the key says what
  the value is, where ``to-do`` or ``sign-in`` alone may be a label (a YAML file's slugs too:
  :func:`is_slug_of_key`). A key of an object of a value per language, whose keys are all
  locale tags as Contentful writes them (``"slug": {"en-US": "..."}``), says nothing of its
  value: the key above it does, for these rules and :mod:`ltmt.formats.machine_values`'
  (:func:`naming_key`); a key such as ``all`` or ``new`` among labels is no locale's;
- the items of a list of labels under ``label_names`` (in any case, with ``_`` or none: a
  Zendesk Help Center article's search labels, ``["billing", "payments"]``, which the
  article's translations share; trial s76: they were translated).

A lone word is text otherwise (``GUARD``, ``OK``, ``accept`` under a key of text): a message
file's labels are single words too, so a key of them is named to be left.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import get_close_matches
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.json_pointer import Place
from ltmt.formats.key_bindings import is_key_binding
from ltmt.formats.machine_values import ID_KEYS, is_machine_value
from ltmt.formats.path_languages import is_locale_code
from ltmt.formats.placeholder_syntax import has_words

# words joined by "_" or "." (intro_01, quest.main.start, KEY_NAME; not "e.g." or "Loading...")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+")
# an identifier a program made, not a name people write (intro_01, quest.main.start; not Node.js)
_NODE_ID = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*(?:_[A-Za-z0-9]+|[A-Za-z]*\d[A-Za-z0-9]*)"
    r"(?:[_.][A-Za-z0-9]+)*|[a-z][a-z0-9]*(?:\.[a-z0-9]+){2,}"
)
_ONE_WORD = re.compile(r"[\w.-]+")
# a digest named by its algorithm (go-i18n's sha1-13d5…, a subresource integrity's sha384-…)
_DIGEST = re.compile(r"\s*(?:md5|sha1|sha224|sha256|sha384|sha512)-[A-Za-z0-9+/=_-]{20,}\s*")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]+")
# a --skip-keys name that is a pattern (*Accelerator, label_?)
_WILDCARD = re.compile(r"[*?]")
# keys that name a slug (slug, urlSlug, page_slug) or a locale (locale, source_locale, lang)
_SLUG_KEY = re.compile(r"(?:.*[_a-z])?(?:slug|Slug)")
_LOCALE_KEY = re.compile(r"(?:.*[_a-z])?(?:locale|Locale|lang|Lang|language_code|languageCode)")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# keys that name a URL's part by a slug, whose value is one where words are joined by "-"
_LINK_KEY = re.compile(r"(?:.*[_a-z])?(?:permalink|Permalink|handle|Handle|path|Path)")
_JOINED_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# keys of a list of labels, lower-cased without "_" (Zendesk's label_names)
_LABEL_LIST_KEYS = frozenset({"labelnames"})
# a language code, its region or script written in any case (en-us, pt_BR, zh-Hant)
_LOCALE = re.compile(r"([a-z]{2,3})(?:[-_]([A-Za-z]{2}|[A-Za-z]{4}))?")
# a locale tag as Contentful writes a field's locales (en-US, de-DE, de): a key per language
_LOCALE_TAG = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")

logger = logging.getLogger(__name__)


def parse_skip_keys(text: str) -> frozenset[str]:
    """The key names of a comma-separated list (``id,next,speaker``, ``id, next``: the space
    after a comma is no part of a name; ``*Accelerator``, a pattern: :func:`names_key`);
    raises :class:`InputError` on an empty name."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise InputError(
            f"{text!r} has an empty key name; give names separated by commas: id,next,speaker"
        )
    return frozenset(names)


def kept_as_written(
    strings: Iterable[tuple[Place, str]],
    records: frozenset[str],
    skip_keys: frozenset[str],
    locale_maps: Collection[Place] = frozenset(),
) -> set[Place]:
    """The places of ``strings`` (every string of a file, with its place; ``records``: the
    names of the file's keys that hold an object or an array; ``locale_maps``: the places of
    its objects of a value per language, :func:`naming_key`) that are left as written: under
    a key of ``skip_keys`` at any depth, identifiers (module docstring), or key bindings (an
    Electron menu's ``"devToolsAccelerator": "Ctrl+Shift+I"``, which Electron parses:
    :func:`ltmt.formats.key_bindings.is_key_binding`; only JSON's, a YAML file's are shown)."""
    strings = list(strings)
    by_key: defaultdict[str, list[str]] = defaultdict(list)
    for parts, text in strings:
        if parts and isinstance(parts[-1], str):
            by_key[parts[-1]].append(text)
    id_keys = {key for key, texts in by_key.items() if _holds_identifiers(texts)}
    ids = {text for key in id_keys for text in by_key[key]}
    id_keys |= {key for key, texts in by_key.items() if _holds_identifiers(texts, ids)}

    def kept(parts: Place, text: str) -> bool:
        own = parts[-1] if parts else None
        return (
            is_no_text(text, key := naming_key(parts, locale_maps))
            or is_key_binding(text, own)
            or (isinstance(key, str) and is_code_of_key(key, text))
            or own in id_keys
            or _in_label_list(parts)
            or (bool(_CAPITALS.fullmatch(text)) and text in records and text != own)
            or skipped(parts, skip_keys)
        )

    return {parts for parts, text in strings if kept(parts, text)}


def _in_label_list(parts: Place) -> bool:
    """Whether the value at ``parts`` is an item of a list of labels (module docstring)."""
    return (
        len(parts) >= 2
        and isinstance(parts[-1], int)
        and isinstance(parts[-2], str)
        and parts[-2].replace("_", "").lower() in _LABEL_LIST_KEYS
    )


def is_no_text(text: str, key: str | int | None = None) -> bool:
    """Whether ``text`` (the value of ``key``, if any) is no text whatever file holds it (JSON,
    YAML): no letter outside its placeholders (a URL, an email address, a ``$ref``'s
    ``#/components/schemas/Shipment``, ``{count}``, a string of spaces), an identifier, a
    digest, a value a program reads (:func:`ltmt.formats.machine_values.is_machine_value`), or
    a slug under a key named for one (:func:`is_slug_of_key`)."""
    return (
        not has_words(text)
        or is_identifier(text)
        or is_digest(text)
        or is_machine_value(text, key)
        or (isinstance(key, str) and is_slug_of_key(key, text))
    )


def naming_key(parts: Place, locale_maps: Collection[Place] = frozenset()) -> str | int | None:
    """The key that says what the value at ``parts`` is: its own, or where that is a key of one
    of ``locale_maps`` (the places of the objects of a value per language, :func:`find_locale_maps`:
    Contentful's ``"slug": {"en-US": "plan-your-launch"}``), the key above it; None at the
    top."""
    for index in range(len(parts) - 1, -1, -1):
        part = parts[index]
        if not (isinstance(part, str) and index > 0 and parts[:index] in locale_maps):
            return part
    return None


def find_locale_maps(data: Any, parts: Place = ()) -> Iterator[Place]:
    """The places of the objects below the top of ``data`` (a JSON file's) that hold a value
    per language: every key a locale tag as Contentful writes one (``en-US``, ``de-DE``, a
    two-letter code: :func:`_is_locale_tag`). Not an object of labels whose keys are language
    codes too (``{"type": {"all": "all", "new": "new"}}``: trial s75, its labels were left
    English as a type's machine values), nor one among whose keys one names a thing."""
    if isinstance(data, dict):
        if parts and data and all(_is_locale_tag(key) for key in data):
            yield parts
        for key, item in data.items():
            yield from find_locale_maps(item, (*parts, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from find_locale_maps(item, (*parts, index))


def _is_locale_tag(key: str) -> bool:
    """Whether ``key`` is a locale tag as Contentful writes one (``en-US``, ``de-DE``, ``de``):
    a current ISO 639-1 code, with a region in capitals or none; not a key that names a thing
    (``id``, Indonesian's code too)."""
    return _LOCALE_TAG.fullmatch(key) is not None and key not in ID_KEYS and is_locale_code(key)


def is_digest(text: str) -> bool:
    """Whether ``text`` is a digest named by its algorithm (``sha1-13d5…``): no text, and the
    model would change its digits."""
    return _DIGEST.fullmatch(text) is not None


def is_code_of_key(key: str, text: str) -> bool:
    """Whether ``text`` is the code its ``key`` names: a slug under ``slug``
    (``pocket-planner``), or words joined by ``-`` under ``permalink``, ``handle`` or ``path``
    (``plan-your-first-launch``), a locale code under ``locale`` or ``source_locale``
    (``en-us``)."""
    if is_slug_of_key(key, text):
        return True
    if not _LOCALE_KEY.fullmatch(key) or not (code := _LOCALE.fullmatch(text)):
        return False
    language, subtag = code.groups()
    if subtag is None:
        return is_locale_code(language)
    return is_locale_code(f"{language}-{subtag.upper() if len(subtag) == 2 else subtag.title()}")


def is_slug_of_key(key: str, text: str) -> bool:
    """Whether ``text`` is a slug its ``key`` names: under ``slug`` (``pocket-planner``), or words
    joined by ``-`` under ``permalink``, ``handle`` or ``path`` (``plan-your-first-launch``);
    no text in any keyed file (a YAML one's too), where a URL's part must stay as it is."""
    if _SLUG_KEY.fullmatch(key):
        return _SLUG.fullmatch(text) is not None
    return _LINK_KEY.fullmatch(key) is not None and _JOINED_SLUG.fullmatch(text) is not None


def is_identifier(text: str) -> bool:
    """Whether ``text`` is written as an identifier: words joined by ``_`` or ``.`` with no
    space (``intro_01``, ``cart.items``, ``KEY_NAME``), a key-based message's source, no text."""
    return _IDENTIFIER.fullmatch(text) is not None


def skipped(parts: Place, skip_keys: frozenset[str]) -> bool:
    """Whether a string at ``parts`` (its keys and indices) is under a key of ``skip_keys``, at
    any depth (a JSON or YAML file's): a name, or a pattern of ``*`` and ``?``
    (:func:`names_key`)."""
    return any(
        isinstance(part, str) and any(names_key(name, part) for name in skip_keys) for part in parts
    )


def names_key(name: str, key: str) -> bool:
    """Whether ``name``, of ``--skip-keys``, names ``key``: the same name, or a pattern with
    ``*`` (any characters) or ``?`` (one) that matches it whole, in its case
    (``*Accelerator``: ``devToolsAccelerator``)."""
    if name == key or _WILDCARD.search(name) is None:
        return name == key
    return fnmatchcase(key, name.replace("[", "[[]"))  # a "[" is itself, no set of characters


def _key_names(value: Any) -> frozenset[str]:
    """Every key's name under ``value`` (a JSON object's, a YAML mapping's)."""
    if isinstance(value, dict):
        return frozenset(value).union(*map(_key_names, value.values()))
    if isinstance(value, list):
        return frozenset().union(*map(_key_names, value))
    return frozenset()


# the key names of a folder's files, gathered while :func:`unknown_keys_said_once` runs
_FOLDER_KEY_NAMES: ContextVar[list[frozenset[str]] | None] = ContextVar(
    "_FOLDER_KEY_NAMES", default=None
)


@contextmanager
def unknown_keys_said_once(folder: Path, skip_keys: frozenset[str]) -> Iterator[None]:
    """A folder run's files read within it warn of no key of ``skip_keys`` they lack (each
    file of a Dialogflow agent said ``--skip-keys names 'defaultTimezone'`` again); once all
    are read, one warning names those no file of ``folder`` has."""
    gathered: list[frozenset[str]] = []
    token = _FOLDER_KEY_NAMES.set(gathered)
    try:
        yield
    finally:
        _FOLDER_KEY_NAMES.reset(token)
    if skip_keys and gathered:
        _say_unknown_keys(Path(folder), frozenset().union(*gathered), skip_keys, "its files")


def warn_of_unknown_keys(path: Path, data: Any, skip_keys: frozenset[str]) -> None:
    """Say which of ``skip_keys`` no key of the file ``path`` (read into ``data``) has (a typo,
    or another case: ``ID`` for ``id``), with the file's nearest names; in a folder's run
    (:func:`unknown_keys_said_once`), the folder's files say it once."""
    names = _key_names(data)
    folder = _FOLDER_KEY_NAMES.get()
    if folder is not None:
        folder.append(names)
        return
    _say_unknown_keys(Path(path), names, skip_keys, "the file")


def _say_unknown_keys(
    path: Path, names: frozenset[str], skip_keys: frozenset[str], whose: str
) -> None:
    """Warn of the keys of ``skip_keys`` not among ``names``, the key names of ``path`` (a
    file, or a folder: ``whose`` says which), with its nearest names."""
    unknown = sorted(
        name
        for name in skip_keys
        if not any(isinstance(key, str) and names_key(name, key) for key in names)
    )
    if not unknown:
        return
    by_lower = {str(name).lower(): str(name) for name in names}
    guesses = []
    for key in (name for name in unknown if _WILDCARD.search(name) is None):
        near = get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.6)
        if near:  # the typo named once: "did you mean 'nmae' → 'name'" read as both meant
            meant = by_lower[near[0]]
            guesses.append(f"{meant!r}" if len(unknown) == 1 else f"{meant!r} for {key!r}")
    hint = (
        f" (did you mean {', '.join(guesses)}?)" if guesses else " (key names are case-sensitive)"
    )
    logger.warning(
        "%s: --skip-keys names %s, which no key of %s has%s",
        path.name,
        ", ".join(repr(key) for key in unknown),
        whose,
        hint,
    )


def _holds_identifiers(texts: list[str], ids: Collection[str] = ()) -> bool:
    """Whether the values of one key name are identifiers: two or more, all single words, at
    least half of them identifiers a program made or ``ids`` (the values of keys of
    identifiers)."""
    named = sum(1 for text in texts if _NODE_ID.fullmatch(text) or text in ids)
    return (
        len(texts) >= 2
        and all(_ONE_WORD.fullmatch(text) for text in texts)
        and 2 * named >= len(texts)
    )
