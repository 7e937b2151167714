"""qa's check of SmartFormat's plurals and choices (:mod:`ltmt.formats.smart_format`): a
translation whose expression has another number of forms than the source's shows the wrong
form for some counts or choices (``{lives:plural:ein Leben|{} Leben| Leben}`` for
``{lives:plural:one life|{} lives}``). A changed head (``{lives:`` for ``{lives:plural:``) is
a placeholder lost, which the ``placeholders`` check reports. Unreal's argument modifiers
(:mod:`ltmt.formats.unreal_modifiers`) alike: ``{Count}|plural(one=Pfeil)`` lacks a form, and
one whose forms are all the source's (``gender(he,she)``) was left untranslated. A Smart
String whose braces do not balance as the source's (``{lives:plural:ein Leben|{} Leben.``, a
``}`` lost; ``{} Leben}}.``, one more) makes SmartFormat throw a parsing error in the game:
:func:`brace_problems`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ltmt.formats.smart_format import expressions, is_smart_string
from ltmt.formats.unreal_modifiers import modifiers
from ltmt.wording import counted


def smart_form_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Each SmartFormat expression of ``target`` whose number of forms is not that of the
    source's expression with the same head: ``{lives:plural: has 3 forms parted by |, the
    source 2: ...; write as many``, or a conditional whose forms' conditions (``>50?``) are
    not the source's; braces that do not balance as the source's
    (:func:`brace_problems`); and each Unreal modifier's (:func:`_modifier_problems`)."""
    wanted = {e.head: e for e in expressions(source)}
    problems = []
    for expression in expressions(target):
        original = wanted.get(expression.head)
        if original is None:
            continue
        count = len(original.forms)
        if count != len(expression.forms):
            problems.append(
                f"{expression.head} has {counted(len(expression.forms), 'form')} parted by |, "
                f"the source {count}: SmartFormat picks a form by the count or choice; "
                "write as many"
            )
        elif expression.conditions != original.conditions:
            problems.append(
                f"{expression.head} has the conditions {'|'.join(expression.conditions)}, the "
                f"source {'|'.join(original.conditions)}: SmartFormat picks a form by them; "
                "write the source's"
            )
    return problems + brace_problems(source, target) + _modifier_problems(source, target)


def brace_problems(source: str, target: str) -> list[str]:
    """Where ``source`` is a Smart String (:func:`~ltmt.formats.smart_format.is_smart_string`),
    a ``target`` with a ``{`` never closed or a ``}`` that closes none, where the source has
    fewer (SmartFormat's ``\\{`` and ``\\}`` are no braces)."""
    if not target.strip() or not is_smart_string(source):
        return []
    wanted, have = _unbalanced(source), _unbalanced(target)
    said = []
    if have[0] > wanted[0]:
        said.append(f"{_braces(have[0], '{')} never closed")
    if have[1] > wanted[1]:
        closes = "closes" if have[1] == 1 else "close"
        said.append(f"{_braces(have[1], '}')} that {closes} no '{{'")
    if not said:
        return []
    return [
        f"unbalanced braces in a Smart String: {' and '.join(said)}; SmartFormat cannot parse "
        "it: balance them as the source does"
    ]


def _braces(count: int, brace: str) -> str:
    return f"a '{brace}'" if count == 1 else f"{count} '{brace}'"


def _unbalanced(text: str) -> tuple[int, int]:
    """How many ``{`` of ``text`` are never closed, and how many ``}`` close none; a brace
    after a backslash is written as it is (SmartFormat's escape)."""
    depth = extra = 0
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == "}":
            extra += 1
    return depth, extra


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
