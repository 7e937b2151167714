"""A request's pairs whose sides read swapped (:func:`pairs_read_swapped`); a file's pairs that
read as other languages (:func:`check_pair_languages`)."""

from __future__ import annotations

import re

import pytest

from ltmt.errors import InputError
from ltmt.formats.pair_languages import check_pair_languages, pairs_read_swapped
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("sources", "targets", "swapped"),
    [
        (["Fenster schließen"], ["Close the window"], True),
        (["Close the window"], ["Fenster schließen"], False),
        (["OK", "Name"], ["OK", "Name"], False),  # short: read surely as no language
        (["Fenster schließen", "Datei speichern"], ["Close the window", "Save the file"], True),
    ],
)
def test_pairs_read_swapped_where_sources_read_surely_as_the_target_language(
    sources, targets, swapped
):
    assert pairs_read_swapped(sources, targets, "en", "de") is swapped


LIDS = [
    PairRecord("Close the lid.", "Schließen Sie den Deckel."),
    PairRecord("Open the lid.", "Öffnen Sie den Deckel."),
    PairRecord("Lift the lid.", "Heben Sie den Deckel an."),
]
DUTCH = "its sources read as Dutch (nl), not English"


@pytest.mark.parametrize(
    ("fmt", "problem"), [("tmx", None), ("xliff", None), ("tsv", DUTCH), (None, DUTCH)]
)
def test_a_few_english_words_do_not_overrule_a_files_own_language_tags(fmt, problem):
    """A Trados TMX tagged en-US, three short segments (nine words, read as Dutch at 0.84),
    was refused: "its sources read as Dutch (nl), not English"."""
    if problem is None:
        check_pair_languages("lids", LIDS, "en", "de", "--no-language-check", fmt=fmt)
    else:
        with pytest.raises(InputError, match=rf"^lids: {re.escape(problem)} \(the import"):
            check_pair_languages("lids", LIDS, "en", "de", "--no-language-check", fmt=fmt)


def test_a_tagged_file_whose_sides_are_swapped_is_still_refused():
    swapped = [PairRecord(record.target, record.source) for record in LIDS]
    with pytest.raises(InputError, match=r"^lids: its sources read as German \(de\), not English"):
        check_pair_languages("lids", swapped, "en", "de", "--no-language-check", fmt="tmx")
