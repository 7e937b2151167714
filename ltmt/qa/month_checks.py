"""qa's dates check, for dates written out: the month of a source's date (``Nov. 30, 2026``,
``30 November 2026``) that the translation writes as another (``30. Okt. 2026``,
``30.10.2026``): the digits are kept, so the numbers check passes it, and an expiry date is a
month off.

A month is read where it is a date's: its name (English or German, whole or abbreviated with a
full stop; as written or all in capitals, as a caption's ``NOVEMBER 9, 1989``) next to a number
(``May 5``, ``5. Mai``; not the verb of ``you may``), or the middle part of a German numeric
date (``30.10.2026``, ``30. 10. 2026``). A translation that writes no month where a number
of the date is lost too is left to the numbers check; one that keeps a
written date's day and year but loses its month (``until March 1, 2027`` as ``€19/month 1,
2027``: the numbers check passes it) is flagged by :func:`lost_months`, and a German month name
written in English's order (``März 1, 2027`` for ``1. März 2027``) by :func:`english_order`.
"""

from __future__ import annotations

import re
from collections import Counter

# each month's names, English and German, whole and abbreviated, by its number
_NAMES: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan.", "Januar", "Jänner"),
    2: ("February", "Feb.", "Februar"),
    3: ("March", "Mar.", "März", "Mär."),
    4: ("April", "Apr."),
    5: ("May", "Mai"),
    6: ("June", "Jun.", "Juni"),
    7: ("July", "Jul.", "Juli"),
    8: ("August", "Aug."),
    9: ("September", "Sep.", "Sept."),
    10: ("October", "Oct.", "Oktober", "Okt."),
    11: ("November", "Nov."),
    12: ("December", "Dec.", "Dezember", "Dez."),
}
# the names German alone writes (April, August ... are English's too)
_GERMAN: tuple[str, ...] = ("Januar", "Jänner", "Februar", "März", "Mär.", "Mai", "Juni")
_GERMAN += ("Juli", "Oktober", "Okt.", "Dezember", "Dez.")
_GERMAN += tuple(name.upper() for name in _GERMAN)
# as written, and in capitals (a caption's or card's ``NOVEMBER 9, 1989``)
_MONTH = {name: month for month, names in _NAMES.items() for name in names}
_MONTH |= {name.upper(): month for name, month in _MONTH.items()}
_NAME = "|".join(re.escape(name) for name in sorted(_MONTH, key=len, reverse=True))
# a month's name next to a number (``Nov. 30``, ``30. Oktober``, ``30 Nov.``), or a German
# numeric date's middle part (``30.10.2026``, spaced as Duden writes it too: ``30. 10. 2026``)
_DATED_MONTH = re.compile(
    rf"\b(?P<before>{_NAME})(?!\w)(?=,?\s\d)|(?<=\d)\.?\s(?P<after>{_NAME})(?!\w)"
    r"|\b\d{1,2}\.[ \u00a0\u202f]?(?P<numeric>\d{1,2})\.[ \u00a0\u202f]?\d{2,4}\b"
)
# a date written out with its year: ``March 1, 2027``, ``Mar. 1 2027``, ``1 March 2027``
_WRITTEN_DATE = re.compile(
    rf"\b(?P<month>{_NAME})(?!\w)\s(?P<day>\d{{1,2}}),?\s(?P<year>\d{{4}})(?!\d)"
    rf"|(?<![\d.,])(?P<day_first>\d{{1,2}})\.?\s(?P<month_after>{_NAME})(?!\w),?\s"
    r"(?P<year_after>\d{4})(?!\d)"
)

# a German month's name before its day and year: English's order (``März 1, 2027``)
_ENGLISH_ORDER = re.compile(
    rf"(?<![\w.])(?P<month>{'|'.join(map(re.escape, _GERMAN))})(?!\w)\s(?P<day>\d{{1,2}}),?\s"
    r"(?P<year>\d{4})(?!\d)"
)


def changed_months(source: str, target: str) -> list[tuple[str, str]]:
    """``(the source's month, the translation's)`` as written (``("Nov.", "Okt.")``) for each
    month of a date of ``source`` that ``target`` does not have, where ``target`` has a month
    of a date that ``source`` does not (module docstring); in ``source``'s order."""
    wanted, written = _months(source), _months(target)
    lacking = Counter(month for month, _ in wanted) - Counter(month for month, _ in written)
    spare = Counter(month for month, _ in written) - Counter(month for month, _ in wanted)
    changed = []
    for month, as_written in wanted:
        instead = next(((other, text) for other, text in written if spare[other] > 0), None)
        if lacking[month] > 0 and instead is not None:
            lacking[month] -= 1
            spare[instead[0]] -= 1
            changed.append((as_written, instead[1]))
    return changed


def _months(text: str) -> list[tuple[int, str]]:
    """The months of the dates of ``text``, each as ``(its number, as written)``."""
    months = []
    for found in _DATED_MONTH.finditer(text):
        name = found["before"] or found["after"]
        if name is not None:
            months.append((_MONTH[name], name))
        elif 1 <= int(found["numeric"]) <= 12:
            months.append((int(found["numeric"]), found["numeric"]))
    return months


def lost_months(source: str, target: str) -> list[str]:
    """Each date of ``source`` written out with its year (``March 1, 2027``, ``1 March
    2027``) whose day and year ``target`` has but whose month it writes nowhere, as
    ``source`` writes it (module docstring); a month ``target`` writes as another is
    :func:`changed_months`'s."""
    written = _months(target)
    if len(written) >= len(_months(source)):
        return []
    left = Counter(month for month, _ in written)
    lost = []
    for found in _WRITTEN_DATE.finditer(source):
        month = _MONTH[found["month"] or found["month_after"]]
        if left[month] > 0:
            left[month] -= 1
        elif all(
            re.search(rf"(?<![\d.,]){number}(?!\d)", target)
            for number in (found["day"] or found["day_first"], found["year"] or found["year_after"])
        ):
            lost.append(found.group())
    return lost


def english_order(target: str) -> list[tuple[str, str]]:
    """``(as written, in German's order)`` for each date of ``target`` that writes a German
    month's name before its day and year (``("März 1, 2027", "1. März 2027")``)."""
    return [
        (found.group(), f"{found['day']}. {found['month']} {found['year']}")
        for found in _ENGLISH_ORDER.finditer(target)
    ]
