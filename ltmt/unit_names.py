"""The units qa's units check knows, and the ways English and German write each: ``mL``,
``ml``, ``millilitres`` and ``Milliliter`` are one unit, ``°C`` and ``Grad Celsius`` another.
:func:`unit_named` reads a spelling, in its own case or, where no other unit is so written,
another (``MG`` is ``mg``; ``L`` and ``l`` are both listed, the litre written both ways).

SI's symbols are case-sensitive: ``Mg`` is megagrams, not milligrams, ``Nm`` newton metres, not
nanometres. :func:`unit_meant` reads a spelling in another case than its unit's as a unit of
its own where that case spells another unit in SI, and as its unit where it spells none
(``kw``, ``db``, ``Kg``, German's ``Min.`` and ``Sek.`` written as nouns) or is in capitals
throughout (``MG`` in a text in capitals), so that the units check compares units by what they
mean and not by how carefully a text writes them.
"""

from __future__ import annotations

import re

# each unit by one name, and the ways English and German write it
UNITS: dict[str, tuple[str, ...]] = {
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
    "mW": ("mW", "milliwatt", "milliwatts", "Milliwatt"),
    "kW": ("kW", "kilowatt", "kilowatts", "Kilowatt"),
    "MW": ("MW", "megawatt", "megawatts", "Megawatt"),
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
_AS_WRITTEN = {spelling: unit for unit, spellings in UNITS.items() for spelling in spellings}


def _folded_spellings() -> dict[str, str]:
    """The spellings of two characters or more by their case-folded form, where that is one
    unit's alone (``MG``: ``mg``; ``mb`` is no unit: ``MB`` and ``mbar`` differ)."""
    units: dict[str, set[str]] = {}
    for spelling, unit in _AS_WRITTEN.items():
        units.setdefault(spelling.casefold(), set()).add(unit)
    return {folded: unit.pop() for folded, unit in units.items() if len(unit) == 1}


_FOLDED = {folded: unit for folded, unit in _folded_spellings().items() if len(folded) > 1}
_SPELLINGS = "|".join(re.escape(s) for s in sorted(_AS_WRITTEN, key=len, reverse=True))
# the characters a spelling begins with: looked at first, so that a position no unit can start
# at fails at once, not after trying each of the hundreds of spellings (a long line of numbers)
_FIRST = "".join(sorted({re.escape(spelling[0]) for spelling in _AS_WRITTEN}))
# one unit (no letter or digit right after it: not the "m" of "more", the "%" of "%ig")
UNIT = rf"(?=[{_FIRST}])(?:{_SPELLINGS})(?![^\W_])"

# SI's prefixes and the symbols of units they go before (and Nm, Wh, Ah, VA, which they do
# too), case-sensitive: ``m`` is milli and the metre, ``M`` mega; ``n`` nano, ``N`` the newton;
# ``s`` the second, ``S`` the siemens. Not the bit, the year, the hour or the day: a small
# letter of theirs is a careless text's more often than another unit (``db`` for ``dB``,
# ``Ma`` for ``mA``); nor a capital kilo (``Kg``, ``KHz``)
_SI_PREFIX = "(?:da|[qryzafpnµμmcdhkMGTPEZYRQ])"
_SI_SYMBOL = "(?:mol|cd|Hz|Pa|Wb|lm|lx|Bq|Gy|Sv|kat|bar|eV|Wh|Ah|VA|Nm|[mgsAKNJWCVFΩSTHlLtB])"
_SI_UNIT = re.compile(f"{_SI_PREFIX}?{_SI_SYMBOL}")


def unit_named(spelling: str) -> str | None:
    """The unit ``spelling`` writes (:data:`UNITS`), in its case or another of its own."""
    return _AS_WRITTEN.get(spelling) or _FOLDED.get(spelling.casefold())


def unit_meant(spelling: str) -> str | None:
    """The unit ``spelling`` writes, as :func:`unit_named` reads it, but a spelling in another
    case than its unit's that spells another unit in SI (:data:`_SI_UNIT`: a prefix and a
    symbol, case-sensitive) is that one, ``spelling`` itself: ``Mg`` (mega), not ``mg``; ``Nm``
    (newton metres), not ``nm``; ``mS`` (siemens), not ``ms``. A case that spells none says
    nothing (``kw``, ``db``, ``Kg``, ``KHz``, German's ``Min.`` and ``Sek.`` as nouns), and
    one in capitals throughout is a text's in capitals (``MG``, ``ML``, so ``MV`` for ``mV``
    passes too)."""
    unit = _AS_WRITTEN.get(spelling)
    if unit is not None:
        return unit
    unit = _FOLDED.get(spelling.casefold())
    if unit is None or spelling.isupper() or _SI_UNIT.fullmatch(spelling) is None:
        return unit
    return spelling
