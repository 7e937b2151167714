"""The values ltmt copies from a source (no text) follow it on a re-run, unless someone set
them in the output (regression trial oa271: ``version: 2.4.0`` kept for a source at 2.5.0)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.copied_values import SortedValues, follow_source, sort_values
from ltmt.formats.documents import Unit
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.output_sources import OutputSources, Record
from ltmt.formats.pipeline import translate_file

SOURCE = """\
info:
  title: Parcelly API
  version: {version}
servers:
  - url: {url}
    description: Production server
weight:
  type: {kind}
  example: {example}
"""


def _source(version: str, url: str, kind: str = "number", example: str = "shp_8F2kQ9") -> str:
    return SOURCE.format(version=version, url=url, kind=kind, example=example)


def test_a_rerun_writes_the_sources_values_now_where_the_output_holds_ltmts_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "openapi.yaml", tmp_path / "openapi.de.yaml"
    source.write_text(_source("2.4.0", "https://api.parcelly.io/v2"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    # a translator points the server at a German page
    output.write_text(
        output.read_text("utf-8").replace("https://api.parcelly.io/v2", "https://example.com/de/"),
        "utf-8",
    )
    source.write_text(
        _source("2.5.0", "https://api.parcelly.com/v2", "integer", "shp_9ZZ"), "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == (
        "info:\n"
        "  title: PARCELLY API\n"
        "  version: 2.5.0\n"
        "servers:\n"
        "  - url: https://example.com/de/\n"
        "    description: PRODUCTION SERVER\n"
        "weight:\n"
        "  type: integer\n"
        "  example: shp_9ZZ\n"
    )
    assert (
        f"{output}: 1 value kept as the output has it, set there by someone, though the "
        "source's changed since ltmt last wrote it (servers[0].url: https://example.com/de/); "
        "delete it there to take the source's"
    ) in caplog.text
    caplog.clear()  # warned of once: the record now holds the source's value it was kept for
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert caplog.text == ""
    assert "url: https://example.com/de/" in output.read_text("utf-8")


def test_overwrite_keeps_a_yaml_outputs_settings_unwarned(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``--overwrite`` reads no record: a YAML file's settings are kept as before trial s75,
    unwarned (the warning said someone may have set them there, of ltmt's own output)."""
    source, output = tmp_path / "openapi.yaml", tmp_path / "openapi.de.yaml"
    source.write_text(_source("2.4.0", "https://api.parcelly.io/v2"), "utf-8")
    translate_file(source, output, FakeModel())
    source.write_text(_source("2.5.0", "https://api.parcelly.io/v2"), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), overwrite=True)
    assert "  version: 2.4.0\n" in output.read_text("utf-8")
    assert caplog.messages == []


def test_a_value_someone_set_is_kept_silently_while_the_sources_stays() -> None:
    record = Record.of([], b"k", values={"separator": ".", "version": "2.4.0"})
    kept = {"separator": ",", "version": "2.4.0"}  # German's separator, set by a translator
    sources = {"separator": ".", "version": "2.5.0"}
    assert follow_source(Path("de.yml"), kept, sources, record) == ["version"]


def test_values_are_sorted_by_who_set_them() -> None:
    record = Record.of([], b"k", values={"a": "1", "b": "1", "c": "1"})
    kept = {"a": "1", "b": "2", "c": "2", "d": "2", "e": "1"}  # d: no value recorded
    sources = {"a": "3", "b": "1", "c": "3", "d": "3", "e": "1"}
    assert sort_values(kept, sources, record) == SortedValues(["a"], ["c"], [])
    assert sort_values(kept, sources, None) == SortedValues([], [], [])
    assert sort_values(kept, sources, Record.of([], b"k")).unknown == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("values", "follows", "unknown"),
    [
        (None, ["n", "flag"], ["other"]),  # before trial s75's JSON values: it holds none
        ({"skipped": "x"}, ["n", "flag"], []),  # one that holds a skipped key's alone
        ({"n": "3", "flag": "False"}, [], []),  # ltmt wrote 3 and false: someone set 5 and true
        ({"n": "3"}, [], []),  # of now: the source had no flag then, someone set it
    ],
)
def test_a_value_copied_before_that_a_record_does_not_hold_is_ltmts_copy(
    values: dict[str, str] | None,
    follows: list[str],
    unknown: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The regression trial's upgrade: an output ltmt wrote before trial s75 kept ``version: 2``
    and ``beta: false`` for the source's 3 and true, as of unknown origin."""
    record = Record.of([(Unit("a", "A"), "A")], b"k", values=values)
    kept = {"n": 5, "flag": True, "other": "x"}  # other: not copied before trial s75
    sources = {"n": 3, "flag": False, "other": "y"}
    assert sort_values(kept, sources, record, {"n", "flag"}).unknown == unknown
    with caplog.at_level(logging.WARNING):
        found = follow_source(Path("de.json"), kept, sources, record, {"n", "flag"})
    assert found == follows
    assert len(caplog.messages) == len(unknown)


@pytest.mark.parametrize(
    ("value", "shown"), [(False, "false"), (None, "null"), (True, "true"), (16, "16")]
)
def test_a_warning_writes_a_kept_value_as_json_does(
    value: object, shown: str, caplog: pytest.LogCaptureFixture
) -> None:
    record = Record.of([(Unit("a", "A"), "A")], b"k")  # holds no values: who set it is unknown
    with caplog.at_level(logging.WARNING):
        follow_source(Path("de.json"), {"/beta": value}, {"/beta": "on"}, record)
    assert f"(/beta: {shown})" in caplog.text


@pytest.mark.parametrize(
    ("record", "follows"),
    [
        (None, []),  # an output ltmt did not write: kept (warn_of_no_record says so)
        (Record.of([(Unit("a", "A"), "A")], b"k"), []),  # a record of before session 71
    ],
)
def test_without_a_record_of_values_the_outputs_are_kept(
    record: Record | None, follows: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        found = follow_source(Path("de.yaml"), {"version": "2.4.0"}, {"version": "2.5.0"}, record)
    assert found == follows
    said = (
        "de.yaml: 1 value kept as the output has it, not as the source has it now (version: "
        "2.4.0): ltmt's record of the output is older than its recording of such values, so "
        "who set it cannot be told; delete it there to take the source's"
        if record is not None
        else "de.yaml: 1 value kept as the output has it, not as the source has it (version: "
        "2.4.0): ltmt read no record of what it wrote there, so it cannot tell whether "
        "someone set it there or it is ltmt's copy of an older source; delete it there to take "
        "the source's"
    )
    assert caplog.messages == [said]


# a JSON catalog's values ltmt copies from the source while the output may hold its own: a
# skipped key's strings, an ARB file's @@ keys, its numbers, booleans, URLs and versions
JSON_SOURCE = {
    "@@locale": "en",
    "@@x-version": "2.4.0",
    "@@x-count": 3,
    "@@x-team": "core",
    "title": "Settings",
    "maxItems": 10,
    "enabled": True,
    "docsUrl": "https://example.com/en/docs",
    "version": "2.4.0",
    "node": {"speaker": "Guard", "mood": "calm"},
}
JSON_CHANGED = {
    **JSON_SOURCE,
    "@@x-version": "2.5.0",
    "@@x-count": 4,
    "@@x-team": "platform",
    "maxItems": 25,
    "enabled": False,
    "docsUrl": "https://example.com/en/guide",
    "version": "2.5.0",
    "node": {"speaker": "Knight", "mood": "tense"},
}
SKIPPED = frozenset({"speaker", "mood"})


def _translate_json(source: Path, output: Path, records: OutputSources | None) -> None:
    translate_file(source, output, FakeModel(), skip_keys=SKIPPED, output_sources=records)


def test_a_json_rerun_writes_the_sources_values_now_where_the_output_holds_ltmts_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A skipped key's string and an ARB file's ``@@x-version`` kept the first run's value
    for a source changed since, silently; those someone set there are kept, and named."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "app_en.arb", tmp_path / "app_de.arb"
    source.write_text(json.dumps(JSON_SOURCE, indent=2), "utf-8")
    _translate_json(source, output, records)
    written = json.loads(output.read_text("utf-8"))
    written["@@x-team"], written["node"]["mood"] = "kern", "wütend"  # a translator's own
    output.write_text(json.dumps(written, indent=2, ensure_ascii=False), "utf-8")
    source.write_text(json.dumps(JSON_CHANGED, indent=2), "utf-8")
    with caplog.at_level(logging.WARNING):
        _translate_json(source, output, records)
    assert json.loads(output.read_text("utf-8")) == {
        **JSON_CHANGED,
        "@@locale": "de",
        "@@x-team": "kern",
        "title": "SETTINGS",
        "node": {"speaker": "Knight", "mood": "wütend"},
    }
    assert (
        f"{output}: 2 values kept as the output has them, set there by someone, though the "
        "source's changed since ltmt last wrote it (/node/mood: wütend, /@@x-team: kern); "
        "delete them there to take the source's"
    ) in caplog.text
    caplog.clear()  # warned of once: the record now holds the source's values they were kept for
    with caplog.at_level(logging.WARNING):
        _translate_json(source, output, records)
    assert caplog.text == ""


@pytest.mark.parametrize("recorded", [False, True])
def test_a_json_outputs_values_are_kept_without_a_record_of_them(
    tmp_path: Path,
    recorded: bool,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No record (an output ltmt did not write): the output's are kept, numbers, booleans and
    versions too (trial s75: a Strapi export's German ids were replaced with the English
    entry's), and named once. One written before values were recorded for JSON (session 72):
    a skipped key's and an ARB ``@@`` key's are kept and named; the numbers, booleans and
    strings copied as they are, which ltmt wrote as the source's until trial s75, are its
    copies and follow the source (the regression trial's upgrade kept ``version: 2``)."""
    records = OutputSources(tmp_path / "records") if recorded else None
    source, output = tmp_path / "app_en.arb", tmp_path / "app_de.arb"
    source.write_text(json.dumps(JSON_SOURCE, indent=2), "utf-8")
    with monkeypatch.context() as older:  # as ltmt wrote it before: no values in the record
        older.setattr(JsonCatalog, "source_values_written", lambda self: {})
        _translate_json(source, output, records)
    source.write_text(json.dumps(JSON_CHANGED, indent=2), "utf-8")
    with caplog.at_level(logging.WARNING):
        _translate_json(source, output, records)
    written = json.loads(output.read_text("utf-8"))
    followed = {"maxItems": 25, "enabled": False, "docsUrl": "https://example.com/en/guide"}
    assert written == {
        **JSON_SOURCE,
        "@@locale": "de",
        "title": "SETTINGS",
        **(dict(followed, version="2.5.0") if recorded else {}),
    }
    said = (
        f"{output}: 5 values kept as the output has them, not as the source has them now "
        "(/node/speaker: Guard, /node/mood: calm, /@@x-version: 2.4.0, ...): ltmt's record of "
        "the output is older than its recording of such values, so who set them cannot be "
        "told; delete them there to take the source's"
        if recorded
        else f"{output}: 9 values kept as the output has them, not as the source has them "
        "(/node/speaker: Guard, /node/mood: calm, /docsUrl: https://example.com/en/docs, ...): "
        "ltmt read no record of what it wrote there, so it cannot tell whether someone set "
        "them there or they are ltmt's copies of an older source; delete them there to take "
        "the source's"
    )
    assert caplog.messages == [said]


def test_a_toml_rerun_writes_the_sources_values_now_where_the_output_holds_ltmts_copy(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A TOML string that is no text (a version, a time zone: no unit) kept the first run's
    value; so did a Joomla INI file's and a XAML dictionary's (every keyed catalog that writes
    such values: :meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.copied_values`)."""
    records = OutputSources(tmp_path / "records")
    source, output = tmp_path / "en.toml", tmp_path / "de.toml"
    toml = 'title = "Settings"\nversion = "{0}"\ntz = "Europe/{1}"\n'
    source.write_text(toml.format("2.4.0", "Berlin"), "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    output.write_text(output.read_text("utf-8").replace("Berlin", "Vienna"), "utf-8")
    source.write_text(toml.format("2.5.0", "Paris"), "utf-8")
    with caplog.at_level(logging.WARNING):
        translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == toml.format("2.5.0", "Vienna").replace(
        "Settings", "SETTINGS"
    )
    assert (
        f"{output}: 1 value kept as the output has it, set there by someone, though the "
        "source's changed since ltmt last wrote it (tz: Europe/Vienna); delete it there to "
        "take the source's"
    ) in caplog.text


def test_a_joomla_ini_rerun_writes_the_sources_version_now(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    (tmp_path / "en-GB").mkdir()
    (tmp_path / "de-DE").mkdir()
    source = tmp_path / "en-GB" / "en-GB.com_x.ini"
    output = tmp_path / "de-DE" / "de-DE.com_x.ini"
    source.write_text('COM_X_TITLE="Settings"\nCOM_X_VERSION="2.4.0"\n', "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    source.write_text('COM_X_TITLE="Settings"\nCOM_X_VERSION="2.5.0"\n', "utf-8")
    translate_file(source, output, FakeModel(), output_sources=records)
    assert output.read_text("utf-8") == 'COM_X_TITLE="SETTINGS"\nCOM_X_VERSION="2.5.0"\n'


@pytest.mark.parametrize("values", [None, {}, {"/bye/id": "quest.main.start"}])
def test_a_value_ltmt_translated_as_text_before_takes_the_sources(
    values: dict[str, str] | None, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s77: an output ltmt wrote when it read a line ID as text holds its translation
    (``Zeile:0a1b2c``); whatever values its record holds, it is ltmt's, and the source's now,
    said once. Another text there is someone's, kept as before."""
    written = [(Unit("/greeting/id", "line:0a1b2c"), "Zeile:0a1b2c")]
    record = Record.of(written, b"k", values=values)
    sources = {"/greeting/id": "line:0a1b2c"}
    found = sort_values({"/greeting/id": "Zeile:0a1b2c"}, sources, record, {"/greeting/id"})
    assert found == SortedValues(["/greeting/id"], [], [], ["/greeting/id"])
    with caplog.at_level(logging.WARNING):
        again = follow_source(Path("de.json"), {"/greeting/id": "Zeile:0a1b2c"}, sources, record)
    assert again == ["/greeting/id"]
    assert caplog.messages == [
        "de.json: 1 value that an earlier run translated as text is copied now (no text, as an "
        "identifier is, or under a key of --skip-keys): written as the source has it (/greeting/id: Zeile:0a1b2c)"
    ]
    someone = sort_values({"/greeting/id": "line:intro"}, sources, record)
    assert someone.translated == []
    assert someone.again == []
