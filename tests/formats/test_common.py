"""What the format modules share: reading a file's bytes with one-line errors."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import Literal

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.common import (
    EXCERPT_CHARS,
    LineShape,
    atomic_write,
    excerpt,
    lang_matches,
    language_error,
    language_fit,
    language_tag,
    not_utf8_message,
    not_well_formed,
    parse_xml,
    primary_language,
    read_bytes,
    read_file,
    read_lines_and_shape,
    utf8_text,
)
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import iconv


def test_a_missing_or_unreadable_file_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^\S*nope\.po: file not found$"):
        read_file(tmp_path / "nope.po")
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(InputError, match=r"^\S*folder: cannot read \(Is a directory\)$"):
        read_file(folder)
    with pytest.raises(InputError, match=r"nope\.tmx: file not found"):
        read_bytes(tmp_path / "nope.tmx", "a TMX file")


def test_a_link_to_nothing_is_said_to_be_one_naming_its_target(tmp_path: Path) -> None:
    """A dangling link was "file not found", naming a file the user could see."""
    (tmp_path / "broken.po").symlink_to("missing-target.po")
    with pytest.raises(
        InputError,
        match=r"^\S*broken\.po is a link to missing-target\.po, which does not exist; fix the link$",
    ):
        read_file(tmp_path / "broken.po")


def test_an_empty_file_is_read_and_refused_only_where_content_is_required(
    tmp_path: Path,
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n")
    assert read_file(blank) == b" \n"
    with pytest.raises(InputError, match=r"blank\.txt: empty file; expected a TMX file"):
        read_bytes(blank, "a TMX file")


def test_a_written_document_gets_the_umask_mode_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    """A translated PO/XLIFF is an output like any other: 0644 under umask 022, not 0600."""
    previous = os.umask(0o022)
    try:
        new = tmp_path / "sub" / "de.mt.po"
        atomic_write(new, b"msgid ...")
        assert (new.stat().st_mode & 0o777, new.read_bytes()) == (0o644, b"msgid ...")
        new.chmod(0o640)
        atomic_write(new, b"again")
        assert (new.stat().st_mode & 0o777, new.read_bytes()) == (0o640, b"again")
    finally:
        os.umask(previous)


@pytest.mark.parametrize(
    ("data", "lines", "shape"),
    [
        (b"a\r\nb\r\n", ["a", "b"], LineShape("\r\n")),
        (b"a\nb", ["a", "b"], LineShape("\n", last_ended=False)),
        (b"\xef\xbb\xbfa\r\n", ["a"], LineShape("\r\n", mark=True)),
        (b"a\r", ["a"], LineShape("\r")),  # ended by a carriage return alone (classic Mac OS)
        (b"a\rb", ["a", "b"], LineShape("\r", last_ended=False)),
        (b"a\n\n", ["a", ""], LineShape("\n")),
        (b"", [], LineShape("\n", last_ended=False)),
        # lines ending both ways: each keeps its own end (all became CRLF)
        (b"a\r\nb\nc\r\n", ["a", "b", "c"], LineShape("\r\n", endings=("\r\n", "\n", "\r\n"))),
        (b"a\nb\r\nc", ["a", "b", "c"], LineShape("\n", False, False, ("\n", "\r\n"))),
        # a DOS end-of-file mark after the last line ends the file: no line of it
        (b"a\r\nb\r\n\x1a", ["a", "b"], LineShape("\r\n", end_mark=True)),
        (b"a\r\x1a", ["a"], LineShape("\r", end_mark=True)),
        (b"\x1a", [], LineShape("\n", last_ended=False, end_mark=True)),
        # a last line ended by a carriage return alone keeps it, among others' CRLF and LF
        (b"a\r\nb\nc\r", ["a", "b", "c"], LineShape("\r\n", endings=("\r\n", "\n", "\r"))),
        (b"a\r\nb\r", ["a", "b"], LineShape("\r\n", endings=("\r\n", "\r"))),
        # anywhere else it is text
        (b"a\n\x1ab\n", ["a", "\x1ab"], LineShape("\n")),
        (b"a\x1a", ["a\x1a"], LineShape("\n", last_ended=False)),
    ],
)
def test_lines_and_their_shape(
    tmp_path: Path, data: bytes, lines: list[str], shape: LineShape
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert read_lines_and_shape(path) == (lines, shape)
    assert shape.written(lines) == data  # a translation is written as its input was


def test_a_text_saved_midway_has_no_end_of_file_mark() -> None:
    """A prefix of the translation (a run saved midway) is not yet the file's end."""
    assert LineShape("\n", end_mark=True).written(["a"], whole=False) == b"a\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (  # the column, not the file's byte offset (19)
            "Hello there.\nCost: €5\n".encode("cp1252"),
            r"^e\.txt:2:7: byte 0x80 is not valid UTF-8; it looks like Windows-1252: convert it: "
            r"iconv -f CP1252 -t UTF-8 e\.txt > e-utf8\.txt$",
        ),
        (  # UTF-8 with one stray byte: converting it from CP1252 would garble the rest; the
            # column in characters, not bytes (28)
            "Crème brûlée café: €5".encode() + b"\x96 tasty\n",
            r"^e\.txt:1:22: byte 0x96 is not valid UTF-8; the rest is UTF-8: fix or remove "
            r"that byte$",
        ),
        (  # two stray bytes are fixed by hand too
            "Crème brûlée".encode() + b"\x96 and \x97\n",
            r"^e\.txt:1:13: byte 0x96 is not valid UTF-8, nor is 1 more byte; the rest is UTF-8: "
            r"fix or remove those 2 bytes$",
        ),
        (  # many: not a stray byte, but text of another encoding pasted in
            "The café.\n".encode() + b"Na\xefve r\xe9sum\xe9.\n" * 5,
            r"^e\.txt:2:3: byte 0xef is not valid UTF-8, nor are 14 more bytes, while other "
            r"characters are UTF-8; the input may be Windows-1252 in places: fix those bytes "
            r"\(LC_ALL=C\.UTF-8 grep -naxv '\.\*' e\.txt lists their lines\)$",
        ),
        (  # every byte but NUL: binary, though one of its sequences is UTF-8
            bytes(range(1, 256)) * 4,
            r"^e\.txt is a binary file, not text; give a text file \(UTF-8\)$",
        ),
        (  # most of it no UTF-8, without control characters
            bytes(range(0x80, 0x100)),
            r"^e\.txt is a binary file, not text",
        ),
        (  # 0x81 is no Windows-1252 character
            b"ok\n\x81x\n",
            r"^e\.txt:2:1: byte 0x81 is not valid UTF-8; convert the file to UTF-8$",
        ),
        ("Hallo\n".encode("utf-16"), r"^e\.txt is UTF-16 text; convert it to UTF-8 first"),
    ],
)
def test_text_that_is_not_utf8_names_line_column_and_what_it_looks_like(
    data: bytes, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        utf8_text(data, "e.txt")


@pytest.mark.parametrize(
    ("name", "declared", "message"),
    [
        (
            "Film Kunde C.srt",
            False,
            "Film Kunde C.srt:2:4: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: "
            "convert it: iconv -f CP1252 -t UTF-8 'Film Kunde C.srt' > 'Film Kunde C-utf8.srt'",
        ),
        (  # a PO catalog's charset may be what is wrong; the command stays last
            "shop.po",
            True,
            "shop.po:2:4: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: fix its "
            "declared encoding, or convert it: iconv -f CP1252 -t UTF-8 shop.po > shop-utf8.po",
        ),
    ],
)
def test_every_reader_says_one_not_utf8_message_with_a_quoted_command(
    name: str, declared: bool, message: str
) -> None:
    """Session 69: five wordings (a txt's, a tsv's without a guess, a glossary's byte offset,
    a subtitle file's, a PO catalog's lowercase utf-8) and an iconv hint that split a name with
    spaces into three words: one message, the names quoted for a shell."""
    assert not_utf8_message(b"ok\ncaf\xe9\n", name, 6, declared) == message
    assert iconv("UTF-16", "TM Kunde B.tsv") == (
        "iconv -f UTF-16 -t UTF-8 'TM Kunde B.tsv' > 'TM Kunde B-utf8.tsv'"
    )
    mixed = "The café.\n".encode() + b"Na\xefve r\xe9sum\xe9.\n" * 5
    assert not_utf8_message(mixed, "Kunde E/a b.txt", 13).endswith(
        "(LC_ALL=C.UTF-8 grep -naxv '.*' 'Kunde E/a b.txt' lists their lines)"
    )


def test_utf16_on_standard_input_is_told_as_a_named_file_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Hallo Welt\n".encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(
        InputError,
        match=r"^<stdin> is UTF-16 text; convert it to UTF-8 first "
        r"\(pipe it through iconv -f UTF-16 -t UTF-8\)$",
    ):
        read_lines_and_shape(None)


@pytest.mark.parametrize(
    "data",
    [b"Hello\x00 world\n", "Größe\n".encode() + bytes(range(1, 256))],
    ids=["NUL byte", "binary without NUL"],
)
def test_binary_data_on_standard_input_is_refused_as_a_binary_file_is(
    monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(
        InputError, match=r"^<stdin> is binary data, not text; give a text file \(UTF-8\)$"
    ):
        read_lines_and_shape(None)


def test_a_prefix_of_a_text_ends_every_line_it_has() -> None:
    """A run saved midway writes whole lines, so that the next run reads them back whole."""
    shape = LineShape("\r\n", mark=True, last_ended=False)
    assert shape.written(["a", "b"], whole=False) == b"\xef\xbb\xbfa\r\nb\r\n"
    assert shape.written(["a", "b"]) == b"\xef\xbb\xbfa\r\nb"


@pytest.mark.parametrize(
    ("what", "said"),
    [
        ("an Android string resource file", "not a well-formed Android string resource file"),
        ("a .NET .resx resource file", "not a well-formed .NET .resx resource file"),
        ("TMX", "not well-formed TMX"),
        ("document properties", "not well-formed document properties"),
    ],
)
def test_an_xml_file_that_does_not_parse_is_named_in_a_sentence(what: str, said: str) -> None:
    assert not_well_formed(what) == said
    with pytest.raises(InputError, match=rf"^bad\.xml:1:\d+: {re.escape(said)}: "):
        parse_xml(b"<a><b></a>", "bad.xml", what)


@pytest.mark.parametrize(
    ("found", "expected", "matches"),
    [
        ("en-US", "en", True),
        ("en_us", "en", True),
        ("de-AT", "de-DE", False),
        # a code without a region is any region of its language, either way round: a catalog
        # declaring Language: de serves --tgt-lang de_DE (it was refused)
        ("de", "de-DE", True),
        ("de", "de_DE", True),
        ("de-DE", "de", True),
        ("ger", "de-AT", True),
        ("de-DE", "de-AT", False),
        ("zh-Hant-TW", "zh-Hans", False),
        ("fr", "de", False),
        ("", "de", False),
        # memoQ writes ISO 639-2/B codes: they were other languages than en and de
        ("eng", "en", True),
        ("ger", "de", True),
        ("deu", "de", True),
        ("ger-DE", "de-DE", True),
        ("ger-AT", "de-DE", False),
        ("fre", "fr", True),
        ("fra", "fr", True),
        ("spa", "es", True),
        ("chi", "zh", True),
        ("en", "eng", True),
        ("fre", "de", False),
        ("mul", "en", False),  # a group of languages, not one
        ("gsw", "de", False),  # Swiss German has no two-letter code: not German
        ("zzz", "zzz", True),
        (None, "en", False),
        ("eng", "", True),
        # a form of address names no other language: WordPress's, POSIX's, BCP 47's
        ("de_DE", "de_DE_formal", True),
        ("de_DE_formal", "de_DE", True),
        ("de", "de_DE@formal", True),  # a bare language is any region
        ("de-DE", "de-DE-x-informal", True),
        ("de_AT", "de_DE_formal", False),
    ],
)
def test_language_codes_match_by_language(found: str | None, expected: str, matches: bool) -> None:
    assert lang_matches(found, expected) is matches


@pytest.mark.parametrize(
    ("found", "side", "expected"),
    [
        # one side's language is compared with that side's, with the code to give instead
        (["de-DE"], "target", "the file has no de-AT text (its languages: de-DE); give "
         "--tgt-lang de-DE (or de for any region)"),
        (["de-CH", "de-DE", "en-US"], "target", "the file has no de-AT text (its languages: "
         "de-CH, de-DE, en-US); give --tgt-lang de for any region"),
        (["en-US"], "source", "the file has no en-GB text (its languages: en-US); give "
         "--src-lang en-US (or en for any region)"),
        # the code to give in its canonical form, not as the file writes it
        (["DE-DE"], "target", "the file has no de-AT text (its languages: DE-DE); give "
         "--tgt-lang de-DE (or de for any region)"),
        (["de_DE.UTF-8"], "target", "the file has no de-AT text (its languages: de_DE.UTF-8); "
         "give --tgt-lang de-DE (or de for any region)"),
        # another language, or one that fits beside another: the pair is to choose
        (["fr-FR"], "target", "the file has no de-AT text (its languages: fr-FR); pass "
         "--src-lang/--tgt-lang to choose the pair"),
        (["en-GB", "fr-FR"], "source", "the file has no en-GB text (its languages: en-GB, "
         "fr-FR); "
         "pass --src-lang/--tgt-lang to choose the pair"),
        # no side: the pair
        (["fr", "it"], "", "languages in the file are fr, it, not en-GB->de-AT; pass "
         "--src-lang/--tgt-lang to choose the pair"),
    ],
)  # fmt: skip
def test_a_language_error_compares_a_language_with_a_language(
    found: list[str], side: Literal["", "source", "target"], expected: str
) -> None:
    error = language_error("f.tmx", found, "en-GB", "de-AT", side=side)
    assert str(error) == f"f.tmx: {expected}"


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("de", "de"),
        ("de-DE", "de"),
        ("de_AT", "de"),
        ("DE-at", "de"),
        ("de_DE.UTF-8", "de"),
        ("deu", "de"),
        ("ger-DE", "de"),
        ("eng", "en"),
        ("zh-Hant-TW", "zh"),
        ("gsw", "gsw"),  # no two-letter code: as it is
        ("auto", "auto"),
        ("", ""),
    ],
)
def test_a_codes_primary_language_is_its_two_letter_language(code: str, language: str) -> None:
    assert primary_language(code) == language


def test_two_codes_of_one_language_whatever_their_regions_and_lengths_are_the_same() -> None:
    from ltmt.formats.common import same_language

    assert same_language("deu", "de-AT") and same_language("en_US.UTF-8", "eng")
    assert not same_language("de", "en") and not same_language("pt-BR", "es")


@pytest.mark.parametrize(
    ("code", "wanted", "fit"),
    [
        ("de-AT", "de-AT", 0),
        ("deu", "de", 0),
        ("de", "de-AT", 1),  # the bare language
        ("de-DE", "de", 2),  # its main region (CLDR's likely subtags)
        ("ger-DE", "de-AT", 2),
        ("pt-BR", "pt", 2),
        ("de-CH", "de", 3),
        ("de-CH", "de-AT", 3),
        ("es-419", "es", 3),
        ("fr-FR", "de", None),
        ("", "de", None),
        ("fr", "", 0),  # none asked for: any
    ],
)
def test_language_fit_ranks_regions_of_the_language_asked_for(code, wanted, fit):
    assert language_fit(code, wanted) == fit


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("Syntax error on line 3: 'msgid'", "Syntax error on line 3: 'msgid'"),
        ("first line\nsecond line", "first line"),
        ("", ""),
        ("Syntax error on line 1: '" + "x" * 5000, "Syntax error on line 1: '" + "x" * 74 + "…"),
    ],
)
def test_a_parsers_message_is_cut_to_an_excerpt(message: str, shown: str) -> None:
    assert excerpt(message) == shown
    assert len(excerpt(message)) <= EXCERPT_CHARS


def test_an_xml_error_quotes_a_long_tag_name_cut(tmp_path: Path) -> None:
    data = b"<resources><" + b"a" * 3000 + b"></b></resources>"
    path = tmp_path / "x.xml"
    with pytest.raises(InputError, match=r"tag mismatch: a+…$") as caught:
        parse_xml(data, path, "an Android string resource file")
    assert len(str(caught.value)) - len(str(path)) < 200


@pytest.mark.parametrize(
    ("code", "tag"),
    [("en_US", "en-US"), ("EN", "en"), ("DE", "de"), ("ger", "de"), ("deu", "de"),
     ("de_CH", "de-CH"), ("zh_hant_tw", "zh-Hant-TW"), ("es-419", "es-419"), ("", "")],
)  # fmt: skip
def test_a_language_code_is_written_as_its_bcp47_tag(code: str, tag: str) -> None:
    assert language_tag(code) == tag


@pytest.mark.parametrize("code", ["german", "de-!!", "xx"])
def test_a_code_that_is_no_language_tag_is_refused(code: str) -> None:
    with pytest.raises(InputError, match=rf"^'{re.escape(code)}' is not a language code: give"):
        language_tag(code)


_ENTITY = '<!ENTITY e SYSTEM "file:///etc/hostname">'
# a file of each XML format whose DOCTYPE declares an entity its text uses
_DECLARING = {
    "strings.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE resources [{_ENTITY}]>
<resources><string name="a">Open &e; now</string></resources>
""",
    "Strings.resx": f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE root [{_ENTITY}]>
<root><data name="a" xml:space="preserve"><value>Open &e; now</value></data></root>
""",
    "app_de.ts": f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS [{_ENTITY}]>
<TS version="2.1" language="de"><context><name>Main</name>
<message><source>Open &e; now</source><translation type="unfinished"/></message>
</context></TS>
""",
    "app.xlf": f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xliff [{_ENTITY}]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="app" source-language="en" target-language="de" datatype="plaintext"><body>
<trans-unit id="a"><source>Open &e; now</source></trans-unit>
</body></file></xliff>
""",
}


_INTERNAL = '<!ENTITY e "Garden Helper">'


@pytest.mark.parametrize("name", list(_DECLARING))
def test_a_document_whose_doctype_declares_external_entities_is_refused_and_nothing_written(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(_DECLARING[name], "utf-8")
    out = tmp_path / "out" / name
    message = f"^{re.escape(str(path))}: declares XML entities in its DOCTYPE, which ltmt does not"
    with pytest.raises(InputError, match=message):
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert not out.exists()


@pytest.mark.parametrize("name", ["app_de.ts", "app.xlf"])
def test_internal_entities_are_refused_where_the_format_loses_their_text(
    tmp_path: Path, name: str
) -> None:
    """An XLIFF target or a Qt ``<translation>`` lost an entity's text (``Welcome to &brand;
    Cloud`` → ``Willkommen zur Wolke``)."""
    path = tmp_path / name
    path.write_text(_DECLARING[name].replace(_ENTITY, _INTERNAL), "utf-8")
    out = tmp_path / "out" / name
    message = f"^{re.escape(str(path))}: declares XML entities in its DOCTYPE, which ltmt does not"
    with pytest.raises(InputError, match=message):
        translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert not out.exists()


def test_android_internal_entities_are_translated_with_doctype_and_references_kept(
    tmp_path: Path,
) -> None:
    """An Android idiom (``<!ENTITY appname "Garden Helper">``, ``Welcome to &appname;!``) was
    refused with the external entities that read local files (session 64)."""
    path = tmp_path / "strings.xml"
    path.write_text(_DECLARING["strings.xml"].replace(_ENTITY, _INTERNAL), "utf-8")
    out = tmp_path / "out" / "strings.xml"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    written = out.read_text("utf-8")
    assert f"<!DOCTYPE resources [{_INTERNAL}]>" in written
    assert "&e;" in written
    assert parse_xml(out.read_bytes(), out, "XML", internal_entities="kept") is not None


def test_resx_internal_entities_are_translated_as_their_text(tmp_path: Path) -> None:
    """A hand-edited .resx's ``<!ENTITY company "Contoso">`` was refused with the external
    entities (session 64); a ``<value>`` would lose its words after ``&company;`` if it were
    kept as a reference, so the value is read and written with the entity's text."""
    path = tmp_path / "Strings.resx"
    text = _DECLARING["Strings.resx"].replace(_ENTITY, _INTERNAL)
    header = '<root><resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>'
    path.write_text(text.replace("<root>", header), "utf-8")
    document = open_document(path, src_lang="en", tgt_lang="de")
    assert [unit.source for unit in document.units()] == ["Open Garden Helper now"]
    out = tmp_path / "out" / "Strings.resx"
    translate_file(path, out, FakeModel(), src_lang="en", tgt_lang="de")
    assert "<value>OPEN GARDEN HELPER NOW</value>" in out.read_text("utf-8")


def test_a_reference_to_an_entity_no_doctype_declares_is_refused() -> None:
    data = b'<!DOCTYPE resources SYSTEM "res.dtd"><resources><s>&b;</s></resources>'
    with pytest.raises(InputError, match=r"^file\.xml:1:52: undefined entity &b;: write the "):
        parse_xml(data, "file.xml", "XML", internal_entities="kept")


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE TS><TS><a>Save &amp; close</a></TS>",
        b'<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x.dtd"><plist><a>b</a></plist>',
    ],
)
def test_a_doctype_that_declares_no_entity_is_read(data: bytes) -> None:
    assert parse_xml(data, "file.xml", "XML").getroot() is not None


@pytest.mark.parametrize(
    ("data", "where"),
    [
        pytest.param(
            b'<!DOCTYPE plist SYSTEM "x.dtd">\n<plist><a>caf&eacute;</a></plist>',
            "file.xml:2:14",
            id="utf-8",
        ),
        # UTF-16 bytes: the column is not looked for
        pytest.param(
            '<!DOCTYPE a SYSTEM "x.dtd">\n<a>caf&eacute;</a>'.encode("utf-16"),
            "file.xml:2",
            id="utf-16",
        ),
    ],
)
def test_an_undeclared_entity_beside_an_external_dtd_is_named_where_it_is(
    data: bytes, where: str
) -> None:
    """It was refused as declaring entities in its DOCTYPE, which declares none."""
    with pytest.raises(
        InputError, match=f"^{where}: undefined entity &eacute;: write é or &#233;$"
    ):
        parse_xml(data, "file.xml", "XML")
