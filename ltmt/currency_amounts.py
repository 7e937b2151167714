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
SIGN = r"(?:\$\$|[A-Z]{1,2}\$|[$€£¥₹₽₩₪₺₫₴₦₱฿]|\bCHF\b)"
# a number: digits with thousands separators and decimals (1,234.50; 1.234,50; 20); the qa
# numbers check reads an amount's number so too (ltmt.qa.currency_numbers)
NUMBER = r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
# a placeholder that stands for the number (€%1$s, $%.2f, %(price)s €, {price} €, {{total}} €,
# %{amount} €): the sign beside it was lost as beside a number (Preis: %1$s pro Monat)
_FIELD = (
    r"(?:%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?(?:ll|l|h|q)?[sdfiu@]|%\(\w+\)[sdf]|%\{\w+\}"
    r"|\{\{?\s*[\w.]+\s*\}\}?)"
)
_VALUE = rf"(?:{NUMBER}|{_FIELD})"
_AMOUNT = re.compile(
    rf"(?<![\w$]){SIGN}[ \u00a0]?{_VALUE}(?:[ \u00a0]?(?:k|m|bn)\b)?"
    rf"|(?<![\w.,]){_VALUE}[ \u00a0]?{SIGN}(?![\w$])"
)


# a currency's ISO code or name written beside an amount (EUR 10,000.00; 10.000 Euro): with the
# signs, what says a number is money (:func:`beside_currency`)
_CURRENCY = (
    rf"(?:{SIGN}|\b(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|CNY|INR|BRL"
    r"|MXN|ZAR|RUB|TRY|Euros?|euros?|Dollars?|dollars?|Pfund|pounds?|Franken|francs?|Yen)\b)"
)
_CURRENCY_BEFORE = re.compile(rf"{_CURRENCY}[ \u00a0]?$")
_CURRENCY_AFTER = re.compile(rf"[ \u00a0]?{_CURRENCY}")


def beside_currency(line: str, start: int, end: int) -> bool:
    """Whether the number at ``line[start:end]`` has a currency sign, code or name directly
    before or after it (``EUR 2,500.00``, ``2.500 Euro``, ``$1,500.00``, ``1.500 $``)."""
    return bool(_CURRENCY_BEFORE.search(line, 0, start) or _CURRENCY_AFTER.match(line, end))


def amount_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each amount of money in ``line``."""
    return [(m.start(), m.end(), m.group()) for m in _AMOUNT.finditer(line)]
