"""SmartFormat's plurals and choices: found in a text, and translated form by form in the
sentence's translation (:mod:`ltmt.formats.smart_format`)."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.smart_format import Expression, expressions, skeleton, translated_by_forms
from ltmt.segments import Translation

LIVES = "You have {lives:plural:one life|{} lives} left."
GENDER = "{gender:choose(m|f):He|She} found a key."
# what a model would write for each piece: the sentence with the field, each form alone
OUTPUTS = {
    "You have {lives} left.": "Sie haben {lives} übrig.",
    "one life": "ein Leben",
    "2 lives": "2 Leben",
    "You received {count}.": "Sie haben {count} erhalten.",
    "one item": "ein Objekt",
    "2 items": "2 Objekte",
    "{gender} found a key.": "{gender} hat einen Schlüssel gefunden.",
    "He": "Er",
    "She": "Sie",
    "Open the file.": "Datei öffnen.",
}


def _translate(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
    return [Translation(text, OUTPUTS.get(text, text), "model") for text in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIVES, [Expression(9, 41, "{lives:plural:", ("one life", "{} lives"))]),
        (GENDER, [Expression(0, 27, "{gender:choose(m|f):", ("He", "She"))]),
        (
            "{0:p:one|{0} many} and {name:plural:a|b|c}",
            [
                Expression(0, 18, "{0:p:", ("one", "{0} many")),
                Expression(23, 42, "{name:plural:", ("a", "b", "c")),
            ],
        ),
        # not SmartFormat's: another formatter, unclosed braces, a plain field
        ("{count:cond:yes|no} {lives:plural:one life|{} lives", []),
        ("Hello {name}, {0:N0}", []),
    ],
)
def test_expressions(text: str, expected: list[Expression]) -> None:
    assert expressions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIVES, "You have {lives} left."),
        (GENDER, "{gender} found a key."),
        # a field of the same selector beside it could not be told apart
        ("{0:plural:one|{} more} of {0}", None),
    ],
)
def test_skeleton(text: str, expected: str | None) -> None:
    assert skeleton(text, expressions(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head, the bars, the nested field and the closing brace kept, each form translated
        (LIVES, "Sie haben {lives:plural:ein Leben|{} Leben} übrig."),
        (
            "You received {count:plural:one item|{} items}.",
            "Sie haben {count:plural:ein Objekt|{} Objekte} erhalten.",
        ),
        (GENDER, "{gender:choose(m|f):Er|Sie} hat einen Schlüssel gefunden."),
    ],
)
def test_translated_by_forms(text: str, expected: str) -> None:
    texts = [text, "Open the file."]
    done = translated_by_forms(texts, [{}, {}], _translate)
    assert done is not None
    assert [t.text for t in done] == [expected, "Datei öffnen."]
    assert done[0].source == text


def test_texts_without_expressions_are_left_to_the_caller() -> None:
    assert translated_by_forms(["Open the file."], [{}], _translate) is None


def test_a_text_with_a_full_memory_match_is_that_match_never_translated() -> None:
    """Handed to ``translate`` whole, the translator split it here again, endlessly."""
    stored = Translation(LIVES, "Du hast noch {lives:plural:ein Leben|{} Leben}.", (), "exact")
    sent: list[str] = []

    def exact(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
        return [stored if t == LIVES else None for t in texts]

    def recording(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        sent.extend(texts)
        return [Translation(t, t, (), "model") for t in texts]

    done = translated_by_forms([LIVES, GENDER, "Open the file."], [{}] * 3, recording, exact)
    assert done is not None
    assert done[0] is stored
    assert done[1].text == "{gender:choose(m|f):He|She} found a key."  # its pieces, as given
    assert done[2].text == "Open the file."
    assert LIVES not in sent
    assert sent == ["{gender} found a key.", "He", "She", "Open the file."]


def test_texts_all_with_a_full_memory_match_call_no_translate() -> None:
    def exact(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
        return [Translation(t, "gespeichert", (), "exact") for t in texts]

    def refusing(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        raise AssertionError(f"translate called with {texts}")

    done = translated_by_forms([LIVES, GENDER], [{}, {}], refusing, exact)
    assert done is not None
    assert [(t.source, t.text) for t in done] == [(LIVES, "gespeichert"), (GENDER, "gespeichert")]


def test_exact_giving_another_number_of_matches_is_an_error() -> None:
    def short(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
        return []

    with pytest.raises(ValueError, match="exact returned 0 outputs for 1 inputs"):
        translated_by_forms([LIVES], [{}], _translate, short)


def test_a_form_translated_with_a_bar_or_brace_stays_as_written() -> None:
    def garbling(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        return [Translation(t, "ein | Leben}" if t == "one life" else t, "model") for t in texts]

    done = translated_by_forms([LIVES], [{}], garbling)
    assert done is not None
    assert done[0].text == "You have {lives:plural:one life|{} lives} left."


def test_a_forms_lost_count_is_put_back() -> None:
    def lossy(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        return [Translation(t, "Leben" if t == "2 lives" else t, "model") for t in texts]

    done = translated_by_forms([LIVES], [{}], lossy)
    assert done is not None
    assert "|{} Leben}" in done[0].text
