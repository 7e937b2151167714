"""Angular's JSON message file (``ng extract-i18n --format=json``):
``{"locale": "en-US", "translations": {"id": "message", ...}}``.

Its ``locale`` is the file's language, no message: a translation's is the target language
(``de``, Angular's spelling with a hyphen: ``de-CH``), never translated, checked or paired in
a memory import. Its messages' placeholders (``{$INTERPOLATION}``, ``{$START_LINK}``) are
:mod:`ltmt.formats.placeholder_syntax`'s.
"""

from __future__ import annotations

from typing import Any

# a message's placeholder ({$INTERPOLATION}, {$START_LINK}), which Angular fills before it
# reads the message (an ICU message's too)
PLACEHOLDER = r"\{\$[A-Za-z_]\w*\}"
LOCALE_KEY = "locale"
_TRANSLATIONS_KEY = "translations"


def is_angular_json(data: Any) -> bool:
    """Whether the JSON ``data`` is Angular's message file: a string ``locale`` and an object
    ``translations``, nothing else."""
    return (
        isinstance(data, dict)
        and set(data) == {LOCALE_KEY, _TRANSLATIONS_KEY}
        and isinstance(data[LOCALE_KEY], str)
        and isinstance(data[_TRANSLATIONS_KEY], dict)
    )


def angular_locale(language: str) -> str:
    """``language`` as Angular spells a locale: ``de_CH`` → ``de-CH``."""
    return language.replace("_", "-")
