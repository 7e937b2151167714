"""qa's check of Laravel's pipe plurals (``one apple|:count apples``, ``{0} none|[1,19]
some|[20,*] many``, :mod:`ltmt.formats.pipe_plurals`) in its JSON files: Laravel picks a form by
the count, by its interval where it has one, so a translation that lost a ``|`` (``ein Apfel,
:count Äpfel``) shows its whole text for every count, and one with another interval
(``[1,20]``) or none shows the wrong form for some counts. Its intervals are no numbers of the
text (:func:`ltmt.qa.number_checks.number_problems` leaves them out)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.pipe_plurals import LARAVEL, laravel_choices, written_forms
from ltmt.wording import counted, first_few


def is_laravel_plural(source: str, metadata: Mapping[str, Any]) -> bool:
    """Whether ``source`` is a plural of a Laravel JSON file (metadata ``syntax``)."""
    return metadata.get("syntax") == LARAVEL and laravel_choices(source) is not None


def form_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Where ``source`` is a Laravel plural: ``target``'s forms, if their number or their
    intervals are not the source's."""
    if not is_laravel_plural(source, metadata):
        return []
    wanted, have = written_forms(source), written_forms(target)
    if len(have) != len(wanted):
        return [
            f"has {counted(len(have), 'form')} parted by |, the source {len(wanted)}: Laravel "
            "picks a form by the count (one form shows for every count); write as many"
        ]
    changed = [
        f"{found or 'none'} for {interval}"
        for interval, found in zip(wanted, have, strict=True)
        if found != interval
    ]
    if not changed:
        return []
    return [
        f"changes the intervals of its forms ({first_few(changed)}): Laravel picks a form by "
        "them; keep the source's"
    ]
