"""qa's precision check: a printf floating-point conversion whose precision the translation
changed (``%.1f`` → ``%.2f``; Go's ``%2f``, a width, for ``%.2f``). The placeholders check
ignores a conversion's width and precision on purpose (``%-12s`` → ``%-28s``: a column made
wider), but a float's precision is how many decimals the program shows.

A conversion is paired with the translation's of the same argument (its number, ``%1$.2f``,
else its place among the unnumbered ones) and letter (``f``, ``e``, ``g``, ``a``, either case);
where either side has another count of them, the placeholders check speaks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.wording import first_few

# a printf float conversion: argument number, flags, width, precision, length, letter
_FLOAT = re.compile(
    r"%(?P<argument>[1-9]\d*\$)?[-+#0' ]*\d*(?:\.(?P<precision>\d*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<letter>[fFeEgGaA])"
)


def precision_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """The float conversions of ``source`` that ``target`` writes with another precision (a
    precision left out is the default, six decimals in C and Go)."""
    wanted, have = _floats(source), _floats(target)
    changed = [
        f"{written} for {original}"
        for key, originals in wanted.items()
        if len(have.get(key, [])) == len(originals)
        for (original, before), (written, after) in zip(originals, have[key], strict=True)
        if before != after
    ]
    if not changed:
        return []
    return [f"writes {first_few(changed)}: another number of decimals; keep the source's precision"]


def _floats(text: str) -> dict[str, list[tuple[str, int | None]]]:
    """The float conversions of ``text`` by argument and letter: each as written, with its
    precision (``None``: none written; ``%.f`` is 0)."""
    found: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for placeholder in find_placeholders(text):
        match = _FLOAT.fullmatch(placeholder.text)
        if match is None:
            continue
        precision = match["precision"]
        key = (match["argument"] or "") + match["letter"].lower()
        found[key].append((placeholder.text, None if precision is None else int(precision or 0)))
    return found
