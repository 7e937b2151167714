"""What a translation changed of its ICU source's branching arguments, which ICU accepts."""

from __future__ import annotations

import pytest

from ltmt.qa.icu_checks import argument_problems
from ltmt.qa.pair_checks import icu_problems

RENAMED = (
    "renames the argument {count} to {Anzahl}: keep the source's name, which the program passes"
)
SOURCE = "You have {count, plural, one {# new message} other {# new messages}}"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        (SOURCE, "{count, plural, one {# neue Nachricht} other {# neue Nachrichten}}", []),
        (SOURCE, "{Anzahl, plural, one {# neue Nachricht} other {# neue Nachrichten}}", [RENAMED]),
        (SOURCE, "Sie haben {count} neue Nachrichten", []),  # no plural, the argument kept
        (SOURCE, "Sie haben neue Nachrichten", ["lacks {count}"]),
        (
            "{g, select, male {He left} female {She left} other {They left}}",
            "{g, select, männlich {Er ging} female {Sie ging} other {Sie gingen}}",
            [
                "select {g} has the keys männlich, female, other for the source's male, female,"
                " other: keep the source's keys, the values the program passes"
            ],
        ),
        # a key added beside the source's, or dropped (its value falls to other), is no
        # translated key (session 66's trial: icu3.po, t1.po, ng.xlf)
        (
            "{g, select, male {He replied} other {They replied}}",
            "{g, select, male {Er} female {Sie} other {Sie}}",
            [],
        ),
        (
            "{g, select, male {He} female {She} other {They}} replied.",
            "{g, select, male {Er} other {Sie}} hat geantwortet.",
            [],
        ),
        (  # a plural's branches reordered, its nested selects with other keys each (icu2.po)
            "{n, plural, one {{g, select, male {He has one} other {They have one}}}"
            " other {{g, select, male {He has #} female {She has #} other {They have #}}}}",
            "{n, plural, other {{g, select, male {Er hat #} female {Sie hat #} other {# }}}"
            " one {{g, select, male {Er hat eine} other {Sie haben eine}}}}",
            [],
        ),
        (  # the order of the keys is free
            "{g, select, male {He left} other {They left}}",
            "{g, select, other {Sie gingen} male {Er ging}}",
            [],
        ),
    ],
)
def test_argument_problems(source: str, target: str, expected: list[str]) -> None:
    assert argument_problems(source, target) == expected


def test_a_renamed_argument_is_said_beside_what_icu_rejects() -> None:
    """With ``andere`` for ``other`` qa said only that there was no other branch."""
    target = "{Anzahl, plural, one {# neue Nachricht} andere {# neue Nachrichten}}"
    assert icu_problems(SOURCE, target, {}) == [
        RENAMED,
        "not a valid ICU message as its source is: plural 'Anzahl' has no 'other' branch",
    ]


MOVED_OUT = (
    "has '#' outside its plural's branches, where ICU prints it as it stands (a literal '#', "
    "not the number): move it into the branches"
)
DELETED = "{count, plural, one {You deleted # file.} other {You deleted # files.}}"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # trial s75: ICU prints "# Du hast Dateien gelöscht."
        (DELETED, "# {count, plural, one {Du hast Datei gelöscht.} other {Dateien}}", [MOVED_OUT]),
        (DELETED, "{count, plural, one {Eine Datei gelöscht.} other {# Dateien gelöscht.}}", []),
        # a # the source writes as text too (Step #2), a quoted '#', a number pattern's #
        (
            "Step #2: {n, plural, one {# file} other {# files}}",
            "Schritt #2: {n, plural, one {# Datei} other {# Dateien}}",
            [],
        ),
        (DELETED, "{count, plural, one {Datei '#'1} other {# Dateien}}", []),
        (DELETED, "{count, plural, one {{n, number, #,##0}} other {# Dateien}}", []),
        # a # in a select inside a plural is text to ICU; with no plural, no number to move
        (
            "{n, plural, other {{g, select, male {He has #} other {They have #}}}}",
            "{n, plural, other {{g, select, male {Er hat #} other {Sie haben #}}}}",
            [],
        ),
        ("{g, select, male {He} other {They}}", "# {g, select, male {Er} other {Sie}}", []),
    ],
)
def test_a_plurals_number_moved_outside_its_branches(
    source: str, target: str, expected: list[str]
) -> None:
    assert argument_problems(source, target) == expected
