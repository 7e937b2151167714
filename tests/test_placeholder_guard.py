"""The placeholder guard's count of the outputs that still lack a number."""

from __future__ import annotations

import pytest

from ltmt.placeholder_guard import numbers_still_lost
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
