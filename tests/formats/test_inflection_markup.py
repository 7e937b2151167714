"""Apple's automatic grammar agreement markup (trial s77: ``^[%lld item](inflect: true) added``
came back ``^[%lld Element](inflect: wahr)``): its ``^[`` and ``](attributes)`` are placeholders
and a pair's marks, kept byte for byte, its words translated; other brackets are unchanged."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.inflection_markup import has_inflection, inflection_marks
from ltmt.formats.paired_tags import place_pairs, strip_pairs
from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags


@pytest.mark.parametrize(("source", "placeholders"), [
    ("^[%lld item](inflect: true) added", ["^[", "%lld", "](inflect: true)"]),
    ("Added ^[%lld apple](inflect: true) to your cart", ["^[", "%lld", "](inflect: true)"]),
    ("^[Your](agreeWithArgument: 1) order", ["^[", "](agreeWithArgument: 1)"]),
    ("^[the](agreeWithConcept: 1) ^[%@](referentConcept: 1)",
     ["^[", "](agreeWithConcept: 1)", "^[", "%@", "](referentConcept: 1)"]),
    ('^[order](morphology: { partOfSpeech: "noun", grammaticalGender: "feminine" })',
     ["^[", '](morphology: { partOfSpeech: "noun", grammaticalGender: "feminine" })']),
    ('Welcome, ^[guest](inflectionAlternative: "Gast (m)")!',
     ["^[", '](inflectionAlternative: "Gast (m)")']),
    # JSON5's quoted key, several attributes, an app's own; a URL inside is the mark's
    ('^[item]("inflect": true, partOfSpeech: \'noun\')',
     ["^[", "](\"inflect\": true, partOfSpeech: 'noun')"]),
    ("^[Help](see: https://example.com/help)", ["^[", "](see: https://example.com/help)"]),
])  # fmt: skip
def test_the_markups_marks_are_placeholders(source: str, placeholders: list[str]) -> None:
    found = find_placeholders(source)
    assert [p.text for p in found] == placeholders
    assert {p.kind for p in found if p.text.startswith(("^[", "]("))} == {"inflection"}
    assert all(p.kind == "inflection" for p in sent_as_tags(source))


@pytest.mark.parametrize("text", [
    "Read the [privacy policy](https://shopkit.example.com/privacy)",
    "[Call us](tel:+4989123) or [mail](mailto:help@example.com)",
    "2^[3] is eight", "^[no closing] here", "^[text](no colon)", "^[text](key: unclosed",
    "^[two\nlines](inflect: true)", "^[nested [x]](inflect: true)",
])  # fmt: skip
def test_brackets_of_other_kinds_are_as_before(text: str) -> None:
    assert not has_inflection(text)
    assert inflection_marks(text) == []
    assert all(p.kind != "inflection" for p in find_placeholders(text))


def test_a_markdown_links_marks_stay_their_own_beside_the_markup() -> None:
    # a Markdown link's marks (ltmt.formats.markdown_link_marks), not inflection's
    source = "^[%lld item](inflect: true) in [your cart](https://example.com/cart)"
    assert [(p.text, p.kind) for p in find_placeholders(source)] == [
        ("^[", "inflection"), ("%lld", "printf"), ("](inflect: true)", "inflection"),
        ("[", "markdown"), ("](https://example.com/cart)", "markdown"),
    ]  # fmt: skip


@pytest.mark.parametrize(("source", "plain", "pairs"), [
    ("^[%lld item](inflect: true) added", "%lld item added",
     [("^[", "%lld item", "](inflect: true)")]),
    ("Added ^[%lld apple](inflect: true) to your cart", "Added %lld apple to your cart",
     [("^[", "%lld apple", "](inflect: true)")]),
    ("^[Your](agreeWithArgument: 1) ^[order](morphology: { partOfSpeech: \"noun\" }) is ready",
     "Your order is ready",
     [("^[", "Your", "](agreeWithArgument: 1)"),
      ("^[", "order", '](morphology: { partOfSpeech: "noun" })')]),
])  # fmt: skip
def test_the_markup_is_a_pair_around_its_words(
    source: str, plain: str, pairs: list[tuple[str, str, str]]
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert paired.text == plain
    assert [(p.opening, p.inner, p.closing) for p in paired.pairs] == pairs


@pytest.mark.parametrize(("source", "translation", "inner", "written"), [
    ("Added ^[%lld apple](inflect: true) to your cart",
     "Füge %lld Apfel zu deinem Warenkorb hinzu", ["%lld Apfel"],
     "Füge ^[%lld Apfel](inflect: true) zu deinem Warenkorb hinzu"),
    # the words' own translation matched only the count: the noun after it goes inside, which
    # Foundation makes agree with the count (the markup went around %lld alone)
    ("^[%lld item](inflect: true) added", "%lld Element hinzugefügt", ["%lld Objekt"],
     "^[%lld Element](inflect: true) hinzugefügt"),
])  # fmt: skip
def test_the_words_are_translated_and_the_marks_kept_byte_for_byte(
    source: str, translation: str, inner: list[str], written: str
) -> None:
    paired = strip_pairs(source)
    assert paired is not None
    assert place_pairs(paired, translation, inner) == written


def test_a_tags_pair_around_a_count_alone_is_placed_as_before() -> None:
    paired = strip_pairs("<b>%lld item</b> added")
    assert paired is not None
    assert place_pairs(paired, "%lld Element hinzugefügt", ["%lld Objekt"]) == (
        "<b>%lld</b> Element hinzugefügt"
    )


@pytest.mark.parametrize("line", [
    "^[" * 20000, "^[a](k: " * 8000, '^[a](k: "' * 8000, "^[a](k: '" * 8000,
    '](k: "' * 20000, "^[" + "a" * 50000 + "](k: 1", "^[a](" + "k" * 50000,
    '^[a](k: "' + "\\" * 40000, "^[%lld item](inflect: true) " * 3000,
])  # fmt: skip
def test_long_adversarial_lines_take_no_time(line: str) -> None:
    start = time.perf_counter()
    inflection_marks(line)
    has_inflection(line)
    assert time.perf_counter() - start < 5
