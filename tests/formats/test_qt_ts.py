"""Qt Linguist .ts files: empty translations filled, plurals by numerus form, Qt's tools read them."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, LanguageError
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.formats.qt_ts import TsDocument, form_source, read_ts

DATA = Path(__file__).parent / "data"
QT_TOOLS = all(shutil.which(tool) for tool in ("lupdate", "lrelease", "lconvert"))


def test_units_and_what_is_pending() -> None:
    document = open_document(DATA / "app_de.ts", src_lang="en", tgt_lang="de")
    assert [(u.key, u.source, u.context, u.entry, u.form) for u in document.units()] == [
        ("0", "&Open...", "MainWindow", "", 0),
        ("1", "Save", "MainWindow\nverb, on the toolbar", "", 0),  # the disambiguation too
        ("2#0", "%n file deleted", "MainWindow", "2", 0),  # English's singular...
        ("2#1", "%n files deleted", "MainWindow", "2", 1),  # ...and plural
        ("4", "Copied %1 of %2", "MainWindow", "", 0),  # 3 is vanished
    ]
    # translated (finished or not) messages are kept
    assert [u.key for u in document.pending()] == ["0", "2#0", "2#1"]
    assert len(document.pending(overwrite=True)) == 5


@pytest.mark.parametrize(
    ("source", "form", "count", "expected"),
    [
        ("%n file(s) deleted", 0, 2, "%n file deleted"),
        ("%n file(s) deleted", 1, 2, "%n files deleted"),
        ("%n match(es)", 0, 3, "%n match"),
        ("%n match(es)", 2, 3, "%n matches"),
        ("%n file(s)", 0, 1, "%n files"),  # a language of one form reads the plural
        ("%n item(s) (see (s) below)", 0, 2, "%n item (see (s) below)"),
        # trial s76 (qt2 #7): the other suffixes were left to the model, which kept them
        ("%n director(y|ies) scanned", 0, 2, "%n directory scanned"),
        ("%n director(y|ies) scanned", 1, 2, "%n directories scanned"),
        ("%n entry(ies) removed", 0, 2, "%n entry removed"),
        ("%n entry(ies) removed", 1, 2, "%n entries removed"),
        ("%n entr(ies) removed", 1, 2, "%n entries removed"),
        ("%n child(ren)", 0, 2, "%n child"),
        ("%n child(ren)", 1, 2, "%n children"),
    ],
)
def test_a_plural_form_translates_the_singular_or_the_plural(
    source: str, form: int, count: int, expected: str
) -> None:
    assert form_source(source, form, count) == expected


def test_a_message_lconvert_made_of_one_source_reads_its_plural_as_a_plural() -> None:
    """lconvert writes a .ts message's one source as its msgid_plural too."""
    assert form_source("%n entry(ies)", 1, 2, "%n entry(ies)") == "%n entries"
    assert form_source("%n entry(ies)", 1, 2, "%n entries") == "%n entries"


def test_filled_translations_are_unfinished_and_plurals_written_whole(tmp_path: Path) -> None:
    document = TsDocument.open(DATA / "app_de.ts")
    document.fill({"0": "&Öffnen...", "2#0": "%n Datei gelöscht"})
    out = tmp_path / "out.ts"
    document.save(out)
    text = out.read_text("utf-8")
    assert '<translation type="unfinished">&amp;Öffnen...</translation>' in text
    assert "<numerusform>%n Datei gelöscht</numerusform>" not in text  # one form of two
    document.fill({"2#1": "%n Dateien gelöscht"}, mark_fuzzy=False)
    document.save(out)
    text = out.read_text("utf-8")
    assert (  # still to review: its first form came to be
        '        <translation type="unfinished">\n'
        "            <numerusform>%n Datei gelöscht</numerusform>\n"
        "            <numerusform>%n Dateien gelöscht</numerusform>\n"
        "        </translation>"
    ) in text
    assert '<translation type="vanished">Alter Text</translation>' in text  # kept as it was


def test_memory_import_reads_the_finished_translations(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        records = list(read_ts(DATA / "app_de.ts", "en", "de"))
    assert [(r.source, r.target, r.metadata) for r in records] == [
        (
            "Save",
            "Speichern",
            {
                "context": "MainWindow\nverb, on the toolbar",
                "note": "Keep it short",
                # the file's language="de_DE" sourcelanguage="en_US", which an export writes
                "tmx_languages": {"source": "en-US", "target": "de-DE"},
            },
        )
    ]
    assert "1 translation marked unfinished not imported" in caplog.text
    unfinished = list(read_ts(DATA / "app_de.ts", "en", "de", include_fuzzy=True))
    assert [r.source for r in unfinished] == ["Save", "Copied %1 of %2"]


def test_an_import_report_counts_the_messages_not_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The unfinished translation and the empty messages were said in a warning alone, and an
    import's ``--json`` said ``"not_read": {}``."""
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        records = list(read_translations(DATA / "app_de.ts", not_read=not_read))
    assert [r.source for r in records] == ["Save"]
    # the vanished message was left out and counted nowhere
    assert not_read.by_reason() == {"unfinished": 1, "untranslated": 2, "vanished": 1}
    assert "unfinished" not in caplog.text  # counted once, in the report


def test_languages_are_checked(tmp_path: Path) -> None:
    with pytest.raises(LanguageError, match=r"app_de.ts"):
        TsDocument.open(DATA / "app_de.ts", src_lang="en", tgt_lang="fr")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "export const x: number = 1;\n",
            r"app.ts: not a Qt Linguist .ts file: it is not XML \(a TypeScript file cannot be translated\)",
        ),
        ("<TS><context>", r"app.ts:1:\d+: not a well-formed Qt Linguist .ts file"),
        (
            "<xliff/>",
            r"app.ts: not a Qt Linguist .ts file \(its root element is <xliff>, not <TS>\)",
        ),
    ],
)
def test_what_is_no_ts_file_is_one_line_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "app.ts"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        TsDocument.open(path)


@pytest.mark.skipif(not QT_TOOLS, reason="needs Qt's lupdate, lrelease and lconvert")
@pytest.mark.parametrize("review", [True, False])
def test_qt_tools_compile_what_ltmt_wrote(tmp_path: Path, review: bool) -> None:
    """lupdate makes the file from C++ source; ltmt fills it; lrelease compiles it and lconvert
    reads the compiled translations back."""
    shutil.copy(DATA / "qt_main.cpp", tmp_path / "main.cpp")
    ts, out = tmp_path / "app_de.ts", tmp_path / "app_de.mt.ts"
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "check": True}
    subprocess.run(["lupdate", "main.cpp", "-ts", ts.name, "-target-language", "de_DE"], **run)
    translate_file(ts, out, FakeModel(), mark_fuzzy=review, tgt_lang="de")
    compiled = subprocess.run(["lrelease", out.name, "-qm", "app_de.qm"], **run).stdout
    state = "0 finished and 5 unfinished" if review else "5 finished and 0 unfinished"
    assert f"Generated 5 translation(s) ({state})" in compiled
    subprocess.run(["lconvert", "-i", "app_de.qm", "-o", "back.ts"], **run)
    back = (tmp_path / "back.ts").read_text("utf-8")
    assert "<translation>&amp;OPEN...</translation>" in back
    assert "<translation>DELETE &lt;b&gt;%1&lt;/b&gt;?</translation>" in back
    assert "<numerusform>%n FILE DELETED</numerusform>" in back
    assert "<numerusform>%n FILES DELETED</numerusform>" in back


def test_a_message_lconvert_made_from_po_keeps_its_plural_and_flags(tmp_path: Path) -> None:
    path = tmp_path / "django_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        "<context>\n    <name></name>\n"
        '    <message numerus="yes">\n'
        "        <source>%(count)d hour ago</source>\n"
        '        <translation type="unfinished">\n'
        "            <numerusform></numerusform>\n            <numerusform></numerusform>\n"
        "        </translation>\n"
        "        <extra-po-flags>python-format</extra-po-flags>\n"
        "        <extra-po-msgid_plural>%(count)d hours ago</extra-po-msgid_plural>\n"
        "    </message>\n</context>\n</TS>\n",
        "utf-8",
    )
    units = TsDocument.open(path).units()
    assert [(u.source, u.flags) for u in units] == [
        ("%(count)d hour ago", ("python-format",)),
        ("%(count)d hours ago", ("python-format",)),
    ]


def test_messages_and_plural_forms_are_numbered_from_one(tmp_path: Path) -> None:
    """``ltmt qa`` says where a finding is as PO's ``entry N`` does: the first message is 1."""
    path = tmp_path / "app_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        "<context>\n    <name>A</name>\n"
        "    <message><source>Old</source>"
        '<translation type="vanished">Alt</translation></message>\n'
        "    <message><source>Save</source><translation>Speichern</translation></message>\n"
        '    <message numerus="yes"><source>%n file(s)</source><translation>\n'
        "        <numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform>\n"
        "    </translation></message>\n</context>\n</TS>\n",
        "utf-8",
    )
    assert [r.position for r in read_ts(path)] == [
        f"{path}: message 2",
        f"{path}: message 3, form 1",
        f"{path}: message 3, form 2",
    ]


def _ts_file(tmp_path: Path, messages: str) -> Path:
    """A .ts file of one context holding ``messages`` (their XML)."""
    path = tmp_path / "player_de.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
        f"<context>\n    <name>Player</name>\n{messages}</context>\n</TS>\n",
        "utf-8",
    )
    return path


EMPTY_VARIANTS = (
    "    <message>\n        <source>Playback speed</source>\n"
    '        <translation type="unfinished" variants="yes">\n'
    "            <lengthvariant></lengthvariant>\n            <lengthvariant></lengthvariant>\n"
    "        </translation>\n    </message>\n"
)
TWO_VARIANTS = (
    '        <translation type="unfinished" variants="yes">\n'
    "            <lengthvariant>Wiedergabegeschwindigkeit</lengthvariant>\n"
    "            <lengthvariant>Wiedergabegeschwindigkeit</lengthvariant>\n"
    "        </translation>"
)


def test_empty_length_variants_are_untranslated_and_each_is_filled(tmp_path: Path) -> None:
    """They were counted translated and left empty; with --overwrite, variants="yes" went."""
    document = TsDocument.open(_ts_file(tmp_path, EMPTY_VARIANTS))
    assert [u.key for u in document.pending()] == ["0"]
    document.fill({"0": "Wiedergabegeschwindigkeit"})
    out = tmp_path / "out.ts"
    document.save(out)
    assert TWO_VARIANTS in out.read_text("utf-8")
    again = TsDocument.open(out)
    assert again.pending() == []
    assert [u.key for u in again.pending(overwrite=True)] == ["0"]
    again.fill({"0": "Wiedergabegeschwindigkeit"})
    again.save(out)
    assert TWO_VARIANTS in out.read_text("utf-8")


def test_a_sources_length_variants_are_translated_each(tmp_path: Path) -> None:
    """lupdate writes ``tr("Playback speed\\u009cSpeed")`` with U+009C between the variants."""
    path = _ts_file(
        tmp_path,
        "    <message>\n        <source>Playback speed\u009cSpeed</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n',
    )
    document = TsDocument.open(path)
    assert [(u.key, u.source, u.group) for u in document.pending()] == [
        ("0#0", "Playback speed", "0"),
        ("0#1", "Speed", "0"),
    ]
    document.fill({"0#0": "Wiedergabegeschwindigkeit"})
    assert document.fill({"0#1": "Tempo"}, mark_fuzzy=False) == 1  # written once both came
    document.save(path)
    assert (
        '        <translation type="unfinished" variants="yes">\n'
        "            <lengthvariant>Wiedergabegeschwindigkeit</lengthvariant>\n"
        "            <lengthvariant>Tempo</lengthvariant>\n"
        "        </translation>"
    ) in path.read_text("utf-8")
    pairs = read_ts(path, include_fuzzy=True)
    assert [(r.source, r.target, r.position, r.metadata["variant"]) for r in pairs] == [
        ("Playback speed", "Wiedergabegeschwindigkeit", f"{path}: message 1, variant 1", 0),
        ("Speed", "Tempo", f"{path}: message 1, variant 2", 1),
    ]


@pytest.mark.skipif(not QT_TOOLS, reason="needs Qt's lrelease and lconvert")
def test_lrelease_compiles_the_length_variants_ltmt_filled(tmp_path: Path) -> None:
    ts, out = _ts_file(tmp_path, EMPTY_VARIANTS), tmp_path / "player_de.mt.ts"
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "check": True}
    translate_file(ts, out, FakeModel(), mark_fuzzy=False, tgt_lang="de")
    compiled = subprocess.run(["lrelease", out.name, "-qm", "player.qm"], **run).stdout
    assert "Generated 1 translation(s) (1 finished and 0 unfinished)" in compiled
    subprocess.run(["lconvert", "-i", "player.qm", "-o", "back.ts"], **run)
    back = (tmp_path / "back.ts").read_text("utf-8")
    assert back.count("<lengthvariant>PLAYBACK SPEED</lengthvariant>") == 2


def test_a_file_without_language_is_given_the_target_language(tmp_path: Path) -> None:
    # lrelease drops the plural forms of a file that names no language; the forms are
    # counted, and the file written, by the target language asked for
    path = tmp_path / "player.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1">\n'
        "<context>\n    <name>Player</name>\n"
        '    <message numerus="yes">\n        <source>%n file(s) deleted</source>\n'
        '        <translation type="unfinished"><numerusform></numerusform></translation>\n'
        "    </message>\n</context>\n</TS>\n",
        "utf-8",
    )
    document = TsDocument.open(path, src_lang="en", tgt_lang="de-CH")
    assert len(document.units()) == 2
    document.save(tmp_path / "out.ts")
    assert '<TS version="2.1" language="de_CH">' in (tmp_path / "out.ts").read_text("utf-8")
    kept = TsDocument.open(DATA / "app_de.ts", src_lang="en", tgt_lang="de")
    assert kept.store.document.getroot().get("language") == "de_DE"  # as the file names it


def test_a_control_character_lupdate_wrote_as_byte_is_read_and_written_back(
    tmp_path: Path,
) -> None:
    """Text after ``<byte value="x9"/>`` was dropped (``Press `` translated, imported as
    ``Press ``/``Druck ``) and the element came back as ``<byte value="x9"></byte>``."""
    path = _ts_file(
        tmp_path,
        '    <message><source>Press <byte value="x9"/> to indent</source>'
        '<translation type="unfinished"></translation></message>\n'
        '    <message><source>Bell <byte value="x7"/> here</source>'
        '<translation>Glocke <byte value="x7"/> hier</translation></message>\n',
    )
    document = TsDocument.open(path)
    assert [u.source for u in document.pending()] == ["Press \t to indent"]
    document.fill({"0": "Drücken Sie \t zum \x07 Einrücken"})
    out = tmp_path / "out.ts"
    document.save(out)
    text = out.read_text("utf-8")
    assert '<source>Press <byte value="x9"/> to indent</source>' in text  # as lupdate wrote it
    # lupdate writes a tab as it is, other control characters as <byte/>
    assert '>Drücken Sie \t zum <byte value="x7"/> Einrücken</translation>' in text
    assert [(r.source, r.target) for r in read_ts(out)] == [("Bell \x07 here", "Glocke \x07 hier")]


def test_an_id_based_message_without_source_text_is_left_and_counted(tmp_path: Path) -> None:
    """An empty ``<source>`` (``qsTrId`` without ``//%``) was translated as ``None``, read so by
    qa, and imported into memory as ``None``/``None``."""
    path = _ts_file(
        tmp_path,
        '    <message id="app-title"><source>Notes</source>'
        '<translation type="unfinished"></translation></message>\n'
        '    <message id="restart-hint"><source></source>'
        '<translation type="unfinished"></translation></message>\n'
        '    <message id="done-hint"><source></source><translation>Fertig</translation></message>\n',
    )
    out = tmp_path / "out.ts"
    result = translate_file(path, out, FakeModel(), tgt_lang="de")
    assert result.report.no_source == 2
    assert "2 left: no source text (id-based; give them one with //% in the code, or " in (
        result.report.summary()
    )
    assert "None" not in out.read_text("utf-8")
    assert [r.source for r in read_ts(out, include_fuzzy=True)] == ["Notes"]
    not_read = NotRead()
    assert list(read_ts(path, not_read=not_read)) == []
    assert not_read.by_reason() == {"no source": 2, "untranslated": 1}


def test_a_ts_file_is_filled_in_place(tmp_path: Path) -> None:
    """``-o app_de.ts`` on ``app_de.ts`` was refused, though Qt's tools fill a .ts in place."""
    path = tmp_path / "app_de.ts"
    shutil.copy(DATA / "app_de.ts", path)
    translate_file(path, path, FakeModel(), tgt_lang="de")
    assert [u.key for u in TsDocument.open(path).pending()] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app_de.ts"]  # no temporary left


def test_an_interrupted_in_place_run_keeps_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "app_de.ts"
    shutil.copy(DATA / "app_de.ts", path)
    with pytest.raises(KeyboardInterrupt):
        translate_file(path, path, FakeModel(fail_after=0), tgt_lang="de", chunk_size=1)
    assert path.read_bytes() == (DATA / "app_de.ts").read_bytes()


def test_a_windows_files_line_ends_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    """A CRLF .ts was written back with LF line ends."""
    path = tmp_path / "app_de.ts"
    data = (DATA / "app_de.ts").read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + data)
    document = TsDocument.open(path)
    document.fill({"0": "&Öffnen..."})
    out = tmp_path / "out.ts"
    document.save(out)
    written = out.read_bytes()
    assert written.startswith(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?>\r\n')
    assert written.count(b"\n") == written.count(b"\r\n") == data.count(b"\r\n")


def test_vanished_and_obsolete_messages_are_counted_not_read(tmp_path: Path) -> None:
    """They are not read, as a PO catalog's ``#~`` entries are not; ``not read`` left them out."""
    path = _ts_file(
        tmp_path,
        "    <message><source>Save</source><translation>Speichern</translation></message>\n"
        '    <message><source>Old</source><translation type="vanished">Alt</translation>'
        "</message>\n"
        '    <message><source>Older</source><translation type="obsolete">Älter</translation>'
        "</message>\n",
    )
    not_read = NotRead()
    assert [r.source for r in read_ts(path, not_read=not_read)] == ["Save"]
    assert not_read.by_reason() == {"obsolete": 1, "vanished": 1}


BACKUP = (
    "    <message>\n        <source>Back up your files every day.</source>\n"
    '        <translation type="unfinished"></translation>\n    </message>\n'
    "    <message>\n        <source>Restore the backup.</source>\n"
    '        <translation type="unfinished"></translation>\n    </message>\n'
    "    <message>\n        <source>Saved.</source>\n"
    '        <translation type="unfinished"></translation>\n    </message>\n'
)


def _lupdated(path: Path, old: str, new: str, translation: str | None = None) -> None:
    """Change a message's source as lupdate's similar-text merge does: the new source, the
    old one as ``<oldsource>``, the translation kept (or ``translation``) and marked
    unfinished."""
    text = path.read_text("utf-8")
    start = text.index(f"<source>{old}</source>")
    end = text.index("</translation>", start) + len("</translation>")
    kept = text[text.index(">", text.index("<translation", start)) + 1 : end - 14]
    text = (
        text[:start]
        + f"<source>{new}</source>\n        <oldsource>{old}</oldsource>\n"
        + f'        <translation type="unfinished">{translation or kept}</translation>'
        + text[end:]
    )
    path.write_text(text)


def _message_added(path: Path) -> None:
    """Add a message before every other, as lupdate does for new code: the others move."""
    added = "    <message>\n        <source>New</source>\n        <translation/>\n    </message>\n"
    text = path.read_text("utf-8")
    path.write_text(text.replace("<name>Player</name>\n", f"<name>Player</name>\n{added}"))


def _translations(path: Path) -> list[tuple[str, str, bool]]:
    store = TsDocument.open(path).store
    return [
        (str(unit.source), str(unit.target or ""), bool(unit.isfuzzy())) for unit in store.units
    ]


def test_its_own_translations_are_held_and_translated_again_when_unfinished(
    tmp_path: Path,
) -> None:
    """What the record of ltmt's outputs reads, by unit (a plural by form), and what a changed
    source makes pending again: an unfinished message's every unit; a finished one is kept."""
    document = TsDocument.open(DATA / "app_de.ts")
    document.fill({"0": "&Öffnen..."}, mark_fuzzy=False)
    held = document.held_translations()
    assert held["0"] == "&Öffnen..."
    assert set(held) == {"0", "1", "4"}  # the plural 2 is empty
    assert document.marked_for_review() == {"4"}  # (an empty message is no translation)
    document.translate_again(["0", "4"])  # 0 is finished now: a reviewer's word
    assert [unit.key for unit in document.pending()] == ["2#0", "2#1", "4"]


@pytest.mark.parametrize("mark_fuzzy", [True, False])
def test_ltmts_own_text_of_a_source_lupdate_changed_is_translated_again(
    tmp_path: Path, mark_fuzzy: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Qt trial s76: after lupdate changed a source (``<oldsource>``), ltmt kept its own
    translation of the old one, the meaning reversed, as "translated already". It is translated
    again, however it was written (``--no-fuzzy`` too); someone else's is kept, and named."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    path = _ts_file(tmp_path, BACKUP)
    translate_file(path, path, FakeModel(), output_sources=records, mark_fuzzy=mark_fuzzy)
    _lupdated(path, "Back up your files every day.", "Never back up your files.")
    _lupdated(path, "Restore the backup.", "Restore the old backup.", "Sicherung laden.")
    _message_added(path)
    with caplog.at_level(logging.WARNING):
        report = translate_file(path, path, FakeModel(), output_sources=records).report
    assert _translations(path) == [
        ("New", "NEW", True),
        ("Never back up your files.", "NEVER BACK UP YOUR FILES.", True),
        ("Restore the old backup.", "Sicherung laden.", True),  # a translator's: kept
        ("Saved.", "SAVED.", mark_fuzzy),
    ]
    assert report.source_changed == 1
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: 1 translation of an older source (lupdate's <oldsource>), kept as it is and "
        "unfinished (message 3): check it against the source now (--overwrite translates every "
        "one again)"
    ]


def test_a_message_finished_after_its_source_changed_is_kept(tmp_path: Path) -> None:
    """A reviewer who finished ltmt's text of the older source approved it for the new one."""
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    path = _ts_file(tmp_path, BACKUP)
    translate_file(path, path, FakeModel(), output_sources=records)
    _lupdated(path, "Saved.", "Saved!")
    path.write_text(
        path.read_text("utf-8").replace(
            '<translation type="unfinished">SAVED.', "<translation>SAVED."
        )
    )
    translate_file(path, path, FakeModel(), output_sources=records)
    assert _translations(path)[-1] == ("Saved!", "SAVED.", False)


def test_an_import_tells_ltmts_own_messages_by_the_record(tmp_path: Path) -> None:
    """Qt trial s76: a .ts filled with ``--no-fuzzy`` was imported as approved, with no
    warning, and ``--reviewed-only`` stored it too; a reviewer's edit is no machine
    translation, and messages that share their class are judged each on its own (one's older
    source skipped them all)."""
    from ltmt.formats.changed_sources import (
        OLDER_SOURCE,
        UNREVIEWED,
        recorded_for_older_sources,
        unreviewed_left_out,
        written_unreviewed,
    )
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    path = _ts_file(tmp_path, BACKUP)
    translate_file(path, path, FakeModel(), output_sources=records, mark_fuzzy=False)
    path.write_text(path.read_text("utf-8").replace("SAVED.", "Gespeichert."))  # reviewed
    record = records.read(path)
    assert record is not None
    pairs = recorded_for_older_sources(record, list(read_ts(path)), by_place=False)
    assert written_unreviewed(record, pairs) == ["Player", "Player"]  # (named by their context)
    assert [(p.source, p.unpaired) for p in unreviewed_left_out(record, pairs)] == [
        ("Back up your files every day.", UNREVIEWED),
        ("Restore the backup.", UNREVIEWED),
        ("Saved.", ""),
    ]
    _lupdated(path, "Back up your files every day.", "Never back up your files.")
    _message_added(path)
    finished = path.read_text("utf-8").replace('<translation type="unfinished">', "<translation>")
    path.write_text(finished)
    found = recorded_for_older_sources(record, list(read_ts(path)), by_place=False)
    assert [(p.source, p.unpaired) for p in found] == [  # (New, untranslated, is not read)
        ("Never back up your files.", OLDER_SOURCE),
        ("Restore the backup.", ""),
        ("Saved.", ""),
    ]


def test_a_sources_character_references_are_kept_as_written(tmp_path: Path) -> None:
    """Qt trial s76: ``Track %1 of %2 &#8211; %3`` came back as a literal dash in the
    ``<source>``, a change outside ``<translation>``."""
    source = "        <source>Track %1 of %2 &#8211; %3</source>\n"
    path = _ts_file(
        tmp_path,
        f"    <message>\n{source}"
        '        <translation type="unfinished"></translation>\n    </message>\n',
    )
    out = tmp_path / "out_de.ts"
    translate_file(path, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert source in written
    assert [u.source for u in TsDocument.open(out).units()] == ["Track %1 of %2 \u2013 %3"]
    assert written.count("\n") == path.read_text("utf-8").count("\n")
