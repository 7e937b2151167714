"""A wiki's link in double brackets told apart from Smartling's field (``[[name]]``): a link no
field can be (``[[Main Page]]``), a wiki's text, a one-word title, a localised link (trial s74,
regformats 3 and smartling 1)."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.placeholder_syntax import find_placeholders, sent_as_tags
from ltmt.formats.wiki_links import (
    _DOUBLE_BRACKETED,
    _LOCALISED_TITLE,
    double_bracketed,
    is_link_word,
    is_localised_link,
    is_wiki_text,
    wiki_link_spans,
)


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("See [[Main Page]] first.", ["[[Main Page]]"]),
        ("See [[Help:Contents]].", ["[[Help:Contents]]"]),
        ("Read [[installation|the guide]].", ["[[installation|the guide]]"]),
        ("Go to [[Page#Section]].", ["[[Page#Section]]"]),
        ("[[Category:Tools]] and [[a b]]", ["[[Category:Tools]]", "[[a b]]"]),
        # no mark no field has, or a shell's test, an index, a third bracket
        ("The [[help]] page, [[Help]], [[Main_Page]]", []),
        ("if [[ -f config ]]; then", []),
        ('df[["a b"]] and x[[1]]', []),
        ("[[Main Page]]] or [[[Main Page]]", []),
        ("[[Main\nPage]]", []),
    ],
)
def test_a_link_no_field_can_be_is_found(text: str, links: list[str]) -> None:
    assert [text[start:end] for start, end in wiki_link_spans(text)] == links


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The [[help]] page, see [[Help:Contents]].", True),
        ("Read [[Main Page|the main page]] and the [[help]] page.", True),
        ("The [[help]] page explains editing.", False),
        ("See [[Help]] or the [[sandbox]].", False),
        ("if [[ -f config ]]; then echo [[count]]", False),
    ],
)
def test_a_text_with_a_link_no_field_can_be_is_a_wikis(text: str, expected: bool) -> None:
    assert is_wiki_text(text) is expected


def test_a_link_inside_other_markup_makes_no_wikis_text() -> None:
    """An AsciiDoc anchor with its text is the anchor's, however its text reads."""
    text = "[[install-linux,Install on Linux]] and [[setup]]"
    anchor = [(p.start, p.end) for p in find_placeholders(text) if p.kind == "asciidoc"]
    assert anchor == [(0, 34)]
    assert not is_wiki_text(text, anchor)
    assert is_wiki_text("[[setup]] see [[Main Page]]", [(0, 9)])


@pytest.mark.parametrize(
    "text",
    [
        "See [[Help:Contents]] and the [[help]] page.",
        "Hello [[name]], welcome to your dashboard.",
        "[[count]] new messages are waiting for you.",
    ],
)
def test_translate_keeps_a_one_word_field_as_a_tag_in_any_text(text: str) -> None:
    """Given as text, the model dropped a wiki's ``[[help]]`` or lost a bracket; kept, a link
    still leads to its page and Smartling's field is filled in (trial s74)."""
    words = [p.text for p in sent_as_tags(text)]
    assert words and all(is_link_word(word) for word in words)


@pytest.mark.parametrize(
    ("field", "expected"),
    [("[[help]]", True), ("[[sandbox]]", True), ("[[firstName]]", False), ("[[first_name]]", False),
     ("[[user.email]]", False), ("[[FIRST_NAME]]", False), ("[[item2]]", False)],
)  # fmt: skip
def test_a_link_word_is_one_word_in_small_letters(field: str, expected: bool) -> None:
    assert is_link_word(field) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[[Hilfe]]", True), ("[[Hilfe-Seite]]", True), ("[[Übersicht]]", True), ("[[hilfe]]", False),
     ("[[Main Page]]", False), ("[[Hilfe:Inhalt]]", False), ("[[FIRST_NAME]]", False),
     ("[[Item2]]", False), ("x[[Hilfe]]", False), ("[[Hilfe]", False)],
)  # fmt: skip
def test_a_localised_link_is_a_capitalised_words(text: str, expected: bool) -> None:
    assert is_localised_link(text) is expected


def test_double_bracketed_texts_are_listed_in_order() -> None:
    text = "Die [[Hilfe]] und [[Main Page|die Seite]], x[[1]], [[a]]]"
    assert double_bracketed(text) == ["[[Hilfe]]", "[[Main Page|die Seite]]"]


@pytest.mark.parametrize(
    "text",
    [
        "[[" + "a " * 25_000,
        "[[" * 25_000,
        "[[a" * 20_000,
        "[[" + "a" * 50_000 + "]",
        "[[Main Page]] " + "[[help" * 10_000,
        "[[Main Page]] " + "[[help]] " * 5_000,
    ],
)
def test_the_patterns_take_linear_time_on_long_adversarial_text(text: str) -> None:
    started = time.perf_counter()
    list(wiki_link_spans(text))
    is_wiki_text(text, [(1, 2)])
    list(_DOUBLE_BRACKETED.finditer(text))
    _LOCALISED_TITLE.fullmatch("A" + "-a" * 25_000 + "-")
    re.fullmatch(_LOCALISED_TITLE, "Aa" * 25_000 + "1")
    find_placeholders(text)
    assert time.perf_counter() - started < 2.0
