"""Whether a ``$`` and one digit is a positional reference (``$1``: a regex replacement's group, a
shell's or awk's field, a JavaScript ``replace`` argument) or an amount of money (``$5``).

Both write a dollar sign and a digit, and the placeholder inventory
(:mod:`ltmt.formats.placeholder_syntax`) read every ``$5`` as a reference: ``Fee: $5`` written
``Gebühr: 5 $`` was ``lacks $5``, and translate froze ``$5`` in the English position. A
reference is numbered from one, comes in sets (``$1 and $2``) or alone as ``$1``, and stands
in code (``{print $2}``); an amount is read so where (:func:`an_amount`):

- a magnitude follows it (``$5k``, ``$2M``, ``$3bn``, ``$3B``, finance's ``$5MM``, ``$1 million``);
- it is the text's only reference-like ``$`` and the text has another amount with a dollar
  sign (``$5 or $9.99``, ``$5 now, $1,000 later``);
- it is the text's only reference-like ``$``, its digit is not ``1`` (``Replace with $1`` is a
  group, as are ``$0`` and ``$1`` alone) and a space, a word's punctuation or the text's end
  follows it (``Fee: $5``, ``Get $5 back``, ``A $3 fee``; not ``{print $2}``).

A ``$`` with several digits or a decimal part (``$10``, ``$9.99``) is an amount already: the
reference pattern takes one digit alone.
"""

from __future__ import annotations

import re

# a ``$`` and one digit, as the reference pattern reads it, or a braced one (``${1}``)
_REFERENCE_LIKE = re.compile(r"(?<![\w$])\$(?:[0-9]|\{[0-9]\})(?![\d.,]\d|\d)")
# a dollar amount a reference cannot be: several digits, a decimal or thousands part, or a
# magnitude (``$10``, ``$9.99``, ``$1,000``, ``$5k``)
_AMOUNT = re.compile(r"(?<![\w$])\$(?:\d{2,}|\d[.,]\d|\d(?:MM|[kKmMB]|bn)\b)")
# a magnitude after the digit: thousand, million, billion
_MAGNITUDE = re.compile(r"(?:MM|[kKmMB]|bn|[ \u00a0](?:million|billion|thousand))\b")
# what may follow an amount in running text: a space, a word's punctuation, the end
_TEXT_AFTER = re.compile(r"(?:\s|[.,;:!?](?!\w)|$)")


def an_amount(text: str, start: int, end: int) -> bool:
    """Whether the ``$`` and digit at ``text[start:end]`` (``$5``) is an amount of money, not a
    positional reference (module docstring)."""
    if _MAGNITUDE.match(text, end):
        return True
    others = [m for m in _REFERENCE_LIKE.finditer(text) if m.start() != start]
    if any(not _MAGNITUDE.match(text, m.end()) for m in others):
        return False  # $1 and $2: a set of references
    if any(m.start() != start for m in _AMOUNT.finditer(text)):
        return True
    return text[start + 1] not in "01" and _TEXT_AFTER.match(text, end) is not None
