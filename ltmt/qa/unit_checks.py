"""qa's units check: the unit after a number of the source that the translation writes after
that number as another unit (``10 mL`` as ``10 l``, ``5 mg/kg`` as ``5 mg``, ``5 µg/kg/min`` as
``5 mg/kg/min``): the digits are kept, so the numbers check passes it, and a dose is wrong by a
factor of a thousand.

A unit is one of :data:`_UNITS`, written as its symbol or its English or German name
(``mL``, ``ml``, ``millilitres`` and ``Milliliter`` are one unit; ``°C`` and ``Grad Celsius``,
``%`` and ``Prozent`` too), in another case where no other unit is written so (``MG`` is ``mg``;
``L`` and ``l`` are both listed, as the litre is written both ways); a compound unit is several
joined by ``/``, ``per``, ``pro`` or ``je`` (``mg/kg/min``, ``ml pro Stunde``). A rate said in
words after a unit (``24 hours a day``, ``24 Stunden am Tag``) is the compound where the other
side writes that (``24 Stunden pro Tag``), else the unit alone (``10 mg täglich``). An inch
or foot mark right after a digit (``3/4" pipe``) is the unit where it closes no quotation
(``"5"``), so one turned into the other is found (``3/4'-Rohr``). ``V~`` (AC) and ``V⎓``,
``VDC``, ``V=`` (DC) are units of their own, not ``V``: a mains input written ``230 V`` lost its
kind (written before the number, ``AC 230 V``, ``~230 V`` and ``DC 12 V`` keep it; a kind the
translation names for the source's plain volts, ``12 V Gleichspannung``, says more, not another
unit).
A number the translation writes with no unit after it, or with a word this table does not
know, is not flagged: German may name the unit elsewhere or in a word of its own
(``Werktage``). An inch mark is the exception (:func:`lost_inches`): the model drops it as a
stray quote (``3/4-Rohr``), and German writes inches no other way than ``Zoll``, ``″`` or a
typographic quote after the digits that closes no quotation (``27“-Monitor``). A run of
degree signs the source does not write (``90°°``) is said too: it reads as one ``°`` here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ltmt.degree_signs import doubled_degree_signs
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.qa.number_digits import digits_of

# each unit by one name, and the ways English and German write it
_UNITS: dict[str, tuple[str, ...]] = {
    "°C": ("°C", "° C", "℃", "degrees Celsius", "degree Celsius", "Grad Celsius"),
    "°F": ("°F", "° F", "℉", "degrees Fahrenheit", "degree Fahrenheit", "Grad Fahrenheit"),
    # not "degrees" nor "Grad" alone: news write them for °C, as a German reader reads them
    "°": ("°",),
    "%": ("%", "percent", "per cent", "Prozent"),
    "‰": ("‰", "per mille", "Promille"),
    "l": ("l", "L", "\u2113", "litre", "litres", "liter", "liters", "Liter"),
    "dl": ("dl", "dL", "decilitre", "decilitres", "deciliter", "deciliters", "Deziliter"),
    "ml": ("ml", "mL", "millilitre", "millilitres", "milliliter", "milliliters", "Milliliter"),
    "µl": ("µl", "µL", "μl", "μL", "microlitre", "microlitres", "microliter", "Mikroliter"),
    "kg": ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "Kilogramm"),
    "g": ("g", "gram", "grams", "gramme", "grammes", "Gramm"),
    "mg": ("mg", "milligram", "milligrams", "Milligramm"),
    "µg": ("µg", "μg", "mcg", "ug", "microgram", "micrograms", "Mikrogramm"),
    "ng": ("ng", "nanogram", "nanograms", "Nanogramm"),
    "mol": ("mol", "mole", "moles"),
    "mmol": ("mmol", "millimole", "millimoles", "Millimol"),
    "µmol": ("µmol", "μmol", "micromole", "micromoles", "Mikromol"),
    "IU": ("IU", "I.E.", "IE", "international units", "internationale Einheiten"),
    "km": ("km", "kilometre", "kilometres", "kilometer", "kilometers", "Kilometer"),
    "m": ("m", "metre", "metres", "meter", "meters", "Meter"),
    "cm": ("cm", "centimetre", "centimetres", "centimeter", "centimeters", "Zentimeter"),
    "mm": ("mm", "millimetre", "millimetres", "millimeter", "millimeters", "Millimeter"),
    "µm": ("µm", "μm", "micrometre", "micrometres", "micrometer", "micrometers", "Mikrometer"),
    "nm": ("nm", "nanometre", "nanometres", "nanometer", "nanometers", "Nanometer"),
    "a": ("yr", "yrs", "year", "years", "Jahr", "Jahre", "Jahren"),
    "mo": ("month", "months", "Monat", "Monate", "Monaten"),
    "wk": ("wk", "wks", "week", "weeks", "Woche", "Wochen"),
    "d": ("d", "day", "days", "Tag", "Tage", "Tagen"),
    "h": ("h", "hr", "hrs", "hour", "hours", "Std", "Stunde", "Stunden"),
    "min": ("min", "mins", "minute", "minutes", "Minute", "Minuten"),
    "s": ("s", "sec", "secs", "second", "seconds", "Sek", "Sekunde", "Sekunden"),
    "ms": ("ms", "millisecond", "milliseconds", "Millisekunde", "Millisekunden"),
    "µs": ("µs", "μs", "microsecond", "microseconds", "Mikrosekunde", "Mikrosekunden"),
    "ns": ("ns", "nanosecond", "nanoseconds", "Nanosekunde", "Nanosekunden"),
    "B": ("B", "byte", "bytes", "Byte", "Bytes"),
    "kB": ("kB", "KB", "kilobyte", "kilobytes", "Kilobyte", "Kilobytes"),
    "KiB": ("KiB", "kibibyte", "kibibytes", "Kibibyte"),
    "MB": ("MB", "megabyte", "megabytes", "Megabyte", "Megabytes"),
    "MiB": ("MiB", "mebibyte", "mebibytes", "Mebibyte"),
    "GB": ("GB", "gigabyte", "gigabytes", "Gigabyte", "Gigabytes"),
    "GiB": ("GiB", "gibibyte", "gibibytes", "Gibibyte"),
    "TB": ("TB", "terabyte", "terabytes", "Terabyte", "Terabytes"),
    "TiB": ("TiB", "tebibyte", "tebibytes", "Tebibyte"),
    "Hz": ("Hz", "hertz", "Hertz"),
    "kHz": ("kHz", "kilohertz", "Kilohertz"),
    "MHz": ("MHz", "megahertz", "Megahertz"),
    "GHz": ("GHz", "gigahertz", "Gigahertz"),
    "V": ("V", "volt", "volts", "Volt"),
    # alternating and direct current: a 230 V~ mains input is no 230 V DC one
    "V~": ("V~", "V ~", "V\u223c", "VAC", "V AC", "V Wechselspannung", "V Wechselstrom"),
    "V\u2393": ("V\u2393", "V=", "VDC", "V DC", "V Gleichspannung", "V Gleichstrom"),
    "mV": ("mV", "millivolt", "millivolts", "Millivolt"),
    "A": ("A", "ampere", "amperes", "amp", "amps", "Ampere"),
    "mA": ("mA", "milliampere", "milliamperes", "Milliampere"),
    "mAh": ("mAh", "Milliamperestunden"),
    "W": ("W", "watt", "watts", "Watt"),
    "kW": ("kW", "kilowatt", "kilowatts", "Kilowatt"),
    "Wh": ("Wh", "watt-hour", "watt-hours", "Wattstunde", "Wattstunden"),
    "kWh": ("kWh", "kilowatt-hour", "kilowatt-hours", "Kilowattstunde", "Kilowattstunden"),
    "mmHg": ("mmHg", "mm Hg"),
    "bar": ("bar",),
    "mbar": ("mbar", "millibar"),
    "Pa": ("Pa", "pascal", "pascals", "Pascal"),
    "hPa": ("hPa", "hectopascal", "hectopascals", "Hektopascal"),
    "kPa": ("kPa", "kilopascal", "kilopascals", "Kilopascal"),
    "psi": ("psi",),
    "dB": ("dB", "decibel", "decibels", "Dezibel"),
    "px": ("px", "pixel", "pixels", "Pixel"),
    "pt": ("pt", "point", "points", "Punkt", "Punkte"),
    "ft": ("ft", "foot", "feet", "Fuß", "\u2032"),
    "in": ("inch", "inches", "Zoll", "\u2033"),
    "oz": ("oz", "ounce", "ounces", "Unze", "Unzen"),
    "lb": ("lb", "lbs", "pound", "pounds", "Pfund"),
}
_AS_WRITTEN = {spelling: unit for unit, spellings in _UNITS.items() for spelling in spellings}


def _folded_spellings() -> dict[str, str]:
    """The spellings of two characters or more by their case-folded form, where that is one
    unit's alone (``MG``: ``mg``; ``mb`` is no unit: ``MB`` and ``mbar`` differ)."""
    units: dict[str, set[str]] = {}
    for spelling, unit in _AS_WRITTEN.items():
        units.setdefault(spelling.casefold(), set()).add(unit)
    return {folded: unit.pop() for folded, unit in units.items() if len(unit) == 1}


_FOLDED = {folded: unit for folded, unit in _folded_spellings().items() if len(folded) > 1}
_SPELLINGS = "|".join(re.escape(s) for s in sorted(_AS_WRITTEN, key=len, reverse=True))
# one unit (no letter or digit right after it: not the "m" of "more", the "%" of "%ig")
UNIT = rf"(?:{_SPELLINGS})(?![^\W_])"
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


def unit_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The measures of ``source`` (a number and its unit) that ``target`` writes with the same
    number and another unit after it (:func:`changed_units`), outside placeholders, and the
    runs of degree signs ``target`` writes where ``source`` does not (``90°°``:
    :func:`ltmt.degree_signs.doubled_degree_signs`), which read as one unit here."""
    source, target = without_placeholders(source), without_placeholders(target)
    changed = changed_units(source, target)
    lost = Counter(lost_inches(source, target)) - Counter(want for want, _ in changed)
    doubled = doubled_degree_signs(source, target)
    return (
        [f"lacks {want}; has {have}, another unit" for want, have in changed]
        + [
            f"lacks {want}; has {want[:-1]} without the inch mark (write Zoll or \u2033)"
            for want in lost.elements()
        ]
        + [f"has {run}, the degree sign written twice (write one °)" for run in doubled]
    )


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
    lost = []
    for found in inches:
        digits = digits_of(found["number"])
        opened = any(at < found.start() for at in opening)
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
    another case (``5 a``, not ``5 A``) is none."""
    measures = []
    for found in _MEASURE.finditer(_marks_as_primes(text)):
        units = [_unit(part) for part in _JOINER.split(found["unit"])]
        known = tuple(unit for unit in units if unit is not None)
        if len(known) < len(units):
            continue
        # the kind of current written before the number is its volts' (AC 230 V: V~)
        kind = _KIND_BEFORE.search(text, 0, found.start()) if known[:1] == ("V",) else None
        if kind is not None:
            known = (_VOLTS_OF_KIND[kind["kind"]], *known[1:])
        digits = digits_of(found["number"])
        rate = _unit(found["rate"]) if found["rate"] else None
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


def _unit(spelling: str) -> str | None:
    """The unit ``spelling`` writes (:data:`_UNITS`), in its case or another of its own."""
    return _AS_WRITTEN.get(spelling) or _FOLDED.get(spelling.casefold())
