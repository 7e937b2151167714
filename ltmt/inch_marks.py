"""Inch marks: a straight double quote right after a number (``the 12" or 14" model``,
``a 15.6" screen``) is a unit, not a quotation mark.

The model dropped them (``das 12- oder 14-Modell``) or read them as quotes it paired in German
style. :func:`inch_marks_restored` puts each of the source's inch marks back after its number
in the output, as a straight ``"``, where the output lost it or wrote a quotation mark there.
"""

from __future__ import annotations

import re

# a number and the straight double quote right after it, no letter or digit following
_NUMBER_AND_MARK = re.compile(r'(?<![\w.,])(\d+(?:[.,]\d+)*)"(?!\w)')
# a number's separators as German writes them (15,6 for 15.6)
_GERMAN_SEPARATORS = str.maketrans(".,", ",.")
# the quotation marks the model may have written for an inch mark
_QUOTATION_MARKS = "\u201c\u201d\u201e\u00bb\u00ab\u2033"


def inch_numbers(line: str) -> list[str]:
    """The numbers of ``line`` followed by an inch mark, in order: a ``"`` after a number that
    closes no quotation opened before it (``Type "12" here`` quotes ``12``)."""
    inches = {found.end() - 1: found[1] for found in _NUMBER_AND_MARK.finditer(line)}
    numbers: list[str] = []
    open_quote = False
    for position, character in enumerate(line):
        if character != '"':
            continue
        if position in inches and not open_quote:
            numbers.append(inches[position])
        else:
            open_quote = not open_quote
    return numbers


def inch_marks_restored(source: str, output: str) -> str:
    """``output`` with an inch mark after each number that has one in ``source``
    (:func:`inch_numbers`) where the output lost it or wrote a quotation mark for it; a
    number the output writes with German separators (``15,6`` for ``15.6``) is found too."""
    start = 0
    for number in inch_numbers(source):
        written = f"{re.escape(number)}|{re.escape(number.translate(_GERMAN_SEPARATORS))}"
        found = re.compile(
            rf"(?<![\w.,])(?:{written})(?!\d|[.,]\d)(?P<mark>[\"{_QUOTATION_MARKS}]?)"
        ).search(output, start)
        if found is None:  # the output has no such number: nothing to put the mark after
            continue
        output = output[: found.start("mark")] + '"' + output[found.end("mark") :]
        start = found.start("mark") + 1
    return output
