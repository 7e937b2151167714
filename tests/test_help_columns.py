"""An option table's help column where the source puts it (ltmt.help_columns)."""

from __future__ import annotations

import pytest

from ltmt.help_columns import MIN_GAP, align_help, help_column


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # coreutils' ls: the help back at column 27
        (
            "-g                         like -l, but do not list owner",
            "-g wie -l, aber Eigentümer nicht auflisten",
            "-g                         wie -l, aber Eigentümer nicht auflisten",
        ),
        # the option's argument translated: still the same option, its cell a letter longer
        (
            "-r, --reference=FILE   use this file's times",
            "-r, --reference=DATEI Zeiten dieser Datei verwenden",
            "-r, --reference=DATEI  Zeiten dieser Datei verwenden",
        ),
        (
            "--backup[=CONTROL]  make a backup",
            "--backup[=KONTROLLE] Sicherungen erzeugen",
            "--backup[=KONTROLLE]  Sicherungen erzeugen",
        ),
        # a row of one word
        ("KB   1000", "KB 1000", "KB   1000"),
    ],
)
def test_a_rows_help_goes_back_to_the_sources_column(
    source: str, output: str, expected: str
) -> None:
    assert align_help(source, output) == expected
    assert align_help(source, output).split() == output.split()  # whitespace alone changes


def test_a_cell_longer_than_the_column_leaves_the_least_gap() -> None:
    aligned = align_help("-B, --block-size=SIZE  scale sizes", "-B, --block-size=GRÖẞE skalieren")
    assert aligned == "-B, --block-size=GRÖẞE" + " " * MIN_GAP + "skalieren"


@pytest.mark.parametrize(
    ("source", "output"),
    [
        # two spaces after a sentence: not a table
        ("Owner is unchanged if missing.  Group is unchanged", "Besitzer bleibt. Gruppe bleibt"),
        # the translation does not start with the row's option
        ("-S, --suffix=SUFFIX  override the suffix", "zu kopieren -S, --suffix=ENDUNG Endung"),
        # no help left after the cell
        ("-x      exclude", "-x"),
        # no gap in the source
        ("-x exclude", "-x ausschließen"),
    ],
)
def test_other_lines_are_left_as_translated(source: str, output: str) -> None:
    assert align_help(source, output) == output


def test_help_column_names_the_first_cell_and_where_the_help_starts() -> None:
    assert help_column("-u, --update     copy only") == ("-u, --update", 17)
    assert help_column("%h   same as %b") == ("%h", 5)
    assert help_column("Usage:  ltmt translate FILE") == ("Usage:", 8)  # one word: a row
    assert help_column("two words  then more") is None
    assert help_column("no gap here") is None
