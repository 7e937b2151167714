"""A pair's words in the memory matches a fused translation followed."""

from __future__ import annotations

import pytest

from ltmt.formats.match_pairs import edge_words_in_matches, words_in_matches
from ltmt.formats.paired_tags import place_pairs, strip_pairs

MATCH = ("Click <b>Next</b> to continue.", "Klicken Sie auf <b>Weiter</b>, um fortzufahren.")
SHIPPED = ("Your order has been shipped.", "Ihre Bestellung wurde versandt.")
CART = ("Your cart is empty.", "Ihr Warenkorb ist leer.")


@pytest.mark.parametrize(
    ("source", "matches", "expected"),
    [
        ('Click <g id="1">Next</g> to go on.', [MATCH], ["Weiter"]),
        # the same text but for case and spaces; the first match that has the pair
        ('Click <g id="1"> next</g> now.', [("Hello", "Hallo"), MATCH], ["Weiter"]),
        # a match without a pair around the same text, or whose target lacks it
        ('Click <g id="1">Back</g> to continue.', [MATCH], [""]),
        ('Click <g id="1">Next</g> to continue.', [(MATCH[0], "Klicken Sie auf Weiter.")], [""]),
        # the pair whose tags stand where the source's does: the second <b>, not the <i>
        (
            '<g id="1">Save</g> and <g id="2">Close</g>',
            [
                (
                    "<b>Save</b>, <i>now</i> and <b>Close</b>",
                    "<i>jetzt</i> <b>Sichern</b>, <b>Zu</b>",
                )
            ],
            ["Sichern", "Zu"],
        ),
        # a pair kept as written has no words to find
        ('<g id="1">Next</g> <code>ls</code>', [MATCH], ["Weiter"]),
        # a match without pairs gives none (its edge words are a fallback, below)
        ('<g id="1">Your order</g> has been shipped.', [SHIPPED], [""]),
    ],
)
def test_words_in_matches(source: str, matches: list[tuple[str, str]], expected: list[str]) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert words_in_matches(paired, matches) == expected


@pytest.mark.parametrize(
    ("source", "matches", "expected"),
    [
        # a match without pairs: the pair's words at the same edge of the segment and of the
        # match's source give as many words of its target's edge
        (
            '<sc id="1"/>Your order<ec startRef="1"/> has been shipped.<ph id="3"/>Track it.',
            [CART, SHIPPED],
            ["Ihre Bestellung"],
        ),
        ('Your order has been <g id="1">shipped</g>.', [SHIPPED], ["versandt"]),
        ('Your <g id="1">order</g> has been shipped.', [SHIPPED], [""]),  # at no edge
        ('<g id="1">Your cart</g> is full.', [SHIPPED], [""]),  # not the match's words
    ],
)
def test_edge_words_in_matches(
    source: str, matches: list[tuple[str, str]], expected: list[str]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert edge_words_in_matches(paired, matches) == expected


def test_a_pair_at_the_edge_goes_around_the_words_a_plain_match_gives_it() -> None:
    """Regression trial phrase, session 68: ``<sc/>Your order<ec/> has been shipped.`` fused
    with the match ``Your order has been shipped.`` came out ``<sc/>Deine Reihenfolge<ec/>
    Ihre Bestellung wurde verschifft.``: the pair's own translation was not in the sentence and
    was put in before the words that already said it."""
    source = '<sc id="1"/>Your order<ec startRef="1"/> has been shipped.'
    paired = strip_pairs(source)
    assert paired is not None
    edges = edge_words_in_matches(paired, [SHIPPED])
    placed = place_pairs(
        paired, "Ihre Bestellung wurde verschifft.", ["Deine Reihenfolge"], [""], (), edges
    )
    assert placed == '<sc id="1"/>Ihre Bestellung<ec startRef="1"/> wurde verschifft.'
    # without a match (the model dropped the words) its own translation is still put in
    assert place_pairs(paired, "Wurde verschifft.", ["Ihre Bestellung"]) == (
        '<sc id="1"/>Ihre Bestellung<ec startRef="1"/> Wurde verschifft.'
    )


NEWS = ("New messages arrive every day.", "Jeden Tag kommen neue Nachrichten an.")
FOLDER = (
    "Save the report to your documents folder.",
    "Speichern Sie den Bericht in Ihrem Dokumentenordner.",
)


@pytest.mark.parametrize(
    ("source", "match", "translation", "inner", "expected"),
    [
        (
            '<pc id="1">New messages</pc> arrive every day.',
            NEWS,
            "Jeden Tag kommen neue Nachrichten an.",
            "neue Nachrichten",
            'Jeden Tag kommen <pc id="1">neue Nachrichten</pc> an.',
        ),
        (
            'Save the report to <pc id="1">your documents folder</pc>.',
            FOLDER,
            "Speichern Sie den Bericht in Ihrem Dokumentenordner.",
            "Ihren Dokumentenordner",
            'Speichern Sie den Bericht in <pc id="1">Ihrem Dokumentenordner</pc>.',
        ),
    ],
)
def test_a_pair_whose_translation_is_found_is_not_moved_to_the_edge(
    source: str, match: tuple[str, str], translation: str, inner: str, expected: str
) -> None:
    """Regression trial regc, session 68: ``<pc>New messages</pc> arrive every day.`` with the
    match ``New messages arrive every day.`` → ``Jeden Tag kommen neue Nachrichten an.`` came
    out ``<pc>Jeden Tag</pc> kommen neue Nachrichten an.``: the match target's first words were
    taken for the pair's although its own translation was in the sentence."""
    paired = strip_pairs(source)
    assert paired is not None
    edges = edge_words_in_matches(paired, [match])
    assert place_pairs(paired, translation, [inner], [""], (), edges) == expected
