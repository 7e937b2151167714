"""A pair of tags cut down to one word of four or more, and the pair as a placeholder for its
own translation."""

from __future__ import annotations

import pytest

from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.shrunk_pairs import ShrunkPair, shrunk_pairs, translated_in_place

LINK = '<a href="/hc/en-us/articles/1">'
FAQ = '<a href="/hc/en-us/sections/2">'
SOURCE = f"See also: {LINK}How to update your billing information</a> · {FAQ}Billing FAQ</a>"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        # the Zendesk trial's output (s76): the title's link around one word of six
        (
            f"Weiterhin: Wie Sie {LINK}Ihre</a> · {FAQ}Abrechnung des FAQ</a>",
            [ShrunkPair(LINK, "</a>", "How to update your billing information", "Ihre")],
        ),
        # the link localised (/hc/de/): the same link, in order
        (
            'Wie Sie <a href="/hc/de/articles/1">Ihre</a> · <a href="/hc/de/sections/2">FAQ</a>',
            [
                ShrunkPair(
                    '<a href="/hc/de/articles/1">',
                    "</a>",
                    "How to update your billing information",
                    "Ihre",
                )
            ],
        ),
        # whole: nothing
        (
            f"Siehe auch: {LINK}So aktualisieren Sie Ihre Rechnungsinformationen</a> · "
            f"{FAQ}Abrechnungs-FAQ</a>",
            [],
        ),
        # a two-word source around one word (FAQ) is a compound's right, as German writes it
        (f"Siehe {LINK}Rechnungsdaten aktualisieren</a> · {FAQ}Abrechnungs-FAQ</a>", []),
        # a pair twice where the source has it once: the placeholder check's, not this one's
        (f"Siehe {LINK}Ihre</a> {LINK}Rechnung</a> · {FAQ}FAQ</a>", []),
    ],
)
def test_a_pair_around_one_word_of_four_or_more_has_shrunk(target, expected):
    assert shrunk_pairs(SOURCE, target) == expected


def test_three_english_words_may_be_one_german_compound():
    source = "Open <b>user account settings</b> now."
    assert shrunk_pairs(source, "Öffnen Sie <b>Benutzerkontoeinstellungen</b> jetzt.") == []


def test_a_pair_becomes_a_placeholder_that_comes_back_around_its_own_translation():
    paired = strip_pairs(SOURCE)
    assert paired is not None
    title = "So aktualisieren Sie Ihre Rechnungsinformationen"
    in_place = translated_in_place(paired, {paired.pairs[0]: title})
    assert in_place.text == 'See also: <ph id="ltmt-t1"/> · Billing FAQ'
    assert in_place.to_translate == ["Billing FAQ"]
    # the pair after it still stands on its words
    faq = in_place.pairs[1]
    assert in_place.text[faq.start : faq.end] == "Billing FAQ"
    translation = 'Siehe auch: <ph id="ltmt-t1"/> · Abrechnungs-FAQ'
    assert place_pairs(in_place, translation, ["Abrechnungs-FAQ"]) == (
        f"Siehe auch: {LINK}{title}</a> · {FAQ}Abrechnungs-FAQ</a>"
    )
