"""Numbers a translation keeps: every run of digits of its source, as often as there."""

from __future__ import annotations

import pytest

from ltmt.numbers_kept import numbers_lost


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        ("E351: Cannot delete fold", "E351: Faltung kann nicht gelöscht werden", 0),
        ("E351: Cannot delete fold", "Faltung kann nicht gelöscht werden", 1),
        ("Use 1.5 MB", "1,5 MB verwenden", 0),  # a decimal comma keeps both runs
        ("1,000 files", "1.000 Dateien", 0),
        ("example: 10K is 10*1024", "Beispiel: 10K ist 1024", 1),  # a match's number read in
        ("in deb822 format", "im deb82-Format", 1),
        ("day of year (001..366)", "Tag des Jahres (001..36)", 1),
        ("%1$s of %2$s", "%1$s von %2$s", 0),
        ("copy 2 of 2", "Kopie 2", 1),  # repeats count
        ("no numbers here", "keine Zahlen 42", 0),  # an added number is not a lost one
        ("", "", 0),
    ],
)
def test_numbers_lost_counts_the_sources_digit_runs_the_output_lacks(source, output, lost):
    assert numbers_lost(source, output) == lost
