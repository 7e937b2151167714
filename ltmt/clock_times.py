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
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.text import with_edits

if TYPE_CHECKING:
    from ltmt.units import Unit

# a time on the 12-hour clock: ``2:30 PM``, ``2 pm``, ``11:05 a.m.``; a sentence's full stop
# after ``PM`` is not the time's (``8:00 PM.``), ``p.m.``'s last dot is
TWELVE_HOUR = re.compile(
    r"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])(?:\.m\.?|m)(?!\w)",
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
# what makes a translation's digits a time: ``Uhr`` after them (``8 Uhr``, ``8-Uhr-Dosis``)
_UHR_AFTER = re.compile(r"[\s-]?Uhr(?![^\W\d_])")


def on_24_hour_clock(hour: int, after_noon: bool) -> int:
    """The 24-hour clock's hour of ``hour`` of the 12-hour clock's half ``after_noon``: ``20``
    for 8 PM, ``12`` for 12 PM (noon), ``0`` for 12 AM (midnight)."""
    return hour % 12 + (12 if after_noon else 0)


def times_as_written(source: str, output: str) -> str:
    """``source`` with each 12-hour time that ``output`` writes on the 24-hour clock, as German
    does, written as ``output`` writes it: ``at 4 pm`` is ``at 16 Uhr`` for ``um 16 Uhr``, ``at
    16.00`` for ``um 16.00 Uhr``, ``at 4:30 PM`` ``at 16:30`` for ``16:30 Uhr``; ``12 AM`` is
    ``0 Uhr`` or ``24 Uhr``. A number check then compares what is there: ``4 pm``'s ``4`` is no
    number ``16 Uhr`` lacks, nor its ``16`` or ``00`` one it adds. A time ``output`` writes in
    no such form stays as it is."""
    if TWELVE_HOUR.search(source) is None:  # most lines: no time, nothing to read
        return source
    return TWELVE_HOUR.sub(lambda found: _as_written(found, output), source)


def _as_written(time: re.Match[str], output: str) -> str:
    """How ``output`` writes ``time`` on the 24-hour clock (:func:`times_as_written`): the first
    place of one of its forms, else ``time`` as it is."""
    after_noon = time["half"].lower() == "p"
    hours = [on_24_hour_clock(int(time["hour"]), after_noon)]
    if hours == [0]:
        hours.append(24)  # midnight: 0 Uhr or 24 Uhr
    for hour in hours:
        place = re.search(_24_hour_pattern(hour, time["minute"]), output)
        if place is not None:
            return place.group()
    return time.group()


def _24_hour_pattern(hour: int, minute: str | None) -> str:
    """A pattern of the 24-hour clock's ``hour`` with its ``minute`` after ``:`` or ``.``
    (``16:30``, ``16.30``), or, for a whole hour, with ``Uhr`` after it (``16 Uhr``,
    ``16-Uhr-Termin``; where ``minute`` is None: ``16:00`` and ``16.00`` too)."""
    hour_digits = rf"(?<![\w.,:])0?{hour}"
    with_minutes = rf"{hour_digits}[:.]{minute or '00'}(?![\w:]|[.,]\d)"
    if minute not in (None, "00"):
        return with_minutes
    return rf"{with_minutes}|{hour_digits}[\s-]?Uhr(?![^\W\d_])"


def times_changed(source: str, output: str) -> list[str]:
    """The 12-hour times of ``source`` (as it writes them, in its order) that ``output``
    writes as another time (module docstring): ``['9:30 PM']`` for ``9.30 Uhr``; empty where
    it writes each as the source means it, or lacks its digits altogether."""
    return [time.group() for time in changed_times(source, output)]


def repair_times(source: str, output: str) -> str:
    """``output`` with each 12-hour time of ``source`` that it writes as another time of day
    (:func:`changed_times`) written as the source means it: on the 24-hour clock in the
    output's own form (``8.00 Uhr`` for ``8:00 PM`` becomes ``20.00 Uhr``, ``um 4 Uhr`` for
    ``at 4 pm`` ``um 16 Uhr``, ``12 Uhr`` for ``12 AM`` ``0 Uhr``), or with its own half where
    the output wrote the other (``8:00 AM`` for ``8:00 PM``). The source's times of one hour and
    minutes are paired in order with the output's places that write those digits as a time
    (with minutes, ``Uhr`` or an AM/PM after them): ``8.00 Uhr und 8.00 Uhr`` for ``8:00 AM and
    8:00 PM`` is ``8.00 Uhr und 20.00 Uhr``. Where they are not as many (``Am 4. Dezember`` is
    no time of ``at 4 pm``), or a time is still changed after the repair, ``output`` comes back
    as it is: which place is the time cannot be told."""
    changed = changed_times(source, output)
    if not changed:
        return output
    edits: list[tuple[int, int, str]] = []
    for hour, minute in dict.fromkeys((int(time["hour"]), time["minute"]) for time in changed):
        times = [
            time
            for time in TWELVE_HOUR.finditer(source)
            if (int(time["hour"]), time["minute"]) == (hour, minute)
        ]
        places = [
            place
            for place in re.finditer(_hour_pattern(hour, minute), output)
            if _written_as_time(place, output)
        ]
        if len(places) != len(times):
            return output
        for time, place in zip(times, places, strict=True):
            edits += _rewritten(hour, time["half"].lower() == "p", place, output)
    repaired = with_edits(output, edits)
    return output if changed_times(source, repaired) else repaired


def repair_clock_times(units: Sequence[Unit], outputs: list[str]) -> tuple[set[int], set[int]]:
    """Repair the 12-hour times of ``outputs`` (one per unit of ``units``, German) in place
    (:func:`repair_times`). Returns the indices (into ``units``) of the outputs it changed,
    and of those that still write a time of their source as another time of day: not
    repairable, which the run says (and ``--strict`` fails on)."""
    repaired: set[int] = set()
    wrong: set[int] = set()
    for i, unit in enumerate(units):
        if TWELVE_HOUR.search(unit.text) is None:
            continue
        text = repair_times(unit.text, outputs[i])
        if text != outputs[i]:
            outputs[i] = text
            repaired.add(i)
        elif changed_times(unit.text, text):
            wrong.add(i)
    return repaired, wrong


def _written_as_time(place: re.Match[str], output: str) -> bool:
    """Whether ``place``, a time's digits in ``output``, is written as a time: with minutes
    (``8.00``, ``8:00``), ``Uhr`` or an AM/PM after it."""
    return (
        not place.group().isdigit()
        or _UHR_AFTER.match(output, place.end()) is not None
        or _HALF_AFTER.match(output, place.end()) is not None
    )


def _rewritten(
    hour: int, after_noon: bool, place: re.Match[str], output: str
) -> list[tuple[int, int, str]]:
    """The edit (none or one ``(start, end, text)``) that writes ``place`` of ``output``, the
    digits of the time ``hour`` of the half ``after_noon``, as that time: its AM/PM turned
    where it writes the other, its hour on the 24-hour clock where it writes none and that
    hour's digits differ (:func:`_moved`; a leading zero kept: ``08:00`` is ``20:00``, ``12:30``
    for ``12:30 AM`` ``0:30``)."""
    half = _HALF_AFTER.match(output, place.end())
    if half is not None:
        letter = half["half"]
        if (letter.lower() == "p") == after_noon:
            return []
        turned = "p" if after_noon else "a"
        return [
            (half.start("half"), half.end("half"), turned.upper() if letter.isupper() else turned)
        ]
    if not _moved(hour, after_noon):
        return []
    written = place.group()
    digits = len(written) - len(written.lstrip("0123456789"))  # the hour's, a leading zero too
    clock = on_24_hour_clock(hour, after_noon)
    new = f"{clock:02}" if written.startswith("0") else str(clock)
    return [(place.start(), place.start() + digits, new)]


def changed_times(source: str, output: str) -> list[re.Match[str]]:
    """:func:`times_changed`'s times, as the places of ``source`` that write them."""
    found = list(TWELVE_HOUR.finditer(source))
    if not found:
        return []
    elsewhere = TWELVE_HOUR.sub(" ", source)  # the source's other numbers
    by_digits: dict[tuple[int, str | None], list[re.Match[str]]] = {}
    for time in found:
        by_digits.setdefault((int(time["hour"]), time["minute"]), []).append(time)
    changed: set[int] = set()
    for (hour, minute), times in by_digits.items():
        halves = [time["half"].lower() == "p" for time in times]
        for n in _changed_of(hour, minute, halves, elsewhere, output):
            changed.add(times[n].start())
    return [time for time in found if time.start() in changed]


def _changed_of(
    hour: int, minute: str | None, halves: list[bool], elsewhere: str, output: str
) -> list[int]:
    """Which of the source's times ``hour``:``minute`` (one per half of ``halves``, True
    after noon, in the source's order) ``output`` writes as another time: each is taken by a
    place that writes its digits with its own AM/PM first; of the rest, one taken by a place
    with the other half is changed (``8:00 AM`` for ``8:00 PM``; not ``8.00 Uhr und 8:00 PM``
    for ``8:00 AM and 8:00 PM``, whose PM is kept and whose morning's digits are its own), and
    one taken by a place with neither is where the 24-hour clock writes other digits
    (:func:`_moved`) and ``output`` says the time no other way (:func:`_said`). A time left
    with no place (the digits written as often as the source writes them apart from its
    times: ``2 tablets at 2 PM``) is lost, the numbers check's."""
    written = _written_digits(hour, minute, output)
    with_half = Counter(half for half in written if half)
    bare = written.count("") - len(_written_digits(hour, minute, elsewhere))
    wanted = ["p" if after_noon else "a" for after_noon in halves]
    unmatched = []
    for n, half in enumerate(wanted):
        if with_half[half] > 0:
            with_half[half] -= 1
        else:
            unmatched.append(n)
    said: dict[bool, bool] = {}  # read once per half: a line of many times
    changed = []
    for n in unmatched:
        after_noon = halves[n]
        if with_half["a" if after_noon else "p"] > 0:
            with_half["a" if after_noon else "p"] -= 1
            changed.append(n)
        elif bare > 0:
            bare -= 1
            if not _moved(hour, after_noon):
                continue
            if after_noon not in said:
                said[after_noon] = _said(hour, after_noon, minute, output)
            if not said[after_noon]:
                changed.append(n)
    return changed


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
