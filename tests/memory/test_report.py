"""The import report: its one line and its JSON, the entries not read included."""

from __future__ import annotations

import pytest

from ltmt.formats.changed_sources import CHANGED_SOURCE
from ltmt.memory.report import ImportReport


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (ImportReport("u", read=3, added=3), "u: 3 added, 0 duplicates, 0 skipped"),
        (
            ImportReport("u", read=2, added=1, skipped={"length ratio": 1}),
            "u: 1 added, 0 duplicates, 1 skipped (1 length ratio)",
        ),
        (  # a PO catalog's fuzzy and untranslated entries were not counted anywhere
            ImportReport("u", read=1, added=1, not_read={"fuzzy": 24, "untranslated": 22}),
            "u: 1 added, 0 duplicates, 0 skipped; not read: 24 fuzzy, 22 untranslated",
        ),
        (  # an older export imported after a newer one made its translations the ones reused
            ImportReport("u", read=2, added=1, duplicates=1, older=2, not_read={"fuzzy": 1}),
            "u: 1 added, 1 duplicate, 0 skipped; 2 older than the stored translation: kept as "
            "alternatives; not read: 1 fuzzy",
        ),
        (
            ImportReport("u", read=1, added=1, not_read={"fuzzy": 0}),
            "u: 1 added, 0 duplicates, 0 skipped",
        ),
        (  # regression trial regb71: "1 whose source changed since they were translated"
            ImportReport("u", read=2, added=1, skipped={CHANGED_SOURCE: 1}),
            "u: 1 added, 0 duplicates, 1 skipped (1 whose source changed since it was translated)",
        ),
        (
            ImportReport("u", read=3, added=1, skipped={CHANGED_SOURCE: 2}),
            "u: 1 added, 0 duplicates, 2 skipped (2 whose source changed since they were "
            "translated)",
        ),
    ],
)
def test_summary(report: ImportReport, line: str) -> None:
    assert report.summary() == line


def test_the_entries_not_read_are_a_field_of_the_json() -> None:
    report = ImportReport("u", read=29, added=29, not_read={"empty target": 1, "untranslated": 1})
    assert report.to_dict()["not_read"] == {"empty target": 1, "untranslated": 1}
    assert ImportReport("u").to_dict()["not_read"] == {}


def test_the_pairs_older_than_the_stored_translation_are_a_field_of_the_json() -> None:
    assert ImportReport("u", read=1, older=1).to_dict()["older"] == 1


def test_the_json_keeps_a_reasons_label_as_it_is() -> None:
    """The key a script reads is the same whatever the count."""
    report = ImportReport("u", read=2, added=1, skipped={CHANGED_SOURCE: 1})
    assert report.to_dict()["skipped"] == {"whose source changed since they were translated": 1}
