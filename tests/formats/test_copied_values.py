"""The values ltmt copies from a source (no text) follow it on a re-run, unless someone set
them in the output (regression trial oa271: ``version: 2.4.0`` kept for a source at 2.5.0)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.copied_values import follow_source
from ltmt.formats.documents import Unit
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


def test_a_value_someone_set_is_kept_silently_while_the_sources_stays() -> None:
    record = Record.of([], b"k", values={"separator": ".", "version": "2.4.0"})
    kept = {"separator": ",", "version": "2.4.0"}  # German's separator, set by a translator
    sources = {"separator": ".", "version": "2.5.0"}
    assert follow_source(Path("de.yml"), kept, sources, record) == ["version"]


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
    )
    assert (said in caplog.text) == (record is not None)
