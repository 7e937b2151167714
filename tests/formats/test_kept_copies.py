"""What a run does with the translations so far that are their source copied: counted apart
and warned of where they are most (``--copies keep``), or translated (``--copies
translate``): trials s73 transifex, xliff2 and prestashop."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.errors import ChoiceError
from ltmt.formats.kept_copies import translates_copies, warn_of_copies_kept


@pytest.mark.parametrize(("choice", "translates"), [("keep", False), (" Translate", True)])
def test_copies_choice(choice: str, translates: bool) -> None:
    assert translates_copies(choice) is translates


def test_a_bad_copies_choice_says_what_to_give() -> None:
    with pytest.raises(
        ChoiceError,
        match=r"^--copies 'all': use keep \(a translation that is its source copied kept, "
        r"counted apart\) or translate \(translated, the file's other translations kept\)$",
    ):
        translates_copies("all")


@pytest.mark.parametrize(
    ("copies", "held", "warned"),
    [
        ({"a": "a", "b": "b", "c": "c"}, 4, True),  # 3 of 4: Transifex's source fallback
        ({"a": "a", "b": "b"}, 4, False),  # half: a translation keeping its English terms
        ({"a": "a"}, 17, False),
        ({}, 4, False),
    ],
)
def test_copies_kept_are_warned_of_where_they_are_most(
    caplog: pytest.LogCaptureFixture, copies: dict[str, str], held: int, warned: bool
) -> None:
    with caplog.at_level(logging.WARNING):
        warn_of_copies_kept(Path("de/emails.json"), copies, held)
    assert bool(caplog.messages) is warned


def test_the_warning_names_the_copies_once_each_and_says_how_to_translate_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    copies = {"title": "title", "plan#one": "plan", "plan#other": "plan", "x": "x", "y": "y"}
    with caplog.at_level(logging.WARNING):
        warn_of_copies_kept(Path("de.json"), copies, 6)
    assert caplog.messages == [
        "de.json: 5 of the 6 translations it holds are their source copied (title, plan, x, "
        "...), kept as they are; where a tool wrote them (its untranslated strings), --copies "
        "translate translates them and keeps the others"
    ]
