"""Windows resource scripts (``.rc``): which strings are translated, encodings, the language."""

from __future__ import annotations

import pytest

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_pairs
from ltmt.formats.registry import find_format
from ltmt.formats.windows_rc import decoded_literal, encoded_literal, is_resource_script

# as Visual Studio writes a resource script (UTF-16LE, a byte order mark, CRLF)
APP_RC = """// Microsoft Visual C++ generated resource script.
//
#include "resource.h"

#define APSTUDIO_READONLY_SYMBOLS
#include "winres.h"
#undef APSTUDIO_READONLY_SYMBOLS

/////////////////////////////////////////////////////////////////////////////
// English (United States) resources

#if !defined(AFX_RESOURCE_DLL) || defined(AFX_TARG_ENU)
LANGUAGE LANG_ENGLISH, SUBLANG_ENGLISH_US
#pragma code_page(1252)

IDR_MAINFRAME           ICON                    "res\\\\MyApp.ico"

IDR_MAINFRAME MENU
BEGIN
    POPUP "&File"
    BEGIN
        MENUITEM "&Open...\\tCtrl+O",            ID_FILE_OPEN
        MENUITEM SEPARATOR
        MENUITEM "E&xit",                       ID_APP_EXIT
    END
END

IDR_MAINFRAME ACCELERATORS
BEGIN
    "O",            ID_FILE_OPEN,           VIRTKEY, CONTROL, NOINVERT
END

IDD_ABOUTBOX DIALOGEX 0, 0, 170, 62
STYLE DS_SETFONT | DS_MODALFRAME | DS_FIXEDSYS | WS_POPUP | WS_CAPTION | WS_SYSMENU
CAPTION "About MyApp"
FONT 8, "MS Shell Dlg", 0, 0, 0x1
BEGIN
    ICON            IDR_MAINFRAME,IDC_STATIC,14,14,21,20
    LTEXT           "Copyright (C) 2024",IDC_STATIC,42,26,114,8
    CONTROL         "&Remember me",IDC_REMEMBER,"Button",BS_AUTOCHECKBOX | WS_TABSTOP,7,7,80,10
    LTEXT           "",IDC_EMPTY,42,36,114,8
    LTEXT           "--",IDC_DASHES,42,46,114,8
    DEFPUSHBUTTON   "OK",IDOK,113,41,50,14,WS_GROUP
END

VS_VERSION_INFO VERSIONINFO
 FILEVERSION 1,0,0,1
BEGIN
    BLOCK "StringFileInfo"
    BEGIN
        BLOCK "040904b0"
        BEGIN
            VALUE "CompanyName", "Contoso Ltd."
            VALUE "FileDescription", "Photo viewer"
            VALUE "OriginalFilename", "MyApp.exe"
            VALUE "ProductName", "MyApp"
        END
    END
    BLOCK "VarFileInfo"
    BEGIN
        VALUE "Translation", 0x409, 1200
    END
END

1 TEXTINCLUDE
BEGIN
    "resource.h\\0"
END

STRINGTABLE
BEGIN
    IDS_HELLO               "Hello, %s!"
    IDS_FILE_NOT_FOUND      "The file ""%s"" could not be found."
    IDS_CONFIRM_DELETE      "Delete %d items?\\nThis cannot be undone."
END

#endif    // English (United States) resources
""".replace("\n", "\r\n")

UNITS = [
    ("&File", ""),
    ("&Open...\tCtrl+O", "ID_FILE_OPEN"),
    ("E&xit", "ID_APP_EXIT"),
    ("About MyApp", ""),
    ("Copyright (C) 2024", "IDC_STATIC"),
    ("&Remember me", "IDC_REMEMBER"),
    ("OK", "IDOK"),
    ("Photo viewer", ""),
    ("Hello, %s!", "IDS_HELLO"),
    ('The file "%s" could not be found.', "IDS_FILE_NOT_FOUND"),
    ("Delete %d items?\nThis cannot be undone.", "IDS_CONFIRM_DELETE"),
]


def _rc(tmp_path, data: bytes, name: str = "app.rc"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _visual_studio_bytes(text: str = APP_RC) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def test_the_strings_a_user_sees_are_the_units(tmp_path) -> None:
    path = _rc(tmp_path, _visual_studio_bytes())
    assert find_format(path, role="document").name == "rc"
    units = open_document(path).units()
    assert [(unit.source, unit.context) for unit in units] == UNITS


def test_translated_in_place_the_rest_byte_for_byte(tmp_path) -> None:
    """The file stays UTF-16LE with its BOM and CRLF; IDs, styles, file names, the accelerator
    table, TEXTINCLUDE and the VERSIONINFO's names are the input's; the language is German."""
    document = open_document(_rc(tmp_path, _visual_studio_bytes()), tgt_lang="de")
    german = {
        'The file "%s" could not be found.': 'Die Datei "%s" wurde nicht gefunden.',
        "Delete %d items?\nThis cannot be undone.": "%d Objekte löschen?\nDas ist endgültig.",
        "&Open...\tCtrl+O": "Ö&ffnen...\tStrg+O",
    }
    document.fill(
        {unit.key: german.get(unit.source, f"[de] {unit.source}") for unit in document.units()}
    )
    document.save(tmp_path / "app.de.rc")
    data = (tmp_path / "app.de.rc").read_bytes()
    assert data.startswith(b"\xff\xfe")
    text = data[2:].decode("utf-16-le")
    expected = (
        APP_RC.replace('"&File"', '"[de] &File"')
        .replace('"&Open...\\tCtrl+O"', '"Ö&ffnen...\\tStrg+O"')
        .replace('"E&xit"', '"[de] E&xit"')
        .replace('"About MyApp"', '"[de] About MyApp"')
        .replace('"Copyright (C) 2024"', '"[de] Copyright (C) 2024"')
        .replace('"&Remember me"', '"[de] &Remember me"')
        .replace('"OK"', '"[de] OK"')
        .replace('"Photo viewer"', '"[de] Photo viewer"')
        .replace('"Hello, %s!"', '"[de] Hello, %s!"')
        .replace(
            '"The file ""%s"" could not be found."', '"Die Datei ""%s"" wurde nicht gefunden."'
        )
        .replace(
            '"Delete %d items?\\nThis cannot be undone."',
            '"%d Objekte löschen?\\nDas ist endgültig."',
        )
        .replace("AFX_TARG_ENU", "AFX_TARG_DEU")
        .replace('BLOCK "040904b0"', 'BLOCK "040704b0"')
        .replace('"Translation", 0x409,', '"Translation", 0x0407,')
        .replace("LANG_ENGLISH, SUBLANG_ENGLISH_US", "LANG_GERMAN, SUBLANG_GERMAN")
        .replace("// English (United States) resources", "// German (Germany) resources")
    )
    assert text == expected


@pytest.mark.parametrize(
    ("written", "text"),
    [
        ('The file ""%s""', 'The file "%s"'),
        ("&New\\tCtrl+N", "&New\tCtrl+N"),
        ("a\\nb\\r", "a\nb\r"),
        ("C:\\\\temp", "C:\\temp"),
        ("Line one\\012Line two", None),  # an escape not written back: the literal is kept
    ],
)
def test_literals_are_read_as_rc_reads_them(written: str, text: str | None) -> None:
    assert decoded_literal(written) == text
    if text is not None:
        assert encoded_literal(text) == written


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_files_are_read_and_written_alike(tmp_path, bom: bytes) -> None:
    text = '#pragma code_page(65001)\nSTRINGTABLE\nBEGIN\n    IDS_OK "Größe"\nEND\n'
    document = open_document(_rc(tmp_path, bom + text.encode("utf-8")), tgt_lang="de")
    assert [unit.source for unit in document.units()] == ["Größe"]
    document.fill({document.units()[0].key: "Größe ändern"})
    document.save(tmp_path / "out.rc")
    assert (tmp_path / "out.rc").read_bytes() == bom + text.replace(
        '"Größe"', '"Größe ändern"'
    ).encode()


def test_windows_1252_is_read_where_the_file_says_so(tmp_path) -> None:
    text = '#pragma code_page(1252)\nSTRINGTABLE\nBEGIN\n    IDS_OK "Caf\xe9 open"\nEND\n'
    document = open_document(_rc(tmp_path, text.encode("cp1252")), tgt_lang="de")
    assert [unit.source for unit in document.units()] == ["Café open"]
    document.fill({document.units()[0].key: "„Café“ geöffnet"})
    document.save(tmp_path / "out.rc")
    written = (tmp_path / "out.rc").read_bytes()
    assert written == text.replace('"Caf\xe9 open"', '"„Café“ geöffnet"').encode("cp1252")
    document.fill({document.units()[0].key: "Café ☕"})
    with pytest.raises(
        InputError,
        match=r"app\.rc: the translation holds '☕', which Windows-1252 lacks; save the \.rc file "
        r"as UTF-16 \(Visual Studio: Advanced Save Options\) and translate it again$",
    ):
        document.save(tmp_path / "out.rc")


def test_windows_1252_without_its_pragma_is_refused_as_not_utf8(tmp_path) -> None:
    text = 'STRINGTABLE\nBEGIN\n    IDS_OK "Caf\xe9 open"\nEND\n'
    path = _rc(tmp_path, text.encode("cp1252"))
    with pytest.raises(InputError) as raised:
        open_document(path)
    assert str(raised.value) == (
        f"{path}:3:16: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: convert it: "
        f"iconv -f CP1252 -t UTF-8 {path} > {tmp_path}/app-utf8.rc"
    )


def test_a_target_language_not_known_leaves_the_language_lines_with_a_warning(
    tmp_path, caplog
) -> None:
    document = open_document(_rc(tmp_path, _visual_studio_bytes()), tgt_lang="pl")
    document.save(tmp_path / "app.pl.rc")
    assert (tmp_path / "app.pl.rc").read_bytes() == _visual_studio_bytes()
    assert caplog.messages == [
        f"{tmp_path}/app.rc: its LANGUAGE lines still say LANG_ENGLISH; set them to the target "
        "language's (pl) in the translation"
    ]


def _german(tmp_path, skip: str = "OK"):
    """A German translation of APP_RC, as ltmt writes it; ``skip`` left in English."""
    document = open_document(_rc(tmp_path, _visual_studio_bytes()), tgt_lang="de")
    document.fill({u.key: f"[de] {u.source}" for u in document.units() if u.source != skip})
    document.save(tmp_path / "app.de.rc")
    return tmp_path / "app.de.rc"


def test_a_translation_is_imported_beside_its_source_file(tmp_path) -> None:
    german = _german(tmp_path)
    not_read = NotRead()
    pairs = list(read_pairs(german, "rc", source_file=tmp_path / "app.rc", not_read=not_read))
    assert [(p.source, p.target, p.metadata.get("context", "")) for p in pairs] == [
        (source, f"[de] {source}", context) for source, context in UNITS if source != "OK"
    ]
    assert not_read.by_reason() == {"untranslated": 1}


def test_an_existing_output_is_the_translation_so_far(tmp_path) -> None:
    german = _german(tmp_path)
    document = open_document(tmp_path / "app.rc", tgt_lang="de")
    assert document.adopt(german) == len(UNITS) - 1
    assert [unit.source for unit in document.pending()] == ["OK"]


def test_files_whose_strings_do_not_line_up_are_refused(tmp_path) -> None:
    other = _rc(
        tmp_path, _visual_studio_bytes(APP_RC.replace("    IDS_HELLO", "    IDS_HI")), "o.rc"
    )
    _rc(tmp_path, _visual_studio_bytes())
    with pytest.raises(InputError) as raised:
        list(read_pairs(other, "rc", source_file=tmp_path / "app.rc"))
    assert str(raised.value) == (
        f"{other}: its strings do not line up with those of {tmp_path}/app.rc (11 and 11, or "
        "other IDs); give the .rc file it translates, with the same resources, or another output"
    )


# a shell script named .rc: translated, it gave 0 segments and was copied (rc 0, no hint)
SHELL_RC = '# Shell settings for the build\nexport PATH="$HOME/bin:$PATH"\nalias ll="ls -la"\n'


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (APP_RC, True),
        ('STRINGTABLE\nBEGIN\n    IDS_OK "OK"\nEND\n', True),
        ('IDR_MAIN MENU\nBEGIN\n    MENUITEM "E&xit", IDM_EXIT\nEND\n', True),
        ('IDD_ABOUT DIALOGEX 0, 0, 170, 62\nCAPTION "About"\n{\n}\n', True),
        ('#include "resource.h"\n1 TEXTINCLUDE\nBEGIN\n    "resource.h\\0"\nEND\n', True),
        ('#include "app.rc2"\nBEGIN\nEND\n', True),
        (SHELL_RC, False),
        ("# BEGIN\n", False),
        ("", False),
    ],
)
def test_is_resource_script(text: str, script: bool) -> None:
    assert is_resource_script(text) is script


def test_a_file_that_is_no_resource_script_is_refused(tmp_path) -> None:
    path = _rc(tmp_path, SHELL_RC.encode(), "env.rc")
    with pytest.raises(NotMessageFileError) as raised:
        open_document(path, tgt_lang="de")
    assert str(raised.value) == (
        f"{path}: not a Windows resource script (no STRINGTABLE, MENU or DIALOG); pass "
        "--format txt if it is text to translate"
    )
