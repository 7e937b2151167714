"""A number written as groups of digits split by single spaces, for the numbers check: a
two-factor code (``123 456``), a card number (``4242 4242 4242 4242``). The check reads runs
of digits, so ``123 456`` written ``123 465`` said ``lacks the number 456; has 123 465``: half
of one number lost beside the other whole.

:func:`said_whole` names such a number whole, on both sides, where the translation writes one
of the same groups too (``lacks the number 123 456; has 123 465``); a translation that writes
the number otherwise (``123456``) is compared by its runs, as before.
"""

from __future__ import annotations

import re

# groups of three or of four digits, each split from the next by one space, not part of a
# longer number (``1.234 567``) nor of a decimal (``123 456,50``)
_SPACED = re.compile(r"(?<![\d.,])(?:\d{3}(?: \d{3})+|\d{4}(?: \d{4})+)(?!\d|[.,]\d)")


def said_whole(
    lost: list[str], added: list[str], source: str, target: str
) -> tuple[list[str], list[str]]:
    """``lost`` (the numbers of ``source`` that ``target`` lacks, as said) and ``added`` (those
    of ``target`` that ``source`` lacks) with each run of digits of a spaced number said by that
    number whole, where ``target`` has a spaced number of the same groups that ``source`` has
    not (and ``source`` one that ``target`` has not): the one number changed, not its halves."""
    theirs, ours = _spaced(source), _spaced(target)
    gone = [n for n in theirs if n not in ours and _shape(n) in {_shape(m) for m in ours}]
    new = [n for n in ours if n not in theirs and _shape(n) in {_shape(m) for m in theirs}]
    return _wholes(lost, gone), _wholes(added, new)


def _spaced(text: str) -> list[str]:
    return _SPACED.findall(text)


def _shape(number: str) -> tuple[int, ...]:
    """The lengths of ``number``'s groups: ``123 456`` is (3, 3)."""
    return tuple(len(group) for group in number.split(" "))


def _wholes(said: list[str], numbers: list[str]) -> list[str]:
    """``said`` with a run of digits of one of ``numbers`` said by that number, each once."""
    out: list[str] = []
    for item in said:
        whole = next((n for n in numbers if item in n.split(" ")), item)
        if whole not in out:
            out.append(whole)
    return out
