"""A JSON parse error said in full: what is wrong at the position and what to write instead."""

from __future__ import annotations

import json
import time

import pytest

from ltmt.formats.json_errors import json_problem, looks_like_yaml


def _problem(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    return json_problem(raised.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": {"message": "Line\tTab"}}', r"a raw tab inside a string: write \t instead"),
        ('{"a": "two\nlines"}', r"a line break inside a string: write \n instead"),
        ('{"a": "bell\x07"}', r"control character U+0007 inside a string: write \u0007 instead"),
        ('{\n// a comment\n"a": "x"}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x", /* note */ "b": "y"}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x" // note\n}', "a comment: JSON allows no comments; remove it"),
        ('{"a": "x",\n}', "a comma after the last item: JSON allows no trailing comma"),
        ('["a", "b", ]', "a comma after the last item: JSON allows no trailing comma"),
        ("{'a': 'x'}", "single quotes: JSON strings and names take double quotes"),
        ('{"a": "x"', "expecting ',' between two items"),
        ('{"a": "x}', 'a string that is not closed (a missing ")'),
        ('{"a": "x"} {}', "more text after the JSON value ends"),
        ('{"a": "C:\\dir"}', r"an invalid escape '\\d' in a string: JSON knows"),
        ('{"a": }', "expecting a value (a string, number, object, array, true, false or null)"),
    ],
)
def test_problems_are_said_in_full(text: str, problem: str) -> None:
    assert _problem(text).startswith(problem)


@pytest.mark.parametrize(
    ("text", "yaml"),
    [
        # trial s75 tolgee: a YAML file named .json said only "expecting a value"
        ("button:\n  save: Save\n", True),
        ("\ufeff# Tolgee export\n---\nen:\n  hello: Hello\n", True),
        ("- Save\n- Cancel\n", True),
        ("button:\n\tsave: Save\n", True),  # YAML's error (a tab): its first line is a key
        # broken JSON, which YAML reads too, is JSON's error alone
        ('{"a": "x",\n}', False),
        ("# a comment\n{'a': 'x'}", False),
        ('["a", "b", ]', False),
        ('"a": "x",\n"b": "y"\n', False),  # JSON's members without their braces
        ("// a comment\n{}", False),
        ("Hello world", False),  # a YAML scalar: no file of messages
        ("", False),
    ],
)
def test_a_yaml_text_is_told_apart_from_broken_json(text: str, yaml: bool) -> None:
    assert looks_like_yaml(text) is yaml


def test_telling_yaml_apart_takes_linear_time_on_a_long_line() -> None:
    started = time.perf_counter()
    assert not looks_like_yaml("a" * 200_000 + "\n\t:")
    assert not looks_like_yaml("a " * 100_000 + "\n\t:")
    assert time.perf_counter() - started < 5
