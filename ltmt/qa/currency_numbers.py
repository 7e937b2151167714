"""The currency of a source's amounts as the translation writes it, for the numbers check:
``Price: 25 € per month.`` written ``Preis: 25 pro Monat.`` keeps the number and loses what it
counts.

An amount of the source is a number with a currency sign, code or word directly before or after
it (``€25``, ``25 €``, ``USD 25``, ``25 euros``: :data:`_CURRENCIES`); the translation keeps its
currency where it writes the number with any sign, code or word of that currency before or
after it, as German does (``25 €``, ``25 Euro``, ``EUR 25``, ``€25``), after a word of magnitude
(``100 Milliarden Dollar`` for ``$100 billion``, ``3 Mio. britische Pfund``), hyphenated
(``30-Euro-Schein``), or after a range or list that ends with it (``10-20 €``, ``5, 10 oder 20
Euro``; a range with an en dash too). A number the translation lacks is
:func:`~ltmt.numbers_kept.lost_numbers`'; one it writes in another form (``25,00`` for ``25``)
is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from ltmt.currency_amounts import NUMBER
from ltmt.qa.number_digits import digits_of

# each currency by its sign: its signs and codes, its words, and the word German writes for it.
# English "pounds" is a weight too, so a source's pounds are not read as money
_CURRENCIES = {
    "€": (r"€|\bEUR\b", r"\b[Ee]uros?\b", "Euro"),
    "$": (
        r"\b[A-Z]{1,2}\$|\$|\b(?:USD|CAD|AUD|NZD|HKD|SGD)\b",
        r"\b(?:US[- ]?)?[Dd]ollars?\b",
        "Dollar",
    ),
    "£": (r"£|\bGBP\b", r"\bPfund\b", "Pfund"),
    "¥": (r"¥|\b(?:JPY|CNY|RMB)\b", r"\b[Yy]en\b|\b[Yy]uan\b", "Yen"),
    "CHF": (r"\bCHF\b|\bS?Fr\.", r"\bFranken\b|\b[Ff]rancs?\b", "Franken"),
}
_SIGNS = tuple(_CURRENCIES)
# any currency, each in a group of its own (c0 for €, ...): signs and codes alone, or words too
_CODES = "|".join(f"(?P<c{n}>{codes})" for n, (codes, _, _) in enumerate(_CURRENCIES.values()))
_ANY = "|".join(
    f"(?P<c{n}>{codes}|{words})" for n, (codes, words, _) in enumerate(_CURRENCIES.values())
)
# what stands between a number and its currency: nothing, a space, a no-break space
_GAP = "[ \u00a0\u202f]?"
# a source's currency before its number is a sign or a code (€25, USD 25; "Euro 6" is an
# emission standard), after it a word too (25 euros)
_BEFORE = re.compile(rf"(?:{_CODES}){_GAP}$")
_AFTER = re.compile(rf"{_GAP}(?:{_ANY})")
# a word of magnitude after a number (100 Milliarden, 2 Mio.), or its letter glued on (5k, 2M)
_MAGNITUDE = (
    r"(?:(?:Mio|Mrd|Mill|Tsd)\.|(?:Mio|Mrd|Million(?:en)?|Milliarden?|Billion(?:en)?|Tausend)\b"
    r"|(?<=\d)(?:[kKM]|bn)\b)"
)
_COUNTRY = r"(?:[a-zäöü]+e[nrs]?|Schweizer)"
# the translation's currency before its number, or after it, a word of magnitude and an
# adjective of the currency's country, or hyphenated (100 Milliarden Dollar, 2 Mio. britische
# Pfund, 30-Euro-Schein)
_BEFORE_IN_TARGET = re.compile(rf"(?:{_ANY}){_GAP}$")
_AFTER_IN_TARGET = re.compile(
    rf"[ \u00a0\u202f-]?(?:{_MAGNITUDE}[ \u00a0\u202f-])?(?:{_COUNTRY} )?(?:{_ANY})"
)
# a whole amount's German dash (10,- €, 10,-- €; an en dash too)
_WHOLE_DASH = r"(?:,[-\u2013]{1,2})?"
# a number, or in the translation a range or list of them (10-20, 10 bis 20, von 16 auf 12,
# 5, 10 oder 20, 2 Millionen bis 3 Millionen)
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![.,]?\d)")
_IN_RUN = rf"{NUMBER}{_WHOLE_DASH}(?:\s{_MAGNITUDE})?"
_RUN = re.compile(
    rf"(?<![\w.,]){_IN_RUN}"
    rf"(?:(?:\s?[-\u2013\u2014]\s?|,\s|\s(?:bis|und|oder|auf)\s){_IN_RUN})*"
    r"(?![.,]?\d)"
)


def currency_problems(source: str, target: str, said: Collection[str] = ()) -> list[str]:
    """Each amount of ``source`` (module docstring) whose number ``target`` writes, but fewer
    times with its currency, said with how to write it: ``lacks the currency € of 25: write
    it, 25 € or 25 Euro`` for ``25 €`` written ``25``; not the numbers ``said`` as written in
    ``source`` (an amount the numbers check says garbled already)."""
    kept: Counter[tuple[str, str]] = Counter()
    written: dict[str, str] = {}
    for run in _RUN.finditer(target):
        before = _sign(_BEFORE_IN_TARGET.search(target, 0, run.start()))
        after = _sign(_AFTER_IN_TARGET.match(target, run.end()))
        for number in _NUMBER.finditer(run.group()):
            digits = digits_of(number.group())
            written.setdefault(digits, number.group())
            for kept_sign in {sign for sign in (before, after) if sign is not None}:
                kept[kept_sign, digits] += 1
    problems = []
    for number in _NUMBER.finditer(source):
        found = _BEFORE.search(source, 0, number.start()) or _AFTER.match(source, number.end())
        sign, digits = _sign(found), digits_of(number.group())
        if found is None or sign is None or number.group() in said:
            continue
        if kept[sign, digits] > 0:
            kept[sign, digits] -= 1
        elif digits in written:
            currency, german = found.group().strip(" \u00a0\u202f"), written[digits]
            # a sign or a code as the source writes it; for a word (euros), the sign
            shown = currency if currency.isupper() or not currency.isalpha() else sign
            problems.append(
                f"lacks the currency {currency} of {number.group()}: write it, "
                f"{german} {shown} or {german} {_CURRENCIES[sign][2]}"
            )
    return problems


def _sign(found: re.Match[str] | None) -> str | None:
    """The sign of the currency a match of :data:`_BEFORE` or :data:`_AFTER` found."""
    if found is None:
        return None
    return next(sign for n, sign in enumerate(_SIGNS) if found.group(f"c{n}") is not None)
