"""Amounts of money in a line (``€5``, ``£8.50``, ``US$ 20``, ``5 €``) go to the model as tags,
and come back in the target language's form.

The shipped model has tokens for ``€``, ``£`` and ``¥`` and still lost them beside a number:
``It costs €5 or £8 today.`` → ``Es kostet heute 5 oder 8 £.``, ``¥300`` → ``auth300``
(session 56). An amount is a currency sign or code directly before or after a number (a space
between them allowed); as a tag (:func:`ltmt.pictographs.set_aside`, as a key combination or
quoted code goes) the model places it and cannot change it. In German it comes back as German
writes it (:func:`written_in`): the number in German's form, the sign after it with a no-break
space, as DIN 5008 and CLDR's ``de`` locale write currency (Babel:
``format_currency(1234.56, 'USD', locale='de_DE')`` is ``'1.234,56\xa0$'``): ``$1,234.56`` →
``1.234,56 $``, ``€0.99`` → ``0,99 €``, ``-$25.00`` → ``-25,00 $``, ``$%.2f`` → ``%.2f $``.
Austrian, Swiss and Liechtenstein German write the sign first (CLDR: ``$ 1.234,56``, ``$
1'234.56``), and keep the source's form; so does any other target language, and so does a
bare ``$`` that code may have written (``parameter $%d``, ``Only $sp or $15``:
:func:`_surely_money`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ltmt.formats.common import primary_language
from ltmt.formats.dollar_references import an_amount

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
# the argument number of a positional printf conversion (the ``2$`` of ``%2$@``, ``%3$.1f``,
# ``%1$-5d``), which is no amount: as one it went to the model as a tag, which garbled the
# conversion (``%2$@ (%3$.1f mg)`` → ``%<x1/>@<x2/>.1f mg)`` → ``%2$@3$.1f mg)``)
_ARGUMENT_NUMBER = r"(?<=%)\d+\$"
_AMOUNT = re.compile(
    rf"(?<![\w$])(?P<sign>{SIGN})[ \u00a0]?(?P<value>{_VALUE})"
    r"(?P<magnitude>[ \u00a0]?(?:k|m|bn)\b|(?:K|MM|M|B)\b)?"
    rf"|(?<![\w.,])(?!{_ARGUMENT_NUMBER})(?P<number>{_VALUE})(?P<space>[ \u00a0]?){SIGN}(?![\w$])"
)
# the German regions that write an amount's sign first (CLDR de_AT, de_CH, de_LI)
_SIGN_FIRST_REGIONS = ("at", "ch", "li")
# a magnitude glued to an amount (``$5k``, ``$1.5m``, ``$2bn``; in capitals, ``$500K``,
# ``$1.5M``, ``$1.2B``, finance's ``$5MM``) as German writes it: a thousand written out
# (``5.000 $``; German has no "k"), millions and billions in words
_MAGNITUDES = {"k": "", "K": "", "m": "Mio.", "M": "Mio.", "MM": "Mio.", "bn": "Mrd.", "B": "Mrd."}
# a magnitude in words after an amount (``$5 million``): German writes the number word before
# the sign (``5 Millionen $``, ``1 Million $``), a thousand written out as ``$5k`` is
_NUMBER_WORD = re.compile(r"[ \u00a0](million|billion|thousand)\b")
_NUMBER_WORDS = {"million": "Millionen", "billion": "Milliarden", "thousand": ""}
_ONE = {"Millionen": "Million", "Milliarden": "Milliarde"}
# what joins two amounts of one sign into a range (``$5-$10``; ``$1,000 \u2013 $2,000``, an en
# dash): German writes the sign once, after the second, with an en dash between the numbers
# (Duden, DIN 5008: ``5\u201310 €``), which ``ltmt qa`` reads as two numbers, not a minus
_RANGE_DASH = re.compile(r"-|[ \u00a0]?\u2013[ \u00a0]?")
_EN_DASH = "\u2013"
# a range whose second number has no sign of its own (``$5-10``, ``$5 \u2013 10``): one sign,
# as German writes it (``5\u201310 $``); not a number that a sign, a letter or a point follows
_BARE_RANGE_END = re.compile(
    rf"(?:-|[ \u00a0]?\u2013[ \u00a0]?)(?P<number>{NUMBER})(?![\w$\u00a0€£¥]|[.,]\d)"
)
# a ``$`` that names a variable or register (``$sp``, ``$TMPDIR``, ``${name}``): a line with one
# uses ``$`` as code does, and its ``$15`` is as likely a register as money
_DOLLAR_VARIABLE = re.compile(r"(?<![\w$])\$(?=[A-Za-z_{(])")
# a printf conversion of a decimal number (``%.2f``, ``%1$.2f``): after a ``$``, a price; a
# ``$%d``, ``$%s`` is as likely a parameter (PostgreSQL's ``parameter $%d``) or a variable
_FLOAT_FIELD = re.compile(r"%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?[fF]")
# a number that reads one way in English and another in German (``1.234``: one and a bit, or a
# thousand and more): written with the sign after it, German's order, it is kept as written
_READS_EITHER_WAY = re.compile(r"\d{1,3}\.\d{3}")


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


def amount_spans(line: str, language: str = "") -> list[tuple[int, int, str]]:
    """``(start, end, written)`` of each amount of money in ``line``, ``written`` as
    ``language`` writes it (:func:`written_in`; ``""``: as the line has it). Where that is
    German's form, an amount takes a number word after it (``$5 million`` → ``5 Millionen
    $``), and two of one sign joined by a dash are one range (``$5-$10`` → ``5\u201310 $``), as
    is one and a bare number after a dash (``$5-10``)."""
    spans: list[tuple[int, int, str]] = []
    signs: list[str | None] = []  # each span's sign where it is written in German's form
    for amount in _AMOUNT.finditer(line):
        start, end, written = amount.start(), amount.end(), written_in(amount, language)
        sign = amount.group("sign") if written != amount.group() else None
        if sign is not None:
            end, written = _with_number_word(amount, end, written)
            end, written = _with_bare_range_end(amount, end, written, sign)
        joined = sign is not None and signs and signs[-1] == sign
        if joined and _RANGE_DASH.fullmatch(line, spans[-1][1], start):
            start, _, first = spans.pop()
            signs.pop()
            written = first.removesuffix("\u00a0" + str(sign)) + _EN_DASH + written
        spans.append((start, end, written))
        signs.append(sign)
    return spans


def _with_bare_range_end(
    amount: re.Match[str], end: int, written: str, sign: str
) -> tuple[int, str]:
    """``(end, written)`` of ``amount`` (in German's form ``written``, its ``sign`` last) with
    the bare number of a range after it (``$5-10`` → ``5\u201310 $``; it was ``5 $-10``), where
    one follows and the amount has no magnitude."""
    bare = _BARE_RANGE_END.match(amount.string, end)
    if bare is None or amount.group("magnitude") or not written.endswith("\u00a0" + sign):
        return end, written
    first = written.removesuffix("\u00a0" + sign)
    return bare.end(), f"{first}{_EN_DASH}{german_number(bare['number'])}\u00a0{sign}"


def _with_number_word(amount: re.Match[str], end: int, written: str) -> tuple[int, str]:
    """``(end, written)`` of ``amount`` (of :data:`_AMOUNT`, in German's form ``written``)
    with the number word after it (``$5 million`` → ``5 Millionen $``), where one follows."""
    word = _NUMBER_WORD.match(amount.string, end)
    if word is None or amount.group("magnitude"):
        return end, written
    magnified = _magnified(amount.group("value"), _NUMBER_WORDS[word.group(1)], amount["sign"])
    return (word.end(), magnified) if magnified is not None else (end, written)


def written_in(amount: re.Match[str], language: str) -> str:
    """An English ``amount`` (of :data:`_AMOUNT`) as ``language`` writes it: in German (but
    Austrian, Swiss and Liechtenstein German) the number in German's form
    (:func:`german_number`) and the sign after it with a no-break space (``1.234,56\xa0$``),
    a placeholder for the number kept as it is (``%.2f\xa0$``), a thousand written out
    (``$5k``, ``$5K`` → ``5.000\xa0$``), millions and billions in words (``$1.5m``, ``$1.5M`` →
    ``1,5\xa0Mio.\xa0$``; ``$1.2B`` → ``1,2\xa0Mrd.\xa0$``).
    One with its sign last already keeps its space (``5 €``), and its number where that reads
    either way (``1.234 €``: German's order, maybe German's thousands too; ``ltmt qa`` reads an
    English point and says so, for a reviewer to judge). In any other language as written."""
    if primary_language(language) != "de" or writes_sign_first(language):
        return amount.group()
    if not _surely_money(amount):
        return amount.group()
    if amount.group("sign") is None:  # sign last already: the number alone
        number = amount.group("number")
        if _READS_EITHER_WAY.fullmatch(number):
            return amount.group()
        return _german_value(number) + amount.group()[len(number) :]
    value, magnitude = amount.group("value"), (amount.group("magnitude") or "").strip()
    if not magnitude:
        return f"{_german_value(value)}\u00a0{amount.group('sign')}"
    magnified = _magnified(value, _MAGNITUDES[magnitude], amount.group("sign"))
    return amount.group() if magnified is None else magnified


def _magnified(value: str, word: str, sign: str) -> str | None:
    """An amount of ``value`` times a magnitude as German writes it: the number and ``word``
    (``1,5 Mio. $``, ``5 Millionen $``, ``1 Million $``), or ``""`` for a thousand written out
    (``5.000 $``); ``None`` where it is written as the source has it: a placeholder or a grouped
    number before a magnitude, a thousand of a fraction (``$1.2345k``)."""
    if not re.fullmatch(r"\d+(?:\.\d+)?", value):
        return None
    if word:
        word = _ONE.get(word, word) if value == "1" else word
        return f"{german_number(value)}\u00a0{word}\u00a0{sign}"
    thousands = Decimal(value) * 1000
    if thousands != thousands.to_integral_value():
        return None
    return f"{german_number(f'{int(thousands):,}')}\u00a0{sign}"


def writes_sign_first(language: str) -> bool:
    """Whether ``language`` is Austrian, Swiss or Liechtenstein German (``de-AT``, ``de_CH``),
    which write an amount's sign first and keep the source's form (:func:`written_in`)."""
    regions = re.split(r"[-_.@]", language.casefold())[1:]
    return primary_language(language) == "de" and any(r in _SIGN_FIRST_REGIONS for r in regions)


def _surely_money(amount: re.Match[str]) -> bool:
    """Whether ``amount`` (of :data:`_AMOUNT`) is money for sure, which may be written
    otherwise: any but one with a bare ``$`` before it, which code writes too. Of the l10n
    training data's 19 sources with an "amount", all 19 were code: PostgreSQL's ``parameter
    $%d``, bash's ``$%s``, a shell's ``$1``, gettext's ``${VARIABLE}``, a MIPS register's
    ``Only $sp or $15``. With a bare ``$``, money is a decimal conversion (``$%.2f``), a
    ``$`` and one digit that reads as money (:func:`ltmt.formats.dollar_references.an_amount`:
    ``Fee: $5``, not ``option $1``), or a number in a line with no ``$`` variable (``$sp``)."""
    if amount.group("sign") != "$":
        return True
    value, line = amount.group("value"), amount.string
    if re.fullmatch(_FIELD, value):
        return _FLOAT_FIELD.fullmatch(value) is not None
    if re.fullmatch(r"\d", value) and amount.group("magnitude") is None:
        return an_amount(line, amount.start(), amount.end())
    return not _DOLLAR_VARIABLE.search(line)


def _german_value(value: str) -> str:
    """An amount's number in German's form (:func:`german_number`), a placeholder for it
    (``%.2f``, ``{price}``) as it is."""
    return value if re.fullmatch(_FIELD, value) else german_number(value)


def german_number(number: str) -> str:
    """An English ``number`` (of :data:`NUMBER`) in German's form: its decimal point a comma
    and its thousands separators points (``1,234.56`` → ``1.234,56``, ``0.99`` → ``0,99``,
    ``1.234`` → ``1,234``, ``1,234`` → ``1.234``: English's comma before three digits groups
    thousands). One already in German's form stays (``1.234,56``, ``12,50``, ``1.234.567``)."""
    marks = [mark for mark in number if mark in ".,"]
    if len(set(marks)) == 2:  # 1,234.56 or 1.234,56: the last mark is the decimal one
        english = marks[-1] == "."
    elif marks and marks[0] == ".":  # 0.99; several points group thousands, as German does
        english = len(marks) == 1
    else:  # 1,234 and 1,234,567 group thousands; 12,50 is German's decimal comma
        english = bool(marks) and re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) is not None
    return swapped_marks(number) if english else number


def swapped_marks(number: str) -> str:
    """``number`` with its points and commas swapped: ``1,299.99`` in the other convention,
    ``1.299,99``."""
    return number.translate(str.maketrans(",.", ".,"))
