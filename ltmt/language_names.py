"""A line that is the English name of a language, given that language's name in the target
language from CLDR's data (``langcodes``), not by the model.

Language pickers list dozens of them (Django's own catalog: 85), and the shipped model wrote a
quarter of them otherwise than Django's translators, some with made-up words: ``Norwegian
Bokmål`` → ``Norwegischer Bokm-Anzeiges``, ``Dutch`` → ``Niederlängisch``, ``Latvian`` →
``Lettland``, ``Greek`` → ``Griechen``, ``Irish`` copied. A line is taken for a language name
only when it is exactly the English name CLDR gives one (``langcodes.find`` over English names,
then its English name again: ``Chinese (Simplified)`` and ``Brazilian Portuguese`` are not),
not a word English also writes in lower case (``Even``, ``Fur``:
:func:`ltmt.word_tables.lowercase_words`) nor a day's or month's name or abbreviation
(``Mon``, a language too: :func:`ltmt.calendar_names.names_a_day_or_month`); its
target-language name is written with the line's first capital. A target language CLDR has no
names for gets none. Only for an English source (the translator's ``source_language``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ltmt.calendar_names import names_a_day_or_month

# one to three words of letters (a name such as "Norwegian Bokmål", "Scottish Gaelic")
_CANDIDATE = re.compile(r"[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}")


@lru_cache(maxsize=4096)
def language_name(line: str, target_language: str) -> str | None:
    """The name in ``target_language`` of the language ``line`` names in English (module
    docstring), or ``None`` when ``line`` is not such a name."""
    if not _CANDIDATE.fullmatch(line) or names_a_day_or_month(line):
        return None
    if not _has_names(target_language):
        return None
    from ltmt.word_tables import lowercase_words

    if line.lower() in lowercase_words():
        return None
    import langcodes

    try:
        language = langcodes.find(line, language="en")
        if language.display_name("en") != line:
            return None
        name = language.display_name(target_language)
    except (LookupError, ValueError):
        return None
    return name[0].upper() + name[1:] if name else None


@lru_cache(maxsize=64)
def _has_names(target_language: str) -> bool:
    """Whether CLDR names languages in ``target_language`` (English's own name for English
    is the sign it does not: ``langcodes`` falls back to English)."""
    import langcodes

    try:
        return langcodes.Language.get("en").display_name(target_language) != "English"
    except (LookupError, ValueError):
        return False
