"""A ``$`` and a digit as a positional reference or as money
(:mod:`ltmt.formats.dollar_references`), as the placeholder inventory reads it."""

from __future__ import annotations

import pytest

from ltmt.formats.placeholder_syntax import extract_placeholders


@pytest.mark.parametrize(
    ("text", "placeholders"),
    [
        # fintech trial, session 70: a whole-dollar amount was a placeholder ('lacks $5')
        ("Fee: $5", []),
        ("You have a $5k daily limit", []),
        ("Limit: $2M", []),
        ("Raised $3bn", []),
        ("Valued at $3B", []),  # "$3" read as a reference left the "B" (regression, session 71)
        ("A $5MM round", []),  # finance's million
        ("We raised $1 million", []),  # a magnitude in words
        ("Get $5 back when you pay with PayNow", []),
        ("A $3 fee applies to ATM withdrawals", []),
        ("You saved $7 this week", []),
        ("Pay $1 now or $10 later", []),  # the text's other dollar is an amount
        ("Pay $5 now, $1,000 later", []),
        # references stay placeholders: a $1 alone, one in code, a set of them
        ("Replace with $1", ["$1"]),
        ("Use $1 to refer to the first group", ["$1"]),
        ("awk '{print $2}'", ["$2"]),
        ("${1}", ["${1}"]),
        ("$1 and $2 were swapped", ["$1", "$2"]),
        ("Move $2 before $1", ["$2", "$1"]),
    ],
)
def test_a_dollar_and_a_digit_is_money_where_it_reads_as_an_amount(text, placeholders):
    assert extract_placeholders(text) == placeholders
