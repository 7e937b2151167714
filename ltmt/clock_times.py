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
(``8:00 AM`` or ``8 Uhr morgens`` for ``8:00 PM``: :mod:`ltmt.clock_halves`), or, for a time
after noon or ``12 AM`` (midnight, ``0:00``), bare or with ``Uhr``, neither with its AM/PM, nor
on the 24-hour clock (``20 Uhr morgens`` is none), nor beside a German word for the time of day
(``abends``, ``nachts``, ``Mitternacht``). Digits joined to a word before them are part of a
URL or an identifier (``join-8am-group``), no time. Times of the same digits are
counted, not blamed one by one: ``8.00 Uhr und 8:00 PM`` for ``8:00 AM and 8:00 PM`` keeps both.
A time whose digits the translation lacks is the numbers check's: lost, not changed.

A time written on the 24-hour clock keeps its numbers: :func:`times_as_written` writes the
source's time as the translation does (``16 Uhr``, ``16.00 Uhr``, ``16:00`` for ``4 pm``), for
the translator's number measures (:mod:`ltmt.numbers_kept`, :mod:`ltmt.numbers_added`: a
memory's approved ``16 Uhr`` is no number lost, so the match is used) and qa's. The translator
writes a changed time on the 24-hour clock (:func:`ltmt.clock_repair.repair_times`: ``um 4
Uhr`` becomes ``um 16 Uhr``), or counts it as not repairable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ltmt.clock_halves import Said, StatedHalf, contradicts_24_hour, marker_after, stated_half

# a time on the 12-hour clock: ``2:30 PM``, ``2 pm``, ``11:05 a.m.``; a sentence's full stop
# after ``PM`` is not the time's (``8:00 PM.``), ``p.m.``'s last dot is
TWELVE_HOUR = re.compile(
    r"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])(?:\.m\.?|m)(?!\w)",
    re.IGNORECASE,
)
# German words that say a time is after noon or in the night: a bare ``9:30 Uhr abends`` keeps
# its half, as does the end of a compound (``Sonntagabend 8 Uhr``, ``Freitagnacht``)
_AFTER_NOON_WORDS = re.compile(
    r"(?:abends|nachmittags|nachts|mitternacht|abend|nachmittag|nacht)(?![^\W\d_])",
    re.IGNORECASE,
)
# ``Uhr`` after a time's digits (``8 Uhr``, ``8-Uhr-Dosis``)
_UHR_AFTER = re.compile(r"[\s-]?Uhr(?![^\W\d_])")
# an hour's digits as a text may write a time: a leading zero or none, its minutes after ``:``
# or ``.`` or none; not part of a longer number (``116``, ``8.5``, ``1.8.00``)
_CLOCK_DIGITS = re.compile(
    r"(?<![\w.,:])0?(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?(?!\d|[.,:]\d)"
)
# a word joined to the digits after it, which are then no time but part of a URL, a path or
# an identifier (``https://ex.com/join-8am-group``, ``/tmp/8pm``, ``slot_8am``, ``?at=8pm``);
# read in a short window before the digits, so a long line costs no more
_JOINERS = "-/_\\=#"
_JOINED_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)[-/_\\=#]\Z")
_JOINED_WINDOW = 24


class ClockDigits:
    """Where ``text`` writes each hour's digits (:data:`_CLOCK_DIGITS`), read once: a line of
    many times asks for many, and a pattern per time read it once for each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[tuple[int, str | None], list[re.Match[str]]] = {}
        self._whole: dict[int, list[re.Match[str]]] = {}  # with no minutes, :00 or .00
        for place in _CLOCK_DIGITS.finditer(text):
            if in_identifier(text, place.start()):
                continue
            hour = int(place["hour"])
            self._at.setdefault((hour, place["minute"]), []).append(place)
            if place["minute"] in (None, "00"):
                self._whole.setdefault(hour, []).append(place)

    def places(self, hour: int, minute: str | None) -> list[re.Match[str]]:
        """The places, in order, that write ``hour`` with ``minute`` (where ``minute`` is
        None: with none, ``:00`` or ``.00``)."""
        if minute is None:
            return self._whole.get(hour, [])
        return self._at.get((hour, minute), [])

    def half_after(self, place: re.Match[str]) -> re.Match[str] | None:
        """The AM/PM written right after ``place`` (its group ``half``: ``a`` or ``p``;
        :func:`ltmt.clock_halves.marker_after`)."""
        return marker_after(self.text, place.end())

    def stated_half(self, place: re.Match[str]) -> StatedHalf | None:
        """The half the text says ``place`` is in, right after it (``8 Uhr morgens``, ``8
        Uhr PM``, ``8:00 AM``: :func:`ltmt.clock_halves.stated_half`)."""
        uhr = self.uhr_after(place)
        end = None if uhr is None else uhr.end()
        return stated_half(self.text, int(place["hour"]), place.end(), end)

    def uhr_after(self, place: re.Match[str]) -> re.Match[str] | None:
        """The ``Uhr`` written right after ``place``."""
        return _UHR_AFTER.match(self.text, place.end())

    def says_after_noon(self) -> bool:
        """Whether the text says a time of day after noon or in the night in words."""
        return _AFTER_NOON_WORDS.search(self.text) is not None


def in_identifier(text: str, start: int) -> bool:
    """Whether the digits at ``start`` of ``text`` are joined to a word before them, so part
    of a URL, a path or an identifier (``join-8am-group``, ``/tmp/8pm``): no time of day. An
    AM/PM before them is a range's (``9AM-5PM``)."""
    if start == 0 or text[start - 1] not in _JOINERS:  # most digits: no need to search
        return False
    joined = _JOINED_BEFORE.search(text, max(0, start - _JOINED_WINDOW), start)
    return joined is not None and joined["word"].lower() not in ("am", "pm")


def twelve_hour_times(text: str) -> list[re.Match[str]]:
    """The 12-hour times of ``text`` (:data:`TWELVE_HOUR`) but those of a URL, a path or an
    identifier (:func:`in_identifier`)."""
    return [time for time in TWELVE_HOUR.finditer(text) if not in_identifier(text, time.start())]


def on_24_hour_clock(hour: int, after_noon: bool) -> int:
    """The 24-hour clock's hour of ``hour`` of the 12-hour clock's half ``after_noon``: ``20``
    for 8 PM, ``12`` for 12 PM (noon), ``0`` for 12 AM (midnight)."""
    return hour % 12 + (12 if after_noon else 0)


def moves(hour: int, after_noon: bool) -> bool:
    """Whether the 24-hour clock writes ``hour`` of the 12-hour clock's half ``after_noon``
    with other digits: an afternoon or evening hour but noon (``9 PM`` is ``21``), and
    midnight (``12 AM`` is ``0``)."""
    return (hour != 12) if after_noon else hour == 12


def times_as_written(source: str, output: str) -> str:
    """``source`` with each 12-hour time that ``output`` writes on the 24-hour clock, as German
    does, written as ``output`` writes it: ``at 4 pm`` is ``at 16 Uhr`` for ``um 16 Uhr``, ``at
    16.00`` for ``um 16.00 Uhr``, ``at 4:30 PM`` ``at 16:30`` for ``16:30 Uhr``; ``12 AM`` is
    ``0 Uhr`` or ``24 Uhr``. A number check then compares what is there: ``4 pm``'s ``4`` is no
    number ``16 Uhr`` lacks, nor its ``16`` or ``00`` one it adds. A time ``output`` writes in
    no such form (a bare ``16`` may be any number) stays as it is."""
    if TWELVE_HOUR.search(source) is None:  # most lines: no time, nothing to read
        return source
    digits = ClockDigits(output)
    # one reading per time of the clock: a line may write one many times
    written: dict[tuple[str, str | None, str], str | None] = {}

    def as_written(time: re.Match[str]) -> str:
        key = (time["hour"].lstrip("0"), time["minute"], time["half"].lower())
        if key not in written:
            written[key] = _on_24_hour_clock_in(time, digits)
        return written[key] or time.group()

    return TWELVE_HOUR.sub(as_written, source)


def _on_24_hour_clock_in(time: re.Match[str], digits: ClockDigits) -> str | None:
    """How ``digits``' text writes ``time`` on the 24-hour clock (:func:`times_as_written`):
    its first place of the time's hour with the time's minutes, or, for a whole hour, with
    ``Uhr`` after it; else None."""
    minute = time["minute"]
    for hour in _24_hour_hours(int(time["hour"]), time["half"].lower() == "p"):
        for place in digits.places(hour, None if minute == "00" else minute):
            if place["minute"] is not None:
                return place.group()
            uhr = digits.uhr_after(place)
            if uhr is not None:
                return digits.text[place.start() : uhr.end()]
    return None


def times_changed(source: str, output: str) -> list[str]:
    """The 12-hour times of ``source`` (as it writes them, in its order) that ``output``
    writes as another time (module docstring): ``['9:30 PM']`` for ``9.30 Uhr``; empty where
    it writes each as the source means it, or lacks its digits altogether."""
    return [time.group() for time in changed_times(source, output)]


def changed_times(source: str, output: str) -> list[re.Match[str]]:
    """:func:`times_changed`'s times, as the places of ``source`` that write them."""
    found = twelve_hour_times(source)
    if not found:
        return []
    written = ClockDigits(output)
    elsewhere = ClockDigits(TWELVE_HOUR.sub(" ", source))  # the source's other numbers
    changed: set[int] = set()
    for (hour, minute), times in by_digits(found).items():
        halves = [time["half"].lower() == "p" for time in times]
        for n in _changed_of(hour, minute, halves, elsewhere, written):
            changed.add(times[n].start())
    return [time for time in found if time.start() in changed]


def by_digits(times: Iterable[re.Match[str]]) -> dict[tuple[int, str | None], list[re.Match[str]]]:
    """``times`` (of :data:`TWELVE_HOUR`) by their hour and minutes, in order."""
    grouped: dict[tuple[int, str | None], list[re.Match[str]]] = {}
    for time in times:
        grouped.setdefault((int(time["hour"]), time["minute"]), []).append(time)
    return grouped


def _changed_of(
    hour: int, minute: str | None, halves: list[bool], elsewhere: ClockDigits, output: ClockDigits
) -> list[int]:
    """Which of the source's times ``hour``:``minute`` (one per half of ``halves``, True
    after noon, in the source's order) ``output`` writes as another time: each is taken by a
    place that writes its digits with its own AM/PM or word for the time of day first; of the
    rest, one taken by a place with the other half is changed (``8:00 AM`` for ``8:00 PM``;
    not ``8.00 Uhr und 8:00 PM`` for ``8:00 AM and 8:00 PM``, whose PM is kept and whose
    morning's digits are its own), and one taken by a place with neither is where the 24-hour
    clock writes other digits (:func:`moves`) and ``output`` says the time no other way
    (:func:`_said`). A time left with no place (the digits written as often as the source
    writes them apart from its times: ``2 tablets at 2 PM``) is lost, the numbers check's,
    unless the output writes it on the 24-hour clock only with the other half's word
    (``20 Uhr morgens``: :func:`_contradicted`)."""
    written = [_kept_half(output, place) for place in output.places(hour, minute)]
    with_half = Counter("p" if half else "a" for half in written if half is not None)
    bare = written.count(None) - len(elsewhere.places(hour, minute))
    unmatched = []
    for n, after_noon in enumerate(halves):
        own = "p" if after_noon else "a"
        if with_half[own] > 0:
            with_half[own] -= 1
        else:
            unmatched.append(n)
    said: dict[bool, bool] = {}  # read once per half
    contradicted: dict[bool, bool] = {}
    changed = []
    for n in unmatched:
        after_noon = halves[n]
        other = "a" if after_noon else "p"
        if with_half[other] > 0:
            with_half[other] -= 1
            changed.append(n)
        elif bare > 0:
            bare -= 1
            if not moves(hour, after_noon):
                continue
            if after_noon not in said:
                said[after_noon] = _said(hour, after_noon, minute, output)
            if not said[after_noon]:
                changed.append(n)
        elif moves(hour, after_noon):
            if after_noon not in contradicted:
                contradicted[after_noon] = _contradicted(hour, after_noon, minute, output)
            if contradicted[after_noon]:
                changed.append(n)
    return changed


def _kept_half(output: ClockDigits, place: re.Match[str]) -> bool | None:
    """The half (True after noon) ``output`` writes ``place`` with: its AM/PM right after it,
    or a word for the time of day (``8 Uhr morgens``); None for neither. An AM/PM after ``Uhr``
    (``7 Uhr PM``) keeps no half: German writes ``19 Uhr``, which the repair does."""
    half = output.stated_half(place)
    if half is None or half.said is Said.MARKER_AFTER_UHR:
        return None
    return half.after_noon


def _24_hour_hours(hour: int, after_noon: bool) -> list[int]:
    """The hours the 24-hour clock may write ``hour`` of the half ``after_noon`` as
    (:func:`on_24_hour_clock`; midnight as ``0`` or ``24``)."""
    clock = on_24_hour_clock(hour, after_noon)
    return [0, 24] if clock == 0 else [clock]


def _places_on_24_hour_clock(
    hour: int, after_noon: bool, minute: str | None, output: ClockDigits
) -> list[re.Match[str]]:
    """The places where ``output`` writes ``hour`` of the half ``after_noon`` on the 24-hour
    clock (``21:30``, ``21 Uhr``; midnight as ``0`` or ``24``)."""
    hours = _24_hour_hours(hour, after_noon)
    return [place for clock in hours for place in output.places(clock, minute)]


def _contradicted(hour: int, after_noon: bool, minute: str | None, output: ClockDigits) -> bool:
    """Whether ``output`` writes the time on the 24-hour clock only with a word of the other
    half after it: ``20 Uhr morgens`` for ``8 PM`` is no 8 PM (:mod:`ltmt.clock_halves`)."""
    places = _places_on_24_hour_clock(hour, after_noon, minute, output)
    return bool(places) and all(
        contradicts_24_hour(int(place["hour"]), output.stated_half(place)) for place in places
    )


def _said(hour: int, after_noon: bool, minute: str | None, output: ClockDigits) -> bool:
    """Whether ``output`` writes the time on the 24-hour clock (``21:30``, ``21.30``, ``21
    Uhr``, ``0:00``, ``24 Uhr``) or says its time of day in words (``abends``: module
    docstring)."""
    if output.says_after_noon():
        return True
    return any(
        not contradicts_24_hour(int(place["hour"]), output.stated_half(place))
        for place in _places_on_24_hour_clock(hour, after_noon, minute, output)
    )
