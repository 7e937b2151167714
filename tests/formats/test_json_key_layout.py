"""Flat and nested spellings of a JSON file's names: which places of a translation spell the
source's otherwise, where the output writes them, and the values moved so."""

from __future__ import annotations

import pytest

from ltmt.formats.json_key_layout import (
    FLAT,
    NESTED,
    Place,
    moved,
    output_spellings,
    respellings,
    value_places,
)
from ltmt.formats.json_layout import Spacing
from ltmt.formats.json_string_plurals import StringPlural

NESTED_SOURCE = [("title",), ("button", "save"), ("button", "share"), ("onboarding", "welcome")]
FLAT_SOURCE = [("title",), ("button.save",), ("button.share",)]


def test_value_places_stop_at_arrays_metadata_string_plurals_and_message_objects() -> None:
    data = {
        "a": {"b": "x", "n": 3, "off": None},
        "tags": ["x", "y"],
        "@a": {"description": "note"},
        "count": StringPlural({"one": "# file", "other": "# files"}, Spacing()),
        "msg": {"message": "Hi", "description": "greeting"},
    }
    assert value_places(data, lambda value, parts: "message" not in value) == [
        ("a", "b"),
        ("a", "n"),
        ("a", "off"),
    ]


@pytest.mark.parametrize(
    ("source", "translated", "expected"),
    [
        # a flat translation of a nested source, and the reverse
        (
            NESTED_SOURCE,
            [("title",), ("button.save",), ("onboarding.welcome",)],
            {
                ("button.save",): ("button", "save"),
                ("onboarding.welcome",): ("onboarding", "welcome"),
            },
        ),
        (FLAT_SOURCE, [("button", "save")], {("button", "save"): ("button.save",)}),
        # half flat (a → b.c for a → b → c)
        ([("a", "b", "c")], [("a", "b.c")], {("a", "b.c"): ("a", "b", "c")}),
        # the source's own spelling beside the other: the other stays as written
        (NESTED_SOURCE, [("button", "save"), ("button.save",)], {}),
        # two spellings of one name in the translation: which is meant cannot be told
        ([("a", "b", "c")], [("a.b.c",), ("a", "b.c")], {}),
        # a name the source has twice
        ([("a", "b"), ("a.b",)], [("a", "b")], {}),
        # another name: a flat file's a/b is no a.b
        (NESTED_SOURCE, [("button/save",), ("buttons.save",)], {}),
    ],
)
def test_respellings(
    source: list[Place], translated: list[Place], expected: dict[Place, Place]
) -> None:
    assert respellings(source, translated) == expected


def test_a_flat_translation_writes_new_keys_flat_in_the_sources_order() -> None:
    respelled = {("button", "save"): ("button.save",)}
    written, layout = output_spellings(NESTED_SOURCE, respelled, held=[("title",)])
    assert layout == FLAT
    assert list(written.items()) == [
        (("button", "save"), ("button.save",)),
        (("button", "share"), ("button.share",)),
        (("onboarding", "welcome"), ("onboarding.welcome",)),
    ]


def test_a_nested_translation_writes_new_keys_nested_where_their_parts_are_names() -> None:
    source = [*FLAT_SOURCE, ("Sign up.",), ("a..b",), ("read more.now",)]
    written, layout = output_spellings(source, {("button.save",): ("button", "save")}, held=[])
    assert layout == NESTED
    assert written == {("button.save",): ("button", "save"), ("button.share",): ("button", "share")}


@pytest.mark.parametrize(
    ("respelled", "held"),
    [
        ({}, [("button", "save")]),  # the source's layout: nothing moves
        ({("button", "save"): ("button.save",)}, [("onboarding", "welcome")]),  # a mix
    ],
)
def test_a_translation_in_the_sources_or_a_mixed_layout_writes_new_keys_as_the_source(
    respelled: dict[Place, Place], held: list[Place]
) -> None:
    assert output_spellings(NESTED_SOURCE, respelled, held) == (respelled, "")


def test_moved_values_take_the_place_of_the_key_they_leave_and_emptied_objects_go() -> None:
    data = {"title": "T", "button": {"save": "S", "share": "H"}, "max": 3}
    moves = {("button", "save"): ("button.save",), ("button", "share"): ("button.share",)}
    out = moved(data, moves)
    assert list(out.items()) == [
        ("title", "T"),
        ("button.save", "S"),
        ("button.share", "H"),
        ("max", 3),
    ]
    assert data["button"] == {"save": "S", "share": "H"}  # a copy
    assert moved(out, {theirs: ours for ours, theirs in moves.items()}) == data


def test_a_value_whose_other_place_is_taken_stays() -> None:
    data = {"a": {"b": "nested"}, "a.b": "flat", "c": "text"}
    assert moved(data, {("a", "b"): ("a.b",)}) == data
    assert moved(data, {("a.b",): ("c", "x")}) == data  # a string on its way
    assert moved(data, {}) is data


def test_a_long_dotted_name_is_spelled_in_linear_time() -> None:
    """The name part pattern cannot backtrack: a long name of one part, or of many, or one
    with a space at its end."""
    long = "a" * 100_000
    source = [("x.y",), (f"{long} ",), (f"{long}.{long}",), (".".join(["a"] * 50_000),)]
    written, _ = output_spellings(source, {("x.y",): ("x", "y")}, held=[])
    assert written[(f"{long}.{long}",)] == (long, long)
    assert (f"{long} ",) not in written
    assert len(written[(".".join(["a"] * 50_000),)]) == 50_000
