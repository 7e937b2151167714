"""The numbers a translation keeps: every run of digits of its source, as often as there.

A German translation writes a software string's numbers as the English does: ``E351:``,
``(001..366)``, ``10*1024``, ``deb822``, ``%1$s`` (a decimal point becomes a comma, and each side
stays a run of digits). Of the dev users' 70 test lines with a number, the references keep every
one; kNN fusion's outputs lost one in 4 of them (``deb82``, ``1024`` for ``10*1024``: a match's
numbers read into the line), and a glossary line decoded again from its input lost ``E351:``
(session 31). So a fused or glossary-following output that keeps fewer of its source's numbers
than another output of the same line is the worse one (:mod:`ltmt.placeholder_guard`,
:func:`ltmt.terminology.constraints.output_shape`).
"""

from __future__ import annotations

import re
from collections import Counter

_DIGITS = re.compile(r"\d+")


def numbers_lost(source: str, output: str) -> int:
    """How many of ``source``'s runs of digits ``output`` lacks (counted with repeats)."""
    wanted = Counter(_DIGITS.findall(source))
    if not wanted:
        return 0
    return sum((wanted - Counter(_DIGITS.findall(output))).values())
