"""How an ICU plural's case writes its number: ``#`` (``%d`` in a case's text) or ``{count}``."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.plural_numbers import (
    as_file_writes,
    number_for,
    number_renamed,
    source_spelling,
    spelled_as_source,
)
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("source", "spelling"),
    [
        ("%d video", "%d"),
        ("{count} photos", "{count}"),
        ("{ count } photos", "{count}"),  # ICU lets blanks stand inside the braces
        ("One photo", None),
        ("%d of {count}", None),  # both: which is which is the file's
        ("{counter} photos", None),  # another argument
    ],
)
def test_source_spelling_says_how_a_case_writes_its_number(source, spelling) -> None:
    assert source_spelling(source, "count") == spelling


@pytest.mark.parametrize(
    ("text", "source", "read"),
    [
        ("{count} Video", "%d video", "%d Video"),  # trial s77: stored so, no argument's name
        ("{ count } Videos", "%d videos", "%d Videos"),
        ("%d Fotos", "{count} photos", "{count} Fotos"),  # the file's # for its {count}
        ("{counter} Fotos", "%d photos", "{counter} Fotos"),  # another argument: kept
        ("Ein Foto", "One photo", "Ein Foto"),
        ("%d Foto", "One photo", "%d Foto"),  # the source writes no number: as read
        ("{count} von %d", "%d of {count}", "{count} von %d"),
    ],
)
def test_a_translation_read_back_writes_the_number_as_its_source_case(text, source, read) -> None:
    assert spelled_as_source(text, source, "count") == read


@pytest.mark.parametrize(
    ("source", "number"),
    [
        ("{n} photos", "{n}"),  # a match's %d as this message's own argument
        ("One photo", "#"),  # no number in the source: ICU's #
        ("%d%% done ({n})", None),  # a %d of its own: text, not the number
    ],
)
def test_number_for_says_how_a_matchs_number_goes_into_a_case(source, number) -> None:
    assert number_for(source, "n") == number


@pytest.mark.parametrize(
    ("text", "source", "renamed"),
    [
        ("{count} Video", "%d video", "%d Video"),  # a match stored from a plural over count
        ("{count} Videos von {author}", "%d videos by {author}", "%d Videos von {author}"),
        ("{count} Videos", "{n} videos", "%d Videos"),
        ("{n} Videos", "%d videos", "{n} Videos"),  # its own argument: the number already
        ("%d Videos {count}", "%d videos", "%d Videos {count}"),  # has the number: as it is
        ("{a} und {b}", "%d videos", "{a} und {b}"),  # which one would be a guess
        ("{count} Video", "One video", "{count} Video"),  # the source has no number
    ],
)
def test_an_older_matchs_foreign_argument_is_the_number(text, source, renamed) -> None:
    assert number_renamed(text, source, "n") == renamed


def test_an_exported_pair_writes_the_files_hash_where_its_map_says_so() -> None:
    stored = PairRecord(
        "%d video", "%d Video", metadata={"context": "/v", "placeholders": {"%d": "#"}}
    )
    assert as_file_writes(stored) == PairRecord("# video", "# Video", metadata={"context": "/v"})
    printf = PairRecord("%d files", "%d Dateien", metadata={"context": "/v"})
    assert as_file_writes(printf) is printf  # a gettext pair's %d is its own
    fluent = PairRecord("%d files", "%d Dateien", metadata={"placeholders": {"%d": "{ $n }"}})
    assert as_file_writes(fluent) is fluent  # Fluent's: ltmt.formats.fluent_written's


def test_a_long_adversarial_argument_is_read_in_linear_time() -> None:
    """The argument's pattern (``{\\s*name\\s*}``) does not backtrack on runs of blanks."""
    text = "{" + " " * 50_000 + "count" + " " * 50_000 + "x" + "{ count " * 5_000
    started = time.perf_counter()
    assert spelled_as_source(text, "%d", "count") == text
    assert number_renamed(text, "%d", "n") == text
    assert time.perf_counter() - started < 1.0
