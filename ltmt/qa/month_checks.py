"""qa's dates check, for dates written out: the month of a source's date (``Nov. 30, 2026``,
``30 November 2026``) that the translation writes as another (``30. Okt. 2026``,
``30.10.2026``): the digits are kept, so the numbers check passes it, and an expiry date is a
month off.

A month is read where it is a date's: its name (English or German, whole or abbreviated with a
full stop) next to a number (``May 5``, ``5. Mai``; not the verb of ``you may``), or the middle
part of a German numeric date (``30.10.2026``). A translation that writes no month is not
flagged: the numbers check sees a date lost.
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
_MONTH = {name: month for month, names in _NAMES.items() for name in names}
_NAME = "|".join(re.escape(name) for name in sorted(_MONTH, key=len, reverse=True))
# a month's name next to a number (``Nov. 30``, ``30. Oktober``, ``30 Nov.``), or a German
# numeric date's middle part (``30.10.2026``)
_DATED_MONTH = re.compile(
    rf"\b(?P<before>{_NAME})(?!\w)(?=,?\s\d)|(?<=\d)\.?\s(?P<after>{_NAME})(?!\w)"
    r"|\b\d{1,2}\.(?P<numeric>\d{1,2})\.\d{2,4}\b"
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
