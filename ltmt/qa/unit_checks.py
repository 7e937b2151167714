"""qa's units check: the unit after a number of the source that the translation writes after
that number as another unit (``10 mL`` as ``10 l``, ``5 mg/kg`` as ``5 mg``, ``5 µg/kg/min`` as
``5 mg/kg/min``): the digits are kept, so the numbers check passes it, and a dose is wrong by a
factor of a thousand.

A unit is one of :mod:`ltmt.unit_names`, however written (``mL``, ``ml``, ``Milliliter``), but in
a case that spells another unit in SI (``850 nm`` as ``850 Nm``, newton metres; ``5 mg`` as ``5
Mg``; ``5 mW`` as ``5 MW``: SI's symbols are case-sensitive); a compound unit is several joined by
``/``, ``per``, ``pro`` or ``je`` (``mg/kg/min``, ``ml pro Stunde``). A rate said in words after a
unit (``24 hours a day``, ``24 Stunden am Tag``) is the compound where the other side writes that
(``24 Stunden pro Tag``), else the unit alone (``10 mg täglich``). An inch or foot mark right after
a digit (``3/4" pipe``) is the unit where it closes no quotation (``"5"``), so one turned into the
other is found (``3/4'-Rohr``). ``V~`` (AC) and ``V⎓``, ``VDC``, ``V=`` (DC) are units of their own,
not ``V``: a mains input written ``230 V`` lost its kind (written before the number, ``AC 230 V``,
``~230 V`` and ``DC 12 V`` keep it; a kind the translation names for the source's plain volts, ``12
V Gleichspannung``, says more, not another unit).

A measure's unit dropped (:func:`lost_units`: ``2.5 mL`` as ``2,5``, ``500 mg`` as ``500``,
``15 g`` as ``15 Gäste``) loses what the number counts, and the numbers check passed it too.
The translation keeps a unit where it writes the number with any unit after it (another is
:func:`changed_units`'), hyphened too (``500-mg-Tablette``), or a word that names it
(``Milligrammtablette``, ``21 Grad`` for ``21 °C``, ``264 qm``), or a word of magnitude (``25
Mio.`` for ``25m``), or where a range or list ends with one (``2 bis 8 °C`` for ``2 °C to 8
°C``, as the percent check reads one: :data:`ltmt.percent_signs.JOINED`). Not this check's: a
number the translation lacks, or writes bare no more often than the source does (``2
Tabletten`` for ``2 tablets of 2 mg``), or glued to a letter (``100a``, ``3D``, ``80er``); a
unit the translation writes apart from every number (``10 geben (in ml)``); a span of time or
points, which German leaves to the sentence (``16 years old`` as ``16``), and a percent (the
numbers check's). Of the 206,177 reference pairs of the general and l10n data, 3 are flagged
(``16 to 18 watts`` as ``16 bis 18``; ``70 millimetres`` as ``70 Millilitern``; ``150 feet`` as
``150 Schritte``). An inch mark lost is said as such (:func:`lost_inches`): the model drops it
as a stray quote (``3/4-Rohr``), and German writes inches no other way than ``Zoll``, ``″`` or a
typographic quote after the digits that closes no quotation (``27“-Monitor``). A run of degree
signs the source does not write (``90°°``) is said too: it reads as one ``°`` here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

from ltmt.currency_amounts import SIGN as CURRENCY_SIGN
from ltmt.degree_signs import doubled_degree_signs
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.percent_signs import JOINED
from ltmt.qa.number_digits import digits_of
from ltmt.unit_names import UNIT, UNITS, unit_meant, unit_named

# what joins the units of a compound: a slash, or per, pro or je between spaces
_JOIN = r"\s?/\s?|\s(?:per|pro|je)\s"
# what says a rate in words after a unit: "a day", "an hour", "am Tag"
_RATE_IN_WORDS = r"\s(?:an?|am)\s"
# the spaces German and SI write between a number's groups of thousands (``10 000``) and
# between a number and its unit
_SPACE = "[ \u00a0\u202f\u2009]"
# a number: its thousands grouped by spaces (``10 000``, ``1 000,5``), or runs of digits joined
# by a dot or comma (``10,000``, ``1.5``), or a fraction (``3/4``); read whole, or ``10 000 ml``
# is ``000 ml``
_NUMBER = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*(?:/\d+)?"
# a number and the units after it, joined into a compound (mg/kg/min, ml per hour), and a rate
# in words after them (hours a day)
_MEASURE = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER}){_SPACE}?"
    rf"(?P<unit>{UNIT}(?:(?:{_JOIN}){UNIT})*)(?:{_RATE_IN_WORDS}(?P<rate>{UNIT}))?",
    re.IGNORECASE,
)
_JOINER = re.compile(_JOIN, re.IGNORECASE)
# the kind of current written before a number of volts (``AC 230 V``, ``DC 12 V``, ``~230 V``)
_KIND_BEFORE = re.compile(r"(?P<kind>(?<![^\W_])(?:AC|DC)|~)[ \u00a0]?$")
# how far before a number :data:`_KIND_BEFORE` can begin (``AC`` and a space, and a newline that
# ``$`` reads past): it is searched there alone, not from the start of the text for each number
_KIND_REACH = 4
_VOLTS_OF_KIND = {"AC": "V~", "~": "V~", "DC": "V\u2393"}
# a quote mark right after a digit (``3/4" pipe``, ``3/4"-Rohr``, ``6'``; not ``the 90's``): an
# inch or a foot mark where it closes no quotation (:func:`_marks_as_primes`)
# German keyboards' typographic quotes stand for the inch mark too (``27“-Monitor``)
_MARK_AFTER_DIGIT = re.compile(r"(?<=\d)(?:[\"\u201c\u201d](?=[\s\w\-.,;:)]|$)|'(?=[\s\-.,;:)]|$))")
# the quote marks that may open a quotation that a mark closes, by the mark
_QUOTES = {'"': '"\u201c\u201e', "'": "'\u2018\u201a", "\u201c": "\u201e", "\u201d": "\u201c"}
_PRIMES = {'"': "\u2033", "'": "\u2032", "\u201c": "\u2033", "\u201d": "\u2033"}
# an inch mark none can misread: right after a number and before a space, a word or a hyphen
# (``3/4" pipe``, ``3/4"-Rohr``; not ``"5".``), read only where no quotation opens before it
_PLAIN_INCHES = re.compile(rf'(?<![\w.,])(?P<number>{_NUMBER})"(?=[\s\w-])')
_OPENING_QUOTES = '"\u201c\u201e'
# a number alone, as :data:`_MEASURE` reads it
_NUMBER_ALONE = re.compile(rf"(?<![\w.,])(?:{_NUMBER})")
# how a translation keeps inches: a double prime (an inch mark after a digit read as one),
# Zoll (``3/4-Zoll-Rohr``) or inch
_INCHES_KEPT = re.compile(r"\u2033|zoll|\binch", re.IGNORECASE)
# a unit right after a number of a translation, spaced, glued or hyphened (``500-mg-Tablette``)
_UNIT_AFTER = re.compile(rf"[ \u00a0\u202f\u2009-]?{UNIT}", re.IGNORECASE)
# a unit where no letter or digit is before it: one the translation writes apart from a number
_UNIT_ANYWHERE = re.compile(rf"(?<![^\W_]){UNIT}", re.IGNORECASE)
# the word right after a number of a translation (``5 Werktage``, ``500-mg-Tablette``)
_WORD_AFTER = re.compile(r"[ \u00a0\u202f\u2009-]?(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)")
# a word of magnitude after a number: it says what the number counts (``25 Mio.`` for ``25m``)
_MAGNITUDE = re.compile(
    r"[ \u00a0\u202f\u2009-]?(?:Mio|Mrd|Tsd|Million(?:en)?|Milliarden?|Tausend)(?![^\W\d_])"
)
# the parts of German words that name a unit beyond its spellings: Grad for a temperature (``21
# Grad``: a German reader reads Celsius), Kilo, square metres (``264 qm``)
_STEMS = {"°C": ("grad",), "°F": ("grad",), "°": ("grad",), "kg": ("kilo",), "m": ("qm",)}
# by unit, the parts of a word that name it: :data:`_STEMS`, and its spellings of two letters or
# more (``Milligrammtablette``, ``5 kWp``, ``2,5 qcm``; not ``g`` in ``Gäste``)
_NAMED_IN_WORDS = {
    unit: tuple(spelling for spelling in spellings if len(spelling) >= 2 and spelling.isalpha())
    + _STEMS.get(unit, ())
    for unit, spellings in UNITS.items()
}
# units German leaves out after a number where the sentence says them, whose loss is no
# measure's: spans of time (``16 years old`` as ``16``, ``between 3 and 5 months`` as ``5.
# Lebensmonat``), points (``5985 points`` as ``5985 Zählern``), a percent (the numbers check's)
_SAID_OTHERWISE = frozenset({"a", "mo", "wk", "d", "h", "min", "s", "ms", "µs", "ns", "pt", "%"})
# what reads as a measure of a source and is none: an amount with a letter of magnitude (``$5m``,
# ``EUR 10 m``: millions), a year of an era (``600 B.C.``), a decade (``the 80s``)
_NO_MEASURE = re.compile(
    rf"(?:{CURRENCY_SIGN}|\b[A-Z]{{3}})[ \u00a0]?(?P<amount>(?:{_NUMBER})[ \u00a0]?m)(?![^\W_])"
    r"|(?<![\w.,])(?P<era>\d+[ \u00a0]?[A-Za-z])\.[A-Za-z]\."
)
_DECADE = re.compile(r"\d0s$")
# a quote mark as a unit (a foot mark ``6'``, an inch mark): lost inches are said on their own
# (:func:`lost_inches`), and a quote closes a quotation (``$1'``) as often as not
_QUOTE_MARKS = "'\"\u201c\u201d"


def unit_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The measures of ``source`` (a number and its unit) that ``target`` writes with the same
    number and another unit after it (:func:`changed_units`) or none (:func:`lost_units`),
    outside placeholders, and the runs of degree signs ``target`` writes where ``source`` does
    not (``90°°``: :func:`ltmt.degree_signs.doubled_degree_signs`), which read as one unit
    here."""
    source, target = without_placeholders(source), without_placeholders(target)
    changed = changed_units(source, target)
    inches = lost_inches(source, target)
    lost = Counter(inches) - Counter(want for want, _ in changed)
    dropped = [(want, have) for want, have in lost_units(source, target) if want not in inches]
    doubled = doubled_degree_signs(source, target)
    return (
        [f"lacks {want}; has {have}, another unit" for want, have in changed]
        + [
            f"lacks {want}; has {want[:-1]} without the inch mark (write Zoll or \u2033)"
            for want in lost.elements()
        ]
        + [
            f"lacks the unit of {want}: has {have} without a unit; write "
            f"{_unit_written(want)} after {have}"
            for want, have in dropped
        ]
        + [f"has {run}, the degree sign written twice (write one °)" for run in doubled]
    )


def lost_units(source: str, target: str) -> list[tuple[str, str]]:
    """``(the source's measure, the translation's number)`` as written (``("2.5 mL", "2,5")``)
    for each measure of ``source`` whose number ``target`` writes with no unit after it, beyond
    those it writes with one and those the source writes bare too, where ``target`` writes that
    unit nowhere else (module docstring); in ``source``'s order. Not a percent (the numbers
    check's), a span of time (:data:`_SAID_OTHERWISE`), an amount (``$5m``), a year (``600
    B.C.``), a decade (``80s``), or a quote mark (:data:`_QUOTE_MARKS`)."""
    measures = _measures(source)
    none = Counter(found["amount"] or found["era"] for found in _NO_MEASURE.finditer(source))
    wanted = []
    for key, _, written in measures:
        if none[written] > 0:
            none[written] -= 1
        elif _lost_if_bare(key[1], written):
            wanted.append((key, written))
    if not wanted:  # most pairs
        return []
    text = _marks_as_primes(target)
    numbers = list(_NUMBER_ALONE.finditer(text))
    units = {key[1][0] for key, _ in wanted}
    own = _own_units(text, numbers, units)
    with_unit = _with_units(text, numbers, own)
    # a range's first number has the unit of its last (``15\u201329 mL/min``): in the
    # translation it keeps the unit of the source's range, not of another measure of that
    # number (``15 mg``), so it counts for that measure only beyond the source's ranges that
    # begin with it
    source_text = _marks_as_primes(source)
    source_ranges = _range_starts(source_text, units)
    ranged = _joined_only(numbers, own, with_unit)
    kept = (
        Counter(digits_of(n.group()) for n, unit in zip(numbers, with_unit, strict=True) if unit)
        - ranged
    ) + (ranged - source_ranges)
    bare: dict[str, list[str]] = {}
    for number, unit in zip(numbers, with_unit, strict=True):
        # a letter glued on is a code's or a word's (3D, 80er, Artikel 100a): no bare number
        if not unit and not text[number.end() : number.end() + 1].isalpha():
            bare.setdefault(digits_of(number.group()), []).append(number.group())
    source_bare = (
        Counter(digits_of(n.group()) for n in _NUMBER_ALONE.finditer(source_text))
        - Counter(digits for (digits, _), _, _ in measures)
        - source_ranges
    )
    target_measures = _measures(target)
    apart = _units_apart(text, target_measures)
    # a measure the translation writes with its unit is none lost (``5 mg`` of ``5 mg, 5 mL``)
    written_so = Counter(key for key, _ in _read_rates(target_measures, measures))
    lacking = Counter(key[0] for key, _ in wanted) - kept
    # how many of each number's bare spellings are taken, the first first (no list's pop(0),
    # which moves the rest: a line of a thousand lost doses)
    taken: Counter[str] = Counter()
    lost = []
    for key, written in wanted:
        digits = key[0]
        if written_so[key] > 0:
            written_so[key] -= 1
        elif (
            lacking[digits] > 0 and len(bare.get(digits, [])) - taken[digits] > source_bare[digits]
        ):
            if key[1][0] not in apart:
                lost.append((written, bare[digits][taken[digits]]))
            lacking[digits] -= 1
            taken[digits] += 1
    return lost


def _lost_if_bare(units: tuple[str, ...], written: str) -> bool:
    """Whether a source's measure of ``units`` (``written`` so) is lost where its number is
    written bare (:func:`lost_units`)."""
    return (
        units[0] not in _SAID_OTHERWISE
        and not _DECADE.search(written)
        and written[-1] not in _QUOTE_MARKS
    )


def _with_units(text: str, numbers: list[re.Match[str]], own: list[bool]) -> list[bool]:
    """Whether each of ``numbers`` (of ``text``) has a unit of its own after it (``own``:
    :func:`_own_units`), or is joined to the next by a range's or a list's word or sign
    (:data:`ltmt.percent_signs.JOINED`) and that one has: ``2 bis 8 °C``. Read from the last
    number back, so in linear time."""
    with_unit = list(own)
    for i in range(len(numbers) - 2, -1, -1):
        if not with_unit[i] and with_unit[i + 1]:
            with_unit[i] = _joined(text, numbers[i], numbers[i + 1])
    return with_unit


def _joined(text: str, number: re.Match[str], following: re.Match[str]) -> bool:
    """Whether ``number`` is joined to ``following`` (the next number of ``text``) by a
    range's or a list's word or sign (:data:`ltmt.percent_signs.JOINED`)."""
    joined = JOINED.match(text, number.end())
    return joined is not None and joined.end() == following.start()


def _own_units(text: str, numbers: list[re.Match[str]], units: set[str]) -> list[bool]:
    """Whether each of ``numbers`` (of ``text``) has a unit right after it
    (:data:`_UNIT_AFTER`), a word naming one of ``units`` (:data:`_NAMED_IN_WORDS`) or a word of
    magnitude (:data:`_MAGNITUDE`)."""
    parts = [part for unit in units for part in _NAMED_IN_WORDS.get(unit, ())]
    own: list[bool] = []
    for number in numbers:
        end = number.end()
        unit = _UNIT_AFTER.match(text, end)
        word = _WORD_AFTER.match(text, end)
        own.append(
            (unit is not None and bool(unit_named(unit.group().lstrip(" \u00a0\u202f\u2009-"))))
            or (word is not None and _names(word["word"], parts))
            or _MAGNITUDE.match(text, end) is not None
        )
    return own


def _joined_only(
    numbers: list[re.Match[str]], own: list[bool], with_unit: list[bool]
) -> Counter[str]:
    """The digits of ``numbers`` with a unit only by a range or list they begin (``with_unit``
    but not ``own``: ``15`` of ``15\u201329 mL/min``)."""
    return Counter(
        digits_of(number.group())
        for number, has_own, has_any in zip(numbers, own, with_unit, strict=True)
        if has_any and not has_own
    )


def _range_starts(text: str, units: set[str]) -> Counter[str]:
    """:func:`_joined_only` of the numbers of ``text``; read for units only where a number is
    joined to the next (most texts have none: a text with no range's or list's word or sign is
    not read number by number)."""
    if JOINED.search(text) is None:
        return Counter()
    numbers = list(_NUMBER_ALONE.finditer(text))
    if not any(_joined(text, a, b) for a, b in pairwise(numbers)):
        return Counter()
    own = _own_units(text, numbers, units)
    return _joined_only(numbers, own, _with_units(text, numbers, own))


def _names(word: str, parts: list[str]) -> bool:
    """Whether ``word`` has one of ``parts`` in it: in any case, where it is of three letters or
    more (``Werktage``), else in its own (``kWp``; not ``Gäste``)."""
    folded = word.casefold()
    return any(part.casefold() in folded if len(part) > 2 else part in word for part in parts)


def _units_apart(text: str, measures: list[tuple[_Key, _Key | None, str]]) -> set[str]:
    """The units ``text`` writes apart from a number (``10 geben (in ml)``): more often than
    after one (``measures``, its own)."""
    anywhere = Counter(
        unit for found in _UNIT_ANYWHERE.finditer(text) if (unit := unit_meant(found.group()))
    )
    after_numbers = Counter(unit for (_, units), _, _ in measures for unit in units)
    return set(anywhere - after_numbers)


def lost_inches(source: str, target: str) -> list[str]:
    """The inch measures of ``source`` as written (``3/4"``: :data:`_PLAIN_INCHES`) whose
    number ``target`` writes with no inch unit anywhere (``3/4-Rohr``: :data:`_INCHES_KEPT`), in
    ``source``'s order. A number ``target`` lacks, or writes with another unit after it
    (``1.5" gap, 1.5 mm wall`` as ``3,8 cm Abstand, 1,5 mm Wand``), is the numbers check's; a
    source with a quotation opening before the number is left alone, its mark maybe the
    quotation's end."""
    inches = list(_PLAIN_INCHES.finditer(source))
    if not inches or _INCHES_KEPT.search(_marks_as_primes(target)):  # most pairs: no inches
        return []
    numbers = Counter(digits_of(found.group()) for found in _NUMBER_ALONE.finditer(target))
    numbers -= Counter(digits for (digits, _), _, _ in _measures(target))
    quotes = [at for at, mark in enumerate(source) if mark in _OPENING_QUOTES]
    opening = set(quotes) - {found.end() - 1 for found in inches}  # not an inch mark itself
    first_opening = min(opening, default=len(source))
    lost = []
    for found in inches:
        digits = digits_of(found["number"])
        opened = first_opening < found.start()
        if not opened and numbers[digits] > 0:
            numbers[digits] -= 1
            lost.append(found.group())
    return lost


def changed_units(source: str, target: str) -> list[tuple[str, str]]:
    """``(the source's measure, the translation's)`` as written (``("10 mL", "10 l")``) for
    each number of ``source`` with a unit after it that ``target`` writes with another unit
    after it, where it does not write it with the source's as often (module docstring); in
    ``source``'s order."""
    source_measures, target_measures = _measures(source), _measures(target)
    wanted = _read_rates(source_measures, target_measures)
    written = _kinds_as_plain_volts(_read_rates(target_measures, source_measures), wanted)
    lacking = Counter(key for key, _ in wanted) - Counter(key for key, _ in written)
    spare = Counter(key for key, _ in written) - Counter(key for key, _ in wanted)
    changed = []
    for key, measure in wanted:
        if lacking[key] <= 0:
            continue
        instead = next(((k, m) for k, m in written if k[0] == key[0] and spare[k] > 0), None)
        if instead is not None:
            lacking[key] -= 1
            spare[instead[0]] -= 1
            changed.append((measure, instead[1]))
    return changed


_Key = tuple[str, tuple[str, ...]]


def _measures(text: str) -> list[tuple[_Key, _Key | None, str]]:
    """Each number of ``text`` with a unit after it: ``((its digits, its units), the same with
    the rate said in words after them or None, as written)`` (``10 mL``: ``(("10", ("ml",)),
    None, "10 mL")``; ``24 hours a day``: ``(("24", ("h",)), ("24", ("h", "d")), ...)``; the
    digits without separators (:func:`~ltmt.qa.number_digits.digits_of`), so ``1,000``,
    ``1.000`` and ``1 000`` are one number, and ``0.5`` is not ``5``; volts after ``AC``, ``DC``
    or ``~`` are of that kind: ``AC 230 V`` is ``230 V~``). A word that is a unit only in
    another case (``5 a``, not ``5 A``) is none, and a unit written in a case that spells
    another SI unit is that one (``5 Mg`` is no ``5 mg``:
    :func:`~ltmt.unit_names.unit_meant`)."""
    measures = []
    for found in _MEASURE.finditer(_marks_as_primes(text)):
        units = [unit_meant(part) for part in _JOINER.split(found["unit"])]
        known = tuple(unit for unit in units if unit is not None)
        if len(known) < len(units):
            continue
        # the kind of current written before the number is its volts' (AC 230 V: V~)
        kind = (
            _KIND_BEFORE.search(text, max(0, found.start() - _KIND_REACH), found.start())
            if known[:1] == ("V",)
            else None
        )
        if kind is not None:
            known = (_VOLTS_OF_KIND[kind["kind"]], *known[1:])
        digits = digits_of(found["number"])
        rate = unit_meant(found["rate"]) if found["rate"] else None
        with_rate = (digits, (*known, rate)) if rate is not None else None
        end = found.end() if with_rate else found.end("unit")
        written = text[found.start() if kind is None else kind.start() : end]
        measures.append(((digits, known), with_rate, written))
    return measures


def _kinds_as_plain_volts(
    written: list[tuple[_Key, str]], wanted: list[tuple[_Key, str]]
) -> list[tuple[_Key, str]]:
    """``written`` (the translation's measures) with volts of a kind (``V~``, ``V⎓``) read as
    plain volts where ``wanted`` (the source's) has that number in plain volts and not of that
    kind: ``12 V`` as ``12 V Gleichspannung`` says more, not another unit."""
    keys = {key for key, _ in wanted}
    kinds = set(_VOLTS_OF_KIND.values())
    plain_written = []
    for key, measure in written:
        plain = (key[0], tuple("V" if unit in kinds else unit for unit in key[1]))
        plain_written.append((plain if key not in keys and plain in keys else key, measure))
    return plain_written


def _marks_as_primes(text: str) -> str:
    """``text`` with each quote mark right after a digit (:data:`_MARK_AFTER_DIGIT`) written as
    the prime it stands for (``3/4"`` with U+2033, inches; ``6'`` with U+2032, feet), but where it
    closes a quotation (:func:`_closes_quotation`: ``"5" items``); as long as ``text``, so that
    a measure is said as ``text`` writes it."""
    marks = list(text)
    for found in _MARK_AFTER_DIGIT.finditer(text):
        if not _closes_quotation(text, found.start()):
            marks[found.start()] = _PRIMES[found.group()]
    return "".join(marks)


def _closes_quotation(text: str, at: int) -> bool:
    """Whether the quote mark at ``at`` closes a quotation: the last quote mark of its kind
    before it opens one (at the start, or after a space or a bracket, before no space)."""
    before = max(text.rfind(quote, 0, at) for quote in _QUOTES[text[at]])
    return (
        before >= 0
        and (before == 0 or text[before - 1] in " \t\n([")
        and (not text[before + 1 : before + 2].isspace())
    )


def _read_rates(
    measures: list[tuple[_Key, _Key | None, str]], others: list[tuple[_Key, _Key | None, str]]
) -> list[tuple[_Key, str]]:
    """``measures`` of one text as ``(key, as written)``, each read with its rate in words
    (``24 hours a day`` as hours per day) where ``others`` (the other text's) has a measure
    read so (``24 Stunden pro Tag``, ``24 Stunden am Tag``), else as its units alone."""
    other_keys = {key for plain, rate, _ in others for key in (plain, rate) if key is not None}
    return [
        (rate if rate is not None and rate in other_keys else plain, written)
        for plain, rate, written in measures
    ]


def _unit_written(measure: str) -> str:
    """The units of ``measure`` as written: ``mL`` of ``2.5 mL``, ``mg/kg`` of ``5 mg/kg``."""
    found = _MEASURE.search(_marks_as_primes(measure))
    return found["unit"] if found is not None else measure
