"""The patterns of a Fluent file ltmt copies from the source (no words, no text, ``.style``)
follow it on a rerun, unless someone set them in the output (session 72: ``version = 2.4.0``
was kept whole for a source at 2.5.0, silently)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, FluentSerializer, ast
from formats_fakes import FakeModel

from ltmt.formats.fluent import FluentCatalog
from ltmt.formats.fluent_copies import (
    copied_patterns,
    is_brand_name,
    pattern_text,
    put_pattern,
)
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file
from ltmt.formats.run_report import RunReport

SOURCE = """\
-brand-name = Notes
    .gender = {gender}
-brand-version = {version}
version = {version}
build-number = {build}
tz = Europe/{city}
about = {{ {brand} }}
count = {{ $n ->
    [one] {{ $n }}
   *[other] {{ $n }}{mark}
}}
hello = Open the file
    .title = {{ {brand} }}
    .style = width: {width}
    .accesskey = O
"""
FIRST = {
    "gender": "masculine",
    "version": "2.4.0",
    "build": "1234",
    "city": "Berlin",
    "brand": "-brand-name",
    "mark": "+",
    "width": "32em",
}
CHANGED = {
    "gender": "feminine",
    "version": "2.5.0",
    "build": "1300",
    "city": "Paris",
    "brand": "-brand-short",
    "mark": "++",
    "width": "36em",
}


def _files(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "en-US" / "main.ftl", tmp_path / "de" / "main.ftl"


def _write_source(source: Path, values: dict[str, str]) -> None:
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(SOURCE.format(**values), "utf-8")


def _translate(source: Path, output: Path, records: OutputSources | None) -> None:
    translate_file(source, output, FakeModel(), tgt_lang="de", output_sources=records)


def _edit(output: Path, old: str, new: str) -> None:
    text = output.read_text("utf-8")
    assert old in text, text
    output.write_text(text.replace(old, new), "utf-8")


def test_a_rerun_writes_the_sources_copies_now_and_keeps_a_value_someone_set(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = _files(tmp_path)
    _write_source(source, FIRST)
    _translate(source, output, records)
    _edit(output, "width: 32em", "width: 40em")  # German is longer: a translator's width
    assert "-brand-name = Notes\n" in output.read_text("utf-8")  # a brand's name: copied
    _write_source(source, CHANGED)
    with caplog.at_level(logging.WARNING):
        _translate(source, output, records)
    assert output.read_text("utf-8") == (
        "-brand-name = Notes\n"
        "    .gender = masculine\n"  # a term's attribute: the target language's grammar
        "-brand-version = 2.5.0\n"
        "version = 2.5.0\n"
        "build-number = 1300\n"
        "tz = Europe/Paris\n"
        "about = { -brand-short }\n"
        "count =\n"
        "    { $n ->\n"
        "        [one] { $n }\n"
        "       *[other] { $n }++\n"
        "    }\n"
        "hello = OPEN THE FILE\n"
        "    .title = { -brand-short }\n"
        "    .style = width: 40em\n"
        "    .accesskey = O\n"
    )
    assert (
        f"{output}: 1 value kept as the output has it, set there by someone, though the "
        "source's changed since ltmt last wrote it (hello.style: width: 40em); delete it there "
        "to take the source's"
    ) in caplog.text
    caplog.clear()  # warned of once: the record now holds the source's value it was kept for
    with caplog.at_level(logging.WARNING):
        _translate(source, output, records)
    assert caplog.text == ""
    assert "    .style = width: 40em\n" in output.read_text("utf-8")


def test_an_attribute_deleted_in_the_output_takes_the_sources_as_the_warning_says(
    tmp_path: Path,
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = _files(tmp_path)
    _write_source(source, FIRST)
    _translate(source, output, records)
    _edit(output, "    .style = width: 32em\n", "")
    _edit(output, "version = 2.4.0\nbuild", "build")
    _write_source(source, CHANGED)
    _translate(source, output, records)
    written = output.read_text("utf-8")
    assert "version = 2.5.0\nbuild-number = 1300\n" in written
    assert written.endswith("    .accesskey = O\n    .style = width: 36em\n")


@pytest.mark.parametrize("recorded", [False, True])
def test_without_a_record_of_values_the_outputs_are_kept(
    tmp_path: Path,
    recorded: bool,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No record (an output ltmt did not write), or one written before Fluent's values were
    recorded (session 72): the output's are kept, as before; the latter names them once."""
    records = OutputSources(tmp_path / "records") if recorded else None
    source, output = _files(tmp_path)
    _write_source(source, FIRST)
    with monkeypatch.context() as older:  # as ltmt wrote it before: no values in the record
        older.setattr(FluentCatalog, "source_values_written", lambda self: {})
        _translate(source, output, records)
    _write_source(source, {**FIRST, "version": "2.5.0"})
    with caplog.at_level(logging.WARNING):
        _translate(source, output, records)
    assert "\nversion = 2.4.0\n" in output.read_text("utf-8")
    said = (
        f"{output}: 2 values kept as the output has them, not as the source has them now "
        "(-brand-version: 2.4.0, version: 2.4.0): ltmt's record of the output is older than "
        "its recording of such values, so who set them cannot be told; delete them there to "
        "take the source's"
    )
    assert (said in caplog.text) == recorded


def test_a_retranslated_message_keeps_the_value_someone_set_in_its_attribute(
    tmp_path: Path,
) -> None:
    """Rebuilt from the source for a changed text, a message took the source's copies, so a
    translator's ``.style`` was lost without a word."""
    records = OutputSources(tmp_path / "records")
    source, output = _files(tmp_path)
    _write_source(source, FIRST)
    _translate(source, output, records)
    _edit(output, "width: 32em", "width: 40em")
    source.write_text(source.read_text("utf-8").replace("Open the file", "Save the file"))
    _translate(source, output, records)
    assert "hello = SAVE THE FILE\n    .title = { -brand-name }\n    .style = width: 40em\n" in (
        output.read_text("utf-8")
    )


def test_a_message_whose_value_is_no_text_is_copied_not_left_out(tmp_path: Path) -> None:
    """``tz = Europe/Berlin`` was a string never translated, so its message was never whole
    and the output lacked it."""
    source, output = _files(tmp_path)
    _write_source(source, FIRST)
    _translate(source, output, None)
    assert "\ntz = Europe/Berlin\n" in output.read_text("utf-8")
    units = FluentCatalog.open(source).units()
    assert [u.key for u in units] == ["hello"]  # not -brand-name = Notes, a brand's name


def _entry(text: str) -> ast.Message | ast.Term:
    entry = FluentParser().parse(text).body[0]
    assert isinstance(entry, ast.Message | ast.Term), entry
    return entry


@pytest.mark.parametrize(
    ("text", "translated", "copied"),
    [
        ("v = 2.4.0\n", set(), ["v"]),
        ("m = Open\n    .style = width: 32em\n", {"m"}, ["m.style"]),
        ("m = Open\n    .label = Open\n    .accesskey = O\n", {"m", "m.label"}, []),
        ("-t = Notes\n    .gender = masculine\n", {"-t"}, []),  # the target's grammar
        ("-t = { -other }\n", set(), ["-t"]),
    ],
)
def test_the_copied_patterns_are_those_not_translated_but_access_keys_and_term_attributes(
    text: str, translated: set[str], copied: list[str]
) -> None:
    assert [key for key, _ in copied_patterns(_entry(text), translated)] == copied


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("v = 2.4.0\n", "2.4.0"),
        ("v = { -brand-name }\n", "{ -brand-name }"),
        ("v = { $n ->\n   *[other] { $n }\n}\n", "{ $n ->\n       *[other] { $n }\n    }"),
    ],
)
def test_a_pattern_is_compared_as_fluent_writes_it(text: str, written: str) -> None:
    value = _entry(text).value
    assert value is not None
    assert pattern_text(value) == written


def test_putting_an_attribute_a_message_lacks_adds_it() -> None:
    message = _entry("m = Open\n    .label = Open\n")
    style = _entry("x = width: 36em\n").value
    put_pattern(message, "m.style", style)
    put_pattern(message, "m", _entry("x = Save\n").value)
    assert FluentSerializer().serialize(ast.Resource([message])) == (
        "m = Save\n    .label = Open\n    .style = width: 36em\n"
    )


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("-pocket-brand-name = Pocket\n", True),
        ("-monitor-brand-name = Nightjar Monitor\n", True),
        ("-vpn-brand-name = Mozilla VPN\n", True),
        ("-vendor-short-name = Mozilla\n", True),
        ("-brandShortName = Notepad++\n", True),
        ("-app_branding = AT&T Wi-Fi 2\n", True),
        ("-brand = Élan\n", True),  # a capital beyond ASCII
        ("-sync-brand-name = Firefox Sync for Your Devices Now\n", False),  # too many words
        ("-brand-tip = Open the file\n", False),  # a word without a capital
        ("-brand-tip = Learn More.\n", False),  # a sentence
        # trial s74: a term whose id names no brand is UI vocabulary, translated
        ("-cancel-label = Cancel\n", False),
        ("-home = Home\n", False),
        ("-term-help = Help Center\n", False),
        ("-vpn = Mozilla VPN\n", False),
        ("-brandnew = Open\n", False),  # "brand" inside a word
        ("-brand-ref = About { -brand-name }\n", False),  # a placeable
        ("-brand-sel = { $case ->\n   *[nom] Pocket\n}\n", False),  # a select
        ("pocket-brand-name = Pocket\n", False),  # a message, no term
    ],
)
def test_a_term_whose_value_is_a_name_is_a_brand(text: str, brand: bool) -> None:
    assert is_brand_name(_entry(text)) is brand


def test_a_brand_file_is_written_with_its_names_and_kept_so(tmp_path: Path) -> None:
    """Trial s74: a German brandings.ftl whose terms copy the English, as Mozilla requires, was
    rewritten ``-pocket-brand-name = Tasche`` and said ``3 copies of the source translated``."""
    source, output = _files(tmp_path)
    source.parent.mkdir(parents=True)
    brands = "-pocket-brand-name = Pocket\n-send-brand-name = Send\nsaved = Saved to Pocket\n"
    source.write_text(brands, "utf-8")
    model = FakeModel()
    translate_file(source, output, model, tgt_lang="de")
    assert model.seen == ["Saved to Pocket"]
    assert output.read_text("utf-8") == brands.replace("Saved to Pocket", "SAVED TO POCKET")
    # the German file, every term a copy of the source's, as Mozilla's are
    names = "-pocket-brand-name = Pocket\n-send-brand-name = Send\n"
    source.write_text(names, "utf-8")
    output.write_text(names, "utf-8")
    model, report = FakeModel(), RunReport()
    translate_file(source, output, model, tgt_lang="de", report=report)
    assert model.seen == [] and report.copies_of_source == 0
    assert output.read_text("utf-8") == names


def test_a_term_of_ui_words_is_translated_as_a_brand_term_is_not(tmp_path: Path) -> None:
    """Trial s74 (regression of f3cb9c65): every term of a few capitalised words was read as a
    brand's name, so ``-cancel-label = Cancel`` and ``-home = Home`` shipped in English, and so
    did every message that references them."""
    source, output = _files(tmp_path)
    source.parent.mkdir(parents=True)
    source.write_text(
        "-brand-short-name = Nightly\n-cancel-label = Cancel\n-home = Home\n"
        "cancel-button = { -cancel-label }\n",
        "utf-8",
    )
    model = FakeModel()
    translate_file(source, output, model, tgt_lang="de")
    assert model.seen == ["Cancel", "Home"]
    assert output.read_text("utf-8") == (
        "-brand-short-name = Nightly\n-cancel-label = CANCEL\n-home = HOME\n"
        "cancel-button = { -cancel-label }\n"
    )
