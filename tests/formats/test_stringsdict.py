"""Apple .stringsdict plurals: forms in the target language's categories, keys written whole."""

from __future__ import annotations

import logging
import plistlib
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.stringsdict import StringsDictDocument

DATA = Path(__file__).parent / "data"


def _copy(tmp_path: Path, folder: str) -> Path:
    path = tmp_path / folder / "Localizable.stringsdict"
    path.parent.mkdir(parents=True)
    shutil.copy(DATA / "Localizable.stringsdict", path)
    return path


def test_units_are_the_forms_in_the_target_categories(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _copy(tmp_path, "en.lproj")
    with caplog.at_level(logging.WARNING):
        units = open_document(source, tgt_lang="ru").units()
    assert [(u.key, u.source, u.entry, u.form) for u in units] == [
        ("%d files#files#zero", "No files", "", 0),  # Apple's case for 0, in every language
        ("%d files#files#one", "%d file", "%d files#files", 0),
        ("%d files#files#few", "%d files", "%d files#files", 1),
        ("%d files#files#many", "%d files", "%d files#files", 2),
        ("in_folder", "%#@items@ in %@", "", 0),  # a format with words of its own
        ("in_folder#items#one", "%ld item", "in_folder#items", 0),
        ("in_folder#items#few", "%ld items", "in_folder#items", 1),
        ("in_folder#items#many", "%ld items", "in_folder#items", 2),
    ]
    assert "1 key skipped (width): it holds width variations" in caplog.text


def test_translated_file_is_a_plist_with_the_target_categories(tmp_path: Path) -> None:
    source = _copy(tmp_path, "en.lproj")
    out = tmp_path / "de.lproj" / "Localizable.stringsdict"
    out.parent.mkdir()
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = plistlib.loads(out.read_bytes())
    assert list(written) == ["%d files", "in_folder"]  # the untranslatable key is left out
    assert written["in_folder"] == {
        "NSStringLocalizedFormatKey": "%#@items@ IN %@",  # the variable kept
        "items": {
            "NSStringFormatSpecTypeKey": "NSStringPluralRuleType",
            "NSStringFormatValueTypeKey": "ld",
            "one": "%ld ITEM",
            "other": "%ld ITEMS",
        },
    }
    assert written["%d files"]["files"]["zero"] == "NO FILES"
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')


def test_a_key_is_written_only_whole_and_other_is_always_there(tmp_path: Path) -> None:
    source = _copy(tmp_path, "en.lproj")
    document = StringsDictDocument.open(source, tgt_lang="ru")
    document.fill({"in_folder": "%#@items@ в %@", "in_folder#items#one": "%ld элемент"})
    assert plistlib.loads(document.render()) == {}  # few and many missing: nothing yet
    document.fill({"in_folder#items#few": "%ld элемента", "in_folder#items#many": "%ld элементов"})
    items = plistlib.loads(document.render())["in_folder"]["items"]
    assert [items[tag] for tag in ("one", "few", "many", "other")] == [
        "%ld элемент",
        "%ld элемента",
        "%ld элементов",
        "%ld элементов",  # Apple requires other; Russian's fractions take it
    ]


def test_update_and_pairs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = _copy(tmp_path, "en.lproj")
    out = tmp_path / "de.lproj" / "Localizable.stringsdict"
    out.parent.mkdir()
    existing = {
        "%d files": {
            "NSStringLocalizedFormatKey": "%#@files@",
            "files": {
                "NSStringFormatSpecTypeKey": "NSStringPluralRuleType",
                "NSStringFormatValueTypeKey": "d",
                "zero": "Keine Dateien",
                "one": "%d Datei",
                "other": "%d Dateien",
            },
        },
        "old": {"NSStringLocalizedFormatKey": "Alt"},
    }
    out.write_bytes(plistlib.dumps(existing))
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert "%d file" not in model.seen
    written = plistlib.loads(out.read_bytes())
    assert list(written) == ["%d files", "in_folder", "old"]
    assert written["%d files"] == existing["%d files"]
    assert "1 string not in" in caplog.text and "(old)" in caplog.text
    pairs = {
        (r.source, r.target, r.metadata.get("plural"))
        for r in StringsDictDocument.pairs(out, source_file=source, tgt_lang="de")
    }
    assert ("%d file", "%d Datei", 0) in pairs
    assert ("%d files", "%d Dateien", 1) in pairs
    assert ("No files", "Keine Dateien", None) in pairs


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<plist><dict><key>a</key>",
            r"x.stringsdict:1:\d+: not an Apple .stringsdict file: no element found",
        ),
        (
            b"<plist><array/></plist>",
            r"x.stringsdict: not an Apple .stringsdict file: its top level is not a <dict>",
        ),
        (b"not xml at all", r"x.stringsdict:1:1: not an Apple .stringsdict file: syntax error"),
        # an Info.plist given as one (trial s77): an empty plist was written, exit 0
        (
            b"<plist><dict><key>CFBundleName</key><string>Shop</string>"
            b"<key>NSCameraUsageDescription</key><string>Scan codes</string></dict></plist>",
            r"x.stringsdict: not an Apple .stringsdict file: none of its 2 keys is a plural rule "
            r"dictionary \(with NSStringLocalizedFormatKey\); translate an Info.plist's strings "
            r"as InfoPlist.strings",
        ),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.stringsdict"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        StringsDictDocument.open(path)
    assert "\n" not in str(caught.value)


def _plural(**forms: str) -> dict[str, object]:
    return {
        "NSStringLocalizedFormatKey": "%#@items@",
        "items": {"NSStringFormatSpecTypeKey": "NSStringPluralRuleType", **forms},
    }


def test_a_variable_without_other_gets_other_from_its_one_never_its_zero(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "en.lproj" / "Localizable.stringsdict"
    source.parent.mkdir()
    source.write_bytes(plistlib.dumps({"items_count": _plural(one="%d item", zero="No items")}))
    out = tmp_path / "de.lproj" / "Localizable.stringsdict"
    out.parent.mkdir()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    items = plistlib.loads(out.read_bytes())["items_count"]["items"]
    assert (items["zero"], items["one"], items["other"]) == ("NO ITEMS", "%d ITEM", "%d ITEM")
    assert "1 plural variable without other (items_count#items), which Apple requires" in (
        caplog.text
    )


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ({"items": {}}, "it has no NSStringLocalizedFormatKey; add one"),
        (
            {"NSStringLocalizedFormatKey": "%#@minutes@ left"},
            "its NSStringLocalizedFormatKey names %#@minutes@ and it has no <dict> minutes",
        ),
        (_plural(zero="No items"), "its variable items has no plural form but zero; add other"),
    ],
)
def test_a_skipped_key_is_named_with_what_it_lacks(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, entry: dict[str, object], why: str
) -> None:
    source = tmp_path / "Localizable.stringsdict"
    source.write_bytes(plistlib.dumps({"k": entry, "items_count": _plural(other="%d items")}))
    with caplog.at_level(logging.WARNING):
        units = StringsDictDocument.open(source, tgt_lang="de").units()
    assert {unit.key.split("#")[0] for unit in units} == {"items_count"}
    assert f"1 key skipped (k): {why}" in caplog.text
    assert "only plurals" not in caplog.text
