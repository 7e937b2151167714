"""qa's checks of vue-i18n message files: a plural's number of choices, and the signs vue-i18n's
message compiler reads as syntax.

vue-i18n picks a plural's choice by its place (:mod:`ltmt.formats.pipe_plurals`), so a
translation with another number of choices shows the wrong one for some counts: ``keine
Notizen | {count} Notizen`` for ``no notes | one note | {count} notes`` says ``{count} Notizen``
for 1, and ``Datei`` for ``file | files`` says ``Datei`` for every count. Such a translation was
said to be missing, untranslated; it is a ``plurals`` error now (its reader pairs it whole:
:meth:`ltmt.formats.keyed_catalog.KeyedCatalog.paired_whole`).

vue-i18n reads a bare ``@`` as the start of a linked message (``@:key``, ``@.lower:key``) and
fails on one that is none (``hilfe@acme.de``, ``Abbrechen @ Ende``): the message shows
nothing, or the compiler's error; and a ``|`` parts a message into a plural's choices, so in a
message whose source has none (``Pflichtfeld | bitte ausfüllen``) it shows one part. Both are
written as literals (``{'@'}``, ``{'|'}``): ``vue`` errors, where the source has no such sign
itself.

Only in a file read as vue-i18n's (metadata ``syntax``:
:func:`ltmt.formats.pipe_plurals.may_be_vue_i18n`, the signal its pipe plurals are read by).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ltmt.formats.pipe_plurals import VUE_I18N, pipe_choices, plural_choices

# vue-i18n's literal interpolation (``{'@'}``, ``{'|'}``), whose sign is text
_LITERAL = re.compile(r"\{'[^'{}]*'\}")
# an @ that starts no linked message (``@:key``, ``@.lower:key``), with the word it is in
_BARE_AT = re.compile(r"\S*@(?!(?:\.[A-Za-z]+)?:)\S*")
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
    picked = _PICKED.get(1 if found is None else len(found.branches))
    how = f": {picked}" if picked else ", from its first three choices only"
    return [f"{problem} (vue-i18n picks a choice by the count{how}); write as many"]


def syntax_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The signs of ``target`` that vue-i18n reads as syntax where ``source`` has them as
    none: a bare ``@`` (module docstring), a ``|`` in a message whose source has none."""
    if not _is_vue(metadata):
        return []
    problems = []
    ats = _BARE_AT.findall(_LITERAL.sub(" ", target))
    if ats and not _BARE_AT.search(_LITERAL.sub(" ", source)):
        problems.append(
            f"has a bare @ ({ats[0]}), which vue-i18n reads as a linked message and fails on: "
            "write it {'@'}"
        )
    if "|" in _LITERAL.sub(" ", target) and "|" not in _LITERAL.sub(" ", source):
        problems.append(
            "has a | where the source has none, which vue-i18n reads as a plural's choices "
            "(it shows one part): write it {'|'}"
        )
    return problems
