"""The list or clause marker before a line's words, which memory matching sets aside."""

from __future__ import annotations

import pytest

from ltmt.clause_markers import marker_for_model, split_marker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.3 The data is kept.", ("1.3 ", "The data is kept.")),
        ("1.3.2. The data is kept.", ("1.3.2. ", "The data is kept.")),
        ("(b) The data is kept.", ("(b) ", "The data is kept.")),
        ("(2)\tThe data is kept.", ("(2)\t", "The data is kept.")),
        ("(iv) The data is kept.", ("(iv) ", "The data is kept.")),
        ("iv. The data is kept.", ("iv. ", "The data is kept.")),
        ("IV) The data is kept.", ("IV) ", "The data is kept.")),
        ("§ 3 The data is kept.", ("§ 3 ", "The data is kept.")),
        ("§§ 3a The data is kept.", ("§§ 3a ", "The data is kept.")),
        ("a) The data is kept.", ("a) ", "The data is kept.")),
        ("12. The data is kept.", ("12. ", "The data is kept.")),
        ("- The data is kept.", ("- ", "The data is kept.")),
        ("* The data is kept.", ("* ", "The data is kept.")),
        ("• The data is kept.", ("• ", "The data is kept.")),
        # no marker: words, a number that is part of the sentence, a marker with no words after
        ("The data is kept.", ("", "The data is kept.")),
        ("i.e. the data is kept.", ("", "i.e. the data is kept.")),
        ("Art. 6 applies.", ("", "Art. 6 applies.")),
        ("3 files were kept.", ("", "3 files were kept.")),
        ("-v shows more.", ("", "-v shows more.")),
        ("1.3 ", ("", "1.3 ")),
    ],
)
def test_a_leading_marker_is_told_from_the_words(text, expected):
    assert split_marker(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C) Only the IT department", ("C) ", "Only the IT department")),
        ("• Save the file", ("• ", "Save the file")),
        ("1) Open the file", ("1) ", "Open the file")),
        ("(1) Open the file", ("(1) ", "Open the file")),
        ("II. Methods", ("II. ", "Methods")),
        ("I. Introduction", ("I. ", "Introduction")),  # the model wrote "Ich. Entfernung"
        ("A. Smith wrote it.", ("A. ", "Smith wrote it.")),  # an initial, kept as written
        ("1.3. The data is kept.", ("1.3. ", "The data is kept.")),
        ("§ 3 The data is kept.", ("§ 3 ", "The data is kept.")),
        # the model gets: a number with decimals (German writes 1,5), a pronoun, no marker
        ("1.5 million people", ("", "1.5 million people")),
        # a number and a full stop, a date's day too: the model wrote "1. Vielleicht" set aside
        (
            "1. May is Labour Day in many countries.",
            ("", "1. May is Labour Day in many countries."),
        ),
        ("10. Open the file", ("", "10. Open the file")),
        ("I think so.", ("", "I think so.")),
        ("-- More", ("", "-- More")),
        # an ASCII sign: a bullet or a flag in a help table's column (+  pad)
        ("- Save the file", ("", "- Save the file")),
        ("+  pad with zeros", ("", "+  pad with zeros")),
        ("* tabs   same as tab0", ("", "* tabs   same as tab0")),
    ],
)
def test_the_marker_the_model_gets_a_line_without(text, expected):
    assert marker_for_model(text) == expected
