"""A YAML file whose every string is one language's beside the others', keyed by language
below its name (electron-builder's ``build/messages.yml``: ``appRunning: {en: ..., de: ...}``).

Such a file holds every language at once: read as a message file, its English and its German
were both translated as if English (the ``en:`` values became German, the ``de:`` values
nonsense: trial s72). ltmt does not fill such a file yet, so it is refused
(:func:`language_maps_refusal`), saying what to do instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ltmt.formats.yaml_language_roots import is_language_key


def language_map_keys(document: Any) -> list[str]:
    """The languages of a file whose strings all lie in mappings keyed by language alone, each
    of which holds one language they share (the source's), one at least two (module
    docstring), in the order the file first writes them; else none (a Rails file's ``en:``
    root holds names, not strings; a catalog's ``no:`` or ``it:`` is one key among names)."""
    if isinstance(document, dict) and any(isinstance(v, str) for v in document.values()):
        return []  # strings named at the top: a catalog, whatever its keys (no:, it:)
    maps = list(_string_parents(document))
    if not maps or not any(len(keys) > 1 for keys in maps):
        return []
    if not all(keys and all(is_language_key(key) for key in keys) for keys in maps):
        return []
    shared = set(maps[0]).intersection(*maps[1:])
    return list(dict.fromkeys(k for keys in maps for k in keys)) if shared else []


def _string_parents(value: Any) -> Iterator[list[Any]]:
    """The keys of each mapping under ``value`` that holds a string, or a list's item that is
    one (a mapping's key then is None: no language's)."""
    if isinstance(value, dict):
        if any(isinstance(item, str) for item in value.values()):
            yield list(value)
        for item in value.values():
            if not isinstance(item, str):
                yield from _string_parents(item)
    elif isinstance(value, list):
        if any(isinstance(item, str) for item in value):
            yield [None]
        for item in value:
            yield from _string_parents(item)


def language_maps_refusal(languages: list[str], tgt_lang: str) -> str:
    """Why a file keyed by language below each name (``languages``, as the file writes them) is
    not translated, and what to do instead (``tgt_lang``: the language asked for)."""
    return (
        f"holds each string in several languages below its name ({', '.join(languages)}: "
        f"electron-builder's messages.yml), which ltmt does not fill: translated, its other "
        f"languages' values would be translated too; write the {tgt_lang}: values by hand, or "
        "keep the strings in one file per language"
    )
