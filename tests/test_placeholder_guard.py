"""The placeholder guard: fused outputs replaced by the model's own, and its count of the outputs
that still lack a number."""

from __future__ import annotations

import pytest

from ltmt.placeholder_guard import Replaced, guard_placeholders, numbers_still_lost
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("line", "output", "lost"),
    [
        # a tag glued to a number: read as a space, not as the codes "is5" and "ist5" (a
        # Minecraft mod's trial, session 72: "could not be repaired" of lines that kept them)
        ("Value is <x/>5 now", "Wert ist <x/>5 jetzt", False),
        ("The password is <x1/>k12345<x2/>r.", "Das Passwort ist <x1/>k12345<x2/>r.", False),
        ("Read <x1/>12 and <x2/>1983 now.", "Lies <x1/>12 und <x2/>1983 jetzt.", False),
        ("Value is <x/>50 now", "Wert ist <x/> jetzt", True),  # a number lost is still lost
    ],
)
def test_a_number_beside_a_tag_is_read_as_the_line_writes_it(line, output, lost):
    assert numbers_still_lost([0], [Unit(0, line)], [output]) == ({0} if lost else set())


class _ModelAlone:
    """A translator whose model alone writes ``plain`` (one output per line, by source); its
    number repair must not decode again."""

    number_repair = True
    written_language = "de"

    def __init__(self, plain: dict[str, str]) -> None:
        self.plain = plain

    def decode_ids(self, encoded, hits=(), *, sources):
        return [self.plain[source] for source in sources]

    def decode_texts(self, texts, segments, hits=()):
        raise AssertionError(f"decoded again: {texts}")


def test_the_numbers_of_a_replaced_output_are_judged_on_the_output_kept():
    """A fused line the guard fixed still counted "could not be repaired" (a regression trial,
    session 72): the flag was the fused output's, whose percent repair changed it."""
    units = [
        Unit(0, "Set the limit to 50% of 50 GB."),
        Unit(1, "E766: open 50% of it"),
        Unit(2, "Keep 5 files"),
    ]
    outputs = ["Setzen Sie das Limit auf 50 GB.", "Öffnen", "Behalte 5 Dateien"]
    model = _ModelAlone(
        {
            units[0].text: "Setzen Sie die Grenzwerte auf 50% von 50 GB.",
            units[1].text: "E76: 50% davon öffnen",  # its code put back by the repair
        }
    )
    replaced = guard_placeholders(model, [0, 1, 2], units, [[1], [1, 2], [1]], outputs, [[]] * 3)
    assert replaced == Replaced({0, 1}, numbers_wrong=set())
    assert outputs == [
        "Setzen Sie die Grenzwerte auf 50% von 50 GB.",
        "E766: 50% davon öffnen",
        "Behalte 5 Dateien",
    ]


def test_a_replaced_output_its_repair_left_wrong_is_said():
    units = [Unit(0, "Price: 1,299.99 EUR and 99 cents")]
    outputs = ["Preis"]
    model = _ModelAlone({units[0].text: "Preis: 1.29,99,99 Euro und Cent"})
    replaced = guard_placeholders(model, [0], units, [[1]], outputs, [[]])
    assert replaced == Replaced({0}, numbers_wrong={0})
