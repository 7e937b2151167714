"""A source's US numeric dates and 12-hour times as the translation writes them, for the
numbers check: ``3/14/2024`` is ``14.03.2024``, ``14.3.2024`` or ``14. März 2024`` in German,
and ``2:30 PM`` is ``14:30`` (``14.30``; ``2 PM`` is ``14 Uhr``; ``12 AM`` is 0 o'clock,
``12 PM`` noon). Their digits differ (``3/14`` has a 3, ``14:30`` no 2), so a correctly
localised date or time read as lost numbers.

:func:`as_translated` writes each such date or time of the source as the translation does,
where the translation has one of its forms, so that the numbers check compares what is
there; one the translation writes in no such form stays, and is lost as before.

A 12-hour time whose digits the translation keeps as another time of day (``8:00``, ``8:00
Uhr`` or ``8:00 AM`` for ``8:00 PM``: :func:`ltmt.clock_times.times_changed`) passed that
comparison, its digits all there; :func:`time_problems` says it (``lacks the time 8:00 PM
(20:00)``): an evening dose reminder read as a morning one.
"""

from __future__ import annotations

import re

from ltmt.calendar_names import babel_locale
from ltmt.clock_times import times_changed

# month/day/year, not part of a path, a version or a longer run (``1/2/3/4``)
_US_DATE = re.compile(
    r"(?<![\w./-])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\w/]|[.,]\d)"
)
# a time on the 12-hour clock: ``2:30 PM``, ``2 pm``, ``11:05 a.m.``
_TWELVE_HOUR = re.compile(
    r"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?m\.?(?!\w)",
    re.IGNORECASE,
)


def as_translated(source: str, target: str, target_language: str = "de") -> str:
    """``source`` with each US date and 12-hour time written as ``target`` writes it (module
    docstring), the first of its forms ``target`` has; the others as they are."""
    source = _US_DATE.sub(
        lambda found: _written(found, _date_forms(found, target_language), target), source
    )
    return _TWELVE_HOUR.sub(lambda found: _written(found, _time_forms(found), target), source)


def time_problems(source: str, target: str) -> list[str]:
    """The 12-hour times of ``source`` that ``target`` writes as another time of day
    (:func:`~ltmt.clock_times.times_changed`), each said with its 24-hour form and how to write
    it: ``lacks the time 8:00 PM (20:00): ...; write 20:00 or 8:00 PM``."""
    return [
        f"lacks the time {time} ({_on_24_hour_clock(time)}): the translation writes its digits "
        f"as another time of day; write {_on_24_hour_clock(time)} or {time}"
        for time in times_changed(source, target)
    ]


def _on_24_hour_clock(time: str) -> str:
    """A 12-hour time as the 24-hour clock writes it: ``20:00`` for ``8 PM``, ``0:30`` for
    ``12:30 AM``, ``12:00`` for ``12 PM``."""
    found = _TWELVE_HOUR.fullmatch(time)
    if found is None:  # not one read by _TWELVE_HOUR: as written
        return time
    hour = int(found["hour"]) % 12 + (12 if found["half"].lower() == "p" else 0)
    return f"{hour}:{found['minute'] or '00'}"


def _written(found: re.Match[str], forms: list[str], target: str) -> str:
    """The first of ``forms`` that ``target`` writes as a number of its own, else ``found``."""
    for form in forms:
        if re.search(rf"(?<![\w.,:]){re.escape(form)}(?![\w:]|[.,]\d)", target):
            return form
    return found.group()


def _date_forms(found: re.Match[str], target_language: str) -> list[str]:
    """A US date's German forms: ``14.03.2024``, ``14.3.2024``, ``14. März 2024`` (the month's
    name in ``target_language``'s, where babel knows it); none for no date (``13/1/2024``)."""
    month, day, year = int(found["month"]), int(found["day"]), found["year"]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return []
    forms = [f"{day:02}.{month:02}.{year}", f"{day}.{month}.{year}"]
    locale = babel_locale(target_language)
    if locale is not None:
        forms.append(f"{day}. {locale.months['format']['wide'][month]} {year}")
    return forms


def _time_forms(found: re.Match[str]) -> list[str]:
    """A 12-hour time's 24-hour forms: ``14:30`` and ``14.30``, or ``14 Uhr`` and ``14:00``
    for a whole hour written without minutes (``2 PM``)."""
    hour = int(found["hour"]) % 12 + (12 if found["half"].lower() == "p" else 0)
    minute = found["minute"]
    if minute is None:
        return [f"{hour} Uhr", f"{hour}:00", f"{hour:02}:00"]
    return [f"{hour}:{minute}", f"{hour:02}:{minute}", f"{hour}.{minute}"]
