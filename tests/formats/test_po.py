"""The PO module: a catalog's declared language, the header a translated catalog gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import LanguageError
from ltmt.formats.po import PoLeftOut, ltmt_generator, read_po, write_po
from ltmt.segments import PairRecord

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n'
)


def catalog(tmp_path: Path, language: str) -> Path:
    """A catalog declaring ``language`` with one translated entry."""
    path = tmp_path / "de.po"
    entry = 'msgid "Open the file"\nmsgstr "Datei öffnen"\n'
    path.write_text(HEADER.format(language=language) + "\n" + entry, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("declared", "asked"),
    [
        ("de", "de_DE"),  # a bare language serves any region asked for (it was refused)
        ("de", "de-AT"),
        ("de_DE", "de"),
        ("de_DE", "deu"),
    ],
)
def test_a_declared_language_matches_a_code_saying_more_or_less(
    tmp_path: Path, declared: str, asked: str
) -> None:
    records = list(read_po(catalog(tmp_path, declared), tgt_lang=asked))
    assert [(r.source, r.target) for r in records] == [("Open the file", "Datei öffnen")]


def test_a_declared_region_is_not_another_region(tmp_path: Path) -> None:
    with pytest.raises(LanguageError, match="de_AT"):
        list(read_po(catalog(tmp_path, "de_AT"), tgt_lang="de_DE"))


def test_each_pair_has_its_msgid_line_as_msgfmt_names_it(tmp_path: Path) -> None:
    """A PO pair said no line (``ltmt qa --json``'s ``line`` was null): it is its entry's
    ``msgid`` line, after its comments and ``msgctxt``, for each form of a plural entry."""
    path = tmp_path / "de.po"
    path.write_text(
        HEADER.format(language="de")
        + '\n# a comment\n#, c-format\nmsgid "Open %s"\nmsgstr "%s öffnen"\n'  # 6-9
        + '\n#. dev\nmsgctxt "menu"\nmsgid ""\n"Save"\nmsgstr "Speichern"\n'  # 10-15
        + '\n#~ msgid "old"\n#~ msgstr "alt"\n'  # 16-18
        + '\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n'  # 19-22
        + 'msgstr[1] "%d Dateien"\n',
        encoding="utf-8",
    )
    records = list(read_po(path))
    assert [(r.source, r.line) for r in records] == [
        ("Open %s", 8),
        ("Save", 13),
        ("%d file", 20),
        ("%d files", 20),
    ]


def test_a_written_catalog_has_a_clean_header_that_names_ltmt(tmp_path: Path) -> None:
    """memory export wrote translate-toolkit's template header ("PACKAGE VERSION", "FULL NAME
    <EMAIL@ADDRESS>", "X-Generator: Translate Toolkit"), which msgfmt -c warns about."""
    import shutil
    import subprocess

    import ltmt
    from ltmt.formats.po import write_po
    from ltmt.segments import PairRecord

    out = tmp_path / "x.po"
    write_po(out, [PairRecord("Order", "Bestellen", "", {"context": "verb"})])
    text = out.read_text("utf-8")
    for default in ("PACKAGE VERSION", "YEAR-MO-DA", "FULL NAME", "LANGUAGE <LL@", "Toolkit"):
        assert default not in text
    assert f'"X-Generator: ltmt {ltmt.__version__}\\n"' in text
    assert '"Project-Id-Version: ltmt translation memory\\n"' in text
    if shutil.which("msgfmt"):
        checked = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(out)], capture_output=True, text=True
        )
        assert (checked.returncode, checked.stderr) == (0, "")


def test_obsolete_entries_are_counted_as_not_read(tmp_path: Path) -> None:
    """An import skipped a catalog's ``#~`` entries without a count: "1 added" of a file
    that held three translations."""
    from ltmt.formats.not_read import NotRead

    path = tmp_path / "de.po"
    path.write_text(
        HEADER.format(language="de")
        + '\nmsgid "Save"\nmsgstr "Speichern"\n'
        + '\n#~ msgid "old"\n#~ msgstr "alt"\n\n#~ msgid "older"\n#~ msgstr "älter"\n',
        encoding="utf-8",
    )
    not_read = NotRead()
    assert [r.source for r in read_po(path, not_read=not_read)] == ["Save"]
    assert not_read.by_reason() == {"obsolete": 2}


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ('"X-Generator: ltmt 0.1.0\\n"\n', "X-Generator: ltmt 0.1.0"),
        ('"X-Generator: Poedit 3.4\\n"\n', None),  # a reviewer saved it since
        ("", None),
    ],
)
def test_a_catalog_ltmt_filled_says_so_in_its_header(
    tmp_path: Path, header: str, said: str | None
) -> None:
    """A catalog filled with --no-fuzzy marks no entry: its X-Generator alone tells."""
    po = tmp_path / "de.po"
    po.write_text(
        f'msgid ""\nmsgstr ""\n"Language: de\\n"\n{header}\nmsgid "Save"\nmsgstr "Speichern"\n',
        "utf-8",
    )
    assert ltmt_generator(po) == said
    assert ltmt_generator(tmp_path / "missing.po") is None


def test_a_memory_export_is_no_catalog_ltmt_filled(tmp_path: Path) -> None:
    """A memory export names ltmt as its generator too: importing it (a backup, another
    machine) warned that ltmt filled translations in, which it had not."""
    from ltmt.formats.po import write_po
    from ltmt.segments import PairRecord

    out = tmp_path / "export.po"
    write_po(out, [PairRecord("Save", "Speichern", "", {})])
    assert ltmt_generator(out) is None


def test_a_catalog_ltmt_filled_marking_its_output_fuzzy_is_not_named(tmp_path: Path) -> None:
    """A catalog ltmt filled in the default mode marks its machine translation fuzzy, which an
    import does not read: its import warned of "unreviewed machine translation among them"."""
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"X-Generator: ltmt 0.1.0\\n"\n\n'
        'msgid "Save"\nmsgstr "Speichern"\n\n#, fuzzy\nmsgid "Open"\nmsgstr "Offen"\n',
        "utf-8",
    )
    assert ltmt_generator(po) is None


def test_an_s_msgid_is_stored_as_its_text_in_the_prefixs_context(tmp_path: Path) -> None:
    """s_("Menu|File") -> Datei is the pair File -> Datei of context Menu (session 69)."""
    path = tmp_path / "de.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: app/views/menu.rb:3\nmsgid "Menu|File"\nmsgstr "Datei"\n\n'
        '#: app/views/menu.rb:4\nmsgid "Yes | No"\nmsgstr "Ja | Nein"\n',
        "utf-8",
    )
    records = list(read_po(path))
    assert [(r.source, r.target, r.metadata.get("context")) for r in records] == [
        ("File", "Datei", "Menu"),
        ("Yes | No", "Ja | Nein", None),
    ]


@pytest.mark.parametrize("reference", ["", "#: src/dialog.c:12\n", "#: app/forms.py:3\n",
                                       "#: static/app.js:7\n"])  # fmt: skip
def test_an_ordinary_catalogs_pipes_are_stored_whole(tmp_path: Path, reference: str) -> None:
    """Regression trial regc, session 69: importing msgid "Yes|No" msgstr "Ja|Nein" stored
    No -> Ja|Nein of context Yes, so a later plain No got the exact match Ja|Nein; an entry
    that is not evidently ruby-gettext's s_() (no references, or not Ruby ones) stays whole."""
    pairs = [("Yes|No", "Ja|Nein"), ("Name|Type|Default", "Name|Typ|Standard"),
             ("Save|Ctrl+S", "Speichern|Strg+S"), ("Menu|File", "Datei")]  # fmt: skip
    entries = "".join(f'\n{reference}msgid "{s}"\nmsgstr "{t}"\n' for s, t in pairs)
    path = tmp_path / "de.po"
    path.write_text(HEADER.format(language="de") + entries, "utf-8")
    records = list(read_po(path))
    assert [(r.source, r.target, r.metadata.get("context")) for r in records] == [
        (s, t, None) for s, t in pairs
    ]


def test_translator_credits_and_file_references_are_counted_as_not_read(tmp_path: Path) -> None:
    """Trial session 71: old-de.po's translator-credits was read as a pair (skipped for its
    length ratio, then warned of as imported), and qa checked the names' years as numbers."""
    from ltmt.formats.not_read import NotRead

    path = tmp_path / "de.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        'msgctxt "_"\nmsgid "translator-credits"\nmsgstr "Mario <m@example.de>, 2019"\n\n'
        "msgctxt \"_\"\nmsgid \"external ref='figures/edit.png' md5='3b1f'\"\n"
        "msgstr \"external ref='figures/edit.png' md5='3b1f'\"\n\n"
        'msgctxt "NAME OF TRANSLATORS"\nmsgid "Your names"\nmsgstr ""\n\n'
        'msgid "Save"\nmsgstr "Speichern"\n',
        "utf-8",
    )
    not_read = NotRead()
    assert [r.source for r in read_po(path, not_read=not_read)] == ["Save"]
    assert not_read.by_reason() == {"translator credits or file references": 3}


@pytest.mark.parametrize(
    ("declared", "asked", "languages"),
    [("de_DE", "de", {"target": "de-DE"}), ("de", "de", None), ("de", "de_DE", None)],
)
def test_the_headers_region_is_kept_for_an_export(
    tmp_path: Path, declared: str, asked: str, languages: dict[str, str] | None
) -> None:
    """As an XLIFF file's (trial s72, defect 6): a memory export labels the pairs as declared."""
    records = list(read_po(catalog(tmp_path, declared), tgt_lang=asked))
    assert [r.metadata.get("tmx_languages") for r in records] == [languages]


def _form(source: str, target: str, context: str, plural: int) -> PairRecord:
    return PairRecord(source, target, "", {"context": context, "plural": plural})


def test_a_keyed_catalog_s_plural_is_one_entry_with_the_language_s_forms(tmp_path: Path) -> None:
    """Trial s74: Fluent's [one]/[other] forms (each its own source, no plural_of) were
    written as form 0 alone, with nplurals=1, and form 1 was called an orphan."""
    records = [
        _form("Close { $n } tab", "{ $n } Tab", "tabs", 0),  # an older source of the message
        _form("Close { $n } tab?", "{ $n } Tab schließen?", "tabs", 0),
        _form("Close { $n } tabs?", "{ $n } Tabs schließen?", "tabs", 1),
    ]
    left_out = PoLeftOut()
    path = tmp_path / "out.po"
    assert write_po(path, records, left_out=left_out) == 2
    assert (left_out.alternatives, left_out.orphans, left_out.other_forms) == (0, 0, 0)
    text = path.read_text("utf-8")
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert (
        'msgctxt "tabs"\nmsgid "Close { $n } tab?"\nmsgid_plural "Close { $n } tabs?"\n'
        'msgstr[0] "{ $n } Tab schließen?"\nmsgstr[1] "{ $n } Tabs schließen?"\n'
    ) in text
    back = [(r.source, r.target, r.metadata.get("plural")) for r in read_po(path)]
    assert back[-2:] == [
        ("Close { $n } tab?", "{ $n } Tab schließen?", 0),
        ("Close { $n } tabs?", "{ $n } Tabs schließen?", 1),
    ]


def test_a_keyed_plural_whose_forms_are_not_the_language_s_is_left_out_and_said(
    tmp_path: Path,
) -> None:
    records = [
        PairRecord("Save", "Speichern"),
        _form("No tabs", "Keine Tabs", "tabs", 0),  # Fluent's [0]
        _form("Close { $n } tab?", "{ $n } Tab schließen?", "tabs", 1),
        _form("Close { $n } tabs?", "{ $n } Tabs schließen?", "tabs", 2),
    ]
    left_out = PoLeftOut()
    path = tmp_path / "out.po"
    assert write_po(path, records, tgt_lang="de", left_out=left_out) == 1
    assert (left_out.alternatives, left_out.orphans, left_out.other_forms) == (0, 0, 3)
    assert left_out.summary(4, 1) == (
        "3 plural forms left out: their message has other forms than de's plural (one, other), "
        "such as a case of its own for 0"
    )
    text = path.read_text("utf-8")
    assert "Plural-Forms" not in text and "tabs" not in text


def test_qt_and_po_plurals_are_grouped_as_before(tmp_path: Path) -> None:
    """A Qt message's forms share one source in a context many messages share; a PO
    import's forms name their msgid: each is its own entry still, a form 0 alone too."""
    records = [
        _form("%n file(s)", "%n Datei", "Main", 0),
        _form("%n file(s)", "%n Dateien", "Main", 1),
        _form("%n dir(s)", "%n Ordner", "Main", 0),
        _form("%n dir(s)", "%n Ordner (mehrere)", "Main", 1),
        PairRecord("%d song", "%d Lied", "", {"plural": 0}),
        PairRecord("%d songs", "%d Lieder", "", {"plural": 1, "plural_of": "%d song"}),
        _form("You came %d.", "Du bist %d. geworden", "place", 0),  # an ordinal: one form
    ]
    left_out = PoLeftOut()
    path = tmp_path / "out.po"
    assert write_po(path, records, left_out=left_out) == 4
    assert (left_out.alternatives, left_out.orphans, left_out.other_forms) == (0, 0, 0)
    back = [(r.source, r.target, r.metadata.get("plural")) for r in read_po(path)]
    assert back == [  # msgid and msgid_plural one text: read per form, as translated
        ("%n file", "%n Datei", 0),
        ("%n files", "%n Dateien", 1),
        ("%n dir", "%n Ordner", 0),
        ("%n dirs", "%n Ordner (mehrere)", 1),
        ("%d song", "%d Lied", 0),
        ("%d songs", "%d Lieder", 1),
        ("You came %d.", "Du bist %d. geworden", 0),
    ]


def test_qt_messages_split_per_form_in_one_context_are_each_one_entry(tmp_path: Path) -> None:
    """Trial s76 (qt2 #3): a .ts import's forms (``%n file deleted.``, ``%n files deleted.``,
    no plural_of) in a context of two messages: the first message's form 1 went to the
    second, its msgid_plural repeated its msgid, its msgstr[1] was empty, and the summary
    spoke of an older translation."""
    records = [
        _form("%n file deleted.", "%n Datei gelöscht.", "MainWindow", 0),
        _form("%n files deleted.", "%n Dateien gelöscht.", "MainWindow", 1),
        _form("%n folder copied.", "%n Ordner kopiert.", "MainWindow", 0),
        _form("%n folders copied.", "%n Ordner kopiert.", "MainWindow", 1),
    ]
    left_out = PoLeftOut()
    path = tmp_path / "out.po"
    assert write_po(path, records, left_out=left_out) == 2
    assert (left_out.alternatives, left_out.orphans, left_out.other_forms) == (0, 0, 0)
    assert left_out.summary(4, 2) == "an entry holds every plural form of a message"
    text = path.read_text("utf-8")
    assert (
        'msgctxt "MainWindow"\nmsgid "%n file deleted."\nmsgid_plural "%n files deleted."\n'
        'msgstr[0] "%n Datei gelöscht."\nmsgstr[1] "%n Dateien gelöscht."\n'
    ) in text
    back = [(r.source, r.target, r.metadata.get("plural")) for r in read_po(path)]
    assert back == [(r.source, r.target, r.metadata["plural"]) for r in records]


def test_a_plural_form_translated_again_is_still_an_older_translation(tmp_path: Path) -> None:
    """Several messages in a context: a form given again (a reviewer's correction, the
    same source) replaces the older one of its own message, not another message's."""
    records = [
        _form("%n file deleted.", "%n Datei gelöscht.", "MainWindow", 0),
        _form("%n files deleted.", "%n Datei gelöscht.", "MainWindow", 1),
        _form("%n folder copied.", "%n Ordner kopiert.", "MainWindow", 0),
        _form("%n folders copied.", "%n Ordner kopiert.", "MainWindow", 1),
        _form("%n file deleted.", "%n Datei gelöscht.", "MainWindow", 0),
        _form("%n files deleted.", "%n Dateien gelöscht.", "MainWindow", 1),
    ]
    left_out = PoLeftOut()
    path = tmp_path / "out.po"
    assert write_po(path, records, left_out=left_out) == 2
    assert (left_out.alternatives, left_out.orphans, left_out.other_forms) == (2, 0, 0)
    text = path.read_text("utf-8")
    assert 'msgid_plural "%n files deleted."\nmsgstr[0] "%n Datei gelöscht."\n' in text
    assert 'msgstr[1] "%n Dateien gelöscht."\n' in text


def test_a_keyed_message_whose_singular_changed_keeps_its_plural(tmp_path: Path) -> None:
    """A keyed catalog's message whose singular alone changed: its form 1, stored once with
    the older singular, is the newest singular's still (one form 1 source in the context)."""
    records = [
        _form("Close { $n } tab", "{ $n } Tab schließen", "tabs", 0),
        _form("Close { $n } tabs?", "{ $n } Tabs schließen?", "tabs", 1),
        _form("Close { $n } tab?", "{ $n } Tab schließen?", "tabs", 0),
    ]
    path = tmp_path / "out.po"
    write_po(path, records)
    assert (
        'msgid "Close { $n } tab?"\nmsgid_plural "Close { $n } tabs?"\n'
        'msgstr[0] "{ $n } Tab schließen?"\nmsgstr[1] "{ $n } Tabs schließen?"\n'
    ) in path.read_text("utf-8")


def test_a_plural_whose_msgid_writes_both_forms_is_read_per_form(tmp_path: Path) -> None:
    """As it is translated (:mod:`ltmt.formats.plural_suffixes`): ``%d entry(ies)`` as
    msgid and msgid_plural is stored as ``%d entry`` and ``%d entries``."""
    path = tmp_path / "de.po"
    path.write_text(
        HEADER.format(language="de") + '\nmsgid "%d entry(ies)"\nmsgid_plural "%d entry(ies)"\n'
        'msgstr[0] "%d Eintrag"\nmsgstr[1] "%d Einträge"\n',
        encoding="utf-8",
    )
    records = list(read_po(path))
    assert [(r.source, r.target, r.metadata.get("plural_of")) for r in records] == [
        ("%d entry", "%d Eintrag", None),
        ("%d entries", "%d Einträge", "%d entry"),
    ]
