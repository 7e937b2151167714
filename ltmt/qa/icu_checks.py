"""What a translation changed of its ICU source's branching arguments, which ICU itself
accepts: an argument renamed or lost (``{Anzahl, plural, ...}`` for ``{count, plural, ...}``:
the program passes ``count``, so ICU throws or shows the ``other`` branch). ``ltmt qa``'s
``icu`` check (:func:`ltmt.qa.pair_checks.icu_problems`) says these beside what ICU rejects
(:func:`ltmt.formats.icu_messages.syntax_problem`).

    argument_problems("{count, plural, other {# files}}", "{Anzahl, plural, other {# Dateien}}")
    # ["renames the argument {count} to {Anzahl}: keep the source's name, which the program passes"]
"""

from __future__ import annotations

import re

from ltmt.formats.icu_messages import branching_heads


def argument_problems(source: str, target: str) -> list[str]:
    """The branching arguments of ``source`` (a valid ICU message) that ``target`` lacks or
    renamed, read from the heads even where ``target`` is no valid message (``andere`` for
    ``other``)."""
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
    return problems
