"""The counts of the entries a reader left out, and the error of a file that has no translation."""

from __future__ import annotations

import pytest

from ltmt.formats.not_read import UNTRANSLATED, NotRead, no_translations


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
