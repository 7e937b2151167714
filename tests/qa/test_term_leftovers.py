"""qa's glossary check of a term's English words kept beside its target."""

from __future__ import annotations

import time

import pytest

from ltmt.qa.glossary_checks import prose_terms, term_findings
from ltmt.qa.term_leftovers import english_left
from ltmt.segments import PairRecord
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term

MATCHER = TermMatcher(
    [Term("receipt", "Beleg"), Term("health potion", "Heiltrank"), Term("Old Tom", "Old Tom")]
)


def _messages(source: str, target: str) -> list[str]:
    record = PairRecord(source, target)
    return [f.message for f in english_left(0, record, prose_terms(MATCHER, source))]


@pytest.mark.parametrize(
    ("source", "target", "kept"),
    [
        # trial s75 xamarin: the target glued in front, the English word left in the line
        ("{0} receipt(s) attached", "Beleg {0}-Receipt(s) anhängend", "Receipt(s)"),
        ("Attach receipts", "Belege Receipts anhängen", "Receipts"),
        ("Drink a health potion", "Trink einen Heiltrank Health Potion", "Health Potion"),
    ],
)
def test_an_english_word_of_a_term_beside_its_target_is_named(
    source: str, target: str, kept: str
) -> None:
    [message] = _messages(source, target)
    assert message.startswith(f"keeps the English {kept!r} beside ")
    assert "in the glossary): translate it as" in message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("{0} receipt(s) attached", "{0} Belege angehängt"),
        # the target missing: the missed-term check names it, not this one
        ("{0} receipt(s) attached", "{0}-Receipt(s) anhängend"),
        # a name kept as written, its target its source
        ("Old Tom says hi", "Old Tom sagt hallo"),
        # the source has the word outside its terms (a placeholder's, a quoted label's)
        ("Open {receipt} for the receipt", "Öffnen Sie {receipt} für den Beleg"),
        ('Click "Receipt" to see the receipt', 'Klicken Sie auf "Receipt", um den Beleg zu sehen'),
        # a word that begins with the term's is another word
        ("Scan the receipt", "Den Beleg im Receipter scannen"),
    ],
)
def test_nothing_is_named_where_no_english_of_a_term_is_kept(source: str, target: str) -> None:
    assert _messages(source, target) == []


def test_term_findings_name_the_english_kept_with_the_missed_terms() -> None:
    records = [
        PairRecord("{0} receipt(s) attached", "Beleg {0}-Receipt(s) anhängend"),
        PairRecord("Scan receipt", "Receiptieren"),
    ]
    findings = term_findings(records, MATCHER, "de")
    assert [(f.entry, f.check, f.message.split(" (")[0]) for f in findings] == [
        (0, "glossary", "keeps the English 'Receipt(s)' beside 'Beleg'"),
        (1, "glossary", "'receipt' is 'Beleg' in the glossary"),
    ]


def test_a_long_adversarial_line_is_read_in_linear_time() -> None:
    source = "health potion " * 20
    target = "Heiltrank " + "health - - - - " * 5000 + "potio"
    started = time.perf_counter()
    _messages(source, target)
    assert time.perf_counter() - started < 2.0


def test_an_english_name_the_source_writes_so_is_no_leftover() -> None:
    """trial s75: "Receipt Scanner", a feature's name, is kept in English as the source has it."""
    source = "Tap Receipt Scanner to scan a receipt."
    assert _messages(source, "Tippen Sie auf Receipt Scanner, um einen Beleg zu scannen.") == []
    # the same word outside the name, or a name the source does not write, is still named
    [message] = _messages(
        source, "Tippen Sie auf Receipt Scanner, um einen Beleg Receipt zu scannen."
    )
    assert message.startswith("keeps the English 'Receipt' beside 'Beleg'")
    [message] = _messages(
        "Tap the scanner for a receipt.", "Tippen Sie auf Receipt Scanner für einen Beleg."
    )
    assert message.startswith("keeps the English 'Receipt' beside 'Beleg'")


def test_names_of_many_capitalised_words_are_read_in_linear_time() -> None:
    words = " ".join(f"Receipt{'x' * (n % 7)} Receipt" for n in range(5000))
    started = time.perf_counter()
    _messages(f"Scan a receipt. {words}", f"Beleg scannen. {words}")
    assert time.perf_counter() - started < 6  # 1.3 s beside other jobs (by hand)
