"""The translations of a two-language catalog's entries (PO, Qt Linguist) as they come from a
run: keys ``N`` (entry N) and ``N#K`` (its plural form K), grouped by entry; and a plural's
forms, which may come in several calls, held until the entry has them all (a catalog must not
ship a plural half translated).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError

FORM = "#"


def by_entry(
    translations: Mapping[str, str],
    path: Path,
    entries: int,
    forms: int | None = None,
    what: str = "entry",
) -> dict[int, dict[int, str]]:
    """``translations`` by entry number, then form number; a key naming no entry of the
    ``entries`` (or no form below ``forms``, where given) is an :class:`InputError`."""
    found: dict[int, dict[int, str]] = {}
    for key, text in translations.items():
        number, _, form = key.partition(FORM)
        if not number.isdigit() or int(number) >= entries:
            raise InputError(f"{path}: no {what} {key!r} to fill")
        if form and not (form.isdigit() and (forms is None or int(form) < forms)):
            raise InputError(f"{path}: no plural form {key!r} to fill")
        found.setdefault(int(number), {})[int(form or 0)] = text
    return found


class WaitingForms:
    """Plural forms filled so far, by entry, until every form is there."""

    def __init__(self) -> None:
        self._forms: dict[int, list[str]] = {}

    def complete(
        self, entry: int, texts: Mapping[int, str], existing: list[str], count: int
    ) -> list[str] | None:
        """The entry's ``count`` forms once all are filled (``texts`` now, earlier calls', or
        the ``existing`` ones the catalog had), else None."""
        current = self._forms.setdefault(entry, (existing + [""] * count)[:count])
        for form, text in texts.items():
            current[form] = text
        if not all(current):
            return None
        return self._forms.pop(entry)


def target_strings(target: Any) -> list[str]:
    """The texts of a translate-toolkit unit's target: one, or a plural's forms (a
    ``multistring``); none where it has no target."""
    if target is None:
        return []
    strings = getattr(target, "strings", None)
    return [str(s) for s in strings] if strings is not None else [str(target)]
