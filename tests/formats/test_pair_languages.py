"""A request's pairs whose sides read swapped (:func:`pairs_read_swapped`)."""

from __future__ import annotations

import pytest

from ltmt.formats.pair_languages import pairs_read_swapped


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
