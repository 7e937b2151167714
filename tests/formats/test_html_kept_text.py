"""An edit of text an HTML page's translation does not hold is named, not lost without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file

PAGE = """<html lang="en"><body>
<p translate="no">Acme Suite</p>
<svg><title>Star rating</title></svg>
<div role="slider" aria-valuetext="Three nights"></div>
<p>Book now</p>
</body></html>
"""


def test_an_edit_of_untranslated_text_is_named_and_of_svg_text_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, out = tmp_path / "p.html", tmp_path / "p.de.html"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    edited = (
        out.read_text("utf-8")
        .replace("STAR RATING", "Sternebewertung")
        .replace('"THREE NIGHTS"', '"Drei Naechte"')
        .replace("Acme Suite", "Acme Suite DE")
    )
    out.write_text(edited, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_text("utf-8")
    assert "<title>Sternebewertung</title>" in written
    assert 'aria-valuetext="Drei Naechte"' in written
    assert '<p translate="no">Acme Suite</p>' in written
    assert (
        "p.de.html: text ltmt does not translate was edited there and is written as the "
        "source's again (1: 'Acme Suite DE'): copy the edits into the source page, or keep a "
        "copy of the file to restore them"
    ) in caplog.text


def test_an_untouched_output_warns_of_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, out = tmp_path / "p.html", tmp_path / "p.de.html"
    source.write_text(PAGE, "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert "edited there" not in caplog.text
