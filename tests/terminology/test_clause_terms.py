"""Glossary terms that are a whole line or a clause."""

from __future__ import annotations

import pytest

from ltmt.terminology.clause_terms import is_clause_term, whole_line_output
from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.terms import Term

QRD = Term(
    "Keep this medicine out of the sight and reach of children",
    "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf",
)
INVOICE = Term("invoice", "Rechnung")


@pytest.mark.parametrize(
    ("term", "clause"),
    [
        (QRD, True),
        (Term("Do not store above 25 °C", "Nicht über 25 °C lagern"), True),
        (Term("Edit payment method", "Zahlungsmethode bearbeiten"), False),
        (Term("Admin Center", "Admin Center"), False),
    ],
)
def test_a_term_of_four_words_or_more_is_a_clause(term: Term, clause: bool) -> None:
    assert is_clause_term(term) is clause


@pytest.mark.parametrize(
    ("term", "line", "output"),
    [
        # pharma trial: "Behalten Sie diese aus dem Blick und dem Bewahren Sie dieses
        # Arzneimittel für Kinder unzugänglich auf."
        (
            QRD,
            "Keep this medicine out of the sight and reach of children.",
            "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf.",
        ),
        (
            QRD,
            " Keep this medicine out of the sight and reach of children",
            "Bewahren Sie dieses Arzneimittel für Kinder unzugänglich auf",
        ),
        (INVOICE, "Invoice", "Rechnung"),
        (INVOICE, "Invoice:", "Rechnung:"),
        # a longer line, or the term in its plural: no whole-line output
        (QRD, "Keep this medicine out of the sight and reach of children and pets.", None),
        (INVOICE, "Invoices", None),
        (INVOICE, "Your invoice", None),
    ],
)
def test_a_term_that_is_the_whole_line_is_its_output(
    term: Term, line: str, output: str | None
) -> None:
    [hit] = TermMatcher([term]).find(line)
    expected = None if output is None else line[: len(line) - len(line.lstrip())] + output
    assert whole_line_output(line, hit) == expected
