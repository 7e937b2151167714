"""The counts of the entries a reader left out, and the error of a file that has no translation."""

from __future__ import annotations

import pytest

from ltmt.formats.not_read import UNTRANSLATED, NotRead, no_translations, none_read


def _counted(**counts: int) -> NotRead:
    not_read = NotRead()
    for reason, count in counts.items():
        not_read.add(reason.replace("_", " "), count)
    return not_read


def test_counts_are_by_reason_in_alphabetical_order_and_zero_counts_nothing() -> None:
    not_read = _counted(untranslated=2, fuzzy=1, empty_target=0)
    assert not_read.by_reason() == {"fuzzy": 1, UNTRANSLATED: 2}


@pytest.mark.parametrize(
    ("not_read", "error"),
    [
        (
            _counted(untranslated=25),
            "UI.csv: the file holds no translations (25 entries without one): is it the "
            "untranslated export? import the translated file",
        ),
        (
            _counted(untranslated=1),
            "UI.csv: the file holds no translations (1 entry without one): is it the "
            "untranslated export? import the translated file",
        ),
        (None, None),  # a reader that counts nothing: an empty file, say, is said as before
        (_counted(), None),
        (_counted(fuzzy=3), None),
        # fuzzy ones too: "no translated entries: untranslated and fuzzy ones" says both
        (_counted(untranslated=2, fuzzy=3), None),
    ],
)
def test_a_file_whose_every_entry_is_untranslated_is_said_to_hold_no_translations(
    not_read: NotRead | None, error: str | None
) -> None:
    assert no_translations("UI.csv", not_read) == error


@pytest.mark.parametrize(
    ("not_read", "error"),
    [
        (
            _counted(awaiting_review=2),
            "final.de.xlf: no segments found: 2 awaiting review not read (only finished "
            "translations are read: review or translate those entries in the file first)",
        ),
        (
            _counted(untranslated=2, fuzzy=1, needing_translation=0),
            "final.de.xlf: no segments found: 1 fuzzy, 2 untranslated not read (only finished "
            "translations are read: review or translate those entries in the file first)",
        ),
        (None, None),  # a reader that counts nothing: said as before
        (_counted(), None),  # an empty file
    ],
)
def test_a_file_that_made_no_pair_says_how_many_entries_were_left_out_and_why(
    not_read: NotRead | None, error: str | None
) -> None:
    """Trial s77: a file of XLIFF segments awaiting review was said to hold "no translated
    entries: untranslated and fuzzy ones are not read", which they are not."""
    assert none_read("final.de.xlf", not_read) == error
