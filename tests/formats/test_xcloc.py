"""Xcode localization catalogs: the manifest read, which members are translated, the output's
name and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.xcloc import (
    XclocBundle,
    bundle_of,
    check_output_name,
    copy_file,
    is_bundle,
    make_folders,
)


def _bundle(path: Path, manifest: object = None) -> Path:
    (path / "Localized Contents").mkdir(parents=True)
    (path / "Source Contents" / "App" / "en.lproj").mkdir(parents=True)
    (path / "Notes").mkdir()
    (path / ".hidden").mkdir()
    if manifest is None:
        manifest = {"developmentRegion": "en", "targetLocale": "de-DE", "version": "1.0"}
    (path / "contents.json").write_text(json.dumps(manifest), "utf-8")
    (path / "Localized Contents" / "de.xliff").write_text("<xliff/>", "utf-8")
    return path


def test_a_bundle_reads_its_languages_and_names_what_is_translated(tmp_path: Path) -> None:
    bundle = XclocBundle.open(_bundle(tmp_path / "de.xcloc"))
    assert (bundle.source_locale, bundle.target_locale) == ("en", "de-DE")
    assert bundle.is_localized(bundle.path / "Localized Contents" / "de.xliff")
    assert not bundle.is_localized(bundle.path / "contents.json")
    assert not bundle.is_localized(bundle.path / "Source Contents" / "App" / "x.xliff")
    assert bundle.translates("en", "de") and bundle.translates("en", "de-DE")
    assert not bundle.translates("en", "fr") and not bundle.translates("fr", "de")
    assert not bundle.translates("en", "de-AT")  # a region asked for is held to


def test_a_manifest_without_a_source_language_is_taken_for_any(tmp_path: Path) -> None:
    bundle = XclocBundle.open(_bundle(tmp_path / "de.xcloc", {"targetLocale": "de"}))
    assert bundle.source_locale == "" and bundle.translates("fr", "de")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (None, "not an Xcode localization catalog: it has no contents.json"),
        ('{"targetLocale": ', "contents.json:1:18: invalid JSON: expecting a value"),
        ("[1]", "contents.json: no targetLocale, which names the language"),
        ('{"targetLocale": " "}', "contents.json: no targetLocale"),
        ('{"targetLocale": 7}', "contents.json: no targetLocale"),
    ],
)
def test_a_bundle_xcode_did_not_write_is_one_line_error(
    tmp_path: Path, manifest: str | None, message: str
) -> None:
    path = tmp_path / "de.xcloc"
    path.mkdir()
    if manifest is not None:
        (path / "contents.json").write_text(manifest, "utf-8")
    with pytest.raises(InputError, match="^" + str(path).replace(".", r"\.")) as caught:
        XclocBundle.open(path)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_bundle_of_finds_the_bundle_a_file_lies_in(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path / "Export" / "de.xcloc")
    inside = bundle / "Source Contents" / "App" / "en.lproj" / "Localizable.strings"
    assert bundle_of(inside, tmp_path) == bundle
    assert bundle_of(inside, bundle) == bundle  # the bundle given itself
    assert bundle_of(tmp_path / "Export" / "readme.txt", tmp_path) is None
    assert is_bundle(bundle) and not is_bundle(tmp_path / "Export")
    (tmp_path / "file.xcloc").write_text("", "utf-8")
    assert not is_bundle(tmp_path / "file.xcloc")


def test_the_output_keeps_every_folder_and_copies_bytes(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path / "de.xcloc")
    out = tmp_path / "out.xcloc"
    make_folders(bundle, out)
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert made == [
        "Localized Contents",
        "Notes",  # empty, made all the same
        "Source Contents",
        "Source Contents/App",
        "Source Contents/App/en.lproj",
    ]
    (bundle / "Notes" / "shot.png").write_bytes(b"\x89PNG\r\n\x00\xff")
    copy_file(bundle / "Notes" / "shot.png", out / "Notes" / "shot.png")
    assert (out / "Notes" / "shot.png").read_bytes() == b"\x89PNG\r\n\x00\xff"


def test_a_bundle_is_translated_into_a_folder_xcode_imports(tmp_path: Path) -> None:
    check_output_name(tmp_path / "de.xcloc", tmp_path / "done.XCLOC")
    with pytest.raises(InputError, match=r"only from a folder named \*\.xcloc; give one \(for "):
        check_output_name(tmp_path / "de.xcloc", tmp_path / "de-out")
