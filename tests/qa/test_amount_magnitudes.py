"""An amount written short (``$5k``) read as the translation writes it out
(:mod:`ltmt.qa.amount_magnitudes`)."""

from __future__ import annotations

import pytest

from ltmt.qa.amount_magnitudes import written_out
from ltmt.qa.number_checks import number_problems
from ltmt.qa.pair_checks import placeholder_problems


@pytest.mark.parametrize(
    ("source", "target", "read"),
    [
        (
            "You have a $5k daily limit",
            "Sie haben ein Tageslimit von 5.000 $",
            "You have a $5,000 daily limit",
        ),
        ("Raise it to $1.5k", "Erhöhen auf 1.500 $", "Raise it to $1,500"),
        ("Raise it to $10K", "Erhöhen auf 10000 $", "Raise it to $10,000"),
        ("Raised €2M", "2.000.000 € gesammelt", "Raised €2,000,000"),
        # in capitals and in words, as translate writes them (session 71)
        ("Paid $500K", "500.000 $ gezahlt", "Paid $500,000"),
        ("A $5 thousand bonus", "Ein Bonus von 5.000 $", "A $5,000 bonus"),
        ("Worth $1.2B", "1.200.000.000 $ wert", "Worth $1,200,000,000"),
        # the translation keeps the short form, or writes another number: the source as it is
        ("Limit: $5k per day", "Limit: 5k $ pro Tag", "Limit: $5k per day"),
        ("Limit: $5k per day", "Limit: 6.000 $ pro Tag", "Limit: $5k per day"),
        ("Raised €2M", "2 Mio. € gesammelt", "Raised €2M"),
    ],
)
def test_a_short_amount_is_read_as_the_translation_writes_it_out(source, target, read):
    assert written_out(source, target) == read


@pytest.mark.parametrize(
    ("source", "target", "numbers"),
    [
        # fintech trial, session 70: 'lacks $5' and 'has the number 5'
        ("Fee: $5", "Gebühr: 5 $", []),
        ("You have a $5k daily limit", "Sie haben ein Tageslimit von 5.000 $", []),
        ("Limit: $5k per day", "Limit: 5k $ pro Tag", []),
        (
            "You have a $5k daily limit",
            "Sie haben ein Tageslimit von 6.000 $",
            ["lacks the number 5; has 6.000, which the source does not"],
        ),
    ],
)
def test_a_dollar_amount_is_money_to_the_placeholder_and_numbers_checks(source, target, numbers):
    assert placeholder_problems(source, target, {}) == []
    assert number_problems(source, target, {}) == numbers
