"""What a Qt file's messages hold for each unit, for the record of what ltmt wrote there."""

from __future__ import annotations

import pytest

from ltmt.formats.documents import Unit
from ltmt.formats.qt_held import held_texts

V = "\u009c"  # Qt's length variant separator


@pytest.mark.parametrize(
    ("unit", "written", "expected"),
    [
        (Unit("0", "Save"), ["Speichern"], {"0": "Speichern"}),
        (Unit("0", "Save"), [""], {}),  # untranslated
        (Unit("0", "Save"), [], {}),  # no <translation> at all
        (
            Unit("3#1", "%n files", entry="3", form=1),
            ["%n Datei", "%n Dateien"],
            {"3#1": "%n Dateien"},
        ),
        (Unit("3#1", "%n files", entry="3", form=1), ["%n Datei", ""], {}),  # a form left empty
        (Unit("3#2", "%n files", entry="3", form=2), ["%n Datei", "%n Dateien"], {}),
        (Unit("5#1", "Speed", group="5"), [f"Geschwindigkeit{V}Tempo"], {"5#1": "Tempo"}),
        (Unit("5#1", "Speed", group="5"), ["Geschwindigkeit"], {}),  # one variant written
        (Unit("0", "Save"), [f"Speichern{V}"], {"0": f"Speichern{V}"}),  # as Qt compiles it
        (Unit("0", "Save"), [V], {}),  # empty variants alone: untranslated
    ],
)
def test_each_unit_holds_its_message_form_or_variant(
    unit: Unit, written: list[str], expected: dict[str, str]
) -> None:
    assert held_texts([unit], lambda number: written, V) == expected
