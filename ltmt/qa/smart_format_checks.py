"""qa's check of SmartFormat's plurals and choices (:mod:`ltmt.formats.smart_format`): a
translation whose expression has another number of forms than the source's shows the wrong
form for some counts or choices (``{lives:plural:ein Leben|{} Leben| Leben}`` for
``{lives:plural:one life|{} lives}``). A changed head (``{lives:`` for ``{lives:plural:``) is
a placeholder lost, which the ``placeholders`` check reports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.smart_format import expressions
from ltmt.wording import counted


def smart_form_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Each SmartFormat expression of ``target`` whose number of forms is not that of the
    source's expression with the same head: ``{lives:plural: has 3 forms parted by |, the
    source 2: ...; write as many``."""
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
    return problems
