"""Android string resources: translated into the target language's file, updated in place,
read as pairs beside their source file."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from lxml import etree

from ltmt.errors import InputError
from ltmt.formats.android import AndroidDocument
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.plurals import plural_tags

SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <!-- The app's name: a brand -->
    <string name="app_name" translatable="false">Notepad</string>
    <string name="welcome">Welcome back, %1$s!</string>
    <string name="title">@string/app_name</string>
    <string name="system_ok">@android:string/ok</string>
    <string name="undo">You can\\'t undo this.</string>
    <string name="styled">Tap <b>Save</b> to keep it.</string>
    <string name="unread">You have <xliff:g id="count">%d</xliff:g> unread messages.</string>
    <plurals name="notes">
        <item quantity="one">%d note</item>
        <item quantity="other">%d notes</item>
    </plurals>
    <string-array name="sort">
        <item>By date</item>
        <item>By title</item>
    </string-array>
</resources>
"""


def _values_strings(tmp_path: Path, text: str) -> Path:
    """``text`` as the source language's ``values/strings.xml`` under ``tmp_path``."""
    path = tmp_path / "values" / "strings.xml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _values_strings(tmp_path, SOURCE)


def _strings(path: Path) -> dict[str, str]:
    root = etree.parse(str(path)).getroot()
    found = {}
    for element in root:
        if not isinstance(element.tag, str):
            continue
        name = element.get("name")
        if element.tag == "string":
            found[name] = "".join(element.itertext())
        else:
            for index, item in enumerate(element):
                found[f"{name}/{item.get('quantity', index)}"] = item.text
    return found


def test_units_are_the_translatable_strings_forms_and_items(source: Path) -> None:
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("welcome", "Welcome back, %1$s!"),
        ("undo", "You can't undo this."),  # Android's escapes read
        ("styled", "Tap <b>Save</b> to keep it."),
        ("unread", 'You have <xliff:g id="count">%d</xliff:g> unread messages.'),
        ("notes#one", "%d note"),
        ("notes#other", "%d notes"),
        ("sort[0]", "By date"),
        ("sort[1]", "By title"),
    ]
    assert {u.context for u in units} == {"welcome", "undo", "styled", "unread", "notes", "sort"}
    assert [(u.entry, u.form) for u in units if u.entry] == [("notes", 0), ("notes", 1)]


def test_translated_file_keeps_layout_markup_and_escapes(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "values-de" / "strings.xml"
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.translated == 8
    written = out.read_text(encoding="utf-8")
    assert "app_name" not in written  # translatable="false" stays out of a translation
    assert "@" not in written  # and so do references, which resolve to the translated resource
    assert "a brand" not in written  # and so does its comment
    assert "YOU CAN\\'T UNDO THIS." in written  # escaped again
    assert "TAP <b>SAVE</b> TO KEEP IT." in written  # markup kept as markup
    assert '<xliff:g id="count">%d</xliff:g>' in written
    assert '<item quantity="one">%d NOTE</item>' in written
    assert written.endswith("</resources>\n")
    assert _strings(out)["sort/1"] == "BY TITLE"


def test_quantities_follow_the_target_language(source: Path, tmp_path: Path) -> None:
    assert plural_tags("de") == ("one", "other")
    assert plural_tags("pt-BR")[0] == "one"  # a region falls back to its language
    assert plural_tags("xx") == ("one", "other")
    out = tmp_path / "ru.xml"
    translate_file(source, out, FakeModel(), tgt_lang="ru")
    strings = _strings(out)
    # Russian's one/few/many, from the source's one and other; Android also needs other
    assert [strings[f"notes/{tag}"] for tag in ("one", "few", "many", "other")] == [
        "%d NOTE",
        "%d NOTES",
        "%d NOTES",
        "%d NOTES",
    ]


def test_existing_translation_is_kept_and_completed(
    source: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        '    <string name="welcome">Willkommen zurück, %1$s!</string>\n'
        '    <string name="retired">Alt</string>\n'
        "</resources>\n",
        encoding="utf-8",
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, model, tgt_lang="de")
    assert "Welcome back, %1$s!" not in model.seen  # only what the output lacked
    assert result.report.translated_before == 1
    strings = _strings(out)
    assert strings["welcome"] == "Willkommen zurück, %1$s!"
    assert strings["undo"] == "YOU CAN\\'T UNDO THIS."  # as Android escapes it
    assert strings["retired"] == "Alt"  # the translator's, kept; the warning says so
    assert (
        f"{out}: 1 string not in {source} (retired) kept in place; delete it there if it "
        "is obsolete" in (caplog.text)
    )
    again = FakeModel()
    translate_file(source, out, again, tgt_lang="de")
    assert again.seen == []
    translate_file(source, out, FakeModel(), tgt_lang="de", overwrite=True)
    assert _strings(out)["welcome"] == "WELCOME BACK, %1$s!"


def test_a_translation_of_a_string_marked_not_translatable_is_said_so(
    source: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The team's values-de has app_name, which values/ marks translatable="false": it was
    said to be missing from values/strings.xml."""
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_text(
        '<resources>\n    <string name="app_name">Notizblock</string>\n'
        '    <string name="retired">Alt</string>\n</resources>\n',
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert _strings(out)["app_name"] == "Notizblock"  # the translator's, kept
    assert (
        f'{out}: 1 string (app_name) marked translatable="false" in {source} kept in place; '
        "delete it there (Android lint's ExtraTranslation, which fails a release build)"
        in caplog.text
    )
    assert f"{out}: 1 string not in {source} (retired) kept in place" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):  # ltmt qa reads the pairs alike
        list(AndroidDocument.pairs(out, source_file=source, purpose="checked"))
    assert (
        f'{out}: 1 string (app_name) marked translatable="false" in {source} not checked: '
        "delete it there (Android lint's ExtraTranslation, which fails a release build)"
        in caplog.text
    )


def test_the_sources_tools_locale_becomes_the_target_language(tmp_path: Path) -> None:
    """values/'s tools:locale="en" (the language lint spell-checks it in) was copied into
    values-de."""
    source = _values_strings(
        tmp_path,
        '<resources xmlns:tools="http://schemas.android.com/tools" tools:locale="en" '
        'tools:ignore="MissingTranslation">\n    <string name="a">Save</string>\n</resources>\n',
    )
    out = tmp_path / "de.xml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8").splitlines()[0] == (
        '<resources xmlns:tools="http://schemas.android.com/tools" tools:locale="de" '
        'tools:ignore="MissingTranslation">'
    )


UPDATED_SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<!-- Strings of the app -->
<resources>
    <!-- Greeting on the start page -->
    <string name="welcome">Welcome back, %1$s!</string>
    <!-- Shown before deleting -->
    <string name="undo">You can\\'t undo this.</string>
    <string name="save">Save</string>
    <!-- Files in the folder -->
    <plurals name="files">
        <item quantity="one">%d file</item>
        <item quantity="other">%d files</item>
    </plurals>
    <!-- New in this version -->
    <string name="share">Share</string>
    <!-- More to come -->
</resources>
"""


def test_update_keeps_the_comments_of_the_translation_so_far(tmp_path: Path) -> None:
    """The output was the source file's layout: the translator's header and notes were lost,
    a note was replaced by the source's, and a string of their own came without its note.
    Their file is now kept as they wrote it: a new string comes after the one before it in
    the source, with the source's note; their own strings and notes stay where they are."""
    source = _values_strings(tmp_path, UPDATED_SOURCE)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    theirs = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- German: Anna -->\n<resources>\n'
        "    <!-- reviewed by Anna -->\n"
        '    <string name="welcome">Willkommen zurück, %1$s!</string>\n'
        '    <string name="undo">Nicht rückgängig zu machen.</string>\n'
        "    <!-- kurz halten -->\n"
        '    <string name="save">Speichern</string>\n'
        "    <!-- Anna: Dateien -->\n"
        '    <plurals name="files">\n'
        '        <item quantity="one">%d Datei</item>\n'
        '        <item quantity="other">%d Dateien</item>\n'
        "    </plurals>\n"
        "    <!-- mine -->\n    <!-- keep -->\n"
        '    <string name="retired">Alt</string>\n'
        "</resources>\n"
    )
    out.write_text(theirs, encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == theirs.replace(
        "    </plurals>\n",
        "    </plurals>\n"
        "    <!-- New in this version -->\n"  # a new string: the source's note
        '    <string name="share">SHARE</string>\n',
    )


def test_update_keeps_the_translations_header_and_encoding(tmp_path: Path) -> None:
    """The source file's header and declaration replaced the translation's where it had no
    header, or declared another encoding; its one line was laid out as the source's. Its
    declaration, encoding and layout are kept, and the new strings written in them."""
    source = _values_strings(tmp_path, UPDATED_SOURCE)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    theirs = '<?xml version="1.0" encoding="iso-8859-1"?>\n<resources><string name="save">Ö</string></resources>\n'
    out.write_bytes(theirs.encode("iso-8859-1"))
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes().decode("iso-8859-1") == (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<resources>'
        '<!-- Greeting on the start page --><string name="welcome">WELCOME BACK, %1$s!</string>'
        '<!-- Shown before deleting --><string name="undo">YOU CAN\\\'T UNDO THIS.</string>'
        '<string name="save">Ö</string>'
        '<!-- Files in the folder --><plurals name="files"><item quantity="one">%d FILE</item>'
        '<item quantity="other">%d FILES</item></plurals>'
        '<!-- New in this version --><string name="share">SHARE</string></resources>\n'
    )


def test_partial_plurals_and_arrays_are_left_out(source: Path, tmp_path: Path) -> None:
    document = AndroidDocument.open(source, tgt_lang="de")
    document.fill({"notes#one": "%d Notiz", "sort[0]": "Nach Datum", "welcome": "Hallo %1$s"})
    out = tmp_path / "out.xml"
    document.save(out)
    assert _strings(out) == {"welcome": "Hallo %1$s"}
    with pytest.raises(InputError, match=r"strings.xml: no string 'nope' to fill"):
        document.fill({"nope": "x"})


REFERENCE_ITEMS = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string-array name="menu">
        <item>@string/settings</item>
        <item>Help</item>
        <item>@android:string/cancel</item>
    </string-array>
    <plurals name="files">
        <item quantity="one">@string/one_file</item>
        <item quantity="other">%d files</item>
    </plurals>
</resources>
"""


def test_references_among_items_are_copied_as_written(tmp_path: Path) -> None:
    """An array's item or a plural's form naming another resource was escaped
    (``\\@string/settings``, which aapt2 compiles as that text), sent to the model and
    imported as a pair: it is written as the source has it, and is no unit and no pair."""
    source = _values_strings(tmp_path, REFERENCE_ITEMS)
    out = tmp_path / "values-de" / "strings.xml"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Help", "%d files"]
    strings = _strings(out)
    assert [strings[f"menu/{index}"] for index in range(3)] == [
        "@string/settings",
        "HELP",
        "@android:string/cancel",
    ]
    assert (strings["files/one"], strings["files/other"]) == ("@string/one_file", "%d FILES")
    assert "\\@" not in out.read_text(encoding="utf-8")
    records = AndroidDocument.pairs(out, source_file=source)
    assert [(r.source, r.target) for r in records] == [("Help", "HELP"), ("%d files", "%d FILES")]


def test_pairs_carry_the_line_of_their_string_or_item(source: Path, tmp_path: Path) -> None:
    """qa --json said "line": null of every Android finding; the line of the translation's
    <string>, or of a plural's or an array's <item>, is known as lxml reads it."""
    translated = tmp_path / "de.xml"
    translated.write_text(
        '<resources>\n    <string name="welcome">Hallo %1$s!</string>\n'
        '    <plurals name="notes">\n        <item quantity="one">%d Notiz</item>\n'
        '        <item quantity="other">%d Notizen</item>\n    </plurals>\n'
        '    <string-array name="sort">\n        <item>Nach Datum</item>\n'
        "        <item>Nach Titel</item>\n    </string-array>\n</resources>\n",
        "utf-8",
    )
    records = AndroidDocument.pairs(translated, source_file=source)
    assert [(r.target, r.line) for r in records] == [
        ("Hallo %1$s!", 2),
        ("%d Notiz", 4),
        ("%d Notizen", 5),
        ("Nach Datum", 8),
        ("Nach Titel", 9),
    ]


def test_pairs_need_the_source_file(source: Path, tmp_path: Path) -> None:
    translated = tmp_path / "de.xml"
    translate_file(source, translated, FakeModel(), tgt_lang="de")
    records = list(AndroidDocument.pairs(translated, source_file=source))
    assert (records[0].source, records[0].target) == ("Welcome back, %1$s!", "WELCOME BACK, %1$s!")
    assert records[0].metadata == {"context": "welcome"}
    assert records[1].target == "YOU CAN'T UNDO THIS."  # unescaped, as the source is
    assert records[4].metadata == {"context": "notes", "plural": 0}
    assert len(records) == 8
    with pytest.raises(
        InputError,
        match=r"de.xml: an Android string resource file holds one language; give the "
        r"source-language file it translates with --source-file$",
    ):
        AndroidDocument.pairs(translated)
    with pytest.raises(InputError, match=r"--source-file is the file itself"):
        AndroidDocument.pairs(translated, source_file=translated)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<resources><string name='a'>x</resources>", r"bad.xml:1:\d+: not a well-formed Android"),
        (
            "<resources>\n  <string name='a'>Tom & Jerry</string>\n</resources>",
            r"bad.xml:2:\d+: not a well-formed Android string resource file: xmlParseEntityRef: "
            r"no name$",
        ),
        (
            "<catalog version='1.4'/>",
            r"not an Android string resource file \(its root element is <catalog>",
        ),
        ("", r"bad.xml: empty file; expected an Android string resource file"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        open_document(bad, tgt_lang="de")


@pytest.mark.parametrize(
    ("resources", "message"),
    [
        (
            '<string name="save">Save</string>\n<string name="open">Open</string>\n'
            '<string name="save">Saved file</string>',
            r"bad.xml:4: string/save is defined twice \(first on line 2\), which Android's "
            r"build rejects; delete or rename one$",
        ),
        (
            '<string name="s" translatable="false">A</string>\n<item type="string" name="s">B'
            "</item>",
            r"bad.xml:3: string/s is defined twice \(first on line 2\)",
        ),
        (
            '<string name="s" product="tablet">A</string>\n'
            '<string name="s" product="tablet">B</string>',
            r"bad.xml:3: string/s is defined twice",
        ),
        (
            '<string-array name="a"><item>x</item></string-array>\n'
            '<array name="a"><item>y</item></array>',
            r"bad.xml:3: array/a is defined twice",
        ),
        ('<color name="c">#fff</color>\n<color name="c">#000</color>', r"color/c is defined"),
    ],
)
def test_a_resource_defined_twice_is_an_error_as_in_androids_build(
    tmp_path: Path, resources: str, message: str
) -> None:
    """aapt2 rejects a file that defines a resource twice: the translation held the string
    twice, which the build rejected too, and the pairs kept one of the two."""
    bad = tmp_path / "bad.xml"
    bad.write_text(f"<resources>\n{resources}\n</resources>\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        open_document(bad, tgt_lang="de")
    with pytest.raises(InputError, match=message):
        list(AndroidDocument.pairs(bad, source_file=_values_strings(tmp_path, SOURCE)))


def test_resources_android_tells_apart_are_no_repeats(tmp_path: Path) -> None:
    """A string and a plural of one name, and a name's product variants, are resources of
    their own to Android's build."""
    source = _values_strings(
        tmp_path,
        '<resources>\n<string name="s">A</string>\n'
        '<plurals name="s"><item quantity="other">B</item></plurals>\n'
        '<string name="s" product="tablet">C</string>\n</resources>\n',
    )
    units = open_document(source, tgt_lang="de").units()
    assert [u.key for u in units] == ["s", "s#one", "s#other", "s[product=tablet]"]


def test_no_break_spaces_are_read_as_written(source: Path, tmp_path: Path) -> None:
    # aapt2 keeps whitespace beyond ASCII; translate-toolkit's reader folded it into a space,
    # which rewrote a team's "z.\u00a0B." as "z. B." in the output it kept
    out = tmp_path / "de.xml"
    out.write_text(
        '<resources>\n    <string name="undo">z.\u00a0B. nicht\u202f!</string>\n</resources>\n',
        encoding="utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert '<string name="undo">z.\u00a0B. nicht\u202f!</string>' in out.read_text("utf-8")
    records = {r.source: r.target for r in AndroidDocument.pairs(out, source_file=source)}
    assert records["You can't undo this."] == "z.\u00a0B. nicht\u202f!"


def test_text_marked_with_xliff_g_is_never_translated(tmp_path: Path) -> None:
    """Android's ``<xliff:g>`` marks what must stay as written (an app's name)."""
    source = tmp_path / "values" / "strings.xml"
    source.parent.mkdir()
    source.write_text(
        '<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n'
        '    <string name="brand">Open <xliff:g id="app">Notepad Pro</xliff:g> now</string>\n'
        "</resources>\n",
        encoding="utf-8",
    )
    out = tmp_path / "values-de" / "strings.xml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert 'OPEN <xliff:g id="app">Notepad Pro</xliff:g> NOW' in out.read_text(encoding="utf-8")


# What a model may write that Android's resource compiler treats specially: an apostrophe or a
# double quote (an error or dropped unless escaped), @ and ? at the start (a resource
# reference), a backslash, spaces at the ends (trimmed unless quoted), markup-like text.
TRICKY = {
    "Don't stop": "Hör nicht auf, geht's?",
    'Say "hi"': "Sag \"hallo\" und 'tschüss'",
    "At home": "@Zuhause",
    "Really?": "?Wirklich",
    "a\\b or c\\d": "a\\b oder c\\d",
    "  padded  ": "  aufgefüllt  ",
    "Less than": "a < b & c > d",
}


def _aapt2_values(flat: Path) -> dict[str, str]:
    """The strings of an ``aapt2 compile``d values file, as ``aapt2 dump apc`` prints them."""
    import re
    import subprocess

    dump = subprocess.run(
        ["aapt2", "dump", "apc", str(flat)], capture_output=True, text=True, check=True
    ).stdout
    return dict(re.findall(r"string/(\w+)\n\s+\(\w*\) \"(.*)\" src=", dump))


@pytest.mark.skipif(shutil.which("aapt2") is None, reason="needs aapt2 (Debian's aapt)")
def test_android_compiles_the_translation_to_the_models_words(tmp_path: Path) -> None:
    """Android's own resource compiler reads every translated string as the model wrote it."""
    source = tmp_path / "values" / "strings.xml"
    source.parent.mkdir()
    lines = [
        f'    <string name="s{number}">{escaped}</string>'
        for number, escaped in enumerate(
            ["Don\\'t stop", 'Say \\"hi\\"', "At home", "Really?", "a\\\\b or c\\\\d",
             '"  padded  "',
             "Less than"]
        )
    ]  # fmt: skip
    source.write_text("<resources>\n" + "\n".join(lines) + "\n</resources>\n", encoding="utf-8")

    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [TRICKY[text] for text in texts]

    out = tmp_path / "values-de" / "strings.xml"
    translate_file(source, out, model, tgt_lang="de")
    compiled = tmp_path / "compiled"
    compiled.mkdir()
    import subprocess

    done = subprocess.run(
        ["aapt2", "compile", str(out), "-o", str(compiled)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    values = _aapt2_values(compiled / "values-de_strings.arsc.flat")
    assert values == {f"s{number}": text for number, text in enumerate(TRICKY.values())}


def test_what_comes_before_the_resources_stays_as_written(tmp_path: Path) -> None:
    """The declaration and a comment before <resources>, each on its line (translate-toolkit
    wrote the comment and <resources> on one line)."""
    prolog = '<?xml version="1.0" encoding="utf-8"?>\n<!-- Strings for the app -->\n'
    source = tmp_path / "values" / "strings.xml"
    source.parent.mkdir()
    source.write_text(
        prolog + '<resources>\n    <string name="t">Open the file</string>\n</resources>\n',
        "utf-8",
    )
    out = tmp_path / "values-de" / "strings.xml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        prolog + '<resources>\n    <string name="t">OPEN THE FILE</string>\n</resources>\n'
    )


VARIANTS = """<resources>
    <string name="hint" product="tablet">Rotate your tablet.</string>
    <string name="hint" product="default">Rotate your phone.</string>
    <item type="string" name="details">Photo details</item>
</resources>
"""
GERMAN_VARIANTS = """<resources>
    <string name="hint" product="tablet">Drehen Sie Ihr Tablet.</string>
    <string name="hint" product="default">Drehen Sie Ihr Telefon.</string>
    <item type="string" name="details">Fotodetails</item>
</resources>
"""


@pytest.fixture
def variants(tmp_path: Path) -> Path:
    return _values_strings(tmp_path, VARIANTS)


def test_a_string_of_each_product_and_a_string_item_are_strings_of_their_own(
    variants: Path, tmp_path: Path
) -> None:
    """Android keeps one string of a name per product (the build picks the device's), and
    compiles ``<item type="string">`` as a string: the tablet's was translated as the phone's,
    and the item was copied in English."""
    units = open_document(variants, tgt_lang="de").units()
    assert [(u.key, u.source, u.context) for u in units] == [
        ("hint[product=tablet]", "Rotate your tablet.", "hint[product=tablet]"),
        ("hint", "Rotate your phone.", "hint"),  # the default product's: its name alone
        ("details", "Photo details", "details"),
    ]
    out = tmp_path / "values-de" / "strings.xml"
    translate_file(variants, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "<resources>\n"
        '    <string name="hint" product="tablet">ROTATE YOUR TABLET.</string>\n'
        '    <string name="hint" product="default">ROTATE YOUR PHONE.</string>\n'
        '    <item type="string" name="details">PHOTO DETAILS</item>\n'
        "</resources>\n"
    )


def test_an_existing_translation_keeps_each_products_string_and_string_items(
    variants: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The update run wrote the phone's German over the tablet's, and the English item over
    the German one, while it said they were kept."""
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_text(
        GERMAN_VARIANTS.replace(
            "</resources>",
            '    <string name="hint" product="watch">Uhr drehen.</string>\n</resources>',
        ),
        encoding="utf-8",
    )
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(variants, out, model, tgt_lang="de")
    assert model.seen == []
    assert result.report.translated_before == 3
    written = out.read_text("utf-8")
    assert written.startswith(GERMAN_VARIANTS.removesuffix("</resources>\n"))
    # a product the source lacks is the translator's: kept in place, and named
    assert '<string name="hint" product="watch">Uhr drehen.</string>' in written
    assert "1 string not in" in caplog.text
    assert "(hint[product=watch])" in caplog.text


def test_pairs_match_each_products_string_and_string_items(variants: Path, tmp_path: Path) -> None:
    """``ltmt memory import`` (and ``ltmt qa``, which reads the same pairs) paired the tablet's
    English with the phone's German, and left the item out."""
    translated = tmp_path / "values-de" / "strings.xml"
    translated.parent.mkdir()
    translated.write_text(GERMAN_VARIANTS, encoding="utf-8")
    records = list(AndroidDocument.pairs(translated, source_file=variants))
    assert [(r.source, r.target, r.metadata["context"]) for r in records] == [
        ("Rotate your tablet.", "Drehen Sie Ihr Tablet.", "hint[product=tablet]"),
        ("Rotate your phone.", "Drehen Sie Ihr Telefon.", "hint"),
        ("Photo details", "Fotodetails", "details"),
    ]


COMMENTED = """<resources>
    <string name="done">Upload <!-- TODO: wording --> finished</string>
    <string name="styled">Tap <b>Save</b><!-- bold on purpose --> to keep\u00a0it.</string>
    <string-array name="sort">
        <item>By date <?hint newest first?></item>
    </string-array>
</resources>
"""


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    return _values_strings(tmp_path, COMMENTED)


def test_a_comment_inside_a_string_is_no_text_to_translate(commented: Path, tmp_path: Path) -> None:
    """Android's build drops a comment inside a string; it was read as markup and came out as
    escaped text (``&lt;!-- TODO ... --&gt;``), which the app then showed."""
    units = open_document(commented, tgt_lang="de").units()
    assert [u.source for u in units] == [
        "Upload finished",
        "Tap <b>Save</b> to keep\u00a0it.",
        "By date",
    ]
    out = tmp_path / "values-de" / "strings.xml"
    translate_file(commented, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert '<string name="done">UPLOAD FINISHED</string>' in written
    assert "TODO" not in written
    assert "&lt;" not in written
    out.write_text(COMMENTED.replace("Upload", "Hochladen").replace("finished", "fertig"), "utf-8")
    records = list(AndroidDocument.pairs(out, source_file=commented))
    assert (records[0].source, records[0].target) == ("Upload finished", "Hochladen fertig")


@pytest.mark.skipif(shutil.which("aapt2") is None, reason="needs aapt2 (Debian's aapt)")
def test_strings_are_read_as_android_compiles_them(commented: Path, tmp_path: Path) -> None:
    import subprocess

    compiled = tmp_path / "compiled"
    compiled.mkdir()
    subprocess.run(["aapt2", "compile", str(commented), "-o", str(compiled)], check=True)
    values = _aapt2_values(compiled / "values_strings.arsc.flat")
    units = {u.key: u.source for u in open_document(commented, tgt_lang="de").units()}
    assert values["done"] == units["done"] == "Upload finished"


APOSTROPHES = """<resources>
    <string name="plain">Can't connect</string>
    <string name="quoted">"Don't worry"</string>
    <string name="escaped">Won\\'t</string>
    <string-array name="tips">
        <item>It's <b>fine</b></item>
    </string-array>
</resources>
"""


def test_unescaped_apostrophes_are_named_and_translations_escape_theirs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A string with an apostrophe aapt2 rejects (``Can't``: neither ``\\'`` nor inside
    double quotes), in the source or in the translation so far, was taken silently: it is
    named; ltmt's translations are written with the apostrophe escaped."""
    source = _values_strings(tmp_path, APOSTROPHES)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_text('<resources><string name="plain">Geht\'s nicht</string></resources>\n')
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    warnings = [r.getMessage() for r in caplog.records if "apostrophe" in r.getMessage()]
    assert warnings == [
        f"{source}: 2 strings with an unescaped apostrophe (plain, tips), which Android's "
        "build rejects; write it as \\' there",
        f"{out}: 1 string with an unescaped apostrophe (plain), which Android's build "
        "rejects; write it as \\' there",
    ]
    assert "IT\\'S <b>FINE</b>" in out.read_text(encoding="utf-8")


SMARTLING_BLOCK = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="inbox">Open inbox</string>
    <!-- smartling.sltrans = notranslate -->
    <string name="brand_tagline">Billing made simple</string>
    <string name="api">https://api.acme.example/v2</string>
    <string name="time_zone">Europe/Berlin</string>
    <string name="legal_entity">Acme Billing GmbH, can\\'t change</string>
    <plurals name="seats">
        <item quantity="one">%d seat</item>
        <item quantity="other">%d seats</item>
    </plurals>
    <!-- smartling.sltrans = translate -->
    <string name="pay">Pay now</string>
</resources>
"""


def test_strings_under_smartlings_notranslate_are_copied_never_translated_nor_paired(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``Acme Billing GmbH, registered in Berlin``, in a ``smartling.sltrans = notranslate``
    block, came out ``in Berlin registriert``, and the import paired it."""
    source = _values_strings(tmp_path, SMARTLING_BLOCK)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Open inbox", "Pay now"]
    assert _strings(out) == {  # a value that is no text (time_zone) is left out, as before
        "inbox": "OPEN INBOX",
        "brand_tagline": "Billing made simple",
        "api": "https://api.acme.example/v2",
        "legal_entity": "Acme Billing GmbH, can\\'t change",
        "seats/one": "%d seat",
        "seats/other": "%d seats",
        "pay": "PAY NOW",
    }
    assert "<!-- smartling.sltrans = notranslate -->" in out.read_text("utf-8")
    german = out.read_text("utf-8").replace("Billing made simple", "Abrechnung einfach")
    out.write_text(german, "utf-8")
    pairs = [(r.source, r.target) for r in AndroidDocument.pairs(out, source_file=source)]
    assert pairs == [("Open inbox", "OPEN INBOX"), ("Pay now", "PAY NOW")]
    with caplog.at_level(logging.WARNING):  # a rerun writes the source's again
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert _strings(out)["brand_tagline"] == "Billing made simple"
    assert (
        f"{out}: 1 string that {source} says not to translate (smartling.sltrans = "
        "notranslate) written as the source has it, in place of this file's (brand_tagline)"
    ) in caplog.text


def test_a_notranslate_directive_before_resources_covers_the_file(tmp_path: Path) -> None:
    text = SMARTLING_BLOCK.replace(
        "<resources>", "<!-- smartling.sltrans = notranslate -->\n<resources>"
    )
    source = _values_strings(tmp_path, text)
    model = FakeModel()
    translate_file(source, tmp_path / "de.xml", model, tgt_lang="de")
    assert model.seen == ["Pay now"]


def test_a_comment_naming_sltrans_among_other_words_is_no_directive(tmp_path: Path) -> None:
    text = SMARTLING_BLOCK.replace(
        "smartling.sltrans = notranslate", "Smartling: smartling.sltrans = notranslate is unused"
    )
    source = _values_strings(tmp_path, text)
    model = FakeModel()
    translate_file(source, tmp_path / "de.xml", model, tgt_lang="de")
    assert "Billing made simple" in model.seen


D3_SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="open">Open</string>
    <string name="done">100% done</string>
    <string name="loading">Loading&#8230;</string>
    <string name="dont">"Don't show again"</string>
</resources>
"""
D3_TRANSLATION = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:tools="http://schemas.android.com/tools" tools:ignore="MissingTranslation">
    <string name="open" tools:ignore="Typos">Öffnen</string>
    <string name="done" formatted="false">100 % erledigt</string>
    <string name="loading">Wird geladen&#8230;</string>
    <string name="dont">"Nicht mehr anzeigen"</string>
</resources>
"""


@pytest.mark.parametrize(
    "translation",
    [
        D3_TRANSLATION,
        # tabs, escapes, CDATA, a byte order mark and Windows line ends, as the team wrote them
        "\ufeff<?xml version='1.0' encoding='utf-8'?>\r\n<!-- Reviewed by Anna -->\r\n"
        '<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\r\n'
        "\t<string name='open'><![CDATA[<b>Öffnen</b>]]></string>\r\n"
        '\t<string name="done">100\\u00A0%\\u0020erledigt</string>\r\n'
        "\t<!-- Anna -->\r\n"
        '\t<string name="dont">Nicht mehr anzeigen</string><string name="loading"  >'
        'Wird geladen…</string>\r\n\t<string name="own">Eigen</string>\r\n</resources>',
    ],
    ids=["trial", "tabs-escapes-crlf"],
)
def test_a_run_with_nothing_to_translate_leaves_the_translation_byte_for_byte(
    tmp_path: Path, translation: str
) -> None:
    """A run with nothing to translate rewrote a translator's values-de in the source's
    layout: tools:ignore, formatted="false" and xmlns:tools were dropped, &#8230; became …,
    quotes were dropped, tabs became spaces (trial s75, androidci2's defect 3)."""
    source = _values_strings(tmp_path, D3_SOURCE)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_bytes(translation.encode("utf-8"))
    model = FakeModel()
    result = translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [] and result.report.translated_before == 4
    assert out.read_bytes() == translation.encode("utf-8")


def test_a_new_string_leaves_the_translations_own_lines_as_written(tmp_path: Path) -> None:
    """Adding a string rewrote every other line of the translator's file as well."""
    source = _values_strings(
        tmp_path,
        D3_SOURCE.replace(
            '    <string name="loading">',
            "    <!-- Shown while the list loads -->\n"
            '    <plurals name="tasks">\n'
            '        <item quantity="one">%d task</item>\n'
            '        <item quantity="other">%d tasks</item>\n'
            "    </plurals>\n"
            '    <string name="loading">',
        ),
    )
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    theirs = D3_TRANSLATION.replace("    <", "\t<")
    out.write_text(theirs, encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == theirs.replace(
        '\t<string name="loading">',
        "\t<!-- Shown while the list loads -->\n"
        '\t<plurals name="tasks">\n'
        '\t\t<item quantity="one">%d TASK</item>\n'
        '\t\t<item quantity="other">%d TASKS</item>\n'
        "\t</plurals>\n"
        '\t<string name="loading">',
    )


def test_a_string_translated_again_keeps_the_attributes_the_translator_gave_it(
    tmp_path: Path,
) -> None:
    source = _values_strings(tmp_path, D3_SOURCE)
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    out.write_text(
        D3_TRANSLATION.replace('name="loading"', 'name="loading" translatable="false"'),
        encoding="utf-8",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de", overwrite=True)
    assert out.read_text("utf-8") == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<resources xmlns:tools="http://schemas.android.com/tools" '
        'tools:ignore="MissingTranslation">\n'
        '    <string name="open" tools:ignore="Typos">OPEN</string>\n'
        '    <string name="done" formatted="false">100% DONE</string>\n'
        '    <string name="loading">LOADING…</string>\n'  # translatable="false" not kept
        '    <string name="dont">DON\\\'T SHOW AGAIN</string>\n'
        "</resources>\n"
    )


def test_an_attribute_the_source_gives_a_kept_string_is_added_to_it(tmp_path: Path) -> None:
    """``formatted="false"``, which Android's build needs for a string of several ``%s``,
    added to the English after the translation was written, reached the translation as
    before: added to its start tag, the rest as the translator wrote it."""
    source = _values_strings(
        tmp_path, D3_SOURCE.replace('name="done"', 'name="done" formatted="false"')
    )
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    theirs = D3_TRANSLATION.replace(' formatted="false"', "")
    out.write_text(theirs, encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == D3_TRANSLATION


def test_a_memory_pair_without_the_xliff_g_wrapper_is_reused_with_it(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """(an Android CI trial) a memory migrated from PO has no ``<xliff:g>``; the string that
    wraps its placeholder in one was translated by the model (``Sie haben ... Aufgaben wegen
    heute.``), a 57.1 match of the reviewed pair. It reuses the pair as a 100 % match, the
    wrapper as written around the same placeholder, as the plain string does."""
    from ltmt import Translator
    from ltmt.formats.unit_translation import for_translator
    from ltmt.memory.store import Memory

    wrapped = '<xliff:g id="count" example="3">%d</xliff:g>'
    source = tmp_path / "values" / "strings.xml"
    source.parent.mkdir()
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'    <string name="due">You have {wrapped} tasks due today.</string>\n'
        '    <string name="due_plain">You have %d tasks due today.</string>\n'
        "</resources>\n",
        "utf-8",
    )
    out = tmp_path / "values-de" / "strings.xml"
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u1", [("You have %d tasks due today.", "Heute sind %d Aufgaben fällig.")], origin="x"
        )
        translator = Translator(model=tiny_model_dir, memory=memory, beam=1)
        result = translate_file(source, out, for_translator(translator, "u1"))
    assert result.report.exact == 2
    written = out.read_text("utf-8")
    assert f'<string name="due">Heute sind {wrapped} Aufgaben fällig.</string>' in written
    assert '<string name="due_plain">Heute sind %d Aufgaben fällig.</string>' in written
