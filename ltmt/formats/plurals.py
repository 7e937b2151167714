"""Plural forms that must differ: translate ``%d hour`` / ``%d hours`` with a number in place
of the count (``1 hour`` / ``2 hours``), so the model sees which form it writes, and put the
count back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from ltmt.formats.common import primary_language
from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.wording import counted, first_few

# printf integer conversions, named or not, and brace fields: the count of a plural message
_COUNT = re.compile(r"%(?:\(\w+\))?[-+ #0]*\d*[lhjzt]{0,2}[diu]|%n|%?\{\w*\}|%<\w+>d")
SINGULAR, PLURAL = "1", "2"
T = TypeVar("T")


def _hint(source: str, number: str) -> tuple[str, str] | None:
    """``source`` with its first count placeholder replaced by ``number``, and that placeholder."""
    for placeholder in find_placeholders(source):
        if _COUNT.fullmatch(placeholder.text):
            hinted = source[: placeholder.start] + number + source[placeholder.end :]
            return hinted, placeholder.text
    return None


def _unhint(output: str, number: str, placeholder: str) -> str | None:
    """``output`` with the (one) standalone ``number`` put back as ``placeholder``."""
    found = list(re.finditer(rf"(?<![\w.,]){number}(?![\w.,]\d?)", output))
    if len(found) != 1:
        return None
    return output[: found[0].start()] + placeholder + output[found[0].end() :]


def differ_by_number(
    singular: str, plural: str, translate: Callable[[list[str]], list[str]]
) -> tuple[str, str] | None:
    """Translations of ``singular`` and ``plural`` made with ``1`` and ``2`` for the count, the
    count put back; None when there is no count, the number got lost, or they are still equal."""
    one, two = _hint(singular, SINGULAR), _hint(plural, PLURAL)
    if one is None or two is None:
        return None
    first, second = translate([one[0], two[0]])
    texts = _unhint(first, SINGULAR, one[1]), _unhint(second, PLURAL, two[1])
    if texts[0] is None or texts[1] is None or texts[0] == texts[1]:
        return None
    return texts[0], texts[1]


def plural_tags(language: str) -> tuple[str, ...]:
    """The CLDR plural categories of ``language`` that translations give a form each, as
    translate-toolkit lists them (``de`` → one, other; ``ru`` → one, few, many; a region falls
    back to its language, an unknown language to one, other): Android's quantities, ICU's plural
    keys."""
    from translate.lang import data

    for candidate in (language.replace("-", "_"), primary_language(language)):
        if candidate in data.plural_tags:
            return tuple(data.plural_tags[candidate])
    return ("one", "other")


def categories_with_other(language: str) -> tuple[str, ...]:
    """``language``'s plural categories (:func:`plural_tags`), ``other`` last where it has none:
    the branches an ICU or Fluent plural's translation gets (their syntax requires ``other``)."""
    tags = plural_tags(language)
    return tags if "other" in tags else (*tags, "other")


def ordinal_categories(language: str) -> tuple[str, ...] | None:
    """``language``'s CLDR ordinal categories (Babel's data), ``other`` last: the branches an ICU
    ``selectordinal``'s translation gets (``de`` → other; ``en`` → one, two, few, other; ``fr``
    → one, other; a region falls back to its language); None for a language CLDR does not
    know."""
    from babel import Locale, UnknownLocaleError

    try:
        tags = Locale.parse(language.replace("-", "_")).ordinal_form.tags
    except (UnknownLocaleError, ValueError):
        return None
    return (*(category for category in CATEGORIES if category in tags), "other")


# the number that stands for each English ordinal category as the model reads it (``4th``)
ORDINAL_NUMBERS = {"one": "1", "two": "2", "few": "3", "other": "4"}
# an English ordinal's ending after its number (``4th``)
_ENGLISH_ORDINAL_END = r"(?=(?:st|nd|rd|th)\b)"


def ordinal_as_number(text: str, field: str, key: str) -> tuple[str, str]:
    """``text`` with its one ``field`` (an ordinal's number as the model sees it: ``%d``) before
    an English ordinal's ending given as a number of ordinal category ``key`` (``%dth`` →
    ``4th`` for ``other``, ``1st`` for ``one``; an exact key, ``=11`` or ``11``, its own number),
    and that number: the model writes it as the target language writes ordinals (``4.``), where
    it kept ``%dth``'s English ending. ``(text, "")`` where ``text`` has no such ``field``, or
    another, or the number already."""
    number = key.lstrip("=") if key.lstrip("=").isdigit() else ORDINAL_NUMBERS.get(key, "")
    ending = re.compile(re.escape(field) + _ENGLISH_ORDINAL_END)
    if not number or text.count(field) != 1 or not ending.search(text) or number in text:
        return text, ""
    return ending.sub(number, text), number


def field_as_number(text: str, field: str, number: str) -> str:
    """A translation read back from a file, its ordinal's count as ``field`` (``Du bist %d.
    geworden``), with that count as the ``number`` its case went to the model as
    (:func:`ordinal_as_number`): ``Du bist 4. geworden``; as it is where it has no number, or
    not one ``field``."""
    if not number or text.count(field) != 1:
        return text
    return text.replace(field, number)


def number_as_field(text: str, number: str, field: str) -> str:
    """A translation of :func:`ordinal_as_number`'s text with its ``number`` (standing alone,
    once) as ``field`` again; as it is where the number is not there once."""
    found = list(re.finditer(rf"(?<![\w.,]){number}(?!\d)(?![.,]\d)", text)) if number else []
    if len(found) != 1:
        return text
    return text[: found[0].start()] + field + text[found[0].end() :]


# every plural category, in CLDR's order
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def keeps_zero(tags: tuple[str, ...], source: Collection[str]) -> bool:
    """Whether a plural whose ``source`` has these categories keeps its ``zero`` in a language
    of these ``tags`` as a form of its own: where the source has it and the language has none
    (Apple's and Rails' plurals use it for 0 in every language)."""
    return "zero" in source and "zero" not in tags


# the numbers a plural category is tried on (:func:`within_exact_values`): the small integers,
# fractions, and the large round numbers some languages' ``many`` holds (French's millions)
_TRIED_NUMBERS = (*range(200), 1000, 10**6, 0.5, 1.5, 2.5)


def within_exact_values(
    language: str, category: str, exact: Collection[str], offset: int = 0
) -> bool:
    """Whether every number that ``language``'s plural ``category`` holds is one of a plural's
    ``exact`` keys (``=1``), CLDR's rules as Babel has them: German's ``one`` beside ``=1``
    (only 1), so a translation needs no branch of it (Flutter reads a later ``one`` before an
    earlier ``=1``); never ``other``, nor for a language CLDR does not know. With an
    ``offset`` the category is chosen for the value less the offset, while ``=1`` matches the
    value itself: ``offset:1``'s ``one`` is for 2, which ``=1`` does not cover."""
    from babel import Locale, UnknownLocaleError

    values = {int(key[1:]) - offset for key in exact if key[1:].isdigit()}
    if category == "other" or not values:
        return False
    try:
        rule = Locale.parse(language.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError):
        return False
    held = [number for number in _TRIED_NUMBERS if rule(number) == category]
    return bool(held) and all(number in values for number in held)


def written_categories(tags: tuple[str, ...], source: Collection[str]) -> tuple[str, ...]:
    """The categories a translation of a plural whose ``source`` has these categories gets:
    the target language's ``tags``, and ``zero`` first where it keeps it (:func:`keeps_zero`)."""
    return ("zero", *tags) if keeps_zero(tags, source) else tags


def other_source(forms: Mapping[str, str]) -> str | None:
    """The source form (of ``forms``, by category) that the target language's categories the
    source lacks are translated from: its ``other``, or where it lacks ``other`` (Apple's
    plurals require it; a file of ``zero`` and ``one`` alone) its form of the largest counts;
    never ``zero``, Apple's text for the number 0 (``No items``), which has no count. None
    where it has no other form."""
    return next((forms[c] for c in reversed(CATEGORIES[1:]) if forms.get(c)), None)


def without_other(names: list[str], noun: str) -> str:
    """What a warning says of the Apple plurals ``names`` (each a ``noun``) whose source lacks
    ``other``, translated from another form instead (:func:`other_source`)."""
    return (
        f"{counted(len(names), noun)} without other ({first_few(names)}), which Apple requires: "
        "the translation's other is translated from the source's one; add other to the source"
    )


def with_other(forms: dict[str, T], tags: tuple[str, ...]) -> dict[str, T]:
    """``forms`` (by category) with ``other``, every language's fallback that Android, Apple
    and Rails require, as the last of ``tags`` where the language has none (Russian's
    fractions take it)."""
    forms.setdefault("other", forms[tags[-1]])
    return forms
