"""Markdown's HTML blocks keep what a reviewer set in their translation so far, as an HTML page
does: a run's text and its inline links as written, and the link around a whole run."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.html_blocks_kept import EmbeddedHtml, source_markups
from ltmt.formats.html_segments import segments
from ltmt.formats.output_sources import OutputSources
from ltmt.formats.pipeline import translate_file

PAGE = """Join our demo on Thursday.

<p><a class="btn" href="https://x.io/webinar">Save my seat</a></p>

<p>Or <a href="https://x.io/rec">get the recording</a>.</p>
"""


def test_a_reviewer_s_links_in_an_html_block_stay(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    first = out.read_text("utf-8")
    assert '<p><a class="btn" href="https://x.io/webinar">SAVE MY SEAT</a></p>' in first
    out.write_text(first.replace("x.io/", "x.io/de/"), "utf-8")
    source.write_text(PAGE.replace("Thursday", "Friday"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert out.read_text("utf-8") == (
        "JOIN OUR DEMO ON FRIDAY.\n\n"
        '<p><a class="btn" href="https://x.io/de/webinar">SAVE MY SEAT</a></p>\n\n'
        '<p>OR <a href="https://x.io/de/rec">GET THE RECORDING</a>.</p>\n'
    )
    assert "markup around" not in caplog.text


def test_ltmt_s_own_link_around_a_run_follows_the_source(tmp_path: Path) -> None:
    records = OutputSources(tmp_path / "records")
    source, out = tmp_path / "en.md", tmp_path / "de.md"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    source.write_text(PAGE.replace("x.io/webinar", "x.io/webinar2"), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de", output_sources=records)
    assert '<a class="btn" href="https://x.io/webinar2">SAVE MY SEAT</a>' in out.read_text("utf-8")


def test_the_source_s_markups_are_recorded_by_unit_key() -> None:
    text = '<p><a href="/x">Home</a></p>\n<p>Plain</p>'
    html = EmbeddedHtml(text, segments(text), lambda key: f"html0:{key}")
    assert source_markups([html]) == {"around:html0:text0": '<a href="/x">\0\0</a>'}
