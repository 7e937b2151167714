"""Java MessageFormat patterns, read as ``MessageFormat.applyPattern`` reads them."""

from __future__ import annotations

import pytest

from ltmt.formats.message_format import lost_apostrophes, pattern_problem, quoted_braces


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("Hello {0}!", None),
        ("Found {0,number,integer} of {1,choice,0#none|1<{1} files}.", None),
        ("Type '{'name'}' to insert a name.", None),
        ("It''s {0}.", None),
        ("l'élément {0", None),  # quoted to its end: no argument
        ("A lone } is text.", None),
        ("Type {'name'} here.", "can't parse argument number: 'name'"),
        ("Type {name} here.", "can't parse argument number: name"),
        ("Open {0.", "Unmatched braces in the pattern"),
    ],
)
def test_pattern_problem_is_what_java_refuses(pattern: str, problem: str | None) -> None:
    assert pattern_problem(pattern) == problem


@pytest.mark.parametrize(
    ("pattern", "quoted"),
    [
        ("Type '{'name'}' to insert a name.", ["'{'", "'}'"]),
        ("Use '{0}' as a literal for file {0}.", ["'{0}'"]),
        ("The value ''{0}'' is not valid.", []),  # doubled: apostrophes around an argument
        ("Don't delete '{0}'.", []),  # "'t delete '" quotes no brace
        ("Press 'OK' to go on.", []),
    ],
)
def test_quoted_braces(pattern: str, quoted: list[str]) -> None:
    assert quoted_braces(pattern) == quoted


@pytest.mark.parametrize(
    ("source", "translation", "lost"),
    [
        ("Don''t cancel {0}?", "Geht's? {0} stornieren?", ["'s? {0} stornieren?"]),
        ("Hello {0}.", "Hallo {0}, Andrea's Shop.", ["'s Shop."]),
        ("Don''t cancel {0}?", "Geht''s? {0} stornieren?", []),
        ("Type '{'name'}' {0}", "Tippe '{'name'}' {0}", []),  # the source's own quotes
    ],
)
def test_lost_apostrophes(source: str, translation: str, lost: list[str]) -> None:
    assert lost_apostrophes(source, translation) == lost
