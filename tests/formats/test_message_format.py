"""Java MessageFormat patterns, read as ``MessageFormat.applyPattern`` reads them."""

from __future__ import annotations

import pytest

from ltmt.formats.message_format import (
    doubled_apostrophes,
    lost_apostrophes,
    pattern_problem,
    quoted_braces,
)


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
        # quoting as the source quotes (Java shows Speichern), translated
        ("Click 'Save' to store {0}.", "Klicken Sie auf 'Speichern', um {0} zu speichern.", []),
        ("Click 'Save' {0}.", "'Sichern' und 'Speichern' {0}.", ["'Speichern'"]),  # one more
        ("Click 'Save' {0}.", "Geht's 'Sichern' {0}.", ["' {0}."]),  # Java pairs 's '
    ],
)
def test_lost_apostrophes(source: str, translation: str, lost: list[str]) -> None:
    assert lost_apostrophes(source, translation) == lost


@pytest.mark.parametrize(
    ("source", "text", "pattern"),
    [
        ("Welcome to {0}.", "Willkommen bei Andrea's {0}.", "Willkommen bei Andrea''s {0}."),
        ("Click 'Save' to store {0}.", "Auf 'Speichern' für {0}.", "Auf 'Speichern' für {0}."),
        ("Click 'Save' {0}.", "Andrea's 'Sichern' {0}.", "Andrea''s 'Sichern' {0}."),
        (
            "Click 'Save' {0}.",
            "'Sichern' oder 'Speichern' {0}.",
            "'Sichern' oder ''Speichern'' {0}.",
        ),
        ("Don't cancel {0}?", "'Nicht' stornieren {0}?", "''Nicht'' stornieren {0}?"),
    ],
)
def test_doubled_apostrophes_mirror_the_source_quoting(
    source: str, text: str, pattern: str
) -> None:
    assert doubled_apostrophes(source, text) == pattern
