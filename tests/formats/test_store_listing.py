"""The length limits Google Play and the App Store set a fastlane metadata folder's files, and a
translation longer than its store allows, counted and named (StoreListingText)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import TextDocument, open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.store_listing import StoreLimit, StoreListingText, store_limit

PLAY = "Google Play"
APPLE = "the App Store"


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("fastlane/metadata/android/en-US/title.txt", StoreLimit(30, PLAY)),
        ("fastlane/metadata/android/de-DE/short_description.txt", StoreLimit(80, PLAY)),
        ("fastlane/metadata/android/de-DE/full_description.txt", StoreLimit(4000, PLAY)),
        ("fastlane/metadata/android/de-DE/changelogs/123.txt", StoreLimit(500, PLAY)),
        ("fastlane/metadata/android/de-DE/changelogs/default.txt", StoreLimit(500, PLAY)),
        ("fastlane/metadata/de-DE/name.txt", StoreLimit(30, APPLE)),
        ("fastlane/metadata/de-DE/subtitle.txt", StoreLimit(30, APPLE)),
        ("fastlane/metadata/default/keywords.txt", StoreLimit(100, APPLE)),
        ("fastlane/metadata/de-DE/promotional_text.txt", StoreLimit(170, APPLE)),
        ("fastlane/metadata/de-DE/description.txt", StoreLimit(4000, APPLE)),
        ("fastlane/metadata/de-DE/release_notes.txt", StoreLimit(4000, APPLE)),
        # no store's: another folder, another file, a file of the other store's folder
        ("docs/de-DE/short_description.txt", None),
        ("fastlane/metadata/android/de-DE/video.txt", None),
        ("fastlane/metadata/android/de-DE/name.txt", None),
        ("fastlane/metadata/de-DE/title.txt", None),
        ("fastlane/metadata/android/de-DE/images/notes.txt", None),
        ("fastlane/metadata/android/title.txt", None),
    ],
)
def test_store_limits_by_folder_and_name(path: str, limit: StoreLimit | None) -> None:
    assert store_limit(Path("/proj") / path) == limit


def _listing(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "fastlane" / "metadata" / "android" / "en-US" / name
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    return path


def test_a_short_description_over_80_characters_is_counted_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A short_description.txt translated to 90 characters was written with over_limit 0 and
    no word; now it is counted and named in a warning."""
    source = _listing(tmp_path, "short_description.txt", "x" * 90 + "\n")
    out = tmp_path / "out" / "short_description.txt"
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == "X" * 90 + "\n"  # written all the same
    assert result.report.over_limit == 1
    assert (
        f"{out}: the translation is 90 characters long, Google Play allows 80: shorten it"
        in caplog.text
    )
    assert "1 longer than its length limit (shorten it)" in result.report.summary()


def test_a_changelog_counts_its_lines_and_their_breaks(tmp_path: Path) -> None:
    """A release's changelog is 500 characters of its whole text, not of each line: 2 lines of
    250 and the break between them are 501."""
    source = _listing(tmp_path, "changelogs/7.txt", "a" * 250 + "\n" + "b" * 250 + "\n")
    result = translate_file(source, tmp_path / "7.de.txt", FakeModel(), tgt_lang="de")
    assert result.report.over_limit == 1
    source.write_text("a" * 249 + "\n" + "b" * 250 + "\n", "utf-8")
    result = translate_file(source, tmp_path / "7.de2.txt", FakeModel(), tgt_lang="de")
    assert result.report.over_limit == 0


def test_a_listing_within_its_limit_and_other_text_are_not_noted(tmp_path: Path) -> None:
    title = _listing(tmp_path, "title.txt", "TrailNotes: Hiking Log\n")
    document = open_document(title)
    assert isinstance(document, StoreListingText)
    document.fill({u.key: u.source for u in document.pending()})
    assert document.over_limit == {} and document.review_notes() == []
    other = tmp_path / "short_description.txt"
    other.write_text("x" * 90 + "\n", "utf-8")
    assert type(open_document(other)) is TextDocument


def test_the_note_waits_for_the_last_line(tmp_path: Path) -> None:
    """A file filled in parts (a run's chunks) is noted once it is whole, under a key filled
    last, so that the run counts it once."""
    source = _listing(tmp_path, "title.txt", "a" * 20 + "\n" + "b" * 20 + "\n")
    document = open_document(source)
    assert isinstance(document, StoreListingText)
    document.fill({"0": "A" * 20})
    assert document.over_limit == {}
    document.fill({"1": "B" * 20})
    assert document.over_limit == {
        "1": "the translation is 41 characters long, Google Play allows 30"
    }
