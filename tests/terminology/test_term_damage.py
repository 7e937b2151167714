"""Outputs a glossary step damaged to carry a target: glued in front, or all that is left."""

from __future__ import annotations

import pytest

from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.term_damage import damaged, glued_in_front, only_targets
from ltmt.terminology.terms import Term

MATCHER = TermMatcher(
    [Term("receipt", "Beleg"), Term("health potion", "Heiltrank"), Term("file", "Datei")]
)


@pytest.mark.parametrize(
    ("source", "before", "after", "expected"),
    [
        # trial s75 xamarin: the target put in front, the English word left where the term is
        (
            "{0} receipt(s) attached",
            "{0}-Receipt(s) anhängend",
            "Beleg {0}-Receipt(s) anhängend",
            True,
        ),
        ("Attach the receipt", "Anhängen der Quittung", "Beleg Anhängen der Quittung", True),
        # the term opens the source: in front is its place
        ("Receipt attached", "angehängt", "Beleg angehängt", False),
        # placed in the line, not in front of it
        ("{0} receipts attached", "{0} angehängt", "{0} Belege angehängt", False),
        ("{0} receipt(s) attached", "{0}-Receipt(s) anhängend", "{0}-Belege anhängend", False),
        # more than the targets in front: a new output, not the old one with a target glued on
        ("Attach the receipt", "Anhängen", "Beleg jetzt Anhängen", False),
        ("Attach the receipt", "Anhängen", "Anhängen", False),
        ("Attach the receipt", "", "Beleg", False),
    ],
)
def test_glued_in_front(source: str, before: str, after: str, expected: bool) -> None:
    assert glued_in_front(source, MATCHER.find(source), before, after) is expected


@pytest.mark.parametrize(
    ("source", "after", "expected"),
    [
        # trial s75 xamarin: the one word of the output, which said "scan" too, replaced
        ("Scan receipt", "Beleg", True),
        ("Scan receipts", "Belege", True),
        ("Drink the Health Potions", "Die Heiltränke", True),  # an article is no "drink"
        ("Scan receipt", "Beleg scannen", False),
        ("Scan receipt", "Scan Beleg", False),
        # nothing but the term (and function words, placeholders) to say
        ("Receipts", "Belege", False),
        ("the receipt", "der Beleg", False),
        ("{0} receipt(s)", "{0} Belege", False),
        ("Receipt:", "Beleg:", False),
        # hits of another text (a retry's, its targets in place) are not read
        ("Scan Beleg", "Beleg", False),
    ],
)
def test_only_targets(source: str, after: str, expected: bool) -> None:
    hits = MATCHER.find("Scan receipt" if source == "Scan Beleg" else source)
    assert only_targets(source, hits, after) is expected


def test_damaged_is_either_and_needs_hits() -> None:
    source = "Scan receipt"
    hits = MATCHER.find(source)
    assert damaged(source, hits, "Receiptieren", "Beleg")
    assert damaged("{0} receipt", MATCHER.find("{0} receipt"), "{0} Receipt", "Beleg {0} Receipt")
    assert not damaged(source, hits, "Receiptieren", "Beleg scannen")
    assert not damaged(source, [], "Receiptieren", "Beleg")


@pytest.mark.parametrize(
    ("source", "after", "expected"),
    [
        ("No receipts yet.", "Keine Belege.", False),  # trial s75: "yet" is left unsaid
        ("No receipts found.", "Keine Belege.", True),  # "found" is lost
        ("Please scan the receipt here now.", "Beleg", True),  # "scan" is lost
        ("Not a receipt.", "Kein Beleg.", False),
    ],
)
def test_only_targets_words_german_leaves_unsaid(source: str, after: str, expected: bool) -> None:
    assert only_targets(source, MATCHER.find(source), after) is expected
