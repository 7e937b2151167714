"""A translated file paired with its source by place (plain text line by line, ``--format
paragraphs``) read shifted against it (:mod:`ltmt.memory.shifted_files`): ``memory import
rev.de.txt --source-file src.txt`` stored the pharma trial's (s76) reviewer file one line off,
only warning of each pair."""

from __future__ import annotations

import re

import pytest

from ltmt.errors import InputError
from ltmt.memory.shifted_files import refuse_shifted_file
from ltmt.segments import PairRecord

SOURCES = [
    "Do not take more than 3 tablets in 24 hours.",
    "Store below 25 °C.",
    "Take 1 tablet twice daily.",
]
TARGETS = [
    "Nehmen Sie nicht mehr als 3 Tabletten innerhalb von 24 Stunden ein.",
    "Nicht über 25 °C lagern.",
    "Nehmen Sie zweimal täglich 1 Tablette ein.",
]
SHIFTED = TARGETS[1:] + TARGETS[:1]  # a line deleted at the top, one added at the end


def _lines(targets: list[str], numbers: list[int]) -> list[PairRecord]:
    """Records as the plain-text reader makes them (a blank line of both files is none)."""
    return [
        PairRecord(source, target, f"in/rev.de.txt:{number}")
        for number, source, target in zip(numbers, SOURCES, targets, strict=True)
    ]


@pytest.mark.parametrize(
    ("records", "kind", "message"),
    [
        (
            _lines(SHIFTED, [1, 2, 3]),
            "txt",
            "rev.de.txt: its lines read shifted against src.txt's: line 1's translation has the "
            "numbers of line 2's source (lines 1, 2); nothing imported: put each translation on "
            "the line of its source and import again",
        ),
        # a blank line of both files between: the lines keep their numbers
        (
            _lines(SHIFTED, [1, 3, 4]),
            "txt",
            "rev.de.txt: its lines read shifted against src.txt's: line 1's translation has the "
            "numbers of line 3's source (lines 1, 3); nothing imported: put each translation on "
            "the line of its source and import again",
        ),
        (
            [
                PairRecord(SOURCES[0], SHIFTED[0], "rev.de.txt: paragraph 1, sentence 1"),
                PairRecord(SOURCES[1], SHIFTED[1], "rev.de.txt: paragraph 1, sentence 2"),
                PairRecord(SOURCES[2], SHIFTED[2], "rev.de.txt: paragraph 2"),
            ],
            "paragraphs",
            "rev.de.txt: its paragraphs read shifted against src.txt's: paragraph 1, sentence 1's "
            "translation has the numbers of paragraph 1, sentence 2's source (paragraph 1); "
            "nothing imported: put each translation in the paragraph of its source and import "
            "again",
        ),
    ],
)
def test_a_shifted_file_is_refused_naming_its_first_places(
    records: list[PairRecord], kind: str, message: str
) -> None:
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        refuse_shifted_file("rev.de.txt", "src.txt's", kind, records, "import")


@pytest.mark.parametrize(
    ("records", "kind"),
    [
        (_lines(TARGETS, [1, 2, 3]), "txt"),  # aligned
        # one translation with its neighbour's numbers: a slip, which the import warns of
        (_lines([*TARGETS[:2], "Nehmen Sie zweimal täglich 25 Tabletten ein."], [1, 2, 3]), "txt"),
        # pairs by key, not by place: a JSON file's strings are not one line off
        (
            [PairRecord(s, t, f"de.json: k{n}") for n, (s, t) in enumerate(zip(SOURCES, SHIFTED))],
            "json",
        ),
    ],
)
def test_a_file_that_reads_aligned_or_pairs_by_key_is_not_refused(
    records: list[PairRecord], kind: str
) -> None:
    assert refuse_shifted_file("rev.de.txt", "src.txt's", kind, records, "import") is None
