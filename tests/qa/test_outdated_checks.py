"""qa's ``outdated`` check: translations the record of what ltmt wrote says are for an older
source."""

from __future__ import annotations

import json
from pathlib import Path

from ltmt.cli.pair_files import read_records
from ltmt.formats.output_sources import OutputSources
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
