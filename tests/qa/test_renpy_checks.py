"""qa's check of a Ren'Py file's variables (:mod:`ltmt.qa.renpy_checks`)."""

from __future__ import annotations

import pytest

from ltmt.formats.renpy_strings import RENPY
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.qa.renpy_checks import variable_problems

IN_RENPY = {"syntax": RENPY}


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        ("You have [gold] gold.", "Du hast [gold] Gold.", []),
        (
            "You have [gold] gold.",
            "Du hast Gold.",
            ["lacks [gold], the variable whose value Ren'Py shows there"],
        ),
        (
            "Write it like [[this].",
            "Schreib es so: [this].",
            [
                "has [this], which Ren'Py reads as a variable the source does not have: write "
                "a bracket of the text as [[ ([[this])"
            ],
        ),
        ("Write it like [[this].", "Schreib es so: [[this].", []),
        # a name of a code's shape is the placeholder check's, said once there
        ("Hi, [player_name]!", "Hallo!", []),
    ],
)
def test_a_renpy_strings_variables_are_kept(source, target, problems):
    assert variable_problems(source, target, IN_RENPY) == problems


def test_only_a_renpy_files_brackets_are_variables():
    assert variable_problems("[hero] scored", "erzielte", {}) == []


@pytest.mark.parametrize(
    ("source", "target", "problem"),
    [
        ("Did you bring the {b}key{/b}?", "Hast du den {b}Schlüssel geholt?", "lacks {/b}"),
        (
            "Curly braces look like {{this}.",
            "Klammern sehen so aus: {{{this}.",
            "has a stray '{' beside {{this} that the source does not have: remove it",
        ),
        ("Curly braces look like {{this}.", "Klammern sehen so aus: {this}.", "lacks {{this}"),
    ],
)
def test_a_lost_text_tag_or_a_broken_escape_is_a_placeholder_error(source, target, problem):
    assert problem in placeholder_problems(source, target, IN_RENPY)
