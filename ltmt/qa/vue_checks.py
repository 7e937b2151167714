"""qa's checks of vue-i18n message files: a plural's number of choices.

vue-i18n picks a plural's choice by its place (:mod:`ltmt.formats.pipe_plurals`), so a
translation with another number of choices shows the wrong one for some counts: ``keine
Notizen | {count} Notizen`` for ``no notes | one note | {count} notes`` says ``{count} Notizen``
for 1, and ``Datei`` for ``file | files`` says ``Datei`` for every count. Such a translation was
said to be missing, untranslated; it is a ``plurals`` error now (its reader pairs it whole:
:meth:`ltmt.formats.keyed_catalog.KeyedCatalog.paired_whole`).

Only in a file read as vue-i18n's (metadata ``syntax``:
:func:`ltmt.formats.pipe_plurals.may_be_vue_i18n`, the signal its pipe plurals are read by).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.pipe_plurals import VUE_I18N, pipe_choices, plural_choices

# which choice vue-i18n shows for which count, by the number of choices
_PICKED = {
    1: "every count shows it",
    2: "1 shows the first, any other count the second",
    3: "0 shows the first, 1 the second, more the third",
}


def _is_vue(metadata: Mapping[str, Any]) -> bool:
    return metadata.get("syntax") == VUE_I18N


def choice_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Where ``source`` is a vue-i18n plural and ``target`` has another number of choices:
    ``has 2 choices, the source 3 (vue-i18n picks a choice by the count: ...)``."""
    choices = plural_choices(source) if _is_vue(metadata) else None
    problem = None if choices is None else choices.count_problem(target)
    if problem is None:
        return []
    found = pipe_choices(target)
    picked = _PICKED.get(1 if found is None else len(found.branches), "")
    return [f"{problem} (vue-i18n picks a choice by the count: {picked}); write as many"]
