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


QUOTED = "Use '{' to open {x}"
GEQUOTET = "Mit '{' öffnen {x}"
CHOICE = "{0,choice,0#no files|1#one file|1<{0} files}"
AUSWAHL = "{0,choice,0#keine Dateien|1#eine Datei|1<{0} Dateien}"
# (source file, its text, the output's name, what a first run writes): each file's message
# that ltmt leaves to a person has a 100 % memory match (:func:`_stored`)
FIRST_RUNS = [
    ("messages+intl-icu.en.yaml", f"a: '{SUMMARY}'\nb: Save\n", "messages+intl-icu.de.yaml",
     f"a: '{ZUSAMMENFASSUNG}'\nb: SAVE\n"),
    ("en.yml", f'en:\n  a: "{QUOTED}"\n  b: Save\n', "de.yml", f'de:\n  a: "{GEQUOTET}"\n  b: SAVE\n'),
    ("en.json", f'{{"a": "{QUOTED}", "b": "Save"}}\n', "de.json", f'{{"a": "{GEQUOTET}", "b": "SAVE"}}\n'),
    ("app_en.arb", f'{{"@@locale": "en", "a": "{QUOTED}", "b": "Save"}}\n', "app_de.arb",
     f'{{"@@locale": "de", "a": "{GEQUOTET}", "b": "SAVE"}}\n'),
    ("m.properties", f"a={CHOICE}\nb=Save\n", "m_de.properties", f"a={AUSWAHL}\nb=SAVE\n"),
]  # fmt: skip


def _stored(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation | None]:
    """A memory holding the whole messages of :data:`FIRST_RUNS`."""
    stored = {SUMMARY: ZUSAMMENFASSUNG, QUOTED: GEQUOTET, CHOICE: AUSWAHL}
    found: list[Translation | None] = []
    for text in texts:
        if text not in stored:
            found.append(None)
            continue
        segment = Segment(1, "u", text, stored[text], 0.0, "xliff", {})
        found.append(Translation(text, stored[text], (Match(segment, 100.0),), "exact"))
    return found


@pytest.mark.parametrize(("source_name", "source", "out_name", "expected"), FIRST_RUNS)
def test_each_catalog_writes_a_100_percent_match_of_a_message_left_to_a_person(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    source_name: str,
    source: str,
    out_name: str,
    expected: str,
) -> None:
    """YAML's ICU plurals and quoted braces, JSON's and ARB's quoting, a MessageFormat choice:
    none goes to the model, and each was left out of a first run's output though the memory
    held its translation as a 100 % match (trial s77); no warning names it now."""
    en = tmp_path / source_name
    en.write_text(source, "utf-8")
    out = tmp_path / out_name
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        result = translate_file(en, out, model, tgt_lang="de", exact=_stored)
    assert out.read_text("utf-8") == expected
    assert model.seen == ["Save"]
    assert result.report.exact == 1
    assert caplog.text == ""
