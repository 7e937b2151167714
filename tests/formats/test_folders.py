"""A folder's files in order, and the pairs of those a format reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.folders import files_in, origin_path, read_folder, split_folder_origin
from ltmt.formats.not_read import NotRead

STRINGS = '<resources>\n    <string name="a">{}</string>\n</resources>\n'


def test_files_in_leaves_hidden_ones_out(tmp_path: Path) -> None:
    for name in ("b.po", "a/c.xml", ".git/x.po", "a/.hidden.po"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in files_in(tmp_path)] == ["a/c.xml", "b.po"]


def test_files_in_leaves_out_links_to_files_outside_the_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # outside.txt → a file elsewhere was translated into the output folder
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Open the file.\n", "utf-8")
    (tmp_path / "secret.txt").write_text("not to be shared\n", "utf-8")
    (folder / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "inside.txt").symlink_to("a.txt")
    with caplog.at_level("WARNING", logger="ltmt.formats.folders"):
        assert [p.name for p in files_in(folder)] == ["a.txt", "inside.txt"]
    assert caplog.messages == [f"{folder}: 1 link to files outside it left out (outside.txt)"]


def test_files_in_leaves_out_links_to_nothing_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A link to a missing file was left out without a word: its file went untranslated."""
    (tmp_path / "good.txt").write_text("Open the file.\n", "utf-8")
    (tmp_path / "broken.txt").symlink_to("missing-target.txt")
    with caplog.at_level("WARNING", logger="ltmt.formats.folders"):
        assert [p.name for p in files_in(tmp_path)] == ["good.txt"]
    assert caplog.messages == [
        f"{tmp_path}: 1 link to a missing file left out (broken.txt → missing-target.txt); fix a "
        "link to translate its file"
    ]


def test_office_owner_files_are_left_out_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Word's owner file of an open flyer.docx: the user's name, no document
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "~$flyer.docx").write_bytes(bytes([4]) + b"Anna" + bytes(157))
    (tmp_path / "en" / "strings.xml").write_text(STRINGS.format("Save"), "utf-8")
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "~$flyer.docx").write_bytes(bytes([4]) + b"Anna" + bytes(157))
    (tmp_path / "de" / "strings.xml").write_text(STRINGS.format("Speichern"), "utf-8")
    with caplog.at_level("WARNING", logger="ltmt.formats.folders"):
        assert [p.name for p in files_in(tmp_path / "en")] == ["strings.xml"]
        found = read_folder(tmp_path / "de", tmp_path / "en")
    assert caplog.messages[0] == (
        f"{tmp_path / 'en'}: 1 Office owner file left out (~$flyer.docx: Office writes one "
        "beside each document it has open); save and close those documents if they hold "
        "changes to translate"
    )
    assert [p.name for p in found.read] == ["strings.xml"]
    assert not found.without_source and not found.unknown


@pytest.mark.parametrize(
    ("name", "data", "left_out"),
    [
        ("~$flyer.docx", bytes([4]) + b"Anna" + bytes(157), True),
        ("~$budget.XLSX", bytes([4]) + b"Anna" + bytes(160), True),
        ("~$report.odt", bytes([5]) + b"alice" + bytes(156), True),  # Word opens them too
        ("~$data.csv", bytes([6]) + "J\u00fcrgen".encode("cp1252") + bytes(158), True),
        ("~$empty.docx", b"", True),  # a crashed Office's, or a cloud sync's
        ("~$zero.xlsx", bytes(165), True),
        ("~$notes.txt", b"Open the file.\n", False),  # the user's own text
        ("~$strings.po", b'msgid "Open"\nmsgstr ""\n', False),
        ("~$report.docx", b"PK\x03\x04" + bytes(4096), False),  # a document, not a record
    ],
)
def test_only_an_owner_record_named_so_is_an_owner_file(
    tmp_path: Path, name: str, data: bytes, left_out: bool
) -> None:
    """Every file named ``~$…`` was left out: a ``~$notes.txt`` of the user's was never read;
    then the owner files of an .odt or a .csv (Word and Excel write them for every file they
    open) stopped a folder run."""
    from ltmt.formats.folders import is_owner_file

    (tmp_path / name).write_bytes(data)
    assert is_owner_file(tmp_path / name) is left_out
    assert [p.name for p in files_in(tmp_path)] == ([] if left_out else [name])


def test_one_language_files_pair_with_the_same_place_in_the_source_folder(tmp_path: Path) -> None:
    (tmp_path / "en" / "sub").mkdir(parents=True)
    (tmp_path / "de" / "sub").mkdir(parents=True)
    (tmp_path / "en" / "sub" / "strings.xml").write_text(STRINGS.format("Save"), "utf-8")
    (tmp_path / "de" / "sub" / "strings.xml").write_text(STRINGS.format("Speichern"), "utf-8")
    (tmp_path / "de" / "only.xml").write_text(STRINGS.format("Allein"), "utf-8")
    (tmp_path / "de" / "x.png").write_bytes(b"\x89PNG")
    found = read_folder(tmp_path / "de", tmp_path / "en")
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert [p.name for p in found.without_source] == ["only.xml"]
    assert [p.name for p in found.unknown] == ["x.png"]


def test_joomla_language_folders_pair_their_files_and_joomla_3s_locale_named_ones(
    tmp_path: Path,
) -> None:
    for folder, values in (("en-GB", ("Tasks", "Archive")), ("de-DE", ("Aufgaben", "Archiv"))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "com_tasks.ini").write_text(f'COM_TASKS="{values[0]}"\n', "utf-8")
        legacy = tmp_path / folder / f"{folder}.mod_tasks.ini"
        legacy.write_text(f'MOD_TASKS = "{values[1]}"\n', "utf-8")
    found = read_folder(tmp_path / "de-DE", tmp_path / "en-GB")
    assert sorted((r.source, r.target) for r in found.records) == [
        ("Archive", "Archiv"),
        ("Tasks", "Aufgaben"),
    ]
    assert found.without_source == []


def test_a_zendesk_article_pairs_by_its_number_and_one_without_a_source_is_named(
    tmp_path: Path,
) -> None:
    """An article whose slug the translation translated was skipped as "holding one language
    with no source file beside", unnamed."""
    (tmp_path / "en-us").mkdir()
    (tmp_path / "de").mkdir()
    (tmp_path / "en-us" / "360000112-Two-factor.html").write_text("<p>Sign in.</p>", "utf-8")
    (tmp_path / "de" / "360000112-Zwei-Faktor.html").write_text("<p>Anmelden.</p>", "utf-8")
    (tmp_path / "de" / "360000113-Billing.html").write_text("<p>Rechnung.</p>", "utf-8")
    found = read_folder(tmp_path / "de", tmp_path / "en-us")
    assert [(r.source, r.target) for r in found.records] == [("Sign in.", "Anmelden.")]
    assert found.skipped()[0] == (
        1,
        "holding one language with no source file beside (360000113-Billing.html)",
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            None,
            r"de: no translated file in it; its files hold one language: give the source-language folder with --source-file",
        ),
        ("en/strings.xml", r"--source-file .*strings.xml: not a folder"),
    ],
)
def test_what_cannot_be_imported_says_why(tmp_path: Path, source: str | None, message: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "de").mkdir()
    (tmp_path / "en" / "strings.xml").write_text(STRINGS.format("Save"), "utf-8")
    (tmp_path / "de" / "strings.xml").write_text(STRINGS.format("Speichern"), "utf-8")
    with pytest.raises(InputError, match=message):
        read_folder(tmp_path / "de", tmp_path / source if source else None)


def test_the_parent_of_the_language_folders_says_which_to_import(tmp_path: Path) -> None:
    """``memory import release1 --source-file release1/en.lproj`` said only ``release1: no
    translated file in it``."""
    release = tmp_path / "release1"
    for folder, value in (("en.lproj", "Save"), ("de.lproj", "Sichern"), ("fr.lproj", "Sauver")):
        (release / folder).mkdir(parents=True)
        (release / folder / "Localizable.strings").write_text(f'"save" = "{value}";\n', "utf-8")
    message = (
        "release1: no translated file in it; it holds the language folders de.lproj, en.lproj, "
        f"fr.lproj: import a translation's folder, {release / 'de.lproj'}, with --source-file "
        f"{release / 'en.lproj'}"
    )
    with pytest.raises(InputError) as raised:
        read_folder(release, release / "en.lproj")
    assert str(raised.value) == f"{tmp_path}/{message}"


PO = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\nmsgid "Save"\nmsgstr "{target}"\n'


def test_a_template_and_another_languages_catalog_are_left_out_and_counted(tmp_path: Path) -> None:
    (tmp_path / "de.po").write_text(PO.format(lang="de", target="Speichern"), "utf-8")
    (tmp_path / "fr.po").write_text(PO.format(lang="fr", target="Enregistrer"), "utf-8")
    (tmp_path / "app.pot").write_text(PO.format(lang="", target=""), "utf-8")
    found = read_folder(tmp_path)
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert [p.name for p in found.read] == ["de.po"]
    assert [p.name for p in found.empty] == ["app.pot"]
    assert [p.name for p in found.other_language] == ["fr.po"]
    assert found.skipped()[2:4] == [
        (1, "with no translated entry"),
        (1, "of another language pair (fr.po)"),
    ]


def test_each_files_pairs_carry_the_folders_path_and_the_files_path_in_it_as_origin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder import stored all its files under the folder's name: no file of it could be
    undone alone (``ltmt memory delete --origin``); then under the folder's name and the
    file's path, so that two modules' ``i18n/de.po`` were one origin, and undoing one deleted
    both. The folder's resolved path, the mark, then the file's path in it."""
    (tmp_path / "proj" / "app").mkdir(parents=True)
    (tmp_path / "proj" / "app" / "de.po").write_text(PO.format(lang="de", target="Speichern"))
    (tmp_path / "proj" / "de.po").write_text(PO.format(lang="de", target="Sichern"), "utf-8")
    monkeypatch.chdir(tmp_path)
    found = read_folder(Path("proj"))
    root = tmp_path.resolve() / "proj"
    assert [(r.target, r.origin) for r in found.records] == [
        ("Speichern", f"{root}//app/de.po"),
        ("Sichern", f"{root}//de.po"),
    ]
    assert [origin_path(Path("proj"), r.origin) for r in found.records] == [
        Path("proj/app/de.po"),
        Path("proj/de.po"),
    ]


@pytest.mark.parametrize(
    ("origin", "split"),
    [
        ("/work/sale/i18n//de.po", ("/work/sale/i18n", "de.po")),
        ("/work/proj//de/app.po", ("/work/proj", "de/app.po")),
        ("//de.po", ("/", "de.po")),  # the root imported
        ("/work/sale/i18n/de.po", None),  # a file imported alone
        ("i18n/de.po", None),  # an older store's folder import
        ("https://cat.example/tm", None),  # an API caller's own origin
        ("cli", None),
    ],
)
def test_split_folder_origin(origin: str, split: tuple[str, str] | None) -> None:
    assert split_folder_origin(origin) == split


def test_the_entries_not_read_are_counted_of_the_files_read_only(tmp_path: Path) -> None:
    fuzzy = '\n#, fuzzy\nmsgid "Open"\nmsgstr "Öffnen"\n'
    (tmp_path / "de.po").write_text(PO.format(lang="de", target="Speichern") + fuzzy, "utf-8")
    (tmp_path / "app.pot").write_text(PO.format(lang="", target=""), "utf-8")
    not_read = NotRead()
    read_folder(tmp_path, not_read=not_read)
    # the template's untranslated entry is not counted: it is a file left out, said as one
    assert not_read.by_reason() == {"fuzzy": 1}


def test_a_folder_of_another_pair_only_says_the_first_files_languages(tmp_path: Path) -> None:
    (tmp_path / "fr.po").write_text(PO.format(lang="fr", target="Enregistrer"), "utf-8")
    (tmp_path / "app.pot").write_text(PO.format(lang="", target=""), "utf-8")
    message = (  # the mismatch leads: it, not a missing file, is what to fix
        r"its files are of another language pair: .*fr.po: its Language header says fr\b.*, "
        r"not en->de"
    )
    with pytest.raises(InputError, match=message):
        read_folder(tmp_path)
    (tmp_path / "fr.po").unlink()
    with pytest.raises(InputError, match=r"no translated file in it; 1 file with no translated"):
        read_folder(tmp_path)


def _bundles(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, "utf-8")
    return folder


def test_a_translation_pairs_with_the_source_file_its_locale_names_not_its_namesake(
    tmp_path: Path,
) -> None:
    """messages_de.properties was paired with the colleague's messages_de.properties in the
    source folder: German checked against German."""
    source = _bundles(
        tmp_path / "src",
        messages__properties="title=Open the file\n",
        messages_de__properties="title=Datei öffnen (Kollege)\n",
    )
    (source / "en.yml").write_text('en:\n  hello: "Hello"\n', "utf-8")
    (source / "app_en.arb").write_text('{"@@locale": "en", "save": "Save"}', "utf-8")
    out = _bundles(tmp_path / "out", messages_de__properties="title=Datei öffnen\n")
    (out / "de.yml").write_text('de:\n  hello: "Hallo"\n', "utf-8")
    (out / "app_de.arb").write_text('{"@@locale": "de", "save": "Speichern"}', "utf-8")
    found = read_folder(out, source)
    assert sorted((r.source, r.target) for r in found.records) == [
        ("Hello", "Hallo"),
        ("Open the file", "Datei öffnen"),
        ("Save", "Speichern"),
    ]


def test_a_folder_of_locale_named_files_pairs_them_inside_it(tmp_path: Path) -> None:
    """``ltmt qa resources`` alone: each translation with its source-language file beside it;
    the sources are counted as such, not as files with no source beside."""
    folder = _bundles(
        tmp_path / "resources",
        messages__properties="title=Open the file\n",
        messages_de__properties="title=Datei öffnen\n",
        ValidationMessages_de__properties="blank=darf nicht leer sein\n",
        ValidationMessages__properties="blank=must not be blank\n",
    )
    found = read_folder(folder)
    assert sorted((r.source, r.target) for r in found.records) == [
        ("Open the file", "Datei öffnen"),
        ("must not be blank", "darf nicht leer sein"),
    ]
    assert [p.name for p in found.sources] == [
        "ValidationMessages.properties",
        "messages.properties",
    ]
    assert found.without_source == []
    assert (2, "of the source language, read as the source of those beside it") in found.skipped()


@pytest.mark.parametrize(
    ("tgt_lang", "target", "other"),
    [("de", "Ihr Warenkorb ist leer.", "fr"), ("fr", "Votre panier est vide.", "de")],
)
def test_a_bundle_folder_pairs_only_the_target_languages_translation(
    tmp_path: Path, tgt_lang: str, target: str, other: str
) -> None:
    """messages_fr.properties beside messages_de.properties was paired with messages.properties
    too, and its French stored as German."""
    folder = _bundles(
        tmp_path / "java",
        messages__properties="cart=Your cart is empty.\n",
        messages_de__properties="cart=Ihr Warenkorb ist leer.\n",
        messages_fr__properties="cart=Votre panier est vide.\n",
    )
    found = read_folder(folder, tgt_lang=tgt_lang)
    assert [(r.source, r.target) for r in found.records] == [("Your cart is empty.", target)]
    assert [p.name for p in found.other_language] == [f"messages_{other}.properties"]
    assert (1, f"of another language pair (messages_{other}.properties)") in found.skipped()


RESX = (
    '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
    '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>\n'
    '  <data name="Title" xml:space="preserve"><value>{}</value></data>\n</root>\n'
)


def test_a_source_file_with_no_translation_beside_is_said_to_be_one(tmp_path: Path) -> None:
    """``Resources.resx`` beside ``Strings.resx`` and ``Strings.de.resx`` is a source with no
    German yet: it was skipped as "holding one language with no source file beside"."""
    (tmp_path / "Strings.resx").write_text(RESX.format("Save"), "utf-8")
    (tmp_path / "Strings.de.resx").write_text(RESX.format("Speichern"), "utf-8")
    (tmp_path / "Resources.resx").write_text(RESX.format("Open"), "utf-8")
    found = read_folder(tmp_path)
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert found.without_source == []
    assert (1, "of the source language with no translation beside (Resources.resx)") in (
        found.skipped()
    )
    (tmp_path / "Strings.de.resx").unlink()
    with pytest.raises(
        InputError,
        match=r"no translated file in it; its files are of the source language with no "
        r"translation beside \(Resources.resx, Strings.resx\): translate them first$",
    ):
        read_folder(tmp_path)


def test_a_folder_given_as_its_own_source_folder_is_told_to_leave_it_out(tmp_path: Path) -> None:
    """Laravel's lang/ (en.json beside de.json): each file was its own source."""
    (tmp_path / "en.json").write_text('{"Save": "Save"}', "utf-8")
    (tmp_path / "de.json").write_text('{"Save": "Speichern"}', "utf-8")
    with pytest.raises(InputError) as raised:
        read_folder(tmp_path, tmp_path)
    assert str(raised.value) == (
        f"--source-file {tmp_path} is the folder itself: its files hold both languages "
        "(such as en.json beside de.json) and pair by their names; leave out --source-file"
    )


def test_a_folder_of_mkdocs_pages_pairs_each_translation_with_its_page(tmp_path: Path) -> None:
    """``ltmt qa docs`` (MkDocs' suffix layout): ``index.de.md`` was read as a file with no
    source beside it, and no page was paired; now it pairs with ``index.md``, a French page is
    of another language pair, and a page without German is a source with none beside."""
    (tmp_path / "guide").mkdir()
    (tmp_path / "index.md").write_text("# Welcome\n\nOpen the file.\n", "utf-8")
    (tmp_path / "index.de.md").write_text("# Willkommen\n\nDatei öffnen.\n", "utf-8")
    (tmp_path / "index.fr.md").write_text("# Bienvenue\n\nOuvrir le fichier.\n", "utf-8")
    (tmp_path / "guide" / "install.md").write_text("Install it.\n", "utf-8")
    found = read_folder(tmp_path)
    assert [(r.source, r.target) for r in found.records] == [
        ("Welcome", "Willkommen"),
        ("Open the file.", "Datei öffnen."),
    ]
    assert [p.name for p in found.sources] == ["index.md"]
    assert found.without_source == []
    assert (1, "of another language pair (index.fr.md)") in found.skipped()
    assert (1, "of the source language with no translation beside (guide/install.md)") in (
        found.skipped()
    )


def test_installed_packages_are_no_files_of_the_folder(tmp_path: Path) -> None:
    """A docs run into itself wrote ``node_modules/left-pad/README.de.md`` (session 66)."""
    from ltmt.formats.folders import files_in

    (tmp_path / "node_modules" / "left-pad").mkdir(parents=True)
    (tmp_path / "node_modules" / "left-pad" / "README.md").write_text("# Pad\n", "utf-8")
    (tmp_path / "README.md").write_text("# App\n", "utf-8")
    assert files_in(tmp_path) == [tmp_path / "README.md"]


def test_a_file_that_is_no_message_file_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``memory import FOLDER`` of a Dialogflow agent stopped at a JSON file with a list at its
    top (then its ``*_usersays_en.json``, read as Dialogflow's since); a folder's translation
    skipped it: so does its import, in the same words."""
    for lang, text in (("en", "Save"), ("de", "Speichern")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "intent.json").write_text(f'{{"speech": "{text}"}}', "utf-8")
        (tmp_path / lang / "sizes.json").write_text("[1, 2, 3]", "utf-8")
    found = read_folder(tmp_path / "de", tmp_path / "en")
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert [p.name for p in found.not_messages] == ["sizes.json"]
    assert found.skipped()[-1] == (
        1,
        "that ltmt cannot read as a message file (sizes.json)",
    )
    assert caplog.messages == [
        f"{tmp_path / 'en' / 'sizes.json'}: not a JSON message file: its top level is not "
        "an object, nor a list of objects: skipped"
    ]


def test_skip_keys_no_file_of_the_folder_has_are_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Each file of a Dialogflow agent warned ``--skip-keys names 'defaultTimezone', ... which
    no key of the file has`` (5 times); a key one file has is no typo."""
    for lang, text in (("en", "Save"), ("de", "Speichern")):
        (tmp_path / lang).mkdir()
        for name, key in (("agent.json", "defaultTimezone"), ("intent.json", "speech")):
            (tmp_path / lang / name).write_text(f'{{"{key}": "{text}"}}', "utf-8")
    keys = frozenset({"defaultTimezone", "nmae"})
    found = read_folder(tmp_path / "de", tmp_path / "en", skip_keys=keys)
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert caplog.messages == [
        "de: --skip-keys names 'nmae', which no key of its files has (key names are case-sensitive)"
    ]


def test_a_docbook_book_saved_as_xml_is_no_folders_android_file(tmp_path: Path) -> None:
    """A folder run read manual.xml, a DocBook book, as Android string resources and failed."""
    from ltmt.formats.folders import format_of

    book = tmp_path / "manual.xml"
    book.write_text('<book xmlns="http://docbook.org/ns/docbook"><title>A</title></book>\n')
    strings = tmp_path / "strings.xml"
    strings.write_text('<resources><string name="a">A</string></resources>\n')
    assert format_of(book, "document") is None
    assert getattr(format_of(strings, "document"), "name", None) == "android"


def test_a_folder_of_cat_tool_xliff_files_gives_each_files_pairs(tmp_path: Path) -> None:
    """Trados's .sdlxliff and memoQ's .mqxliff (Phrase's .mxliff, Wordfast's .txlf) were of no
    format in a folder: 'no translated file in it' (session 72)."""
    from ltmt.formats.xliff import read_xliff

    data = Path(__file__).parent / "data"
    names = ["memoq.mqxliff", "phrase.mxliff", "trados.sdlxliff", "wordfast.txlf"]
    for name in names:
        (tmp_path / name).write_bytes((data / name).read_bytes())
    found = read_folder(tmp_path, src_lang="en", tgt_lang="de")
    assert [path.name for path in found.read] == names
    assert found.unknown == []
    alone = [(r.source, r.target) for name in names for r in read_xliff(data / name)]
    assert [(r.source, r.target) for r in found.records] == alone
    assert len(alone) == 6  # Trados's and memoQ's confirmed ones, 2 each; the others' 1 each


def test_a_folders_lang_file_is_minecrafts_only_in_a_lang_folder(tmp_path: Path) -> None:
    """A folder run takes a .lang file for Minecraft's in assets/<modid>/lang/ only, with
    Minecraft's lines: a GtkSourceView language definition is passed over."""
    from ltmt.formats.folders import format_of

    mod = tmp_path / "assets" / "gemtools" / "lang" / "en_US.lang"
    specs = tmp_path / "language-specs" / "c.lang"
    xml = tmp_path / "lang" / "c.lang"
    for path, text in (
        (mod, "item.gemtools:ruby.name=Ruby\n"),
        (specs, "item.ruby=Ruby\n"),
        (xml, '<?xml version="1.0"?>\n<language id="c">\n</language>\n'),
    ):
        path.parent.mkdir(parents=True)
        path.write_text(text, "utf-8")
    assert getattr(format_of(mod, "document"), "name", None) == "mclang"
    assert format_of(specs, "document") is None
    assert format_of(xml, "read") is None


def test_electron_builders_messages_in_a_folder_are_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``qa`` and ``memory import`` of a folder stopped at its ``messages.yml`` (regression
    trial s72): it is left out as a file that holds no message file, the others read."""
    messages = "appRunning:\n  en: The app is running.\n  de: Die App läuft.\n"
    for lang, text in (("en", "Save"), ("de", "Speichern")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "main.yml").write_text(f"title: {text}\n", "utf-8")
        (tmp_path / lang / "messages.yml").write_text(messages, "utf-8")
    found = read_folder(tmp_path / "de", tmp_path / "en")
    assert [(r.source, r.target) for r in found.records] == [("Save", "Speichern")]
    assert [p.name for p in found.not_messages] == ["messages.yml"]
    assert caplog.messages == [
        f"{tmp_path / 'en' / 'messages.yml'}: holds each string in several languages below its "
        "name (en, de: electron-builder's messages.yml), which ltmt does not fill: translated, "
        "its other languages' values would be translated too: skipped"
    ]
