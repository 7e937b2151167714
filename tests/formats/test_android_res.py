"""Android's resource folder: values/ is the source, values-* are other languages' or
configurations' resources."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.android_res import (
    android_qualifier,
    in_qualified_values,
    is_res_folder,
    no_string_resources,
    values_translation,
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "de"), ("de-AT", "de-rAT"), ("pt_BR", "pt-rBR"), ("sr-Latn", "b+sr+Latn")],
)
def test_android_qualifier(language: str, expected: str) -> None:
    assert android_qualifier(language) == expected


def _resources(path: Path, text: str = "<resources/>") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("values/strings.xml", "values-de/strings.xml"),
        ("src/main/res/values/strings.xml", "src/main/res/values-de/strings.xml"),
        ("strings.xml", None),  # the values folder itself given: its files keep their names
        ("values-night/strings.xml", None),
    ],
)
def test_values_translation(tmp_path: Path, name: str, expected: str | None) -> None:
    _resources(tmp_path / name)
    found = values_translation(tmp_path, Path(name), "de")
    assert found == (Path(expected) if expected else None)


def test_a_qualified_values_folder_beside_values_is_no_source(tmp_path: Path) -> None:
    for sub in ("values", "values-de", "values-night"):
        _resources(tmp_path / "res" / sub / "strings.xml")
    _resources(tmp_path / "other" / "values-de" / "strings.xml")
    assert in_qualified_values(tmp_path, Path("res/values-de/strings.xml"))
    assert in_qualified_values(tmp_path, Path("res/values-night/strings.xml"))
    assert not in_qualified_values(tmp_path, Path("res/values/strings.xml"))
    assert not in_qualified_values(tmp_path, Path("other/values-de/strings.xml"))  # no values/


def test_a_values_folder_of_other_files_is_no_res_folder(tmp_path: Path) -> None:
    """``proj/values/en.json`` was translated into ``OUT/values-de/en.json`` and
    ``values-old/en.json`` skipped: the Android rule is for Android resource files alone."""
    for sub in ("values", "values-old"):
        _resources(tmp_path / "proj" / sub / "en.json", '{"a": "Open"}')
    assert not is_res_folder(tmp_path / "proj")
    assert values_translation(tmp_path, Path("proj/values/en.json"), "de") is None
    assert not in_qualified_values(tmp_path, Path("proj/values-old/en.json"))
    _resources(tmp_path / "proj" / "values" / "strings.xml")  # a res folder, its JSON not Android's
    assert is_res_folder(tmp_path / "proj")
    assert values_translation(tmp_path, Path("proj/values/en.json"), "de") is None
    assert not in_qualified_values(tmp_path, Path("proj/values-old/en.json"))


def test_a_layout_is_no_string_resources_file(tmp_path: Path) -> None:
    """``res/layout/activity_main.xml`` failed the whole folder run: "not an Android string
    resource file"."""
    _resources(tmp_path / "values" / "strings.xml")
    _resources(tmp_path / "layout" / "activity_main.xml", "<?xml version='1.0'?>\n<LinearLayout/>")
    _resources(tmp_path / "values" / "styles.xml", "<resources><style name='a'/></resources>")
    assert no_string_resources(tmp_path, Path("layout/activity_main.xml"))
    assert not no_string_resources(tmp_path, Path("values/styles.xml"))  # nothing to translate
    assert not no_string_resources(tmp_path, Path("values/strings.xml"))
