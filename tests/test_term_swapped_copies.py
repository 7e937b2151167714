"""An output that is its source written again with only its glossary terms swapped in."""

from __future__ import annotations

import time

import pytest

from ltmt.term_swapped_copies import copied_around_terms


def _spans(source: str, *terms: str) -> list[tuple[int, int]]:
    return [(source.index(term), source.index(term) + len(term)) for term in terms]


@pytest.mark.parametrize(
    ("source", "output", "terms", "copied"),
    [
        # Zendesk trial: a heading left in English, a term swapped in, passed every check
        ("Managing team members", "Managing Teammitglieder", ("team members",), True),
        (
            "Click Save to view your invoices.",
            "Click Speichern to view your Rechnungen.",
            ("Save", "invoices"),
            True,
        ),
        ("managing team members", "Managing Teammitglieder", ("team members",), True),
        # translated, or copied words German writes too: no copy
        ("Managing team members", "Teammitglieder verwalten", ("team members",), False),
        ("Team members online", "Teammitglieder online", ("Team members",), False),
        ("Billing status", "Abrechnung Status", ("Billing",), False),
        # the source as written is the whole-copy check's; no term, nothing to say
        ("Managing team members", "Managing team members", ("team members",), False),
        ("Managing invoices", "Managing invoices", (), False),
        # the term alone
        ("Team members", "Teammitglieder", ("Team members",), False),
    ],
)
def test_copied_around_terms(source, output, terms, copied):
    assert copied_around_terms(source, output, _spans(source, *terms)) is copied


def test_a_long_line_takes_linear_time():
    line = "the " * 20000
    spans = [(n * 4, n * 4 + 3) for n in range(0, 20000, 2)]
    start = time.perf_counter()
    assert not copied_around_terms(line, "der " * 19999 + "x", spans)
    assert not copied_around_terms("a " * 50000 + "team", "a " * 50000 + "b", [(100000, 100004)])
    assert time.perf_counter() - start < 2.0
