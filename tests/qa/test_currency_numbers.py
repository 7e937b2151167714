"""qa's numbers check: an amount's currency that the translation lost (``25 €`` → ``25``),
however German writes it where kept (``25 €``, ``25 Euro``, ``EUR 25``, ``100 Milliarden
Dollar``)."""

from __future__ import annotations

import pytest

from ltmt.qa.currency_numbers import currency_problems
from ltmt.qa.number_checks import number_problems


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        # trial session 69: "nothing found"
        (
            "Price: 25 € per month.",
            "Preis: 25 pro Monat.",
            ["lacks the currency € of 25: write it, 25 € or 25 Euro"],
        ),
        ("USD 25", "25", ["lacks the currency USD of 25: write it, 25 USD or 25 Dollar"]),
        ("$25", "25", ["lacks the currency $ of 25: write it, 25 $ or 25 Dollar"]),
        ("£5 a month", "5 im Monat", ["lacks the currency £ of 5: write it, 5 £ or 5 Pfund"]),
        ("¥300", "300", ["lacks the currency ¥ of 300: write it, 300 ¥ or 300 Yen"]),
        ("CHF 25", "25", ["lacks the currency CHF of 25: write it, 25 CHF or 25 Franken"]),
        (
            "It costs 25 euros.",
            "Es kostet 25.",
            ["lacks the currency euros of 25: write it, 25 € or 25 Euro"],
        ),
        (
            "$1,299.99",
            "1.299,99",
            ["lacks the currency $ of 1,299.99: write it, 1.299,99 $ or 1.299,99 Dollar"],
        ),
        # another currency is not the source's
        ("€25", "25 $", ["lacks the currency € of 25: write it, 25 € or 25 Euro"]),
        # German writes it so
        ("Price: 25 € per month.", "Preis: 25 € pro Monat.", []),
        ("Price: €25 per month.", "Preis: 25 Euro pro Monat.", []),
        ("€25", "EUR 25", []),
        ("€25", "€25", []),
        ("€25", "25\u00a0€", []),
        ("USD 25", "25 US-Dollar", []),
        ("CHF 25", "Fr. 25", []),
        ("£5", "5 Pfund", []),
        ("$100 billion", "100 Milliarden Dollar", []),
        ("£3m", "3 Mio. britische Pfund", []),
        ("a €30 voucher", "ein 30-Euro-Gutschein", []),
        ("€10\u201320", "10\u201320 €", []),  # an en dash
        ("€10-20", "10-20 €", []),
        ("€10 or €20", "10 oder 20 Euro", []),
        ("from EUR 16 billion to EUR 12 billion", "von 16 auf 12 Milliarden Euro", []),
        ("€10,000", "10.000,- €", []),
        # fintech trial, session 70: a magnitude glued on (5k $) keeps the currency after it
        ("Limit: $5k per day", "Limit: 5k $ pro Tag", []),
        ("Limit: $2M", "Limit: 2M $", []),
        # no amount, or no number kept: not this check's
        ("The motors comply with euro 6.", "Die Motoren erfüllen Euro 6.", []),
        ("5 pounds of flour", "2,3 kg Mehl", []),
        ("€25", "25,00 €", []),
        ("€25", "", []),
    ],
)
def test_a_currency_lost_beside_its_number_is_found(source, target, problems):
    assert currency_problems(source, target) == problems


def test_the_numbers_check_says_a_lost_currency():
    assert number_problems("Price: 25 € per month.", "Preis: 25 pro Monat.", {}) == [
        "lacks the currency € of 25: write it, 25 € or 25 Euro"
    ]


def test_an_amount_said_garbled_is_not_said_twice():
    assert number_problems("up to EUR 10,000.00 per year.", "bis zu 10.000.00 im Jahr.", {}) == [
        "writes the amount 10,000.00 garbled or split up: write it whole, 10.000,00"
    ]


def test_an_amount_with_a_leading_zero_is_not_the_amount_without_it() -> None:
    assert currency_problems("It costs $0.50.", "Es kostet 0,50.") == [
        "lacks the currency $ of 0.50: write it, 0,50 $ or 0,50 Dollar"
    ]
    assert currency_problems("It costs $0.50.", "Es kostet 50.") == []  # the numbers check's
