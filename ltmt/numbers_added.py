"""The numbers a translation has that its source does not, in any form German may write them.

A translation writes its source's numbers in its own language's form: ``1,299.99`` as
``1.299,99``, ``1,000`` as ``1.000`` or ``1 000``, ``10000`` as ``10.000``, ``12/31/99`` as
``31.12.99``, ``3rd`` as ``3.``; and a number the source spells out, or a month it names, in
digits (``three-way merge``: ``3-Wege-Merge``, ``greater than zero``: ``größer als 0``, ``Aug
14``: ``14.08.``). A number it has beyond those is one the model invented or garbled: the
shipped model wrote ``1.29,99,99`` for ``1,299.99``, and the number repair, putting back the
``299``, left ``1.299,99,99`` (:func:`added_numbers` finds it, and
:func:`ltmt.numbers_kept.numbers_wrong` does not count such a repair as one).

Of the five dev users' 14,057 human translations (memories and tests), 40 have a run of
digits their source lacks, most of them a number the source spells out (``zero``, ``two``,
``three-way``); :func:`added_numbers` finds 16, each a real difference (an example date or an
RFC the translation updated, a translator's ``(1. Form)``). A list's numbering that opens a
line (``1. ``, ``2) ``) is not counted: a translation may number what its source lists.
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.clock_times import times_as_written
from ltmt.formats.tag_attributes import without_tag_attributes

_RUN = re.compile(r"\d+")
# a number as written: runs of digits joined by one separator each (``1.299,99``,
# ``31.12.99``, ``1 000``: a space only before a group of three digits)
_WRITTEN = re.compile(r"\d+(?:(?:[.,:/'\u2019\-\u00a0\u202f\u2009]|\s(?=\d{3}(?!\d)))\d+)*")
# a whole number with its thousands grouped (``1,000``, ``1.000``, ``1 000``, ``10'000``, Swiss
# ``1\u2019250``), and a decimal part after the other mark (``1,299.99``, ``1.299,99``)
_GROUPED = re.compile(
    r"\d{1,3}(?P<mark>[.,'\u2019\u00a0\u202f\u2009 ])\d{3}(?:(?P=mark)\d{3})*"
    r"(?:(?!(?P=mark))[.,]\d+)?"
)
# a number of one run, or two with a decimal mark between them (``25``, ``2.5``, ``2,5``)
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
# a list's numbering that opens a line: ``1. ``, ``2) ``
_LIST_NUMBER = re.compile(r"^[ \t]*(\d+)[.)](?=[ \t])", re.MULTILINE)
# an afternoon hour of the 12-hour clock (``11:11:04 PM``, ``9pm``), which German writes on the
# 24-hour one (``23:11:04``)
_AFTERNOON = re.compile(r"\b(\d{1,2})(?::\d\d)*\s?(?:PM|pm|p\.m\.)")

# the English words that spell a count, each with its value: a count's own words, which join
# into one number (``forty-two``, ``two hundred``: :func:`_spelled_values`), and the words that
# only stand for one (``once``, ``double``, ``dozen``)
_COUNTS = (
    *("zero", "one first", "two second", "three third", "four fourth", "five fifth"),
    *("six sixth", "seven seventh", "eight eighth", "nine ninth", "ten tenth"),
    *("eleven eleventh", "twelve twelfth", "thirteen thirteenth", "fourteen fourteenth"),
    *("fifteen fifteenth", "sixteen sixteenth", "seventeen seventeenth"),
    *("eighteen eighteenth", "nineteen nineteenth"),
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}
_COUNT_WORDS = (
    {word: value for value, words in enumerate(_COUNTS) for word in words.split()}
    | {tens: 20 + 10 * i for i, tens in enumerate(_TENS)}
    | {tens[:-1] + "ieth": 20 + 10 * i for i, tens in enumerate(_TENS)}
)
_SCALE_WORDS = _SCALES | {scale + "th": value for scale, value in _SCALES.items()}
_NUMBER_WORDS = (
    _COUNT_WORDS
    | _SCALE_WORDS
    | {"once": 1, "single": 1, "twice": 2, "double": 2, "binary": 2, "triple": 3, "dozen": 12}
)
# the words that join into one spelled number, with their values
_SPELLERS = _COUNT_WORDS | _SCALE_WORDS
# the values a single number word says (a spelled number of one of them is that word's)
_WORD_VALUES = frozenset(_NUMBER_WORDS.values())
# words that say a number only loosely (``half``: ``50 %``, ``1/2``, ``halb``; ``noon``: ``12
# Uhr``; ``fortnight``: ``14 Tage``, ``2 Wochen``), with the runs of digits a translation may
# write for them: not the source's numbers for qa, but not the model's invention either
_LOOSE_WORDS = {"half": ("1", "2", "50"), "noon": ("12",), "fortnight": ("2", "14")}
_MONTHS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_WORD = re.compile(r"[A-Za-z]+")
# what joins the words of one spelled number: ``forty-two``, ``two hundred and five``
_SPELLED_JOIN = re.compile(r"[ \t-]|\s+and\s+")


def added_numbers(source: str, target: str, *, loosely: bool = False) -> list[str]:
    """The numbers of ``target``, as written there (``1.299,99,99``), that ``source`` does not
    have in any form (module docstring), in ``target``'s order. A number is one of the
    source's where its runs of digits are (leading zeros aside), or where it may stand for the
    value of one of the source's numbers (``10.000`` for ``10000``: :func:`_readings`; not
    ``25`` for ``2.5``, whose digits are the same); not where it writes a
    number of the source's of several runs with more runs beside them (``1.299,99,99`` for
    ``1,299.99 EUR and 99 cents``: the ``99`` moved into it), unless the source writes that
    longer number too (``IEC 60601-1 and IEC 60601-1-8``, ``REF 12-345-67 replaces REF
    12-345-67-1``: a standard's parts, a product's variants). ``loosely``, the numbers a word
    says loosely are the source's too (``half``: ``50 %``), which qa reports but a run need not
    count as the model's invention. A 12-hour time the translation writes on the 24-hour clock
    is read as it writes it (``16:00`` for ``4 pm``: :func:`ltmt.clock_times.times_as_written`)."""
    source, target = without_tag_attributes(source), without_tag_attributes(target)
    source = times_as_written(source, target)
    said = [str(value) for value in _said_in_words(source)]  # read once for both uses
    extra = _runs(target) - _accepted_runs(source, said, loosely=loosely)
    written = _WRITTEN.findall(source)
    grouped = [_RUN.findall(number) for number in written if not number.isdigit()]
    if not extra and not grouped:
        return []
    sources = {value for number in written for value in _readings(number)}
    sources.update(said)
    own = {tuple(within) for within in grouped}  # 60601-1-8 beside 60601-1: the source's too
    numbering = {found.start(1) for found in _LIST_NUMBER.finditer(target)}
    added = []
    for number in _WRITTEN.finditer(target):
        if _readings(number.group()) & sources or number.start() in numbering:
            continue
        runs = _RUN.findall(number.group())
        extended = tuple(runs) not in own and any(_extends(runs, within) for within in grouped)
        if _runs(number.group()) & extra or extended:
            added.append(number.group())
    return added


def repeated_numbers(source: str, target: str, *, loosely: bool = False) -> list[str]:
    """The numbers of ``source`` that ``target`` writes more often than ``source`` does, as
    written there, each once, in ``target``'s order: the model's ``Bei Lebensmitteln 3%
    erhalten 3%.`` for ``Get 3% back on groceries``. A number is the source's by its value
    (:func:`_readings`: ``1.000`` for ``1,000``); not counted: one the source says in words
    too (``two files (2)``: ``2 Dateien (2)``) or, ``loosely``, a word says loosely (as for
    :func:`added_numbers`), a list's numbering that opens a line, and a number of several
    parts (a version, a date: its runs are compared by :func:`added_numbers`); a 12-hour time
    as for :func:`added_numbers`."""
    source, target = without_tag_attributes(source), without_tag_attributes(target)
    source = times_as_written(source, target)
    said = [str(value) for value in _said_in_words(source)]
    extra = _runs(target) - _accepted_runs(source, said, loosely=loosely)
    if not extra:
        return []
    left = Counter(_WRITTEN.findall(source))  # the source's numbers not yet written
    numbering = {found.start(1) for found in _LIST_NUMBER.finditer(target)}
    repeated: list[str] = []
    for number in _WRITTEN.finditer(target):
        readings = _readings(number.group())
        if not readings or number.start() in numbering:
            continue
        same = [kept for kept in left if _readings(kept) & readings]
        written = next((kept for kept in same if left[kept] > 0), None)
        if written is not None:
            left[written] -= 1
        elif same and _runs(number.group()) & extra and number.group() not in repeated:
            repeated.append(number.group())
    return repeated


def garbled_amounts(source: str, target: str) -> list[str]:
    """The amounts of ``source`` with their thousands grouped and a decimal part
    (``10,000.00``) whose runs of digits ``target`` has but writes as no number of that value
    (:func:`_readings`): its separators garbled (``10.000.00``) or its decimals split off
    (``10.000 Euro.00``), in the source's order; an amount ``target`` lacks a run of (or has it
    as often as another number of the source's only: the ``00`` of ``500,00`` beside ``10.000``
    for ``10,000.00 ... 500.00``) is :func:`ltmt.numbers_kept.lost_numbers`'s, and one written
    with runs of the model's own beside it (``1.299,99,99``) is :func:`added_numbers`'."""
    source, target = without_tag_attributes(source), without_tag_attributes(target)
    values = {value for number in _WRITTEN.findall(target) for value in _readings(number)}
    runs = _runs(target)
    lacked = _runs(source) - runs  # an amount with one of these is lost_numbers', said once
    added = [_RUN.findall(number) for number in added_numbers(source, target)]
    garbled = []
    for amount in dict.fromkeys(_WRITTEN.findall(source)):
        grouped = _GROUPED.fullmatch(amount)
        value = amount.replace(grouped["mark"], "").replace(",", ".") if grouped else ""
        if "." not in value or value in values or _runs(amount) - runs:
            continue
        if any(run in lacked for run in _runs(amount)):
            continue
        if not any(_extends(number, _RUN.findall(amount)) for number in added):
            garbled.append(amount)
    return garbled


def _extends(runs: list[str], number: list[str]) -> bool:
    """Whether ``runs`` hold the runs of a source's ``number`` in a row, and more
    (``1.299,99,99``: the model's own digits left over beside ``1,299.99``'s)."""
    return len(runs) > len(number) and any(
        runs[start : start + len(number)] == number for start in range(len(runs) - len(number) + 1)
    )


def _accepted_runs(source: str, said: list[str], *, loosely: bool = False) -> Counter[str]:
    """The runs of digits a translation of ``source`` may have: the source's, those of the
    numbers it spells out (``said``, :func:`_said_in_words`: each word's, and those its words
    spell together: ``forty-two``) or the months it names, the 24-hour clock's hours of its
    afternoon times, and, ``loosely``, those of the words that say a number loosely
    (:data:`_LOOSE_WORDS`)."""
    runs = _runs(source)
    runs.update(said)
    for hour in _AFTERNOON.findall(source):
        if 0 < int(hour) < 12:
            runs[str(int(hour) + 12)] += 1
    if loosely:
        words = (word.lower() for word in _WORD.findall(source))
        runs.update(run for word in words for run in _LOOSE_WORDS.get(word, ()))
    return runs


def _said_in_words(source: str) -> list[int]:
    """The numbers ``source`` says in words: each word's (``forty``, ``third``, ``aug``) and
    those its words spell together (``forty-two``, ``three thousand five hundred``)."""
    values = (_word_value(word.lower()) for word in _WORD.findall(source))
    return [value for value in values if value is not None] + _spelled_values(source)


def _spelled_values(source: str) -> list[int]:
    """The numbers ``source`` spells in several words (``forty-two``: 42, ``two hundred``: 200,
    ``three thousand five hundred``: 3500), each run of joined count words read as numbers;
    not a word's own value, which :func:`_word_value` gives (counted once, ``forty`` is 40)."""
    spelled = [found for found in _WORD.finditer(source) if found.group().lower() in _SPELLERS]
    values: list[int] = []
    run: list[int] = []
    for previous, found in zip([None, *spelled], spelled, strict=False):
        joined = previous is not None and _SPELLED_JOIN.fullmatch(
            source[previous.end() : found.start()]
        )
        if run and not joined:
            values += _read_spelled(run)
            run = []
        run.append(_SPELLERS[found.group().lower()])
    return [value for value in values + _read_spelled(run) if value not in _WORD_VALUES]


def _read_spelled(values: list[int]) -> list[int]:
    """The numbers a run of count words' ``values`` spell: a unit after a ten joins it
    (``forty-two``), a scale multiplies what is before it (``two hundred``, ``a thousand``);
    two counts that do not join are two numbers (``one two``)."""
    numbers: list[int] = []
    total, current = 0, 0
    for value in values:
        if value == _SCALES["hundred"]:
            current = (current or 1) * value
        elif value in _SCALES.values():
            total, current = total + (current or 1) * value, 0
        elif current % 100 == 0 or (current % 100 >= 20 and current % 10 == 0 and value < 10):
            current += value
        else:
            numbers.append(total + current)
            total, current = 0, value
    return [*numbers, total + current] if values else numbers


def _word_value(word: str) -> int | None:
    """The number an English word spells (``three``, ``third``) or the month it names
    (``august``, ``aug``: 8), or None."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    month = next((n for n, name in enumerate(_MONTHS, 1) if word in (name, name[:3])), None)
    return month


def _runs(text: str) -> Counter[str]:
    """The runs of digits of ``text``, each without its leading zeros (``05`` is ``5``)."""
    return Counter(run.lstrip("0") or "0" for run in _RUN.findall(text))


def _readings(number: str) -> set[str]:
    """The values ``number`` as written may stand for, its decimal mark written ``.``: with its
    thousands grouped (``1,000`` and ``1 000``: ``1000``; ``1.299,99``: ``1299.99``) or a decimal
    mark (``1,000``: ``1.000``, as German reads it; ``2,5``: ``2.5``); none for a number of
    several parts (a version, a date, a time: its runs of digits are compared)."""
    readings = set()
    grouped = _GROUPED.fullmatch(number)
    if grouped is not None:
        readings.add(number.replace(grouped["mark"], "").replace(",", "."))
    if _DECIMAL.fullmatch(number):
        readings.add(number.replace(",", "."))
    return readings
