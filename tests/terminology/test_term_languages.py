"""A glossary whose rows read as target terms first is refused, one of names and acronyms is not."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError
from ltmt.terminology.term_languages import check_term_languages, row_votes, term_languages_problem
from ltmt.terminology.terms import Term

# a medical glossary, German column first and no header: each column read whole was only 0.38
# German / 0.73 English, below the 0.8 the columns' check needs, and it was imported
MEDICAL = [
    ("infusion pump", "Infusionspumpe"),
    ("pump", "Pumpe"),
    ("IFU", "Gebrauchsanweisung"),
    ("MRI", "MRT"),
    ("occlusion alarm", "Okklusionsalarm"),
    ("catheter", "Katheter"),
    ("flow rate", "Förderrate"),
    ("single-use", "Einmalgebrauch"),
    ("healthcare professional", "medizinische Fachkraft"),
    ("adverse event", "unerwünschtes Ereignis"),
    ("manufacturer", "Hersteller"),
    ("device", "Produkt"),
]


def terms(rows: list[tuple[str, str]], swapped: bool = False) -> list[Term]:
    return [Term(*reversed(row)) if swapped else Term(*row) for row in rows]


def test_a_swapped_glossary_of_short_terms_is_refused_as_the_header_case_is():
    with pytest.raises(
        InputError,
        match=r"^med\.csv: 7 of 12 rows read as German first and English second: target terms "
        r"first; a glossary of en to de has its source terms first: swap the columns; nothing "
        r"was imported \(--no-language-check imports it as it is\)$",
    ):
        check_term_languages(
            "med.csv", terms(MEDICAL, swapped=True), "en", "de", "--no-language-check"
        )


@pytest.mark.parametrize(
    "rows",
    [
        MEDICAL,
        # names and acronyms written alike on both sides: no row tells, none votes
        [("MRI", "MRT"), ("IFU", "IFU"), ("Git", "Git"), ("OK", "OK"), ("CloudSync", "CloudSync")],
        [("Eldoria", "Eldoria"), ("Health Potion", "Heiltrank"), ("Shadowfang", "Schattenzahn")],
        [("sync", "Synchronisierung"), ("CloudSync Agent", "CloudSync Agent")],
    ],
)
def test_a_glossary_in_the_right_order_is_imported(rows):
    check_term_languages("g.csv", terms(rows), "en", "de", "--no-language-check")


def test_rows_vote_by_which_term_leans_towards_the_target_language():
    # identical terms, and words the detector does not know (Pumpe/pump), do not vote
    assert row_votes(terms(MEDICAL), "en", "de") == (0, 7)
    assert row_votes(terms(MEDICAL, swapped=True), "en", "de") == (7, 0)
    assert row_votes(terms([("Git", "Git"), ("pump", "Pumpe")]), "en", "de") == (0, 0)


@pytest.mark.parametrize("row", [("flow rate", "Förderrate"), ("Wi-Fi", "WLAN"), ("file", "Datei")])
def test_a_glossary_of_a_term_or_two_is_too_little_text_to_read_its_languages(
    row: tuple[str, str],
) -> None:
    """``Förderrate`` alone read as Swedish and ``Wi-Fi`` as Low German: a one-term
    ``--glossary`` was refused, once every read of a glossary checked its languages."""
    assert term_languages_problem(terms([row]), "en", "de") is None
    assert term_languages_problem(terms([row, row]), "en", "de") is None
