"""A number of a source and of its translation as qa's checks compare them: its digits alone.

English and German group and point a number apart (``1,299.99``, ``1.299,99``, ``1 000``), so
its digits are what both write alike. Leading zeros stay: ``0.5`` is not ``5`` (the units
check read ``5 mg and 0.5 g`` written ``0,5 mg und 5 g`` as nothing changed).
"""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")


def digits_of(number: str) -> str:
    """``number``'s digits, in order, without its separators: ``1,299.99``, ``1.299,99`` and
    ``1 299.99`` are ``129999``; ``0.5`` is ``05``."""
    return "".join(_DIGIT.findall(number))
