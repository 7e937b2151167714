"""Android's resource folder: values/ is the source, values-* are other languages' or
configurations' resources."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.android_res import android_qualifier, in_qualified_values, values_translation


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "de"), ("de-AT", "de-rAT"), ("pt_BR", "pt-rBR"), ("sr-Latn", "b+sr+Latn")],
)
def test_android_qualifier(language: str, expected: str) -> None:
    assert android_qualifier(language) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("values/strings.xml", "values-de/strings.xml"),
        ("src/main/res/values/strings.xml", "src/main/res/values-de/strings.xml"),
        ("strings.xml", None),  # the values folder itself given: its files keep their names
        ("values-night/strings.xml", None),
    ],
)
def test_values_translation(name: str, expected: str | None) -> None:
    found = values_translation(Path("res"), Path(name), "de")
    assert found == (Path(expected) if expected else None)


def test_a_qualified_values_folder_beside_values_is_no_source(tmp_path: Path) -> None:
    for sub in ("values", "values-de", "values-night"):
        (tmp_path / "res" / sub).mkdir(parents=True)
    (tmp_path / "other" / "values-de").mkdir(parents=True)
    assert in_qualified_values(tmp_path, Path("res/values-de/strings.xml"))
    assert in_qualified_values(tmp_path, Path("res/values-night/strings.xml"))
    assert not in_qualified_values(tmp_path, Path("res/values/strings.xml"))
    assert not in_qualified_values(tmp_path, Path("other/values-de/strings.xml"))  # no values/
