"""A number range of a source that its translation writes as one number with a decimal mark.

A range's two numbers are two values: ``Keep at 2\u20138 °C`` is two to eight degrees. The shipped
model wrote it ``Bei 2.8 °C``, and, for ``Store at 15\u201325 °C`` given the lost ``25`` as a tag,
``Halten bei 15.<x/> °C ein``: the dash became a decimal point, one temperature in place of two
(a healthcare user's trial, session 73). The digits are all there, so a measure that compares
runs of digits (:func:`ltmt.numbers_kept.lost_numbers`,
:func:`ltmt.numbers_added.added_numbers`) found nothing wrong; compared by value, ``15.25`` is
neither 15 nor 25.

:func:`joined_ranges` finds them: a range of the source (:data:`_RANGE`: two whole numbers
joined by a hyphen or a dash, spaced or not, or by ``to``) whose two numbers the translation
writes in order joined by one ``.`` or ``,`` (``15.25``, ``2,8``), a value the source has no
number of. :func:`ranges_parted` writes each back as the source's range, a ``to`` as German's
en dash (``15\u201325``): the number repair does it for every output
(:func:`ltmt.numbers_kept.repair_numbers`), and qa reports a range left joined
(:mod:`ltmt.qa.number_checks`). A range of a longer chain of numbers (a date's ``2024-05-01``,
a time's ``9:00\u201317:00``) is none.

German writes a clock time and a day and month with the same decimal mark, so a number of the
translation is none where it is a time or a date (the regression trial of session 73 saw
``um 15.30 Uhr`` for the source's ``15:30`` "repaired" to ``um 15-30 Uhr`` beside the range
``15-30``): where the source writes it as a time or a date (``15:30`` as ``15.30``, ``10/11`` as
``10.11`` or ``11.10``), where the translation says it is a time (``15.30 Uhr``) or a date
(``24.12.``), and where the translation already writes the range (``15\u201330 Minuten``) as
often as the source does.
"""

from __future__ import annotations

import re
from collections import deque
from typing import NamedTuple


def _range_pattern(words: str) -> re.Pattern[str]:
    """A range: two whole numbers joined by a hyphen or a dash (U+2010, U+2011, en dash, em
    dash), with a space either side or none, or by one of ``words`` (group ``to``, spaced);
    neither number a part of a longer one (``2024-05-01``, ``1.5-2``, ``9:00-17:00``)."""
    return re.compile(
        r"(?<![\w.,:/\-\u2010-\u2014])(?P<first>\d+)"
        r"(?:[ \u00a0\u202f]?[\-\u2010\u2011\u2013\u2014][ \u00a0\u202f]?"
        rf"|(?P<to>[ \u00a0]+(?:{words})[ \u00a0]+))"
        r"(?P<last>\d+)(?!\d|[.,:/\-\u2010-\u2014]\d)"
    )


# a range as a source writes it, "to" its one word
_RANGE = _range_pattern("to")
# a number of two runs of digits and one decimal mark between them (``15.25``, ``2,8``), whole
_DECIMAL = re.compile(r"(?<![\w.,:/\-\u2010-\u2014])(\d+)[.,](\d+)(?!\d|[.,:/]\d)")
# a number as written, whole (``15.25``, ``1,299.99``, ``2024-05-01``)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# a range as a translation writes it: as a source does, or with German's "bis" (``15 bis 30``)
_WRITTEN_RANGE = _range_pattern("to|bis")
# two numbers of a source's clock time (``15:30``) or day and month (``12/24``, ``10/11``)
_TIME_OR_DATE = re.compile(r"(?<!\d)(\d+)([:/])(\d+)")
# a clock time's "Uhr" right after a number of the translation (``15.30 Uhr``)
_CLOCK_WORD = re.compile(r"[ \u00a0\u202f]?Uhr\b")
# how German writes a range whose source says "to"
_EN_DASH = "\u2013"


class JoinedRange(NamedTuple):
    """A range of a source (``range``, as written there: ``15\u201325``, ``2 to 8``; its
    numbers ``first`` and ``last``) that a translation writes as one number (``number``, at
    ``start``:``end`` of it: ``15.25``), and the range as the translation should write it
    (``parted``: as the source does, a ``to`` as German's en dash, ``15\u201325``)."""

    range: str
    first: str
    last: str
    number: str
    start: int
    end: int
    parted: str


def joined_ranges(source: str, output: str) -> list[JoinedRange]:
    """The ranges of ``source`` that ``output`` writes as one number with a decimal mark
    (module docstring), in ``output``'s order; a number of ``output`` is one of the source's
    (and no joined range) where ``source`` has it whole, with either mark (``15.25``,
    ``15,25``)."""
    if not _DECIMAL.search(output):
        return []
    ranges: dict[tuple[str, str], deque[tuple[str, str]]] = {}
    for found in _RANGE.finditer(source):
        first, last = found["first"], found["last"]
        parted = f"{first}{_EN_DASH}{last}" if found["to"] else found.group()
        ranges.setdefault((first, last), deque()).append((found.group(), parted))
    if not ranges:
        return []
    for kept in _WRITTEN_RANGE.finditer(output):  # a range the output writes is no joined one
        written = ranges.get((kept["first"], kept["last"]))
        if written:
            written.popleft()
    numbers = {number.replace(",", ".") for number in _NUMBER.findall(source)}
    times_and_dates = _times_and_dates(source)
    joined = []
    for found in _DECIMAL.finditer(output):
        written = ranges.get((found[1], found[2]))
        if not written or found.group().replace(",", ".") in numbers:
            continue
        if found.group() in times_and_dates or _says_time_or_date(output, found):
            continue
        as_written, parted = written.popleft()
        joined.append(
            JoinedRange(
                as_written, found[1], found[2], found.group(), found.start(), found.end(), parted
            )
        )
    return joined


def _times_and_dates(source: str) -> set[str]:
    """The numbers with a decimal point that German writes for ``source``'s clock times
    (``15:30``: ``15.30``) and days and months (``12/24``: ``24.12`` or ``12.24``, either being
    a reading of it)."""
    written = set()
    for found in _TIME_OR_DATE.finditer(source):
        first, mark, last = found.groups()
        written.add(f"{first}.{last}")
        if mark == "/":
            written.add(f"{last}.{first}")
    return written


def _says_time_or_date(output: str, found: re.Match[str]) -> bool:
    """Whether ``output``'s number ``found`` (``15.30``) is a clock time that "Uhr" follows
    (hours to 24, two digits of minutes to 59) or a day and month that a point follows
    (``24.12.``: days to 31, months to 12)."""
    first, last = int(found[1]), int(found[2])
    if _CLOCK_WORD.match(output, found.end()):
        return first <= 24 and len(found[2]) == 2 and last <= 59
    return output.startswith(".", found.end()) and 1 <= first <= 31 and 1 <= last <= 12


def ranges_parted(source: str, output: str) -> str:
    """``output`` with each range of ``source`` it writes as one number
    (:func:`joined_ranges`: ``Bei 15.25 °C``) written as a range (``Bei 15\u201325 °C``:
    :attr:`JoinedRange.parted`); unchanged where it has none."""
    pieces, end = [], 0
    for joined in joined_ranges(source, output):
        pieces += [output[end : joined.start], joined.parted]
        end = joined.end
    return "".join(pieces) + output[end:]
