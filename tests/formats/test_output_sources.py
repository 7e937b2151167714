"""The record of what source each translation in an output was written for, and what an update
finds outdated by it."""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import stat
from functools import partial
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats import output_sources
from ltmt.formats.documents import Unit
from ltmt.formats.output_sources import (
    COPIED_PAIRS,
    SAME_BYTES,
    SECRET,
    UNKNOWN,
    Outdated,
    OutputSources,
    Record,
    forget_records,
    never_an_output,
    outdated,
)
from ltmt.formats.pipeline import translate_file
from ltmt.formats.record_choice import FoundRecord, copied_record
from ltmt.memory.crypto import generate_key_file
from ltmt.memory.store import Memory
from ltmt.paths import ENV_CACHE

# the output as ltmt wrote it: key -> (source, translation)
WRITTEN = {
    "1": ("Open the file.", "Datei öffnen."),
    "2": ("Close it.", "Schließen."),
    "3": ('Page <x id="1"/>1', 'Seite <x id="1"/>1'),
}
RECORD = Record.of([(Unit(key, source), text) for key, (source, text) in WRITTEN.items()], b"k")


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        (  # as written: up to date
            [
                (Unit("1", "Open the file."), "Datei öffnen."),
                (Unit("2", "Close it."), "Schließen."),
            ],
            Outdated(),
        ),
        (  # the first source edited since: its translation is of the old one
            [(Unit("1", "Open the folder."), "Datei öffnen.")],
            Outdated(again=["1"]),
        ),
        (  # a block moved: its translation is its source's, wherever it stands
            [(Unit("7", "Close it."), "Schließen.")],
            Outdated(),
        ),
        (  # another block's translation taken over by its place
            [(Unit("2", "Open the file."), "Schließen.")],
            Outdated(again=["2"]),
        ),
        (  # edited since, its source as it was: the translator's
            [(Unit("2", "Close it."), "Zumachen.")],
            Outdated(),
        ),
        (  # edited since, and its source changed too: kept, to be checked
            [(Unit("2", "Close it now."), "Zumachen.")],
            Outdated(edited=["2"]),
        ),
        (  # a unit the output had no translation of then, translated by someone since
            [(Unit("4", "Save it."), "Speichern.")],
            Outdated(),
        ),
        (  # read back in the tags of another document's paragraph, its fields left out
            [(Unit("3", 'Contoso Ltd. | Page <x id="1"/>1'), "Seite 1")],
            Outdated(again=["3"]),
        ),
        (  # its tags numbered otherwise, its source as it was: up to date
            [(Unit("3", 'Page <x id="1"/>1'), 'Seite <x id="2"/>1')],
            Outdated(),
        ),
    ],
)
def test_what_an_update_finds_outdated(kept: list[tuple[Unit, str]], expected: Outdated) -> None:
    assert outdated(RECORD, kept) == expected


# a catalog ltmt wrote: German's singular and plural are one word, which the model missed
NAMED = Record.of(
    [
        (Unit("modulename", "Quiz master"), "Master"),
        (Unit("modulenameplural", "Quiz masters"), "Seitenmaster"),
        (Unit("save", "Save"), "Speichern"),
    ],
    b"k",
)


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        (  # a reviewer's edit, the other name's German: judged by its own name, kept
            [
                (Unit("modulename", "Quiz master"), "Master"),
                (Unit("modulenameplural", "Quiz masters"), "Master"),
            ],
            Outdated(),
        ),
        (  # its English changed since, its German ltmt's of the old: translated again
            [(Unit("save", "Save as"), "Speichern"), (Unit("other", "Save"), "Speichern")],
            Outdated(again=["save"]),
        ),
        (  # its English changed since, its German ltmt's of another name's: as before
            [(Unit("save", "Save as"), "Master"), (Unit("modulename", "Quiz master"), "Master")],
            Outdated(again=["save"]),
        ),
        (  # a name added since with another name's German, whose English is still there
            [
                (Unit("modulename", "Quiz master"), "Master"),
                (Unit("pluginname", "Quiz master plugin"), "Master"),
            ],
            Outdated(),
        ),
        (  # a name added since with the German of an English no longer in the file
            [(Unit("pluginname", "Quiz master plugin"), "Master")],
            Outdated(again=["pluginname"]),
        ),
    ],
)
def test_a_named_string_is_judged_by_its_own_place(
    kept: list[tuple[Unit, str]], expected: Outdated
) -> None:
    """Session 72 (Moodle): a reviewer set ``Quiz masters`` to ltmt's ``Master`` of ``Quiz
    master``; an import skipped it as "target of an older source", and an update of a JSON
    catalog translated it again, though the string's English never changed."""
    assert outdated(NAMED, kept, by_name=True) == expected


def test_a_place_kept_block_is_still_judged_by_its_text() -> None:
    """A page's block kept by its place (no ``by_name``) holding another block's German is
    translated again, as before: an edit of the page moves its blocks."""
    kept = [(Unit("modulenameplural", "Quiz masters"), "Master")]
    assert outdated(NAMED, kept) == Outdated(again=["modulenameplural"])


def test_a_moved_block_holding_another_blocks_german_is_an_edit() -> None:
    """A block lined up by the source the record holds for it (:class:`Moved`) whose German
    is another block's is a reviewer's edit, kept."""
    kept = [(Unit("9", "Close it."), "Datei öffnen.")]
    assert outdated(RECORD, kept, {"9": "2"}) == Outdated()
    assert outdated(RECORD, kept) == Outdated(again=["9"])


def test_a_kept_translation_of_a_changed_source_stays_unchecked_until_edited() -> None:
    """A translator's "Zumachen." for "Close it." was warned of once the English became "Close
    it now.", and the record written by that run forgot the older source: a memory import then
    stored it for the new English. The record now keeps the older source until the text is
    edited, and every update names it again until then (trial s72: named once, then
    forgotten by the next run and by qa)."""
    before = Record.of([(Unit("2", "Close it."), None)], b"k")
    unit = Unit("2", "Close it now.")
    older = before.unchecked_for(unit, "Zumachen.")
    assert older == before.digest("Close it.")
    after = Record.of([(unit, None)], b"k", {"2": (older, "Zumachen.")})
    assert outdated(after, [(unit, "Zumachen.")]) == Outdated(edited=["2"])  # named again
    assert outdated(after, [(unit, "Jetzt schließen.")]) == Outdated()  # edited: checked
    back = Unit("2", "Close it.")  # the English went back: the German is for it
    assert outdated(after, [(back, "Zumachen.")]) == Outdated()
    assert after.still_unchecked("2", "Zumachen.")  # but still unchecked: an import skips it
    assert after.unchecked_for(unit, "Zumachen.") == older  # and the next record keeps it so
    assert not after.still_unchecked("2", "Jetzt schließen.")  # edited since: checked
    assert after.unchecked_for(unit, "Jetzt schließen.") is None
    assert not after.wrote("Close it.", "Zumachen.")  # no translation of ltmt's


def test_a_translation_of_unknown_origin_is_nobodys_until_edited() -> None:
    """Regression trial rege170: a translation kept without a record was recorded as a
    translator's, which memory import --reviewed-only stored as approved."""
    unit = Unit("/quit", "Quit")
    record = Record.of([(unit, "Beenden")], b"k", unknown={"/quit"})
    assert record.unknown("Quit", "Beenden")
    assert not record.wrote("Quit", "Beenden") and not record.translated("Quit", "Beenden")
    assert outdated(record, [(unit, "Beenden")]) == Outdated()  # kept, as a translator's
    assert not record.unknown("Quit", "Schließen")  # a person's edit since: theirs
    assert not record.unknown("Exit", "Beenden")  # held for another source only
    assert not RECORD.unknown("Close it.", "Zumachen.")


def test_ltmts_unmarked_text_is_told_from_its_marked_one_and_kept_as_it_was() -> None:
    """An XLIFF file says a target ltmt wrote with --no-fuzzy is confirmed: kept when its
    source changes, it is still ltmt's for the older source (regression trial s72: recorded as
    a translator's, an import stored it as approved)."""
    unit = Unit("b", "Saved.")
    before = Record.of([(unit, "Gespeichert.")], b"k", marked={"m"})
    assert before.wrote_unmarked_at("b", "Gespeichert.")
    assert not before.wrote_unmarked_at("b", "Gesichert.")  # edited since: not ltmt's
    assert not before.wrote_unmarked_at("x", "Gespeichert.")  # no such place
    marked = Record.of([(unit, "Gespeichert.")], b"k", marked={"b"})
    assert not marked.wrote_unmarked_at("b", "Gespeichert.")  # a reviewer confirmed it
    now = Unit("b", "Saved online.")
    after = Record.of([(now, None)], b"k", earlier={"b": before.units["b"]})
    assert after.units == before.units  # ltmt's, for the older source
    assert outdated(after, [(now, "Gespeichert.")]) == Outdated(again=["b"])


def test_a_marked_text_is_recorded_with_its_context_found_at_any_place() -> None:
    """Regression trial s74: ltmt's fuzzy ``action|Open`` was found for msgmerge's copy of it
    into ``ticket status|Open``, by the msgid alone."""
    written = Record.of(
        [(Unit("1", "Open", "action"), "Öffnen"), (Unit("2", "Close"), "Schließen")],
        b"k",
        marked={"1", "2"},
    )
    assert written.wrote_marked_in_context("action", "Open", "Öffnen")
    assert written.wrote_marked_in_context("", "Close", "Schließen")
    assert not written.wrote_marked_in_context("ticket status", "Open", "Öffnen")
    assert not written.wrote_marked_in_context("", "Open", "Öffnen")  # no msgctxt: another
    assert not written.wrote_marked_in_context("action", "Open", "Offen")  # edited since
    unmarked = Record.of([(Unit("1", "Open", "action"), "Öffnen")], b"k")
    assert not unmarked.wrote_marked_in_context("action", "Open", "Öffnen")
    assert written.wrote("Open", "Öffnen", marked=True)  # the place's own pairs as before
    assert [k for k in written.units if k.isdigit()] == ["1", "2"]


def test_an_edit_taken_from_another_place_is_checked_against_that_places_source() -> None:
    # block 2 moved to 3 (an insertion before it), edited since: its source as it was
    assert outdated(RECORD, [(Unit("3", "Close it."), "Zumachen.")], {"3": "2"}) == Outdated()
    assert outdated(RECORD, [(Unit("3", "Close it!"), "Zumachen.")], {"3": "2"}) == Outdated(
        edited=["3"]
    )


def test_a_record_written_with_the_tags_in_its_translations_digests_is_still_read() -> None:
    unit = Unit("3", 'Page <x id="1"/>1')
    record = Record({"3": (RECORD.digest(unit.source), RECORD.digest('Seite <x id="1"/>1'))}, b"k")
    assert outdated(record, [(Unit("3", "Page 1 of 2"), 'Seite <x id="1"/>1')]).again == ["3"]


def test_a_record_is_read_back_by_the_outputs_path(tmp_path: Path, monkeypatch) -> None:
    records = OutputSources(tmp_path / "records")
    output = tmp_path / "de.md"
    assert records.read(output) is None
    records.write(output, [(Unit("1", "Open the file."), "Datei öffnen.")])
    monkeypatch.chdir(tmp_path)
    record = records.read(Path("de.md"))
    assert record is not None
    assert record.units == {"1": (record.digest("Open the file."), record.digest("Datei öffnen."))}
    assert records.read(tmp_path / "other.md") is None


@pytest.mark.parametrize("damaged", ["{", '{"version": 99, "units": {}}', '{"version": 1}', "[]"])
def test_a_damaged_record_or_one_of_another_version_is_none(tmp_path: Path, damaged: str) -> None:
    records = OutputSources(tmp_path / "records")
    output = tmp_path / "de.md"
    records.write(output, [])
    (record,) = (tmp_path / "records").glob("*/*.json")
    record.write_text(damaged, "utf-8")
    assert records.read(output) is None


def test_a_record_that_cannot_be_written_is_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "records").write_text("a file where the folder should be", "utf-8")
    with caplog.at_level(logging.WARNING):
        OutputSources(tmp_path / "records").write(tmp_path / "de.md", [])
    assert "de.md: its sources not recorded (" in caplog.text


def test_records_that_cannot_be_written_are_warned_of_once_per_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(output_sources, "write_private_file", read_only)
    with caplog.at_level(logging.INFO, logger=output_sources.__name__):
        for name in ("de.md", "fr.md"):  # each document of a folder run makes its own
            OutputSources(tmp_path / "records").write(tmp_path / name, [])
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "de.md: its sources not recorded (" in warnings[0].message
    assert "fr.md: its sources not recorded (" in caplog.text  # at info level


def test_an_update_says_how_many_were_translated_again_and_names_edited_ones(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "notes.md", tmp_path / "notes.de.md"
    source.write_text("First block.\n\nSecond block.\n\nThird block.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text("FIRST BLOCK.\n\nZweiter Block.\n\nTHIRD BLOCK.\n", "utf-8")  # edited
    source.write_text("First block, edited.\n\nSecond block, edited.\n\nThird block.\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == ("FIRST BLOCK, EDITED.\n\nZweiter Block.\n\nTHIRD BLOCK.\n")
    assert result.report.source_changed == 1
    assert "1 translated again: its source changed" in result.report.summary()
    assert (
        "1 translation that ltmt did not write (a translator's, or edited since), whose source "
        "changed since, kept as it is (block1); check it (--overwrite" in caplog.text
    )  # "1 translation ... kept as they are" was said
    # the run recorded the output as it left it: nothing is translated again now, and the
    # edit not checked since is named again (trial s72: once, then never again)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert result.report.source_changed == 0
    assert [record.getMessage() for record in caplog.records] == [
        f"{output}: 1 translation that ltmt did not write (a translator's, or edited since), "
        "whose source changed since, kept as it is (block1); check it (--overwrite translates "
        "every one again)"
    ]


def test_an_edit_kept_by_one_run_is_kept_again_when_its_source_changes_later(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A run recorded every translation it kept as ltmt's, a translator's edit too: the next
    change of that block's source translated the edit away without a word."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "notes.md", tmp_path / "notes.de.md"
    source.write_text("First block.\n\nSecond block.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text("FIRST BLOCK.\n\nZweiter Block.\n", "utf-8")  # a translator's edit
    source.write_text("First block, edited.\n\nSecond block.\n", "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)  # keeps the edit
    source.write_text("First block, edited.\n\nSecond block, edited.\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == "FIRST BLOCK, EDITED.\n\nZweiter Block.\n"
    assert "1 translation that ltmt did not write" in caplog.text


def test_a_translation_there_before_the_first_run_is_no_translation_of_ltmts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A translator's output taken over by the first run was recorded as ltmt's: a change of
    its source made ltmt translate it again, the translator's German lost."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"a": "First string.", "b": "Second string."}', "utf-8")
    output.write_text('{"a": "Erster Text."}', "utf-8")  # translated by hand, before ltmt
    translate_file(source, output, FakeModel(), output_sources=records)
    record = records.read(output)
    # kept without a record: nobody can tell whose (rege170: recorded as a translator's)
    assert record is not None and record.units["/a"][1].startswith(UNKNOWN)
    assert record.unknown("First string.", "Erster Text.")
    assert not record.wrote("First string.", "Erster Text.")
    assert record.wrote("Second string.", "SECOND STRING.")
    source.write_text('{"a": "First string, edited.", "b": "Second string."}', "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert json.loads(output.read_text("utf-8")) == {"a": "Erster Text.", "b": "SECOND STRING."}
    assert "1 translation that ltmt did not write" in caplog.text


def test_with_overwrite_every_unit_is_translated_and_recorded(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "notes.md", tmp_path / "notes.de.md"
    source.write_text("First block.\n", "utf-8")
    output.write_text("Erster Block.\n", "utf-8")
    translate_file(source, output, FakeModel(), overwrite=True, output_sources=records)
    record = records.read(output)
    assert record is not None
    assert record.units == {
        "block0": (record.digest("First block."), record.digest("FIRST BLOCK."))
    }


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def test_records_are_private_keyed_and_name_no_path(tmp_path: Path) -> None:
    """A data-protection audit read the output's path and guessed sentences from the unkeyed
    digests of files written 0644 in a 0755 folder."""
    folder = tmp_path / "records"
    output = tmp_path / "Quixmarsh_discharge_letter.de.md"
    previous = os.umask(0o022)
    try:
        OutputSources(folder, "u").write(
            output, [(Unit("1", "Follow-up in two weeks."), "Kontrolle in zwei Wochen.")]
        )
    finally:
        os.umask(previous)
    files = _files(folder)
    assert {path.name for path in files} >= {SECRET} and len(files) == 2
    for path in [folder, *(p.parent for p in files)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    guessed = [
        hashlib.blake2b(text.encode(), digest_size=size).hexdigest()
        for text in ("Follow-up in two weeks.", "Kontrolle in zwei Wochen.", str(output))
        for size in (8, 16)
    ]
    for path in files:
        written = str(path.relative_to(folder)) + path.read_bytes().decode("latin-1")
        assert "Quixmarsh" not in written and not any(g in written for g in guessed)


def test_each_user_has_records_of_its_own(tmp_path: Path) -> None:
    output = tmp_path / "de.md"
    OutputSources(tmp_path / "records", "ann").write(output, [(Unit("1", "Hi."), "Hallo.")])
    assert OutputSources(tmp_path / "records", "ann").read(output) is not None
    assert OutputSources(tmp_path / "records", "bob").read(output) is None
    assert OutputSources(tmp_path / "records").read(output) is None


def test_an_import_finds_any_users_record_by_path_and_a_copys_by_its_texts(
    tmp_path: Path,
) -> None:
    """The record is about the file: an import into another user, or of a copy with a cell
    edited, found none, and ltmt's machine translation was stored as approved unsaid."""
    output, copy = tmp_path / "de.csv", tmp_path / "reviewed.csv"
    output.write_text("ltmt's output", "utf-8")
    copy.write_text("a copy, edited", "utf-8")
    written = [("Save", "Speichern"), ("Open", "Öffnen"), ("Quit", "Beenden")]
    units = [(Unit(str(n), source), text) for n, (source, text) in enumerate(written)]
    OutputSources(tmp_path / "records", "ann").write(output, units)
    bob = OutputSources(tmp_path / "records", "bob")
    found = bob.read_for_import(output)
    assert found is not None and found.wrote("Save", "Speichern")
    edited = [*written[:2], ("Quit", "Programm beenden")]
    found = bob.read_for_import(copy, edited)
    assert found is not None and not found.wrote("Quit", "Programm beenden")
    # a pair or two of a memory of its own, or a file holding few of the places, is no copy
    assert (
        bob.read_for_import(copy, [written[0], ("Close", "Schließen"), ("Undo", "Rückgängig")])
        is None
    )
    assert bob.read_for_import(copy, written[:1]) is None


def _written_by_two_users(folder: Path, output: Path, secret: bytes, users: list[str]) -> Path:
    """``output`` written for ``users[0]`` (``Overview``), then for ``users[1]`` (its English
    changed since: ``Project overview``), with the records' folder's ``secret``; the folder of
    the first user's records."""
    folder.mkdir()
    (folder / SECRET).write_bytes(secret)
    output.write_text('{"overview": "Übersicht"}', "utf-8")
    OutputSources(folder, users[0]).write(output, [(Unit("/overview", "Overview"), "Übersicht")])
    (first,) = [path for path in folder.iterdir() if path.is_dir()]
    output.write_text('{"overview": "Projektübersicht"}', "utf-8")
    unit = Unit("/overview", "Project overview")
    OutputSources(folder, users[1]).write(output, [(unit, "Projektübersicht")])
    return first


@pytest.mark.parametrize("users", [["ann", "bob"], ["bob", "ann"]])
def test_of_two_users_records_the_last_written_is_read_whatever_the_folders_order(
    tmp_path: Path, users: list[str]
) -> None:
    """Trial s73: ``ltmt qa`` without --user read the first record found in the folders'
    order, which the cache's random secret sets: on two fresh caches of three it read a stale
    one, and named ltmt's fresh translation as someone else's of an older source."""
    orders = set()
    for n in range(8):
        folder, output = tmp_path / f"records{n}", tmp_path / f"de{n}.json"
        older = _written_by_two_users(folder, output, bytes([n]) * 32, users)
        folders = sorted(path for path in folder.iterdir() if path.is_dir())
        orders.add(folders[0] == older)
        for reading in (OutputSources(folder), OutputSources(folder, "cy")):
            found = reading.read_for_import(output)  # by the file's bytes
            assert found is not None and found.wrote("Project overview", "Projektübersicht")
        own = OutputSources(folder, users[0]).read_for_import(output)
        assert own is not None and own.wrote("Overview", "Übersicht")  # a user's own first
        output.write_text('{"overview": "Projektübersicht!"}', "utf-8")  # edited: by its path
        found = OutputSources(folder).read_for_import(output)
        assert found is not None and found.wrote("Project overview", "Projektübersicht")
    assert orders == {True, False}  # both users' folders came first


def test_the_last_written_record_is_told_by_its_stamp_else_its_files_time(tmp_path: Path) -> None:
    """A cache folder copied without its files' times (``cp -r``) gives them the order they
    were copied in, the folders' own: the record's stamp tells. One written before session 73
    has none: its file's time tells."""
    folder, output = tmp_path / "records", tmp_path / "de.json"
    older = _written_by_two_users(folder, output, bytes(32), ["ann", "bob"])
    output.write_text("{}", "utf-8")  # edited since: found by its path
    for path in older.glob("*.json"):
        os.utime(path, ns=(2**62, 2**62))  # copied last
    found = OutputSources(folder).read_for_import(output)
    assert found is not None and found.wrote("Project overview", "Projektübersicht")
    for path in folder.glob("*/*.json"):
        data = json.loads(path.read_text("utf-8"))
        assert isinstance(data.pop("written"), int)
        stamp = path.stat().st_mtime_ns
        path.write_text(json.dumps(data), "utf-8")
        os.utime(path, ns=(stamp, stamp))
    found = OutputSources(folder).read_for_import(output)
    assert found is not None and found.wrote("Overview", "Übersicht")


def test_a_record_of_the_first_format_is_read_until_its_output_is_recorded_anew(
    tmp_path: Path,
) -> None:
    """Records written before session 60 (unkeyed digests, the output's path in clear) were
    removed unread, so the first update after the upgrade kept a translation of a changed
    source silently: one is read where its output has no newer record, and goes when that
    output's record is written; another output's first-format record waits for its own."""
    folder, output, other = tmp_path / "records", tmp_path / "de.md", tmp_path / "other.md"
    folder.mkdir()

    def first_format(path: Path, source: str, translation: str) -> Path:
        digest = partial(hashlib.blake2b, digest_size=8)
        name = digest(str(path).encode()).hexdigest()
        units = {
            "1": [digest(source.encode()).hexdigest(), digest(translation.encode()).hexdigest()]
        }
        record = {"version": 1, "output": str(path), "units": units}
        (folder / f"{name}.json").write_text(json.dumps(record), "utf-8")
        return folder / f"{name}.json"

    old = first_format(output, "Open the file", "Datei öffnen")
    waiting = first_format(other, "Close", "Schließen")
    record = OutputSources(folder).read(output)
    assert record is not None
    assert record.written_for(Unit("1", "Open the file"))
    assert not record.written_for(Unit("1", "Open the folder"))
    assert outdated(record, [(Unit("1", "Open the folder"), "Datei öffnen")]).again == ["1"]
    OutputSources(folder).write(output, [(Unit("1", "Open the folder"), "Ordner öffnen")])
    assert not old.exists() and waiting.exists()
    assert OutputSources(folder).read(other) is not None


def test_an_encrypted_stores_records_are_keyed_by_its_key(tmp_path: Path) -> None:
    key_file = generate_key_file(tmp_path / "store.key")
    folder, output = tmp_path / "records", tmp_path / "de.md"
    unit = Unit("1", "Follow-up in two weeks.")
    with Memory(tmp_path / "store", key_file=key_file) as memory:
        OutputSources(folder, "u", memory).write(output, [(unit, "Kontrolle.")])
        record = OutputSources(folder, "u", memory).read(output)
    assert record is not None and record.written_for(unit)
    secret = (folder / SECRET).read_bytes()
    assert record.key != secret  # the cache's secret alone does not check a guess
    assert OutputSources(folder, "u").read(output) is None


def test_deleting_a_user_removes_its_records_from_every_cache_folder_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server translated with its cache folder; the user is deleted from a shell whose cache
    folder is another: the records of what was written for it go from both, others' stay."""
    server_cache, output = tmp_path / "server-cache", tmp_path / "de.md"
    with Memory(tmp_path / "store") as memory:
        memory.add("ann", "Hi.", "Hallo.")
        memory.add("bob", "Hi.", "Hallo.")
        for user in ("ann", "bob"):
            records = OutputSources(server_cache / "output-sources", user, memory)
            records.write(output, [(Unit("1", "Hi."), "Hallo.")])
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "shell-cache"))
    with Memory(tmp_path / "store") as shell:
        assert shell.delete_user("ann") is not None
        assert OutputSources(server_cache / "output-sources", "ann", shell).read(output) is None
        assert OutputSources(server_cache / "output-sources", "bob", shell).read(output)
    assert len(list((server_cache / "output-sources").rglob("*.json"))) == 1


def test_two_stores_users_of_one_name_have_records_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The records were named by the user alone: two stores sharing a cache folder shared their
    users' of one name, and deleting the user from one store removed the other's (privacy)."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    folder, output, unit = (
        tmp_path / "cache" / "output-sources",
        tmp_path / "de.md",
        Unit("1", "Hi."),
    )
    with Memory(tmp_path / "a") as a, Memory(tmp_path / "b") as b:
        for memory in (a, b):
            memory.add("ann", "Hi.", "Hallo.")
        OutputSources(folder, "ann", a).write(output, [(unit, "Hallo.")])
        assert OutputSources(folder, "ann", a).read(output) is not None
        assert OutputSources(folder, "ann", b).read(output) is None
        assert b.delete_user("ann") is not None
        assert OutputSources(folder, "ann", a).read(output) is not None
        assert a.delete_user("ann") is not None
        assert OutputSources(folder, "ann", a).read(output) is None
        assert not list(folder.rglob("*.json"))


def test_a_record_of_no_store_is_read_until_the_stores_own_and_goes_with_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record written before records were kept per store (named by the user alone, as a run
    given no store still writes one) is read where the store's user has none of its own, and
    deleting that user removes it (it may hold the user's text)."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    folder, output = tmp_path / "cache" / "output-sources", tmp_path / "de.md"
    OutputSources(folder, "ann").write(output, [(Unit("1", "Hi."), "Hallo.")])
    with Memory(tmp_path / "a") as a:
        a.add("ann", "Hi.", "Hallo.")
        before = OutputSources(folder, "ann", a).read(output)
        assert before is not None and before.written_for(Unit("1", "Hi."))
        OutputSources(folder, "ann", a).write(output, [(Unit("1", "Bye."), "Tschüss.")])
        after = OutputSources(folder, "ann", a).read(output)
        assert after is not None and after.written_for(Unit("1", "Bye."))
        assert a.delete_user("ann") is not None
    assert OutputSources(folder, "ann").read(output) is None


def test_forgetting_the_records_of_a_cache_that_has_none(tmp_path: Path) -> None:
    assert forget_records("ann", tmp_path) == 0
    OutputSources(tmp_path / "output-sources", "ann").write(tmp_path / "de.md", [])
    assert forget_records("ann", tmp_path) == 1
    assert forget_records("ann", tmp_path) == 0


def test_a_damaged_secret_is_made_anew_with_no_record_of_the_old_one_left(tmp_path: Path) -> None:
    folder, output = tmp_path / "records", tmp_path / "de.md"
    OutputSources(folder, "ann").write(output, [(Unit("1", "Hi."), "Hallo.")])
    (folder / SECRET).write_bytes(b"short")
    assert OutputSources(folder, "ann").read(output) is None
    OutputSources(folder, "bob").write(output, [])
    assert len((folder / SECRET).read_bytes()) == 32
    assert OutputSources(folder, "ann").read(output) is None
    assert len(list(folder.rglob("*.json"))) == 1  # bob's: ann's went with the old secret


def test_a_checkout_at_another_path_finds_the_record_by_the_outputs_content(
    tmp_path: Path,
) -> None:
    """A CI workspace is a fresh clone: the output ltmt wrote (and committed) lies at another
    path, and a string whose English changed kept its old German there."""
    records = OutputSources(tmp_path / "records")
    first, clone = tmp_path / "a" / "repo", tmp_path / "b" / "repo"
    first.mkdir(parents=True)
    (first / "en.json").write_text('{"tagline": "Keep it.", "save": "Save."}', "utf-8")
    translate_file(first / "en.json", first / "de.json", FakeModel(), output_sources=records)
    clone.mkdir(parents=True)
    (clone / "de.json").write_bytes((first / "de.json").read_bytes().replace(b"\n", b"\r\n"))
    (clone / "en.json").write_text('{"tagline": "Keep it safe.", "save": "Save."}', "utf-8")
    result = translate_file(
        clone / "en.json", clone / "de.json", FakeModel(), output_sources=records
    )
    assert result.report.source_changed == 1
    assert json.loads((clone / "de.json").read_text("utf-8"))["tagline"] == "KEEP IT SAFE."


def test_an_edited_output_is_found_by_its_path_and_a_rewritten_ones_old_copy_goes(
    tmp_path: Path,
) -> None:
    records = OutputSources(tmp_path / "records")
    output = tmp_path / "de.md"
    output.write_text("Erster Block.\n", "utf-8")
    records.write(output, [(Unit("block0", "First block."), "Erster Block.")])
    output.write_text("Erster Absatz.\n", "utf-8")  # a translator's edit
    assert records.read(output) is not None
    records.write(output, [(Unit("block0", "First block."), "Erster Absatz.")])
    assert len(list((tmp_path / "records").rglob("*.json"))) == 2  # by path, by content


@pytest.mark.parametrize("reached", ["moved", "linked"])
def test_a_store_moved_or_reached_by_another_path_reads_and_deletes_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reached: str
) -> None:
    """The records were named by the store's resolved path: after a move (or through another
    mount), an update read none and kept every translation, its source changed or not, and a
    delete of the user left the records. They are named by the store's id, which goes with it."""
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    folder, output, unit = (
        tmp_path / "cache" / "output-sources",
        tmp_path / "de.md",
        Unit("1", "Hi."),
    )
    with Memory(tmp_path / "p1") as memory:
        memory.add("ann", "Hi.", "Hallo.")
        OutputSources(folder, "ann", memory).write(output, [(unit, "Hallo.")])
    if reached == "moved":
        (tmp_path / "p1").rename(tmp_path / "p2")
    else:
        (tmp_path / "p2").symlink_to(tmp_path / "p1")
    with Memory(tmp_path / "p2") as memory:
        record = OutputSources(folder, "ann", memory).read(output)
        assert record is not None and record.written_for(unit)
        assert memory.delete_user("ann") is not None
    assert not list(folder.rglob("*.json"))


def test_a_translation_copied_from_the_memory_is_no_machine_translation() -> None:
    """Session 69: a unit filled with the memory's 100 % match was recorded as ltmt's own
    translation, so a client's TMX holding the pair was taken for a copy of the output and
    its pairs for ltmt's unreviewed machine translation. Recorded as copied, it is ltmt's for
    an update (translated again when its source changes), but neither unreviewed nor evidence
    that another file is a copy of the output."""
    copied, translated = Unit("a", "Save"), Unit("b", "Open")
    record = Record.of([(copied, "Speichern"), (translated, "Offen")], b"k", copied=["a"])
    assert record.wrote("Save", "Speichern")
    assert not record.wrote("Save", "Speichern", marked=False)
    assert record.copied("Save", "Speichern") and not record.copied("Open", "Offen")
    assert record.wrote("Open", "Offen", marked=False) and record.translated("Open", "Offen")
    assert not record.translated("Save", "Speichern")
    assert outdated(record, [(Unit("a", "Save it"), "Speichern")]).again == ["a"]
    found, copy = [FoundRecord(record, 1)], Path("copy.csv")
    assert copied_record(found, [("Save", "Speichern"), ("Quit", "Ende")], copy) is None
    # a copy is found by the output's text, the memory's copied into it too (regression
    # trial rege: a copy half of exact matches was none); half of it is no copy
    assert copied_record(found, [("Open", "Offen")], copy) is None
    both = [("Save", "Speichern"), ("Open", "Offen")]
    assert copied_record(found, both, copy) is record


def test_ltmts_own_translation_stays_its_own_whatever_ran_at_that_path_in_between(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s73 (ghbot): one workspace, branches switched. Back on main, ltmt's own German of
    main's English was named "a translation that ltmt did not write"; back on the branch, its
    German of the branch's older English was kept silently after the English changed again
    ("units 0 source_changed 0"). The record keeps what ltmt wrote there in earlier runs."""
    records = OutputSources(tmp_path / "records", "bot")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text('{"overview": "Overview", "save": "Save."}', "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    on_main = output.read_bytes()
    source.write_text('{"overview": "Project overview", "save": "Save."}', "utf-8")  # feat
    assert translate_file(source, output, FakeModel(), output_sources=records).report.source_changed
    on_feat = output.read_bytes()
    source.write_text('{"overview": "Overview", "save": "Save."}', "utf-8")  # main again
    output.write_bytes(on_main)
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, output, FakeModel(), output_sources=records)
    assert (result.report.source_changed, result.translated, caplog.text) == (0, 0, "")
    assert output.read_bytes() == on_main
    record = records.read(output)
    assert record is not None and record.wrote("Overview", "OVERVIEW", marked=False)
    source.write_text('{"overview": "Overview of all projects", "save": "Save."}', "utf-8")
    output.write_bytes(on_feat)  # feat again, its English changed since
    result = translate_file(source, output, FakeModel(), output_sources=records)
    assert result.report.source_changed == 1
    assert json.loads(output.read_text("utf-8"))["overview"] == "OVERVIEW OF ALL PROJECTS"


def test_the_history_of_an_output_tells_only_where_its_place_does_not() -> None:
    """What ltmt wrote in earlier runs (the history) judges a text whose place holds nothing,
    another source's translation, or one of unknown origin; a reviewer's edit at a place
    written for its source wins, and so does a text kept there as someone else's."""
    record = Record.of([(Unit("a", "Overview"), "OVERVIEW")], b"k").with_history(
        Record.of([(Unit("a", "Project overview"), "PROJECT OVERVIEW")], b"k").own_pairs()
    )
    assert record.wrote("Project overview", "PROJECT OVERVIEW")
    assert record.earlier_sources("PROJECT OVERVIEW") == {record.digest("Project overview")}
    assert record.at("a", "Overview").history == ()  # a place's own record: its text alone
    for by_name in (True, False):
        judged = partial(outdated, record, by_name=by_name)
        # another source's place: ltmt's text of an older source, or of its own
        assert judged([(Unit("a", "All projects"), "PROJECT OVERVIEW")]).again == ["a"]
        assert judged([(Unit("a", "Project overview"), "PROJECT OVERVIEW")]) == Outdated()
        assert judged([(Unit("b", "All projects"), "PROJECT OVERVIEW")]).again == ["b"]
    # its place written for its source: a reviewer's edit, however ltmt once wrote it
    assert outdated(record, [(Unit("a", "Overview"), "PROJECT OVERVIEW")], by_name=True) == (
        Outdated()
    )
    theirs = Record.of(
        [], b"k", unchecked={"a": (record.digest("Project overview"), "OVERVIEW")}
    ).with_history(Record.of([(Unit("a", "Overview"), "OVERVIEW")], b"k").own_pairs())
    kept = outdated(theirs, [(Unit("a", "All projects"), "OVERVIEW")], by_name=True)
    assert kept == Outdated(edited=["a"])  # kept as someone else's, named as before
    unknown = Record.of([(Unit("a", "All projects"), "OVERVIEW")], b"k", unknown=["a"])
    unknown = unknown.with_history(record.own_pairs())
    assert outdated(unknown, [(Unit("a", "All projects"), "OVERVIEW")], by_name=True).again == ["a"]


def test_a_records_history_is_written_read_back_and_kept_to_its_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output_sources, "HISTORY_KEPT", 2)
    records, output = OutputSources(tmp_path / "records"), tmp_path / "de.md"
    for number in range(4):
        output.write_text(f"TEXT {number}.\n", "utf-8")
        records.write(output, [(Unit("block0", f"Text {number}."), f"TEXT {number}.")])
    record = records.read(output)
    assert record is not None and record.wrote("Text 3.", "TEXT 3.")
    assert [record.wrote(f"Text {n}.", f"TEXT {n}.") for n in range(3)] == [False, True, True]
    assert len(record.history) == 2


def test_a_copys_run_leaves_the_originals_own_translations_its_own(tmp_path: Path) -> None:
    """Found by its bytes, the record of a copy's run (which had no record, and kept ltmt's
    German of an older source as of unknown origin) hid what ltmt wrote at the original's
    path: its English changed, the original kept ltmt's old German (trial s73, xliff2)."""
    records = OutputSources(tmp_path / "records")
    original, copy = tmp_path / "de.json", tmp_path / "kit" / "de.json"
    original.write_text('{"a": "ALT."}', "utf-8")
    records.write(original, [(Unit("/a", "Old."), "ALT.")])
    original.write_text('{"a": "ALT."} ', "utf-8")  # edited since: no copy by its bytes
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    records.write(copy, [(Unit("/a", "New."), "ALT.")], unknown=["/a"])
    record = records.read(original)  # the copy's, by the bytes
    assert record is not None and record.unknown("New.", "ALT.")
    assert outdated(record, [(Unit("/a", "New."), "ALT.")], by_name=True).again == ["/a"]


def test_a_record_found_by_another_outputs_bytes_is_not_the_files_own(tmp_path: Path) -> None:
    """Trial s75: main/Strings.de.resx, a copy of the release branch's file that a run kept
    as it was, has the bytes of release/Strings.de.resx; the record read for the release file
    is main's, found by those bytes, and says so (:data:`SAME_BYTES`). The written output's own
    record, found by its path, is its own."""
    records = OutputSources(tmp_path / "records")
    written, copy = tmp_path / "main" / "de.json", tmp_path / "release" / "de.json"
    for path in (written, copy):
        path.parent.mkdir()
        path.write_text('{"sync": "Belege synchronisieren"}', "utf-8")
    records.write(written, [(Unit("/sync", "Sync receipts and photos"), None)])
    own, found = records.read_for_import(written), records.read_for_import(copy)
    assert own is not None and found is not None
    assert (own.found_elsewhere, found.found_elsewhere) == ("", SAME_BYTES)
    assert own == found  # the same record: only how it was found differs


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bk.tmx", '<tmx version="1.4"><body/></tmx>', True),  # a memory: translate writes none
        ("bk.tsv", "Save\tSpeichern\n", True),
        ("bk.jsonl", '{"source": "a", "target": "b", "ltmt_segment": {"id": 1}}\n', True),
        ("de.jsonl", '{"source": "a", "target": "b"}\n', False),  # translate may write it
        ("de.jsonl", "not json\n", False),
        ("de.json", '{"save": "Speichern"}', False),
        ("de.xlf", None, False),  # no file (an origin's name): looked up as before
        ("notes.unknown-format", None, False),
    ],
)
def test_a_memory_file_is_never_an_output(
    tmp_path: Path, name: str, content: str | None, expected: bool
) -> None:
    """A TMX or TSV file, or a memory's JSON Lines export, has no record of what ltmt wrote:
    an import of ltmt's own TMX export (trial s75) took it for a copy of a translated file."""
    path = tmp_path / name
    if content is not None:
        path.write_text(content, "utf-8")
    assert never_an_output(path) is expected


def test_a_tmx_file_finds_no_record_of_the_output_its_pairs_are_a_copy_of(tmp_path: Path) -> None:
    """Trial s75: ltmt's TMX export of a memory was read as a copy of de.json (most of its
    pairs are), and its approved pairs were left out by that file's record."""
    records = OutputSources(tmp_path / "records")
    units = [(Unit("/save", "Save"), "Speichern"), (Unit("/open", "Open"), "Öffnen")]
    records.write(tmp_path / "de.json", units)
    pairs = [("Save", "Speichern"), ("Open", "Öffnen")]
    for name in ("copy.tmx", "copy.txt"):
        (tmp_path / name).write_text("Speichern\nÖffnen\n", "utf-8")
    copied = records.read_for_import(tmp_path / "copy.txt", pairs)
    assert copied is not None and copied.found_elsewhere == COPIED_PAIRS
    assert records.read_for_import(tmp_path / "copy.tmx", pairs) is None
    assert records.read_for_import(tmp_path / "copy.txt", pairs, fmt="tmx") is None
