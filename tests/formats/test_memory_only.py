"""A catalog's messages that only a 100 % memory match translates
(:mod:`ltmt.formats.memory_only`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.formats.documents import open_document
from ltmt.formats.memory_only import MemoryOnly, fill_from_memory
from ltmt.formats.pipeline import translate_file
from ltmt.formats.run_report import RunReport
from ltmt.segments import Match, Segment, Translation

SUMMARY = "{count, plural, one {You have # item.} other {You have # items.}}"
ZUSAMMENFASSUNG = "{count, plural, one {Du hast # Artikel.} other {Du hast # Artikel.}}"
ITEMS = "{count, plural, one {# item} other {# items}}"
# a stored translation ICU rejects (its plural lost its other branch): no match to write
BROKEN = "{count, plural, one {# Artikel}}"
STORED = {SUMMARY: ZUSAMMENFASSUNG, ITEMS: BROKEN}


def _exact(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
    """A memory holding :data:`STORED`, each pair under the name ``cart.*`` of its source."""
    found: list[Translation | None] = []
    for text in texts:
        target = STORED.get(text)
        stored = Segment(1, "u", text, target or "", 0.0, "yaml", {"context": "cart.x"})
        found.append(
            None if target is None else Translation(text, target, (Match(stored, 100.0),), "exact")
        )
    return found


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "messages+intl-icu.en.yaml"
    source.write_text(
        f"cart:\n    summary: '{SUMMARY}'\n    items: '{ITEMS}'\n    title: 'Your cart'\n",
        "utf-8",
    )
    return source


def test_a_first_run_writes_a_100_percent_match_of_a_message_the_model_never_gets(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Trial s77: ``cart.summary`` was left out of the output though the memory held it as a
    100 % match (imported from an approved XLIFF file); a match ICU rejects is not written."""
    out = tmp_path / "messages+intl-icu.de.yaml"
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(_source(tmp_path), out, model, tgt_lang="de", exact=_exact)
    assert out.read_text("utf-8") == (
        f"cart:\n    summary: '{ZUSAMMENFASSUNG}'\n    title: 'YOUR CART'\n"
    )
    assert model.seen == ["Your cart"]
    assert result.report.exact == 1
    assert "(cart.items) left out of the output" in caplog.text
    assert "cart.summary" not in caplog.text


def test_without_a_memory_nothing_is_filled(tmp_path: Path) -> None:
    """No memory (``exact`` None), or a document with no such messages: nothing to fill."""
    document = open_document(_source(tmp_path), tgt_lang="de")
    assert isinstance(document, MemoryOnly)
    assert [(u.key, u.context) for u in document.memory_only_units()] == [
        ("cart.summary", "cart.summary"),
        ("cart.items", "cart.items"),
    ]
    assert fill_from_memory(document, None, RunReport()) == 0
    assert fill_from_memory(object(), _exact, RunReport()) == 0
    assert fill_from_memory(document, _exact, RunReport()) == 1


def test_a_persons_translation_kept_is_not_looked_up(tmp_path: Path) -> None:
    """The output so far's translation of a message stays, whatever the memory holds."""
    out = tmp_path / "messages+intl-icu.de.yaml"
    out.write_text("cart:\n    summary: '{count, plural, other {# Stück}}'\n", "utf-8")
    translate_file(_source(tmp_path), out, FakeModel(), tgt_lang="de", exact=_exact)
    assert out.read_text("utf-8") == (
        "cart:\n    summary: '{count, plural, other {# Stück}}'\n    title: 'YOUR CART'\n"
    )
