from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("name", "english", "edit"),
    [
        (
            "app_de.arb",
            '{\n  "save": "Save the document",\n  "quit": "Quit"\n}\n',
            ('"QUIT"', '"Beenden"'),
        ),
        ("de.yml", "en:\n  save: Save the document\n  quit: Quit\n", ("QUIT", "Beenden")),
    ],
)
def test_an_edited_copy_of_an_output_is_said_to_have_no_record(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    name: str,
    english: str,
    edit: tuple[str, str],
) -> None:
    """A colleague's copy of what ltmt wrote, one line edited: which of its translations are
    of an English changed since cannot be told, so a warning says so."""
    source = tmp_path / f"en{Path(name).suffix}"
    source.write_text(english, "utf-8")
    records = OutputSources(tmp_path / "records")
    written, copy = tmp_path / "a" / name, tmp_path / "b" / name
    written.parent.mkdir()
    translate_file(source, written, FakeModel(), tgt_lang="de", output_sources=records)
    copy.parent.mkdir()
    copy.write_text(written.read_text("utf-8").replace(*edit), "utf-8")
    source.write_text(english.replace("document", "file"), "utf-8")
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, copy, FakeModel(), tgt_lang="de", output_sources=records)
    assert caplog.messages == [
        f"{copy}: no record of what ltmt wrote into this file (a copy of an output it wrote "
        "elsewhere, edited since, or one it never wrote), so strings whose source changed "
        "cannot be told: 2 translations kept as they are; translate into the output where "
        f"ltmt wrote it, or check them by hand (ltmt keeps these records in {records.folder}: "
        "on CI, keep that folder between runs, e.g. in a cache)"
    ]
    assert result.report.no_record == [str(copy)]
    caplog.clear()  # where ltmt wrote it, the record says what changed
    with caplog.at_level(logging.WARNING):
        translate_file(source, written, FakeModel(), tgt_lang="de", output_sources=records)
    assert caplog.messages == []
    assert "SAVE THE FILE" in written.read_text("utf-8")


def test_one_translation_without_a_record_is_kept_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """ "1 translation kept as they are" was said (kmp trial, session 67)."""
    source, output = tmp_path / "en.yml", tmp_path / "de.yml"
    source.write_text("en:\n  save: Save\n  quit: Quit\n", "utf-8")
    output.write_text("de:\n  save: Sichern\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(
            source, output, FakeModel(), tgt_lang="de", output_sources=OutputSources(tmp_path / "r")
        )
    assert "cannot be told: 1 translation kept as it is; translate into" in caplog.text


def test_a_fresh_ci_runner_says_which_outputs_had_no_record(tmp_path: Path) -> None:
    """A CI job with an empty cache kept a changed string's old translation, saying so only in
    a warning; --json's ``no_record`` names the output (Android CI trial, session 70), and an
    output with a record is not named."""
    source, output = tmp_path / "en.yml", tmp_path / "de.yml"
    source.write_text("en:\n  save: Save the document\n", "utf-8")
    translate_file(
        source, output, FakeModel(), tgt_lang="de", output_sources=OutputSources(tmp_path / "a")
    )
    source.write_text("en:\n  save: Save the file\n  quit: Quit\n", "utf-8")
    fresh = OutputSources(tmp_path / "empty")  # the next runner's cache
    result = translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=fresh)
    assert result.report.no_record == [str(output)]
    assert result.report.as_dict()["no_record"] == [str(output)]
    again = translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=fresh)
    assert again.report.no_record == []  # the fresh cache recorded the run before


def test_an_unedited_copy_finds_the_record_by_its_content(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text("en:\n  save: Save the document\n", "utf-8")
    records = OutputSources(tmp_path / "records")
    written, copy = tmp_path / "de.yml", tmp_path / "copy" / "de.yml"
    translate_file(source, written, FakeModel(), tgt_lang="de", output_sources=records)
    copy.parent.mkdir()
    shutil.copy(written, copy)
    source.write_text("en:\n  save: Save the file\n", "utf-8")
    translate_file(source, copy, FakeModel(), tgt_lang="de", output_sources=records)
    assert copy.read_text("utf-8") == "de:\n  save: SAVE THE FILE\n"


def _po(path: Path, entry: str) -> Path:
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + entry,
        "utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("entry", "update"),
    [
        (  # a catalog po4a made of an AsciiDoc page: updated from its page
            '#. type: Title =\n#: modules/ROOT/pages/install.adoc:1\nmsgid "Install"\n'
            'msgstr "Installieren"\n',
            "update it from its page with po4a (po4a-updatepo -f asciidoc -m "
            "modules/ROOT/pages/install.adoc -p {out}, or po4a with your po4a.cfg)",
        ),
        (  # of a man page: po4a's man module
            '#. type: SH\n#: cloudsync.1:4\nmsgid "NAME"\nmsgstr "NAME"\n',
            "update it from its page with po4a (po4a-updatepo -f man -m cloudsync.1 -p {out}, "
            "or po4a with your po4a.cfg)",
        ),
        (  # an application's catalog: from its template
            '#: app.py:3\nmsgid "Open"\nmsgstr "Öffnen"\n',
            "update it from the template (pybabel update / msgmerge)",
        ),
    ],
)
def test_an_existing_catalog_is_updated_as_the_tool_that_made_it_does(
    tmp_path: Path, entry: str, update: str
) -> None:
    """A de.po that po4a made of an AsciiDoc page was said to be updated with 'pybabel update /
    msgmerge', which know nothing of its page."""
    from ltmt.errors import InputError
    from ltmt.formats.existing_output import check_output_replaceable
    from ltmt.formats.registry import FORMATS

    out = _po(tmp_path / "de.po", entry)
    with pytest.raises(InputError) as raised:
        check_output_replaceable(out, FORMATS["po"])
    assert str(raised.value) == (
        f"{out} exists and may hold reviewed translations that this run would replace; to keep "
        f"them, {update.format(out=out)}, then translate the .po into itself: ltmt translate "
        f"{out} -o {out}"
    )
