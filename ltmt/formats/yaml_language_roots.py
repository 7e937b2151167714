"""The language key a YAML message file is rooted in: a Rails file's one top-level key (``en:``,
``pt-BR:``), which its translation names for the target language (``de:``), and the strings
below it; a file without one (Symfony's, whose top key ``app:`` merely looks like a code) is
named from its top. A file that holds a root for each of several languages (Minimal Mistakes'
``_data/ui-text.yml``) is told apart, so that a run can say what it translated.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.path_languages import THREE_LETTER_LOCALES, is_locale_code
from ltmt.formats.yaml_document import load

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def language_root(document: Any) -> str | None:
    """The language key of a Rails file (its only top-level key, holding a mapping), else None:
    a language code (``en``, ``pt-BR``; of three letters only a locale's own, ``fil``), not a
    Symfony file's top key that merely looks like one (``app:``, a code ISO 639-3 knows, was
    renamed ``de:``, which broke every key of the translation)."""
    if not isinstance(document, dict) or len(document) != 1:  # a site's data list
        return None
    ((key, value),) = document.items()
    return key if _is_language_root(key, value) else None


def _is_language_root(key: Any, value: Any) -> bool:
    """Whether ``key`` (a top-level key holding ``value``) is a language's
    (:func:`language_root`)."""
    return is_language_key(key) and isinstance(value, dict)


def is_language_key(key: Any) -> bool:
    """Whether ``key`` is a language code as a YAML file's key names one (``en``, ``pt-BR``,
    ``pt_br``; of three letters only a locale's own, ``fil``)."""
    if not isinstance(key, str) or _LANGUAGE.fullmatch(key) is None:
        return False
    primary = re.split(r"[-_]", key)[0]
    if len(primary) == 3 and primary not in THREE_LETTER_LOCALES:
        return False
    return is_locale_code(_tag(key))


def language_roots(document: Any) -> list[str]:
    """The top-level keys of a file that holds a root for each of several languages (Minimal
    Mistakes' ``_data/ui-text.yml``: ``en:``, ``en-US:``, ``de:`` ...), else none."""
    if not isinstance(document, dict) or len(document) < 2:
        return []
    if not all(_is_language_root(key, value) for key, value in document.items()):
        return []
    return [str(key) for key in document]


def _tag(key: str) -> str:
    """``key`` written as a language tag (``en-us``, ``pt_br`` → ``en-US``, ``pt-BR``; Rails
    accepts either case), as langcodes standardises it."""
    import langcodes

    try:
        return str(langcodes.standardize_tag(key.replace("_", "-")))
    except ValueError:  # no tag at all: no language key
        return key


def root_locale(path: Path) -> str | None:
    """The language key the YAML file ``path`` (on disk) is rooted in (Rails' ``en:``), or
    None where it has none or cannot be read (a run of it says why)."""
    try:
        document, _ = load(path.read_bytes(), path)
    except (InputError, OSError):
        return None
    return language_root(document)


def below_root(document: Any) -> Any:
    """The mapping that holds a file's strings: below a Rails file's language key."""
    root = language_root(document)
    return document[root] if root is not None else document
