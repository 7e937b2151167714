"""Amounts of money: found in a line, sent to the model as tags, back as written."""

from __future__ import annotations

import pytest

from ltmt.currency_amounts import amount_spans
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(
    ("line", "amounts"),
    [
        ("It costs €5 or £8.50 today.", ["€5", "£8.50"]),
        ("It costs 5 € or 1.234,50 € now", ["5 €", "1.234,50 €"]),
        ("US$ 20, CHF 1,200 and a $10k budget", ["US$ 20", "CHF 1,200", "$10k"]),
        ("¥300 and 300¥", ["¥300", "300¥"]),
        ("WebExtension: $$9.99 ($$0 back)", ["$$9.99", "$$0"]),  # its "$$" is a "$"
        # not amounts: a shell variable, a sign beside a word, a version, a lone sign
        ("$HOME, 3$x, version 5.2 €uro, pay in €", []),
        # a placeholder for the number: the sign beside it was lost as beside a number
        ("Price: €%1$s per month, only $%.2f", ["€%1$s", "$%.2f"]),
        (
            "Total %(price)s €, {price} € or {{total}} €",
            ["%(price)s €", "{price} €", "{{total}} €"],
        ),
        ("Pay %{amount} €; $COUNT$ is no amount", ["%{amount} €"]),
    ],
)
def test_amounts_are_a_sign_or_code_beside_a_number(line: str, amounts: list[str]) -> None:
    assert [text for _, _, text in amount_spans(line)] == amounts


def test_amounts_go_to_the_model_as_tags_and_come_back_as_written() -> None:
    split = split_segment("It costs €5 or 8 £ today", LineForms(decorations=True))
    assert split.lines == ["It costs <x1/> or <x2/> today"]
    assert split.rebuild(["Es kostet heute <x1/> oder <x2/>"]) == "Es kostet heute €5 oder 8 £"


def test_a_webextension_amount_goes_to_the_model_whole() -> None:
    # "$$9.99" came back "$9,99": a reference to a ninth substitution
    split = split_segment("Upgrade for only $$9.99 a year!", LineForms(decorations=True))
    assert split.lines == ["Upgrade for only <x/> a year!"]
    assert split.rebuild(["Upgrade für nur <x/> pro Jahr!"]) == "Upgrade für nur $$9.99 pro Jahr!"
