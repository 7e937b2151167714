"""The repair of a 12-hour time that a German translation writes as another time of day.

The model and a memory's fusion keep an evening time's digits as a morning time's: ``Nimm ein
Tablett um 8.00 Uhr und ein Tablett um 8.00 Uhr.`` for ``Take one tablet at 8:00 AM and one
tablet at 8:00 PM.`` (the ifu2 trial), ``um 4 Uhr`` for ``at 4 pm`` (the hubspot trial); every
digit is there, so the number repair left them (:mod:`ltmt.clock_times` tells them).
:func:`repair_times` writes such a time on the 24-hour clock in the output's own form
(``20.00 Uhr``, ``16 Uhr``), and the translator counts a line it cannot repair as not
repairable (:func:`repair_clock_times`), so that ``--strict`` fails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.clock_times import (
    TWELVE_HOUR,
    ClockDigits,
    by_digits,
    changed_times,
    moves,
    on_24_hour_clock,
)
from ltmt.text import with_edits

if TYPE_CHECKING:
    from ltmt.units import Unit


def repair_times(source: str, output: str) -> str:
    """``output`` with each 12-hour time of ``source`` that it writes as another time of day
    (:func:`~ltmt.clock_times.changed_times`) written as the source means it: on the 24-hour
    clock in the output's own form (``8.00 Uhr`` for ``8:00 PM`` becomes ``20.00 Uhr``, ``um 4
    Uhr`` for ``at 4 pm`` ``um 16 Uhr``, ``12 Uhr`` for ``12 AM`` ``0 Uhr``), or with its own
    half where the output wrote the other (``8:00 AM`` for ``8:00 PM``). The source's times of
    one hour and minutes are paired in order with the output's places that write those digits
    as a time (with minutes, ``Uhr`` or an AM/PM after them): ``8.00 Uhr und 8.00 Uhr`` for
    ``8:00 AM and 8:00 PM`` is ``8.00 Uhr und 20.00 Uhr``. Where they are not as many (``Am 4.
    Dezember`` is no time of ``at 4 pm``), or a time is still changed after the repair,
    ``output`` comes back as it is: which digits are the time cannot be told."""
    changed = changed_times(source, output)
    if not changed:
        return output
    times = by_digits(TWELVE_HOUR.finditer(source))
    digits = ClockDigits(output)
    edits: list[tuple[int, int, str]] = []
    for hour, minute in by_digits(changed):
        places = [place for place in digits.places(hour, minute) if _written_as_time(place, digits)]
        if len(places) != len(times[hour, minute]):
            return output
        for time, place in zip(times[hour, minute], places, strict=True):
            edits += _rewritten(hour, time["half"].lower() == "p", place, digits)
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


def _written_as_time(place: re.Match[str], digits: ClockDigits) -> bool:
    """Whether ``place``, a time's digits in ``digits``' text, is written as a time: with
    minutes (``8.00``, ``8:00``), ``Uhr`` or an AM/PM after it."""
    return (
        place["minute"] is not None
        or digits.uhr_after(place) is not None
        or digits.half_after(place) is not None
    )


def _rewritten(
    hour: int, after_noon: bool, place: re.Match[str], digits: ClockDigits
) -> list[tuple[int, int, str]]:
    """The edit (none or one ``(start, end, text)``) that writes ``place`` of ``digits``' text,
    the digits of the time ``hour`` of the half ``after_noon``, as that time: its AM/PM turned
    where it writes the other, its hour on the 24-hour clock where it writes none and that
    hour's digits differ (:func:`~ltmt.clock_times.moves`; a leading zero kept: ``08:30`` is
    ``20:30``; ``12:30`` for ``12:30 AM`` is ``0:30``)."""
    half = digits.half_after(place)
    if half is not None:
        letter = half["half"]
        if (letter.lower() == "p") == after_noon:
            return []
        turned = "p" if after_noon else "a"
        return [
            (half.start("half"), half.end("half"), turned.upper() if letter.isupper() else turned)
        ]
    if not moves(hour, after_noon):
        return []
    clock = on_24_hour_clock(hour, after_noon)
    written = f"{clock:02}" if place.group().startswith("0") else str(clock)
    return [(place.start(), place.end("hour"), written)]
