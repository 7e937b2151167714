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
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ltmt.clock_halves import Said, StatedHalf
from ltmt.clock_times import (
    TWELVE_HOUR,
    ClockDigits,
    by_digits,
    changed_times,
    moves,
    on_24_hour_clock,
    twelve_hour_times,
)
from ltmt.text import repaired_in_place, with_edits

if TYPE_CHECKING:
    from ltmt.units import Unit


def repair_times(source: str, output: str) -> str:
    """``output`` with each 12-hour time of ``source`` that it writes as another time of day
    (:func:`~ltmt.clock_times.changed_times`) written as the source means it: on the 24-hour
    clock in the output's own form (``8.00 Uhr`` for ``8:00 PM`` becomes ``20.00 Uhr``, ``um 4
    Uhr`` for ``at 4 pm`` ``um 16 Uhr``, ``12 Uhr`` for ``12 AM`` ``0 Uhr``, ``8 Uhr PM``
    ``20 Uhr``), or with its own half where the output wrote the other (``8:00 AM`` for ``8:00
    PM``, where the source's times of those digits are all of one half).

    The source's times of one hour and minutes are paired with the output's places that write
    those digits as a time (with minutes, ``Uhr`` or an AM/PM after them; not in a URL or an
    identifier) by the half a place says (:mod:`ltmt.clock_halves`: ``8 Uhr morgens``, ``8
    AM``), which is kept where a time of that half is there to take it (else only an AM/PM
    right after the digits is turned, as above); the places that say none take the times left
    over, where those are all of one half. German often puts the source's second clause first
    (``Wenn Sie die Dosis um 8 Uhr vergessen haben, nehmen Sie sie um 8 Uhr`` for ``Take it at
    8 PM if you forgot the 8 AM dose``), so ``8.00 Uhr und 8.00 Uhr`` for ``8:00 AM and 8:00 PM``
    cannot be told either. Where a pairing cannot be told, a place says the other half
    (``8 Uhr morgens`` for ``8 PM``), the places are not as many as the times (``Am 4.
    Dezember`` is no time of ``at 4 pm``), or a time is still changed after the repair,
    ``output`` comes back as it is and the translator counts the line as not repairable."""
    changed = changed_times(source, output)
    if not changed:
        return output
    times = by_digits(twelve_hour_times(source))
    digits = ClockDigits(output)
    edits: list[tuple[int, int, str]] = []
    for hour, minute in by_digits(changed):
        places = [place for place in digits.places(hour, minute) if _written_as_time(place, digits)]
        wanted = [time["half"].lower() == "p" for time in times[hour, minute]]
        stated = [digits.stated_half(place) for place in places]
        halves = _paired(wanted, stated)
        if halves is None:
            return output
        one_half = len(set(wanted)) == 1
        for place, half, after_noon in zip(places, stated, halves, strict=True):
            edit = _rewritten(hour, after_noon, place, half, one_half=one_half)
            if edit is None:
                return output
            edits += edit
    repaired = with_edits(output, edits)
    return output if changed_times(source, repaired) else repaired


def repair_clock_times(units: Sequence[Unit], outputs: list[str]) -> tuple[set[int], set[int]]:
    """Repair the 12-hour times of ``outputs`` (one per unit of ``units``, German) in place
    (:func:`repair_times`). Returns the indices (into ``units``) of the outputs it changed,
    and of those that still write a time of their source as another time of day: not
    repairable, which the run says (and ``--strict`` fails on)."""
    # a line repair_times changes writes every time right (it gives back a line it cannot)
    return repaired_in_place(
        [unit.text for unit in units],
        outputs,
        repair_times,
        changed_times,
        applies=TWELVE_HOUR.search,
    )


def _written_as_time(place: re.Match[str], digits: ClockDigits) -> bool:
    """Whether ``place``, a time's digits in ``digits``' text, is written as a time: with
    minutes (``8.00``, ``8:00``), ``Uhr`` or an AM/PM after it."""
    return (
        place["minute"] is not None
        or digits.uhr_after(place) is not None
        or digits.half_after(place) is not None
    )


def _paired(wanted: list[bool], stated: list[StatedHalf | None]) -> list[bool] | None:
    """The half (True after noon) each place is taken as, of the source's times of its digits
    (``wanted``, one half each) and the halves the places say (``stated``, in order): a place
    that says a half takes a time of that half; the rest take the times left over, which must
    be all of one half. None where the places are not as many as the times, or the times left
    over are of both halves (which is which cannot be told)."""
    if len(wanted) != len(stated):
        return None
    left = Counter(wanted)
    taken: list[bool | None] = []
    for half in stated:
        if half is not None and left[half.after_noon] > 0:
            left[half.after_noon] -= 1
            taken.append(half.after_noon)
        else:
            taken.append(None)
    rest = {after_noon for after_noon, count in left.items() if count > 0}
    if len(rest) > 1:
        return None
    if not rest:
        return [half for half in taken if half is not None]
    other = rest.pop()
    return [other if half is None else half for half in taken]


def _rewritten(
    hour: int, after_noon: bool, place: re.Match[str], half: StatedHalf | None, *, one_half: bool
) -> list[tuple[int, int, str]] | None:
    """The edits that write ``place``, the digits of the time ``hour`` of the half
    ``after_noon``, as that time, where ``half`` is what the output says of its half; None
    where that cannot be done safely. A place that says its half keeps it (``8 Uhr abends``,
    ``8:00 PM-Dosis``); one with the other half's AM/PM right after it gets its own where all
    the source's times of its digits are of one half (``one_half``: else which is which
    cannot be told), and one with the other half's word or an AM/PM after ``Uhr`` cannot be
    repaired (``20 Uhr morgens`` says no time). Else the hour is written on the 24-hour clock
    where its digits differ (:func:`~ltmt.clock_times.moves`; a leading zero kept: ``08:30`` is
    ``20:30``; ``12:30`` for ``12:30 AM`` is ``0:30``), and an AM/PM after its ``Uhr`` taken
    away (``8 Uhr PM`` is ``20 Uhr``)."""
    if half is not None and half.after_noon != after_noon:
        if half.said is not Said.MARKER or not one_half:
            return None
        letter = place.string[half.start]
        turned = "p" if after_noon else "a"
        return [(half.start, half.start + 1, turned.upper() if letter.isupper() else turned)]
    if half is not None and half.said is not Said.MARKER_AFTER_UHR:
        return []
    if not moves(hour, after_noon):
        return []
    clock = on_24_hour_clock(hour, after_noon)
    written = f"{clock:02}" if place.group().startswith("0") else str(clock)
    edits = [(place.start(), place.end("hour"), written)]
    if half is not None:  # ``8 Uhr PM``: the 24-hour clock says it
        end = half.end
        if place.string[end - 1] == "." and not place.string[end:].split("\n", 1)[0].strip():
            end -= 1  # ``p.m.`` at the line's end: its last dot is the sentence's too
        edits.append((half.start, end, ""))
    return edits
