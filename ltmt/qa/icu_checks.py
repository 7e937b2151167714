"""What a translation changed of its ICU source's branching arguments, which ICU itself
accepts: an argument renamed or lost (``{Anzahl, plural, ...}`` for ``{count, plural, ...}``:
the program passes ``count``, so ICU throws or shows the ``other`` branch), and a select's keys
translated (``männlich {...}`` for ``male {...}``: the program's value ``male`` matches no key
and falls to ``other``), and a plural's ``#`` moved outside its branches, where ICU prints it as
text. ``ltmt qa``'s ``icu`` check (:func:`ltmt.qa.pair_checks.icu_problems`)
says these beside what ICU rejects (:func:`ltmt.formats.icu_messages.syntax_problem`).

    argument_problems("{count, plural, other {# files}}", "{Anzahl, plural, other {# Dateien}}")
    # ["renames the argument {count} to {Anzahl}: keep the source's name, which the program passes"]
"""

from __future__ import annotations

import re

from ltmt.formats.icu_messages import (
    Unsupported,
    branch_keys,
    branching_arguments,
    branching_heads,
    number_moved_out,
)


def argument_problems(source: str, target: str) -> list[str]:
    """The branching arguments of ``source`` (a valid ICU message) that ``target`` lacks or
    renamed, read from the heads even where ``target`` is no valid message (``andere`` for
    ``other``), and, where it is one, the selects whose keys are not the source's."""
    wanted, have = branching_heads(source), branching_heads(target)
    problems = []
    for name, kind in wanted.items():
        if name in have or re.search(rf"\{{\s*{re.escape(name)}\s*[,}}]", target):
            continue
        others = [other for other, its_kind in have.items() if its_kind == kind]
        renamed = [other for other in others if other not in wanted]
        if renamed:
            problems.append(
                f"renames the argument {{{name}}} to {{{renamed[0]}}}: keep the source's name, "
                "which the program passes"
            )
        else:
            problems.append(f"lacks {{{name}}}")
    return (
        problems + _select_key_problems(source, target) + _number_outside_problems(source, target)
    )


def _select_key_problems(source: str, target: str) -> list[str]:
    """Each select of ``source`` whose keys ``target`` translated: a key the source lacks
    where ``target`` also lacks one of the source's (``männlich`` for ``male``; the keys are
    the values the program passes, not words to translate). A key added beside all of the
    source's (``female`` beside ``male``, ``other``) or one dropped (its value falls to
    ``other``) is the translator's to write; the keys of a select's nested repeats (one in
    each plural branch) are compared together."""
    try:
        wanted, have = branching_arguments(source), branching_arguments(target)
        wanted_keys, have_keys = branch_keys(source), branch_keys(target)
    except Unsupported:  # the syntax check says what ICU rejects
        return []
    problems = []
    for name, argument in wanted.items():
        theirs = have.get(name)
        if argument.kind != "select" or theirs is None or theirs.kind != "select":
            continue
        keys, their_keys = wanted_keys[name], have_keys[name]
        added = [key for key in their_keys if key not in keys and key != "other"]
        if added and any(key not in their_keys for key in keys):
            problems.append(
                f"select {{{name}}} has the keys {', '.join(their_keys)} for the source's "
                f"{', '.join(keys)}: keep the source's keys, the values the program passes"
            )
    return problems


def _number_outside_problems(source: str, target: str) -> list[str]:
    """A ``#`` that ``target`` writes outside its plural's branches where ``source`` has none
    there (:func:`~ltmt.formats.icu_messages.number_moved_out`): ICU prints it as it stands."""
    if not number_moved_out(source, target):
        return []
    return [
        "has '#' outside its plural's branches, where ICU prints it as it stands (a literal "
        "'#', not the number): move it into the branches"
    ]
