"""Translate warns of an output whose markup lost its source's structure, as ``ltmt qa`` does
(:mod:`ltmt.formats.markup_structure`)."""

from __future__ import annotations

import logging

import pytest

from ltmt.formats.documents import Unit
from ltmt.formats.markup_structure import warn_of_scrambled_markup
from ltmt.formats.placeholders import Restored
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import Outcome, entry_place
from ltmt.segments import Translation

TABLE = "<table><tr><td>Team</td><td>$19 / month</td></tr></table>"


def _outcome(source: str, output: str, method: str = "base", ok: bool = True) -> Outcome:
    unit = Unit("/article/body", source)
    return Outcome(unit, Restored(output, False, ok), Translation(source, output, method=method))


@pytest.mark.parametrize(
    ("source", "output", "warning"),
    [
        # trial s76: a cell after the table's end
        (
            TABLE,
            "<table><tr></tr><td>Team 19 $/Monat</td></table> <td>$19 / month</td>",
            "the translation of '<table><tr><td>Team</td><td>$19 / month</td></tr… (key "
            "'/article/body') does not keep the source's markup: its <td> is outside <tr>, which "
            "holds it in the source: move it back inside; check it",
        ),
        (
            "<ol><li>Go</li><li>Click</li></ol>",
            "<ol><li>Geh</li></ol><li>Klick</li>",
            "the translation of '<ol><li>Go</li><li>Click</li></ol>' (key '/article/body') does "
            "not keep the source's markup: its <li> is outside <ol>, which holds it in the "
            "source: move it back inside; check it",
        ),
        # trial s76 (Qt): a message of paragraphs given whole, its words put between them
        (
            "<p><b>Welcome!</b></p><p>Create a project.</p>",
            "<p><b>Willkommen</b></p>! Ein <p>Projekt erstellen.</p>",
            "the translation of '<p><b>Welcome!</b></p><p>Create a project.</p>' (key "
            "'/article/body') does not keep the source's markup: has '! Ein' outside its "
            "paragraphs (and other block elements), where the source's text is all inside them: "
            "move it back inside; check it",
        ),
        (
            "<b><i>Save</i></b> now",
            "<b><i>Speichern</b></i> jetzt",
            "the translation of '<b><i>Save</i></b> now' (key '/article/body') does not keep the "
            "source's markup: its tags do not nest as the source's: ",
        ),
    ],
)
def test_an_output_whose_markup_lost_its_structure_is_warned_of_and_counted(
    source: str, output: str, warning: str, caplog: pytest.LogCaptureFixture
) -> None:
    report = RunReport()
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.markup_structure"):
        warn_of_scrambled_markup([_outcome(source, output)], report, entry_place)
    (record,) = caplog.records
    assert record.getMessage().startswith(warning)
    assert report.not_repairable == 1
    assert "1 could not be repaired" in report.summary()


@pytest.mark.parametrize(
    ("source", "output", "method", "ok"),
    [
        (TABLE, "<table><tr><td>Tarif</td><td>19 $ / Monat</td></tr></table>", "base", True),
        (
            "Click <b>Save</b>, <i>Close</i>.",
            "Auf <i>Schließen</i>, <b>Speichern</b>.",
            "knn",
            True,
        ),
        ("<b><i>x</b></i> broken in the source", "<b><i>x</b></i> kaputt", "base", True),
        ("if a < b", "wenn a < b", "base", True),
        (TABLE, "<table><tr></tr><td>Team</td></table>", "exact", True),  # a person's, stored
        (TABLE, "<table><tr></tr><td>Team</td></table>", "base", False),  # counted already
    ],
)
def test_an_output_that_keeps_the_structure_or_is_not_the_models_is_not_warned_of(
    source: str, output: str, method: str, ok: bool, caplog: pytest.LogCaptureFixture
) -> None:
    report = RunReport()
    with caplog.at_level(logging.WARNING, logger="ltmt.formats.markup_structure"):
        warn_of_scrambled_markup([_outcome(source, output, method, ok)], report, entry_place)
    assert caplog.text == "" and report.not_repairable == 0
