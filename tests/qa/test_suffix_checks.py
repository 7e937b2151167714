"""qa's check of an English plural suffix kept in a German plural form."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.qa.pair_checks import PAIR_CHECKS
from ltmt.qa.suffix_checks import english_suffix_problems

KEPT = (
    "keeps the English plural ending {}: write the German singular and plural forms out "
    "(Eintrag, Einträge)"
)


@pytest.mark.parametrize(
    ("source", "target", "metadata", "found"),
    [
        # trial s76 (qt2 #7): a Qt numerus message's forms, qa said "nothing found"
        ("%n entries removed", "%n Eintrag(ies) entfernt", {"plural": 1}, ["(ies)"]),
        ("%n directory scanned", "%n Verzeichnis(y|ies) gelesen", {"plural": 0}, ["(y|ies)"]),
        ("%n children", "%n Kindprozess(ren)", {"plural": 1}, ["(ren)"]),
        ("%n child(ren)", "%n Kind(ren)", {}, ["(ren)"]),  # a source writing both forms
        ("%n files", "%n Datei(en)", {"plural": 1}, []),  # German's own
        ("%n photos", "%n Foto(s)", {"plural": 1}, []),
        ("Status (es)", "Status(es)", {}, []),  # no plural: not asked
    ],
)
def test_an_english_plural_ending_in_german_is_found(
    source: str, target: str, metadata: dict[str, Any], found: list[str]
) -> None:
    assert english_suffix_problems(source, target, metadata) == [KEPT.format(s) for s in found]


def test_qa_s_plurals_check_says_it() -> None:
    problems = PAIR_CHECKS["plurals"](
        "%n entries removed", "%n Eintrag(ies) entfernt", {"plural": 1}
    )
    assert problems == [KEPT.format("(ies)")]
