"""The SmartFormat forms a translation left as in the source (:mod:`ltmt.copied_forms`)."""

from __future__ import annotations

import pytest

from ltmt.copied_forms import copied_forms


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (
            "Get <b>{count}</b> {count:plural:gem|gems} for {price}!",
            "Hole <b>{count}</b> {count:plural:gem|gems} für {price}!",
            ["gem", "gems"],
        ),
        ("{count} {count:plural:key|keys} left", "{count} {count:plural:Schlüssel|keys}", ["keys"]),
        # a conditional's words, its condition aside; a form with its count field
        (
            "{hp:cond:>50?You look healthy.|You are hurt.}",
            "{hp:cond:>50?You look healthy.|Du bist verletzt.}",
            ["You look healthy."],
        ),
        ("{n:plural:{} gem|{} gems} x", "{n:plural:{} gem|{} Edelsteine} y", ["{} gem"]),
        # translated; a whole copy (named as such); a form of no words; one name; another
        # number of forms (the plurals check's)
        ("{n:plural:gem|gems} x", "{n:plural:Edelstein|Edelsteine} y", []),
        ("{n:plural:gem|gems}", "{n:plural:gem|gems}", []),
        ("{n:plural:{}|{} x} a", "{n:plural:{}|{} x} b", []),
        ("{g:choose(a|b):Trackly|Acme Cloud} a", "{g:choose(a|b):Trackly|Acme-Wolke} b", []),
        ("{n:plural:gem|gems} x", "{n:plural:gem|gems|gemses} y", []),
        ("You have {count} gems.", "Du hast {count} gems.", []),
    ],
)
def test_copied_forms(source: str, target: str, expected: list[str]) -> None:
    assert copied_forms(source, target) == expected
