"""Apple .strings files: a strict reader, translations put in place, the file's encoding kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.apple_strings import AppleStringsDocument, escape_value, parse_strings
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format

SOURCE = """/* Localizable.strings
   Notes */

/* Title of the main window */
"main.title" = "Welcome to \\"Notes\\"";

/* Asks before deleting a note */
"Delete %@?" = "Delete %@?";

// two lines
"multi" = "Line one\\nLine two";
empty = "";
"unicode" = "Caf\\U00e9 \\101"; // the octal escape is an A
"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_units_are_the_values_unescaped_by_key(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.lproj/Localizable.strings", SOURCE.encode())
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source, u.context) for u in units] == [
        ("main.title", 'Welcome to "Notes"', "main.title"),
        ("Delete %@?", "Delete %@?", "Delete %@?"),
        ("multi", "Line one\nLine two", "multi"),
        ("unicode", "Café A", "unicode"),
    ]


def test_translations_are_put_in_place_and_the_rest_left_out(tmp_path: Path) -> None:
    source = _write(tmp_path, "Localizable.strings", SOURCE.encode())
    document = AppleStringsDocument.open(source)
    document.fill({"main.title": 'Willkommen bei „Notizen" \\', "unicode": "Café\tgut"})
    assert document.render().decode() == (
        "/* Localizable.strings\n"
        "   Notes */\n"
        "\n"
        "/* Title of the main window */\n"
        '"main.title" = "Willkommen bei „Notizen\\" \\\\";\n'
        "\n"
        '"unicode" = "Café\\tgut"; // the octal escape is an A\n'
    )


def test_update_keeps_the_comments_of_the_translation_so_far(tmp_path: Path) -> None:
    """The translator's header, note and end-of-line comment stay; an entry new to the output
    has the source file's note."""
    source = _write(tmp_path, "en.lproj/Localizable.strings", SOURCE.encode())
    out = _write(
        tmp_path,
        "de.lproj/Localizable.strings",
        b"/* German: Anna */\n\n"
        b'/* reviewed by Anna */\n"main.title" = "Willkommen bei \\"Notizen\\""; // final\n',
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "/* German: Anna */\n"
        "\n"
        "/* reviewed by Anna */\n"
        '"main.title" = "Willkommen bei \\"Notizen\\""; // final\n'
        "\n"
        "/* Asks before deleting a note */\n"
        '"Delete %@?" = "DELETE %@?";\n'
        "\n"
        "// two lines\n"
        '"multi" = "LINE ONE\\nLINE TWO";\n'
        '"unicode" = "CAFÉ A"; // the octal escape is an A\n'
    )


def test_utf16_files_stay_utf16(tmp_path: Path) -> None:
    data = "\ufeff".encode("utf-16-le") + SOURCE.encode("utf-16-le")
    source = _write(tmp_path, "en.lproj/Localizable.strings", data)
    assert find_format(source, role="document").name == "strings"  # not refused as UTF-16
    out = tmp_path / "de.lproj" / "Localizable.strings"
    out.parent.mkdir()
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_bytes()
    assert written.startswith(b"\xff\xfe")
    values = {e.key: e.value for e in parse_strings(written, out).entries}
    assert values["main.title"] == 'WELCOME TO "NOTES"'
    assert values["Delete %@?"] == "DELETE %@?"
    assert values["multi"] == "LINE ONE\nLINE TWO"


def test_a_utf8_translation_so_far_stays_utf8_beside_a_utf16_source(tmp_path: Path) -> None:
    """Translating a UTF-16 source into an existing UTF-8 German file rewrote it as UTF-16,
    without a word."""
    data = "\ufeff".encode("utf-16-le") + SOURCE.encode("utf-16-le")
    source = _write(tmp_path, "en.lproj/Localizable.strings", data)
    out = _write(tmp_path, "de.lproj/Localizable.strings", b'"multi" = "Zeile eins";\n')
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_bytes()
    assert not written.startswith((b"\xff\xfe", b"\xef\xbb\xbf"))
    values = {e.key: e.value for e in parse_strings(written, out).entries}
    assert values["multi"] == "Zeile eins" and values["main.title"] == 'WELCOME TO "NOTES"'


def test_written_values_read_back_as_written(tmp_path: Path) -> None:
    text = 'tab\there "quoted" \\ back\nslash\r\x01 ünï'
    parsed = parse_strings(f'"k" = {escape_value(text)};\n'.encode(), tmp_path / "x.strings")
    assert [e.value for e in parsed.entries] == [text]


def test_update_keeps_the_translation_so_far_and_its_own_keys(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en.lproj/Localizable.strings", SOURCE.encode())
    out = _write(
        tmp_path,
        "de.lproj/Localizable.strings",
        b'/* Title */\n"main.title" = "Notizen";\n\n/* gone */\n"old" = "Alt";\n',
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert 'Welcome to "Notes"' not in model.seen
    written = out.read_text("utf-8")
    assert '"main.title" = "Notizen";' in written
    assert written.endswith('\n/* gone */\n"old" = "Alt";\n')
    assert "1 string not in" in caplog.text
    pairs = {r.source: r.target for r in AppleStringsDocument.pairs(out, source_file=source)}
    assert pairs['Welcome to "Notes"'] == "Notizen"
    assert pairs["Delete %@?"] == "DELETE %@?"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'"a" = "b"\n"c" = "d";\n',
            r"x.strings:2:1: expected ';' after the value of 'a', found '\"' \(an Apple .strings file\)",
        ),
        (
            b"garbage here\n",
            r"x.strings:1:9: expected '=' or ';' after the key 'garbage', found 'h'",
        ),
        (b'"k" = "v', r"x.strings:1:7: a quoted string is never closed"),
        (b'/* note\n"k" = "v";', r"x.strings:1:1: a /\* comment is never closed"),
        (b'"k" = "\\U12";', r"x.strings:1:8: \\U must be followed by 4 hexadecimal digits"),
        (b'"k" = ;', r"x.strings:1:7: expected a value in quotes, found ';'"),
        (
            b'"k" = "v";\n\xff\n',
            r"x.strings: byte 11 is not valid UTF-8; an Apple .strings file is UTF-8 or UTF-16",
        ),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_strings(data, Path("x.strings"))


SHORT_FORMS = """/* Buttons */
"Cancel";
'Save' = 'Save \\'all\\'';
"Done" = "Done";
"""


def test_the_short_form_and_single_quotes_are_read_as_corefoundation_reads_them(
    tmp_path: Path,
) -> None:
    """``"Cancel";`` (its value is its key) and ``'...'`` strings, which ``plutil -lint``
    accepts, were refused: they are read, and translated values are written out in full."""
    source = _write(tmp_path, "Localizable.strings", SHORT_FORMS.encode())
    out = tmp_path / "de.strings"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Cancel", "Save 'all'", "Done"]
    assert out.read_text("utf-8") == (
        '/* Buttons */\n"Cancel" = "CANCEL";\n\'Save\' = "SAVE \'ALL\'";\n"Done" = "DONE";\n'
    )
    pairs = {r.source: r.target for r in AppleStringsDocument.pairs(out, source_file=source)}
    assert pairs == {"Cancel": "CANCEL", "Save 'all'": "SAVE 'ALL'", "Done": "DONE"}


def test_a_key_defined_twice_is_translated_as_the_app_reads_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "Localizable.strings", b'"k" = "First";\n"k" = "Second";\n')
    with caplog.at_level(logging.WARNING):
        units = AppleStringsDocument.open(source).units()
    assert [u.source for u in units] == ["Second"]
    assert "1 key defined more than once (k)" in caplog.text


INFO_PLIST = (
    '"CFBundleDisplayName" = "Photo Vault";\n'
    '"CFBundleName" = "Photo Vault";\n'
    '"NSCameraUsageDescription" = "Photo Vault uses the camera.";\n'
)


def test_the_apps_name_is_copied_and_its_usage_descriptions_translated(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.lproj/InfoPlist.strings", INFO_PLIST.encode())
    out = tmp_path / "de.lproj" / "InfoPlist.strings"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Photo Vault uses the camera."]
    assert out.read_text("utf-8") == INFO_PLIST.replace(
        '"Photo Vault uses the camera."', '"PHOTO VAULT USES THE CAMERA."'
    )


def test_app_name_keys_of_another_strings_file_are_translated(tmp_path: Path) -> None:
    """They were copied in every .strings file, not only in InfoPlist.strings."""
    source = _write(tmp_path, "en.lproj/Localizable.strings", INFO_PLIST.encode())
    out = tmp_path / "de.lproj" / "Localizable.strings"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Photo Vault", "Photo Vault", "Photo Vault uses the camera."]


def test_a_name_of_its_own_in_the_translation_so_far_is_kept(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.lproj/InfoPlist.strings", INFO_PLIST.encode())
    out = _write(tmp_path, "de.lproj/InfoPlist.strings", b'"CFBundleName" = "Fototresor";\n')
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert '"CFBundleName" = "Fototresor";' in out.read_text("utf-8")


def test_entries_under_smartlings_notranslate_are_copied_never_translated_nor_paired(
    tmp_path: Path,
) -> None:
    """``/* smartling.sltrans = notranslate */ "debug.label" = "Debug build";`` came out
    ``"Debug baut"``."""
    source = _write(
        tmp_path,
        "en.lproj/Localizable.strings",
        b'"retry" = "Retry";\n\n'
        b"/* smartling.sltrans = notranslate */\n"
        b'"debug.label" = "Debug build";\n'
        b'// smartling.sltrans = translate\n"debug.hint" = "/* smartling.sltrans = notranslate */";\n'
        b'"quote.hint" = "Tap \\"Save\\" now."; /* smartling.sltrans = notranslate */\n'
        b'"legal" = "Acme GmbH";\n',
    )
    out = tmp_path / "de.lproj" / "Localizable.strings"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Retry", "/* smartling.sltrans = notranslate */", 'Tap "Save" now.']
    written = out.read_text("utf-8")
    assert '"debug.label" = "Debug build";' in written
    assert '"legal" = "Acme GmbH";' in written
    pairs = {r.source: r.target for r in AppleStringsDocument.pairs(out, source_file=source)}
    assert set(pairs) == {"Retry", "/* smartling.sltrans = notranslate */", 'Tap "Save" now.'}
