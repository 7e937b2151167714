"""Term accuracy and memory-term consistency counts, and their pooling over users."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.terminology.consistency import TermScore, pooled, term_score
from ltmt.terminology.terms import Term

FILE = Term("file", "Datei")


def test_term_score_counts_each_terms_occurrence_once_a_line():
    score = term_score(
        ["the file", "a file and the files", "x"], ["die Datei", "Akte", "x"], [FILE]
    )
    assert score == TermScore(rendered=1, total=2)
    assert score.to_dict() == {"percent": 50.0, "rendered": 1, "total": 2}


def test_pooled_adds_the_occurrences_of_every_score():
    assert pooled([TermScore(1, 2), TermScore(3, 3)]) == TermScore(4, 5)
    assert pooled(iter([TermScore(0, 0)])).to_dict()["percent"] is None
    assert pooled([]) == TermScore(0, 0)


def test_term_score_refuses_unaligned_hypotheses():
    with pytest.raises(InputError, match="2 sources but 1 hypotheses"):
        term_score(["a", "b"], ["a"], [FILE])
