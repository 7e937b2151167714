"""How often an English source says a thing happens (``twice daily``, ``once weekly``, ``three
times a day``, ``every 8 hours``, ``the maximum daily dose``), and the German translations that
say another frequency or none.

A frequency is a number in words: ``20 mg twice daily`` written ``20 mg einmal täglich`` doubles
nothing a number check reads, yet halves the dose, and ``once weekly`` written ``einmal`` (or
``täglich``) is the classic methotrexate error. A fuzzy match of ``20 mg once daily`` fused for
``20 mg twice daily`` said ``20 mg täglich`` and ``einmal täglich`` (the pharma trial, session
76), and every check passed.

English says a frequency as a count (``once``, ``twice``, ``thrice``, ``N times``) before a
period (``daily``, ``weekly``, ``monthly``, ``hourly``, ``yearly``/``annually``; ``a``, ``per``,
``each`` or ``every`` ``day``/``week``/``month``/``hour``/``year``; ``every N hours``,
``every other day``), or as a period alone (``daily``). German says the count as ``einmal``,
``zweimal`` … ``zwölfmal``, ``ein Mal``, ``2-mal``, ``2mal``, ``2 x täglich`` (``doppelt``
before a period, as the model writes it, too) and the period with a word of its stem
(``täglich``, ``pro Tag``, ``Tagesdosis``, ``mg/d``; ``wöchentlich``, ``pro Woche``;
``monatlich``; ``stündlich``, ``alle 8 Stunden``, ``8 h``; ``jährlich``). A ``once`` German
need not say: ``täglich`` for ``once daily`` is right, unless the translation says another
count (``zweimal täglich``). Only a source that says a frequency is read, and only the periods
its frequencies name are counted in both (each period's words of the source, ``daily`` and
``for 21 days`` alike, against the translation's: ``zweimal 21 Tagen`` lacks a ``täglich``).
A number's digits (``every 8 hours``) are the numbers check's.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

# English counts below thirteen in words, and their values
_ENGLISH_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_ENGLISH_COUNTS = {word: value for value, word in enumerate(_ENGLISH_WORDS.split(), start=1)}
# German's words of the same counts (``zweimal``), by value
_GERMAN_WORDS = "ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"
GERMAN_COUNTS = dict(enumerate(_GERMAN_WORDS.split(), start=1))
_ENGLISH_COUNT = (
    r"(?P<count>once|twice|thrice|(?P<times>\d{1,2}|" + "|".join(_ENGLISH_COUNTS) + r")[\s-]+times)"
)
_DIGIT = re.compile(r"\d")
# the periods English says, by the German stem-word key: ``daily``, ``a day``, ``every 8 hours``
_PERIOD_ADVERBS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "hourly": "hour",
    "yearly": "year",
    "annually": "year",
}
_ENGLISH_PERIOD = (
    r"(?P<adverb>daily|weekly|monthly|hourly|yearly|annually)"
    r"|(?:a|an|per|each|every)\s+(?P<unit>day|week|month|hour|year)"
    r"|every\s+(?P<every>other|\d{1,3}|" + "|".join(_ENGLISH_COUNTS) + r")\s+"
    r"(?P<units>day|week|month|hour|year)s?"
)
# a frequency: a count and its period (``twice daily``, ``three times a day``), or a period
_ENGLISH_FREQUENCY = re.compile(
    rf"(?<![\w-])(?:{_ENGLISH_COUNT}[\s-]+)?(?:{_ENGLISH_PERIOD})(?![\w-])", re.IGNORECASE
)
# each period's words in English (counted where a frequency names the period: ``for 21 days``)
_ENGLISH_PERIOD_WORDS = {
    "day": re.compile(r"(?<![\w-])(?:daily|days?)(?![\w-])", re.IGNORECASE),
    "week": re.compile(r"(?<![\w-])(?:weekly|weeks?)(?![\w-])", re.IGNORECASE),
    "month": re.compile(r"(?<![\w-])(?:monthly|months?)(?![\w-])", re.IGNORECASE),
    "hour": re.compile(r"(?<![\w-])(?:hourly|hours?)(?![\w-])", re.IGNORECASE),
    "year": re.compile(r"(?<![\w-])(?:yearly|annually|years?)(?![\w-])", re.IGNORECASE),
}
# ... and German's, by stem (``täglich``, ``Tag``, ``Tagesdosis``, ``mg/d``; ``8 h``)
_GERMAN_PERIOD_WORDS = {
    "day": re.compile(r"t[äa]g|(?<=/)d(?!\w)", re.IGNORECASE),
    "week": re.compile(r"w[öo]ch", re.IGNORECASE),
    "month": re.compile(r"monat", re.IGNORECASE),
    "hour": re.compile(r"st[üu]nd|(?<!\w)(?:std|h)(?!\w)", re.IGNORECASE),
    "year": re.compile(r"j[äa]hr", re.IGNORECASE),
}
# German's adverbs of each period (``täglich``; not the adjective ``tägliche``)
GERMAN_ADVERBS = {
    "day": "täglich",
    "week": "wöchentlich",
    "month": "monatlich",
    "hour": "stündlich",
    "year": "jährlich",
}
GERMAN_ADVERB = re.compile(
    r"(?<!\w)(?P<adverb>täglich|wöchentlich|monatlich|stündlich|jährlich)(?!\w)"
)
# a German period a count stands before (``täglich``, ``pro Tag``, ``am Tag``, ``alle``, ``in
# der Woche``), for what a count counts and where a count goes
_GERMAN_PERIOD_AFTER = (
    r"(?=\s*(?:t[äa]gl|w[öo]chentl|monatl|st[üu]ndl|j[äa]hrl|pro\b|am\b|je\b|jede|alle\b"
    r"|in\s+der\b|im\b|die\s+Woche|/))"
)
# a count German says: ``einmal``, ``zwei Mal``, ``2-mal``, ``2mal``, ``2 x täglich``,
# ``doppelt täglich``
GERMAN_COUNT = re.compile(
    r"(?<![\w-])(?:(?P<word>"
    + "|".join(GERMAN_COUNTS.values())
    + r")\s?-?\s?mal|(?P<digits>\d{1,2})\s?-?\s?mal"
    + rf"|(?P<times>\d{{1,2}})\s?[x\u00d7]{_GERMAN_PERIOD_AFTER}"
    + rf"|(?P<doubled>doppelt){_GERMAN_PERIOD_AFTER})(?!\w)",
    re.IGNORECASE,
)


class Frequency(NamedTuple):
    """A frequency ``source`` says: ``said`` as written, ``times`` (None where it says a period
    alone: ``daily``), ``period`` (``day``, ``week``, ``month``, ``hour``, ``year``) and
    ``every`` (``every 8 hours``: ``8``; ``every other day``: ``other``; else None)."""

    said: str
    times: int | None
    period: str
    every: str | None


def english_frequencies(source: str) -> list[Frequency]:
    """The frequencies English ``source`` says (module docstring), in its order."""
    found = []
    quantity = _DIGIT.search(source) is not None
    for match in _ENGLISH_FREQUENCY.finditer(source):
        if not (match.group("count") or match.group("every") or _bare(match, quantity)):
            continue
        period = (
            _PERIOD_ADVERBS[match.group("adverb").lower()]
            if match.group("adverb")
            else (match.group("unit") or match.group("units")).lower()
        )
        found.append(Frequency(match.group(), _count(match), period, match.group("every")))
    return found


def _bare(match: re.Match[str], quantity: bool) -> bool:
    """Whether ``match``, a period without a count, says a frequency: ``daily`` or ``per day``
    in a source with a number (``The maximum daily dose is 30 mg``), in lower case (``Daily
    News`` is a name); ``a day``, ``every year`` alone say a span or a habit as often."""
    said = match.group()
    return quantity and said.islower() and (bool(match.group("adverb")) or said.startswith("per"))


def german_counts(text: str) -> list[tuple[int, re.Match[str]]]:
    """The counts German ``text`` says (``einmal``, ``2-mal``, ``3 x täglich``), their values
    and where, in its order."""
    return [(_german_value(found), found) for found in GERMAN_COUNT.finditer(text)]


class FrequencyProblem(NamedTuple):
    """A frequency of the source's (``wanted``) that a translation says another way or not
    at all: ``wrong_count`` whether its count is wrong or missing, ``short_period`` whether
    its period's words are fewer than the source's; ``instead`` the translation's counts the
    source does not say (``einmal`` for ``twice daily``), as written."""

    wanted: Frequency
    wrong_count: bool
    short_period: bool
    instead: tuple[str, ...]


def frequency_problems(source: str, target: str) -> list[FrequencyProblem]:
    """The frequencies English ``source`` says that German ``target`` does not (module
    docstring): each whose count the target lacks (a ``once`` said by no count at all is
    kept), or whose period the target says fewer words of than the source."""
    wanted = english_frequencies(source)
    if not wanted:
        return []
    said = german_counts(target)
    written = Counter(value for value, _ in said)
    asked = Counter(found.times for found in wanted if found.times is not None)
    instead = tuple(found.group() for value, found in said if value not in asked)
    missing = asked - written
    if missing.get(1) and not instead:  # ``täglich`` for ``once daily``
        del missing[1]
    short = {
        period
        for period in {found.period for found in wanted}
        if len(_GERMAN_PERIOD_WORDS[period].findall(target))
        < len(_ENGLISH_PERIOD_WORDS[period].findall(source))
    }
    problems = []
    for found in wanted:
        lacks_count = False
        if found.times is not None and missing[found.times] > 0:
            missing[found.times] -= 1
            lacks_count = True
        if lacks_count or found.period in short:
            problems.append(FrequencyProblem(found, lacks_count, found.period in short, instead))
    return problems


def frequency_findings(source: str, target: str) -> list[str]:
    """:func:`frequency_problems` said for a reviewer (``lacks the frequency twice daily: say
    zweimal täglich; has einmal``)."""
    said = [
        f"lacks the frequency {problem.wanted.said}: say {german_frequency(problem.wanted)}"
        + (f"; has {', '.join(problem.instead)} instead" if problem.instead else "")
        for problem in frequency_problems(source, target)
    ]
    return list(dict.fromkeys(said))  # ``per year`` twice, lost twice: said once


def german_frequency(frequency: Frequency) -> str:
    """How German says ``frequency`` (``zweimal täglich``, ``alle 8 Stunden``, ``täglich``)."""
    if frequency.every is not None:
        units = {"day": "Tage", "week": "Wochen", "month": "Monate", "hour": "Stunden"}
        period = (
            f"jeden zweiten {_UNIT_NAMES[frequency.period]}"
            if frequency.every.lower() == "other"
            else f"alle {_every_number(frequency.every)} {units.get(frequency.period, 'Jahre')}"
        )
    else:
        period = GERMAN_ADVERBS[frequency.period]
    if frequency.times is None:
        return period
    return f"{german_count(frequency.times)} {period}"


def german_count(value: int) -> str:
    """How German says the count ``value`` (``zweimal``, ``15-mal``)."""
    word = GERMAN_COUNTS.get(value)
    return f"{word}mal" if word is not None else f"{value}-mal"


_UNIT_NAMES = {"day": "Tag", "week": "Woche", "month": "Monat", "hour": "Stunde", "year": "Jahr"}


def _every_number(said: str) -> str:
    """The number of an ``every N …`` in digits (``eight`` → ``8``)."""
    value = _ENGLISH_COUNTS.get(said.lower())
    return str(value) if value is not None else said


def _count(match: re.Match[str]) -> int | None:
    """The value of ``match``'s count (:data:`_ENGLISH_FREQUENCY`), None where it has none."""
    count = (match.group("count") or "").lower()
    if not count:
        return None
    if count in ("once", "twice", "thrice"):
        return ("once", "twice", "thrice").index(count) + 1
    times = match.group("times").lower()
    return int(times) if times.isdigit() else _ENGLISH_COUNTS[times]


def _german_value(found: re.Match[str]) -> int:
    """The value of a count :data:`GERMAN_COUNT` found."""
    if found.group("word"):
        word = found.group("word").lower()
        return next(value for value, said in GERMAN_COUNTS.items() if said == word)
    if found.group("doubled"):
        return 2
    return int(found.group("digits") or found.group("times"))
