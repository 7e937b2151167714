"""The no-break space between an amount and its currency (``9&nbsp;$``, ``24,95&nbsp;€``) that
``ltmt translate`` writes in German (:mod:`ltmt.currency_amounts`): in a text whose markup is
written as is (an HTML cell of a CSV table), it is the entity ``&nbsp;``, which the placeholders
check reads as one the source lacks; in an HTML file it is the character, and no finding."""

from __future__ import annotations

import re

from ltmt.currency_amounts import SIGN

NBSP = "&nbsp;"
# a number's last digit and a sign after it, or a sign and a number's first digit after it
# (fixed pieces and a bounded alternation: linear, no backtracking)
_AMOUNT_GAP = re.compile(rf"\d&nbsp;(?={SIGN})|{SIGN}&nbsp;(?=\d)")


def amount_gaps(text: str) -> int:
    """How many ``&nbsp;`` of ``text`` stand between an amount's number and its currency sign
    (``9&nbsp;$``, ``€&nbsp;5``)."""
    return len(_AMOUNT_GAP.findall(text))


def added_amount_gaps(source: str, target: str) -> int:
    """How many more such ``&nbsp;`` ``target`` has than ``source``: added as German writes an
    amount, no placeholder added."""
    return max(0, amount_gaps(target) - amount_gaps(source))
