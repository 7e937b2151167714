"""The list or clause marker before a line's words, which memory matching sets aside."""

from __future__ import annotations

import pytest

from ltmt.clause_markers import clause_number, counted_in_memory, marker_for_model, split_marker


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
        # a clause's number before a capitalised word: set aside, the model wrote "2,3 Late ..."
        ("2.3 Late payments shall bear interest.", ("2.3 ", "Late payments shall bear interest.")),
        ("12.4 The Customer shall pay.", ("12.4 ", "The Customer shall pay.")),
        ("2.3 Übermittlung", ("2.3 ", "Übermittlung")),  # a match's German target line
        # the model gets: a number with decimals (German writes 1,5), a pronoun, no marker
        ("1.5 million people", ("", "1.5 million people")),
        # ... before a capitalised unit, magnitude or currency, or a word that is not one
        ("2.5 GB of storage", ("", "2.5 GB of storage")),
        ("2.5 Hours of video", ("", "2.5 Hours of video")),
        ("1.5 Million Users", ("", "1.5 Million Users")),
        ("2.5 Euros each", ("", "2.5 Euros each")),
        ("2.5 A fuse", ("", "2.5 A fuse")),
        ("3.5 Hz is low", ("", "3.5 Hz is low")),
        # ... before a thing a quantity counts (a plural), or a number below 1: the model wrote
        # "2.5 Sterne", and a match's "2,5 Sterne" came back beside it ("4.5 2,5 Sterne")
        ("2.5 Stars", ("", "2.5 Stars")),
        ("1.5 Tablets in the morning", ("", "1.5 Tablets in the morning")),
        ("1.5 Baths", ("", "1.5 Baths")),
        ("3.5 Servings", ("", "3.5 Servings")),
        ("0.5 Tablet twice daily", ("", "0.5 Tablet twice daily")),
        ("0.5 Cup of flour", ("", "0.5 Cup of flour")),
        # a heading in the plural, or in words that are no counted thing's, is a clause's
        ("3.1 Definitions", ("3.1 ", "Definitions")),
        ("4.2 Payment Terms", ("4.2 ", "Payment Terms")),
        ("4.1 Fees", ("4.1 ", "Fees")),
        ("1.1 Overview", ("1.1 ", "Overview")),
        ("4.7 App Store rating", ("4.7 ", "App Store rating")),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.3 Late payments shall bear interest.", "2.3"),
        ("4.2.1 The Provider shall ...", "4.2.1"),
        ("10.1. The Provider shall ...", "10.1"),
        ("1.3.2.\tThe data is kept.", "1.3.2"),
        ("2.3 Übermittlung an Dritte", "2.3"),
        # a quantity, a single number, another marker, words
        ("1.5 million people", ""),
        ("2.5 GB of storage", ""),
        ("1.5 Million Users", ""),
        ("2.3 A Party may terminate.", ""),
        ("2.5 Stars", ""),
        ("1.5 Tablets in the morning", ""),
        ("0.5 Tablet twice daily", ""),
        ("0.1 Scope", ""),  # a number below 1 is a quantity, whatever follows
        ("0.1.2 Scope", "0.1.2"),  # ... but one of three parts is a clause's
        ("3.1 Definitions", "3.1"),
        ("4.2 Payment Terms", "4.2"),
        ("1.1 Overview", "1.1"),
        ("1. May is Labour Day.", ""),
        ("(b) Late payments", ""),
        ("Section 2.3 applies.", ""),
        ("2.3", ""),
    ],
)
def test_the_number_of_a_clause_that_opens_a_line(text, expected):
    assert clause_number(text) == expected


def test_a_long_run_of_numbers_is_read_in_linear_time():
    # adversarial input for the clause number's pattern: many parts, then no blank
    assert clause_number("1." * 50_000 + "x") == ""
    assert clause_number("2.3 " + "A" * 100_000 + "a") == ""


@pytest.mark.parametrize(
    "text",
    ["4.7 App Store rating", "2.3 Late payments shall bear interest.", "12.4 The Customer"],
)
def test_the_memory_that_counts_a_lines_decimals_has_the_model_get_them(text):
    assert marker_for_model(text, decimals_counted=True) == ("", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.3.2 The data is kept.", ("1.3.2 ", "The data is kept.")),
        ("(b) The data is kept.", ("(b) ", "The data is kept.")),
        ("C) Only the IT department", ("C) ", "Only the IT department")),
    ],
)
def test_the_memory_that_counts_decimals_leaves_other_markers_set_aside(text, expected):
    assert marker_for_model(text, decimals_counted=True) == expected


@pytest.mark.parametrize(
    ("source", "target", "counted"),
    [
        ("4.5 App Store rating", "4,5 App-Store-Bewertung", True),
        ("  4.5 App Store rating", "4,5\tApp-Store-Bewertung", True),
        ("Ratings\n4.5 App Store rating", "Bewertungen\n4,5 App-Store-Bewertung", True),
        # a clause's number kept, or written with another number or on another line
        ("2.3 Late payments", "2.3 Verspätete Zahlungen", False),
        ("2.3 Late payments", "2,4 Verspätete Zahlungen", False),
        ("4.5 App Store rating\nRatings", "Bewertungen\n4,5 App-Store-Bewertung", False),
        # a quantity already (a magnitude, a counted thing): nothing for the memory to say
        ("1.5 Million users", "1,5 Millionen Nutzer", False),
        ("2.5 Stars", "2,5 Sterne", False),
        ("It is 4.5 App Store rating", "Es ist 4,5 App-Store-Bewertung", False),
    ],
)
def test_a_memory_counts_a_lines_decimals_where_it_writes_them_with_a_comma(
    source, target, counted
):
    assert counted_in_memory(source, target) is counted


def test_a_long_run_of_decimals_is_counted_in_linear_time():
    # adversarial input for the decimal comma's pattern: digits, commas and blanks, no end
    assert not counted_in_memory("4.5 " + "App " * 50_000, "4,5" + ",5" * 50_000 + "x")
    assert counted_in_memory("4.5 App", "4,5" + " \t" * 100_000 + "x")
    assert not counted_in_memory("1." * 50_000 + "x", "1," * 50_000 + "x")
