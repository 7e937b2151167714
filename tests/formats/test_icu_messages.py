"""ICU plural and select messages: expanded into whole sentences a branch, assembled again."""

from __future__ import annotations

import pytest

from ltmt.formats.icu_messages import Unsupported, assemble, expand, is_branching


def test_a_plural_becomes_whole_sentences_with_the_number_as_printf() -> None:
    message = "You have {count, plural, =0 {no files} one {# file} other {# files}} in {dir}."
    branching = expand(message)
    assert (branching.argument, branching.kind, branching.offset) == ("count", "plural", "")
    assert branching.branches == {
        "=0": "You have no files in {dir}.",
        "one": "You have # file in {dir}.",
        "other": "You have # files in {dir}.",
    }
    assert branching.for_model("other") == "You have %d files in {dir}."
    assert branching.from_model("other", "Sie haben %d Dateien in {dir}.") == (
        "Sie haben # Dateien in {dir}."
    )
    assert assemble(branching, {"one": "# Datei", "other": "# Dateien"}) == (
        "{count, plural, one {# Datei} other {# Dateien}}"
    )


def test_select_keeps_hash_and_offset_is_kept() -> None:
    branching = expand("{g, select, female {She #1} other {They #1}}")
    assert branching.for_model("female") == "She #1"  # '#' is no number in a select
    counted = expand("{n, plural, offset:1 one {you} other {you and # others}}")
    assert counted.offset == "1"
    assert assemble(counted, {"one": "du", "other": "du und # andere"}) == (
        "{n, plural, offset:1 one {du} other {du und # andere}}"
    )


def test_a_printf_count_of_its_own_is_left_as_it_is() -> None:
    branching = expand("{n, plural, one {%d of # done} other {%d of # done}}")
    assert branching.for_model("one") == "%d of # done"
    assert branching.from_model("one", "%d von # fertig") == "%d von # fertig"


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("{a, plural, one {{b, select, x {X} other {Y}}} other {Z}}", "more than one"),
        ("{a, plural, one {x} other {y}} and {b, select, other {z}}", "more than one"),
        ("{a, plural, one {it'{s}'} other {y}}", "apostrophe"),
        ("{a, plural, one {x} other {y}", "unbalanced"),
        ("{a, plural, one {x}}", "no 'other'"),
        ("{a, plural, one x other {y}}", "no branch"),
    ],
)
def test_what_cannot_be_taken_apart_says_why(message: str, why: str) -> None:
    assert is_branching(message)
    with pytest.raises(Unsupported, match=why):
        expand(message)


def test_plain_messages_are_not_branching() -> None:
    assert not is_branching("Hello {name}, {count} files")
