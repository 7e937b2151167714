"""qa's check of Mozilla's semicolon plural lists in legacy ``.properties`` files
(``#1 tab;#1 tabs``, :mod:`ltmt.formats.mozilla_plurals`): ``PluralForm.get`` picks a form by
its place, so a translation with another number of ``;``-separated forms (one sentence, as the
model wrote the list before it was translated form by form) shows its whole text for every
count, or the wrong form for some. Only in a file that holds such lists (metadata ``syntax``),
and for a source whose every form holds ``#1``: a ``;`` of other text is no separator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.mozilla_plurals import MOZILLA_PLURALS, plural_forms
from ltmt.wording import counted


def list_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Where ``source`` is a plural list: ``target``'s number of forms, if not the source's."""
    forms = plural_forms(source, announced=False) if _in_list_file(metadata) else None
    count = None if forms is None else forms.other_count(target)
    if forms is None or count is None:
        return []
    return [
        f"has {counted(count, 'form')} parted by ;, the source {len(forms.branches)}: "
        "PluralForm picks a form by the count (one form shows for every count); write as many"
    ]


def _in_list_file(metadata: Mapping[str, Any]) -> bool:
    return metadata.get("syntax") == MOZILLA_PLURALS
