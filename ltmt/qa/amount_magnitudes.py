"""An amount a source writes short with a magnitude (``$5k``, ``$1.5k``, ``$2M``, ``$3bn``; in
a word, ``$5 thousand``) as the translation may write it out, for the numbers check: ``You have
a $5k daily limit`` written ``… 5.000 $`` keeps its amount, though ``5.000`` has digits ``5k``
lacks.

Where the translation writes the amount's value in full (``5.000``, ``5000``, ``1.500``;
:func:`written_out`), the source's short amount is read as that value (``$5,000``); where it
keeps the short form (``5k $``) or says the magnitude in words (``2 Mio. $``), the source is
read as it is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ltmt.currency_amounts import NUMBER, SIGN
from ltmt.qa.number_digits import digits_of

# a currency sign, an amount and its magnitude glued on (``$5k``, ``€1.5M``, ``$3bn``,
# ``$1.2B``, ``$5MM``) or in words (``$5 thousand``)
_SHORT = re.compile(
    rf"(?<![\w$])(?P<sign>{SIGN}[ \u00a0]?)(?P<number>\d+(?:\.\d+)?)"
    r"(?P<magnitude>MM|[kKmMB]|bn|[ \u00a0](?:thousand|million|billion))\b"
)
# what each magnitude multiplies by
_FACTORS = {
    **dict.fromkeys(("k", "K", "thousand"), 1_000),
    **dict.fromkeys(("m", "M", "MM", "million"), 1_000_000),
    **dict.fromkeys(("B", "bn", "billion"), 1_000_000_000),
}
_NUMBER = re.compile(rf"(?<![\w.,]){NUMBER}(?![.,]?\d)")


def written_out(source: str, target: str) -> str:
    """``source`` with each short amount (``$5k``) written in full as English writes it
    (``$5,000``) where ``target`` has a number of that value (``5.000``, ``5000``,
    ``5 000``); else as it is."""
    has = {digits_of(found.group()) for found in _NUMBER.finditer(target)}

    def full(short: re.Match[str]) -> str:
        value = Decimal(short.group("number")) * _FACTORS[short.group("magnitude").strip()]
        if value != value.to_integral_value() or digits_of(str(int(value))) not in has:
            return short.group()
        return f"{short.group('sign')}{int(value):,}"

    return _SHORT.sub(full, source)
