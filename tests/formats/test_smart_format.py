"""SmartFormat's plurals, choices and conditionals: found in a text, and translated form by form in the
sentence's translation (:mod:`ltmt.formats.smart_format`)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ltmt.formats.smart_format import (
    Expression,
    expressions,
    is_smart_string,
    skeleton,
    translated_by_forms,
)
from ltmt.segments import Translation

LIVES = "You have {lives:plural:one life|{} lives} left."
GENDER = "{gender:choose(m|f):He|She} found a key."
HEALTH = "{hp:cond:>50?You look healthy.|You are hurt.}"
GEMS = "Get <b>{count}</b> {count:plural:gem|gems} for {price}!"
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
    "You look healthy.": "Du siehst gesund aus.",
    "You are hurt.": "Du bist verletzt.",
    "Senior": "Senior",
    "Adult": "Erwachsener",
    "Child": "Kind",
    "Get <b>{count}</b> {count_2} for {price}!": "Hole <b>{count}</b> {count_2} für {price}!",
    "gem": "Edelstein",
    "gems": "Edelsteine",
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
        # a conditional, by either name; another formatter, unclosed braces, a plain field are
        # none
        ("{count:cond:yes|no}", [Expression(0, 19, "{count:cond:", ("yes", "no"))]),
        ("{x:conditional:a|b}", [Expression(0, 19, "{x:conditional:", ("a", "b"))]),
        ("{items:list:{}|, | and } {lives:plural:one life|{} lives", []),
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
        # a field of the same selector beside it: the expression gets a free one
        ("{0:plural:one|{} more} of {0}", "{0_2} of {0}"),
        ("{0} {0_2} {0:plural:one|{} more}", "{0} {0_2} {0_3}"),
        (GEMS, "Get <b>{count}</b> {count_2} for {price}!"),
        # its nested field is no clash
        ("{0:plural:one|{0} more}", "{0}"),
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
        # a conditional's words translated, its conditions kept as written
        (HEALTH, "{hp:cond:>50?Du siehst gesund aus.|Du bist verletzt.}"),
        (
            "{age:cond:>=65?Senior|>=18&<65?Adult|Child}",
            "{age:cond:>=65?Senior|>=18&<65?Erwachsener|Kind}",
        ),
        # the plural beside its selector's field, translated in the sentence's translation
        (GEMS, "Hole <b>{count}</b> {count:plural:Edelstein|Edelsteine} für {price}!"),
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


@pytest.mark.parametrize(
    ("text", "conditions", "to_translate"),
    [
        (HEALTH, (">50?", ""), ("You look healthy.", "You are hurt.")),
        (
            "{a:cond:=0/=1?none|>=2&<=9.5?few|-1?x}",
            ("=0/=1?", ">=2&<=9.5?", ""),
            ("none", "few", "-1?x"),
        ),
        # a plural's or choice's form is words all through
        ("{n:plural:>1?a|b}", ("", ""), (">1?a", "b")),
    ],
)
def test_a_conditionals_conditions_are_kept_apart(
    text: str, conditions: tuple[str, ...], to_translate: tuple[str, ...]
) -> None:
    (expression,) = expressions(text)
    assert expression.conditions == conditions
    assert expression.to_translate == to_translate
    assert expression.written(to_translate) == text


@pytest.mark.parametrize(
    "form", [">=1" * 20_000, "&<1." * 20_000 + "x", "=" * 40_000 + "1", "-" * 40_000 + "?"]
)
def test_a_long_form_that_is_almost_a_condition_is_read_in_linear_time(form: str) -> None:
    (expression,) = expressions("{a:cond:" + form + "|b}")
    started = time.perf_counter()
    assert expression.conditions == ("", "")
    assert time.perf_counter() - started < 0.5  # a backtracking pattern takes minutes
    (condition, _) = expressions("{a:cond:" + ">=1" * 20_000 + "?x|b}")[0].conditions
    assert condition == ">=1" * 20_000 + "?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LIVES, True),
        (HEALTH, True),
        ("Welcome, {player}!", False),
        ("{items:list:{}|, | and }", False),
    ],
)
def test_is_smart_string(text: str, expected: bool) -> None:
    assert is_smart_string(text) is expected
