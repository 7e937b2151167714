"""Amounts of money in a line (``€5``, ``£8.50``, ``US$ 20``, ``5 €``) go to the model as tags,
and come back as written.

The shipped model has tokens for ``€``, ``£`` and ``¥`` and still lost them beside a number:
``It costs €5 or £8 today.`` → ``Es kostet heute 5 oder 8 £.``, ``¥300`` → ``auth300``
(session 56). An amount is a currency sign or code directly before or after a number (a space
between them allowed); as a tag (:func:`ltmt.pictographs.set_aside`, as a key combination or
quoted code goes) the model places it and cannot change it. It comes back in the source's
order: ``€5`` stays ``€5`` in German, which writes ``5 €`` in running text but reads both.
"""

from __future__ import annotations

import re

# currency signs, and the codes written as signs (US$, A$, CHF); a WebExtension message writes
# a dollar sign ``$$``
_SIGN = r"(?:\$\$|[A-Z]{1,2}\$|[$€£¥₹₽₩₪₺₫₴₦₱฿]|\bCHF\b)"
# a number: digits with thousands separators and decimals (1,234.50; 1.234,50; 20)
_NUMBER = r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
# a placeholder that stands for the number (€%1$s, $%.2f, %(price)s €, {price} €, {{total}} €,
# %{amount} €): the sign beside it was lost as beside a number (Preis: %1$s pro Monat)
_FIELD = (
    r"(?:%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?(?:ll|l|h|q)?[sdfiu@]|%\(\w+\)[sdf]|%\{\w+\}"
    r"|\{\{?\s*[\w.]+\s*\}\}?)"
)
_VALUE = rf"(?:{_NUMBER}|{_FIELD})"
_AMOUNT = re.compile(
    rf"(?<![\w$]){_SIGN}[ \u00a0]?{_VALUE}(?:[ \u00a0]?(?:k|m|bn)\b)?"
    rf"|(?<![\w.,]){_VALUE}[ \u00a0]?{_SIGN}(?![\w$])"
)


def amount_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each amount of money in ``line``."""
    return [(m.start(), m.end(), m.group()) for m in _AMOUNT.finditer(line)]
