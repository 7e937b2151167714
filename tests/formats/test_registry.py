"""The format registry: one table for extensions, sniffing and each format's roles."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from ltmt.errors import ChoiceError, InputError
from ltmt.formats.itstool_recipe import DOCBOOK, MALLARD
from ltmt.formats.registry import (
    EXTENSIONS,
    FORMATS,
    another_formats_file,
    find_format,
    itstool_kind,
    names,
    output_name_problem,
    plain_text_default,
    root_element,
    sniff,
    sniff_bytes,
    unread_kind_hint,
)

EVERY_EXTENSION = [
    (".po", "po"),
    (".pot", "po"),
    (".xliff", "xliff"),
    (".xlf", "xliff"),
    (".sdlxliff", "xliff"),  # Trados Studio: a folder of them was refused (session 72)
    (".mqxliff", "xliff"),  # memoQ
    (".mxliff", "xliff"),  # Phrase (Memsource)
    (".txlf", "xliff"),  # Wordfast Pro
    (".tmx", "tmx"),
    (".jsonl", "jsonl"),
    (".tsv", "tsv"),
    (".txt", "txt"),
    (".xml", "android"),
    (".json", "json"),
    (".arb", "json"),
    (".properties", "properties"),
    (".ini", "ini"),
    (".lang", "mclang"),
    (".desktop", "desktop"),
    (".directory", "desktop"),
    (".stf", "stf"),
    (".rc", "rc"),
    (".xcstrings", "xcstrings"),
    (".ts", "ts"),
    (".strings", "strings"),
    (".stringsdict", "stringsdict"),
    (".yml", "yaml"),
    (".yaml", "yaml"),
    (".resx", "resx"),
    (".xaml", "xaml"),
    (".srt", "srt"),
    (".vtt", "vtt"),
    (".odt", "odf"),
    (".ods", "odf"),
    (".odp", "odf"),
]


@pytest.mark.parametrize(("extension", "name"), EVERY_EXTENSION)
def test_every_extension_of_the_issue_is_known(extension: str, name: str) -> None:
    assert EXTENSIONS[extension] == name
    assert find_format(Path(f"x{extension.upper()}"), role=FORMATS[name].roles()[0]).name == name


def test_roles() -> None:
    assert names("document") == [
        "txt",
        "paragraphs",  # txt files by their paragraphs: named with --format only
        "jsonl",
        "csv",
        "po",
        "xliff",
        "ts",
        "xcstrings",
        "android",
        "properties",
        "ini",
        "moodle",
        "mclang",
        "desktop",
        "stf",
        "rc",
        "resx",
        "xaml",
        "strings",
        "stringsdict",
        "yaml",
        "toml",
        "ftl",
        "renpy",
        "md",
        "html",
        "dita",
        "epub",
        "docx",
        "pptx",
        "xlsx",
        "odf",
        "srt",
        "vtt",
        "json",
    ]
    assert names("read") == [
        "txt",
        "paragraphs",
        "jsonl",
        "tsv",
        "csv",
        "tmx",
        "po",
        "xliff",
        "xliff2",
        "ts",
        "xcstrings",
        "android",
        "properties",
        "ini",
        "moodle",
        "mclang",
        "desktop",
        "stf",
        "rc",
        "resx",
        "xaml",
        "strings",
        "stringsdict",
        "yaml",
        "toml",
        "ftl",
        "renpy",
        "md",
        "html",
        "dita",
        "epub",
        "docx",
        "pptx",
        "xlsx",
        "odf",
        "srt",
        "vtt",
        "json",
    ]
    assert names("write") == ["jsonl", "tsv", "csv", "tmx", "po", "xliff", "xliff2"]
    assert FORMATS["po"].language_options("en", "fr") == {"src_lang": "en", "tgt_lang": "fr"}
    assert FORMATS["jsonl"].language_options("en", "fr") == {}


@pytest.mark.parametrize(("fmt", "name"), [("xlf", "xliff"), (".POT", "po"), ("xliff", "xliff")])
def test_forced_format_takes_names_and_extensions(fmt: str, name: str) -> None:
    assert find_format(Path("anything.bin"), fmt, role="document").name == name


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b'<?xml version="1.0"?>\n<xliff version="1.2">', "xliff"),
        (b"<?xml version='1.0'?><tmx version='1.4'>", "tmx"),
        (b'# comment\nmsgid ""\nmsgstr ""\n', "po"),
        (
            b"<plist>\n<dict>\n\t<key>n</key>\n\t<dict>\n\t\t<key>NSStringLocalizedFormatKey</key>",
            "stringsdict",
        ),
        (b'<!DOCTYPE html>\n<html lang="en">', "html"),
        (b"just text\n", None),
    ],
)
def test_sniffing_an_unknown_extension(tmp_path: Path, head: bytes, name: str | None) -> None:
    path = tmp_path / "catalog.data"
    path.write_bytes(head)
    assert sniff(path) == name
    if name is not None:
        assert find_format(path, role="read").name == name


@pytest.mark.parametrize(
    ("path", "fmt", "role", "message"),
    [
        (
            "m.tmx",
            None,
            "document",
            r"m.tmx: tmx files can be imported and exported, not translated; formats that can: txt, paragraphs, jsonl, csv, po, xliff, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json",
        ),
        ("a.txt", None, "write", r"txt files can be imported and translated, not exported"),
        (
            "a.doc",
            None,
            "document",
            r"a.doc: cannot tell the format from the extension '.doc'; pass --format \(txt, paragraphs, jsonl, csv, po, xliff, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json\)",
        ),
        (
            "a.po",
            "numbers",
            "document",
            r"unknown format 'numbers'; choose one of txt, paragraphs, jsonl, csv, po, xliff, ts, xcstrings, android, properties, ini, moodle, mclang, desktop, stf, rc, resx, xaml, strings, stringsdict, yaml, toml, ftl, renpy, md, html, dita, epub, docx, pptx, xlsx, odf, srt, vtt, json",
        ),
        (
            "a.txt",
            "paragraph",
            "document",
            r"unknown format 'paragraph' \(did you mean 'paragraphs'\?\); choose one of txt, ",
        ),
    ],
)
def test_errors_name_what_can(path: str, fmt: str | None, role, message: str) -> None:
    with pytest.raises(InputError, match=message):
        find_format(Path(path), fmt, role=role)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("serve.log", "serve.log: cannot tell the format from the extension '.log'; pass --format"),
        (  # an AsciiDoc page was offered --format txt, which translates its markup too
            "install.adoc",
            "install.adoc: cannot tell the format from the extension '.adoc'; ltmt reads no "
            "AsciiDoc; make a PO catalog of it with po4a (po4a-gettextize -f asciidoc -m "
            "page.adoc -p page.pot), translate that (ltmt translate page.pot -o de.po), review "
            "de.po and remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no "
            "fuzzy entry; --no-fuzzy puts none) and write the page back (po4a-translate -f "
            "asciidoc -m page.adoc -p de.po -l page.de.adoc, which writes no page less than 80 % "
            "translated unless given -k 0)",
        ),
        (  # a man page was offered --format txt, which broke its requests (.SH-NAME)
            "cloudsync.1",
            "cloudsync.1: cannot tell the format from the extension '.1'; ltmt reads no man "
            "pages (roff); make a PO catalog of it with po4a (po4a-gettextize -f man -m page.1 "
            "-p page.pot), translate that (ltmt translate page.pot -o de.po), review de.po and "
            "remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy entry; "
            "--no-fuzzy puts none) and write the page back (po4a-translate -f man -m page.1 -p "
            "de.po -l page.de.1, which writes no page less than 80 % translated unless given -k 0)",
        ),
        (
            "cloudsync.man",
            "cloudsync.man: cannot tell the format from the extension '.man'; "
            "ltmt reads no man pages (roff); make a PO catalog of it with po4a",
        ),
        (
            "ls.mdoc",
            "ls.mdoc: cannot tell the format from the extension '.mdoc'; ltmt reads no "
            "man pages (roff)",
        ),
        (
            "cloudsync.conf.5",
            "cloudsync.conf.5: cannot tell the format from the extension "
            "'.5'; ltmt reads no man pages (roff)",
        ),
        (  # a LaTeX document was offered --format txt, which translates its commands and math
            "manual.tex",
            "manual.tex: cannot tell the format from the extension '.tex'; ltmt reads no LaTeX; "
            "make a PO catalog of it with po4a (po4a-gettextize -f latex -m manual.tex -p "
            "manual.pot), translate that (ltmt translate manual.pot -o de.po), review de.po and "
            "remove the fuzzy flag ltmt puts on each entry (po4a-translate uses no fuzzy entry; "
            "--no-fuzzy puts none) and write the page back (po4a-translate -f latex -m manual.tex "
            "-p de.po -l manual.de.tex, which writes no page less than 80 % translated unless "
            "given -k 0)",
        ),
        (
            "thesis.latex",
            "thesis.latex: cannot tell the format from the extension '.latex'; ltmt reads no "
            "LaTeX; make a PO catalog of it with po4a (po4a-gettextize -f latex ",
        ),
        (
            "paper.ltx",
            "paper.ltx: cannot tell the format from the extension '.ltx'; ltmt reads no LaTeX",
        ),
        (  # a message-compiler file was offered --format txt, which translated its keywords
            "messages.mc",
            "messages.mc: cannot tell the format from the extension '.mc'; ltmt reads no "
            "Windows message-compiler files; copy each message's text (the lines between its "
            "Language=English and the lone '.') into a .txt file, a blank line between messages, "
            "translate that (ltmt translate messages.txt --format paragraphs -o messages.de.txt) "
            "and paste each back in a Language=German block (German=0x407:MSG00407 in "
            "LanguageNames)",
        ),
    ],
)
def test_a_file_of_an_unknown_extension_is_translated_only_with_format(
    tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text("import Tabs from '@theme/Tabs';\n\nRead more\n", "utf-8")
    with pytest.raises(InputError) as raised:
        find_format(path, role="document", default=plain_text_default(path))
    assert str(raised.value).removeprefix(f"{tmp_path}/").startswith(message)
    assert find_format(path, "txt", role="document").name == "txt"


@pytest.mark.parametrize("fmt", ["tex", "latex", "LaTeX", ".ltx"])
def test_format_tex_names_po4as_latex_module_not_plain_text(fmt: str) -> None:
    """``--format tex`` was "unknown format 'tex' (did you mean 'txt'?)": plain text, which
    translates a LaTeX document's commands and math."""
    with pytest.raises(ChoiceError) as raised:
        find_format(Path("manual.tex"), fmt, role="document")
    assert str(raised.value) == (
        f"unknown format {fmt!r}: ltmt reads no LaTeX; make a PO catalog of it with po4a "
        "(po4a-gettextize -f latex -m manual.tex -p manual.pot), translate that (ltmt "
        "translate manual.pot -o de.po), review de.po and remove the fuzzy flag ltmt puts on "
        "each entry (po4a-translate uses no fuzzy entry; --no-fuzzy puts none) and write the "
        "page back (po4a-translate -f latex -m manual.tex -p de.po -l manual.de.tex, which "
        "writes no page less than 80 % translated unless given -k 0)"
    )


@pytest.mark.parametrize("role", ["document", "read"])
@pytest.mark.parametrize(("path", "fmt"), [("active.en.toml", "toml"), ("i18n/en.toml", None)])
def test_toml_is_the_toml_message_files_format(role, path: str, fmt: str | None) -> None:
    """--format toml was answered "ltmt reads no TOML", and en.toml refused."""
    assert find_format(Path(path), fmt, role=role).name == "toml"


@pytest.mark.parametrize(
    ("path", "format_read"),
    [(None, "txt"), (Path("LICENSE"), "txt"), (Path(".bashrc"), "txt"), (Path("a.php"), None)],
)
def test_plain_text_is_the_default_for_stdin_and_a_name_without_an_extension(
    path: Path | None, format_read: str | None
) -> None:
    assert plain_text_default(path) == format_read


@pytest.mark.parametrize("role", ["read", "document"])
def test_a_directory_is_named_as_one(tmp_path: Path, role) -> None:
    """`ltmt memory import DIR` said "cannot tell the format from a name without an extension"."""
    folder = tmp_path / "tm.jsonl"
    folder.mkdir()
    with pytest.raises(InputError, match=r"tm\.jsonl is a directory; give a file$"):
        find_format(folder, role=role)


@pytest.mark.parametrize(
    ("content_type", "named"),
    [
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            r"report is a Word document named without its extension; name it report\.docx "
            r"\(or pass --format docx\)$",
        ),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            r"report is an Excel workbook named without its extension; name it report\.xlsx",
        ),
    ],
)
def test_an_office_document_without_its_extension_is_named(
    tmp_path: Path, content_type: str, named: str
) -> None:
    """A .docx saved as ``report`` was "a zip archive; extract the file first"."""
    import zipfile

    path = tmp_path / "report"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", f'<Types><Override ContentType="{content_type}"/></Types>'
        )
    with pytest.raises(InputError, match=named):
        find_format(path, role="document")


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        ("book.epub", "epub3", r"unknown format 'epub3' \(did you mean 'epub'\?\); choose one of "),
        ("report.docx", "word", r"unknown format 'word'; choose one of "),
        ("book.epub", "txt", r"book\.epub is an EPUB book; leave --format out$"),
        ("book.epub", "html", r"book\.epub is an EPUB book; leave --format out$"),
        ("report.docx", "txt", r"report\.docx is a Word document; leave --format out$"),
    ],
)
def test_a_wrong_format_for_a_rightly_named_document_says_which_to_pass(
    tmp_path: Path, name: str, fmt: str, message: str
) -> None:
    """``book.epub --format epub3`` was "an EPUB book of another name; name it book.epub"."""
    import zipfile

    path = tmp_path / name
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w") as archive:
        if name.endswith(".docx"):
            archive.writestr("[Content_Types].xml", f'<Types><Override ContentType="{word}"/>')
        else:
            archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(InputError, match=message):
        find_format(path, fmt, role="document")


def test_a_zip_of_other_files_is_still_to_be_extracted(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "pairs"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pairs.tsv", "Open\tÖffnen\n")
    with pytest.raises(InputError, match=r"pairs is a zip archive; extract the file first"):
        find_format(path, role="read")


@pytest.mark.parametrize(
    ("name", "data", "role", "message"),
    [
        (
            "de.mo",
            b"\xde\x12\x04\x95\x00\x00\x00\x00",
            "read",
            r"de\.mo is a compiled gettext catalog \(\.mo\); give its \.po source "
            r"\(msgunfmt .*de\.mo -o out\.po makes one\)$",
        ),
        ("de.po.gz", b"\x1f\x8b\x08\x00", "document", r"de\.po\.gz is gzip-compressed; decompress"),
        (
            "pairs.zip",
            b"PK\x03\x04",
            "read",
            r"pairs\.zip is a zip archive; extract the file first",
        ),
        (
            "report.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
            "document",
            r"report\.doc is an Office 97-2003 file \(\.doc, \.xls, \.ppt\); ltmt translates Word "
            r"documents saved as \.docx \(soffice --headless --convert-to docx .*report\.doc makes",
        ),
        ("letter.rtf", b"{\\rtf1\\ansi", "document", r"letter\.rtf is an RTF document; ltmt"),
        ("guide.pdf", b"%PDF-1.7\n", "document", r"guide\.pdf is a PDF; translate the document"),
        ("de.po", b"msgid \x00\x01", "document", r"de\.po is a binary file, not text; give a text"),
        (
            "in.txt",
            b"\xff\xfeh\x00i\x00",
            "document",
            r"in\.txt is UTF-16 text; convert it to UTF-8",
        ),
        ("de.po", "msgid".encode("utf-16"), "read", r"de\.po is UTF-16 text; convert it to UTF-8"),
        (
            "be.strings",
            '"a" = "Open file";\n'.encode("utf-16-be"),  # no byte order mark
            "document",
            r"be\.strings looks like UTF-16 text without a byte order mark; convert it to UTF-8 "
            r"first \(iconv -f UTF-16BE -t UTF-8 .*be\.strings > .*be-utf8\.strings\)$",
        ),
        (
            "le.txt",
            "Open the file\n".encode("utf-16-le"),
            "document",
            r"le\.txt looks like UTF-16 text without a byte order mark; .*-f UTF-16LE",
        ),
    ],
)
def test_binary_and_utf16_files_are_named_with_what_to_do(
    tmp_path: Path, name: str, data: bytes, role: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        find_format(path, role=role)  # type: ignore[arg-type]


def test_utf16_xml_is_read_as_it_always_was(tmp_path: Path) -> None:
    from ltmt.formats.pairs import read_pairs

    tmx = tmp_path / "trados.tmx"
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>Open</seg></tuv><tuv xml:lang="de"><seg>Öffnen</seg></tuv>'
        "</tu></body></tmx>"
    )
    tmx.write_bytes(text.encode("utf-16"))
    assert find_format(tmx, role="read").name == "tmx"
    assert [(r.source, r.target) for r in read_pairs(tmx)] == [("Open", "Öffnen")]


def test_an_android_file_with_xliff_placeholders_is_not_taken_for_xliff() -> None:
    head = (
        b'<resources xmlns:xliff="urn:x">\n<string name="a"><xliff:g id="n">%d</xliff:g></string>'
    )
    assert sniff_bytes(head) == "android"
    assert sniff_bytes(b'<?xml version="1.0"?>\n<xliff version="1.2">') == "xliff"


@pytest.mark.parametrize(
    ("given", "output", "says"),
    [
        ("guide.docx", "e2.pdf", "its extension says PDF"),
        ("guide.docx", "e2.doc", "its extension says DOC"),
        ("guide.docx", "e2.rtf", "its extension says RTF"),
        ("guide.docx", "e2", "it has no extension"),
        ("guide.docx", "e2.bak", "it has the extension .bak"),
        ("guide.docx", "e2.xlsx", "its extension says XLSX"),
        ("guide.docx", "e2.DOCX", None),
        ("book.epub", "book-de", "it has no extension"),
        ("a.bin", "a.de.bin", None),  # --format docx: the input's own extension kept
        ("help.html", "help.pdf", "its extension says PDF"),
        ("help.html", "help-de", None),  # a text format: any name but another kind's
        ("notes.txt", "notes-de", None),
        ("notes.txt", "notes.de.bak", None),
        ("README.md", "README", None),
    ],
)
def test_an_output_is_not_named_as_another_kind_of_file(
    given: str, output: str, says: str | None
) -> None:
    """A Word document named .pdf or without an extension was written (exit 0), while one
    named .xlsx was refused: every name of another kind is now refused the same way."""
    spec = FORMATS["docx"] if given == "a.bin" else find_format(Path(given), role="document")
    problem = output_name_problem(Path(output), spec, Path(given))
    if says is None:
        assert problem is None
        return
    extension = Path(given).suffix
    assert problem == (
        f"{says}, but translate writes the input's format, {spec.shown}; give it a "
        f"{extension} extension"
    )


@pytest.mark.parametrize(
    ("given", "output", "message"),
    [
        (
            "Strings.resx",
            "Strings.de.xml",
            "its extension says Android, but translate writes the input's format, .resx; give it "
            "a .resx extension",
        ),
        (
            "strings.xml",
            "strings.de.po",
            "its extension says PO, but translate writes the input's format, Android; give it a "
            ".xml extension",
        ),
    ],
)
def test_formats_are_named_as_their_users_write_them(given: str, output: str, message: str) -> None:
    """The message said ``its extension says ANDROID ... the input's format, RESX``."""
    spec = FORMATS["resx"] if given.endswith(".resx") else FORMATS["android"]
    assert output_name_problem(Path(output), spec, Path(given)) == message


_NOT_MINECRAFTS = (
    "cannot tell the format from the extension '.lang'; ltmt takes a .lang file for a Minecraft "
    "language file (key=value lines) in a lang folder (assets/<modid>/lang/); pass --format "
    "mclang to read this one as one, or --format for another kind"
)


@pytest.mark.parametrize("role", ["document", "read"])
@pytest.mark.parametrize(
    ("folder", "text", "found"),
    [
        ("assets/gemtools/lang", "item.gemtools:ruby.name=Ruby\n", "mclang"),
        ("lang", "#PARSE_ESCAPES\nkey = spaced\n", "mclang"),
        ("t/colon", "item.gemtools:ruby.name=Ruby\n", None),  # not in a lang folder
        ("lang", '<?xml version="1.0"?>\n<language id="c">\n</language>\n', None),
        ("lang", 'msgid "Open"\nmsgstr "Öffnen"\n', "po"),  # its content says, as before
    ],
)
def test_a_lang_file_is_minecrafts_in_a_lang_folder_with_its_lines(
    tmp_path: Path, role, folder: str, text: str, found: str | None
) -> None:
    """ltmt read no .lang file: a Minecraft mod's was refused, and --format properties, which
    the error offered, broke it. Another program's .lang is not taken for one."""
    path = tmp_path / folder / "en_US.lang"
    path.parent.mkdir(parents=True)
    path.write_text(text, "utf-8")
    if found is None:
        with pytest.raises(InputError, match=re.escape(f"{path}: {_NOT_MINECRAFTS}") + "$"):
            find_format(path, role=role)
    else:
        assert find_format(path, role=role).name == found
    assert find_format(path, "mclang", role=role).name == "mclang"


@pytest.mark.parametrize("role", ["document", "read"])
def test_format_properties_is_refused_for_a_minecraft_lang_file(tmp_path: Path, role) -> None:
    """It cut the keys with ':' (3 of 8 entries were left), wrote letters as \\u00df, which
    the game shows as written, and dropped backslashes; a file with Forge's #PARSE_ESCAPES is
    Java properties to Forge, and read so."""
    path = tmp_path / "en_US.lang"
    path.write_text("item.gemtools:ruby.name=Ruby\nmsg=Saved to C:\\Games\n", "utf-8")
    with pytest.raises(
        InputError,
        match=re.escape(
            f"{path} is a Minecraft language file, which --format properties would break (keys "
            "with ':' cut, backslashes dropped, letters written as \\uXXXX escapes the game "
            "shows as written); pass --format mclang"
        )
        + "$",
    ):
        find_format(path, "properties", role=role)
    path.write_text("#PARSE_ESCAPES\nitem.gemtools\\:ruby.name=Ruby\n", "utf-8")
    assert find_format(path, "properties", role=role).name == "properties"
    assert output_name_problem(tmp_path / "de_DE.lang", FORMATS["mclang"], path) is None


def test_a_file_not_of_its_extensions_format_keeps_its_extension(tmp_path: Path) -> None:
    """A regression trial, session 69: notes.stf (no Salesforce file) read with --format txt
    could not be written as .stf; a Translation Workbench file still can be written as .txt
    only by its own format."""
    notes = tmp_path / "notes.stf"
    notes.write_text('title = "My notes"\n', "utf-8")
    stf = tmp_path / "Source_de.stf"
    stf.write_text("Language code: de\nType: Source\n\nCustomLabel.Help\tHelp\n", "utf-8")
    assert another_formats_file(notes) and not another_formats_file(stf)
    assert not another_formats_file(tmp_path / "missing.stf")
    assert not another_formats_file(tmp_path)  # a folder, no file
    assert output_name_problem(tmp_path / "notes.de.stf", FORMATS["txt"], notes) is None
    assert output_name_problem(tmp_path / "out.stf", FORMATS["txt"], stf) == (
        "its extension says Salesforce .stf, but translate writes the input's format, TXT; "
        "give it a .txt extension"
    )


def test_a_translation_is_named_with_its_inputs_extension() -> None:
    problem = output_name_problem(Path("out.pdf"), FORMATS["docx"], Path("macros.docm"))
    assert problem is not None and problem.endswith("give it a .docm extension")


@pytest.mark.parametrize("name", ["project_save.xml", "project_save.txt", "memory.XML"])
@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n'
            b'<!-- OmegaT -->\n<tmx version="1.4">',
            "tmx",
        ),
        ('<tmx version="1.4">'.encode("utf-16"), "tmx"),
        (b'<?xml version="1.0"?>\n<xliff version="1.2">', "xliff"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE TS>\n<TS version="2.1">', "ts"),
    ],
)
def test_a_tmx_xliff_or_ts_file_named_xml_or_txt_is_read_as_its_root_says(
    tmp_path: Path, name: str, head: bytes, fmt: str
) -> None:
    """A TMX saved as .xml or .txt was read as Android strings or plain text, and the error
    said it held one language."""
    path = tmp_path / name
    path.write_bytes(head)
    assert find_format(path, role="read").name == fmt


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        (
            "strings.xml",
            '<?xml version="1.0"?>\n<resources>\n<string name="a">tmx</string>',
            "android",
        ),
        ("notes.txt", "Save the <tmx> file first.\n", "txt"),
    ],
)
def test_a_file_of_a_generic_extension_with_no_such_root_keeps_its_format(
    tmp_path: Path, name: str, text: str, fmt: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert find_format(path, role="read").name == fmt


@pytest.mark.parametrize("fmt", ["po", "xcstrings"])
def test_a_utf16_strings_file_given_another_format_is_told_to_drop_it(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "Localizable.strings"
    path.write_bytes('"a" = "Open";\n'.encode("utf-16"))  # with its byte order mark
    with pytest.raises(InputError, match=rf"--format {fmt} reads .* drop --format$"):
        find_format(path, fmt, role="document")


NO_TEXT = "not text: ltmt translates text and documents (see ltmt formats)"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00\x00\x00", "a GIF image"),  # renamed: by its bytes
    ],
)
def test_an_image_is_named_by_its_kind(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    """Session 69: 'logo.png is a binary file, not text; give a text file (UTF-8)'; an image
    is named as a renamed .docx is, from a file or standard input."""
    from ltmt.formats.registry import binary_problem

    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        find_format(path, role="document")
    assert str(error.value) == f"{path} is {kind}, {NO_TEXT}"
    assert binary_problem("<stdin>", data) == f"<stdin> is {kind}, {NO_TEXT}"
    assert binary_problem("<stdin>", b"PK\x03\x04") == (
        "<stdin> is binary data, not text; give a text file (UTF-8)"  # no unzip of stdin
    )


@pytest.mark.parametrize("magic", ["GIF89a", "GIF87a"])
def test_text_that_begins_with_a_gif_magic_is_read_as_text(tmp_path: Path, magic: str) -> None:
    """Regression trial rege, session 69: 'GIF89a animations are supported.' in notes.txt was
    refused as 'notes.txt is a GIF image, not text'; the magic alone, with no binary byte in
    the first 64 bytes as a real GIF header has, is text."""
    from ltmt.formats.registry import binary_problem, content_problem

    path = tmp_path / "notes.txt"
    path.write_text(f"{magic} animations are supported.\nSee the gallery.\n", "utf-8")
    assert content_problem(path) is None
    assert find_format(path, role="document").name == "txt"
    assert binary_problem("<stdin>", f"{magic} animations\x00".encode()) == (
        f"<stdin> is a GIF image, {NO_TEXT}"  # a NUL: binary after all
    )


def test_a_binary_files_command_quotes_its_name(tmp_path: Path) -> None:
    path = tmp_path / "Kunde E.zip"
    path.write_bytes(b"PK\x03\x04abc")
    with pytest.raises(InputError) as error:
        find_format(path, role="document")
    assert str(error.value) == (
        f"{path} is a zip archive; extract the file first (unzip {shlex.quote(str(path))})"
    )


@pytest.mark.parametrize(("root", "fmt"), [("CustomLabels", None), ("Translations", "xliff")])
def test_salesforce_metadata_is_refused_with_the_way_to_its_xliff(
    tmp_path: Path, root: str, fmt: str | None
) -> None:
    """Regression trial stf, session 69: CustomLabels.labels-meta.xml was 'not an Android
    string resource file ...; pass --format', and with --format xliff '... drop --format'."""
    path = tmp_path / "CustomLabels.labels-meta.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} '
        'xmlns="http://soap.sforce.com/2006/04/metadata">\n</{root}>\n'.replace("{root}", root),
        "utf-8",
    )
    with pytest.raises(
        InputError,
        match=rf"labels-meta\.xml: <{root}> is Salesforce metadata, which ltmt does not read; "
        r"export the labels from Salesforce's Translation Workbench \(Export: Bilingual or "
        r"Untranslated, as \.stf or XLIFF\) and translate or import that file$",
    ):
        find_format(path, fmt, role="document")
    other = tmp_path / "other.xml"
    other.write_text("<Translations><x/></Translations>", "utf-8")
    assert find_format(other, role="document").name == "android"  # not Salesforce's


# a DocBook book as the writer's: DocBook 4's DOCTYPE with entities, DocBook 5's namespace
DOCBOOK_BOOK = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "docbookx.dtd" [\n'
    '  <!ENTITY product "Photonic">\n]>\n'
    '<book xmlns="http://docbook.org/ns/docbook" version="5.0"><title>&product;</title>'
    "<chapter><para>Run <command>photonic --help</command>.</para></chapter></book>\n"
)
MALLARD_PAGE = (
    '<page xmlns="http://projectmallard.org/1.0/" id="editing"><title>Edit</title>'
    "<p>Press <key>Ctrl</key>.</p></page>\n"
)


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("manual.xml", DOCBOOK_BOOK, DOCBOOK),
        ("manual.docbook", DOCBOOK_BOOK, DOCBOOK),
        ("editing.page", MALLARD_PAGE, MALLARD),
        ("editing.xml", MALLARD_PAGE, MALLARD),
    ],
)
def test_docbook_and_mallard_are_refused_with_itstools_recipe(tmp_path, name, text, kind) -> None:
    """manual.xml was "not an Android string resource file (its root element is <book>, not
    <resources>); pass --format", and .page and .docbook "cannot tell the format"."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        find_format(path, role="document", default=plain_text_default(path))
    message = str(raised.value)
    assert message.endswith(kind.translate_recipe())
    assert "Android" not in message
    assert unread_kind_hint(path) == kind.translate_recipe()  # a folder run's words


@pytest.mark.parametrize("fmt", ["docbook", "DocBook", "mallard", "xml"])
def test_format_docbook_mallard_or_xml_names_itstool(tmp_path, fmt: str) -> None:
    """--format docbook and mallard were unknown formats with no way on; --format xml (the
    extension's format: Android string resources) said "pass --format" though it was passed."""
    path = tmp_path / "manual.xml"
    path.write_text(DOCBOOK_BOOK, "utf-8")
    kind = MALLARD if fmt.lower() == "mallard" else DOCBOOK
    with pytest.raises((ChoiceError, InputError)) as raised:
        find_format(path, fmt, role="document")
    assert str(raised.value).endswith(kind.translate_recipe())


def test_the_root_of_an_xml_file_with_entities_in_its_doctype_is_read(tmp_path) -> None:
    """A DOCTYPE's internal subset (<!ENTITY product "...">) hid the root element."""
    path = tmp_path / "manual.xml"
    path.write_text(DOCBOOK_BOOK, "utf-8")
    assert root_element(path) == "book"


@pytest.mark.parametrize("fmt", ["html", "dita", "txt"])
@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [("editing.page", MALLARD_PAGE, MALLARD), ("manual.docbook", DOCBOOK_BOOK, DOCBOOK)],
)
def test_a_format_given_does_not_read_a_docbook_or_mallard_page(
    tmp_path, fmt: str, name: str, text: str, kind
) -> None:
    """--format html or dita read a Mallard page or a DocBook book with no warning and
    translated its code (<command>, <key>)."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        find_format(path, fmt, role="document")
    assert str(raised.value) == f"{path}: {kind.translate_recipe()}"
    other = tmp_path / "page.html"
    other.write_text("<html><body><p>Press Ctrl.</p></body></html>\n", "utf-8")
    assert find_format(other, fmt, role="document").name == fmt


# an HTML post about DocBook, as a blog writes it: the namespace in its text, not its root's tag
DOCBOOK_BLOG = (
    '<article class="post">\n  <h1>Writing docs with DocBook 5</h1>\n'
    '  <pre><code>&lt;book xmlns="http://docbook.org/ns/docbook" version="5.0"&gt;</code></pre>\n'
    "  <p>Then add chapters and sections as you need them.</p>\n</article>\n"
)
DOCBOOK_ARTICLE = (
    '<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Install</title>'
    "<para>Run <command>photonic</command>.</para></article>\n"
)


@pytest.mark.parametrize("name", ["blog.html", "blog.xml"])
def test_a_page_quoting_docbooks_namespace_is_no_docbook(tmp_path, name: str) -> None:
    """blog.html (<article class="post"> quoting <book xmlns=".../docbook"> in its <pre>) was
    refused 'ltmt reads no DocBook'; only the root's own tag or DOCTYPE makes a DocBook file."""
    path = tmp_path / name
    path.write_text(DOCBOOK_BLOG, "utf-8")
    assert itstool_kind(path) is None
    assert unread_kind_hint(path) is None
    if name.endswith(".html"):
        assert find_format(path, role="document").name == "html"
        assert find_format(path, "html", role="document").name == "html"
    docbook = tmp_path / "install.html"
    docbook.write_text(DOCBOOK_ARTICLE, "utf-8")
    with pytest.raises(InputError) as raised:
        find_format(docbook, "html", role="document")
    assert str(raised.value) == f"{docbook}: {DOCBOOK.translate_recipe()}"
    assert unread_kind_hint(docbook) == DOCBOOK.translate_recipe()  # a folder run's words


def test_a_memory_is_not_exported_under_a_cat_tools_own_xliff_extension() -> None:
    """A plain XLIFF export named .sdlxliff would pass for a Trados file (the extension was
    unknown before, and refused as such)."""
    with pytest.raises(InputError, match=r"petra\.sdlxliff: \.sdlxliff names Trados Studio's own"):
        find_format(Path("petra.sdlxliff"), role="write")
    assert find_format(Path("petra.sdlxliff"), "xliff", role="write").name == "xliff"  # asked so
    assert find_format(Path("petra.xlf"), role="write").name == "xliff"


@pytest.mark.parametrize(
    ("output", "given", "problem"),
    [
        ("out.sdlxliff", "in.sdlxliff", None),
        ("out.mqxliff", "in.xlf", None),  # an XLIFF file's translation is XLIFF
        (
            "out.sdlxliff",
            "in.po",
            "its extension says XLIFF, but translate writes the input's format, PO; give it a "
            ".po extension",
        ),
    ],
)
def test_a_cat_tools_xliff_extension_names_an_xliff_output(
    output: str, given: str, problem: str | None
) -> None:
    spec = FORMATS[EXTENSIONS[Path(given).suffix]]
    assert output_name_problem(Path(output), spec, Path(given)) == problem


def test_memoqs_zipped_xliff_is_named_with_what_to_do(tmp_path) -> None:
    hint = (
        "an .mqxlz is memoQ's XLIFF zipped; unzip it and translate the .mqxliff file inside, as "
        "ltmt translates .mqxliff files"
    )
    assert unread_kind_hint(tmp_path / "ui.mqxlz") == hint  # a folder run's words
    with pytest.raises(ChoiceError, match=f"^unknown format 'mqxlz': {hint}$"):
        find_format(tmp_path / "ui.mqxliff", "mqxlz", role="document")


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("resx", "dotnet"),
        ("xaml", "dotnet"),
        ("android", "java-formatter"),
        ("tmx", ""),
        ("po", ""),
    ],
)
def test_the_syntax_a_formats_strings_are_written_in(name: str, syntax: str) -> None:
    assert FORMATS[name].strings_syntax() == syntax


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def test_a_compiled_qt_translation_is_named_with_the_command_that_makes_its_ts(
    tmp_path: Path,
) -> None:
    """Qt trial s76: ``memory import app_de_v1.qm`` said 'a binary file, not text'."""
    path = tmp_path / "app_de.qm"
    path.write_bytes(QM_MAGIC + b"\x00\x00\x00\x05de_DE")
    with pytest.raises(InputError) as error:
        find_format(path, role="read")
    assert str(error.value) == (
        f"{path} is a compiled Qt translation (.qm); give its .ts source "
        f"(lconvert -i {path} -o {tmp_path / 'app_de.ts'} makes one)"
    )


@pytest.mark.parametrize(
    ("given", "output", "problem"),
    [
        (
            "app_de.ts",
            "app_de.qm",
            "a .qm file is a compiled Qt translation, which translate does not write (Qt .ts is "
            "written); give it a .ts extension, then compile it (lrelease app_de.ts -qm "
            "app_de.qm)",
        ),
        (
            "de.po",
            "de.qm",
            "a .qm file is a compiled Qt translation, which translate does not write (PO is "
            "written); give it a .po extension, then compile it (lrelease de.po -qm de.qm)",
        ),
        (
            "notes.txt",
            "notes.qm",
            "its extension says QM, but translate writes the input's format, TXT; give it a .txt "
            "extension",
        ),
    ],
)
def test_a_qm_output_is_refused_with_the_command_that_compiles_one(
    given: str, output: str, problem: str
) -> None:
    """Qt trial s76: ``-o app_de.qm`` wrote .ts XML into a .qm name that Qt cannot load."""
    spec = find_format(Path(given), role="document")
    assert output_name_problem(Path(output), spec, Path(given)) == problem
