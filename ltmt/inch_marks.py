"""Inch marks: a straight double quote right after a number (``the 12" or 14" model``,
``a 15.6" screen``) is a unit, not a quotation mark.

The model dropped them (``das 12- oder 14-Modell``) or read them as quotes it paired in German
style, or wrote ``'`` or ``″``. :func:`inch_marks_restored` makes the output's marks after a
number straight ``"`` and adds one only where the output marks a number fewer times than the
source does, after the occurrence the source marks.
"""

from __future__ import annotations

import re

from ltmt.currency_amounts import swapped_marks

# a number and the straight double quote right after it, no letter or digit following
_NUMBER_AND_MARK = re.compile(r'(?<![\w.,])(\d+(?:[.,]\d+)*)"(?!\w)')
# the quotation marks the model may have written for an inch mark
_QUOTATION_MARKS = "\u201c\u201d\u201e\u00bb\u00ab\u2033"


def _inch_places(line: str) -> list[tuple[int, str]]:
    """Where each number of ``line`` followed by an inch mark starts, and the number, in
    order: a ``"`` after a number that closes no quotation opened before it (``Type "12"
    here`` quotes ``12``)."""
    inches = {found.end() - 1: found for found in _NUMBER_AND_MARK.finditer(line)}
    places: list[tuple[int, str]] = []
    open_quote = False
    for position, character in enumerate(line):
        if character != '"':
            continue
        if position in inches and not open_quote:
            places.append((inches[position].start(), inches[position][1]))
        else:
            open_quote = not open_quote
    return places


def inch_numbers(line: str) -> list[str]:
    """The numbers of ``line`` followed by an inch mark, in order (``12"``, not ``"12"``)."""
    return [number for _, number in _inch_places(line)]


def inch_marks_restored(source: str, output: str) -> str:
    """``output`` with as many inch marks after each number as ``source`` has
    (:func:`inch_numbers`). A mark the model wrote after the number (``'``, ``″``, a quotation
    mark) is made a straight ``"``. Where both write the number as often, the occurrences the
    source marks get the mark and the others keep theirs (a quotation's closing mark, ``»12«``
    for ``"12"``); else the output's marked ones are made straight and, where fewer than the
    source's, a mark is added after the first unmarked one. A number the output writes with
    German separators (``15,6`` for ``15.6``) is found too."""
    places = _inch_places(source)
    for number in dict.fromkeys(number for _, number in places):
        marked = {start for start, found in places if found == number}
        in_source = [
            found.start() in marked for found in _occurrences(re.escape(number)).finditer(source)
        ]
        output = _marks_placed(output, number, in_source)
    return output


def _occurrences(written: str) -> re.Pattern[str]:
    """A number written as ``written`` (a pattern), not part of a longer number, and the mark
    right after it (``mark``: empty where there is none)."""
    return re.compile(
        rf"(?<![\w.,])(?:{written})(?!\d|[.,]\d)(?P<mark>[\"{_QUOTATION_MARKS}]|'(?!\w))?"
    )


def _marks_placed(output: str, number: str, in_source: list[bool]) -> str:
    """``output`` with a straight mark after as many occurrences of ``number`` as
    ``in_source`` (whether each occurrence in the source is marked) marks."""
    written = f"{re.escape(number)}|{re.escape(swapped_marks(number))}"
    found = list(_occurrences(written).finditer(output))
    if len(found) == len(in_source):
        # the same occurrences: the source's marked ones alone, whatever mark the model wrote
        # after the others (``»12«`` closes a quotation of ``12``, the source's ``"12"``)
        chosen = [index for index, marked in enumerate(in_source) if marked]
    else:
        needed = sum(in_source)
        chosen = [index for index, each in enumerate(found) if each["mark"]][:needed]
        unmarked = [index for index, each in enumerate(found) if not each["mark"]]
        chosen += unmarked[: needed - len(chosen)]
    for index in sorted(chosen, reverse=True):
        end = found[index].end()
        output = output[: found[index].end() - len(found[index]["mark"] or "")] + '"' + output[end:]
    return output
