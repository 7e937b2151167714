"""Java .properties bundles: translated into the target language's file, as Java reads it."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats import java_properties
from ltmt.formats.documents import open_document
from ltmt.formats.java_properties import JavaPropertiesDocument
from ltmt.formats.not_read import NotRead
from ltmt.formats.pipeline import translate_file

LOADER = Path(__file__).parent / "data" / "LoadProperties.java"
SOURCE = (
    "# Main window\n"
    "app.title=Notes\n"
    "app.welcome=Welcome back, {0}!\n"
    "app.delete=Delete {0}? It can''t be undone.\n"
    "multi.line=First line \\\n"
    "    continued here\n"
    "lead=\\  two spaces first\n"
    "empty=\n"
)


def _java(path: Path, utf8: bool = False) -> dict[str, tuple[str, str]]:
    """What Java's Properties.load reads from ``path``: key → (value, MessageFormat'd with
    "A")."""

    def unescape(text: str) -> str:
        units = bytes.fromhex(text.replace("\\u", ""))
        return units.decode("utf-16-be", "surrogatepass")

    args = ["java", str(LOADER), str(path), *(["utf8"] if utf8 else [])]
    lines = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    found = {}
    for line in lines:
        key, value, formatted = line.split("\t")
        found[key] = (unescape(value), formatted if formatted == "ERROR" else unescape(formatted))
    return found


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_units_show_the_model_single_apostrophes(tmp_path: Path) -> None:
    source = _write(tmp_path, "Messages.properties", SOURCE.encode())
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("app.title", "Notes"),
        ("app.welcome", "Welcome back, {0}!"),
        ("app.delete", "Delete {0}? It can't be undone."),
        ("multi.line", "First line continued here"),
        ("lead", "  two spaces first"),
    ]


def test_a_message_with_a_choice_is_left_untranslated_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # the model garbled the choice's syntax, which Java then formatted wrongly
    text = (
        "files=The user {0} has {1,choice,0#no files|1#one file|1<{1,number,integer} files}.\n"
        "count={0, plural, one {# file} other {# files}}\n"
        "title=Notes\n"
    )
    source = _write(tmp_path, "Messages.properties", text.encode())
    out = _write(tmp_path, "Messages_de.properties", b"count={0, plural, other {# Dateien}}\n")
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text() == "count={0, plural, other {# Dateien}}\ntitle=NOTES\n"
    # count's translation, the translator's, is kept: not left untranslated
    assert (
        "Messages.properties: 1 message with a choice, plural or select argument left "
        "untranslated (files): ltmt cannot translate their branches apart; translate them by hand"
        in caplog.text
    )
    assert "kept at the end" not in caplog.text  # the translator's own, in its place


def test_a_message_quoting_a_brace_is_left_untranslated_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # the model read the quotes as quotation: "»«« ... {'name'}", which Java refuses, and
    # "»{0}«", a literal become a live argument
    text = (
        "hint=Type '{'name'}' to insert a name.\n"
        "brace=Use '{0}' as a literal placeholder for file {0}.\n"
        "quoted=The value ''{0}'' is not valid.\n"
    )
    source = _write(tmp_path, "Messages.properties", text.encode())
    out = tmp_path / "Messages_de.properties"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text() == "quoted=THE VALUE ''{0}'' IS NOT VALID.\n"
    assert "2 messages quoting a brace as literal text left untranslated (hint, brace)" in (
        caplog.text
    )
    assert caplog.text.count("quoting a brace") == 1


def test_an_import_pairs_a_message_quoting_a_brace_without_the_translate_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = b"hint=Type '{'name'}' to insert a name.\ncount={0,choice,0#none|1#one}\n"
    source = _write(tmp_path, "Messages.properties", text)
    out = _write(
        tmp_path,
        "Messages_de.properties",
        b"hint=Geben Sie '{'name'}' ein.\ncount={0,choice,0#keine|1#eine}\n",
    )
    with caplog.at_level(logging.WARNING):
        records = list(JavaPropertiesDocument.pairs(out, source_file=source))
    assert [r.target for r in records] == [
        "Geben Sie '{'name'}' ein.",
        "{0,choice,0#keine|1#eine}",
    ]
    assert "left untranslated" not in caplog.text


def test_a_translation_that_is_no_pattern_java_parses_is_flagged(tmp_path: Path) -> None:
    source = _write(tmp_path, "Messages.properties", b"greet=Hello {0}!\nplain=Use {name}\n")
    out = _write(tmp_path, "Messages_de.properties", b"greet=Hallo {'name'}!\nplain={name}\n")
    records = {r.source: r for r in JavaPropertiesDocument.pairs(out, source_file=source)}
    assert records["Hello {0}!"].metadata["flags"] == "java-format"
    assert "flags" not in records["Use {name}"].metadata  # no pattern MessageFormat parses


def test_a_single_apostrophe_in_a_pattern_is_a_format_problem(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "messages.properties",
        b"order=Don''t cancel order {0}?\ngreet=Hello {0}.\nok=It''s {0}.\n",
    )
    out = _write(
        tmp_path,
        "messages_de.properties",
        b"order=Geht's? Bestellung {0} nicht stornieren?\n"
        b"greet=Hallo {0}, willkommen in Andrea's Shop.\nok=Es ist {0}.\n",
    )
    records = {
        r.metadata["context"]: r for r in JavaPropertiesDocument.pairs(out, source_file=source)
    }
    assert records["order"].metadata["format_problems"] == [
        'java-format: a single apostrophe quotes "\'s? Bestellung {0} nicht stornieren?": Java '
        "drops it and shows that text as written, any argument in it not replaced; write '' for "
        "an apostrophe"
    ]
    assert "'s Shop." in records["greet"].metadata["format_problems"][0]
    assert "format_problems" not in records["ok"].metadata


def test_a_pattern_translation_has_its_apostrophes_doubled(tmp_path: Path) -> None:
    source = _write(tmp_path, "messages.properties", b"greet=Welcome to {0}.\nplain=Our shop\n")
    out = tmp_path / "messages_de.properties"
    german = {"Welcome to {0}.": "Willkommen bei Andrea's {0}.", "Our shop": "Andrea's Laden"}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    # MessageFormat reads a pattern's single apostrophe as a quote; a plain string is no pattern
    assert out.read_text() == "greet=Willkommen bei Andrea''s {0}.\nplain=Andrea's Laden\n"


def test_a_bean_validation_el_expression_comes_back_as_written(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "ValidationMessages.properties",
        b"price=Price ${formatter.format('%1$.2f', validatedValue)} is invalid.\n",
    )
    out = tmp_path / "ValidationMessages_de.properties"

    def mangling(texts: list[str], prefer: list[dict]) -> list[str]:  # as the model did
        return [
            t.replace("Price", "Preis").replace("validatedValue", "gültigatedValue") for t in texts
        ]

    translate_file(source, out, mangling, tgt_lang="de")
    assert (
        out.read_text() == "price=Preis ${formatter.format('%1$.2f', validatedValue)} is invalid.\n"
    )


def test_a_cp1252_byte_in_an_iso_8859_1_file_is_warned_of_by_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = b"title=Shop\ninfo.delivery=Delivery in 2\x963 days\n"
    source = _write(tmp_path, "messages.properties", data)
    out = _write(tmp_path, "messages_de.properties", b"info.delivery=Lieferung in 2\x963 Tagen\n")
    with caplog.at_level(logging.WARNING):
        list(JavaPropertiesDocument.pairs(out, source_file=source))
    said = [r.getMessage() for r in caplog.records if "C1" in r.getMessage()]
    assert said == [
        f"{path}: the value of 1 key holds a C1 control character (info.delivery), likely "
        "cp1252 text in an ISO-8859-1 file; write the character as an escape (\\u2013 for an "
        "en dash) or save the file as UTF-8"
        for path in (source, out)
    ]
    caplog.clear()
    _write(tmp_path, "utf8.properties", "a=2\u20133 days\n".encode())
    JavaPropertiesDocument.open(tmp_path / "utf8.properties")
    assert "C1" not in caplog.text


def test_a_key_empty_in_both_files_is_no_missing_string(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "messages.properties", b"nav.help=Help\nempty.src=\n")
    out = _write(
        tmp_path, "messages_de.properties", b"nav.help=Hilfe\n#nav.help=Hilfe\nempty.src=\n"
    )
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        records = list(JavaPropertiesDocument.pairs(out, source_file=source, not_read=not_read))
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert [r.source for r in records] == ["Help"]
    assert not_read.by_reason() == {}
    assert "not in" not in caplog.text  # neither "kept at the end" nor "not imported"
    assert out.read_text() == "nav.help=Hilfe\n#nav.help=Hilfe\nempty.src=\n"


@pytest.mark.parametrize(
    "text",
    [
        "# Java file\ngreeting=Hello\nempty.key\n[section]\nbye=Goodbye\n",
        "greeting=Hello\nempty.key=\nbye=Goodbye\n",
    ],
)
def test_empty_values_and_keys_without_a_separator_are_kept(tmp_path: Path, text: str) -> None:
    # "empty.key" and "[section]" (keys with an empty value to Java) vanished from the output
    source = _write(tmp_path, "msgs.properties", text.encode())
    out = tmp_path / "msgs_de.properties"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text() == text.replace("Hello", "HELLO").replace("Goodbye", "GOODBYE")


@pytest.mark.parametrize(
    ("source_encoding", "target_encoding"), [("iso-8859-1", "utf-8"), ("utf-8", "iso-8859-1")]
)
def test_the_translation_so_far_keeps_its_encoding(
    tmp_path: Path, source_encoding: str, target_encoding: str
) -> None:
    source = _write(
        tmp_path, "messages.properties", "shop=Müller's shop\nbuy=Buy now\n".encode(source_encoding)
    )
    out = _write(tmp_path, "messages_de.properties", "shop=Müllers Laden\n".encode(target_encoding))
    german = {"Buy now": "Jetzt „kaufen“"}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    written = out.read_bytes()
    if target_encoding == "utf-8":
        assert written.decode("utf-8") == "shop=Müllers Laden\nbuy=Jetzt „kaufen“\n"
    else:  # letters beyond ISO-8859-1 escaped
        assert written.decode("latin-1") == "shop=Müllers Laden\nbuy=Jetzt \\u201ekaufen\\u201c\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title=Notes\nmenu=Caf\\u00zz menu\n", ":2:9:"),
        ("a=one \\\n  #\\uzz\n", ":2:4:"),  # a continued line is no comment
    ],
)
def test_a_malformed_unicode_escape_is_an_error_with_its_place(
    tmp_path: Path, text: str, where: str
) -> None:
    # Properties.load refuses it; translate-toolkit read it as \u0000 and wrote "\u0000zz"
    source = _write(tmp_path, "Messages.properties", text.encode())
    with pytest.raises(InputError, match=rf"Messages.properties{where} malformed \\u escape"):
        JavaPropertiesDocument.open(source)


def test_comments_and_escaped_backslashes_are_no_unicode_escapes(tmp_path: Path) -> None:
    text = "# see \\user\nkey=C:\\\\users \\\n    # continued\n! \\u\n"
    source = _write(tmp_path, "Messages.properties", text.encode())
    units = JavaPropertiesDocument.open(source).units()
    assert [unit.source for unit in units] == ["C:\\users # continued"]


GERMAN = {
    "app.title": "Notizen",
    "app.welcome": "Willkommen zurück, {0}! ✓",
    "app.delete": "{0} löschen? Das geht nicht rückgängig, l'élément",
    "multi.line": "Erste Zeile, hier fortgesetzt",
    "lead": "  zwei Leerzeichen zuerst",
}


def _german(texts: list[str], prefer: list[dict]) -> list[str]:
    """A stand-in model that knows the German of SOURCE's messages."""
    units = JavaPropertiesDocument(Path("x"), SOURCE.encode()).units()
    by_source = {u.source: GERMAN[u.key] for u in units}
    return [by_source[text] for text in texts]


@pytest.mark.parametrize(
    ("encoding", "escaped"),
    [("ascii", True), ("utf-8", False), ("iso-8859-1", False)],
)
def test_written_as_the_source_file_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encoding: str, escaped: bool
) -> None:
    text = SOURCE if encoding == "ascii" else SOURCE.replace("# Main", "# Café's main")
    source = _write(tmp_path, "Messages.properties", text.encode(encoding))
    with caplog.at_level(logging.WARNING):
        document = JavaPropertiesDocument.open(source)
    assert caplog.messages == []  # not translate-toolkit's guess of another encoding
    document.fill(GERMAN)
    out = tmp_path / "Messages_de.properties"
    document.save(out)
    data = out.read_bytes()
    assert data.isascii() is escaped
    assert b"zur\\u00fcck" in data or "zurück".encode(encoding) in data
    assert b"\\u2713" in data or "✓".encode() in data  # beyond Latin-1: escaped there
    # leading spaces escaped (the first is enough), or Properties.load drops them
    assert b"lead=\\ \\ zwei" in data or b"lead=\\  zwei" in data
    assert b"l''\\u00e9l\\u00e9ment" in data or "l''élément".encode(encoding) in data
    assert data.endswith(b"\nempty=\n")  # an empty value kept empty


@pytest.mark.skipif(shutil.which("java") is None, reason="needs a Java runtime")
@pytest.mark.parametrize("encoding", ["ascii", "utf-8", "iso-8859-1"])
def test_java_reads_what_was_meant(tmp_path: Path, encoding: str) -> None:
    text = SOURCE if encoding == "ascii" else SOURCE.replace("# Main", "# Café's main")
    source = _write(tmp_path, "Messages.properties", text.encode(encoding))
    out = tmp_path / "Messages_de.properties"
    translate_file(source, out, _german, tgt_lang="de")
    found = _java(out, utf8=encoding == "utf-8")
    assert found == {
        "app.title": ("Notizen", "Notizen"),
        "app.welcome": ("Willkommen zurück, {0}! ✓", "Willkommen zurück, A! ✓"),
        "app.delete": (
            "{0} löschen? Das geht nicht rückgängig, l''élément",
            "A löschen? Das geht nicht rückgängig, l'élément",  # MessageFormat's apostrophe
        ),
        "multi.line": ("Erste Zeile, hier fortgesetzt", "Erste Zeile, hier fortgesetzt"),
        "lead": ("  zwei Leerzeichen zuerst", "  zwei Leerzeichen zuerst"),
        "empty": ("", ""),
    }


def test_update_and_pairs(tmp_path: Path) -> None:
    source = _write(tmp_path, "Messages.properties", SOURCE.encode())
    out = _write(tmp_path, "Messages_de.properties", b"app.title=Notizen\nold.key=Alt\n# note\n")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert "Notes" not in model.seen
    written = out.read_text("ascii")
    assert written.startswith("# Main window\napp.title=Notizen\n")
    assert "old.key=Alt" in written
    records = {r.source: r.target for r in JavaPropertiesDocument.pairs(out, source_file=source)}
    assert records["Notes"] == "Notizen"
    assert records["Delete {0}? It can't be undone."] == "DELETE {0}? IT CAN'T BE UNDONE."
    # without --source-file, the base bundle beside it (Messages.properties) is its source
    assert {r.source: r.target for r in JavaPropertiesDocument.pairs(out)} == records
    source.unlink()
    with pytest.raises(InputError, match=r"a Java properties file holds one language"):
        JavaPropertiesDocument.pairs(out)


def test_a_key_defined_twice_is_translated_once_as_java_reads_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "Dup.properties", b"title=Open\nprompt=Enter\ntitle=Save\n")
    out = tmp_path / "Dup_de.properties"
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "1 name defined more than once (title); the last definition" in caplog.text
    assert out.read_text("ascii") == "prompt=ENTER\ntitle=SAVE\n"


@pytest.mark.parametrize("target_twice", [False, True])
def test_a_key_defined_twice_makes_no_pairs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target_twice: bool
) -> None:
    """The translated file is read once for its strings and the names it defines twice (it
    was parsed a second time for those)."""
    twice = "" if target_twice else "title=Save\n"
    source = _write(tmp_path, "Dup.properties", f"title=Open\nprompt=Enter\n{twice}".encode())
    twice = "title=Speichern\n" if target_twice else ""
    out = _write(tmp_path, "Dup_de.properties", f"title=Öffnen\nprompt=Eingeben\n{twice}".encode())
    read: list[Path] = []

    def read_bytes(path: Path, what: str) -> bytes:
        read.append(Path(path))
        return Path(path).read_bytes()

    monkeypatch.setattr(java_properties, "read_bytes", read_bytes)
    not_read = NotRead()
    records = JavaPropertiesDocument.pairs(out, source_file=source, not_read=not_read)
    assert [(r.source, r.target) for r in records] == [("Enter", "Eingeben")]
    assert not_read.by_reason() == {"defined more than once": 1}
    assert read.count(out) == 1


@pytest.mark.parametrize("setting", ["true", "false", "True", "FALSE"])
def test_a_boolean_setting_is_kept_as_written(tmp_path: Path, setting: str) -> None:
    """Not ``wahr``: the program parses it; it falls back to the source file's value, and
    makes no pair (``true → wahr`` was stored)."""
    source = _write(tmp_path, "App.properties", f"enabled={setting}\ntitle=Save\n".encode())
    out = tmp_path / "App_de.properties"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Save"]
    assert out.read_text("ascii") == "title=SAVE\n"
    out.write_text("enabled=wahr\ntitle=Speichern\n", "ascii")
    records = JavaPropertiesDocument.pairs(out, source_file=source)
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]


def test_values_that_are_no_text_are_left_out_named_and_follow_the_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``feature.enabled=true`` and ``max.count=10`` were missing from the output without a
    word; session 71 wrote them, and a rerun after the source said ``max.count=20`` kept 10 as
    a translator's (a regression trial). They are left out, the bundle reading the base file's
    (the source's, whatever it says now), and named."""
    source = _write(
        tmp_path,
        "messages.properties",
        b"# app settings\napp.title=Note Editor\nfeature.enabled=true\nmax.count=10\n"
        b"button.ok=OK\n",
    )
    out = tmp_path / "messages_de.properties"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Note Editor", "OK"]
    assert out.read_text("ascii") == "# app settings\napp.title=NOTE EDITOR\nbutton.ok=OK\n"
    assert [r.getMessage() for r in caplog.records if "no text" in r.getMessage()] == [
        f"{source}: 2 values that are no text (feature.enabled, max.count: a number, a code, "
        "an identifier or a setting) not written to the translation, where the app reads the "
        "source file's; copy them there if it must hold every key"
    ]
    source.write_bytes(source.read_bytes().replace(b"max.count=10", b"max.count=20"))
    translate_file(source, out, model, tgt_lang="de")
    assert "max.count" not in out.read_text("ascii")


def test_update_keeps_the_comments_of_the_translation_so_far(tmp_path: Path) -> None:
    """The translator's header and the comments above a key stay; a key new to the output has
    the source file's comments."""
    source = _write(
        tmp_path,
        "Messages.properties",
        b"# Main window\napp.title=Notes\n\n# a button\napp.quit=Quit\napp.save=Save\n",
    )
    out = _write(
        tmp_path,
        "Messages_de.properties",
        b"# German: Anna\n\n# reviewed by Anna\napp.title=Notizen\napp.save=Speichern\n",
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("ascii") == (
        "# German: Anna\n"
        "\n"
        "# reviewed by Anna\n"
        "app.title=Notizen\n"
        "\n"
        "# a button\n"
        "app.quit=QUIT\n"
        "app.save=Speichern\n"
    )


def test_a_kept_comment_is_written_as_the_translator_wrote_it_in_an_ascii_file() -> None:
    """Java reads no escape in a comment: ``# \\u00dcbersetzung`` was what the reader saw."""
    from ltmt.formats.java_properties import _ascii_escaped

    text = "# Übersetzung: Anna\n  ! geprüft\nsave=Schließen\nlong=erste Zeile \\\n  # zweite Zeile ü\n"
    assert _ascii_escaped(text) == (
        "# Übersetzung: Anna\n  ! geprüft\nsave=Schlie\\u00dfen\n"
        "long=erste Zeile \\\n  # zweite Zeile \\u00fc\n"  # a value's continued line is no comment
    )


def test_spring_configuration_gets_no_message_format_rules(tmp_path: Path) -> None:
    """application.properties is Spring's configuration: no MessageFormat reads its values."""
    source = _write(
        tmp_path, "application.properties", b"app.greeting=It's great to see you, {0}.\n"
    )
    out = tmp_path / "application_de.properties"
    german = {"It's great to see you, {0}.": "Wie geht's, {0}?"}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    assert out.read_text() == "app.greeting=Wie geht's, {0}?\n"
    (record,) = JavaPropertiesDocument.pairs(out, source_file=source)
    assert "format_problems" not in record.metadata
    assert "flags" not in record.metadata


def test_escaped_values_stay_escaped_beside_a_utf8_comment(tmp_path: Path) -> None:
    """The translation so far's encoding is its values': escapes, though its comment (as the
    translator wrote it) is UTF-8."""
    source = _write(tmp_path, "messages.properties", b"app.title=Order overview\nbuy=Buy now\n")
    out = _write(
        tmp_path,
        "messages_de.properties",
        "# Übersetzung: Jörg Müller\napp.title=Bestell\\u00fcbersicht\n".encode(),
    )
    german = {"Buy now": "Jetzt für 5 € kaufen"}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    assert (
        out.read_bytes()
        == (
            "# Übersetzung: Jörg Müller\n"
            "app.title=Bestell\\u00fcbersicht\n"
            "buy=Jetzt f\\u00fcr 5 \\u20ac kaufen\n"
        ).encode()
    )


def test_a_kept_translation_keeps_its_own_apostrophes(tmp_path: Path) -> None:
    """A translator's strings are written as they wrote them: their quoting of a brace
    mirrors the source's, and a single apostrophe is theirs to fix (ltmt qa says so)."""
    source = _write(
        tmp_path,
        "messages.properties",
        b"fmt.hint=Use '{0}' to insert the file name, e.g. {0}.\n"
        b"fmt.brace=Type '{' to start a group for {0}.\n"
        b"confirm=Your order {0} has been placed.\n"
        b"fmt.title=Files\n",
    )
    kept = (
        b"fmt.hint=Verwenden Sie '{0}', um den Dateinamen einzuf\\u00fcgen, z. B. {0}.\n"
        b"fmt.brace=Geben Sie '{' ein, um eine Gruppe f\\u00fcr {0} zu beginnen.\n"
        b"confirm=Geht's los? Ihre Bestellung {0} wurde aufgegeben.\n"
    )
    out = _write(tmp_path, "messages_de.properties", kept)
    german = {"Files": "Dateien"}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    assert out.read_bytes() == kept + b"fmt.title=Dateien\n"


def test_a_translation_quoting_as_its_source_quotes_is_kept_as_it_quotes(tmp_path: Path) -> None:
    source = _write(tmp_path, "messages.properties", b"order.quote=Click 'Save' to store {0}.\n")
    out = tmp_path / "messages_de.properties"
    german = {"Click 'Save' to store {0}.": "Auf 'Speichern' klicken, um Andrea's {0} zu sichern."}
    translate_file(source, out, lambda texts, prefer: [german[t] for t in texts], tgt_lang="de")
    # Java shows Auf Speichern klicken, um Andrea's ... as the source shows Click Save
    assert out.read_text() == (
        "order.quote=Auf 'Speichern' klicken, um Andrea''s {0} zu sichern.\n"
    )
    _write(tmp_path, "messages_de.properties", b"order.quote=Auf 'Speichern' klicken, um {0}.\n")
    (record,) = JavaPropertiesDocument.pairs(out, source_file=source)
    assert "format_problems" not in record.metadata


def test_qa_of_a_translated_choice_does_not_say_it_is_left_untranslated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ltmt qa --source-file opens the source for its units; translate's warning is not its."""
    text = b"count={0,choice,0#none|1#one}\nhint=Type '{' for {0}.\ntitle=Notes\n"
    source = _write(tmp_path, "Messages.properties", text)
    with caplog.at_level(logging.WARNING):
        units = open_document(source, tgt_lang="de").units()
    assert [unit.key for unit in units] == ["title"]
    assert "left untranslated" not in caplog.text


@pytest.mark.parametrize("encoding", ["ascii", "utf-8"])
def test_a_kept_translation_keeps_its_lines_byte_for_byte(tmp_path: Path, encoding: str) -> None:
    """A rerun rewrote a reviewer's lines: ``title = Verkaufs\\u00DCbersicht`` came back as
    ``title=Verkaufs\\u00dcbersicht`` and a continued value on one line; only the new key is
    written now."""
    source = _write(
        tmp_path,
        "i18n.properties",
        "#XTIT: Title\ntitle = Sales Overview\n\n#XFLD,30: Text\nlongText=This is a long text \\\n"
        "    on two lines.\n\n#XBUT\nsave=Save\n".encode(encoding),
    )
    kept = (
        b"#XTIT: Title\ntitle = Verkaufs\\u00DCbersicht\n\n#XFLD,30: Text\n"
        b"longText=Dies ist ein langer Text \\\n    auf zwei Zeilen.\n"
    )
    out = _write(tmp_path, "i18n_de.properties", kept)
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == kept + b"\n#XBUT\nsave=SAVE\n"


def test_the_header_above_a_key_left_out_stays(tmp_path: Path) -> None:
    """``! Generated by SAP Web IDE`` sat above the first definition of a key defined twice,
    with no blank line after it, and vanished with that definition; the read definition keeps
    its own comment."""
    source = _write(
        tmp_path,
        "i18n.properties",
        "\ufeff! Generated by SAP Web IDE\n#XTIT: Title\ntitle = Sales Overview \u2013 Q3\n\n"
        "#XMSG\nloading=Loading\n\n#XMSG: duplicate key\ntitle = Sales Overview\n".encode(),
    )
    out = tmp_path / "i18n_de.properties"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "\ufeff! Generated by SAP Web IDE\n\n#XMSG\nloading=LOADING\n\n"
        "#XMSG: duplicate key\ntitle = SALES OVERVIEW\n"
    )
    first = out.read_bytes()
    translate_file(source, out, FakeModel(), tgt_lang="de")  # a rerun: the same bytes
    assert out.read_bytes() == first


def test_keys_under_smartlings_notranslate_are_copied_never_translated_nor_paired(
    tmp_path: Path,
) -> None:
    """Between ``# smartling.sltrans = notranslate`` and ``= translate``, a key is written as
    the source has it (its quoting and escapes too), even across a blank line, and pairs
    with nothing."""
    source = _write(
        tmp_path,
        "Messages.properties",
        b"title=Open the archive\n"
        b"# smartling.sltrans = notranslate\n"
        b"brand=Billing made simple\n"
        b"quote=Click ''Export'' now, {0}.\n"
        b"\n"
        b"cafe=Caf\\u00e9 Acme\n"
        b"# Shown on the footer\n"
        b"# smartling.sltrans = translate\n"
        b"save=Save changes\n",
    )
    out = tmp_path / "Messages_de.properties"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Open the archive", "Save changes"]
    assert [line for line in out.read_bytes().splitlines() if line] == [
        b"title=OPEN THE ARCHIVE",
        b"# smartling.sltrans = notranslate",
        b"brand=Billing made simple",
        b"quote=Click ''Export'' now, {0}.",
        b"cafe=Caf\\u00e9 Acme",
        b"# Shown on the footer",
        b"# smartling.sltrans = translate",
        b"save=SAVE CHANGES",
    ]
    pairs = [(r.source, r.target) for r in JavaPropertiesDocument.pairs(out, source_file=source)]
    assert pairs == [("Open the archive", "OPEN THE ARCHIVE"), ("Save changes", "SAVE CHANGES")]


LAYOUT = (
    "# header\n\ngreeting=Hello\n\nfarewell=Goodbye\nspaced : Open file\nlong = first \\\n"
    "    second\nws\tTab value\ncolon:Close\n  indented  =  Save\n\n\nempty.key =  \n[section]\n"
)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_the_source_layout_is_kept_but_for_the_values(tmp_path: Path, line_end: str) -> None:
    """The blank line before ``farewell`` was dropped and ``spaced : Open file`` came back as
    ``spaced:...``: every byte but the values is the source's now (a continued value on one
    line)."""
    source = _write(tmp_path, "m.properties", LAYOUT.replace("\n", line_end).encode())
    out = tmp_path / "m_de.properties"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    expected = (
        "# header\n\ngreeting=HELLO\n\nfarewell=GOODBYE\nspaced : OPEN FILE\nlong = FIRST SECOND\n"
        "ws\tTAB VALUE\ncolon:CLOSE\n  indented  =  SAVE\n\n\nempty.key =  \n[section]\n"
    )
    assert out.read_bytes() == expected.replace("\n", line_end).encode()


@pytest.mark.parametrize(
    ("encoding", "source", "written"),
    [
        ("ascii", "hi = Gr\\u00fc\\u00dfe\n", "hi = Sch\\u00f6ne Gr\\u00fc\\u00dfe\n"),
        ("utf-8", "hi = Grüße\n", "hi = Schöne Grüße\n"),
        ("iso-8859-1", "hi = Grüße\n", "hi = Schöne Grüße\n"),
    ],
)
def test_a_value_is_escaped_as_its_file_escapes_beside_its_separator(
    tmp_path: Path, encoding: str, source: str, written: str
) -> None:
    path = _write(tmp_path, "m.properties", ("\n" + source).encode(encoding))
    out = tmp_path / "m_de.properties"
    translate_file(path, out, lambda texts, prefer: ["Schöne Grüße" for _ in texts], tgt_lang="de")
    assert out.read_bytes() == ("\n" + written).encode(encoding)


def test_a_rerun_keeps_the_layout_of_the_translation_so_far(tmp_path: Path) -> None:
    """The entries the German file has keep its lines (``greeting:Hallo``, its own key's
    ``own.key  Eigener`` too, kept at the end); a new one takes its source's (``spaced : ``),
    the blank line before it too."""
    source = _write(tmp_path, "m.properties", b"greeting = Hello\n\nspaced : Open file\n")
    out = _write(tmp_path, "m_de.properties", b"greeting:Hallo\n\nown.key  Eigener\n")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == b"greeting:Hallo\n\nspaced : OPEN FILE\n\nown.key  Eigener\n"


def test_a_line_separator_inside_a_value_does_not_end_its_line(tmp_path: Path) -> None:
    """A form feed or U+2028 in a value ends no line to Java (only ``\\n`` and ``\\r`` do),
    so the entries' lines still pair with their keys and keep their layout."""
    source = _write(tmp_path, "m.properties", "a : one\u2028two\x0cthree\nb : Hello\n".encode())
    out = tmp_path / "m_de.properties"
    translate_file(source, out, lambda texts, prefer: ["Hallo" for _ in texts], tgt_lang="de")
    assert out.read_text("utf-8") == "a : Hallo\nb : Hallo\n"


MOZILLA = (
    "# LOCALIZATION NOTE (tabs.closeWarningMultiple):\n"
    "# Semicolon-separated list of plural forms. See:\n"
    "# http://developer.mozilla.org/en/docs/Localization_and_Plurals\n"
    "tabs.closeWarningMultiple=Close #1 tab?;Close #1 tabs?\n"
    "tabs.note=Saved; reload the page.\n"
)


def test_a_mozilla_plural_list_is_translated_form_by_form(tmp_path: Path) -> None:
    """Firefox's ``one;other`` list went to the model whole and came back one sentence, the
    ``;`` lost (user trial 7): each form is a unit, joined with ``;`` again; a value whose
    semicolon is text stays whole."""
    source = _write(tmp_path, "tabbrowser.properties", MOZILLA.encode())
    document = JavaPropertiesDocument.open(source)
    assert [(u.key, u.source, u.entry, u.form) for u in document.units()] == [
        ("tabs.closeWarningMultiple#0", "Close %1$d tab?", "tabs.closeWarningMultiple", 0),
        ("tabs.closeWarningMultiple#1", "Close %1$d tabs?", "tabs.closeWarningMultiple", 1),
        ("tabs.note", "Saved; reload the page.", "", 0),
    ]
    assert document.syntax == "mozilla-plurals"  # qa checks its lists' forms
    # else Java's String.format (qa: a one-argument %1$s may be written %s)
    assert JavaPropertiesDocument(Path("x"), SOURCE.encode()).syntax == "java-formatter"
    out = tmp_path / "de" / "tabbrowser.properties"
    out.parent.mkdir()
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("ascii")
    assert "tabs.closeWarningMultiple=CLOSE #1 TAB?;CLOSE #1 TABS?\n" in written
    assert "tabs.note=SAVED; RELOAD THE PAGE.\n" in written
    records = {r.source: r.target for r in JavaPropertiesDocument.pairs(out, source_file=source)}
    assert records["Close %1$d tabs?"] == "CLOSE %1$d TABS?"  # the count as the model gets it


def test_a_plural_list_with_other_forms_is_kept_whole_on_a_rerun(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A reviewer's list of another number of forms is theirs: kept, said, not translated."""
    source = _write(tmp_path, "tabbrowser.properties", MOZILLA.encode())
    out = _write(tmp_path, "out.properties", b"tabs.closeWarningMultiple=#1 Tab(s) schliessen?\n")
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert "tabs.closeWarningMultiple=#1 Tab(s) schliessen?\n" in out.read_text("ascii")
    assert model.seen == ["Saved; reload the page."]
    assert any(
        "tabs.closeWarningMultiple has 1 choice where the source has 2" in m
        for m in caplog.messages
    )


def test_a_plural_forms_count_the_model_lost_is_put_back(tmp_path: Path) -> None:
    """The model wrote ``der Nummer 1`` for ``#1`` (user trial 7): it gets the count as a
    placeholder, which the run puts back."""
    source = _write(tmp_path, "tabbrowser.properties", MOZILLA.encode())
    out = tmp_path / "out.properties"

    def loses_the_count(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [text.replace("%1$d ", "") for text in texts]

    translate_file(source, out, loses_the_count, tgt_lang="de")
    # put back where the repair puts a lost placeholder, at the end: in each form
    assert "tabs.closeWarningMultiple=Close tab? #1;Close tabs? #1\n" in out.read_text("ascii")


ACCESS_KEYS = (
    "close.label=Close\n"
    "close.accesskey=C\n"
    "saveFile.label=Save File\n"
    "saveFile.accesskey=S\n"
    "cmd_find.key=f\n"
)


def test_an_access_key_is_chosen_from_its_translated_label(tmp_path: Path) -> None:
    """``saveFile.accesskey=S`` came back ``S``, which ``Datei retten`` lacks (Firefox shows
    ``Datei retten (S)``): an access key goes to no model and makes no pair; it is a letter
    of its label's translation, the source's where the label has it."""
    source = _write(tmp_path, "menus.properties", ACCESS_KEYS.encode())
    german = {"Close": "Schließen", "Save File": "Datei retten", "f": "f"}

    def model(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
        return [german[text] for text in texts]

    out = tmp_path / "out.properties"
    translate_file(source, out, model, tgt_lang="de")
    assert out.read_text("ascii") == (
        "close.label=Schlie\\u00dfen\n"
        "close.accesskey=c\n"  # as the label writes it
        "saveFile.label=Datei retten\n"
        "saveFile.accesskey=D\n"  # no S in the label: its first letter
        "cmd_find.key=f\n"
    )
    sources = {r.source for r in JavaPropertiesDocument.pairs(out, source_file=source)}
    assert sources == {"Close", "Save File", "f"}
    # a reviewer's key, still a letter of the label, is kept on a rerun
    out.write_text(out.read_text("ascii").replace("accesskey=D", "accesskey=t"), "ascii")
    translate_file(source, out, model, tgt_lang="de")
    assert "saveFile.accesskey=t\n" in out.read_text("ascii")
