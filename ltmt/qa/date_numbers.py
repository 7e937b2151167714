"""A source's US numeric dates and 12-hour times as the translation writes them, for the
numbers check: ``3/14/2024`` is ``14.03.2024``, ``14.3.2024`` or ``14. März 2024`` in German,
and ``2:30 PM`` is ``14:30`` (``14.30``; ``2 PM`` is ``14 Uhr``; ``12 AM`` is 0 o'clock,
``12 PM`` noon). Their digits differ (``3/14`` has a 3, ``14:30`` no 2), so a correctly
localised date or time read as lost numbers.

:func:`as_translated` writes each such date or time of the source as the translation does,
where the translation has one of its forms, so that the numbers check compares what is
there; one the translation writes in no such form stays, and is lost as before.

The times are :func:`ltmt.clock_times.times_as_written`'s, which the translator's own
number measures read too: ``16 Uhr``, ``16.00 Uhr`` and ``16:00`` are ``4 pm`` (and ``4:00
PM``), ``8 Uhr`` is ``8 AM``.

A 12-hour time whose digits the translation keeps as another time of day (``8:00``, ``8:00
Uhr`` or ``8:00 AM`` for ``8:00 PM``: :func:`ltmt.clock_times.times_changed`) passed that
comparison, its digits all there; :func:`time_problems` says it with the German form to write
(``lacks the time 8:00 PM: ...; write 20:00 Uhr``): an evening dose reminder read as a morning
one.
"""

from __future__ import annotations

import re

from ltmt.calendar_names import babel_locale
from ltmt.clock_times import changed_times, on_24_hour_clock, times_as_written

# month/day/year, not part of a path, a version or a longer run (``1/2/3/4``)
_US_DATE = re.compile(
    r"(?<![\w./-])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\w/]|[.,]\d)"
)
# a time German writes with a full stop between its hour and minutes (``20.00 Uhr``)
_DOTTED_TIME = re.compile(r"(?<![\w.,:])\d{1,2}\.[0-5]\d\s?Uhr(?![^\W\d_])")
# ... and with a colon (``20:00``)
_COLON_TIME = re.compile(r"(?<![\w.,:])\d{1,2}:[0-5]\d(?![\w:]|[.,]\d)")


def as_translated(source: str, target: str, target_language: str = "de") -> str:
    """``source`` with each US date and 12-hour time written as ``target`` writes it (module
    docstring), the first of its forms ``target`` has; the others as they are."""
    source = _US_DATE.sub(
        lambda found: _written(found, _date_forms(found, target_language), target), source
    )
    return times_as_written(source, target)


def time_problems(source: str, target: str) -> list[str]:
    """The 12-hour times of ``source`` that ``target`` writes as another time of day
    (:func:`~ltmt.clock_times.changed_times`), each said with its German 24-hour form, how to
    write it: ``lacks the time 8:00 PM: ...; write 20:00 Uhr`` (``20.00 Uhr`` where ``target``
    writes its times so: :func:`german_time`)."""
    return [
        f"lacks the time {time.group()}: the translation writes it as another time of day; "
        f"write {german_time(time, target)}"
        for time in changed_times(source, target)
    ]


def german_time(time: re.Match[str], target: str) -> str:
    """A 12-hour ``time`` (of :data:`~ltmt.clock_times.TWELVE_HOUR`) as German writes it on the
    24-hour clock, with ``Uhr``: ``20:00 Uhr`` for ``8:00 PM``, ``16 Uhr`` for ``4 pm``, ``0:30
    Uhr`` for ``12:30 AM``; the minutes after a full stop where ``target`` writes its times so
    (``20.00 Uhr``) and none with a colon."""
    hour = on_24_hour_clock(int(time["hour"]), time["half"].lower() == "p")
    if time["minute"] is None:
        return f"{hour} Uhr"
    dotted = _DOTTED_TIME.search(target) and not _COLON_TIME.search(target)
    return f"{hour}{'.' if dotted else ':'}{time['minute']} Uhr"


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
