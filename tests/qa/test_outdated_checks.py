"""qa's ``outdated`` check: translations the record of what ltmt wrote says are for an older
source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ltmt.cli.pair_files import read_records
from ltmt.formats.output_sources import SECRET, OutputSources
from ltmt.formats.pipeline import translate_file
from ltmt.qa.outdated_checks import outdated_problems


def _upper(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
    """A model that upper-cases."""
    return [text.upper() for text in texts]


def _checked(source: Path, output: Path, records: OutputSources) -> list[tuple[str, str]]:
    pairs = read_records(output, None, source, "en", "de", quiet=True, purpose="checked")
    return [
        (problem.position, problem.message)
        for problem in outdated_problems(output, pairs, None, records)
        if problem.check == "outdated"
    ]


def test_a_translation_of_an_older_source_is_named_whoever_wrote_it(tmp_path: Path) -> None:
    """Trial s72: a translator's German of English changed since passed qa, though memory
    import knew it was stale."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    english = {"notFound": "The note could not be found.", "open": "Open it.", "save": "Save"}
    source.write_text(json.dumps(english), "utf-8")
    translate_file(source, output, _upper, output_sources=records)
    assert _checked(source, output, records) == []
    german = json.loads(output.read_text("utf-8")) | {"notFound": "Nicht gefunden."}
    output.write_text(json.dumps(german), "utf-8")  # a reviewer's
    assert _checked(source, output, records) == []  # for its source still
    english |= {"notFound": "The note was moved.", "open": "Open it now."}
    source.write_text(json.dumps(english), "utf-8")
    assert _checked(source, output, records) == [
        (
            f"{output}: /notFound",
            "its source changed since this translation (not ltmt's) was written: check it "
            "against the source now and edit it (ltmt translate --overwrite translates it "
            "again)",
        ),
        (
            f"{output}: /open",
            "ltmt wrote this translation for an older source: run ltmt translate again to "
            "update it",
        ),
    ]


def test_a_file_without_a_record_has_nothing_outdated(tmp_path: Path) -> None:
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps({"save": "Save"}), "utf-8")
    output.write_text(json.dumps({"save": "Speichern"}), "utf-8")
    assert _checked(source, output, OutputSources(tmp_path / "records")) == []


@pytest.mark.parametrize("users", [["ann", "bob"], ["bob", "ann"]])
def test_without_a_user_the_record_read_is_the_last_written_whatever_the_folders_order(
    tmp_path: Path, users: list[str]
) -> None:
    """Trial s73: qa without --user read the first of the users' records in the folders'
    order, which the cache's random secret sets: ltmt's fresh translation was named as someone
    else's of an older source on two caches of three, and a real one was missed."""
    orders = set()
    for n in range(8):
        folder = tmp_path / f"records{n}"
        folder.mkdir()
        (folder / SECRET).write_bytes(bytes([n]) * 32)
        source, output = tmp_path / f"en{n}.json", tmp_path / f"de{n}.json"
        source.write_text(json.dumps({"overview": "Overview", "save": "Save"}), "utf-8")
        translate_file(source, output, _upper, output_sources=OutputSources(folder, users[0]))
        (older,) = [path for path in folder.iterdir() if path.is_dir()]
        output.unlink()  # another job's checkout, for the other user, since the English changed
        source.write_text(json.dumps({"overview": "Project overview", "save": "Save"}), "utf-8")
        translate_file(source, output, _upper, output_sources=OutputSources(folder, users[1]))
        orders.add(min(path for path in folder.iterdir() if path.is_dir()) == older)
        assert _checked(source, output, OutputSources(folder)) == []
        output.write_text(json.dumps({"overview": "PROJECT OVERVIEW", "save": "Sichern"}), "utf-8")
        assert _checked(source, output, OutputSources(folder)) == []  # a reviewer's edit
        source.write_text(json.dumps({"overview": "Project overview", "save": "Save all"}), "utf-8")
        assert _checked(source, output, OutputSources(folder)) == [
            (
                f"{output}: /save",
                "its source changed since this translation (not ltmt's) was written: check it "
                "against the source now and edit it (ltmt translate --overwrite translates it "
                "again)",
            )
        ]
    assert orders == {True, False}  # both users' folders came first


ANDROID_EN = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="share">Share it</string>
    <string-array name="prio">
        <item>Low</item>
        <item>Normal</item>
        <item>High</item>
    </string-array>
    <plurals name="days_left">
        <item quantity="one">One day left</item>
        <item quantity="other">Some days left</item>
    </plurals>
</resources>
"""


def test_an_array_item_and_a_plural_form_are_named_by_their_own_key(tmp_path: Path) -> None:
    """Trial s75 (Android CI): translate warned of a reviewer's ``prio[1]`` and
    ``days_left#one`` kept for an English changed since, qa named ``share`` alone: the pairs
    of an array's items and a plural's forms were looked up in the record by their string's
    name, which it does not hold (and one item's older source had them all named)."""
    records = OutputSources(tmp_path / "records")
    source = tmp_path / "values" / "strings.xml"
    output = tmp_path / "values-de" / "strings.xml"
    source.parent.mkdir()
    source.write_text(ANDROID_EN, "utf-8")
    translate_file(source, output, _upper, output_sources=records)
    reviewed = output.read_text("utf-8")
    for english, german in [("NORMAL", "Mittel"), ("ONE DAY LEFT", "Noch ein Tag")]:
        reviewed = reviewed.replace(f">{english}<", f">{german}<")
    output.write_text(reviewed, "utf-8")
    translate_file(source, output, _upper, output_sources=records)  # CI's run: kept
    assert _checked(source, output, records) == []
    changed = ANDROID_EN
    for english, now in [("Normal", "Minor"), ("High", "Top"), ("One day left", "Ends today")]:
        changed = changed.replace(f">{english}<", f">{now}<")
    source.write_text(changed, "utf-8")
    someone_elses = (
        "its source changed since this translation (not ltmt's) was written: check it against "
        "the source now and edit it (ltmt translate --overwrite translates it again)"
    )
    ltmts = "ltmt wrote this translation for an older source: run ltmt translate again to update it"
    assert _checked(source, output, records) == [
        (f"{output}: prio[1]", someone_elses),
        (f"{output}: prio[2]", ltmts),
        (f"{output}: days_left#one", someone_elses),
    ]


QT = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Backup</name>
    <message>
        <source>Back up your files every day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


@pytest.mark.parametrize("suffix", [".ts", ".json"])
def test_a_qt_or_jed_files_own_text_of_an_older_source_is_named(
    tmp_path: Path, suffix: str
) -> None:
    """Qt and WordPress trials s76: ltmt kept no record of a .ts or Jed file it filled, so
    qa could not tell its translation of an English changed since (lupdate's ``<oldsource>``);
    the message beside it, of the same class, is not named with it."""
    records = OutputSources(tmp_path / "records")
    path = tmp_path / f"app_de{suffix}"
    old, new = "Back up your files every day.", "Never back up your files."
    if suffix == ".ts":
        path.write_text(QT, "utf-8")
        translate_file(path, path, _upper, output_sources=records)
        changed = f"<source>{new}</source>\n        <oldsource>{old}</oldsource>"
        path.write_text(path.read_text("utf-8").replace(f"<source>{old}</source>", changed))
        where = f"{path}: message 1"
    else:
        header = '"":{"domain":"messages","lang":"de_DE"}'
        jed = f'{{"locale_data":{{"messages":{{{header},"{old}":[""],"Restore":[""]}}}}}}'
        source = tmp_path / "jed.json"
        source.write_text(jed, "utf-8")
        translate_file(source, path, _upper, output_sources=records)
        path.write_text(path.read_text("utf-8").replace(f'"{old}"', f'"{new}"'))
        where = f"{path}: /locale_data/messages/{new}/0"
    pairs = read_records(
        path, None, None, "en", "de", quiet=True, include_fuzzy=True, purpose="checked"
    )  # (as ltmt qa reads them: unfinished ones too)
    found = [
        (problem.position, problem.message)
        for problem in outdated_problems(path, pairs, None, records)
    ]
    assert found == [
        (
            where,
            "ltmt wrote this translation for an older source: run ltmt translate again to "
            "update it",
        )
    ]
