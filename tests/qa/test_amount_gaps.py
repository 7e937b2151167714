"""The &nbsp; translate writes between an amount and its currency (ltmt.qa.amount_gaps): no
placeholder the translation adds."""

from __future__ import annotations

import time

import pytest

from ltmt.qa.amount_gaps import amount_gaps
from ltmt.qa.pair_checks import placeholder_problems


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # trial ecommerce, session 75: a Shopify Body (HTML) cell; before, an error
        (
            "<p>Price: from $9 (€24.95 in the EU).</p>",
            "<p>Preis: 9&nbsp;$ (24,95&nbsp;€ in der EU).</p>",
            [],
        ),
        ("Only CHF 5", "Nur CHF&nbsp;5", []),
        # not beside an amount: added all the same
        ("3 pieces", "3&nbsp;Stück", ["adds &nbsp;, which the source does not have"]),
        ("From $9", "Ab&nbsp;9&nbsp;$", ["adds &nbsp;, which the source does not have"]),
        # the source's own are the source's
        ("From 9&nbsp;$", "Ab 9 $", ["lacks &nbsp;"]),
    ],
)
def test_a_no_break_space_beside_an_amount_is_no_added_placeholder(
    source: str, target: str, expected: list[str]
) -> None:
    assert placeholder_problems(source, target, {}) == expected


@pytest.mark.parametrize(
    "text", ["1" * 50_000 + "&nbsp;", "$" * 50_000, "&nbsp;" * 20_000, "US$&nbsp;" * 10_000]
)
def test_long_adversarial_text_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    amount_gaps(text)
    assert time.perf_counter() - started < 1.0
