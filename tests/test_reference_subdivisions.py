"""The letters in brackets of a legal reference's subdivisions, which a translation keeps."""

from __future__ import annotations

import time

import pytest

from ltmt.reference_subdivisions import LostSubdivision, lost_subdivisions


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        # a legal trial's (session 75): the legal basis "contract" became the whole paragraph
        (
            "The processing is based on Art. 6(1)(b) GDPR.",
            "Die Verarbeitung basiert auf Art. 6(1) DSGVO.",
            [("6(1)(b)", "b")],
        ),
        (
            "Processing under Art. 28(3)(a) GDPR applies.",
            "Nach Art. 28(3) DSGVO.",
            [("28(3)(a)", "a")],
        ),
        # a roman numeral changed
        ("See Section 4.2(c)(ii).", "Einzelplan 4.2(c)(i).", [("4.2(c)(ii)", "ii")]),
        ("See Section 4.2(c)(i).", "Siehe Ziffer 4.2(c)(ii).", [("4.2(c)(i)", "i")]),
        # another letter in German's way of citing
        ("Art. 6(1)(b) GDPR", "Art. 6 Abs. 1 lit. f DSGVO", [("6(1)(b)", "b")]),
        ("15 U.S.C. § 1681(a)(2)(A)", "15 U.S.C. § 1681(a)(2)", [("1681(a)(2)(A)", "A")]),
        # kept: in brackets, as German cites it, glued to the number
        ("Art. 6(1)(b) GDPR", "Art. 6(1)(b) DSGVO", []),
        ("Art. 6(1)(b) GDPR", "Art. 6 Abs. 1 lit. b DSGVO", []),
        ("Article 4(1)(a)", "Artikel 4 Absatz 1 Buchstabe a)", []),
        ("Article 8(b)", "Artikel 8 Buchstabe b", []),
        ("Section 4.2(c)(ii)", "Ziffer 4.2 lit. c Ziff. ii", []),
        ("Article 25(a) of the directive", "Artikel 25a der Richtlinie", []),  # Europarl's
        # a paragraph's number is the numbers check's; no reference, no letter
        ("Rule 148(3)", "Artikel 148 Absatz 3", []),
        ("Rule 148(3)", "Artikel 148", []),
        ("Call f2(x) or (b) now.", "Rufen Sie f2 auf.", []),
        ("(a) The data is kept.", "Die Daten bleiben.", []),
    ],
)
def test_a_letter_of_a_reference_the_translation_lacks_is_found(source, target, lost):
    assert lost_subdivisions(source, target) == [LostSubdivision(*pair) for pair in lost]


def test_each_lost_letter_is_said_once():
    source = "Art. 6(1)(b) and again Art. 6(1)(b)"
    assert lost_subdivisions(source, "Art. 6(1) und Art. 6(1)") == [LostSubdivision("6(1)(b)", "b")]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("1" + "(a)" * 100_000, "(b)"),
        ("1.1" * 50_000 + "(a)", "(b)"),
        ("1(i)" * 50_000, "(ii)"),
        ("Art. 6(1)(b) " * 2_000, "lit. " * 100_000),
        ("Art. 6(1)(b) " * 2_000, "(" * 200_000),
        ("Art. 6(1)(b) " * 2_000, "1" * 200_000 + "b"),
    ],
)
def test_long_adversarial_text_is_read_in_linear_time(source, target):
    started = time.perf_counter()
    lost_subdivisions(source, target)
    assert time.perf_counter() - started < 2.0
