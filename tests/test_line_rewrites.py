"""The rewrites of a translation's line outputs after decoding (ltmt.line_rewrites)."""

from __future__ import annotations

import logging

import pytest

from ltmt.line_rewrites import (
    capitalise_starts,
    doubled_once,
    write_dashes,
    write_labels,
    write_once,
)
from ltmt.segments import Match, Segment
from ltmt.units import split_segment


def _match(source: str, target: str) -> Match:
    return Match(Segment(1, "u1", source, target, 0.0, "test"), 80.0)


def test_write_once_rewrites_changed_segments_and_names_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    splits = {0: split_segment("Open the files"), 1: split_segment("Save")}
    grouped = {0: ["Öffnen Sie die Dateien Dateien"], 1: ["Speichern"]}
    with caplog.at_level(logging.INFO, logger="ltmt.line_rewrites"):
        changed = write_once(splits, grouped, doubled_once, "doubled words")
    assert changed == {0}
    assert grouped == {0: ["Öffnen Sie die Dateien"], 1: ["Speichern"]}
    assert "doubled words: 1 translations; written once" in caplog.text


def test_doubled_once_keeps_a_word_the_source_says_twice() -> None:
    assert doubled_once(["very very old"], ["sehr sehr alt"]) == ["sehr sehr alt"]


def test_capitalise_starts_unless_a_match_writes_small_letters() -> None:
    splits = {0: split_segment("Open the file."), 1: split_segment("Open the file.")}
    grouped = {0: ["öffnen Sie die Datei."], 1: ["öffnen Sie die Datei."]}
    matches: list[tuple[Match, ...]] = [(), (_match("Open it.", "öffnen Sie es."),)]
    capitalise_starts(splits, grouped, matches, "de")
    assert grouped == {0: ["Öffnen Sie die Datei."], 1: ["öffnen Sie die Datei."]}


def test_small_starts_unless_a_match_writes_capitals() -> None:
    """A dev user's catalog writes ``could not …`` as ``Konnte …``: its fused outputs keep that
    style (75 of the dev users' knn outputs had been written small, chrF down; a run by hand)."""
    splits = {0: split_segment("could not parse %s"), 1: split_segment("could not parse %s")}
    grouped = {0: ["Konnte %s nicht parsen"], 1: ["Konnte %s nicht parsen"]}
    matches: list[tuple[Match, ...]] = [(), (_match("could not read %s", "Konnte %s nicht lesen"),)]
    capitalise_starts(splits, grouped, matches, "de")
    assert grouped == {0: ["konnte %s nicht parsen"], 1: ["Konnte %s nicht parsen"]}


class _Lexicon:
    """A label lexicon that knows one label."""

    def translate(self, line: str) -> str | None:
        return "Einfügen" if line == "Paste" else None


class _Matcher:
    """A glossary matcher that finds a term in every line."""

    def find(self, line: str) -> list[str]:
        return [line]


def test_write_labels_skips_fused_segments_and_glossary_lines() -> None:
    splits = {n: split_segment("Paste") for n in range(3)}
    grouped = {n: ["Paste"] for n in range(3)}
    write_labels(
        _Lexicon(),  # type: ignore[arg-type]
        splits,
        grouped,
        {1: True},
        [None, None, _Matcher()],  # type: ignore[list-item]
    )
    assert grouped == {0: ["Einfügen"], 1: ["Paste"], 2: ["Paste"]}


def test_write_dashes_leaves_a_fused_output_as_the_memory_writes_it() -> None:
    splits = {0: split_segment("Fast \u2013 and free."), 1: split_segment("Fast \u2013 and free.")}
    grouped = {0: ["Schnell - und frei."], 1: ["Schnell - und frei."]}
    write_dashes(splits, grouped, {1: True})
    assert grouped == {0: ["Schnell \u2013 und frei."], 1: ["Schnell - und frei."]}


def test_write_dashes_writes_an_em_dash_for_a_double_hyphen_in_a_fused_output_too() -> None:
    """A Zendesk trial, session 76: ``&mdash;`` came back as ``--`` from a memory that held an
    earlier output's ``--``; a fused output's spaced hyphen is the memory's way to write it."""
    source = "Prices are in euros \u2014 VAT is not included."
    splits = {0: split_segment(source), 1: split_segment(source), 2: split_segment(source)}
    grouped = {
        0: ["Preise in Euro -- VAT ist nicht enthalten."],
        1: ["Preise in Euro -- VAT ist nicht enthalten."],
        2: ["Preise in Euro - VAT ist nicht enthalten."],
    }
    write_dashes(splits, grouped, {1: True, 2: True})
    dashed = "Preise in Euro \u2014 VAT ist nicht enthalten."
    assert grouped == {0: [dashed], 1: [dashed], 2: ["Preise in Euro - VAT ist nicht enthalten."]}
