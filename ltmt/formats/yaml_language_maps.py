"""A YAML file whose every string is one language's beside the others', keyed by language
below its name (electron-builder's ``build/messages.yml``: ``appRunning: {en: ..., de: ...}``).

Such a file holds every language at once: read as a message file, its English and its German
were both translated as if English (the ``en:`` values became German, the ``de:`` values
nonsense: trial s72). ltmt does not fill such a file yet, so it is refused
(:func:`language_maps_refusal`), saying what to do instead; a folder run (translate, qa, memory
import) skips it with a note, as it skips other files that hold no message file.

Its shape is told strictly, for a file of messages looks the same where it lists languages
(regression trial s72: a Rails language picker, ``en: {languages: {en: English, de: German}}``,
was refused and stopped its whole folder's run): every top-level value is a mapping of
language codes to strings, none under a language root (Rails', Symfony's ``en:``), and no such
mapping names its own languages (``en: English``, ``de: Deutsch``: a list of languages, whose
values are the file's text).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ltmt.formats.yaml_language_roots import is_language_key, language_root, language_roots

# a language's name is short: longer values are messages, their names never looked up
_LONGEST_NAME = 40


def language_map_keys(document: Any) -> list[str]:
    """The languages of electron-builder's messages file (module docstring), in the order the
    file first writes them: each top-level value a mapping of language codes to strings, one
    at least holding two, all sharing one (the source's); else none."""
    if not isinstance(document, dict) or not document:
        return []
    if language_root(document) is not None or language_roots(document):
        return []  # Rails' en: root: whatever lies below it is the one language's
    maps = list(document.values())
    if not all(_is_language_map(value) for value in maps):
        return []
    if not any(len(value) > 1 for value in maps) or any(_lists_languages(v) for v in maps):
        return []
    shared = set(maps[0]).intersection(*maps[1:])
    return list(dict.fromkeys(str(k) for value in maps for k in value)) if shared else []


def _is_language_map(value: Any) -> bool:
    """Whether ``value`` maps language codes, and those only, to strings."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(is_language_key(key) and isinstance(text, str) for key, text in value.items())
    )


def _lists_languages(value: dict[str, str]) -> bool:
    """Whether the language map ``value`` lists languages: half its values or more name the
    language of their key (``de: German``, ``de: Deutsch``, ``en: Englisch``), in English, in
    their own language or in one of the map's."""
    named = sum(_names_language(text, key, tuple(value)) for key, text in value.items())
    return 2 * named >= len(value)


def _names_language(text: str, key: str, languages: tuple[str, ...]) -> bool:
    """Whether ``text`` is the name of ``key``'s language (:func:`_lists_languages`)."""
    return len(text) <= _LONGEST_NAME and text.strip().casefold() in _names(key, languages)


@lru_cache(maxsize=1024)
def _names(key: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The names of the language ``key`` (``pt-BR``, ``pt_br``) and of its language alone
    (``pt``), in English, in its own language and in each of ``languages``, casefolded."""
    import langcodes

    try:
        language = langcodes.Language.get(key.replace("_", "-"))
        shown = [language, langcodes.Language.get(language.language or key)]
        names = {n.display_name(lang) for n in shown for lang in ("en", *languages)}
        names |= {n.autonym() for n in shown}
    except (LookupError, ValueError):
        return frozenset()
    return frozenset(name.casefold() for name in names)


def language_maps_refusal(languages: list[str], tgt_lang: str) -> tuple[str, str]:
    """Why a file keyed by language below each name (``languages``, as the file writes them) is
    not translated, and what to do instead (``tgt_lang``: the language asked for)."""
    return (
        f"holds each string in several languages below its name ({', '.join(languages)}: "
        f"electron-builder's messages.yml), which ltmt does not fill: translated, its other "
        "languages' values would be translated too",
        f"write the {tgt_lang}: values by hand, or keep the strings in one file per language",
    )
