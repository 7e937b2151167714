"""qa's check of SmartFormat's plurals and choices (:mod:`ltmt.formats.smart_format`): a
translation whose expression has another number of forms than the source's shows the wrong
form for some counts or choices (``{lives:plural:ein Leben|{} Leben| Leben}`` for
``{lives:plural:one life|{} lives}``). A changed head (``{lives:`` for ``{lives:plural:``) is
a placeholder lost, which the ``placeholders`` check reports. Unreal's argument modifiers
(:mod:`ltmt.formats.unreal_modifiers`) alike: ``{Count}|plural(one=Pfeil)`` lacks a form, and
one whose forms are all the source's (``gender(he,she)``) was left untranslated."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.smart_format import expressions
from ltmt.formats.unreal_modifiers import modifiers
from ltmt.wording import counted


def smart_form_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Each SmartFormat expression of ``target`` whose number of forms is not that of the
    source's expression with the same head: ``{lives:plural: has 3 forms parted by |, the
    source 2: ...; write as many``; and each Unreal modifier's (:func:`_modifier_problems`)."""
    wanted = {e.head: len(e.forms) for e in expressions(source)}
    problems = []
    for expression in expressions(target):
        count = wanted.get(expression.head)
        if count is not None and count != len(expression.forms):
            problems.append(
                f"{expression.head} has {counted(len(expression.forms), 'form')} parted by |, "
                f"the source {count}: SmartFormat picks a form by the count or choice; "
                "write as many"
            )
    return problems + _modifier_problems(source, target)


def _modifier_problems(source: str, target: str) -> list[str]:
    """Each Unreal modifier of ``target`` with another number of forms than the source's of
    the same argument and name, or with the source's forms as they are."""
    wanted = {(m.argument, m.name): m.forms for m in modifiers(source)}
    problems = []
    for modifier in modifiers(target):
        forms = wanted.get((modifier.argument, modifier.name))
        head = f"{modifier.argument}|{modifier.name}("
        if forms is None:
            continue
        if len(forms) != len(modifier.forms):
            problems.append(
                f"{head} has {counted(len(modifier.forms), 'form')}, the source "
                f"{len(forms)}: Unreal picks a form by the count or gender; write as many"
            )
        elif modifier.forms == forms and any(c.isalpha() for c in "".join(forms)):
            problems.append(
                f"{head} keeps the source's forms ({', '.join(forms)}): write each in the "
                "target language"
            )
    return problems
