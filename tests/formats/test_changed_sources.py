"""Strings kept from an existing output whose source changed since: named from the memory."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt import Memory
from ltmt.formats import changed_sources
from ltmt.formats.changed_sources import (
    CHANGED_SOURCE,
    HELD_FOR_OTHER_SOURCE,
    OLDER_SOURCE,
    approved_for_other_sources,
    held_for_other_sources,
    held_left_out,
    recorded_for_older_sources,
    stale_names,
    unreviewed_left_out,
    written_unreviewed,
)
from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import COPIED_PAIRS, SAME_BYTES, Record, keyed_digest
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.segments import PairRecord


def test_an_edited_string_whose_source_changed_is_named_in_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A translator's edit whose English changed since was named twice: once by the record of
    the output (de.json), once by the memory (en.json, "had another source"); session 67."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"submit": "Submit the form"}), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(json.dumps({"submit": "Formular absenden"}), "utf-8")  # a translator's
    source.write_text(json.dumps({"submit": "Send the form"}), "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("Submit the form", "Formular absenden", {"context": "/submit"})])
        with caplog.at_level(logging.WARNING):
            translate_file(
                source,
                output,
                FakeModel(),
                output_sources=records,
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert [record.getMessage() for record in caplog.records] == [
        f"{output}: 1 translation that ltmt did not write (a translator's, or edited since), "
        "whose source changed since, kept as it is (/submit); check it (--overwrite "
        "translates every one again)"
    ]


def test_a_kept_translation_the_memory_holds_for_another_source_is_kept_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The memory alone is weak evidence (a translator may keep a German on purpose): such a
    string was translated again for a while, a reviewed German lost; it is kept and named."""
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"submit": "Send the form", "open": "Open"}), "utf-8")
    output.write_text(json.dumps({"submit": "Formular absenden", "open": "Öffnen"}), "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Submit the form", "Formular absenden", {"context": "/submit"}),  # the old one
                ("Open", "Öffnen", {"context": "/open"}),
            ],
        )
        with caplog.at_level(logging.WARNING):
            result = translate_file(
                source,
                output,
                FakeModel(),
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert (
        f"{source}: 1 string kept from {output} (/submit) had another source when translated, "
        "as the memory holds them: check them (--overwrite translates every string again)"
    ) in caplog.text
    assert caplog.text.count("/submit") == 1  # said once
    assert json.loads(output.read_text("utf-8"))["submit"] == "Formular absenden"  # still kept
    assert result.report.source_changed == 0


@pytest.mark.parametrize(
    ("key_pass_max", "named"),
    [(100_000, "2 strings kept from {output} (/confirm_delete, /upload_failed)"),
     (6, "1 string kept from {output} (/upload_failed)")],
)  # fmt: skip
def test_every_kept_string_whose_keys_pair_has_another_source_is_named(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    key_pass_max: int,
    named: str,
) -> None:
    """Trial rl2, session 71 (a CI checkout, no record): of two strings whose English changed
    since their reviewed German, only upload_failed was named; confirm_delete's English was
    rewritten, and its key's pair was no best match of today's source (three other keys'
    pairs came first). Both are named: a key's pairs are looked at whatever their source, in
    a memory of at most KEY_PASS_MAX segments (this one has 7); a larger one is not read
    whole each run, and its rewritten strings are found by their best matches alone."""
    monkeypatch.setattr(changed_sources, "KEY_PASS_MAX", key_pass_max)
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    english = {
        "confirm_delete": "Delete this album? Photos in it stay in your library.",
        "upload_failed": "Upload failed. Check your Wi-Fi or mobile data and try again.",
        "settings": "Settings",
    }
    german = {
        "confirm_delete": "Möchtest du dieses Album wirklich löschen?",
        "upload_failed": "Upload fehlgeschlagen. Prüfen Sie Ihre Verbindung.",
        "settings": "Einstellungen",
    }
    source.write_text(json.dumps(english), "utf-8")
    output.write_text(json.dumps(german), "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                (
                    "Are you sure you want to delete this album? This can't be undone.",
                    german["confirm_delete"],
                    {"context": "/confirm_delete"},
                ),
                (
                    "Upload failed. Check your connection and try again.",
                    german["upload_failed"],
                    {"context": "/upload_failed"},
                ),
                ("Settings", "Einstellungen", {"context": "/settings"}),
                ("Tap to sync your library", "Tippen", {"context": "/sync"}),
                ("Tap to sync your library with iCloud", "Tippen", {"context": "/sync2"}),
                ("Delete this album", "Album löschen", {"context": "/delete"}),
                ("Your photos stay in your library.", "Fotos bleiben", {"context": "/stay"}),
            ],
        )
        found = memory.search_batch("u", [english["confirm_delete"]], k=3)[0]
        assert all(match.segment.metadata.get("context") != "/confirm_delete" for match in found)
        with caplog.at_level(logging.WARNING):
            translate_file(
                source,
                output,
                FakeModel(),
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert (
        f"{source}: {named.format(output=output)} had another "
        "source when translated, as the memory holds them: check them (--overwrite translates "
        "every string again)"
    ) in caplog.text
    assert json.loads(output.read_text("utf-8")) == german  # kept


def test_strings_of_another_project_under_the_same_keys_are_kept_and_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A regression trial: one user's memory holds project A's ``title``, ``button.ok`` and
    ``description``; project B's German, translated by hand, has the same texts for other
    English under those keys. They were translated again (``"ok": "Okay"`` over a reviewed
    ``OK``); they are kept, named in a warning, and only B's new string is translated."""
    project_a = {"title": "Home", "button": {"ok": "OK"}, "description": "Manage your files"}
    german = {
        "title": "Startseite",
        "button": {"ok": "OK"},
        "description": "Verwalten Sie Ihre Dateien",
    }
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "en.json").write_text(json.dumps(project_a), "utf-8")
    (tmp_path / "a" / "de.json").write_text(json.dumps(german), "utf-8")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(
        json.dumps(
            {
                "title": "Start page",
                "button": {"ok": "Okay"},
                "description": "Manage your documents",
                "footer": "Contact",
            }
        ),
        "utf-8",
    )
    output.write_text(json.dumps(german), "utf-8")
    with Memory(tmp_path / "store") as memory:
        pairs = read_translations(
            tmp_path / "a" / "de.json", source_file=tmp_path / "a" / "en.json"
        )
        memory.import_pairs("m", pairs)
        with caplog.at_level(logging.WARNING):
            result = translate_file(
                source,
                output,
                FakeModel(),
                changed_sources=partial(approved_for_other_sources, memory, "m"),
            )
    assert json.loads(output.read_text("utf-8")) == {**german, "footer": "CONTACT"}
    assert "3 strings kept from" in caplog.text and "check them" in caplog.text
    assert result.report.source_changed == 0 and result.report.translated_before == 3


DOCUMENTS = {  # a document of two blocks, its first's source "{}": kept by their places
    "page.html": "<html><body>\n<p>{}</p>\n<p>Click Save to apply your changes.</p>\n</body></html>\n",
    "film.srt": "1\n00:00:01,000 --> 00:00:03,000\n{}\n\n"
    "2\n00:00:05,000 --> 00:00:07,000\nClick Save to apply your changes.\n",
    "film.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n{}\n\n"
    "00:00:05.000 --> 00:00:07.000\nClick Save to apply your changes.\n",
    "readme.md": "{}\n\nClick Save to apply your changes.\n",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_document_block_the_memory_holds_for_another_source_is_translated_again(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Without a record of the output (a fresh cache, a CI run), the memory tells that a block
    kept by its place translates the source it had before an edit: it was kept, stale, for
    pages and subtitles while Markdown translated it again; every document does so now."""
    source, output = tmp_path / name, tmp_path / f"de-{name}"
    first = DOCUMENTS[name].format("SyncBridge uploads changes every 5 minutes.")
    source.write_text(first, "utf-8")
    translate_file(source, output, FakeModel())
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", read_translations(output, source_file=source))
        source.write_text(first.replace("every 5 minutes", "every 15 minutes"), "utf-8")
        model = FakeModel()
        with caplog.at_level(logging.INFO):
            result = translate_file(
                source,
                output,
                model,
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert model.seen == ["SyncBridge uploads changes every 15 minutes."]
    assert "EVERY 15 MINUTES" in output.read_text("utf-8")
    assert "1 translation of" in caplog.text and "translated again" in caplog.text
    assert (result.report.source_changed, result.report.translated_before) == (1, 1)


def test_held_for_other_sources_names_the_pairs_the_memory_holds_for_another_source(
    tmp_path: Path,
) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Save", "Speichern", {"context": "/save"}),
                ("Open", "Öffnen", {"context": "/open"}),
            ],
        )
        records = [
            PairRecord("Save file", "Speichern", metadata={"context": "/save"}),  # kept
            PairRecord("Open", "Öffnen", metadata={"context": "/open"}),
            PairRecord("Save file", "Speichern"),  # no name: a block paired by its place
        ]
        assert held_for_other_sources(memory, "u", records) == ["/save"]


def test_pairs_ltmt_wrote_for_an_older_source_are_unpaired_by_the_record() -> None:
    """The record of what ltmt wrote into the target file is strong evidence: such a pair is
    skipped by an import (``target of an older source``); one written for its source, or
    never written by ltmt (a hand translation), is a pair."""
    key = b"k" * 32
    record = Record.of(
        [(Unit("/save", "Save"), "Speichern"), (Unit("/open", "Open"), "Öffnen")], key
    )
    records = [
        PairRecord("Save file", "Speichern"),  # written for "Save"
        PairRecord("Open", "Öffnen"),
        PairRecord("Close", "Schließen"),  # not ltmt's
    ]
    found = recorded_for_older_sources(record, records)
    assert [pair.unpaired for pair in found] == [OLDER_SOURCE, "", ""]


# a PO catalog ltmt wrote (its record by entry number), then reviewed: the plural set to
# the singular's German, as German has it (Moodle's modulename / modulenameplural)
QUIZ_PO = Record.of(
    [
        (Unit("1", "Quiz master"), "Master"),
        (Unit("2", "Quiz masters"), "Seitenmaster"),
        (Unit("3", "Save"), "Speichern"),
    ],
    b"k" * 32,
    marked={"1", "2", "3"},
)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        (  # as reviewed: the plural's German is the reviewer's, not an older source's
            [
                PairRecord("Quiz master", "Master", "de.po: entry 1"),
                PairRecord("Quiz masters", "Master", "de.po: entry 2"),
            ],
            ["", ""],
        ),
        (  # entries moved by an update (msgmerge): found by their msgid
            [
                PairRecord("New string", "Neu", "de.po: entry 1"),
                PairRecord("Quiz master", "Master", "de.po: entry 2"),
                PairRecord("Quiz masters", "Master", "de.po: entry 3"),
            ],
            ["", "", ""],
        ),
        (  # a msgid changed since, its German ltmt's of the old one: skipped, as before
            [PairRecord("Save as", "Speichern", "de.po: entry 3")],
            [OLDER_SOURCE],
        ),
        (  # a msgid added since, another entry's German: theirs to share
            [
                PairRecord("Quiz master", "Master", "de.po: entry 1"),
                PairRecord("Quiz master plugin", "Master", "de.po: entry 4"),
            ],
            ["", ""],
        ),
    ],
)
def test_a_po_entry_is_judged_by_the_place_of_its_msgid(
    records: list[PairRecord], expected: list[str]
) -> None:
    """Session 72 (Moodle): ``Quiz masters`` → ``Master``, a reviewer's edit equal to ltmt's
    German of the entry before, was skipped as "target of an older source"."""
    found = recorded_for_older_sources(QUIZ_PO, records, by_place=False)
    assert [pair.unpaired for pair in found] == expected


def test_entries_sharing_a_context_are_judged_each_by_its_own_source() -> None:
    """Qt trial s76: a .ts message's context is its class, which its neighbours share; the one
    whose source changed, ltmt's German of the old one, had every message of its class
    skipped as "target of an older source" by an import (and named so by ``ltmt qa``)."""
    record = Record.of(
        [(Unit("0", "Back up daily."), "Täglich sichern."), (Unit("1", "Restore"), "Laden")],
        b"k" * 32,
    )
    records = [
        PairRecord("Never back up.", "Täglich sichern.", "de.ts: message 1", {"context": "Backup"}),
        PairRecord("Restore it", "Wiederherstellen", "de.ts: message 2", {"context": "Backup"}),
        PairRecord("Restore", "Laden", "de.ts: message 3", {"context": "Backup"}),
    ]
    found = recorded_for_older_sources(record, records, by_place=False)
    assert [pair.unpaired for pair in found] == [OLDER_SOURCE, "", ""]


QT_KEPT = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Importer</name>
    <message>
        <source>Open it</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""
JED_KEPT = (
    '{"locale_data":{"messages":{"":{"domain":"messages","lang":"de_DE"},'
    '"Importer\\u0004Open it":["Öffnen"],"Close":[""]}}}'
)


@pytest.mark.parametrize(("name", "content"), [("app_de.ts", QT_KEPT), ("a-de_DE.json", JED_KEPT)])
def test_a_qt_or_jed_file_is_not_marked_by_the_memorys_word(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, content: str
) -> None:
    """Their tools mark a changed source (lupdate a Qt message unfinished; a Jed file is made
    from a PO catalog that msgmerge marks): the memory is not asked, as before they held their
    translations for the record of what ltmt wrote (no "the memory holds the translation of
    1 string ... the file has no review mark", which a Qt file has)."""
    path = tmp_path / name
    path.write_text(content, "utf-8")
    out = path if name.endswith(".ts") else tmp_path / "out.json"
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("Open", "Öffnen", {"context": "Importer"})])
        with caplog.at_level(logging.WARNING):
            translate_file(
                path,
                out,
                FakeModel(),
                tgt_lang="de",
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert [record.getMessage() for record in caplog.records] == []
    assert "Öffnen" in out.read_text("utf-8")


def test_a_named_pair_is_judged_by_its_own_name() -> None:
    """A keyed catalog's string whose German is another key's machine translation, its own
    English unchanged, is stored; one whose English changed since is still skipped."""
    record = Record.of(
        [(Unit("/singular", "Quiz master"), "Master"), (Unit("/plural", "Quiz masters"), "Quiz")],
        b"k" * 32,
    )
    records = [
        PairRecord("Quiz master", "Master", metadata={"context": "/singular"}),
        PairRecord("Quiz masters", "Master", metadata={"context": "/plural"}),
        PairRecord("Quiz masters", "Master"),  # no name: by its target, as before
    ]
    found = recorded_for_older_sources(record, records)
    assert [pair.unpaired for pair in found] == ["", "", OLDER_SOURCE]
    changed = [PairRecord("Quiz master!", "Master", metadata={"context": "/singular"})]
    assert recorded_for_older_sources(record, changed)[0].unpaired == OLDER_SOURCE


def test_a_translators_pair_whose_source_changed_since_is_unpaired_by_the_record() -> None:
    """A Shopify trial imported de.json after the English changed ("Close" → "Close dialog"):
    a translator's "Zumachen" for the old English was stored for the new one. The record says
    ltmt last wrote that key for another source: the pair is skipped, counted as
    ``whose source changed since they were translated``; one of an unchanged source is a pair."""
    key = b"k" * 32
    record = Record.of([(Unit("/close", "Close"), None), (Unit("/open", "Open"), None)], key)
    records = [
        PairRecord("Close dialog", "Zumachen", metadata={"context": "/close"}),
        PairRecord("Open", "Aufmachen", metadata={"context": "/open"}),
        PairRecord("Close dialog", "Zumachen"),  # no name: not found in the record
    ]
    found = recorded_for_older_sources(record, records)
    assert [pair.unpaired for pair in found] == [CHANGED_SOURCE, "", ""]
    assert CHANGED_SOURCE == "whose source changed since they were translated"


def test_pairs_ltmt_wrote_for_their_own_source_are_named_by_the_record() -> None:
    """``memory import`` of ltmt's own raw output stored it as approved without a word."""
    key = b"k" * 32
    record = Record.of(
        [(Unit("/save", "Save"), "Speichern"), (Unit("/open", "Open"), "Öffnen")], key
    )
    records = [
        PairRecord("Save", "Speichern", metadata={"context": "/save"}),  # ltmt's, unchanged
        PairRecord("Open", "Ordner öffnen", metadata={"context": "/open"}),  # edited since
        PairRecord("Close", "Schließen", metadata={"context": "/close"}),  # not ltmt's
        PairRecord("Save", "Speichern"),  # no name: its place, from 1
        PairRecord("Save", "Speichern", unpaired="fuzzy"),  # not imported
    ]
    assert written_unreviewed(record, records) == ["/save", "4"]


@pytest.mark.parametrize(
    ("position", "named"),
    [
        ("strings.de.xlsx: UI!B5", "UI!B5"),  # a session-67 trial's warning said "(1, 2, 3, ...)"
        ("out/q.xlsx: 'Q1 sales'!A2 and 2 more cells", "'Q1 sales'!A2 and 2 more cells"),
        ("de.po: entry 4", "entry 4"),  # its place as qa names it (a PO's line where read)
        ("notes.de.txt:1", "line 1"),
        # a session-68 trial (Jekyll): "(1, 2, 3, ...)" read as memory ids
        ("de/_posts/x.md: block3", "block3"),
        ("", "1"),  # no place: its number in the file
    ],
)
def test_a_pair_ltmt_wrote_is_named_by_its_place_as_qa_names_it(position: str, named: str) -> None:
    record = Record.of([(Unit("0", "Save"), "Speichern")], b"k" * 32)
    records = [PairRecord("Save", "Speichern", position)]
    assert written_unreviewed(record, records) == [named]


def test_a_plural_form_ltmt_wrote_is_named_by_its_form() -> None:
    """A .stringsdict import's warning said '(files.count#files, files.count#files)': the
    forms share their key's context (Lokalise trial, session 70)."""
    record = Record.of(
        [(Unit("0", "%d file"), "%d Datei"), (Unit("1", "%d files"), "%d Dateien")], b"k" * 32
    )
    records = [
        PairRecord(source, target, f"de.stringsdict: files.count#files#{form}", metadata=meta)
        for source, target, form, meta in [
            ("%d file", "%d Datei", "one", {"context": "files.count#files", "plural": 0}),
            ("%d files", "%d Dateien", "other", {"context": "files.count#files", "plural": 1}),
        ]
    ]
    assert written_unreviewed(record, records) == [
        "files.count#files#one",
        "files.count#files#other",
    ]


# an Android resource's pairs as its reader gives them: each at its line, an array's items and
# a plural's forms under their string's name, each with its own key in the record
ANDROID_PAIRS = [
    PairRecord(
        "Low", "Niedrig", "de.xml: prio[0]", {"context": "prio"}, line=5, record_key="prio[0]"
    ),
    PairRecord(
        "Minor", "Mittel", "de.xml: prio[1]", {"context": "prio"}, line=6, record_key="prio[1]"
    ),
    PairRecord(
        "Ends today",
        "Noch ein Tag",
        "de.xml: days_left#one",
        {"context": "days_left", "plural": 0},
        line=9,
        record_key="days_left#one",
    ),
]


def test_an_array_item_or_a_plural_form_is_judged_by_its_own_key() -> None:
    """Trial s75: ``memory import --reviewed-only`` stored a reviewer's ``Mittel`` (of
    ``Normal``) for ``Minor`` and ``Noch ein Tag`` (of ``One day left``) for ``Ends today``:
    the record was looked up by the string's name, which it does not hold. Now by the item's
    and the form's own key: those two are left out and named so; ``prio[0]`` is a pair."""
    record = Record.of(
        [
            (Unit("prio[0]", "Low"), None),  # a reviewer's, each
            (Unit("prio[1]", "Normal"), None),
            (Unit("days_left#one", "One day left"), None),
        ],
        b"k" * 32,
    )
    found = recorded_for_older_sources(record, ANDROID_PAIRS)
    assert [pair.unpaired for pair in found] == ["", CHANGED_SOURCE, CHANGED_SOURCE]
    assert stale_names(found) == {CHANGED_SOURCE: ["prio[1]", "days_left#one"]}


def test_ltmts_array_item_for_an_older_source_leaves_the_others_pairs() -> None:
    """Looked up by the array's name, one item ltmt wrote for an older English had every item
    skipped as ``target of an older source``, its unchanged ones too."""
    record = Record.of(
        [
            (Unit("prio[0]", "Low"), "Niedrig"),
            (Unit("prio[1]", "Normal"), "Mittel"),
            (Unit("days_left#one", "Ends today"), "Noch ein Tag"),
        ],
        b"k" * 32,
    )
    found = recorded_for_older_sources(record, ANDROID_PAIRS)
    assert [pair.unpaired for pair in found] == ["", OLDER_SOURCE, ""]
    assert written_unreviewed(record, found) == ["prio[0]", "days_left#one"]


def test_only_a_pair_of_the_same_context_and_translation_tells(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Delete photo", "Foto löschen", {"context": "delete"}),
                ("Delete photos", "Foto löschen", {"context": "other"}),  # another string's
                ("Rename album", "Album umbenennen", {"context": "rename"}),
            ],
        )
        kept = [
            (Unit("delete", "Delete album", context="delete"), "Foto löschen"),
            (Unit("rename", "Rename album", context="rename"), "Album umbenennen"),
            (Unit("other", "Delete photos", context="other"), "Fotos löschen"),  # edited since
        ]
        assert approved_for_other_sources(memory, "u", kept) == ["delete"]
        assert approved_for_other_sources(memory, "u", []) == []


def test_another_units_translation_word_for_word_tells(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Install the package first.", "Zuerst das Paket installieren."),
                ("OK", "OK"),
                ("Okay", "OK"),  # two sources, one translation: approved for both
                # nearer to "Thanks to all who helped." than the moved block's source
                ("Thanks to all who helped us.", "Danke allen, die uns halfen."),
                ("Thanks to all who tested.", "Danke allen, die testeten."),
                ("Thanks to everyone who helped.", "Danke allen Helfern."),
            ],
        )
        kept = [
            # kept by their places after a block was inserted before them: each keeps the
            # translation of the block that stood there, this one's source far from its own
            (Unit("1", "Thanks to all who helped."), "Zuerst das Paket installieren."),
            (Unit("2", "Install the package first."), "Danke allen Helfern."),
            (Unit("3", "Okay"), "OK"),
            (Unit("4", "OK"), "OK"),
        ]
        # 2's kept translation is of no source the file's units find among their matches
        assert approved_for_other_sources(memory, "u", kept) == ["1"]


def test_a_translation_two_units_keep_is_theirs_to_share(tmp_path: Path) -> None:
    """Subtitle cues ``All right.`` and ``Okay.``, both reviewed as ``Alles klar.``: the memory
    holding the translation for the first was taken for the second's source changed, and its
    cue was translated again (a reviewer's German lost)."""
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("All right.", "Alles klar."), ("All right!", "Alles klar!")])
        kept = [
            (Unit("1", "All right."), "Alles klar."),
            (Unit("2", "Okay."), "Alles klar."),
            (Unit("3", "All right!"), "Alles klar!"),
            (Unit("4", "Alright!"), "Alles klar!"),
        ]
        assert approved_for_other_sources(memory, "u", kept) == []


def test_a_csv_tables_string_the_memory_holds_for_another_source_is_named_by_its_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A CSV table has no review mark: the warning said "1 string translate another source ...
    (1) ... marked for review", the row's number for its key, and named a row that ltmt
    translated again in the same run. A row the record names as of a changed source is named
    once, by its key, with the narrow way to have it translated again (trial s73: twice, once
    as ``(2)``, and the advice was --overwrite, which translates every reviewed row again)."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    path = tmp_path / "strings.csv"
    path.write_text("Key,English(en),German(de)\nmenu.load,Load Game,\nplay,Play,\n", "utf-8")
    translate_file(path, path, FakeModel(), src_lang="en", tgt_lang="de", output_sources=records)
    path.write_text(  # a reviewer's German for load; both sources changed since
        "Key,English(en),German(de)\nmenu.load,Load Saved Game,Spiel laden\nplay,Play now,PLAY\n",
        "utf-8",
    )
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Load Game", "Spiel laden", {"context": "menu.load"}),
                ("Play", "PLAY", {"context": "play"}),
            ],
        )
        with caplog.at_level(logging.WARNING):
            translate_file(
                path,
                path,
                FakeModel(),
                src_lang="en",
                tgt_lang="de",
                changed_sources=partial(approved_for_other_sources, memory, "u"),
                output_sources=records,
            )
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: 1 translation that ltmt did not write (a translator's, or edited since), "
        "whose source changed since, kept as it is (menu.load); check it, or empty its cell to "
        "have ltmt translate it again"
    ]
    assert path.read_text("utf-8") == (
        "Key,English(en),German(de)\nmenu.load,Load Saved Game,Spiel laden\nplay,Play now,PLAY NOW\n"
    )


@pytest.mark.parametrize(
    ("table", "named"),
    [
        ("Key,en,de\nmenu.load,Load Game,Spiel laden\n", "menu.load"),
        ("en,de\nLoad Game,Spiel laden\n", "line 2"),  # no key column: its line
    ],
)
def test_a_csv_tables_string_only_the_memory_holds_for_another_source_is_named_by_its_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, table: str, named: str
) -> None:
    """Without a record saying so, the memory's word names the row: by its key cell, else its
    line (not its number among the rows, ``(1)``), with the narrow way to translate it again."""
    path = tmp_path / "strings.csv"
    path.write_text(table.replace("Load Game", "Load Saved Game"), "utf-8")
    with Memory(tmp_path / "store") as memory:
        context = {"context": "menu.load"} if named == "menu.load" else {}
        memory.import_pairs("u", [("Load Game", "Spiel laden", context)])
        with caplog.at_level(logging.WARNING):
            translate_file(
                path,
                path,
                FakeModel(),
                src_lang="en",
                tgt_lang="de",
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: the memory holds the translation of 1 string ({named}) for another source: "
        "the source changed since, or the translation was kept on purpose; kept as written (the "
        "file has no review mark): check it, or empty its cell to have ltmt translate it again"
    ]


def test_a_translators_german_of_changed_english_is_named_on_every_run_until_edited(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s72: the warning came once; the next run, qa and the CI log said nothing more,
    though memory import still skipped the pair."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"notFound": "The note could not be found."}), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(json.dumps({"notFound": "Die Notiz wurde nicht gefunden."}), "utf-8")
    source.write_text(json.dumps({"notFound": "The note was moved or deleted."}), "utf-8")
    warning = (
        f"{output}: 1 translation that ltmt did not write (a translator's, or edited since), "
        "whose source changed since, kept as it is (/notFound); check it (--overwrite "
        "translates every one again)"
    )
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            translate_file(source, output, FakeModel(), output_sources=records)
        assert [record.getMessage() for record in caplog.records] == [warning]
    output.write_text(json.dumps({"notFound": "Die Notiz wurde verschoben."}), "utf-8")
    for _ in range(2):  # edited for the new English: checked, no more warnings
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            translate_file(source, output, FakeModel(), output_sources=records)
        assert caplog.records == []
    assert json.loads(output.read_text("utf-8")) == {"notFound": "Die Notiz wurde verschoben."}


XLIFF_12 = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
    '<file original="cart.tpl" source-language="en" target-language="de" datatype="plaintext">\n'
    "<body>\n"
    '<trans-unit id="879f">\n'
    "<source>Your shopping cart is empty.</source>\n"
    "<target{state}>Ihr Warenkorb ist leer.</target>\n"
    "</trans-unit>\n"
    "</body></file></xliff>\n"
)


def _translate_with_cart_kept_for_another_source(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str
) -> tuple[Path, Path]:
    """Write ``text`` as ``name`` and translate it to ``out.<name>``, warnings captured, with a
    memory that holds ``Ihr Warenkorb ist leer.`` for ``Your cart is empty.`` (keyed ``cart``
    and unkeyed): the file's ``Your shopping cart is empty.`` is a source changed since."""
    path, out = tmp_path / name, tmp_path / f"out.{name}"
    path, out = tmp_path / name, tmp_path / f"out.{name}"
    path.write_text(text, "utf-8")
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Your cart is empty.", "Ihr Warenkorb ist leer.", {"context": "cart"}),
                ("Your cart is empty.", "Ihr Warenkorb ist leer.", {}),
            ],
        )
        with caplog.at_level(logging.WARNING):
            translate_file(
                path,
                out,
                FakeModel(),
                src_lang="en",
                tgt_lang="de",
                changed_sources=partial(approved_for_other_sources, memory, "u"),
            )
    return path, out


@pytest.mark.parametrize(
    ("name", "text", "named", "written"),
    [
        # a PrestaShop catalog's unit has no state: filled back as it was, it was kept unmarked
        # as the translator's, and named by its place among the units, "(0)" (trial s73)
        (
            "shop.xlf",
            XLIFF_12.format(state=""),
            "line 6",
            '<target state="needs-review-translation">Ihr Warenkorb ist leer.</target>',
        ),
        # a memory match's qualifier said how it matched the older source: dropped
        (
            "shop.xlf",
            XLIFF_12.format(state=' state="translated" state-qualifier="exact-match"'),
            "line 6",
            '<target state="needs-review-translation">Ihr Warenkorb ist leer.</target>',
        ),
        (
            "app.xlf",
            '<?xml version="1.0"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
            'trgLang="de"><file id="f">\n<unit id="cart"><segment state="translated">\n'
            "<source>Your shopping cart is empty.</source>\n"
            "<target>Ihr Warenkorb ist leer.</target></segment></unit></file></xliff>\n",
            "line 4",
            '<segment state="translated" subState="ltmt:source-changed">',
        ),
        # a PO entry is flagged as msgmerge flags one whose msgid changed
        (
            "de.po",
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Language: de\\n"\n\n'
            'msgctxt "cart"\nmsgid "Your shopping cart is empty."\n'
            'msgstr "Ihr Warenkorb ist leer."\n',
            "cart",
            '#, fuzzy\nmsgctxt "cart"\n',
        ),
    ],
)
def test_a_kept_translation_the_memory_holds_for_another_source_is_marked_for_review(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str, named: str, written: str
) -> None:
    """Trial s73: the warning said "marked for review", but an XLIFF unit without a state, a
    ``translated`` one, a 2.0 segment and a PO entry were all written back unmarked; the warning
    repeated on every run. Each is marked as its tools read a mark, its text kept, and an XLIFF
    unit is named by its line, as ``ltmt qa`` names it."""
    path, out = _translate_with_cart_kept_for_another_source(tmp_path, caplog, name, text)
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: the memory holds the translation of 1 string ({named}) for another source: "
        "the source changed since, or the translation was kept on purpose; marked for review "
        "(--overwrite translates every string again)"
    ]
    assert written in out.read_text("utf-8")
    assert "Ihr Warenkorb ist leer." in out.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        # a reviewer's sign-off is kept: the memory alone is weak evidence
        (
            "shop.xlf",
            XLIFF_12.format(state=' state="final"'),
            "(line 6) for another source: the source changed since, or the translation was "
            "kept on purpose; kept as a reviewer signed off: check",
        ),
        # a file of pairs without a review state said "marked for review" and marked nothing
        (
            "pairs.json",
            json.dumps(
                {
                    "sourceLanguage": "en",
                    "targetLanguage": "de",
                    "resources": {
                        "ns": {
                            "cart": {
                                "source": "Your shopping cart is empty.",
                                "target": "Ihr Warenkorb ist leer.",
                            }
                        }
                    },
                }
            ),
            "(cart) for another source: the source changed since, or the translation was kept "
            "on purpose; kept as written (the file has no review mark): check",
        ),
    ],
)
def test_a_kept_translation_left_unmarked_is_said_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, text: str, said: str
) -> None:
    """A translation kept for another source that is not marked (a reviewer signed it off, or
    the file has no review mark) is said to be kept, and the file is written unchanged."""
    path, out = _translate_with_cart_kept_for_another_source(tmp_path, caplog, name, text)
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: the memory holds the translation of 1 string {said} (--overwrite translates "
        "every string again)"
    ]
    assert not out.exists() or out.read_bytes() == path.read_bytes()


def test_a_pair_the_memory_holds_for_another_source_of_its_key_is_left_out(
    tmp_path: Path,
) -> None:
    """``memory import --reviewed-only`` of a CSV table stored ``Quit to Desktop → Spiel
    beenden``, the memory's German of ``Quit Game`` under the same key (trial s73); a pair of
    its own source, one without a key and one not asked about (``among``) stay pairs."""
    records = [
        PairRecord("Quit to Desktop", "Spiel beenden", "ui.csv:2", {"context": "menu.quit"}),
        PairRecord("Quit Game", "Spiel beenden", "ui.csv:3", {"context": "menu.exit"}),
        PairRecord("Quit to Desktop", "Spiel beenden", "ui.csv:4"),
        PairRecord("Quit to Desktop", "Spiel beenden", "x.po:5", {"context": "menu.quit"}),
    ]
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs("u", [("Quit Game", "Spiel beenden", {"context": "menu.quit"})])
        found = held_left_out(memory, "u", records, lambda pair: "csv" in pair.position)
    assert [pair.unpaired for pair in found] == [HELD_FOR_OTHER_SOURCE, "", "", ""]
    assert stale_names(found) == {HELD_FOR_OTHER_SOURCE: ["menu.quit"]}


def test_stale_pairs_are_named_by_key_else_place_and_by_file() -> None:
    records = [
        PairRecord("A", "B", "ui.csv:2", {"context": "menu.quit"}, unpaired=CHANGED_SOURCE),
        PairRecord("A", "B", "ui.csv:3", unpaired=CHANGED_SOURCE),
        PairRecord("A", "B", "x.csv:4", {"context": "k"}, CHANGED_SOURCE, origin="de/x.csv"),
        PairRecord("A", "B", "ui.csv:5", unpaired=OLDER_SOURCE),  # ltmt's: not named
    ]
    assert stale_names(records) == {CHANGED_SOURCE: ["menu.quit", "line 3", "de/x.csv: k"]}


@pytest.mark.parametrize(
    ("source", "left_out"),
    [
        ("Project overview", changed_sources.UNREVIEWED),  # ltmt's, for its source
        ("Overview of all projects", changed_sources.OLDER_SOURCE),  # for an older one
    ],
)
def test_an_import_knows_ltmts_translation_from_an_earlier_run_at_that_path(
    source: str, left_out: str
) -> None:
    """Trial s73 (ghbot): after another branch's run at the same path, ``--reviewed-only``
    stored ltmt's German of the branch's older English as approved for the new one."""
    earlier = Record.of([(Unit("/overview", "Project overview"), "Protokollübersicht")], b"k")
    record = Record.of([(Unit("/overview", "Overview"), "Übersicht")], b"k")
    record = record.with_history(earlier.own_pairs())
    pairs = [PairRecord(source, "Protokollübersicht", metadata={"context": "/overview"})]
    judged = unreviewed_left_out(record, recorded_for_older_sources(record, pairs))
    assert [pair.unpaired for pair in judged] == [left_out]


# a release branch's approved pair (Trial s75), and the record of main's file of its bytes,
# written when main's English had changed: how that record kept the German there
_KEY = b"k" * 32
_RELEASE = ("Sync receipts over Wi-Fi only", "Belege nur über WLAN synchronisieren")
_MAIN = "Sync receipts and photos over Wi-Fi only"
_KEPT = {
    # kept without a record (main's first run): nobody knows which English it was for
    "unknown": Record.of([(Unit("/sync", _MAIN), _RELEASE[1])], _KEY, unknown={"/sync"}),
    # a translator's, put there for main's English
    "others": Record.of([(Unit("/sync", _MAIN), None)], _KEY),
    # a translator's, kept for an older English than main's: the release's, or another
    "release": Record.of(
        [(Unit("/sync", _MAIN), None)],
        _KEY,
        unchecked={"/sync": (keyed_digest(_KEY, _RELEASE[0]), _RELEASE[1])},
    ),
    "older": Record.of(
        [(Unit("/sync", _MAIN), None)],
        _KEY,
        unchecked={"/sync": (keyed_digest(_KEY, "Sync"), _RELEASE[1])},
    ),
}


@pytest.mark.parametrize(
    ("kept", "found_elsewhere", "changed"),
    [
        ("unknown", "", True),  # the file's own record: its English changed since ltmt's run
        ("unknown", SAME_BYTES, False),  # trial s75: main's record is no evidence for release
        ("unknown", COPIED_PAIRS, False),
        ("others", "", True),
        ("others", SAME_BYTES, True),  # a checkout elsewhere: the text was put there for main's
        ("others", COPIED_PAIRS, False),  # a copy's place holds another text
        ("release", "", False),  # kept for the very English the file has now
        ("release", SAME_BYTES, False),
        ("older", "", True),
        ("older", SAME_BYTES, True),
        ("older", COPIED_PAIRS, True),  # the record holds this very text for another English
    ],
)
def test_a_translators_pair_is_of_a_changed_source_only_where_the_record_tells(
    kept: str, found_elsewhere: str, changed: bool
) -> None:
    """Trial s75: release/Strings.de.resx (an approved, unchanged pair) has the bytes of
    main's copy of it, which a translate run kept after main's English changed; its import
    left the pair out as "whose source changed since it was translated" by main's record."""
    record = replace(_KEPT[kept], found_elsewhere=found_elsewhere)
    pairs = [PairRecord(*_RELEASE, metadata={"context": "/sync"})]
    found = recorded_for_older_sources(record, pairs)
    assert [pair.unpaired for pair in found] == [CHANGED_SOURCE if changed else ""]
