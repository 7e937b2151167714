"""Targets that say "not translated yet": Symfony's ``translation:extract`` writes a message it
has no translation for as its source prefixed ``__`` (its ``--prefix`` default):
``'Log in': '__Log in'`` in YAML, ``<target>__Log out</target>`` in XLIFF. Such a target is no
translation: ``ltmt translate`` fills it, ``ltmt memory import`` leaves it out (counted as
untranslated) and ``ltmt qa`` says it is untranslated.
"""

from __future__ import annotations

import re
from typing import Any

from ltmt.text import normalize

SYMFONY_PREFIX = "__"  # translation:extract's --prefix
# a mark a tool or person puts before a source it copied as a target to say "translate me":
# ``*Save changes``, ``TODO: Open the file``, ``[TODO] Search``, ``[de] Close the window``,
# Symfony's ``__``
_PREFILL_MARK = re.compile(
    r"\s*(?:\*+|\[?TODO\b\]?\s*:?|\[[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*\]|__)\s*",
    re.IGNORECASE,
)


def is_marked_untranslated(source: str, target: str) -> bool:
    """Whether ``target`` is ``source`` marked untranslated (``__Log in`` for ``Log in``)."""
    return target == SYMFONY_PREFIX + source


def _words(element: Any) -> str:
    """An XLIFF ``<source>``/``<target>``'s text without its inline tags (attributes and all),
    whitespace collapsed and case-folded."""
    return normalize("".join(element.itertext()))


def is_copied_as_written(source: Any, target: Any) -> bool:
    """Whether XLIFF ``target`` is ``source`` copied word for word: whitespace collapsed,
    case-folded, inline tags and their attributes ignored, a leading prefill mark (``*``,
    ``TODO:``, ``[de]``, ``__``) ignored (:func:`is_source_copy` without asking the
    language)."""
    copied, original = _words(target), _words(source)
    unmarked = _PREFILL_MARK.match(copied)
    return copied == original or (unmarked is not None and copied[unmarked.end() :] == original)


def is_source_copy(source: Any, target: Any, language: str = "") -> bool:
    """Whether XLIFF ``target`` is ``source`` copied, compared loosely: whitespace collapsed,
    case-folded, inline tags and their attributes ignored, a leading prefill mark
    (``*``, ``TODO:``, ``[de]``, ``__``) ignored; or a target that does not read as the
    target ``language``: one the detector surely reads as another
    (:func:`ltmt.language_detection.language_of`: ``Sign in with e-mail``), or, too short
    to tell, one whose words are mostly the source's, case-folded (``Settings saved``,
    ``de: Log out``, ``Your profile (untranslated)``, ``Open a file.`` for ``Open the file.``)."""
    if is_copied_as_written(source, target):
        return True
    copied, original = _words(target), _words(source)
    from ltmt.formats.common import lang_matches
    from ltmt.language_detection import language_of, told_words

    read = language_of("".join(target.itertext())) if language else None
    if read is not None:
        return not lang_matches(read, language)
    words = [word.casefold() for word in told_words(copied)]
    own = set(told_words(original))
    return 2 * sum(word in own for word in words) > len(words)
