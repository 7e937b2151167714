"""qa's length check of a fastlane metadata file's whole text (store_listing_problems)."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.store_listing_checks import store_listing_problems
from ltmt.segments import PairRecord


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "fastlane" / "metadata" / "android" / "de-DE"
    (folder / "changelogs").mkdir(parents=True)
    (folder / "title.txt").write_text("TrailNotes: Wander-Logbuch\n", "utf-8")
    (folder / "short_description.txt").write_text("x" * 90 + "\n", "utf-8")
    (folder / "changelogs" / "123.txt").write_text("y" * 300 + "\n" + "z" * 300 + "\n", "utf-8")
    return folder


def test_files_longer_than_the_store_allows_are_length_errors(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    short = folder / "short_description.txt"
    records = [
        PairRecord("Record your hikes.", "x" * 90, f"{short}:1"),
        PairRecord("Its title", "TrailNotes: Wander-Logbuch", f"{folder / 'title.txt'}:1"),
    ]
    assert store_listing_problems(short, records=records) == [
        FormProblem(
            f"{short}:1",
            "Record your hikes.",
            "x" * 90,
            "the translation is 90 characters long, Google Play allows 80",
            "length",
            "error",  # a hard limit: the store refuses the upload
        )
    ]
    found = {
        Path(p.position.rpartition(":")[0]).name: p.message for p in store_listing_problems(folder)
    }
    assert found == {
        "123.txt": "the translation is 601 characters long, Google Play allows 500",
        "short_description.txt": "the translation is 90 characters long, Google Play allows 80",
    }


def test_other_files_and_formats_have_none(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert store_listing_problems(folder / "title.txt") == []
    assert store_listing_problems(folder / "short_description.txt", "paragraphs") == []
    other = tmp_path / "short_description.txt"
    other.write_text("x" * 90 + "\n", "utf-8")
    assert store_listing_problems(other) == []
