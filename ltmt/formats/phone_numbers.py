"""A phone number: one unit, kept as written. An international one, a ``+`` and its country code
and groups of digits (``+49 89 1234-5678``, ``+44 20 7946 0958``, ``+1-800-555-0199``, ``+49
(0)89 1234-5678``), and a North American one (``(555) 123-4567``, ``555-123-4567``,
``1-800-555-0199``). The model dropped the ``+49`` of ``call +49 89 1234-5678``, and the
number repair, retrying with the lost ``49`` as a tag, wrote ``89 49 1234-5678``: every run of
digits kept, a wrong number called repaired, and qa passed it. So a phone number is a
placeholder (:mod:`ltmt.formats.placeholder_syntax`), sent to the model as a tag and kept byte
for byte, and qa's placeholder check says ``lacks +49 89 1234-5678`` where a translation changes
its digits or their order or loses its ``+``; its separators may change (:func:`dialled`).

Narrow on purpose: a date (``2025-12-01``), a time (``UTC+01:00``), an amount (``+10.5 %``,
``+1,000``, ``+12 345 678``), a range, a version and a number of its own are no phone number; an
international one has eight digits or more (a country code and a subscriber's number), a North
American one the groups 3, 3, 4. A national number without its country code (``089 1234-5678``)
reads as any other numbers do.
"""

from __future__ import annotations

import re
from collections import Counter

# the placeholder kind of a phone number: its digits are numbers of the text to the number
# measures (the repair's and qa's numbers check), as they were before it was a placeholder
PHONE_KINDS = ("phone",)
_SPACE = r"[ \u00a0\u202f]"
# a group after the country code: digits, after a trunk or area code in brackets or not
# (``(0)89``, ``(555) 123``)
_GROUP = rf"(?:\(\d{{1,4}}\){_SPACE}?)?\d{{1,5}}"
# ``+``, the country code, groups parted by spaces and then by hyphens (``+49 89 1234-5678``,
# ``+1-800-555-0199``) or by dots alone (``+1.800.555.0199``): each group after its one sign, so
# a run of digits is cut one way only (linear). A space and more digits after it are no part
# of it (``+1-800-555-0199 24/7``). Of eight digits at least: :func:`is_phone_number`
_INTERNATIONAL = (
    r"(?<![\w+])\+\d{1,3}"
    rf"(?:(?:{_SPACE}{_GROUP}){{0,5}}(?:-\d{{1,5}}){{0,4}}|(?:\.\d{{1,5}}){{2,4}})"
)
# North America's: ``(555) 123-4567``, ``555-123-4567``, ``555.123.4567``, ``1-800-555-0199``
_NORTH_AMERICAN = (
    rf"(?<![\w(])\(\d{{3}}\){_SPACE}?\d{{3}}[-.\u00a0 ]\d{{4}}"
    r"|(?<![\w.,+/-])(?:1-)?\d{3}-\d{3}-\d{4}|(?<![\w.,+/-])\d{3}\.\d{3}\.\d{4}"
)
# either, not glued to a word or to more digits (``+49 89 1234-5678x``, ``555-123-4567-89``)
PHONE_NUMBER = rf"(?:{_INTERNATIONAL}|{_NORTH_AMERICAN})(?![\w/+]|[-.,]\d)"

# the digits a number that starts with its country code has at least (the shortest: a country
# code of one or two digits and a subscriber's number of six); fewer are a sign and a count
# (``+5 10 15``, ``+49 89``)
_FEWEST_DIGITS = 8
# a signed count with its thousands spaced (``+12 345 678``): groups of three after the first,
# ten digits at most (``+420 123 456 789``, ``+34 912 345 678`` are phone numbers)
_SPACED_COUNT = re.compile(rf"\+\d{{1,3}}(?:{_SPACE}\d{{3}})+")
_MOST_COUNT_DIGITS = 10
_DIGIT = re.compile(r"\d")
_TRUNK_ZERO = re.compile(r"\(0\)")
_NOT_DIALLED = re.compile(r"[^+\d]")


def is_phone_number(found: str) -> bool:
    """Whether ``found``, a :data:`PHONE_NUMBER` match, is one: a North American one always, an
    international one (``+``) with eight digits at least (:data:`_FEWEST_DIGITS`), but a signed
    count with its thousands spaced (:data:`_SPACED_COUNT`)."""
    if not found.startswith("+"):
        return True
    digits = len(_DIGIT.findall(found))
    if _SPACED_COUNT.fullmatch(found) and digits <= _MOST_COUNT_DIGITS:
        return False
    return digits >= _FEWEST_DIGITS


def dialled(phone: str) -> str:
    """What ``phone`` (a :data:`PHONE_NUMBER`) dials: its ``+`` and its digits in order, without
    its separators and a trunk's ``(0)``, which no caller from abroad dials (``+49 89
    1234-5678`` and ``+49 (0)89 1234 5678`` both ``+498912345678``)."""
    return _NOT_DIALLED.sub("", _TRUNK_ZERO.sub("", phone))


_PHONE_ALONE = re.compile(PHONE_NUMBER)


def redialled(lost: Counter[str], added: Counter[str]) -> list[tuple[str, str]]:
    """Pairs of a phone number of ``lost`` (placeholders a translation lacks) and one of
    ``added`` (those it has beyond its source's) that dials the same (:func:`dialled`: ``+49 89
    1234 5678`` for ``+49 89 1234-5678``), each used as often as it is counted: the same number,
    its separators written another way. One with its digits in another order (``89 49
    1234-5678``) or without its ``+`` (``0049 89 ...``) dials another."""
    left = Counter(added)
    pairs = []
    for phone, count in lost.items():
        if not _PHONE_ALONE.fullmatch(phone):
            continue
        for _ in range(count):
            other = next(
                (
                    text
                    for text, n in left.items()
                    if n and _PHONE_ALONE.fullmatch(text) and dialled(text) == dialled(phone)
                ),
                None,
            )
            if other is None:
                break
            left[other] -= 1
            pairs.append((phone, other))
    return pairs
