"""How ltmt words a count in what it prints: ``1 segment``, ``2 segments``, ``1 entry``; the
first few of a list (``line 4, line 9, line 12, ...``); a long text cut short; the article of
a name (``an ftl``, ``a po``); and the choice a misspelt name likely meant."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` and the noun in its number (``plural``: when not ``singular`` + "s")."""
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {noun}"


def kept_as_is(count: int) -> str:
    """``kept as it is`` of one translation, ``kept as they are`` of several ("1 translation
    kept as they are" was said)."""
    return "kept as it is" if count == 1 else "kept as they are"


def their(count: int) -> str:
    """``its`` of one, ``their`` of several (``1 longer than their length limit`` was said)."""
    return "its" if count == 1 else "their"


def them(count: int) -> str:
    """``it`` of one, ``them`` of several (``1 ... (shorten them)`` was said)."""
    return "it" if count == 1 else "them"


# a count's label said of several, and what it says of one (``1 whose source changed since
# it was translated``; "1 ... since they were translated" was said)
_OF_ONE = {"they were": "it was", "they are": "it is", "their": "its", "them": "it"}
_OF_SEVERAL = re.compile(r"\b(?:" + "|".join(_OF_ONE) + r")\b")


def agreeing(label: str, count: int) -> str:
    """``label`` (a reason worded of several: ``whose source changed since they were
    translated``) as said after ``count``: of one, ``it was``, ``it is``, ``its``, ``it``."""
    return _OF_SEVERAL.sub(lambda found: _OF_ONE[found[0]], label) if count == 1 else label


def first_few(items: Iterable[object], limit: int = 3, *, count_rest: bool = False) -> str:
    """The first ``limit`` of ``items``, comma-separated, with ``...`` when there are more
    (with ``count_rest``, how many more: ``a, b, c and 2 more``)."""
    listed = [str(item) for item in items]
    shown = ", ".join(listed[:limit])
    rest = len(listed) - limit
    if rest <= 0:
        return shown
    return f"{shown} and {rest} more" if count_rest else f"{shown}, ..."


def counted_kinds(kinds: Iterable[tuple[int, str]], singular: str) -> str:
    """``(count, why)`` pairs said in one phrase, the empty ones left out: ``1 file of no
    format, 2 files with nothing to translate``."""
    return ", ".join(f"{counted(count, singular)} {why}" for count, why in kinds if count)


# letters whose name starts with a vowel sound (ef, aitch, el, em, en, ess, ex ...)
_VOWEL_SOUND_LETTERS = frozenset("aefhilmnorsx")


def with_article(name: str) -> str:
    """``name`` after ``a`` or ``an``, as it is read aloud: a name without a vowel letter by
    letter (``an ftl``, ``an html``, ``a csv``), any other as a word (``an epub``, ``a po``;
    ``an xliff``: a leading x is read "ex")."""
    first = name[:1].lower()
    spelt = not any(letter in "aeiouy" for letter in name.lower())
    vowel_sound = first in (_VOWEL_SOUND_LETTERS if spelt else frozenset("aeiox"))
    return f"{'an' if vowel_sound else 'a'} {name}"


def shortened(text: str, width: int) -> str:
    """``text`` as it is, or cut to ``width`` characters, the last an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)``, ``x`` the one of ``choices`` closest to ``name``, or empty
    where none is close: the hint of a message that refuses a misspelt name."""
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
