"""English ordinals a German translation keeps: ``4th``, ``{{count}}th``, ``%dth``.

German writes an ordinal as its number and a full stop (``4. Platz``, ``{{count}}. Platz``).
The model keeps the English ending glued to a number or a placeholder now and then: an i18next
ordinal form ``"{{count}}th place"`` came out ``"{{count}}th Platz"`` (session 70's
design-system trial), which no check saw. :func:`english_ordinals` finds them, qa's numbers
check warns of each the source has too, and the translator writes each such one German's way
(:func:`german_ordinals`). A number counts with its own English ending alone (``1st``,
``22nd``, ``13th``; not ``5st``, five stone), a placeholder with any of the four; an ending
glued to a word or a code (``v4th``, ``step_4th``, ``a.4th``) or inside a code span
(```4th```) is no ordinal.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import find_placeholders

# an English ordinal's ending, right after its number or placeholder, ending a word
_ENDING = re.compile(r"(?:st|nd|rd|th)(?![\w])")
# a number standing alone before it: no letter, digit, point or code mark glued before it
_NUMBER = re.compile(r"(?<![\w.$/#@-])\d+(?=(?:st|nd|rd|th)(?![\w]))")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def english_ordinals(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, number)`` of each English ordinal ending in ``text`` (module docstring),
    ``start``/``end`` the ending's, ``number`` the number or placeholder it is glued to
    (``4``, ``{{count}}``, ``%d``), left to right."""
    code = [span.span() for span in _CODE_SPAN.finditer(text)]
    found = []
    for number in _NUMBER.finditer(text):
        ending = text[number.end() : number.end() + 2]
        if ending == _english_ending(int(number.group())):
            found.append((number.end(), number.end() + 2, number.group()))
    for placeholder in find_placeholders(text):
        if _ENDING.match(text, placeholder.end):
            found.append((placeholder.end, placeholder.end + 2, placeholder.text))
    return sorted(
        (start, end, number)
        for start, end, number in found
        if not any(left <= start < right for left, right in code)
    )


def _english_ending(number: int) -> str:
    """The ending English writes ``number``'s ordinal with (``1`` → ``st``, ``12`` → ``th``)."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def _said(source: str) -> set[tuple[str, str]]:
    """``(number, ending)`` of each English ordinal of ``source`` (``("count", "th")``), its
    placeholder named as :func:`_named` names it."""
    return {(_named(number), source[start:end]) for start, end, number in english_ordinals(source)}


def _named(number: str) -> str:
    """``number`` (a number or a placeholder) without the braces around a braced
    placeholder's name: the model writes ``{{count}}`` with a brace too many on each side now
    and then (``{{{count}}}th``, which the placeholder repair makes ``{{count}}th`` after the
    ordinals are written: trial s72), and that is the source's placeholder still."""
    return number.strip("{}") if number.startswith("{") and number.endswith("}") else number


def kept_ordinals(source: str, target: str) -> list[str]:
    """The English ordinals of ``target`` (``{{count}}th``) whose number or placeholder has the
    same English ending in ``source``, as written there, each once, in ``target``'s order."""
    said = _said(source)
    return list(
        dict.fromkeys(
            number + target[start:end]
            for start, end, number in english_ordinals(target)
            if (_named(number), target[start:end]) in said
        )
    )


def german_ordinals(source: str, output: str) -> str:
    """``output`` with each English ordinal that ``source`` has too (:func:`kept_ordinals`)
    written as German writes it: ``{{count}}th Platz`` → ``{{count}}. Platz``; a full stop
    right after it (a sentence's end) stands for both. ``output`` as it is where it has none."""
    said = _said(source)
    if not said:
        return output
    for start, end, number in reversed(english_ordinals(output)):
        if (_named(number), output[start:end]) in said:
            stop = "" if output[end : end + 1] == "." else "."
            output = output[:start] + stop + output[end:]
    return output
