"""qa's check of a Ren'Py translation file's strings: the variables Ren'Py interpolates.

In a Ren'Py string every ``[name]`` is a variable Ren'Py writes its value in (``You have [gold]
gold.``), and a bracket of the text is written ``[[``. The placeholder inventory reads only a
name of a code's shape as one (``[player_name]``, ``[name!t]``: elsewhere ``[options]`` is a
command line's words), so a translation that lost ``[gold]`` passed, and one that wrote a
source's ``[[this]`` as ``[this]`` makes Ren'Py look for a variable ``this`` and fail. The
other markup is the placeholder check's (``placeholders``: a text tag lost or unbalanced,
``{{`` written ``{{{``).

Only in a file read as Ren'Py's (metadata ``syntax``: :data:`~ltmt.formats.renpy_strings.RENPY`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.formats.renpy_strings import RENPY

# an escaped bracket, or a variable's interpolation (``[gold]``, ``[player.name!t]``)
_BRACKETS = re.compile(r"\[\[|\[([^\[\]\n]*)\]")


def _variables(text: str) -> Counter[str]:
    """The interpolations of ``text`` as written (``[gold]``), its escaped brackets aside."""
    return Counter(f"[{found[1]}]" for found in _BRACKETS.finditer(text) if found[1] is not None)


def variable_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """In a Ren'Py file, the variables ``target`` lacks or adds beside ``source``'s, but those
    the placeholder check names (:func:`~ltmt.formats.placeholder_syntax.find_placeholders`)."""
    if metadata.get("syntax") != RENPY:
        return []
    named = {p.text for p in find_placeholders(source)} | {
        p.text for p in find_placeholders(target)
    }
    wanted, have = _variables(source), _variables(target)
    lost = [text for text in wanted - have if text not in named]
    added = [text for text in have - wanted if text not in named]
    problems = [f"lacks {text}, the variable whose value Ren'Py shows there" for text in lost]
    problems += [
        f"has {text}, which Ren'Py reads as a variable the source does not have: write a "
        f"bracket of the text as [[ ({text.replace('[', '[[', 1)})"
        for text in added
    ]
    return problems
