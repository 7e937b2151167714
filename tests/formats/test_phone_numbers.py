"""Phone numbers: one placeholder, kept as written; the same number with other separators."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from ltmt.formats.phone_numbers import PHONE_NUMBER, dialled, redialled
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For emergencies, call +49 89 1234-5678 instead.", ["+49 89 1234-5678"]),
        ("Outside office hours, dial +49 89 1234-0 (hotline).", ["+49 89 1234-0"]),
        ("Call (555) 123-4567 now.", ["(555) 123-4567"]),
        ("Our hotline +1-800-555-0199 is open 24/7.", ["+1-800-555-0199"]),
        ("Call +1 800 555 0199 24/7.", ["+1 800 555 0199"]),
        ("Fax: +44 20 7946 0958, phone: 1-800-555-0199.", ["+44 20 7946 0958", "1-800-555-0199"]),
        ("+33 1 23 45 67 89", ["+33 1 23 45 67 89"]),
        ("Tel. +49 (0)89 1234-5678", ["+49 (0)89 1234-5678"]),
        ("Tel. +1 (555) 123-4567", ["+1 (555) 123-4567"]),
        ("+1.800.555.0199 or 555.123.4567", ["+1.800.555.0199", "555.123.4567"]),
        ("Czech: +420 123 456 789", ["+420 123 456 789"]),
        ("tel:+49\u00a089\u00a01234\u00a05678", ["+49\u00a089\u00a01234\u00a05678"]),
        # dates, times, amounts, counts, ranges, versions: as before, no phone number
        ("The meeting is on 2025-12-01 at 09:30.", []),
        ("Prices rose +10.5% this year.", []),
        ("You earned +1,000 points and +5 10 15 bonus.", []),
        ("Score +12 345 678 points to win.", []),
        ("Version 1.2.3-4.5.6 fixes 12 bugs.", []),
        ("Pages 100-200 are missing.", []),
        ("Time zone UTC+01:00 is used.", []),
        ("Room 4.12 on floor 4 seats 12 people.", []),
        ("National 089 1234-5678 stays numbers.", []),
        ("C++49 and +4989123 and +49 89", []),
        # glued to more digits or a word: no phone number of North America's shape
        ("Order 555-123-4567-89 was shipped.", []),
        ("ID x555-123-4567", []),
    ],
)
def test_a_phone_number_is_one_placeholder_sent_as_a_tag(text: str, expected: list[str]) -> None:
    """The model dropped the +49 of 'call +49 89 1234-5678', and the number repair wrote '89 49
    1234-5678' (a ServiceNow trial, session 72)."""
    found = find_placeholders(text)
    assert [p.text for p in found] == expected
    assert [p.kind for p in found] == ["phone"] * len(expected)
    assert [p.text for p in sent_as_tags(text)] == expected


def test_a_phone_number_inside_a_link_is_its_tags() -> None:
    text = '<a href="tel:+4989123456">Call +49 89 1234-56</a>'
    assert [(p.text, p.kind) for p in find_placeholders(text)] == [
        ('<a href="tel:+4989123456">', "tag"),
        ("+49 89 1234-56", "phone"),
        ("</a>", "tag"),
    ]


@pytest.mark.parametrize(
    ("phone", "expected"),
    [
        ("+49 89 1234-5678", "+498912345678"),
        ("+49 (0)89 1234 5678", "+498912345678"),
        ("(555) 123-4567", "5551234567"),
        ("+1-800-555-0199", "+18005550199"),
    ],
)
def test_a_phone_number_dials_its_sign_and_digits(phone: str, expected: str) -> None:
    assert dialled(phone) == expected


@pytest.mark.parametrize(
    ("lost", "added", "expected"),
    [
        (["+49 89 1234-5678"], ["+49 89 1234 5678"], [("+49 89 1234-5678", "+49 89 1234 5678")]),
        (
            ["+49 89 1234-5678"],
            ["+49 (0)89 1234-5678"],
            [("+49 89 1234-5678", "+49 (0)89 1234-5678")],
        ),
        (["(555) 123-4567"], ["555-123-4567"], [("(555) 123-4567", "555-123-4567")]),
        # its digits in another order, another digit, its + lost: another number
        (["+49 89 1234-5678"], ["+49 98 1234-5678"], []),
        (["(555) 123-4567"], ["(555) 123-4576"], []),
        (["+1-800-555-0199"], ["1-800-555-0199"], []),
        # used once each, and no placeholder of another kind
        (
            ["+49 89 1234-5678"] * 2,
            ["+49 89 1234 5678"],
            [("+49 89 1234-5678", "+49 89 1234 5678")],
        ),
        (["%s"], ["%d"], []),
    ],
)
def test_a_phone_number_written_with_other_separators_is_the_same(
    lost: list[str], added: list[str], expected: list[tuple[str, str]]
) -> None:
    assert redialled(Counter(lost), Counter(added)) == expected


_ADVERSARIAL = {
    "signs": "+1 " * 20_000,
    "spaced groups": "+1" + " 12345" * 20_000 + "x",
    "bracketed groups": "+1" + " (1234) 12345" * 20_000 + "x",
    "hyphened groups": "+1" + "-12345" * 20_000 + "x",
    "dotted groups": "+1" + ".12345" * 20_000 + "x",
    "glued to a word": "+49 89 1234-5678x" * 5_000,
    "bracketed, more digits": "(555) 123-4567-" * 5_000,
    "hyphened, more digits": "1-800-555-0199-" * 5_000,
    "no-break spaces": "+49\u00a089\u00a0" * 20_000,
    "signs and digits": "".join("+ -.()0123456789"[(i * 7919) % 16] for i in range(50_000)),
}


@pytest.mark.parametrize("text", _ADVERSARIAL.values(), ids=_ADVERSARIAL.keys())
def test_long_adversarial_input_is_read_in_linear_time(text: str) -> None:
    """Each group after its one sign: a run of digits is cut one way only."""
    started = time.perf_counter()
    list(re.finditer(PHONE_NUMBER, text))
    assert time.perf_counter() - started < 2.0
