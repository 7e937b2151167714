"""A source's times on the 12-hour clock (``9:30 PM``, ``8 pm``, ``11:05 a.m.``) that a
translation writes as another time.

German writes a time on the 24-hour clock (``21:30``, ``21.30 Uhr``, ``20 Uhr``) or keeps the
source's AM/PM (``8:00 PM-Dosis``). A morning time's digits are its 24-hour form (``9:30 AM``
is ``9:30 Uhr``), but an afternoon or evening time's are not: ``9.30 Uhr`` for ``9:30 PM`` is
half past nine in the morning, and a dose reminder moved by twelve hours keeps every digit, so
the numbers check (:mod:`ltmt.numbers_kept`, which compares runs of digits) let it pass. The
glossary's step wrote that (``Nimm deine 9.30 Uhr Dosis.`` for ``Take your 9:30 PM dose now.``,
where the model's own output kept ``9:30 PM``); :func:`times_changed` tells it.

A time counts as changed where the translation writes its hour and minutes with the other half
(``8:00 AM`` for ``8:00 PM``), or, for a time after noon or ``12 AM`` (midnight, ``0:00``),
bare or with ``Uhr``, neither with its AM/PM, nor on the 24-hour clock, nor beside a German word
for the time of day (``abends``, ``nachts``, ``Mitternacht``). A time whose digits the
translation lacks is the numbers check's: lost, not changed.
"""

from __future__ import annotations

import re

# a time on the 12-hour clock: ``2:30 PM``, ``2 pm``, ``11:05 a.m.`` (as qa's date_numbers
# reads it)
_TWELVE_HOUR = re.compile(
    r"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?m\.?(?!\w)",
    re.IGNORECASE,
)
# an AM/PM right after a time's digits in a translation (``PM-Dosis``, ``p.m.``, ``P. M.``)
_HALF_AFTER = re.compile(r"\s?(?P<half>[ap])\.?\s?m\.?(?![^\W\d_])", re.IGNORECASE)
# German words that say a time is after noon or in the night: a bare ``9:30 Uhr abends`` keeps
# its half, as does the end of a compound (``Sonntagabend 8 Uhr``, ``Freitagnacht``)
_AFTER_NOON_WORDS = re.compile(
    r"(?:abends|nachmittags|nachts|mitternacht|abend|nachmittag|nacht)(?![^\W\d_])",
    re.IGNORECASE,
)


def times_changed(source: str, output: str) -> list[str]:
    """The 12-hour times of ``source`` (as it writes them, in its order) that ``output``
    writes as another time (module docstring): ``['9:30 PM']`` for ``9.30 Uhr``; empty where
    it writes each as the source means it, or lacks its digits altogether."""
    changed: list[str] = []
    elsewhere = _TWELVE_HOUR.sub(" ", source)  # the source's other numbers
    # one verdict per time of the clock: a line of many times reads the output once for each
    # of at most 12 * 61 * 2 (hours, minutes or none, halves)
    verdicts: dict[tuple[int, str | None, bool], bool] = {}
    for found in _TWELVE_HOUR.finditer(source):
        key = (int(found["hour"]), found["minute"], found["half"].lower() == "p")
        if key not in verdicts:
            verdicts[key] = _changed(*key, elsewhere, output)
        if verdicts[key]:
            changed.append(found.group())
    return changed


def _changed(hour: int, minute: str | None, after_noon: bool, elsewhere: str, output: str) -> bool:
    """Whether ``output`` writes the time ``hour``:``minute`` of the half ``after_noon`` as
    another time (:func:`times_changed`); ``elsewhere``: the source without its 12-hour times."""
    written = _written_digits(hour, minute, output)
    halves = [half for half in written if half]
    if ("p" if after_noon else "a") in halves:
        return False  # written with its AM/PM
    # the digits written more often than the source writes them apart from its times (``2
    # tablets at 2 PM``): the time's, with its half lost
    bare = len(written) > len(_written_digits(hour, minute, elsewhere))
    moved = bare and _moved(hour, after_noon) and not _said(hour, after_noon, minute, output)
    return bool(halves) or moved


def _moved(hour: int, after_noon: bool) -> bool:
    """Whether the 24-hour clock writes ``hour`` of the 12-hour clock's half ``after_noon``
    with other digits: an afternoon or evening hour but noon (``9 PM`` is ``21``), and
    midnight (``12 AM`` is ``0``)."""
    return (hour != 12) if after_noon else hour == 12


def _written_digits(hour: int, minute: str | None, output: str) -> list[str]:
    """Per place where ``output`` writes the time's hour (with its ``minute``, ``:`` or ``.``
    between; a whole hour with ``:00`` or ``.00`` too), the half of the clock written right
    after it (``a``, ``p``), or ``""`` where none is."""
    digits = re.compile(_hour_pattern(hour, minute))
    halves: list[str] = []
    for place in digits.finditer(output):
        half = _HALF_AFTER.match(output, place.end())
        halves.append(half["half"].lower() if half else "")
    return halves


def _said(hour: int, after_noon: bool, minute: str | None, output: str) -> bool:
    """Whether ``output`` writes the time on the 24-hour clock (``21:30``, ``21.30``, ``21
    Uhr``, ``0:00``, ``24 Uhr``) or says its time of day in words (``abends``: module
    docstring)."""
    if _AFTER_NOON_WORDS.search(output):
        return True
    hours = [hour + 12] if after_noon else [0, 24]
    return any(re.search(_hour_pattern(clock, minute), output) for clock in hours)


def _hour_pattern(hour: int, minute: str | None) -> str:
    """A pattern of ``hour`` written whole, a leading zero or none, with its ``minute`` after
    ``:`` or ``.`` (where ``minute`` is None: none, ``:00`` or ``.00``)."""
    minutes = rf"[:.]{minute}" if minute is not None else r"(?:[:.]00)?"
    return rf"(?<![\w.,:])0?{hour}{minutes}(?!\d|[.,:]\d)"
