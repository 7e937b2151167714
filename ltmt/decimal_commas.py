"""German's decimal comma for the quantities a translation writes with English's decimal point.

English writes a quantity's decimals after a point (``0.1 mL/h``, ``37.5 °C``, ``$0.99``);
German, Swiss and Liechtenstein German aside, after a comma (``0,1 mL/h``), and reads a point
as the mark that groups thousands (``1.250 kg`` is one thousand two hundred and fifty). The
model copies a number it does not know how to write, point and all, more often than not
(``Das Gerät wiegt 1.25 kg.``), and qa then warns of each one (its numbers check).

:func:`measured_decimals` finds the quantities a line writes with one decimal point and no
thousands separator: a number with a unit, a percent sign or a factor after it (``2.3 MB``,
``4.25%``, ``1.5x``) or a currency beside it (``$0.99``). Not a version, a time or a
reference (``Python 3.11``, ``at 10.30``, ``Section 4.2``: nothing measured after them), an IP
or a dotted code (``192.168.0.1``, ``2.3.1``, ``A1.2``), nor a number glued to code (``x=1.5``,
``%1.2f``, ``{0:0.00}``, ``/v1.2``). :func:`german_decimal_commas` writes, in a translation,
each of its source's quantities that it has as written and measured the same way with a comma
(``Das Gerät wiegt 1,25 kg.``); a number the translation writes with no unit beside it is left
as it is (``Version 2.5`` beside ``2.5 MB``), as is a translation that is its source written
again (left in English: qa's ``copied`` check says it).
"""

from __future__ import annotations

import re

from ltmt.copied_sentences import written_again
from ltmt.currency_amounts import beside_currency, swapped_marks
from ltmt.formats.common import same_language
from ltmt.unit_names import UNIT

# what follows a quantity, not a reference: a unit (``1.5 m``), or a factor (``2.5 times``,
# ``2.5x``, ``1.5-fold``)
MEASURED = rf"\s?(?:{UNIT}|times\b|x\b|-?fold\b)"
# a number with one decimal point and no thousands separator, as English writes it (``0.99``),
# standing alone: not a version's or an IP's part (``2.3.1``), nor glued to a word or code
# (``v2.3``, ``A1.2``, ``x=1.5``, ``%1.2f``, ``{0:0.00}``, ``/v1.2``)
DECIMAL_POINT = re.compile(r"(?<![\w.,/=:%#@\\])\d+\.\d+(?![.,]?\d|\.\w)")
_MEASURED_AFTER = re.compile(MEASURED)

# the German locales that group an amount's thousands with U+2019 and mark its decimals with a point
_SWISS = ("de-ch", "de-li")


def measured_decimals(line: str) -> list[re.Match[str]]:
    """The numbers of ``line`` that are quantities written with an English decimal point (module
    docstring), in order."""
    return [
        found
        for found in DECIMAL_POINT.finditer(line)
        if _MEASURED_AFTER.match(line, found.end()) or beside_currency(line, *found.span())
    ]


def writes_decimal_point(language: str | None) -> bool:
    """Whether ``language`` is Swiss or Liechtenstein German, which marks decimals with a point."""
    return bool(language) and str(language).replace("_", "-").casefold() in _SWISS


def writes_decimal_comma(language: str | None) -> bool:
    """Whether ``language`` is a German that marks decimals with a comma (not Swiss German)."""
    return same_language(str(language or ""), "de") and not writes_decimal_point(language)


def german_decimal_commas(source: str, output: str) -> str:
    """``output`` with each quantity of ``source``'s written with a decimal point (``1.25 kg``)
    that it writes the same, measured too, written with German's comma (``1,25 kg``); unchanged
    where it is ``source`` written again."""
    wanted = {found.group() for found in measured_decimals(source)}
    if not wanted or written_again(source, output):
        return output
    pieces, start = [], 0
    for found in measured_decimals(output):
        if found.group() in wanted:
            pieces += [output[start : found.start()], swapped_marks(found.group())]
            start = found.end()
    return "".join(pieces) + output[start:] if pieces else output
