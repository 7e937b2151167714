"""Which of a folder of each language's folders are the source's and the target's."""

from __future__ import annotations

from pathlib import Path

from ltmt.formats.language_folders import language_folder_pair


def _files(root: Path, names: list[str]) -> list[Path]:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("{}", "utf-8")
    return [root / name for name in names]


def test_the_source_and_target_folders_of_a_folder_of_locales(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    _files(locales, ["en/common.json"])
    skipped = _files(locales, ["fr/common.json", "de/common.json"])
    assert language_folder_pair(locales, skipped, "en", "de") == (locales / "en", locales / "de")


def test_regions_and_apple_bundles_are_paired_by_language(tmp_path: Path) -> None:
    project = tmp_path / "app"
    _files(project, ["src/locales/en-US/a.json", "Resources/en.lproj/Main.strings"])
    skipped = _files(project, ["src/locales/de-DE/a.json", "Resources/de.lproj/Main.strings"])
    assert language_folder_pair(project, skipped, "en", "de") == (
        project / "src/locales/en-US",
        project / "src/locales/de-DE",
    )
    assert language_folder_pair(project, skipped[1:], "en", "de") == (
        project / "Resources/en.lproj",
        project / "Resources/de.lproj",
    )


def test_no_pair_without_both_folders(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    skipped = _files(locales, ["de/common.json"])
    assert language_folder_pair(locales, skipped, "en", "de") is None  # no en folder
    _files(locales, ["en/common.json"])
    french = _files(locales, ["fr/common.json"])
    assert language_folder_pair(locales, french, "en", "de") is None  # no de folder skipped
