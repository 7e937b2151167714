"""TMX, PO, XLIFF and CSV tables as memory files: round trips, language checks, and every bad-file message."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from ltmt.errors import InputError, LanguageError
from ltmt.formats.csv_table import read_csv_table, write_csv_table
from ltmt.formats.not_read import NotRead
from ltmt.formats.po import PoLeftOut, read_po, write_po
from ltmt.formats.tmx import read_tmx, write_tmx
from ltmt.formats.xliff import read_xliff, write_xliff
from ltmt.formats.xliff2 import write_xliff2
from ltmt.segments import PairRecord

DATA = Path(__file__).parent / "data"

TRICKY = [
    "a < b & c > d",
    "say \"hi\" and 'bye'",
    'MIRA: "Stay close to the fire, traveller."',  # (a CSV reader that guessed quotes cut it)
    "%s and %1$d and %%",
    "first line\nsecond line",
    "Grüße \u2013 日本語 \u2013 ñ",
    "  leading and trailing  ",
    "<b>bold</b> &amp; entity",
    "tab\there",
    "back\\slash",
    "{0} of {name}",
]

Reader = Callable[..., Iterator[PairRecord]]
Writer = Callable[..., int]
FORMATS: list[tuple[str, Writer, Reader]] = [
    ("tmx", write_tmx, read_tmx),
    ("po", write_po, read_po),
    ("xlf", write_xliff, read_xliff),
    ("csv", write_csv_table, read_csv_table),
]


def _records(texts: Iterable[str]) -> list[PairRecord]:
    return [
        PairRecord(text, f"DE {text}", metadata={"id": f"u{i}", "context": f"ctx{i}"})
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(("ext", "write", "read"), FORMATS)
def test_round_trip_keeps_tricky_strings(
    tmp_path: Path, ext: str, write: Writer, read: Reader
) -> None:
    path = tmp_path / f"memory.{ext}"
    records = _records(TRICKY)
    assert write(path, records, src_lang="en", tgt_lang="de") == len(records)
    back = list(read(path, src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target) for r in back] == [(r.source, r.target) for r in records]
    assert all(r.position.startswith(str(path)) for r in back)


def test_tmx_round_trip_through_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tmx

    path = tmp_path / "memory.tmx"
    write_tmx(path, _records(TRICKY))
    store = tmx.tmxfile.parsefile(str(path))
    assert [(u.source, u.target) for u in store.units] == [(t, f"DE {t}") for t in TRICKY]
    header = next(store.document.getroot().iterchildren(store.namespaced("header")))
    assert (header.get("creationtool"), header.get("srclang")) == ("ltmt", "en")
    assert header.get("o-tmf") == "ltmt"  # a memory format, not the file's encoding (UTF-8)


def test_tmx_metadata_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    write_tmx(path, [PairRecord("a", "b", metadata={"id": "7", "note": "n", "domain": "it"})])
    [record] = read_tmx(path)
    assert record.metadata == {"id": "7", "note": "n", "domain": "it"}


def test_po_keeps_context(tmp_path: Path) -> None:
    path = tmp_path / "memory.po"
    write_po(path, _records(["Save", "Open"]))
    assert [r.metadata for r in read_po(path)] == [{"context": "ctx0"}, {"context": "ctx1"}]


@pytest.mark.parametrize(("write", "kind"), [(write_tmx, "TMX"), (write_xliff, "XLIFF")])
def test_write_skips_control_characters_and_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, write: Writer, kind: str
) -> None:
    records = [
        PairRecord("bell\x07", "x", position="segment 1"),
        PairRecord("ok", "gut", position="segment 2"),
        PairRecord("form\x0cfeed", "y", position="segment 3"),
    ]
    assert write(tmp_path / "m", records) == 1
    assert [r.getMessage() for r in caplog.records] == [
        f"2 pairs hold control characters, which XML cannot carry, and were not written to "
        f"{kind} (segment 1, segment 3); .jsonl keeps them"
    ]


@pytest.mark.parametrize(
    ("write", "kind"), [(write_tmx, "TMX"), (write_xliff, "XLIFF"), (write_xliff2, "XLIFF")]
)
@pytest.mark.parametrize("metadata", [{"note": "bell\x07"}, {"id": "\x1b1"}, {"x\x0c": "v"}])
def test_write_skips_control_characters_in_metadata_before_writing(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    write: Writer,
    kind: str,
    metadata: dict[str, str],
) -> None:
    records = [
        PairRecord("ok", "gut", position="segment 1"),
        PairRecord("Save", "Speichern", position="segment 2", metadata=metadata),
    ]
    assert write(tmp_path / "m", records) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "1 pair holds control characters, which XML cannot carry, and was not written to "
        f"{kind} (segment 2); .jsonl keeps them"
    ]


def test_tmx_picks_the_pair_from_many_languages() -> None:
    records = list(read_tmx(DATA / "multi.tmx", src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target) for r in records] == [
        ("Hello <b>world</b> %s", "Hallo <b>Welt</b> %s"),
        ("Save", "Speichern"),
    ]
    assert records[0].metadata == {
        "id": "7",
        "note": "a note",
        "domain": "it",
        "tmx_languages": {"source": "en-US", "target": "de-DE"},  # as the file declares them
    }
    french = list(read_tmx(DATA / "multi.tmx", src_lang="fr", tgt_lang="en"))
    assert [r.source for r in french] == ["Bonjour le monde", "Seulement français"]


def test_tmx_language_mismatch() -> None:
    with pytest.raises(
        InputError,
        match=r"the file has no it text \(its languages: .*en-US.*\); pass --src-lang/--tgt-lang",
    ):
        list(read_tmx(DATA / "multi.tmx", src_lang="en", tgt_lang="it"))


def test_po_reads_translated_entries_only(caplog: pytest.LogCaptureFixture) -> None:
    records = list(read_po(DATA / "demo.po"))
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    # the fuzzy translation left out is said (an import's counts would not show it)
    assert [r.getMessage() for r in caplog.records] == [
        f"{DATA / 'demo.po'}: 1 fuzzy entry not read (a fuzzy translation is not reviewed)"
    ]
    with_fuzzy = list(read_po(DATA / "demo.po", include_fuzzy=True))
    assert ("Close", "Schließen") in [(r.source, r.target) for r in with_fuzzy]


@pytest.mark.parametrize(
    ("read", "include_fuzzy", "counts"),
    [
        (read_po, False, {"fuzzy": 1, "obsolete": 1, "untranslated": 4}),
        (read_po, True, {"obsolete": 1, "untranslated": 4}),
        (
            read_xliff,
            False,
            {"awaiting review": 1, 'marked translate="no"': 1, "untranslated": 2},
        ),
    ],
)
def test_the_entries_left_out_are_counted_for_the_caller_instead_of_said(
    caplog: pytest.LogCaptureFixture,
    read: Reader,
    include_fuzzy: bool,
    counts: dict[str, int],
) -> None:
    """An import said "1 added, 0 skipped" of demo.po: its fuzzy entry stood in a warning
    alone, its four untranslated ones nowhere."""
    path = DATA / ("demo.po" if read is read_po else "demo12.xlf")
    not_read = NotRead()
    assert list(read(path, include_fuzzy=include_fuzzy, not_read=not_read))
    assert (not_read.by_reason(), caplog.records) == (counts, [])


def test_po_comments_for_translators_are_a_note_written_back(tmp_path: Path) -> None:
    source = tmp_path / "notes.po"
    source.write_text(
        "#. shown in the status bar\n# checked by Anna\n#: src/status.c:5\n"
        'msgid "Open"\nmsgstr "Öffnen"\n',
        "utf-8",
    )
    [record] = read_po(source)
    assert record.metadata["note"] == "checked by Anna\nshown in the status bar"
    write_po(tmp_path / "back.po", [record])
    back = (tmp_path / "back.po").read_text("utf-8")
    assert '#. checked by Anna\n#. shown in the status bar\nmsgid "Open"' in back
    assert [r.metadata for r in read_po(tmp_path / "back.po")] == [record.metadata]


def test_po_plural_gives_a_pair_per_form(tmp_path: Path) -> None:
    path = tmp_path / "plural.po"
    path.write_text(
        'msgctxt "files"\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "%d Datei"\nmsgstr[1] "%d Dateien"\n',
        "utf-8",
    )
    records = list(read_po(path))
    assert [(r.source, r.target, r.metadata["plural"]) for r in records] == [
        ("%d file", "%d Datei", 0),
        ("%d files", "%d Dateien", 1),
    ]
    assert records[0].metadata["context"] == "files"


def test_a_plural_entry_survives_a_round_trip_through_tmx(tmp_path: Path) -> None:
    """PO → TMX → PO gives the entry back whole, not ``%d files`` as an entry of its own."""
    source = tmp_path / "plural.po"
    source.write_text(
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\nmsgstr[1] "%d Dateien"\n',
        "utf-8",
    )
    write_tmx(tmp_path / "plural.tmx", read_po(source))
    records = list(read_tmx(tmp_path / "plural.tmx"))
    assert [r.metadata.get("plural") for r in records] == [0, 1]
    write_po(tmp_path / "back.po", records)
    back = (tmp_path / "back.po").read_text("utf-8")
    assert 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n' in back


def test_a_plural_entry_its_flags_and_notes_survive_a_round_trip_through_xliff(
    tmp_path: Path,
) -> None:
    """PO → XLIFF (a memory export) → PO gives the plural entry back whole, not ``%d files``
    as an entry of its own; a record's note comes back too."""
    source = tmp_path / "plural.po"
    source.write_text(
        '#, c-format\nmsgctxt "status"\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "%d Datei"\nmsgstr[1] "%d Dateien"\n',
        "utf-8",
    )
    write_xliff(tmp_path / "plural.xlf", read_po(source))
    # each unit's context group has a name of its own, as XLIFF 1.2's schema wants
    names = re.findall(r'<context-group name="([^"]+)"', (tmp_path / "plural.xlf").read_text())
    assert len(names) == 2 and len(set(names)) == 2
    records = list(read_xliff(tmp_path / "plural.xlf"))
    assert [(r.metadata.get("plural"), r.metadata.get("plural_of")) for r in records] == [
        (0, None),
        (1, "%d file"),
    ]
    assert {(r.metadata.get("context"), r.metadata.get("flags")) for r in records} == {
        ("status", "c-format")
    }
    write_po(tmp_path / "back.po", records)
    back = (tmp_path / "back.po").read_text("utf-8")
    assert 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n' in back
    assert "#, c-format" in back
    write_xliff(tmp_path / "note.xlf", [PairRecord("Open", "Öffnen", "", {"note": "a menu"})])
    [back_record] = read_xliff(tmp_path / "note.xlf")
    assert back_record.metadata.get("note") == "a menu"


def test_po_language_mismatch() -> None:
    expected = (
        r"demo.po: its Language header says de and its translations read as German \(de\), not "
        r"en->fr; to read it as en->de, pass --tgt-lang de; else give the fr catalog$"
    )
    with pytest.raises(LanguageError, match=expected):
        list(read_po(DATA / "demo.po", src_lang="en", tgt_lang="fr"))


GERMAN_UNDER_AN_ENGLISH_HEADER = (
    'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Open the file"\nmsgstr "Datei öffnen"\n\n'
    'msgid "Close the window and save your changes"\n'
    'msgstr "Fenster schließen und Änderungen speichern"\n\n'
    'msgid "Show all commits of the current branch"\n'
    'msgstr "Alle Commits des aktuellen Zweigs anzeigen"\n'
)


def test_a_wrong_po_language_header_is_named_with_what_the_translations_read_as(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lang-en.po"
    path.write_text(GERMAN_UNDER_AN_ENGLISH_HEADER, "utf-8")
    expected = (
        r"lang-en.po: its Language header says en, but its translations read as German \(de\), "
        r'not en->de; fix its header to "Language: de", or import it as en->de anyway with '
        r"--no-language-check$"
    )
    with pytest.raises(LanguageError, match=expected):
        list(read_po(path))


def test_a_wrong_po_language_header_is_read_as_the_pair_asked_when_told(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "lang-en.po"
    path.write_text(GERMAN_UNDER_AN_ENGLISH_HEADER, "utf-8")
    records = list(read_po(path, check_declared=False))
    assert [r.target for r in records] == [
        "Datei öffnen",
        "Fenster schließen und Änderungen speichern",
        "Alle Commits des aktuellen Zweigs anzeigen",
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: its Language header says en; read as en->de pairs, as asked"
    ]


def test_xliff_languages_are_read_as_the_pair_asked_when_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    records = list(read_xliff(DATA / "demo12.xlf", tgt_lang="fr", check_declared=False))
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert caplog.records[0].getMessage() == (
        f"{DATA / 'demo12.xlf'}: the file's target language is de-DE; read as en->fr pairs, "
        "as asked"
    )


def test_an_xcode_new_target_is_counted_needing_translation_and_not_final_ones_read(
    tmp_path: Path,
) -> None:
    """Xcode's ``new`` target is a copy of the source; it was counted as "not final" with the
    units under review, though ``translated`` ones, not final either, are read."""
    xliff = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="L.xcstrings" source-language="en" target-language="de"><body>'
        '<trans-unit id="a"><source>Hello</source><target state="translated">Hallo</target>'
        '</trans-unit><trans-unit id="b"><source>Bye</source>'
        '<target state="needs-review-translation">Tschüss</target></trans-unit>'
        '<trans-unit id="c"><source>Quit</source><target state="new">Quit</target></trans-unit>'
        "</body></file></xliff>"
    )
    path = tmp_path / "de.xliff"
    path.write_text(xliff, "utf-8")
    not_read = NotRead()
    assert [r.target for r in read_xliff(path, not_read=not_read)] == ["Hallo"]
    assert not_read.by_reason() == {"awaiting review": 1, "needing translation": 1}


def test_xliff12_reads_finished_units(caplog: pytest.LogCaptureFixture) -> None:
    records = list(read_xliff(DATA / "demo12.xlf", src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert records[0].metadata == {
        "id": "done",
        "state": "translated",
        "tmx_languages": {"source": "en-US", "target": "de-DE"},  # the file's, for an export
    }
    # the unit under review is said; the empty new one is not
    assert [r.getMessage() for r in caplog.records] == [
        f"{DATA / 'demo12.xlf'}: 1 unit with a target not read (its state says it awaits review or translation)"
    ]
    reviewed = list(read_xliff(DATA / "demo12.xlf", include_fuzzy=True))
    assert ("Close", "Schließen") in [(r.source, r.target) for r in reviewed]


def test_xliff12_segmented_units_are_read_segment_by_segment(tmp_path: Path) -> None:
    path = tmp_path / "seg.xlf"
    path.write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en" target-language="de" datatype="plaintext" original="a">'
        '<body><trans-unit id="a"><source>Open it. Close it.</source><seg-source>'
        '<mrk mid="0" mtype="seg">Open it.</mrk> <mrk mid="1" mtype="seg">Close it.</mrk>'
        '</seg-source><target state="translated"><mrk mid="0" mtype="seg">Öffnen.</mrk> '
        '<mrk mid="1" mtype="seg">Schließen.</mrk></target></trans-unit></body></file></xliff>',
        "utf-8",
    )
    records = list(read_xliff(path))
    assert [(r.source, r.target, r.metadata["id"]) for r in records] == [
        ("Open it.", "Öffnen.", "a/0"),
        ("Close it.", "Schließen.", "a/1"),
    ]


def test_trados_and_memoq_statuses_decide_what_is_imported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trados (per segment, sdl:seg conf) and memoQ (mq:status) keep their own statuses, not
    the XLIFF state: a draft, a rejected translation or a memoQ segment partly edited was
    learnt."""
    trados = list(read_xliff(DATA / "trados.sdlxliff"))
    assert [(r.source, r.target, r.metadata["state"]) for r in trados] == [
        ("Open the lid.", "Öffnen Sie den Deckel.", "translated"),
        ("Save.", "Speichern.", "final"),
    ]
    memoq = list(read_xliff(DATA / "memoq.mqxliff"))
    assert [(r.source, r.metadata["state"]) for r in memoq] == [
        ("Settings", "translated"),
        ("Help", "final"),
    ]
    assert "2 units with a target not read" in caplog.text  # the draft, the rejected one
    assert "1 unit with a target not read" in caplog.text  # the one partly edited
    # unreviewed work is read when asked for; a rejected translation never is
    fuzzy = read_xliff(DATA / "trados.sdlxliff", include_fuzzy=True)
    assert [r.source for r in fuzzy] == ["Open the lid.", "Press Start.", "Save."]
    fuzzy = read_xliff(DATA / "memoq.mqxliff", include_fuzzy=True)
    assert [r.source for r in fuzzy] == ["Settings", "Keep it dry and cool.", "Help"]


def test_xliff20_reads_segments() -> None:
    [record] = read_xliff(DATA / "demo20.xlf")
    assert (record.source, record.target, record.metadata["id"]) == ("Save", "Speichern", "u2")


PO2XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="app.po" source-language="en-US" datatype="plaintext">
    <body>
      <trans-unit xml:space="preserve" id="1" restype="x-gettext-domain-header">
        <source>Content-Type: text/plain; charset=UTF-8
</source>
        <target state="translated">Content-Type: text/plain; charset=UTF-8
</target>
      </trans-unit>
      <trans-unit xml:space="preserve" id="2" approved="yes">
        <source>Open</source>
        <target state="translated">Öffnen</target>
        <context-group name="po-entry" purpose="information">
          <context context-type="x-po-msgctxt">menu</context>
        </context-group>
      </trans-unit>
      <trans-unit id="3" resname="dialog.title">
        <source>Open</source>
        <target state="translated">Öffnen</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_gettext_header_skipped_and_contexts_read(tmp_path: Path) -> None:
    path = tmp_path / "app.xlf"
    path.write_text(PO2XLIFF, encoding="utf-8")
    records = list(read_xliff(path))
    assert [(r.source, r.metadata.get("context")) for r in records] == [
        ("Open", "menu"),
        ("Open", "dialog.title"),
    ]


def test_xliff20_unit_name_is_its_context(tmp_path: Path) -> None:
    path = tmp_path / "app.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"'
        ' trgLang="de"><file id="f"><unit id="u1" name="menu.open"><segment state="final">'
        "<source>Open</source><target>Öffnen</target></segment></unit></file></xliff>",
        encoding="utf-8",
    )
    [record] = read_xliff(path)
    assert record.metadata["context"] == "menu.open"


def test_xliff_context_round_trips(tmp_path: Path) -> None:
    records = [
        PairRecord("Open", "Öffnen", "", {"context": "menu"}),
        PairRecord("Open", "Öffne", "", {}),
    ]
    assert write_xliff(tmp_path / "m.xlf", records) == 2
    back = list(read_xliff(tmp_path / "m.xlf"))
    assert [(r.target, r.metadata.get("context")) for r in back] == [
        ("Öffnen", "menu"),
        ("Öffne", None),
    ]


def test_xliff_language_mismatch() -> None:
    with pytest.raises(InputError, match=r"the file's target language is de-DE, not fr; pass"):
        list(read_xliff(DATA / "demo12.xlf", src_lang="en", tgt_lang="fr"))


def test_xliff_of_memoq_with_three_letter_language_codes_is_read(tmp_path: Path) -> None:
    """memoQ declares ``eng`` → ``ger``: they were refused as other languages than en → de."""
    path = tmp_path / "leaflet.mqxliff"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="leaflet.docx" source-language="eng" target-language="ger" '
        'datatype="unknown"><body><trans-unit id="1"><source>Take one tablet.</source>'
        '<target state="translated">Nehmen Sie eine Tablette.</target></trans-unit>'
        "</body></file></xliff>",
        "utf-8",
    )
    assert [(r.source, r.target) for r in read_xliff(path)] == [
        ("Take one tablet.", "Nehmen Sie eine Tablette.")
    ]
    with pytest.raises(LanguageError, match=r"the file's target language is ger, not fr;"):
        list(read_xliff(path, tgt_lang="fr"))


def test_xliff_language_mismatch_names_the_file_element_and_lists_one_side(
    tmp_path: Path,
) -> None:
    """Of two <file>s en-US->de-DE and fr-FR->de-DE, the message listed "de-DE, fr-FR": not the
    English one, the German target as if it were wrong, and not which <file> is."""
    path = tmp_path / "two.xlf"
    path.write_bytes((DATA / "two-languages.xlf").read_bytes())
    expected = (
        r"two.xlf: the file's source languages are en-US, fr-FR "
        r'\(<file original="fr/ui.json"> '
        r"is in fr-FR\), not en; pass --src-lang/--tgt-lang to choose the pair$"
    )
    with pytest.raises(LanguageError, match=expected) as caught:
        list(read_xliff(path))
    assert caught.value.found == ("en-US", "fr-FR")


BAD_FILES = [
    # (file name, bytes, reader, message pattern)
    ("empty.tmx", b"", read_tmx, r"empty.tmx: empty file; expected a TMX file"),
    ("blank.po", b"\n  \n", read_po, r"blank.po: empty file; expected a PO file"),
    ("empty.xlf", b"", read_xliff, r"empty.xlf: empty file; expected an XLIFF file"),
    (
        "cut.tmx",
        b'<?xml version="1.0"?>\n<tmx version="1.4">\n<body><tu>',
        read_tmx,
        r"cut.tmx:3:\d+: not well-formed TMX: Premature end of data",
    ),
    (
        "cut.xlf",
        b'<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>\n',
        read_xliff,
        r"cut.xlf:4:\d+: not well-formed XLIFF: Opening and ending tag mismatch",
    ),
    (
        "text.tmx",
        b"hello world\n",
        read_tmx,
        r"text.tmx:1:1: not well-formed TMX: Start tag expected",
    ),
    ("html.tmx", b"<html><body/></html>", read_tmx, r"html.tmx: not a TMX file"),
    (
        "html.xlf",
        b"<html><body/></html>",
        read_xliff,
        r"html.xlf: not an XLIFF file \(root element is <html>\)",
    ),
    (
        "latin1.tmx",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><body><tu>'
        b'<tuv xml:lang="en"><seg>caf\xe9</seg></tuv></tu></body></tmx>',
        read_tmx,
        r"latin1.tmx:2:\d+: not well-formed TMX: .*(encoding|UTF-8)",
    ),
    (
        "syntax.po",
        b'msgid "a"\nmsgstr "b"\n\nmsgid "unterminated\nmsgstr "x"\n',
        read_po,
        r"syntax.po: invalid PO file: end-of-line within string on line 4",
    ),
    (
        "garbage.po",
        b"hello world\n",
        read_po,
        r"garbage.po: invalid PO file: Syntax error on line 1",
    ),
    (
        "latin1.po",
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "caf\xe9"\nmsgstr "x"\n',
        read_po,
        r"latin1.po:5:11: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: fix its declared "
        r"encoding, or convert it: iconv -f CP1252 -t UTF-8 \S*latin1\.po > \S*latin1-utf8\.po$",
    ),
    (
        "undeclared.po",
        b'msgid "caf\xe9"\nmsgstr "x"\n',
        read_po,
        r"undeclared.po:1:11: byte 0xe9 is not valid UTF-8; it looks like Windows-1252: convert it: ",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "read", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_bad_files_give_one_line_input_errors(
    tmp_path: Path, name: str, data: bytes, read: Reader, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        list(read(path))
    assert "\n" not in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("read", [read_tmx, read_po, read_xliff])
def test_missing_file(tmp_path: Path, read: Reader) -> None:
    with pytest.raises(InputError, match=r"nothing\.\w+: file not found"):
        list(read(tmp_path / f"nothing.{read.__name__[5:]}"))


def test_latin1_po_that_says_so_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "latin1.po"
    path.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        b'msgid "cafe"\nmsgstr "caf\xe9"\n'
    )
    assert [(r.source, r.target) for r in read_po(path)] == [("cafe", "café")]


def test_po_round_trip_keeps_every_plural_form_context_and_flags(tmp_path: Path) -> None:
    """A Polish catalog (3 forms) read as memory records and written back is the same catalog."""
    source = tmp_path / "filled.po"
    source.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: pl\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 1);\\n"\n\n'
        '#, c-format\nmsgctxt "files"\nmsgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "%d plik"\nmsgstr[1] "%d pliki"\nmsgstr[2] "%d plików"\n\n'
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "Otwórz"\n',
        "utf-8",
    )
    records = list(read_po(source, tgt_lang="pl"))
    assert [(r.source, r.target, r.metadata.get("plural")) for r in records] == [
        ("%d file", "%d plik", 0),
        ("%d files", "%d pliki", 1),
        ("%d files", "%d plików", 2),
        ("Open", "Otwórz", None),
    ]
    assert records[2].metadata == {
        "context": "files",
        "flags": "c-format",
        "plural": 2,
        "plural_of": "%d file",
    }
    out = tmp_path / "out.po"
    assert write_po(out, records, tgt_lang="pl") == 2
    again = list(read_po(out, tgt_lang="pl"))
    key = lambda r: (r.source, r.target, sorted(r.metadata.items()))  # noqa: E731
    assert sorted(map(key, again)) == sorted(map(key, records))
    assert "nplurals=3" in out.read_text("utf-8") and "#, c-format" in out.read_text("utf-8")


def test_xliff20_machine_output_awaiting_review_is_not_imported(tmp_path: Path) -> None:
    """XLIFF 2.0 has no review state: ltmt's subState mark keeps unreviewed machine output out
    of a memory import, as 1.2's needs-review states and PO's fuzzy flag do."""
    from ltmt.formats.pipeline import translate_file

    source = tmp_path / "in.xlf"
    source.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        'trgLang="de"><file id="f"><unit id="u"><segment><source>Open</source></segment>'
        "</unit></file></xliff>",
        "utf-8",
    )
    translate_file(source, tmp_path / "mt.xlf", lambda texts, prefer: ["Öffnen"] * len(texts))
    assert list(read_xliff(tmp_path / "mt.xlf")) == []
    assert [r.target for r in read_xliff(tmp_path / "mt.xlf", include_fuzzy=True)] == ["Öffnen"]
    translate_file(
        source, tmp_path / "final.xlf", lambda t, p: ["Öffnen"] * len(t), mark_fuzzy=False
    )
    assert [r.target for r in read_xliff(tmp_path / "final.xlf")] == ["Öffnen"]


def test_xliff_export_keeps_each_units_state_and_approval(tmp_path: Path) -> None:
    # a signed-off or final unit read from a translator's file is not written back as merely
    # "translated"; a 2.0 "reviewed" becomes 1.2's signed-off; approval survives TMX too
    source = tmp_path / "in.xlf"
    source.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a"'
        ' source-language="en" target-language="de" datatype="plaintext"><body>'
        '<trans-unit id="a" approved="yes"><source>Save</source>'
        '<target state="signed-off">Speichern</target></trans-unit>'
        '<trans-unit id="b"><source>Open</source><target state="final">Öffnen</target></trans-unit>'
        '<trans-unit id="c"><source>Close</source><target>Schließen</target></trans-unit>'
        "</body></file></xliff>",
        "utf-8",
    )
    records = list(read_xliff(source))
    records.append(PairRecord("Quit", "Beenden", "", {"state": "reviewed"}))
    write_tmx(tmp_path / "via.tmx", records)
    write_xliff(tmp_path / "out.xlf", read_tmx(tmp_path / "via.tmx"))
    back = read_xliff(tmp_path / "out.xlf")
    assert [(r.source, r.metadata.get("state"), r.metadata.get("approved")) for r in back] == [
        ("Save", "signed-off", "yes"),
        ("Open", "final", None),
        ("Close", "translated", None),
        ("Quit", "signed-off", None),
    ]


def test_a_po_catalog_holds_the_last_translation_of_a_message_and_counts_what_it_left_out(
    tmp_path: Path,
) -> None:
    """A memory's export (oldest first) kept the first, superseded translation."""
    plural = {"plural": 1, "plural_of": "%d file"}
    records = [
        PairRecord("Save", "Speichern", "", {}),
        PairRecord("%d file", "%d Datei", "", {"plural": 0}),
        PairRecord("%d files", "%d Dateien", "", plural),
        PairRecord("Save", "Sichern", "", {"note": "newer"}),
        PairRecord("%d files", "%d Dateien (neu)", "", plural),
        PairRecord("%d dirs", "%d Ordner", "", {"plural": 1, "plural_of": "%d dir"}),
    ]
    left_out = PoLeftOut()
    assert write_po(tmp_path / "out.po", records, left_out=left_out) == 2
    assert (left_out.alternatives, left_out.orphans) == (2, 1)
    back = {(r.source, r.metadata.get("plural")): r for r in read_po(tmp_path / "out.po")}
    assert {key: r.target for key, r in back.items()} == {
        ("Save", None): "Sichern",
        ("%d file", 0): "%d Datei",
        ("%d files", 1): "%d Dateien (neu)",
    }
    assert back[("Save", None)].metadata["note"] == "newer"
    assert left_out.summary(6, 2) == (
        "an entry holds every plural form of a message; 2 older translations of a message left "
        "out: an entry holds the newest, which translations reuse; 1 plural form left out: the "
        "singular (form 0) of its message is deleted"
    )
