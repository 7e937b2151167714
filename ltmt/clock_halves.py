"""The half of the day a German translation says right after a time's digits.

A time's digits may carry their half with them: an AM/PM right after them (``8:00 PM``,
``8:00 AM-Dosis``), an AM/PM after ``Uhr`` (``8 Uhr PM``, ``8 Uhr (p.m.)``: the model's mix of
both clocks), or a German word for the time of day (``8 Uhr morgens``, ``9 Uhr abends``,
``6 Uhr früh``). :mod:`ltmt.clock_repair` takes such a time as the half it says: it pairs it
with the source's time of that half and keeps its half; it turns only an AM/PM right after
the digits that no source time of that half is there to take, where the source's times of
those digits are all of one half (``8:00 AM`` for ``8:00 PM``), and never a word or an AM/PM
after ``Uhr`` (counted not repairable). It takes an AM/PM after ``Uhr`` away where it writes
the hour on the 24-hour clock (``20 Uhr``, not ``20 Uhr PM``). :mod:`ltmt.clock_times` reads
``20 Uhr morgens`` as no 8 PM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# an AM/PM right after a time's digits in a translation (``PM-Dosis``, ``p.m.``, ``P. M.``)
MARKER = re.compile(r"\s?(?P<half>[ap])\.?\s?m\.?(?![^\W\d_])", re.IGNORECASE)
# an AM/PM after ``Uhr`` (``8 Uhr PM``, ``8 Uhr (p.m.)``); a lower-case ``am`` is German's
# ``am`` (``8 Uhr am Montag``), so only a capital one or one with its dots; a full stop after
# ``PM`` is the sentence's
_MARKER_AFTER_UHR = re.compile(
    r"\s?\(?(?P<half>[AP]\.\s?M\.?|[ap]\.\s?m\.?|[AP]M|pm)\)?(?![^\W\d_])"
)
# a German word for the time of day after a time (``8 Uhr morgens``, ``11 Uhr nachts``)
_WORD = re.compile(
    r"\s+(?P<word>morgens|früh|vormittags|nachmittags|abends|nachts)(?![^\W\d_])",
    re.IGNORECASE,
)
_MORNING_WORDS = frozenset({"morgens", "früh", "vormittags"})
# German's ``am`` after a bare hour, before a day, a date or a time of day (``um 8 am Montag``,
# ``8 am 24. Mai``, ``8 am Abend``): a spaced, lower-case ``am`` with a capital or a digit after
_GERMAN_AM = re.compile(r"\s+am\s+[A-ZÄÖÜ0-9]")


class Said(Enum):
    """How a translation says a time's half: where it stands decides what a repair may do."""

    MARKER = "an AM/PM right after the digits"
    MARKER_AFTER_UHR = "an AM/PM after Uhr"
    WORD = "a word for the time of day"


@dataclass(frozen=True)
class StatedHalf:
    """The half a translation says a time is in: ``after_noon`` (True for PM, ``abends``),
    ``said`` how, and ``start``/``end`` the characters that say it: from the AM/PM's letter
    (which a repair turns) for :attr:`Said.MARKER`, from the space before it (which a repair
    that writes the hour on the 24-hour clock takes away with it) for
    :attr:`Said.MARKER_AFTER_UHR`."""

    after_noon: bool
    said: Said
    start: int
    end: int


def marker_after(text: str, digits_end: int) -> re.Match[str] | None:
    """The AM/PM written right after a time's digits ending at ``digits_end`` (its group
    ``half``: ``a`` or ``p``), or None; German's ``am`` before a day, a date or a time of day
    (``um 8 am Montag``, ``8 am Abend``) is none."""
    if _GERMAN_AM.match(text, digits_end):
        return None
    return MARKER.match(text, digits_end)


def stated_half(text: str, hour: int, digits_end: int, uhr_end: int | None) -> StatedHalf | None:
    """The half ``text`` says for the time whose ``hour`` (as written, 0 to 24) ends at
    ``digits_end`` and whose ``Uhr`` (if any) ends at ``uhr_end``; None where it says none.
    ``nachts`` is after noon for 6 to 11 (``11 Uhr nachts``) and 13 to 24, the morning for 12
    and 0 to 5 (``2 Uhr nachts``)."""
    marker = marker_after(text, digits_end)
    if marker is not None:
        half = marker["half"]
        return StatedHalf(_is_p(half), Said.MARKER, marker.start("half"), marker.end())
    after = digits_end if uhr_end is None else uhr_end
    if uhr_end is not None:
        late = _MARKER_AFTER_UHR.match(text, uhr_end)
        if late is not None:
            return StatedHalf(_is_p(late["half"]), Said.MARKER_AFTER_UHR, late.start(), late.end())
    word = _WORD.match(text, after)
    if word is None:
        return None
    after_noon = _word_after_noon(word["word"].lower(), hour)
    return StatedHalf(after_noon, Said.WORD, word.start("word"), word.end())


def contradicts_24_hour(hour: int, half: StatedHalf | None) -> bool:
    """Whether ``half``, said after a 24-hour clock's ``hour``, says the other half: ``20 Uhr
    morgens``, ``0 Uhr abends``."""
    if half is None:
        return False
    if hour >= 13:
        return not half.after_noon
    return hour == 0 and half.after_noon


def _is_p(marker: str) -> bool:
    return marker.lstrip("(").lower().startswith("p")


def _word_after_noon(word: str, hour: int) -> bool:
    if word == "nachts":
        return 6 <= hour <= 11 or hour >= 13
    return word not in _MORNING_WORDS
