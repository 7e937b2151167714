"""Options and code a line quotes go to the model as tags, and come back as written."""

from __future__ import annotations

import pytest

from ltmt.quoted_code import is_code, quoted_code_spans
from ltmt.units import LineForms, split_segment


@pytest.mark.parametrize(
    ("item", "code"),
    [
        ("--allow-empty", True),
        ("-f", True),
        ("--apparent-size --block-size=1", True),
        ("--no-[external-commands|aliases]", True),
        ("foo.c", True),
        ("HEAD~1", True),
        ("-+.", True),
        ("?", False),  # a sign alone: the model copies it
        ("%s", False),  # a placeholder: the model keeps those, and fitting puts them back
        ("git commit", False),  # words: whether they are copied is the user's convention
        ("never", False),
        ("don't", False),
    ],
)
def test_options_and_words_with_other_characters_are_code(item, code):
    assert is_code(item) is code


def test_quoted_code_spans_leave_the_marks_out():
    line = "use '--allow-empty' or \"foo.c\", not 'git commit'"
    assert quoted_code_spans(line) == [(5, 18, "--allow-empty"), (24, 29, "foo.c")]
    assert quoted_code_spans("--all unquoted") == []


def test_quoted_code_goes_to_the_model_as_a_tag_and_comes_back_as_written():
    forms = LineForms(decorations=True)
    split = split_segment("Use '--all' with 'foo.c'", forms)
    assert split.lines == ["Use '<x1/>' with '<x2/>'"]
    assert split.rebuild(["Verwenden Sie '<x1/>' mit '<x2/>'"]) == (
        "Verwenden Sie '--all' mit 'foo.c'"
    )


def test_an_attribute_value_is_its_tags_not_quoted_code():
    # the stand-in for Android's <xliff:g> went to the model as <ph id="<x/>"/>, and came back
    # with a stray « after it
    assert quoted_code_spans('Version <ph id="ltmt-v1"/>') == []
    assert quoted_code_spans('<a href="a.html">see "foo.c"</a>') == [(22, 27, "foo.c")]
