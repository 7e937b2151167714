"""English ordinals a German translation keeps, and how German writes them."""

from __future__ import annotations

import pytest

from ltmt.english_ordinals import english_ordinals, german_ordinals, kept_ordinals


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("{{count}}th Platz", ["{{count}}"]),
        ("%dth Element", ["%d"]),
        ("{count}st", ["{count}"]),
        ("1st, 22nd, 3rd und 11th", ["1", "22", "3", "11"]),
        ("5st", []),  # five stone: not 5's ending
        ("12nd", []),
        ("v4th und step_4th und a.4th", []),  # glued to a word or a code
        ("die `4th` Option", []),  # a code span
        ("4thly", []),
    ],
)
def test_english_ordinals_are_found_on_numbers_and_placeholders(text, numbers):
    assert [number for _, _, number in english_ordinals(text)] == numbers


@pytest.mark.parametrize(
    ("source", "output", "written"),
    [
        # the trial's i18next ordinal form
        ("{{count}}th place", "{{count}}th Platz", "{{count}}. Platz"),
        ("{{count}}th place", "{{{count}}th Platz", "{{{count}}. Platz"),
        # a brace too many on each side, which the placeholder repair takes away later (s72)
        ("You finished {{count}}th", "Sie {{{count}}}th", "Sie {{{count}}}."),
        # another placeholder's ending is not the source's ordinal
        ("{{count}}th place", "{{{total}}}th Platz", "{{{total}}}th Platz"),
        ("%dth item", "%dth Element", "%d. Element"),
        ("You came 4th.", "Du wurdest 4th.", "Du wurdest 4."),
        ("22nd and 11th", "22nd und 11th", "22. und 11."),
        # the source has no such ordinal: as it is
        ("Floor 4", "4th Etage", "4th Etage"),
        ("{{count}} places", "{{count}}th Platz", "{{count}}th Platz"),
        # a code kept as written
        ("Use `4th` and v4th", "Nutze `4th` und v4th", "Nutze `4th` und v4th"),
        ("No ordinal", "Keine Ordnungszahl", "Keine Ordnungszahl"),
    ],
)
def test_an_ordinal_the_source_has_is_written_germans_way(source, output, written):
    assert german_ordinals(source, output) == written


def test_kept_ordinals_are_those_the_source_has_too():
    assert kept_ordinals("{{count}}th place, 1st", "{{count}}th Platz, 1st, 2nd") == [
        "{{count}}th",
        "1st",
    ]
