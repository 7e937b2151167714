"""Comparisons and ranges an English source says in words before or between its numbers
(``below 30 °C``, ``at most 5 mL``, ``between 15 °C and 25 °C``, ``300 mmHg to 900 mmHg``),
and the German translations that lose or reverse them.

In a storage or dosing instruction the word is the comparison: ``Store below 30 °C.`` written
``Bei 30 °C lagern.`` is no limit, ``Über 25 °C lagern.`` for ``below 25 °C`` turns it round,
and ``300 mmHg auf 900 mmHg`` for ``300 mmHg to 900 mmHg`` is a change, not a range. German
says a comparison in the words of :data:`GERMAN_BEFORE` before its number (``unter``,
``höchstens``, ``bis zu``; ``über``, ``mindestens``, ``ab``) or of :data:`GERMAN_AFTER` after
it and its unit (``5 ml oder weniger``); a range with ``bis`` or a dash between its numbers
(``15 bis 25 °C``, ``15\u201325 °C``), ``zwischen … und …``, or, for a change of the source's
``from … to …``, ``von … auf …``. A number the translation lacks is the numbers check's.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import NamedTuple

from ltmt.unit_names import UNIT

_NUMBER = r"(\d+(?:[.,]\d+)*)(?![.,]?\d|\^)"
_DIGIT_RUN = re.compile(r"\d+")
_TARGET_NUMBER = re.compile(rf"(?<![\w.,]){_NUMBER}")
# how a German translation says a comparison before its number, in a sign or in words, by way
GERMAN_BEFORE = {
    "below": r"<=?|[\u2264\u2a7d]|h[öo]chstens|max(?:imal|\.)?|bis(?:\s+zu)?|unter"
    r"|unterhalb(?:\s+von)?|längstens|spätestens|kleiner\s+gleich"
    r"|(?:weniger|kleiner|kürzer|niedriger|geringer)(?:\s+als)?"
    r"|nicht\s+(?:mehr|über|länger)(?:\s+als)?",
    "above": r">=?|[\u2265\u2a7e]|mindestens|wenigstens|min(?:imal|\.)?|ab|über"
    r"|oberhalb(?:\s+von)?|frühestens|größer\s+gleich"
    r"|(?:mehr|größer|länger|höher|älter)(?:\s+als)?"
    r"|nicht\s+(?:weniger|unter|kürzer)(?:\s+als)?",
    "about": r"[\u2248~]|ca\.|circa|zirka|etwa|ungefähr|rund|annähernd",
}
# ... or after it and its unit (``2 h oder weniger``, ``18 Jahre und älter``)
GERMAN_AFTER = {
    "below": r"(?:oder|und)\s+(?:weniger|kürzer|früher|darunter|niedriger|kleiner)",
    "above": r"(?:oder|und)\s+(?:mehr|länger|älter|darüber|höher|größer)",
    "about": r"(?!)",
}
SAID_BEFORE = {
    # "nicht mehr als 5" is no "mehr als 5": a negated word is the other way's
    way: re.compile(
        rf"(?<!\w)(?<!nicht\s)(?:{words})\s*(\d+(?:[.,]\d+)*)(?![.,]?\d)", re.IGNORECASE
    )
    for way, words in GERMAN_BEFORE.items()
}
SAID_AFTER = {
    way: re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s?[^\s\d]+)?\s+{words}\b", re.IGNORECASE)
    for way, words in GERMAN_AFTER.items()
}
# "over" compares only before a quantity with a short unit, a degree or a percent sign (``over 25
# °C``, ``over 5 GB``): ``over 25 years``, ``over 190 pages`` say a span more often than a bound
_OVER_QUANTITY = (
    r"(?=\s+\d+(?:[.,]\d+)*\s?(?:[°%]|(?!years?|months?|weeks?|days?|hours?|pages?)"
    r"[^\W\d]{1,4}\b))"
)
# an English comparison in words right before a number, by way: a negated word is the other
# way's (``not below 5``, ``no more than 5``), so the plain words are not read after a negation
_ENGLISH_BEFORE = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<below>(?:no|not)\s+(?:more|greater|higher|longer)\s+than|not\s+(?:above|over|exceeding)"
    r"|not\s+to\s+exceed"
    r"|(?<!not\s)(?<!no\s)(?:below|under|(?:less|fewer|lower)\s+than|at\s+most|up\s+to"
    r"|maximum(?:\s+of)?|max\.))"
    r"|(?P<above>(?:no|not)\s+(?:less|fewer|lower|shorter)\s+than|not\s+(?:below|under)"
    rf"|(?<!not\s)(?<!no\s)(?:above|over{_OVER_QUANTITY}|(?:more|greater|higher)\s+than"
    r"|at\s+least|exceeding"
    r"|in\s+excess\s+of|minimum(?:\s+of)?|min\.))"
    rf")\s+{_NUMBER}",
    re.IGNORECASE,
)
# ``from 18 years on``, ``from 2006 onwards``: a lower bound (not ``from 1975 on equal pay``)
_FROM_ON = re.compile(
    rf"(?<![\w-])from\s+{_NUMBER}(?:\s?{UNIT}|\s+[^\W\d]+)?\s+(?:onwards\b|on(?=\s*(?:[^\w\s]|$)))",
    re.IGNORECASE,
)
# an English range in words: ``between 15 °C and 25 °C``, ``from 2 to 8``, and ``300 mmHg to
# 900 mmHg`` or ``2 to 8 °C``, a unit after one of its numbers (``1 to 5`` alone may be a score)
_ENGLISH_RANGE = re.compile(
    rf"(?<![\w-])(?P<kind>between|from)\s+{_NUMBER}(?:\s?{UNIT})?\s+(?:and|to)\s+{_NUMBER}"
    rf"(?:\s?{UNIT})?"
    # not a change's amount nor a year: "fell by 2 percent to 3.30", "in December 2007 to 4 %"
    r"|(?<![\w.,-])(?<!\bby\s)(?<!\bin\s)(?<!\bof\s)(?!(?:19|20)\d\d\b)"
    rf"{_NUMBER}(?P<unit>\s?{UNIT})?\s+to\s+{_NUMBER}"
    r"(?(unit)(?P=unit)|\s?(?!%)" + UNIT + ")",
    re.IGNORECASE,
)
# what says a range between a translation's two numbers (``15 bis 25``, a dash, ``15 ... 25``)
_RANGE_BETWEEN = re.compile(r"(?<!\w)bis(?!\w)|[-\u2010-\u2014\u2212~]|\.\.|\u2026")
# a change of the source's ``from … to …``: ``von 5 auf 10``, ``von 2.3 nach 2.4``
_CHANGE_BETWEEN = re.compile(r"(?<!\w)(?:auf|nach|zu)(?!\w)", re.IGNORECASE)
_AND = re.compile(r"(?<!\w)und(?!\w)", re.IGNORECASE)
# ``zwischen 15 und 25``, and years: ``in den Jahren 2014 und 2015``
_ZWISCHEN_BEFORE = re.compile(r"(?<!\w)(?:zwischen|Jahren)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
# a change: ``von 5 auf 10``, ``von derzeit 0,5 mg auf 0,1 mg``
_VON_BEFORE = re.compile(r"(?<!\w)von\s+(?:[^\W\d]+\s+)?$", re.IGNORECASE)
# how far apart a range's two numbers may stand in a translation (a unit and a word between)
_MOST_BETWEEN = 24
# the German words a finding names, by way
WAYS_SAID = {
    "below": "unter, höchstens, bis zu, weniger als",
    "above": "über, mindestens, ab, mehr als",
}
_OTHER_WAY = {"below": "above", "above": "below"}
# a range a translation writes: its first number is a lower bound, its last an upper one
# (``zwischen 1 und 79`` for ``at least 1 and at most 79``, ``120 bis 140 cm``); ``und``
# without ``zwischen`` is no range
_GERMAN_RANGE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?:\s?[^\s\d]{1,6})?\s?(?:bis|[-\u2013\u2014])\s?"
    r"(\d+(?:[.,]\d+)*)(?![.,]?\d)"
    r"|(?<!\w)zwischen\s+(\d+(?:[.,]\d+)*)(?:\s?[^\s\d]{1,6})?\s+und\s+(\d+(?:[.,]\d+)*)(?![.,]?\d)",
    re.IGNORECASE,
)
# more German for a bound said in words, beside qa's signs' (:data:`GERMAN_BEFORE`): ``bis zum
# 31.``, ``bis hin zu 1000``, ``knapp 400`` (just under), ``allenfalls 10 %``; ``gut 80``,
# ``weiter als 25 Meilen``, ``ab dem Jahr 2001``, ``von 2006 an``, ``50 % übersteigt``; either
# way's words before a currency (``mehr als EUR 100``)
_CURRENCY = r"(?:EUR|USD|CHF|GBP|[€$£])\s?"
_ALSO_SAID = {
    "below": re.compile(
        rf"(?<!\w)(?:bis\s+(?:zum|zur|auf|hin\s+zu)\s+|(?:knapp|allenfalls)\s+"
        rf"|(?:{GERMAN_BEFORE['below']})"
        rf"\s+{_CURRENCY}){_NUMBER}",
        re.IGNORECASE,
    ),
    "above": re.compile(
        rf"(?<!\w)(?:gut\s+|weiter\s+als\s+|ab\s+(?:dem|der)\s+(?:Jahre?\s+)?"
        rf"|(?<!nicht\s)(?:{GERMAN_BEFORE['above']})\s+{_CURRENCY}){_NUMBER}"
        rf"|(?<!\w)von\s+{_NUMBER}(?:\s+[^\W\d]+)?\s+an\b"
        rf"|(?<![\w.,]){_NUMBER}(?:\s?[^\s\d]+)?\s+(?:übersteig|überschreit)",
        re.IGNORECASE,
    ),
}
# "up" of a verb of rising before "to" is no bound: "went up to 75 percent", "brings us up to 1.5"
_RISING_BEFORE = re.compile(
    r"\b(?:went|go(?:es|ing|ne)?|rose|ris(?:es|ing|en)|shot|climb(?:s|ed|ing)?|edg(?:es|ed|ing)"
    r"|bring(?:s|ing)?|brought|ramp(?:s|ed|ing)?|push(?:es|ed|ing)?)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "up to" after a verb of rising says where it rose to: German's ``auf 4,1 Prozent``
_UP_TO = re.compile(r"up\s+to\s", re.IGNORECASE)
_RISEN_TO = re.compile(rf"(?<!\w)auf\s+{_NUMBER}", re.IGNORECASE)
# a negation on either side: ``cannot have more than 2`` is ``kann nicht mehr als 2``
_NEGATED = re.compile(r"\b(?:not|no|never|cannot|nicht|kein\w*|nie)\b|n't\b", re.IGNORECASE)
# a German comparison its negation stands right before (``nicht über 25``: at most 25), by the
# way it says, and what ends an English sentence (a negation before it negates no comparison
# after it)
_NEGATED_GERMAN = {
    "below": re.compile(rf"(?<!\w)nicht\s+(?:mehr|über|länger)(?:\s+als)?\s*{_NUMBER}", re.I),
    "above": re.compile(rf"(?<!\w)nicht\s+(?:weniger|unter|kürzer)(?:\s+als)?\s*{_NUMBER}", re.I),
}
_SENTENCE_END = re.compile(r"[.;!?:](?:\s|$)")


class WordedComparison(NamedTuple):
    """A comparison of the source's said in words (``below 30``), its way (``below`` or
    ``above``), and what the translation does with it: ``lost`` or ``flipped``."""

    said: str
    way: str
    problem: str


def worded_comparisons(source: str, target: str) -> list[WordedComparison]:
    """The comparisons ``source`` says in English words right before a number (``below 30``,
    ``at most 5``, ``from 18 on``) that ``target`` says in no German word of their way before
    or after that number (:data:`GERMAN_BEFORE`, :data:`GERMAN_AFTER`): ``flipped`` where it
    says the other way's (``Über 25 °C`` for ``below 25 °C``), else ``lost`` where it has the
    number (one it lacks is the numbers check's)."""
    found = [
        (m.group(), "below" if m.group("below") else "above", m.group(3), m.start())
        for m in _ENGLISH_BEFORE.finditer(source)
        if not (
            _UP_TO.match(m.group())
            and _RISING_BEFORE.search(source, max(0, m.start() - 40), m.start())
        )
    ]
    found += [(m.group(), "above", m.group(1), m.start()) for m in _FROM_ON.finditer(source)]
    if not found:
        return []
    said = {way: _said(target, way) for way in _OTHER_WAY}
    for bounds in _GERMAN_RANGE.finditer(target):
        lowest, highest = bounds.group(1, 2) if bounds.group(1) else bounds.group(3, 4)
        said["above"][_digits(lowest)] += 1
        said["below"][_digits(highest)] += 1
    negated = bool(_NEGATED.search(source) or _NEGATED.search(target))
    has = Counter(tuple(_DIGIT_RUN.findall(n)) for n in re.findall(_NUMBER, target))
    problems = []
    risen = Counter(_digits(n.group(1)) for n in _RISEN_TO.finditer(target))
    for text, way, number, start in found:
        digits = _digits(number)
        meant = _negated_ways(source, target, text, way, start, digits) if negated else None
        if meant is not None:  # one negation each side, both read: judged as meant
            if meant[0] != meant[1]:
                problems.append(WordedComparison(text, way, "flipped"))
            continue
        if said[way][digits] > 0:
            said[way][digits] -= 1
        elif _UP_TO.match(text) and risen[digits] > 0:  # shot up to 4.1 %: auf 4,1 %
            risen[digits] -= 1
        elif said[_OTHER_WAY[way]][digits] > 0:
            said[_OTHER_WAY[way]][digits] -= 1
            if not negated:  # a negation may turn either round: not judged
                problems.append(WordedComparison(text, way, "flipped"))
        elif has[digits] > 0:
            problems.append(WordedComparison(text, way, "lost"))
    return problems


def _negated_ways(
    source: str, target: str, text: str, way: str, start: int, digits: tuple[str, ...]
) -> tuple[str, str] | None:
    """The ways a negated comparison of ``source`` (``text``, of ``way`` as written, at
    ``start``, before the number of ``digits``) and of ``target`` mean, where each says one
    negation and it is read: ``target``'s right before the comparison of that number (``nicht
    über 25``: below), ``source``'s within the comparison (``not below 25``: above, as
    :data:`_ENGLISH_BEFORE` reads it) or earlier in its sentence (``Do not store below 25``:
    above); else None (``cannot have more than 2`` as ``kann ... nicht mehr als 2`` is read
    so; ``Bei Kindern unter 18 nicht anwenden`` is not). ``Nicht über 25 °C lagern.`` for ``Do
    not store below 25 °C.`` says the other way (a pharma trial, session 76)."""
    negations = list(_NEGATED.finditer(source))
    if len(negations) != 1 or len(_NEGATED.findall(target)) != 1:
        return None
    german = [
        other
        for other, pattern in _NEGATED_GERMAN.items()
        if any(_digits(found.group(1)) == digits for found in pattern.finditer(target))
    ]
    if len(german) != 1:
        return None
    negation = negations[0]
    if negation.start() >= start + len(text):  # after the comparison: not read
        return None
    if negation.start() >= start:  # within it: ``not below``, already read
        return way, german[0]
    if _SENTENCE_END.search(source, negation.end(), start):
        return None
    return _OTHER_WAY[way], german[0]


def _said(target: str, way: str) -> Counter[tuple[str, ...]]:
    """The numbers of ``target`` with a German comparison of ``way`` before or after them
    (:data:`SAID_BEFORE`, :data:`SAID_AFTER`, :data:`_ALSO_SAID`)."""
    return Counter(
        _digits(next(group for group in found.groups() if group))
        for pattern in (SAID_BEFORE[way], SAID_AFTER[way], _ALSO_SAID[way])
        for found in pattern.finditer(target)
    )


def lost_ranges(source: str, target: str) -> list[str]:
    """The ranges ``source`` says in words (``between 15 °C and 25 °C``, ``from 2 to 8``,
    ``300 mmHg to 900 mmHg``), as written, whose two numbers ``target`` has, the first before
    the second, but with nothing between them that says a range (:data:`_RANGE_BETWEEN`;
    ``und`` after ``zwischen``; for ``from``, ``auf``, ``nach`` or ``zu`` after ``von``):
    ``15 °C und 25 °C`` or ``300 mmHg auf 900 mmHg``. A range with a number ``target`` lacks is
    the numbers check's."""
    ranges = list(_ENGLISH_RANGE.finditer(source))
    if not ranges:
        return []
    pairs = _neighbours(target)
    judged: dict[tuple[object, ...], bool] = {}  # each pair of numbers judged once
    lost = []
    for found in ranges:
        kind = "from" if (found.group("kind") or "").lower() == "from" else "range"
        first, last = (found.group(2), found.group(3)) if found.group(2) else found.group(4, 6)
        key = (_digits(first), _digits(last), kind)
        if key not in judged:
            written = pairs.get(key[:2], [])
            judged[key] = bool(written) and not any(
                _says_range(target, start, gap, kind) for start, gap in written
            )
        if judged[key]:
            lost.append(found.group())
    return lost


def _digits(number: str) -> tuple[str, ...]:
    """The runs of digits of ``number``: ``2.5`` and ``2,5`` are one."""
    return tuple(_DIGIT_RUN.findall(number))


def _neighbours(
    target: str,
) -> dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[int, str]]]:
    """Each two numbers ``target`` writes one after the other, close together (no number
    between, at most :data:`_MOST_BETWEEN` characters apart), by their runs of digits: where
    the first starts and the text between the two."""
    numbers = [(m.start(), m.end(), _digits(m.group(1))) for m in _TARGET_NUMBER.finditer(target)]
    pairs: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[int, str]]] = {}
    for (start, end, first), (after, _, last) in pairwise(numbers):
        if after - end <= _MOST_BETWEEN:
            pairs.setdefault((first, last), []).append((start, target[end:after]))
    return pairs


def _says_range(target: str, start: int, gap: str, kind: str) -> bool:
    """Whether ``gap``, the text of ``target`` between a range's two numbers (the first at
    ``start``), says a range: ``bis`` or a dash, ``und`` after ``zwischen``, or for a source's
    ``from``, a change's ``auf`` after ``von``."""
    if _RANGE_BETWEEN.search(gap):
        return True
    before = target[max(0, start - 40) : start]
    if _AND.search(gap) and _ZWISCHEN_BEFORE.search(before):
        return True
    return bool(_CHANGE_BETWEEN.search(gap)) and bool(_VON_BEFORE.search(before))


def comparison_word_problems(source: str, target: str) -> list[str]:
    """The findings of :func:`worded_comparisons` and :func:`lost_ranges`, said for a reviewer
    (``writes below 25 the other way: say unter, höchstens, bis zu, weniger als``)."""
    problems = [
        f"writes the comparison {found.said} the other way round: say {WAYS_SAID[found.way]}"
        if found.problem == "flipped"
        else f"lacks the comparison of {found.said}: say it ({WAYS_SAID[found.way]})"
        for found in worded_comparisons(source, target)
    ]
    problems += [
        f"lacks the range of {said}: say it (zwischen … und …, … bis …, …\u2013…)"
        for said in lost_ranges(source, target)
    ]
    return problems
