"""The one table of file formats: extensions, content sniffing, and each format's reader, writer
and document opener.

    spec = find_format(Path("de.xlf"), role="document")      # FORMATS["xliff"]
    document = spec.document()(path, src_lang="en", tgt_lang="de")
    records = spec.reader()(path, src_lang="en", tgt_lang="de")

``ltmt translate`` (documents), ``ltmt memory import`` / ``export`` (pairs) and the benchmark
ask this table, so a format known to one is known to all. Readers, writers and openers are named
as ``module:attribute`` strings and imported only when used (translate-toolkit and lxml are
slow to import).

A format's *roles*: ``read`` (pairs for a memory), ``write`` (a memory exported), ``document``
(a file whose untranslated units ``ltmt translate`` fills).
"""

from __future__ import annotations

import importlib
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ltmt.errors import ChoiceError, InputError
from ltmt.formats import roff
from ltmt.formats.byte_order_marks import UTF16_MARKS
from ltmt.formats.cat_tool_files import (
    CAT_TOOL_XLIFF,
    MEMOQ_ZIPPED,
    MEMOQ_ZIPPED_HINT,
    tool_export_problem,
)
from ltmt.formats.itstool_recipe import EXTENSIONS as ITSTOOL_EXTENSIONS
from ltmt.formats.itstool_recipe import NAMES as ITSTOOL_NAMES
from ltmt.formats.itstool_recipe import ItstoolKind
from ltmt.formats.po4a_recipe import (
    ASCIIDOC,
    ASCIIDOC_EXTENSIONS,
    LATEX,
    LATEX_EXTENSIONS,
    Po4aKind,
)
from ltmt.formats.xml_roots import format_of_root, itstool_kind_of_root, root_of
from ltmt.paths import resolved
from ltmt.wording import did_you_mean

if TYPE_CHECKING:
    from ltmt.formats.not_read import NotRead

Role = Literal["read", "write", "document"]
SNIFF_BYTES = 4096
# how messages name standard input
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class FileFormat:
    """One file format: its name, extensions, what it can do, and how to tell it by content.

    ``languages``: the files carry (a TSV file's header may carry) language codes: its reader
    and writer take the pair's, checked against the model's pair.
    ``markers``: byte strings one of which appears near the start of such a file (sniffing).
    ``one_language``: a file holds one language, its strings by name
    (:mod:`ltmt.formats.keyed_catalog`) or, for subtitles, its cues by time: translated into the
    target language's file, and read as pairs beside its source file.
    ``one_language_test``: where only some of the format's files hold one language (a WordPress
    Jed JSON file holds each ``msgid`` and its translation), the ``module:function`` that tells
    of a file whether it does (:meth:`one_language_file`).
    ``content_test``: the ``module:function`` that tells of a file of the format's extension
    whether its content is the format's (a ``.stf`` file's Translation Workbench header): one
    that is not is another format's, which ``--format`` reads (:func:`another_formats_file`).
    ``every_language``: a file holds every language of an app's strings (an Xcode string
    catalog; a CSV table, a column per language), kept as one file that each translation
    fills: ``-o`` may name the input itself, which is then filled in place.
    ``in_place``: a file that holds both its languages and that its tools fill in place (a PO
    catalog, an XLIFF file, Qt's ``lupdate`` and Linguist a ``.ts``): ``-o`` may name the input
    itself too (:attr:`fills_in_place`), but a ``.pot`` template (:func:`output_name_problem`).
    ``utf16``: the files may be UTF-16 (with a byte order mark), which the format's reader reads.
    ``binary``: the files are archives the format opens itself (not checked as text).
    ``same_extension``: a translation keeps its file's extension, which says what kind of file
    it is (a ``.docm`` holds macros a ``.docx`` may not; an ``.ods`` is no ``.odt``).
    ``reviews``: the files mark translations not yet reviewed (PO's fuzzy, XLIFF's needs-review,
    Qt's unfinished, Xcode's needs_review, a JSONL file's ``translation``), which the reader
    leaves out unless given ``include_fuzzy=True``.
    ``files_of``: the format whose files this one reads another way (``paragraphs`` reads txt
    files by their paragraphs): only named with ``--format``, its outputs named like those.
    ``skips_keys``: its document opener and its reader take ``skip_keys``, names of keys whose
    strings are identifiers, not text (a JSON dialogue tree's ``id``, ``next``): copied, not
    translated, and no pairs for a memory.
    ``chooses_columns``: its document opener takes ``columns``, the columns of a table to
    translate as ``ltmt translate --columns`` names them (:mod:`ltmt.formats.csv_columns`).
    ``declares_languages``: the files declare their languages in tags that say nothing else (PO's
    ``Language`` header, XLIFF's ``source-language``/``target-language``), which its reader
    refuses when they are not the pair asked, and reads as that pair, with a warning, given
    ``check_declared=False`` (a header copied from the template). TMX's ``xml:lang`` is no such
    tag: it tells each unit's source from its target.
    ``entries_move``: an update moves the files' entries, whose keys are their places
    (msgmerge a PO catalog's, ``lupdate`` a ``.ts`` file's messages), and marks those whose source
    changed for review: the record of what ltmt wrote into a file is read by each entry's
    source, not its place (:func:`~ltmt.formats.changed_sources.recorded_for_older_sources`).
    ``counts_not_read``: its reader takes ``not_read``, a
    :class:`~ltmt.formats.not_read.NotRead` it counts the entries it left out into (fuzzy,
    untranslated ...) instead of warning of them.
    ``label``: the format's name as its users write it in a message (``Android``, ``.resx``),
    where that is not its name in capitals (``PO``, ``XLIFF``): :attr:`shown`.
    ``unsure_extension``: where set, the extension alone names no file of the format, which
    other programs' files have too (``.lang``: Minecraft's, a GtkSourceView language
    definition): a file of it is the format's where :attr:`content_test` says so; another is
    told this (what to pass instead) unless its content names another format, and a folder
    run passes it over.
    """

    name: str
    extensions: tuple[str, ...]
    description: str
    read: str | None = None
    write: str | None = None
    open: str | None = None
    languages: bool = False
    markers: tuple[bytes, ...] = ()
    one_language: bool = False
    one_language_test: str | None = None
    content_test: str | None = None
    every_language: bool = False
    in_place: bool = False
    utf16: bool = False
    binary: bool = False  # a zip archive (an EPUB book, an Office document): not text
    same_extension: bool = False
    reviews: bool = False
    files_of: str = ""
    skips_keys: bool = False
    chooses_columns: bool = False
    declares_languages: bool = False
    entries_move: bool = False
    counts_not_read: bool = False
    label: str = ""
    unsure_extension: str = ""

    @property
    def shown(self) -> str:
        """The format's name in a message: its :attr:`label`, else its name in capitals."""
        return self.label or self.name.upper()

    @property
    def fills_in_place(self) -> bool:
        """Whether ``-o`` may name the input, which is then filled in place (written whole, by
        a temporary file and a rename)."""
        return self.every_language or self.in_place

    def roles(self) -> tuple[Role, ...]:
        found: list[Role] = []
        if self.read:
            found.append("read")
        if self.write:
            found.append("write")
        if self.open:
            found.append("document")
        return tuple(found)

    def holds_its_content(self, path: Path) -> bool:
        """Whether the file ``path``, of one of the format's extensions, holds the format's
        content, as its :attr:`content_test` says (true where it has none)."""
        if self.content_test is None:
            return True
        return bool(_load(self.content_test, self.name, "read")(Path(path)))

    def one_language_file(self, path: Path) -> bool:
        """Whether the file ``path`` holds one language (translated into the target language's
        file, read as pairs beside its source file): :attr:`one_language`, or where the
        format's files differ, what :attr:`one_language_test` says of this one."""
        if self.one_language_test is None:
            return self.one_language
        return bool(_load(self.one_language_test, self.name, "read")(Path(path)))

    @property
    def is_xml(self) -> bool:
        """Whether the files are XML (which cannot hold control characters)."""
        return self.name in _XML_FORMATS

    def reader(self) -> Callable[..., Any]:
        """``read(path, **options) -> Iterator[PairRecord]``."""
        return _load(self.read, self.name, "read")

    def writer(self) -> Callable[..., int]:
        """``write(path, records, **options) -> int``."""
        return _load(self.write, self.name, "write")

    def document(self) -> Callable[..., Any]:
        """``open(path, src_lang=..., tgt_lang=...) -> Document``."""
        return _load(self.open, self.name, "document")

    def strings_syntax(self) -> str:
        """The syntax all of the format's files write their strings in, as ``ltmt qa`` reads
        them (a keyed catalog's class :attr:`~ltmt.formats.keyed_catalog.KeyedCatalog.syntax`:
        ``dotnet`` for .resx and XAML), or ``""``."""
        if self.open is None:
            return ""
        document = getattr(self.document(), "__self__", None)  # open is a class's method
        return str(getattr(document, "syntax", ""))

    def reader_options(
        self,
        src_lang: str,
        tgt_lang: str,
        *,
        source_file: Path | None = None,
        include_fuzzy: bool = False,
        skip_keys: frozenset[str] = frozenset(),
        check_declared: bool = True,
        not_read: NotRead | None = None,
        purpose: str = "imported",
        columns: str | None = None,
        extras_reported: bool = False,
    ) -> dict[str, Any]:
        """The keyword arguments of this format's reader: the languages where its files name
        them; for a file holding one language, the ``source_file`` it translates (its plural
        forms named by the target language's categories); ``include_fuzzy`` where the files mark
        translations not yet reviewed (:attr:`reviews`); ``skip_keys`` where the files have keys
        to name (:attr:`skips_keys`: a folder's other files are read without them); without
        ``check_declared``, the languages the files declare are not checked, where they only
        declare them (:attr:`declares_languages`); ``not_read`` where the reader counts what it
        left out into one (:attr:`counts_not_read`); ``purpose``: what a reader of a
        one-language file says it did not do with a string only the translation has
        (``imported``, ``checked``); ``columns`` where its tables' columns are named
        (:attr:`chooses_columns`: ``--columns "Line A=Line B"``); ``extras_reported`` for a
        one-language file whose strings only the translation has the caller reports (``ltmt
        qa``'s ``extra`` findings), which its reader then does not warn of."""
        options: dict[str, Any] = dict(self.language_options(src_lang, tgt_lang))
        if self.one_language:
            options.update(source_file=source_file, tgt_lang=tgt_lang, purpose=purpose)
            if extras_reported:
                options["extras_reported"] = True
        if include_fuzzy and self.reviews:
            options["include_fuzzy"] = True
        if skip_keys and self.skips_keys:
            options["skip_keys"] = skip_keys
        if not check_declared and self.declares_languages:
            options["check_declared"] = False
        if not_read is not None and self.counts_not_read:
            options["not_read"] = not_read
        if self.chooses_columns:  # (its errors' --columns examples name the command)
            options.update(columns=columns, purpose=purpose)
        if self.chooses_columns and source_file is not None:  # (a table translated in place)
            options["source_file"] = source_file
        return options

    def language_options(self, src_lang: str, tgt_lang: str) -> dict[str, str]:
        """The language keyword arguments for this format's reader or writer (none if it has
        no language codes)."""
        return {"src_lang": src_lang, "tgt_lang": tgt_lang} if self.languages else {}


FORMATS: dict[str, FileFormat] = {
    spec.name: spec
    for spec in (
        FileFormat(
            "txt",
            (".txt", ".text"),
            "plain text, one segment a line",
            read="ltmt.formats.text_pairs:read_text_pairs",
            open="ltmt.formats.documents:TextDocument.open",
            one_language=True,
        ),
        FileFormat(
            "paragraphs",
            (),
            "plain text of paragraphs (a .txt file's lines up to a blank line read together, "
            "by their sentences), wrapped as they were",
            read="ltmt.formats.paragraphs:read_paragraph_pairs",
            open="ltmt.formats.paragraphs:ParagraphDocument.open",
            one_language=True,
            files_of="txt",
        ),
        FileFormat(
            "jsonl",
            (".jsonl",),
            "JSON Lines with source (and target / translation)",
            read="ltmt.formats.pairs:read_jsonl",
            write="ltmt.formats.pairs:write_jsonl",
            open="ltmt.formats.documents:JsonlDocument.open",
            reviews=True,  # ltmt translate's outputs are under "translation"
        ),
        FileFormat(
            "tsv",
            (".tsv",),
            "source<TAB>target a line",
            read="ltmt.formats.pairs:read_tsv",
            write="ltmt.formats.pairs:write_tsv",
            languages=True,  # a header may name the columns by the pair's languages
        ),
        FileFormat(
            "csv",
            (".csv",),
            "localization table: a column per language (keys,en,de)",
            read="ltmt.formats.csv_table:read_csv_table",
            write="ltmt.formats.csv_table:write_csv_table",
            open="ltmt.formats.csv_table:CsvTable.open",
            languages=True,
            every_language=True,
            chooses_columns=True,
            counts_not_read=True,  # rows with an empty target cell
        ),
        FileFormat(
            "tmx",
            (".tmx",),
            "TMX translation memory",
            read="ltmt.formats.tmx:read_tmx",
            write="ltmt.formats.tmx:write_tmx",
            languages=True,
            counts_not_read=True,
            markers=(b"<tmx",),
            utf16=True,  # XML: its parser reads UTF-16
        ),
        FileFormat(
            "po",
            (".po", ".pot"),
            "gettext PO catalog or POT template",
            read="ltmt.formats.po:read_po",
            write="ltmt.formats.po:write_po",
            open="ltmt.formats.po_document:PoDocument.open",
            languages=True,
            markers=(b'msgid "', b"msgid '"),
            reviews=True,
            in_place=True,  # both languages: msgmerge --update and Poedit fill de.po itself
            declares_languages=True,
            entries_move=True,
            counts_not_read=True,
        ),
        FileFormat(
            "xliff",
            (".xliff", ".xlf", ".xlif", *CAT_TOOL_XLIFF),
            "XLIFF 1.2 or 2.0 (Trados .sdlxliff, memoQ .mqxliff, Phrase .mxliff, Wordfast .txlf "
            "too)",
            read="ltmt.formats.xliff:read_xliff",
            write="ltmt.formats.xliff:write_xliff",
            open="ltmt.formats.xliff_document:XliffDocument.open",
            languages=True,
            markers=(b"<xliff ", b"<xliff\n", b"<xliff\r", b"<xliff\t", b"<xliff>"),  # not <xliff:g
            reviews=True,
            in_place=True,  # both languages, as a PO file: CAT tools fill it in place
            utf16=True,  # XML: its parser reads UTF-16
            declares_languages=True,
            counts_not_read=True,
        ),
        FileFormat(
            "xliff2",
            (),
            "XLIFF 2.0 (a memory exported as 2.0; any XLIFF file is read)",
            label="XLIFF 2.0",
            read="ltmt.formats.xliff:read_xliff",
            write="ltmt.formats.xliff2:write_xliff2",
            languages=True,
            reviews=True,
            utf16=True,
            files_of="xliff",
        ),
        FileFormat(
            "ts",
            (".ts",),
            "Qt Linguist translation file",
            label="Qt .ts",
            read="ltmt.formats.qt_ts:read_ts",
            open="ltmt.formats.qt_ts:TsDocument.open",
            languages=True,
            markers=(b"<TS ", b"<TS>", b"<!DOCTYPE TS>"),
            reviews=True,
            in_place=True,  # lupdate and Linguist fill app_de.ts itself
            entries_move=True,
            utf16=True,  # XML: its parser reads UTF-16
            counts_not_read=True,
        ),
        FileFormat(
            "xcstrings",
            (".xcstrings",),
            "Xcode string catalog",
            label=".xcstrings",
            read="ltmt.formats.xcstrings:read_xcstrings",
            open="ltmt.formats.xcstrings:XcStringsDocument.open",
            languages=True,
            every_language=True,
            markers=(b'"sourceLanguage"',),
            reviews=True,
            counts_not_read=True,  # stale strings
        ),
        FileFormat(
            "android",
            (".xml",),
            "Android string resources (strings.xml)",
            label="Android",
            read="ltmt.formats.android:AndroidDocument.pairs",
            open="ltmt.formats.android:AndroidDocument.open",
            markers=(b"<resources",),
            one_language=True,
            utf16=True,  # XML: its parser reads UTF-16
            counts_not_read=True,  # strings not in the source file: counted, not warned of
        ),
        FileFormat(
            "properties",
            (".properties",),
            "Java properties resource bundle",
            label="Java properties",
            read="ltmt.formats.java_properties:JavaPropertiesDocument.pairs",
            open="ltmt.formats.java_properties:JavaPropertiesDocument.open",
            one_language=True,
            counts_not_read=True,  # keys defined more than once
        ),
        FileFormat(
            "ini",
            (".ini",),
            'Joomla INI language file (KEY="value"; not other INI files)',
            label="Joomla INI",
            read="ltmt.formats.joomla_ini:JoomlaIniDocument.pairs",
            open="ltmt.formats.joomla_ini:JoomlaIniDocument.open",
            one_language=True,
            counts_not_read=True,  # keys defined more than once
        ),
        FileFormat(
            "moodle",
            (".php",),
            "Moodle language file (lang/en/<component>.php: $string['key'] = '...';)",
            label="Moodle",
            read="ltmt.formats.moodle_lang:MoodleLangDocument.pairs",
            open="ltmt.formats.moodle_lang:MoodleLangDocument.open",
            markers=(b"$string[",),
            one_language=True,
            counts_not_read=True,  # keys assigned more than once
        ),
        FileFormat(
            "mclang",
            (".lang",),
            "Minecraft language file, 1.12 and older (assets/<modid>/lang/en_US.lang: key=value "
            "lines, no escapes, Forge's #PARSE_ESCAPES honoured)",
            label="Minecraft .lang",
            read="ltmt.formats.minecraft_lang:MinecraftLangDocument.pairs",
            open="ltmt.formats.minecraft_lang:MinecraftLangDocument.open",
            one_language=True,
            counts_not_read=True,  # keys defined more than once
            # in a lang folder, of Minecraft's lines (GtkSourceView's .lang is XML)
            content_test="ltmt.formats.minecraft_lang:is_minecraft_lang",
            unsure_extension=(
                "ltmt takes a .lang file for a Minecraft language file (key=value lines) in a "
                "lang folder (assets/<modid>/lang/); pass --format mclang to read this one as "
                "one, or --format for another kind"
            ),
        ),
        FileFormat(
            "desktop",
            (".desktop", ".directory"),
            "freedesktop.org desktop entry (Name, GenericName, Comment, Keywords; filled in place)",
            label=".desktop",
            read="ltmt.formats.desktop_entry:read_desktop_entry",
            open="ltmt.formats.desktop_entry:DesktopEntryDocument.open",
            languages=True,
            every_language=True,  # every language's Name[xx] in one file, filled in place
            markers=(b"[Desktop Entry]",),
        ),
        FileFormat(
            "stf",
            (".stf",),
            "Salesforce Translation Workbench file (Source, Untranslated, Bilingual)",
            label="Salesforce .stf",
            read="ltmt.formats.stf:read_stf",
            open="ltmt.formats.stf:StfDocument.open",
            content_test="ltmt.formats.stf:is_stf",  # notes.stf: title = "My notes"
            counts_not_read=True,  # out-of-date and untranslated rows
        ),
        FileFormat(
            "rc",
            (".rc",),
            "Windows resource script (string tables, menus, dialogs, version texts)",
            label="Windows .rc",
            read="ltmt.formats.windows_rc:read_rc_pairs",
            open="ltmt.formats.windows_rc:RcDocument.open",
            one_language=True,  # translated into the target language's file, beside its source
            utf16=True,  # Visual Studio writes UTF-16LE with a byte order mark
            counts_not_read=True,  # strings the translation has in the source's words
        ),
        FileFormat(
            "resx",
            (".resx", ".resw"),
            ".NET resource file",
            label=".resx",
            read="ltmt.formats.resx:ResxDocument.pairs",
            open="ltmt.formats.resx:ResxDocument.open",
            markers=(b"<resheader",),
            one_language=True,
            counts_not_read=True,  # names defined more than once
            utf16=True,  # XML: its parser reads UTF-16
        ),
        FileFormat(
            "xaml",
            (".xaml",),
            "WPF/.NET MAUI ResourceDictionary of strings (<sys:String x:Key=...>)",
            label="XAML",
            read="ltmt.formats.xaml_strings:XamlStringsDocument.pairs",
            open="ltmt.formats.xaml_strings:XamlStringsDocument.open",
            one_language=True,
            counts_not_read=True,  # keys defined more than once
        ),
        FileFormat(
            "strings",
            (".strings",),
            "Apple .strings file (Localizable.strings)",
            label=".strings",
            read="ltmt.formats.apple_strings:AppleStringsDocument.pairs",
            open="ltmt.formats.apple_strings:AppleStringsDocument.open",
            one_language=True,
            utf16=True,
            counts_not_read=True,  # strings the translation lacks or leaves empty
        ),
        FileFormat(
            "stringsdict",
            (".stringsdict",),
            "Apple .stringsdict plurals",
            label=".stringsdict",
            read="ltmt.formats.stringsdict:StringsDictDocument.pairs",
            open="ltmt.formats.stringsdict:StringsDictDocument.open",
            markers=(b"<key>NSStringLocalizedFormatKey</key>",),
            one_language=True,
            utf16=True,
            counts_not_read=True,  # strings the translation lacks or leaves empty
        ),
        FileFormat(
            "yaml",
            (".yml", ".yaml"),
            "YAML message file (Rails, Symfony)",
            read="ltmt.formats.yaml_catalog:YamlCatalog.pairs",
            open="ltmt.formats.yaml_catalog:YamlCatalog.open",
            one_language=True,
            skips_keys=True,
            counts_not_read=True,  # Symfony's __ targets, strings not in the source
        ),
        FileFormat(
            "toml",
            (".toml",),
            "TOML message file (Hugo i18n, go-i18n)",
            label="TOML",
            read="ltmt.formats.toml_catalog:TomlCatalog.pairs",
            open="ltmt.formats.toml_catalog:TomlCatalog.open",
            one_language=True,
            counts_not_read=True,  # strings not in the source file
        ),
        FileFormat(
            "ftl",
            (".ftl",),
            "Fluent message file (Firefox, Thunderbird)",
            label="Fluent",
            read="ltmt.formats.fluent:FluentCatalog.pairs",
            open="ltmt.formats.fluent:FluentCatalog.open",
            one_language=True,
            counts_not_read=True,  # messages not in the source file
        ),
        FileFormat(
            "renpy",
            (".rpy",),
            "Ren'Py translation file (game/tl/<language>/*.rpy: dialogue and strings blocks; "
            "filled in place)",
            label="Ren'Py",
            read="ltmt.formats.renpy:RenpyDocument.pairs",
            open="ltmt.formats.renpy:RenpyDocument.open",
            markers=(b"# TODO: Translation updated at ",),  # the line Ren'Py starts it with
            in_place=True,  # both languages: each block's English, then its translation
            counts_not_read=True,  # untranslated strings
        ),
        FileFormat(
            "md",
            (".md", ".markdown", ".mdx"),
            "Markdown document (README, docs pages; MDX: imports, JSX lines kept, props not "
            "translated)",
            label="Markdown",
            read="ltmt.formats.markdown:MarkdownDocument.pairs",
            open="ltmt.formats.markdown:MarkdownDocument.open",
            one_language=True,
        ),
        FileFormat(
            "html",
            (".html", ".htm", ".xhtml"),
            "HTML page (a site's or a manual's)",
            read="ltmt.formats.html_document:HtmlDocument.pairs",
            open="ltmt.formats.html_document:HtmlDocument.open",
            markers=(b"<!DOCTYPE html", b"<!doctype html", b"<!DOCTYPE HTML", b"<html"),
            one_language=True,
            counts_not_read=True,  # pairs of codes alone ({{#if trial}}): counted, not stored
        ),
        FileFormat(
            "dita",
            (".dita", ".ditamap"),
            "DITA topic or map (a technical manual's)",
            label="DITA",
            read="ltmt.formats.dita:DitaDocument.pairs",
            open="ltmt.formats.dita:DitaDocument.open",
            one_language=True,
        ),
        FileFormat(
            "epub",
            (".epub",),
            "EPUB book",
            read="ltmt.formats.epub:EpubDocument.pairs",
            open="ltmt.formats.epub:EpubDocument.open",
            one_language=True,
            binary=True,
        ),
        FileFormat(
            "docx",
            (".docx", ".docm", ".dotx", ".dotm"),
            "Word document",
            read="ltmt.formats.docx:DocxDocument.pairs",
            open="ltmt.formats.docx:DocxDocument.open",
            one_language=True,
            binary=True,
            same_extension=True,
        ),
        FileFormat(
            "pptx",
            (".pptx", ".pptm", ".ppsx", ".potx"),
            "PowerPoint presentation",
            read="ltmt.formats.pptx:PptxDocument.pairs",
            open="ltmt.formats.pptx:PptxDocument.open",
            one_language=True,
            binary=True,
            same_extension=True,
        ),
        FileFormat(
            "xlsx",
            (".xlsx", ".xlsm", ".xltx", ".xltm"),
            "Excel workbook",
            read="ltmt.formats.xlsx:XlsxDocument.pairs",
            open="ltmt.formats.xlsx:XlsxDocument.open",
            one_language=True,
            binary=True,
            same_extension=True,
        ),
        FileFormat(
            "odf",
            (
                ".odt",
                ".ods",
                ".odp",
                ".odg",  # packed
                ".ott",
                ".ots",
                ".otp",
                ".otg",  # templates
                ".fodt",
                ".fods",
                ".fodp",
                ".fodg",  # flat: one XML document
            ),
            "OpenDocument text, spreadsheet, presentation or drawing (LibreOffice)",
            label="OpenDocument",
            read="ltmt.formats.opendocument:OpenDocument.pairs",
            open="ltmt.formats.opendocument:OpenDocument.open",
            one_language=True,
            binary=True,
            same_extension=True,
        ),
        FileFormat(
            "srt",
            (".srt",),
            "SubRip subtitles",
            read="ltmt.formats.subtitles:SrtDocument.pairs",
            open="ltmt.formats.subtitles:SubtitleDocument.open",
            one_language=True,
        ),
        FileFormat(
            "vtt",
            (".vtt",),
            "WebVTT subtitles",
            label="WebVTT",
            read="ltmt.formats.subtitles:VttDocument.pairs",
            open="ltmt.formats.subtitles:SubtitleDocument.open",
            markers=(b"WEBVTT",),
            one_language=True,
        ),
        FileFormat(
            "json",
            (".json", ".arb"),
            "JSON message file (i18next, ARB, WebExtension, WordPress Jed, compiled ink story, "
            "Dialogflow ES agent, ServiceNow Localization Framework, nested or flat)",
            # Jed's, a Dialogflow intent's, a ServiceNow artefact's, or a catalog's
            read="ltmt.formats.jed:read_json",
            open="ltmt.formats.jed:open_json",
            one_language=True,
            # a Jed file, a ServiceNow artefact hold both
            one_language_test="ltmt.formats.jed:holds_one_language",
            skips_keys=True,
            counts_not_read=True,  # not in the source file, keys defined twice, no string
        ),
    )
}
EXTENSIONS: dict[str, str] = {
    ext: spec.name for spec in FORMATS.values() for ext in spec.extensions
}


@dataclass(frozen=True)
class BundleFormat:
    """A format whose "file" is a folder (a bundle), which a folder's run handles (translated
    file by file, read as a folder of files) rather than a reader or opener of its own: listed
    with :data:`FORMATS` by ``ltmt formats``. ``translate``, ``read``, ``write``: what
    ``ltmt translate`` and ``ltmt memory import`` / ``export`` do with it."""

    name: str
    extensions: tuple[str, ...]
    description: str
    translate: bool
    read: bool
    write: bool


BUNDLES: dict[str, BundleFormat] = {
    "xcloc": BundleFormat(
        "xcloc",
        (".xcloc",),
        "Xcode localization catalog, a folder: its Localized Contents XLIFF translated (its "
        "final units imported), the rest copied",
        translate=True,
        read=True,
        write=False,
    ),
}
# Extensions of kinds of file no format reads or writes (those users convert, or make from a
# translation), and the format of which ``soffice --convert-to`` makes a copy ltmt translates
# ("" where it makes none): a translation is not named as one.
OTHER_KINDS: dict[str, str] = {
    ".pdf": "",
    ".doc": "docx",
    ".dot": "docx",
    ".rtf": "docx",
    ".xls": "xlsx",
    ".xlt": "xlsx",
    ".ppt": "pptx",
    ".pps": "pptx",
    ".mo": "",
    ".qm": "",
}
_ROLE_WORDS = {"read": "imported", "write": "exported", "document": "translated"}


def _load(target: str | None, name: str, role: str) -> Callable[..., Any]:
    if target is None:
        raise InputError(f"{name} files cannot be {_ROLE_WORDS[role]}")
    module_name, attribute = target.split(":")
    found: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        found = getattr(found, part)
    return found


def names(role: Role | None = None) -> list[str]:
    """The format names (that can play ``role``)."""
    return [name for name, spec in FORMATS.items() if role is None or role in spec.roles()]


# what an image is told besides its kind: what ltmt reads instead
_NO_TEXT = "not text: ltmt translates text and documents (see ltmt formats)"
# Binary files users hand over by mistake: what they are and what to do instead.
_BINARY_KINDS = (
    (
        (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"),
        "a compiled gettext catalog (.mo); give its .po source "
        "(msgunfmt {path} -o out.po makes one)",
    ),
    (
        (b"\x3c\xb8\x64\x18\xca\xef\x9c\x95\xcd\x21\x1c\xbf\x60\xa1\xbd\xdd",),
        "a compiled Qt translation (.qm); give its .ts source "
        "(lconvert -i {path} -o {ts} makes one)",
    ),
    ((b"\x1f\x8b",), "gzip-compressed; decompress it first (gunzip -k {path})"),
    ((b"\xfd7zXZ\x00",), "xz-compressed; decompress it first (unxz -k {path})"),
    ((b"BZh",), "bzip2-compressed; decompress it first (bunzip2 -k {path})"),
    (
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
        "an Office 97-2003 file (.doc, .xls, .ppt); ltmt translates Word documents saved as "
        ".docx (soffice --headless --convert-to docx {path} makes one of a .doc)",
    ),
    (
        (b"{\\rtf",),
        "an RTF document; ltmt translates Word documents saved as .docx "
        "(soffice --headless --convert-to docx {path} makes one)",
    ),
    (
        (b"%PDF-",),
        "a PDF; translate the document it was made from (.docx, .md, .html ...) and make the "
        "PDF again",
    ),
    ((b"PK\x03\x04",), "a zip archive; extract the file first (unzip {path})"),
    ((b"\x89PNG\r\n\x1a\n",), f"a PNG image, {_NO_TEXT}"),
    ((b"\xff\xd8\xff",), f"a JPEG image, {_NO_TEXT}"),
    ((b"GIF87a", b"GIF89a"), f"a GIF image, {_NO_TEXT}"),
)
# magics that are printable ASCII, which a line of text may begin with ("GIF89a animations
# are supported."): the kind is named only when binary bytes follow, as in a real header
_TEXT_LIKE_MAGICS = frozenset({b"GIF87a", b"GIF89a"})
_CONTROL_BYTES = (frozenset(range(32)) - frozenset(b"\t\n\r\f")) | {0x7F}
# XML: they cannot hold control characters
_XML_FORMATS = frozenset({"tmx", "xliff", "xliff2", "ts", "android", "resx", "xaml"})


def content_problem(path: Path, *, utf16: bool = True) -> str | None:
    """What is wrong when the existing file ``path`` cannot be read as text because it is
    binary (a .mo catalog, a compressed file, any file with NUL bytes in its first KiB) or,
    unless ``utf16`` is allowed, UTF-16 (its byte order mark), with what to do instead;
    else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    if head.startswith(UTF16_MARKS) and utf16:
        return None
    if problem := utf16_problem(head, path):
        return problem
    if head.startswith(b"PK\x03\x04") and (document := _document_in_zip(path)) is not None:
        return document
    for magics, problem in _BINARY_KINDS:
        if _starts_with_kind(head, magics):
            return f"{path} is {problem.format(path=shlex.quote(str(path)), ts=_ts_for(path))}"
    if holds_nul(head):
        return binary_problem(path)
    return None


def _ts_for(path: Path) -> str:
    """The ``.ts`` file ``lconvert`` may write of the ``.qm`` file ``path`` (quoted for a
    shell): its name with ``.ts`` (``app_de.qm`` → ``app_de.ts``), never ``path`` itself."""
    ts = Path(path).with_suffix(".ts")
    if ts == Path(path):
        ts = Path(path).with_name(f"{Path(path).stem}_from_qm.ts")
    return shlex.quote(str(ts))


def _starts_with_kind(head: bytes, magics: tuple[bytes, ...]) -> bool:
    """Whether ``head`` starts with one of ``magics`` and, for a magic that text may begin
    with, holds a NUL or control byte in its first 64 bytes (a GIF's header has some)."""
    for magic in magics:
        if head.startswith(magic) and (
            magic not in _TEXT_LIKE_MAGICS or any(byte in _CONTROL_BYTES for byte in head[:64])
        ):
            return True
    return False


def holds_nul(data: bytes) -> bool:
    """Whether ``data``'s first KiB holds a NUL byte, which no text file does (UTF-16 aside)."""
    return b"\x00" in data[:1024]


def binary_problem(name: Path | str, head: bytes = b"") -> str:
    """The error of the input ``name`` (a file or standard input) that is binary, not text;
    ``head``, its first bytes, may name its kind (a PNG image)."""
    for magics, problem in _BINARY_KINDS:
        if _starts_with_kind(head, magics) and "{path}" not in problem:  # no command for stdin
            return f"{name} is {problem}"
    what = "binary data" if str(name) == STDIN_NAME else "a binary file"
    return f"{name} is {what}, not text; give a text file (UTF-8)"


# the documents ltmt reads that are zip archives, by what their type entries say: Office Open
# XML's main part in [Content_Types].xml, OpenDocument's and EPUB's mimetype entry
_ZIP_DOCUMENTS = (
    (b"wordprocessingml.document.main", ".docx"),
    (b"presentationml.presentation.main", ".pptx"),
    (b"presentationml.slideshow.main", ".ppsx"),
    (b"spreadsheetml.sheet.main", ".xlsx"),
    (b"application/vnd.oasis.opendocument.text", ".odt"),
    (b"application/vnd.oasis.opendocument.spreadsheet", ".ods"),
    (b"application/vnd.oasis.opendocument.presentation", ".odp"),
    (b"application/epub+zip", ".epub"),
)
_TYPE_ENTRIES = ("[Content_Types].xml", "mimetype")


def _document_in_zip(path: Path) -> str | None:
    """What to do with ``path``, a zip archive that is a document ltmt reads under another
    name (a ``.docx`` saved as ``report``): name it with its extension; or, named so (read as
    another format only by ``--format``), leave ``--format`` out; None for another zip (the
    advice to extract it stands)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            listed = set(archive.namelist())
            types = b"".join(archive.read(name)[:65536] for name in _TYPE_ENTRIES if name in listed)
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError):
        return None
    for marker, extension in _ZIP_DOCUMENTS:
        if marker in types:
            spec = FORMATS[EXTENSIONS[extension]]
            if path.suffix.lower() == extension:  # rightly named: another --format was given
                return (
                    f"{path} is {_article(spec.description)} {spec.description}; leave --format out"
                )
            named = "named without its extension" if not path.suffix else "of another name"
            return (
                f"{path} is {_article(spec.description)} {spec.description} {named}; name it "
                f"{path.with_suffix(extension).name} (or pass --format {extension.lstrip('.')})"
            )
    return None


def _article(words: str) -> str:
    return "an" if words[:1].lower() in "aeiou" else "a"


def utf16_problem(head: bytes, name: Path | str) -> str | None:
    """What to do when ``head``, the first bytes of the file (or standard input) ``name``, is
    UTF-16 text, with a byte order mark or without one; else None."""
    if head.startswith(UTF16_MARKS):
        return f"{name} is UTF-16 text; convert it to UTF-8 first ({iconv('UTF-16', name)})"
    if b"\x00" in head[:1024] and (order := _utf16_without_mark(head[:1024])):
        return (
            f"{name} looks like UTF-16 text without a byte order mark; convert it to UTF-8 "
            f"first ({iconv(f'UTF-16{order}', name)})"
        )
    return None


def iconv(encoding: str, name: Path | str) -> str:
    """The command converting the file ``name`` from ``encoding`` to UTF-8, into a file beside
    it (``notes-utf8.txt``), each name quoted for a shell (a name with a space is one word);
    standard input (``<stdin>``) is piped through it."""
    command = f"iconv -f {encoding} -t UTF-8"
    if str(name) == STDIN_NAME:
        return f"pipe it through {command}"
    path = Path(name)
    converted = str(path.with_name(f"{path.stem}-utf8{path.suffix}"))
    return f"{command} {shlex.quote(str(name))} > {shlex.quote(converted)}"


def _utf16_without_mark(head: bytes) -> str:
    """``BE`` or ``LE`` where ``head`` reads as UTF-16 text of Latin letters without a byte
    order mark (a NUL byte before, or after, nearly every other byte), else ``""``."""
    pairs = len(head) // 2
    if pairs < 4:
        return ""
    for order, nul_at in (("BE", 0), ("LE", 1)):
        nuls = head[nul_at::2][:pairs].count(0)
        others = head[1 - nul_at :: 2][:pairs].count(0)
        if nuls >= 0.9 * pairs and others == 0:
            return order
    return ""


def sniff(path: Path) -> str | None:
    """The format of the existing file ``path`` told from its first bytes, or None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> str | None:
    """The format told from the first bytes of a file or stream, or None."""
    for spec in FORMATS.values():
        if any(marker in head[:SNIFF_BYTES] for marker in spec.markers):
            return spec.name
    return None


# extensions that many formats' files have (a TMX or XLIFF file saved as .xml or .txt): the
# format their root element names comes before the extension's
GENERIC_EXTENSIONS = frozenset({".xml", ".txt"})


def _head(path: Path) -> bytes:
    """The first bytes of the file ``path`` that an XML root is read from (none where it cannot
    be read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""


def root_element(path: Path) -> str | None:
    """The name of the XML file ``path``'s root element (``tmx``, ``resources``), or None (not
    XML, or not readable)."""
    return root_of(_head(path))


# XML that ltmt reads no format of, though its root names what it is: the way to what it reads
_SALESFORCE = b"soap.sforce.com"  # the namespace of Salesforce's metadata
_UNREAD_ROOTS = {
    root: "Salesforce metadata, which ltmt does not read; export the labels from Salesforce's "
    "Translation Workbench (Export: Bilingual or Untranslated, as .stf or XLIFF) and translate "
    "or import that file"
    for root in ("CustomLabels", "Translations", "CustomObjectTranslation")
}


def _refuse_an_unread_root(path: Path, head: bytes) -> None:
    """A one-line InputError where the XML file ``path`` (starting with ``head``) has a root of
    a vocabulary ltmt reads no format of (Salesforce's ``<CustomLabels>``), saying what to give
    instead: an Android reader's 'pass --format' and then --format's 'drop --format' sent the
    user in a circle."""
    root = root_of(head)
    if root in _UNREAD_ROOTS and _SALESFORCE in head:
        raise InputError(f"{path}: <{root}> is {_UNREAD_ROOTS[root]}")
    _refuse_an_itstool_page(path, head)


def _refuse_an_itstool_page(path: Path, head: bytes) -> None:
    """A one-line InputError where the XML file ``path`` (starting with ``head``) is a DocBook
    or Mallard page by its root, whatever format it was given as: read as Android it was
    called 'not an Android string resource file', and read as HTML or DITA its code was
    translated."""
    kind = itstool_kind_of_root(head)
    if kind is not None:
        raise InputError(f"{path}: {kind.translate_recipe()}")


def itstool_kind(path: Path, head: bytes | None = None) -> ItstoolKind | None:
    """The kind of ``path`` (which starts with ``head``; None: read it) that itstool, not ltmt,
    translates, by its extension (``.docbook``, ``.page``) or its root: DocBook, Mallard, or
    None."""
    by_name = ITSTOOL_EXTENSIONS.get(path.suffix.lower())
    if by_name is not None:
        return by_name
    head = _head(path) if head is None else head
    return itstool_kind_of_root(head)


def _named(fmt: str) -> str | None:
    """The format a name or an extension (``xlf``, ``.POT``) names, or None."""
    key = fmt.strip().lower().lstrip(".")
    return key if key in FORMATS else EXTENSIONS.get(f".{key}")


# what to do with a PHP file that is no Moodle language file (Laravel's lang/en/*.php returns
# an array): :mod:`ltmt.formats.moodle_lang` refuses it, a folder run skips it with these words
OTHER_PHP = (
    "ltmt reads Moodle's language files ($string['key'] = '...'; lines) and no other PHP: "
    "translate Laravel's strings as JSON (lang/en.json -o lang/de.json, which Laravel reads "
    "too), or export Laravel's array with php -r 'echo "
    'json_encode(require "lang/en/messages.php", JSON_PRETTY_PRINT|JSON_UNESCAPED_UNICODE);\''
    " > messages.en.json, translate that and write it back as <?php return array (...); "
    "with var_export"
)
# what to do with a file of an extension ltmt reads no format of, where one is near it (a
# guess of plain text translated a PHP file's code)
_NEAREST: dict[str, str] = {
    # a .php file of a folder that is no Moodle language file (Laravel's lang/en/*.php returns
    # an array): read as text, its PHP was translated and broken
    ".php": OTHER_PHP,
    # AsciiDoc: po4a makes a PO catalog of its text, and writes the translated page back
    **dict.fromkeys(ASCIIDOC_EXTENSIONS, ASCIIDOC.translate_recipe()),
    # man pages: read as text, .SH NAME came back .SH-NAME
    **dict.fromkeys(roff.EXTENSIONS, roff.MAN_PAGES),
    # LaTeX: --format tex was told "did you mean 'txt'?", and plain text mangles its commands
    **dict.fromkeys(LATEX_EXTENSIONS, LATEX.translate_recipe()),
    # DocBook and Mallard: itstool makes a PO template of their text, and writes them back
    **{suffix: kind.translate_recipe() for suffix, kind in ITSTOOL_EXTENSIONS.items()},
    # Windows Message Compiler files: their texts between Language= and a lone "."
    ".mc": "ltmt reads no Windows message-compiler files; copy each message's text (the lines "
    "between its Language=English and the lone '.') into a .txt file, a blank line between "
    "messages, translate that (ltmt translate messages.txt --format paragraphs -o "
    "messages.de.txt) and paste each back in a Language=German block (German=0x407:MSG00407 "
    "in LanguageNames)",
    ".csproj": "a .csproj is an MSBuild project, not a resource file; translate its "
    "Properties/Resources.resx or Themes/Strings.xaml",
    MEMOQ_ZIPPED: MEMOQ_ZIPPED_HINT,
}


# the documents po4a reads, which ltmt reads no format of: a page and its translation are
# imported and checked as po4a's PO catalog of both
PO4A_KINDS: dict[str, Po4aKind] = {
    **dict.fromkeys(ASCIIDOC_EXTENSIONS, ASCIIDOC),
    **dict.fromkeys(roff.EXTENSIONS, roff.MAN),
    **dict.fromkeys(LATEX_EXTENSIONS, LATEX),
}


def unread_kind_hint(path: Path) -> str | None:
    """What to do with ``path``, a file of an extension ltmt reads no format of but knows (an
    AsciiDoc page: make a PO catalog of it with po4a), as its single file's error says it; or
    None. A folder run names such files it skipped with the same words: a DocBook book saved as
    ``.xml`` or ``.html`` too, by its root."""
    if path.suffix.lower() in EXTENSIONS and (kind := itstool_kind(path)) is not None:
        return kind.translate_recipe()
    return _NEAREST.get(path.suffix.lower())


def plain_text_default(path: Path | None) -> str | None:
    """The format ``ltmt translate`` reads an input of no format ltmt knows in (``path``; None:
    standard input): plain text for standard input and a name without an extension, as its
    help says, none for another extension (a file ltmt has no format for: a PHP file), which
    :func:`find_format` refuses with what to pass instead."""
    return "txt" if path is None or not path.suffix else None


def find_format(
    path: Path | str | None,
    fmt: str | None = None,
    *,
    role: Role,
    default: str | None = None,
) -> FileFormat:
    """The format of ``path`` for ``role``: ``fmt`` when given (a name or an extension such as
    ``xlf``), else the extension, else the content (for an existing file), else ``default``.
    Raises a one-line :class:`InputError` that lists the formats able to play ``role``."""
    choices = ", ".join(names(role))
    if role != "write" and path is not None and Path(path).is_dir():  # outputs say it their way
        raise InputError(f"{path} is a directory; give a file")
    # a file to read: binary content is named before its format is guessed from it (unless
    # it is given as an archive format: an EPUB book)
    file = Path(path) if role != "write" and path is not None and Path(path).is_file() else None
    named_format = _named(fmt) if fmt is not None else None
    if fmt is not None and named_format is None:  # before the file: what it is cannot help
        key = fmt.strip().lower().lstrip(".")
        itstool = ITSTOOL_NAMES.get(key)
        nearest = itstool.translate_recipe() if itstool else _NEAREST.get(f".{key}")
        if nearest is not None:  # --format toml: not a format misspelt (did you mean 'html'?)
            raise ChoiceError(f"unknown format {fmt!r}: {nearest}")
        hint = did_you_mean(fmt.lower(), names(role))
        raise ChoiceError(f"unknown format {fmt!r}{hint}; choose one of {choices}")
    given_name = _named(fmt or (Path(path).suffix if path is not None else ""))
    if given_name is not None and FORMATS[given_name].binary:
        file = None
    problem = content_problem(file) if file is not None else None
    if problem is not None:
        raise InputError(problem)
    # the start of an .xml or .txt file, read once: its root names the format
    head = _head(file) if file is not None and file.suffix.lower() in GENERIC_EXTENSIONS else None
    if file is not None and head is not None:
        _refuse_an_unread_root(file, head)
    elif file is not None and fmt is not None:  # --format html on a Mallard page: its code
        _refuse_an_itstool_page(file, _head(file))
    # an export is plain XLIFF: named .sdlxliff, it would pass for a Trados file
    tool_problem = tool_export_problem(Path(path)) if role == "write" and path is not None else None
    if named_format is None and tool_problem is not None:
        raise InputError(tool_problem)
    name = named_format
    if name is None:
        suffix = Path(path).suffix.lower() if path is not None else ".txt"
        name = EXTENSIONS.get(suffix)
        if name is not None and file is not None and not _sure_of(FORMATS[name], file):
            name = sniff(file)  # a .lang file that is no Minecraft one: its content may say
            if name is None:
                hint = FORMATS[EXTENSIONS[suffix]].unsure_extension
                raise InputError(
                    f"{path}: cannot tell the format from the extension {suffix!r}; {hint}"
                )
        if head is not None and suffix in GENERIC_EXTENSIONS:
            name = format_of_root(head) or name
        if name is None and path is not None and Path(path).is_file():
            name = sniff(Path(path))
        name = name or default
        if name is None:
            what = f"the extension {suffix!r}" if suffix else "a name without an extension"
            hint = _NEAREST.get(suffix, f"pass --format ({choices})")
            raise InputError(f"{path}: cannot tell the format from {what}; {hint}")
    spec = FORMATS[name]
    if file is not None and name == "properties":
        from ltmt.formats.minecraft_lang import properties_would_break

        if problem := properties_would_break(file):  # a Minecraft .lang given as properties
            raise InputError(problem)
    if file is not None and not spec.utf16:
        problem = content_problem(file, utf16=False)
        if problem is not None:
            raise InputError(_format_not_utf16(file, spec) or problem)
    if role not in spec.roles():
        can = " and ".join(_ROLE_WORDS[r] for r in spec.roles())
        table = (  # a tab-separated localization table is a CSV table
            "; a table whose first row names its languages (keys<TAB>en<TAB>de) is translated "
            "with --format csv"
            if name == "tsv" and role == "document"
            else ""
        )
        raise InputError(
            f"{path or name}: {spec.name} files can be {can}, not {_ROLE_WORDS[role]}"
            f"{table}; formats that can: {choices}"
        )
    return spec


def _sure_of(spec: FileFormat, file: Path) -> bool:
    """Whether ``file``'s extension names its format, ``spec``: it does unless it names no file
    of the format alone (:attr:`FileFormat.unsure_extension`) and the file's content is not
    the format's."""
    return not spec.unsure_extension or spec.holds_its_content(file)


def _format_not_utf16(file: Path, spec: FileFormat) -> str | None:
    """What to do where ``file``, UTF-16 text, is read as ``spec`` (by --format), which reads
    no UTF-16, while its extension names a format that does (a ``.strings`` file given with
    ``--format po``): --format is the likelier mistake than the encoding; else None."""
    named = EXTENSIONS.get(file.suffix.lower())
    if named is None or named == spec.name or not FORMATS[named].utf16:
        return None
    return (
        f"--format {spec.name} reads {file}, which is UTF-16 text, as {spec.shown} (UTF-8 "
        f"only), but its extension says {FORMATS[named].shown}, read in UTF-16 as it is; drop "
        "--format"
    )


def _tab_separated_table(spec: FileFormat, suffix: str, given: Path | None) -> bool:
    """Whether a CSV table's translation is named ``.tsv`` as its input is (``--format csv``
    reads a tab-separated table, and writes it with tabs)."""
    return (
        spec.name == "csv"
        and suffix == ".tsv"
        and given is not None
        and (given.suffix.lower() == ".tsv")
    )


def output_name_problem(output: Path, spec: FileFormat, given: Path | None) -> str | None:
    """What is wrong with naming ``given``'s translation (a ``spec`` file) ``output``, or None.
    A translation is written in its input's format, so its name must not say another kind of
    file: an extension of another format (``de.po`` into ``de.xlf`` would be a PO catalog
    named .xlf) or of a kind ltmt does not write (:data:`OTHER_KINDS`: a Word document named
    .pdf); a :attr:`~FileFormat.binary` document, which programs open by its extension, needs
    one of its format's (or its input's own); and a format whose extensions name kinds of file
    (:attr:`FileFormat.same_extension`) keeps its input's (``sheet.ods`` into ``out.odt`` would
    be a spreadsheet named as a text). A text format's output may have no or any other
    extension (``notes.txt`` into ``notes-de``). A template (``.pot``) is not filled in place:
    each language's catalog is made from it."""
    if given is not None and given.suffix.lower() == ".pot" and resolved(output) == resolved(given):
        return (
            "a template (.pot) is not filled in place, each language's catalog is made from it; "
            "name the output for its language (de.po)"
        )
    suffix = output.suffix.lower()
    if _tab_separated_table(spec, suffix, given):
        return None
    extension = _extension_of(spec, given)
    if suffix in COMPILED_KINDS and spec.name in COMPILED_KINDS[suffix][2]:
        what, compile_command, _ = COMPILED_KINDS[suffix]
        written = shlex.quote(str(output.with_suffix(extension)))
        command = compile_command.format(source=written, output=shlex.quote(str(output)))
        return (
            f"a {suffix} file is {what}, which translate does not write ({spec.shown} is "
            f"written); give it a {extension} extension, then compile it ({command})"
        )
    says = _what_the_name_says(suffix, spec, given)
    if says is not None:
        return (
            f"{says}, but translate writes the input's format, {spec.shown}; "
            f"give it a {extension} extension"
        )
    if not spec.same_extension or given is None:
        return None
    mine = given.suffix.lower()
    if mine in spec.extensions and suffix in spec.extensions and mine != suffix:
        return (
            f"{given.name}'s translation keeps its extension, {mine}, which says what kind of "
            f"file it is; name the output with {mine}"
        )
    return None


# compiled catalogs that a translation is made into by its format's own tool: what they are,
# the command that compiles one ({source}: the translation, {output}: the compiled file) and
# the formats it compiles (lrelease reads PO catalogs too)
COMPILED_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    ".qm": ("a compiled Qt translation", "lrelease {source} -qm {output}", ("ts", "po")),
}


# extensions that files of other formats have too: every INI file's .ini, of which Joomla's
# language files are one kind (--format properties reads another, named as its input)
SHARED_EXTENSIONS = frozenset({".ini"})


def another_formats_file(path: Path | None) -> bool:
    """Whether the file ``path`` has an extension whose format's content it does not have
    (:attr:`FileFormat.content_test`: a ``.stf`` file without a Translation Workbench header;
    an ``.xml`` file whose root names another format: a DITA topic's ``<concept>``):
    ``--format`` or its root names what it is, and its translation may keep its extension."""
    if path is None or not path.is_file():
        return False
    named = EXTENSIONS.get(path.suffix.lower())
    if path.suffix.lower() in GENERIC_EXTENSIONS:
        root = format_of_root(_head(path))
        if root is not None and root != named:
            return True
    test = FORMATS[named].content_test if named is not None else None
    return test is not None and not _load(test, named or "", "read")(path)


def _what_the_name_says(suffix: str, spec: FileFormat, given: Path | None) -> str | None:
    """What an output's extension ``suffix`` says that a ``spec`` file's must not (the start
    of :func:`output_name_problem`'s message), or None where it may name one."""
    same = given is not None and given.suffix.lower() == suffix
    if same and (suffix in SHARED_EXTENSIONS or another_formats_file(given)):  # .ini, notes.stf
        return None
    named = EXTENSIONS.get(suffix)
    if named is not None and named not in (spec.name, spec.files_of):
        return f"its extension says {FORMATS[named].shown}"
    if named is None and suffix in OTHER_KINDS:
        return f"its extension says {suffix.lstrip('.').upper()}"
    if not spec.binary or suffix in spec.extensions:
        return None
    if given is not None and suffix == given.suffix.lower():  # --format docx of a.bin: a.de.bin
        return None
    return f"it has the extension {suffix}" if suffix else "it has no extension"


def _extension_of(spec: FileFormat, given: Path | None) -> str:
    """The extension to name a translation of ``given`` (a ``spec`` file) with: its own where
    it is one of the format's (``.docm``), else the format's first."""
    own = given.suffix.lower() if given is not None else ""
    extensions = spec.extensions or FORMATS[spec.files_of].extensions
    return own if own in extensions else extensions[0]
